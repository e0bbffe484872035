// verbind.mpi's bridge: a verbind::Collective over a Python communicator
// object (verbind/mpi.py wraps an mpi4py communicator in one), and
// _with_collective, which runs one binding over it (collective.hpp).
//
// The communicator object has `rank` and `size` (ints) and three methods,
// each called by every rank in the same order (collective semantics):
//   allreduce(values, op)  values: a NumPy uint64 or float64 array, reduced
//                          in place over all ranks; op 'sum', 'min' or 'max'
//   gather(values)         every rank's uint32/uint64 array concatenated in
//                          rank order (a NumPy array of the same dtype)
//   broadcast(data, root)  data: a NumPy uint8 array, overwritten in place
//                          with the root's bytes
// The algorithms run without the GIL; each call takes it.
#include "bindings.hpp"
#include "collective.hpp"

#include "verbind/error.hpp"

#include <cstring>
#include <memory>
#include <string>

namespace verbind::python {

namespace {

// The collective installed for the current call on this thread, until the
// binding takes it.
thread_local verbind::Collective* installed = nullptr;
thread_local bool taken = false;

unsigned count_attr(const py::object& comm, const char* name) {
    py::object value = comm.attr(name);
    if (!PyIndex_Check(value.ptr()) || PyBool_Check(value.ptr()))
        throw py::type_error(std::string("communicator.") + name + " must be an int, not " + type_name(value));
    const long long v = value.cast<long long>();
    if (v < 0 || v > 0x7fffffff)
        throw py::value_error(std::string("communicator.") + name + " is " + std::to_string(v) +
                              ", expected 0..2**31-1");
    return static_cast<unsigned>(v);
}

class PythonCollective final : public verbind::Collective {
public:
    explicit PythonCollective(py::object comm) : comm_(std::move(comm)) {
        rank_ = count_attr(comm_, "rank");
        size_ = count_attr(comm_, "size");
        if (size_ == 0 || rank_ >= size_)
            throw py::value_error("communicator: rank " + std::to_string(rank_) + " of size " +
                                  std::to_string(size_) + " (expected 0 <= rank < size)");
    }
    ~PythonCollective() override {
        py::gil_scoped_acquire gil;
        comm_ = py::object();
    }

    unsigned rank() const noexcept override { return rank_; }
    unsigned size() const noexcept override { return size_; }

    void sum(std::span<std::uint64_t> values) override { reduce(values, "sum"); }
    void sum(std::span<double> values) override { reduce(values, "sum"); }
    void min(std::span<std::uint64_t> values) override { reduce(values, "min"); }
    void max(std::span<std::uint64_t> values) override { reduce(values, "max"); }

    std::vector<std::uint32_t> gather(std::span<const std::uint32_t> mine) override { return gather_as(mine); }
    std::vector<std::uint64_t> gather(std::span<const std::uint64_t> mine) override { return gather_as(mine); }

    void broadcast(std::span<std::byte> bytes, unsigned root) override {
        call("broadcast", [&] {
            comm_.attr("broadcast")(view(reinterpret_cast<std::uint8_t*>(bytes.data()), bytes.size()), root);
        });
    }

private:
    py::object comm_;
    unsigned rank_ = 0, size_ = 1;

    // A NumPy array over `size` values at `data` (no copy; valid during the call).
    template <class T>
    static py::array_t<T> view(T* data, std::size_t size) {
        static T empty{};
        py::capsule owner(data ? static_cast<void*>(data) : static_cast<void*>(&empty), [](void*) {});
        return py::array_t<T>({static_cast<py::ssize_t>(size)}, {static_cast<py::ssize_t>(sizeof(T))},
                              data ? data : &empty, owner);
    }

    // Runs `fn` with the GIL; a Python exception (an MPI error, a broken
    // communicator object) becomes verbind::error naming the call.
    template <class Fn>
    void call(const char* what, Fn&& fn) {
        py::gil_scoped_acquire gil;
        try {
            fn();
        } catch (py::error_already_set& e) {
            throw verbind::error(std::string("communicator.") + what + "() failed: " + e.what());
        } catch (const py::cast_error& e) {
            throw verbind::error(std::string("communicator.") + what + "() returned the wrong type: " + e.what());
        }
    }

    template <class T>
    void reduce(std::span<T> values, const char* op) {
        call("allreduce", [&] { comm_.attr("allreduce")(view(values.data(), values.size()), op); });
    }

