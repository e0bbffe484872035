#include "verbind/error.hpp"
#include "verbind/graph/bgl.hpp"
#include "verbind/graph/graph.hpp"
#include "verbind/graph/view.hpp"
#include "verbind/io/edgelist.hpp"

#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/connected_components.hpp>
#include <boost/graph/dijkstra_shortest_paths_no_color_map.hpp>
#include <catch2/catch.hpp>

#include <numeric>

using namespace verbind;
using Catch::Matchers::Contains;

namespace {

std::vector<NodeId> list(std::span<const NodeId> s) { return {s.begin(), s.end()}; }
Date d(const char* text) { return parse_date(text); }

}  // namespace

TEST_CASE("from_edges builds sorted symmetric adjacency", "[graph]") {
    // Path 0-1-2 plus 3-0, node 4 isolated.
    const std::vector<NodeId> src{1, 1, 3}, dst{0, 2, 0};
    const Graph g = Graph::from_edges(5, src, dst);
    CHECK(g.num_nodes() == 5);
    CHECK(g.num_edges() == 3);
    CHECK_FALSE(g.directed());
    CHECK_FALSE(g.weighted());
    CHECK(list(g.neighbors(0)) == std::vector<NodeId>{1, 3});
    CHECK(list(g.neighbors(1)) == std::vector<NodeId>{0, 2});
    CHECK(list(g.neighbors(4)).empty());
    CHECK(g.degree(0) == 2);
    CHECK(g.has_edge(2, 1));
    CHECK_FALSE(g.has_edge(2, 3));
    const auto e = g.edges();
    CHECK(e.src == std::vector<NodeId>{0, 0, 1});
    CHECK(e.dst == std::vector<NodeId>{1, 3, 2});
    CHECK(e.weight == std::vector<double>{1, 1, 1});
    CHECK(g.key(4) == "4");
    CHECK(g.index("3") == 3);
    CHECK_FALSE(g.find("03").has_value());
    CHECK_FALSE(g.find("5").has_value());
    CHECK_THROWS_AS(g.index("x"), not_found_error);
    // Unweighted: 4 bytes per arc, two arcs per edge, 8 bytes per offset.
    CHECK(g.memory_bytes() == 3 * 2 * 4 + 6 * 8);
}

TEST_CASE("directed graphs keep out- and in-arcs", "[graph]") {
    const std::vector<NodeId> src{0, 0, 2, 3}, dst{1, 2, 1, 0};
    const std::vector<double> w{0.5, 2, 3, 4};
    const Graph g = Graph::from_edges(4, src, dst, w, {.directed = true});
    CHECK(g.num_edges() == 4);
    CHECK(list(g.neighbors(0)) == std::vector<NodeId>{1, 2});
    CHECK(list(g.in_neighbors(1)) == std::vector<NodeId>{0, 2});
    CHECK(list(g.in_neighbors(0)) == std::vector<NodeId>{3});
    CHECK(g.in_degree(1) == 2);
    CHECK(g.out_degree(1) == 0);
    CHECK(g.edge_weight(2, 1) == 3.0);
    CHECK_FALSE(g.edge_weight(1, 2).has_value());
    CHECK(g.in_arc_weight(g.in_arc_begin(1)) == 0.5);
    CHECK(g.weight_precision() == WeightPrecision::single);
}

TEST_CASE("weights keep their exact value", "[graph]") {
    const std::vector<NodeId> src{0, 1}, dst{1, 2};
    SECTION("float-exact weights are stored in single precision") {
        const std::vector<double> w{3, 0.25};
        const Graph g = Graph::from_edges(3, src, dst, w);
        CHECK(g.weight_precision() == WeightPrecision::single);
        CHECK(g.edge_weight(1, 0) == 3.0);
        CHECK(g.memory_bytes() == 2 * 2 * 4 + 2 * 2 * 4 + 4 * 8);
    }
    SECTION("other weights are stored in double precision") {
        const std::vector<double> w{0.1, 1e-300};
        const Graph g = Graph::from_edges(3, src, dst, w);
        CHECK(g.weight_precision() == WeightPrecision::double_);
        CHECK(g.edge_weight(0, 1) == 0.1);
        CHECK(g.edge_weight(2, 1) == 1e-300);
        const double total = g.visit_weights([&](auto weights) {
            if constexpr (std::is_null_pointer_v<decltype(weights)>)
                return 0.0;
            else
                return double(weights[0]) + double(weights[1]);
        });
        CHECK(total == 0.1 + 0.1);  // arcs 0->1 and 1->0
    }
}

