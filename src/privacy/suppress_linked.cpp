// Suppression of linked cells (suppress_linked_cells, determined_cells):
// which suppressed cells the published ones and the relations between them
// give away, found exactly in rational arithmetic per system of linked
// unknowns, and the complementary cells that protect them. Tables with
// totals are in suppress.cpp.
#include "verbind/privacy/suppress.hpp"

#include "verbind/error.hpp"

#include <algorithm>
#include <cstdlib>
#include <functional>
#include <limits>
#include <map>
#include <numeric>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

namespace verbind {

namespace {

// Exact rational arithmetic in 64 bits; a result that does not fit throws
// Overflow, and the caller then takes the safe side (every unknown of that
// system counts as determined, so more is suppressed, never less).
struct Overflow {};

struct Rational {
    std::int64_t num = 0, den = 1;  // den > 0, gcd(num, den) = 1
};

std::int64_t fit(__int128 x) {
    if (x > std::numeric_limits<std::int64_t>::max() || x < -std::numeric_limits<std::int64_t>::max())
        throw Overflow{};
    return static_cast<std::int64_t>(x);
}

__int128 gcd128(__int128 a, __int128 b) {
    if (a < 0) a = -a;
    if (b < 0) b = -b;
    while (b != 0) {
        const __int128 t = a % b;
        a = b;
        b = t;
    }
    return a;
}

Rational make(__int128 num, __int128 den) {
    if (den < 0) num = -num, den = -den;
    const __int128 g = gcd128(num, den);
    if (g > 1) num /= g, den /= g;
    return {fit(num), fit(den)};
}

Rational operator*(Rational a, Rational b) {
    return make(static_cast<__int128>(a.num) * b.num, static_cast<__int128>(a.den) * b.den);
}
Rational operator-(Rational a, Rational b) {
    return make(static_cast<__int128>(a.num) * b.den - static_cast<__int128>(b.num) * a.den,
                static_cast<__int128>(a.den) * b.den);
}
Rational inverse(Rational a) { return make(a.den, a.num); }

using SparseRow = std::vector<std::pair<std::size_t, Rational>>;  // sorted by column, no zeros

// a - f * b
SparseRow minus_times(const SparseRow& a, Rational f, const SparseRow& b) {
    SparseRow out;
    out.reserve(a.size() + b.size());
    std::size_t i = 0, j = 0;
    while (i < a.size() || j < b.size()) {
        if (j == b.size() || (i < a.size() && a[i].first < b[j].first)) {
            out.push_back(a[i++]);
        } else if (i == a.size() || b[j].first < a[i].first) {
            const Rational v = Rational{0, 1} - f * b[j].second;
            out.emplace_back(b[j++].first, v);
        } else {
            const Rational v = a[i].second - f * b[j].second;
            if (v.num != 0) out.emplace_back(a[i].first, v);
            ++i, ++j;
        }
    }
    return out;
}

// Reduced row echelon form of `rows` over the columns 0..cols-1; returns,
// per column, whether the row space holds its unit vector.
std::vector<std::uint8_t> unit_vectors_in_row_space(std::vector<SparseRow> rows, std::size_t cols) {
    std::vector<SparseRow> pivots;
    std::vector<std::size_t> pivot_col;
    std::vector<long> pivot_of(cols, -1);
    for (SparseRow& row : rows) {
        // Reduce by the pivot rows (kept fully reduced, so one pass clears them).
        std::vector<std::pair<std::size_t, Rational>> hits;
        for (const auto& [c, v] : row)
            if (pivot_of[c] >= 0) hits.emplace_back(c, v);
        for (const auto& [c, v] : hits) {
            // The coefficient may have changed by an earlier subtraction.
            const auto at = std::lower_bound(row.begin(), row.end(), c,
                                             [](const auto& e, std::size_t col) { return e.first < col; });
            if (at == row.end() || at->first != c) continue;
            row = minus_times(row, at->second, pivots[static_cast<std::size_t>(pivot_of[c])]);
        }
        if (row.empty()) continue;
        // Any non-zero entry is an exact pivot: take the first.
        const std::size_t c = row.front().first;
        const Rational scale = inverse(row.front().second);
        for (auto& e : row) e.second = e.second * scale;
        for (std::size_t k = 0; k < pivots.size(); ++k) {
            const auto at = std::lower_bound(pivots[k].begin(), pivots[k].end(), c,
                                             [](const auto& e, std::size_t col) { return e.first < col; });
            if (at != pivots[k].end() && at->first == c) pivots[k] = minus_times(pivots[k], at->second, row);
        }
        pivot_of[c] = static_cast<long>(pivots.size());
        pivots.push_back(std::move(row));
        pivot_col.push_back(c);
    }
    std::vector<std::uint8_t> determined(cols, 0);
    for (std::size_t k = 0; k < pivots.size(); ++k)
        if (pivots[k].size() == 1) determined[pivot_col[k]] = 1;
    return determined;
}

using Relations = std::vector<std::vector<std::pair<std::size_t, std::int64_t>>>;

struct UnionFind {
    std::vector<std::size_t> parent;
    explicit UnionFind(std::size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), std::size_t{0}); }
    std::size_t find(std::size_t x) {
        while (parent[x] != x) x = parent[x] = parent[parent[x]];
        return x;
    }
    void unite(std::size_t a, std::size_t b) { parent[find(a)] = find(b); }
};

