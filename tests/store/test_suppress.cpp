// Small-cell suppression. Each result is checked by an independent attacker:
// linear algebra over the row, column and grand-total equations decides for
// every suppressed entry whether the published entries determine it.
#include "verbind/error.hpp"
#include "verbind/privacy/suppress.hpp"
#include "verbind/util/random.hpp"

#include "../privacy/rank_test_support.hpp"

#include <catch2/catch.hpp>

#include <cmath>

using namespace verbind;
using verbind::test::rank_of;

namespace {

// The suppressed entries (of the extended table, rows x cols with totals
// last) that the attacker can compute exactly from the published ones.
std::vector<std::size_t> recoverable(std::size_t rows, std::size_t cols, const std::vector<std::uint8_t>& hidden) {
    std::vector<std::size_t> unknown;
    std::vector<long> index(hidden.size(), -1);
    for (std::size_t i = 0; i < hidden.size(); ++i)
        if (hidden[i]) {
            index[i] = static_cast<long>(unknown.size());
            unknown.push_back(i);
        }
    // Row r: sum of its cells minus its total = 0; column c likewise.
    std::vector<std::vector<double>> equations;
    for (std::size_t r = 0; r < rows; ++r) {
        std::vector<double> eq(unknown.size(), 0.0);
        for (std::size_t c = 0; c < cols; ++c)
            if (index[r * cols + c] >= 0) eq[static_cast<std::size_t>(index[r * cols + c])] = c + 1 == cols ? -1 : 1;
        equations.push_back(eq);
    }
    for (std::size_t c = 0; c < cols; ++c) {
        std::vector<double> eq(unknown.size(), 0.0);
        for (std::size_t r = 0; r < rows; ++r)
            if (index[r * cols + c] >= 0) eq[static_cast<std::size_t>(index[r * cols + c])] = r + 1 == rows ? -1 : 1;
        equations.push_back(eq);
    }
    const std::size_t base = rank_of(equations);
    std::vector<std::size_t> out;
    for (std::size_t k = 0; k < unknown.size(); ++k) {
        auto with = equations;
        std::vector<double> unit(unknown.size(), 0.0);
        unit[k] = 1.0;
        with.push_back(unit);
        if (rank_of(with) == base) out.push_back(unknown[k]);
    }
    return out;
}

void check_safe(const SuppressedTable& t, std::uint64_t min_cell) {
    for (std::size_t i = 0; i < t.counts.size(); ++i) {
        const bool small = t.counts[i] > 0 && t.counts[i] < min_cell;
        CHECK(bool(t.primary[i]) == small);
        if (small) CHECK(t.suppressed[i]);
    }
    CHECK(recoverable(t.rows, t.cols, t.suppressed).empty());
}

}  // namespace

TEST_CASE("suppression: margins are computed and small cells hidden", "[store][privacy]") {
    // 2 areas x 3 groups.
    const auto t = suppress_small_cells({3, 20, 30, 12, 15, 40}, 2, 3);
    REQUIRE(t.rows == 3);
    REQUIRE(t.cols == 4);
    CHECK(t.count(0, 3) == 53);
    CHECK(t.count(1, 3) == 67);
    CHECK(t.count(2, 0) == 15);
    CHECK(t.count(2, 3) == 120);
    CHECK(t.is_suppressed(0, 0));
    // Naive suppression of the 3 alone leaks: 53 - 20 - 30 = 3.
    std::vector<std::uint8_t> naive(t.counts.size(), 0);
    naive[0] = 1;
    CHECK(recoverable(t.rows, t.cols, naive) == std::vector<std::size_t>{0});
    // Ours hides the smallest partners in its row (20) and column (12), and
    // closes the rectangle with 15.
    CHECK(t.is_suppressed(0, 1));
    CHECK(t.is_suppressed(1, 0));
    CHECK(t.is_suppressed(1, 1));
    CHECK_FALSE(t.is_suppressed(0, 2));
    CHECK_FALSE(t.is_suppressed(0, 3));
    check_safe(t, 10);
}

