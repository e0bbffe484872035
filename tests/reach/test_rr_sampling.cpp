// The distribution of random reverse-reachable (RR) sets under the
// independent cascade, checked against exact values: the RR-set sampler
// (subset sampling of firing in-arcs: a binomial count then a uniform
// subset, or geometric skips when many arcs fire) must draw each in-arc
// independently with its probability.
//
// - An in-star (d leaves -> centre): the RR set of the centre is the centre
//   and Binomial(d, q) leaves; a leaf's is itself. The distribution of the
//   size of one RR set is (d 1{s = 1} + Binom(d, q)(s - 1)) / (d + 1):
//   a chi-square test over 20,000 single sets per case.
// - A small directed graph: the expected RR-set size is the sum over nodes
//   of their spread / n, computed exactly by enumerating all 2^arcs
//   live-edge graphs.
#include "verbind/graph/graph.hpp"
#include "verbind/reach/spread.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <vector>

using namespace verbind;

namespace {

Graph in_star(NodeId d) {
    std::vector<NodeId> src, dst;
    for (NodeId i = 1; i <= d; ++i) {
        src.push_back(i);
        dst.push_back(0);
    }
    EdgeListOptions o;
    o.directed = true;
    return Graph::from_edges(d + 1, src, dst, {}, o);
}

double binomial_pmf(std::size_t d, std::size_t m, double q) {
    return std::exp(std::lgamma(double(d) + 1) - std::lgamma(double(m) + 1) - std::lgamma(double(d - m) + 1) +
                    double(m) * std::log(q) + double(d - m) * std::log1p(-q));
}

}  // namespace

TEST_CASE("RR-set sizes on in-stars follow the exact binomial law", "[reach][influence]") {
    struct Case {
        NodeId d;
        ProbabilityKind kind;
        double q;  // uniform probability (weighted cascade: 1/d)
    };
    const std::vector<Case> cases{
        {2, ProbabilityKind::weighted_cascade, 0},  {7, ProbabilityKind::weighted_cascade, 0},
        {40, ProbabilityKind::weighted_cascade, 0}, {1500, ProbabilityKind::weighted_cascade, 0},
        {12, ProbabilityKind::uniform, 0.35},       {60, ProbabilityKind::uniform, 0.9},  // P(none) = 1e-60
        {2000, ProbabilityKind::uniform, 0.004},
    };
    constexpr std::size_t draws = 20000;
    for (const Case& c : cases) {
        const Graph g = in_star(c.d);
        DiffusionOptions o;
        o.probability = c.kind;
        o.uniform_probability = c.q;
        const double q = c.kind == ProbabilityKind::weighted_cascade ? 1.0 / c.d : c.q;
        std::vector<double> seen(c.d + 2, 0.0);
        for (std::uint64_t seed = 0; seed < draws; ++seed) seen[draw_rr_sets(g, 1, o, seed, 1)] += 1;
        // Chi-square over sizes with expected count >= 5 (the rest pooled).
        double chi2 = 0, pooled_seen = 0, pooled_expected = 0;
        int cells = 0;
        for (std::size_t s = 1; s <= c.d + 1; ++s) {
            const double p = ((s == 1 ? double(c.d) : 0.0) + binomial_pmf(c.d, s - 1, q)) / double(c.d + 1);
            const double expected = p * draws;
            if (expected < 5) {
                pooled_seen += seen[s];
                pooled_expected += expected;
                continue;
            }
            chi2 += (seen[s] - expected) * (seen[s] - expected) / expected;
            ++cells;
        }
        if (pooled_expected > 0) {
            chi2 +=
                (pooled_seen - pooled_expected) * (pooled_seen - pooled_expected) / std::max(pooled_expected, 1.0);
            ++cells;
        }
        INFO("d = " << c.d << ", q = " << q << ", " << cells << " cells, chi2 = " << chi2);
        // Far beyond the 99.99th percentile of chi-square with cells - 1
        // degrees of freedom (Wilson-Hilferty, z = 3.72); a wrong law (every
        // arc drawn once too often or too rarely) exceeds it many times.
        const double k = std::max(1, cells - 1);
        const double limit = k * std::pow(1 - 2 / (9 * k) + 3.72 * std::sqrt(2 / (9 * k)), 3);
        CHECK(chi2 < limit);
    }
}

TEST_CASE("the mean RR-set size equals the exact mean spread / n over all live-edge graphs", "[reach][influence]") {
    // 6 nodes, 12 arcs: 4096 live-edge graphs.
    const std::vector<NodeId> src{0, 1, 2, 3, 4, 5, 0, 2, 4, 1, 3, 5};
    const std::vector<NodeId> dst{1, 2, 3, 4, 5, 0, 2, 4, 1, 3, 5, 2};
    EdgeListOptions eo;
    eo.directed = true;
    const std::size_t n = 6, arcs = src.size();
    const Graph g = Graph::from_edges(n, src, dst, {}, eo);
    for (const bool weighted_cascade : {true, false}) {
        std::vector<double> p(arcs);
        std::vector<int> in_degree(n, 0);
        for (NodeId v : dst) ++in_degree[v];
        for (std::size_t a = 0; a < arcs; ++a) p[a] = weighted_cascade ? 1.0 / in_degree[dst[a]] : 0.45;
        double exact = 0;  // sum over worlds of P(world) * sum_u |reach(u)|
        for (std::uint32_t world = 0; world < (1u << arcs); ++world) {
            double pw = 1;
            for (std::size_t a = 0; a < arcs; ++a) pw *= (world >> a & 1) ? p[a] : 1 - p[a];
            for (NodeId u = 0; u < n; ++u) {
                std::vector<char> in(n, 0);
                std::vector<NodeId> queue{u};
                in[u] = 1;
                for (std::size_t h = 0; h < queue.size(); ++h)
                    for (std::size_t a = 0; a < arcs; ++a)
                        if ((world >> a & 1) && src[a] == queue[h] && !in[dst[a]]) {
                            in[dst[a]] = 1;
                            queue.push_back(dst[a]);
                        }
                exact += pw * double(queue.size());
            }
        }
        const double expected_size = exact / double(n);
        DiffusionOptions o;
        o.probability = weighted_cascade ? ProbabilityKind::weighted_cascade : ProbabilityKind::uniform;
        o.uniform_probability = 0.45;
        constexpr std::size_t count = 400000;
        const double mean = double(draw_rr_sets(g, count, o, 2020, 0)) / count;
        // A set has at most 6 members: the standard error is below
        // 2.5 / sqrt(count) = 0.004; allow five of them.
        INFO((weighted_cascade ? "weighted cascade" : "uniform 0.45")
             << ": exact " << expected_size << ", drawn " << mean);
        CHECK(std::abs(mean - expected_size) < 5 * 2.5 / std::sqrt(double(count)));
    }
}
