// Assignment: the linear sum assignment problem with the semantics of
// scipy.optimize.linear_sum_assignment, and capacitated assignment as a
// minimum-cost flow (key figures or organisations to events and roles).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace verbind {

// A dense cost matrix, row-major: cost[i * cols + j] is the cost of row i
// with column j. Not owned.
struct CostMatrix {
    std::span<const double> values;
    std::size_t rows = 0;
    std::size_t cols = 0;
};

// Chosen pairs, as two parallel index arrays ordered by (row, col).
struct AssignmentResult {
    std::vector<std::int64_t> rows;
    std::vector<std::int64_t> cols;
    double total = 0.0;  // sum of the chosen costs
};

// Minimum (or maximum) weight matching of rows to columns in which the
// smaller side is fully matched, exactly as scipy's linear_sum_assignment:
// rectangular matrices allowed; +inf (with maximize: -inf) marks a forbidden
// pair; NaN and the other infinity are refused; when the forbidden pairs
// leave no complete matching of the smaller side, input_error "cost matrix is
// infeasible". Shortest augmenting paths (Jonker & Volgenant, Computing 38,
// 1987; Crouse, IEEE Trans. AES 52(4), 2016), with JV's column reduction as a
// warm start on square matrices.
AssignmentResult linear_assignment(const CostMatrix& cost, bool maximize = false);

struct AssignOptions {
    // One value for every row (size 1) or one per row; likewise columns.
    // Capacities are >= 0; each (row, col) pair is chosen at most once.
    std::vector<std::int64_t> row_capacity{1};
    std::vector<std::int64_t> col_capacity{1};
    bool maximize = false;

    // input_error naming the list and the entry: a capacity below 0 ("assign:
    // row_capacity[1] is -1, must be >= 0"). assign() calls it first, then
    // checks each list's length against the matrix.
    void validate() const;
};

// Capacitated assignment as a minimum-cost flow (LEMON's network simplex).
// Row i takes part in at most row_capacity[i] pairs, column j in at most
// col_capacity[j]. The side with the smaller total capacity is used to the
// full, K = min(sum of row capacities, sum of column capacities) pairs, at
// minimum total cost (maximize: maximum); with unit capacities this is
// linear_assignment. Forbidden pairs as in linear_assignment; when they make
// K pairs impossible: input_error naming the largest number possible.
// Integer-valued costs are solved in 64-bit integers (exact); other costs in
// double precision.
AssignmentResult assign(const CostMatrix& cost, const AssignOptions& options = {});

}  // namespace verbind
