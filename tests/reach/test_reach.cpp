#include "verbind/error.hpp"
#include "verbind/io/contacts.hpp"
#include "verbind/reach/fair.hpp"
#include "verbind/reach/reach.hpp"
#include "verbind/util/random.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <functional>
#include <numeric>
#include <queue>

using namespace verbind;

namespace {

Graph graph_of(std::size_t n, std::vector<std::pair<NodeId, NodeId>> edges, bool directed,
               std::vector<double> weights = {}) {
    std::vector<NodeId> s, d;
    for (auto [a, b] : edges) {
        s.push_back(a);
        d.push_back(b);
    }
    EdgeListOptions o;
    o.directed = directed;
    return Graph::from_edges(n, s, d, weights, o);
}

// A seeded random simple graph with m edges.
Graph random_graph(std::size_t n, std::size_t m, bool directed, std::uint64_t seed) {
    Rng rng(seed);
    std::vector<NodeId> s, d;
    std::set<std::pair<NodeId, NodeId>> seen;
    while (s.size() < m) {
        NodeId a = static_cast<NodeId>(rng.below(n)), b = static_cast<NodeId>(rng.below(n));
        if (a == b) continue;
        auto key = directed ? std::pair{a, b} : std::pair{std::min(a, b), std::max(a, b)};
        if (!seen.insert(key).second) continue;
        s.push_back(a);
        d.push_back(b);
    }
    EdgeListOptions o;
    o.directed = directed;
    return Graph::from_edges(n, s, d, {}, o);
}

std::vector<std::int32_t> plain_bfs(const Graph& g, const std::vector<NodeId>& seeds) {
    std::vector<std::int32_t> dist(g.num_nodes(), -1);
    std::queue<NodeId> q;
    for (NodeId s : seeds)
        if (dist[s] < 0) dist[s] = 0, q.push(s);
    while (!q.empty()) {
        NodeId u = q.front();
        q.pop();
        for (NodeId v : g.neighbors(u))
            if (dist[v] < 0) dist[v] = dist[u] + 1, q.push(v);
    }
    return dist;
}

// Arcs of a graph with their probability under the options.
struct Arc {
    NodeId from, to;
    double p;
};
std::vector<Arc> arcs_of(const Graph& g, const DiffusionOptions& d) {
    std::vector<Arc> arcs;
    for (NodeId u = 0; u < g.num_nodes(); ++u)
        for (ArcId a = g.arc_begin(u); a < g.arc_end(u); ++a) {
            NodeId v = g.arc_target(a);
            double p = d.probability == ProbabilityKind::weighted_cascade ? 1.0 / static_cast<double>(g.in_degree(v))
                       : d.probability == ProbabilityKind::uniform        ? d.uniform_probability
                                                                          : g.arc_weight(a);
            arcs.push_back({u, v, p});
        }
    return arcs;
}

std::size_t reach_over(std::size_t n, const std::vector<Arc>& arcs, const std::vector<bool>& live,
                       const std::vector<NodeId>& seeds) {
    std::vector<bool> on(n, false);
    std::vector<NodeId> stack;
    for (NodeId s : seeds)
        if (!on[s]) on[s] = true, stack.push_back(s);
    std::size_t count = stack.size();
    while (!stack.empty()) {
        NodeId u = stack.back();
        stack.pop_back();
        for (std::size_t i = 0; i < arcs.size(); ++i)
            if (live[i] && arcs[i].from == u && !on[arcs[i].to])
                on[arcs[i].to] = true, ++count, stack.push_back(arcs[i].to);
    }
    return count;
}

// Exact expected spread: IC enumerates every live-arc subset; LT lets each
// node keep at most one in-arc, with probability equal to its weight.
double exact_spread(const Graph& g, const std::vector<NodeId>& seeds, const DiffusionOptions& d) {
    const auto arcs = arcs_of(g, d);
    const std::size_t n = g.num_nodes();
    double expected = 0;
    if (d.model == DiffusionModel::independent_cascade) {
        REQUIRE(arcs.size() <= 20);
        for (std::uint64_t mask = 0; mask < (1ull << arcs.size()); ++mask) {
            double p = 1;
            std::vector<bool> live(arcs.size());
            for (std::size_t i = 0; i < arcs.size(); ++i) {
                live[i] = (mask >> i) & 1;
                p *= live[i] ? arcs[i].p : 1 - arcs[i].p;
            }
            if (p > 0) expected += p * static_cast<double>(reach_over(n, arcs, live, seeds));
        }
        return expected;
    }
    std::vector<std::vector<std::size_t>> in(n);
    for (std::size_t i = 0; i < arcs.size(); ++i) in[arcs[i].to].push_back(i);
    std::vector<std::size_t> choice(n, 0);  // 0: none, i+1: in-arc in[v][i]
    std::function<void(NodeId, double)> go = [&](NodeId v, double p) {
        if (v == n) {
            std::vector<bool> live(arcs.size(), false);
            for (NodeId u = 0; u < n; ++u)
                if (choice[u]) live[in[u][choice[u] - 1]] = true;
            expected += p * static_cast<double>(reach_over(n, arcs, live, seeds));
            return;
        }
        double rest = 1;
        for (std::size_t i = 0; i < in[v].size(); ++i) {
            choice[v] = i + 1;
            rest -= arcs[in[v][i]].p;
            go(v + 1, p * arcs[in[v][i]].p);
        }
        choice[v] = 0;
        if (rest > 1e-12) go(v + 1, p * rest);
    };
    go(0, 1.0);
    return expected;
}

}  // namespace

