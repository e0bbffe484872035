#include "bindings.hpp"

#include "verbind/error.hpp"
#include "verbind/model/date.hpp"

#include <cmath>

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

// pandas' and NumPy's "no value": NaN, pd.NA, pd.NaT, numpy.datetime64('NaT').
// Recognised by type, without importing pandas.
bool is_missing_marker(py::handle obj) {
    PyObject* o = obj.ptr();
    if (PyFloat_Check(o)) return std::isnan(PyFloat_AsDouble(o));
    const std::string name = type_name(obj);
    if (name == "NAType" || name == "NaTType") return true;
    if (name == "float32" || name == "float16" || name == "longdouble" || name == "float128")
        return std::isnan(PyFloat_AsDouble(o));
    if (name == "datetime64") return py::module_::import("numpy").attr("isnat")(obj).cast<bool>();
    return false;
}

}  // namespace

// --- the Network lock -----------------------------------------------------------

namespace {

struct HeldLock {
    const NetworkHandle* handle;
    NetworkLock::Mode mode;
};

// The Network locks this thread holds, innermost last.
std::vector<HeldLock>& held_by_this_thread() {
    thread_local std::vector<HeldLock> held;
    return held;
}

}  // namespace

NetworkLock::NetworkLock(const NetworkHandle& handle, Mode mode, std::string_view function) : mode_(mode) {
    auto& held = held_by_this_thread();
    for (const HeldLock& h : held) {
        if (h.handle != &handle) continue;
        // This thread holds the lock already: a progress callback, or a
        // finaliser, using the Network that the outer call is working on.
        // Waiting would be for ever; a read may go on under the outer lock.
        if (mode == Mode::write && h.mode == Mode::read)
            throw verbind::error(std::string(function) +
                                 ": this Network is being read by a call on this thread (a progress callback "
                                 "runs inside it); change the Network after that call has returned");
        return;
    }
    std::shared_mutex& mutex = NetworkAccess::mutex(handle);
    if (mode == Mode::read) {
        if (!mutex.try_lock_shared()) {
            py::gil_scoped_release no_gil;
            mutex.lock_shared();
        }
    } else {
        lock_without_holding_gil(mutex);
    }
    held.push_back({&handle, mode});
    handle_ = &handle;
}

NetworkLock::~NetworkLock() {
    if (handle_ == nullptr) return;
    auto& held = held_by_this_thread();
    for (auto it = held.end(); it != held.begin();) {
        --it;
        if (it->handle == handle_) {
            held.erase(it);
            break;
        }
    }
    std::shared_mutex& mutex = NetworkAccess::mutex(*handle_);
    if (mode_ == Mode::read)
        mutex.unlock_shared();
    else
        mutex.unlock();
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
        throw verbind::input_error(std::string(what) + ": is not valid UTF-8 (it contains a lone surrogate) " +
                                   shown);
    }
    return std::string(data, static_cast<std::size_t>(size));
}

