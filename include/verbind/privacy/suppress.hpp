// Small-cell suppression for aggregate tables that count people (by group,
// area, event kind, ...): the one function every export and report uses.
//
// The table is taken with its margins: `rows` x `cols` counts plus a totals
// column, a totals row and the grand total, i.e. (rows + 1) x (cols + 1)
// entries; the last column holds row totals, the last row column totals.
//
// The rule:
// 1. Primary suppression: every entry, margins included, with
//    0 < count < min_cell. Zeros are published (an empty cell reveals no
//    person; a suppressed zero would protect nothing, see 3).
// 2. Complementary suppression, so that no suppressed entry can be
//    recovered from the published ones and the additive structure (every
//    row and column sums to its total):
//    a. every row and column of the extended table with a suppressed entry
//       gets at least two (else it is one equation with one unknown); the
//       extra entry is the smallest non-zero published one in that line;
//    b. then no suppressed entry may be determined by any combination of
//       the row and column equations. Seen as a bipartite graph (rows and
//       columns as nodes, suppressed entries as edges), an entry is
//       determined exactly when its edge is a bridge; each bridge is closed
//       into a cycle by suppressing the smallest non-zero published entry
//       that joins the two sides.
//    Complementary entries are chosen by (zero last, then smallest count,
//    then position), so the result is deterministic.
//
// Limits (documented in docs/privacy.md): the rule guarantees that no
// suppressed entry is *exactly* recoverable from this table; it does not
// guarantee a protection interval of a given width (an attacker who also
// uses that counts are >= 0 may narrow a suppressed entry to a range), it
// does not protect across several tables that share margins, and it is a
// heuristic, not the minimum-loss suppression (that problem is NP-hard).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace verbind {

struct SuppressionOptions {
    std::uint64_t min_cell = 10;  // counts in [1, min_cell) are suppressed
};

struct SuppressedTable {
    std::size_t rows = 0;  // of the extended table: given rows + 1
    std::size_t cols = 0;  // given cols + 1
    // (rows x cols) row-major: the counts with their totals.
    std::vector<std::uint64_t> counts;
    // 1 where the entry must not be published.
    std::vector<std::uint8_t> suppressed;
    // 1 where the entry itself is small (primary); suppressed minus primary
    // is the complementary suppression.
    std::vector<std::uint8_t> primary;

    std::uint64_t count(std::size_t row, std::size_t col) const { return counts[row * cols + col]; }
    bool is_suppressed(std::size_t row, std::size_t col) const { return suppressed[row * cols + col] != 0; }
};

// `counts` is rows x cols, row-major, without totals (they are computed).
// Throws input_error when counts.size() != rows * cols, a dimension is 0,
// min_cell is 0, or a total overflows.
SuppressedTable suppress_small_cells(const std::vector<std::uint64_t>& counts, std::size_t rows, std::size_t cols,
                                     const SuppressionOptions& options = {});

}  // namespace verbind