TEST_CASE("hop_reach on a hand-made path and a directed graph", "[reach]") {
    const Graph path = graph_of(6, {{0, 1}, {1, 2}, {2, 3}, {4, 5}}, false);
    const std::vector<NodeId> seeds{0};
    CHECK(hop_reach(path, seeds) == std::vector<std::int32_t>{0, 1, 2, 3, -1, -1});
    const std::vector<NodeId> two{3, 4};
    CHECK(hop_reach(path, two) == std::vector<std::int32_t>{3, 2, 1, 0, 0, 1});
    HopOptions limited;
    limited.hops = 1;
    CHECK(hop_reach(path, seeds, limited) == std::vector<std::int32_t>{0, 1, -1, -1, -1, -1});
    limited.hops = 0;
    CHECK(hop_reach(path, seeds, limited) == std::vector<std::int32_t>{0, -1, -1, -1, -1, -1});
    const Graph arrows = graph_of(3, {{0, 1}, {2, 1}}, true);
    CHECK(hop_reach(arrows, seeds) == std::vector<std::int32_t>{0, 1, -1});
    const std::vector<NodeId> bad{1, 9};
    REQUIRE_THROWS_WITH(hop_reach(path, bad), "seed 1: node 9 is out of range (n = 6)");
}

TEST_CASE("hop_reach agrees with a plain BFS, also when it goes bottom-up", "[reach]") {
    for (bool directed : {false, true})
        for (std::uint64_t seed : {1u, 2u, 3u}) {
            const Graph g = random_graph(3000, 30000, directed, seed);
            const std::vector<NodeId> seeds{static_cast<NodeId>(seed), 17, 17};
            CHECK(hop_reach(g, seeds) == plain_bfs(g, seeds));
        }
}

TEST_CASE("spread matches the exact expectation over live-edge graphs", "[reach]") {
    const Graph directed = graph_of(5, {{0, 1}, {0, 2}, {1, 2}, {2, 3}, {3, 4}, {1, 4}, {4, 0}}, true,
                                    {0.5, 0.3, 0.9, 0.4, 0.6, 0.2, 0.7});
    const Graph undirected = graph_of(5, {{0, 1}, {1, 2}, {2, 3}, {3, 0}, {2, 4}}, false);
    struct Case {
        const Graph* g;
        DiffusionOptions d;
        std::vector<NodeId> seeds;
    };
    std::vector<Case> cases;
    for (auto model : {DiffusionModel::independent_cascade, DiffusionModel::linear_threshold}) {
        cases.push_back({&directed, {model, ProbabilityKind::weighted_cascade, 0}, {0}});
        cases.push_back({&undirected, {model, ProbabilityKind::weighted_cascade, 0}, {4}});
        cases.push_back({&undirected, {model, ProbabilityKind::uniform, 0.3}, {0, 4}});
    }
    cases.push_back({&directed, {DiffusionModel::independent_cascade, ProbabilityKind::weights, 0}, {0}});
    cases.push_back({&directed, {DiffusionModel::independent_cascade, ProbabilityKind::weights, 0}, {3, 2}});
    for (const Case& c : cases) {
        SpreadOptions o;
        o.diffusion = c.d;
        o.runs = 40000;
        o.seed = 11;
        const SpreadResult r = spread(*c.g, c.seeds, o);
        const double exact = exact_spread(*c.g, c.seeds, c.d);
        INFO("model " << int(c.d.model) << " probability " << int(c.d.probability) << " exact " << exact);
        CHECK(std::abs(r.mean - exact) <= 3 * r.standard_error);
        CHECK(r.standard_error >= 0);
        CHECK(r.low == Approx(r.mean - 1.96 * r.standard_error));
        CHECK(r.high == Approx(r.mean + 1.96 * r.standard_error));
    }
}

