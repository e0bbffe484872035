// Community detection: Leiden (Traag, Waltman & van Eck, Sci. Rep. 9, 2019)
// and Louvain (Blondel et al., J. Stat. Mech. 2008), and modularity.
#pragma once

#include "verbind/graph/graph.hpp"
#include "verbind/util/progress.hpp"

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace verbind {

enum class CommunityMethod : std::uint8_t { leiden, louvain };

struct CommunityOptions {
    CommunityMethod method = CommunityMethod::leiden;
    double resolution = 1.0;
    std::optional<std::uint64_t> seed;  // none: verbind::default_seed
    unsigned threads = 0;               // 0: all cores; labels do not depend on it
    ProgressCallback progress;

    // Throws input_error for a resolution that is not a positive finite number.
    void validate() const;
};

// A community label per node, 0..k-1, numbered in order of each community's
// lowest node index. Undirected graphs; edge weights are used when present.
std::vector<std::uint32_t> communities(const Graph& graph, const CommunityOptions& options = {});

// Newman-Girvan modularity of a labelling, as networkx.community.modularity
// (weighted when the graph is; directed graphs use the directed formula).
// Labels are names: any uint32 values, compacted before use.
// Throws input_error when labels.size() != graph.num_nodes().
double modularity(const Graph& graph, std::span<const std::uint32_t> labels, double resolution = 1.0);

}  // namespace verbind
