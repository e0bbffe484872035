// influence_max, fair_influence_max and spread across ranks (the overloads
// taking a Collective; issue 18), with 1..4 ranks run as threads
// (tests/util/thread_collective.hpp). The independent computation is the
// single-process call in the same run: the union of the ranks' work is
// exactly its work, so every result must be identical on every rank, bit
// for bit, for every rank count.
#include "../util/thread_collective.hpp"
#include "verbind/error.hpp"
#include "verbind/reach/fair.hpp"
#include "verbind/reach/spread.hpp"
#include "verbind/util/random.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <span>
#include <string>
#include <utility>
#include <vector>

using namespace verbind;
using verbind::testing::run_ranks;

namespace {

// A random graph of n nodes: a ring (so no node is isolated) plus random
// chords, with weights in (0, 0.5] for ProbabilityKind::weights.
Graph random_graph(std::size_t n, std::size_t chords, bool directed, std::uint64_t seed) {
    Rng rng(seed);
    std::vector<NodeId> src, dst;
    std::vector<double> w;
    for (NodeId v = 0; v < n; ++v) {
        src.push_back(v);
        dst.push_back(static_cast<NodeId>((v + 1) % n));
    }
    for (std::size_t i = 0; i < chords; ++i) {
        const auto a = static_cast<NodeId>(rng.below(n)), b = static_cast<NodeId>(rng.below(n));
        if (a == b) continue;
        src.push_back(a);
        dst.push_back(b);
    }
    for (std::size_t i = 0; i < src.size(); ++i) w.push_back(0.5 * (1.0 - rng.uniform()));
    EdgeListOptions o;
    o.directed = directed;
    o.duplicates = Merge::first;
    return Graph::from_edges(n, src, dst, w, o);
}

void require_same(const InfluenceResult& got, const InfluenceResult& alone) {
    CHECK(got.seeds == alone.seeds);
    CHECK(got.spread_lower_bound == alone.spread_lower_bound);
    CHECK(got.extra_spread_lower_bound == alone.extra_spread_lower_bound);
    if (std::isnan(alone.approximation))
        CHECK(std::isnan(got.approximation));
    else
        CHECK(got.approximation == alone.approximation);
    CHECK(got.rr_sets == alone.rr_sets);
    CHECK(got.group_reach == alone.group_reach);
}

}  // namespace

TEST_CASE("influence_max across 1..4 ranks is the single-process result on every rank", "[reach][ranks]") {
    const Graph directed = random_graph(300, 900, true, 11);
    const Graph undirected = random_graph(250, 500, false, 12);
    struct Case {
        const Graph* graph;
        DiffusionModel model;
        ProbabilityKind probability;
        std::vector<NodeId> candidates, fixed;
    };
    const std::vector<Case> cases = {
        {&directed, DiffusionModel::independent_cascade, ProbabilityKind::weighted_cascade, {}, {}},
        {&directed, DiffusionModel::linear_threshold, ProbabilityKind::weighted_cascade, {}, {}},
        {&undirected, DiffusionModel::independent_cascade, ProbabilityKind::weights, {}, {3, 40}},
        {&undirected, DiffusionModel::independent_cascade, ProbabilityKind::uniform, {}, {}},
        {&directed,
         DiffusionModel::independent_cascade,
         ProbabilityKind::weighted_cascade,
         {1, 5, 9, 13, 17, 21, 25, 29, 33, 37, 41, 45},
         {2}},
    };
    for (std::size_t c = 0; c < cases.size(); ++c) {
        InfluenceOptions o;
        o.diffusion.model = cases[c].model;
        o.diffusion.probability = cases[c].probability;
        o.diffusion.uniform_probability = 0.05;
        o.epsilon = 0.3;
        o.seed = 100 + c;
        o.threads = 2;
        o.candidates = cases[c].candidates;
        o.fixed = cases[c].fixed;
        const InfluenceResult alone = influence_max(*cases[c].graph, 4, o);
        REQUIRE(alone.seeds.size() == 4);
        REQUIRE(alone.rr_sets > 0);
        for (unsigned ranks = 1; ranks <= 4; ++ranks) {
            auto results = run_ranks(ranks, [&](Collective& collective) {
                return influence_max(*cases[c].graph, 4, o, collective);
            });
            for (unsigned r = 0; r < ranks; ++r) {
                INFO("case " << c << ", " << ranks << " ranks, rank " << r << ": " << results[r].message());
                REQUIRE(results[r].value);
                require_same(*results[r].value, alone);
            }
        }
    }
}

