// libFuzzer target: the edge-list reader, with the option combination
// chosen by the first byte (bits 0-2: directed, sum, drop self-loops; 3-4:
// delimiter; 5-6: header; 7: weights in the third column).
#include "verbind/error.hpp"
#include "verbind/graph/graph.hpp"
#include "verbind/io/edgelist.hpp"

#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    verbind::EdgeListOptions options;
    options.directed = (data[0] & 1) != 0;
    options.duplicates = (data[0] & 2) ? verbind::Merge::sum : verbind::Merge::error;
    options.self_loops = (data[0] & 4) ? verbind::SelfLoops::drop : verbind::SelfLoops::error;
    // The reader's own options (issue 12): delimiter, header, a weight column.
    static constexpr char delimiters[] = {0, ',', ';', '\t'};
    options.delimiter = delimiters[(data[0] >> 3) & 3];
    static constexpr verbind::EdgeListHeader headers[] = {verbind::EdgeListHeader::detect,
                                                          verbind::EdgeListHeader::yes, verbind::EdgeListHeader::no,
                                                          verbind::EdgeListHeader::detect};
    options.header = headers[(data[0] >> 5) & 3];
    options.weight_column = (data[0] & 128) ? 2 : -1;
    const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
    try {
        const verbind::Graph graph = verbind::parse_edgelist(text, options, "<fuzz>");
        // Node identity: integer labels in ascending order of value, each
        // found by value and by text; no label lost or found elsewhere.
        // Extra columns are never weights unless asked for.
        if (options.weight_column < 0 && graph.weighted()) __builtin_trap();
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
