// Introductions across groups on shared talents, and mixed tables at an
// event. The score and the selection are documented in docs/match.md.
#pragma once

#include "verbind/model/network.hpp"
#include "verbind/util/progress.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace verbind {

struct IntroductionOptions {
    std::size_t per_person = 2;          // nobody gets more introductions than this
    std::optional<std::size_t> limit;    // at most this many, spread fairly over groups
    std::string municipality;            // empty: every municipality
    std::optional<Date> start, end;      // ties active in [start, end) count as "already tied"
    std::size_t min_shared = 1;          // shared talents/interests needed, >= 1
    std::optional<std::uint64_t> seed;   // none: verbind::default_seed
    unsigned threads = 0;                // 0: all cores; results do not depend on it
    // Candidates examined per person, drawn from those sharing a talent
    // (rarer talents get more draws); everyone when fewer share one.
    std::size_t candidates_per_person = 50;
    double bridge_bonus = 0.5;           // per bridged dimension (declared groups, communities)
    // A community label per actor (ActorId order), computed once by the
    // caller (for example verbind::communities on build_graph(network, {start,
    // end})). Empty: computed here that way with default options.
    std::vector<std::uint32_t> communities;
    ProgressCallback progress;
    // Ties of sensitive kinds (a member_of tie to an LGBTI+ organisation) are
    // neither "already tied" nor a `via` unless asked for by name.
    bool include_sensitive = false;
};

struct Introduction {
    std::string a, b;  // actor keys; a is a resident, b a resident or an organisation
    double score = 0.0;
    std::vector<std::string> shared_talents;  // sorted
    // The non-sensitive declared groups one of them has and the other has
    // not, then "community <i>" and "community <j>" when their communities
    // differ. Never empty; never a special-category group.
    std::vector<std::string> bridges;
    // Who could make the introduction: up to three mutual contacts in the
    // window, organisations first, then key figures, then other residents.
    std::vector<std::string> via;
};

// Suggested introductions, best first (score, then keys). See docs/match.md
// for the candidates, the score, and the selection: a greedy maximum-weight
// b-matching (b = per_person; weight at least half the optimum), then, with
// a limit, a proportional round-robin over declared groups.
std::vector<Introduction> introductions(const Network& network, const IntroductionOptions& options = {});

struct TableOptions {
    std::size_t size = 8;  // wanted table size, >= 2
    std::optional<std::uint64_t> seed;
};

struct Table {
    std::vector<std::string> members;         // actor keys
    std::vector<std::string> shared_talents;  // held by two or more members, most shared first
    std::vector<std::string> unconnected;     // members who share no talent with anyone at the table
    std::size_t groups = 0;                   // distinct non-sensitive declared groups at the table
    double group_mix = 0.0;                   // groups / distinct groups among all attendees (1 if none)
};

// Splits an event's attendees into tables of about `size` (sizes differ by at
// most one) that mix declared groups like the whole room while everyone
// shares a talent with someone at their table, by seeded local search.
// Throws not_found_error for an unknown event.
std::vector<Table> tables(const Network& network, std::string_view event, const TableOptions& options = {});

}  // namespace verbind
