// Each option defined once (issue 14): every C++ Options struct with a
// value that can be wrong owns its check, validate(). A default-constructed
// struct is valid; each wrong value is refused by validate() itself, with
// the message the operation gives (so the C and Python faces, which build
// the same struct, give it too), and by the operation before any work.
#include "verbind/error.hpp"
#include "verbind/graph/view.hpp"
#include "verbind/io/edgelist.hpp"
#include "verbind/io/io.hpp"
#include "verbind/match/assignment.hpp"
#include "verbind/match/introductions.hpp"
#include "verbind/match/tables.hpp"
#include "verbind/model/network.hpp"
#include "verbind/reach/cascades.hpp"
#include "verbind/reach/hops.hpp"
#include "verbind/reach/spread.hpp"
#include "verbind/reach/temporal.hpp"
#include "verbind/report/layout.hpp"
#include "verbind/socialmap/brokerage.hpp"
#include "verbind/socialmap/centrality.hpp"
#include "verbind/socialmap/communities.hpp"
#include "verbind/socialmap/mixing.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

using namespace verbind;
using Catch::Matchers::Contains;

namespace {

Graph triangle() {
    const std::vector<NodeId> src{0, 1, 0}, dst{1, 2, 2};
    return Graph::from_edges(3, src, dst);
}

Date day(int y, int m, int d) { return Date(y, m, d); }

}  // namespace

TEST_CASE("default-constructed options are valid", "[options]") {
    CHECK_NOTHROW(SpreadOptions{}.validate());
    CHECK_NOTHROW(BetweennessOptions{}.validate());
    CHECK_NOTHROW(PageRankOptions{}.validate());
    CHECK_NOTHROW(EigenvectorOptions{}.validate());
    CHECK_NOTHROW(CommunityOptions{}.validate());
    CHECK_NOTHROW(ExpectedEIOptions{}.validate());
    CHECK_NOTHROW(IntroductionOptions{}.validate());
    CHECK_NOTHROW(TableOptions{}.validate());
    CHECK_NOTHROW(ViewOptions{}.validate());
    CHECK_NOTHROW(CascadeOptions{}.validate());
    CHECK_NOTHROW(TemporalOptions{}.validate());
    CHECK_NOTHROW(NetworkTemporalOptions{}.validate());
}

