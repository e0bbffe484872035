// Linear sum assignment (shortest augmenting paths) and capacitated
// assignment (minimum-cost flow with LEMON's network simplex).
#include "verbind/match/assignment.hpp"

#include "verbind/error.hpp"

#include <lemon/network_simplex.h>
#include <lemon/preflow.h>
#include <lemon/static_graph.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <string>
#include <utility>

namespace verbind {

namespace {

constexpr double infinity = std::numeric_limits<double>::infinity();

void check_shape(const CostMatrix& cost, const char* function) {
    if (cost.values.size() != cost.rows * cost.cols)
        throw input_error(std::string(function) + ": cost matrix has " + std::to_string(cost.values.size()) +
                          " values, expected rows * cols = " + std::to_string(cost.rows) + " * " +
                          std::to_string(cost.cols));
}

// The costs to minimise, row-major with rows <= cols (transposed when the
// caller's matrix is tall), +inf for forbidden pairs. Refuses NaN and the
// infinity that cannot mean "forbidden", naming the first such entry.
struct Prepared {
    std::vector<double> values;
    std::size_t rows = 0, cols = 0;
    bool transposed = false;
};

Prepared prepare(const CostMatrix& cost, bool maximize, bool allow_transpose, const char* function) {
    check_shape(cost, function);
    Prepared p;
    p.transposed = allow_transpose && cost.rows > cost.cols;
    p.rows = p.transposed ? cost.cols : cost.rows;
    p.cols = p.transposed ? cost.rows : cost.cols;
    p.values.resize(cost.values.size());
    const double sign = maximize ? -1.0 : 1.0;
    for (std::size_t i = 0; i < cost.rows; ++i) {
        const double* row = cost.values.data() + i * cost.cols;
        for (std::size_t j = 0; j < cost.cols; ++j) {
            const double c = sign * row[j];
            if (std::isnan(c) || c == -infinity)
                throw input_error(std::string(function) + ": matrix contains invalid numeric entries: cost[" +
                                  std::to_string(i) + ", " + std::to_string(j) + "] is " +
                                  (std::isnan(c) ? "nan"
                                   : maximize    ? "inf (with maximize, -inf marks a forbidden pair)"
                                                 : "-inf (+inf marks a forbidden pair)"));
            if (p.transposed)
                p.values[j * p.cols + i] = c;
            else
                p.values[i * p.cols + j] = c;
        }
    }
    return p;
}

// Solves min sum over a complete matching of the rows (rows <= cols) with
// shortest augmenting paths kept feasible by dual potentials u (rows) and v
// (columns): reduced costs c[i][j] - u[i] - v[j] stay >= 0 and are 0 on
// matched pairs. Returns false when no complete matching exists.
class ShortestAugmentingPath {
public:
    ShortestAugmentingPath(const double* cost, std::size_t rows, std::size_t cols)
        : c_(cost),
          nr_(rows),
          nc_(cols),
          u_(rows, 0.0),
          v_(cols, 0.0),
          col4row_(rows, -1),
          row4col_(cols, -1),
          path_(cols, -1),
          dist_(cols),
          in_rows_(rows),
          in_cols_(cols),
          remaining_(cols) {}

    // `finite`: no forbidden pair (augmenting row reduction needs finite
    // differences).
    bool solve(bool finite) {
        if (nr_ == nc_) {
            if (!column_reduction()) return false;
            if (finite && nr_ > 1) {
                // Two rounds, as Jonker & Volgenant do.
                augmenting_row_reduction();
                augmenting_row_reduction();
                for (std::size_t i = 0; i < nr_; ++i)
                    if (col4row_[i] >= 0) u_[i] = c_[i * nc_ + col4row_[i]] - v_[col4row_[i]];
            }
        }
        for (std::size_t row = 0; row < nr_; ++row) {
            if (col4row_[row] >= 0) continue;
            if (!augment(static_cast<std::int64_t>(row))) return false;
        }
        return true;
    }

