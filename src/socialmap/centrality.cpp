// Centralities as networkx computes them. Shortest-path measures run one
// search per source (or, unweighted closeness/harmonic, one bit-parallel
// search per 64 sources), parallel over sources. Sources are dealt to a fixed
// number of blocks that depends on the graph only; each block sums into its
// own vector in source order and blocks are added in block order, so the
// floating-point sums, and hence the results, are identical for any `threads`.
#include "verbind/socialmap/centrality.hpp"

#include "verbind/error.hpp"
#include "verbind/util/batches.hpp"
#include "verbind/util/parallel.hpp"
#include "verbind/util/random.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <functional>
#include <limits>
#include <numeric>
#include <string>

namespace verbind {

namespace {

constexpr std::uint32_t unreached = std::numeric_limits<std::uint32_t>::max();

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

// --- unweighted Brandes ----------------------------------------------------------

// The graph the breadth-first searches walk: the out-arcs (undirected: every
// arc) with the nodes renumbered by decreasing degree (ties by id), so the
// busiest nodes' entries share cache lines (measured on facebook_combined: a
// tenth less time than the graph's own numbering).
struct SearchGraph {
    std::vector<ArcId> offsets;
    std::vector<NodeId> targets;
    std::vector<NodeId> rank;  // graph node -> search node
    std::size_t size() const { return rank.size(); }
    ArcId begin(NodeId v) const { return offsets[v]; }
    ArcId end(NodeId v) const { return offsets[v + 1]; }
};

SearchGraph search_graph(const Graph& g) {
    const std::size_t n = g.num_nodes();
    std::size_t max_degree = 0;
    for (NodeId u = 0; u < n; ++u) max_degree = std::max(max_degree, g.out_degree(u));
    // Counting sort by degree, largest first, stable.
    std::vector<std::size_t> first(max_degree + 2, 0);
    for (NodeId u = 0; u < n; ++u) ++first[max_degree - g.out_degree(u) + 1];
    for (std::size_t d = 0; d <= max_degree; ++d) first[d + 1] += first[d];
    SearchGraph s;
    s.rank.resize(n);
    std::vector<NodeId> node(n);
    for (NodeId u = 0; u < n; ++u) {
        const NodeId r = static_cast<NodeId>(first[max_degree - g.out_degree(u)]++);
        s.rank[u] = r;
        node[r] = u;
    }
    s.offsets.resize(n + 1);
    s.offsets[0] = 0;
    for (NodeId r = 0; r < n; ++r) s.offsets[r + 1] = s.offsets[r] + g.out_degree(node[r]);
    s.targets.resize(s.offsets[n]);
    for (NodeId r = 0; r < n; ++r) {
        NodeId* out = s.targets.data() + s.offsets[r];
        for (NodeId w : g.neighbors(node[r])) *out++ = s.rank[w];
    }
    return s;
}

// Scratch for one breadth-first Brandes search, reused for every source a
// worker runs: only the visited nodes' entries are reset between sources.
struct BfsWorkspace {
    std::vector<std::uint32_t> dist;  // unreached, or hops from the source
    std::vector<double> sigma;        // number of shortest paths from the source
    std::vector<double> acc;          // sums of (1 + dependency) / sigma, see below
    std::vector<NodeId> order;        // visited nodes in BFS order
    std::vector<NodeId> dag;          // the shortest-path arcs of the search, by position in order
    std::vector<std::size_t> start;   // order[i]'s arcs are dag[start[i], start[i + 1])
    // Undirected, an edge is a shortest-path arc in one direction at most:
    // dag needs one entry per edge; directed, one per arc.
    BfsWorkspace(std::size_t n, std::size_t dag_arcs)
        : dist(n, unreached), sigma(n), acc(n, 0.0), order(n), dag(dag_arcs), start(n + 1) {}
};

// Brandes (2001) for one source on an unweighted graph, adding each node's
// dependency into `into`. The forward search records the shortest-path arcs
// it finds, so the backward pass walks those only: on social networks most
// arcs join nodes of the same level (88% on facebook_combined, 6% are
// shortest-path arcs), and a backward pass over every arc cost as much as
// the search.
//
// Undirected, a node pulls its sigma from its predecessors (neighbours one
// level up, all dequeued before it) in the same scan that discovers the
// next level, and records them; the backward pass then pushes
// (1 + delta(w)) / sigma(w) from each node w, deepest first, into acc of
// its predecessors, and delta(v) = sigma(v) * acc(v). The arc loop keeps four
// partial sums, because one running floating-point sum would make every arc
// wait for the previous addition; they are combined in a fixed order, so
// results stay reproducible.
void brandes_bfs_undirected(const SearchGraph& g, NodeId s, BfsWorkspace& ws, double* into) {
    const NodeId* target = g.targets.data();
    std::uint32_t* dist = ws.dist.data();
    double* sigma = ws.sigma.data();
    double* acc = ws.acc.data();
    NodeId* order = ws.order.data();
    NodeId* dag = ws.dag.data();
    std::size_t* start = ws.start.data();
    std::size_t tail = 0, arcs = 0;
    order[tail++] = s;
    dist[s] = 0;
    sigma[s] = 1.0;
    // The source has no level above: its neighbours are level 1.
    for (ArcId a = g.begin(s), e = g.end(s); a < e; ++a) {
        dist[target[a]] = 1;
        order[tail++] = target[a];
    }
    for (std::size_t head = 1; head < tail; ++head) {
        const NodeId v = order[head];
        start[head] = arcs;
        const std::uint32_t prev = dist[v] - 1, next = dist[v] + 1;
        double p[4] = {0.0, 0.0, 0.0, 0.0};
        auto visit = [&](ArcId a, double& paths) {
            const NodeId w = target[a];
            const std::uint32_t dw = dist[w];
            // Most arcs lead to this level or the next, found already: one
            // predictable test for both (a tenth less time than two tests).
            if (dw - prev - 1 < 2) return;
            if (dw == prev) {
                paths += sigma[w];
                dag[arcs++] = w;
            } else {
                dist[w] = next;
                order[tail++] = w;
            }
        };
        ArcId a = g.begin(v);
        const ArcId e = g.end(v);
        for (; a + 4 <= e; a += 4) visit(a, p[0]), visit(a + 1, p[1]), visit(a + 2, p[2]), visit(a + 3, p[3]);
        for (; a < e; ++a) visit(a, p[0]);
        sigma[v] = (p[0] + p[1]) + (p[2] + p[3]);
    }
    start[tail] = arcs;
    for (std::size_t i = tail; i-- > 1;) {
        const NodeId w = order[i];
        const double delta = sigma[w] * acc[w];
        acc[w] = 0.0;
        into[w] += delta;
        const double coeff = (1.0 + delta) / sigma[w];
        for (std::size_t k = start[i]; k < start[i + 1]; ++k) acc[dag[k]] += coeff;
    }
    acc[s] = 0.0;
    for (std::size_t k = 0; k < tail; ++k) dist[order[k]] = unreached;
}

// Directed, a node pushes its sigma to the next level along its out-arcs
// and records those arcs (its successors); the backward pass, deepest node
// first, sums acc = (1 + delta) / sigma over a node's successors, which were
// all written earlier in the same pass (so acc needs no reset).
void brandes_bfs_directed(const SearchGraph& g, NodeId s, BfsWorkspace& ws, double* into) {
    const NodeId* target = g.targets.data();
    std::uint32_t* dist = ws.dist.data();
    double* sigma = ws.sigma.data();
    double* acc = ws.acc.data();
    NodeId* order = ws.order.data();
    NodeId* dag = ws.dag.data();
    std::size_t* start = ws.start.data();
    std::size_t tail = 0, arcs = 0;
    order[tail++] = s;
    dist[s] = 0;
    sigma[s] = 1.0;
    for (std::size_t head = 0; head < tail; ++head) {
        const NodeId v = order[head];
        start[head] = arcs;
        const std::uint32_t next = dist[v] + 1;
        const double sv = sigma[v];
        for (ArcId a = g.begin(v), e = g.end(v); a < e; ++a) {
            const NodeId w = target[a];
            const std::uint32_t dw = dist[w];
            if (dw == unreached) {
                dist[w] = next;
                sigma[w] = sv;
                order[tail++] = w;
                dag[arcs++] = w;
            } else if (dw == next) {
                sigma[w] += sv;
                dag[arcs++] = w;
            }
        }
    }
    start[tail] = arcs;
    for (std::size_t i = tail; i-- > 0;) {
        const NodeId v = order[i];
        double sum = 0.0;
        for (std::size_t k = start[i]; k < start[i + 1]; ++k) sum += acc[dag[k]];
        const double delta = sigma[v] * sum;
        if (i > 0) into[v] += delta;
        acc[v] = (1.0 + delta) / sigma[v];
    }
    for (std::size_t k = 0; k < tail; ++k) dist[order[k]] = unreached;
}

// --- weighted searches (Dijkstra) -------------------------------------------------

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

// Brandes' dependency accumulation after a weighted search from s.
void accumulate_weighted(const Graph& g, NodeId s, DijkstraWorkspace& ws, double* into) {
    for (std::size_t i = ws.order.size(); i-- > 0;) {
        const NodeId w = ws.order[i];
        const double coeff = (1.0 + ws.delta[w]) / ws.sigma[w];
        for (ArcId a = g.in_arc_begin(w); a < g.in_arc_end(w); ++a) {
            const NodeId v = g.in_arc_source(a);
            if (ws.settled[v] && ws.dist[v] + g.in_arc_weight(a) == ws.dist[w]) ws.delta[v] += ws.sigma[v] * coeff;
        }
        if (w != s) into[w] += ws.delta[w];
    }
}

}  // namespace

std::vector<double> degree_centrality(const Graph& graph) {
    const std::size_t n = graph.num_nodes();
    std::vector<double> out(n, 1.0);
    if (n <= 1) return out;
    const double scale = 1.0 / static_cast<double>(n - 1);
    for (NodeId u = 0; u < n; ++u) {
        const std::size_t d = graph.directed() ? graph.out_degree(u) + graph.in_degree(u) : graph.degree(u);
        out[u] = static_cast<double>(d) * scale;
    }
    return out;
}

std::vector<NodeId> betweenness_sources(std::size_t n, std::size_t samples, std::uint64_t seed) {
    if (samples == 0 || samples > n)
        throw input_error("betweenness: samples must be in 1.." + std::to_string(n) + " (the number of nodes), got " +
                          std::to_string(samples));
    // Partial Fisher-Yates over all nodes: the first k positions.
    std::vector<NodeId> nodes(n);
    std::iota(nodes.begin(), nodes.end(), NodeId{0});
    Rng rng(seed, 0);
    for (std::size_t i = 0; i < samples; ++i) std::swap(nodes[i], nodes[i + rng.below(n - i)]);
    nodes.resize(samples);
    return nodes;
}

void BetweennessOptions::validate() const {
    if (samples && *samples == 0)
        throw input_error("betweenness: samples must be at least 1 (none: every node is a source)");
}

std::vector<double> betweenness(const Graph& graph, const BetweennessOptions& options) {
    options.validate();
    const std::size_t n = graph.num_nodes();
    std::vector<NodeId> sources;
    if (options.samples) {
        sources = betweenness_sources(n, *options.samples, seed_or_default(options.seed));
    } else {
        sources.resize(n);
        std::iota(sources.begin(), sources.end(), NodeId{0});
    }
    Progress progress(options.progress);
    if (n == 0) {
        progress.report(1.0);
        return {};
    }
    const bool weighted = options.weighted && graph.weighted();
    const Blocks blocks(sources.size(), n * sizeof(double));
    std::vector<std::vector<double>> partial(blocks.count, std::vector<double>(n, 0.0));
    const unsigned workers =
        static_cast<unsigned>(std::min<std::size_t>(resolve_threads(options.threads), blocks.count));
    std::vector<double> result(n);
    if (weighted) {
        std::vector<DijkstraWorkspace> scratch;
        for (unsigned t = 0; t < workers; ++t) scratch.emplace_back(n);
        run_blocks(sources.size(), blocks, workers, progress, [&](std::size_t b, std::size_t i, unsigned worker) {
            DijkstraWorkspace& ws = scratch[worker];
            dijkstra<true>(graph, sources[i], false, ws);
            accumulate_weighted(graph, sources[i], ws, partial[b].data());
            ws.reset();
        });
        result = sum_blocks(partial);
    } else {
        // Searches run on the renumbered graph; the sum is put back in the
        // graph's order.
        const SearchGraph search = search_graph(graph);
        const bool directed = graph.directed();
        const std::size_t dag_arcs = directed ? search.targets.size() : search.targets.size() / 2;
        std::vector<BfsWorkspace> scratch;
        for (unsigned t = 0; t < workers; ++t) scratch.emplace_back(n, dag_arcs);
        run_blocks(sources.size(), blocks, workers, progress, [&](std::size_t b, std::size_t i, unsigned worker) {
            const NodeId s = search.rank[sources[i]];
            if (directed)
                brandes_bfs_directed(search, s, scratch[worker], partial[b].data());
            else
                brandes_bfs_undirected(search, s, scratch[worker], partial[b].data());
        });
        std::vector<double> by_search_node = sum_blocks(partial);
        for (NodeId u = 0; u < n; ++u) result[u] = by_search_node[search.rank[u]];
    }

    // networkx's _rescale.
    double scale = 0.0;
    bool rescale = false;
    if (options.normalized) {
        if (n > 2) {
            scale = 1.0 / (static_cast<double>(n - 1) * static_cast<double>(n - 2));
            rescale = true;
        }
    } else if (!graph.directed()) {
        scale = 0.5;
        rescale = true;
    }
    if (rescale) {
        if (options.samples) scale = scale * static_cast<double>(n) / static_cast<double>(*options.samples);
        for (double& b : result) b *= scale;
    }
    return result;
}

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

IncomingDistances incoming_distances(const Graph& graph, const DistanceOptions& options) {
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
        const Blocks blocks(n, 0);
        const unsigned workers = static_cast<unsigned>(std::min<std::size_t>(threads, blocks.count));
        std::vector<DijkstraWorkspace> scratch;
        for (unsigned t = 0; t < workers; ++t) scratch.emplace_back(n);
        run_blocks(n, blocks, workers, progress, [&](std::size_t, std::size_t u, unsigned worker) {
            weighted_incoming(graph, static_cast<NodeId>(u), scratch[worker], result);
        });
        return result;
    }
    const NodeId* target = graph.neighbors(0).data() - graph.arc_begin(0);
    const std::size_t batches = (n + 63) / 64;
    const Blocks blocks(batches, n * (sizeof(std::uint64_t) + 2 * sizeof(double)));
    const unsigned workers = static_cast<unsigned>(std::min<std::size_t>(threads, blocks.count));
    std::vector<IncomingDistances> partial(blocks.count, IncomingDistances(n));
    std::vector<MultiSourceWorkspace> scratch;
    for (unsigned t = 0; t < workers; ++t) scratch.emplace_back(n);
    run_blocks(batches, blocks, workers, progress, [&](std::size_t b, std::size_t batch, unsigned worker) {
        const NodeId first = static_cast<NodeId>(batch * 64);
        const NodeId count = static_cast<NodeId>(std::min<std::size_t>(64, n - first));
        multi_source_bfs(graph, target, first, count, scratch[worker], partial[b]);
    });
    for (std::size_t b = 1; b < blocks.count; ++b) partial[0] += partial[b];
    return std::move(partial[0]);
}

}  // namespace

