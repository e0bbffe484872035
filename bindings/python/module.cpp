// The `_verbind` extension module. The public face is the `verbind` package
// (bindings/python/verbind), which defines the exception classes in Python
// and re-exports what is defined here.
#include "bindings.hpp"
#include "results.hpp"

#include "verbind/error.hpp"
#include "verbind/util/parallel.hpp"
#include "verbind/version.hpp"

namespace verbind::python {
namespace {

// The exception classes from verbind._errors. Kept for the life of the
// process: the translator may run until the interpreter is gone.
struct ErrorTypes {
    PyObject* error;
    PyObject* input_error;
    PyObject* parse_error;
    PyObject* not_found_error;
    PyObject* file_error;
    PyObject* cancelled_error;
};

const ErrorTypes* error_types = nullptr;

void translate(std::exception_ptr thrown) {
    // Most specific class first: parse_error is an input_error.
    try {
        std::rethrow_exception(thrown);
    } catch (const verbind::parse_error& e) {
        PyErr_SetString(error_types->parse_error, e.what());
    } catch (const verbind::input_error& e) {
        PyErr_SetString(error_types->input_error, e.what());
    } catch (const verbind::not_found_error& e) {
        PyErr_SetString(error_types->not_found_error, e.what());
    } catch (const verbind::io_error& e) {
        PyErr_SetString(error_types->file_error, e.what());
    } catch (const verbind::cancelled_error& e) {
        PyErr_SetString(error_types->cancelled_error, e.what());
    } catch (const verbind::error& e) {
        PyErr_SetString(error_types->error, e.what());
    }
}

}  // namespace

// networkx and igraph bulk paths (interop.cpp).
void register_interop(py::module_& m);
// The C++ Options structs' defaults (options.cpp).
void register_options(py::module_& m);
// Graph.save and load_graph (graph_file.cpp).
void register_graph_file(py::module_& m);
// verbind.mpi's bridge to a Python communicator (collective.cpp).
void register_collective(py::module_& m);
}  // namespace verbind::python

PYBIND11_MODULE(_verbind, m) {
    namespace py = pybind11;
    using namespace verbind::python;

    m.doc() = "C++ core of the verbind package; import verbind instead.";

    py::module_ errors = py::module_::import("verbind._errors");
    auto keep = [&errors](const char* name) { return py::object(errors.attr(name)).release().ptr(); };
    error_types = new ErrorTypes{keep("Error"),         keep("InputError"), keep("ParseError"),
                                 keep("NotFoundError"), keep("FileError"),  keep("CancelledError")};
    py::register_exception_translator(&translate);

    m.attr("__version__") = verbind::version();
    m.def(
        "set_max_threads", [](Int threads) { verbind::set_max_threads(threads_arg(threads, "set_max_threads")); },
        py::arg("threads"),
        R"doc(
Caps the threads of every later computation in this process.

Every function with a ``threads`` keyword uses at most this many threads,
whatever it is given; ``threads=0`` there means the CPUs this process may
run on (its affinity mask, e.g. ``os.sched_setaffinity`` or ``taskset``),
capped by this. ``set_max_threads(0)`` removes the cap (the default).
Results do not depend on the thread count.

>>> import verbind
>>> verbind.set_max_threads(1)
>>> verbind.max_threads()
1
>>> verbind.set_max_threads(0)
)doc");
    m.def(
        "max_threads", [] { return verbind::max_threads(); },
        R"doc(
The threads a computation given ``threads=0`` uses now: the CPUs in this
process's affinity mask, capped by :func:`set_max_threads`.
)doc");
    register_graph(m);
    register_graph_file(m);
    register_network(m);
    register_socialmap(m);
    register_reach(m);
    register_match(m);
    register_store(m);
    register_evaluate(m);
    register_report(m);
    register_interop(m);
    register_options(m);
    register_collective(m);
    // After every class: adds pickling and equality to them (results.cpp).
    register_results(m);
}
