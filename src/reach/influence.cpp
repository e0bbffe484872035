// Influence maximisation with OPIM-C: Tang, Tang, Xiao & Yuan, "Online
// Processing Algorithms for Influence Maximization", SIGMOD 2018, Alg. 2
// (stopping rule) with the greedy upper bound on the optimum (Sec. 4.2).
// The RR sets and the greedy steps are in influence_rr.cpp and
// influence_greedy.cpp; the group-fair variant in influence_fair.cpp.
#include "verbind/reach/spread.hpp"

#include "influence_rr.hpp"
#include "graph/ranks.hpp"
#include "verbind/error.hpp"
#include "verbind/util/parallel.hpp"
#include "verbind/util/random.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace verbind {

using namespace reach_detail;
using namespace rank_detail;

void InfluenceOptions::validate() const {
    if (!(epsilon > 0.0 && epsilon < 1.0)) throw input_error("epsilon must be in (0, 1), got " + number(epsilon));
    if (delta && !(*delta > 0.0 && *delta < 1.0)) throw input_error("delta must be in (0, 1), got " + number(*delta));
    if (max_memory_bytes == 0) throw input_error("max_memory_bytes must be at least 1");
}

namespace reach_detail {

Setup check_influence_options(const Graph& graph, std::size_t k, const InfluenceOptions& options) {
    const std::size_t n = graph.num_nodes();
    Setup setup;
    reach_detail::check_nodes(graph, options.candidates, "candidate");
    reach_detail::check_nodes(graph, options.fixed, "fixed seed");
    options.validate();
    const double delta = options.delta ? *options.delta : (n > 1 ? 1.0 / static_cast<double>(n) : 0.5);
    std::vector<std::uint8_t> fixed(n, 0), allowed(n, options.candidates.empty() ? 1 : 0);
    for (NodeId v : options.fixed) fixed[v] = 1;
    for (NodeId v : options.candidates) allowed[v] = 1;
    // A fixed seed is active already: choosing it again would add nothing.
    std::size_t candidate_count = 0;
    for (NodeId v = 0; v < n; ++v) {
        if (fixed[v]) allowed[v] = 0;
        candidate_count += allowed[v];
    }
    if (k == 0) throw input_error("k must be at least 1");
    if (k > candidate_count)
        throw input_error("k = " + std::to_string(k) + " is more than the " + std::to_string(candidate_count) +
                          " candidates" + (options.fixed.empty() ? "" : " that are not fixed seeds"));
    setup.delta = delta;
    setup.fixed = std::move(fixed);
    setup.allowed = std::move(allowed);
    setup.candidate_count = candidate_count;
    return setup;
}


void check_influence_ranks(Collective& collective, std::string_view operation, const Graph& graph, std::size_t k,
                           const InfluenceOptions& options, std::uint64_t groups_hash) {
    const double delta = options.delta.value_or(0.0);
    check_ranks_agree(collective, operation, graph, graph.weighted(),
                      {{"k", k},
                       {"epsilon", std::bit_cast<std::uint64_t>(options.epsilon), Shown::real},
                       {"delta", std::bit_cast<std::uint64_t>(delta), Shown::real},
                       {"seed", seed_or_default(options.seed)},
                       {"model", static_cast<std::uint64_t>(options.diffusion.model)},
                       {"probability", static_cast<std::uint64_t>(options.diffusion.probability)},
                       {"uniform_probability", std::bit_cast<std::uint64_t>(options.diffusion.uniform_probability),
                        Shown::real},
                       {"the candidates", list_hash(options.candidates), Shown::hex},
                       {"the fixed seeds", list_hash(options.fixed), Shown::hex},
                       {"the groups", groups_hash, Shown::hex}});
}

}  // namespace reach_detail

namespace {

// Refuses, before drawing, a round that would not fit on this rank (its
// share of the sets): the average set size is measured on this rank's sets
// drawn so far (1 before the first round).
struct RoomCheck {
    std::size_t n, k;
    unsigned threads, ranks;
    double eps, delta, root, theta_max;
    std::size_t max_memory_bytes;

