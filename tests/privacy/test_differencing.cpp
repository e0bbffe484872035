// Suppression of counts tied together by linear relations (issue 11, item 4):
// suppress_linked_cells, checked by an independent attacker (dense Gaussian
// elimination in doubles over small integer systems, written here), and the
// timeline on the issue's own case, where a suppressed newly_reached was
// recovered from neighbouring periods through reach_growth.
#include "verbind/error.hpp"
#include "verbind/evaluate/timeline.hpp"
#include "verbind/privacy/suppress.hpp"
#include "verbind/util/random.hpp"

#include "rank_test_support.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <map>
#include <string>
#include <vector>

using namespace verbind;
using verbind::test::rank_of;

namespace {

using Relations = std::vector<std::vector<std::pair<std::size_t, std::int64_t>>>;

// The hidden cells an attacker computes exactly: those whose unit vector
// does not raise the rank of the relations restricted to the hidden cells.
std::vector<std::size_t> recoverable(std::size_t n, const Relations& relations,
                                     const std::vector<std::uint8_t>& hidden) {
    std::vector<long> column(n, -1);
    std::size_t unknowns = 0;
    for (std::size_t c = 0; c < n; ++c)
        if (hidden[c]) column[c] = static_cast<long>(unknowns++);
    std::vector<std::vector<double>> rows;
    for (const auto& rel : relations) {
        std::vector<double> row(unknowns, 0.0);
        for (const auto& [cell, coefficient] : rel)
            if (column[cell] >= 0) row[static_cast<std::size_t>(column[cell])] += static_cast<double>(coefficient);
        rows.push_back(row);
    }
    const std::size_t base = rank_of(rows);
    std::vector<std::size_t> out;
    for (std::size_t c = 0; c < n; ++c) {
        if (column[c] < 0) continue;
        auto with = rows;
        std::vector<double> unit(unknowns, 0.0);
        unit[static_cast<std::size_t>(column[c])] = 1.0;
        with.push_back(unit);
        if (rank_of(with) == base) out.push_back(c);
    }
    return out;
}

Date day(const char* text) { return parse_date(text); }

// The case: Almere reaches 20 people in December 2021, then 30, 3
// and 25 in January to March; Lelystad 20, then 30, 25 and 25.
Network two_cities() {
    Network net;
    const std::map<std::string, std::vector<int>> plan = {{"Almere", {20, 30, 3, 25}},
                                                          {"Lelystad", {20, 30, 25, 25}}};
    const char* days[] = {"2021-12-15", "2022-01-15", "2022-02-15", "2022-03-15"};
    for (const auto& [city, counts] : plan)
        for (std::size_t k = 0; k < counts.size(); ++k) {
            const std::string event = city + "-" + std::to_string(k);
            net.add_event(event, {day(days[k]), "meeting", "", city, {}});
            for (int i = 0; i < counts[k]; ++i) {
                const std::string key = event + "-" + std::to_string(i);
                ResidentInfo info;
                info.municipality = city;
                net.add_resident(key, info);
                net.attend(event, key);
            }
        }
    return net;
}

const TimelineRecord& find(const Timeline& t, const std::string& period, const std::string& area,
                           const std::string& metric) {
    for (const auto& r : t.records)
        if (r.period == period && r.area == area && r.metric == metric) return r;
    FAIL("no record " << period << " / " << area << " / " << metric);
    throw;
}

}  // namespace

