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

#include <memory>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <vector>

namespace verbind::python {

namespace py = pybind11;

// A Network as Python holds it. Long reads (graph building, exports) run
// without the GIL, so a second Python thread could otherwise mutate the
// Network under them. Readers that drop the GIL take the lock shared;
// mutators take it exclusively and mutate only while holding the GIL, so
// short reads under the GIL need no lock. A thread never blocks on the lock
// while holding the GIL (see lock_for_writing), which rules out deadlock.
struct NetworkHandle {
    verbind::Network network;
    mutable std::shared_mutex mutex;

    NetworkHandle() = default;
    explicit NetworkHandle(verbind::Network&& n) : network(std::move(n)) {}
};

// Exclusive lock for a mutation; call with the GIL held.
std::unique_lock<std::shared_mutex> lock_for_writing(const NetworkHandle& handle);

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

// A filesystem path (str, bytes or os.PathLike) as the bytes the OS sees.
std::string path_arg(py::handle obj, std::string_view function, std::string_view param);

// "'<text>'" with the text as given.
std::string quoted(std::string_view text);

// The name of an object's type, for TypeError messages ("not str").
std::string type_name(py::handle obj);

// --- progress ------------------------------------------------------------------

// A Python callable (or None) as a ProgressCallback, for work that runs with
// the GIL released. Reports come only from the calling thread (see
// util/progress.hpp), so each call takes the GIL back. A falsy answer other
// than None (False, 0) cancels: the work ends with verbind.CancelledError. An
// exception in the callable cancels too, and rethrow() raises it in place of
// CancelledError.
struct PythonProgress {
    py::object callable;
    std::shared_ptr<py::error_already_set> raised;

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
};

// Runs work(ProgressCallback) without the GIL, with `progress` (a callable or
// None; TypeError otherwise) as its progress callback.
template <class Work>
auto with_progress(py::object progress, Work&& work) {
    if (!progress.is_none() && !PyCallable_Check(progress.ptr()))
        throw py::type_error("progress must be callable or None, not " + type_name(progress));
    PythonProgress adapter{std::move(progress), nullptr};
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
OrganisationArgs organisation_args(py::handle key, py::handle kind, py::handle neighbourhood,
                                   py::handle municipality, py::handle talents);

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
