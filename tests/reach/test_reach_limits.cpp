// influence_max at the edges of its parameters (issue 11, item 8), the
// memory bound of the fair variant, and progress for very long runs: a
// certified result or a clear error, never inf, NaN or an empty run.
#include "verbind/error.hpp"
#include "verbind/reach/fair.hpp"
#include "verbind/reach/reach.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <cstdlib>
#include <limits>
#include <string>
#include <vector>

using namespace verbind;
using Catch::Matchers::Contains;

namespace {

Graph edges_of(std::size_t n, const std::vector<std::pair<NodeId, NodeId>>& edges, bool directed) {
    std::vector<NodeId> s, d;
    for (auto [a, b] : edges) s.push_back(a), d.push_back(b);
    EdgeListOptions o;
    o.directed = directed;
    return Graph::from_edges(n, s, d, {}, o);
}

const double greedy_ratio = 1.0 - std::exp(-1.0);

// What every result must satisfy: finite bounds no larger than the graph,
// at least one RR set, and the certified ratio.
void check_certified(const InfluenceResult& r, std::size_t n, double epsilon) {
    CHECK(r.rr_sets > 0);
    CHECK(std::isfinite(r.spread_lower_bound));
    CHECK(std::isfinite(r.extra_spread_lower_bound));
    CHECK(r.spread_lower_bound <= static_cast<double>(n));
    CHECK(r.spread_lower_bound >= r.extra_spread_lower_bound);
    CHECK(r.approximation >= greedy_ratio - epsilon);
    CHECK(r.approximation <= 1.0);
}

}  // namespace

TEST_CASE("influence_max on the issue's star: tiny epsilon gives a certified result", "[reach][limits]") {
    // 0 -> 1, 2, 3, 4 with weighted cascade: every arc has probability 1,
    // so seed 0 reaches all 5 people. epsilon = 1e-10 used to give
    // spread_lower_bound = inf and approximation = NaN (theta_max ~ 1e21
    // cast to an integer); 1e-300 makes epsilon^2 underflow to 0.
    const Graph star = edges_of(5, {{0, 1}, {0, 2}, {0, 3}, {0, 4}}, true);
    for (double eps : {1e-10, 1e-300, std::numeric_limits<double>::denorm_min()}) {
        INFO("epsilon " << eps);
        InfluenceOptions o;
        o.epsilon = eps;
        const InfluenceResult r = influence_max(star, 1, o);
        CHECK(r.seeds == std::vector<NodeId>{0});
        check_certified(r, 5, eps);
        CHECK(r.spread_lower_bound > 1.0);
    }
}

TEST_CASE("influence_max with delta at the edges of (0, 1)", "[reach][limits]") {
    // delta = 5e-324 used to give bounds of 0 with rr_sets = 0 (6 / delta
    // overflowed to infinity).
    const Graph star = edges_of(5, {{0, 1}, {0, 2}, {0, 3}, {0, 4}}, true);
    for (double delta : {std::numeric_limits<double>::denorm_min(), std::numeric_limits<double>::min(), 1e-300,
                         std::nextafter(1.0, 0.0)}) {
        INFO("delta " << delta);
        InfluenceOptions o;
        o.delta = delta;
        const InfluenceResult r = influence_max(star, 1, o);
        CHECK(r.seeds == std::vector<NodeId>{0});
        check_certified(r, 5, o.epsilon);
        CHECK(r.spread_lower_bound > 0.0);
        const InfluenceResult fair = fair_influence_max(star, 1, std::vector<std::uint32_t>{0, 0, 1, 1, 1}, o);
        CHECK(fair.seeds == std::vector<NodeId>{0});
        CHECK(std::isfinite(fair.spread_lower_bound));
        CHECK(fair.spread_lower_bound >= 0.0);
    }
    InfluenceOptions o;
    o.epsilon = std::nextafter(1.0, 0.0);
    check_certified(influence_max(star, 1, o), 5, o.epsilon);
    for (double bad : {0.0, 1.0, -0.0, std::nan(""), std::numeric_limits<double>::infinity()}) {
        o = {};
        o.delta = bad;
        REQUIRE_THROWS_WITH(influence_max(star, 1, o), Catch::StartsWith("delta must be in (0, 1)"));
        o = {};
        o.epsilon = bad;
        REQUIRE_THROWS_WITH(influence_max(star, 1, o), Catch::StartsWith("epsilon must be in (0, 1)"));
    }
    o = {};
    o.max_memory_bytes = 0;
    REQUIRE_THROWS_WITH(influence_max(star, 1, o), "max_memory_bytes must be at least 1");
}

