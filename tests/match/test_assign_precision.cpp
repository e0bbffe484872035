// Capacitated assignment with costs far apart in magnitude (issue 11, found
// by fuzz_capi_arrays): costs 0.55 and 5e-324 made the double-precision
// network simplex cycle for ever. Non-integer costs are now solved exactly
// scaled to integers.
#include "verbind/error.hpp"
#include "verbind/match/assignment.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <numeric>
#include <vector>

using namespace verbind;

TEST_CASE("assign terminates and is optimal with costs below the rounding of others", "[match][limits]") {
    // 5 x 5, every row and column in at most 3 pairs: 15 pairs. The first 12
    // cells (rows 0, 1 and cells (2,0), (2,1)) cost 5e-324, the other 13 cost
    // 0.55. Maximising, by hand: rows 2, 3, 4 take three 0.55 cells each
    // (row 2: columns 2-4; rows 3 and 4 fit in the columns' capacity), rows 0
    // and 1 three of the tiny cells each: 9 * 0.55.
    const double tiny = std::numeric_limits<double>::denorm_min();
    std::vector<double> values(25, 0.55);
    for (std::size_t i = 0; i < 12; ++i) values[i] = tiny;
    AssignOptions options;
    options.row_capacity = {3, 3, 3, 3, 3};
    options.col_capacity = {3, 3, 3, 3, 3};
    options.maximize = true;
    const AssignmentResult r = assign(CostMatrix{values, 5, 5}, options);
    REQUIRE(r.rows.size() == 15);
    CHECK(r.total == Approx(9 * 0.55));
    std::vector<int> per_row(5, 0), per_col(5, 0);
    for (std::size_t k = 0; k < r.rows.size(); ++k) ++per_row[r.rows[k]], ++per_col[r.cols[k]];
    CHECK(per_row == std::vector<int>(5, 3));
    CHECK(per_col == std::vector<int>(5, 3));
    // Minimising instead: rows 0 and 1 take three tiny cells each, row 2
    // its two tiny cells and one at 0.55, rows 3 and 4 three at 0.55 each.
    options.maximize = false;
    CHECK(assign(CostMatrix{values, 5, 5}, options).total == Approx(7 * 0.55));
}

TEST_CASE("assign with unit capacities matches brute force over costs of every magnitude", "[match][limits]") {
    // The class of input that broke it: costs from 5e-324 to 1.8e308, where
    // double sums absorb or overflow. The optimum is checked against all
    // permutations, summed in long double (no overflow there).
    const double palette[] = {0.0,
                              1.0,
                              0.5,
                              -1.0,
                              1e-300,
                              std::numeric_limits<double>::denorm_min(),
                              std::numeric_limits<double>::max(),
                              1e308,
                              std::numeric_limits<double>::infinity()};
    std::uint64_t state = 12345;
    auto next = [&] {
        state = state * 6364136223846793005ull + 1442695040888963407ull;
        return static_cast<std::size_t>(state >> 33);
    };
    for (int trial = 0; trial < 300; ++trial) {
        const std::size_t n = 1 + next() % 4;
        std::vector<double> values(n * n);
        for (double& c : values) c = palette[next() % 9];
        std::vector<std::size_t> perm(n);
        std::iota(perm.begin(), perm.end(), std::size_t{0});
        bool feasible = false;
        long double best = 0;
        do {
            long double sum = 0;
            bool ok = true;
            for (std::size_t i = 0; i < n && ok; ++i) {
                const double c = values[i * n + perm[i]];
                ok = c != std::numeric_limits<double>::infinity();
                sum += c;
            }
            if (ok && (!feasible || sum < best)) best = sum, feasible = true;
        } while (std::next_permutation(perm.begin(), perm.end()));
        INFO("trial " << trial << ", n " << n);
        if (!feasible) {
            REQUIRE_THROWS_AS(assign(CostMatrix{values, n, n}, AssignOptions{}), input_error);
            continue;
        }
        const AssignmentResult r = assign(CostMatrix{values, n, n}, AssignOptions{});
        REQUIRE(r.rows.size() == n);
        long double sum = 0;
        for (std::size_t k = 0; k < n; ++k) sum += values[static_cast<std::size_t>(r.rows[k]) * n + r.cols[k]];
        // Equal up to what a double total can tell apart.
        CHECK(static_cast<double>(sum) == Approx(static_cast<double>(best)).epsilon(1e-12).margin(1e-12));
    }
}
