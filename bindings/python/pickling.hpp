// Internal to the Python bindings (results.cpp): the state tuples of
// pickling. Every state is a tuple ("verbind.<Class>", <format version>,
// fields...); State reads one back, checking each field's type and shape and
// naming it when it is wrong; add_pickling and add_eq give a class
// __getstate__/_from_state and a field-by-field __eq__.
#pragma once

#include "bindings.hpp"

#include "verbind/error.hpp"

#include <cmath>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <limits>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace verbind::python::pickle_detail {

inline constexpr int state_version = 1;

// Equal as numbers, with NaN equal to NaN (an unpickled NaN is the value
// that was pickled).
inline bool same(double a, double b) { return a == b || (std::isnan(a) && std::isnan(b)); }

template <class T>
py::array_t<T> array_of(const std::vector<T>& values) {
    return to_numpy(std::vector<T>(values));
}

// A state tuple being read back: each accessor checks one field and names it
// when it is wrong.
class State {
public:
    State(py::handle obj, std::string cls, std::size_t fields) : cls_(std::move(cls)) {
        if (!PyTuple_Check(obj.ptr())) fail("the state must be a tuple, got " + type_name(obj));
        tuple_ = py::reinterpret_borrow<py::tuple>(obj);
        if (tuple_.size() != fields + 2)
            fail("the state has " + std::to_string(tuple_.size()) + " fields, expected " +
                 std::to_string(fields + 2));
        if (!PyUnicode_Check(tuple_[0].ptr()) || tuple_[0].cast<std::string>() != "verbind." + cls_)
            fail("the state is not a verbind." + cls_ + " (tag " + std::string(py::repr(tuple_[0])) + ")");
        if (!PyLong_Check(tuple_[1].ptr()) || PyBool_Check(tuple_[1].ptr()) ||
            !tuple_[1].cast<py::int_>().equal(py::int_(state_version)))
            fail("format version " + std::string(py::repr(tuple_[1])) + " is not one this verbind reads (" +
                 std::to_string(state_version) + ")");
    }

    [[noreturn]] void fail(const std::string& why) const {
        throw verbind::input_error("unpickling verbind." + cls_ + ": " + why);
    }
    [[noreturn]] void fail(const char* field, const std::string& why) const {
        fail("field '" + std::string(field) + "' " + why);
    }

    py::handle at(std::size_t i) const { return tuple_[i + 2]; }

    bool flag(std::size_t i, const char* field) const {
        py::handle v = at(i);
        if (!PyBool_Check(v.ptr())) fail(field, "must be bool, got " + type_name(v));
        return v.ptr() == Py_True;
    }
    double real(std::size_t i, const char* field) const {
        py::handle v = at(i);
        if (!PyFloat_Check(v.ptr())) fail(field, "must be float, got " + type_name(v));
        return PyFloat_AsDouble(v.ptr());
    }
    std::uint64_t count(std::size_t i, const char* field,
                        std::uint64_t max = std::numeric_limits<std::uint64_t>::max()) const {
        py::handle v = at(i);
        if (!PyLong_Check(v.ptr()) || PyBool_Check(v.ptr())) fail(field, "must be int, got " + type_name(v));
        const unsigned long long value = PyLong_AsUnsignedLongLong(v.ptr());
        if (PyErr_Occurred()) {
            PyErr_Clear();
            fail(field, "must be in 0.." + std::to_string(max) + ", got " + std::string(py::repr(v)));
        }
        if (value > max) fail(field, "must be in 0.." + std::to_string(max) + ", got " + std::to_string(value));
        return value;
    }
    std::string text(std::size_t i, const char* field) const { return text_of(at(i), field); }
    std::vector<std::string> texts(std::size_t i, const char* field) const {
        py::handle v = at(i);
        if (!PyList_Check(v.ptr())) fail(field, "must be a list of str, got " + type_name(v));
        std::vector<std::string> out;
        out.reserve(py::len(v));
        for (py::handle item : v) out.push_back(text_of(item, field));
        return out;
    }
    // A list of str packed as (uint64 end offsets, UTF-8 bytes), so a
    // million labels cost two objects, not a million.
    std::vector<std::string> packed_texts(std::size_t i, const char* field) const {
        py::handle v = at(i);
        if (!PyTuple_Check(v.ptr()) || py::len(v) != 2)
            fail(field, "must be a tuple (offsets, bytes), got " + type_name(v));
        const auto pair = py::reinterpret_borrow<py::tuple>(v);
        const std::vector<std::uint64_t> ends = array_checked<std::uint64_t>(pair[0], field);
        if (!PyBytes_Check(pair[1].ptr())) fail(field, "text must be bytes, got " + type_name(pair[1]));
        const char* data = PyBytes_AS_STRING(pair[1].ptr());
        const auto size = static_cast<std::uint64_t>(PyBytes_GET_SIZE(pair[1].ptr()));
        // Valid UTF-8 as a whole, and no label starts inside a character:
        // then every label is valid UTF-8.
        if (PyObject* decoded = PyUnicode_DecodeUTF8(data, static_cast<Py_ssize_t>(size), "strict")) {
            Py_DECREF(decoded);
        } else {
            PyErr_Clear();
            fail(field, "holds text that is not valid UTF-8");
        }
        std::vector<std::string> out;
        out.reserve(ends.size());
        std::uint64_t begin = 0;
        for (std::size_t k = 0; k < ends.size(); ++k) {
            if (ends[k] < begin || ends[k] > size)
                fail(field, "offset " + std::to_string(k) + " (" + std::to_string(ends[k]) +
                                ") is out of order or past the end");
            if (ends[k] < size && (static_cast<unsigned char>(data[ends[k]]) & 0xC0) == 0x80)
                fail(field, "offset " + std::to_string(k) + " cuts a character in two");
            out.emplace_back(data + begin, data + ends[k]);
            begin = ends[k];
        }
        if (begin != size) fail(field, "has " + std::to_string(size - begin) + " bytes after the last text");
        return out;
    }
    template <class T>
    std::vector<T> array(std::size_t i, const char* field) const {
        return array_checked<T>(at(i), field);
    }

private:
    std::string text_of(py::handle v, const char* field) const {
        if (!PyUnicode_Check(v.ptr())) fail(field, "must hold str, got " + type_name(v));
        Py_ssize_t size = 0;
        const char* data = PyUnicode_AsUTF8AndSize(v.ptr(), &size);
        if (data == nullptr) {
            PyErr_Clear();
            fail(field, "holds text that is not valid UTF-8");
        }
        return std::string(data, static_cast<std::size_t>(size));
    }

