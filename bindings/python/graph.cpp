// verbind.Graph: the immutable CSR snapshot, edge arrays in and out as NumPy.
#include "bindings.hpp"
#include "options.hpp"

#include "verbind/error.hpp"
#include "verbind/io/edgelist.hpp"

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
    if (value < py::int_(0))
        throw verbind::input_error("from_edges: n must be >= 0, got " + std::string(py::str(py::handle(value))));
    if (value > py::int_(std::numeric_limits<NodeId>::max()))
        throw verbind::input_error("from_edges: n = " + std::string(py::str(py::handle(value))) +
                                   " is more than 32-bit node indices can hold");
    return value.cast<std::size_t>();
}

bool is_label_column(py::handle obj) {
    py::array array = as_numpy(obj);
    const char kind = array.dtype().kind();
    return array.size() > 0 && (kind == 'U' || kind == 'O');
}

// A column of labels: str (or int, as its decimal digits) per edge.
std::vector<std::string> label_column(py::handle obj, std::string_view param) {
    py::array array = as_numpy(obj);
    if (array.ndim() != 1)
        throw verbind::input_error("from_edges: " + std::string(param) + " must be one-dimensional, got " +
                                   std::to_string(array.ndim()) + " dimensions");
    std::vector<std::string> out;
    out.reserve(static_cast<std::size_t>(array.size()));
    const py::list items = array.attr("tolist")();
    std::size_t i = 0;
    for (py::handle item : items) {
        if (py::isinstance<py::str>(item)) {
            out.push_back(item.cast<std::string>());
        } else if (PyLong_Check(item.ptr()) && !PyBool_Check(item.ptr())) {
            if (item.cast<py::int_>() < py::int_(0))
                throw verbind::input_error("edge " + std::to_string(i) + ": field '" + std::string(param) +
                                           "': label " + std::string(py::str(item)) + " is negative");
            out.push_back(std::string(py::str(item)));
        } else {
            throw py::type_error("Graph.from_edges(): " + std::string(param) + "[" + std::to_string(i) +
                                 "] must be a str label (or an int), not " + type_name(item));
        }
        ++i;
    }
    return out;
}

std::shared_ptr<Graph> from_edges(ArrayLike src, ArrayLike dst, OptionalInt n, OptionalArrayLike weights,
                                  bool directed, MergeName duplicates, SelfLoopsName self_loops) {
    constexpr std::string_view fn = "Graph.from_edges";
    if (is_label_column(src) || is_label_column(dst)) {
        if (!n.is_none())
            throw py::type_error("Graph.from_edges(): n cannot be given with labels (the labels make the nodes)");
        std::vector<std::string> s = label_column(src, "src"), d = label_column(dst, "dst");
        std::optional<py::array_t<double>> weight_array;
        if (!weights.is_none()) weight_array = prepare_weights(weights);
        EdgeListOptions options;
        options.directed = directed;
        options.duplicates = merge_arg(duplicates, fn, "duplicates");
        options.self_loops = self_loops_arg(self_loops, fn, "self_loops");
        std::span<const double> weight_span;
        if (weight_array) weight_span = {weight_array->data(), static_cast<std::size_t>(weight_array->size())};
        py::gil_scoped_release no_gil;
        return std::make_shared<Graph>(Graph::from_labelled_edges(s, d, weight_span, options));
    }
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
           std::to_string(m) +
           (g.directed() ? (m == 1 ? " arc, directed, " : " arcs, directed, ")
                         : (m == 1 ? " edge, undirected, " : " edges, undirected, ")) +
           (g.weighted() ? "weighted>" : "unweighted>");
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
    throw verbind::input_error(std::string(function) + ": " + std::string(param) +
                               " must be 'error' or 'drop', got " + quoted(value));
}

