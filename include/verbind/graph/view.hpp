// Views: which Graph to take from a Network.
#pragma once

#include "verbind/graph/graph.hpp"
#include "verbind/model/network.hpp"

#include <optional>
#include <string>
#include <vector>

namespace verbind {

struct ViewOptions {
    // Tie kinds to include (empty: all). With co_attendance, event kinds.
    std::vector<std::string> kinds;
    // Time window [start, end): ties active on some day in it; with
    // co_attendance, events dated in it. Open bounds allowed.
    std::optional<Date> start;
    std::optional<Date> end;
    // Keep only actors living/located in these neighbourhoods (empty: all).
    std::vector<std::string> neighbourhoods;
    // Keep residents only (drop organisations).
    bool residents_only = false;
    // Co-attendance projection: two actors who attended the same event are
    // tied, weight = number of shared events. Ties are then not used.
    bool co_attendance = false;
    // Directed view: tie a->b gives arc a->b only (co-attendance is always
    // symmetric and gives an undirected graph).
    bool directed = false;
    // Several ties between the same pair (different kinds or periods): how
    // to combine their weights. Merge::error refuses such pairs.
    Merge merge = Merge::max;
    // false (the default): leave out ties of sensitive kinds
    // (Network::mark_sensitive_tie_kind) and, with co_attendance, sensitive
    // events, as every other reader of a Network does (docs/privacy.md):
    // special-category data is used only when asked for by name, true.
    bool include_sensitive = false;

    // Throws input_error when start and end are both given and end is not
    // after start.
    void validate() const;
};

// Builds the snapshot. Nodes are the actors that pass the filters, in the
// Network's order (isolated ones included); keys are the actor keys.
Graph build_graph(const Network& network, const ViewOptions& options = {});

}  // namespace verbind
