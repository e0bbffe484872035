#include "socialmap_test_graphs.hpp"

#include "verbind/error.hpp"
#include "verbind/socialmap/communities.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <numeric>
#include <set>

using namespace verbind;
using Catch::Matchers::Contains;

TEST_CASE("modularity of two triangles, by hand", "[socialmap]") {
    const Graph g = test::two_triangles();
    // m = 7; each triangle has 3 inner ties and degree sum 7:
    // Q = 2 * (3/7 - (7/14)^2) = 5/14.
    const std::vector<std::uint32_t> split{0, 0, 0, 1, 1, 1};
    CHECK(modularity(g, split) == Approx(5.0 / 14.0).epsilon(1e-15));
    // One community: Q = 7/7 - 1 = 0.
    const std::vector<std::uint32_t> one(6, 0);
    CHECK(modularity(g, one) == Approx(0.0).margin(1e-15));
    // Resolution 2: Q = 2 * (3/7 - 2 * 1/4) = -1/7.
    CHECK(modularity(g, split, 2.0) == Approx(-1.0 / 7.0).epsilon(1e-15));
}

TEST_CASE("directed modularity uses out- and in-strength", "[socialmap]") {
    // Arcs 0->1, 1->0, 1->2: m = 3. Community {0,1}: L = 2, out 3, in 2.
    // Community {2}: L = 0, out 0, in 1. Q = 2/3 - 3*2/9 = 0.
    const Graph g = test::graph_of(3, {{0, 1}, {1, 0}, {1, 2}}, {}, true);
    const std::vector<std::uint32_t> labels{0, 0, 1};
    CHECK(modularity(g, labels) == Approx(0.0).margin(1e-15));
}

TEST_CASE("modularity rejects a labelling of the wrong length", "[socialmap]") {
    const Graph g = test::two_triangles();
    const std::vector<std::uint32_t> short_labels{0, 0, 1};
    CHECK_THROWS_WITH(modularity(g, short_labels), Contains("labels has 3 entries, the graph has 6 nodes"));
    const Graph empty = test::graph_of(3, {});
    const std::vector<std::uint32_t> labels{0, 1, 2};
    CHECK_THROWS_AS(modularity(empty, labels), input_error);
}

TEST_CASE("Leiden and Louvain split two triangles", "[socialmap]") {
    const Graph g = test::two_triangles();
    for (auto method : {CommunityMethod::leiden, CommunityMethod::louvain}) {
        CommunityOptions options;
        options.method = method;
        const auto labels = communities(g, options);
        CHECK(labels == std::vector<std::uint32_t>{0, 0, 0, 1, 1, 1});
    }
}

TEST_CASE("communities on karate: good modularity, labels numbered by lowest node", "[socialmap]") {
    const Graph g = test::karate();
    for (auto method : {CommunityMethod::leiden, CommunityMethod::louvain}) {
        CommunityOptions options;
        options.method = method;
        options.seed = 7;
        const auto labels = communities(g, options);
        REQUIRE(labels.size() == 34);
        // The best known partition has Q = 0.4198 (Brandes et al. 2008);
        // Louvain and Leiden reach above 0.41 on it.
        CHECK(modularity(g, labels) > 0.41);
        std::uint32_t next = 0;
        for (auto l : labels) {
            CHECK(l <= next);
            if (l == next) ++next;
        }
    }
}

TEST_CASE("communities: same labels for the same seed whatever the thread count", "[socialmap]") {
    const Graph g = test::karate();
    for (auto method : {CommunityMethod::leiden, CommunityMethod::louvain}) {
        for (std::uint64_t seed : {1u, 2u, 99u}) {
            CommunityOptions options;
            options.method = method;
            options.seed = seed;
            options.threads = 1;
            const auto one = communities(g, options);
            options.threads = 0;
            CHECK(communities(g, options) == one);
            options.threads = 3;
            CHECK(communities(g, options) == one);
        }
    }
}

TEST_CASE("communities keeps isolated nodes alone and refuses bad input", "[socialmap]") {
    const Graph g = test::graph_of(5, {{0, 1}, {1, 2}, {0, 2}});
    const auto labels = communities(g);
    CHECK(labels == std::vector<std::uint32_t>{0, 0, 0, 1, 2});
    const Graph directed = test::graph_of(2, {{0, 1}}, {}, true);
    CHECK_THROWS_WITH(communities(directed), Contains("directed"));
    CommunityOptions options;
    options.resolution = -1;
    CHECK_THROWS_WITH(communities(g, options), Contains("resolution must be a positive"));
}

TEST_CASE("Leiden communities are connected", "[socialmap]") {
    const Graph g = test::karate();
    CommunityOptions options;
    options.seed = 3;
    const auto labels = communities(g, options);
    // Breadth-first search inside each community reaches all its members.
    std::set<std::uint32_t> checked;
    for (NodeId s = 0; s < g.num_nodes(); ++s) {
        if (!checked.insert(labels[s]).second) continue;
        std::vector<char> seen(g.num_nodes(), 0);
        std::vector<NodeId> stack{s};
        seen[s] = 1;
        std::size_t reached = 0;
        while (!stack.empty()) {
            const NodeId u = stack.back();
            stack.pop_back();
            ++reached;
            for (NodeId v : g.neighbors(u))
                if (!seen[v] && labels[v] == labels[s]) seen[v] = 1, stack.push_back(v);
        }
        CHECK(reached == static_cast<std::size_t>(std::count(labels.begin(), labels.end(), labels[s])));
    }
}

TEST_CASE("Leiden terminates when ties of weight 0 leave nothing to merge (fuzz_capi_arrays)",
          "[socialmap][limits]") {
    // The refinement merged nothing, the aggregate graph never shrank, and
    // the same round repeated for ever. Any result must now come back: a
    // label per node, numbered in order of each community's lowest node,
    // never worse than all singletons.
    const double tiny = std::numeric_limits<double>::denorm_min();
    const Graph g = test::graph_of(
        13, {{0, 3}, {0, 9}, {0, 12}, {1, 9}, {1, 10}, {3, 12}, {6, 10}, {7, 10}, {7, 12}, {8, 12}, {9, 10}},
        {0, tiny, 0, 0, 1e-10, 0, 1, 0, 0, 0, 0});
    for (auto method : {CommunityMethod::leiden, CommunityMethod::louvain}) {
        CommunityOptions o;
        o.method = method;
        o.resolution = std::nextafter(1.0, 0.0);
        const auto labels = communities(g, o);
        REQUIRE(labels.size() == 13);
        std::uint32_t next = 0;
        for (auto l : labels) {
            CHECK(l <= next);
            if (l == next) ++next;
        }
        std::vector<std::uint32_t> singletons(13);
        std::iota(singletons.begin(), singletons.end(), 0u);
        CHECK(modularity(g, labels, o.resolution) >= modularity(g, singletons, o.resolution) - 1e-12);
    }
}