// Groups of unknown cells tied together by relations (through unknown
// cells; published cells are constants), each with its relations.
struct Systems {
    std::vector<std::vector<std::size_t>> cells;      // per system, ascending
    std::vector<std::vector<std::size_t>> relations;  // per system
};

Systems systems_of(std::size_t n, const Relations& relations, const std::vector<std::uint8_t>& unknown) {
    UnionFind uf(n);
    for (const auto& rel : relations) {
        std::size_t first = n;
        for (const auto& [cell, coefficient] : rel) {
            (void)coefficient;
            if (!unknown[cell]) continue;
            if (first == n)
                first = cell;
            else
                uf.unite(cell, first);
        }
    }
    Systems s;
    std::map<std::size_t, std::size_t> index;
    for (std::size_t c = 0; c < n; ++c) {
        if (!unknown[c]) continue;
        const auto [it, fresh] = index.emplace(uf.find(c), s.cells.size());
        if (fresh) s.cells.emplace_back(), s.relations.emplace_back();
        s.cells[it->second].push_back(c);
    }
    for (std::size_t r = 0; r < relations.size(); ++r)
        for (const auto& [cell, coefficient] : relations[r]) {
            (void)coefficient;
            if (unknown[cell]) {
                s.relations[index.at(uf.find(cell))].push_back(r);
                break;
            }
        }
    return s;
}

// Determined cells of one system (1 per entry of `cells`).
// `if_unsure`: what a cell counts as when the exact check overflows: 1
// (determined) where that means more suppression, 0 where it means more
// protection.
std::vector<std::uint8_t> determined_in(const std::vector<std::size_t>& cells, const std::vector<std::size_t>& which,
                                        const Relations& relations, const std::vector<std::uint8_t>& unknown,
                                        std::uint8_t if_unsure = 1) {
    std::vector<SparseRow> rows;
    for (std::size_t r : which) {
        std::map<std::size_t, std::int64_t> terms;
        for (const auto& [cell, coefficient] : relations[r])
            if (unknown[cell]) {
                const std::size_t col =
                    static_cast<std::size_t>(std::lower_bound(cells.begin(), cells.end(), cell) - cells.begin());
                terms[col] += coefficient;
            }
        SparseRow row;
        for (const auto& [col, v] : terms)
            if (v != 0) row.emplace_back(col, Rational{v, 1});
        if (!row.empty()) rows.push_back(std::move(row));
    }
    try {
        return unit_vectors_in_row_space(std::move(rows), cells.size());
    } catch (const Overflow&) {
        return std::vector<std::uint8_t>(cells.size(), if_unsure);
    }
}

void check_relations(std::size_t n, const Relations& relations) {
    for (std::size_t r = 0; r < relations.size(); ++r)
        for (const auto& [cell, coefficient] : relations[r]) {
            if (cell >= n)
                throw input_error("suppress_linked_cells: relation " + std::to_string(r) + " names cell " +
                                  std::to_string(cell) + " of " + std::to_string(n));
            if (coefficient == 0 || coefficient == std::numeric_limits<std::int64_t>::min())
                throw input_error("suppress_linked_cells: relation " + std::to_string(r) +
                                  " has a coefficient out of range for cell " + std::to_string(cell));
        }
}

}  // namespace