std::string optional_text_arg(py::handle obj, std::string_view function, std::string_view param,
                              std::string_view what) {
    if (obj.is_none() || is_missing_marker(obj)) return {};
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
    if (is_missing_marker(obj))
        throw verbind::input_error(std::string(what) + ": is missing (" + std::string(py::str(obj)) +
                                   "); a date is required here");
    if (type_name(obj) == "datetime64") {
        // numpy.datetime64: its day, when it has no time of day.
        const py::object day = obj.attr("astype")("datetime64[D]");
        if (!py::bool_(obj.attr("__eq__")(day)))
            throw verbind::input_error(std::string(what) + ": got a numpy.datetime64 " + std::string(py::str(obj)) +
                                       " with a time of day; pass its day (value.astype('datetime64[D]'))");
        const py::object value = day.attr("item")();  // datetime.date, or an int out of its range
        if (!py::isinstance(value, date_type()))
            throw verbind::input_error(std::string(what) + ": date " + std::string(py::str(obj)) +
                                       " is outside the supported range");
        return date_arg(value, function, param, what);
    }
    if (py::isinstance(obj, datetime_type()) && obj.attr("tzinfo").is_none() && obj.attr("hour").cast<int>() == 0 &&
        obj.attr("minute").cast<int>() == 0 && obj.attr("second").cast<int>() == 0 &&
        obj.attr("microsecond").cast<int>() == 0 &&
        (!py::hasattr(obj, "nanosecond") || obj.attr("nanosecond").cast<int>() == 0)) {
        // A date-time at midnight (pd.Timestamp('2022-03-05')): no time of day to drop.
        return verbind::make_date(obj.attr("year").cast<int>(), obj.attr("month").cast<int>(),
                                  obj.attr("day").cast<int>(), what);
    }
    if (py::isinstance(obj, datetime_type()))
        throw verbind::input_error(std::string(what) + ": got a datetime.datetime " + std::string(py::str(obj)) +
                                   "; pass a datetime.date (for example value.date()) so no time of day is dropped "
                                   "silently");
    if (!py::isinstance(obj, date_type())) wrong_type(obj, function, param, "a datetime.date or a str 'YYYY-MM-DD'");
    const int year = obj.attr("year").cast<int>();
    const int month = obj.attr("month").cast<int>();
    const int day = obj.attr("day").cast<int>();
    // datetime.date reaches from year 1 to 9999; the library takes the
    // supported range of verbind/model/date.hpp (checked by make_date).
    return verbind::make_date(year, month, day, what);
}

std::optional<verbind::Date> optional_date_arg(py::handle obj, std::string_view function, std::string_view param,
                                               std::string_view what) {
    if (obj.is_none() || is_missing_marker(obj)) return std::nullopt;
    return date_arg(obj, function, param, what);
}

std::string path_arg(py::handle obj, std::string_view function, std::string_view param) {
    // os.fspath takes str, bytes and os.PathLike, as open() does; its result
    // is checked again (a __fspath__ may return anything).
    static py::handle fspath = py::object(py::module_::import("os").attr("fspath")).release();
    py::object path;
    if (PyUnicode_Check(obj.ptr()) || PyBytes_Check(obj.ptr())) {
        path = py::reinterpret_borrow<py::object>(obj);
    } else {
        if (!py::hasattr(obj, "__fspath__")) wrong_type(obj, function, param, "str, bytes or os.PathLike");
        path = fspath(obj);
        if (!PyUnicode_Check(path.ptr()) && !PyBytes_Check(path.ptr()))
            throw py::type_error(std::string(function) + "(): " + std::string(param) + ": os.fspath() gave " +
                                 type_name(path) + ", not str or bytes");
    }
    std::string bytes;
    if (PyBytes_Check(path.ptr())) {
        bytes = std::string(py::bytes(path));
    } else {
        // os.fsencode gives the bytes the OS sees, also for names that are
        // not UTF-8 (surrogate-escaped in the str).
        static py::handle fsencode = py::object(py::module_::import("os").attr("fsencode")).release();
        bytes = std::string(py::bytes(fsencode(path)));
    }
    if (bytes.find('\0') != std::string::npos)
        throw verbind::input_error(std::string(function) + ": " + std::string(param) +
                                   ": embedded null byte in path (the file system would cut the name there)");
    return bytes;
}

// --- numbers ---------------------------------------------------------------------

