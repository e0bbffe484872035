// Researchers' edge lists and contact lists (issue 12, section 2): comments,
// headers, delimiters, extra columns, pairs listed both ways, SocioPatterns
// groups; generated files equal to their clean equivalents.
#include "verbind/error.hpp"
#include "verbind/graph/graph.hpp"
#include "verbind/io/contacts.hpp"
#include "verbind/io/edgelist.hpp"
#include "verbind/reach/temporal.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <random>
#include <set>
#include <string>
#include <utility>
#include <vector>

using namespace verbind;
using Catch::Matchers::Contains;

namespace {

// Every edge as a pair of labels (u <= v for undirected), with its weight:
// what a graph means, independent of positions.
std::map<std::pair<std::string, std::string>, double> edges_by_label(const Graph& g) {
    std::map<std::pair<std::string, std::string>, double> out;
    for (NodeId u = 0; u < g.num_nodes(); ++u)
        for (NodeId v : g.neighbors(u)) {
            std::string a = g.keys()[u], b = g.keys()[v];
            if (!g.directed() && b < a) std::swap(a, b);
            out[{a, b}] = *g.edge_weight(u, v);
        }
    return out;
}

EdgeListOptions weighted_by(int column) {
    EdgeListOptions o;
    o.weight_column = column;
    return o;
}

}  // namespace

TEST_CASE("a SNAP temporal third column is not a weight unless asked", "[graph][edgelist]") {
    const Graph g = parse_edgelist("1 2 1217567877\n2 3 1217567878\n", {}, "t.txt");
    CHECK_FALSE(g.weighted());
    CHECK(g.num_edges() == 2);
    const Graph w = parse_edgelist("1 2 1217567877\n2 3 5\n", weighted_by(2), "t.txt");
    CHECK(w.weighted());
    CHECK(*w.edge_weight(w.index("1"), w.index("2")) == 1217567877.0);
    // A later column by number, and by its header name.
    const Graph by_number = parse_edgelist("a b 9 0.5\nb c 9 2\n", weighted_by(3), "t.txt");
    CHECK(*by_number.edge_weight(by_number.index("b"), by_number.index("c")) == 2.0);
    EdgeListOptions named;
    named.weight_name = "strength";
    const Graph by_name = parse_edgelist("source,target,time,strength\na,b,9,0.5\nb,c,9,2\n", named, "t.csv");
    CHECK(edges_by_label(by_name) == edges_by_label(by_number));
    named.weight_name = "weight";
    CHECK_THROWS_WITH(parse_edgelist("source,target,time\na,b,9\n", named, "t.csv"),
                      Contains("t.csv:1: no column named 'weight'"));
    CHECK_THROWS_WITH(parse_edgelist("a b\n", named, "t.txt"),
                      Contains("t.txt:1: weights named 'weight' but the file has no header"));
    CHECK_THROWS_WITH(parse_edgelist("a b 1\n", weighted_by(3), "t.txt"),
                      Contains("t.txt:1: field 'weight': column 3 (0-based) asked for, but the line has 3 fields"));
    CHECK_THROWS_AS(parse_edgelist("a b 1\n", weighted_by(1), "t.txt"), input_error);
}

