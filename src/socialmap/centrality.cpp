// Degree, PageRank and eigenvector centrality as networkx computes them
// (betweenness.cpp and distances.cpp hold the shortest-path measures).
#include "verbind/socialmap/centrality.hpp"

#include "verbind/error.hpp"
#include "verbind/util/parallel.hpp"

#include <algorithm>
#include <cmath>
#include <string>

namespace verbind {


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