namespace {

// Forwards to another collective and counts the greedy picks' exchanges:
// each pick sums one count of members, then gathers them as a node list or
// sums them as n counts.
class CountingCollective final : public Collective {
public:
    explicit CountingCollective(Collective& inner) : inner_(inner) {}
    unsigned rank() const noexcept override { return inner_.rank(); }
    unsigned size() const noexcept override { return inner_.size(); }
    void sum(std::span<std::uint64_t> v) override {
        picks += v.size() == 1;
        inner_.sum(v);
    }
    void sum(std::span<double> v) override { inner_.sum(v); }
    void min(std::span<std::uint64_t> v) override { inner_.min(v); }
    void max(std::span<std::uint64_t> v) override { inner_.max(v); }
    std::vector<std::uint32_t> gather(std::span<const std::uint32_t> mine) override {
        ++gathered;
        return inner_.gather(mine);
    }
    std::vector<std::uint64_t> gather(std::span<const std::uint64_t> mine) override { return inner_.gather(mine); }
    void broadcast(std::span<std::byte> bytes, unsigned root) override { inner_.broadcast(bytes, root); }
    std::size_t picks = 0, gathered = 0;

private:
    Collective& inner_;
};

}  // namespace

TEST_CASE("a greedy pick that covers most sets sums counts instead of gathering members, with the same result",
          "[reach][ranks]") {
    // Uniform 0.5 on an undirected graph with chords: supercritical, nearly
    // every RR set holds most nodes, so the first pick's newly covered
    // members are far more than 2n. At 0.05 every pick's are few.
    const Graph g = random_graph(200, 400, false, 21);
    for (const double p : {0.5, 0.05}) {
        InfluenceOptions o;
        o.diffusion.probability = ProbabilityKind::uniform;
        o.diffusion.uniform_probability = p;
        o.epsilon = 0.3;
        o.seed = 7;
        const InfluenceResult alone = influence_max(g, 3, o);
        for (unsigned ranks = 2; ranks <= 3; ++ranks) {
            auto results = run_ranks(ranks, [&](Collective& collective) {
                CountingCollective counting(collective);
                InfluenceResult got = influence_max(g, 3, o, counting);
                return std::pair(std::move(got), counting.picks - counting.gathered);
            });
            for (unsigned r = 0; r < ranks; ++r) {
                INFO("p " << p << ", " << ranks << " ranks, rank " << r << ": " << results[r].message());
                REQUIRE(results[r].value);
                require_same(results[r].value->first, alone);
                if (p == 0.5)
                    CHECK(results[r].value->second >= 1);  // summed, not gathered
                else
                    CHECK(results[r].value->second == 0);
            }
        }
    }
}

