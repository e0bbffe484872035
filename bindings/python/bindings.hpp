// Shared pieces of the `_verbind` extension module: argument conversion with
// errors that name the parameter, dates, NumPy hand-over, and the Python-side
// Network holder.
#pragma once

#include "verbind/graph/graph.hpp"
#include "verbind/error.hpp"
#include "verbind/model/network.hpp"
#include "verbind/util/progress.hpp"

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include <cstdint>
#include <functional>
#include <limits>
#include <memory>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace verbind::python {

namespace py = pybind11;

// A Network as Python holds it, with the one locking rule every binding
// follows (docs/python.md, "Threads"):
//
//   Nothing waits for a Network's lock while holding the GIL.
//
// Readers take the lock shared, writers exclusively, both through
// read_network / write_network below (the Network and its lock are private,
// so no binding can reach them another way). The lock is tried first; if it
// is taken, the GIL is released before waiting for it. A thread that holds
// the lock may then wait for the GIL (to build Python results, or to call a
// progress callback): the thread holding the GIL never waits for the lock,
// so it goes on and releases the GIL. A thread that already holds the lock
// (a progress callback reading the Network it is called for) reads on
// without locking again; changing a Network from inside its own read raises
// verbind.Error instead of waiting for ever.
class NetworkHandle {
public:
    NetworkHandle() = default;
    explicit NetworkHandle(verbind::Network&& n) : network_(std::move(n)) {}

private:
    verbind::Network network_;
    mutable std::shared_mutex mutex_;
    friend struct NetworkAccess;
};

// Holds a NetworkHandle's lock (see above) for its lifetime. `function`
// names the Python call in the error for a write inside a read.
class NetworkLock {
public:
    enum class Mode { read, write };
    NetworkLock(const NetworkHandle& handle, Mode mode, std::string_view function);
    ~NetworkLock();
    NetworkLock(const NetworkLock&) = delete;
    NetworkLock& operator=(const NetworkLock&) = delete;

private:
    const NetworkHandle* handle_ = nullptr;  // null: this thread held the lock already
    Mode mode_;
};

// Only for read_network and write_network.
struct NetworkAccess {
    static verbind::Network& network(NetworkHandle& h) { return h.network_; }
    static const verbind::Network& network(const NetworkHandle& h) { return h.network_; }
    static std::shared_mutex& mutex(const NetworkHandle& h) { return h.mutex_; }
};

// fn(const Network&) with the lock held shared. Call with the GIL held; fn
// runs with the GIL and may release it (without_gil, with_progress) for
// long work, and build Python results from the Network afterwards.
template <class F>
auto read_network(const NetworkHandle& handle, std::string_view function, F&& fn) {
    NetworkLock lock(handle, NetworkLock::Mode::read, function);
    return fn(NetworkAccess::network(handle));
}

// fn(Network&) with the lock held exclusively. Call with the GIL held, after
// every argument is converted: fn should only change the Network.
template <class F>
auto write_network(NetworkHandle& handle, std::string_view function, F&& fn) {
    NetworkLock lock(handle, NetworkLock::Mode::write, function);
    return fn(NetworkAccess::network(handle));
}

// fn() with the GIL released.
template <class F>
auto without_gil(F&& fn) {
    py::gil_scoped_release no_gil;
    return fn();
}

// Locks any other mutex (std::mutex, a Store's) by the same rule: tries it,
// and waits for it only after releasing the GIL. Call with the GIL held.
template <class Lockable>
void lock_without_holding_gil(Lockable& lock) {
    if (lock.try_lock()) return;
    py::gil_scoped_release no_gil;
    lock.lock();
}

