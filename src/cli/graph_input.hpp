// The GRAPH argument of `reach --influence-max` and `centrality`: a binary
// graph file (save_graph / `verbind graph`, recognised by its first bytes)
// or an edge list, read on every rank (ranks.hpp); a rank that cannot read
// it fails the command on every rank with that rank's message.
#pragma once

#include "verbind/graph/graph.hpp"

#include <string>

namespace verbind::cli {

Graph read_graph_input(const std::string& path, bool directed);

// "graph PATH (N nodes, M edges)" (arcs when directed).
std::string graph_source(const std::string& path, const Graph& g);

}  // namespace verbind::cli
