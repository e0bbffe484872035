// Mixing between groups of nodes: Krackhardt & Stern's E-I index (Social
// Psychology Quarterly 51, 1988) with its baseline under random mixing, and
// networkx's attribute assortativity. Groups are labels, one per node: any
// uint32 values (names, not sizes; see verbind/graph/labels.hpp), except for
// ei_index_per_group, whose result is indexed by label.
#pragma once

#include "verbind/graph/graph.hpp"
#include "verbind/util/progress.hpp"

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace verbind {

// (E - I) / (E + I) over the edges (directed graphs: arcs): E between
// groups, I within. NaN without edges. Throws input_error when
// groups.size() != graph.num_nodes().
double ei_index(const Graph& graph, std::span<const std::uint32_t> groups);

// Per group g: (E_g - I_g) / (E_g + I_g), E_g the ties of g's members to
// other groups, I_g the ties among them; NaN for a group without ties.
// Indexed by label (size: largest label + 1), so every label must be below
// graph.num_nodes() (input_error naming the node otherwise).
std::vector<double> ei_index_per_group(const Graph& graph, std::span<const std::uint32_t> groups);

struct ExpectedEIOptions {
    std::size_t permutations = 1000;
    std::optional<std::uint64_t> seed;
    unsigned threads = 0;
    ProgressCallback progress;  // reported at least every ~0.1 s; false cancels

    // Throws input_error for permutations == 0.
    void validate() const;
};

struct ExpectedEI {
    double observed = 0;  // ei_index of the given groups
    double expected = 0;  // mean over random relabellings (group sizes kept)
    double std_dev = 0;   // their standard deviation
    double analytic = 0;  // the exact mean: 1 - 2 * P(both ends share a group)
    double p_value = 0;   // share of relabellings at least as far from the mean as observed
    std::size_t permutations = 0;
};

// Without ties (no edges, or only undirected self-loops) E-I is undefined:
// observed, expected, std_dev, analytic and p_value are all NaN and
// permutations is 0 (none is drawn).

ExpectedEI expected_ei_index(const Graph& graph, std::span<const std::uint32_t> groups,
                             const ExpectedEIOptions& options = {});

// networkx.attribute_assortativity_coefficient.
double assortativity(const Graph& graph, std::span<const std::uint32_t> groups);

}  // namespace verbind