    template <class T>
    std::vector<T> array_checked(py::handle v, const char* field) const {
        if (!py::isinstance<py::array>(v)) fail(field, "must be a NumPy array, got " + type_name(v));
        const auto raw = py::reinterpret_borrow<py::array>(v);
        const auto want = py::dtype::of<T>();
        if (raw.ndim() != 1)
            fail(field, "must be one-dimensional, got " + std::to_string(raw.ndim()) + " dimensions");
        if (raw.dtype().kind() != want.kind() || raw.dtype().itemsize() != want.itemsize())
            fail(field, "must have dtype " + std::string(py::str(py::object(want))) + ", got " +
                            std::string(py::str(raw.dtype())));
        // Native byte order and contiguous (a pickle from another machine may differ).
        auto typed = py::array_t<T, py::array::c_style | py::array::forcecast>::ensure(raw);
        if (!typed) throw py::error_already_set();
        return std::vector<T>(typed.data(), typed.data() + typed.size());
    }

    std::string cls_;
    py::tuple tuple_;
};

inline py::object state(const char* cls, std::initializer_list<py::object> fields) {
    py::tuple out(fields.size() + 2);
    out[0] = py::str(std::string("verbind.") + cls);
    out[1] = py::int_(state_version);
    std::size_t i = 2;
    for (const auto& f : fields) out[i++] = f;
    return out;
}

// Strings as (uint64 end offsets, one bytes object).
inline py::tuple pack_texts(const std::vector<std::string>& texts) {
    std::vector<std::uint64_t> ends(texts.size());
    std::uint64_t total = 0;
    for (std::size_t i = 0; i < texts.size(); ++i) ends[i] = total += texts[i].size();
    PyObject* raw = PyBytes_FromStringAndSize(nullptr, static_cast<Py_ssize_t>(total));
    if (raw == nullptr) throw py::error_already_set();
    auto blob = py::reinterpret_steal<py::bytes>(raw);
    char* out = PyBytes_AS_STRING(raw);
    for (const auto& t : texts) {
        if (!t.empty()) std::memcpy(out, t.data(), t.size());
        out += t.size();
    }
    return py::make_tuple(to_numpy(std::move(ends)), blob);
}

// Rethrows a core error met while rebuilding an object as the unpickling
// error of that class.
template <class F>
auto rebuilding(const char* cls, F&& build) {
    try {
        return build();
    } catch (const verbind::parse_error& e) {
        throw verbind::parse_error(std::string("unpickling verbind.") + cls + ": " + e.what());
    } catch (const verbind::error& e) {
        throw verbind::input_error(std::string("unpickling verbind.") + cls + ": " + e.what());
    }
}

template <class T, class... Options>
void add_eq(py::class_<T, Options...>& cls, bool (*equal)(const T&, const T&)) {
    cls.def(
        "__eq__",
        [equal](const T& a, py::handle other) -> py::object {
            if (!py::isinstance<T>(other)) return py::reinterpret_borrow<py::object>(Py_NotImplemented);
            return py::bool_(equal(a, other.cast<const T&>()));
        },
        py::is_operator(), "Equal field by field (NaN equals NaN).");
    // Compared by value: not usable as dict keys (pybind11 sets this too).
    cls.attr("__hash__") = py::none();
}

// __getstate__ for pickle, and a static _from_state that builds a new object
// from it (verbind/_results.py's __reduce__ calls it). No __setstate__: it
// would replace the contents of a live object, which other threads may be
// reading (a Graph is shared without locks; a Network is changed only under
// its lock).
template <class Class, class Get, class Make>
void add_pickling(Class& cls, Get&& get, Make&& make) {
    cls.def("__getstate__", std::forward<Get>(get), "The state pickle stores (docs/python.md, \"Pickling\").");
    cls.def_static("_from_state", std::forward<Make>(make), py::arg("state"),
                   "A new object from a state of __getstate__ (for pickle); InputError naming the field when it is "
                   "not one.");
}

}  // namespace verbind::python::pickle_detail
