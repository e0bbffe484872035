// The timeline on small networks whose every metric is worked out by hand in
// the comments (definitions: docs/evaluate.md), plus suppression, periods,
// privacy, bad input and determinism.
#include "verbind/datasets/sample.hpp"
#include "verbind/error.hpp"
#include "verbind/evaluate/timeline.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <string>
#include <vector>

using namespace verbind;

namespace {

Date day(const char* text) { return parse_date(text); }

const TimelineRecord& find(const Timeline& t, const std::string& period, const std::string& area,
                           const std::string& metric) {
    for (const auto& r : t.records)
        if (r.period == period && r.area == area && r.metric == metric) return r;
    FAIL("no record " << period << " / " << area << " / " << metric);
    throw;
}

double value(const Timeline& t, const std::string& period, const std::string& area, const std::string& metric) {
    const auto& r = find(t, period, area, metric);
    INFO(period << " / " << area << " / " << metric << " status " << to_string(r.status));
    REQUIRE(r.status == ValueStatus::ok);
    REQUIRE(r.value.has_value());
    return *r.value;
}

ValueStatus status(const Timeline& t, const std::string& period, const std::string& area, const std::string& metric) {
    return find(t, period, area, metric).status;
}

// East: e1 {a}, e2 {a}, e3 {b}, k1 {a} (key figure); West: w1 {b}, w2 (no group).
// ev1 2024-01-10 in East, organised by k1: e1, e3 (brought by k1), k1, w1.
// ev2 2024-03-05 in West: e1, w1, w2 (brought by w1).
// Ties: e1-e2 2023-06-01 until 2024-03-15; e1-e3 from 2024-01-20; e3-w1 from 2024-03-10.
Network two_towns() {
    Network net;
    auto resident = [&](const char* key, const char* municipality, std::vector<std::string> groups,
                        bool key_figure = false) {
        ResidentInfo info;
        info.municipality = municipality;
        info.neighbourhood = std::string(municipality) + " centre";
        info.groups = std::move(groups);
        info.key_figure = key_figure;
        net.add_resident(key, info);
    };
    resident("e1", "East", {"a"});
    resident("e2", "East", {"a"});
    resident("e3", "East", {"b"});
    resident("k1", "East", {"a"}, true);
    resident("w1", "West", {"b"});
    resident("w2", "West", {});
    net.add_event("ev1", {day("2024-01-10"), "meal", "East centre", "East", {"k1"}});
    net.add_event("ev2", {day("2024-03-05"), "walk", "West centre", "West", {}});
    net.attend("ev1", "e1");
    net.attend("ev1", "e3", "k1");
    net.attend("ev1", "k1");
    net.attend("ev1", "w1");
    net.attend("ev2", "e1");
    net.attend("ev2", "w1");
    net.attend("ev2", "w2", "w1");
    net.add_tie("e1", "e2", "knows", {day("2023-06-01"), day("2024-03-15"), 1.0});
    net.add_tie("e1", "e3", "knows", {day("2024-01-20"), std::nullopt, 1.0});
    net.add_tie("e3", "w1", "knows", {day("2024-03-10"), std::nullopt, 1.0});
    return net;
}

TimelineOptions exact_options() {
    TimelineOptions o;
    o.start = day("2024-01-01");
    o.end = day("2024-04-01");
    o.min_cell = 1;  // publish everything: the values themselves are under test
    o.permutations = 2000;
    o.seed = 7;
    return o;
}

}  // namespace

TEST_CASE("timeline: periods, areas and record order", "[evaluate]") {
    const Timeline t = timeline(two_towns(), exact_options());
    CHECK(t.periods == std::vector<std::string>{"2024-01", "2024-02", "2024-03"});
    CHECK(t.areas == std::vector<std::string>{"East", "West", "programme"});
    CHECK(t.note.empty());
    const auto& metrics = timeline_metrics();
    REQUIRE(t.records.size() == 3 * 3 * metrics.size());
    for (std::size_t i = 0; i < t.records.size(); ++i) {
        const auto& r = t.records[i];
        CHECK(r.period == t.periods[i / (3 * metrics.size())]);
        CHECK(r.area == t.areas[(i / metrics.size()) % 3]);
        CHECK(r.metric == metrics[i % metrics.size()].name);
        CHECK(r.value.has_value() == (r.status == ValueStatus::ok));
    }
    CHECK(t.records.front().period_start == day("2024-01-01"));
    CHECK(t.records.front().period_end == day("2024-02-01"));
}

