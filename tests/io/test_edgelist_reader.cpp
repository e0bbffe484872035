// The edge-list reader's own build (issue 12, speed and memory): it streams
// the file, reads two-integer lines without splitting, keeps one 8-byte
// record per line and lays out the CSR itself. Checked here against an
// independent reference on many generated files: the records as the
// generator wrote them, pairs listed both ways merged by a plain quadratic
// loop, then Graph::from_labelled_edges (GraphBuilder::build). Same graph,
// or the same error for the same line.
#include "verbind/error.hpp"
#include "verbind/graph/graph.hpp"
#include "verbind/io/edgelist.hpp"

#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <vector>

using namespace verbind;
using Catch::Matchers::Contains;

namespace {

struct Line {
    std::string a, b;
    double w = 1;
    std::size_t line = 0;
};

struct Outcome {
    std::optional<Graph> graph;
    std::string error;
};

// "edge 3" in a message of GraphBuilder::build -> "<file>:<line of record 3>".
std::string edges_to_lines(const std::string& message, const std::vector<Line>& kept, const std::string& file) {
    std::string out;
    for (std::size_t i = 0; i < message.size();) {
        if (message.compare(i, 5, "edge ") == 0 && i + 5 < message.size() && std::isdigit(message[i + 5])) {
            std::size_t j = i + 5, index = 0;
            while (j < message.size() && std::isdigit(static_cast<unsigned char>(message[j])))
                index = index * 10 + static_cast<std::size_t>(message[j++] - '0');
            out += file + ":" + std::to_string(kept.at(index).line);
            i = j;
        } else {
            out += message[i++];
        }
    }
    return out;
}

// The reference: the generator's records, the pairs listed both ways merged
// one by one, then the general builder. Errors as the reader words them
// where the wording is the reader's own (pairs, same values), else the
// builder's with edge numbers turned into lines.
Outcome reference(const std::vector<Line>& lines, const EdgeListOptions& options, bool weighted) {
    Outcome out;
    std::vector<std::string> labels;
    for (const auto& l : lines) labels.insert(labels.end(), {l.a, l.b});
    // Positions as the reader numbers them: by value when every label is an
    // integer (two of the same value: an error), else by first appearance.
    std::vector<std::string> order;
    std::set<std::string> seen;
    for (const auto& s : labels)
        if (seen.insert(s).second) order.push_back(s);
    bool integers = std::all_of(order.begin(), order.end(), [](const std::string& s) { return is_integer_label(s); });
    if (integers) {
        std::stable_sort(order.begin(), order.end(),
                         [](const std::string& x, const std::string& y) { return compare_integer_labels(x, y) < 0; });
        for (std::size_t i = 1; i < order.size(); ++i)
            if (compare_integer_labels(order[i - 1], order[i]) == 0) {
                out.error = "has the same value as label";
                return out;
            }
    }
    auto position = [&](const std::string& s) {
        return static_cast<std::size_t>(std::find(order.begin(), order.end(), s) - order.begin());
    };
    std::vector<bool> dropped(lines.size(), false);
    if (!options.directed) {
        // Pairs by (smaller position, larger position); the first different weight in that order.
        std::vector<std::pair<std::size_t, std::size_t>> pairs;
        for (const auto& l : lines) {
            std::size_t p = position(l.a), q = position(l.b);
            if (p > q) std::swap(p, q);
            if (p != q) pairs.emplace_back(p, q);
        }
        std::sort(pairs.begin(), pairs.end());
        pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
        for (const auto& [p, q] : pairs) {
            std::vector<std::size_t> forward, backward;
            for (std::size_t i = 0; i < lines.size(); ++i) {
                const std::size_t x = position(lines[i].a), y = position(lines[i].b);
                if (std::min(x, y) != p || std::max(x, y) != q) continue;
                if (forward.empty() || lines[i].a == lines[forward[0]].a)
                    forward.push_back(i);
                else
                    backward.push_back(i);
            }
            for (std::size_t k = 0; k < forward.size() && k < backward.size(); ++k) {
                const Line &f = lines[forward[k]], &r = lines[backward[k]];
                if (weighted && f.w != r.w) {
                    out.error = ":" + std::to_string(r.line) + ": '" + r.a + " " + r.b + "' has weight";
                    return out;
                }
                dropped[backward[k]] = true;
            }
        }
    }
    std::vector<Line> kept;
    std::vector<std::string> src, dst;
    std::vector<double> w;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (dropped[i]) continue;
        kept.push_back(lines[i]);
        src.push_back(lines[i].a);
        dst.push_back(lines[i].b);
        w.push_back(lines[i].w);
    }
    try {
        out.graph =
            Graph::from_labelled_edges(src, dst, weighted ? std::span<const double>(w) : std::span<const double>(),
                                       options);
    } catch (const input_error& e) {
        out.error = edges_to_lines(e.what(), kept, "f.txt");
    }
    return out;
}

