// libFuzzer target: the binary graph file reader (io/graph_file.hpp). The
// first byte picks: bit 0, verify the checksum (else skip it); bit 1, first
// write the right checksum into the header, so damaged arrays reach the
// structure checks with verification on too. A graph that loads must be
// safe to walk (every arc, weight and in-arc in range) and save back to
// bytes that load as the same graph.
#include "verbind/error.hpp"
#include "verbind/graph/graph.hpp"
#include "verbind/io/graph_file.hpp"
#include "verbind/util/hash.hpp"

#include <cstdint>
#include <cstring>
#include <filesystem>
#include <string>
#include <string_view>
#include <unistd.h>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    verbind::LoadGraphOptions options;
    options.verify_checksum = (data[0] & 1) != 0;
    std::string bytes(reinterpret_cast<const char*>(data + 1), size - 1);
    if ((data[0] & 2) != 0 && bytes.size() >= 72) {
        std::memset(bytes.data() + 64, 0, 8);
        const std::uint64_t sum = verbind::hash64(bytes.data(), bytes.size());
        std::memcpy(bytes.data() + 64, &sum, 8);
    }
    try {
        const verbind::Graph g = verbind::parse_graph_file(bytes, "<fuzz>", options);
        const std::size_t n = g.num_nodes();
        double total = 0;
        for (verbind::NodeId u = 0; u < n; ++u) {
            for (verbind::ArcId a = g.arc_begin(u); a < g.arc_end(u); ++a) {
                if (g.arc_target(a) >= n) __builtin_trap();
                total += g.arc_weight(a);
            }
            for (verbind::ArcId a = g.in_arc_begin(u); a < g.in_arc_end(u); ++a) {
                if (g.in_arc_source(a) >= n) __builtin_trap();
                total += g.in_arc_weight(a);
            }
            if (g.has_keys() && !g.keys().empty() && g.find(g.keys()[u]) != u) __builtin_trap();
        }
        if (total < 0) __builtin_trap();
        // Saved again and read back: the same arrays.
        const auto path = std::filesystem::temp_directory_path() /
                          ("verbind-fuzz-graph-file-" + std::to_string(::getpid()) + ".vbg");
        verbind::save_graph(g, path);
        const verbind::Graph back = verbind::load_graph(path);
        std::filesystem::remove(path);
        if (back.num_nodes() != n || back.num_edges() != g.num_edges() || back.keys() != g.keys()) __builtin_trap();
        for (verbind::NodeId u = 0; u < n; ++u)
            for (verbind::ArcId a = g.arc_begin(u); a < g.arc_end(u); ++a)
                if (back.arc_target(a) != g.arc_target(a) || back.arc_weight(a) != g.arc_weight(a)) __builtin_trap();
    } catch (const verbind::error&) {
    }
    return 0;
}
