// Structure: k-cores, components and the fragile points of a network.
#pragma once

#include "verbind/graph/graph.hpp"

#include <cstdint>
#include <utility>
#include <vector>

namespace verbind {

// networkx.core_number (Batagelj & Zaversnik 2003). Directed graphs count
// in- and out-arcs, as networkx does.
std::vector<std::uint32_t> core_number(const Graph& graph);

// Connected components (directed graphs: weakly connected), a label per node
// numbered in order of each component's lowest node index.
std::vector<std::uint32_t> components(const Graph& graph);

// networkx.articulation_points, sorted ascending. Undirected graphs only
// (input_error otherwise, as networkx refuses directed graphs).
std::vector<NodeId> articulation_points(const Graph& graph);

// networkx.bridges as (u, v) with u < v, sorted. Undirected graphs only.
std::vector<std::pair<NodeId, NodeId>> bridges(const Graph& graph);

}  // namespace verbind