void check_same(const Graph& got, const Graph& want) {
    REQUIRE(got.keys() == want.keys());
    CHECK(got.directed() == want.directed());
    CHECK(got.weight_precision() == want.weight_precision());
    const auto a = got.edges(), b = want.edges();
    CHECK(a.src == b.src);
    CHECK(a.dst == b.dst);
    CHECK(a.weight == b.weight);
    for (NodeId u = 0; u < got.num_nodes(); ++u) {
        CHECK(std::vector<NodeId>(got.neighbors(u).begin(), got.neighbors(u).end()) ==
              std::vector<NodeId>(want.neighbors(u).begin(), want.neighbors(u).end()));
        CHECK(std::vector<NodeId>(got.in_neighbors(u).begin(), got.in_neighbors(u).end()) ==
              std::vector<NodeId>(want.in_neighbors(u).begin(), want.in_neighbors(u).end()));
    }
}

std::string temporary_file(const std::string& name, const std::string& text) {
    const auto path = std::filesystem::temp_directory_path() / ("verbind_edgelist_reader_" + name);
    std::ofstream(path, std::ios::binary) << text;
    return path.string();
}

}  // namespace

TEST_CASE("the reader's build equals the general builder on generated files", "[graph][edgelist]") {
    std::mt19937_64 rng(2026);
    int graphs = 0, errors = 0;
    for (int round = 0; round < 1500; ++round) {
        // Labels: small integers (dense), large ones (sparse), some above
        // 2^32, sometimes a zero in front or a word (the general path).
        const int kind = static_cast<int>(rng() % 6);
        const int nodes = 2 + static_cast<int>(rng() % 9);
        auto label = [&](int i) -> std::string {
            switch (kind) {
                case 0: return std::to_string(i);
                case 1: return std::to_string(1000003ull * static_cast<unsigned long long>(i) + 7);
                case 2: return std::to_string(4294967290ull + static_cast<unsigned long long>(i));
                case 3: return rng() % 40 == 0 ? "0" + std::to_string(i) : std::to_string(i);
                case 4: return rng() % 20 == 0 ? "n" + std::to_string(i) : std::to_string(i);
                default: return "p" + std::to_string(i);
            }
        };
        const bool weighted = rng() % 3 == 0;
        const std::vector<double> weight_values{1, 2, 0.5, 0.1, 1e308};
        std::vector<Line> lines;
        std::string text = rng() % 4 == 0 ? "# a comment\n" : "";
        std::size_t line = text.empty() ? 0 : 1;
        const int count = 1 + static_cast<int>(rng() % 14);
        for (int k = 0; k < count; ++k) {
            if (rng() % 10 == 0) {
                text += rng() % 2 ? "% note\n" : "\n";
                ++line;
            }
            Line l;
            const int a = static_cast<int>(rng() % nodes);
            int b = static_cast<int>(rng() % nodes);
            if (rng() % 3 == 0 && !lines.empty()) {  // the pair again, often the other way round
                const Line& before = lines[rng() % lines.size()];
                l.a = rng() % 4 ? before.b : before.a;
                l.b = l.a == before.b ? before.a : before.b;
            } else {
                if (a == b && rng() % 3) b = (b + 1) % nodes;
                l.a = label(a);
                l.b = label(b);
            }
            l.w = weight_values[rng() % weight_values.size()];
            l.line = ++line;
            const char* sep = rng() % 5 == 0 ? " \t " : "\t";
            text += l.a + sep + l.b;
            if (weighted)
                text += std::string(sep) + (l.w == 1e308 ? "1e308" : std::to_string(l.w));
            else if (rng() % 8 == 0)
                text += " # trailing";
            text += rng() % 7 == 0 ? "\r\n" : "\n";
            lines.push_back(l);
        }
        if (rng() % 3 == 0 && !text.empty() && text.back() == '\n') text.pop_back();  // no final newline
        EdgeListOptions options;
        options.directed = rng() % 3 == 0;
        options.duplicates = static_cast<Merge>(rng() % 5);
        options.self_loops = rng() % 2 ? SelfLoops::error : SelfLoops::drop;
        options.header = EdgeListHeader::no;
        if (weighted) options.weight_column = 2;
        // Weights written with std::to_string are what the reader reads back.
        for (auto& l : lines)
            if (weighted && l.w != 1e308) l.w = std::stod(std::to_string(l.w));
        INFO("round " << round << "\n" << text);
        const Outcome want = reference(lines, options, weighted);
        std::optional<Graph> got;
        std::string error;
        try {
            got = parse_edgelist(text, options, "f.txt");
        } catch (const parse_error& e) {
            error = e.what();
        }
        if (want.graph) {
            REQUIRE(error == "");
            REQUIRE(got);
            check_same(*got, *want.graph);
            ++graphs;
        } else {
            INFO("expected: " << want.error);
            REQUIRE(!got);
            CHECK_THAT(error, Contains(want.error));
            ++errors;
        }
    }
    // Both outcomes were tried many times.
    CHECK(graphs > 300);
    CHECK(errors > 300);
}