TEST_CASE("linked cells: a cumulative chain gives a suppressed step away unless one end goes too", "[privacy]") {
    // cells: 0 = reached before February (50), 1 = newly reached in February
    // (3), 2 = reached before March (53). Relation: c2 - c0 - c1 = 0.
    LinkedCells system;
    system.counts = {50, 3, 53};
    system.relations = {{{2, 1}, {0, -1}, {1, -1}}};
    const auto naive = std::vector<std::uint8_t>{0, 1, 0};
    CHECK(recoverable(3, system.relations, naive) == std::vector<std::size_t>{1});  // 53 - 50
    const auto s = suppress_linked_cells(system);
    CHECK(s.primary == std::vector<std::uint8_t>{0, 1, 0});
    CHECK(s.suppressed == std::vector<std::uint8_t>{1, 1, 0});  // the cheaper end (50) goes
    CHECK(recoverable(3, system.relations, s.suppressed).empty());
    CHECK(determined_cells(3, system.relations, naive) == std::vector<std::uint8_t>{0, 1, 0});
    CHECK(determined_cells(3, system.relations, s.suppressed) == std::vector<std::uint8_t>{0, 0, 0});
}

TEST_CASE("linked cells: a published size makes a zero the complementary cell", "[privacy]") {
    // A community of 3, all of them in group X: cells 0 = X (3), 1 = Y (0),
    // 2 = the row's total (3), 3 = the community's size, published anyway.
    // Relations: X + Y - total = 0; total - size = 0.
    LinkedCells system;
    system.counts = {3, 0, 3, 3};
    system.relations = {{{0, 1}, {1, 1}, {2, -1}}, {{2, 1}, {3, -1}}};
    system.published_anyway = {0, 0, 0, 1};
    const auto s = suppress_linked_cells(system);
    // The total is public through the size, so it is neither primary nor
    // protected; X is protected by hiding the zero beside it.
    CHECK(s.primary == std::vector<std::uint8_t>{1, 0, 0, 0});
    CHECK(s.suppressed == std::vector<std::uint8_t>{1, 1, 0, 0});
    CHECK(recoverable(4, system.relations, s.suppressed).empty());
}

TEST_CASE("linked cells: withheld cells, priorities and bad input", "[privacy]") {
    // prog = a + b: a withheld (not small); b goes with it, not prog
    // (priority 0 is taken first even though prog is the cheaper count).
    LinkedCells system;
    system.counts = {40, 30, 70};
    system.relations = {{{2, 1}, {0, -1}, {1, -1}}};
    system.withheld = {1, 0, 0};
    system.priority = {1, 1, 0};
    auto s = suppress_linked_cells(system);
    CHECK(s.suppressed == std::vector<std::uint8_t>{1, 0, 1});
    system.priority = {};
    s = suppress_linked_cells(system);
    CHECK(s.suppressed == std::vector<std::uint8_t>{1, 1, 0});

    SuppressionOptions zero;
    zero.min_cell = 0;
    CHECK_THROWS_AS(suppress_linked_cells(system, zero), input_error);
    LinkedCells bad = system;
    bad.relations = {{{3, 1}}};
    CHECK_THROWS_AS(suppress_linked_cells(bad), input_error);
    bad.relations = {{{0, 0}}};
    CHECK_THROWS_AS(suppress_linked_cells(bad), input_error);
    bad = system;
    bad.withheld = {1};
    CHECK_THROWS_AS(suppress_linked_cells(bad), input_error);
    bad = system;
    bad.published_anyway = {1, 0};
    CHECK_THROWS_AS(suppress_linked_cells(bad), input_error);
    CHECK_THROWS_AS(determined_cells(3, system.relations, {1}), input_error);
}

