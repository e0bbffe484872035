// Centralities as networkx computes them. Shortest-path measures run one
// search per source, parallel over sources; every output value is either
// written by exactly one task or summed in an order that does not depend on
// the thread count, so results are identical for any `threads`.
#include "verbind/socialmap/centrality.hpp"

#include "verbind/error.hpp"
#include "verbind/util/parallel.hpp"
#include "verbind/util/random.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <queue>
#include <string>
#include <type_traits>

namespace verbind {

namespace {

template <class W>
inline double weight_of(W weights, ArcId a) {
    if constexpr (std::is_same_v<W, std::nullptr_t>)
        return 1.0;
    else
        return weights[a];
}

// In-arc weights for directed graphs (undirected: the out-arc weights).
inline double in_weight(const Graph& g, ArcId a) { return g.in_arc_weight(a); }

// Runs body(begin, end, worker) over [0, n) in rounds, reporting progress
// between rounds from the calling thread.
template <class Body>
void rounds(std::size_t n, unsigned threads, Progress& progress, Body&& body) {
    const std::size_t round = std::max<std::size_t>(256, n / 64);
    for (std::size_t begin = 0; begin < n; begin += round) {
        const std::size_t end = std::min(n, begin + round);
        parallel_for(end - begin, threads, 8,
                     [&](std::size_t b, std::size_t e, unsigned worker) { body(begin + b, begin + e, worker); });
        progress.report(static_cast<double>(end) / static_cast<double>(n));
    }
    if (n == 0) progress.report(1.0);
}

// --- single-source searches ----------------------------------------------------

// Scratch for one search; reset touches only the nodes visited.
struct SearchScratch {
    std::vector<double> dist;   // +inf: not reached
    std::vector<double> sigma;  // number of shortest paths
    std::vector<double> delta;  // dependency (Brandes)
    std::vector<NodeId> order;  // nodes in order of settling
    std::vector<std::uint32_t> hops;
    explicit SearchScratch(std::size_t n)
        : dist(n, std::numeric_limits<double>::infinity()), sigma(n, 0.0), delta(n, 0.0),
          hops(n, std::numeric_limits<std::uint32_t>::max()) {
        order.reserve(n);
    }
    void reset() {
        for (NodeId v : order) {
            dist[v] = std::numeric_limits<double>::infinity();
            sigma[v] = 0.0;
            delta[v] = 0.0;
            hops[v] = std::numeric_limits<std::uint32_t>::max();
        }
        order.clear();
    }
};

constexpr std::uint32_t unreached = std::numeric_limits<std::uint32_t>::max();

// Breadth-first search from s along out-arcs (reverse: along in-arcs),
// filling hops, order and (with count_paths) sigma.
template <bool count_paths>
void bfs(const Graph& g, NodeId s, bool reverse, SearchScratch& sc) {
    sc.hops[s] = 0;
    if constexpr (count_paths) sc.sigma[s] = 1.0;
    sc.order.push_back(s);
    for (std::size_t head = 0; head < sc.order.size(); ++head) {
        const NodeId v = sc.order[head];
        const std::uint32_t next = sc.hops[v] + 1;
        const auto targets = reverse ? g.in_neighbors(v) : g.neighbors(v);
        for (NodeId w : targets) {
            if (sc.hops[w] == unreached) {
                sc.hops[w] = next;
                sc.order.push_back(w);
            }
            if constexpr (count_paths)
                if (sc.hops[w] == next) sc.sigma[w] += sc.sigma[v];
        }
    }
}

// Dijkstra from s with arc weights as lengths (reverse: along in-arcs).
template <bool count_paths>
void dijkstra(const Graph& g, NodeId s, bool reverse, SearchScratch& sc) {
    using Entry = std::pair<double, NodeId>;
    std::priority_queue<Entry, std::vector<Entry>, std::greater<>> heap;
    sc.dist[s] = 0.0;
    if constexpr (count_paths) sc.sigma[s] = 1.0;
    heap.emplace(0.0, s);
    // hops marks settled nodes here (0: settled); order lists them as settled.
    while (!heap.empty()) {
        const auto [d, v] = heap.top();
        heap.pop();
        if (sc.hops[v] == 0 || d > sc.dist[v]) continue;
        sc.hops[v] = 0;
        sc.order.push_back(v);
        const ArcId begin = reverse ? g.in_arc_begin(v) : g.arc_begin(v);
        const ArcId end = reverse ? g.in_arc_end(v) : g.arc_end(v);
        for (ArcId a = begin; a < end; ++a) {
            const NodeId w = reverse ? g.in_arc_source(a) : g.arc_target(a);
            if (sc.hops[w] == 0) continue;
            const double nd = d + (reverse ? in_weight(g, a) : g.arc_weight(a));
            if (nd < sc.dist[w]) {
                sc.dist[w] = nd;
                if constexpr (count_paths) sc.sigma[w] = sc.sigma[v];
                heap.emplace(nd, w);
            } else if (count_paths && nd == sc.dist[w]) {
                sc.sigma[w] += sc.sigma[v];
            }
        }
    }
    // Every node given a distance was pushed and so settled: order covers
    // all nodes that reset must clear.
}

// Brandes' dependency accumulation for one source, added into `into`.
void accumulate(const Graph& g, NodeId s, bool weighted, SearchScratch& sc, std::vector<double>& into) {
    for (std::size_t i = sc.order.size(); i-- > 0;) {
        const NodeId w = sc.order[i];
        const double coeff = (1.0 + sc.delta[w]) / sc.sigma[w];
        // Predecessors of w: in-neighbours on a shortest path to w.
        for (ArcId a = g.in_arc_begin(w); a < g.in_arc_end(w); ++a) {
            const NodeId v = g.in_arc_source(a);
            const bool on_path = weighted ? (sc.hops[v] == 0 && sc.dist[v] + in_weight(g, a) == sc.dist[w])
                                          : (sc.hops[v] != unreached && sc.hops[v] + 1 == sc.hops[w]);
            if (on_path) sc.delta[v] += sc.sigma[v] * coeff;
        }
        if (w != s) into[w] += sc.delta[w];
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

std::vector<double> betweenness(const Graph& graph, const BetweennessOptions& options) {
    const std::size_t n = graph.num_nodes();
    std::vector<NodeId> sources;
    if (options.samples) {
        sources = betweenness_sources(n, *options.samples, seed_or_default(options.seed));
    } else {
        sources.resize(n);
        std::iota(sources.begin(), sources.end(), NodeId{0});
    }
    const bool weighted = options.weighted && graph.weighted();
    Progress progress(options.progress);

    // Sources are dealt round-robin to a fixed number of blocks, each summing
    // into its own vector in source order; blocks are then added in block
    // order. The block count depends on n only, never on the thread count.
    const std::size_t blocks =
        std::max<std::size_t>(1, std::min<std::size_t>({16, sources.size(), (std::size_t{1} << 27) / (n + 1)}));
    std::vector<std::vector<double>> partial(blocks, std::vector<double>(n, 0.0));
    const unsigned threads = resolve_threads(options.threads);
    std::vector<SearchScratch> scratch;
    scratch.reserve(std::min<std::size_t>(threads, blocks));
    for (std::size_t t = 0; t < std::min<std::size_t>(threads, blocks); ++t) scratch.emplace_back(n);

    const std::size_t per_round = std::max<std::size_t>(blocks * 16, sources.size() / 50);
    for (std::size_t begin = 0; begin < sources.size(); begin += per_round) {
        const std::size_t end = std::min(sources.size(), begin + per_round);
        parallel_for(blocks, threads, 1, [&](std::size_t b0, std::size_t b1, unsigned worker) {
            SearchScratch& sc = scratch[worker];
            for (std::size_t b = b0; b < b1; ++b) {
                std::size_t i = begin + (b + blocks - begin % blocks) % blocks;
                for (; i < end; i += blocks) {
                    const NodeId s = sources[i];
                    if (weighted)
                        dijkstra<true>(graph, s, false, sc);
                    else
                        bfs<true>(graph, s, false, sc);
                    accumulate(graph, s, weighted, sc, partial[b]);
                    sc.reset();
                }
            }
        });
        progress.report(static_cast<double>(end) / static_cast<double>(std::max<std::size_t>(1, sources.size())));
    }
    std::vector<double> result = std::move(partial[0]);
    for (std::size_t b = 1; b < blocks; ++b)
        for (std::size_t v = 0; v < n; ++v) result[v] += partial[b][v];

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
    progress.report(1.0);
    return result;
}

namespace {

// Closeness and harmonic share one search per target node over incoming
// distances; `finish` turns the search into the node's value.
template <class Finish>
std::vector<double> per_node_search(const Graph& graph, const DistanceOptions& options, Finish&& finish) {
    const std::size_t n = graph.num_nodes();
    std::vector<double> out(n, 0.0);
    const bool weighted = options.weighted && graph.weighted();
    const unsigned threads = resolve_threads(options.threads);
    std::vector<SearchScratch> scratch;
    for (unsigned t = 0; t < std::min<std::size_t>(threads, std::max<std::size_t>(1, n)); ++t) scratch.emplace_back(n);
    Progress progress(options.progress);
    rounds(n, threads, progress, [&](std::size_t begin, std::size_t end, unsigned worker) {
        SearchScratch& sc = scratch[worker];
        for (std::size_t u = begin; u < end; ++u) {
            // Incoming distances d(v, u): search from u along in-arcs.
            if (weighted)
                dijkstra<false>(graph, static_cast<NodeId>(u), graph.directed(), sc);
            else
                bfs<false>(graph, static_cast<NodeId>(u), graph.directed(), sc);
            out[u] = finish(sc, weighted);
            sc.reset();
        }
    });
    return out;
}

}  // namespace

std::vector<double> closeness(const Graph& graph, const DistanceOptions& options) {
    const double n = static_cast<double>(graph.num_nodes());
    return per_node_search(graph, options, [n](const SearchScratch& sc, bool weighted) {
        double total = 0.0;
        for (NodeId v : sc.order) total += weighted ? sc.dist[v] : static_cast<double>(sc.hops[v]);
        const double reached = static_cast<double>(sc.order.size());
        if (!(total > 0.0) || n <= 1) return 0.0;
        return (reached - 1.0) / total * ((reached - 1.0) / (n - 1.0));
    });
}

std::vector<double> harmonic(const Graph& graph, const DistanceOptions& options) {
    return per_node_search(graph, options, [](const SearchScratch& sc, bool weighted) {
        double total = 0.0;
        for (NodeId v : sc.order) {
            const double d = weighted ? sc.dist[v] : static_cast<double>(sc.hops[v]);
            if (d != 0.0) total += 1.0 / d;
        }
        return total;
    });
}

std::vector<double> pagerank(const Graph& graph, const PageRankOptions& options) {
    const std::size_t n = graph.num_nodes();
    if (!(options.damping >= 0.0 && options.damping <= 1.0))
        throw input_error("pagerank: damping must be in [0, 1], got " + std::to_string(options.damping));
    if (!(options.tol > 0.0)) throw input_error("pagerank: tol must be > 0");
    if (n == 0) return {};
    std::vector<double> p(n, 1.0 / static_cast<double>(n));
    if (!options.personalization.empty()) {
        if (options.personalization.size() != n)
            throw input_error("pagerank: personalization has " + std::to_string(options.personalization.size()) +
                              " entries, the graph has " + std::to_string(n) + " nodes");
        double sum = 0.0;
        for (std::size_t v = 0; v < n; ++v) {
            const double x = options.personalization[v];
            if (!(x >= 0.0) || !std::isfinite(x))
                throw input_error("pagerank: personalization[" + std::to_string(v) +
                                  "] must be a finite number >= 0, got " + std::to_string(x));
            sum += x;
        }
        if (!(sum > 0.0)) throw input_error("pagerank: personalization must sum to a positive value, got 0");
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

std::vector<double> eigenvector(const Graph& graph, const EigenvectorOptions& options) {
    const std::size_t n = graph.num_nodes();
    if (n == 0) throw input_error("eigenvector: centrality is undefined for the null graph");
    if (!(options.tol > 0.0)) throw input_error("eigenvector: tol must be > 0");
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