namespace {

// Graph's methods: to_series, edges, degrees, neighbours, repr.
void register_graph_methods(py::class_<Graph, std::shared_ptr<Graph>>& cls) {
    cls.def(
        "to_series",
        [](const Graph& g, ArrayLike values, Hashable name) -> Series {
            if (PyUnicode_Check(values.ptr()) || PyBytes_Check(values.ptr()) ||
                !PyObject_HasAttrString(values.ptr(), "__len__"))
                throw py::type_error("to_series(): values must be a sequence or array with one value per node, not " +
                                     type_name(values));
            const auto count = static_cast<std::size_t>(py::len(values));
            if (count != g.num_nodes())
                throw verbind::input_error("to_series: values has " + std::to_string(count) +
                                           " entries, the graph has " + std::to_string(g.num_nodes()) + " nodes");
            py::module_ pandas = py::module_::import("pandas");
            py::object index = pandas.attr("Index")(graph_labels_object(g), py::arg("name") = "node");
            return pandas.attr("Series")(values, py::arg("index") = index, py::arg("name") = name);
        },
        py::arg("values"), py::arg("name") = py::none(),
        R"doc(One value per node (in position order, as every per-node result comes) as a
pandas Series indexed by label (Graph.labels). InputError when the length is
not num_nodes. pandas is imported only here.)doc");

    cls.def(
        "index", [](const Graph& g, Node node) { return node_arg(graph_labels(g), node, "index", "node"); },
        py::arg("node"),
        R"doc(The position of a node: a str label, or an int (a label when the labels are
integers, else a position; see docs/python.md, "Node identity"). Raises
NotFoundError for an unknown label.)doc");

    cls.def(
        "key", [](const Graph& g, Node node) { return g.key(node_arg(graph_labels(g), node, "key", "node")); },
        py::arg("node"), "The label of a node (given as Graph.index takes it), as a str.");

