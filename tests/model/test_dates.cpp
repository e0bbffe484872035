// The supported range of dates (model/date.hpp): checked once at input, and
// every accepted date works end-to-end through the analyses that compute
// dates from it (timeline periods, the day after the end, friending windows,
// the report).
#include "verbind/error.hpp"
#include "verbind/evaluate/timeline.hpp"
#include "verbind/io/io.hpp"
#include "verbind/model/date.hpp"
#include "verbind/model/network.hpp"
#include "verbind/report/report.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace verbind;
using Catch::Matchers::Contains;

namespace {

constexpr const char* range_text = "outside the supported range of dates (1500-01-01 to 9899-12-31)";

// Two residents of different groups who meet at an event on `day` and have a
// tie from `since` to `until` (open bounds allowed); a key figure trained on
// `trained`.
Network edge_network(Date day, std::optional<Date> since, std::optional<Date> until, Date trained) {
    Network net;
    net.add_resident("a", {.municipality = "Almere", .groups = {"g1"}, .key_figure = true, .trained_on = trained});
    net.add_resident("b", {.municipality = "Almere", .groups = {"g2"}});
    net.add_resident("c", {.municipality = "Lelystad", .groups = {"g1"}});
    net.add_tie("a", "b", "knows", {.since = since, .until = until});
    net.add_tie("b", "c", "knows", {.since = since});
    net.add_event("e", {.date = day, .kind = "breakfast", .municipality = "Almere"});
    net.attend("e", "a");
    net.attend("e", "b", "a");
    net.attend("e", "c");
    return net;
}

}  // namespace

TEST_CASE("the supported range of dates is defined once and stated in messages", "[model][dates]") {
    // Boost.Date_Time represents 1400-01-01 to 9999-12-31; the supported
    // range keeps a century of headroom on either side.
    REQUIRE(first_supported_date == Date(1500, 1, 1));
    REQUIRE(last_supported_date == Date(9899, 12, 31));
    REQUIRE(first_supported_date - boost::gregorian::date_duration(max_supported_date_offset_days + 7) >=
            Date(1400, 1, 1));
    REQUIRE((last_supported_date + boost::gregorian::date_duration(max_supported_date_offset_days + 366)).year() <=
            9999);
    REQUIRE(supported_date_range() == "1500-01-01 to 9899-12-31");

    REQUIRE(is_supported_date(Date(1500, 1, 1)));
    REQUIRE(is_supported_date(Date(9899, 12, 31)));
    REQUIRE_FALSE(is_supported_date(Date(1499, 12, 31)));
    REQUIRE_FALSE(is_supported_date(Date(9900, 1, 1)));
    REQUIRE_FALSE(is_supported_date(Date(9999, 12, 31)));
    REQUIRE_FALSE(is_supported_date(Date(boost::gregorian::not_a_date_time)));

    REQUIRE(parse_date("1500-01-01") == Date(1500, 1, 1));
    REQUIRE(parse_date("9899-12-31") == Date(9899, 12, 31));
    for (const char* outside : {"1499-12-31", "9900-01-01", "9999-12-31", "1400-01-01", "0001-01-01"}) {
        INFO(outside);
        REQUIRE_THROWS_AS(parse_date(outside, "event 'e' field 'date'"), input_error);
        REQUIRE_THROWS_WITH(parse_date(outside, "event 'e' field 'date'"),
                            std::string("event 'e' field 'date': ") + outside + " is " + range_text);
    }
    REQUIRE(make_date(9899, 12, 31) == Date(9899, 12, 31));
    REQUIRE_THROWS_WITH(make_date(9999, 12, 31, "start"), std::string("start: 9999-12-31 is ") + range_text);
    REQUIRE_THROWS_WITH(make_date(1, 1, 1, "start"), std::string("start: 0001-01-01 is ") + range_text);
    REQUIRE_THROWS_WITH(make_date(2022, 2, 30, "start"), Contains("no such day"));
    REQUIRE_THROWS_WITH(make_date(2022, 13, 1, "start"), Contains("no such month"));
}

TEST_CASE("every date field of the Network refuses a day outside the range, naming record and field",
          "[model][dates]") {
    const Date ok(2022, 5, 4);
    const Date before(1499, 12, 31), after(9900, 1, 1), far(9999, 12, 31);
    Network net = edge_network(ok, ok, std::nullopt, ok);
    const Network original = net;
    for (const Date bad : {before, after, far}) {
        const std::string text = format_date(bad);
        INFO(text);
        REQUIRE_THROWS_WITH(net.add_event("e2", {.date = bad, .kind = "iftar"}),
                            "event 'e2' field 'date': " + text + " is " + range_text);
        REQUIRE_THROWS_WITH(net.add_resident("d", {.key_figure = true, .trained_on = bad}),
                            "resident 'd' field 'trained_on': " + text + " is " + range_text);
        REQUIRE_THROWS_WITH(net.add_tie("a", "c", "knows", {.since = bad}),
                            "tie 'a' - 'c' field 'since': " + text + " is " + range_text);
        REQUIRE_THROWS_WITH(net.add_tie("a", "c", "knows", {.until = bad}),
                            "tie 'a' - 'c' field 'until': " + text + " is " + range_text);
        REQUIRE(net == original);  // nothing half-applied
    }
}

