// Internal: turns edge records into a Graph's CSR arrays. Shared by
// from_edges, the edge-list reader and the Network views (all through
// grouped_build.hpp).
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

    // The last steps of a build (grouped_build.hpp, the one build of
    // from_edges, Network views and the edge-list reader): `g` has
    // directed_, offsets_ (n + 1) and targets_ set, each list sorted; when
    // `weighted`, one weight per arc in `single` (every weight exactly a
    // float) or else in `double_`. Stores them, a directed graph's in-arcs
    // and the keys (one per node, or none).
    static Graph assemble(Graph g, bool weighted, std::vector<float> single, std::vector<double> double_,
                          std::vector<std::string> keys);

    // For such a builder: the arrays assemble() expects.
    static void set_arcs(Graph& g, bool directed, std::vector<std::uint64_t> offsets, std::vector<NodeId> targets) {
        g.directed_ = directed;
        g.offsets_ = SharedArray<std::uint64_t>(std::move(offsets));
        g.targets_ = SharedArray<NodeId>(std::move(targets));
    }

    // A graph's arrays as they are stored (io/graph_file.cpp writes and
    // maps them). Unused arrays are empty; in_* only for directed graphs.
    struct Arrays {
        bool directed = false;
        WeightPrecision precision = WeightPrecision::unit;
        SharedArray<std::uint64_t> offsets;
        SharedArray<NodeId> targets;
        SharedArray<float> weights_f32;
        SharedArray<double> weights_f64;
        SharedArray<std::uint64_t> in_offsets;
        SharedArray<NodeId> in_sources;
        SharedArray<float> in_weights_f32;
        SharedArray<double> in_weights_f64;
    };
    static Arrays arrays(const Graph& g);
    // A graph over `arrays`, which the caller has checked (offsets
    // ascending from 0 to the arc count, targets in range, lists sorted,
    // in-arcs the transpose), and `keys` (one per node, or none; throws
    // input_error on a repeated key).
    static Graph from_arrays(Arrays arrays, std::vector<std::string> keys);
    // Sets the keys and what an integer names (part of assemble). With
    // index_positional false, keys that are the decimal positions
    // ("0".."n-1") get no key index (find parses them; from_arrays: a
    // loaded graph file). The builds keep the index: the edge-list reader's
    // peak memory is measured against the graph with it
    // (tests/python/test_edgelist_memory.py).
    static void set_keys(Graph& g, std::vector<std::string> keys, bool index_positional = true);
};

}  // namespace verbind