TEST_CASE("linked cells: random systems of tables and chains never leave a recoverable cell", "[privacy]") {
    // Periods x areas with the programme as each period's total, and a
    // cumulative series per area chained across periods, like a timeline.
    for (std::uint64_t seed = 1; seed <= 60; ++seed) {
        Rng rng(seed);
        const std::size_t periods = 2 + rng.below(5), areas = 1 + rng.below(4), A = areas + 1;
        const std::uint64_t min_cell = 2 + rng.below(9);
        // cells: step (p, a) at p * A + a, level (p, a) at periods * A + p * A + a.
        const std::size_t n = 2 * periods * A;
        auto step = [&](std::size_t p, std::size_t a) { return p * A + a; };
        auto level = [&](std::size_t p, std::size_t a) { return periods * A + p * A + a; };
        LinkedCells system;
        system.counts.assign(n, 0);
        for (std::size_t a = 0; a < areas; ++a) {
            std::uint64_t before = rng.below(30);
            for (std::size_t p = 0; p < periods; ++p) {
                const std::uint64_t s = rng.below(4) == 0 ? 0 : rng.below(3 * min_cell);
                system.counts[step(p, a)] = s;
                system.counts[level(p, a)] = before;
                before += s;
            }
        }
        for (std::size_t p = 0; p < periods; ++p)
            for (std::size_t a = 0; a < areas; ++a) {
                system.counts[step(p, areas)] += system.counts[step(p, a)];
                system.counts[level(p, areas)] += system.counts[level(p, a)];
            }
        for (std::size_t p = 0; p < periods; ++p)
            for (int levels = 0; levels < 2; ++levels) {
                auto cell = [&](std::size_t q, std::size_t a) { return levels ? level(q, a) : step(q, a); };
                std::vector<std::pair<std::size_t, std::int64_t>> sum{{cell(p, areas), 1}};
                for (std::size_t a = 0; a < areas; ++a) sum.emplace_back(cell(p, a), -1);
                system.relations.push_back(sum);
            }
        for (std::size_t p = 0; p + 1 < periods; ++p)
            for (std::size_t a = 0; a <= areas; ++a)
                system.relations.push_back({{level(p + 1, a), 1}, {level(p, a), -1}, {step(p, a), -1}});
        if (rng.below(2)) system.priority.assign(n, 0);
        for (std::size_t c = 0; c < n && !system.priority.empty(); ++c) system.priority[c] = c < periods * A;
        SuppressionOptions o;
        o.min_cell = min_cell;
        const auto s = suppress_linked_cells(system, o);
        INFO("seed " << seed);
        for (std::size_t c = 0; c < n; ++c) {
            const bool small = system.counts[c] > 0 && system.counts[c] < min_cell;
            CHECK(bool(s.primary[c]) == small);
            if (small) CHECK(s.suppressed[c]);
        }
        CHECK(recoverable(n, system.relations, s.suppressed).empty());
    }
}

TEST_CASE("timeline: the issue's case - February's small count is not recovered through reach growth",
          "[privacy][evaluate]") {
    TimelineOptions o;
    o.start = day("2022-01-01");
    o.end = day("2022-04-01");
    o.permutations = 5;
    const Timeline t = timeline(two_cities(), o);
    auto rec = [&](const char* period, const char* area, const char* metric) -> const TimelineRecord& {
        return find(t, period, area, metric);
    };
    // Almere's 3 is small; Lelystad's 25 goes with it (programme 28 = 3 + 25).
    CHECK(rec("2022-02", "Almere", "newly_reached").status == ValueStatus::suppressed);
    CHECK(rec("2022-02", "Lelystad", "newly_reached").status == ValueStatus::suppressed);
    // The attack: reached before March = nr(Mar) / rg(Mar); reached before
    // February = nr(Jan) / rg(Jan) + nr(Jan) (or nr(Feb) / rg(Feb)). Both ends
    // known would give nr(Feb) = before(Mar) - before(Feb). For each city at
    // least one end must be withheld.
    for (const char* city : {"Almere", "Lelystad"}) {
        INFO(city);
        const bool march = rec("2022-03", city, "reach_growth").status == ValueStatus::ok &&
                           rec("2022-03", city, "newly_reached").status == ValueStatus::ok;
        const bool february = (rec("2022-01", city, "reach_growth").status == ValueStatus::ok &&
                               rec("2022-01", city, "newly_reached").status == ValueStatus::ok) ||
                              (rec("2022-02", city, "reach_growth").status == ValueStatus::ok &&
                               rec("2022-02", city, "newly_reached").status == ValueStatus::ok);
        CHECK_FALSE((march && february));
    }
    // What is published is the true value: the programme's March growth
    // 50 / (40 + 60 + 28) by hand.
    const auto& growth = rec("2022-03", "programme", "reach_growth");
    REQUIRE(growth.status == ValueStatus::ok);
    CHECK(*growth.value == Approx(50.0 / 128.0));
    // Bounds: every published count of people is 0 or at least min_cell.
    for (const auto& r : t.records)
        if (r.status == ValueStatus::ok && (r.metric == "newly_reached" || r.metric == "active_residents"))
            CHECK((*r.value == 0 || *r.value >= 10));
}

