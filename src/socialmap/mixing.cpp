// E-I index (Krackhardt & Stern 1988) with a permutation baseline, and
// attribute assortativity as networkx.attribute_assortativity_coefficient
// (Newman 2003, eq. 2: r = (tr M - ||M^2||) / (1 - ||M^2||)).
#include "verbind/socialmap/mixing.hpp"

#include "verbind/error.hpp"
#include "verbind/graph/labels.hpp"
#include "verbind/util/batches.hpp"
#include "verbind/util/parallel.hpp"
#include "verbind/util/random.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <utility>

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

// Ties between groups and all ties counted by ei_of (for_each_tie).
std::pair<std::uint64_t, std::uint64_t> external_and_total(const Graph& graph,
                                                           std::span<const std::uint32_t> groups) {
    std::uint64_t external = 0, total = 0;
    for_each_tie(graph, [&](NodeId u, NodeId v) {
        external += groups[u] != groups[v];
        ++total;
    });
    return {external, total};
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
    // The result has an entry per label 0..largest: bound it by the node
    // count before allocating (a labelling of n nodes needs at most n labels).
    require_labels_below(groups, graph.num_nodes(), "ei_index", "groups",
                         "per-group results are indexed by label, so labels must be below the node count");
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

void ExpectedEIOptions::validate() const {
    if (permutations == 0) throw input_error("expected_ei_index: permutations must be at least 1");
}

ExpectedEI expected_ei_index(const Graph& graph, std::span<const std::uint32_t> groups,
                             const ExpectedEIOptions& options) {
    check_groups(graph, groups, "expected_ei_index");
    options.validate();
    Progress progress(options.progress);
    progress.report(0.0);
    constexpr double nan = std::numeric_limits<double>::quiet_NaN();
    ExpectedEI result;
    result.observed = ei_of(graph, groups);
    if (std::isnan(result.observed)) {
        // No ties (or only undirected self-loops): E-I is undefined for the
        // labelling and for every relabelling, so there is no baseline to
        // compare with and no permutation is drawn.
        result.expected = result.std_dev = result.analytic = result.p_value = nan;
        result.permutations = 0;
        progress.report(1.0);
        return result;
    }
    result.permutations = options.permutations;

    // Shuffle dense codes, not the caller's labels: only equality matters,
    // and the group sizes below are counted per code.
    const std::vector<std::uint32_t> codes = compact_labels(groups).code;
    const std::size_t n = codes.size();
    std::uint32_t k = 0;
    for (auto g : codes) k = std::max(k, g + 1);
    std::vector<double> size(k, 0.0);
    for (auto g : codes) size[g] += 1.0;
    double same = 0.0;
    for (double s : size) same += s * (s - 1.0);
    result.analytic = n < 2 ? nan : 1.0 - 2.0 * same / (static_cast<double>(n) * static_cast<double>(n - 1));

    // Permutation p shuffles with its own stream Rng(seed, p): independent
    // of threads and of the batches progress is reported between. The number
    // of ties is the same under every relabelling, so a relabelling's E-I is
    // fixed by its count of ties between groups: the permutations are kept
    // as a histogram of that count (memory bounded by the graph, not by
    // `permutations`), with exact integer sums.
    const std::uint64_t ties = external_and_total(graph, codes).second;
    auto value_of = [&](std::uint64_t external) {
        return (2.0 * static_cast<double>(external) - static_cast<double>(ties)) / static_cast<double>(ties);
    };
    std::vector<std::uint64_t> histogram(ties + 1, 0);
    const std::uint64_t seed = seed_or_default(options.seed);
    const unsigned threads = resolve_threads(options.threads);
    std::vector<std::vector<std::uint32_t>> shuffled(threads);
    std::vector<std::uint64_t> batch_external;
    timed_batches(options.permutations, progress, 4 * std::size_t{threads}, [&](std::size_t first, std::size_t last) {
        batch_external.assign(last - first, 0);
        parallel_for(last - first, threads, 4, [&](std::size_t begin, std::size_t end, unsigned worker) {
            std::vector<std::uint32_t>& mine = shuffled[worker];
            mine.resize(n);
            for (std::size_t i = begin; i < end; ++i) {
                std::copy(codes.begin(), codes.end(), mine.begin());
                Rng rng(seed, first + i);
                rng.shuffle(mine.begin(), mine.end());
                batch_external[i] = external_and_total(graph, mine).first;
            }
        });
        for (std::uint64_t e : batch_external) ++histogram[e];
    });
    const double count = static_cast<double>(options.permutations);
    double mean = 0.0;
    for (std::uint64_t e = 0; e <= ties; ++e)
        if (histogram[e]) mean += static_cast<double>(histogram[e]) * value_of(e);
    mean /= count;
    double var = 0.0;
    for (std::uint64_t e = 0; e <= ties; ++e)
        if (histogram[e]) var += static_cast<double>(histogram[e]) * (value_of(e) - mean) * (value_of(e) - mean);
    result.expected = mean;
    result.std_dev = options.permutations > 1 ? std::sqrt(var / (count - 1.0)) : 0.0;
    // Two-sided permutation p-value, (1 + hits) / (1 + permutations).
    const double distance = std::abs(result.observed - mean);
    std::uint64_t hits = 0;
    for (std::uint64_t e = 0; e <= ties; ++e)
        if (std::abs(value_of(e) - mean) >= distance - 1e-12) hits += histogram[e];
    result.p_value = (1.0 + static_cast<double>(hits)) / (1.0 + count);
    progress.report(1.0);
    return result;
}

double assortativity(const Graph& graph, std::span<const std::uint32_t> labels) {
    check_groups(graph, labels, "assortativity");
    const CompactLabels compact = compact_labels(labels);
    const std::span<const std::uint32_t> groups = compact.code;
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
