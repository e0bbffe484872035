// The GRAPH argument of reach --influence-max and centrality (graph_input.hpp).
#include "graph_input.hpp"
#include "ranks.hpp"

#include "verbind/error.hpp"
#include "verbind/io/edgelist.hpp"
#include "verbind/io/graph_file.hpp"
#include "verbind/model/text.hpp"
#include "verbind/util/collective.hpp"

namespace verbind::cli {

Graph read_graph_input(const std::string& path, bool directed) {
    Graph g;
    agree_on(ranks(), [&] {
        if (is_graph_file(path)) {
            g = load_graph(path);
            if (directed && !g.directed())
                throw input_error("--directed: '" + printable(path) +
                                  "' is an undirected graph file (--directed is for edge lists)");
        } else {
            EdgeListOptions options;
            options.directed = directed;
            g = read_edgelist(path, options);
        }
    });
    return g;
}

std::string graph_source(const std::string& path, const Graph& g) {
    return "graph " + printable(path) + " (" + std::to_string(g.num_nodes()) + " nodes, " +
           std::to_string(g.num_edges()) + (g.directed() ? " arcs)" : " edges)");
}

}  // namespace verbind::cli
