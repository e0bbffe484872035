// Node identity for readers (include/verbind/graph/graph.hpp): labels that
// are all integers numbered by value. Used by the edge-list and contact-list
// readers (src/io/) and Graph::from_labelled_edges.
#include "verbind/error.hpp"
#include "verbind/graph/graph.hpp"

#include <functional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace verbind {

void number_integer_labels(std::vector<std::string>& keys, std::span<const std::uint32_t> first_seen,
                           std::span<NodeId> first, std::span<NodeId> second,
                           const std::function<void(NodeId earlier, NodeId later)>& refuse_same_value) {
    const std::vector<NodeId> order = integer_label_order(keys);
    if (order.empty()) return;  // some label is not an integer: first-appearance order
    for (std::size_t i = 1; i < order.size(); ++i) {
        if (compare_integer_labels(keys[order[i - 1]], keys[order[i]]) != 0) continue;
        NodeId a = order[i - 1], b = order[i];
        if (first_seen[b] < first_seen[a]) std::swap(a, b);
        refuse_same_value(a, b);
        throw std::logic_error("number_integer_labels: refuse_same_value returned");
    }
    std::vector<NodeId> position(order.size());
    std::vector<std::string> sorted(order.size());
    for (std::size_t i = 0; i < order.size(); ++i) {
        position[order[i]] = static_cast<NodeId>(i);
        sorted[i] = std::move(keys[order[i]]);
    }
    keys = std::move(sorted);
    for (NodeId& u : first) u = position[u];
    for (NodeId& u : second) u = position[u];
}

void number_integer_labels(std::vector<std::string>& keys, std::span<const std::uint32_t> first_lines,
                           std::span<NodeId> first, std::span<NodeId> second, std::string_view source) {
    number_integer_labels(keys, first_lines, first, second, [&](NodeId a, NodeId b) {
        throw parse_error(std::string(source) + ":" + std::to_string(first_lines[b]) + ": label '" + keys[b] +
                          "' has the same value as label '" + keys[a] + "' on line " +
                          std::to_string(first_lines[a]) +
                          ": two people whose labels read as one number; write each label one way");
    });
}

}  // namespace verbind
