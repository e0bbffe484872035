// libFuzzer target: the edge-list reader, with the option combination
// chosen by the first byte.
#include "verbind/error.hpp"
#include "verbind/graph/graph.hpp"

#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    verbind::EdgeListOptions options;
    options.directed = (data[0] & 1) != 0;
    options.duplicates = (data[0] & 2) ? verbind::Merge::sum : verbind::Merge::error;
    options.self_loops = (data[0] & 4) ? verbind::SelfLoops::drop : verbind::SelfLoops::error;
    const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
    try {
        const verbind::Graph graph = verbind::parse_edgelist(text, options, "<fuzz>");
        // Node identity: integer labels in ascending order of value, each
        // found by value and by text; no label lost or found elsewhere.
        const auto& keys = graph.keys();
        for (verbind::NodeId u = 0; u < keys.size(); ++u) {
            if (graph.find(keys[u]) != u) __builtin_trap();
            if (graph.label_kind() != verbind::LabelKind::integers) continue;
            if (graph.find_integer(keys[u]) != u) __builtin_trap();
            if (u > 0 && verbind::compare_integer_labels(keys[u - 1], keys[u]) >= 0) __builtin_trap();
        }
    } catch (const verbind::error&) {
    }
    return 0;
}