TEST_CASE("duplicate edges follow the merge policy", "[graph]") {
    const std::vector<NodeId> src{0, 1, 0}, dst{1, 0, 2};
    const std::vector<double> w{2, 5, 1};
    CHECK_THROWS_WITH(Graph::from_edges(3, src, dst, w),
                      Contains("edge 1") && Contains("duplicate of edge 0") && Contains("sum, max, min or first"));
    CHECK(Graph::from_edges(3, src, dst, w, {.duplicates = Merge::sum}).edge_weight(1, 0) == 7.0);
    CHECK(Graph::from_edges(3, src, dst, w, {.duplicates = Merge::max}).edge_weight(0, 1) == 5.0);
    CHECK(Graph::from_edges(3, src, dst, w, {.duplicates = Merge::min}).edge_weight(0, 1) == 2.0);
    CHECK(Graph::from_edges(3, src, dst, w, {.duplicates = Merge::first}).edge_weight(1, 0) == 2.0);
    CHECK(Graph::from_edges(3, src, dst, w, {.duplicates = Merge::first}).num_edges() == 2);
    // Directed: 0->1 and 1->0 are different arcs.
    CHECK(Graph::from_edges(3, src, dst, w, {.directed = true}).num_edges() == 3);
}

TEST_CASE("bad edge arrays are refused with the edge named", "[graph]") {
    const std::vector<NodeId> src{0, 1}, dst{1, 7};
    CHECK_THROWS_WITH(Graph::from_edges(3, src, dst),
                      Contains("edge 1: field 'dst': node 7 is out of range (n = 3)"));
    const std::vector<NodeId> loop_src{0, 2}, loop_dst{1, 2};
    CHECK_THROWS_WITH(Graph::from_edges(3, loop_src, loop_dst), Contains("edge 1: self-loop on node 2"));
    CHECK(Graph::from_edges(3, loop_src, loop_dst, {}, {.self_loops = SelfLoops::drop}).num_edges() == 1);
    const std::vector<double> negative{1, -2};
    CHECK_THROWS_WITH(Graph::from_edges(3, loop_src, loop_dst, negative), Contains("edge 1: field 'weight'"));
    const std::vector<double> short_weights{1};
    CHECK_THROWS_AS(Graph::from_edges(3, src, dst, short_weights), input_error);
    CHECK(Graph::from_edges(0, {}, {}).num_nodes() == 0);
}

TEST_CASE("edge-list text: labels in order of first appearance", "[graph]") {
    const Graph g = parse_edgelist("# a comment\n\nalice bob\nbob  carol # trailing\r\n  dave\talice\n");
    CHECK(g.num_nodes() == 4);
    CHECK(g.num_edges() == 3);
    CHECK(g.keys() == std::vector<std::string>{"alice", "bob", "carol", "dave"});
    CHECK(list(g.neighbors(g.index("alice"))) == std::vector<NodeId>{1, 3});
    CHECK_FALSE(g.weighted());

    EdgeListOptions third;
    third.weight_column = 2;
    const Graph w = parse_edgelist("1 2 0.5\n2 3 4\n", third);
    CHECK(w.weighted());
    CHECK(w.edge_weight(w.index("3"), w.index("2")) == 4.0);
}

