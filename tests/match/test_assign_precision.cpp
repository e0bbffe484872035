// Capacitated assignment with costs far apart in magnitude (issue 11, found
// by fuzz_capi_arrays): costs 0.55 and 5e-324 made the double-precision
// network simplex cycle for ever. Non-integer costs are now solved exactly
// scaled to integers.
#include "verbind/match/assignment.hpp"

#include <catch2/catch.hpp>

#include <limits>
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