TEST_CASE("a pair listed both ways is one undirected edge", "[graph][edgelist]") {
    const Graph g = parse_edgelist("1 2\n2 1\n2 3\n3 2\n", {}, "s.txt");
    CHECK(g.num_edges() == 2);
    CHECK_FALSE(g.weighted());
    // Equal weights merge; different weights name both lines.
    const Graph w = parse_edgelist("a b 2.5\nb c 1\nb a 2.5\n", weighted_by(2), "s.txt");
    CHECK(edges_by_label(w) ==
          std::map<std::pair<std::string, std::string>, double>{{{"a", "b"}, 2.5}, {{"b", "c"}, 1}});
    CHECK_THROWS_WITH(parse_edgelist("a b 2.5\nb c 1\nb a 3\n", weighted_by(2), "s.txt"),
                      Contains("s.txt:3: 'b a' has weight 3 but line 1 lists 'a b' with weight 2.5"));
    // A line repeated as it is stays an error with the hint, listed both ways or not.
    CHECK_THROWS_WITH(parse_edgelist("a b\nb a\na b\n", {}, "s.txt"),
                      Contains("s.txt:3: duplicate of s.txt:1") && Contains("duplicates = sum"));
    CHECK_THROWS_WITH(parse_edgelist("a b\nb a\nb a\n", {}, "s.txt"), Contains("s.txt:3: duplicate of s.txt:1"));
    // duplicates= merges repeats; the mirror is not counted as one.
    EdgeListOptions sum = weighted_by(2);
    sum.duplicates = Merge::sum;
    const Graph s = parse_edgelist("a b 1\nb a 1\na b 2\nb a 2\n", sum, "s.txt");
    CHECK(edges_by_label(s) == std::map<std::pair<std::string, std::string>, double>{{{"a", "b"}, 3}});
    // Directed: both directions are two arcs.
    EdgeListOptions directed;
    directed.directed = true;
    CHECK(parse_edgelist("a b\nb a\n", directed, "s.txt").num_edges() == 2);
}

TEST_CASE("comments, headers and delimiters", "[graph][edgelist]") {
    const auto clean = edges_by_label(parse_edgelist("1 2\n2 3\n3 10\n", {}, "c.txt"));
    CHECK(edges_by_label(parse_edgelist("% konect\n% 3 3 10\n1 2\n2 3 # note\n3 10\n", {}, "k.txt")) == clean);
    CHECK(edges_by_label(parse_edgelist("source,target\n1,2\n2,3\n3,10\n", {}, "h.csv")) == clean);
    CHECK(edges_by_label(parse_edgelist("from;to\n1 ; 2\n2;3\n3;10\n", {}, "h.csv")) == clean);
    CHECK(edges_by_label(parse_edgelist("1\t2\n2\t3\n3\t10\n", {}, "t.tsv")) == clean);
    CHECK(edges_by_label(parse_edgelist("\xEF\xBB\xBFnode_a node_b\n1 2\n2 3\n3 10\n", {}, "h.txt")) == clean);
    // A METIS/OPIM 'n m' first line, skipped when asked.
    EdgeListOptions header;
    header.header = EdgeListHeader::yes;
    CHECK(edges_by_label(parse_edgelist("# opim\n4 3\n1 2\n2 3\n3 10\n", header, "o.txt")) == clean);
    // Without header=yes, 'n m' is an edge: a graph with the edge 4-3.
    CHECK(parse_edgelist("4 3\n1 2\n2 3\n3 10\n", {}, "o.txt").num_edges() == 4);
    // A row of text labels above more text labels is data, not a header.
    CHECK(parse_edgelist("alice bob\ncarol dave\n", {}, "n.txt").num_nodes() == 4);
    EdgeListOptions none;
    none.header = EdgeListHeader::no;
    CHECK(parse_edgelist("source target\n1 2\n", none, "n.txt").num_nodes() == 4);
    // A given delimiter: labels with spaces in a CSV.
    EdgeListOptions comma;
    comma.delimiter = ',';
    const Graph spaced = parse_edgelist("Anna de Vries,Bram Jansen\n", comma, "n.csv");
    CHECK(spaced.keys() == std::vector<std::string>{"Anna de Vries", "Bram Jansen"});
    CHECK_THROWS_WITH(parse_edgelist("a,b\n,b\n", comma, "n.csv"), Contains("n.csv:2: field 'a': empty node label"));
    EdgeListOptions bad;
    bad.delimiter = '|';
    CHECK_THROWS_AS(parse_edgelist("a|b\n", bad, "n.txt"), input_error);
    // comments="" keeps '#' in labels.
    EdgeListOptions no_comments;
    no_comments.comments = "";
    CHECK(parse_edgelist("#a b\n", no_comments, "n.txt").keys() == std::vector<std::string>{"#a", "b"});
}