TEST_CASE("edge-list errors name file, line and field", "[graph]") {
    EdgeListOptions third;
    third.weight_column = 2;
    CHECK_THROWS_WITH(parse_edgelist("a b\nc\n", {}, "x.txt"), Contains("x.txt:2: expected at least 2 fields"));
    CHECK_THROWS_WITH(parse_edgelist("a b 1\nc d\n", {}, "x.txt"),
                      Contains("x.txt:2: expected 3 fields like line 1"));
    CHECK_THROWS_WITH(parse_edgelist("a b x1\n", third, "x.txt"),
                      Contains("x.txt:1: field 'weight': not a number 'x1'"));
    CHECK_THROWS_WITH(parse_edgelist("a b -1\n", third, "x.txt"),
                      Contains("field 'weight': must be a finite number"));
    CHECK_THROWS_WITH(parse_edgelist("a b\na b\n", {}, "x.txt"), Contains("x.txt:2: duplicate of x.txt:1"));
    CHECK_THROWS_WITH(parse_edgelist("a b\nc c\n", {}, "x.txt"), Contains("x.txt:2: self-loop on node 'c'"));
    CHECK_THROWS_WITH(parse_edgelist("a \xff\n", {}, "x.txt"), Contains("x.txt:1: field 'b'"));
    CHECK_THROWS_AS(parse_edgelist("a b\na b\n"), parse_error);
    CHECK_THROWS_AS(read_edgelist("/nonexistent/edges.txt"), io_error);
}

TEST_CASE("the Facebook ego network loads with its published size", "[graph]") {
    const Graph g = read_edgelist(VERBIND_TEST_DATA "/facebook_combined.txt");
    CHECK(g.num_nodes() == 4039);
    CHECK(g.num_edges() == 88234);  // McAuley & Leskovec 2012
    std::size_t degree_sum = 0;
    for (NodeId u = 0; u < g.num_nodes(); ++u) degree_sum += g.degree(u);
    CHECK(degree_sum == 2 * 88234);
    CHECK(g.memory_bytes() == 88234 * 8 + 4040 * 8);
}

namespace {

// r1..r4 in two neighbourhoods, an organisation, ties of three kinds over time.
Network view_network() {
    Network net;
    net.add_resident("r1", {.neighbourhood = "north"});
    net.add_resident("r2", {.neighbourhood = "north"});
    net.add_resident("r3", {.neighbourhood = "south"});
    net.add_resident("r4", {.neighbourhood = "south"});
    net.add_organisation("lib", {.kind = "library", .neighbourhood = "north"});
    net.add_tie("r1", "r2", "knows", {.since = d("2020-01-01")});
    net.add_tie("r2", "r3", "knows", {.since = d("2022-06-01"), .until = d("2022-09-01")});
    net.add_tie("r1", "r2", "partner", {.since = d("2021-01-01"), .weight = 3});
    net.add_tie("r3", "lib", "member_of", {.weight = 0.5});
    net.add_event("e1", {.date = d("2022-05-04"), .kind = "commemoration"});
    net.add_event("e2", {.date = d("2022-07-01"), .kind = "Keti Koti"});
    for (const char* who : {"r1", "r2", "r3", "lib"}) net.attend("e1", who);
    for (const char* who : {"r1", "r2", "r4"}) net.attend("e2", who);
    return net;
}

}  // namespace

TEST_CASE("network views select kinds, time, area and actor type", "[graph]") {
    const Network net = view_network();

    const Graph all = build_graph(net);
    CHECK(all.num_nodes() == 5);
    CHECK(all.keys() == std::vector<std::string>{"r1", "r2", "r3", "r4", "lib"});
    CHECK(all.num_edges() == 3);
    CHECK(all.edge_weight(0, 1) == 3.0);  // knows (1) and partner (3) merged by max
    CHECK(all.edge_weight(2, 4) == 0.5);

    ViewOptions sum;
    sum.merge = Merge::sum;
    CHECK(build_graph(net, sum).edge_weight(0, 1) == 4.0);
    ViewOptions strict;
    strict.merge = Merge::error;
    CHECK_THROWS_WITH(build_graph(net, strict), Contains("tie 'r1' - 'r2' (partner, since 2021-01-01)"));

    ViewOptions knows;
    knows.kinds = {"knows"};
    const Graph k = build_graph(net, knows);
    CHECK(k.num_edges() == 2);
    CHECK_FALSE(k.weighted());

    ViewOptions spring;
    spring.start = d("2022-01-01");
    spring.end = d("2022-06-01");  // r2-r3 starts on the end day: excluded
    CHECK_FALSE(build_graph(net, spring).has_edge(1, 2));
    spring.end = d("2022-06-02");
    CHECK(build_graph(net, spring).has_edge(1, 2));
    ViewOptions autumn;
    autumn.start = d("2022-09-01");  // r2-r3 ended that day
    CHECK_FALSE(build_graph(net, autumn).has_edge(1, 2));
    ViewOptions before_2021;
    before_2021.end = d("2021-01-01");
    CHECK(build_graph(net, before_2021).edge_weight(0, 1) == 1.0);  // the partner tie had not begun

    ViewOptions north;
    north.neighbourhoods = {"north"};
    const Graph n = build_graph(net, north);
    CHECK(n.keys() == std::vector<std::string>{"r1", "r2", "lib"});
    CHECK(n.num_edges() == 1);

    ViewOptions residents;
    residents.residents_only = true;
    CHECK(build_graph(net, residents).num_nodes() == 4);

    ViewOptions directed;
    directed.directed = true;
    const Graph dg = build_graph(net, directed);
    CHECK(dg.has_edge(2, 4));
    CHECK_FALSE(dg.has_edge(4, 2));

    ViewOptions backwards;
    backwards.start = d("2023-01-01");
    backwards.end = d("2022-01-01");
    CHECK_THROWS_AS(build_graph(net, backwards), input_error);
}