TEST_CASE("fair_influence_max across 1..4 ranks is the single-process result on every rank", "[reach][ranks]") {
    const Graph g = random_graph(200, 600, true, 21);
    std::vector<std::uint32_t> group(g.num_nodes());
    for (NodeId v = 0; v < g.num_nodes(); ++v) group[v] = v % 3 == 0 ? 1 : (v % 7 == 0 ? 2 : 0);
    for (const DiffusionModel model : {DiffusionModel::independent_cascade, DiffusionModel::linear_threshold}) {
        InfluenceOptions o;
        o.diffusion.model = model;
        o.epsilon = 0.4;
        o.seed = 5;
        o.fixed = {7};
        const InfluenceResult alone = fair_influence_max(g, 3, group, o);
        REQUIRE(alone.group_reach.size() == 3);
        for (unsigned ranks = 1; ranks <= 4; ++ranks) {
            auto results = run_ranks(ranks, [&](Collective& collective) {
                return fair_influence_max(g, 3, group, o, collective);
            });
            for (unsigned r = 0; r < ranks; ++r) {
                INFO(ranks << " ranks, rank " << r << ": " << results[r].message());
                REQUIRE(results[r].value);
                require_same(*results[r].value, alone);
            }
        }
    }
}

TEST_CASE("spread across 1..4 ranks is the single-process result on every rank", "[reach][ranks]") {
    const Graph g = random_graph(300, 900, true, 31);
    const std::vector<NodeId> seeds{0, 17, 150};
    for (const DiffusionModel model : {DiffusionModel::independent_cascade, DiffusionModel::linear_threshold}) {
        SpreadOptions o;
        o.diffusion.model = model;
        o.runs = 1001;  // not a multiple of 2, 3 or 4: the ranks' shares differ
        o.seed = 9;
        const SpreadResult alone = spread(g, seeds, o);
        REQUIRE(alone.standard_error > 0);
        for (unsigned ranks = 1; ranks <= 4; ++ranks) {
            auto results = run_ranks(ranks, [&](Collective& collective) { return spread(g, seeds, o, collective); });
            for (unsigned r = 0; r < ranks; ++r) {
                INFO(ranks << " ranks, rank " << r << ": " << results[r].message());
                REQUIRE(results[r].value);
                CHECK(results[r].value->mean == alone.mean);
                CHECK(results[r].value->standard_error == alone.standard_error);
                CHECK(results[r].value->low == alone.low);
                CHECK(results[r].value->high == alone.high);
                CHECK(results[r].value->runs == alone.runs);
            }
        }
        // Fewer runs than ranks: the ranks without a run still take part.
        o.runs = 2;
        const SpreadResult two = spread(g, seeds, o);
        auto results = run_ranks(4, [&](Collective& collective) { return spread(g, seeds, o, collective); });
        for (const auto& r : results) {
            REQUIRE(r.value);
            CHECK(r.value->mean == two.mean);
            CHECK(r.value->standard_error == two.standard_error);
        }
    }
}

TEST_CASE("a bad input on one rank is the same error on every rank (no hang)", "[reach][ranks]") {
    const Graph g = random_graph(50, 100, true, 41);
    InfluenceOptions o;
    o.epsilon = 0.3;
    // k above the node count on rank 2 only.
    auto k_too_large = run_ranks(3, [&](Collective& c) { return influence_max(g, c.rank() == 2 ? 60 : 3, o, c); });
    for (const auto& r : k_too_large) {
        REQUIRE(r.error);
        CHECK_THROWS_AS(std::rethrow_exception(r.error), input_error);
        CHECK(r.message() == "rank 2: k = 60 is more than the 50 candidates");
    }
    // A seed only rank 1 names is out of range.
    SpreadOptions so;
    so.runs = 50;
    auto bad_seed = run_ranks(4, [&](Collective& c) {
        const std::vector<NodeId> seeds{1, c.rank() == 1 ? NodeId{77} : NodeId{2}};
        return spread(g, seeds, so, c);
    });
    for (const auto& r : bad_seed) {
        REQUIRE(r.error);
        CHECK_THROWS_AS(std::rethrow_exception(r.error), input_error);
        CHECK(r.message().rfind("rank 1: ", 0) == 0);
        CHECK(r.message().find("77") != std::string::npos);
    }
    // Bad options on two ranks: the lowest failing rank's message.
    auto bad_epsilon = run_ranks(4, [&](Collective& c) {
        InfluenceOptions mine = o;
        if (c.rank() >= 2) mine.epsilon = 1.5;
        return influence_max(g, 3, mine, c);
    });
    for (const auto& r : bad_epsilon) CHECK(r.message() == "rank 2: epsilon must be in (0, 1), got 1.5");
    // Groups of the wrong length on rank 0 only.
    auto bad_groups = run_ranks(2, [&](Collective& c) {
        const std::vector<std::uint32_t> group(c.rank() == 0 ? 49 : 50, 0);
        return fair_influence_max(g, 2, group, o, c);
    });
    for (const auto& r : bad_groups) CHECK(r.message() == "rank 0: groups has 49 labels for 50 nodes");
}

