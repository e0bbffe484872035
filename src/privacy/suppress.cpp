#include "verbind/privacy/suppress.hpp"

#include "verbind/error.hpp"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <numeric>
#include <limits>
#include <optional>
#include <string>
#include <tuple>

namespace verbind {

void check_min_cell(std::uint64_t min_cell, std::string_view function) {
    if (min_cell == 0)
        throw input_error(std::string(function) + ": min_cell must be at least 1 (field 'min_cell' is 0)");
}

namespace {

// The extended table as a bipartite graph: node r (< rows) is row r, node
// rows + c is column c; each suppressed entry is an edge.
class Pattern {
public:
    explicit Pattern(SuppressedTable& table) : t_(table) {}

    std::size_t node_of_row(std::size_t r) const { return r; }
    std::size_t node_of_col(std::size_t c) const { return t_.rows + c; }
    std::size_t nodes() const { return t_.rows + t_.cols; }

    // Sort key for choosing a complementary entry: zeros last, then the
    // smallest count, then position.
    auto cost(std::size_t cell) const { return std::make_tuple(t_.counts[cell] == 0, t_.counts[cell], cell); }

    std::optional<std::size_t> cheapest(const std::vector<std::size_t>& candidates) const {
        std::optional<std::size_t> best;
        for (std::size_t cell : candidates)
            if (!t_.suppressed[cell] && (!best || cost(cell) < cost(*best))) best = cell;
        return best;
    }

    // Rule 2a: at least two suppressed entries in every line that has one.
    // Returns true when something was added.
    bool two_per_line() {
        bool added = false;
        for (std::size_t r = 0; r < t_.rows; ++r) {
            std::vector<std::size_t> line;
            std::size_t hidden = 0;
            for (std::size_t c = 0; c < t_.cols; ++c) {
                line.push_back(r * t_.cols + c);
                hidden += t_.suppressed[r * t_.cols + c];
            }
            if (hidden == 1) added |= suppress(cheapest(line));
        }
        for (std::size_t c = 0; c < t_.cols; ++c) {
            std::vector<std::size_t> line;
            std::size_t hidden = 0;
            for (std::size_t r = 0; r < t_.rows; ++r) {
                line.push_back(r * t_.cols + c);
                hidden += t_.suppressed[r * t_.cols + c];
            }
            if (hidden == 1) added |= suppress(cheapest(line));
        }
        return added;
    }

    // Rule 2b: closes the first bridge found; true when one was found.
    bool close_a_bridge() {
        for (std::size_t cell = 0; cell < t_.counts.size(); ++cell) {
            if (!t_.suppressed[cell]) continue;
            const std::size_t r = cell / t_.cols, c = cell % t_.cols;
            const auto side = components_without(cell);
            const auto a = side[node_of_row(r)], b = side[node_of_col(c)];
            if (a != b) {
                // Entries joining the two sides: a row on one, a column on the other.
                std::vector<std::size_t> joining;
                for (std::size_t rr = 0; rr < t_.rows; ++rr)
                    for (std::size_t cc = 0; cc < t_.cols; ++cc) {
                        const auto sr = side[node_of_row(rr)], sc = side[node_of_col(cc)];
                        if ((sr == a && sc == b) || (sr == b && sc == a)) joining.push_back(rr * t_.cols + cc);
                    }
                if (suppress(cheapest(joining))) return true;
                // No entry joins them directly (both sides are a single
                // line): widen through the cheapest entry in the bridge's row.
                std::vector<std::size_t> line;
                for (std::size_t cc = 0; cc < t_.cols; ++cc) line.push_back(r * t_.cols + cc);
                if (suppress(cheapest(line))) return true;
                std::vector<std::size_t> column;
                for (std::size_t rr = 0; rr < t_.rows; ++rr) column.push_back(rr * t_.cols + c);
                if (suppress(cheapest(column))) return true;
                std::vector<std::size_t> anywhere(t_.counts.size());
                for (std::size_t i = 0; i < anywhere.size(); ++i) anywhere[i] = i;
                if (suppress(cheapest(anywhere))) return true;
            }
        }
        return false;
    }

private:
    bool suppress(std::optional<std::size_t> cell) {
        if (!cell) return false;
        t_.suppressed[*cell] = 1;
        return true;
    }

    // Component labels of the suppressed-entry graph with `skipped` left out.
    std::vector<std::size_t> components_without(std::size_t skipped) const {
        constexpr auto unset = std::numeric_limits<std::size_t>::max();
        std::vector<std::size_t> label(nodes(), unset);
        std::vector<std::size_t> stack;
        std::size_t next = 0;
        for (std::size_t start = 0; start < nodes(); ++start) {
            if (label[start] != unset) continue;
            label[start] = next;
            stack.push_back(start);
            while (!stack.empty()) {
                const std::size_t node = stack.back();
                stack.pop_back();
                auto visit = [&](std::size_t cell, std::size_t other) {
                    if (cell != skipped && t_.suppressed[cell] && label[other] == unset) {
                        label[other] = next;
                        stack.push_back(other);
                    }
                };
                if (node < t_.rows)
                    for (std::size_t c = 0; c < t_.cols; ++c) visit(node * t_.cols + c, node_of_col(c));
                else
                    for (std::size_t r = 0; r < t_.rows; ++r) visit(r * t_.cols + (node - t_.rows), node_of_row(r));
            }
            ++next;
        }
        return label;
    }

    SuppressedTable& t_;
};

std::uint64_t add(std::uint64_t a, std::uint64_t b) {
    if (a > std::numeric_limits<std::uint64_t>::max() - b)
        throw input_error("suppress_small_cells: a total overflows");
    return a + b;
}

}  // namespace

SuppressedTable suppress_small_cells(const std::vector<std::uint64_t>& counts, std::size_t rows, std::size_t cols,
                                     const SuppressionOptions& options) {
    if (rows == 0 || cols == 0)
        throw input_error("suppress_small_cells: the table needs at least one row and one column, got " +
                          std::to_string(rows) + " x " + std::to_string(cols));
    if (counts.size() != rows * cols)
        throw input_error("suppress_small_cells: " + std::to_string(rows) + " x " + std::to_string(cols) +
                          " table needs " + std::to_string(rows * cols) + " counts, got " +
                          std::to_string(counts.size()));
    options.validate("suppress_small_cells");

    SuppressedTable t;
    t.rows = rows + 1;
    t.cols = cols + 1;
    t.counts.assign(t.rows * t.cols, 0);
    for (std::size_t r = 0; r < rows; ++r)
        for (std::size_t c = 0; c < cols; ++c) {
            const auto value = counts[r * cols + c];
            t.counts[r * t.cols + c] = value;
            t.counts[r * t.cols + cols] = add(t.counts[r * t.cols + cols], value);
            t.counts[rows * t.cols + c] = add(t.counts[rows * t.cols + c], value);
            t.counts[rows * t.cols + cols] = add(t.counts[rows * t.cols + cols], value);
        }
    t.primary.assign(t.counts.size(), 0);
    for (std::size_t i = 0; i < t.counts.size(); ++i)
        t.primary[i] = t.counts[i] > 0 && t.counts[i] < options.min_cell;
    t.suppressed = t.primary;

    Pattern pattern(t);
    while (pattern.two_per_line()) {
    }
    while (pattern.close_a_bridge()) {
        while (pattern.two_per_line()) {
        }
    }
    return t;
}

}  // namespace verbind