TEST_CASE("a generated SNAP-style symmetric file loads as its clean equivalent", "[graph][edgelist]") {
    std::mt19937 rng(12);
    for (int round = 0; round < 20; ++round) {
        const int n = 5 + static_cast<int>(rng() % 60);
        std::set<std::pair<int, int>> pairs;  // u < v
        std::uniform_int_distribution<int> pick(0, n - 1);
        for (int k = 0; k < 3 * n; ++k) {
            const int a = pick(rng), b = pick(rng);
            if (a != b) pairs.insert({std::min(a, b), std::max(a, b)});
        }
        // Labels with gaps: 7 * node + 3.
        auto label = [](int u) { return std::to_string(7 * u + 3); };
        std::string clean, snap = "# Undirected graph: generated\n# Nodes: x Edges: y\n# FromNodeId\tToNodeId\n";
        std::vector<std::string> lines;
        std::map<std::pair<std::string, std::string>, double> expected;
        for (auto [u, v] : pairs) {
            clean += label(u) + " " + label(v) + "\n";
            lines.push_back(label(u) + "\t" + label(v) + "\t" + std::to_string(rng() % 100000));
            lines.push_back(label(v) + "\t" + label(u) + "\t" + std::to_string(rng() % 100000));
            std::string a = label(u), b = label(v);
            if (b < a) std::swap(a, b);
            expected[{a, b}] = 1.0;
        }
        std::shuffle(lines.begin(), lines.end(), rng);
        for (const auto& l : lines) snap += l + "\n";
        const Graph from_snap = parse_edgelist(snap, {}, "snap.txt");
        const Graph from_clean = parse_edgelist(clean, {}, "clean.txt");
        CHECK(from_snap.keys() == from_clean.keys());
        CHECK(edges_by_label(from_snap) == expected);
        CHECK(edges_by_label(from_clean) == expected);
        // The same as CSV with a '%' comment and a header.
        std::string csv = "% generated\nsource,target,timestamp\n";
        for (const auto& l : lines) {
            std::string row = l;
            std::replace(row.begin(), row.end(), '\t', ',');
            csv += row + "\n";
        }
        CHECK(edges_by_label(parse_edgelist(csv, {}, "snap.csv")) == expected);
    }
}

TEST_CASE("Graph::from_labelled_edges numbers labels as the reader does", "[graph][edgelist]") {
    const std::vector<std::string> src{"10", "9", "100"}, dst{"9", "2", "10"};
    const Graph g = Graph::from_labelled_edges(src, dst);
    CHECK(g.keys() == std::vector<std::string>{"2", "9", "10", "100"});
    CHECK(edges_by_label(g) == edges_by_label(parse_edgelist("10 9\n9 2\n100 10\n")));
    const std::vector<std::string> names{"anna", "bram"}, others{"bram", "cor"};
    CHECK(Graph::from_labelled_edges(names, others).keys() == std::vector<std::string>{"anna", "bram", "cor"});
    const std::vector<std::string> seven{"7", "1"}, oh_seven{"1", "07"};
    CHECK_THROWS_WITH(Graph::from_labelled_edges(seven, oh_seven),
                      Contains("edge 1: label '07' has the same value as label '7' of edge 0"));
    const std::vector<std::string> empty{""}, one{"a"};
    CHECK_THROWS_WITH(Graph::from_labelled_edges(empty, one), Contains("edge 0: field 'src': empty label"));
}