    const std::vector<std::int64_t>& col4row() const noexcept { return col4row_; }

private:
    // Jonker & Volgenant's column reduction: v[j] is column j's minimum and
    // each column goes to its minimum's row while that row is free. Only for
    // square matrices, where every column ends up matched (on rectangular
    // ones an unmatched column must keep v = 0). A column without a finite
    // cost makes a square problem infeasible.
    bool column_reduction() {
        for (std::size_t jj = nc_; jj-- > 0;) {
            double best = infinity;
            std::int64_t best_row = -1;
            for (std::size_t i = 0; i < nr_; ++i) {
                const double c = c_[i * nc_ + jj];
                if (c < best || (c == best && best_row >= 0 && col4row_[best_row] >= 0 && col4row_[i] < 0)) {
                    best = c;
                    best_row = static_cast<std::int64_t>(i);
                }
            }
            if (best == infinity) return false;
            v_[jj] = best;
            if (col4row_[best_row] < 0) {
                col4row_[best_row] = static_cast<std::int64_t>(jj);
                row4col_[jj] = best_row;
            }
        }
        return true;
    }

    // Jonker & Volgenant's augmenting row reduction: a free row takes the
    // column where c - v is least, lowering that column's v to the gap to
    // its second least so that the row is tight on both; the row it
    // displaces becomes free. Keeps c - u - v >= 0 with u[i] = c[i][x[i]] -
    // v[x[i]] for the assigned rows (set by the caller afterwards).
    void augmenting_row_reduction() {
        std::vector<std::int64_t> free_rows;
        for (std::size_t i = 0; i < nr_; ++i)
            if (col4row_[i] < 0) free_rows.push_back(static_cast<std::int64_t>(i));
        // A displaced row is either handled again at once (when its column's
        // v was lowered) or left free for the next round; the step budget
        // guards against cycling on ties.
        // Each step scans a row (O(n)); on some inputs the displaced rows
        // chase each other through many small decreases of v, so the
        // reduction stops after a few steps per free row and leaves the
        // rest to the augmenting paths (the duals stay feasible throughout).
        std::size_t current = 0, steps = 0;
        const std::size_t step_limit = 4 * free_rows.size() + 16;
        while (current < free_rows.size() && steps < step_limit) {
            ++steps;
            const std::int64_t row_index = free_rows[current++];
            const double* row = c_ + static_cast<std::size_t>(row_index) * nc_;
            std::int64_t j1 = 0, j2 = -1;
            double v1 = row[0] - v_[0], v2 = infinity;
            for (std::size_t j = 1; j < nc_; ++j) {
                const double h = row[j] - v_[j];
                if (h < v2) {
                    if (h >= v1) {
                        v2 = h;
                        j2 = static_cast<std::int64_t>(j);
                    } else {
                        v2 = v1;
                        v1 = h;
                        j2 = j1;
                        j1 = static_cast<std::int64_t>(j);
                    }
                }
            }
            std::int64_t displaced = row4col_[j1];
            const double lowered = v_[j1] - (v2 - v1);
            const bool lowers = lowered < v_[j1];
            const bool within_budget = steps < current * nc_;
            if (within_budget) {
                if (lowers) {
                    v_[j1] = lowered;
                } else if (displaced >= 0 && j2 >= 0) {
                    j1 = j2;
                    displaced = row4col_[j2];
                }
            }
            if (displaced >= 0) {
                col4row_[displaced] = -1;
                if (within_budget && lowers) free_rows[--current] = displaced;
            }
            col4row_[row_index] = j1;
            row4col_[j1] = row_index;
        }
    }

