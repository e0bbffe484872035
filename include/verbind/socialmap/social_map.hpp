// The social map ("sociale kaart"): who the key figures are, who brokers
// between communities, what each organisation holds together, where the
// network is fragile, its communities and its gaps. Every entry carries the
// numbers behind it and a sentence (`why`) saying what they mean.
//
// Privacy: group mixes use Network::declared_groups(actor) (special-category
// groups never appear). Counts of people by group or neighbourhood go through
// verbind::suppress_small_cells (verbind/privacy/suppress.hpp): counts below
// min_cell, and the counts needed to keep those from being worked out from
// totals, are reported as suppressed, never as a number. The communities'
// group mixes and the groups' sizes in the gaps are one table (community x
// declared group with its totals), suppressed together, and together with
// the community sizes and the number of people published beside it
// (verbind::suppress_linked_cells; docs/privacy.md, "Counts that are linked").
#pragma once

#include "verbind/model/date.hpp"
#include "verbind/model/network.hpp"
#include "verbind/privacy/suppress.hpp"
#include "verbind/util/progress.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace verbind {

// The default min_cell.
inline constexpr std::size_t suppression_threshold = default_min_cell;

struct SocialMapOptions {
    std::string municipality;   // empty: all
    std::string neighbourhood;  // empty: all
    std::optional<Date> start;  // ties active in [start, end)
    std::optional<Date> end;
    std::size_t top = 10;  // entries per ranked section
    unsigned threads = 0;
    std::optional<std::uint64_t> seed;          // communities
    std::uint64_t min_cell = default_min_cell;  // counts of people in [1, min_cell) are suppressed (>= 1)
    ProgressCallback progress;                  // may cancel (cancelled_error)
    // Ties of sensitive kinds (a member_of tie to an LGBTI+ organisation can
    // reveal what a declared group would) count only when asked for by name.
    bool include_sensitive = false;

    // Throws input_error naming the field: top or min_cell 0. social_map()
    // calls it.
    void validate() const;
};

// A count of people that may be suppressed (below min_cell, or withheld so
// that such a count cannot be worked out from the others).
struct GroupCount {
    std::string group;
    std::optional<std::size_t> people;  // none: suppressed
};

struct KeyFigure {
    std::string actor;
    double score = 0;  // the composite, in [0, 1]
    std::size_t two_hop_reach = 0;
    double betweenness = 0;  // normalised
    std::size_t cross_group_ties = 0;
    bool recognised = false;  // marked key figure
    bool trained = false;
    std::string why;
};

struct Broker {
    std::string actor;
    double constraint = 0;
    double betweenness = 0;
    std::vector<std::uint32_t> communities;  // communities of its neighbours
    std::string why;
};

struct OrganisationRole {
    std::string actor;
    std::string kind;
    std::size_t residents_tied = 0;
    std::size_t disconnected_without = 0;     // residents cut off from the largest group if it withdrew
    std::size_t pairs_far_apart_without = 0;  // resident pairs now within 2 steps only through it
    std::string why;
};

struct FragilePoint {
    std::string actor;        // an articulation point
    std::size_t cut_off = 0;  // people who lose their only connection to the rest
    std::string why;
};

struct FragileTie {
    std::string a, b;  // a bridge
    std::size_t cut_off = 0;
    std::string why;
};

struct CommunitySummary {
    std::uint32_t id = 0;
    std::size_t size = 0;
    double density = 0;              // internal ties / possible pairs
    double ei_index = 0;             // its ties out vs in
    double expected_ei_index = 0;    // the same under random placement of its size
    std::vector<GroupCount> groups;  // declared groups of its members
    std::string why;
};

struct Gap {
    std::string kind;  // "neighbourhood" or "group"
    std::string name;
    std::optional<std::size_t> people;  // none: suppressed
    std::optional<double> share_of_ties_outside;
    std::optional<double> ei_index;
    std::string why;
};

struct SocialMap {
    std::size_t people = 0, ties = 0;
    double modularity = 0;
    std::vector<KeyFigure> key_figures;
    std::vector<Broker> brokers;
    std::vector<OrganisationRole> organisations;
    std::vector<FragilePoint> fragile_points;
    std::vector<FragileTie> fragile_ties;
    std::vector<CommunitySummary> communities;
    std::vector<Gap> gaps;
};

SocialMap social_map(const Network& network, const SocialMapOptions& options = {});

// The map as JSON: to_json(const SocialMap&) in verbind/io/social_map_json.hpp.

}  // namespace verbind
