#include "bindings.hpp"

#include "verbind/error.hpp"
#include "verbind/model/date.hpp"

namespace verbind::python {

std::string type_name(py::handle obj) { return py::str(py::type::handle_of(obj).attr("__name__")); }

namespace {

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

namespace {

std::string field(const std::string& record, std::string_view name) {
    return record + " field '" + std::string(name) + "'";
}

}  // namespace

ResidentArgs resident_args(py::handle key, py::handle neighbourhood, py::handle municipality, py::handle talents,
                           py::handle groups, bool key_figure, py::handle trained_on) {
    constexpr std::string_view fn = "add_resident";
    ResidentArgs r;
    r.key = text_arg(key, fn, "key", "resident key");
    const std::string rec = "resident " + quoted(r.key);
    r.info.neighbourhood = optional_text_arg(neighbourhood, fn, "neighbourhood", field(rec, "neighbourhood"));
    r.info.municipality = optional_text_arg(municipality, fn, "municipality", field(rec, "municipality"));
    r.info.talents = optional_text_list_arg(talents, fn, "talents", field(rec, "talents"));
    r.info.groups = optional_text_list_arg(groups, fn, "groups", field(rec, "groups"));
    r.info.key_figure = key_figure;
    r.info.trained_on = optional_date_arg(trained_on, fn, "trained_on", field(rec, "trained_on"));
    return r;
}

OrganisationArgs organisation_args(py::handle key, py::handle kind, py::handle neighbourhood,
                                   py::handle municipality, py::handle talents) {
    constexpr std::string_view fn = "add_organisation";
    OrganisationArgs o;
    o.key = text_arg(key, fn, "key", "organisation key");
    const std::string rec = "organisation " + quoted(o.key);
    o.info.kind = text_arg(kind, fn, "kind", field(rec, "kind"));
    o.info.neighbourhood = optional_text_arg(neighbourhood, fn, "neighbourhood", field(rec, "neighbourhood"));
    o.info.municipality = optional_text_arg(municipality, fn, "municipality", field(rec, "municipality"));
    o.info.talents = optional_text_list_arg(talents, fn, "talents", field(rec, "talents"));
    return o;
}

TieArgs tie_args(py::handle a, py::handle b, py::handle kind, py::handle since, py::handle until, double weight) {
    constexpr std::string_view fn = "add_tie";
    TieArgs t;
    t.a = text_arg(a, fn, "a", "tie field 'a'");
    t.b = text_arg(b, fn, "b", "tie field 'b'");
    const std::string rec = "tie " + quoted(t.a) + " - " + quoted(t.b);
    t.kind = text_arg(kind, fn, "kind", field(rec, "kind"));
    t.info.since = optional_date_arg(since, fn, "since", field(rec, "since"));
    t.info.until = optional_date_arg(until, fn, "until", field(rec, "until"));
    t.info.weight = weight;
    return t;
}

EventArgs event_args(py::handle key, py::handle date, py::handle kind, py::handle neighbourhood,
                     py::handle organisers, py::handle municipality) {
    constexpr std::string_view fn = "add_event";
    EventArgs e;
    e.key = text_arg(key, fn, "key", "event key");
    const std::string rec = "event " + quoted(e.key);
    e.info.date = date_arg(date, fn, "date", field(rec, "date"));
    e.info.kind = text_arg(kind, fn, "kind", field(rec, "kind"));
    e.info.neighbourhood = optional_text_arg(neighbourhood, fn, "neighbourhood", field(rec, "neighbourhood"));
    e.info.municipality = optional_text_arg(municipality, fn, "municipality", field(rec, "municipality"));
    e.info.organisers = optional_text_list_arg(organisers, fn, "organisers", field(rec, "organisers"));
    return e;
}

}  // namespace verbind::python
