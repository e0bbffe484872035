// Betweenness, closeness and harmonic across ranks (the overloads taking a
// verbind::Collective; issue 18), with N ranks as N threads
// (tests/util/thread_collective.hpp). Each distributed result is compared
// with the single-process call in the same run, and a path with its values
// by hand.
#include "../util/thread_collective.hpp"
#include "socialmap_test_graphs.hpp"

#include "verbind/error.hpp"
#include "verbind/socialmap/centrality.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <random>
#include <string>

using namespace verbind;
using verbind::testing::run_ranks;

namespace {

// n nodes, about m random ties (duplicates merged), weights 1..5 when asked.
Graph random_graph(std::size_t n, std::size_t m, bool directed, bool weighted, unsigned seed) {
    std::mt19937 rng(seed);
    std::vector<NodeId> src, dst;
    std::vector<double> w;
    for (std::size_t i = 0; i < m; ++i) {
        const auto a = static_cast<NodeId>(rng() % n), b = static_cast<NodeId>(rng() % n);
        if (a == b) continue;
        src.push_back(a), dst.push_back(b), w.push_back(1.0 + static_cast<double>(rng() % 5));
    }
    EdgeListOptions options;
    options.directed = directed;
    options.duplicates = Merge::first;
    return Graph::from_edges(n, src, dst, weighted ? std::span<const double>(w) : std::span<const double>(), options);
}

// Every rank returned a value, all bit-identical, and it equals `expected`
// to 1e-12 relative (bit-identical when `exact`).
template <class Results>
void check_ranks(const Results& results, const std::vector<double>& expected, bool exact) {
    for (std::size_t r = 0; r < results.size(); ++r) {
        INFO("rank " << r << ": " << results[r].message());
        REQUIRE(results[r].value.has_value());
        CHECK(*results[r].value == *results[0].value);
    }
    const std::vector<double>& got = *results[0].value;
    REQUIRE(got.size() == expected.size());
    if (exact) {
        CHECK(got == expected);
        return;
    }
    for (std::size_t v = 0; v < got.size(); ++v) {
        INFO("node " << v << ": " << got[v] << " vs " << expected[v]);
        CHECK(std::abs(got[v] - expected[v]) <= 1e-12 * std::max(std::abs(got[v]), std::abs(expected[v])));
    }
}

// Every rank threw the same exception of type E with this message.
template <class E, class Results>
void check_same_error(const Results& results, const std::string& message) {
    for (std::size_t r = 0; r < results.size(); ++r) {
        INFO("rank " << r);
        REQUIRE(results[r].error);
        CHECK(results[r].message() == message);
        CHECK_THROWS_AS(std::rethrow_exception(results[r].error), E);
    }
}

std::vector<Graph> test_graphs() {
    std::vector<Graph> graphs;
    graphs.push_back(test::karate());
    graphs.push_back(random_graph(300, 900, false, false, 1));  // 5 batches of 64 sources
    graphs.push_back(random_graph(200, 700, true, false, 2));
    graphs.push_back(random_graph(150, 500, false, true, 3));
    graphs.push_back(random_graph(150, 500, true, true, 4));
    // Isolated nodes and two components.
    graphs.push_back(test::graph_of(9, {{0, 1}, {1, 2}, {2, 3}, {5, 6}, {6, 7}}));
    return graphs;
}

}  // namespace

TEST_CASE("distributed betweenness equals the single-process result for 1 to 4 ranks", "[centrality][collective]") {
    for (const Graph& g : test_graphs()) {
        for (const bool weighted : {false, true}) {
            for (const std::optional<std::size_t> samples :
                 {std::optional<std::size_t>(), std::optional<std::size_t>(7)}) {
                for (const bool normalized : {true, false}) {
                    BetweennessOptions o;
                    o.weighted = weighted;
                    o.samples = samples;
                    o.seed = 11;
                    o.normalized = normalized;
                    o.threads = 2;
                    const std::vector<double> expected = betweenness(g, o);
                    for (unsigned ranks = 1; ranks <= 4; ++ranks) {
                        INFO("nodes " << g.num_nodes() << (g.directed() ? " directed" : "")
                                      << (g.weighted() ? " weighted" : "") << ", weighted " << weighted
                                      << ", samples " << samples.value_or(0) << ", normalized " << normalized
                                      << ", ranks " << ranks);
                        check_ranks(run_ranks(ranks, [&](Collective& c) { return betweenness(g, o, c); }), expected,
                                    ranks == 1);
                    }
                }
            }
        }
    }
}