// --- typed parameters ----------------------------------------------------------
//
// A py::handle or py::object parameter shows in every signature (help(),
// inspect.signature, the .pyi stubs, pybind11's argument errors) as
// `handle` or `object`. Each argument that a binding converts by hand
// (text_arg, nodes_arg, path_arg, ...) is declared with one of these types
// instead: a py::object that takes any Python object, as before (the
// converter judges it and names the parameter in its error), and shows the
// type its converter accepts. Keep each name true to what its converter
// takes; scripts/stubgen copies the names into verbind/__init__.pyi.
#define VERBIND_PYTHON_TYPES(X) \
  X(Text, "str") \
  X(OptionalText, "str | None") \
  X(TextList, "Iterable[str]") \
  X(OptionalTextList, "Iterable[str] | None") \
  X(DateLike, "datetime.date | numpy.datetime64 | str") \
  X(OptionalDate, "datetime.date | numpy.datetime64 | str | None") \
  X(PathLike, "str | bytes | os.PathLike[str] | os.PathLike[bytes]") \
  X(OptionalPath, "str | bytes | os.PathLike[str] | os.PathLike[bytes] | None") \
  X(Int, "int") \
  X(OptionalInt, "int | None") \
  X(Float, "float") \
  X(OptionalFloat, "float | None") \
  X(Bool, "bool") \
  X(OptionalBool, "bool | None") \
  X(Node, "str | int") \
  X(Key, "str | int") \
  X(OptionalKey, "str | int | None") \
  X(OptionalKeyList, "Iterable[str | int] | None") \
  X(Nodes, "str | int | Iterable[str | int]") \
  X(OptionalNodes, "str | int | Iterable[str | int] | None") \
  X(ProgressArg, "Callable[[float], bool | None] | bool | None") \
  X(ArrayLike, "numpy.typing.ArrayLike") \
  X(OptionalArrayLike, "numpy.typing.ArrayLike | None") \
  X(Hashable, "Hashable") \
  X(MergeName, "Literal['error', 'sum', 'max', 'min', 'first']") \
  X(OptionalMergeName, "Literal['error', 'sum', 'max', 'min', 'first'] | None") \
  X(SelfLoopsName, "Literal['error', 'drop']") \
  X(ModelName, "Literal['ic', 'lt']") \
  X(Probability, "float | Literal['weights'] | None") \
  X(Labels, "numpy.typing.NDArray[numpy.int64] | list[str]") \
  X(OptionalLabels, "numpy.typing.NDArray[numpy.int64] | list[str] | None") \
  X(Series, "pandas.Series") \
  X(GraphObject, "Graph") \
  X(CsvColumns, "dict[str, str | dict[str, str]] | None") \
  X(WeightColumn, "bool | int | str | None") \
  X(CommunityMethodName, "Literal['leiden', 'louvain']") \
  X(PeriodName, "Literal['week', 'month', 'quarter', 'year']") \
  X(AreaLevelName, "Literal['municipality', 'neighbourhood', 'programme']") \
  X(Capacity, "int | Sequence[int] | numpy.typing.NDArray[numpy.integer]") \
  X(Preferences, "dict[str, Iterable[str]]") \
  X(Matching, "dict[str, str | None]") \
  X(CapacitiesArg, "int | dict[str, int] | None") \
  X(GroupLabels, "Sequence[Hashable] | None") \
  X(TemporalSource, "Network | Contacts") \
  X(TemporalStart, "datetime.date | numpy.datetime64 | str | int") \
  X(TemporalEnd, "datetime.date | numpy.datetime64 | str | int | None") \
  X(MaxWait, "int | datetime.timedelta | None") \
  X(OptionalTextListResult, "list[str] | None") \
  X(OptionalTextResult, "str | None") \
  X(ArrivalArray, "numpy.typing.NDArray[numpy.datetime64] | numpy.typing.NDArray[numpy.float64]") \
  X(TimesArray, "numpy.typing.NDArray[numpy.datetime64] | numpy.typing.NDArray[numpy.int64]") \
  X(StrList, "list[str]") \
  X(Record, "dict[str, Any]") \
  X(RecordList, "list[dict[str, Any]]") \
  X(PairList, "list[tuple[str, str]]") \
  X(IntroductionList, "list[Introduction]") \
  X(TableList, "list[Table]") \
  X(PublishedRows, "list[list[int | None]]") \
  X(EdgeArrays, \
    "tuple[numpy.typing.NDArray[numpy.uint32], numpy.typing.NDArray[numpy.uint32], numpy.typing.NDArray[numpy.float64]]")

#define VERBIND_PYTHON_TYPE_STRUCT(Name, text) \
  struct Name : py::object { \
    using py::object::object; \
    Name() = default; \
    Name(py::object o) : py::object(std::move(o)) {} \
    static bool check_(py::handle h) { return h.ptr() != nullptr; } \
  };
