// Bulk paths for verbind/_interop.py (to_networkx, to_igraph, from_networkx,
// from_igraph): a Graph's adjacency as networkx's own dicts, its edges as the
// pairs igraph reads, and a Graph from labelled nodes (isolated ones too).
// Per edge they do what networkx's add_edges_from and a Python list of
// tuples do, without the Python loop around it.
#include "bindings.hpp"

#include "verbind/error.hpp"

#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace verbind::python {

namespace {

// A new reference, or the Python error raised.
PyObject* checked(PyObject* obj) {
    if (obj == nullptr) throw py::error_already_set();
    return obj;
}

void set_item(PyObject* dict, PyObject* key, PyObject* value) {
    if (PyDict_SetItem(dict, key, value) != 0) throw py::error_already_set();
}

// (node, succ, pred): networkx's G._node, G._adj (G._succ) and, for directed
// graphs, G._pred, keyed by `labels` (one hashable per position). Each edge
// gets one data dict, shared by both directions as networkx shares it, with
// the edge's weight under "weight" when the graph is weighted.
py::tuple nx_adjacency(const Graph& g, const py::list& labels) {
    const std::size_t n = g.num_nodes();
    if (static_cast<std::size_t>(labels.size()) != n)
        throw verbind::input_error("to_networkx: " + std::to_string(labels.size()) + " labels for " +
                                   std::to_string(n) + " nodes");
    Graph::EdgeArrays arrays;
    {
        py::gil_scoped_release no_gil;
        arrays = g.edges();
    }
    const bool directed = g.directed();
    const bool weighted = g.weighted();
    py::dict node, succ;
    py::object pred = py::none();
    std::vector<PyObject*> out(n), in;  // borrowed from succ / pred
    for (std::size_t u = 0; u < n; ++u) {
        PyObject* label = PyList_GET_ITEM(labels.ptr(), static_cast<py::ssize_t>(u));
        py::object attrs = py::reinterpret_steal<py::object>(checked(PyDict_New()));
        set_item(node.ptr(), label, attrs.ptr());
        py::object nbrs = py::reinterpret_steal<py::object>(checked(PyDict_New()));
        set_item(succ.ptr(), label, nbrs.ptr());
        out[u] = nbrs.ptr();
    }
    if (PyDict_GET_SIZE(node.ptr()) != static_cast<py::ssize_t>(n))
        throw verbind::input_error("to_networkx: two nodes have labels networkx holds equal");
    if (directed) {
        py::dict p;
        in.resize(n);
        for (std::size_t u = 0; u < n; ++u) {
            py::object nbrs = py::reinterpret_steal<py::object>(checked(PyDict_New()));
            set_item(p.ptr(), PyList_GET_ITEM(labels.ptr(), static_cast<py::ssize_t>(u)), nbrs.ptr());
            in[u] = nbrs.ptr();
        }
        pred = std::move(p);
    }
    const py::str weight_key("weight");
    for (std::size_t i = 0; i < arrays.src.size(); ++i) {
        const NodeId u = arrays.src[i], v = arrays.dst[i];
        py::object data = py::reinterpret_steal<py::object>(checked(PyDict_New()));
        if (weighted) {
            py::object w = py::reinterpret_steal<py::object>(checked(PyFloat_FromDouble(arrays.weight[i])));
            set_item(data.ptr(), weight_key.ptr(), w.ptr());
        }
        PyObject* lu = PyList_GET_ITEM(labels.ptr(), static_cast<py::ssize_t>(u));
        PyObject* lv = PyList_GET_ITEM(labels.ptr(), static_cast<py::ssize_t>(v));
        set_item(out[u], lv, data.ptr());
        if (directed)
            set_item(in[v], lu, data.ptr());
        else if (u != v)
            set_item(out[v], lu, data.ptr());
    }
    return py::make_tuple(std::move(node), std::move(succ), std::move(pred));
}

// An iterator over a Graph's edges as (src, dst) position pairs, in the
// order of Graph.edges(), for igraph.Graph(n, edges=...), which reads any
// iterable of pairs. It walks the graph's rows itself (no edge arrays) and,
// like CPython's zip, hands out the same tuple again when the reader has let
// go of it (reference count 1): per edge only the target's int is made, in
// the memory the previous one freed.
struct EdgePairs {
    PyObject_HEAD std::shared_ptr<const Graph>* graph;  // owned; keeps the graph alive
    NodeId u;                                           // the row being walked
    const NodeId* next;                                 // the next target of row u
    const NodeId* end;                                  // the end of row u
    PyObject* source;                                   // owned; the int for u (nullptr before the first)
    PyObject* pair;                                     // owned; the tuple handed out last
};

// Moves to the first row at or after u that has an edge left: its targets
// (undirected: those >= u, so each edge comes once, from its lower end).
// Returns false at the end.
bool edge_pairs_row(EdgePairs* self, NodeId u) {
    const Graph& g = **self->graph;
    const NodeId n = static_cast<NodeId>(g.num_nodes());
    for (; u < n; ++u) {
        const auto row = g.neighbors(u);
        const NodeId* first = row.data();
        if (!g.directed()) first = std::lower_bound(row.data(), row.data() + row.size(), u);
        if (first != row.data() + row.size()) {
            self->u = u;
            self->next = first;
            self->end = row.data() + row.size();
            Py_CLEAR(self->source);
            return true;
        }
    }
    self->u = n;
    return false;
}

PyObject* edge_pairs_next(PyObject* obj) {
    auto* self = reinterpret_cast<EdgePairs*>(obj);
    if (self->graph == nullptr) return nullptr;
    if (self->next == self->end && !edge_pairs_row(self, self->u + 1)) return nullptr;  // StopIteration
    const NodeId v = *self->next++;
    if (self->source == nullptr) {
        self->source = PyLong_FromUnsignedLong(self->u);
        if (self->source == nullptr) return nullptr;
    }
    PyObject* target = PyLong_FromUnsignedLong(v);
    if (target == nullptr) return nullptr;
    if (self->pair != nullptr && Py_REFCNT(self->pair) == 1) {
        PyObject* old_source = PyTuple_GET_ITEM(self->pair, 0);
        PyObject* old_target = PyTuple_GET_ITEM(self->pair, 1);
        Py_INCREF(self->source);
        PyTuple_SET_ITEM(self->pair, 0, self->source);
        PyTuple_SET_ITEM(self->pair, 1, target);
        Py_DECREF(old_source);
        Py_DECREF(old_target);
        // The collector may have untracked the tuple, as it does tuples of
        // ints only; it holds ints only, so it needs no tracking.
    } else {
        PyObject* fresh = PyTuple_New(2);
        if (fresh == nullptr) {
            Py_DECREF(target);
            return nullptr;
        }
        Py_INCREF(self->source);
        PyTuple_SET_ITEM(fresh, 0, self->source);
        PyTuple_SET_ITEM(fresh, 1, target);
        Py_XDECREF(self->pair);
        self->pair = fresh;
    }
    Py_INCREF(self->pair);
    return self->pair;
}

void edge_pairs_dealloc(PyObject* obj) {
    auto* self = reinterpret_cast<EdgePairs*>(obj);
    Py_XDECREF(self->pair);
    Py_XDECREF(self->source);
    delete self->graph;
    PyTypeObject* type = Py_TYPE(obj);
    type->tp_free(obj);
    Py_DECREF(type);
}

PyType_Slot edge_pairs_slots[] = {
    {Py_tp_dealloc, reinterpret_cast<void*>(edge_pairs_dealloc)},
    {Py_tp_iter, reinterpret_cast<void*>(PyObject_SelfIter)},
    {Py_tp_iternext, reinterpret_cast<void*>(edge_pairs_next)},
    {Py_tp_doc, const_cast<char*>("The edges of a Graph as (src, dst) position pairs (for igraph).")},
    {0, nullptr},
};

PyType_Spec edge_pairs_spec = {
    "verbind._verbind._EdgePairs", sizeof(EdgePairs), 0, Py_TPFLAGS_DEFAULT, edge_pairs_slots,
};

PyTypeObject* edge_pairs_type = nullptr;

// (pairs, weights): the iterator above and, for a weighted graph, the
// weights as a list of float in the same order (None when unweighted).
py::tuple igraph_edges(std::shared_ptr<const Graph> g) {
    py::object weights = py::none();
    if (g->weighted()) {
        std::vector<double> values;  // the iterator's order: undirected edges from their lower end
        values.reserve(g->num_edges());
        for (NodeId u = 0; u < g->num_nodes(); ++u)
            for (ArcId a = g->arc_begin(u); a < g->arc_end(u); ++a)
                if (g->directed() || g->arc_target(a) >= u) values.push_back(g->arc_weight(a));
        py::list list(static_cast<py::ssize_t>(values.size()));
        for (std::size_t i = 0; i < values.size(); ++i)
            PyList_SET_ITEM(list.ptr(), static_cast<py::ssize_t>(i), checked(PyFloat_FromDouble(values[i])));
        weights = std::move(list);
    }
    auto* self = PyObject_New(EdgePairs, edge_pairs_type);
    if (self == nullptr) throw py::error_already_set();
    self->graph = nullptr;
    self->u = 0;
    self->next = self->end = nullptr;
    self->source = nullptr;
    self->pair = nullptr;
    py::object pairs = py::reinterpret_steal<py::object>(reinterpret_cast<PyObject*>(self));
    self->graph = new std::shared_ptr<const Graph>(std::move(g));
    edge_pairs_row(self, 0);
    return py::make_tuple(std::move(pairs), std::move(weights));
}

// A Graph with one node per key (isolated ones too) and edges between
// positions into keys. Integer labels are numbered by value, as every reader
// numbers them; two keys of the same value ('7' and '07') are refused naming
// both. `function` names the caller in errors.
std::shared_ptr<Graph> graph_from_keys(const py::list& keys_obj,
                                       py::array_t<std::int64_t, py::array::c_style | py::array::forcecast> src,
                                       py::array_t<std::int64_t, py::array::c_style | py::array::forcecast> dst,
                                       py::object weights, bool directed, py::handle duplicates,
                                       py::handle self_loops, const std::string& function) {
    std::vector<std::string> keys;
    keys.reserve(keys_obj.size());
    for (py::handle k : keys_obj) keys.push_back(k.cast<std::string>());
    if (src.ndim() != 1 || dst.ndim() != 1 || src.size() != dst.size())
        throw verbind::input_error(function + ": src and dst must be one-dimensional and of one length");
    const std::size_t m = static_cast<std::size_t>(src.size());
    std::vector<NodeId> s(m), d(m);
    for (std::size_t i = 0; i < m; ++i) {
        const std::int64_t a = src.data()[i], b = dst.data()[i];
        if (a < 0 || b < 0 || static_cast<std::uint64_t>(a) >= keys.size() ||
            static_cast<std::uint64_t>(b) >= keys.size())
            throw verbind::input_error(function + ": edge " + std::to_string(i) + " names no node");
        s[i] = static_cast<NodeId>(a);
        d[i] = static_cast<NodeId>(b);
    }
    std::optional<py::array_t<double, py::array::c_style | py::array::forcecast>> weight_array;
    std::span<const double> weight_span;
    if (!weights.is_none()) {
        weight_array = py::array_t<double, py::array::c_style | py::array::forcecast>::ensure(weights);
        if (!*weight_array || weight_array->ndim() != 1 || static_cast<std::size_t>(weight_array->size()) != m)
            throw verbind::input_error(function + ": weights must be one number per edge");
        weight_span = {weight_array->data(), m};
    }
    EdgeListOptions options;
    options.directed = directed;
    options.duplicates = merge_arg(duplicates, function, "duplicates");
    options.self_loops = self_loops_arg(self_loops, function, "self_loops");
    py::gil_scoped_release no_gil;
    std::vector<std::uint32_t> first_seen(keys.size());
    for (std::size_t u = 0; u < keys.size(); ++u) first_seen[u] = static_cast<std::uint32_t>(u);
    number_integer_labels(keys, first_seen, s, d, [&](NodeId earlier, NodeId later) {
        throw verbind::input_error(function + ": nodes " + quoted(keys[earlier]) + " and " + quoted(keys[later]) +
                                   " have the same value as integer labels: two people whose labels read as one "
                                   "number; write each label one way");
    });
    return std::make_shared<Graph>(Graph::from_keyed_edges(std::move(keys), s, d, weight_span, options));
}

}  // namespace

void register_interop(py::module_& m) {
    edge_pairs_type = reinterpret_cast<PyTypeObject*>(PyType_FromSpec(&edge_pairs_spec));
    if (edge_pairs_type == nullptr) throw py::error_already_set();

    m.def("_nx_adjacency", &nx_adjacency, py::arg("g"), py::arg("labels"),
          "(node, succ, pred) dicts of a networkx graph of g, keyed by labels (verbind/_interop.py).");
    m.def("_igraph_edges", &igraph_edges, py::arg("g"),
          "(pairs, weights): g's edges as an iterator of position pairs and their weights (verbind/_interop.py).");
    m.def("_graph_from_keys", &graph_from_keys, py::arg("keys"), py::arg("src"), py::arg("dst"), py::arg("weights"),
          py::arg("directed"), py::arg("duplicates"), py::arg("self_loops"), py::arg("function"),
          "A Graph with these node keys and edges between their positions (verbind/_interop.py).");
}

}  // namespace verbind::python