TEST_CASE("distributed closeness and harmonic equal the single-process result for 1 to 4 ranks",
          "[centrality][collective]") {
    for (const Graph& g : test_graphs()) {
        for (const bool weighted : {false, true}) {
            DistanceOptions o;
            o.weighted = weighted;
            o.threads = 2;
            const std::vector<double> close = closeness(g, o), harm = harmonic(g, o);
            for (unsigned ranks = 1; ranks <= 4; ++ranks) {
                INFO("nodes " << g.num_nodes() << (g.directed() ? " directed" : "")
                              << (g.weighted() ? " weighted" : "") << ", weighted " << weighted << ", ranks "
                              << ranks);
                // Closeness sums integer counts and distances (weighted: each
                // node's sums come from one rank): identical for any rank count.
                check_ranks(run_ranks(ranks, [&](Collective& c) { return closeness(g, o, c); }), close, true);
                const bool weighted_sums = weighted && g.weighted();
                check_ranks(run_ranks(ranks, [&](Collective& c) { return harmonic(g, o, c); }), harm,
                            ranks == 1 || weighted_sums);
            }
        }
    }
}

TEST_CASE("distributed centralities of a path, by hand", "[centrality][collective]") {
    // Path 0-1-2-3-4 over 3 ranks: node 1 lies between 0 and {2,3,4} (3
    // pairs), node 2 between {0,1} and {3,4} (4 pairs); normalised by
    // (n-1)(n-2)/2 = 6 pairs.
    const Graph g = test::graph_of(5, {{0, 1}, {1, 2}, {2, 3}, {3, 4}});
    const auto b = run_ranks(3, [&](Collective& c) { return betweenness(g, {}, c); });
    const auto close = run_ranks(3, [&](Collective& c) { return closeness(g, {}, c); });
    const auto harm = run_ranks(3, [&](Collective& c) { return harmonic(g, {}, c); });
    for (unsigned r = 0; r < 3; ++r) {
        REQUIRE(b[r].value);
        CHECK((*b[r].value)[0] == 0.0);
        CHECK((*b[r].value)[1] == Approx(3.0 / 6.0));
        CHECK((*b[r].value)[2] == Approx(4.0 / 6.0));
        CHECK((*b[r].value)[3] == Approx(3.0 / 6.0));
        REQUIRE(close[r].value);
        CHECK((*close[r].value)[2] == Approx(4.0 / 6.0));  // distances 2, 1, 1, 2
        REQUIRE(harm[r].value);
        CHECK((*harm[r].value)[0] == Approx(1.0 + 1.0 / 2 + 1.0 / 3 + 1.0 / 4));
    }
}

TEST_CASE("distributed results do not depend on the thread count within a rank", "[centrality][collective]") {
    const Graph g = random_graph(300, 1200, false, false, 5);
    for (unsigned ranks = 2; ranks <= 3; ++ranks) {
        auto run = [&](unsigned threads) {
            BetweennessOptions b;
            b.threads = threads;
            DistanceOptions d;
            d.threads = threads;
            auto one = run_ranks(ranks, [&](Collective& c) { return betweenness(g, b, c); });
            auto two = run_ranks(ranks, [&](Collective& c) { return harmonic(g, d, c); });
            REQUIRE(one[0].value);
            REQUIRE(two[0].value);
            return std::make_pair(*one[0].value, *two[0].value);
        };
        CHECK(run(1) == run(3));
    }
}

TEST_CASE("distributed betweenness with more ranks than sampled sources, and of the null graph",
          "[centrality][collective]") {
    const Graph g = test::karate();
    BetweennessOptions o;
    o.samples = 2;
    check_ranks(run_ranks(4, [&](Collective& c) { return betweenness(g, o, c); }), betweenness(g, o), false);
    const Graph empty = test::graph_of(0, {});
    check_ranks(run_ranks(3, [&](Collective& c) { return betweenness(empty, {}, c); }), {}, true);
    check_ranks(run_ranks(3, [&](Collective& c) { return closeness(empty, {}, c); }), {}, true);
}

