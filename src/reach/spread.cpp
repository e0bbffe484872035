#include "verbind/reach/spread.hpp"

#include "diffusion.hpp"
#include "graph/ranks.hpp"
#include "verbind/error.hpp"
#include "verbind/util/batches.hpp"
#include "verbind/util/parallel.hpp"
#include "verbind/util/random.hpp"

#include <bit>
#include <cmath>
#include <optional>
#include <string>
#include <vector>

namespace verbind {
namespace {

using reach_detail::ArcProbabilities;

// Per-worker scratch; `stamp` marks nodes touched in the current run so
// nothing is cleared between runs.
struct Simulation {
    std::vector<std::uint32_t> stamp;
    std::vector<double> in_weight, threshold;
    std::vector<NodeId> queue;
    std::uint32_t run = 0;

    void start(std::size_t n, bool threshold_model) {
        if (stamp.size() != n) {
            stamp.assign(n, 0);
            if (threshold_model) {
                in_weight.assign(n, 0.0);
                threshold.assign(n, 0.0);
            }
            run = 0;
        }
        if (++run == 0) {
            std::fill(stamp.begin(), stamp.end(), 0);
            run = 1;
        }
        queue.clear();
    }
};

// One Independent Cascade run: every arc out of a newly active node fires
// once with its probability.
std::size_t cascade_run(const Graph& g, const ArcProbabilities& p, std::span<const NodeId> seeds, Rng& rng,
                        Simulation& s) {
    // stamp == run: active.
    for (NodeId v : seeds)
        if (s.stamp[v] != s.run) {
            s.stamp[v] = s.run;
            s.queue.push_back(v);
        }
    for (std::size_t head = 0; head < s.queue.size(); ++head) {
        const NodeId u = s.queue[head];
        for (ArcId a = g.arc_begin(u); a < g.arc_end(u); ++a) {
            const NodeId v = g.arc_target(a);
            if (s.stamp[v] == s.run) continue;
            if (rng.uniform() < p.out(a, v)) {
                s.stamp[v] = s.run;
                s.queue.push_back(v);
            }
        }
    }
    return s.queue.size();
}

// One Linear Threshold run. Thresholds are drawn uniformly in (0, 1] the
// first time a node is touched; stamp == run means touched, in_weight >=
// threshold means active (Kempe, Kleinberg & Tardos 2003, Sec. 2).
std::size_t threshold_run(const Graph& g, const ArcProbabilities& p, std::span<const NodeId> seeds, Rng& rng,
                          Simulation& s) {
    for (NodeId v : seeds)
        if (s.stamp[v] != s.run) {
            s.stamp[v] = s.run;
            s.threshold[v] = 0.0;  // active from the start
            s.in_weight[v] = 1.0;
            s.queue.push_back(v);
        }
    for (std::size_t head = 0; head < s.queue.size(); ++head) {
        const NodeId u = s.queue[head];
        for (ArcId a = g.arc_begin(u); a < g.arc_end(u); ++a) {
            const NodeId v = g.arc_target(a);
            if (s.stamp[v] != s.run) {
                s.stamp[v] = s.run;
                s.threshold[v] = 1.0 - rng.uniform();
                s.in_weight[v] = 0.0;
            } else if (s.in_weight[v] >= s.threshold[v]) {
                continue;  // already active
            }
            s.in_weight[v] += p.out(a, v);
            if (s.in_weight[v] >= s.threshold[v]) s.queue.push_back(v);
        }
    }
    return s.queue.size();
}

}  // namespace

void SpreadOptions::validate() const {
    if (runs == 0) throw input_error("runs must be at least 1");
}

SpreadResult spread(const Graph& graph, std::span<const NodeId> seeds, const SpreadOptions& options) {
    return spread(graph, seeds, options, single_process());
}

SpreadResult spread(const Graph& graph, std::span<const NodeId> seeds, const SpreadOptions& options,
                    Collective& collective) {
    using rank_detail::RankField;
    using rank_detail::Shown;
    std::optional<ArcProbabilities> made;
    rank_detail::on_every_rank(collective, [&] {
        reach_detail::check_nodes(graph, seeds, "seed");
        options.validate();
        made.emplace(graph, options.diffusion);
    });
    rank_detail::check_ranks_agree(
        collective, "spread", graph, graph.weighted(),
        {{"the seeds", rank_detail::list_hash(seeds), Shown::hex},
         {"runs", options.runs},
         {"seed", seed_or_default(options.seed)},
         {"model", static_cast<std::uint64_t>(options.diffusion.model)},
         {"probability", static_cast<std::uint64_t>(options.diffusion.probability)},
         {"uniform_probability", std::bit_cast<std::uint64_t>(options.diffusion.uniform_probability), Shown::real}});
    const ArcProbabilities& probabilities = *made;
    const bool threshold_model = options.diffusion.model == DiffusionModel::linear_threshold;
    const std::uint64_t seed = seed_or_default(options.seed);
    const unsigned threads = resolve_threads(options.threads);
    Progress progress(options.progress);

    std::vector<Simulation> scratch(threads);
    // Integer sums: the same whatever order the runs are added in.
    std::vector<std::uint64_t> sum(threads, 0);
    std::vector<unsigned __int128> sum_squares(threads, 0);
    const std::size_t n = graph.num_nodes();
    // Batches of about 50 ms (not a fixed share of the runs), so that even
    // runs = 10**12 reports, and can be cancelled, every ~0.1 s. Run r always
    // draws from Rng(seed, r) and the sums are integers, so the batch
    // boundaries do not change the result.
    // This rank's runs: i = rank, rank + size, ... (all of them alone).
    const std::size_t stride = collective.size(), offset = collective.rank();
    const std::size_t mine = rank_detail::share_of(options.runs, collective);
    auto simulate = [&] {
        progress.report(0.0);
        timed_batches(mine, progress, 64 * std::size_t{threads}, [&](std::size_t first, std::size_t last) {
            parallel_for(last - first, threads, 64, [&](std::size_t begin, std::size_t end, unsigned worker) {
                Simulation& s = scratch[worker];
                for (std::size_t local = first + begin; local < first + end; ++local) {
                    const std::size_t i = local * stride + offset;
                    Rng rng(seed, i);
                    s.start(n, threshold_model);
                    const std::size_t reached = threshold_model ? threshold_run(graph, probabilities, seeds, rng, s)
                                                                : cascade_run(graph, probabilities, seeds, rng, s);
                    sum[worker] += reached;
                    sum_squares[worker] += static_cast<unsigned __int128>(reached) * reached;
                }
            });
        });
    };
    // A cancel (or running out of memory) on one rank stops every rank.
    rank_detail::on_every_rank(collective, simulate);
    std::uint64_t total = 0;
    unsigned __int128 total_squares = 0;
    for (unsigned w = 0; w < threads; ++w) {
        total += sum[w];
        total_squares += sum_squares[w];
    }
    if (collective.size() > 1) {
        // Every rank's integer sums, added in rank order: exact, so the
        // result is the single-process one. The sum of squares is 128-bit.
        const std::uint64_t parts[3] = {total, static_cast<std::uint64_t>(total_squares),
                                        static_cast<std::uint64_t>(total_squares >> 64)};
        const std::vector<std::uint64_t> every = collective.gather(std::span<const std::uint64_t>(parts));
        total = 0;
        total_squares = 0;
        for (std::size_t r = 0; r + 2 < every.size(); r += 3) {
            total += every[r];
            total_squares += (static_cast<unsigned __int128>(every[r + 2]) << 64) | every[r + 1];
        }
    }
    SpreadResult result;
    result.runs = options.runs;
    const auto runs = static_cast<long double>(options.runs);
    const long double mean = static_cast<long double>(total) / runs;
    result.mean = static_cast<double>(mean);
    if (options.runs > 1) {
        long double variance =
            (static_cast<long double>(total_squares) - mean * static_cast<long double>(total)) / (runs - 1);
        if (variance < 0) variance = 0;
        result.standard_error = static_cast<double>(std::sqrt(variance / runs));
    }
    result.low = result.mean - 1.96 * result.standard_error;
    result.high = result.mean + 1.96 * result.standard_error;
    return result;
}

}  // namespace verbind