namespace {

std::string bound_text(std::uint64_t value) {
    if (value == static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) return "2**63-1";
    if (value == std::numeric_limits<std::uint64_t>::max()) return "2**64-1";
    if (value == std::numeric_limits<std::uint32_t>::max()) return "2**32-1";
    return std::to_string(value);
}

std::string bound_text(std::int64_t value) {
    if (value == std::numeric_limits<std::int64_t>::min()) return "-2**63";
    if (value < 0) return std::to_string(value);
    return bound_text(static_cast<std::uint64_t>(value));
}

// An int as a message shows it: in full up to 40 digits, else by its size
// (str() of a huge int is slow, and refused past 4300 digits).
std::string int_text(const py::int_& value) {
    const auto bits = value.attr("bit_length")().cast<std::size_t>();
    if (bits <= 128) return py::str(static_cast<py::handle>(value));
    const bool negative = value < py::int_(0);
    return std::string(negative ? "-" : "") + "an int of " + std::to_string(bits) + " bits";
}

// `obj` as a Python int (through __index__); bool and non-integers refused.
py::int_ index_of(py::handle obj, std::string_view function, std::string_view param) {
    if (PyBool_Check(obj.ptr()) || !PyIndex_Check(obj.ptr())) wrong_type(obj, function, param, "int");
    auto value = py::reinterpret_steal<py::int_>(PyNumber_Index(obj.ptr()));
    if (!value) throw py::error_already_set();
    return value;
}

// "must be at least <min>" when the value is too small and the upper bound is
// only the type's end; else "must be in <min>..<max>".
[[noreturn]] void out_of_range(std::string_view function, std::string_view param, const std::string& lo,
                               const std::string& hi, bool too_small, bool open_above, const py::int_& value) {
    const std::string rule = !(too_small && open_above) ? " must be in " + lo + ".." + hi
                             : lo == "0"                ? std::string(" must be >= 0")
                                                        : " must be at least " + lo;
    throw verbind::input_error(std::string(function) + ": " + std::string(param) + rule + ", got " + int_text(value));
}

}  // namespace

std::int64_t int_arg(py::handle obj, std::string_view function, std::string_view param, std::int64_t min,
                     std::int64_t max) {
    const py::int_ value = index_of(obj, function, param);
    int overflow = 0;
    const long long v = PyLong_AsLongLongAndOverflow(value.ptr(), &overflow);
    if (overflow != 0 || v < min || v > max) {
        const bool too_small = overflow < 0 || (overflow == 0 && v < min);
        out_of_range(function, param, bound_text(min), bound_text(max), too_small,
                     max == std::numeric_limits<std::int64_t>::max(), value);
    }
    return static_cast<std::int64_t>(v);
}

std::uint64_t uint_arg(py::handle obj, std::string_view function, std::string_view param, std::uint64_t min,
                       std::uint64_t max) {
    const py::int_ value = index_of(obj, function, param);
    // A count's only upper bound is the type's; a seed's range is the point.
    const bool open_above = max == static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
    if (value < py::int_(0)) out_of_range(function, param, bound_text(min), bound_text(max), true, open_above, value);
    if (value.attr("bit_length")().cast<std::size_t>() > 64)
        out_of_range(function, param, bound_text(min), bound_text(max), false, open_above, value);
    const unsigned long long v = PyLong_AsUnsignedLongLong(value.ptr());
    if (v == static_cast<unsigned long long>(-1) && PyErr_Occurred()) throw py::error_already_set();
    if (v < min || v > max)
        out_of_range(function, param, bound_text(min), bound_text(max), v < min, open_above, value);
    return static_cast<std::uint64_t>(v);
}

std::optional<std::uint64_t> seed_arg(py::handle obj, std::string_view function) {
    if (obj.is_none()) return std::nullopt;
    if (PyBool_Check(obj.ptr()) || !PyIndex_Check(obj.ptr())) wrong_type(obj, function, "seed", "int or None");
    return uint_arg(obj, function, "seed", 0, std::numeric_limits<std::uint64_t>::max());
}

unsigned threads_arg(py::handle obj, std::string_view function) {
    return static_cast<unsigned>(uint_arg(obj, function, "threads", 0, max_threads_arg));
}