TEST_CASE("spread and influence_max do not depend on the thread count", "[reach]") {
    const Graph g = random_graph(400, 2000, false, 5);
    const std::vector<NodeId> seeds{1, 2, 3};
    SpreadOptions o;
    o.runs = 3000;
    o.seed = 4;
    o.threads = 1;
    const SpreadResult one = spread(g, seeds, o);
    o.threads = 3;
    const SpreadResult three = spread(g, seeds, o);
    CHECK(one.mean == three.mean);
    CHECK(one.standard_error == three.standard_error);
    o.seed = 5;
    CHECK(spread(g, seeds, o).mean != one.mean);

    InfluenceOptions io;
    io.seed = 9;
    io.threads = 1;
    const InfluenceResult a = influence_max(g, 5, io);
    io.threads = 4;
    const InfluenceResult b = influence_max(g, 5, io);
    CHECK(a.seeds == b.seeds);
    CHECK(a.spread_lower_bound == b.spread_lower_bound);
    CHECK(a.rr_sets == b.rr_sets);
}

TEST_CASE("influence_max is within its guarantee of the best k-set on small graphs", "[reach]") {
    // Exact spreads of every pair; the chosen pair must reach at least
    // (1 - 1/e - epsilon) of the best pair's exact spread.
    const Graph g = graph_of(7, {{0, 1}, {1, 2}, {2, 0}, {3, 4}, {4, 5}, {5, 6}, {2, 3}}, false);
    for (auto model : {DiffusionModel::independent_cascade, DiffusionModel::linear_threshold}) {
        DiffusionOptions d{model, ProbabilityKind::weighted_cascade, 0};
        double best = 0;
        for (NodeId a = 0; a < 7; ++a)
            for (NodeId b = a + 1; b < 7; ++b) best = std::max(best, exact_spread(g, {a, b}, d));
        InfluenceOptions o;
        o.diffusion = d;
        o.epsilon = 0.1;
        o.seed = 3;
        const InfluenceResult r = influence_max(g, 2, o);
        REQUIRE(r.seeds.size() == 2);
        const double got = exact_spread(g, r.seeds, d);
        CHECK(got >= (1 - std::exp(-1.0) - 0.1) * best);
        CHECK(r.spread_lower_bound <= got + 1e-9);
        CHECK(r.approximation >= 1 - std::exp(-1.0) - 0.1);
        CHECK(r.approximation <= 1.0);
    }
}

TEST_CASE("influence_max respects candidates and counts fixed seeds as given", "[reach]") {
    // A star around 0 and a star around 10: with 0 fixed, the next seed is 10.
    std::vector<std::pair<NodeId, NodeId>> edges;
    for (NodeId i = 1; i < 10; ++i) edges.push_back({0, i});
    for (NodeId i = 11; i < 16; ++i) edges.push_back({10, i});
    const Graph g = graph_of(16, edges, true);
    InfluenceOptions o;
    o.diffusion.probability = ProbabilityKind::uniform;
    o.diffusion.uniform_probability = 1.0;
    const InfluenceResult free = influence_max(g, 1, o);
    CHECK(free.seeds == std::vector<NodeId>{0});
    o.fixed = {0};
    const InfluenceResult next = influence_max(g, 1, o);
    CHECK(next.seeds == std::vector<NodeId>{10});
    CHECK(next.extra_spread_lower_bound <= 6.0 + 1e-9);
    CHECK(next.spread_lower_bound <= 16.0 + 1e-9);
    CHECK(next.spread_lower_bound > next.extra_spread_lower_bound);
    o.fixed.clear();
    o.candidates = {3, 11, 12};
    const InfluenceResult restricted = influence_max(g, 2, o);
    CHECK(restricted.seeds.size() == 2);
    for (NodeId s : restricted.seeds) CHECK((s == 3 || s == 11 || s == 12));
}

