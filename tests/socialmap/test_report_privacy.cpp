// The social map's small-cell suppression (through suppress_small_cells),
// progress and cancellation of the long calls, and the shortest-path
// measures against a plain breadth-first reference on graphs large enough to
// use several blocks and bit-parallel batches.
#include "socialmap_test_graphs.hpp"

#include "verbind/error.hpp"
#include "verbind/io/social_map_json.hpp"
#include "verbind/socialmap/centrality.hpp"
#include "verbind/socialmap/communities.hpp"
#include "verbind/socialmap/social_map.hpp"
#include "verbind/util/random.hpp"

#include <catch2/catch.hpp>

#include <deque>
#include <map>
#include <string>

using namespace verbind;
using Catch::Matchers::Contains;

namespace {

// Two cliques joined by one tie: A (30 people) and B (12). Everyone declares
// one group: in A, 20 "G" and 10 "H"; in B, 5 "G" and 7 "H". Neighbourhoods:
// all of A in Noord; B0..B9 in Zuid, B10 and B11 in Oost.
Network two_cliques() {
    Network net;
    auto clique = [&](const std::string& prefix, int size, int in_g, auto&& place_of) {
        for (int i = 0; i < size; ++i) {
            ResidentInfo info;
            info.groups = {i < in_g ? "G" : "H"};
            info.neighbourhood = place_of(i);
            net.add_resident(prefix + std::to_string(i), info);
        }
        for (int i = 0; i < size; ++i)
            for (int j = i + 1; j < size; ++j) net.add_tie(prefix + std::to_string(i), prefix + std::to_string(j));
    };
    clique("A", 30, 20, [](int) { return std::string("Noord"); });
    clique("B", 12, 5, [](int i) { return std::string(i < 10 ? "Zuid" : "Oost"); });
    net.add_tie("A0", "B0");
    return net;
}

const CommunitySummary& community_of_size(const SocialMap& map, std::size_t size) {
    for (const auto& c : map.communities)
        if (c.size == size) return c;
    FAIL("no community of size " << size);
    throw;
}

std::optional<std::size_t> group_count(const CommunitySummary& c, const std::string& group) {
    for (const auto& gc : c.groups)
        if (gc.group == group) return gc.people;
    FAIL("group " << group << " not listed");
    return std::nullopt;
}

const Gap& gap_named(const SocialMap& map, const std::string& name) {
    for (const auto& gap : map.gaps)
        if (gap.name == name) return gap;
    FAIL("no gap " << name);
    throw;
}

}  // namespace

TEST_CASE("social map: a count the old < 10 rule leaked through a total stays hidden", "[socialmap]") {
    const Network net = two_cliques();
    SocialMapOptions o;
    o.top = 20;
    o.seed = 1;

    // With min_cell 1 nothing is suppressed: the true table.
    o.min_cell = 1;
    const SocialMap open = social_map(net, o);
    REQUIRE(open.communities.size() == 2);
    CHECK(group_count(community_of_size(open, 30), "G") == 20u);
    CHECK(group_count(community_of_size(open, 30), "H") == 10u);
    CHECK(group_count(community_of_size(open, 12), "G") == 5u);
    CHECK(group_count(community_of_size(open, 12), "H") == 7u);
    CHECK(gap_named(open, "G").people == 25u);
    CHECK(gap_named(open, "Oost").people == 2u);

    // The old rule published every count >= 10: A's G (20) and the size of
    // G (25) in the gaps, so B's hidden G count was 25 - 20 = 5.
    const std::size_t naive_leak = *gap_named(open, "G").people - *group_count(community_of_size(open, 30), "G");
    CHECK(naive_leak == *group_count(community_of_size(open, 12), "G"));

    o.min_cell = 10;
    const SocialMap map = social_map(net, o);
    const auto& a = community_of_size(map, 30);
    const auto& b = community_of_size(map, 12);
    // B's 5 and 7 are small; A's 20 and 10 are withheld so that neither can
    // be recovered from the groups' sizes (25 and 17, still published).
    CHECK_FALSE(group_count(b, "G").has_value());
    CHECK_FALSE(group_count(b, "H").has_value());
    CHECK_FALSE(group_count(a, "G").has_value());
    CHECK_FALSE(group_count(a, "H").has_value());
    CHECK(gap_named(map, "G").people == 25u);
    CHECK(gap_named(map, "H").people == 17u);
    CHECK_THAT(b.why, Contains("2 group counts suppressed"));
    // In general: no published group size minus its published cells pins
    // down a single suppressed cell.
    for (const std::string group : {"G", "H"}) {
        if (!gap_named(map, group).people) continue;
        int hidden = 0;
        for (const auto& c : map.communities)
            for (const auto& gc : c.groups)
                if (gc.group == group && !gc.people) ++hidden;
        CHECK(hidden != 1);
    }

    // Neighbourhoods (one row: Noord 30, Zuid 10, Oost 2, total 42 people):
    // Oost is small and says nothing; Zuid keeps its tie figures but not its
    // count, else 42 - 30 - 10 = 2.
    const Gap& oost = gap_named(map, "Oost");
    CHECK_FALSE(oost.people.has_value());
    CHECK_FALSE(oost.share_of_ties_outside.has_value());
    const Gap& zuid = gap_named(map, "Zuid");
    CHECK_FALSE(zuid.people.has_value());
    REQUIRE(zuid.share_of_ties_outside.has_value());
    // Zuid's ties: 45 inside, 20 to Oost, 1 to Noord (B0-A0).
    CHECK(*zuid.share_of_ties_outside == Approx(21.0 / 66.0));
    CHECK(gap_named(map, "Noord").people == 30u);
    const std::string json = to_json(map);
    CHECK_THAT(json, Contains("\"name\":\"Zuid\",\"people\":null,\"suppressed\":true"));

    o.min_cell = 0;
    CHECK_THROWS_WITH(social_map(net, o), Contains("min_cell must be at least 1"));
}