    cls.def(
        "edges",
        [](const Graph& g) -> EdgeArrays {
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
        "degree", [](const Graph& g) { return degrees(g, [](const Graph& h, NodeId u) { return h.degree(u); }); },
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
        [](GraphObject self, Node i) {
            const Graph& g = self.cast<const Graph&>();
            const auto targets = g.neighbors(node_arg(graph_labels(g), i, "neighbors", "node"));
            // A read-only view into the graph, which it keeps alive.
            py::array_t<NodeId> view(static_cast<py::ssize_t>(targets.size()), targets.data(), self);
            view.attr("flags").attr("writeable") = false;
            return view;
        },
        py::arg("node"),
        "Positions of the out-neighbours (undirected: neighbours) of a node (given as Graph.index takes it),\n"
        "sorted: a read-only uint32 array.");

    cls.def("__repr__", &repr);
}

// _positions and read_edgelist.
void register_graph_functions(py::module_& m) {
    m.def(
        "_positions",
        [](const Graph& g, Nodes nodes, Text function, Text param) {
            const std::string fn = text_arg(function, "_positions", "function", "function");
            const std::string pa = text_arg(param, "_positions", "param", "param");
            std::vector<std::int64_t> out;
            for (NodeId u : nodes_arg(graph_labels(g), nodes, fn, pa)) out.push_back(u);
            return to_numpy(std::move(out));
        },
        py::arg("g"), py::arg("nodes"), py::arg("function"), py::arg("param"),
        "Positions of nodes through the one converter (for verbind's Python modules).");

    m.def(
        "read_edgelist",
        [](PathLike path, bool directed, WeightColumn weights, OptionalText comments, OptionalText delimiter,
           OptionalBool header, OptionalMergeName duplicates, SelfLoopsName self_loops, ProgressArg progress) {
            constexpr std::string_view fn = "read_edgelist";
            const std::string p = path_arg(path, fn, "path");
            EdgeListOptions options;
            options.directed = directed;
            if (weights.is_none() || weights.is(py::bool_(false))) {
            } else if (weights.is(py::bool_(true))) {
                options.weight_column = 2;
            } else if (py::isinstance<py::str>(weights)) {
                options.weight_name = weights.cast<std::string>();
                if (options.weight_name.empty())
                    throw verbind::input_error("read_edgelist: weights must name a column, got ''");
            } else if (PyLong_Check(weights.ptr())) {
                const auto column = weights.cast<py::int_>();
                if (column < py::int_(2) || column > py::int_(1 << 20))
                    throw verbind::input_error("read_edgelist: weights=" + std::string(py::str(weights)) +
                                               ": the weight column (0-based) must be 2 or more; 0 and 1 are the "
                                               "nodes");
                options.weight_column = column.cast<int>();
            } else {
                throw py::type_error("read_edgelist(): weights must be None, a bool, a column number or a column "
                                     "name, not " +
                                     type_name(weights));
            }
            if (!comments.is_none())
                options.comments = text_arg(comments, fn, "comments", "comments");
            else
                options.comments.clear();
            if (!delimiter.is_none()) {
                const std::string d = text_arg(delimiter, fn, "delimiter", "delimiter");
                if (d == "," || d == ";" || d == "\t" || d == " ")
                    options.delimiter = d[0];
                else if (d == "whitespace")
                    options.delimiter = ' ';
                else
                    throw verbind::input_error("read_edgelist: delimiter must be None, ' ' (blanks), '\\t', ',' or "
                                               "';', got " +
                                               quoted(d));
            }
            if (header.is_none())
                options.header = verbind::EdgeListHeader::detect;
            else if (header.is(py::bool_(true)))
                options.header = verbind::EdgeListHeader::yes;
            else if (header.is(py::bool_(false)))
                options.header = verbind::EdgeListHeader::no;
            else
                throw py::type_error("read_edgelist(): header must be None, True or False, not " + type_name(header));
            options.duplicates = duplicates.is_none() ? Merge::error : merge_arg(duplicates, fn, "duplicates");
            options.self_loops = self_loops_arg(self_loops, fn, "self_loops");
            return with_progress(std::move(progress), fn, [&](ProgressCallback callback) {
                options.progress = std::move(callback);
                return std::make_shared<Graph>(verbind::read_edgelist(p, options));
            });
        },
        py::arg("path"), py::kw_only(), py::arg("directed") = option_default("EdgeListOptions", "directed"),
        py::arg("weights") = option_default("EdgeListOptions", "weight_column"),
        py::arg("comments") = option_default("EdgeListOptions", "comments"),
        py::arg("delimiter") = option_default("EdgeListOptions", "delimiter"),
        py::arg("header") = option_default("EdgeListOptions", "header"), py::arg("duplicates") = py::none(),
        py::arg("self_loops") = option_default("EdgeListOptions", "self_loops"), py::arg("progress") = py::none(),
        R"doc(Reads an edge-list file (SNAP, KONECT, CSV exports, ...): `source target
[more columns]` per line.

- comments: lines starting with one of these characters are skipped (also
  after a blank mid-line). None: no comments.
- delimiter: None (per file: ',' or ';' when the first line has one, else
  spaces and tabs), ' ', '\t', ',' or ';'.
- header: None detects a first line `source target` (names such as source,
  target, from, to, src, dst, u, v) or a first line of text labels above
  integer ones; True skips the first line (a header or a METIS 'n m' line);
  False: every line is an edge.
- weights: None/False ignores every column after the second (a SNAP temporal
  file `1 2 1217567877` is unweighted); True: the third column; an int: that
  column (0-based); a str: the header's column of that name.
- directed=False: a pair listed both ways ('u v' and 'v u') is one edge
  (their weights must agree, else ParseError naming both lines). A line
  repeated as it is stays a ParseError naming both lines unless duplicates
  ('sum', 'max', 'min', 'first') says how to merge.

Node labels are kept as written. When every label is an integer (ASCII
digits), positions follow ascending value, so a file numbered 0..n-1 gives
position == label, and one value written two ways ('7' and '07') is a
ParseError naming both lines; otherwise positions follow first appearance.
Raises ParseError naming file, line and field, FileError when the file
cannot be read.

progress: True for a progress bar, or a callable taking the fraction of the
file's bytes read (then 1 once the graph is built); returning False cancels
with CancelledError and nothing is built.)doc");
}

}  // namespace

void register_graph(py::module_& m) {
    py::class_<Graph, std::shared_ptr<Graph>> cls(m, "Graph", R"doc(
An immutable graph snapshot (compressed sparse rows). Nodes are positions
0..num_nodes-1, each with a label (an actor key, an edge-list label, or the
position for graphs built from arrays): Graph.labels, Graph.to_series. Nodes
given to any function follow docs/python.md, "Node identity". Safe to share between threads.
Build one with Graph.from_edges, read_edgelist or Network.graph.)doc");
    cls.attr("__module__") = "verbind";

    cls.def_static("from_edges", &from_edges, py::arg("src"), py::arg("dst"), py::kw_only(),
                   py::arg("n") = py::none(), py::arg("weights") = py::none(),
                   py::arg("directed") = option_default("EdgeListOptions", "directed"),
                   py::arg("duplicates") = option_default("EdgeListOptions", "duplicates"),
                   py::arg("self_loops") = option_default("EdgeListOptions", "self_loops"),
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
        [](const Graph& g) -> StrList {
            py::list out(g.num_nodes());
            for (NodeId u = 0; u < g.num_nodes(); ++u) out[u] = py::str(g.key(u));
            return out;
        },
        "The label of every node as a str, in position order (a list of str).");

    cls.def_property_readonly(
        "labels", [](const Graph& g) -> Labels { return graph_labels_object(g); },
        R"doc(The label of every node, in position order: an int64 array when every
label is an integer (graphs from arrays: the positions), else a list of str.
Results indexed by position are read through it: labels[i] names node i.)doc");
    register_graph_methods(cls);
    register_graph_functions(m);
}

}  // namespace verbind::python
