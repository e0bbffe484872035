// Hop reach: how many steps from the nearest seed each person is.
#pragma once

#include "verbind/graph/graph.hpp"

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace verbind {

struct HopOptions {
    // Stop after this many hops (nodes further away count as unreached).
    std::optional<std::uint32_t> hops;

    // Every value is valid (0 hops: the seeds alone); hop_reach calls it
    // first, like every Options struct's validate().
    void validate() const {}
};

// Multi-source breadth-first search along out-arcs (undirected: edges):
// the hop distance from the nearest seed per node, -1 when unreached.
// Direction-optimising (Beamer, Asanovic & Patterson, SC 2012): switches to
// bottom-up steps while the frontier is large. Throws input_error naming
// the seed when a seed is not a node of the graph.
std::vector<std::int32_t> hop_reach(const Graph& graph, std::span<const NodeId> seeds,
                                    const HopOptions& options = {});

}  // namespace verbind
