// Burt's constraint and effective size, following networkx's definitions
// (networkx/algorithms/structuralholes.py): mutual weight m(u,v) = a_uv + a_vu
// over all neighbours (in and out), p(u,v) = m(u,v) / sum_w m(u,w).
#include "verbind/socialmap/brokerage.hpp"

#include "verbind/util/parallel.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace verbind {

namespace {

// Every node's neighbours (in and out, once each) with mutual weights.
struct MutualAdjacency {
    std::vector<std::size_t> offsets;
    std::vector<NodeId> targets;
    std::vector<double> mutual;
    std::vector<double> sum, max;  // per node: sum and largest mutual weight

    MutualAdjacency(const Graph& g, bool weighted) {
        const std::size_t n = g.num_nodes();
        offsets.assign(n + 1, 0);
        sum.assign(n, 0.0);
        max.assign(n, 0.0);
        for (NodeId u = 0; u < n; ++u) {
            offsets[u] = targets.size();
            // Merge the sorted out- and in-lists.
            ArcId a = g.arc_begin(u), ae = g.arc_end(u);
            ArcId b = g.in_arc_begin(u), be = g.in_arc_end(u);
            const bool directed = g.directed();
            while (a < ae || (directed && b < be)) {
                const NodeId va = a < ae ? g.arc_target(a) : std::numeric_limits<NodeId>::max();
                const NodeId vb = directed && b < be ? g.in_arc_source(b) : std::numeric_limits<NodeId>::max();
                double m = 0.0;
                NodeId v;
                if (!directed) {
                    v = va;
                    m = 2.0 * (weighted ? g.arc_weight(a) : 1.0);
                    ++a;
                } else {
                    v = std::min(va, vb);
                    if (va == v) m += weighted ? g.arc_weight(a) : 1.0, ++a;
                    if (vb == v) m += weighted ? g.in_arc_weight(b) : 1.0, ++b;
                }
                targets.push_back(v);
                mutual.push_back(m);
                sum[u] += m;
                max[u] = std::max(max[u], m);
            }
        }
        offsets[n] = targets.size();
    }
};

double share(double m, double scale) { return scale == 0.0 ? 0.0 : m / scale; }

// Scratch per worker: p(v, n) for the neighbours n of v, and a per-neighbour
// accumulator; `stamp` marks which nodes are v's neighbours.
struct EgoScratch {
    std::vector<double> p, acc;
    std::vector<NodeId> stamp;
    explicit EgoScratch(std::size_t n) : p(n, 0.0), acc(n, 0.0), stamp(n, std::numeric_limits<NodeId>::max()) {}
};

template <class PerNode>
std::vector<double> per_ego(const Graph& graph, const BrokerageOptions& options, PerNode&& per_node) {
    const std::size_t n = graph.num_nodes();
    const MutualAdjacency adj(graph, options.weighted && graph.weighted());
    std::vector<double> out(n, 0.0);
    const unsigned threads = resolve_threads(options.threads);
    std::vector<EgoScratch> scratch;
    for (unsigned t = 0; t < std::min<std::size_t>(threads, std::max<std::size_t>(n, 1)); ++t)
        scratch.emplace_back(n);
    parallel_for(n, threads, 64, [&](std::size_t begin, std::size_t end, unsigned worker) {
        EgoScratch& sc = scratch[worker];
        for (std::size_t v = begin; v < end; ++v) {
            // networkx: NaN for a node without (out-)neighbours.
            if (graph.out_degree(static_cast<NodeId>(v)) == 0) {
                out[v] = std::numeric_limits<double>::quiet_NaN();
                continue;
            }
            for (std::size_t i = adj.offsets[v]; i < adj.offsets[v + 1]; ++i) {
                const NodeId w = adj.targets[i];
                sc.stamp[w] = static_cast<NodeId>(v);
                sc.p[w] = share(adj.mutual[i], adj.sum[v]);
                sc.acc[w] = 0.0;
            }
            out[v] = per_node(adj, static_cast<NodeId>(v), sc);
        }
    });
    return out;
}

}  // namespace

std::vector<double> constraint(const Graph& graph, const BrokerageOptions& options) {
    options.validate();
    return per_ego(graph, options, [](const MutualAdjacency& adj, NodeId v, EgoScratch& sc) {
        // acc[n] = sum over neighbours w of v of p(v,w) p(w,n), n a neighbour of v.
        for (std::size_t i = adj.offsets[v]; i < adj.offsets[v + 1]; ++i) {
            const NodeId w = adj.targets[i];
            const double pvw = sc.p[w];
            for (std::size_t j = adj.offsets[w]; j < adj.offsets[w + 1]; ++j) {
                const NodeId x = adj.targets[j];
                if (sc.stamp[x] == v) sc.acc[x] += pvw * share(adj.mutual[j], adj.sum[w]);
            }
        }
        double total = 0.0;
        for (std::size_t i = adj.offsets[v]; i < adj.offsets[v + 1]; ++i) {
            const NodeId x = adj.targets[i];
            const double local = sc.p[x] + sc.acc[x];
            total += local * local;
        }
        return total;
    });
}

std::vector<double> effective_size(const Graph& graph, const BrokerageOptions& options) {
    options.validate();
    if (!graph.directed() && !options.weighted) {
        // Borgatti's simplification: n - 2t/n, t the ties among the n neighbours.
        return per_ego(graph, options, [](const MutualAdjacency& adj, NodeId v, EgoScratch& sc) {
            const double degree = static_cast<double>(adj.offsets[v + 1] - adj.offsets[v]);
            double ties_twice = 0.0;
            for (std::size_t i = adj.offsets[v]; i < adj.offsets[v + 1]; ++i) {
                const NodeId w = adj.targets[i];
                for (std::size_t j = adj.offsets[w]; j < adj.offsets[w + 1]; ++j)
                    if (sc.stamp[adj.targets[j]] == v) ties_twice += 1.0;
            }
            return degree - ties_twice / degree;
        });
    }
    // Burt's redundancy: sum over neighbours u of 1 - sum_w p(v,w) m(u,w)/max_u.
    return per_ego(graph, options, [](const MutualAdjacency& adj, NodeId v, EgoScratch& sc) {
        double total = 0.0;
        for (std::size_t i = adj.offsets[v]; i < adj.offsets[v + 1]; ++i) {
            const NodeId u = adj.targets[i];
            double redundancy = 0.0;
            for (std::size_t j = adj.offsets[u]; j < adj.offsets[u + 1]; ++j) {
                const NodeId w = adj.targets[j];
                if (sc.stamp[w] == v) redundancy += sc.p[w] * share(adj.mutual[j], adj.max[u]);
            }
            total += 1.0 - redundancy;
        }
        return total;
    });
}

}  // namespace verbind
