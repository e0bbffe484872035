#include "bindings.hpp"

#include "verbind/error.hpp"
#include "verbind/model/date.hpp"

namespace verbind::python {

namespace {

std::string type_name(py::handle obj) { return py::str(py::type::handle_of(obj).attr("__name__")); }

[[noreturn]] void wrong_type(py::handle obj, std::string_view function, std::string_view param,
                             std::string_view expected) {
    throw py::type_error(std::string(function) + "(): " + std::string(param) + " must be " + std::string(expected) +
                         ", not " + type_name(obj));
}

py::handle date_type() {
    static py::handle type = py::object(py::module_::import("datetime").attr("date")).release();
    return type;
}

py::handle datetime_type() {
    static py::handle type = py::object(py::module_::import("datetime").attr("datetime")).release();
    return type;
}

}  // namespace

std::unique_lock<std::shared_mutex> lock_for_writing(const NetworkHandle& handle) {
    std::unique_lock lock(handle.mutex, std::try_to_lock);
    if (!lock) {
        // A reader is at work without the GIL; wait for it without holding
        // the GIL, or it could never finish.
        py::gil_scoped_release no_gil;
        lock.lock();
    }
    return lock;
}

std::string quoted(std::string_view text) { return "'" + std::string(text) + "'"; }

std::string text_arg(py::handle obj, std::string_view function, std::string_view param, std::string_view what) {
    if (!PyUnicode_Check(obj.ptr())) wrong_type(obj, function, param, "str");
    Py_ssize_t size = 0;
    const char* data = PyUnicode_AsUTF8AndSize(obj.ptr(), &size);
    if (data == nullptr) {
        PyErr_Clear();
        // Lone surrogates, for example from os.fsdecode of non-UTF-8 bytes.
        std::string shown = py::str(py::repr(obj));
        throw verbind::input_error(std::string(what) + ": is not valid UTF-8 (it contains a lone surrogate) " + shown);
    }
    return std::string(data, static_cast<std::size_t>(size));
}

std::string optional_text_arg(py::handle obj, std::string_view function, std::string_view param,
                              std::string_view what) {
    if (obj.is_none()) return {};
    return text_arg(obj, function, param, what);
}

std::vector<std::string> text_list_arg(py::handle obj, std::string_view function, std::string_view param,
                                       std::string_view what) {
    if (PyUnicode_Check(obj.ptr()) || PyBytes_Check(obj.ptr()) || !py::isinstance<py::iterable>(obj))
        wrong_type(obj, function, param, "an iterable of str");
    std::vector<std::string> items;
    for (py::handle item : obj) {
        if (!PyUnicode_Check(item.ptr()))
            throw py::type_error(std::string(function) + "(): every item of " + std::string(param) +
                                 " must be str, not " + type_name(item));
        items.push_back(text_arg(item, function, param, what));
    }
    return items;
}

std::vector<std::string> optional_text_list_arg(py::handle obj, std::string_view function, std::string_view param,
                                                std::string_view what) {
    if (obj.is_none()) return {};
    return text_list_arg(obj, function, param, what);
}

verbind::Date date_arg(py::handle obj, std::string_view function, std::string_view param, std::string_view what) {
    if (PyUnicode_Check(obj.ptr())) return verbind::parse_date(text_arg(obj, function, param, what), what);
    if (py::isinstance(obj, datetime_type()))
        throw verbind::input_error(std::string(what) + ": got a datetime.datetime " + std::string(py::str(obj)) +
                                   "; pass a datetime.date (for example value.date()) so no time of day is dropped "
                                   "silently");
    if (!py::isinstance(obj, date_type())) wrong_type(obj, function, param, "a datetime.date or a str 'YYYY-MM-DD'");
    const int year = obj.attr("year").cast<int>();
    const int month = obj.attr("month").cast<int>();
    const int day = obj.attr("day").cast<int>();
    // Boost.Date_Time covers 1400-9999; datetime.date reaches down to year 1.
    if (year < 1400 || year > 9999)
        throw verbind::input_error(std::string(what) + ": date " + std::string(py::str(obj)) +
                                   " has a year outside 1400-9999");
    return verbind::Date(static_cast<unsigned short>(year), static_cast<unsigned short>(month),
                         static_cast<unsigned short>(day));
}

std::optional<verbind::Date> optional_date_arg(py::handle obj, std::string_view function, std::string_view param,
                                               std::string_view what) {
    if (obj.is_none()) return std::nullopt;
    return date_arg(obj, function, param, what);
}

std::string path_arg(py::handle obj, std::string_view function, std::string_view param) {
    if (!PyUnicode_Check(obj.ptr()) && !PyBytes_Check(obj.ptr()) && !py::hasattr(obj, "__fspath__"))
        wrong_type(obj, function, param, "str, bytes or os.PathLike");
    // os.fsencode gives the bytes the OS sees, also for names that are not
    // UTF-8 (surrogate-escaped in the str).
    static py::handle fsencode = py::object(py::module_::import("os").attr("fsencode")).release();
    py::bytes encoded = fsencode(obj);
    return std::string(encoded);
}

py::object to_python(const verbind::Date& date) {
    if (date.is_special()) return py::none();
    const auto ymd = date.year_month_day();
    return date_type()(static_cast<int>(ymd.year), static_cast<int>(ymd.month), static_cast<int>(ymd.day));
}

py::object to_python(const std::optional<verbind::Date>& date) {
    if (!date) return py::none();
    return to_python(*date);
}

py::object text_or_none(const std::string& text) {
    if (text.empty()) return py::none();
    return py::str(text);
}

}  // namespace verbind::python
