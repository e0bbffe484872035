// Node identity (issue 12, DESIGN.md "Node identity"): integer labels are
// numbered by value in edge lists and contact lists, two labels of the same
// value are refused, and a Graph says what an integer given for a node means.
#include "verbind/error.hpp"
#include "verbind/graph/graph.hpp"
#include "verbind/io/contacts.hpp"
#include "verbind/io/edgelist.hpp"
#include "verbind/reach/temporal.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <set>
#include <string>
#include <utility>
#include <vector>

using namespace verbind;
using Catch::Matchers::Contains;

TEST_CASE("edge list: integer labels with gaps, out of file order, are numbered by value", "[graph][identity]") {
    const Graph g = parse_edgelist("30 7\n7 1000\n2 30\n", {}, "x.txt");
    CHECK(g.keys() == std::vector<std::string>{"2", "7", "30", "1000"});
    CHECK(g.label_kind() == LabelKind::integers);
    // Every line's edge is between the nodes its labels name.
    CHECK(g.has_edge(g.index("30"), g.index("7")));
    CHECK(g.has_edge(g.index("7"), g.index("1000")));
    CHECK(g.has_edge(g.index("2"), g.index("30")));
    CHECK(g.num_edges() == 3);
    CHECK(g.find_integer("30") == g.index("30"));
    CHECK(g.find_integer("0030") == g.index("30"));
    CHECK_FALSE(g.find_integer("3").has_value());
}

TEST_CASE("edge list: random integer files give position order by value and every edge", "[graph][identity]") {
    std::mt19937_64 rng(12);
    for (int round = 0; round < 50; ++round) {
        // Labels: distinct values with gaps, some with many digits.
        std::set<unsigned long long> values;
        std::uniform_int_distribution<unsigned long long> pick(0, round % 2 ? 50 : 1'000'000'000'000ULL);
        const std::size_t want = 2 + static_cast<std::size_t>(rng() % 30);
        while (values.size() < std::min<std::size_t>(want, 51)) values.insert(pick(rng));
        const std::vector<unsigned long long> labels(values.begin(), values.end());
        std::set<std::pair<unsigned long long, unsigned long long>> edges;
        for (std::size_t k = 0; k < 3 * labels.size(); ++k) {
            auto a = labels[rng() % labels.size()], b = labels[rng() % labels.size()];
            if (a == b) continue;
            if (a > b) std::swap(a, b);
            edges.insert({a, b});
        }
        std::vector<std::pair<unsigned long long, unsigned long long>> lines(edges.begin(), edges.end());
        std::shuffle(lines.begin(), lines.end(), rng);
        std::string text;
        std::set<unsigned long long> used;
        for (auto [a, b] : lines) {
            if (rng() % 2) std::swap(a, b);
            text += std::to_string(a) + (rng() % 2 ? " " : "\t") + std::to_string(b) + "\n";
            used.insert(a);
            used.insert(b);
        }
        const Graph g = parse_edgelist(text);
        // The expected order: the used values, ascending (an independent sort).
        std::vector<std::string> expected;
        for (auto v : used) expected.push_back(std::to_string(v));
        REQUIRE(g.keys() == expected);
        REQUIRE(g.num_edges() == lines.size());
        for (auto [a, b] : lines) REQUIRE(g.has_edge(g.index(std::to_string(a)), g.index(std::to_string(b))));
    }
}

TEST_CASE("edge list: a file numbered 0..n-1 gives position == label", "[graph][identity]") {
    const Graph g = read_edgelist(VERBIND_TEST_DATA "/facebook_combined.txt");
    REQUIRE(g.num_nodes() == 4039);
    std::size_t mismatched = 0;
    for (NodeId u = 0; u < g.num_nodes(); ++u) mismatched += g.key(u) != std::to_string(u);
    CHECK(mismatched == 0);
    CHECK(g.index("414") == 414);  // was 349 in order of first appearance
}

TEST_CASE("edge list: one value written two ways is refused, naming both lines", "[graph][identity]") {
    CHECK_THROWS_WITH(parse_edgelist("7 1\n2 07\n", {}, "x.txt"),
                      Contains("x.txt:2: label '07' has the same value as label '7' on line 1"));
    CHECK_THROWS_WITH(parse_edgelist("007 1\n2 7\n", {}, "x.txt"),
                      Contains("x.txt:2: label '7' has the same value as label '007' on line 1"));
    CHECK_THROWS_WITH(parse_edgelist("0 00\n", {}, "x.txt"),
                      Contains("x.txt:1: label '00' has the same value as label '0' on line 1"));
    CHECK_THROWS_AS(parse_edgelist("7 1\n2 07\n"), parse_error);
}