VERBIND_PYTHON_TYPES(VERBIND_PYTHON_TYPE_STRUCT)
#undef VERBIND_PYTHON_TYPE_STRUCT

// --- arguments ---------------------------------------------------------------

// `obj` as UTF-8. Not a str: TypeError "<function>(): <param> must be str,
// not <type>". A str that cannot be encoded (lone surrogates): input_error
// "<what>: is not valid UTF-8 ...". `what` names the record and field.
std::string text_arg(py::handle obj, std::string_view function, std::string_view param, std::string_view what);

// As text_arg; None gives "".
std::string optional_text_arg(py::handle obj, std::string_view function, std::string_view param,
                              std::string_view what);

// An iterable of str (a lone str is refused: it would be read as letters).
std::vector<std::string> text_list_arg(py::handle obj, std::string_view function, std::string_view param,
                                       std::string_view what);

// None, an iterable of str, as above.
std::vector<std::string> optional_text_list_arg(py::handle obj, std::string_view function, std::string_view param,
                                                std::string_view what);

// A Network key (actor, event): a str as text_arg takes it, or an int (a
// Python int or a NumPy integer, never a bool) as its decimal digits, so 7
// and "7" are the same key. Else TypeError "<function>(): <param> must be
// str or int, not <type>".
std::string key_arg(py::handle obj, std::string_view function, std::string_view param, std::string_view what);

// As key_arg; None (or pandas' NA, NaN) gives "".
std::string optional_key_arg(py::handle obj, std::string_view function, std::string_view param,
                             std::string_view what);

// None, or an iterable of keys as key_arg takes them (a lone str is refused).
std::vector<std::string> optional_key_list_arg(py::handle obj, std::string_view function, std::string_view param,
                                               std::string_view what);

// An ISO-8601 str or a datetime.date. A datetime.datetime is refused with
// input_error: taking its date would silently drop the time of day. Anything
// else: TypeError naming the parameter.
verbind::Date date_arg(py::handle obj, std::string_view function, std::string_view param, std::string_view what);

// As date_arg; None gives "no date".
std::optional<verbind::Date> optional_date_arg(py::handle obj, std::string_view function, std::string_view param,
                                               std::string_view what);

// 'error', 'sum', 'max', 'min' or 'first'; anything else: input_error.
verbind::Merge merge_arg(py::handle obj, std::string_view function, std::string_view param);

// 'error' or 'drop'; anything else: input_error.
verbind::SelfLoops self_loops_arg(py::handle obj, std::string_view function, std::string_view param);

// A filesystem path as the bytes the OS sees: str, bytes or os.PathLike
// (through os.fspath, as open() takes it). Anything else: TypeError naming
// the parameter. A path with an embedded NUL byte, which the OS would cut
// short: InputError (a ValueError, as open() raises) "<function>: <param>:
// embedded null byte in path". Every path argument goes through here.
std::string path_arg(py::handle obj, std::string_view function, std::string_view param);

// An integer argument in [min, max]: an int or anything with __index__
// (bool refused). Otherwise TypeError "<function>(): <param> must be int, not
// <type>"; out of range (however large): InputError "<function>: <param>
// must be in <min>..<max>, got <value>". Every integer argument goes
// through one of these, never through a C++ integer parameter (whose
// failure is pybind11's "incompatible function arguments" with every
// argument printed).
std::int64_t int_arg(py::handle obj, std::string_view function, std::string_view param, std::int64_t min,
                     std::int64_t max);
std::uint64_t uint_arg(py::handle obj, std::string_view function, std::string_view param, std::uint64_t min,
                       std::uint64_t max);
// As uint_arg into a size_t / unsigned range.
inline std::size_t size_arg(py::handle obj, std::string_view function, std::string_view param, std::size_t min = 0) {
    return static_cast<std::size_t>(uint_arg(obj, function, param, min, std::numeric_limits<std::int64_t>::max()));
}
// None, or an int in 0..2**64-1.
std::optional<std::uint64_t> seed_arg(py::handle obj, std::string_view function);
// 0 (every core the process may use) .. max_threads_arg.
inline constexpr unsigned max_threads_arg = 4096;
unsigned threads_arg(py::handle obj, std::string_view function);

