#include "socialmap_test_graphs.hpp"

#include "verbind/datasets/sample.hpp"
#include "verbind/error.hpp"
#include "verbind/io/social_map_json.hpp"
#include "verbind/socialmap/brokerage.hpp"
#include "verbind/socialmap/centrality.hpp"
#include "verbind/socialmap/mixing.hpp"
#include "verbind/socialmap/social_map.hpp"
#include "verbind/socialmap/structure.hpp"

#include <catch2/catch.hpp>

#include <cmath>

using namespace verbind;
using Catch::Matchers::Contains;

TEST_CASE("betweenness and closeness of a path, by hand", "[socialmap]") {
    // Path 0-1-2-3: node 1 is between {0} and {2,3} (2 pairs), node 2 between
    // {0,1} and {3}. Normalised by (n-1)(n-2)/2 = 3 pairs: 2/3.
    const Graph g = test::graph_of(4, {{0, 1}, {1, 2}, {2, 3}});
    const auto b = betweenness(g);
    CHECK(b[0] == 0.0);
    CHECK(b[1] == Approx(2.0 / 3.0));
    BetweennessOptions raw;
    raw.normalized = false;
    CHECK(betweenness(g, raw)[2] == Approx(2.0));
    // Closeness of node 1: distances 1, 1, 2 -> 3/4.
    CHECK(closeness(g)[1] == Approx(3.0 / 4.0));
    // Harmonic of node 0: 1 + 1/2 + 1/3.
    CHECK(harmonic(g)[0] == Approx(1.0 + 0.5 + 1.0 / 3.0));
}

TEST_CASE("weighted betweenness takes the lighter detour", "[socialmap]") {
    // 0-1 weight 5; 0-2-1 weights 1 + 1: the shortest 0..1 path runs via 2.
    const Graph g = test::graph_of(3, {{0, 1}, {0, 2}, {2, 1}}, {5.0, 1.0, 1.0});
    BetweennessOptions o;
    o.weighted = true;
    o.normalized = false;
    const auto b = betweenness(g, o);
    CHECK(b[2] == Approx(1.0));
    CHECK(b[0] == 0.0);
}

TEST_CASE("results do not depend on the thread count", "[socialmap]") {
    const Graph g = test::karate();
    BetweennessOptions a, b;
    a.threads = 1;
    b.threads = 3;
    CHECK(betweenness(g, a) == betweenness(g, b));
    DistanceOptions c, d;
    c.threads = 1;
    d.threads = 4;
    CHECK(closeness(g, c) == closeness(g, d));
    PageRankOptions p, q;
    p.threads = 1;
    q.threads = 2;
    CHECK(pagerank(g, p) == pagerank(g, q));
}

TEST_CASE("pagerank sums to one and refuses bad personalization", "[socialmap]") {
    const Graph g = test::karate();
    double sum = 0;
    for (double x : pagerank(g)) sum += x;
    CHECK(sum == Approx(1.0).epsilon(1e-9));
    PageRankOptions o;
    o.personalization.assign(34, 0.0);
    CHECK_THROWS_WITH(pagerank(g, o), Contains("must sum to a positive value"));
    o.personalization.assign(3, 1.0);
    CHECK_THROWS_WITH(pagerank(g, o), Contains("personalization has 3 entries"));
}

TEST_CASE("structure of two triangles joined by a bridge", "[socialmap]") {
    const Graph g = test::two_triangles();
    CHECK(articulation_points(g) == std::vector<NodeId>{2, 3});
    CHECK(bridges(g) == std::vector<std::pair<NodeId, NodeId>>{{2, 3}});
    CHECK(core_number(g) == std::vector<std::uint32_t>(6, 2));
    const Graph d = test::graph_of(3, {{0, 1}}, {}, true);
    CHECK_THROWS_WITH(bridges(d), Contains("not defined for directed graphs"));
    CHECK(components(test::graph_of(4, {{2, 3}})) == std::vector<std::uint32_t>{0, 1, 2, 2});
}

TEST_CASE("constraint of a star centre and leaves", "[socialmap]") {
    // Star with centre 0 and three leaves: centre p = 1/3 to each, no
    // indirect paths: constraint 3 * (1/3)^2 = 1/3; a leaf: 1. Effective
    // size of the centre: 3 - 0 = 3.
    const Graph g = test::graph_of(4, {{0, 1}, {0, 2}, {0, 3}});
    const auto c = constraint(g);
    CHECK(c[0] == Approx(1.0 / 3.0));
    CHECK(c[1] == Approx(1.0));
    CHECK(effective_size(g)[0] == Approx(3.0));
    CHECK(std::isnan(constraint(test::graph_of(2, {}))[0]));
}

TEST_CASE("E-I index and its analytic baseline", "[socialmap]") {
    const Graph g = test::two_triangles();
    const std::vector<std::uint32_t> groups{0, 0, 0, 1, 1, 1};
    CHECK(ei_index(g, groups) == Approx((1.0 - 6.0) / 7.0));
    ExpectedEIOptions o;
    o.permutations = 500;
    o.seed = 1;
    const auto r = expected_ei_index(g, groups, o);
    // P(same group) = 2 * 3 * 2 / (6 * 5) = 2/5: expected 1 - 4/5 = 1/5.
    CHECK(r.analytic == Approx(0.2));
    o.threads = 1;
    const auto one = expected_ei_index(g, groups, o);
    CHECK(one.expected == r.expected);
    const std::vector<std::uint32_t> wrong{0, 1};
    CHECK_THROWS_WITH(ei_index(g, wrong), Contains("groups has 2 entries, the graph has 6 nodes"));
    // Perfect assortativity: groups coincide with the triangles but for the bridge.
    CHECK(assortativity(g, groups) > 0.5);
}

TEST_CASE("social map of the sample programme keeps sensitive groups out", "[socialmap]") {
    const Network net = sample_programme();
    SocialMapOptions o;
    o.municipality = "Groningen";
    o.top = 3;
    const SocialMap map = social_map(net, o);
    CHECK(map.people > 0);
    CHECK(map.key_figures.size() == 3);
    const std::string json = to_json(map);
    for (const auto& group : net.sensitive_groups()) CHECK(json.find('"' + group + '"') == std::string::npos);
    for (const auto& c : map.communities)
        for (const auto& gc : c.groups) CHECK((!gc.people || *gc.people >= suppression_threshold));
    o.top = 0;
    CHECK_THROWS_WITH(social_map(net, o), Contains("top must be at least 1"));
}
