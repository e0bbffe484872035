// Graph: an immutable compressed-sparse-row snapshot. Nodes are dense 32-bit
// indices 0..n-1; the graph keeps the map back to external keys. Safe to share
// between threads. Boost.Graph adaptors live in verbind/graph/bgl.hpp.
//
// Layout. Undirected: every edge {u,v} is stored as two arcs, u->v in u's
// list and v->u in v's list. Directed: out-arcs in CSR, in-arcs in CSC. Each
// adjacency list is sorted by neighbour. Targets are 4 bytes per arc, so the
// structure costs 8 bytes per edge plus 8 bytes per node (16 for directed).
// Weights are stored per arc only when the graph is weighted, in single
// precision when every weight is exactly a float (integers up to 2^24,
// halves, co-attendance counts: +8 bytes per edge), else in double precision
// (+16 bytes per edge); reads always return the exact double that was given.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "verbind/util/progress.hpp"

namespace verbind {

using NodeId = std::uint32_t;
using ArcId = std::uint64_t;

// What to do when the same edge appears twice in the input.
enum class Merge : std::uint8_t {
    error,  // refuse, naming both records
    sum,    // add the weights
    max,    // keep the largest weight
    min,    // keep the smallest weight
    first,  // keep the first record's weight
};

// What to do with an edge from a node to itself.
enum class SelfLoops : std::uint8_t { error, drop };

// Whether an edge-list file starts with a header line.
enum class EdgeListHeader : std::uint8_t {
    detect,  // a first line 'source target' (known names) or non-integer labels above integer ones
    yes,     // the first non-comment line is skipped (a header, or a METIS/OPIM 'n m' line)
    no,
};

struct EdgeListOptions {
    bool directed = false;
    // Repeats of one edge; for an undirected edge-list file, a pair listed in
    // both directions ('u v' and 'v u') is one edge first, then this applies.
    Merge duplicates = Merge::error;
    SelfLoops self_loops = SelfLoops::error;
    // The reader only (read_edgelist / parse_edgelist):
    std::string comments = "#%";  // a line starting with one of these is skipped
    char delimiter = 0;           // 0: per file (',' or ';' in the first line, else blanks); ' ', '\t', ',', ';'
    EdgeListHeader header = EdgeListHeader::detect;
    // The weight column (0-based, >= 2); -1: none, extra columns are ignored.
    int weight_column = -1;
    // Or the weight column's name in the header line (needs a header).
    std::string weight_name;
    // read_edgelist: called with the fraction of the file's bytes read, then
    // 1 once the graph is built; returning false cancels (cancelled_error,
    // nothing built). Empty: no progress.
    ProgressCallback progress;

    // input_error naming the field and its valid values: a delimiter other
    // than 0, ' ', '\t', ',' or ';'; a weight_column other than -1 or 2 to
    // max_weight_column; a comment character that is a delimiter, a blank
    // or a digit. The readers call it first (src/io/edgelist.cpp).
    static constexpr int max_weight_column = 1 << 20;
    void validate() const;
};

enum class WeightPrecision : std::uint8_t { unit, single, double_ };

// --- node identity (docs/python.md, "Node identity") -------------------------
// A label is an integer label when it is one or more ASCII digits ("0", "42",
// "007"; no sign, no spaces); its value is its digits without leading zeros
// ("007" has the value 7), of any length. The edge-list and contact readers
// number nodes in ascending order of value when every label is one, so a file
// numbered 0..n-1 gives position == label.
bool is_integer_label(std::string_view label) noexcept;
// The digits of an integer label without leading zeros ("007" -> "7", "00" -> "0").
std::string_view integer_label_value(std::string_view label) noexcept;
// Orders two integer labels by value: < 0, 0 (same value) or > 0.
int compare_integer_labels(std::string_view a, std::string_view b) noexcept;

// What an integer given for a node means (Python's node arguments):
enum class LabelKind : std::uint8_t {
    integers,  // every label is an integer label, no two of the same value: an int is a label
    text,      // no label is an integer label: an int is a position
    mixed,     // some are and some are not, or two share a value ('7', '07'): an int names no one
};
struct LabelSummary {
    LabelKind kind = LabelKind::integers;
    std::string reason;  // for mixed: which labels, e.g. "labels '7' and '07' have the same value"
};
LabelSummary summarise_labels(std::span<const std::string> labels);

// When every label is an integer label: positions ordered by ascending value
// (order[i] is the old position of the i-th smallest; equal values keep
// their order, next to each other). Empty when some label is not one.
std::vector<NodeId> integer_label_order(std::span<const std::string> labels);

// For readers: when every label in `keys` is an integer label, renumbers the
// nodes by value: permutes `keys` and rewrites the node ids in `first` and
// `second`. Two labels of the same value throw parse_error
// "<source>:<line>: label '07' has the same value as label '7' on line <l>"
// (first_lines[u]: the line where label u first appears). Otherwise changes
// nothing.
void number_integer_labels(std::vector<std::string>& keys, std::span<const std::uint32_t> first_lines,
                           std::span<NodeId> first, std::span<NodeId> second, std::string_view source);
// The same, for any input: two labels of the same value call
// `refuse_same_value(earlier, later)` (ordered by first_seen), which throws.
void number_integer_labels(std::vector<std::string>& keys, std::span<const std::uint32_t> first_seen,
                           std::span<NodeId> first, std::span<NodeId> second,
                           const std::function<void(NodeId earlier, NodeId later)>& refuse_same_value);

// A read-only array a Graph holds: a pointer and a length into storage kept
// alive by an owner (a std::vector moved in, or a memory-mapped graph file,
// io/graph_file.hpp). Copies share the storage, so copying a Graph is cheap;
// nothing writes through it, so sharing is safe between threads.
template <class T>
class SharedArray {
public:
    SharedArray() = default;
    explicit SharedArray(std::vector<T> values) {
        auto owned = std::make_shared<std::vector<T>>(std::move(values));
        data_ = owned->data();
        size_ = owned->size();
        bytes_ = owned->capacity() * sizeof(T);
        owner_ = std::move(owned);
    }
    // `size` values at `data`, alive as long as `owner` is.
    SharedArray(const T* data, std::size_t size, std::shared_ptr<const void> owner) noexcept
        : data_(data), size_(size), bytes_(size * sizeof(T)), owner_(std::move(owner)) {}