    // One Dijkstra from the free row `start` over reduced costs, then the
    // dual update and the flip of the augmenting path.
    bool augment(std::int64_t start) {
        std::fill(dist_.begin(), dist_.end(), infinity);
        std::fill(in_rows_.begin(), in_rows_.end(), char{0});
        std::fill(in_cols_.begin(), in_cols_.end(), char{0});
        std::size_t num_remaining = nc_;
        for (std::size_t k = 0; k < nc_; ++k) remaining_[k] = static_cast<std::int64_t>(nc_ - k - 1);

        double min_dist = 0.0;
        std::int64_t i = start;
        std::int64_t sink = -1;
        while (sink < 0) {
            in_rows_[i] = 1;
            const double* row = c_ + static_cast<std::size_t>(i) * nc_;
            const double base = min_dist - u_[i];
            std::size_t best_k = 0;
            double lowest = infinity;
            for (std::size_t k = 0; k < num_remaining; ++k) {
                const std::int64_t j = remaining_[k];
                const double r = base + row[j] - v_[j];
                if (r < dist_[j]) {
                    path_[j] = i;
                    dist_[j] = r;
                }
                // Among equal distances prefer a free column: it ends the search.
                if (dist_[j] < lowest || (dist_[j] == lowest && row4col_[j] < 0)) {
                    lowest = dist_[j];
                    best_k = k;
                }
            }
            min_dist = lowest;
            if (min_dist == infinity) return false;
            const std::int64_t j = remaining_[best_k];
            if (row4col_[j] < 0)
                sink = j;
            else
                i = row4col_[j];
            in_cols_[j] = 1;
            remaining_[best_k] = remaining_[--num_remaining];
        }

        u_[start] += min_dist;
        for (std::size_t r = 0; r < nr_; ++r)
            if (in_rows_[r] && static_cast<std::int64_t>(r) != start) u_[r] += min_dist - dist_[col4row_[r]];
        for (std::size_t j = 0; j < nc_; ++j)
            if (in_cols_[j]) v_[j] -= min_dist - dist_[j];

        std::int64_t j = sink;
        for (;;) {
            const std::int64_t r = path_[j];
            row4col_[j] = r;
            std::swap(col4row_[r], j);
            if (r == start) break;
        }
        return true;
    }

