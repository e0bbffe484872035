// verbind.Graph: the immutable CSR snapshot, edge arrays in and out as NumPy.
#include "bindings.hpp"

#include "verbind/error.hpp"

#include <cstdint>
#include <limits>
#include <type_traits>

namespace verbind::python {

namespace {

py::array as_numpy(py::handle obj) {
    static py::handle asarray = py::object(py::module_::import("numpy").attr("asarray")).release();
    return asarray(obj);
}

// One column of node indices (src or dst), converted to NodeId without the
// GIL. `bad` is the first edge whose value is unusable.
struct NodeColumn {
    std::vector<NodeId> values;
    std::size_t bad = std::numeric_limits<std::size_t>::max();
    std::string problem;
    std::size_t bound = 0;  // max + 1, 0 when empty
};

template <class T>
void convert_column(const void* raw, std::size_t count, NodeColumn& out) {
    const T* data = static_cast<const T*>(raw);
    out.values.resize(count);
    NodeId max = 0;
    for (std::size_t i = 0; i < count; ++i) {
        const T value = data[i];
        if constexpr (std::is_signed_v<T>) {
            if (value < 0) {
                out.bad = i;
                out.problem = "node " + std::to_string(value) + " is negative";
                return;
            }
        }
        // no_id is reserved, so the largest usable index is no_id - 1.
        if (static_cast<std::uint64_t>(value) >= no_id) {
            out.bad = i;
            out.problem = "node " + std::to_string(value) + " does not fit a 32-bit node index";
            return;
        }
        out.values[i] = static_cast<NodeId>(value);
        if (out.values[i] > max) max = out.values[i];
    }
    out.bound = count == 0 ? 0 : std::size_t{max} + 1;
}

using Converter = void (*)(const void*, std::size_t, NodeColumn&);

// A node column checked for shape and type, in a contiguous native layout,
// with the converter for its element type. Integer arrays of the native
// layout are used in place; others are converted by NumPy in one call.
struct PreparedColumn {
    py::array array;
    Converter convert = nullptr;
    std::size_t size = 0;
};

template <class T>
PreparedColumn prepare_typed(const py::array& array) {
    auto typed = py::array_t<T, py::array::c_style | py::array::forcecast>::ensure(array);
    if (!typed) throw py::error_already_set();
    return {typed, &convert_column<T>, static_cast<std::size_t>(typed.size())};
}

PreparedColumn prepare_column(py::handle obj, std::string_view param) {
    py::array array = as_numpy(obj);
    if (array.ndim() != 1)
        throw verbind::input_error("from_edges: " + std::string(param) + " must be one-dimensional, got " +
                                   std::to_string(array.ndim()) + " dimensions");
    if (array.size() == 0) return {array, &convert_column<std::uint32_t>, 0};
    const char kind = array.dtype().kind();
    const auto width = array.dtype().itemsize();
    if (kind == 'i') {
        switch (width) {
            case 1: return prepare_typed<std::int8_t>(array);
            case 2: return prepare_typed<std::int16_t>(array);
            case 4: return prepare_typed<std::int32_t>(array);
            case 8: return prepare_typed<std::int64_t>(array);
        }
    } else if (kind == 'u') {
        switch (width) {
            case 1: return prepare_typed<std::uint8_t>(array);
            case 2: return prepare_typed<std::uint16_t>(array);
            case 4: return prepare_typed<std::uint32_t>(array);
            case 8: return prepare_typed<std::uint64_t>(array);
        }
    }
    throw py::type_error("Graph.from_edges(): " + std::string(param) + " must be an array of integers, not dtype " +
                         std::string(py::str(array.dtype())));
}

py::array_t<double> prepare_weights(py::handle obj) {
    py::array array = as_numpy(obj);
    if (array.ndim() != 1)
        throw verbind::input_error("from_edges: weights must be one-dimensional, got " +
                                   std::to_string(array.ndim()) + " dimensions");
    const char kind = array.dtype().kind();
    if (array.size() > 0 && kind != 'f' && kind != 'i' && kind != 'u')
        throw py::type_error("Graph.from_edges(): weights must be an array of real numbers, not dtype " +
                             std::string(py::str(array.dtype())));
    auto typed = py::array_t<double, py::array::c_style | py::array::forcecast>::ensure(array);
    if (!typed) throw py::error_already_set();
    return typed;
}

std::optional<std::size_t> node_count_arg(py::handle obj) {
    if (obj.is_none()) return std::nullopt;
    if (!PyIndex_Check(obj.ptr()) || PyBool_Check(obj.ptr()))
        throw py::type_error("Graph.from_edges(): n must be int or None, not " + type_name(obj));
    const auto value = py::reinterpret_steal<py::int_>(PyNumber_Index(obj.ptr()));
    if (!value) throw py::error_already_set();
    if (value < py::int_(0)) throw verbind::input_error("from_edges: n must be >= 0, got " + std::string(py::str(py::handle(value))));
    if (value > py::int_(std::numeric_limits<NodeId>::max()))
        throw verbind::input_error("from_edges: n = " + std::string(py::str(py::handle(value))) +
                                   " is more than 32-bit node indices can hold");
    return value.cast<std::size_t>();
}

std::shared_ptr<Graph> from_edges(py::handle src, py::handle dst, py::handle n, py::handle weights, bool directed,
                                  py::handle duplicates, py::handle self_loops) {
    constexpr std::string_view fn = "Graph.from_edges";
    PreparedColumn src_column = prepare_column(src, "src");
    PreparedColumn dst_column = prepare_column(dst, "dst");
    std::optional<py::array_t<double>> weight_array;
    if (!weights.is_none()) weight_array = prepare_weights(weights);
    const std::optional<std::size_t> node_count = node_count_arg(n);
    EdgeListOptions options;
    options.directed = directed;
    options.duplicates = merge_arg(duplicates, fn, "duplicates");
    options.self_loops = self_loops_arg(self_loops, fn, "self_loops");

    py::gil_scoped_release no_gil;
    NodeColumn s, d;
    src_column.convert(src_column.array.data(), src_column.size, s);
    dst_column.convert(dst_column.array.data(), dst_column.size, d);
    if (s.bad <= d.bad && !s.problem.empty())
        throw verbind::input_error("edge " + std::to_string(s.bad) + ": field 'src': " + s.problem);
    if (!d.problem.empty())
        throw verbind::input_error("edge " + std::to_string(d.bad) + ": field 'dst': " + d.problem);
    std::span<const double> weight_span;
    if (weight_array) weight_span = {weight_array->data(), static_cast<std::size_t>(weight_array->size())};
    const std::size_t count = node_count ? *node_count : std::max(s.bound, d.bound);
    return std::make_shared<Graph>(Graph::from_edges(count, s.values, d.values, weight_span, options));
}

std::string repr(const Graph& g) {
    const std::size_t m = g.num_edges();
    return "<verbind.Graph: " + std::to_string(g.num_nodes()) + (g.num_nodes() == 1 ? " node, " : " nodes, ") +
           std::to_string(m) + (g.directed() ? (m == 1 ? " arc, directed, " : " arcs, directed, ")
                                             : (m == 1 ? " edge, undirected, " : " edges, undirected, ")) +
           (g.weighted() ? "weighted>" : "unweighted>");
}

// A node index: an int (or __index__), IndexError when out of range,
// however large.
NodeId node_arg(const Graph& g, py::handle obj, std::string_view function) {
    if (PyBool_Check(obj.ptr()) || !PyIndex_Check(obj.ptr()))
        throw py::type_error(std::string(function) + "(): i must be int, not " + type_name(obj));
    const auto value = py::reinterpret_steal<py::int_>(PyNumber_Index(obj.ptr()));
    if (!value) throw py::error_already_set();
    int overflow = 0;
    const long long i = PyLong_AsLongLongAndOverflow(value.ptr(), &overflow);
    if (overflow != 0 || i < 0 || static_cast<std::uint64_t>(i) >= g.num_nodes())
        throw py::index_error("node " + (overflow != 0 ? std::string("(an int beyond 64 bits)") : std::to_string(i)) +
                              " is out of range (n = " + std::to_string(g.num_nodes()) + ")");
    return static_cast<NodeId>(i);
}

template <class Degree>
py::array_t<std::int64_t> degrees(const Graph& g, Degree degree) {
    std::vector<std::int64_t> values;
    {
        py::gil_scoped_release no_gil;
        values.resize(g.num_nodes());
        for (NodeId u = 0; u < values.size(); ++u) values[u] = static_cast<std::int64_t>(degree(g, u));
    }
    return to_numpy(std::move(values));
}

}  // namespace

verbind::Merge merge_arg(py::handle obj, std::string_view function, std::string_view param) {
    const std::string value = text_arg(obj, function, param, param);
    if (value == "error") return Merge::error;
    if (value == "sum") return Merge::sum;
    if (value == "max") return Merge::max;
    if (value == "min") return Merge::min;
    if (value == "first") return Merge::first;
    throw verbind::input_error(std::string(function) + ": " + std::string(param) +
                               " must be 'error', 'sum', 'max', 'min' or 'first', got " + quoted(value));
}

verbind::SelfLoops self_loops_arg(py::handle obj, std::string_view function, std::string_view param) {
    const std::string value = text_arg(obj, function, param, param);
    if (value == "error") return SelfLoops::error;
    if (value == "drop") return SelfLoops::drop;
    throw verbind::input_error(std::string(function) + ": " + std::string(param) + " must be 'error' or 'drop', got " +
                               quoted(value));
}

void register_graph(py::module_& m) {
    py::class_<Graph, std::shared_ptr<Graph>> cls(m, "Graph", R"doc(
An immutable graph snapshot (compressed sparse rows). Nodes are indices
0..num_nodes-1, each with a str key (an actor key, an edge-list label, or the
decimal index for graphs built from arrays). Safe to share between threads.
Build one with Graph.from_edges, read_edgelist or Network.graph.)doc");
    cls.attr("__module__") = "verbind";

    cls.def_static("from_edges", &from_edges, py::arg("src"), py::arg("dst"), py::kw_only(),
                   py::arg("n") = py::none(), py::arg("weights") = py::none(), py::arg("directed") = false,
                   py::arg("duplicates") = "error", py::arg("self_loops") = "error",
                   R"doc(Builds a graph from edge arrays in one call. src and dst are
one-dimensional integer arrays (any integer dtype, or anything numpy.asarray
makes one of); weights, if given, real numbers >= 0. n defaults to the
largest index + 1 (0 for no edges). duplicates: 'error', 'sum', 'max', 'min'
or 'first'; self_loops: 'error' or 'drop'. Raises InputError naming the edge
index for a negative or out-of-range node, a bad weight, a self-loop or a
duplicate.)doc");

    cls.def_property_readonly("num_nodes", &Graph::num_nodes);
    cls.def_property_readonly("num_edges", &Graph::num_edges, "Edges (directed graphs: arcs).");
    cls.def_property_readonly("directed", &Graph::directed);
    cls.def_property_readonly("weighted", &Graph::weighted);
    cls.def_property_readonly("memory_bytes", &Graph::memory_bytes, "Bytes used by structure and weights.");
    cls.def_property_readonly("key_memory_bytes", &Graph::key_memory_bytes, "Bytes used by the node keys.");

    cls.def_property_readonly(
        "keys",
        [](const Graph& g) {
            py::list out(g.num_nodes());
            for (NodeId u = 0; u < g.num_nodes(); ++u) out[u] = py::str(g.key(u));
            return out;
        },
        "The key of every node, in index order (a list of str).");

    cls.def(
        "index",
        [](const Graph& g, py::handle key) { return g.index(text_arg(key, "index", "key", "node key")); },
        py::arg("key"), "The index of the node with this key. Raises NotFoundError.");

    cls.def(
        "key",
        [](const Graph& g, py::handle i) {
            return g.key(node_arg(g, i, "key"));
        },
        py::arg("i"),
        "The key of node i. Raises IndexError.");

    cls.def(
        "edges",
        [](const Graph& g) {
            Graph::EdgeArrays arrays;
            {
                py::gil_scoped_release no_gil;
                arrays = g.edges();
            }
            return py::make_tuple(to_numpy(std::move(arrays.src)), to_numpy(std::move(arrays.dst)),
                                  to_numpy(std::move(arrays.weight)));
        },
        R"doc((src, dst, weight): uint32, uint32 and float64 arrays. Undirected graphs list
each edge once with src < dst; ordered by (src, dst).)doc");

    cls.def(
        "degree",
        [](const Graph& g) { return degrees(g, [](const Graph& h, NodeId u) { return h.degree(u); }); },
        "Degree of every node (directed graphs: out-degree), an int64 array.");
    cls.def(
        "out_degree",
        [](const Graph& g) { return degrees(g, [](const Graph& h, NodeId u) { return h.out_degree(u); }); },
        "Out-degree of every node (undirected graphs: the degree).");
    cls.def(
        "in_degree",
        [](const Graph& g) { return degrees(g, [](const Graph& h, NodeId u) { return h.in_degree(u); }); },
        "In-degree of every node (undirected graphs: the degree).");

    cls.def(
        "neighbors",
        [](py::object self, py::handle i) {
            const Graph& g = self.cast<const Graph&>();
            const auto targets = g.neighbors(node_arg(g, i, "neighbors"));
            // A read-only view into the graph, which it keeps alive.
            py::array_t<NodeId> view(static_cast<py::ssize_t>(targets.size()), targets.data(), self);
            view.attr("flags").attr("writeable") = false;
            return view;
        },
        py::arg("i"),
        "Out-neighbours (undirected: neighbours) of node i, sorted: a read-only uint32 array. Raises IndexError.");

    cls.def("__repr__", &repr);

    m.def(
        "read_edgelist",
        [](py::handle path, bool directed, py::handle duplicates, py::handle self_loops) {
            constexpr std::string_view fn = "read_edgelist";
            const std::string p = path_arg(path, fn, "path");
            EdgeListOptions options;
            options.directed = directed;
            options.duplicates = merge_arg(duplicates, fn, "duplicates");
            options.self_loops = self_loops_arg(self_loops, fn, "self_loops");
            py::gil_scoped_release no_gil;
            return std::make_shared<Graph>(verbind::read_edgelist(p, options));
        },
        py::arg("path"), py::kw_only(), py::arg("directed") = false, py::arg("duplicates") = "error",
        py::arg("self_loops") = "error",
        R"doc(Reads an edge-list file: `a b` or `a b weight` per line, '#' comments. Node
keys are the labels, indexed in order of first appearance. Raises ParseError
naming file, line and field, FileError when the file cannot be read.)doc");
}

}  // namespace verbind::python