TEST_CASE("the readers refuse a date outside the range with file, record and field", "[model][dates][io]") {
    const std::string head = R"({"format": "verbind", "version": 1, "actors": [{"key": "r1", "type": "resident"}], )";
    REQUIRE_THROWS_AS(parse_json(head + R"("events": [{"key": "e1", "date": "9999-12-31", "kind": "iftar"}]})",
                                 "t.json"),
                      parse_error);
    REQUIRE_THROWS_WITH(parse_json(head + R"("events": [{"key": "e1", "date": "9999-12-31", "kind": "iftar"}]})",
                                   "t.json"),
                        Contains("t.json:1") && Contains("date") && Contains(range_text));
    // The first and last supported days read back.
    const Network net = parse_json(head + R"("events": [{"key": "e1", "date": "1500-01-01", "kind": "iftar"},
        {"key": "e2", "date": "9899-12-31", "kind": "iftar"}]})");
    REQUIRE(net.event("e1").date == first_supported_date);
    REQUIRE(net.event("e2").date == last_supported_date);
}

TEST_CASE("the first and last supported days work end-to-end through timeline and report", "[model][dates]") {
    // Item 10 of issue 11: a date of 9999-12-31 made timeline and report throw
    // "Year is out of valid range". Every date the Network accepts must work.
    struct Case {
        const char* name;
        Date day;
        std::optional<Date> since, until;
    };
    // (Each case spans a few months: a timeline has one period per week,
    // month, ... from the first dated record to the last.)
    const Case cases[] = {
        {"everything on the last day", last_supported_date, last_supported_date, std::nullopt},
        {"a tie until the last day", Date(9899, 5, 4), Date(9899, 1, 1), last_supported_date},
        {"everything on the first day", first_supported_date, first_supported_date, std::nullopt},
        {"a tie from the first day", Date(1500, 1, 15), first_supported_date, Date(1500, 2, 1)},
    };
    for (const Case& c : cases) {
        for (Period period : {Period::week, Period::month, Period::quarter, Period::year}) {
            INFO(c.name << ", period " << to_string(period));
            const Network net = edge_network(c.day, c.since, c.until, c.day);
            TimelineOptions options;
            options.period = period;
            options.min_cell = 1;
            options.permutations = 5;
            options.friending_days = max_supported_date_offset_days;
            Timeline t;
            REQUIRE_NOTHROW(t = timeline(net, options));
            REQUIRE_FALSE(t.periods.empty());
            // The records cover the last dated record: the last period ends after it.
            const Date last_record = std::max({c.day, c.since.value_or(c.day), c.until.value_or(c.day)});
            REQUIRE(t.records.back().period_end > last_record);
            REQUIRE(t.records.front().period_start <= std::min(c.day, c.since.value_or(c.day)));
        }
        ReportOptions report;
        report.min_cell = 1;
        std::string html;
        INFO(c.name);
        REQUIRE_NOTHROW(html = report_html(edge_network(c.day, c.since, c.until, c.day), report));
        REQUIRE(html.find("</html>") != std::string::npos);
    }
}

TEST_CASE("timeline options at the edges of the range", "[model][dates]") {
    const Network net = edge_network(Date(2022, 5, 4), Date(2022, 1, 1), std::nullopt, Date(2022, 1, 1));
    TimelineOptions options;
    options.period = Period::year;
    options.permutations = 1;
    // Up to the last supported day (exclusive end): 9880 to 9899.
    options.start = Date(9880, 3, 1);
    options.end = last_supported_date;
    Timeline t = timeline(net, options);
    REQUIRE(t.periods.size() == 20);
    REQUIRE(t.periods.front() == "9880");
    REQUIRE(t.periods.back() == "9899");
    // From the first supported day: weeks from the Monday on or before it.
    options.period = Period::week;
    options.start = first_supported_date;
    options.end = Date(1500, 3, 1);
    t = timeline(net, options);
    REQUIRE(t.records.front().period_start <= first_supported_date);
    REQUIRE(first_supported_date - t.records.front().period_start < boost::gregorian::date_duration(7));
    REQUIRE(t.records.back().period_end >= Date(1500, 3, 1));
}
