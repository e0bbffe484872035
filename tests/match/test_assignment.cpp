// linear_assignment and assign: hand-computed cases and brute force over all
// assignments of small random matrices.
#include "verbind/error.hpp"
#include "verbind/match/assignment.hpp"
#include "verbind/util/random.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <numeric>
#include <set>

using namespace verbind;

namespace {

constexpr double inf = std::numeric_limits<double>::infinity();

// The best total over all matchings that fully match the smaller side,
// by enumeration (rows <= cols after transposing).
double brute_force(const std::vector<double>& c, std::size_t rows, std::size_t cols, bool maximize) {
    const bool t = rows > cols;
    const std::size_t r = t ? cols : rows, n = t ? rows : cols;
    auto at = [&](std::size_t i, std::size_t j) { return t ? c[j * cols + i] : c[i * cols + j]; };
    double best = maximize ? -inf : inf;
    std::vector<std::size_t> perm(n);
    std::iota(perm.begin(), perm.end(), std::size_t{0});
    do {
        double total = 0.0;
        for (std::size_t i = 0; i < r; ++i) total += at(i, perm[i]);
        if (maximize ? (total > best && total != -inf) : total < best) best = total;
    } while (std::next_permutation(perm.begin(), perm.end()));
    return best;
}

std::vector<double> random_matrix(std::size_t rows, std::size_t cols, std::uint64_t seed, int integers) {
    Rng rng(seed);
    std::vector<double> c(rows * cols);
    // integers > 0: whole numbers below it (ties); 0: uniform [0, 1); < 0:
    // uniform [-5, 5) (negative costs).
    for (auto& x : c)
        x = integers > 0    ? static_cast<double>(rng.below(static_cast<std::uint64_t>(integers)))
            : integers == 0 ? rng.uniform()
                            : 10.0 * rng.uniform() - 5.0;
    return c;
}

void check_valid(const AssignmentResult& r, std::size_t rows, std::size_t cols) {
    REQUIRE(r.rows.size() == std::min(rows, cols));
    REQUIRE(std::is_sorted(r.rows.begin(), r.rows.end()));
    REQUIRE(std::set<std::int64_t>(r.rows.begin(), r.rows.end()).size() == r.rows.size());
    REQUIRE(std::set<std::int64_t>(r.cols.begin(), r.cols.end()).size() == r.cols.size());
}

}  // namespace

TEST_CASE("linear_assignment: hand-computed square and rectangular cases", "[match]") {
    // 4 1 3 / 2 0 5 / 3 2 2: best is (0,1) (1,0) (2,2) = 1 + 2 + 2 = 5.
    const std::vector<double> c = {4, 1, 3, 2, 0, 5, 3, 2, 2};
    const auto r = linear_assignment({c, 3, 3});
    CHECK(r.rows == std::vector<std::int64_t>{0, 1, 2});
    CHECK(r.cols == std::vector<std::int64_t>{1, 0, 2});
    CHECK(r.total == 5.0);
    // Maximize: 4 + 5 + 2 = 11 ((0,0) (1,2) (2,1)) or 3+2+... enumeration says 11.
    CHECK(linear_assignment({c, 3, 3}, true).total == 11.0);
    // Tall 3x2: rows come back sorted by row, two of them matched.
    const std::vector<double> tall = {1, 9, 9, 1, 0, 0};
    const auto t = linear_assignment({tall, 3, 2});
    check_valid(t, 3, 2);
    CHECK(t.total == 0.0 + 1.0);
    CHECK(linear_assignment({std::vector<double>{}, 0, 0}).rows.empty());
}

TEST_CASE("linear_assignment equals brute force on random matrices", "[match]") {
    for (std::uint64_t seed = 1; seed <= 80; ++seed) {
        const std::size_t rows = 1 + seed % 7, cols = 1 + (seed / 7) % 7;
        for (int integers : {0, 3, 2, -1}) {  // 3, 2: many ties; -1: negative costs
            const auto c = random_matrix(rows, cols, seed, integers);
            for (bool maximize : {false, true}) {
                const auto r = linear_assignment({c, rows, cols}, maximize);
                check_valid(r, rows, cols);
                CHECK(r.total == Approx(brute_force(c, rows, cols, maximize)).margin(1e-12));
            }
        }
    }
}

TEST_CASE("linear_assignment: forbidden pairs, infeasible and invalid entries", "[match]") {
    const std::vector<double> c = {inf, 1, 2, inf};
    const auto r = linear_assignment({c, 2, 2});
    CHECK(r.cols == std::vector<std::int64_t>{1, 0});
    const std::vector<double> infeasible = {inf, 1, inf, 2};  // both rows need column 1
    CHECK_THROWS_MATCHES(linear_assignment({infeasible, 2, 2}), input_error,
                         Catch::Matchers::Message("linear_assignment: cost matrix is infeasible"));
    const std::vector<double> with_nan = {1, std::nan(""), 2, 3};
    CHECK_THROWS_WITH(linear_assignment({with_nan, 2, 2}),
                      Catch::Contains("invalid numeric entries") && Catch::Contains("cost[0, 1] is nan"));
    const std::vector<double> minus_inf = {1, -inf, 2, 3};
    CHECK_THROWS_WITH(linear_assignment({minus_inf, 2, 2}), Catch::Contains("cost[0, 1] is -inf"));
    CHECK_THROWS_WITH(linear_assignment({c, 2, 2}, true), Catch::Contains("cost[0, 0] is inf"));
    CHECK_THROWS_WITH(linear_assignment({c, 3, 2}), Catch::Contains("expected rows * cols"));
}

