// min_cell is defined once (issue 14): one type (std::uint64_t), one default
// (default_min_cell, 10 by docs/privacy.md) and one check (check_min_cell)
// behind every Options struct that has it, each of which validate()s it.
#include "verbind/error.hpp"
#include "verbind/evaluate/timeline.hpp"
#include "verbind/model/network.hpp"
#include "verbind/privacy/suppress.hpp"
#include "verbind/report/report.hpp"
#include "verbind/socialmap/social_map.hpp"

#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <type_traits>

using namespace verbind;
using Catch::Matchers::Contains;

namespace {

Network small_network() {
    Network net;
    ResidentInfo info;
    info.neighbourhood = "Oost";
    info.municipality = "Almere";
    net.add_resident("a", info);
    net.add_resident("b", info);
    TieInfo tie;
    tie.since = parse_date("2022-01-01");
    net.add_tie("a", "b", "knows", tie);
    return net;
}

// The message every refusal carries: the function, then the field.
std::string refusal(const std::string& function) {
    return function + ": min_cell must be at least 1 (field 'min_cell' is 0)";
}

}  // namespace

TEST_CASE("every min_cell has one type and one default", "[options][privacy]") {
    static_assert(std::is_same_v<decltype(SuppressionOptions::min_cell), std::uint64_t>);
    static_assert(std::is_same_v<decltype(TimelineOptions::min_cell), std::uint64_t>);
    static_assert(std::is_same_v<decltype(ReportOptions::min_cell), std::uint64_t>);
    static_assert(std::is_same_v<decltype(SocialMapOptions::min_cell), std::uint64_t>);
    CHECK(default_min_cell == 10);  // docs/privacy.md: counts of fewer than 10 people are suppressed
    CHECK(SuppressionOptions{}.min_cell == 10);
    CHECK(TimelineOptions{}.min_cell == 10);
    CHECK(ReportOptions{}.min_cell == 10);
    CHECK(SocialMapOptions{}.min_cell == 10);
}

TEST_CASE("default options validate", "[options][privacy]") {
    CHECK_NOTHROW(SuppressionOptions{}.validate());
    CHECK_NOTHROW(TimelineOptions{}.validate());
    CHECK_NOTHROW(ReportOptions{}.validate());
    CHECK_NOTHROW(SocialMapOptions{}.validate());
}

TEST_CASE("min_cell 0 is refused by every function with the same words", "[options][privacy]") {
    const Network net = small_network();
    CHECK_THROWS_WITH(check_min_cell(0, "f"), refusal("f"));
    CHECK_NOTHROW(check_min_cell(1, "f"));

    SuppressionOptions s;
    s.min_cell = 0;
    CHECK_THROWS_AS(suppress_small_cells({1, 2}, 1, 2, s), input_error);
    CHECK_THROWS_WITH(suppress_small_cells({1, 2}, 1, 2, s), refusal("suppress_small_cells"));
    LinkedCells cells;
    cells.counts = {1, 2};
    CHECK_THROWS_WITH(suppress_linked_cells(cells, s), refusal("suppress_linked_cells"));

    TimelineOptions t;
    t.min_cell = 0;
    CHECK_THROWS_WITH(t.validate(), refusal("timeline"));
    CHECK_THROWS_WITH(timeline(net, t), refusal("timeline"));

    ReportOptions r;
    r.min_cell = 0;
    CHECK_THROWS_WITH(r.validate(), refusal("write_report"));
    CHECK_THROWS_WITH(report_html(net, r), refusal("write_report"));

    SocialMapOptions m;
    m.min_cell = 0;
    CHECK_THROWS_WITH(m.validate(), refusal("social_map"));
    CHECK_THROWS_WITH(social_map(net, m), refusal("social_map"));

    // The smallest allowed value passes every check.
    s.min_cell = t.min_cell = r.min_cell = m.min_cell = 1;
    CHECK_NOTHROW(s.validate());
    CHECK_NOTHROW(t.validate());
    CHECK_NOTHROW(r.validate());
    CHECK_NOTHROW(m.validate());
}

TEST_CASE("the options' other checks moved into validate() unchanged", "[options]") {
    TimelineOptions t;
    t.permutations = 0;
    CHECK_THROWS_WITH(t.validate(), "timeline: field 'permutations': must be at least 1");
    t = {};
    t.friending_days = 0;
    CHECK_THROWS_WITH(t.validate(), "timeline: field 'friending_days': must be at least 1");
    t = {};
    t.start = parse_date("2022-02-01");
    t.end = parse_date("2022-01-01");
    CHECK_THROWS_WITH(t.validate(), Contains("field 'start'"));

    ReportOptions r;
    r.top = 0;
    CHECK_THROWS_WITH(r.validate(), "write_report: top must be at least 1");
    r = {};
    r.train = 0;
    CHECK_THROWS_WITH(r.validate(), "write_report: train must be at least 1");
    r = {};
    r.max_drawn_nodes = 0;
    CHECK_THROWS_WITH(r.validate(), "write_report: max_drawn_nodes must be at least 1");

    SocialMapOptions m;
    m.top = 0;
    CHECK_THROWS_WITH(m.validate(), "social_map: top must be at least 1");
}
