// Influence maximisation with OPIM-C: Tang, Tang, Xiao & Yuan, "Online
// Processing Algorithms for Influence Maximization", SIGMOD 2018, Alg. 2
// (stopping rule) with the greedy upper bound on the optimum (Sec. 4.2).
#include "verbind/reach/spread.hpp"
#include "verbind/reach/fair.hpp"

#include "diffusion.hpp"
#include "verbind/error.hpp"
#include "verbind/graph/labels.hpp"
#include "verbind/util/batches.hpp"
#include "verbind/util/parallel.hpp"
#include "verbind/util/random.hpp"
#include "verbind/util/text.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <queue>
#include <string>
#include <tuple>

namespace verbind {

namespace {

// log(Gamma(x)) without a data race: std::lgamma also writes the sign to the
// global `signgam` (POSIX), which ThreadSanitizer reports when two threads
// choose seeds at once; lgamma_r returns the sign instead.
double log_gamma(double x) noexcept {
    int sign = 0;
    return ::lgamma_r(x, &sign);
}

}  // namespace

namespace {

using reach_detail::ArcProbabilities;

// Random reverse-reachable sets, stored flat. A set that reaches a fixed
// (already active) node is "given": it is covered whatever we choose, so
// its members are not kept.
struct RRSets {
    std::vector<NodeId> nodes;
    std::vector<std::uint64_t> offsets{0};
    std::vector<std::uint8_t> given;
    std::size_t given_count = 0;

    std::size_t size() const noexcept { return given.size(); }
};

// Per-worker scratch. Membership is a bitset (n bits: 128 KB per million
// nodes, so it stays in cache) cleared through the member list.
struct Sampler {
    std::vector<std::uint64_t> bits;
    std::vector<NodeId> members;
    std::vector<ArcId> picked;  // Floyd's sample of firing arcs
    // Per in-degree d below `tabled` (the probability is a function of d
    // when all in-arcs share one): P(no in-arc fires) = (1 - q)^d, NaN
    // until first needed.
    static constexpr std::size_t tabled = 1024;
    std::vector<double> none_fire;