TEST_CASE("the co-attendance projection counts shared events", "[graph]") {
    const Network net = view_network();
    ViewOptions co;
    co.co_attendance = true;
    const Graph g = build_graph(net, co);
    // e1: r1 r2 r3 lib; e2: r1 r2 r4. r1-r2 share both.
    CHECK(g.num_edges() == 6 + 3 - 1);
    CHECK(g.edge_weight(0, 1) == 2.0);
    CHECK(g.edge_weight(0, 2) == 1.0);
    CHECK(g.edge_weight(1, 3) == 1.0);
    CHECK_FALSE(g.has_edge(2, 3));
    CHECK(g.weighted());

    co.kinds = {"Keti Koti"};
    CHECK(build_graph(net, co).num_edges() == 3);
    co.kinds.clear();
    co.end = d("2022-07-01");
    CHECK(build_graph(net, co).num_edges() == 6);
    co.end.reset();
    co.residents_only = true;
    CHECK(build_graph(net, co).num_edges() == 5);
}

TEST_CASE("Boost.Graph algorithms run on the snapshot", "[graph][bgl]") {
    // Two components: 0-1-2-3 (with a shortcut 0-3 of weight 10) and 4-5.
    const std::vector<NodeId> src{0, 1, 2, 0, 4}, dst{1, 2, 3, 3, 5};
    const std::vector<double> w{1, 2, 3, 10, 1};
    const Graph g = Graph::from_edges(6, src, dst, w);

    std::vector<int> component(6);
    CHECK(boost::connected_components(UndirectedBgl(g), component.data()) == 2);
    CHECK(component[0] == component[3]);
    CHECK(component[4] != component[0]);
    CHECK(num_edges(UndirectedBgl(g)) == 5);
    CHECK(num_edges(g) == 10);  // as a symmetric digraph

    std::vector<double> distance(6);
    std::vector<NodeId> predecessor(6);
    boost::dijkstra_shortest_paths_no_color_map(g, NodeId{0}, predecessor.data(), distance.data(),
                                                get(boost::edge_weight, g),
                                                boost::typed_identity_property_map<NodeId>(), std::less<double>(),
                                                std::plus<double>(), std::numeric_limits<double>::infinity(), 0.0,
                                                boost::default_dijkstra_visitor());
    CHECK(distance[3] == 6.0);  // 1 + 2 + 3 beats the direct 10
    CHECK(predecessor[3] == 2);
    CHECK(distance[5] == std::numeric_limits<double>::infinity());

    std::vector<std::size_t> hops(6, 0);
    std::vector<boost::default_color_type> colour(6);
    boost::queue<NodeId> queue;
    boost::breadth_first_search(
        g, NodeId{0}, queue, boost::make_bfs_visitor(boost::record_distances(hops.data(), boost::on_tree_edge())),
        boost::make_iterator_property_map(colour.begin(), boost::typed_identity_property_map<NodeId>()));
    CHECK(hops == std::vector<std::size_t>{0, 1, 2, 1, 0, 0});

    std::size_t edge_count = 0;
    for (auto [it, end] = edges(UndirectedBgl(g)); it != end; ++it) {
        CHECK(it->source < it->target);
        ++edge_count;
    }
    CHECK(edge_count == 5);
}
