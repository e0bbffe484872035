// Internal: turns edge records into a Graph's CSR arrays. Shared by
// from_edges, the edge-list reader and the Network views.
#pragma once

#include "verbind/graph/graph.hpp"

#include <functional>
#include <span>
#include <string>
#include <vector>

namespace verbind {

class GraphBuilder {
public:
    enum class Weights { none, given, when_not_all_one };

    struct Input {
        std::size_t n = 0;
        std::span<const NodeId> src;
        std::span<const NodeId> dst;
        std::span<const double> weights;  // empty: all 1
        bool directed = false;
        Merge duplicates = Merge::error;
        SelfLoops self_loops = SelfLoops::error;
        Weights weighted = Weights::given;
        // Describes edge i in error messages ("edge 17", "ties.csv:5", ...).
        std::function<std::string(std::size_t)> describe;
        // Describes node u in error messages (default: its key, else its index).
        std::function<std::string(NodeId)> node_name;
    };

    static Graph build(const Input& input, std::vector<std::string> keys);
};

}  // namespace verbind