TEST_CASE("suppression: two per line is not enough when a suppressed cell is a bridge", "[store][privacy]") {
    // Two rectangles of small cells, rows {0,1} x cols {0,1} and rows {2,3}
    // x cols {2,3}, joined by the small cell (0, 2). Every line with a small
    // cell has at least two, yet (0, 2) follows from the equations.
    const std::size_t n = 5;
    std::vector<std::uint64_t> counts(n * n, 50);
    for (auto [r, c] : {std::pair{0, 0}, {0, 1}, {1, 0}, {1, 1}, {2, 2}, {2, 3}, {3, 2}, {3, 3}, {0, 2}})
        counts[static_cast<std::size_t>(r) * n + static_cast<std::size_t>(c)] = 4;
    std::vector<std::uint8_t> two_per_line((n + 1) * (n + 1), 0);
    for (std::size_t i = 0; i < counts.size(); ++i)
        if (counts[i] == 4) two_per_line[(i / n) * (n + 1) + i % n] = 1;
    const auto leaked = recoverable(n + 1, n + 1, two_per_line);
    CHECK(leaked == std::vector<std::size_t>{0 * (n + 1) + 2});

    const auto t = suppress_small_cells(counts, n, n);
    CHECK(t.is_suppressed(0, 2));
    check_safe(t, 10);
    std::size_t complementary = 0;
    for (std::size_t i = 0; i < t.counts.size(); ++i) complementary += t.suppressed[i] && !t.primary[i];
    CHECK(complementary >= 1);
}

TEST_CASE("suppression: small margins, zeros, one column, min_cell", "[store][privacy]") {
    SECTION("a small row total is itself suppressed") {
        const auto t = suppress_small_cells({2, 3, 40, 50}, 2, 2);
        CHECK(t.count(0, 2) == 5);
        CHECK(t.primary[0 * 3 + 2]);
        check_safe(t, 10);
    }
    SECTION("zeros are published and not used as complements while others exist") {
        const auto t = suppress_small_cells({0, 4, 25, 0, 30, 18}, 2, 3);
        CHECK_FALSE(t.is_suppressed(0, 0));
        CHECK_FALSE(t.is_suppressed(1, 0));
        check_safe(t, 10);
    }
    SECTION("a single column: the cell equals its row total") {
        const auto t = suppress_small_cells({4, 30, 50}, 3, 1);
        CHECK(t.is_suppressed(0, 0));
        CHECK(t.is_suppressed(0, 1));
        check_safe(t, 10);
    }
    SECTION("min_cell") {
        const auto t = suppress_small_cells({3, 20, 30, 12, 15, 40}, 2, 3, {3});
        CHECK(std::none_of(t.suppressed.begin(), t.suppressed.end(), [](auto s) { return s != 0; }));
        const auto all = suppress_small_cells({3, 20, 30, 12, 15, 40}, 2, 3, {1000});
        CHECK(std::all_of(all.suppressed.begin(), all.suppressed.end(), [](auto s) { return s != 0; }));
    }
}

TEST_CASE("suppression: random tables never leave a recoverable cell", "[store][privacy]") {
    Rng rng(61, 0);
    for (int round = 0; round < 150; ++round) {
        const std::size_t rows = 1 + rng.below(6), cols = 1 + rng.below(6);
        std::vector<std::uint64_t> counts(rows * cols);
        for (auto& c : counts) c = rng.below(4) == 0 ? rng.below(10) : rng.below(60);
        const auto t = suppress_small_cells(counts, rows, cols);
        INFO("round " << round << ": " << rows << " x " << cols);
        check_safe(t, 10);
        // Deterministic.
        CHECK(suppress_small_cells(counts, rows, cols).suppressed == t.suppressed);
    }
}

TEST_CASE("suppression: bad input", "[store][privacy]") {
    CHECK_THROWS_WITH(suppress_small_cells({1, 2, 3}, 2, 2),
                      "suppress_small_cells: 2 x 2 table needs 4 counts, got 3");
    CHECK_THROWS_AS(suppress_small_cells({}, 0, 3), input_error);
    CHECK_THROWS_WITH(suppress_small_cells({1}, 1, 1, {0}), Catch::Contains("min_cell must be at least 1"));
    CHECK_THROWS_WITH(suppress_small_cells({~0ull, 1}, 1, 2), Catch::Contains("overflows"));
}
