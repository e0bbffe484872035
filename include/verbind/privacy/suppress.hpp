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
// does not protect across several tables that share margins (use
// suppress_linked_cells below for those), and it is a
// heuristic, not the minimum-loss suppression (that problem is NP-hard).
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string_view>
#include <utility>
#include <vector>

namespace verbind {

// The library's one small-cell threshold default: counts of people in
// [1, min_cell) are suppressed. Every Options struct with a min_cell
// (SuppressionOptions, TimelineOptions, ReportOptions, SocialMapOptions)
// holds it as std::uint64_t with this default and checks it with
// check_min_cell.
inline constexpr std::uint64_t default_min_cell = 10;

// The one check of a min_cell: input_error "<function>: min_cell must be at
// least 1 (field 'min_cell' is 0)" for 0.
void check_min_cell(std::uint64_t min_cell, std::string_view function);

struct SuppressionOptions {
    std::uint64_t min_cell = default_min_cell;  // counts in [1, min_cell) are suppressed

    // Throws input_error naming the field (and `function`) for min_cell 0.
    void validate(std::string_view function = "suppress_small_cells") const { check_min_cell(min_cell, function); }
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

// --- Counts tied together by linear relations ---------------------------------
//
// One table is not enough when published values are derived from counts
// that also appear elsewhere: a timeline's newly reached people, its
// cumulative reach (the denominator of reach growth) and the programme's
// totals form one system across periods and areas; a social map's group
// counts and its community sizes another. suppress_linked_cells protects
// such a system as a whole (docs/privacy.md, "Counts that are linked"):
//
// 1. Primary: every cell with 0 < count < min_cell, and every cell the
//    caller withholds for another reason (`withheld`).
// 2. Complementary, until no suppressed cell is determined: a suppressed
//    cell is determined when its unit vector lies in the row space of the
//    relations restricted to the unpublished cells (computed exactly, in
//    rational arithmetic); then one more published cell in a relation with
//    a determined one is suppressed (of the cheapest few by priority, zero
//    last, smallest count and position, the one that leaves the fewest
//    cells determined), and the check is repeated. This always ends: at worst every cell is
//    suppressed, and with every relation homogeneous in the unpublished
//    cells a non-zero count is then never determined.
// Cells the caller publishes whatever happens (`published_anyway`, e.g. a
// community's size) are never suppressed; a cell they and the relations
// determine on their own is public through them and is not protected (nor
// primary).
//
// Relations are sums with integer coefficients: sum(coefficient x cell) =
// a constant. The constants never matter (only which cells are tied), so
// they are not given. A published ratio of two cells is safe when both are
// published cells of the system (it then tells nothing they do not).
struct LinkedCells {
    std::vector<std::uint64_t> counts;
    std::vector<std::vector<std::pair<std::size_t, std::int64_t>>> relations;
    std::vector<std::uint8_t> published_anyway;  // empty, or one per cell
    std::vector<std::uint8_t> withheld;          // empty, or one per cell
    // Empty, or one per cell: complementary cells are taken lowest priority
    // first (then zero last, smallest count, position), e.g. a denominator
    // that only a ratio shows before a count that is published itself.
    std::vector<std::uint8_t> priority;
    // Called between steps (each system checked); may throw to stop, e.g.
    // Progress::report's cancelled_error. Empty: none.
    std::function<void()> checkpoint;
};

struct LinkedSuppression {
    std::vector<std::uint8_t> suppressed;  // 1: do not publish
    std::vector<std::uint8_t> primary;     // 1: small, or withheld by the caller
};

// Throws input_error for min_cell 0, a relation naming a cell out of range,
// a zero coefficient, or masks of the wrong size.
LinkedSuppression suppress_linked_cells(const LinkedCells& cells, const SuppressionOptions& options = {});

// For each cell in `unknown` (1 = not published): 1 when the published
// cells and the relations determine it exactly (also when the exact check
// would leave 64-bit rationals: the cautious answer). The check behind
// suppress_linked_cells, for tests and for callers that publish by hand.
std::vector<std::uint8_t> determined_cells(
    std::size_t cells, const std::vector<std::vector<std::pair<std::size_t, std::int64_t>>>& relations,
    const std::vector<std::uint8_t>& unknown);

}  // namespace verbind