std::vector<double> closeness(const Graph& graph, const DistanceOptions& options) {
    const IncomingDistances in = incoming_distances(graph, options);
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
    return incoming_distances(graph, options).inverse_sum;
}
void PageRankOptions::validate() const {
    if (!(damping >= 0.0 && damping <= 1.0))
        throw input_error("pagerank: damping must be in [0, 1], got " + std::to_string(damping));
    if (!(tol > 0.0)) throw input_error("pagerank: tol must be > 0");
    double sum = 0.0;
    for (std::size_t v = 0; v < personalization.size(); ++v) {
        const double x = personalization[v];
        if (!(x >= 0.0) || !std::isfinite(x))
            throw input_error("pagerank: personalization[" + std::to_string(v) +
                              "] must be a finite number >= 0, got " + std::to_string(x));
        sum += x;
    }
    if (!personalization.empty() && !(sum > 0.0))
        throw input_error("pagerank: personalization must sum to a positive value, got 0");
}

std::vector<double> pagerank(const Graph& graph, const PageRankOptions& options) {
    const std::size_t n = graph.num_nodes();
    options.validate();
    if (!options.personalization.empty() && options.personalization.size() != n)
        throw input_error("pagerank: personalization has " + std::to_string(options.personalization.size()) +
                          " entries, the graph has " + std::to_string(n) + " nodes");
    if (n == 0) return {};
    std::vector<double> p(n, 1.0 / static_cast<double>(n));
    if (!options.personalization.empty()) {
        double sum = 0.0;
        for (const double x : options.personalization) sum += x;
        for (std::size_t v = 0; v < n; ++v) p[v] = options.personalization[v] / sum;
    }
    const bool weighted = options.weighted && graph.weighted();
    // 1 / out-strength (0 for dangling nodes), as networkx's row scaling.
    std::vector<double> inv_out(n, 0.0);
    std::vector<NodeId> dangling;
    for (NodeId u = 0; u < n; ++u) {
        double s = 0.0;
        for (ArcId a = graph.arc_begin(u); a < graph.arc_end(u); ++a) s += weighted ? graph.arc_weight(a) : 1.0;
        if (s != 0.0)
            inv_out[u] = 1.0 / s;
        else
            dangling.push_back(u);
    }
    const unsigned threads = resolve_threads(options.threads);
    const double alpha = options.damping;
    std::vector<double> x(n, 1.0 / static_cast<double>(n)), next(n), share(n);
    Progress progress(options.progress);
    constexpr std::size_t chunk = 4096;
    const std::size_t chunks = (n + chunk - 1) / chunk;
    std::vector<double> chunk_err(chunks);
    for (std::size_t iter = 0; iter < options.max_iter; ++iter) {
        double dangling_mass = 0.0;
        for (NodeId u : dangling) dangling_mass += x[u];
        for (std::size_t u = 0; u < n; ++u) share[u] = x[u] * inv_out[u];
        // Pull over in-arcs: each node's new value is written by one task;
        // the error is summed per fixed chunk, then over chunks in order.
        parallel_for(chunks, threads, 1, [&](std::size_t c0, std::size_t c1, unsigned) {
            for (std::size_t c = c0; c < c1; ++c) {
                double err = 0.0;
                const std::size_t end = std::min(n, (c + 1) * chunk);
                for (std::size_t v = c * chunk; v < end; ++v) {
                    double in = 0.0;
                    const ArcId a0 = graph.in_arc_begin(static_cast<NodeId>(v));
                    const ArcId a1 = graph.in_arc_end(static_cast<NodeId>(v));
                    if (weighted) {
                        for (ArcId a = a0; a < a1; ++a) in += share[graph.in_arc_source(a)] * graph.in_arc_weight(a);
                    } else {
                        for (ArcId a = a0; a < a1; ++a) in += share[graph.in_arc_source(a)];
                    }
                    next[v] = alpha * (in + dangling_mass * p[v]) + (1.0 - alpha) * p[v];
                    err += std::abs(next[v] - x[v]);
                }
                chunk_err[c] = err;
            }
        });
        x.swap(next);
        double err = 0.0;
        for (double e : chunk_err) err += e;
        if (err < static_cast<double>(n) * options.tol) {
            progress.report(1.0);
            return x;
        }
        progress.report(static_cast<double>(iter + 1) / static_cast<double>(options.max_iter));
    }
    throw input_error("pagerank: did not converge to tol " + std::to_string(options.tol) + " in " +
                      std::to_string(options.max_iter) + " iterations");
}