TEST_CASE("assign: capacities, hand-computed", "[match]") {
    // Two key figures (rows) for three events (columns); each figure takes up
    // to two events, each event one figure.
    const std::vector<double> c = {1, 5, 2, 4, 1, 3};
    AssignOptions options;
    options.row_capacity = {2};
    const auto r = assign({c, 2, 3}, options);
    // 3 events filled: (0,0)=1 (1,1)=1 and event 2 by row 0 (2) -> 4.
    CHECK(r.rows == std::vector<std::int64_t>{0, 0, 1});
    CHECK(r.cols == std::vector<std::int64_t>{0, 2, 1});
    CHECK(r.total == 4.0);
    // Per-row capacities: row 0 takes one at most.
    options.row_capacity = {1, 2};
    const auto r2 = assign({c, 2, 3}, options);
    CHECK(r2.total == 1.0 + 1.0 + 3.0);
    // Unit capacities: the same optimum as linear_assignment.
    const auto c3 = random_matrix(5, 7, 3, 0);
    CHECK(assign({c3, 5, 7}).total == Approx(linear_assignment({c3, 5, 7}).total).margin(1e-12));
}

TEST_CASE("assign equals brute force over expanded matrices", "[match]") {
    // With column capacity 1, row i repeated row_capacity[i] times is an
    // equivalent linear assignment problem.
    for (std::uint64_t seed = 1; seed <= 20; ++seed) {
        const std::size_t rows = 2 + seed % 2, cols = 3 + seed % 3;
        const auto c = random_matrix(rows, cols, seed, seed % 2 ? 4 : 0);
        Rng rng(seed, 7);
        std::vector<std::int64_t> caps(rows);
        for (auto& k : caps) k = static_cast<std::int64_t>(rng.below(3));
        std::vector<double> expanded;
        std::size_t expanded_rows = 0;
        for (std::size_t i = 0; i < rows; ++i)
            for (std::int64_t k = 0; k < caps[i]; ++k, ++expanded_rows)
                expanded.insert(expanded.end(), c.begin() + static_cast<std::ptrdiff_t>(i * cols),
                                c.begin() + static_cast<std::ptrdiff_t>((i + 1) * cols));
        AssignOptions options;
        options.row_capacity = caps;
        const auto r = assign({c, rows, cols}, options);
        CHECK(r.rows.size() == std::min(expanded_rows, cols));
        const double expected = expanded_rows == 0 ? 0.0 : brute_force(expanded, expanded_rows, cols, false);
        CHECK(r.total == Approx(expected).margin(1e-12));
    }
}

TEST_CASE("assign: bad input", "[match]") {
    const std::vector<double> c = {1, 2, 3, 4};
    AssignOptions options;
    options.row_capacity = {1, -1};
    CHECK_THROWS_WITH(assign({c, 2, 2}, options), "assign: row_capacity[1] is -1, must be >= 0");
    options.row_capacity = {1, 1, 1};
    CHECK_THROWS_WITH(assign({c, 2, 2}, options), "assign: row_capacity has 3 values, expected 1 or 2");
    const std::vector<double> forbidden = {inf, 1, inf, 2};
    CHECK_THROWS_WITH(assign({forbidden, 2, 2}), Catch::Contains("infeasible") && Catch::Contains("at most 1 pairs"));
    const std::vector<double> with_nan = {1, std::nan(""), 2, 3};
    CHECK_THROWS_WITH(assign({with_nan, 2, 2}), Catch::Contains("cost[0, 1] is nan"));
}

TEST_CASE("linear_assignment with forbidden pairs equals brute force", "[match]") {
    for (std::uint64_t seed = 1; seed <= 60; ++seed) {
        const std::size_t rows = 1 + seed % 5, cols = 1 + (seed / 5) % 5;
        auto c = random_matrix(rows, cols, seed, seed % 3 == 0 ? 3 : 0);
        Rng rng(seed, 1);
        for (auto& x : c)
            if (rng.below(10) < 3) x = inf;
        const double best = brute_force(c, rows, cols, false);
        if (best == inf) {
            CHECK_THROWS_WITH(linear_assignment({c, rows, cols}), "linear_assignment: cost matrix is infeasible");
            CHECK_THROWS_WITH(assign({c, rows, cols}), Catch::Contains("infeasible"));
        } else {
            const auto r = linear_assignment({c, rows, cols});
            check_valid(r, rows, cols);
            CHECK(r.total == Approx(best).margin(1e-12));
            CHECK(assign({c, rows, cols}).total == Approx(best).margin(1e-12));
        }
    }
}