// A real number (float, or int that a float holds); NaN and infinities are
// passed on for the Options to judge. Otherwise TypeError naming the
// parameter; an int too large for a float: InputError.
double float_arg(py::handle obj, std::string_view function, std::string_view param);

// "'<text>'" with the text as given.
std::string quoted(std::string_view text);

// The name of an object's type, for TypeError messages ("not str").
std::string type_name(py::handle obj);

// --- nodes (docs/python.md, "Node identity") ------------------------------------

// What a node argument can name: n nodes with labels of one LabelKind.
struct NodeLabels {
    std::size_t n = 0;
    verbind::LabelKind kind = verbind::LabelKind::integers;
    std::string reason;                                                   // for mixed
    std::function<std::optional<NodeId>(std::string_view)> find;          // a label as written
    std::function<std::optional<NodeId>(std::string_view)> find_integer;  // an integer label by value
};
// A graph's labels (the NodeLabels refers to g: use it while g lives).
NodeLabels graph_labels(const Graph& g);
// Labels given as text, node i labelled labels[i] (contacts, a Network's
// actors); the NodeLabels refers to `labels`.
NodeLabels text_labels(std::span<const std::string> labels);

// THE converter for every node argument. A str is a label as written; an int
// (anything with __index__, NumPy integers too; never a bool) is a label when
// the labels are integers (NotFoundError naming it when there is none), a
// position when they are text (InputError when out of range), and an error
// when they are mixed. Other types: TypeError naming the parameter.
NodeId node_arg(const NodeLabels& labels, py::handle obj, std::string_view function, std::string_view param);
// None (no nodes), one node, or an iterable of nodes, each through node_arg.
std::vector<NodeId> nodes_arg(const NodeLabels& labels, py::handle obj, std::string_view function,
                              std::string_view param);

// Labels for results: an int64 array when the labels are integers (an
// object array of ints beyond 64 bits), else a list of str. Graphs from
// arrays: the positions.
py::object labels_of(std::span<const std::string> keys, std::size_t n, verbind::LabelKind kind);
py::object graph_labels_object(const Graph& g);
// all_labels (as labels_of gives) at these positions, of the same type.
py::object labels_at(const py::object& all_labels, const std::vector<NodeId>& positions);

// --- progress ------------------------------------------------------------------

// What a `progress` argument means is decided in one place for every
// function, verbind._progress.reporter: None or False, no progress; True, a
// bar (tqdm's when tqdm imports, else a line on stderr); a callable, called
// with the fraction done; anything else, TypeError naming the function and
// the parameter. PythonProgress holds the answer as a ProgressCallback, for
// work that runs with the GIL released. Reports come only from the calling
// thread (see util/progress.hpp), so each call takes the GIL back. A falsy
// answer other than None (False, 0) cancels: the work ends with
// verbind.CancelledError. An exception in the callable (KeyboardInterrupt in
// a bar too) cancels as well, and rethrow() raises it in place of
// CancelledError. `close` is a bar's close (None for a callable): call
// close_bar() when the work ends, however it ends.
struct PythonProgress {
    py::object callable;
    std::shared_ptr<py::error_already_set> raised;
    py::object close;

    ProgressCallback callback() {
        if (callable.is_none()) return {};
        return [this](double fraction) {
            py::gil_scoped_acquire gil;
            try {
                py::object answer = callable(fraction);
                return answer.is_none() || PyObject_IsTrue(answer.ptr()) == 1;
            } catch (py::error_already_set& e) {
                raised = std::make_shared<py::error_already_set>(std::move(e));
                return false;
            }
        };
    }
    void rethrow() {
        if (raised) throw *raised;
    }
    // Closes a bar, with the GIL held; never throws (an error closing a bar
    // must not hide the work's own).
    void close_bar() noexcept {
        if (!close || close.is_none()) return;
        py::object c = std::move(close);
        try {
            c();
        } catch (py::error_already_set& e) {
            e.discard_as_unraisable("closing a verbind progress bar");
        } catch (...) {
        }
    }
};