TEST_CASE("timeline: every metric of January by hand", "[evaluate]") {
    const Timeline t = timeline(two_towns(), exact_options());
    const std::string jan = "2024-01";
    // Attended ev1: e1 e3 k1 (East), w1 (West); the e1-e3 tie started too.
    CHECK(value(t, jan, "East", "active_residents") == 3);
    CHECK(value(t, jan, "West", "active_residents") == 1);
    CHECK(value(t, jan, "programme", "active_residents") == 4);
    CHECK(value(t, jan, "East", "newcomers") == 3);
    CHECK(value(t, jan, "West", "newcomers") == 1);
    // The e1-e2 tie began before start: not reach. e1 e3 k1 w1 are reached by ev1.
    CHECK(value(t, jan, "East", "newly_reached") == 3);
    CHECK(value(t, jan, "West", "newly_reached") == 1);
    CHECK(value(t, jan, "programme", "newly_reached") == 4);
    CHECK(status(t, jan, "East", "reach_growth") == ValueStatus::no_data);  // nobody reached before
    CHECK(status(t, jan, "programme", "reach_growth") == ValueStatus::no_data);
    CHECK(value(t, jan, "East", "new_ties") == 1);
    CHECK(value(t, jan, "West", "new_ties") == 0);
    CHECK(value(t, jan, "East", "lost_ties") == 0);
    // e1 {a} - e3 {b}: bridging.
    CHECK(value(t, jan, "East", "bridging_share") == 1.0);
    CHECK(status(t, jan, "West", "bridging_share") == ValueStatus::no_data);
    // Active in January: e1-e2 (internal), e1-e3 (external): (1 - 1) / 2.
    CHECK(value(t, jan, "East", "ei_index") == 0.0);
    CHECK(value(t, jan, "programme", "ei_index") == 0.0);
    CHECK(status(t, jan, "West", "ei_index") == ValueStatus::no_data);
    // Labels {a, a, b} on the path e2 - e1 - e3: b on e1 gives +1, elsewhere 0; mean 1/3.
    CHECK(value(t, jan, "East", "expected_ei_index") == Approx(1.0 / 3.0).margin(0.05));
    // Cross-group pairs at ev1: e1-e3, e1-w1, k1-e3, k1-w1; w1's two count in West too.
    CHECK(value(t, jan, "East", "exposure") == 4);
    CHECK(value(t, jan, "West", "exposure") == 2);
    CHECK(value(t, jan, "programme", "exposure") == 4);
    // Of those four, e1-e3 formed a tie ten days later (within 30).
    CHECK(value(t, jan, "East", "friending") == Approx(0.25));
    CHECK(value(t, jan, "West", "friending") == 0.0);
    CHECK(value(t, jan, "programme", "friending") == Approx(0.25));
    // e1 and w1 came back in March.
    CHECK(value(t, jan, "East", "retention") == Approx(1.0 / 3.0));
    CHECK(value(t, jan, "West", "retention") == 1.0);
    CHECK(value(t, jan, "programme", "retention") == 0.5);
    CHECK(value(t, jan, "East", "bring_along_rate") == Approx(1.0 / 3.0));
    CHECK(value(t, jan, "West", "bring_along_rate") == 0.0);
    CHECK(value(t, jan, "programme", "bring_along_rate") == 0.25);
    CHECK(value(t, jan, "East", "active_key_figures") == 1);
    CHECK(value(t, jan, "West", "active_key_figures") == 0);
    CHECK(value(t, jan, "East", "events_per_key_figure") == 1.0);
    CHECK(status(t, jan, "West", "events_per_key_figure") == ValueStatus::no_data);
    CHECK(value(t, jan, "East", "brought_per_key_figure") == 1.0);
    CHECK(value(t, jan, "programme", "brought_per_key_figure") == 1.0);
}