    template <class T>
    std::vector<T> gather_as(std::span<const T> mine) {
        std::vector<T> out;
        call("gather", [&] {
            py::array_t<T> in = view(const_cast<T*>(mine.data()), mine.size());
            in.attr("setflags")(py::arg("write") = false);
            py::object result = comm_.attr("gather")(in);
            py::array array = py::reinterpret_borrow<py::array>(result);
            if (!py::isinstance<py::array_t<T>>(result) || array.ndim() != 1 || !array.dtype().is(py::dtype::of<T>()))
                throw verbind::error(std::string("communicator.gather() must return a 1-d ") +
                                     std::string(py::str(py::dtype::of<T>())) + " array, got " + type_name(result));
            auto typed = py::reinterpret_borrow<py::array_t<T>>(result);
            out.resize(static_cast<std::size_t>(typed.size()));
            auto r = typed.template unchecked<1>();
            for (py::ssize_t i = 0; i < r.shape(0); ++i) out[static_cast<std::size_t>(i)] = r(i);
        });
        return out;
    }
};

// The kind agree() gives a Python exception raised before the computation
// (converting an argument): verbind's own classes keep their kind; a
// TypeError or ValueError is bad input too.
std::pair<verbind::FailureKind, std::string> python_failure(py::error_already_set& e) {
    py::module_ errors = py::module_::import("verbind._errors");
    const std::string message = py::str(e.value());
    auto is = [&](const char* name) { return e.matches(errors.attr(name)); };
    if (is("ParseError")) return {verbind::FailureKind::parse, message};
    if (is("InputError")) return {verbind::FailureKind::input, message};
    if (is("NotFoundError")) return {verbind::FailureKind::not_found, message};
    if (is("FileError")) return {verbind::FailureKind::io, message};
    if (is("CancelledError")) return {verbind::FailureKind::cancelled, message};
    if (e.matches(PyExc_MemoryError)) return {verbind::FailureKind::out_of_memory, message};
    const std::string type = py::str(e.type().attr("__name__"));
    if (e.matches(PyExc_TypeError) || e.matches(PyExc_ValueError))
        return {verbind::FailureKind::input, type + ": " + message};
    return {verbind::FailureKind::other, type + ": " + message};
}

// A TypeError or ValueError on one rank reaches every rank as an
// input_error "rank R: TypeError: ..." (python_failure, agree()): raised as
// that Python type again on every rank.
void python_type_again(const std::string& message) {
    const std::size_t colon = message.find(": ");
    if (message.rfind("rank ", 0) != 0 || colon == std::string::npos) return;
    const std::string rest = message.substr(colon + 2);
    const std::string prefix = message.substr(0, colon + 2);
    if (rest.rfind("TypeError: ", 0) == 0) throw py::type_error(prefix + rest.substr(11));
    if (rest.rfind("ValueError: ", 0) == 0) throw py::value_error(prefix + rest.substr(12));
}

// Installs a collective for one call on this thread; restores what was
// there (a call of _with_collective inside another's progress callback).
class Installed {
public:
    explicit Installed(verbind::Collective& c) : previous_(installed), previous_taken_(taken) {
        installed = &c;
        taken = false;
    }
    ~Installed() {
        installed = previous_;
        taken = previous_taken_;
    }
    Installed(const Installed&) = delete;
    Installed& operator=(const Installed&) = delete;

private:
    verbind::Collective* previous_;
    bool previous_taken_;
};

}  // namespace

verbind::Collective& take_collective() {
    if (!installed || taken) return verbind::single_process();
    taken = true;
    verbind::Collective& c = *installed;
    // Every rank converted its arguments: go on together.
    verbind::agree(c, verbind::FailureKind::none, "");
    return c;
}

void register_collective(py::module_& m) {
    m.def(
        "_with_collective",
        [](py::object communicator, py::object function, py::args args, py::kwargs kwargs) {
            PythonCollective collective(std::move(communicator));
            Installed installing(collective);
            py::object result;
            try {
                try {
                    result = function(*args, **kwargs);
                } catch (py::error_already_set& e) {
                    // Failed before the computation on this rank: alone, as it
                    // is; else the others wait in take_collective()'s agreement:
                    // join it.
                    if (taken || collective.size() == 1) throw;
                    auto [kind, message] = python_failure(e);
                    verbind::agree(collective, kind, message);
                    throw;  // not reached: agree() throws when kind is not none
                }
            } catch (const verbind::input_error& e) {
                python_type_again(e.what());
                throw;
            } catch (py::error_already_set& e) {
                if (e.matches(py::module_::import("verbind._errors").attr("InputError")))
                    python_type_again(py::str(e.value()));
                throw;
            }
            if (!taken)
                throw verbind::error("_with_collective: " + std::string(py::str(function.attr("__name__"))) +
                                     " is not a distributed operation");
            return result;
        },
        py::arg("communicator"), py::arg("function"),
        "Calls function(*args, **kwargs) with its computation distributed over communicator (verbind.mpi).");
}

}  // namespace verbind::python