    const T* data() const noexcept { return data_; }
    std::size_t size() const noexcept { return size_; }
    bool empty() const noexcept { return size_ == 0; }
    const T& operator[](std::size_t i) const noexcept { return data_[i]; }
    const T* begin() const noexcept { return data_; }
    const T* end() const noexcept { return data_ + size_; }
    std::span<const T> span() const noexcept { return {data_, size_}; }
    // Bytes held for the values (a vector's capacity; a mapping's size).
    std::size_t bytes() const noexcept { return bytes_; }

private:
    const T* data_ = nullptr;
    std::size_t size_ = 0;
    std::size_t bytes_ = 0;
    std::shared_ptr<const void> owner_;
};

class Graph {
public:
    Graph() = default;

    // Builds a graph with nodes 0..n-1 from edge arrays (weights may be
    // empty: all 1). Throws input_error naming the edge index on an
    // out-of-range node, a negative or non-finite weight, a self-loop or a
    // duplicate (as the options say).
    static Graph from_edges(std::size_t n, std::span<const NodeId> src, std::span<const NodeId> dst,
                            std::span<const double> weights = {}, const EdgeListOptions& options = {});

    // As from_edges, with an external key per node (keys.size() == n, unique).
    static Graph from_keyed_edges(std::vector<std::string> keys, std::span<const NodeId> src,
                                  std::span<const NodeId> dst, std::span<const double> weights = {},
                                  const EdgeListOptions& options = {});

    // As from_edges, with nodes given by label: keys are the labels, numbered
    // as the edge-list reader numbers them (by value when every label is an
    // integer label, else in order of first appearance). Errors name the edge.
    static Graph from_labelled_edges(std::span<const std::string> src, std::span<const std::string> dst,
                                     std::span<const double> weights = {}, const EdgeListOptions& options = {});

    std::size_t num_nodes() const noexcept { return offsets_.empty() ? 0 : offsets_.size() - 1; }
    // Undirected: number of edges; directed: number of arcs.
    std::size_t num_edges() const noexcept { return directed_ ? targets_.size() : targets_.size() / 2; }
    bool directed() const noexcept { return directed_; }
    bool weighted() const noexcept { return precision_ != WeightPrecision::unit; }
    WeightPrecision weight_precision() const noexcept { return precision_; }

    // Out-neighbours (undirected: neighbours), sorted ascending.
    std::span<const NodeId> neighbors(NodeId u) const noexcept {
        return {targets_.data() + offsets_[u], targets_.data() + offsets_[u + 1]};
    }
    // In-neighbours (undirected: the neighbours), sorted ascending.
    std::span<const NodeId> in_neighbors(NodeId u) const noexcept {
        if (!directed_) return neighbors(u);
        return {in_sources_.data() + in_offsets_[u], in_sources_.data() + in_offsets_[u + 1]};
    }
    std::size_t degree(NodeId u) const noexcept { return offsets_[u + 1] - offsets_[u]; }
    std::size_t out_degree(NodeId u) const noexcept { return degree(u); }
    std::size_t in_degree(NodeId u) const noexcept {
        return directed_ ? in_offsets_[u + 1] - in_offsets_[u] : degree(u);
    }

