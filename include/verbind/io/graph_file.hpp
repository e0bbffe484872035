// The binary graph file (".vbg"): a Graph as its arrays, for loading fast on
// many processes (MPI ranks on one node share one page-cache copy).
//
// The file is the graph's CSR arrays, each at a 64-byte-aligned offset, after
// a 128-byte header (magic "VERBINDG", format version, byte-order mark,
// flags, weight storage, node and arc counts, file size, an XXH64 checksum
// of the whole file); keys/labels last. docs/data-formats.md gives the
// layout byte by byte. Files are little-endian.
//
// load_graph maps the file read-only and the Graph's arrays point into the
// mapping (no copy; keys are copied into strings): the mapping lives as long
// as the Graph or any copy of it. Replacing the file afterwards (save_graph
// writes a new file and renames it over the old one) does not change a
// loaded Graph; truncating or writing into the file in place while it is
// loaded is not supported (as with any mapped file).
#pragma once

#include "verbind/graph/graph.hpp"

#include <cstdint>
#include <filesystem>
#include <string_view>

namespace verbind {

inline constexpr std::uint32_t graph_file_version = 1;

// Writes `g` to `path` (replaced atomically: a reader sees the old file or
// the new one). io_error naming the path when it cannot be written.
void save_graph(const Graph& g, const std::filesystem::path& path);

struct LoadGraphOptions {
    // Recompute the checksum over the whole file and refuse a file whose
    // bytes changed since it was written (parse_error naming the file). Off:
    // only the structure is checked (sizes, offsets, node ranges, sorted
    // lists, weights): a damaged file cannot crash, but may load as a
    // different graph.
    bool verify_checksum = true;
};

// Loads a graph file written by save_graph. io_error naming the path when it
// cannot be opened or mapped; parse_error "<path>: field '<name>': ..." when
// it is not a graph file, is of a newer version or another byte order, is
// truncated, fails the checksum or holds inconsistent arrays. Every size and
// offset is checked against the file's size before any array is read.
Graph load_graph(const std::filesystem::path& path, const LoadGraphOptions& options = {});

// The same from the bytes of a graph file in memory (copied into an aligned
// buffer the Graph owns); `source` names them in error messages.
Graph parse_graph_file(std::string_view bytes, std::string_view source = "<bytes>",
                       const LoadGraphOptions& options = {});

// What a graph file's header says (no arrays read; the checksum is the
// stored one, not verified): for comparing files across processes.
struct GraphFileInfo {
    std::uint32_t version = 0;
    bool directed = false;
    WeightPrecision weights = WeightPrecision::unit;
    bool has_keys = false;
    std::uint64_t num_nodes = 0;
    std::uint64_t num_arcs = 0;
    std::uint64_t file_bytes = 0;
    std::uint64_t checksum = 0;
};
GraphFileInfo read_graph_file_info(const std::filesystem::path& path);

// True when the file at `path` starts with the magic bytes "VERBINDG"
// (whatever its name); false when it does not or cannot be read.
bool is_graph_file(const std::filesystem::path& path) noexcept;

}  // namespace verbind