    void operator()(double sets, double drawn, double average) const {
        const double nd = static_cast<double>(n), kd = static_cast<double>(k), per = static_cast<double>(ranks);
        const double here = std::ceil(sets / per);  // this rank's sets per half
        const double bytes = estimated_bytes(here, 2.0, average, n, threads);
        if (here <= max_sets_per_collection && bytes <= static_cast<double>(max_memory_bytes)) return;
        // epsilon enters theta_max as 1 / epsilon^2: the suggested one keeps
        // even the worst case (theta_max sets) within the limits.
        const double fixed_bytes = estimated_bytes(0.0, 2.0, average, n, threads);
        const double set_bytes = estimated_bytes(1.0, 2.0, average, n, threads) - fixed_bytes;
        const double fits_sets =
            per * std::min(max_sets_per_collection,
                           std::max(0.0, static_cast<double>(max_memory_bytes) - fixed_bytes) / set_bytes);
        // theta_max(epsilon') = 2 n root^2 / (epsilon'^2 k) <= fits_sets.
        const double suggested = 1.05 * std::sqrt(2.0 * nd * root * root / (kd * std::max(1.0, fits_sets)));
        std::string message = "influence_max: epsilon = " + number(eps) + " with delta = " + number(delta) +
                              " is outside the supported range for this graph and k = " + std::to_string(k) + ": ";
        if (drawn > 0)
            message += "the ratio 1 - 1/e - epsilon is not certified after " + number(drawn) +
                       " reverse-reachable sets per half, and the next round needs ";
        else
            message += "the first round needs ";
        message += number(sets) + " sets per half";
        if (ranks > 1) message += " (" + number(here) + " on each of " + std::to_string(ranks) + " ranks)";
        if (here > max_sets_per_collection)
            message += ", above the limit of " + number(max_sets_per_collection) + (ranks > 1 ? " per rank" : "");
        else
            message += ", about " + gigabytes(bytes) + (ranks > 1 ? " per rank" : "") +
                       ", above max_memory_bytes = " + std::to_string(max_memory_bytes);
        message += " (a certified result may need up to " + number(theta_max) + " sets per half). ";
        if (suggested < 1.0)
            message += "Use epsilon >= " + number(suggested) +
                       (here > max_sets_per_collection ? std::string() : std::string(" or raise max_memory_bytes"));
        else
            message += "No epsilon below 1 is sure to fit: raise max_memory_bytes or take a larger delta";
        throw input_error(message);
    }
};

}  // namespace

InfluenceResult influence_max(const Graph& graph, std::size_t k, const InfluenceOptions& options) {
    return influence_max(graph, k, options, single_process());
}