double float_arg(py::handle obj, std::string_view function, std::string_view param) {
    PyObject* o = obj.ptr();
    if (PyFloat_Check(o)) return PyFloat_AsDouble(o);
    if (PyBool_Check(o) || PyUnicode_Check(o) || PyBytes_Check(o)) wrong_type(obj, function, param, "a real number");
    if (PyIndex_Check(o)) {
        const py::int_ value = index_of(obj, function, param);
        const double v = PyLong_AsDouble(value.ptr());
        if (v == -1.0 && PyErr_Occurred()) {
            PyErr_Clear();
            throw verbind::input_error(std::string(function) + ": " + std::string(param) +
                                       " is too large for a float, got " + int_text(value));
        }
        return v;
    }
    if (py::hasattr(obj, "__float__")) {  // NumPy floating scalars, Fraction, Decimal
        const double v = PyFloat_AsDouble(o);
        if (v == -1.0 && PyErr_Occurred()) {
            PyErr_Clear();
            wrong_type(obj, function, param, "a real number");
        }
        return v;
    }
    wrong_type(obj, function, param, "a real number");
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

// One rule for every Network key (docs/python.md, "Keys"): a str, or an int
// as its decimal digits: a Python int or a NumPy integer scalar (what a
// DataFrame's integer key column gives). bool (Python's or NumPy's) is not a
// key: True would silently become "1".
namespace {

bool is_int_key(py::handle obj) {
    PyObject* o = obj.ptr();
    if (PyBool_Check(o)) return false;
    if (PyLong_Check(o)) return true;
    return PyIndex_Check(o) && type_name(obj) != "bool_" &&
           std::string(py::str(py::type::handle_of(obj).attr("__module__"))) == "numpy";
}

}  // namespace

std::string key_arg(py::handle obj, std::string_view function, std::string_view param, std::string_view what) {
    if (PyUnicode_Check(obj.ptr())) return text_arg(obj, function, param, what);
    if (is_int_key(obj)) {
        auto value = py::reinterpret_steal<py::object>(PyNumber_Index(obj.ptr()));
        if (!value) throw py::error_already_set();
        return py::str(value);
    }
    wrong_type(obj, function, param, "str or int");
}

std::string optional_key_arg(py::handle obj, std::string_view function, std::string_view param,
                             std::string_view what) {
    if (obj.is_none() || is_missing_marker(obj)) return {};
    return key_arg(obj, function, param, what);
}

std::vector<std::string> optional_key_list_arg(py::handle obj, std::string_view function, std::string_view param,
                                               std::string_view what) {
    if (obj.is_none()) return {};
    if (PyUnicode_Check(obj.ptr()) || PyBytes_Check(obj.ptr()) || !py::isinstance<py::iterable>(obj))
        wrong_type(obj, function, param, "an iterable of str or int");
    std::vector<std::string> items;
    for (py::handle item : obj) {
        if (!PyUnicode_Check(item.ptr()) && !is_int_key(item))
            throw py::type_error(std::string(function) + "(): every item of " + std::string(param) +
                                 " must be str or int, not " + type_name(item));
        items.push_back(key_arg(item, function, param, what));
    }
    return items;
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
    r.key = key_arg(key, fn, "key", "resident key");
    const std::string rec = "resident " + quoted(r.key);
    r.info.neighbourhood = optional_text_arg(neighbourhood, fn, "neighbourhood", field(rec, "neighbourhood"));
    r.info.municipality = optional_text_arg(municipality, fn, "municipality", field(rec, "municipality"));
    r.info.talents = optional_text_list_arg(talents, fn, "talents", field(rec, "talents"));
    r.info.groups = optional_text_list_arg(groups, fn, "groups", field(rec, "groups"));
    r.info.key_figure = key_figure;
    r.info.trained_on = optional_date_arg(trained_on, fn, "trained_on", field(rec, "trained_on"));
    return r;
}

OrganisationArgs organisation_args(py::handle key, py::handle kind, py::handle neighbourhood, py::handle municipality,
                                   py::handle talents) {
    constexpr std::string_view fn = "add_organisation";
    OrganisationArgs o;
    o.key = key_arg(key, fn, "key", "organisation key");
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
    t.a = key_arg(a, fn, "a", "tie field 'a'");
    t.b = key_arg(b, fn, "b", "tie field 'b'");
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
    e.key = key_arg(key, fn, "key", "event key");
    const std::string rec = "event " + quoted(e.key);
    e.info.date = date_arg(date, fn, "date", field(rec, "date"));
    e.info.kind = text_arg(kind, fn, "kind", field(rec, "kind"));
    e.info.neighbourhood = optional_text_arg(neighbourhood, fn, "neighbourhood", field(rec, "neighbourhood"));
    e.info.municipality = optional_text_arg(municipality, fn, "municipality", field(rec, "municipality"));
    e.info.organisers = optional_key_list_arg(organisers, fn, "organisers", field(rec, "organisers"));
    return e;
}

}  // namespace verbind::python