    void start(std::size_t n) {
        if (bits.size() != n / 64 + 1) bits.assign(n / 64 + 1, 0);
        for (NodeId v : members) bits[v >> 6] &= ~(1ull << (v & 63));
        members.clear();
    }
    bool seen(NodeId v) const noexcept { return (bits[v >> 6] >> (v & 63)) & 1; }
    void add(NodeId v) {
        bits[v >> 6] |= 1ull << (v & 63);
        members.push_back(v);
    }
    double none_fire_of(std::size_t d, double q) {
        if (d >= tabled) return std::exp(static_cast<double>(d) * std::log1p(-q));
        if (none_fire.empty()) none_fire.assign(tabled, std::numeric_limits<double>::quiet_NaN());
        double& x = none_fire[d];
        if (std::isnan(x)) x = std::exp(static_cast<double>(d) * std::log1p(-q));
        return x;
    }
};

// Draws one RR set into s.members; returns true when it reaches a fixed node.
// `roots` (may be null: everyone) is where the set's root is drawn from.
bool draw_rr_set(const Graph& g, const ArcProbabilities& p, bool threshold_model, const std::uint8_t* fixed,
                 const std::vector<NodeId>* roots, Rng& rng, Sampler& s) {
    const NodeId root = roots ? (*roots)[rng.below(roots->size())] : static_cast<NodeId>(rng.below(g.num_nodes()));
    s.start(g.num_nodes());
    s.add(root);
    if (fixed && fixed[root]) return true;
    if (threshold_model) {
        // Live-edge view of LT: each node keeps at most one in-arc, chosen
        // with probability equal to its weight; the RR set is a reverse walk.
        NodeId v = root;
        for (;;) {
            const double x = rng.uniform();
            double cumulative = 0;
            NodeId chosen = std::numeric_limits<NodeId>::max();
            for (ArcId a = g.in_arc_begin(v); a < g.in_arc_end(v); ++a) {
                cumulative += p.in(a, v);
                if (x < cumulative) {
                    chosen = g.in_arc_source(a);
                    break;
                }
            }
            if (chosen == std::numeric_limits<NodeId>::max() || s.seen(chosen)) return false;
            s.add(chosen);
            if (fixed && fixed[chosen]) return true;
            v = chosen;
        }
    }
    const bool same = p.same_in_probability();
    // Adds w unless seen; true when w is fixed (the set is given).
    auto visit = [&](NodeId w) {
        if (s.seen(w)) return false;
        s.add(w);
        // Its in-arcs are read when its turn comes: start loading them (on
        // large graphs every node visited is a cache miss or two).
        __builtin_prefetch(g.in_neighbors(w).data());
        return fixed != nullptr && fixed[w] != 0;
    };
    for (std::size_t head = 0; head < s.members.size(); ++head) {
        const NodeId v = s.members[head];
        if (same) {
            // All d in-arcs of v fire with one probability q (weighted
            // cascade: q = 1/d): subset sampling as in SUBSIM (Guo, Tang,
            // Tang & Xiao, "Influence Maximization Revisited: Efficient
            // Sampling with Bound Tightened", SIGMOD 2020, Sec. 3).
            const ArcId begin = g.in_arc_begin(v), end = g.in_arc_end(v);
            const double q = p.in_node(v);
            if (q <= 0 || begin == end) continue;
            const std::size_t d = end - begin;
            if (q >= 1) {
                for (ArcId a = begin; a < end; ++a)
                    if (visit(g.in_arc_source(a))) return true;
                continue;
            }
            const double none = s.none_fire_of(d, q);
            if (none > 1e-9) {
                // The number of firing arcs m ~ Binomial(d, q) by inversion
                // from P(0) = (1 - q)^d (one uniform, no logarithm; m is 0
                // or 1 two times in three under the weighted cascade), then
                // which m arcs: a uniform m-subset (Floyd's algorithm).
                const double u = rng.uniform(), odds = q / (1.0 - q);
                double term = none, cumulative = none;
                std::size_t m = 0;
                while (u >= cumulative && m < d) {
                    term *= static_cast<double>(d - m) / static_cast<double>(m + 1) * odds;
                    ++m;
                    cumulative += term;
                }
                if (m == 0) continue;
                if (m == 1) {
                    if (visit(g.in_arc_source(begin + rng.below(d)))) return true;
                    continue;
                }
                s.picked.clear();
                for (std::size_t j = d - m; j < d; ++j) {
                    const auto t = static_cast<ArcId>(rng.below(j + 1));
                    const bool taken = std::find(s.picked.begin(), s.picked.end(), t) != s.picked.end();
                    s.picked.push_back(taken ? static_cast<ArcId>(j) : t);
                }
                for (ArcId x : s.picked)
                    if (visit(g.in_arc_source(begin + x))) return true;
                continue;
            }
            // Many arcs fire (P(none) underflows): jump straight to the next
            // firing arc, a geometric number of arcs ahead, one draw per
            // firing arc instead of one per arc.
            const double log_miss = std::log1p(-q);
            ArcId a = begin;
            for (;;) {
                const double skip = std::floor(std::log(1.0 - rng.uniform()) / log_miss);
                if (skip >= static_cast<double>(end - a)) break;
                a += static_cast<ArcId>(skip);
                if (visit(g.in_arc_source(a))) return true;
                ++a;
            }
            continue;
        }
        for (ArcId a = g.in_arc_begin(v); a < g.in_arc_end(v); ++a) {
            const NodeId w = g.in_arc_source(a);
            if (s.seen(w)) continue;
            if (rng.uniform() < p.in(a, v)) {
                s.add(w);
                if (fixed && fixed[w]) return true;
            }
        }
    }
    return false;
}

// Appends RR sets [sets.size(), target) of one collection; set j draws from
// Rng(seed, halves * j + half), so each set is the same for any thread count.
// With `progress`, reports from..to between batches of about 50 ms.
void grow(RRSets& sets, std::size_t target, const Graph& g, const ArcProbabilities& p, bool threshold_model,
          const std::uint8_t* fixed, std::uint64_t seed, std::uint64_t half, unsigned threads,
          std::vector<Sampler>& samplers, const std::vector<NodeId>* roots = nullptr, std::uint64_t halves = 2,
          Progress* progress = nullptr, double from = 0.0, double to = 0.0) {
    constexpr std::size_t block = 512;
    const std::size_t first = sets.size();
    if (target <= first) return;
    const std::size_t count = target - first;
    const std::size_t blocks = (count + block - 1) / block;
    struct Block {
        std::vector<NodeId> nodes;
        std::vector<std::uint32_t> sizes;
        std::vector<std::uint8_t> given;
    };
    std::vector<Block> out(blocks);
    auto draw = [&](std::size_t begin_block, std::size_t end_block) {
        parallel_for(end_block - begin_block, threads, 1, [&](std::size_t begin, std::size_t end, unsigned worker) {
            Sampler& s = samplers[worker];
            for (std::size_t b = begin_block + begin; b < begin_block + end; ++b) {
                Block& o = out[b];
                const std::size_t lo = first + b * block, hi = std::min(target, lo + block);
                for (std::size_t j = lo; j < hi; ++j) {
                    Rng rng(seed, halves * static_cast<std::uint64_t>(j) + half);
                    const bool given = draw_rr_set(g, p, threshold_model, fixed, roots, rng, s);
                    o.given.push_back(given);
                    if (given) {
                        o.sizes.push_back(0);
                    } else {
                        o.sizes.push_back(static_cast<std::uint32_t>(s.members.size()));
                        o.nodes.insert(o.nodes.end(), s.members.begin(), s.members.end());
                    }
                }
            }
        });
    };
    if (progress == nullptr || !progress->active())
        draw(0, blocks);
    else
        timed_batches(blocks, *progress, threads, draw, from, to);
    std::size_t total = sets.nodes.size();
    for (const Block& o : out) total += o.nodes.size();
    sets.nodes.reserve(total);
    for (Block& o : out) {
        sets.nodes.insert(sets.nodes.end(), o.nodes.begin(), o.nodes.end());
        for (std::size_t i = 0; i < o.sizes.size(); ++i) {
            sets.offsets.push_back(sets.offsets.back() + o.sizes[i]);
            sets.given.push_back(o.given[i]);
            sets.given_count += o.given[i];
        }
        o = Block{};
    }
}

struct GreedyChoice {
    std::vector<NodeId> seeds;
    std::uint64_t coverage = 0;  // RR sets (not given) hit by the seeds
    double coverage_upper = 0;   // bound on the best k-set's coverage
};

// Scratch kept across rounds so that a round costs O(size of the RR sets),
// not O(n): `local` maps the nodes that occur in some RR set to 0..T-1.
struct GreedyScratch {
    std::vector<std::uint32_t> local;  // n entries, UINT32_MAX when unused
    std::vector<std::uint8_t> chosen;  // n entries
};

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
    // Cov(S_i) + the sum of the k largest marginal coverages now: integers
    // below 2^53, exact in a double.
    auto prefix_bound = [&] {
        while (highest > 0 && having[highest] == 0) --highest;
        std::uint64_t sum = choice.coverage, left = k;
        for (std::uint32_t c = highest; c > 0 && left > 0; --c) {
            const std::uint64_t take = std::min<std::uint64_t>(left, having[c]);
            sum += take * c;
            left -= take;
        }
        return static_cast<double>(sum);
    };
    using Entry = std::pair<std::uint32_t, std::uint32_t>;  // (coverage, ~node): ties go to the lowest node
    std::vector<Entry> entries(t);
    for (std::size_t i = 0; i < t; ++i) entries[i] = {count[i], ~touched[i]};
    std::priority_queue<Entry> heap(std::less<Entry>(), std::move(entries));
    std::vector<std::uint8_t> covered(sets.size(), 0);
    double upper = prefix_bound();  // S_0: the k largest coverages
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
        upper = std::min(upper, prefix_bound());
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

std::string number(double x) { return number_text(x, NumberFormat::significant(6)); }

std::string gigabytes(double bytes) { return number_text(bytes / 1e9, NumberFormat::significant(3)) + " GB"; }

// Set ids are 32-bit in the node -> sets index of the greedy steps.
constexpr double max_sets_per_collection = static_cast<double>(UINT32_MAX);

// Estimated peak bytes of a run holding `sets` RR sets in each of
// `collections` collections with `average` members each (stored flat:
// node ids, a 64-bit offset and a flag per set; the node -> sets index of
// the first collection; the blocks a collection grows through), plus the
// per-node scratch.
double estimated_bytes(double sets, double collections, double average, std::size_t n, unsigned threads) {
    const double per_set = 4.0 * average + 9.0;
    return sets * (collections * per_set + 4.0 * average + per_set) +
           static_cast<double>(n) * (7.0 + static_cast<double>(threads) / 8.0);
}

}  // namespace

void InfluenceOptions::validate() const {
    if (!(epsilon > 0.0 && epsilon < 1.0)) throw input_error("epsilon must be in (0, 1), got " + number(epsilon));
    if (delta && !(*delta > 0.0 && *delta < 1.0)) throw input_error("delta must be in (0, 1), got " + number(*delta));
    if (max_memory_bytes == 0) throw input_error("max_memory_bytes must be at least 1");
}

namespace {}  // namespace

std::size_t draw_rr_sets(const Graph& graph, std::size_t count, const DiffusionOptions& diffusion, std::uint64_t seed,
                         unsigned threads) {
    if (graph.num_nodes() == 0) return 0;
    const ArcProbabilities probabilities(graph, diffusion, false);
    threads = resolve_threads(threads);
    std::vector<Sampler> samplers(threads);
    RRSets sets;
    grow(sets, count, graph, probabilities, diffusion.model == DiffusionModel::linear_threshold, nullptr, seed, 0,
         threads, samplers);
    return sets.nodes.size();
}

namespace {

struct Setup {
    double delta = 0;
    std::vector<std::uint8_t> fixed, allowed;
    std::size_t candidate_count = 0;
};

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

}  // namespace

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

}  // namespace