InfluenceResult influence_max(const Graph& graph, std::size_t k, const InfluenceOptions& options,
                              Collective& collective) {
    const std::size_t n = graph.num_nodes();
    Setup setup;
    std::optional<ArcProbabilities> made;  // RR sets read in_node() only, unless under LT (in())
    on_every_rank(collective, [&] {
        setup = check_influence_options(graph, k, options);
        made.emplace(graph, options.diffusion, false);
    });
    check_influence_ranks(collective, "influence_max", graph, k, options, 0);
    const double delta = setup.delta;
    const std::vector<std::uint8_t>& fixed = setup.fixed;
    const std::vector<std::uint8_t>& allowed = setup.allowed;
    const std::size_t candidate_count = setup.candidate_count;
    const ArcProbabilities& probabilities = *made;
    const bool threshold_model = options.diffusion.model == DiffusionModel::linear_threshold;
    const std::uint64_t seed = seed_or_default(options.seed);
    const unsigned threads = resolve_threads(options.threads);
    Progress progress(options.progress);
    on_every_rank(collective, [&] { progress.report(0.0); });

    const double nd = static_cast<double>(n), kd = static_cast<double>(k), eps = options.epsilon;
    const double greedy_ratio = 1.0 - std::exp(-1.0);
    const double log_binomial = log_gamma(static_cast<double>(candidate_count) + 1) - log_gamma(kd + 1) -
                                log_gamma(static_cast<double>(candidate_count - k) + 1);
    // OPIM-C, Alg. 2 lines 1-3. log(c / delta) is taken as log c - log delta:
    // c / delta overflows to infinity for the smallest deltas (5e-324), and
    // everything computed from it would be infinite or NaN.
    const double log_6_delta = std::log(6.0) - std::log(delta);
    const double root =
        greedy_ratio * std::sqrt(log_6_delta) + std::sqrt(greedy_ratio * (log_binomial + log_6_delta));
    // theta_max is only a double (it is 1e21 for epsilon = 1e-10 and may be
    // infinite when epsilon^2 underflows); it is never cast to an integer.
    const double theta_max = 2.0 * nd * root * root / (eps * eps * kd);
    const double theta_zero =
        std::isfinite(theta_max) ? std::max(1.0, theta_max * eps * eps * kd / nd) : std::max(1.0, 2.0 * root * root);
    const double rounds_max = std::isfinite(theta_max)
                                  ? std::max(1.0, std::ceil(std::log2(std::max(1.0, theta_max / theta_zero)))) + 1.0
                                  : 1100.0;  // log2(DBL_MAX) + 1 doublings at most
    // One union bound over both bounds in every round.
    const double a = std::log(3.0 * rounds_max) - std::log(delta);

    std::vector<Sampler> samplers(threads);
    GreedyScratch scratch;
    scratch.chosen.assign(n, 0);
    RRSets first_half, second_half;
    const RoomCheck check_room{n,     k,    threads,   collective.size(),       eps,
                               delta, root, theta_max, options.max_memory_bytes};
    double drawn = 0;  // sets per half so far (all ranks)
    double theta = std::min(std::ceil(theta_zero), std::ceil(theta_max));
    InfluenceResult result;
    const bool alone = collective.size() == 1;
    for (std::size_t round = 1;; ++round) {
        const double done = std::log2(theta / theta_zero + 1.0) / std::log2(rounds_max + 1.0);
        const double step = 1.0 / std::log2(rounds_max + 1.0);
        // This rank's sets of each half: j = rank, rank + size, ... below theta.
        const std::size_t target = share_of(static_cast<std::size_t>(theta), collective);
        // A refusal, a cancel or running out of memory on one rank stops every rank.
        on_every_rank(collective, [&] {
            const double here = static_cast<double>(first_half.size());
            check_room(theta, drawn, here > 0 ? static_cast<double>(first_half.nodes.size()) / here : 1.0);
            for (const std::uint64_t half : {0, 1})
                grow(half ? second_half : first_half, target, graph, probabilities, threshold_model, fixed.data(),
                     seed, half, threads, samplers, nullptr, 2, &progress, done + half * step / 2,
                     done + (half + 1) * step / 2, collective.size(), collective.rank());
        });
        drawn = theta;
        const GreedyChoice choice = alone ? greedy(first_half, n, k, allowed, scratch)
                                          : distributed_greedy(first_half, n, k, allowed, collective);
        for (NodeId v : choice.seeds) scratch.chosen[v] = 1;
        const double t = theta;
        // Second-half sets covered, and given: added over the ranks.
        std::uint64_t counts[2] = {coverage(second_half, scratch.chosen), second_half.given_count};
        collective.sum(std::span<std::uint64_t>(counts));
        const double hit = static_cast<double>(counts[0]);
        for (NodeId v : choice.seeds) scratch.chosen[v] = 0;
        auto lower = [&](double covered) {  // OPIM-C Eq. for sigma^l
            const double r = std::sqrt(covered + 2.0 * a / 9.0) - std::sqrt(a / 2.0);
            return std::max(0.0, (r * r - a / 18.0) * nd / t);
        };
        const double upper_root = std::sqrt(choice.coverage_upper + a / 2.0) + std::sqrt(a / 2.0);
        const double upper = upper_root * upper_root * nd / t;  // sigma^u of the optimum
        const double extra_lower = lower(hit);
        const double ratio = upper > 0 ? extra_lower / upper : 0.0;
        const bool certified = ratio >= greedy_ratio - eps;
        // theta only grows up to ceil(theta_max), so this ends the loop
        // (after at most rounds_max rounds) unless check_room refuses first.
        const bool enough = t >= theta_max;
        if (certified || enough) {
            result.seeds = choice.seeds;
            result.extra_spread_lower_bound = extra_lower;
            result.spread_lower_bound = lower(hit + static_cast<double>(counts[1]));
            // With theta_max sets, Theorem 1 of the IMM/OPIM analysis gives
            // the ratio 1 - 1/e - epsilon at probability 1 - delta.
            result.approximation = enough ? std::max(ratio, greedy_ratio - eps) : ratio;
            result.rr_sets = 2 * static_cast<std::size_t>(t);  // every rank's sets of both halves
            break;
        }
        on_every_rank(collective, [&] { progress.report(done + step); });
        theta = std::min(2.0 * theta, std::ceil(theta_max));
    }
    on_every_rank(collective, [&] { progress.report(1.0); });
    return result;
}

}  // namespace verbind