TEST_CASE("spread and influence_max refuse bad input", "[reach]") {
    const Graph g = graph_of(3, {{0, 1}, {1, 2}}, false, {0.5, 2.0});
    const std::vector<NodeId> seeds{0};
    SpreadOptions s;
    s.diffusion.probability = ProbabilityKind::weights;
    REQUIRE_THROWS_WITH(spread(g, seeds, s), Catch::Contains("weight 2 is not a probability"));
    s.diffusion.probability = ProbabilityKind::uniform;
    s.diffusion.uniform_probability = -0.5;
    REQUIRE_THROWS_WITH(spread(g, seeds, s), "probability must be in [0, 1], got -0.5");
    s.diffusion.uniform_probability = 0.8;
    s.diffusion.model = DiffusionModel::linear_threshold;
    REQUIRE_THROWS_WITH(spread(g, seeds, s), Catch::Contains("node '1': in-arc probabilities sum to 1.6"));
    s = {};
    s.runs = 0;
    REQUIRE_THROWS_WITH(spread(g, seeds, s), "runs must be at least 1");
    const std::vector<NodeId> bad{7};
    REQUIRE_THROWS_WITH(spread(g, bad, {}), "seed 0: node 7 is out of range (n = 3)");

    InfluenceOptions o;
    REQUIRE_THROWS_WITH(influence_max(g, 4, o), "k = 4 is more than the 3 candidates");
    REQUIRE_THROWS_WITH(influence_max(g, 0, o), "k must be at least 1");
    o.candidates = {0, 1};
    REQUIRE_THROWS_WITH(influence_max(g, 3, o), "k = 3 is more than the 2 candidates");
    o.fixed = {1};
    REQUIRE_THROWS_WITH(influence_max(g, 2, o), "k = 2 is more than the 1 candidates that are not fixed seeds");
    o = {};
    for (double eps : {0.0, 1.0, -1.0, std::nan("")}) {
        o.epsilon = eps;
        REQUIRE_THROWS_WITH(influence_max(g, 1, o), Catch::StartsWith("epsilon must be in (0, 1)"));
    }
    o = {};
    o.delta = 1.5;
    REQUIRE_THROWS_WITH(influence_max(g, 1, o), "delta must be in (0, 1), got 1.5");
    o = {};
    o.candidates = {5};
    REQUIRE_THROWS_WITH(influence_max(g, 1, o), "candidate 0: node 5 is out of range (n = 3)");
}

TEST_CASE("progress is reported and a callback can cancel", "[reach]") {
    const Graph g = random_graph(2000, 10000, false, 8);
    const std::vector<NodeId> seeds{1};
    std::vector<double> seen;
    SpreadOptions s;
    s.runs = 5000;
    s.progress = [&](double f) {
        seen.push_back(f);
        return true;
    };
    spread(g, seeds, s);
    REQUIRE(!seen.empty());
    CHECK(seen.front() == 0.0);
    CHECK(seen.back() == 1.0);
    CHECK(std::is_sorted(seen.begin(), seen.end()));
    s.progress = [](double) { return false; };
    REQUIRE_THROWS_AS(spread(g, seeds, s), cancelled_error);

    InfluenceOptions o;
    o.progress = [](double) { return false; };
    REQUIRE_THROWS_AS(influence_max(g, 5, o), cancelled_error);
}