TEST_CASE("timeline: a period where nothing happened is no data, not zero", "[evaluate]") {
    const Timeline t = timeline(two_towns(), exact_options());
    for (const auto& r : t.records)
        if (r.period == "2024-02") {
            INFO(r.area << " " << r.metric);
            CHECK(r.status == ValueStatus::no_data);
            CHECK_FALSE(r.value.has_value());
        }
}

TEST_CASE("timeline: every metric of March by hand", "[evaluate]") {
    const Timeline t = timeline(two_towns(), exact_options());
    const std::string mar = "2024-03";
    // ev2: e1 (East), w1 w2 (West); the e3-w1 tie started: e3 (East), w1.
    CHECK(value(t, mar, "East", "active_residents") == 2);
    CHECK(value(t, mar, "West", "active_residents") == 2);
    CHECK(value(t, mar, "programme", "active_residents") == 4);
    CHECK(value(t, mar, "East", "newcomers") == 0);
    CHECK(value(t, mar, "West", "newcomers") == 1);
    CHECK(value(t, mar, "West", "newly_reached") == 1);
    // Reached before March: e1 e3 k1 (East), w1 (West); e2 never.
    CHECK(value(t, mar, "East", "reach_growth") == 0.0);
    CHECK(value(t, mar, "West", "reach_growth") == 1.0);
    CHECK(value(t, mar, "programme", "reach_growth") == Approx(0.25));
    // e3-w1 counts in both towns, once in the programme.
    CHECK(value(t, mar, "East", "new_ties") == 1);
    CHECK(value(t, mar, "West", "new_ties") == 1);
    CHECK(value(t, mar, "programme", "new_ties") == 1);
    CHECK(value(t, mar, "East", "lost_ties") == 1);
    CHECK(value(t, mar, "West", "lost_ties") == 0);
    CHECK(value(t, mar, "East", "bridging_share") == 0.0);  // e3 {b} - w1 {b}: bonding
    // Active in March: e1-e2 (I), e1-e3 (E), e3-w1 (I).
    CHECK(value(t, mar, "East", "ei_index") == Approx(-1.0 / 3.0));
    CHECK(value(t, mar, "West", "ei_index") == -1.0);
    CHECK(value(t, mar, "programme", "ei_index") == Approx(-1.0 / 3.0));
    CHECK(value(t, mar, "East", "exposure") == 1);  // e1-w1 again; w2 declared no group
    CHECK(value(t, mar, "West", "exposure") == 1);
    // e1-w1 first met in January: March has no newly exposed pair.
    CHECK(status(t, mar, "programme", "friending") == ValueStatus::no_data);
    CHECK(status(t, mar, "programme", "retention") == ValueStatus::no_data);  // no later period
    CHECK(value(t, mar, "East", "bring_along_rate") == 0.0);
    CHECK(value(t, mar, "West", "bring_along_rate") == 0.5);
    CHECK(value(t, mar, "programme", "bring_along_rate") == Approx(1.0 / 3.0));
    CHECK(value(t, mar, "programme", "active_key_figures") == 0);
    CHECK(status(t, mar, "East", "events_per_key_figure") == ValueStatus::no_data);
}

TEST_CASE("timeline: friending window", "[evaluate]") {
    auto o = exact_options();
    o.friending_days = 10;  // e1-e3 formed on day 10 after ev1: just outside [day 0, day 10)
    Timeline t = timeline(two_towns(), o);
    CHECK(value(t, "2024-01", "programme", "friending") == 0.0);
    o.friending_days = 11;
    t = timeline(two_towns(), o);
    CHECK(value(t, "2024-01", "programme", "friending") == 0.25);
    // A window that ends after the timeline: those pairs are not yet observable.
    o.friending_days = 90;  // 2024-01-10 + 90 days > 2024-04-01
    t = timeline(two_towns(), o);
    CHECK(status(t, "2024-01", "programme", "friending") == ValueStatus::no_data);
}

