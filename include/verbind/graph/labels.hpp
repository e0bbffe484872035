// Node labels (communities, groups) as they come in from callers: one
// uint32 per node, any value. Labels are names, not sizes: 0xFFFFFFFF or
// 100000000 is a label like 3. Every function that takes a labelling reads
// it through compact_labels first, so that nothing is ever allocated or
// indexed by a label's value (the mistake behind `k = max(k, l + 1)`, which
// wraps to 0 for 0xFFFFFFFF and allocates gigabytes for 1e8).
#pragma once

#include "verbind/error.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace verbind {

struct CompactLabels {
    // code[v] in 0..count()-1: the rank of node v's label among the distinct
    // labels, in ascending order of value (labels already 0..G-1, every
    // one used, keep their values).
    std::vector<std::uint32_t> code;
    // value[c]: the caller's label of code c, ascending.
    std::vector<std::uint32_t> value;

    std::size_t count() const noexcept { return value.size(); }
    // True when the labels were 0..count()-1 already (code == labels).
    bool dense() const noexcept { return value.empty() || value.back() + std::size_t{1} == value.size(); }
};

// O(n log n) time and O(n) memory, whatever the label values.
inline CompactLabels compact_labels(std::span<const std::uint32_t> labels) {
    CompactLabels out;
    out.value.assign(labels.begin(), labels.end());
    std::sort(out.value.begin(), out.value.end());
    out.value.erase(std::unique(out.value.begin(), out.value.end()), out.value.end());
    out.value.shrink_to_fit();
    out.code.resize(labels.size());
    if (out.dense()) {
        std::copy(labels.begin(), labels.end(), out.code.begin());
        return out;
    }
    for (std::size_t v = 0; v < labels.size(); ++v)
        out.code[v] = static_cast<std::uint32_t>(std::lower_bound(out.value.begin(), out.value.end(), labels[v]) -
                                                 out.value.begin());
    return out;
}

// For results indexed by label (one entry per label 0..G-1): throws
// input_error unless every label is below `limit`, naming the first node
// whose label is not, e.g. "ei_index: groups[2] is 4294967295; ...".
inline void require_labels_below(std::span<const std::uint32_t> labels, std::size_t limit, std::string_view function,
                                 std::string_view field, std::string_view why) {
    for (std::size_t v = 0; v < labels.size(); ++v)
        if (labels[v] >= limit)
            throw input_error(std::string(function) + ": " + std::string(field) + "[" + std::to_string(v) + "] is " +
                              std::to_string(labels[v]) + "; " + std::string(why) + " (below " +
                              std::to_string(limit) + ")");
}

// For labellings that must use every label 0..G-1 (G = the number of
// distinct labels): throws input_error naming the first label missing,
// before anything is allocated per label.
inline void require_all_labels_used(const CompactLabels& labels, std::string_view function, std::string_view field) {
    if (labels.dense()) return;
    std::size_t missing = 0;
    while (missing < labels.value.size() && labels.value[missing] == missing) ++missing;
    throw input_error(std::string(function) + ": " + std::string(field) +
                      " must be labels 0..G-1 with every label used; label " + std::to_string(missing) +
                      " has no members (largest label " + std::to_string(labels.value.back()) + ", " +
                      std::to_string(labels.count()) + " distinct labels)");
}

}  // namespace verbind