TEST_CASE("linked cells: when exact arithmetic would overflow, the safe side is taken", "[privacy]") {
    // Coefficients this large make the elimination leave 64 bits; the rule
    // then hides every cell it may (never fewer), and nothing is recoverable.
    LinkedCells system;
    system.counts = {3, 50, 60, 70, 80};
    const std::int64_t big1 = 4052555153018976267;  // 3^39
    const std::int64_t big2 = 7450580596923828125;  // 5^27
    const std::int64_t big3 = 3909821048582988049;  // 7^22
    system.relations = {{{0, big1}, {1, 1}, {4, 1}}, {{0, big2}, {2, 1}, {4, 1}}, {{1, big3}, {2, 1}, {3, 1}}};
    const auto s = suppress_linked_cells(system);
    CHECK(s.primary == std::vector<std::uint8_t>{1, 0, 0, 0, 0});
    // The check gives up (too large for 64 bits), so every cell is hidden.
    CHECK(s.suppressed == std::vector<std::uint8_t>{1, 1, 1, 1, 1});
    // And that is safe, by hand: a combination a r1 + b r2 + c r3 that is a
    // unit vector needs a + b = 0 (cell 4), then a (3^39 - 5^27) = 0 for
    // cell 0 unless it is cell 0's, so a = b = 0, and c = 0 from cell 1 or
    // 3; for cell 0 itself, cell 3 forces c = 0, cell 1 a = 0, cell 2 b = 0.
    // (The double-precision attacker above cannot be trusted at 1e18.)
}

TEST_CASE("linked cells: random relations, published and withheld cells never leave a recoverable cell",
          "[privacy]") {
    for (std::uint64_t seed = 1; seed <= 200; ++seed) {
        Rng rng(seed, 1);
        const std::size_t n = 3 + rng.below(25);
        LinkedCells system;
        for (std::size_t i = 0; i < n; ++i) system.counts.push_back(rng.below(4) == 0 ? 0 : rng.below(30));
        const std::size_t relations = 1 + rng.below(n);
        for (std::size_t r = 0; r < relations; ++r) {
            std::vector<std::pair<std::size_t, std::int64_t>> rel;
            for (std::size_t j = 0, k = 2 + rng.below(5); j < k; ++j)
                rel.emplace_back(rng.below(n), rng.below(2) ? 1 : -1);
            system.relations.push_back(rel);
        }
        if (rng.below(3) == 0) {
            system.published_anyway.assign(n, 0);
            system.published_anyway[rng.below(n)] = 1;
        }
        if (rng.below(3) == 0) {
            system.withheld.assign(n, 0);
            system.withheld[rng.below(n)] = 1;
        }
        SuppressionOptions o;
        o.min_cell = 1 + rng.below(12);
        const auto s = suppress_linked_cells(system, o);
        INFO("seed " << seed);
        for (std::size_t c = 0; c < n; ++c) {
            if (s.primary[c]) CHECK(s.suppressed[c]);
            if (!system.published_anyway.empty() && system.published_anyway[c]) CHECK_FALSE(s.suppressed[c]);
        }
        CHECK(recoverable(n, system.relations, s.suppressed).empty());
    }
}
