// Labels are names, not sizes (issue 11, item 2): every function taking a
// labelling gives the same answer whatever values name the groups, never
// sizes anything by a label's value, and names the node whose label it
// cannot use.
#include "socialmap_test_graphs.hpp"

#include "verbind/error.hpp"
#include "verbind/graph/labels.hpp"
#include "verbind/socialmap/communities.hpp"
#include "verbind/socialmap/mixing.hpp"
#include "verbind/util/random.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <map>
#include <vector>

using namespace verbind;
using Catch::Matchers::Contains;

namespace {

constexpr std::uint32_t max_label = std::numeric_limits<std::uint32_t>::max();

// The same partition under other names: label l becomes names[l].
std::vector<std::uint32_t> renamed(const std::vector<std::uint32_t>& labels,
                                   const std::vector<std::uint32_t>& names) {
    std::vector<std::uint32_t> out;
    for (auto l : labels) out.push_back(names.at(l));
    return out;
}

}  // namespace

TEST_CASE("compact_labels ranks labels by value and keeps dense labels as they are", "[socialmap][labels]") {
    const std::vector<std::uint32_t> labels{7, max_label, 7, 100000000, 0};
    const CompactLabels c = compact_labels(labels);
    CHECK(c.value == std::vector<std::uint32_t>{0, 7, 100000000, max_label});
    CHECK(c.code == std::vector<std::uint32_t>{1, 3, 1, 2, 0});
    CHECK_FALSE(c.dense());
    const std::vector<std::uint32_t> dense{2, 0, 1, 1};
    CHECK(compact_labels(dense).code == dense);
    CHECK(compact_labels(dense).dense());
    CHECK(compact_labels(std::vector<std::uint32_t>{}).count() == 0);
}

TEST_CASE("modularity with the label 0xFFFFFFFF: the C repro of issue 11, by hand", "[socialmap][labels]") {
    // Path 0-1-2-3 with communities {0,1}, {2}, {3}. m = 3; inside: 1 tie in
    // {0,1}; degree sums 3, 2, 1: Q = 1/3 - (9 + 4 + 1) / 36 = -1/18.
    const Graph g = test::graph_of(4, {{0, 1}, {1, 2}, {2, 3}});
    const std::vector<std::uint32_t> labels{0, 0, max_label, 1};
    CHECK(modularity(g, labels) == Approx(-1.0 / 18.0));
    // Before the fix, `k = max(k, l + 1)` wrapped to 0 here and the sums
    // were written out of bounds; E-I and assortativity took the same path.
    // E-I: ties 0-1 inside, 1-2 and 2-3 between: (2 - 1) / 3.
    CHECK(ei_index(g, labels) == Approx(1.0 / 3.0));
    ExpectedEIOptions o;
    o.permutations = 50;
    CHECK(expected_ei_index(g, labels, o).observed == Approx(1.0 / 3.0));
    // Assortativity (networkx: each tie both ways, 6 entries of M): trace
    // 2/6; row sums a = (3, 1, 2)/6 for {0,1}, {3}, {2}: sum a^2 = 14/36.
    const double t = 2.0 / 6.0, s = 14.0 / 36.0;
    CHECK(assortativity(g, labels) == Approx((t - s) / (1.0 - s)));
}

TEST_CASE("every labelling function gives the same answer under any names for the groups", "[socialmap][labels]") {
    // The class of test that would have caught the wrap-around: random
    // partitions of random graphs, named once 0..G-1 and once by huge,
    // sparse and extreme values (0xFFFFFFFF, 1e8, 2^31), compared.
    Rng rng(11, 2);
    for (int trial = 0; trial < 40; ++trial) {
        const std::size_t n = 2 + rng.below(30);
        const std::size_t groups = 1 + rng.below(std::min<std::size_t>(n, 6));
        std::vector<std::pair<NodeId, NodeId>> edges;
        const std::size_t m = rng.below(3 * n);
        for (std::size_t e = 0; e < m; ++e) {
            const auto u = static_cast<NodeId>(rng.below(n)), v = static_cast<NodeId>(rng.below(n));
            if (u != v) edges.emplace_back(u, v);
        }
        const bool directed = trial % 3 == 0;
        std::vector<NodeId> src, dst;
        for (auto [u, v] : edges) src.push_back(u), dst.push_back(v);
        EdgeListOptions eo;
        eo.directed = directed;
        eo.duplicates = Merge::first;
        const Graph g = Graph::from_edges(n, src, dst, {}, eo);
        std::vector<std::uint32_t> labels(n);
        for (auto& l : labels) l = static_cast<std::uint32_t>(rng.below(groups));
        const std::vector<std::uint32_t> names{max_label, 100000000, 0x80000000u, 3, max_label - 1, 12345};
        const std::vector<std::uint32_t> other = renamed(labels, names);
        INFO("trial " << trial << ", n " << n << ", ties " << m);

        bool has_weight = false;
        for (NodeId u = 0; u < n && !has_weight; ++u) has_weight = g.arc_end(u) > g.arc_begin(u);
        if (has_weight) {
            CHECK(modularity(g, other) == Approx(modularity(g, labels)).margin(1e-12));
            CHECK(modularity(g, other, 0.5) == Approx(modularity(g, labels, 0.5)).margin(1e-12));
        }
        const double ei = ei_index(g, labels), ei_other = ei_index(g, other);
        CHECK((std::isnan(ei) ? std::isnan(ei_other) : ei == ei_other));
        const double r = assortativity(g, labels), r_other = assortativity(g, other);
        CHECK((std::isnan(r) ? std::isnan(r_other) : r == Approx(r_other).margin(1e-12)));
        ExpectedEIOptions o;
        o.permutations = 30;
        o.seed = static_cast<std::uint64_t>(trial);
        const ExpectedEI a = expected_ei_index(g, labels, o), b = expected_ei_index(g, other, o);
        CHECK(a.permutations == b.permutations);
        if (!std::isnan(a.observed)) {
            CHECK(a.expected == b.expected);
            CHECK(a.p_value == b.p_value);
            CHECK(a.analytic == Approx(b.analytic));
        }
    }
}

