// Buddy pairs: stable matching with capacities (Gale & Shapley, "College
// admissions and the stability of marriage", Amer. Math. Monthly 69, 1962),
// for trained key figures as mentors of new ones, or buddies for newcomers.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace verbind {

// Ranked lists, best first, in the caller's order: (name, ranked names).
using PreferenceLists = std::vector<std::pair<std::string, std::vector<std::string>>>;

// A proposer's partner, or nullopt when unmatched; in proposer order.
using StableMatching = std::vector<std::pair<std::string, std::optional<std::string>>>;

struct ReviewerCapacities {
    std::int64_t all = 1;  // for reviewers not listed below
    std::vector<std::pair<std::string, std::int64_t>> by_reviewer;
};

// Proposer-optimal stable matching by deferred acceptance: a reviewer holds
// up to its capacity of proposers. Lists may be incomplete (a name left out
// is unacceptable) but must be mutual: when p ranks r, r must rank p and vice
// versa (otherwise the lists are "not square" and input_error names the
// pair). Unknown names, a name twice in one list, duplicate list owners and
// negative capacities are refused with input_error naming them.
StableMatching stable_match(const PreferenceLists& proposer_prefs, const PreferenceLists& reviewer_prefs,
                            const ReviewerCapacities& capacities = {});

// The pairs (proposer, reviewer) that block `matching`: mutually acceptable,
// the proposer prefers the reviewer to its partner (or has none), and the
// reviewer has a free place or prefers the proposer to one it holds. Ordered
// by proposer (input order), then the proposer's ranking. Proposers missing
// from `matching` count as unmatched. A matching that names unknown people,
// pairs people who did not rank each other, or overfills a reviewer is
// refused with input_error. The preference lists are checked as in
// stable_match.
std::vector<std::pair<std::string, std::string>> blocking_pairs(const PreferenceLists& proposer_prefs,
                                                                const PreferenceLists& reviewer_prefs,
                                                                const StableMatching& matching,
                                                                const ReviewerCapacities& capacities = {});

}  // namespace verbind
