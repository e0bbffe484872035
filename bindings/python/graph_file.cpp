// The binary graph file in Python: Graph.save and verbind.load_graph
// (io/graph_file.hpp; docs/model-and-graph.md, "Graph files").
#include "bindings.hpp"
#include "options.hpp"

#include "verbind/io/graph_file.hpp"

#include <memory>
#include <string>

namespace verbind::python {

void register_graph_file(py::module_& m) {
    auto graph = py::reinterpret_borrow<py::class_<Graph, std::shared_ptr<Graph>>>(m.attr("Graph"));
    graph.def(
        "save",
        [](const Graph& g, PathLike path) {
            const std::string p = path_arg(path, "Graph.save", "path");
            py::gil_scoped_release unlocked;
            verbind::save_graph(g, p);
        },
        py::arg("path"),
        R"doc(Writes the graph to a binary graph file (docs/data-formats.md, "Binary
graph file"; ``.vbg`` by convention): its arrays, labels, a versioned header
and a checksum. The file is replaced atomically. :func:`load_graph` reads it
back, equal to this graph. Raises FileError when it cannot be written.)doc");

    m.def(
        "load_graph",
        [](PathLike path, bool verify) {
            const std::string p = path_arg(path, "load_graph", "path");
            LoadGraphOptions options;
            options.verify_checksum = verify;
            py::gil_scoped_release unlocked;
            return std::make_shared<Graph>(verbind::load_graph(p, options));
        },
        py::arg("path"), py::kw_only(), py::arg("verify") = option_default("LoadGraphOptions", "verify_checksum"),
        R"doc(Loads a graph written by :meth:`Graph.save`. The file is mapped read-only,
not copied: processes on one machine (MPI ranks) share one copy of it in
memory, and loading costs little more than reading the file once.

- verify: recompute the file's checksum and refuse a file whose bytes
  changed since it was written. False skips that pass over the file; the
  structure is still checked (sizes, node ranges, sorted lists, weights), so
  a damaged file cannot crash, but it may load as a different graph.

Raises FileError when the file cannot be opened, ParseError naming the file
and the header field or array when it is not a graph file, is of a newer
version, truncated or damaged.)doc");
}

}  // namespace verbind::python