TEST_CASE("ei_index per group is indexed by label, so labels must be below the node count", "[socialmap][labels]") {
    const Graph g = test::graph_of(4, {{0, 1}, {1, 2}, {2, 3}});
    const std::vector<std::uint32_t> labels{0, 0, max_label, 1};
    REQUIRE_THROWS_AS(ei_index_per_group(g, labels), input_error);
    REQUIRE_THROWS_WITH(ei_index_per_group(g, labels), Contains("groups[2] is 4294967295"));
    // Labels 0 and 3 of 4 nodes are fine: entries 1 and 2 are NaN (no members).
    const auto per = ei_index_per_group(g, std::vector<std::uint32_t>{0, 0, 3, 3});
    REQUIRE(per.size() == 4);
    CHECK(per[0] == 0.0);  // {0,1}: tie 0-1 inside, 1-2 out: (1 - 1) / 2
    CHECK(std::isnan(per[1]));
    CHECK(std::isnan(per[2]));
    CHECK(per[3] == 0.0);  // {2,3}: tie 2-3 inside, 1-2 out
}

TEST_CASE("expected_ei_index without ties is undefined: NaN throughout, no permutation", "[socialmap][labels]") {
    // (Graphs have no self-loops: from_edges refuses or drops them.)
    for (const Graph& g : {test::graph_of(4, {}), test::graph_of(3, {}, {}, true)}) {
        const std::vector<std::uint32_t> labels(g.num_nodes() == 4 ? 4 : 3, 0);
        std::vector<std::uint32_t> two = labels;
        two[0] = 1;
        const ExpectedEI r = expected_ei_index(g, two);
        CHECK(std::isnan(r.observed));
        CHECK(std::isnan(r.expected));
        CHECK(std::isnan(r.std_dev));
        CHECK(std::isnan(r.analytic));
        CHECK(std::isnan(r.p_value));
        CHECK(r.permutations == 0);
    }
}

TEST_CASE("expected_ei_index reports progress, can be cancelled, and batches do not change it",
          "[socialmap][labels]") {
    const Graph g = test::karate();
    std::vector<std::uint32_t> labels(34);
    for (std::size_t v = 0; v < 34; ++v) labels[v] = v < 17 ? 0 : 1;
    ExpectedEIOptions o;
    o.permutations = 4000;
    o.seed = 5;
    const ExpectedEI plain = expected_ei_index(g, labels, o);
    std::vector<double> seen;
    o.progress = [&](double f) {
        seen.push_back(f);
        return true;
    };
    const ExpectedEI watched = expected_ei_index(g, labels, o);
    CHECK(watched.expected == plain.expected);
    CHECK(watched.p_value == plain.p_value);
    REQUIRE(seen.size() >= 2);
    CHECK(seen.front() == 0.0);
    CHECK(seen.back() == 1.0);
    CHECK(std::is_sorted(seen.begin(), seen.end()));
    // One thread or three: the same histogram of relabellings.
    o.progress = {};
    o.threads = 1;
    const ExpectedEI one = expected_ei_index(g, labels, o);
    o.threads = 3;
    CHECK(expected_ei_index(g, labels, o).expected == one.expected);
    CHECK(one.expected == plain.expected);
    // Independently: the same relabellings drawn here, one by one (the
    // library keeps only a histogram of them).
    std::vector<double> values;
    for (std::size_t p = 0; p < 4000; ++p) {
        std::vector<std::uint32_t> shuffled = labels;
        Rng rng(5, p);
        rng.shuffle(shuffled.begin(), shuffled.end());
        values.push_back(ei_index(g, shuffled));
    }
    double mean = 0, var = 0;
    for (double v : values) mean += v / 4000.0;
    for (double v : values) var += (v - mean) * (v - mean) / 3999.0;
    std::size_t hits = 0;
    for (double v : values) hits += std::abs(v - mean) >= std::abs(plain.observed - mean) - 1e-12;
    CHECK(plain.expected == Approx(mean).margin(1e-12));
    CHECK(plain.std_dev == Approx(std::sqrt(var)).margin(1e-12));
    CHECK(plain.p_value == Approx((1.0 + static_cast<double>(hits)) / 4001.0));
    // The mean over relabellings is close to the exact mean (analytic).
    CHECK(plain.expected == Approx(plain.analytic).margin(0.02));
    // 10^12 permutations would run for days: cancelling must stop it (it
    // did not allocate 8 TB for the values first, and reports in batches).
    o.permutations = std::size_t{1000000000000};
    int calls = 0;
    o.progress = [&](double) { return ++calls < 3; };
    REQUIRE_THROWS_AS(expected_ei_index(g, labels, o), cancelled_error);
    CHECK(calls == 3);
}