TEST_CASE("the reader gives the same graph from a file read in pieces as from its text", "[graph][edgelist]") {
    // More than one 1 MB piece, lines cut at the pieces' ends; a byte order
    // mark, CRLF ends, comments, no final newline; integer labels, then the
    // same with a word label (the general path from a line in the second piece).
    std::mt19937_64 rng(7);
    std::string text = "\xEF\xBB\xBF# header comment\n";
    std::set<std::pair<int, int>> pairs;
    while (text.size() < 2'500'000) {
        const int a = static_cast<int>(rng() % 20000), b = static_cast<int>(rng() % 20000);
        if (a == b || !pairs.insert({std::min(a, b), std::max(a, b)}).second) continue;
        text += std::to_string(a) + "\t" + std::to_string(b) + (rng() % 50 == 0 ? "\r\n" : "\n");
        if (rng() % 2) text += std::to_string(b) + " " + std::to_string(a) + "\n";
        if (rng() % 1000 == 0) text += "% a note\n";
    }
    text += "1\t2";
    for (const std::string& variant : {text, text + "\nx\ty"}) {
        const std::string path = temporary_file("pieces.txt", variant);
        EdgeListOptions options;
        options.duplicates = Merge::first;
        const Graph from_file = read_edgelist(path, options);
        const Graph from_text = parse_edgelist(variant, options, path);
        check_same(from_file, from_text);
        CHECK(from_file.num_edges() == pairs.size() + (pairs.count({1, 2}) ? 0 : 1) + (variant == text ? 0 : 1));
        std::filesystem::remove(path);
    }
    // An error in the second piece names its line, counted across pieces.
    std::size_t lines = 0;
    for (char c : text) lines += c == '\n';
    const std::string path = temporary_file("bad.txt", text + "\n5\n");
    CHECK_THROWS_WITH(read_edgelist(path),
                      Contains(path + ":" + std::to_string(lines + 2) + ": expected at least 2 fields"));
    std::filesystem::remove(path);
}

TEST_CASE("the reader's errors keep their order", "[graph][edgelist]") {
    // Different weights for the two directions come before a self-loop,
    // which comes before a repeat, wherever they are in the file.
    EdgeListOptions w;
    w.weight_column = 2;
    CHECK_THROWS_WITH(parse_edgelist("1 1 1\n1 2 1\n1 2 1\n3 4 1\n4 3 2\n", w, "e.txt"),
                      Contains("e.txt:5: '4 3' has weight 2 but line 4 lists '3 4' with weight 1"));
    CHECK_THROWS_WITH(parse_edgelist("1 2 1\n1 2 1\n3 3 1\n", w, "e.txt"),
                      Contains("e.txt:3: self-loop on node '3'"));
    CHECK_THROWS_WITH(parse_edgelist("5 6\n1 2\n6 5\n2 1\n6 5\n1 2\n", {}, "e.txt"),
                      Contains("e.txt:6: duplicate of e.txt:2 (both join '1' and '2'"));
    // Unweighted records carry no number: the message finds the lines.
    CHECK_THROWS_WITH(parse_edgelist("a b\nc d\nb a\nd c\nc d\nd c\nc d\n", {}, "e.txt"),
                      Contains("e.txt:5: duplicate of e.txt:2 (both join 'c' and 'd'"));
    EdgeListOptions sum = w;
    sum.duplicates = Merge::sum;
    CHECK_THROWS_WITH(parse_edgelist("1 2 1e308\n1 2 1e308\n", sum, "e.txt"),
                      Contains("e.txt:2: field 'weight': the sum of the weights of e.txt:1"));
}