TEST_CASE("edge list: leading zeros keep their text and order by value", "[graph][identity]") {
    const Graph g = parse_edgelist("010 007\n9 010\n");
    CHECK(g.keys() == std::vector<std::string>{"007", "9", "010"});
    CHECK(g.label_kind() == LabelKind::integers);
    CHECK(g.find_integer("7") == NodeId{0});
    CHECK(g.find_integer("10") == NodeId{2});
    CHECK_FALSE(g.find("7").has_value());  // a str is the label as written
    // Values beyond 64 bits order by value too.
    const Graph big = parse_edgelist("18446744073709551616 5\n5 99999999999999999999999\n");
    CHECK(big.keys() == std::vector<std::string>{"5", "18446744073709551616", "99999999999999999999999"});
}

TEST_CASE("edge list: text or mixed labels keep first-appearance order", "[graph][identity]") {
    const Graph t = parse_edgelist("bob alice\nalice carol\n");
    CHECK(t.keys() == std::vector<std::string>{"bob", "alice", "carol"});
    CHECK(t.label_kind() == LabelKind::text);
    CHECK_FALSE(t.find_integer("0").has_value());
    const Graph m = parse_edgelist("a 10\n10 2\n");
    CHECK(m.keys() == std::vector<std::string>{"a", "10", "2"});
    CHECK(m.label_kind() == LabelKind::mixed);
    CHECK_THAT(m.label_kind_reason(), Contains("'10'") && Contains("'a'"));
    CHECK_FALSE(m.find_integer("10").has_value());
    // Signs and spaces are not integer labels.
    CHECK(parse_edgelist("-1 2\n").keys() == std::vector<std::string>{"-1", "2"});
    CHECK(parse_edgelist("+3 2\n").label_kind() == LabelKind::mixed);
}

TEST_CASE("Graph label kinds: arrays, keys, and one value twice", "[graph][identity]") {
    const std::vector<NodeId> src{0, 1}, dst{1, 2};
    const Graph arrays = Graph::from_edges(3, src, dst);
    CHECK(arrays.label_kind() == LabelKind::integers);
    CHECK(arrays.find_integer("2") == NodeId{2});
    CHECK_FALSE(arrays.find_integer("3").has_value());
    const Graph text = Graph::from_keyed_edges({"r1", "r2", "r3"}, src, dst);
    CHECK(text.label_kind() == LabelKind::text);
    const Graph ints = Graph::from_keyed_edges({"30", "7", "1000"}, src, dst);
    CHECK(ints.label_kind() == LabelKind::integers);
    CHECK(ints.find_integer("7") == NodeId{1});  // keyed graphs keep their order
    const Graph twice = Graph::from_keyed_edges({"7", "07", "8"}, src, dst);
    CHECK(twice.label_kind() == LabelKind::mixed);
    CHECK(twice.label_kind_reason() == "labels '7' and '07' are the same integer");
    CHECK_FALSE(twice.find_integer("7").has_value());
}

TEST_CASE("contacts: integer labels numbered by value, one value twice refused", "[graph][identity][reach]") {
    const ContactSequence c = parse_contacts("10 30 7\n20 7 1000\n30 2 30\n", "x.tij");
    CHECK(c.keys == std::vector<std::string>{"2", "7", "30", "1000"});
    REQUIRE(c.size() == 3);
    CHECK(c.first[0] == c.index("30"));
    CHECK(c.second[0] == c.index("7"));
    CHECK(c.first[1] == c.index("7"));
    CHECK(c.second[1] == c.index("1000"));
    TemporalOptions o;
    o.start = 0;
    const std::vector<NodeId> seeds{c.index("30")};
    const TemporalReach r = temporal_reach(c, seeds, o);
    CHECK(r.arrival[c.index("7")] == 10);
    CHECK(r.arrival[c.index("1000")] == 20);
    CHECK(r.arrival[c.index("2")] == 30);
    CHECK_THROWS_WITH(parse_contacts("10 7 1\n20 2 07\n", "x.tij"),
                      Contains("x.tij:2: label '07' has the same value as label '7' on line 1"));
    const ContactSequence t = parse_contacts("10 b a\n20 a c\n");
    CHECK(t.keys == std::vector<std::string>{"b", "a", "c"});
}