TEST_CASE("validate() refuses each wrong value, as the operation does", "[options]") {
    const Graph g = triangle();
    const std::vector<NodeId> seeds{0};
    const std::vector<std::uint32_t> groups{0, 0, 1};
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::infinity();

    SECTION("SpreadOptions") {
        SpreadOptions o;
        o.runs = 0;
        CHECK_THROWS_WITH(o.validate(), Contains("runs must be at least 1"));
        CHECK_THROWS_WITH(spread(g, seeds, o), Contains("runs must be at least 1"));
    }
    SECTION("BetweennessOptions") {
        BetweennessOptions o;
        o.samples = 0;
        CHECK_THROWS_AS(o.validate(), input_error);
        CHECK_THROWS_WITH(betweenness(g, o), Contains("betweenness: samples must be at least 1"));
        o.samples = 3;
        CHECK_NOTHROW(o.validate());
        o.samples = 4;  // more than the graph has: the operation knows the graph
        CHECK_NOTHROW(o.validate());
        CHECK_THROWS_WITH(betweenness(g, o), Contains("samples must be in 1..3"));
    }
    SECTION("PageRankOptions") {
        PageRankOptions o;
        for (double damping : {-0.1, 1.5, nan}) {
            o.damping = damping;
            CHECK_THROWS_WITH(o.validate(), Contains("pagerank: damping must be in [0, 1]"));
            CHECK_THROWS_WITH(pagerank(g, o), Contains("pagerank: damping must be in [0, 1]"));
        }
        o = {};
        for (double tol : {0.0, -1.0, nan}) {
            o.tol = tol;
            CHECK_THROWS_WITH(o.validate(), Contains("pagerank: tol must be > 0"));
        }
        o = {};
        o.personalization = {1.0, -1.0, 1.0};
        CHECK_THROWS_WITH(o.validate(), Contains("personalization[1] must be a finite number >= 0"));
        o.personalization = {1.0, inf, 1.0};
        CHECK_THROWS_WITH(o.validate(), Contains("personalization[1] must be a finite number >= 0"));
        o.personalization = {0.0, 0.0, 0.0};
        CHECK_THROWS_WITH(o.validate(), Contains("personalization must sum to a positive value"));
        CHECK_THROWS_WITH(pagerank(g, o), Contains("personalization must sum to a positive value"));
        o.personalization = {1.0, 1.0};  // valid values; their count is the graph's business
        CHECK_NOTHROW(o.validate());
        CHECK_THROWS_WITH(pagerank(g, o), Contains("personalization has 2 entries, the graph has 3 nodes"));
    }
    SECTION("EigenvectorOptions") {
        EigenvectorOptions o;
        o.tol = 0;
        CHECK_THROWS_WITH(o.validate(), Contains("eigenvector: tol must be > 0"));
        CHECK_THROWS_WITH(eigenvector(g, o), Contains("eigenvector: tol must be > 0"));
    }
    SECTION("CommunityOptions") {
        CommunityOptions o;
        for (double resolution : {0.0, -1.0, nan, inf}) {
            o.resolution = resolution;
            CHECK_THROWS_WITH(o.validate(), Contains("communities: resolution must be a positive finite number"));
            CHECK_THROWS_WITH(communities(g, o), Contains("resolution must be a positive finite number"));
        }
    }
    SECTION("ExpectedEIOptions") {
        ExpectedEIOptions o;
        o.permutations = 0;
        CHECK_THROWS_WITH(o.validate(), Contains("expected_ei_index: permutations must be at least 1"));
        CHECK_THROWS_WITH(expected_ei_index(g, groups, o), Contains("permutations must be at least 1"));
    }
    SECTION("IntroductionOptions") {
        IntroductionOptions o;
        o.min_shared = 0;
        CHECK_THROWS_WITH(o.validate(), Contains("introductions: min_shared must be >= 1"));
        CHECK_THROWS_WITH(introductions(Network{}, o), Contains("min_shared must be >= 1"));
        o = {};
        o.candidates_per_person = 0;
        CHECK_THROWS_WITH(o.validate(), Contains("candidates_per_person must be >= 1"));
        o = {};
        o.bridge_bonus = -0.5;
        CHECK_THROWS_WITH(o.validate(), Contains("bridge_bonus must be finite and >= 0"));
        o = {};
        o.introducer_bonus = inf;
        CHECK_THROWS_WITH(o.validate(), Contains("introducer_bonus must be finite and >= 0"));
    }
    SECTION("TableOptions") {
        TableOptions o;
        o.size = 1;
        CHECK_THROWS_WITH(o.validate(), Contains("tables: size must be >= 2, got 1"));
    }
    SECTION("ViewOptions") {
        ViewOptions o;
        o.start = day(2022, 5, 5);
        o.end = day(2022, 5, 5);
        CHECK_THROWS_WITH(o.validate(), Contains("view: end 2022-05-05 is not after start 2022-05-05"));
        CHECK_THROWS_WITH(build_graph(Network{}, o), Contains("is not after start"));
        o.end = day(2022, 5, 6);
        CHECK_NOTHROW(o.validate());
    }
    SECTION("CascadeOptions") {
        CascadeOptions o;
        o.start = day(2022, 6, 1);
        o.end = day(2022, 5, 1);
        CHECK_THROWS_WITH(o.validate(), Contains("cascades: start 2022-06-01 is not before end 2022-05-01"));
        CHECK_THROWS_WITH(cascades(Network{}, o), Contains("is not before end"));
    }
    SECTION("TemporalOptions") {
        TemporalOptions o;
        o.start = 5;
        o.end = 5;
        CHECK_THROWS_WITH(o.validate(), Contains("temporal_reach: end must be after start (start 5, end 5)"));
        o = {};
        o.max_wait = -1;
        CHECK_THROWS_WITH(o.validate(), Contains("temporal_reach: max_wait must be >= 0, got -1"));
    }
    SECTION("NetworkTemporalOptions") {
        NetworkTemporalOptions o;
        o.start = day(2022, 5, 5);
        o.end = day(2022, 5, 4);
        CHECK_THROWS_WITH(o.validate(),
                          Contains("temporal_reach: end must be after start") && Contains("as day numbers"));
        CHECK_THROWS_WITH(temporal_reach(Network{}, {}, o), Contains("end must be after start"));
        o.end.reset();
        o.max_wait = -2;
        CHECK_THROWS_WITH(o.validate(), Contains("max_wait must be >= 0, got -2"));
    }
}