TEST_CASE("timeline: small cells are suppressed, with complementary suppression", "[evaluate]") {
    auto o = exact_options();
    o.min_cell = 2;
    const Timeline t = timeline(two_towns(), o);
    const std::string jan = "2024-01";
    // active_residents: East 3, West 1. West is small; East goes too, else
    // programme 4 - East 3 gives West away. The programme total stays.
    CHECK(status(t, jan, "West", "active_residents") == ValueStatus::suppressed);
    CHECK(status(t, jan, "East", "active_residents") == ValueStatus::suppressed);
    CHECK(value(t, jan, "programme", "active_residents") == 4);
    CHECK_FALSE(find(t, jan, "West", "active_residents").value.has_value());
    // Shares from fewer than min_cell people: West bring-along from w1 alone.
    CHECK(status(t, jan, "West", "bring_along_rate") == ValueStatus::suppressed);
    // East: 1 of 3 attendances brought along. The share is published only
    // when both counts are, and the 1 is itself below min_cell.
    CHECK(status(t, jan, "East", "bring_along_rate") == ValueStatus::suppressed);
    o.min_cell = 1;
    CHECK(value(timeline(two_towns(), o), jan, "East", "bring_along_rate") == Approx(1.0 / 3.0));
    // Zeros are published.
    CHECK(value(t, jan, "West", "new_ties") == 0);

    o.min_cell = 5;
    const Timeline strict = timeline(two_towns(), o);
    CHECK(status(strict, jan, "programme", "active_residents") == ValueStatus::suppressed);
    CHECK(status(strict, jan, "East", "bring_along_rate") == ValueStatus::suppressed);
    CHECK(status(strict, jan, "programme", "ei_index") == ValueStatus::suppressed);
    CHECK(status(strict, "2024-03", "programme", "newly_reached") == ValueStatus::suppressed);
    CHECK(status(strict, "2024-03", "programme", "reach_growth") == ValueStatus::suppressed);
    // Never a value where status is not ok; no data stays no data.
    for (const auto& r : strict.records) CHECK(r.value.has_value() == (r.status == ValueStatus::ok));
    CHECK(status(strict, "2024-02", "programme", "active_residents") == ValueStatus::no_data);
}

TEST_CASE("timeline: ISO weeks across a year boundary, quarters and years", "[evaluate]") {
    Network net;
    ResidentInfo info;
    info.municipality = "Town";
    net.add_resident("a", info);
    net.add_resident("b", info);
    net.add_event("sun", {day("2024-12-29"), "walk", "", "Town", {}});  // Sunday: 2024-W52
    net.add_event("mon", {day("2024-12-30"), "walk", "", "Town", {}});  // Monday: 2025-W01
    net.add_event("jan", {day("2025-01-05"), "walk", "", "Town", {}});  // Sunday: still 2025-W01
    net.attend("sun", "a");
    net.attend("mon", "b");
    net.attend("jan", "a");
    TimelineOptions o;
    o.min_cell = 1;
    o.period = Period::week;
    Timeline t = timeline(net, o);
    CHECK(t.periods == std::vector<std::string>{"2024-W52", "2025-W01"});
    CHECK(t.records.front().period_start == day("2024-12-23"));
    CHECK(value(t, "2024-W52", "Town", "active_residents") == 1);
    CHECK(value(t, "2025-W01", "Town", "active_residents") == 2);
    CHECK(value(t, "2025-W01", "Town", "newcomers") == 1);
    CHECK(value(t, "2024-W52", "Town", "retention") == 1.0);  // a came back in 2025-W01

    o.period = Period::quarter;
    o.start = day("2024-03-31");
    t = timeline(net, o);
    CHECK(t.periods == std::vector<std::string>{"2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4", "2025-Q1"});
    CHECK(t.records.back().period_start == day("2025-01-01"));
    CHECK(t.records.back().period_end == day("2025-04-01"));
    CHECK(status(t, "2024-Q2", "Town", "active_residents") == ValueStatus::no_data);
    CHECK(value(t, "2024-Q4", "Town", "active_residents") == 2);
    CHECK(value(t, "2025-Q1", "Town", "active_residents") == 1);

    o.period = Period::year;
    o.start.reset();
    t = timeline(net, o);
    CHECK(t.periods == std::vector<std::string>{"2024", "2025"});
    CHECK(value(t, "2024", "programme", "newcomers") == 2);

    o.by = AreaLevel::programme;
    t = timeline(net, o);
    CHECK(t.areas == std::vector<std::string>{"programme"});
    CHECK(t.records.size() == 2 * timeline_metrics().size());
    CHECK(value(t, "2024", "programme", "active_residents") == 2);
}