    const double* c_;
    std::size_t nr_, nc_;
    std::vector<double> u_, v_;
    std::vector<std::int64_t> col4row_, row4col_, path_;
    std::vector<double> dist_;
    std::vector<char> in_rows_, in_cols_;
    std::vector<std::int64_t> remaining_;
};

// Rows of capacity 1, columns of capacity cap[j], every row to be matched:
// the same shortest augmenting paths, where reaching a full column leads on
// to every row it holds (their reduced costs to it are all 0). Columns that
// are never full keep v = 0, as complementary slackness needs. Returns the
// column of each row, or an empty vector when some row cannot be matched.
std::vector<std::int64_t> unit_rows(const double* c, std::size_t nr, std::size_t nc,
                                    const std::vector<std::int64_t>& cap) {
    std::vector<double> u(nr, 0.0), v(nc, 0.0), dist(nc);
    std::vector<std::int64_t> col4row(nr, -1), path(nc, -1), remaining(nc), pending;
    std::vector<std::vector<std::int64_t>> held(nc);
    std::vector<char> in_rows(nr), in_cols(nc);
    std::vector<std::int64_t> visited_rows;
    for (std::size_t start = 0; start < nr; ++start) {
        std::fill(dist.begin(), dist.end(), infinity);
        std::fill(in_cols.begin(), in_cols.end(), char{0});
        for (auto r : visited_rows) in_rows[r] = 0;
        visited_rows.clear();
        std::size_t num_remaining = 0;
        for (std::size_t j = nc; j-- > 0;)
            if (cap[j] > 0) remaining[num_remaining++] = static_cast<std::int64_t>(j);
        double min_dist = 0.0;
        std::int64_t sink = -1;
        pending.assign(1, static_cast<std::int64_t>(start));
        while (sink < 0) {
            // Scan every pending row (all at distance min_dist), then take
            // the nearest column.
            for (const std::int64_t i : pending) {
                in_rows[i] = 1;
                visited_rows.push_back(i);
                const double* row = c + static_cast<std::size_t>(i) * nc;
                const double base = min_dist - u[i];
                for (std::size_t k = 0; k < num_remaining; ++k) {
                    const std::int64_t j = remaining[k];
                    const double r = base + row[j] - v[j];
                    if (r < dist[j]) {
                        path[j] = i;
                        dist[j] = r;
                    }
                }
            }
            pending.clear();
            std::size_t best_k = 0;
            double lowest = infinity;
            for (std::size_t k = 0; k < num_remaining; ++k) {
                const std::int64_t j = remaining[k];
                const bool spare = static_cast<std::int64_t>(held[j].size()) < cap[j];
                if (dist[j] < lowest || (dist[j] == lowest && spare)) {
                    lowest = dist[j];
                    best_k = k;
                }
            }
            if (lowest == infinity) return {};
            min_dist = lowest;
            const std::int64_t j = remaining[best_k];
            in_cols[j] = 1;
            remaining[best_k] = remaining[--num_remaining];
            if (static_cast<std::int64_t>(held[j].size()) < cap[j])
                sink = j;
            else
                pending = held[j];
        }
        u[start] += min_dist;
        for (const std::int64_t r : visited_rows)
            if (r != static_cast<std::int64_t>(start)) u[r] += min_dist - dist[col4row[r]];
        for (std::size_t j = 0; j < nc; ++j)
            if (in_cols[j]) v[j] -= min_dist - dist[j];
        // Flip the path: each row on it moves to the column it was reached
        // from, leaving the column it held.
        std::int64_t j = sink;
        for (;;) {
            const std::int64_t r = path[j];
            const std::int64_t old = col4row[r];
            col4row[r] = j;
            held[j].push_back(r);
            if (old < 0) break;
            auto& list = held[old];
            list.erase(std::find(list.begin(), list.end(), r));
            j = old;
        }
    }
    return col4row;
}

// A capacity list's own check (AssignOptions::validate): each value >= 0.
// Its length is checked against the matrix (capacities below).
void check_capacities(const std::vector<std::int64_t>& given, const char* which) {
    for (std::size_t k = 0; k < given.size(); ++k)
        if (given[k] < 0)
            throw input_error(std::string("assign: ") + which + "[" + std::to_string(k) + "] is " +
                              std::to_string(given[k]) + ", must be >= 0");
}

// A validated capacity list against the matrix: one value for every row
// (column) or one per row.
std::vector<std::int64_t> capacities(const std::vector<std::int64_t>& given, std::size_t n, const char* which) {
    if (given.size() != 1 && given.size() != n)
        throw input_error(std::string("assign: ") + which + " has " + std::to_string(given.size()) +
                          " values, expected 1 or " + std::to_string(n));
    if (given.size() == n) return given;
    return std::vector<std::int64_t>(n, given[0]);
}

// Costs that are all integers of moderate size are solved in int64, so the
// optimum is exact; others in double precision.
bool integer_costs(const std::vector<double>& values, std::int64_t flow) {
    const double limit = std::ldexp(1.0, 62) / static_cast<double>(std::max<std::int64_t>(flow, 1) + 1);
    for (double c : values) {
        if (c == infinity) continue;
        if (c != std::floor(c) || std::fabs(c) > limit) return false;
    }
    return true;
}

// The network simplex in double precision can cycle for ever: when a cost
// is below the rounding of the sums it is added to (costs 0.55 and 5e-324,
// found by fuzz_capi_arrays), a pivot that "improves" by it changes nothing
// and the next one undoes it. Non-integer costs are therefore solved in
// int64 too: scaled by a power of two (exact) so that the largest is within
// the integer path's limit, then rounded. What the rounding drops is below
// 2^-62 (flow + 1) of the largest cost, under double's own rounding of the
// total; order and equality of the costs are kept.
Prepared integer_scaled(const Prepared& p, std::int64_t flow) {
    double largest = 0;
    for (double c : p.values)
        if (c != infinity) largest = std::max(largest, std::fabs(c));
    Prepared q = p;
    if (largest == 0) return q;
    const double limit = std::ldexp(1.0, 62) / static_cast<double>(std::max<std::int64_t>(flow, 1) + 1);
    int exponent = 0;
    std::frexp(limit / largest, &exponent);  // limit / largest in [2^(exponent-1), 2^exponent)
    const double scale = std::ldexp(1.0, exponent - 1);
    for (double& c : q.values)
        if (c != infinity) c = std::nearbyint(c * scale);
    return q;
}

template <class Cost>
AssignmentResult min_cost_flow(const Prepared& p, const std::vector<std::int64_t>& row_cap,
                               const std::vector<std::int64_t>& col_cap, std::int64_t flow) {
    // Nodes: source 0, rows 1..R, columns R+1..R+C, sink R+C+1. StaticDigraph
    // wants arcs ordered by source.
    const int R = static_cast<int>(p.rows), C = static_cast<int>(p.cols);
    const int source = 0, sink = R + C + 1;
    std::vector<std::pair<int, int>> arcs;
    std::size_t allowed = 0;
    for (double c : p.values) allowed += c != infinity;
    arcs.reserve(static_cast<std::size_t>(R + C) + allowed);
    for (int i = 0; i < R; ++i) arcs.emplace_back(source, 1 + i);
    for (int i = 0; i < R; ++i)
        for (int j = 0; j < C; ++j)
            if (p.values[static_cast<std::size_t>(i) * p.cols + j] != infinity) arcs.emplace_back(1 + i, 1 + R + j);
    for (int j = 0; j < C; ++j) arcs.emplace_back(1 + R + j, sink);

    lemon::StaticDigraph graph;
    graph.build(R + C + 2, arcs.begin(), arcs.end());
    lemon::StaticDigraph::ArcMap<std::int64_t> upper(graph, 1);
    lemon::StaticDigraph::ArcMap<Cost> costs(graph, Cost{0});
    for (std::size_t a = 0; a < arcs.size(); ++a) {
        const auto arc = graph.arc(static_cast<int>(a));
        const auto [from, to] = arcs[a];
        if (from == source)
            upper[arc] = row_cap[static_cast<std::size_t>(to - 1)];
        else if (to == sink)
            upper[arc] = col_cap[static_cast<std::size_t>(from - 1 - R)];
        else
            costs[arc] = static_cast<Cost>(
                p.values[static_cast<std::size_t>(from - 1) * p.cols + static_cast<std::size_t>(to - 1 - R)]);
    }

    lemon::NetworkSimplex<lemon::StaticDigraph, std::int64_t, Cost> simplex(graph);
    simplex.upperMap(upper).costMap(costs).stSupply(graph.node(source), graph.node(sink), flow);
    const auto status = simplex.run();
    if (status == decltype(simplex)::INFEASIBLE) {
        lemon::Preflow<lemon::StaticDigraph, lemon::StaticDigraph::ArcMap<std::int64_t>> preflow(graph, upper,
                                                                                                 graph.node(source),
                                                                                                 graph.node(sink));
        preflow.runMinCut();
        throw input_error("assign: cost matrix is infeasible: the forbidden pairs leave at most " +
                          std::to_string(preflow.flowValue()) + " pairs, but the capacities ask for " +
                          std::to_string(flow) + " (min of the row and column capacity totals)");
    }
    if (status != decltype(simplex)::OPTIMAL) throw error("assign: minimum-cost flow did not find an optimum");

    AssignmentResult result;
    for (std::size_t a = 0; a < arcs.size(); ++a) {
        const auto [from, to] = arcs[a];
        if (from == source || to == sink) continue;
        if (simplex.flow(graph.arc(static_cast<int>(a))) == 0) continue;
        result.rows.push_back(from - 1);
        result.cols.push_back(to - 1 - R);
    }
    return result;
}

}  // namespace

AssignmentResult linear_assignment(const CostMatrix& cost, bool maximize) {
    const Prepared p = prepare(cost, maximize, /*allow_transpose=*/true, "linear_assignment");
    AssignmentResult result;
    if (p.rows == 0) return result;
    ShortestAugmentingPath solver(p.values.data(), p.rows, p.cols);
    const bool finite = std::none_of(p.values.begin(), p.values.end(), [](double c) { return c == infinity; });
    if (!solver.solve(finite)) throw input_error("linear_assignment: cost matrix is infeasible");
    const auto& col4row = solver.col4row();
    result.rows.resize(p.rows);
    result.cols.resize(p.rows);
    if (!p.transposed) {
        for (std::size_t i = 0; i < p.rows; ++i) {
            result.rows[i] = static_cast<std::int64_t>(i);
            result.cols[i] = col4row[i];
        }
    } else {
        // Rows of the solved problem are the caller's columns: order by the
        // caller's row.
        std::vector<std::size_t> order(p.rows);
        std::iota(order.begin(), order.end(), std::size_t{0});
        std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return col4row[a] < col4row[b]; });
        for (std::size_t k = 0; k < p.rows; ++k) {
            result.rows[k] = col4row[order[k]];
            result.cols[k] = static_cast<std::int64_t>(order[k]);
        }
    }
    for (std::size_t k = 0; k < result.rows.size(); ++k)
        result.total += cost.values[static_cast<std::size_t>(result.rows[k]) * cost.cols +
                                    static_cast<std::size_t>(result.cols[k])];
    return result;
}

