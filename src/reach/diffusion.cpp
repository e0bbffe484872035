// The arc probabilities and node checks declared in diffusion.hpp (internal
// to src/reach: spread, RR sets and influence maximisation). The per-arc
// reads stay inline in the header: they run in the innermost loops.
#include "diffusion.hpp"

#include "verbind/error.hpp"

#include <sstream>
#include <string>

namespace verbind {
namespace reach_detail {

namespace {
std::string number(double x) {
    std::ostringstream out;
    out.precision(17);
    out << x;
    return out.str();
}
}  // namespace

ArcProbabilities::ArcProbabilities(const Graph& graph, const DiffusionOptions& options, bool per_arc)
    : graph_(&graph), kind_(options.probability), uniform_(options.uniform_probability) {
    const std::size_t n = graph.num_nodes();
    switch (kind_) {
        case ProbabilityKind::weighted_cascade:
            if (!per_arc && options.model != DiffusionModel::linear_threshold) break;
            inverse_in_degree_.resize(n);
            for (NodeId v = 0; v < n; ++v)
                inverse_in_degree_[v] = graph.in_degree(v) == 0 ? 0.0 : 1.0 / static_cast<double>(graph.in_degree(v));
            break;
        case ProbabilityKind::uniform:
            if (!(uniform_ >= 0.0 && uniform_ <= 1.0))
                throw input_error("probability must be in [0, 1], got " + number(uniform_));
            break;
        case ProbabilityKind::weights:
            for (NodeId u = 0; u < n; ++u)
                for (ArcId a = graph.arc_begin(u); a < graph.arc_end(u); ++a) {
                    const double w = graph.arc_weight(a);
                    if (!(w >= 0.0 && w <= 1.0))
                        throw input_error("edge '" + graph.key(u) + "' - '" + graph.key(graph.arc_target(a)) +
                                          "': weight " + number(w) +
                                          " is not a probability (probability='weights' needs weights in [0, 1])");
                }
            break;
    }
    if (options.model == DiffusionModel::linear_threshold) {
        for (NodeId v = 0; v < n; ++v) {
            double total = 0;
            for (ArcId a = graph.in_arc_begin(v); a < graph.in_arc_end(v); ++a) total += in(a, v);
            if (total > 1.0 + 1e-9)
                throw input_error("node '" + graph.key(v) + "': in-arc probabilities sum to " + number(total) +
                                  ", above 1 (the Linear Threshold model needs at most 1)");
        }
    }
}

void check_nodes(const Graph& graph, std::span<const NodeId> nodes, std::string_view what) {
    for (std::size_t i = 0; i < nodes.size(); ++i)
        if (nodes[i] >= graph.num_nodes())
            throw input_error(std::string(what) + " " + std::to_string(i) + ": node " + std::to_string(nodes[i]) +
                              " is out of range (n = " + std::to_string(graph.num_nodes()) + ")");
}

}  // namespace reach_detail

}  // namespace verbind