TEST_CASE("long social map calls report progress and can be cancelled", "[socialmap]") {
    const Graph g = test::karate();
    std::vector<double> seen;
    auto record = [&](double f) {
        seen.push_back(f);
        return true;
    };
    auto cancel = [](double) { return false; };
    auto check_reports = [&] {
        REQUIRE_FALSE(seen.empty());
        CHECK(seen.back() == 1.0);
        for (std::size_t i = 1; i < seen.size(); ++i) CHECK(seen[i] >= seen[i - 1]);
        seen.clear();
    };

    // Each call: the same result with a callback as without, reports that
    // rise to 1, and cancelled_error when the callback says stop.
    auto check_call = [&](auto options, auto&& run) {
        const auto plain = run(options);
        options.progress = record;
        CHECK(run(options) == plain);
        check_reports();
        options.progress = cancel;
        CHECK_THROWS_AS(run(options), cancelled_error);
    };
    check_call(BetweennessOptions{}, [&](const BetweennessOptions& o) { return betweenness(g, o); });
    check_call(DistanceOptions{}, [&](const DistanceOptions& o) { return closeness(g, o); });
    check_call(DistanceOptions{}, [&](const DistanceOptions& o) { return harmonic(g, o); });
    check_call(CommunityOptions{}, [&](const CommunityOptions& o) { return communities(g, o); });
    // The weighted (Dijkstra) paths.
    const Graph wg =
        test::graph_of(6, {{0, 1}, {0, 2}, {1, 2}, {3, 4}, {3, 5}, {4, 5}, {2, 3}}, {1, 2, 3, 1, 2, 3, 5});
    DistanceOptions weighted;
    weighted.weighted = true;
    check_call(weighted, [&](const DistanceOptions& o) { return closeness(wg, o); });
    BetweennessOptions weighted_paths;
    weighted_paths.weighted = true;
    check_call(weighted_paths, [&](const BetweennessOptions& o) { return betweenness(wg, o); });

    const Network net = two_cliques();
    SocialMapOptions o;
    o.progress = record;
    const std::string plain = to_json(social_map(net, {}));
    CHECK(to_json(social_map(net, o)) == plain);
    check_reports();
    // Cancelling at the first report (inside betweenness) or the second
    // (at the latest the final one): cancelled_error, never a partial map.
    for (int stop_at = 1; stop_at <= 2; ++stop_at) {
        int calls = 0;
        o.progress = [&](double) { return ++calls < stop_at; };
        CHECK_THROWS_AS(social_map(net, o), cancelled_error);
        CHECK(calls == stop_at);
    }
}

namespace {

// d(v, u) for all v by a plain queue-based BFS along in-arcs: the reference.
std::vector<std::uint32_t> incoming_hops(const Graph& g, NodeId u) {
    std::vector<std::uint32_t> hops(g.num_nodes(), UINT32_MAX);
    std::deque<NodeId> queue{u};
    hops[u] = 0;
    while (!queue.empty()) {
        const NodeId v = queue.front();
        queue.pop_front();
        for (NodeId w : g.in_neighbors(v))
            if (hops[w] == UINT32_MAX) hops[w] = hops[v] + 1, queue.push_back(w);
    }
    return hops;
}

Graph random_graph(std::size_t n, std::size_t m, bool directed, std::uint64_t seed) {
    Rng rng(seed, 0);
    std::vector<NodeId> src, dst;
    std::map<std::pair<NodeId, NodeId>, bool> seen;
    while (src.size() < m) {
        NodeId a = static_cast<NodeId>(rng.below(n)), b = static_cast<NodeId>(rng.below(n));
        if (a == b) continue;
        if (!directed && a > b) std::swap(a, b);
        if (!seen.emplace(std::pair{a, b}, true).second) continue;
        src.push_back(a);
        dst.push_back(b);
    }
    EdgeListOptions options;
    options.directed = directed;
    return Graph::from_edges(n, src, dst, {}, options);
}

}  // namespace

TEST_CASE("closeness and harmonic over several 64-source batches match a plain BFS", "[socialmap]") {
    for (const bool directed : {false, true}) {
        // 300 nodes: five batches of sources, several blocks; sparse enough
        // to leave some nodes unreachable from others.
        const Graph g = random_graph(300, directed ? 420 : 330, directed, 17);
        DistanceOptions one, many;
        one.threads = 1;
        many.threads = 3;
        const auto close = closeness(g, one), harm = harmonic(g, one);
        CHECK(closeness(g, many) == close);
        CHECK(harmonic(g, many) == harm);
        const double n = static_cast<double>(g.num_nodes());
        for (NodeId u = 0; u < g.num_nodes(); ++u) {
            const auto hops = incoming_hops(g, u);
            double total = 0, inverse = 0, reached = 0;
            for (NodeId v = 0; v < g.num_nodes(); ++v)
                if (v != u && hops[v] != UINT32_MAX) total += hops[v], inverse += 1.0 / hops[v], ++reached;
            const double expected = total > 0 ? reached / total * (reached / (n - 1)) : 0.0;
            CHECK(close[u] == Approx(expected).epsilon(1e-12));
            CHECK(harm[u] == Approx(inverse).epsilon(1e-12));
        }
        // Betweenness: the same bits for every thread count.
        BetweennessOptions b1, b5;
        b1.threads = 1;
        b5.threads = 5;
        CHECK(betweenness(g, b1) == betweenness(g, b5));
    }
}