void EigenvectorOptions::validate() const {
    if (!(tol > 0.0)) throw input_error("eigenvector: tol must be > 0");
}

std::vector<double> eigenvector(const Graph& graph, const EigenvectorOptions& options) {
    const std::size_t n = graph.num_nodes();
    if (n == 0) throw input_error("eigenvector: centrality is undefined for the null graph");
    options.validate();
    const bool weighted = options.weighted && graph.weighted();
    std::vector<double> x(n, 1.0 / static_cast<double>(n)), next(n);
    for (std::size_t iter = 0; iter < options.max_iter; ++iter) {
        // x_new = (A + I)^T x: node v gains from its in-arcs.
        for (std::size_t v = 0; v < n; ++v) {
            double in = x[v];
            for (ArcId a = graph.in_arc_begin(static_cast<NodeId>(v)); a < graph.in_arc_end(static_cast<NodeId>(v));
                 ++a)
                in += x[graph.in_arc_source(a)] * (weighted ? graph.in_arc_weight(a) : 1.0);
            next[v] = in;
        }
        double norm = 0.0;
        for (double z : next) norm += z * z;
        norm = std::sqrt(norm);
        if (norm == 0.0) norm = 1.0;
        double err = 0.0;
        for (std::size_t v = 0; v < n; ++v) {
            next[v] /= norm;
            err += std::abs(next[v] - x[v]);
        }
        x.swap(next);
        if (err < static_cast<double>(n) * options.tol) return x;
    }
    throw input_error("eigenvector: did not converge to tol " + std::to_string(options.tol) + " in " +
                      std::to_string(options.max_iter) + " iterations");
}

}  // namespace verbind