    // Arc-level access: arcs of u are [arc_begin(u), arc_end(u)).
    ArcId arc_begin(NodeId u) const noexcept { return offsets_[u]; }
    ArcId arc_end(NodeId u) const noexcept { return offsets_[u + 1]; }
    NodeId arc_target(ArcId a) const noexcept { return targets_[a]; }
    double arc_weight(ArcId a) const noexcept {
        switch (precision_) {
            case WeightPrecision::single: return weights_f32_[a];
            case WeightPrecision::double_: return weights_f64_[a];
            default: return 1.0;
        }
    }
    // In-arcs (directed graphs; undirected: the same as out-arcs).
    ArcId in_arc_begin(NodeId u) const noexcept { return directed_ ? in_offsets_[u] : offsets_[u]; }
    ArcId in_arc_end(NodeId u) const noexcept { return directed_ ? in_offsets_[u + 1] : offsets_[u + 1]; }
    NodeId in_arc_source(ArcId a) const noexcept { return directed_ ? in_sources_[a] : targets_[a]; }
    double in_arc_weight(ArcId a) const noexcept {
        if (!directed_) return arc_weight(a);
        switch (precision_) {
            case WeightPrecision::single: return in_weights_f32_[a];
            case WeightPrecision::double_: return in_weights_f64_[a];
            default: return 1.0;
        }
    }

    // Calls f(weights) with the out-arc weights as a typed pointer-like
    // accessor, so hot loops are compiled once per storage type:
    // f receives `const float*`, `const double*`, or `nullptr_t` (unit).
    template <class F>
    decltype(auto) visit_weights(F&& f) const {
        switch (precision_) {
            case WeightPrecision::single: return f(weights_f32_.data());
            case WeightPrecision::double_: return f(weights_f64_.data());
            default: return f(nullptr);
        }
    }

    // Weight of edge u->v, or nullopt when there is none (binary search).
    std::optional<double> edge_weight(NodeId u, NodeId v) const noexcept;
    bool has_edge(NodeId u, NodeId v) const noexcept { return edge_weight(u, v).has_value(); }

    // Edges as arrays: undirected graphs list each edge once with u < v;
    // ordered by (u, v).
    struct EdgeArrays {
        std::vector<NodeId> src, dst;
        std::vector<double> weight;
    };
    EdgeArrays edges() const;

    // --- keys -------------------------------------------------------------
    // Graphs built from a Network or a keyed edge list carry a key per node;
    // graphs from plain arrays use the decimal index as key.
    bool has_keys() const noexcept { return !keys_.empty() || num_nodes() == 0; }
    std::string key(NodeId u) const;
    const std::vector<std::string>& keys() const noexcept { return keys_; }  // empty if !has_keys()
    std::optional<NodeId> find(std::string_view key) const noexcept;
    NodeId index(std::string_view key) const;  // throws not_found_error

    // Node identity (see LabelKind). Graphs without keys: integers.
    LabelKind label_kind() const noexcept { return label_kind_; }
    // For LabelKind::mixed, why an int names no one; else empty.
    const std::string& label_kind_reason() const noexcept { return label_reason_; }
    // The node whose integer label has the value written by `digits` (ASCII
    // digits, leading zeros allowed): nullopt when there is none, or when the
    // labels are not LabelKind::integers.
    std::optional<NodeId> find_integer(std::string_view digits) const;

    // Bytes used by structure and weights (keys excluded), and by keys.
    std::size_t memory_bytes() const noexcept;
    std::size_t key_memory_bytes() const noexcept;

private:
    friend class GraphBuilder;

    bool directed_ = false;
    WeightPrecision precision_ = WeightPrecision::unit;
    // The arrays: owned vectors, or views into a mapped graph file.
    SharedArray<std::uint64_t> offsets_;
    SharedArray<NodeId> targets_;
    SharedArray<float> weights_f32_;
    SharedArray<double> weights_f64_;
    SharedArray<std::uint64_t> in_offsets_;
    SharedArray<NodeId> in_sources_;
    SharedArray<float> in_weights_f32_;
    SharedArray<double> in_weights_f64_;

    std::vector<std::string> keys_;
    struct string_hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
    };
    std::unordered_map<std::string, NodeId, string_hash, std::equal_to<>> key_index_;
    // Every key is its node's decimal position ("0".."n-1", the labels of
    // an edge list numbered from 0) and the graph was loaded from a graph
    // file: found by value, no key_index_ (builds keep theirs).
    bool positional_keys_ = false;
    LabelKind label_kind_ = LabelKind::integers;
    std::string label_reason_;
    // Integer labels by value, only when some label has leading zeros.
    std::unordered_map<std::string, NodeId, string_hash, std::equal_to<>> integer_index_;
};

}  // namespace verbind
