// The binary graph file (io/graph_file.hpp, issue 18): round trips equal
// the original on every array and on algorithm results; every damaged or
// hostile file is refused with an error naming the file and the field.
#include "io_test_support.hpp"
#include "verbind/error.hpp"
#include "verbind/graph/graph.hpp"
#include "verbind/io/graph_file.hpp"
#include "verbind/socialmap/centrality.hpp"
#include "verbind/util/hash.hpp"

#include <catch2/catch.hpp>

#include <cstring>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

using namespace verbind;
using Catch::Matchers::Contains;
using verbind_io_test::TempFolder;

// The error's class and its message.
#define REQUIRE_THROWS_TYPED(expr, type, matcher) \
  do { \
    REQUIRE_THROWS_AS(expr, type); \
    REQUIRE_THROWS_WITH(expr, matcher); \
  } while (false)

namespace {

// Every array a Graph shows, compared exactly.
void require_same(const Graph& a, const Graph& b) {
    REQUIRE(a.num_nodes() == b.num_nodes());
    REQUIRE(a.num_edges() == b.num_edges());
    REQUIRE(a.directed() == b.directed());
    REQUIRE(a.weight_precision() == b.weight_precision());
    REQUIRE(a.has_keys() == b.has_keys());
    REQUIRE(a.keys() == b.keys());
    REQUIRE(a.label_kind() == b.label_kind());
    REQUIRE(a.label_kind_reason() == b.label_kind_reason());
    for (NodeId u = 0; u < a.num_nodes(); ++u) {
        REQUIRE(a.arc_begin(u) == b.arc_begin(u));
        REQUIRE(a.arc_end(u) == b.arc_end(u));
        REQUIRE(a.in_arc_begin(u) == b.in_arc_begin(u));
        REQUIRE(a.in_arc_end(u) == b.in_arc_end(u));
        REQUIRE(a.key(u) == b.key(u));
        for (ArcId e = a.arc_begin(u); e < a.arc_end(u); ++e) {
            REQUIRE(a.arc_target(e) == b.arc_target(e));
            REQUIRE(a.arc_weight(e) == b.arc_weight(e));
        }
        for (ArcId e = a.in_arc_begin(u); e < a.in_arc_end(u); ++e) {
            REQUIRE(a.in_arc_source(e) == b.in_arc_source(e));
            REQUIRE(a.in_arc_weight(e) == b.in_arc_weight(e));
        }
    }
    if (a.num_nodes() > 0) {
        REQUIRE(pagerank(a) == pagerank(b));
        REQUIRE(betweenness(a) == betweenness(b));
    }
}

std::string bytes_of(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::vector<Graph> sample_graphs() {
    std::vector<Graph> out;
    out.emplace_back();                           // default: no nodes
    out.push_back(Graph::from_edges(0, {}, {}));  // no nodes, built
    out.push_back(Graph::from_edges(6, std::vector<NodeId>{0, 1, 2}, std::vector<NodeId>{1, 2, 0}));  // 3..5 isolated
    EdgeListOptions directed;
    directed.directed = true;
    // Weights exactly floats (stored single) and not (stored double).
    out.push_back(Graph::from_edges(4, std::vector<NodeId>{0, 1, 2, 3, 0}, std::vector<NodeId>{1, 2, 3, 0, 2},
                                    std::vector<double>{1, 2.5, 3, 0.25, 7}, directed));
    out.push_back(Graph::from_edges(4, std::vector<NodeId>{0, 1, 2, 3, 0}, std::vector<NodeId>{1, 2, 3, 0, 2},
                                    std::vector<double>{0.1, 2.5, 1e-300, 1.0 / 3, 7}, directed));
    out.push_back(Graph::from_edges(3, std::vector<NodeId>{0, 1}, std::vector<NodeId>{1, 2},
                                    std::vector<double>{0.1, 0.7}));  // undirected f64
    // Keys: text (with bytes that are not ASCII), integer labels with
    // leading zeros (LabelKind::integers via the value index), and mixed.
    out.push_back(Graph::from_labelled_edges(std::vector<std::string>{"anna", "bo\xC3\xABl", "chen"},
                                             std::vector<std::string>{"bo\xC3\xABl", "chen", "dara"}));
    out.push_back(Graph::from_labelled_edges(std::vector<std::string>{"007", "8", "12"},
                                             std::vector<std::string>{"8", "12", "3"}));
    out.push_back(Graph::from_labelled_edges(std::vector<std::string>{"7", "x"}, std::vector<std::string>{"x", "9"}));
    // A random directed weighted graph with isolated nodes.
    std::mt19937_64 rng(18);
    std::vector<NodeId> s, d;
    std::vector<double> w;
    for (int i = 0; i < 400; ++i) {
        const NodeId a = static_cast<NodeId>(rng() % 90), b = static_cast<NodeId>(rng() % 90);
        if (a == b) continue;
        s.push_back(a);
        d.push_back(b);
        w.push_back(static_cast<double>(rng() % 1000) / 7.0);
    }
    EdgeListOptions merge = directed;
    merge.duplicates = Merge::sum;
    out.push_back(Graph::from_edges(100, s, d, w, merge));
    return out;
}

}  // namespace

TEST_CASE("hash64 is XXH64", "[graph_file]") {
    // Published XXH64 values (seed 0).
    CHECK(hash64("", 0) == 0xEF46DB3751D8E999ULL);
    CHECK(hash64("a", 1) == 0xD24EC4F1A98C6E5BULL);
    CHECK(hash64("abc", 3) == 0x44BC2CF5AD770999ULL);
    const std::string s = "Nobody inspects the spammish repetition";
    CHECK(hash64(s.data(), s.size()) == 0xFBCEA83C8A378BF1ULL);
    // Streamed in pieces of every size: the same value.
    std::string long_text(300, '\0');
    for (std::size_t i = 0; i < long_text.size(); ++i) long_text[i] = static_cast<char>(i * 37 + 11);
    const std::uint64_t whole = hash64(long_text.data(), long_text.size());
    for (std::size_t piece = 1; piece <= 70; ++piece) {
        Hash64 h;
        for (std::size_t at = 0; at < long_text.size(); at += piece)
            h.update(std::string_view(long_text).substr(at, piece));
        REQUIRE(h.digest() == whole);
    }
}

TEST_CASE("graph file round trips keep every array, key and result", "[graph_file]") {
    TempFolder dir;
    int i = 0;
    for (const Graph& g : sample_graphs()) {
        const std::string path = dir.file(std::to_string(i++) + ".vbg");
        save_graph(g, path);
        REQUIRE(is_graph_file(path));
        const Graph loaded = load_graph(path);
        require_same(g, loaded);
        require_same(g, load_graph(path, LoadGraphOptions{false}));
        require_same(g, parse_graph_file(bytes_of(path)));
        // Saving the loaded graph writes the same bytes.
        save_graph(loaded, dir.file("again.vbg"));
        REQUIRE(bytes_of(dir.file("again.vbg")) == bytes_of(path));
        const GraphFileInfo info = read_graph_file_info(path);
        CHECK(info.version == graph_file_version);
        CHECK(info.directed == g.directed());
        CHECK(info.weights == g.weight_precision());
        CHECK(info.num_nodes == g.num_nodes());
        CHECK(info.num_arcs == (g.directed() ? g.num_edges() : 2 * g.num_edges()));
        CHECK(info.file_bytes == std::filesystem::file_size(path));
        CHECK(info.file_bytes % 64 == 0);
    }
}

TEST_CASE("graph file: integer labels keep node identity", "[graph_file]") {
    TempFolder dir;
    const Graph g = Graph::from_labelled_edges(std::vector<std::string>{"10", "007", "2"},
                                               std::vector<std::string>{"2", "10", "5"});
    save_graph(g, dir.file("ids.vbg"));
    const Graph h = load_graph(dir.file("ids.vbg"));
    // Nodes are numbered by value: 2, 5, 7, 10.
    REQUIRE(h.keys() == std::vector<std::string>{"2", "5", "007", "10"});
    CHECK(h.label_kind() == LabelKind::integers);
    CHECK(h.find_integer("7") == NodeId{2});
    CHECK(h.find_integer("0010") == NodeId{3});
    CHECK(h.index("007") == 2);
}

TEST_CASE("graph file: keys that are the positions are found without an index", "[graph_file]") {
    TempFolder dir;
    // Labels 0..n-1, as an edge list numbered from 0 gives them.
    const Graph g =
        Graph::from_labelled_edges(std::vector<std::string>{"0", "1", "2"}, std::vector<std::string>{"1", "2", "3"});
    save_graph(g, dir.file("pos.vbg"));
    const Graph h = load_graph(dir.file("pos.vbg"));
    REQUIRE(h.keys() == std::vector<std::string>{"0", "1", "2", "3"});
    CHECK(h.key_memory_bytes() < g.key_memory_bytes());  // no hash index
    for (const char* key : {"0", "1", "2", "3", "4", "01", "", "-1", " 1", "1 ", "x", "99999999999"}) {
        INFO(key);
        CHECK(h.find(key) == g.find(key));
        CHECK(h.find_integer(key) == g.find_integer(key));
    }
    CHECK(h.label_kind() == LabelKind::integers);
    CHECK(h.find_integer("0003") == NodeId{3});
    REQUIRE_THROWS_AS(h.index("01"), not_found_error);
}

TEST_CASE("a loaded graph outlives its copies and a replaced file", "[graph_file]") {
    TempFolder dir;
    const Graph g = sample_graphs()[4];
    const std::string path = dir.file("g.vbg");
    save_graph(g, path);
    Graph copy;
    {
        const Graph loaded = load_graph(path);
        copy = loaded;
    }
    save_graph(Graph::from_edges(2, std::vector<NodeId>{0}, std::vector<NodeId>{1}), path);  // replaced
    require_same(g, copy);
    CHECK(load_graph(path).num_nodes() == 2);
    CHECK(copy.memory_bytes() > 0);
}

TEST_CASE("graph file: missing files, folders and bad paths", "[graph_file]") {
    TempFolder dir;
    REQUIRE_THROWS_TYPED(load_graph(dir.file("none.vbg")), io_error, Contains("none.vbg") && Contains("open"));
    REQUIRE_THROWS_TYPED(load_graph(dir.str()), io_error, Contains("folder"));
    REQUIRE_THROWS_AS(load_graph(""), input_error);
    CHECK_FALSE(is_graph_file(dir.file("none.vbg")));
    dir.write("edges.txt", "0 1\n1 2\n");
    CHECK_FALSE(is_graph_file(dir.file("edges.txt")));
    REQUIRE_THROWS_TYPED(load_graph(dir.file("edges.txt")), parse_error,
                         Contains("edges.txt") && Contains("field 'magic'"));
    REQUIRE_THROWS_AS(save_graph(Graph(), dir.file("no/such/folder/g.vbg")), io_error);
}

TEST_CASE("graph file: each header field damaged is named", "[graph_file]") {
    TempFolder dir;
    const std::string path = dir.file("g.vbg");
    save_graph(sample_graphs()[6], path);  // keyed, undirected
    const std::string good = bytes_of(path);
    struct Case {
        std::size_t at;
        std::uint64_t value;
        int width;
        const char* field;
    };
    const Case cases[] = {
        {0, 'X', 1, "magic"},
        {8, 2, 4, "version"},
        {8, 0, 4, "version"},
        {12, 0x04030201, 4, "byte_order"},
        {12, 7, 4, "byte_order"},
        {16, 64, 4, "header_bytes"},
        {20, 0x10, 4, "flags"},
        {20, 1, 4, "flags"},
        {24, 3, 4, "weight_type"},
        {24, 1, 4, "file_bytes"},
        {28, 1, 4, "reserved"},
        {100, 1, 1, "reserved"},
        {32, 1ULL << 33, 8, "num_nodes"},
        {32, 100, 8, "file_bytes"},
        {40, 1ULL << 60, 8, "num_arcs"},
        {40, 3, 8, "num_arcs"},
        {40, 100, 8, "file_bytes"},
        {48, 1ULL << 60, 8, "key_bytes"},
        {48, 1000, 8, "file_bytes"},
        {56, 64, 8, "file_bytes"},
        {64, 12345, 8, "checksum"},
    };
    for (const Case& c : cases) {
        std::string bad = good;
        std::memcpy(bad.data() + c.at, &c.value, static_cast<std::size_t>(c.width));
        dir.write("bad.vbg", bad);
        INFO("byte " << c.at << " = " << c.value);
        REQUIRE_THROWS_TYPED(load_graph(dir.file("bad.vbg")), parse_error,
                             Contains("bad.vbg") && Contains(std::string("field '") + c.field + "'"));
    }
}

TEST_CASE("graph file: truncated at every section boundary, flipped bytes", "[graph_file]") {
    TempFolder dir;
    for (const Graph& g : sample_graphs()) {
        const std::string path = dir.file("g.vbg");
        save_graph(g, path);
        const std::string good = bytes_of(path);
        // Every 64-byte boundary is a section boundary or inside one.
        for (std::size_t cut = 0; cut < good.size(); cut += (cut < 130 ? 1 : 64)) {
            dir.write("cut.vbg", good.substr(0, cut));
            INFO("cut at " << cut);
            REQUIRE_THROWS_AS(load_graph(dir.file("cut.vbg")), parse_error);
            REQUIRE_THROWS_AS(load_graph(dir.file("cut.vbg"), LoadGraphOptions{false}), parse_error);
        }
        dir.write("long.vbg", good + std::string(64, '\0'));
        REQUIRE_THROWS_TYPED(load_graph(dir.file("long.vbg")), parse_error, Contains("field 'file_bytes'"));
        // A flipped bit after the header: the checksum names the file.
        for (std::size_t at = 128; at < good.size(); ++at) {
            std::string bad = good;
            bad[at] = static_cast<char>(bad[at] ^ 0x10);
            const Graph parsed = [&] {
                try {
                    return parse_graph_file(bad, "flip.vbg");
                } catch (const parse_error& e) {
                    REQUIRE_THAT(e.what(), Contains("flip.vbg: field 'checksum'"));
                    return Graph();
                }
            }();
            REQUIRE(parsed.num_nodes() == 0);
            // Unverified, the structure checks refuse it or it loads
            // (a flip in padding, or a different valid weight): no crash.
            try {
                (void)parse_graph_file(bad, "flip.vbg", LoadGraphOptions{false});
            } catch (const parse_error& e) {
                REQUIRE_THAT(e.what(), Contains("flip.vbg: field '"));
            }
        }
    }
}

TEST_CASE("graph file: arrays that pass the checksum are still checked", "[graph_file]") {
    // Hostile files with a correct checksum (recomputed): each inconsistency
    // is refused by the structure checks, naming the array.
    TempFolder dir;
    const std::string path = dir.file("g.vbg");
    EdgeListOptions directed;
    directed.directed = true;
    save_graph(Graph::from_edges(3, std::vector<NodeId>{0, 0, 1}, std::vector<NodeId>{1, 2, 2},
                                 std::vector<double>{0.5, 0.1, 2.0}, directed),
               path);
    const std::string good = bytes_of(path);
    // Layout: header 128, offsets (4 x u64) at 128, targets (3 x u32) at 192,
    // weights f64 at 256, in_offsets at 320, in_sources at 384, in_weights at 448.
    const auto with = [&](std::size_t at, auto value) {
        std::string bad = good;
        std::memcpy(bad.data() + at, &value, sizeof value);
        std::uint64_t zero = 0;
        std::memcpy(bad.data() + 64, &zero, 8);
        const std::uint64_t sum = hash64(bad.data(), bad.size());
        std::memcpy(bad.data() + 64, &sum, 8);
        return bad;
    };
    REQUIRE_NOTHROW(parse_graph_file(with(200, NodeId{2})));  // unchanged value: still fine
    REQUIRE_THROWS_TYPED(parse_graph_file(with(136, std::uint64_t{5})), parse_error, Contains("field 'offsets'"));
    REQUIRE_THROWS_TYPED(parse_graph_file(with(192, NodeId{9})), parse_error, Contains("field 'targets'"));
    REQUIRE_THROWS_TYPED(parse_graph_file(with(192, NodeId{0})), parse_error, Contains("self-loop"));
    REQUIRE_THROWS_TYPED(parse_graph_file(with(196, NodeId{1})), parse_error, Contains("not sorted"));
    REQUIRE_THROWS_TYPED(parse_graph_file(with(256, -1.0)), parse_error, Contains("field 'weights'"));
    REQUIRE_THROWS_TYPED(parse_graph_file(with(384, NodeId{1})), parse_error, Contains("field 'in_"));
}
