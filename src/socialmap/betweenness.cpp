// Betweenness as networkx computes it (Brandes 2001): one search per
// source, parallel over sources (see centrality_parts.hpp for why the result
// does not depend on the thread count).
#include "socialmap/centrality_parts.hpp"
#include "verbind/error.hpp"
#include "verbind/socialmap/centrality.hpp"
#include "verbind/util/random.hpp"

#include <algorithm>
#include <numeric>
#include <string>

namespace verbind {

using namespace centrality_detail;

namespace {

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

namespace {

// Brandes' dependencies summed over this rank's share of `sources` (one
// value per node, in the graph's order).
std::vector<double> dependencies(const Graph& graph, const std::vector<NodeId>& sources, const RankShare& mine,
                                 const BetweennessOptions& options) {
    const std::size_t n = graph.num_nodes();
    Progress progress(options.progress);
    const bool weighted = options.weighted && graph.weighted();
    const Blocks blocks(mine.count, n * sizeof(double));
    std::vector<std::vector<double>> partial(blocks.count, std::vector<double>(n, 0.0));
    const unsigned workers =
        static_cast<unsigned>(std::min<std::size_t>(resolve_threads(options.threads), blocks.count));
    if (weighted) {
        std::vector<DijkstraWorkspace> scratch;
        for (unsigned t = 0; t < workers; ++t) scratch.emplace_back(n);
        run_blocks(mine.count, blocks, workers, progress, [&](std::size_t b, std::size_t i, unsigned worker) {
            DijkstraWorkspace& ws = scratch[worker];
            const NodeId s = sources[mine[i]];
            dijkstra<true>(graph, s, false, ws);
            accumulate_weighted(graph, s, ws, partial[b].data());
            ws.reset();
        });
        return sum_blocks(partial);
    }
    // Searches run on the renumbered graph; the sum is put back in the
    // graph's order.
    const SearchGraph search = search_graph(graph);
    const bool directed = graph.directed();
    const std::size_t dag_arcs = directed ? search.targets.size() : search.targets.size() / 2;
    std::vector<BfsWorkspace> scratch;
    for (unsigned t = 0; t < workers; ++t) scratch.emplace_back(n, dag_arcs);
    run_blocks(mine.count, blocks, workers, progress, [&](std::size_t b, std::size_t i, unsigned worker) {
        const NodeId s = search.rank[sources[mine[i]]];
        if (directed)
            brandes_bfs_directed(search, s, scratch[worker], partial[b].data());
        else
            brandes_bfs_undirected(search, s, scratch[worker], partial[b].data());
    });
    const std::vector<double> by_search_node = sum_blocks(partial);
    std::vector<double> result(n);
    for (NodeId u = 0; u < n; ++u) result[u] = by_search_node[search.rank[u]];
    return result;
}

}  // namespace

std::vector<double> betweenness(const Graph& graph, const BetweennessOptions& options) {
    return betweenness(graph, options, single_process());
}

// Every rank lists the same sources (all nodes, or the same sample) and runs
// every size()-th of them from its rank on; the ranks' sums are added with
// Collective::sum. One rank runs them all, exactly as without a collective.
std::vector<double> betweenness(const Graph& graph, const BetweennessOptions& options, Collective& collective) {
    const std::size_t n = graph.num_nodes();
    std::vector<NodeId> sources;
    on_every_rank(collective, [&] {
        options.validate();
        if (options.samples) {
            sources = betweenness_sources(n, *options.samples, seed_or_default(options.seed));
        } else {
            sources.resize(n);
            std::iota(sources.begin(), sources.end(), NodeId{0});
        }
    });
    const bool weighted = options.weighted && graph.weighted();
    check_ranks_agree(collective, "betweenness", graph, weighted,
                      {{"normalized", options.normalized, Shown::flag},
                       {"weighted", options.weighted, Shown::flag},
                       {"samples", options.samples.value_or(0), Shown::samples},
                       {"seed", seed_or_default(options.seed), Shown::number}});
    if (n == 0) {
        Progress(options.progress).report(1.0);
        return {};
    }
    std::vector<double> result;
    on_every_rank(collective,
                  [&] { result = dependencies(graph, sources, RankShare(sources.size(), collective), options); });
    collective.sum(std::span<double>(result));

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

}  // namespace verbind