TEST_CASE("cascades: hand-counted bring-along trees, series and bringers", "[reach]") {
    Network net;
    for (const char* k : {"ann", "bob", "cem", "dia", "eva", "fay"}) net.add_resident(k);
    auto event = [&](const char* key, const char* date, const char* kind, const char* town) {
        EventInfo e;
        e.date = parse_date(date);
        e.kind = kind;
        e.municipality = town;
        net.add_event(key, e);
    };
    event("iftar1", "2022-04-10", "iftar", "Almere");
    event("iftar2", "2022-04-20", "iftar", "Almere");
    event("pride", "2022-06-01", "Pride", "Almere");
    // iftar1: ann alone, bob brought by ann.
    net.attend("iftar1", "ann");
    net.attend("iftar1", "bob", "ann");
    // iftar2: bob brings cem, cem brings dia; ann again.
    net.attend("iftar2", "ann");
    net.attend("iftar2", "bob");
    net.attend("iftar2", "cem", "bob");
    net.attend("iftar2", "dia", "cem");
    // pride: eva brought by ann (who is not there), bob again, fay brought by eva.
    net.attend("pride", "eva", "ann");
    net.attend("pride", "bob");
    net.attend("pride", "fay", "eva");

    const CascadeResult r = cascades(net);
    REQUIRE(r.events.size() == 3);
    const EventCascade& i1 = r.events[0];
    CHECK(i1.newcomers == 2);
    CHECK(i1.newcomers_brought == 1);
    CHECK(i1.generations == 1);
    CHECK(i1.bring_along_rate == Approx(0.5));
    CHECK(i1.newcomer_share == Approx(1.0));
    const EventCascade& i2 = r.events[1];
    CHECK(i2.newcomers == 2);  // cem, dia
    CHECK(i2.newcomers_brought == 2);
    CHECK(i2.generations == 2);  // bob -> cem -> dia
    CHECK(i2.attendees[3].generation == 2);
    CHECK(i2.newcomer_share == Approx(0.5));
    const EventCascade& pr = r.events[2];
    CHECK(pr.newcomers == 2);                // eva, fay
    CHECK(pr.attendees[0].generation == 0);  // ann was not there
    CHECK(pr.attendees[0].brought_by == net.actor_id("ann"));
    CHECK(pr.generations == 1);

    REQUIRE(r.series.size() == 2);  // sorted by kind: "Pride" < "iftar"
    const SeriesCascade& iftar = r.series[1];
    CHECK(iftar.kind == "iftar");
    CHECK(iftar.municipality == "Almere");
    CHECK(iftar.events.size() == 2);
    CHECK(iftar.people.size() == 4);
    CHECK(iftar.attendances == 6);
    CHECK(iftar.generations == 3);  // ann -> bob -> cem -> dia across the series
    CHECK(iftar.largest_tree == 4);
    CHECK(iftar.bring_along_rate == Approx(3.0 / 6.0));
    CHECK(r.generations == 3);

    CHECK(r.attendances == 9);
    CHECK(r.newcomers == 6);
    CHECK(r.newcomers_brought == 5);
    CHECK(r.bring_along_rate == Approx(5.0 / 9.0));
    REQUIRE(r.bringers.size() == 4);
    CHECK(r.bringers[0].actor == net.actor_id("ann"));
    CHECK(r.bringers[0].newcomers_brought == 2);
    CHECK(r.bringers[1].actor == net.actor_id("bob"));

    CascadeOptions window;
    window.start = parse_date("2022-04-15");
    window.end = parse_date("2022-05-01");
    const CascadeResult w = cascades(net, window);
    REQUIRE(w.events.size() == 1);
    CHECK(w.newcomers == 2);  // newcomers are judged on the whole history
    CHECK(w.series[0].generations == 2);
    window.start = window.end;
    REQUIRE_THROWS_WITH(cascades(net, window), "cascades: start 2022-05-01 is not before end 2022-05-01");
}

TEST_CASE("temporal reach over contacts: strict time order, max_wait, window", "[reach]") {
    const ContactSequence c = parse_contacts("10 a b\n10 b c\n20 b c\n30 c d\n# note\n\n50 d e\n");
    REQUIRE(c.num_nodes() == 5);
    const std::vector<NodeId> seeds{c.index("a")};
    TemporalOptions o;
    o.start = 0;
    TemporalReach r = temporal_reach(c, seeds, o);
    // b learns at 10 and cannot pass it on at 10; c at 20, d at 30, e at 50.
    CHECK(r.arrival[c.index("b")] == 10);
    CHECK(r.arrival[c.index("c")] == 20);
    CHECK(r.arrival[c.index("e")] == 50);
    CHECK(r.curve_times == std::vector<std::int64_t>{0, 10, 20, 30, 50});
    CHECK(r.curve_reached == std::vector<std::size_t>{1, 2, 3, 4, 5});
    o.max_wait = 5;
    r = temporal_reach(c, seeds, o);
    CHECK(!r.reached[c.index("b")]);  // a held it from 0 and met b only at 10
    CHECK(r.curve_reached == std::vector<std::size_t>{1});
    o.max_wait = 10;
    r = temporal_reach(c, seeds, o);
    CHECK(r.reached[c.index("d")]);
    CHECK(!r.reached[c.index("e")]);  // d got it at 30, met e at 50
    o = {};
    o.start = 15;
    r = temporal_reach(c, seeds, o);
    CHECK(r.curve_reached == std::vector<std::size_t>{1});
    o.end = 15;
    REQUIRE_THROWS_WITH(temporal_reach(c, seeds, o), Catch::Contains("end must be after start"));
    REQUIRE_THROWS_WITH(parse_contacts("10 a b\n5 b c\n", "x.tij"),
                        "x.tij:2: time 5 is before the previous contact's time 10 (contacts must be sorted by time)");
    REQUIRE_THROWS_WITH(parse_contacts("10 a\n", "x.tij"), "x.tij:1: expected 't i j' (3 fields), got 2");
    REQUIRE_THROWS_WITH(parse_contacts("1 a b\nx a b\n", "x.tij"), "x.tij:2: field 't': 'x' is not an integer time");
    REQUIRE_THROWS_WITH(parse_contacts("1 a a\n", "x.tij"), "x.tij:1: contact of 'a' with themselves");
    REQUIRE_THROWS_AS(read_contacts("/nonexistent/file.tij"), io_error);
    ContactSequence unsorted = c;
    std::swap(unsorted.times[0], unsorted.times[4]);
    REQUIRE_THROWS_WITH(temporal_reach(unsorted, seeds, {}), Catch::Contains("contacts must be sorted by time"));
}

