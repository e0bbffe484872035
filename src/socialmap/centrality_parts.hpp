// Internal to src/socialmap: what the shortest-path centralities share
// (betweenness.cpp, distances.cpp). Sources are dealt to a fixed number of
// blocks that depends on the graph only; each block sums into its own vector
// in source order and blocks are added in block order, so the floating-point
// sums, and hence the results, are identical for any `threads`.
#pragma once

#include "graph/ranks.hpp"
#include "verbind/graph/graph.hpp"
#include "verbind/util/batches.hpp"
#include "verbind/util/collective.hpp"
#include "verbind/util/parallel.hpp"
#include "verbind/util/progress.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <limits>
#include <string_view>
#include <utility>
#include <vector>

namespace verbind::centrality_detail {

inline constexpr std::uint32_t unreached = std::numeric_limits<std::uint32_t>::max();

// The fixed partition of `items` work items (sources, or batches of sources)
// into blocks: item i belongs to block i % count. At most 64 blocks (enough
// to balance the load of up to about 16 threads), and at most what
// `bytes_per_block` allows in 256 MiB of block accumulators.
struct Blocks {
    std::size_t count = 1;
    Blocks(std::size_t items, std::size_t bytes_per_block)
        : count(std::max<std::size_t>(
              1, std::min<std::size_t>({64, items,
                                        (std::size_t{1} << 28) / std::max<std::size_t>(1, bytes_per_block)}))) {}
};

// Runs work(block, item) for every item in [0, items), block by block, each
// block's items in increasing order. With a progress callback this runs in
// rounds of about 50 ms (timed, not a share of the items: a 32nd of the
// sources of a large graph could take minutes), between which the calling
// thread reports; without one, in a single round, so that workers only wait
// for each other at the end. Neither the rounds nor which worker runs a block
// change what a block computes.
template <class Work>
void run_blocks(std::size_t items, const Blocks& blocks, unsigned threads, Progress& progress, Work&& work) {
    auto round = [&](std::size_t begin, std::size_t end) {
        parallel_for(blocks.count, threads, 1, [&](std::size_t b0, std::size_t b1, unsigned worker) {
            for (std::size_t b = b0; b < b1; ++b) {
                // First item >= begin that belongs to block b.
                std::size_t i = begin + (b + blocks.count - begin % blocks.count) % blocks.count;
                for (; i < end; i += blocks.count) work(b, i, worker);
            }
        });
    };
    if (progress.active())
        timed_batches(items, progress, blocks.count, round);
    else
        round(0, items);
    progress.report(1.0);
}

// Adds the block vectors in block order.
template <class T>
std::vector<T> sum_blocks(std::vector<std::vector<T>>& partial) {
    std::vector<T> total = std::move(partial[0]);
    for (std::size_t b = 1; b < partial.size(); ++b)
        for (std::size_t v = 0; v < total.size(); ++v) total[v] += partial[b][v];
    return total;
}

// Scratch for one Dijkstra search; reset touches only the nodes settled.
struct DijkstraWorkspace {
    std::vector<double> dist;   // +inf: not reached
    std::vector<double> sigma;  // number of shortest paths
    std::vector<double> delta;  // dependency (Brandes)
    std::vector<std::uint8_t> settled;
    std::vector<NodeId> order;  // nodes in order of settling
    std::vector<std::pair<double, NodeId>> heap;
    explicit DijkstraWorkspace(std::size_t n)
        : dist(n, std::numeric_limits<double>::infinity()), sigma(n, 0.0), delta(n, 0.0), settled(n, 0) {
        order.reserve(n);
    }
    void reset() {
        for (NodeId v : order) {
            dist[v] = std::numeric_limits<double>::infinity();
            sigma[v] = 0.0;
            delta[v] = 0.0;
            settled[v] = 0;
        }
        order.clear();
        heap.clear();
    }
};

// Dijkstra from s with arc weights as lengths (reverse: along in-arcs).
template <bool count_paths>
void dijkstra(const Graph& g, NodeId s, bool reverse, DijkstraWorkspace& ws) {
    auto& heap = ws.heap;
    const auto later = std::greater<std::pair<double, NodeId>>();
    ws.dist[s] = 0.0;
    if constexpr (count_paths) ws.sigma[s] = 1.0;
    heap.emplace_back(0.0, s);
    while (!heap.empty()) {
        std::pop_heap(heap.begin(), heap.end(), later);
        const auto [d, v] = heap.back();
        heap.pop_back();
        if (ws.settled[v] || d > ws.dist[v]) continue;
        ws.settled[v] = 1;
        ws.order.push_back(v);
        const ArcId begin = reverse ? g.in_arc_begin(v) : g.arc_begin(v);
        const ArcId end = reverse ? g.in_arc_end(v) : g.arc_end(v);
        for (ArcId a = begin; a < end; ++a) {
            const NodeId w = reverse ? g.in_arc_source(a) : g.arc_target(a);
            if (ws.settled[w]) continue;
            const double nd = d + (reverse ? g.in_arc_weight(a) : g.arc_weight(a));
            if (nd < ws.dist[w]) {
                ws.dist[w] = nd;
                if constexpr (count_paths) ws.sigma[w] = ws.sigma[v];
                heap.emplace_back(nd, w);
                std::push_heap(heap.begin(), heap.end(), later);
            } else if (count_paths && nd == ws.dist[w]) {
                ws.sigma[w] += ws.sigma[v];
            }
        }
    }
    // Every node given a distance was pushed and so settled: order covers
    // all nodes that reset must clear.
}

// --- across ranks (the overloads taking a Collective) -----------------------

// The ranks' shared steps (graph/ranks.hpp), one definition for reach and
// socialmap.
using rank_detail::check_ranks_agree;
using rank_detail::on_every_rank;
using rank_detail::RankField;
using rank_detail::RankShare;
using rank_detail::Shown;

}  // namespace verbind::centrality_detail
