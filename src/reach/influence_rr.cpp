// Drawing random reverse-reachable sets (src/reach/influence_rr.hpp).
#include "influence_rr.hpp"

#include "verbind/error.hpp"
#include "verbind/util/batches.hpp"
#include "verbind/util/parallel.hpp"
#include "verbind/util/text.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

namespace verbind {

namespace reach_detail {

double log_gamma(double x) noexcept {
    int sign = 0;
    return ::lgamma_r(x, &sign);
}


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
          std::vector<Sampler>& samplers, const std::vector<NodeId>* roots, std::uint64_t halves, Progress* progress,
          double from, double to, std::uint64_t stride, std::uint64_t offset) {
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
                    Rng rng(seed, halves * (static_cast<std::uint64_t>(j) * stride + offset) + half);
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

std::string number(double x) { return number_text(x, NumberFormat::significant(6)); }

std::string gigabytes(double bytes) { return number_text(bytes / 1e9, NumberFormat::significant(3)) + " GB"; }

double estimated_bytes(double sets, double collections, double average, std::size_t n, unsigned threads) {
    const double per_set = 4.0 * average + 9.0;
    return sets * (collections * per_set + 4.0 * average + per_set) +
           static_cast<double>(n) * (7.0 + static_cast<double>(threads) / 8.0);
}

RRSets gather_sets(const RRSets& mine, std::size_t total, Collective& collective) {
    constexpr std::uint32_t given = UINT32_MAX;  // a given set's size: its members are not kept
    std::vector<std::uint32_t> sizes(mine.size());
    for (std::size_t s = 0; s < mine.size(); ++s)
        sizes[s] = mine.given[s] ? given : static_cast<std::uint32_t>(mine.offsets[s + 1] - mine.offsets[s]);
    const std::vector<std::uint32_t> all_sizes = collective.gather(std::span<const std::uint32_t>(sizes));
    const std::vector<std::uint32_t> all_nodes = collective.gather(std::span<const std::uint32_t>(mine.nodes));
    // Where each rank's sets and members start in what was gathered.
    const std::size_t ranks = collective.size();
    std::vector<std::size_t> next_set(ranks), next_node(ranks);
    std::size_t sets_seen = 0, nodes_seen = 0;
    for (std::size_t r = 0; r < ranks; ++r) {
        const std::size_t share = total > r ? (total - r + ranks - 1) / ranks : 0;
        next_set[r] = sets_seen;
        next_node[r] = nodes_seen;
        for (std::size_t i = 0; i < share && sets_seen + i < all_sizes.size(); ++i)
            if (all_sizes[sets_seen + i] != given) nodes_seen += all_sizes[sets_seen + i];
        sets_seen += share;
    }
    if (sets_seen != all_sizes.size() || nodes_seen != all_nodes.size())
        throw error("influence: the ranks sent " + std::to_string(all_sizes.size()) + " RR sets of " +
                    std::to_string(all_nodes.size()) + " members, not " + std::to_string(sets_seen) + " of " +
                    std::to_string(nodes_seen));
    RRSets out;
    out.nodes.reserve(all_nodes.size());
    out.offsets.reserve(total + 1);
    out.given.reserve(total);
    for (std::size_t j = 0; j < total; ++j) {
        const std::size_t r = j % ranks;
        const std::uint32_t size = all_sizes[next_set[r]++];
        if (size == given) {
            out.given.push_back(1);
            ++out.given_count;
        } else {
            const auto from = all_nodes.begin() + static_cast<std::ptrdiff_t>(next_node[r]);
            out.nodes.insert(out.nodes.end(), from, from + size);
            next_node[r] += size;
            out.given.push_back(0);
        }
        out.offsets.push_back(out.nodes.size());
    }
    return out;
}

}  // namespace reach_detail

std::size_t draw_rr_sets(const Graph& graph, std::size_t count, const DiffusionOptions& diffusion, std::uint64_t seed,
                         unsigned threads) {
    if (graph.num_nodes() == 0) return 0;
    const reach_detail::ArcProbabilities probabilities(graph, diffusion, false);
    threads = resolve_threads(threads);
    std::vector<reach_detail::Sampler> samplers(threads);
    reach_detail::RRSets sets;
    reach_detail::grow(sets, count, graph, probabilities, diffusion.model == DiffusionModel::linear_threshold,
                       nullptr, seed, 0, threads, samplers);
    return sets.nodes.size();
}

}  // namespace verbind