TEST_CASE("temporal reach over a Network: daily ties and events", "[reach]") {
    Network net;
    for (const char* k : {"a", "b", "c", "d"}) net.add_resident(k);
    TieInfo tie;
    tie.since = parse_date("2022-01-05");
    net.add_tie("a", "b", "knows", tie);
    EventInfo e;
    e.date = parse_date("2022-01-10");
    e.kind = "iftar";
    net.add_event("e1", e);
    net.attend("e1", "b");
    net.attend("e1", "c");
    net.attend("e1", "d", "c");
    NetworkTemporalOptions o;
    o.start = parse_date("2022-01-01");
    const std::vector<ActorId> seeds{net.actor_id("a")};
    const TemporalReach r = temporal_reach(net, seeds, o);
    CHECK(r.arrival[1] == parse_date("2022-01-05").day_number());
    CHECK(r.arrival[2] == parse_date("2022-01-10").day_number());
    CHECK(r.arrival[3] == parse_date("2022-01-10").day_number());
    o.max_wait = 3;  // a holds it from the 1st, but the tie starts on the 5th
    CHECK(temporal_reach(net, seeds, o).curve_reached == std::vector<std::size_t>{1});
    o.max_wait = 4;  // b hears it on the 5th; a and b renew it for each other daily
    CHECK(temporal_reach(net, seeds, o).reached[3]);
    o.end = parse_date("2022-01-10");
    CHECK(!temporal_reach(net, seeds, o).reached[3]);
}

TEST_CASE("fair influence_max reaches the small group too", "[reach]") {
    // Group 0: a big star around 0 (and a smaller one around 20); group 1:
    // a small star around 30. Plain influence_max with k = 2 takes both
    // group-0 hubs; the maximin variant takes 0 and 30.
    std::vector<std::pair<NodeId, NodeId>> edges;
    for (NodeId i = 1; i < 20; ++i) edges.push_back({0, i});
    for (NodeId i = 21; i < 30; ++i) edges.push_back({20, i});
    for (NodeId i = 31; i < 34; ++i) edges.push_back({30, i});
    const Graph g = graph_of(34, edges, true);
    std::vector<std::uint32_t> group(34, 0);
    for (NodeId i = 30; i < 34; ++i) group[i] = 1;
    InfluenceOptions o;
    o.diffusion.probability = ProbabilityKind::uniform;
    o.diffusion.uniform_probability = 1.0;
    o.seed = 2;
    const InfluenceResult plain = influence_max(g, 2, o);
    CHECK(plain.seeds == std::vector<NodeId>{0, 20});
    const InfluenceResult fair = fair_influence_max(g, 2, group, o);
    std::vector<NodeId> chosen = fair.seeds;
    std::sort(chosen.begin(), chosen.end());
    CHECK(chosen == std::vector<NodeId>{0, 30});
    REQUIRE(fair.group_reach.size() == 2);
    CHECK(fair.group_reach[1] == 1.0);
    CHECK(fair.group_reach[0] == Approx(20.0 / 30.0).margin(0.03));
    CHECK(fair.spread_lower_bound <= 24.0);
    CHECK(fair.spread_lower_bound > 15.0);
    CHECK(std::isnan(fair.approximation));
    o.threads = 1;
    const InfluenceResult one = fair_influence_max(g, 2, group, o);
    o.threads = 3;
    CHECK(fair_influence_max(g, 2, group, o).seeds == one.seeds);
    const std::vector<std::uint32_t> short_labels(3, 0);
    REQUIRE_THROWS_WITH(fair_influence_max(g, 2, short_labels, o), "groups has 3 labels for 34 nodes");
    std::vector<std::uint32_t> gap(34, 0);
    gap[5] = 2;
    REQUIRE_THROWS_WITH(fair_influence_max(g, 2, gap, o), Catch::Contains("label 1 has no members"));
}
