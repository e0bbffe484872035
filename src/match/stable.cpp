// Deferred acceptance with reviewer capacities, and the blocking-pair check.
#include "verbind/match/stable.hpp"

#include "verbind/error.hpp"

#include <algorithm>
#include <deque>
#include <set>
#include <string_view>
#include <unordered_map>

namespace verbind {

namespace {

std::string quoted(std::string_view s) {
    std::string q;
    q.reserve(s.size() + 2);
    q += '\'';
    q += s;
    q += '\'';
    return q;
}

// Both sides' lists resolved to indices, with rank tables for O(1) lookups.
struct Instance {
    std::vector<std::string> proposers, reviewers;
    std::vector<std::vector<std::uint32_t>> proposer_list;                 // reviewer indices, best first
    std::vector<std::unordered_map<std::uint32_t, std::uint32_t>> p_rank;  // reviewer -> rank
    std::vector<std::unordered_map<std::uint32_t, std::uint32_t>> r_rank;  // proposer -> rank
    std::vector<std::int64_t> capacity;
    std::unordered_map<std::string, std::uint32_t> proposer_index, reviewer_index;
};

std::unordered_map<std::string, std::uint32_t> index_names(const PreferenceLists& lists, const char* function,
                                                           const char* side) {
    std::unordered_map<std::string, std::uint32_t> index;
    for (std::size_t k = 0; k < lists.size(); ++k)
        if (!index.emplace(lists[k].first, static_cast<std::uint32_t>(k)).second)
            throw input_error(std::string(function) + ": " + side + " " + quoted(lists[k].first) +
                              " is listed twice");
    return index;
}

std::vector<std::unordered_map<std::uint32_t, std::uint32_t>> ranks(
    const PreferenceLists& lists, const std::unordered_map<std::string, std::uint32_t>& other, const char* function,
    const char* param, const char* other_side) {
    std::vector<std::unordered_map<std::uint32_t, std::uint32_t>> result(lists.size());
    for (std::size_t k = 0; k < lists.size(); ++k) {
        const auto& [owner, ranked] = lists[k];
        for (std::size_t r = 0; r < ranked.size(); ++r) {
            const auto it = other.find(ranked[r]);
            const std::string where = std::string(function) + ": " + param + "[" + quoted(owner) + "]";
            if (it == other.end()) throw input_error(where + ": unknown " + other_side + " " + quoted(ranked[r]));
            if (!result[k].emplace(it->second, static_cast<std::uint32_t>(r)).second)
                throw input_error(where + ": " + quoted(ranked[r]) + " is ranked twice");
        }
    }
    return result;
}

Instance build_instance(const PreferenceLists& proposer_prefs, const PreferenceLists& reviewer_prefs,
                        const ReviewerCapacities& capacities, const char* function) {
    Instance in;
    in.proposer_index = index_names(proposer_prefs, function, "proposer");
    in.reviewer_index = index_names(reviewer_prefs, function, "reviewer");
    for (const auto& [name, list] : proposer_prefs) in.proposers.push_back(name);
    for (const auto& [name, list] : reviewer_prefs) in.reviewers.push_back(name);
    in.p_rank = ranks(proposer_prefs, in.reviewer_index, function, "proposer_prefs", "reviewer");
    in.r_rank = ranks(reviewer_prefs, in.proposer_index, function, "reviewer_prefs", "proposer");
    for (std::size_t p = 0; p < proposer_prefs.size(); ++p) {
        std::vector<std::uint32_t> list;
        for (const auto& name : proposer_prefs[p].second) {
            const std::uint32_t r = in.reviewer_index.at(name);
            if (!in.r_rank[r].count(static_cast<std::uint32_t>(p)))
                throw input_error(std::string(function) + ": preference lists are not square: proposer " +
                                  quoted(in.proposers[p]) + " ranks reviewer " + quoted(name) +
                                  ", who does not rank them");
            list.push_back(r);
        }
        in.proposer_list.push_back(std::move(list));
    }
    for (std::size_t r = 0; r < reviewer_prefs.size(); ++r)
        for (const auto& name : reviewer_prefs[r].second) {
            const std::uint32_t p = in.proposer_index.at(name);
            if (!in.p_rank[p].count(static_cast<std::uint32_t>(r)))
                throw input_error(std::string(function) + ": preference lists are not square: reviewer " +
                                  quoted(in.reviewers[r]) + " ranks proposer " + quoted(name) +
                                  ", who does not rank them");
        }
    if (capacities.all < 0)
        throw input_error(std::string(function) + ": capacities is " + std::to_string(capacities.all) +
                          ", must be >= 0");
    in.capacity.assign(reviewer_prefs.size(), capacities.all);
    std::set<std::string, std::less<>> seen;
    for (const auto& [name, cap] : capacities.by_reviewer) {
        const auto it = in.reviewer_index.find(name);
        if (it == in.reviewer_index.end())
            throw input_error(std::string(function) + ": capacities: unknown reviewer " + quoted(name));
        if (!seen.insert(name).second)
            throw input_error(std::string(function) + ": capacities: reviewer " + quoted(name) + " is listed twice");
        if (cap < 0)
            throw input_error(std::string(function) + ": capacities[" + quoted(name) + "] is " + std::to_string(cap) +
                              ", must be >= 0");
        in.capacity[it->second] = cap;
    }
    return in;
}

}  // namespace

StableMatching stable_match(const PreferenceLists& proposer_prefs, const PreferenceLists& reviewer_prefs,
                            const ReviewerCapacities& capacities) {
    const Instance in = build_instance(proposer_prefs, reviewer_prefs, capacities, "stable_match");
    const std::size_t np = in.proposers.size(), nr = in.reviewers.size();
    std::vector<std::size_t> next(np, 0);                                     // next position in each proposer's list
    std::vector<std::set<std::pair<std::uint32_t, std::uint32_t>>> held(nr);  // (rank, proposer), worst last
    std::vector<std::int64_t> partner(np, -1);
    std::deque<std::uint32_t> free;
    for (std::uint32_t p = 0; p < np; ++p) free.push_back(p);
    while (!free.empty()) {
        const std::uint32_t p = free.front();
        free.pop_front();
        const auto& list = in.proposer_list[p];
        while (next[p] < list.size()) {
            const std::uint32_t r = list[next[p]++];
            if (in.capacity[r] == 0) continue;
            const std::uint32_t rank = in.r_rank[r].at(p);
            auto& h = held[r];
            if (static_cast<std::int64_t>(h.size()) < in.capacity[r]) {
                h.emplace(rank, p);
                partner[p] = r;
                break;
            }
            const auto worst = std::prev(h.end());
            if (worst->first > rank) {
                const std::uint32_t rejected = worst->second;
                h.erase(worst);
                partner[rejected] = -1;
                free.push_back(rejected);
                h.emplace(rank, p);
                partner[p] = r;
                break;
            }
        }
    }
    StableMatching result;
    result.reserve(np);
    for (std::size_t p = 0; p < np; ++p)
        result.emplace_back(in.proposers[p],
                            partner[p] < 0 ? std::nullopt : std::optional<std::string>(in.reviewers[partner[p]]));
    return result;
}

std::vector<std::pair<std::string, std::string>> blocking_pairs(const PreferenceLists& proposer_prefs,
                                                                const PreferenceLists& reviewer_prefs,
                                                                const StableMatching& matching,
                                                                const ReviewerCapacities& capacities) {
    const char* function = "blocking_pairs";
    const Instance in = build_instance(proposer_prefs, reviewer_prefs, capacities, function);
    const std::size_t np = in.proposers.size(), nr = in.reviewers.size();
    std::vector<std::int64_t> partner(np, -1);
    std::vector<char> seen(np, 0);
    std::vector<std::int64_t> load(nr, 0);
    std::vector<std::uint32_t> worst_rank(nr, 0);  // worst held rank, valid when load > 0
    for (const auto& [proposer, reviewer] : matching) {
        const auto p_it = in.proposer_index.find(proposer);
        if (p_it == in.proposer_index.end())
            throw input_error(std::string(function) + ": matching: unknown proposer " + quoted(proposer));
        const std::uint32_t p = p_it->second;
        if (seen[p])
            throw input_error(std::string(function) + ": matching: proposer " + quoted(proposer) + " appears twice");
        seen[p] = 1;
        if (!reviewer) continue;
        const auto r_it = in.reviewer_index.find(*reviewer);
        if (r_it == in.reviewer_index.end())
            throw input_error(std::string(function) + ": matching[" + quoted(proposer) + "]: unknown reviewer " +
                              quoted(*reviewer));
        const std::uint32_t r = r_it->second;
        if (!in.p_rank[p].count(r))
            throw input_error(std::string(function) + ": matching[" + quoted(proposer) + "]: " + quoted(*reviewer) +
                              " is not on the proposer's list");
        if (++load[r] > in.capacity[r])
            throw input_error(std::string(function) + ": matching: reviewer " + quoted(*reviewer) + " holds " +
                              std::to_string(load[r]) + " proposers, capacity " + std::to_string(in.capacity[r]));
        const std::uint32_t rank = in.r_rank[r].at(p);
        if (load[r] == 1 || rank > worst_rank[r]) worst_rank[r] = rank;
        partner[p] = r;
    }
    std::vector<std::pair<std::string, std::string>> blocking;
    for (std::size_t p = 0; p < np; ++p) {
        for (const std::uint32_t r : in.proposer_list[p]) {
            if (static_cast<std::int64_t>(r) == partner[p]) break;  // the rest are worse than the partner
            if (in.capacity[r] == 0) continue;
            const std::uint32_t rank = in.r_rank[r].at(static_cast<std::uint32_t>(p));
            if (load[r] < in.capacity[r] || rank < worst_rank[r])
                blocking.emplace_back(in.proposers[p], in.reviewers[r]);
        }
    }
    return blocking;
}

}  // namespace verbind