namespace {

std::vector<std::uint8_t> determined_all(std::size_t cells, const Relations& relations,
                                         const std::vector<std::uint8_t>& unknown, std::uint8_t if_unsure,
                                         const std::function<void()>& checkpoint = {}) {
    std::vector<std::uint8_t> out(cells, 0);
    const Systems s = systems_of(cells, relations, unknown);
    for (std::size_t k = 0; k < s.cells.size(); ++k) {
        if (checkpoint) checkpoint();
        const auto d = determined_in(s.cells[k], s.relations[k], relations, unknown, if_unsure);
        for (std::size_t i = 0; i < d.size(); ++i) out[s.cells[k][i]] = d[i];
    }
    return out;
}

// The input of suppress_linked_cells checked: one entry per cell in each
// per-cell list given, relations over existing cells.
void check_linked_cells(const LinkedCells& in) {
    const std::size_t n = in.counts.size();
    if (!in.published_anyway.empty() && in.published_anyway.size() != n)
        throw input_error("suppress_linked_cells: 'published_anyway' has " +
                          std::to_string(in.published_anyway.size()) + " entries for " + std::to_string(n) +
                          " cells");
    if (!in.withheld.empty() && in.withheld.size() != n)
        throw input_error("suppress_linked_cells: 'withheld' has " + std::to_string(in.withheld.size()) +
                          " entries for " + std::to_string(n) + " cells");
    if (!in.priority.empty() && in.priority.size() != n)
        throw input_error("suppress_linked_cells: 'priority' has " + std::to_string(in.priority.size()) +
                          " entries for " + std::to_string(n) + " cells");
    check_relations(n, in.relations);
}

// What the always-published cells and the relations give away on their own
// (a relation naming one cell fixes it): public.
std::vector<std::uint8_t> public_cells(const LinkedCells& in) {
    const std::size_t n = in.counts.size();
    std::vector<std::uint8_t> is_public(n, 0);
    {
        std::vector<std::uint8_t> unknown(n, 1);
        for (std::size_t c = 0; c < n && !in.published_anyway.empty(); ++c) unknown[c] = !in.published_anyway[c];
        const auto given = determined_all(n, in.relations, unknown, 0, in.checkpoint);  // unsure: protect it
        for (std::size_t c = 0; c < n; ++c)
            is_public[c] = (!in.published_anyway.empty() && in.published_anyway[c]) || given[c];
    }
    return is_public;
}

// Per cell, the relations it is in.
std::vector<std::vector<std::size_t>> relations_by_cell(std::size_t n, const Relations& relations) {
    std::vector<std::vector<std::size_t>> relations_of(n);
    for (std::size_t r = 0; r < relations.size(); ++r)
        for (const auto& [cell, coefficient] : relations[r]) {
            (void)coefficient;
            relations_of[cell].push_back(r);
        }
    return relations_of;
}

// Cheap first: a relation with exactly one suppressed cell gives it away, so
// it gets the cheapest other published cell (to a fixpoint).
template <class Cost>
void one_per_relation(const Relations& relations, const std::vector<std::uint8_t>& is_public, const Cost& cost,
                      std::vector<std::uint8_t>& suppressed) {
    for (bool more = true; more;) {
        more = false;
        for (const auto& rel : relations) {
            std::size_t hidden = 0;
            std::optional<std::size_t> best;
            for (const auto& [cell, coefficient] : rel) {
                (void)coefficient;
                if (suppressed[cell])
                    ++hidden;
                else if (!is_public[cell] && (!best || cost(cell) < cost(*best)))
                    best = cell;
            }
            if (hidden == 1 && best) {
                suppressed[*best] = 1;
                more = true;
            }
        }
    }
}

}  // namespace

std::vector<std::uint8_t> determined_cells(std::size_t cells, const Relations& relations,
                                           const std::vector<std::uint8_t>& unknown) {
    if (unknown.size() != cells)
        throw input_error("determined_cells: 'unknown' has " + std::to_string(unknown.size()) + " entries for " +
                          std::to_string(cells) + " cells");
    check_relations(cells, relations);
    return determined_all(cells, relations, unknown, 1);
}