TEST_CASE("ranks that disagree on k or seed or epsilon or the graph are refused on every rank", "[reach][ranks]") {
    const Graph g = random_graph(60, 120, true, 51);
    InfluenceOptions o;
    o.epsilon = 0.3;
    o.seed = 3;
    auto k = run_ranks(3, [&](Collective& c) { return influence_max(g, c.rank() == 2 ? 6 : 5, o, c); });
    for (const auto& r : k) {
        CHECK_THROWS_AS(std::rethrow_exception(r.error), input_error);
        CHECK(r.message() == "influence_max: ranks disagree on k: rank 0 has 5, rank 2 has 6");
    }
    auto seed = run_ranks(2, [&](Collective& c) {
        InfluenceOptions mine = o;
        mine.seed = 3 + c.rank();
        return influence_max(g, 5, mine, c);
    });
    for (const auto& r : seed)
        CHECK(r.message() == "influence_max: ranks disagree on seed: rank 0 has 3, rank 1 has 4");
    auto epsilon = run_ranks(2, [&](Collective& c) {
        InfluenceOptions mine = o;
        if (c.rank() == 1) mine.epsilon = 0.25;
        return influence_max(g, 5, mine, c);
    });
    for (const auto& r : epsilon)
        CHECK(r.message() == "influence_max: ranks disagree on epsilon: rank 0 has 0.3, rank 1 has 0.25");
    // Same node and edge count, another arc: the fingerprint tells them apart.
    const Graph other = random_graph(60, 120, true, 52);
    auto graph = run_ranks(2, [&](Collective& c) { return influence_max(c.rank() ? other : g, 5, o, c); });
    for (const auto& r : graph) {
        REQUIRE(r.error);
        CHECK(r.message().find("influence_max: ranks disagree on the graph") == 0);
    }
    SpreadOptions so;
    so.runs = 10;
    auto runs = run_ranks(2, [&](Collective& c) {
        SpreadOptions mine = so;
        mine.runs = 10 + c.rank();
        return spread(g, std::vector<NodeId>{1}, mine, c);
    });
    for (const auto& r : runs) CHECK(r.message() == "spread: ranks disagree on runs: rank 0 has 10, rank 1 has 11");
}

TEST_CASE("a cancel on one rank cancels every rank", "[reach][ranks]") {
    const Graph g = random_graph(300, 900, true, 61);
    auto results = run_ranks(3, [&](Collective& c) {
        InfluenceOptions o;
        o.epsilon = 0.1;
        if (c.rank() == 1) o.progress = [](double) { return false; };
        return influence_max(g, 5, o, c);
    });
    for (const auto& r : results) {
        REQUIRE(r.error);
        CHECK_THROWS_AS(std::rethrow_exception(r.error), cancelled_error);
        CHECK(r.message().rfind("rank 1: ", 0) == 0);
    }
    auto spreads = run_ranks(2, [&](Collective& c) {
        SpreadOptions o;
        o.runs = 1000;
        if (c.rank() == 1) o.progress = [](double) { return false; };
        return spread(g, std::vector<NodeId>{0}, o, c);
    });
    for (const auto& r : spreads) CHECK_THROWS_AS(std::rethrow_exception(r.error), cancelled_error);
}