TEST_CASE("timeline: by neighbourhood", "[evaluate]") {
    auto o = exact_options();
    o.by = AreaLevel::neighbourhood;
    const Timeline t = timeline(two_towns(), o);
    CHECK(t.areas == std::vector<std::string>{"East centre", "West centre", "programme"});
    CHECK(value(t, "2024-01", "East centre", "active_residents") == 3);
}

TEST_CASE("timeline: a network without dates", "[evaluate]") {
    Network net;
    net.add_resident("a");
    net.add_resident("b");
    net.add_tie("a", "b");
    Timeline t = timeline(net);
    CHECK(t.records.empty());
    CHECK(t.periods.empty());
    CHECK(t.note.find("no dated record") != std::string::npos);

    TimelineOptions o;
    o.start = day("2024-01-01");
    o.end = day("2024-03-01");
    t = timeline(net, o);
    CHECK(t.periods == std::vector<std::string>{"2024-01", "2024-02"});
    for (const auto& r : t.records) CHECK(r.status == ValueStatus::no_data);
}

TEST_CASE("timeline: sensitive events, tie kinds and groups stay out unless asked", "[evaluate]") {
    Network net = two_towns();
    net.mark_sensitive_event("ev2");
    auto o = exact_options();
    Timeline t = timeline(net, o);
    // March without ev2: only the e3-w1 tie start.
    CHECK(value(t, "2024-03", "East", "active_residents") == 1);
    CHECK(value(t, "2024-03", "West", "active_residents") == 1);
    CHECK(value(t, "2024-03", "West", "newcomers") == 0);
    o.include_sensitive = true;
    t = timeline(net, o);
    CHECK(value(t, "2024-03", "West", "active_residents") == 2);

    Network grouped = two_towns();
    grouped.mark_sensitive("b");  // e3 and w1 then declare no group that may be used
    t = timeline(grouped, exact_options());
    CHECK(status(t, "2024-01", "East", "bridging_share") == ValueStatus::no_data);
    CHECK(status(t, "2024-01", "programme", "exposure") == ValueStatus::ok);
    CHECK(value(t, "2024-01", "programme", "exposure") == 0);

    Network kinds = two_towns();
    kinds.add_tie("e2", "w2", "member_of_support_group", {day("2024-03-20"), std::nullopt, 1.0});
    kinds.mark_sensitive_tie_kind("member_of_support_group");
    t = timeline(kinds, exact_options());
    CHECK(value(t, "2024-03", "programme", "new_ties") == 1);
}

TEST_CASE("timeline: groups option restricts what a group is", "[evaluate]") {
    auto o = exact_options();
    o.groups = {"a"};  // e3 and w1 have none of these: out of the group metrics
    const Timeline t = timeline(two_towns(), o);
    CHECK(status(t, "2024-01", "East", "bridging_share") == ValueStatus::no_data);
    CHECK(value(t, "2024-01", "programme", "exposure") == 0);
}

TEST_CASE("timeline: bad input is refused with the field named", "[evaluate]") {
    const Network net = two_towns();
    TimelineOptions o;
    o.min_cell = 0;
    CHECK_THROWS_WITH(timeline(net, o), Catch::Contains("min_cell"));
    o = {};
    o.permutations = 0;
    CHECK_THROWS_WITH(timeline(net, o), Catch::Contains("permutations"));
    o = {};
    o.start = day("2024-02-01");
    o.end = day("2024-02-01");
    CHECK_THROWS_AS(timeline(net, o), input_error);
    CHECK_THROWS_WITH(timeline(net, o), Catch::Contains("start"));
    o = {};
    o.friending_days = 0;
    CHECK_THROWS_WITH(timeline(net, o), Catch::Contains("friending_days"));
    CHECK_THROWS_WITH(parse_period("fortnight"), Catch::Contains("'period'") && Catch::Contains("fortnight"));
    CHECK_THROWS_WITH(parse_area_level("street"), Catch::Contains("'by'") && Catch::Contains("street"));
    CHECK(parse_period("quarter") == Period::quarter);
    CHECK(parse_area_level("neighbourhood") == AreaLevel::neighbourhood);
    CHECK(to_string(ValueStatus::no_data) == "no data");
}

