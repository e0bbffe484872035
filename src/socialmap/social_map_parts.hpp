// Internal to src/socialmap: what the sections of the social map share.
// social_map.cpp computes the measures, the key figures, brokers,
// organisations and fragile points; social_map_groups.cpp the declared
// groups by community (one suppressed table), the communities and the gaps.
#pragma once

#include "verbind/graph/graph.hpp"
#include "verbind/privacy/suppress.hpp"
#include "verbind/socialmap/social_map.hpp"
#include "verbind/util/text.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace verbind::social_map_detail {

inline std::string fixed(double x, int digits = 2) { return number_text(x, NumberFormat::fixed(digits)); }

inline std::string count_of(std::size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}


// What every section of the map reads: its graph, the actors on it with
// their declared groups, and the measures computed once for all sections.
struct MapData {
    const Graph& g;
    const SocialMapOptions& options;
    std::size_t n = 0;
    std::vector<const Actor*> actor;
    std::vector<std::vector<std::string>> groups;  // declared groups, sorted (special-category ones left out)
    std::vector<double> btw, cons;                 // betweenness (normalised), Burt's constraint
    std::vector<std::uint32_t> community;
};

// --- declared groups by community: one table, suppressed once ----------------------
// Its column totals are the group sizes the gaps publish, so the
// communities' group mixes and the gaps are protected together: no
// suppressed cell can be worked out from a total minus published cells.
struct GroupMix {
    std::vector<std::string> declared;   // the declared groups on the map, sorted
    std::uint32_t k = 0;                 // communities
    std::optional<SuppressedTable> mix;  // k x declared (+ totals); none without declared groups
};

GroupMix group_mix(const MapData& d, const SuppressionOptions& suppression);

// --- communities ---------------------------------------------------------------------
std::vector<CommunitySummary> community_summaries(const MapData& d, const GroupMix& groups);

// --- gaps ------------------------------------------------------------------------------
std::vector<Gap> gaps(const MapData& d, const GroupMix& groups, const SuppressionOptions& suppression);

}  // namespace verbind::social_map_detail
