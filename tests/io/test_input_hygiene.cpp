// Input hygiene of the text readers and the graph builder (issue 11): byte
// order marks, NUL and bytes that are not UTF-8, sums that overflow, and
// negative zero.

#include "io_test_support.hpp"

#include "verbind/error.hpp"
#include "verbind/graph/graph.hpp"
#include "verbind/io/contacts.hpp"
#include "verbind/io/edgelist.hpp"
#include "verbind/io/io.hpp"
#include "verbind/model/network.hpp"
#include "verbind/reach/temporal.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <string>
#include <vector>

using namespace verbind_io_test;
using verbind::Graph;
using verbind::Network;
using verbind::NodeId;

namespace {

const std::string bom = "\xEF\xBB\xBF";

bool positive_zero(double x) { return x == 0.0 && !std::signbit(x); }

}  // namespace

TEST_CASE("every text reader skips a UTF-8 byte order mark", "[io][hygiene]") {
    // Issue 11: a BOM-prefixed triangle had 4 nodes ("\xEF\xBB\xBFa" and "a").
    const Graph triangle = verbind::parse_edgelist(bom + "a b\nb c\nc a\n");
    CHECK(triangle.num_nodes() == 3);
    CHECK(triangle.num_edges() == 3);
    CHECK(triangle.key(0) == "a");

    const auto contacts = verbind::parse_contacts(bom + "1 a b\n2 b a\n");
    CHECK(contacts.num_nodes() == 2);
    CHECK(contacts.keys[0] == "a");

    TempFolder folder;
    folder.write("actors.csv", bom + "key,type\na,resident\n");
    CHECK(verbind::read_csv(folder.str()).actor("a").key == "a");
    folder.write("net.json",
                 bom + R"({"format": "verbind", "version": 1, "actors": [{"key": "a", "type": "resident"}]})");
    CHECK(verbind::read_json(folder.file("net.json")).num_actors() == 1);
    // Only at the start: elsewhere it is part of the text.
    CHECK(verbind::parse_edgelist("a b\n" + bom + "a c\n").num_nodes() == 4);
}

TEST_CASE("the contact and edge-list readers refuse NUL and bytes that are not UTF-8, naming the line",
          "[io][hygiene]") {
    using Catch::Contains;
    CHECK_THROWS_MATCHES(verbind::parse_contacts("1 a b\n2 b\xFF c\n", "c.tij"), verbind::parse_error,
                         Catch::Matchers::Message("c.tij:2: not valid UTF-8"));
    CHECK_THROWS_MATCHES(verbind::parse_contacts(std::string("1 a b\n2 b c\n3 a\0x b\n", 18), "c.tij"),
                         verbind::parse_error, Catch::Matchers::Message("c.tij:3: holds a NUL character"));
    CHECK_THROWS_WITH(verbind::parse_edgelist(std::string("a b\nb c\0d\n", 10), {}, "e.txt"),
                      Contains("e.txt:2: field 'b'") && Contains("NUL"));
    CHECK_THROWS_WITH(verbind::parse_edgelist("a b\nb \xC3\n", {}, "e.txt"),
                      Contains("e.txt:2: field 'b'") && Contains("UTF-8"));
}

TEST_CASE("duplicates = sum refuses a sum that overflows, naming the edges", "[io][hygiene]") {
    const std::vector<NodeId> src = {0, 1, 0}, dst = {1, 2, 1};
    verbind::EdgeListOptions sum;
    sum.duplicates = verbind::Merge::sum;
    const std::vector<double> huge = {1e308, 1.0, 1e308};
    CHECK_THROWS_WITH(Graph::from_edges(3, src, dst, huge, sum),
                      Catch::Contains("edge 2") && Catch::Contains("edge 0") && Catch::Contains("too large"));
    // Just below the limit the sum is kept, exactly as added.
    const std::vector<double> big = {1e308, 1.0, 7e307};
    const Graph g = Graph::from_edges(3, src, dst, big, sum);
    CHECK(g.edge_weight(0, 1) == 1e308 + 7e307);
    // The edge-list reader names the lines.
    sum.weight_column = 2;  // the reader: the third column is the weight (issue 12: only when asked)
    CHECK_THROWS_WITH(verbind::parse_edgelist("a b 1e308\nb c 1\na b 1e308\n", sum, "w.txt"),
                      Catch::Contains("w.txt:3") && Catch::Contains("w.txt:1") && Catch::Contains("too large"));
    // max, min and first never overflow.
    for (auto merge : {verbind::Merge::max, verbind::Merge::min, verbind::Merge::first}) {
        verbind::EdgeListOptions o;
        o.duplicates = merge;
        CHECK(Graph::from_edges(3, src, dst, huge, o).edge_weight(0, 1) == 1e308);
    }
}

TEST_CASE("a weight of -0 is 0 everywhere a weight comes in or goes out", "[io][hygiene]") {
    const std::vector<NodeId> src = {0, 1}, dst = {1, 2};
    const std::vector<double> weights = {-0.0, 2.0};
    CHECK(positive_zero(*Graph::from_edges(3, src, dst, weights).edge_weight(0, 1)));
    verbind::EdgeListOptions third;
    third.weight_column = 2;
    CHECK(positive_zero(*verbind::parse_edgelist("a b -0\nb c 2\n", third).edge_weight(0, 1)));
    CHECK(positive_zero(*verbind::parse_edgelist("a b -0.0\nb c 2\n", third).edge_weight(1, 0)));

    TempFolder folder;
    folder.write("actors.csv", "key,type\na,resident\nb,resident\n");
    folder.write("ties.csv", "a,b,weight\na,b,-0\n");
    CHECK(positive_zero(verbind::read_csv(folder.str()).ties()[0].weight));
    const Network from_json =
        verbind::parse_json(R"({"format": "verbind", "version": 1, "actors": [{"key": "a", "type": "resident"},)"
                            R"( {"key": "b", "type": "resident"}], "ties": [{"a": "a", "b": "b", "weight": -0.0}]})");
    CHECK(positive_zero(from_json.ties()[0].weight));

    // A network that holds -0.0 (from the API) is written as 0.
    Network net;
    net.add_resident("a");
    net.add_resident("b");
    net.add_tie("a", "b", "knows", {std::nullopt, std::nullopt, -0.0});
    const std::string json = verbind::to_json(net);
    CHECK(json.find("\"weight\": 0}") != std::string::npos);
    CHECK(json.find("-0") == std::string::npos);
    verbind::write_csv(net, folder.file("out"));
    CHECK(folder.read("out/ties.csv") == "a,b,kind,since,until,weight\na,b,knows,,,0\n");
}
