// Internal to src/socialmap: the pieces of Leiden and Louvain that
// communities.cpp puts together. A level (the graph between aggregate nodes),
// its arc weights, the per-cluster scratch, and the three steps: fast local
// moving, refinement and aggregation (leiden_steps.cpp), each for stored
// weights (const double*) and for the unit weights of an unweighted graph's
// first level (UnitWeights).
#pragma once

#include "verbind/graph/graph.hpp"
#include "verbind/util/progress.hpp"
#include "verbind/util/random.hpp"

#include <bit>
#include <cstddef>
#include <cstdint>
#include <span>
#include <type_traits>
#include <vector>

namespace verbind::leiden_detail {

// A weighted undirected graph between aggregate nodes. Arcs inside a node
// (self-loops after aggregation) are left out: they do not change any move's
// gain, and each node's weight keeps the full strength of its members. The
// first level of an unweighted graph keeps no weights (`unit`): every arc
// weighs 1, and local moving, refinement and aggregation read half the
// memory per arc there.
struct Level {
    std::vector<std::size_t> offsets;
    std::vector<NodeId> targets;
    std::vector<double> weights;   // empty when unit
    std::vector<double> strength;  // k_v: total strength of the members
    bool unit = false;

    std::size_t size() const { return strength.size(); }
};

// Arc weights of a unit level: the same doubles (1.0) the stored weights
// would give, so both paths compute bit-identical sums.
struct UnitWeights {
    double operator[](std::size_t) const { return 1.0; }
};

// Calls f(weights) with the level's weights: a pointer, or UnitWeights.
template <class F>
decltype(auto) with_weights(const Level& level, F&& f) {
    if (level.unit) return f(UnitWeights{});
    return f(static_cast<const double*>(level.weights.data()));
}

template <class W>
constexpr bool stored_weights = !std::is_same_v<W, UnitWeights>;

// A per-cluster weight that is "absent" until first added to: the absent
// mark is a signalling-NaN bit pattern no arithmetic produces, so the weight
// and its mark are one 8-byte load.
constexpr std::uint64_t absent_bits = 0x7ff4'0000'dead'beefull;
inline double absent_weight() { return std::bit_cast<double>(absent_bits); }
inline bool is_absent(double w) { return std::bit_cast<std::uint64_t>(w) == absent_bits; }

// Weights from one node to each neighbouring cluster, gathered without
// clearing an n-sized array per node.
class ClusterWeights {
public:
    explicit ClusterWeights(std::size_t n) : weight_(n, absent_weight()), touched_(n) {}
    void clear() {
        for (std::size_t i = 0; i < count_; ++i) weight_[touched_[i]] = absent_weight();
        count_ = 0;
    }
    void add(NodeId cluster, double w) {
        double& x = weight_[cluster];
        if (is_absent(x)) {
            x = w;
            touched_[count_++] = cluster;
        } else {
            x += w;
        }
    }
    // For a cluster in touched().
    double touched_weight(NodeId cluster) const { return weight_[cluster]; }
    std::span<const NodeId> touched() const { return {touched_.data(), count_}; }

private:
    std::vector<double> weight_;
    std::vector<NodeId> touched_;  // the first count_ are the clusters added to
    std::size_t count_ = 0;
};

// Move gains are compared with a small tolerance so that rounding noise
// cannot make a node hop back and forth between equally good clusters.
constexpr double gain_tolerance = 1e-12;

// Lets the callback in (and cancel) during a pass: one pass over a large
// graph can take seconds. Progress::report keeps to one call per ~0.1 s.
struct Heartbeat {
    Progress& progress;
    double at = 0.0;  // the fraction reported: the pass's start
    std::uint32_t steps = 0;
    void tick() {
        if ((++steps & 4095) == 0) progress.report(at);
    }
};

// Fast local moving (Leiden paper, Alg. A.2 MoveNodesFast) from the
// partition `cluster_of` (ids < level.size()). Returns whether any node moved.
template <class W>
bool move_nodes_fast(const Level& level, W weights, std::vector<NodeId>& cluster_of, double gamma_over_2m, Rng& rng,
                     Heartbeat& beat);

// Refinement (Alg. A.2 RefinePartition): a refined cluster per node (ids
// are node ids of a member), each inside its cluster of `cluster`.
template <class W>
std::vector<NodeId> refine(const Level& level, W weights, const std::vector<NodeId>& cluster, double gamma_over_2m,
                           Heartbeat& beat, Rng& rng);

// Collapses each group of `group` (ids < level.size()) into one node,
// numbered in order of first appearance. Returns the new level and each old
// node's new id.
template <class W>
Level aggregate(const Level& level, W weights, const std::vector<NodeId>& group, std::vector<NodeId>& new_id);

}  // namespace verbind::leiden_detail
