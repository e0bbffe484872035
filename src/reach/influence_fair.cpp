// Group-fair influence maximisation (include/verbind/reach/fair.hpp):
// multiplicative weights over groups (Tsang et al., IJCAI 2019, Sec. 5) on
// RR sets rooted in each group (src/reach/influence_rr.hpp).
#include "verbind/reach/fair.hpp"

#include "influence_rr.hpp"
#include "graph/ranks.hpp"
#include "verbind/error.hpp"
#include "verbind/graph/labels.hpp"
#include "verbind/util/parallel.hpp"
#include "verbind/util/random.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <queue>
#include <string>
#include <tuple>

namespace verbind {

using namespace reach_detail;
using namespace rank_detail;

namespace {

// Greedy for weighted coverage: each RR set s counts weight[s] once covered.
// Ties go to the lowest node index.
std::vector<NodeId> weighted_greedy(const RRSets& sets, const std::vector<std::uint64_t>& start,
                                    const std::vector<std::uint32_t>& containing, const std::vector<double>& weight,
                                    std::size_t n, std::size_t k, const std::vector<std::uint8_t>& allowed) {
    std::vector<double> gain(n, 0.0);
    for (std::size_t s = 0; s < sets.size(); ++s)
        for (std::uint64_t i = sets.offsets[s]; i < sets.offsets[s + 1]; ++i) gain[sets.nodes[i]] += weight[s];
    using Entry = std::pair<double, std::uint32_t>;  // (gain, ~node)
    std::priority_queue<Entry> heap;
    for (NodeId v = 0; v < n; ++v)
        if (allowed[v]) heap.emplace(gain[v], ~v);
    std::vector<std::uint8_t> covered(sets.size(), 0);
    std::vector<NodeId> seeds;
    while (seeds.size() < k && !heap.empty()) {
        const auto [stale, inverted] = heap.top();
        heap.pop();
        const NodeId v = ~inverted;
        if (stale != gain[v]) {
            heap.emplace(gain[v], inverted);
            continue;
        }
        seeds.push_back(v);
        for (std::uint64_t i = start[v]; i < start[v + 1]; ++i) {
            const std::uint32_t s = containing[i];
            if (covered[s]) continue;
            covered[s] = 1;
            for (std::uint64_t j = sets.offsets[s]; j < sets.offsets[s + 1]; ++j) gain[sets.nodes[j]] -= weight[s];
        }
    }
    return seeds;
}

// Per group: RR sets covered by `chosen` or given, as a fraction of the group's sets.
std::vector<double> group_fractions(const RRSets& sets, const std::vector<std::uint32_t>& set_group,
                                    std::size_t groups, const std::vector<std::uint8_t>& chosen) {
    std::vector<double> hit(groups, 0.0), total(groups, 0.0);
    for (std::size_t s = 0; s < sets.size(); ++s) {
        total[set_group[s]] += 1;
        bool covered = sets.given[s] != 0;
        for (std::uint64_t i = sets.offsets[s]; i < sets.offsets[s + 1] && !covered; ++i)
            covered = chosen[sets.nodes[i]] != 0;
        hit[set_group[s]] += covered;
    }
    for (std::size_t g = 0; g < groups; ++g) hit[g] /= total[g];
    return hit;
}


// The node -> sets index of `sets` (candidates only): the sets holding v
// are containing[start[v] .. start[v + 1]).
void index_sets(const RRSets& sets, std::size_t n, const std::vector<std::uint8_t>& allowed,
                std::vector<std::uint64_t>& start, std::vector<std::uint32_t>& containing) {
    start.assign(n + 1, 0);
    for (std::size_t s = 0; s < sets.size(); ++s)
        for (std::uint64_t i = sets.offsets[s]; i < sets.offsets[s + 1]; ++i)
            if (allowed[sets.nodes[i]]) ++start[sets.nodes[i] + 1];
    for (NodeId v = 0; v < n; ++v) start[v + 1] += start[v];
    containing.assign(start[n], 0);
    std::vector<std::uint64_t> fill(start.begin(), start.end() - 1);
    for (std::size_t s = 0; s < sets.size(); ++s)
        for (std::uint64_t i = sets.offsets[s]; i < sets.offsets[s + 1]; ++i)
            if (allowed[sets.nodes[i]]) containing[fill[sets.nodes[i]]++] = static_cast<std::uint32_t>(s);
}

}  // namespace

InfluenceResult fair_influence_max(const Graph& graph, std::size_t k, std::span<const std::uint32_t> group,
                                   const InfluenceOptions& options) {
    return fair_influence_max(graph, k, group, options, single_process());
}

InfluenceResult fair_influence_max(const Graph& graph, std::size_t k, std::span<const std::uint32_t> group,
                                   const InfluenceOptions& options, Collective& collective) {
    const std::size_t n = graph.num_nodes();
    Setup setup;
    std::optional<ArcProbabilities> made;
    on_every_rank(collective, [&] {
        if (group.size() != n)
            throw input_error("groups has " + std::to_string(group.size()) + " labels for " + std::to_string(n) +
                              " nodes");
        setup = check_influence_options(graph, k, options);
        // Labels are checked before anything is sized by them: a label of
        // 0xFFFFFFFF or 1e8 among 0, 1 is refused as "label 2 has no members"
        // in O(n) memory, not allocated for.
        require_all_labels_used(compact_labels(group), "fair_influence_max", "groups");
        made.emplace(graph, options.diffusion, false);
    });
    check_influence_ranks(collective, "fair_influence_max", graph, k, options, list_hash(group));
    std::size_t groups = 0;
    for (std::uint32_t g : group) groups = std::max<std::size_t>(groups, std::size_t{g} + 1);
    const ArcProbabilities& probabilities = *made;
    const bool threshold_model = options.diffusion.model == DiffusionModel::linear_threshold;
    const std::uint64_t seed = seed_or_default(options.seed);
    const unsigned threads = resolve_threads(options.threads);

    // Sets per group and half: enough that every k-set's group fraction is
    // within epsilon/2 on all groups at once (Hoeffding and a union bound
    // over the k-sets of candidates), capped at 2^20 per group and half.
    // log(c / delta) as log c - log delta, which never overflows.
    const double eps = options.epsilon, kd = static_cast<double>(k), cd = static_cast<double>(setup.candidate_count);
    const double gd = static_cast<double>(groups);
    const double log_binomial = log_gamma(cd + 1) - log_gamma(kd + 1) - log_gamma(cd - kd + 1);
    const double per_group = 2.0 * (log_binomial + std::log(2.0 * gd) - std::log(setup.delta)) / (eps * eps);
    const std::size_t theta = static_cast<std::size_t>(std::min(std::ceil(per_group), double(1u << 20)));
    // Memory grows with the number of groups (groups * theta sets in each
    // half): refuse before drawing when even sets of one node would not fit,
    // and while drawing as soon as the measured sizes say the rest will not.
    const double total_sets = gd * static_cast<double>(theta);
    auto refuse = [&](double average, const char* when) {
        const double bytes = estimated_bytes(total_sets, 2.0, average, n, threads) + total_sets * 16.0;
        if (total_sets <= max_sets_per_collection && bytes <= static_cast<double>(options.max_memory_bytes)) return;
        throw input_error("fair_influence_max: " + std::to_string(groups) + " groups need " + number(total_sets) +
                          " reverse-reachable sets per half (" + std::to_string(theta) +
                          " per group, from epsilon = " + number(eps) + " and delta = " + number(setup.delta) +
                          "), " + when + " " +
                          (total_sets > max_sets_per_collection
                               ? "more than the limit of " + number(max_sets_per_collection)
                               : "about " + gigabytes(bytes) +
                                     ", above max_memory_bytes = " + std::to_string(options.max_memory_bytes)) +
                          "; use fewer groups, a larger epsilon or delta, or raise max_memory_bytes");
    };
    std::vector<std::vector<NodeId>> members(groups);
    for (NodeId v = 0; v < n; ++v) members[group[v]].push_back(v);
    Progress progress(options.progress);
    // A refusal, a cancel or running out of memory on one rank stops every rank.
    on_every_rank(collective, [&] {
        refuse(1.0, "at least");
        progress.report(0.0);
    });

    const std::uint64_t halves = 2 * groups;
    std::vector<Sampler> samplers(threads);
    RRSets first, second;
    std::vector<std::uint32_t> first_group, second_group;
    for (std::size_t g = 0; g < groups; ++g) {
        // Each group's sets into their own collection, then appended. With
        // several ranks, each draws its share (set j on rank j mod size) and
        // every rank then holds them all, in set order.
        const double from = 0.5 * static_cast<double>(g) / gd, span = 0.5 / gd;
        RRSets a, b;
        on_every_rank(collective, [&] {
            const std::size_t mine = share_of(theta, collective);
            grow(a, mine, graph, probabilities, threshold_model, setup.fixed.data(), seed, 2 * g, threads, samplers,
                 &members[g], halves, &progress, from, from + span / 2, collective.size(), collective.rank());
            grow(b, mine, graph, probabilities, threshold_model, setup.fixed.data(), seed, 2 * g + 1, threads,
                 samplers, &members[g], halves, &progress, from + span / 2, from + span, collective.size(),
                 collective.rank());
        });
        if (collective.size() > 1) {
            a = gather_sets(a, theta, collective);
            b = gather_sets(b, theta, collective);
        }
        for (auto [to, src, labels] :
             {std::tuple{&first, &a, &first_group}, std::tuple{&second, &b, &second_group}}) {
            const std::uint64_t base = to->nodes.size();
            to->nodes.insert(to->nodes.end(), src->nodes.begin(), src->nodes.end());
            for (std::size_t s = 0; s < src->size(); ++s) {
                to->offsets.push_back(base + src->offsets[s + 1]);
                to->given.push_back(src->given[s]);
                labels->push_back(static_cast<std::uint32_t>(g));
            }
            to->given_count += src->given_count;
        }
        // The groups drawn so far show the sets' size: project the rest.
        const double drawn = static_cast<double>(first.size() + second.size());
        on_every_rank(collective, [&] {
            refuse(static_cast<double>(first.nodes.size() + second.nodes.size()) / drawn,
                   "projected from the sets drawn so far,");
            progress.report(0.5 * static_cast<double>(g + 1) / gd);
        });
    }
    // Node -> sets index over the first collection (candidates only).
    std::vector<std::uint64_t> start;
    std::vector<std::uint32_t> containing;
    index_sets(first, n, setup.allowed, start, containing);
    // Multiplicative weights over groups (Tsang et al. 2019, Sec. 5).
    const std::size_t rounds = std::clamp<std::size_t>(
        static_cast<std::size_t>(std::ceil(std::log(std::max<double>(2.0, double(groups))) / (eps * eps))), 5, 50);
    const double eta = std::sqrt(std::log(std::max<double>(2.0, double(groups))) / static_cast<double>(rounds));
    std::vector<double> group_weight(groups, 1.0 / static_cast<double>(groups)), set_weight(first.size());
    std::vector<NodeId> best;
    double best_minimum = -1;
    std::vector<std::uint8_t> chosen(n, 0);
    for (std::size_t t = 0; t < rounds; ++t) {
        for (std::size_t s = 0; s < first.size(); ++s)
            set_weight[s] = first.given[s] ? 0.0 : group_weight[first_group[s]] / static_cast<double>(theta);
        std::vector<NodeId> seeds = weighted_greedy(first, start, containing, set_weight, n, k, setup.allowed);
        std::fill(chosen.begin(), chosen.end(), 0);
        for (NodeId v : seeds) chosen[v] = 1;
        const std::vector<double> fraction = group_fractions(first, first_group, groups, chosen);
        const double minimum = *std::min_element(fraction.begin(), fraction.end());
        if (minimum > best_minimum) {
            best_minimum = minimum;
            best = seeds;
        }
        double total = 0;
        for (std::size_t g = 0; g < groups; ++g) total += group_weight[g] *= std::exp(-eta * fraction[g]);
        for (double& w : group_weight) w /= total;
        on_every_rank(collective,
                      [&] { progress.report(0.5 + 0.5 * static_cast<double>(t + 1) / static_cast<double>(rounds)); });
    }
    InfluenceResult result;
    result.seeds = best;
    std::fill(chosen.begin(), chosen.end(), 0);
    for (NodeId v : best) chosen[v] = 1;
    result.group_reach = group_fractions(second, second_group, groups, chosen);
    // Hoeffding per group, union bound over the groups (and the same for
    // the extra reach): P(fraction below estimate - margin) <= delta / (2G).
    const double margin =
        std::sqrt((std::log(4.0 * gd) - std::log(setup.delta)) / (2.0 * static_cast<double>(theta)));
    std::vector<std::uint8_t> none(n, 0);
    const std::vector<double> given_fraction = group_fractions(second, second_group, groups, none);
    for (std::size_t g = 0; g < groups; ++g) {
        const double size = static_cast<double>(members[g].size());
        result.spread_lower_bound += size * std::max(0.0, result.group_reach[g] - margin);
        result.extra_spread_lower_bound += size * std::max(0.0, result.group_reach[g] - given_fraction[g] - margin);
    }
    result.approximation = std::numeric_limits<double>::quiet_NaN();
    result.rr_sets = first.size() + second.size();
    on_every_rank(collective, [&] { progress.report(1.0); });
    return result;
}


}  // namespace verbind