TEST_CASE("validate() on the edge-list, CSV, assignment and the always-valid options", "[options]") {
    CHECK_NOTHROW(EdgeListOptions{}.validate());
    CHECK_NOTHROW(CsvOptions{}.validate());
    CHECK_NOTHROW(AssignOptions{}.validate());
    CHECK_NOTHROW(LayoutOptions{}.validate());
    // Every value of these is valid; each operation still calls validate().
    CHECK_NOTHROW(DistanceOptions{}.validate());
    CHECK_NOTHROW(BrokerageOptions{}.validate());
    CHECK_NOTHROW(HopOptions{}.validate());
    CHECK_NOTHROW(ExportOptions{}.validate());

    SECTION("EdgeListOptions") {
        EdgeListOptions o;
        o.delimiter = '|';
        CHECK_THROWS_WITH(o.validate(), "delimiter must be blanks (' '), tab, ',' or ';' (or 0: per file), got '|'");
        // The reader names the source in front, before reading a line.
        CHECK_THROWS_WITH(parse_edgelist("0 1\n", o, "edges.txt"), Contains("edges.txt: delimiter must be blanks"));
        for (char d : {'\0', ' ', '\t', ',', ';'}) {
            o.delimiter = d;
            CHECK_NOTHROW(o.validate());
        }
        o = {};
        for (int column : {-2, 0, 1, EdgeListOptions::max_weight_column + 1}) {
            o.weight_column = column;
            CHECK_THROWS_WITH(o.validate(), Contains("the weight column must be 2 or more") &&
                                                Contains("got " + std::to_string(column)));
        }
        for (int column : {-1, 2, EdgeListOptions::max_weight_column}) {
            o.weight_column = column;
            CHECK_NOTHROW(o.validate());
        }
        o = {};
        o.delimiter = ',';
        o.comments = "#,";
        CHECK_THROWS_WITH(o.validate(), "comment character , cannot also be a delimiter, a blank or a digit");
        o.comments = "#7";
        CHECK_THROWS_WITH(o.validate(), Contains("comment character 7"));
    }
    SECTION("CsvOptions") {
        CsvOptions o;
        o.delimiter = '|';
        CHECK_THROWS_WITH(o.validate(), "delimiter: expected ',', ';' or a tab, got '|'");
        // read_csv refuses it before it looks for the folder.
        CHECK_THROWS_WITH(read_csv("/nonexistent/verbind-folder", o),
                          "delimiter: expected ',', ';' or a tab, got '|'");
        o.delimiter = 7;
        CHECK_THROWS_WITH(o.validate(), Contains("got byte 0x07"));
        o = {};
        o.columns = {{"", "Naam", "no_such_column"}};
        CHECK_THROWS_WITH(o.validate(), Contains("columns: 'Naam' -> 'no_such_column'"));
        Network net;
        CHECK_THROWS_AS(import_csv(net, "/nonexistent/verbind-folder", o), input_error);
        CHECK(net.num_actors() == 0);
    }
    SECTION("LayoutOptions") {
        LayoutOptions o;
        o.iterations = 0;
        CHECK_THROWS_WITH(o.validate(), "force_directed_layout: iterations must be at least 1");
        CHECK_THROWS_WITH(force_directed_layout(triangle(), o),
                          "force_directed_layout: iterations must be at least 1");
        o.iterations = 1;
        CHECK_NOTHROW(o.validate());
    }
    SECTION("AssignOptions") {
        AssignOptions o;
        o.col_capacity = {1, -3};
        CHECK_THROWS_WITH(o.validate(), "assign: col_capacity[1] is -3, must be >= 0");
        const std::vector<double> cost{1, 2, 3, 4};
        CHECK_THROWS_WITH(assign({cost, 2, 2}, o), "assign: col_capacity[1] is -3, must be >= 0");
        o.col_capacity = {0, 5};
        CHECK_NOTHROW(o.validate());
        o.row_capacity = {};  // the length is checked against the matrix, by assign
        CHECK_NOTHROW(o.validate());
        CHECK_THROWS_WITH(assign({cost, 2, 2}, o), "assign: row_capacity has 0 values, expected 1 or 2");
    }
}
