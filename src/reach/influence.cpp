// Influence maximisation with OPIM-C: Tang, Tang, Xiao & Yuan, "Online
// Processing Algorithms for Influence Maximization", SIGMOD 2018, Alg. 2
// (stopping rule) with the greedy upper bound on the optimum (Sec. 4.2).
// The RR sets and the greedy steps are in influence_rr.cpp and
// influence_greedy.cpp; the group-fair variant in influence_fair.cpp.
#include "verbind/reach/spread.hpp"

#include "influence_rr.hpp"
#include "verbind/error.hpp"
#include "verbind/util/parallel.hpp"
#include "verbind/util/random.hpp"

#include <algorithm>
#include <cmath>
#include <string>

namespace verbind {

using namespace reach_detail;

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


}  // namespace reach_detail

InfluenceResult influence_max(const Graph& graph, std::size_t k, const InfluenceOptions& options) {
    const std::size_t n = graph.num_nodes();
    Setup setup = check_influence_options(graph, k, options);
    const double delta = setup.delta;
    const std::vector<std::uint8_t>& fixed = setup.fixed;
    const std::vector<std::uint8_t>& allowed = setup.allowed;
    const std::size_t candidate_count = setup.candidate_count;
    // RR sets read in_node() only, unless under LT (in()).
    const ArcProbabilities probabilities(graph, options.diffusion, false);
    const bool threshold_model = options.diffusion.model == DiffusionModel::linear_threshold;
    const std::uint64_t seed = seed_or_default(options.seed);
    const unsigned threads = resolve_threads(options.threads);
    Progress progress(options.progress);
    progress.report(0.0);

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
    // Refuses, before drawing, a round that would not fit: the average set
    // size is measured on the sets drawn so far (1 before the first round).
    auto check_room = [&](double sets) {
        const double drawn = static_cast<double>(first_half.size());
        const double average = drawn > 0 ? static_cast<double>(first_half.nodes.size()) / drawn : 1.0;
        const double bytes = estimated_bytes(sets, 2.0, average, n, threads);
        if (sets <= max_sets_per_collection && bytes <= static_cast<double>(options.max_memory_bytes)) return;
        // epsilon enters theta_max as 1 / epsilon^2: the suggested one keeps
        // even the worst case (theta_max sets) within the limits.
        const double fixed_bytes = estimated_bytes(0.0, 2.0, average, n, threads);
        const double set_bytes = estimated_bytes(1.0, 2.0, average, n, threads) - fixed_bytes;
        const double fits_sets =
            std::min(max_sets_per_collection,
                     std::max(0.0, static_cast<double>(options.max_memory_bytes) - fixed_bytes) / set_bytes);
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
        if (sets > max_sets_per_collection)
            message += ", above the limit of " + number(max_sets_per_collection);
        else
            message += ", about " + gigabytes(bytes) +
                       ", above max_memory_bytes = " + std::to_string(options.max_memory_bytes);
        message += " (a certified result may need up to " + number(theta_max) + " sets per half). ";
        if (suggested < 1.0)
            message += "Use epsilon >= " + number(suggested) +
                       (sets > max_sets_per_collection ? std::string() : std::string(" or raise max_memory_bytes"));
        else
            message += "No epsilon below 1 is sure to fit: raise max_memory_bytes or take a larger delta";
        throw input_error(message);
    };
    double theta = std::min(std::ceil(theta_zero), std::ceil(theta_max));
    InfluenceResult result;
    for (std::size_t round = 1;; ++round) {
        check_room(theta);
        const double done = std::log2(theta / theta_zero + 1.0) / std::log2(rounds_max + 1.0);
        const double step = 1.0 / std::log2(rounds_max + 1.0);
        const auto target = static_cast<std::size_t>(theta);
        grow(first_half, target, graph, probabilities, threshold_model, fixed.data(), seed, 0, threads, samplers,
             nullptr, 2, &progress, done, done + step / 2);
        grow(second_half, target, graph, probabilities, threshold_model, fixed.data(), seed, 1, threads, samplers,
             nullptr, 2, &progress, done + step / 2, done + step);
        const GreedyChoice choice = greedy(first_half, n, k, allowed, scratch);
        for (NodeId v : choice.seeds) scratch.chosen[v] = 1;
        const double t = theta;
        const double hit = static_cast<double>(coverage(second_half, scratch.chosen));
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
            result.spread_lower_bound = lower(hit + static_cast<double>(second_half.given_count));
            // With theta_max sets, Theorem 1 of the IMM/OPIM analysis gives
            // the ratio 1 - 1/e - epsilon at probability 1 - delta.
            result.approximation = enough ? std::max(ratio, greedy_ratio - eps) : ratio;
            result.rr_sets = first_half.size() + second_half.size();
            break;
        }
        progress.report(done + step);
        theta = std::min(2.0 * theta, std::ceil(theta_max));
    }
    progress.report(1.0);
    return result;
}

}  // namespace verbind