TEST_CASE("timeline: progress and cancelling", "[evaluate]") {
    const Network net = two_towns();
    auto o = exact_options();
    std::vector<double> seen;
    o.progress = [&](double f) {
        seen.push_back(f);
        return true;
    };
    timeline(net, o);
    REQUIRE_FALSE(seen.empty());
    CHECK(seen.back() == 1.0);
    for (std::size_t i = 1; i < seen.size(); ++i) CHECK(seen[i] >= seen[i - 1]);
    o.progress = [](double) { return false; };
    CHECK_THROWS_AS(timeline(net, o), cancelled_error);
}

TEST_CASE("timeline: the same for any thread count; the seed only moves the baseline", "[evaluate]") {
    const Network net = sample_programme({.seed = 3, .scale = 0.3});
    TimelineOptions o;
    o.start = day("2022-01-01");
    o.period = Period::quarter;
    o.min_cell = 5;
    o.permutations = 50;
    o.threads = 1;
    const Timeline one = timeline(net, o);
    o.threads = 2;
    const Timeline two = timeline(net, o);
    o.threads = 3;
    const Timeline three = timeline(net, o);
    REQUIRE(one.records.size() == two.records.size());
    REQUIRE(one.records.size() == three.records.size());
    std::size_t ok = 0;
    for (std::size_t i = 0; i < one.records.size(); ++i) {
        CHECK(one.records[i].value == two.records[i].value);
        CHECK(one.records[i].value == three.records[i].value);
        CHECK(one.records[i].status == two.records[i].status);
        ok += one.records[i].status == ValueStatus::ok;
    }
    CHECK(ok > one.records.size() / 3);  // the sample is big enough for real values
    o.seed = 99;
    const Timeline reseeded = timeline(net, o);
    bool moved = false;
    for (std::size_t i = 0; i < one.records.size(); ++i) {
        if (one.records[i].metric == "expected_ei_index") {
            moved = moved || one.records[i].value != reseeded.records[i].value;
        } else {
            CHECK(one.records[i].value == reseeded.records[i].value);
        }
    }
    CHECK(moved);
}

TEST_CASE("a span of more than max_timeline_periods is refused before anything is built, naming the record",
          "[evaluate][timeline]") {
    Network net;
    net.add_resident("a", {"Noord", "Almere"});
    net.add_resident("b", {"Noord", "Almere"});
    net.add_tie("a", "b", "knows", {day("2022-01-10"), day("9899-12-31"), 1.0});  // "until forever"
    net.add_event("e", {day("2022-02-01"), "breakfast", "Noord", "Almere", {}});

    TimelineOptions weekly;
    weekly.period = Period::week;
    try {
        (void)timeline(net, weekly);
        FAIL("a 7,900-year weekly timeline was built");
    } catch (const input_error& e) {
        const std::string what = e.what();
        CHECK(what.find("more than 10000 week periods") != std::string::npos);
        CHECK(what.find("tie 'a' - 'b', field 'until': 9899-12-31") != std::string::npos);
        CHECK(what.find("give start and end") != std::string::npos);
    }
    // A window the caller gives fits.
    weekly.start = day("2022-01-01");
    weekly.end = day("2022-04-01");
    const Timeline t = timeline(net, weekly);
    CHECK(t.records.front().period == "2021-W52");
    // One week past the bound, from a Monday, is refused (building the
    // 10,000 weeks at the bound takes seconds, so the test stops there).
    TimelineOptions bound;
    bound.period = Period::week;
    bound.start = day("2022-01-03");  // a Monday
    bound.end = *bound.start + boost::gregorian::date_duration(7 * 10000 + 1);
    CHECK_THROWS_WITH(timeline(net, bound), Catch::Contains("more than 10000 week periods"));
}