TEST_CASE("a SocioPatterns t i j Ci Cj file: the contacts of its 3 columns, and each person's group",
          "[reach][contacts]") {
    std::mt19937 rng(5);
    const std::vector<std::string> classes{"1A", "2B", "Teachers", "5C"};
    for (int round = 0; round < 10; ++round) {
        const int people = 4 + static_cast<int>(rng() % 30);
        std::vector<std::string> group_of(static_cast<std::size_t>(people));
        for (auto& g : group_of) g = classes[rng() % classes.size()];
        std::string clean, five = "% SocioPatterns, generated\n";
        std::int64_t t = 20;
        std::uniform_int_distribution<int> pick(0, people - 1);
        for (int k = 0; k < 5 * people; ++k) {
            t += 20 * static_cast<std::int64_t>(rng() % 2);
            const int a = pick(rng), b = pick(rng);
            if (a == b) continue;
            const std::string la = std::to_string(1000 + 3 * a), lb = std::to_string(1000 + 3 * b);
            clean += std::to_string(t) + " " + la + " " + lb + "\n";
            five += std::to_string(t) + "\t" + la + "\t" + lb + "\t" + group_of[static_cast<std::size_t>(a)] + "\t" +
                    group_of[static_cast<std::size_t>(b)] + "\n";
        }
        const ContactSequence c3 = parse_contacts(clean, "clean.tij");
        const ContactSequence c5 = parse_contacts(five, "tij.dat");
        CHECK(c5.keys == c3.keys);
        CHECK(c5.times == c3.times);
        CHECK(c5.first == c3.first);
        CHECK(c5.second == c3.second);
        CHECK(c3.groups.empty());
        REQUIRE(c5.groups.size() == c5.keys.size());
        for (std::size_t u = 0; u < c5.keys.size(); ++u)
            CHECK(c5.groups[u] == group_of[static_cast<std::size_t>((std::stoi(c5.keys[u]) - 1000) / 3)]);
        // The contact graph: one edge per pair that met, same positions.
        const Graph g = c5.graph();
        std::set<std::pair<NodeId, NodeId>> met;
        for (std::size_t i = 0; i < c5.size(); ++i)
            met.insert({std::min(c5.first[i], c5.second[i]), std::max(c5.first[i], c5.second[i])});
        CHECK(g.num_edges() == met.size());
        CHECK(g.keys() == c5.keys);
        for (auto [a, b] : met) CHECK(g.has_edge(a, b));
    }
}

TEST_CASE("contact files: extra columns, groups, order", "[reach][contacts]") {
    CHECK(parse_contacts("1 a b x y z\n2 b c x y z\n").size() == 2);
    CHECK(parse_contacts("1 a b x y z\n").groups.empty());
    CHECK_THROWS_WITH(parse_contacts("1 a b 1A 2B\n2 a c 3C 2B\n", "c.dat"),
                      Contains("c.dat:2: field 'Ci': 'a' is in group '3C' here but in group '1A' on line 1"));
    CHECK_THROWS_WITH(parse_contacts("1 a b\n2 a c x\n", "c.dat"),
                      Contains("c.dat:2: expected 3 fields like line 1"));
    CHECK_THROWS_WITH(parse_contacts("1 a b\n3 a c\n2 b c\n4 a b\n1 c a\n", "c.dat"),
                      Contains("c.dat:3: time 2 is before the previous contact's time 3"));
}

TEST_CASE("integer labels read fast give the graph the general path gives", "[graph][edgelist]") {
    // The reader numbers plain integer labels without hashing (a table for
    // dense labels, a search for sparse ones) and falls back to the general
    // path at the first other label: the same edges by label either way, and
    // keys ascending by value (checked with std::stoull, independently).
    std::mt19937_64 rng(99);
    for (std::uint64_t spread : {std::uint64_t{3}, std::uint64_t{1000}, std::uint64_t{100000000000000000}}) {
        for (int round = 0; round < 5; ++round) {
            std::string text;
            std::uniform_int_distribution<std::uint64_t> pick(0, spread * 40);
            for (int k = 0; k < 60; ++k) {
                const std::uint64_t a = pick(rng), b = pick(rng);
                if (a == b) continue;
                text += std::to_string(a) + " " + std::to_string(b) + "\n";
            }
            EdgeListOptions merge;
            merge.duplicates = Merge::first;
            const Graph fast = parse_edgelist(text, merge, "f.txt");
            for (std::size_t u = 1; u < fast.num_nodes(); ++u)
                CHECK(std::stoull(fast.keys()[u - 1]) < std::stoull(fast.keys()[u]));
            const Graph general = parse_edgelist(text + "x y\n", merge, "f.txt");
            auto expected = edges_by_label(general);
            expected.erase({"x", "y"});
            CHECK(edges_by_label(fast) == expected);
            CHECK(general.num_nodes() == fast.num_nodes() + 2);
        }
    }
    // A zero in front is the general path: '7' and '07' are refused, naming both lines.
    CHECK_THROWS_WITH(parse_edgelist("7 1\n1 2\n2 07\n", {}, "z.txt"),
                      Contains("z.txt:3: label '07' has the same value as label '7' on line 1"));
}
