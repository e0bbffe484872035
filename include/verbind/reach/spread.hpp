// Expected spread under Independent Cascade and Linear Threshold (Kempe,
// Kleinberg & Tardos, KDD 2003), and influence maximisation with
// reverse-reachable sets: OPIM-C (Tang, Tang, Xiao & Yuan, "Online
// Processing Algorithms for Influence Maximization", SIGMOD 2018).
#pragma once

#include "verbind/graph/graph.hpp"
#include "verbind/util/collective.hpp"
#include "verbind/util/progress.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace verbind {

enum class DiffusionModel : std::uint8_t {
    independent_cascade,  // each arc u->v fires once, with probability p(u,v)
    linear_threshold,     // v activates when the active in-weight reaches a uniform threshold
};

// Where arc probabilities p(u,v) come from. Undirected graphs count each
// edge as two arcs.
enum class ProbabilityKind : std::uint8_t {
    weighted_cascade,  // p(u,v) = 1 / in-degree(v)
    uniform,           // the same probability on every arc
    weights,           // the graph's edge weights, each in [0, 1]
};

struct DiffusionOptions {
    DiffusionModel model = DiffusionModel::independent_cascade;
    ProbabilityKind probability = ProbabilityKind::weighted_cascade;
    double uniform_probability = 0.1;  // with ProbabilityKind::uniform, in [0, 1]
};

struct SpreadOptions {
    DiffusionOptions diffusion;
    std::size_t runs = 10000;           // Monte Carlo runs, >= 1
    std::optional<std::uint64_t> seed;  // none: verbind::default_seed
    unsigned threads = 0;               // 0: all cores; the result does not depend on it
    ProgressCallback progress;

    // Throws input_error for runs == 0 (a uniform probability outside
    // [0, 1] is refused when the probabilities are made).
    void validate() const;
};

struct SpreadResult {
    double mean = 0;            // expected number of people reached, seeds included
    double standard_error = 0;  // of the mean
    double low = 0;             // 95% interval: mean -/+ 1.96 standard errors
    double high = 0;
    std::size_t runs = 0;
};

// Monte Carlo estimate of the expected spread of `seeds`. Run r draws from
// Rng(seed, r), so the result is the same for any thread count. Throws
// input_error for an unknown seed, runs == 0, a probability outside [0, 1],
// or (Linear Threshold) a node whose in-arc probabilities sum above 1.
SpreadResult spread(const Graph& graph, std::span<const NodeId> seeds, const SpreadOptions& options = {});

// spread computed by every rank of `collective` together: rank r runs
// r, r + size, r + 2 size, ... (run i still draws from Rng(seed, i)) and the
// integer sums are added over the ranks, so every rank gets exactly the
// single-process result. Every rank must make the call with the same graph,
// seeds and options (checked: input_error "spread: ranks disagree on ...");
// a bad input on one rank is the same error on every rank ("rank R: ...").
SpreadResult spread(const Graph& graph, std::span<const NodeId> seeds, const SpreadOptions& options,
                    Collective& collective);

struct InfluenceOptions {
    DiffusionOptions diffusion;
    double epsilon = 0.1;               // in (0, 1)
    std::optional<double> delta;        // failure probability in (0, 1); none: 1/n
    std::optional<std::uint64_t> seed;  // none: verbind::default_seed
    unsigned threads = 0;               // 0: all cores; the result does not depend on it
    std::vector<NodeId> candidates;     // who may be chosen (empty: everyone)
    std::vector<NodeId> fixed;          // already active; their reach is given
    ProgressCallback progress;          // reported at least every ~0.1 s of work; false cancels
    // Refuse, with an estimate, rather than use more memory than this for
    // the reverse-reachable sets (checked before each round is drawn, and
    // for fair_influence_max before any set is drawn). Default 4 GiB.
    std::size_t max_memory_bytes = std::size_t{4} << 30;

    // Throws input_error for epsilon outside (0, 1), a given delta outside
    // (0, 1) or max_memory_bytes == 0. Every value in these ranges is
    // supported: the bounds are computed so that none overflows (even
    // delta = 5e-324 or epsilon = 1e-300); a run whose certificate would
    // need more reverse-reachable sets than max_memory_bytes (or 2^32 - 1
    // per half) allows is refused with that estimate and the smallest
    // epsilon that fits, never returned uncertified.
    void validate() const;
};

struct InfluenceResult {
    std::vector<NodeId> seeds;  // in selection order
    // Certified (probability >= 1 - delta) lower bound on the expected
    // number of people reached by seeds and fixed together.
    double spread_lower_bound = 0;
    // The same for the people reached beyond those the fixed seeds reach.
    double extra_spread_lower_bound = 0;
    // Certified ratio to the best possible choice of k (the extra reach,
    // when fixed seeds are given): at least 1 - 1/e - epsilon.
    double approximation = 0;
    std::size_t rr_sets = 0;  // reverse-reachable sets drawn (both halves)
    // fair_influence_max only: estimated fraction of each group reached by
    // seeds and fixed together, indexed by group label.
    std::vector<double> group_reach;
};

// Chooses k seeds with OPIM-C (Tang et al., SIGMOD 2018, Alg. 2), the
// variant bounding the optimum by the greedy upper bound of Sec. 4.2.
// RR set j of each half is drawn from its own stream, so the seeds do not
// depend on the thread count. Throws input_error for k == 0, k above the
// number of candidates, options that fail validate(), a run that would
// exceed max_memory_bytes, bad probabilities or unknown nodes. The result
// is always certified: approximation >= 1 - 1/e - epsilon with probability
// at least 1 - delta, and finite lower bounds.
InfluenceResult influence_max(const Graph& graph, std::size_t k, const InfluenceOptions& options = {});

// influence_max computed by every rank of `collective` together: each rank
// draws its share of the RR sets (set j of each half on rank j mod size,
// from the same stream as alone), the coverage counts are added over the
// ranks at every greedy pick, and the bounds come from the global counts,
// so seeds, bounds, approximation and rr_sets are exactly the
// single-process result, on every rank, for any number of ranks.
// max_memory_bytes is checked per rank (its share of the sets). Every rank
// must make the call with the same graph, k and options (checked:
// input_error "influence_max: ranks disagree on k: rank 0 has 5, rank 2 has
// 6"); a bad input on one rank is the same error on every rank.
InfluenceResult influence_max(const Graph& graph, std::size_t k, const InfluenceOptions& options,
                              Collective& collective);

// Random reverse-reachable sets per second on this graph (for benchmarks):
// draws `count` RR sets and returns their total size.
std::size_t draw_rr_sets(const Graph& graph, std::size_t count, const DiffusionOptions& diffusion, std::uint64_t seed,
                         unsigned threads);

}  // namespace verbind
