// Closeness and harmonic centrality as networkx computes them, from the
// distances into every node: unweighted, one bit-parallel search per 64
// sources; weighted, one Dijkstra search per node; parallel over sources
// (see centrality_parts.hpp for why the result does not depend on the
// thread count).
#include "socialmap/centrality_parts.hpp"
#include "verbind/socialmap/centrality.hpp"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <string_view>

namespace verbind {

using namespace centrality_detail;

namespace {

// What closeness and harmonic need of the distances d(v, u) into each node u:
// how many nodes reach u, the sum of their distances, the sum of 1 / d.
struct IncomingDistances {
    std::vector<std::uint64_t> reached;  // excluding u itself
    std::vector<double> distance_sum;    // exact: integer sums below 2^53 (unweighted)
    std::vector<double> inverse_sum;
    explicit IncomingDistances(std::size_t n) : reached(n, 0), distance_sum(n, 0.0), inverse_sum(n, 0.0) {}
    IncomingDistances& operator+=(const IncomingDistances& other) {
        for (std::size_t v = 0; v < reached.size(); ++v) {
            reached[v] += other.reached[v];
            distance_sum[v] += other.distance_sum[v];
            inverse_sum[v] += other.inverse_sum[v];
        }
        return *this;
    }
};

// Bit-parallel breadth-first search from up to 64 sources at once ("MS-BFS",
// Then et al., "The More the Merrier: Efficient Multi-Source Graph
// Traversal", VLDB 2014, Alg. 2): bit i of a node's masks stands for source
// first + i. A node is scanned once per level in which any of the sources
// reaches it, instead of once per source.
struct MultiSourceWorkspace {
    std::vector<std::uint64_t> seen, frontier, next;
    explicit MultiSourceWorkspace(std::size_t n) : seen(n), frontier(n), next(n) {}
};

void multi_source_bfs(const Graph& g, const NodeId* target, NodeId first, NodeId count, MultiSourceWorkspace& ws,
                      IncomingDistances& into) {
    const std::size_t n = g.num_nodes();
    std::uint64_t* seen = ws.seen.data();
    std::uint64_t* frontier = ws.frontier.data();
    std::uint64_t* next = ws.next.data();
    std::fill(ws.seen.begin(), ws.seen.end(), 0);
    std::fill(ws.frontier.begin(), ws.frontier.end(), 0);
    std::fill(ws.next.begin(), ws.next.end(), 0);
    for (NodeId i = 0; i < count; ++i) seen[first + i] = frontier[first + i] = std::uint64_t{1} << i;
    for (std::uint32_t level = 1;; ++level) {
        for (std::size_t v = 0; v < n; ++v) {
            const std::uint64_t bits = frontier[v];
            if (bits == 0) continue;
            for (ArcId a = g.arc_begin(static_cast<NodeId>(v)), e = g.arc_end(static_cast<NodeId>(v)); a < e; ++a)
                next[target[a]] |= bits;
        }
        const double d = static_cast<double>(level), inverse = 1.0 / d;
        bool any = false;
        for (std::size_t w = 0; w < n; ++w) {
            const std::uint64_t fresh = next[w] & ~seen[w];
            next[w] = 0;
            frontier[w] = fresh;
            if (fresh == 0) continue;
            any = true;
            seen[w] |= fresh;
            const int k = std::popcount(fresh);
            into.reached[w] += static_cast<std::uint64_t>(k);
            into.distance_sum[w] += d * k;
            into.inverse_sum[w] += inverse * k;
        }
        if (!any) break;
    }
}

// Dijkstra from every node along in-arcs (its incoming distances).
void weighted_incoming(const Graph& g, NodeId u, DijkstraWorkspace& ws, IncomingDistances& into) {
    dijkstra<false>(g, u, g.directed(), ws);
    for (NodeId v : ws.order) {
        const double d = ws.dist[v];
        if (v == u) continue;
        into.reached[u] += 1;
        into.distance_sum[u] += d;
        if (d != 0.0) into.inverse_sum[u] += 1.0 / d;
    }
    ws.reset();
}

// This rank's share of the incoming distances: one Dijkstra search per node
// (weighted) or one bit-parallel search per 64 sources, every size()-th
// from the rank on.
IncomingDistances rank_distances(const Graph& graph, const DistanceOptions& options, const Collective& collective) {
    const std::size_t n = graph.num_nodes();
    Progress progress(options.progress);
    if (n == 0) {
        progress.report(1.0);
        return IncomingDistances(0);
    }
    const unsigned threads = resolve_threads(options.threads);
    if (options.weighted && graph.weighted()) {
        // One node per item: each item writes only its own node's entries.
        IncomingDistances result(n);
        const RankShare mine(n, collective);
        const Blocks blocks(mine.count, 0);
        const unsigned workers = static_cast<unsigned>(std::min<std::size_t>(threads, blocks.count));
        std::vector<DijkstraWorkspace> scratch;
        for (unsigned t = 0; t < workers; ++t) scratch.emplace_back(n);
        run_blocks(mine.count, blocks, workers, progress, [&](std::size_t, std::size_t i, unsigned worker) {
            weighted_incoming(graph, static_cast<NodeId>(mine[i]), scratch[worker], result);
        });
        return result;
    }
    const NodeId* target = graph.neighbors(0).data() - graph.arc_begin(0);
    const RankShare mine((n + 63) / 64, collective);  // batches of 64 sources
    const Blocks blocks(mine.count, n * (sizeof(std::uint64_t) + 2 * sizeof(double)));
    const unsigned workers = static_cast<unsigned>(std::min<std::size_t>(threads, blocks.count));
    std::vector<IncomingDistances> partial(blocks.count, IncomingDistances(n));
    std::vector<MultiSourceWorkspace> scratch;
    for (unsigned t = 0; t < workers; ++t) scratch.emplace_back(n);
    run_blocks(mine.count, blocks, workers, progress, [&](std::size_t b, std::size_t i, unsigned worker) {
        const NodeId first = static_cast<NodeId>(mine[i] * 64);
        const NodeId count = static_cast<NodeId>(std::min<std::size_t>(64, n - first));
        multi_source_bfs(graph, target, first, count, scratch[worker], partial[b]);
    });
    for (std::size_t b = 1; b < blocks.count; ++b) partial[0] += partial[b];
    return std::move(partial[0]);
}

// The incoming distances over every rank's share, as `operation` needs them:
// closeness the counts and distance sums (integers, unweighted: exact for
// any number of ranks), harmonic the sums of 1 / d.
IncomingDistances incoming_distances(const Graph& graph, const DistanceOptions& options, Collective& collective,
                                     std::string_view operation) {
    // Validation on every rank, with one agreed outcome, before any other
    // collective call: a rank that threw alone would leave the others waiting.
    on_every_rank(collective, [&] { options.validate(); });
    check_ranks_agree(collective, operation, graph, options.weighted && graph.weighted(),
                      {{"weighted", options.weighted, Shown::flag}});
    IncomingDistances in(0);
    on_every_rank(collective, [&] { in = rank_distances(graph, options, collective); });
    if (collective.size() > 1) {
        if (operation == "closeness") {
            collective.sum(std::span<std::uint64_t>(in.reached));
            collective.sum(std::span<double>(in.distance_sum));
        } else {
            collective.sum(std::span<double>(in.inverse_sum));
        }
    }
    return in;
}

}  // namespace

std::vector<double> closeness(const Graph& graph, const DistanceOptions& options) {
    return closeness(graph, options, single_process());
}

std::vector<double> closeness(const Graph& graph, const DistanceOptions& options, Collective& collective) {
    const IncomingDistances in = incoming_distances(graph, options, collective, "closeness");
    const std::size_t n = graph.num_nodes();
    std::vector<double> out(n, 0.0);
    if (n <= 1) return out;
    for (std::size_t u = 0; u < n; ++u) {
        const double others = static_cast<double>(in.reached[u]);
        if (!(in.distance_sum[u] > 0.0)) continue;
        out[u] = others / in.distance_sum[u] * (others / static_cast<double>(n - 1));
    }
    return out;
}

std::vector<double> harmonic(const Graph& graph, const DistanceOptions& options) {
    return harmonic(graph, options, single_process());
}

std::vector<double> harmonic(const Graph& graph, const DistanceOptions& options, Collective& collective) {
    return incoming_distances(graph, options, collective, "harmonic").inverse_sum;
}

}  // namespace verbind