InfluenceResult fair_influence_max(const Graph& graph, std::size_t k, std::span<const std::uint32_t> group,
                                   const InfluenceOptions& options) {
    const std::size_t n = graph.num_nodes();
    if (group.size() != n)
        throw input_error("groups has " + std::to_string(group.size()) + " labels for " + std::to_string(n) +
                          " nodes");
    Setup setup = check_influence_options(graph, k, options);
    // Labels are checked before anything is sized by them: a label of
    // 0xFFFFFFFF or 1e8 among 0, 1 is refused as "label 2 has no members"
    // in O(n) memory, not allocated for.
    require_all_labels_used(compact_labels(group), "fair_influence_max", "groups");
    std::size_t groups = 0;
    for (std::uint32_t g : group) groups = std::max<std::size_t>(groups, std::size_t{g} + 1);
    const ArcProbabilities probabilities(graph, options.diffusion, false);
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
    refuse(1.0, "at least");
    std::vector<std::vector<NodeId>> members(groups);
    for (NodeId v = 0; v < n; ++v) members[group[v]].push_back(v);
    Progress progress(options.progress);
    progress.report(0.0);

    const std::uint64_t halves = 2 * groups;
    std::vector<Sampler> samplers(threads);
    RRSets first, second;
    std::vector<std::uint32_t> first_group, second_group;
    for (std::size_t g = 0; g < groups; ++g) {
        // grow() numbers sets from the collection's size; draw each group's
        // sets into its own collection, then append.
        const double from = 0.5 * static_cast<double>(g) / gd, span = 0.5 / gd;
        RRSets a, b;
        grow(a, theta, graph, probabilities, threshold_model, setup.fixed.data(), seed, 2 * g, threads, samplers,
             &members[g], halves, &progress, from, from + span / 2);
        grow(b, theta, graph, probabilities, threshold_model, setup.fixed.data(), seed, 2 * g + 1, threads, samplers,
             &members[g], halves, &progress, from + span / 2, from + span);
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
        refuse(static_cast<double>(first.nodes.size() + second.nodes.size()) / drawn,
               "projected from the sets drawn so far,");
        progress.report(0.5 * static_cast<double>(g + 1) / gd);
    }
    // Node -> sets index over the first collection (candidates only).
    std::vector<std::uint64_t> start(n + 1, 0);
    for (std::size_t s = 0; s < first.size(); ++s)
        for (std::uint64_t i = first.offsets[s]; i < first.offsets[s + 1]; ++i)
            if (setup.allowed[first.nodes[i]]) ++start[first.nodes[i] + 1];
    for (NodeId v = 0; v < n; ++v) start[v + 1] += start[v];
    std::vector<std::uint32_t> containing(start[n]);
    {
        std::vector<std::uint64_t> fill(start.begin(), start.end() - 1);
        for (std::size_t s = 0; s < first.size(); ++s)
            for (std::uint64_t i = first.offsets[s]; i < first.offsets[s + 1]; ++i)
                if (setup.allowed[first.nodes[i]]) containing[fill[first.nodes[i]]++] = static_cast<std::uint32_t>(s);
    }
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
        progress.report(0.5 + 0.5 * static_cast<double>(t + 1) / static_cast<double>(rounds));
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
    progress.report(1.0);
    return result;
}

}  // namespace verbind