TEST_CASE("influence_max refuses a certificate it cannot afford, and its suggestion fits", "[reach][limits]") {
    // 2000 people without ties, k = 1: every RR set is its root alone, and
    // certifying 1 - 1/e - 1e-9 takes ~10^6 sets per half, more than 16 MB
    // holds. The error names epsilon and the limit and suggests an epsilon
    // that keeps even the worst case within it: that one must then work.
    const Graph none = edges_of(2000, {}, false);
    InfluenceOptions o;
    // 1e-300: epsilon^2 underflows to 0 and theta_max is infinite.
    for (const auto& [eps, shown] : {std::pair{1e-9, "epsilon = 1e-09"}, std::pair{1e-300, "epsilon = 1e-300"}}) {
        o = {};
        o.epsilon = eps;
        o.max_memory_bytes = 16u << 20;
        std::string message;
        try {
            influence_max(none, 1, o);
        } catch (const input_error& e) {
            message = e.what();
        }
        INFO(message);
        REQUIRE_THAT(message,
                     Contains(shown) && Contains("max_memory_bytes = 16777216") && Contains("not certified after"));
        const auto at = message.find("Use epsilon >= ");
        REQUIRE(at != std::string::npos);
        const double suggested = std::strtod(message.c_str() + at + 15, nullptr);
        REQUIRE(suggested > eps);
        REQUIRE(suggested < 1.0);
        o.epsilon = suggested;
        const InfluenceResult r = influence_max(none, 1, o);
        check_certified(r, 2000, suggested);
    }
    // Refused before anything is drawn when not even the first round fits.
    o.epsilon = 0.1;
    o.max_memory_bytes = 1000;
    int calls = 0;
    o.progress = [&](double) { return ++calls > 0; };
    REQUIRE_THROWS_WITH(influence_max(none, 1, o), Contains("the first round needs"));
}

TEST_CASE("fair influence_max: labels checked in O(n), memory refused before drawing", "[reach][limits]") {
    const Graph star = edges_of(5, {{0, 1}, {0, 2}, {0, 3}, {0, 4}}, true);
    // 0xFFFFFFFF used to make a vector of 2^32 member lists (or wrap).
    REQUIRE_THROWS_WITH(fair_influence_max(star, 1, std::vector<std::uint32_t>{0, 0, 1, 1, 0xFFFFFFFFu}),
                        Contains("label 2 has no members"));
    REQUIRE_THROWS_WITH(fair_influence_max(star, 1, std::vector<std::uint32_t>{0, 0, 1, 1, 100000000u}),
                        Contains("label 2 has no members"));
    // 200 groups of 5 people: 200 * theta sets per half. Refused with the
    // estimate, before the progress callback is even called.
    std::vector<std::pair<NodeId, NodeId>> ring;
    for (NodeId v = 0; v < 1000; ++v) ring.emplace_back(v, (v + 1) % 1000);
    const Graph g = edges_of(1000, ring, false);
    std::vector<std::uint32_t> groups(1000);
    for (std::size_t v = 0; v < 1000; ++v) groups[v] = static_cast<std::uint32_t>(v / 5);
    InfluenceOptions o;
    o.epsilon = 0.05;
    o.max_memory_bytes = 64u << 20;
    int calls = 0;
    o.progress = [&](double) { return ++calls > 0; };
    REQUIRE_THROWS_WITH(fair_influence_max(g, 3, groups, o),
                        Contains("200 groups need") && Contains("max_memory_bytes = 67108864") && Contains(" GB"));
    CHECK(calls == 0);
    // With few groups the same options run, reporting progress up to 1.
    for (std::size_t v = 0; v < 1000; ++v) groups[v] = static_cast<std::uint32_t>(v / 500);
    std::vector<double> seen;
    o.progress = [&](double f) {
        seen.push_back(f);
        return true;
    };
    o.epsilon = 0.2;
    const InfluenceResult r = fair_influence_max(g, 3, groups, o);
    CHECK(r.seeds.size() == 3);
    REQUIRE(r.group_reach.size() == 2);
    REQUIRE(!seen.empty());
    CHECK(seen.back() == 1.0);
    CHECK(std::is_sorted(seen.begin(), seen.end()));
}

TEST_CASE("spread with 10^12 runs reports progress and can be cancelled", "[reach][limits]") {
    // The first report used to come after runs / 64 = 1.5e10 runs (hours).
    std::vector<std::pair<NodeId, NodeId>> path;
    for (NodeId v = 0; v + 1 < 200; ++v) path.emplace_back(v, v + 1);
    const Graph g = edges_of(200, path, false);
    SpreadOptions s;
    s.runs = std::size_t{1000000000000};
    std::vector<double> seen;
    s.progress = [&](double f) {
        seen.push_back(f);
        return seen.size() < 3;
    };
    const std::vector<NodeId> seeds{0};
    REQUIRE_THROWS_AS(spread(g, seeds, s), cancelled_error);
    CHECK(seen.size() == 3);
    CHECK(std::is_sorted(seen.begin(), seen.end()));
    // Batching does not change the estimate: with and without a callback.
    s.runs = 3000;
    s.progress = {};
    const SpreadResult plain = spread(g, seeds, s);
    s.progress = [](double) { return true; };
    const SpreadResult watched = spread(g, seeds, s);
    CHECK(plain.mean == watched.mean);
    CHECK(plain.standard_error == watched.standard_error);
}
