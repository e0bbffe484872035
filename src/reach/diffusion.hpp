// Internal to src/reach (implemented in diffusion.cpp): arc probabilities
// shared by spread, RR sets and influence maximisation. The per-arc reads
// are inline: they run in the innermost loops.
#pragma once

#include "verbind/reach/spread.hpp"

#include <span>
#include <string_view>
#include <vector>

namespace verbind::reach_detail {

// p(u,v) per arc, read from the graph or computed, so hot loops need no
// per-arc table for the weighted cascade or a uniform probability.
class ArcProbabilities {
public:
    // Validates. Without `per_arc` (a caller reading only in_node() under
    // the independent cascade) the weighted cascade's per-node table is not
    // made: in() and out() must not be called then.
    ArcProbabilities(const Graph& graph, const DiffusionOptions& options, bool per_arc = true);

    // Out-arc a, whose target is v.
    double out(ArcId a, NodeId v) const noexcept {
        switch (kind_) {
            case ProbabilityKind::weighted_cascade: return inverse_in_degree_[v];
            case ProbabilityKind::uniform: return uniform_;
            default: return graph_->arc_weight(a);
        }
    }
    // In-arc a of node v.
    double in(ArcId a, NodeId v) const noexcept {
        switch (kind_) {
            case ProbabilityKind::weighted_cascade: return inverse_in_degree_[v];
            case ProbabilityKind::uniform: return uniform_;
            default: return graph_->in_arc_weight(a);
        }
    }

    // True when all in-arcs of a node share one probability (weighted
    // cascade, uniform): then in_node(v) gives it.
    bool same_in_probability() const noexcept { return kind_ != ProbabilityKind::weights; }
    // Computed from the in-degree, whose offsets the caller has just read:
    // cheaper than a cache miss into a table on large graphs.
    double in_node(NodeId v) const noexcept {
        return kind_ == ProbabilityKind::weighted_cascade ? 1.0 / static_cast<double>(graph_->in_degree(v))
                                                          : uniform_;
    }

private:
    const Graph* graph_;
    ProbabilityKind kind_;
    double uniform_;
    std::vector<double> inverse_in_degree_;
};

// Throws input_error "<what> <i>: node <v> is out of range (n = <n>)".
void check_nodes(const Graph& graph, std::span<const NodeId> nodes, std::string_view what);

}  // namespace verbind::reach_detail