TEST_CASE("bad input on one rank is the same error on every rank", "[centrality][collective]") {
    const Graph g = test::karate();
    SECTION("samples 0 on rank 2 only") {
        check_same_error<input_error>(
            run_ranks(3,
                      [&](Collective& c) {
                          BetweennessOptions o;
                          if (c.rank() == 2) o.samples = 0;
                          return betweenness(g, o, c);
                      }),
            "rank 2: betweenness: samples must be at least 1 (none: every node is a source)");
    }
    SECTION("more samples than nodes on rank 1 only") {
        check_same_error<input_error>(run_ranks(4,
                                                [&](Collective& c) {
                                                    BetweennessOptions o;
                                                    o.samples = c.rank() == 1 ? 35 : 10;
                                                    return betweenness(g, o, c);
                                                }),
                                      "rank 1: betweenness: samples must be in 1..34 (the number of nodes), got 35");
    }
    SECTION("a different sample count per rank") {
        check_same_error<input_error>(run_ranks(3,
                                                [&](Collective& c) {
                                                    BetweennessOptions o;
                                                    o.samples = c.rank() == 2 ? 12 : 10;
                                                    return betweenness(g, o, c);
                                                }),
                                      "betweenness: ranks disagree on samples: rank 0 has 10, rank 2 has 12");
    }
    SECTION("a different seed on rank 1") {
        check_same_error<input_error>(run_ranks(2,
                                                [&](Collective& c) {
                                                    BetweennessOptions o;
                                                    o.samples = 10;
                                                    o.seed = c.rank() + 5;
                                                    return betweenness(g, o, c);
                                                }),
                                      "betweenness: ranks disagree on seed: rank 0 has 5, rank 1 has 6");
    }
    SECTION("normalized on one rank only") {
        check_same_error<input_error>(run_ranks(2,
                                                [&](Collective& c) {
                                                    BetweennessOptions o;
                                                    o.normalized = c.rank() == 0;
                                                    return betweenness(g, o, c);
                                                }),
                                      "betweenness: ranks disagree on normalized: rank 0 has true, rank 1 has false");
    }
    SECTION("weighted on one rank only (closeness)") {
        check_same_error<input_error>(run_ranks(3,
                                                [&](Collective& c) {
                                                    DistanceOptions o;
                                                    o.weighted = c.rank() == 1;
                                                    return closeness(g, o, c);
                                                }),
                                      "closeness: ranks disagree on weighted: rank 0 has false, rank 1 has true");
    }
    SECTION("a graph with another node count on rank 3") {
        const Graph small = test::two_triangles();
        check_same_error<input_error>(
            run_ranks(4, [&](Collective& c) { return harmonic(c.rank() == 3 ? small : g, {}, c); }),
            "harmonic: ranks disagree on the graph's node count: rank 0 has 34, rank 3 has 6");
    }
    SECTION("a directed graph on rank 1") {
        const Graph a = test::graph_of(3, {{0, 1}, {1, 2}});
        const Graph b = test::graph_of(3, {{0, 1}, {1, 2}}, {}, true);
        check_same_error<input_error>(
            run_ranks(2, [&](Collective& c) { return betweenness(c.rank() == 1 ? b : a, {}, c); }),
            "betweenness: ranks disagree on the graph: rank 0 has an undirected graph, rank 1 has a directed graph");
    }
    SECTION("the same size but another tie on rank 2") {
        const Graph a = test::graph_of(4, {{0, 1}, {1, 2}, {2, 3}});
        const Graph b = test::graph_of(4, {{0, 1}, {1, 2}, {1, 3}});
        const auto results = run_ranks(3, [&](Collective& c) { return closeness(c.rank() == 2 ? b : a, {}, c); });
        for (const auto& r : results) {
            REQUIRE(r.error);
            CHECK_THAT(r.message(), Catch::StartsWith("closeness: ranks disagree on the graph's arcs (fingerprint): "
                                                      "rank 0 has 0x"));
            CHECK_THAT(r.message(), Catch::Contains(", rank 2 has 0x"));
            CHECK(r.message() == results[0].message());
        }
    }
    SECTION("other weights on rank 1, used only when weighted") {
        const Graph a = test::graph_of(3, {{0, 1}, {1, 2}}, {1.0, 2.0});
        const Graph b = test::graph_of(3, {{0, 1}, {1, 2}}, {1.0, 3.0});
        DistanceOptions o;
        o.weighted = true;
        const auto results = run_ranks(2, [&](Collective& c) { return harmonic(c.rank() == 1 ? b : a, o, c); });
        for (const auto& r : results) CHECK_THAT(r.message(), Catch::Contains("ranks disagree on the graph's arcs"));
        // Unweighted, the weights do not matter and the ranks agree.
        const auto plain = run_ranks(2, [&](Collective& c) { return harmonic(c.rank() == 1 ? b : a, {}, c); });
        check_ranks(plain, harmonic(a), false);
    }
    SECTION("a progress callback cancelling on rank 1") {
        check_same_error<cancelled_error>(run_ranks(3,
                                                    [&](Collective& c) {
                                                        BetweennessOptions o;
                                                        if (c.rank() == 1) o.progress = [](double) { return false; };
                                                        return betweenness(g, o, c);
                                                    }),
                                          "rank 1: cancelled by the progress callback");
    }
}
