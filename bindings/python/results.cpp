// Pickling and field-by-field equality for Graph, Network and the C++ result
// classes (docs/python.md, "Results in pandas, pickling, notebooks"). The
// Python side (to_pandas, _repr_html_, records that behave like named
// tuples) is verbind/_results.py.
//
// Every state is a tuple ("verbind.<Class>", <format version>, fields...).
// Unpickling checks each field's type and shape before it builds anything,
// so a corrupt pickle is an InputError naming the class and the field, never
// a crash and never a half-built object.
#include "results.hpp"
#include "text_lists.hpp"

#include "verbind/error.hpp"
#include "verbind/io/io.hpp"
#include "verbind/match/introductions.hpp"
#include "verbind/match/tables.hpp"
#include "verbind/model/date.hpp"
#include "verbind/privacy/suppress.hpp"
#include "verbind/reach/spread.hpp"

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <type_traits>

namespace verbind::python {

namespace {

constexpr int state_version = 1;

// Equal as numbers, with NaN equal to NaN (an unpickled NaN is the value
// that was pickled).
bool same(double a, double b) { return a == b || (std::isnan(a) && std::isnan(b)); }

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

py::object state(const char* cls, std::initializer_list<py::object> fields) {
    py::tuple out(fields.size() + 2);
    out[0] = py::str(std::string("verbind.") + cls);
    out[1] = py::int_(state_version);
    std::size_t i = 2;
    for (const auto& f : fields) out[i++] = f;
    return out;
}

// Strings as (uint64 end offsets, one bytes object).
py::tuple pack_texts(const std::vector<std::string>& texts) {
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

// --- Graph -------------------------------------------------------------------

bool same_graph(const Graph& a, const Graph& b) {
    if (a.directed() != b.directed() || a.weighted() != b.weighted() || a.num_nodes() != b.num_nodes() ||
        a.num_edges() != b.num_edges())
        return false;
    // Labels: a graph from arrays stores none and is labelled by position,
    // so it equals a graph labelled "0", "1", ... in that order.
    if (a.keys().empty() == b.keys().empty()) {
        if (a.keys() != b.keys()) return false;
    } else {
        for (NodeId u = 0; u < a.num_nodes(); ++u)
            if (a.key(u) != b.key(u)) return false;
    }
    for (NodeId u = 0; u < a.num_nodes(); ++u) {
        const auto x = a.neighbors(u), y = b.neighbors(u);
        if (!std::equal(x.begin(), x.end(), y.begin(), y.end())) return false;
        if (a.weighted())
            for (ArcId k = a.arc_begin(u), l = b.arc_begin(u); k < a.arc_end(u); ++k, ++l)
                if (!same(a.arc_weight(k), b.arc_weight(l))) return false;
    }
    return true;
}

py::object graph_state(const Graph& g) {
    Graph::EdgeArrays e;
    {
        py::gil_scoped_release no_gil;
        e = g.edges();
        if (!g.weighted()) e.weight = {};
    }
    py::object weights = g.weighted() ? py::object(to_numpy(std::move(e.weight))) : py::object(py::none());
    py::object keys = g.keys().empty() ? py::object(py::none()) : py::object(pack_texts(g.keys()));
    return state("Graph", {py::bool_(g.directed()), py::int_(g.num_nodes()), to_numpy(std::move(e.src)),
                           to_numpy(std::move(e.dst)), weights, keys});
}

std::shared_ptr<Graph> graph_from_state(const py::object& obj) {
    State s(obj, "Graph", 6);
    const bool directed = s.flag(0, "directed");
    const std::size_t n = s.count(1, "num_nodes", std::numeric_limits<NodeId>::max() - 1);
    const auto src = s.array<NodeId>(2, "src");
    const auto dst = s.array<NodeId>(3, "dst");
    if (dst.size() != src.size())
        s.fail("dst", "has " + std::to_string(dst.size()) + " entries, src has " + std::to_string(src.size()));
    std::vector<double> weights;
    if (!s.at(4).is_none()) {
        weights = s.array<double>(4, "weights");
        if (weights.size() != src.size())
            s.fail("weights",
                   "has " + std::to_string(weights.size()) + " entries, src has " + std::to_string(src.size()));
    }
    std::vector<std::string> keys;
    const bool keyed = !s.at(5).is_none();
    if (keyed) {
        keys = s.packed_texts(5, "keys");
        if (keys.size() != n)
            s.fail("keys", "has " + std::to_string(keys.size()) + " labels, num_nodes is " + std::to_string(n));
    }
    EdgeListOptions options;
    options.directed = directed;
    return rebuilding("Graph", [&] {
        py::gil_scoped_release no_gil;
        // A weighted graph whose weights are all 1 stays weighted: given
        // weights are kept as given.
        return std::make_shared<Graph>(keyed ? Graph::from_keyed_edges(std::move(keys), src, dst, weights, options)
                                             : Graph::from_edges(n, src, dst, weights, options));
    });
}

// --- the C++ result classes --------------------------------------------------

bool same_spread(const SpreadResult& a, const SpreadResult& b) {
    return same(a.mean, b.mean) && same(a.standard_error, b.standard_error) && same(a.low, b.low) &&
           same(a.high, b.high) && a.runs == b.runs;
}

bool same_influence(const InfluenceResult& a, const InfluenceResult& b) {
    return a.seeds == b.seeds && same(a.spread_lower_bound, b.spread_lower_bound) &&
           same(a.extra_spread_lower_bound, b.extra_spread_lower_bound) && same(a.approximation, b.approximation) &&
           a.rr_sets == b.rr_sets &&
           std::equal(a.group_reach.begin(), a.group_reach.end(), b.group_reach.begin(), b.group_reach.end(), same);
}

py::list via_kind_list(const std::vector<ViaKind>& kinds) {
    py::list out;
    for (ViaKind k : kinds) out.append(py::str(std::string(to_identifier(k))));
    return out;
}

bool same_introduction(const Introduction& a, const Introduction& b) {
    return a.a == b.a && a.b == b.b && same(a.score, b.score) && a.shared_talents == b.shared_talents &&
           a.bridges == b.bridges && a.via == b.via && a.via_kinds == b.via_kinds;
}

bool same_table(const Table& a, const Table& b) {
    return a.members == b.members && a.shared_talents == b.shared_talents && a.unconnected == b.unconnected &&
           a.groups == b.groups && same(a.group_mix, b.group_mix);
}

bool same_suppressed(const SuppressedTable& a, const SuppressedTable& b) {
    return a.rows == b.rows && a.cols == b.cols && a.counts == b.counts && a.suppressed == b.suppressed &&
           a.primary == b.primary;
}

bool same_contacts(const ContactSequence& a, const ContactSequence& b) {
    return a.keys == b.keys && a.times == b.times && a.first == b.first && a.second == b.second &&
           a.groups == b.groups;
}

bool same_temporal(const TemporalResult& a, const TemporalResult& b) {
    return a.keys == b.keys && a.dated == b.dated && a.reach.arrival == b.reach.arrival &&
           a.reach.reached == b.reach.reached && a.reach.curve_times == b.reach.curve_times &&
           a.reach.curve_reached == b.reach.curve_reached;
}

template <class To, class From>
std::vector<To> converted(const std::vector<From>& values) {
    return std::vector<To>(values.begin(), values.end());
}

}  // namespace

void register_results(py::module_& m) {
    // Graph: its edge arrays (NumPy, so pickle protocol 5 copies them as
    // blocks), labels packed in one bytes object, direction and weights.
    auto graph = py::reinterpret_borrow<py::class_<Graph, std::shared_ptr<Graph>>>(m.attr("Graph"));
    add_pickling(graph, &graph_state, &graph_from_state);
    graph.def(
        "__eq__",
        [](const Graph& a, py::handle other) -> py::object {
            if (!py::isinstance<Graph>(other)) return py::reinterpret_borrow<py::object>(Py_NotImplemented);
            const Graph& b = other.cast<const Graph&>();
            if (&a == &b) return py::bool_(true);
            return py::bool_(without_gil([&] { return same_graph(a, b); }));
        },
        py::is_operator(),
        "Same direction, labels, edges and weights (an immutable value: equal graphs hash alike).");
    // Immutable, so hashable: by what __eq__ compares first.
    graph.def("__hash__", [](const Graph& g) {
        return py::hash(py::make_tuple(g.directed(), g.weighted(), g.num_nodes(), g.num_edges()));
    });

    // Network: everything in it, sensitive records and the marks included,
    // through the lossless JSON document. Pickling is not an export: the
    // bytes hold special-category data (docs/python.md).
    auto network =
        py::reinterpret_borrow<py::class_<NetworkHandle, std::shared_ptr<NetworkHandle>>>(m.attr("Network"));
    add_pickling(
        network,
        [](const NetworkHandle& self) {
            std::string text = read_network(self, "pickle", [](const Network& net) {
                ExportOptions options;
                options.include_sensitive = true;
                return without_gil([&] { return to_json(net, options); });
            });
            return state("Network", {py::bytes(text)});
        },
        [](const py::object& obj) {
            State s(obj, "Network", 1);
            if (!PyBytes_Check(s.at(0).ptr())) s.fail("json", "must be bytes, got " + type_name(s.at(0)));
            const std::string text = s.at(0).cast<std::string>();
            return rebuilding("Network", [&] {
                py::gil_scoped_release no_gil;
                return std::make_shared<NetworkHandle>(parse_json(text, "<pickle>"));
            });
        });

    auto spread = py::reinterpret_borrow<py::class_<SpreadResult>>(m.attr("SpreadResult"));
    add_pickling(
        spread,
        [](const SpreadResult& r) {
            return state("SpreadResult", {py::float_(r.mean), py::float_(r.standard_error), py::float_(r.low),
                                          py::float_(r.high), py::int_(r.runs)});
        },
        [](const py::object& obj) {
            State s(obj, "SpreadResult", 5);
            SpreadResult r;
            r.mean = s.real(0, "mean");
            r.standard_error = s.real(1, "stderr");
            r.low = s.real(2, "low");
            r.high = s.real(3, "high");
            r.runs = s.count(4, "runs");
            return r;
        });
    add_eq(spread, &same_spread);

    auto influence = py::reinterpret_borrow<py::class_<InfluenceResult>>(m.attr("_InfluenceResult"));
    add_pickling(
        influence,
        [](const InfluenceResult& r) {
            return state("_InfluenceResult",
                         {array_of(r.seeds), py::float_(r.spread_lower_bound), py::float_(r.extra_spread_lower_bound),
                          py::float_(r.approximation), py::int_(r.rr_sets), array_of(r.group_reach)});
        },
        [](const py::object& obj) {
            State s(obj, "_InfluenceResult", 6);
            InfluenceResult r;
            r.seeds = s.array<NodeId>(0, "seeds");
            r.spread_lower_bound = s.real(1, "spread_lower_bound");
            r.extra_spread_lower_bound = s.real(2, "extra_spread_lower_bound");
            r.approximation = s.real(3, "approximation");
            r.rr_sets = s.count(4, "rr_sets");
            r.group_reach = s.array<double>(5, "group_reach");
            return r;
        });
    add_eq(influence, &same_influence);

    auto introduction = py::reinterpret_borrow<py::class_<Introduction>>(m.attr("Introduction"));
    add_pickling(
        introduction,
        [](const Introduction& x) {
            return state("Introduction", {py::str(x.a), py::str(x.b), py::float_(x.score), str_list(x.shared_talents),
                                          str_list(x.bridges), str_list(x.via), via_kind_list(x.via_kinds)});
        },
        [](const py::object& obj) {
            State s(obj, "Introduction", 7);
            Introduction x;
            x.a = s.text(0, "a");
            x.b = s.text(1, "b");
            x.score = s.real(2, "score");
            x.shared_talents = s.texts(3, "shared_talents");
            x.bridges = s.texts(4, "bridges");
            x.via = s.texts(5, "via");
            for (const auto& kind : s.texts(6, "via_kinds")) {
                const ViaKind all[] = {ViaKind::mutual_contact, ViaKind::shared_organisation, ViaKind::key_figure};
                const auto* found =
                    std::find_if(std::begin(all), std::end(all), [&](ViaKind k) { return to_identifier(k) == kind; });
                if (found == std::end(all))
                    s.fail("via_kinds",
                           "must hold 'mutual_contact', 'shared_organisation' or 'key_figure', got '" + kind + "'");
                x.via_kinds.push_back(*found);
            }
            if (x.via_kinds.size() != x.via.size())
                s.fail("via_kinds", "must have one entry per via (" + std::to_string(x.via.size()) + "), got " +
                                        std::to_string(x.via_kinds.size()));
            return x;
        });
    add_eq(introduction, &same_introduction);

    auto table = py::reinterpret_borrow<py::class_<Table>>(m.attr("Table"));
    add_pickling(
        table,
        [](const Table& t) {
            return state("Table", {str_list(t.members), str_list(t.shared_talents), str_list(t.unconnected),
                                   py::int_(t.groups), py::float_(t.group_mix)});
        },
        [](const py::object& obj) {
            State s(obj, "Table", 5);
            Table t;
            t.members = s.texts(0, "members");
            t.shared_talents = s.texts(1, "shared_talents");
            t.unconnected = s.texts(2, "unconnected");
            t.groups = s.count(3, "groups");
            t.group_mix = s.real(4, "group_mix");
            return t;
        });
    add_eq(table, &same_table);

    auto suppressed = py::reinterpret_borrow<py::class_<SuppressedTable>>(m.attr("SuppressedTable"));
    add_pickling(
        suppressed,
        [](const SuppressedTable& t) {
            return state("SuppressedTable", {py::int_(t.rows), py::int_(t.cols), array_of(t.counts),
                                             array_of(t.suppressed), array_of(t.primary)});
        },
        [](const py::object& obj) {
            State s(obj, "SuppressedTable", 5);
            SuppressedTable t;
            t.rows = s.count(0, "rows", std::numeric_limits<std::uint32_t>::max());
            t.cols = s.count(1, "cols", std::numeric_limits<std::uint32_t>::max());
            t.counts = s.array<std::uint64_t>(2, "counts");
            t.suppressed = s.array<std::uint8_t>(3, "suppressed");
            t.primary = s.array<std::uint8_t>(4, "primary");
            const std::size_t cells = t.rows * t.cols;
            if (t.counts.size() != cells)
                s.fail("counts", "has " + std::to_string(t.counts.size()) + " entries, rows x cols is " +
                                     std::to_string(cells));
            if (t.suppressed.size() != cells)
                s.fail("suppressed", "has " + std::to_string(t.suppressed.size()) + " entries, rows x cols is " +
                                         std::to_string(cells));
            if (t.primary.size() != cells)
                s.fail("primary", "has " + std::to_string(t.primary.size()) + " entries, rows x cols is " +
                                      std::to_string(cells));
            if (t.rows == 0 || t.cols == 0) s.fail("rows", "and cols must be at least 1 (the totals)");
            return t;
        });
    add_eq(suppressed, &same_suppressed);

    auto contacts =
        py::reinterpret_borrow<py::class_<ContactSequence, std::shared_ptr<ContactSequence>>>(m.attr("Contacts"));
    add_pickling(
        contacts,
        [](const ContactSequence& c) {
            return state("Contacts", {pack_texts(c.keys), array_of(c.times), array_of(c.first), array_of(c.second),
                                      str_list(c.groups)});
        },
        [](const py::object& obj) {
            State s(obj, "Contacts", 5);
            auto c = std::make_shared<ContactSequence>();
            c->keys = s.packed_texts(0, "keys");
            c->times = s.array<std::int64_t>(1, "times");
            c->first = s.array<NodeId>(2, "first");
            c->second = s.array<NodeId>(3, "second");
            c->groups = s.texts(4, "groups");
            if (c->first.size() != c->times.size() || c->second.size() != c->times.size())
                s.fail("first", "and second must have one entry per time (" + std::to_string(c->times.size()) + ")");
            if (!c->groups.empty() && c->groups.size() != c->keys.size())
                s.fail("groups", "has " + std::to_string(c->groups.size()) + " entries, keys has " +
                                     std::to_string(c->keys.size()));
            for (std::size_t i = 0; i < c->times.size(); ++i) {
                if (c->first[i] >= c->keys.size() || c->second[i] >= c->keys.size())
                    s.fail("first", "or second: contact " + std::to_string(i) + " names a person past the " +
                                        std::to_string(c->keys.size()) + " keys");
                if (i > 0 && c->times[i] < c->times[i - 1])
                    s.fail("times", "are not in order at contact " + std::to_string(i));
            }
            return c;
        });
    add_eq(contacts, &same_contacts);

    auto temporal = py::reinterpret_borrow<py::class_<TemporalResult>>(m.attr("TemporalReach"));
    add_pickling(
        temporal,
        [](const TemporalResult& r) {
            return state("TemporalReach", {pack_texts(r.keys), py::bool_(r.dated), array_of(r.reach.arrival),
                                           array_of(r.reach.reached), array_of(r.reach.curve_times),
                                           to_numpy(converted<std::uint64_t>(r.reach.curve_reached))});
        },
        [](const py::object& obj) {
            State s(obj, "TemporalReach", 6);
            TemporalResult r;
            r.keys = s.packed_texts(0, "keys");
            r.dated = s.flag(1, "dated");
            r.reach.arrival = s.array<std::int64_t>(2, "arrival");
            r.reach.reached = s.array<std::uint8_t>(3, "reached");
            r.reach.curve_times = s.array<std::int64_t>(4, "curve_times");
            r.reach.curve_reached = converted<std::size_t>(s.array<std::uint64_t>(5, "curve_reached"));
            if (r.reach.arrival.size() != r.keys.size() || r.reach.reached.size() != r.keys.size())
                s.fail("arrival", "and reached must have one entry per key (" + std::to_string(r.keys.size()) + ")");
            // count reads the curve's last point: it is never empty.
            if (r.reach.curve_times.empty() || r.reach.curve_times.size() != r.reach.curve_reached.size())
                s.fail("curve_times", "and curve_reached must have the same number of points, at least one");
            if (r.dated) {
                // Day numbers of the dates verbind supports, as arrival and curve_times are read.
                const std::int64_t first = first_supported_date.day_number(), last = last_supported_date.day_number();
                auto outside = [&](std::int64_t day) { return day < first || day > last; };
                for (std::size_t i = 0; i < r.keys.size(); ++i)
                    if (r.reach.reached[i] && outside(r.reach.arrival[i]))
                        s.fail("arrival", "entry " + std::to_string(i) + " is no supported date (" +
                                              std::to_string(r.reach.arrival[i]) + ")");
                for (std::size_t i = 0; i < r.reach.curve_times.size(); ++i)
                    if (outside(r.reach.curve_times[i]))
                        s.fail("curve_times", "entry " + std::to_string(i) + " is no supported date (" +
                                                  std::to_string(r.reach.curve_times[i]) + ")");
            }
            return r;
        });
    add_eq(temporal, &same_temporal);
}

}  // namespace verbind::python
