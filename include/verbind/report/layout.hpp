// The network drawing of the report: which part of a network is drawn, and
// where each node goes. The layout is Fruchterman & Reingold's
// force-directed one ("Graph drawing by force-directed placement",
// Software: Practice and Experience 21, 1991), as Boost.Graph implements it,
// started from seeded random positions so a drawing can be made again.
#pragma once

#include "verbind/graph/graph.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

namespace verbind {

struct LayoutPoint {
    double x = 0;
    double y = 0;
};

struct LayoutOptions {
    std::optional<std::uint64_t> seed;  // none: verbind::default_seed
    std::size_t iterations = 200;       // cooling steps, >= 1

    // input_error for iterations 0; force_directed_layout calls it first.
    void validate() const;
};

// Positions in the unit square [0, 1] x [0, 1], one per node, every one
// finite. Nodes in different components are not pulled together, so draw a
// connected graph (see drawing_subset). The same graph and seed give the same
// positions. Throws input_error for a directed graph or iterations == 0.
std::vector<LayoutPoint> force_directed_layout(const Graph& graph, const LayoutOptions& options = {});

// The nodes to draw, ascending: the largest connected component (ties
// broken by the lowest node), and when it has more than max_nodes, the
// max_nodes nearest (breadth-first, by node index within a level) to its
// best-connected node (highest degree, lowest index). Empty for an empty
// graph. Throws input_error for a directed graph or max_nodes == 0.
std::vector<NodeId> drawing_subset(const Graph& graph, std::size_t max_nodes);

}  // namespace verbind