void AssignOptions::validate() const {
    check_capacities(row_capacity, "row_capacity");
    check_capacities(col_capacity, "col_capacity");
}

AssignmentResult assign(const CostMatrix& cost, const AssignOptions& options) {
    options.validate();
    const auto row_cap = capacities(options.row_capacity, cost.rows, "row_capacity");
    const auto col_cap = capacities(options.col_capacity, cost.cols, "col_capacity");
    const Prepared p = prepare(cost, options.maximize, /*allow_transpose=*/false, "assign");
    if (cost.rows + cost.cols + 2 > static_cast<std::size_t>(std::numeric_limits<int>::max()) ||
        cost.values.size() > static_cast<std::size_t>(std::numeric_limits<int>::max()) / 2)
        throw input_error("assign: cost matrix is too large");
    // A pair is chosen at most once, so a row can never use more capacity
    // than it has columns (and vice versa).
    std::int64_t row_total = 0, col_total = 0;
    for (auto c : row_cap) row_total += std::min<std::int64_t>(c, static_cast<std::int64_t>(cost.cols));
    for (auto c : col_cap) col_total += std::min<std::int64_t>(c, static_cast<std::int64_t>(cost.rows));
    const std::int64_t flow = std::min(row_total, col_total);
    AssignmentResult result;
    if (flow == 0) return result;
    std::vector<std::int64_t> rc = row_cap, cc = col_cap;
    for (auto& c : rc) c = std::min<std::int64_t>(c, static_cast<std::int64_t>(cost.cols));
    for (auto& c : cc) c = std::min<std::int64_t>(c, static_cast<std::int64_t>(cost.rows));
    // When one side has capacity 1 everywhere and is matched fully, shortest
    // augmenting paths solve it directly, much faster than a general
    // minimum-cost flow on a dense graph.
    const bool unit = [](const std::vector<std::int64_t>& caps) {
        return std::all_of(caps.begin(), caps.end(), [](std::int64_t k) { return k == 1; });
    }(rc);
    const bool unit_cols = std::all_of(cc.begin(), cc.end(), [](std::int64_t k) { return k == 1; });
    if ((unit && flow == static_cast<std::int64_t>(cost.rows)) ||
        (unit_cols && flow == static_cast<std::int64_t>(cost.cols))) {
        const bool by_rows = unit && flow == static_cast<std::int64_t>(cost.rows);
        std::vector<double> t;
        const double* values = p.values.data();
        std::size_t nr = p.rows, nc = p.cols;
        if (!by_rows) {
            t.resize(p.values.size());
            for (std::size_t i = 0; i < p.rows; ++i)
                for (std::size_t j = 0; j < p.cols; ++j) t[j * p.rows + i] = p.values[i * p.cols + j];
            values = t.data();
            std::swap(nr, nc);
        }
        const auto match = unit_rows(values, nr, nc, by_rows ? cc : rc);
        if (match.empty()) {
            // No full matching for the shortest paths, in double precision:
            // either there is none, or sums of huge costs (1e308) overflowed
            // (fuzz_capi_arrays). The flow formulation, in exactly scaled
            // integers, decides: it solves it, or says how many pairs are
            // possible.
            result = min_cost_flow<std::int64_t>(integer_costs(p.values, flow) ? p : integer_scaled(p, flow), rc, cc,
                                                 flow);
        } else {
            std::vector<std::pair<std::int64_t, std::int64_t>> pairs;
            for (std::size_t i = 0; i < nr; ++i)
                pairs.emplace_back(by_rows ? static_cast<std::int64_t>(i) : match[i],
                                   by_rows ? match[i] : static_cast<std::int64_t>(i));
            std::sort(pairs.begin(), pairs.end());
            for (const auto& [r, col] : pairs) {
                result.rows.push_back(r);
                result.cols.push_back(col);
            }
        }
    } else {
        result = integer_costs(p.values, flow) ? min_cost_flow<std::int64_t>(p, rc, cc, flow)
                                               : min_cost_flow<std::int64_t>(integer_scaled(p, flow), rc, cc, flow);
    }
    for (std::size_t k = 0; k < result.rows.size(); ++k)
        result.total += cost.values[static_cast<std::size_t>(result.rows[k]) * cost.cols +
                                    static_cast<std::size_t>(result.cols[k])];
    return result;
}

}  // namespace verbind