LinkedSuppression suppress_linked_cells(const LinkedCells& in, const SuppressionOptions& options) {
    const std::size_t n = in.counts.size();
    options.validate("suppress_linked_cells");
    check_linked_cells(in);

    // What the always-published cells and the relations give away on their
    // own (a relation naming one cell fixes it) is public.
    const std::vector<std::uint8_t> is_public = public_cells(in);

    LinkedSuppression out;
    out.primary.assign(n, 0);
    for (std::size_t c = 0; c < n; ++c)
        out.primary[c] = !is_public[c] && ((in.counts[c] > 0 && in.counts[c] < options.min_cell) ||
                                           (!in.withheld.empty() && in.withheld[c]));
    out.suppressed = out.primary;

    // Cells in a relation with each cell, for choosing complementary ones.
    const std::vector<std::vector<std::size_t>> relations_of = relations_by_cell(n, in.relations);
    auto cost = [&](std::size_t c) {
        return std::make_tuple(in.priority.empty() ? 0 : in.priority[c], in.counts[c] == 0, in.counts[c], c);
    };
    // Published cells in a relation with `target`, cheapest first.
    auto candidates_near = [&](std::size_t target) {
        std::vector<std::size_t> out_cells;
        for (std::size_t r : relations_of[target])
            for (const auto& [cell, coefficient] : in.relations[r]) {
                (void)coefficient;
                if (!out.suppressed[cell] && !is_public[cell]) out_cells.push_back(cell);
            }
        std::sort(out_cells.begin(), out_cells.end(),
                  [&](std::size_t x, std::size_t y) { return cost(x) < cost(y); });
        out_cells.erase(std::unique(out_cells.begin(), out_cells.end()), out_cells.end());
        return out_cells;
    };
    // The system of unknown cells that holds `seed`, with its relations.
    auto system_around = [&](std::size_t seed, const std::vector<std::uint8_t>& unknown) {
        std::vector<std::size_t> cells{seed}, which;
        std::vector<std::uint8_t> seen_cell(n, 0);
        std::vector<std::uint8_t> seen_relation(in.relations.size(), 0);
        seen_cell[seed] = 1;
        for (std::size_t k = 0; k < cells.size(); ++k)
            for (std::size_t r : relations_of[cells[k]]) {
                if (seen_relation[r]) continue;
                seen_relation[r] = 1;
                which.push_back(r);
                for (const auto& [cell, coefficient] : in.relations[r]) {
                    (void)coefficient;
                    if (unknown[cell] && !seen_cell[cell]) seen_cell[cell] = 1, cells.push_back(cell);
                }
            }
        std::sort(cells.begin(), cells.end());
        return std::pair{cells, which};
    };
    constexpr std::size_t max_trials = 16;

    // A system found safe stays safe until a cell joins it: only systems
    // with a newly suppressed ("dirty") cell are checked again.
    constexpr std::size_t small_system = 48;
    std::vector<std::uint8_t> checked(n, 0);  // 1: in a system found safe, unchanged since
    for (;;) {
        one_per_relation(in.relations, is_public, cost, out.suppressed);
        std::vector<std::uint8_t> unknown = out.suppressed;
        const Systems s = systems_of(n, in.relations, unknown);
        bool added = false, stuck = false;
        for (std::size_t k = 0; k < s.cells.size(); ++k) {
            const auto& cells = s.cells[k];
            if (std::all_of(cells.begin(), cells.end(), [&](std::size_t c) { return checked[c] != 0; })) continue;
            if (in.checkpoint) in.checkpoint();
            const auto d = determined_in(cells, s.relations[k], in.relations, unknown);
            std::vector<std::size_t> picks;
            if (cells.size() <= small_system) {
                // Of the cheapest cells related to a determined one, the one
                // that leaves the fewest cells determined (ties: the cheapest).
                std::vector<std::size_t> near;
                for (std::size_t i = 0; i < cells.size(); ++i)
                    if (d[i])
                        for (std::size_t c : candidates_near(cells[i])) near.push_back(c);
                std::sort(near.begin(), near.end(), [&](std::size_t x, std::size_t y) { return cost(x) < cost(y); });
                near.erase(std::unique(near.begin(), near.end()), near.end());
                if (near.size() > max_trials) near.resize(max_trials);
                std::size_t best_left = std::numeric_limits<std::size_t>::max();
                std::optional<std::size_t> pick;
                for (std::size_t c : near) {
                    unknown[c] = 1;
                    const auto [around, which] = system_around(c, unknown);
                    const auto after = determined_in(around, which, in.relations, unknown);
                    unknown[c] = 0;
                    const auto left = static_cast<std::size_t>(std::count(after.begin(), after.end(), 1));
                    if (left < best_left) best_left = left, pick = c;
                }
                if (pick) picks.push_back(*pick);
            } else {
                // A large system: one cheapest related cell per determined cell.
                for (std::size_t i = 0; i < cells.size(); ++i)
                    if (d[i]) {
                        const auto near = candidates_near(cells[i]);
                        for (std::size_t c : near)
                            if (std::find(picks.begin(), picks.end(), c) == picks.end()) {
                                picks.push_back(c);
                                break;
                            }
                    }
            }
            if (picks.empty() && std::find(d.begin(), d.end(), 1) != d.end()) {
                // Every cell related to a determined one is hidden already:
                // widen to the cheapest published cell related to the system.
                std::optional<std::size_t> pick;
                for (std::size_t c : cells) {
                    const auto other = candidates_near(c);
                    if (!other.empty() && (!pick || cost(other.front()) < cost(*pick))) pick = other.front();
                }
                if (pick)
                    picks.push_back(*pick);
                else
                    stuck = true;
            }
            for (std::size_t c : picks)
                out.suppressed[c] = 1;  // `unknown` stays as `s` was made until the next round
            added = added || !picks.empty();
            if (picks.empty() && !stuck)
                for (std::size_t c : cells) checked[c] = 1;
        }
        if (!added) {
            if (stuck) {
                // Only reachable when the exact check overflowed: hide every
                // cell that is not public, which no relation can undo.
                for (std::size_t c = 0; c < n; ++c)
                    if (!is_public[c]) out.suppressed[c] = 1;
            }
            break;
        }
    }
    return out;
}

}  // namespace verbind
