// Greedy maximum coverage over RR sets, with OPIM-C's bound on the optimum
// (src/reach/influence_rr.hpp).
#include "influence_rr.hpp"

#include <algorithm>
#include <queue>
#include <span>
#include <utility>

namespace verbind::reach_detail {

namespace {

// Cov(S_i) + the sum of the k largest marginal coverages now, read off
// `having` (how many candidates have each marginal coverage) walking down
// from `highest`, which only moves down as counts only fall: integers below
// 2^53, exact in a double. greedy() and distributed_greedy() share it.
template <class Count>
double prefix_bound(const std::vector<Count>& having, Count& highest, std::uint64_t coverage, std::size_t k) {
    while (highest > 0 && having[highest] == 0) --highest;
    std::uint64_t sum = coverage, left = k;
    for (Count c = highest; c > 0 && left > 0; --c) {
        const std::uint64_t take = std::min<std::uint64_t>(left, having[c]);
        sum += take * c;
        left -= take;
    }
    return static_cast<double>(sum);
}

}  // namespace

// Greedy maximum coverage (ties: lowest node index), with the upper bound
// on the best k-set's coverage of OPIM-C (Tang et al., SIGMOD 2018, Sec.
// 4.2): by submodularity, for every greedy prefix S_i (i = 0..k),
// OPT <= Cov(S_i) + the sum of the k largest marginal coverages given S_i;
// the bound is the tightest of these k + 1.
//
// The picks come from a lazy heap; the k largest marginals from a count of
// candidates per marginal coverage, kept as coverage is taken away (O(1)
// per decrement, where popping k current entries off the heap at every
// prefix cost k^2 log n in all and a fifth of the run on ego-Facebook).
GreedyChoice greedy(const RRSets& sets, std::size_t n, std::size_t k, const std::vector<std::uint8_t>& allowed,
                    GreedyScratch& scratch) {
    constexpr std::uint32_t unused = UINT32_MAX;
    if (scratch.local.size() != n) scratch.local.assign(n, unused);
    std::vector<NodeId> touched;  // local id -> node
    for (NodeId v : sets.nodes)
        if (allowed[v] && scratch.local[v] == unused) {
            scratch.local[v] = static_cast<std::uint32_t>(touched.size());
            touched.push_back(v);
        }
    const std::size_t t = touched.size();
    std::vector<std::uint32_t> count(t, 0);
    for (NodeId v : sets.nodes)
        if (allowed[v]) ++count[scratch.local[v]];
    std::vector<std::uint64_t> start(t + 1, 0);
    for (std::size_t i = 0; i < t; ++i) start[i + 1] = start[i] + count[i];
    std::vector<std::uint32_t> containing(start[t]);
    {
        std::vector<std::uint64_t> fill(start.begin(), start.end() - 1);
        for (std::size_t s = 0; s < sets.size(); ++s)
            for (std::uint64_t i = sets.offsets[s]; i < sets.offsets[s + 1]; ++i)
                if (allowed[sets.nodes[i]])
                    containing[fill[scratch.local[sets.nodes[i]]]++] = static_cast<std::uint32_t>(s);
    }
    GreedyChoice choice;
    // How many candidates have each marginal coverage (counts only fall, so
    // `highest` only moves down): the k largest marginals are read off it
    // walking down from `highest`, at most `highest` levels a prefix.
    std::uint32_t highest = 0;
    for (std::size_t i = 0; i < t; ++i) highest = std::max(highest, count[i]);
    std::vector<std::uint32_t> having(std::size_t{highest} + 1, 0);
    for (std::size_t i = 0; i < t; ++i) ++having[count[i]];
    using Entry = std::pair<std::uint32_t, std::uint32_t>;  // (coverage, ~node): ties go to the lowest node
    std::vector<Entry> entries(t);
    for (std::size_t i = 0; i < t; ++i) entries[i] = {count[i], ~touched[i]};
    std::priority_queue<Entry> heap(std::less<Entry>(), std::move(entries));
    std::vector<std::uint8_t> covered(sets.size(), 0);
    double upper = prefix_bound(having, highest, choice.coverage, k);  // S_0: the k largest coverages
    while (choice.seeds.size() < k && !heap.empty()) {
        // Lazy greedy: a stored key is at least the node's marginal
        // coverage, so a current entry on top is the largest one.
        const auto [stored, inverted] = heap.top();
        heap.pop();
        const std::uint32_t i = scratch.local[~inverted];
        if (stored != count[i]) {
            heap.emplace(count[i], inverted);
            continue;
        }
        choice.seeds.push_back(~inverted);
        choice.coverage += count[i];
        for (std::uint64_t j = start[i]; j < start[i + 1]; ++j) {
            const std::uint32_t s = containing[j];
            if (covered[s]) continue;
            covered[s] = 1;
            for (std::uint64_t x = sets.offsets[s]; x < sets.offsets[s + 1]; ++x) {
                const NodeId w = sets.nodes[x];
                if (!allowed[w]) continue;
                const std::uint32_t c = count[scratch.local[w]]--;
                --having[c];
                ++having[c - 1];
            }
        }
        // S_i for i = 1..k (the chosen nodes have no marginal coverage left).
        upper = std::min(upper, prefix_bound(having, highest, choice.coverage, k));
    }
    choice.coverage_upper = upper;
    // Fewer than k nodes cover anything: the rest add nothing, lowest first.
    for (NodeId v = 0; v < n && choice.seeds.size() < k; ++v)
        if (allowed[v] && scratch.local[v] == unused) choice.seeds.push_back(v);
    for (NodeId v : touched) scratch.local[v] = unused;
    return choice;
}

std::uint64_t coverage(const RRSets& sets, const std::vector<std::uint8_t>& chosen) {
    std::uint64_t hit = 0;
    for (std::size_t s = 0; s < sets.size(); ++s)
        for (std::uint64_t i = sets.offsets[s]; i < sets.offsets[s + 1]; ++i)
            if (chosen[sets.nodes[i]]) {
                ++hit;
                break;
            }
    return hit;
}

GreedyChoice distributed_greedy(const RRSets& sets, std::size_t n, std::size_t k,
                                const std::vector<std::uint8_t>& allowed, Collective& collective) {
    // Global coverage counts of the candidates: one sum of n counts.
    std::vector<std::uint64_t> count(n, 0);
    for (NodeId v : sets.nodes)
        if (allowed[v]) ++count[v];
    collective.sum(std::span<std::uint64_t>(count));
    // This rank's node -> sets index (candidates only).
    std::vector<std::uint64_t> start(n + 1, 0);
    for (NodeId v : sets.nodes)
        if (allowed[v]) ++start[std::size_t{v} + 1];
    for (std::size_t v = 0; v < n; ++v) start[v + 1] += start[v];
    std::vector<std::uint32_t> containing(start[n]);
    {
        std::vector<std::uint64_t> fill(start.begin(), start.end() - 1);
        for (std::size_t s = 0; s < sets.size(); ++s)
            for (std::uint64_t i = sets.offsets[s]; i < sets.offsets[s + 1]; ++i)
                if (allowed[sets.nodes[i]]) containing[fill[sets.nodes[i]]++] = static_cast<std::uint32_t>(s);
    }
    // From here on every rank holds the same counts and so makes the same
    // steps as greedy() does on the union of the sets: the same lazy heap,
    // the same count of candidates per marginal coverage.
    GreedyChoice choice;
    std::vector<std::uint8_t> occurs(n, 0);  // in some set of some rank
    std::uint64_t highest = 0;
    for (std::size_t v = 0; v < n; ++v)
        if (allowed[v] && count[v] > 0) {
            occurs[v] = 1;
            highest = std::max(highest, count[v]);
        }
    std::vector<std::uint64_t> having(static_cast<std::size_t>(highest) + 1, 0);
    for (std::size_t v = 0; v < n; ++v)
        if (occurs[v]) ++having[count[v]];
    using Entry = std::pair<std::uint64_t, std::uint32_t>;  // (coverage, ~node): ties go to the lowest node
    std::vector<Entry> entries;
    for (std::size_t v = 0; v < n; ++v)
        if (occurs[v]) entries.emplace_back(count[v], ~static_cast<std::uint32_t>(v));
    std::priority_queue<Entry> heap(std::less<Entry>(), std::move(entries));
    std::vector<std::uint8_t> covered(sets.size(), 0);
    std::vector<std::uint32_t> newly;  // members of the sets this pick newly covers here
    double upper = prefix_bound(having, highest, choice.coverage, k);
    while (choice.seeds.size() < k && !heap.empty()) {
        const auto [stored, inverted] = heap.top();
        heap.pop();
        const NodeId v = ~inverted;
        if (stored != count[v]) {
            heap.emplace(count[v], inverted);
            continue;
        }
        choice.seeds.push_back(v);
        choice.coverage += count[v];
        newly.clear();
        for (std::uint64_t j = start[v]; j < start[std::size_t{v} + 1]; ++j) {
            const std::uint32_t s = containing[j];
            if (covered[s]) continue;
            covered[s] = 1;
            for (std::uint64_t x = sets.offsets[s]; x < sets.offsets[s + 1]; ++x)
                if (allowed[sets.nodes[x]]) newly.push_back(sets.nodes[x]);
        }
        // Every rank's decrements. Gathered as node lists (4 bytes a member)
        // while they are short; once the ranks' lists hold more than 2n
        // members in all (a first pick that covers most sets), as one sum
        // of n counts instead (8n bytes), so no rank ever receives more
        // than the larger of the two. Either way every rank applies the
        // same decrements: a node's count drops by d and one step in
        // `having` moves from c to c - d, as d single steps would leave it.
        std::uint64_t members = newly.size();
        collective.sum(std::span<std::uint64_t>(&members, 1));
        auto decrement = [&](NodeId w, std::uint64_t d) {
            const std::uint64_t c = count[w];
            count[w] = c - d;
            --having[c];
            ++having[c - d];
        };
        if (members > 2 * static_cast<std::uint64_t>(n)) {
            std::vector<std::uint64_t> dropped(n, 0);
            for (const NodeId w : newly) ++dropped[w];
            collective.sum(std::span<std::uint64_t>(dropped));
            for (std::size_t w = 0; w < n; ++w)
                if (dropped[w] != 0) decrement(static_cast<NodeId>(w), dropped[w]);
        } else {
            for (const NodeId w : collective.gather(std::span<const std::uint32_t>(newly))) decrement(w, 1);
        }
        upper = std::min(upper, prefix_bound(having, highest, choice.coverage, k));
    }
    choice.coverage_upper = upper;
    for (NodeId v = 0; v < n && choice.seeds.size() < k; ++v)
        if (allowed[v] && !occurs[v]) choice.seeds.push_back(v);
    return choice;
}

}  // namespace verbind::reach_detail