// `progress` resolved by verbind._progress.reporter for `function` (the
// public name, as errors show it). Call with the GIL held.
inline PythonProgress python_progress(py::object progress, std::string_view function) {
    if (progress.is_none()) return PythonProgress{py::none(), nullptr, py::none()};
    static py::object* reporter = nullptr;  // imported once, kept for the process (never freed)
    if (!reporter) reporter = new py::object(py::module_::import("verbind._progress").attr("reporter"));
    py::tuple answer = (*reporter)(progress, py::str(function.data(), function.size()));
    return PythonProgress{answer[0], nullptr, answer[1]};
}

// Runs work(ProgressCallback) without the GIL, with `progress` (see
// PythonProgress) as its progress callback; a bar is closed when the work
// ends, returns or throws. `function` names the public function in the bar
// and in errors.
template <class Work>
auto with_progress(py::object progress, std::string_view function, Work&& work) {
    PythonProgress adapter = python_progress(std::move(progress), function);
    struct Closer {
        PythonProgress& p;
        ~Closer() { p.close_bar(); }  // runs with the GIL held: after no_gil's scope
    } closer{adapter};
    try {
        py::gil_scoped_release no_gil;
        return work(adapter.callback());
    } catch (const verbind::cancelled_error&) {
        adapter.rethrow();
        throw;
    }
}

// --- records -------------------------------------------------------------------

// The arguments of add_resident, add_organisation, add_tie and add_event, as
// Network and Store take them, checked and converted. Errors name the
// parameter (TypeError) or the record and field (InputError, e.g. "resident
// 'r1' field 'trained_on': ...").
struct ResidentArgs {
    std::string key;
    verbind::ResidentInfo info;
};
ResidentArgs resident_args(py::handle key, py::handle neighbourhood, py::handle municipality, py::handle talents,
                           py::handle groups, bool key_figure, py::handle trained_on);

struct OrganisationArgs {
    std::string key;
    verbind::OrganisationInfo info;
};
OrganisationArgs organisation_args(py::handle key, py::handle kind, py::handle neighbourhood, py::handle municipality,
                                   py::handle talents);

struct TieArgs {
    std::string a, b, kind;
    verbind::TieInfo info;
};
TieArgs tie_args(py::handle a, py::handle b, py::handle kind, py::handle since, py::handle until, double weight);

struct EventArgs {
    std::string key;
    verbind::EventInfo info;
};
EventArgs event_args(py::handle key, py::handle date, py::handle kind, py::handle neighbourhood,
                     py::handle organisers, py::handle municipality);

// --- results -----------------------------------------------------------------

// A datetime.date, or None for no date.
py::object to_python(const verbind::Date& date);
py::object to_python(const std::optional<verbind::Date>& date);

// A str, or None for "" (the model's "not known").
py::object text_or_none(const std::string& text);

// Moves a vector into a NumPy array that owns it: no copy, no Python object
// per element.
template <class T>
py::array_t<T> to_numpy(std::vector<T>&& values) {
    auto owner = std::make_unique<std::vector<T>>(std::move(values));
    const auto size = static_cast<py::ssize_t>(owner->size());
    T* data = owner->data();
    py::capsule free_when_done(owner.get(), [](void* p) { delete static_cast<std::vector<T>*>(p); });
    owner.release();
    return py::array_t<T>(size, data, free_when_done);
}

// --- registration --------------------------------------------------------------

void register_network(py::module_& m);
void register_graph(py::module_& m);
// One file each: bindings/python/<capability>.cpp.
void register_socialmap(py::module_& m);
void register_reach(py::module_& m);
void register_match(py::module_& m);
void register_store(py::module_& m);
void register_evaluate(py::module_& m);
void register_report(py::module_& m);

}  // namespace verbind::python

// The names the types above show (pybind11's hook for py::object subclasses).
namespace pybind11::detail {
#define VERBIND_PYTHON_TYPE_NAME(Name, text) \
  template <> \
  struct handle_type_name<verbind::python::Name> { \
    static constexpr auto name = const_name(text); \
  };
VERBIND_PYTHON_TYPES(VERBIND_PYTHON_TYPE_NAME)
#undef VERBIND_PYTHON_TYPE_NAME
}  // namespace pybind11::detail
