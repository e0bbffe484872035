// E-I index (Krackhardt & Stern 1988) with a permutation baseline, and
// attribute assortativity as networkx.attribute_assortativity_coefficient
// (Newman 2003, eq. 2: r = (tr M - ||M^2||) / (1 - ||M^2||)).
#include "verbind/socialmap/mixing.hpp"

#include "verbind/error.hpp"
#include "verbind/util/parallel.hpp"
#include "verbind/util/random.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

namespace verbind {

namespace {

void check_groups(const Graph& graph, std::span<const std::uint32_t> groups, std::string_view function) {
    if (groups.size() != graph.num_nodes())
        throw input_error(std::string(function) + ": groups has " + std::to_string(groups.size()) +
                          " entries, the graph has " + std::to_string(graph.num_nodes()) + " nodes");
}

// Calls f(u, v) once per edge (undirected: u < v) or arc.
template <class F>
void for_each_tie(const Graph& graph, F&& f) {
    for (NodeId u = 0; u < graph.num_nodes(); ++u)
        for (NodeId v : graph.neighbors(u))
            if (graph.directed() || u < v) f(u, v);
}

double ei_of(const Graph& graph, std::span<const std::uint32_t> groups) {
    double external = 0.0, internal = 0.0;
    for_each_tie(graph, [&](NodeId u, NodeId v) { (groups[u] == groups[v] ? internal : external) += 1.0; });
    if (external + internal == 0.0) return std::numeric_limits<double>::quiet_NaN();
    return (external - internal) / (external + internal);
}

}  // namespace

double ei_index(const Graph& graph, std::span<const std::uint32_t> groups) {
    check_groups(graph, groups, "ei_index");
    return ei_of(graph, groups);
}

std::vector<double> ei_index_per_group(const Graph& graph, std::span<const std::uint32_t> groups) {
    check_groups(graph, groups, "ei_index");
    std::uint32_t k = 0;
    for (auto g : groups) k = std::max(k, g + 1);
    std::vector<double> external(k, 0.0), internal(k, 0.0);
    for_each_tie(graph, [&](NodeId u, NodeId v) {
        if (groups[u] == groups[v]) {
            internal[groups[u]] += 1.0;
        } else {
            external[groups[u]] += 1.0;
            external[groups[v]] += 1.0;
        }
    });
    std::vector<double> out(k);
    for (std::uint32_t g = 0; g < k; ++g) {
        const double total = external[g] + internal[g];
        out[g] = total == 0.0 ? std::numeric_limits<double>::quiet_NaN() : (external[g] - internal[g]) / total;
    }
    return out;
}

ExpectedEI expected_ei_index(const Graph& graph, std::span<const std::uint32_t> groups,
                             const ExpectedEIOptions& options) {
    check_groups(graph, groups, "expected_ei_index");
    if (options.permutations == 0) throw input_error("expected_ei_index: permutations must be at least 1");
    ExpectedEI result;
    result.permutations = options.permutations;
    result.observed = ei_of(graph, groups);

    const std::size_t n = groups.size();
    std::uint32_t k = 0;
    for (auto g : groups) k = std::max(k, g + 1);
    std::vector<double> size(k, 0.0);
    for (auto g : groups) size[g] += 1.0;
    double same = 0.0;
    for (double s : size) same += s * (s - 1.0);
    result.analytic = n < 2 ? std::numeric_limits<double>::quiet_NaN()
                            : 1.0 - 2.0 * same / (static_cast<double>(n) * static_cast<double>(n - 1));

    // Permutation k shuffles with its own stream: independent of threads.
    const std::uint64_t seed = seed_or_default(options.seed);
    std::vector<double> values(options.permutations);
    parallel_for(options.permutations, options.threads, 4, [&](std::size_t begin, std::size_t end, unsigned) {
        std::vector<std::uint32_t> shuffled(groups.begin(), groups.end());
        for (std::size_t p = begin; p < end; ++p) {
            std::copy(groups.begin(), groups.end(), shuffled.begin());
            Rng rng(seed, p);
            rng.shuffle(shuffled.begin(), shuffled.end());
            values[p] = ei_of(graph, shuffled);
        }
    });
    double mean = 0.0;
    for (double v : values) mean += v;
    mean /= static_cast<double>(values.size());
    double var = 0.0;
    for (double v : values) var += (v - mean) * (v - mean);
    result.expected = mean;
    result.std_dev = values.size() > 1 ? std::sqrt(var / static_cast<double>(values.size() - 1)) : 0.0;
    // Two-sided permutation p-value, (1 + hits) / (1 + permutations).
    const double distance = std::abs(result.observed - mean);
    std::size_t hits = 0;
    for (double v : values)
        if (std::abs(v - mean) >= distance - 1e-12) ++hits;
    result.p_value = (1.0 + static_cast<double>(hits)) / (1.0 + static_cast<double>(values.size()));
    return result;
}

double assortativity(const Graph& graph, std::span<const std::uint32_t> groups) {
    check_groups(graph, groups, "assortativity");
    std::uint32_t k = 0;
    for (auto g : groups) k = std::max(k, g + 1);
    // networkx counts each undirected edge in both directions.
    std::vector<double> row(k, 0.0), column(k, 0.0);
    double diagonal = 0.0, total = 0.0;
    for_each_tie(graph, [&](NodeId u, NodeId v) {
        const double count = graph.directed() ? 1.0 : 2.0;
        if (groups[u] == groups[v]) diagonal += count;
        total += count;
        if (graph.directed()) {
            row[groups[u]] += 1.0;
            column[groups[v]] += 1.0;
        } else {
            row[groups[u]] += 1.0, column[groups[v]] += 1.0;
            row[groups[v]] += 1.0, column[groups[u]] += 1.0;
        }
    });
    if (total == 0.0) return std::numeric_limits<double>::quiet_NaN();
    const double t = diagonal / total;
    double s = 0.0;
    for (std::uint32_t g = 0; g < k; ++g) s += (row[g] / total) * (column[g] / total);
    return (t - s) / (1.0 - s);
}

}  // namespace verbind
