// The C ABI over Graphs: views of a Network, graphs from edge arrays and
// edge-list files, and what a graph holds.
#include "capi_internal.hpp"

#include "verbind/error.hpp"
#include "verbind/graph/view.hpp"
#include "verbind/io/edgelist.hpp"
#include "verbind/model/date.hpp"

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <span>
#include <string>
#include <vector>

// The header maps each vb_*_options_init to its _sized form for callers;
// here the plain functions are defined under their own names.
#undef vb_view_options_init
#undef vb_edge_list_options_init

using namespace verbind::capi;

namespace {

constexpr std::size_t view_options_first_size = VB_FIRST_SIZE(vb_view_options_t, merge);
constexpr std::size_t edge_list_options_first_size = VB_FIRST_SIZE(vb_edge_list_options_t, self_loops);

vb_merge_t c_merge_of(verbind::Merge merge) {
    switch (merge) {
        case verbind::Merge::error: return VB_MERGE_ERROR;
        case verbind::Merge::sum: return VB_MERGE_SUM;
        case verbind::Merge::max: return VB_MERGE_MAX;
        case verbind::Merge::min: return VB_MERGE_MIN;
        case verbind::Merge::first: return VB_MERGE_FIRST;
    }
    return VB_MERGE_MAX;
}

// Read from a default-constructed ViewOptions, never restated.
vb_view_options_t view_defaults() {
    static const verbind::ViewOptions core;
    auto o = zeroed_options<vb_view_options_t>();
    o.residents_only = core.residents_only ? 1 : 0;
    o.co_attendance = core.co_attendance ? 1 : 0;
    o.directed = core.directed ? 1 : 0;
    o.merge = c_merge_of(core.merge);
    o.include_sensitive = core.include_sensitive ? 1 : 0;
    return o;
}

// Read from a default-constructed EdgeListOptions, never restated; comments
// stays NULL, which means the C++ default ("#%").
vb_edge_list_options_t edge_list_defaults() {
    static const verbind::EdgeListOptions core;
    auto o = zeroed_options<vb_edge_list_options_t>();
    o.directed = core.directed ? 1 : 0;
    o.duplicates = c_merge_of(core.duplicates);
    o.self_loops = core.self_loops == verbind::SelfLoops::drop ? VB_SELF_LOOPS_DROP : VB_SELF_LOOPS_ERROR;
    o.delimiter = core.delimiter;
    o.header = core.header == verbind::EdgeListHeader::yes ? 1 : core.header == verbind::EdgeListHeader::no ? 2 : 0;
    o.weight_column = core.weight_column < 0 ? 0 : core.weight_column;
    return o;
}
verbind::Merge to_merge(const vb_merge_t& field, const char* name) {
    switch (enum_value(field)) {
        case VB_MERGE_ERROR: return verbind::Merge::error;
        case VB_MERGE_SUM: return verbind::Merge::sum;
        case VB_MERGE_MAX: return verbind::Merge::max;
        case VB_MERGE_MIN: return verbind::Merge::min;
        case VB_MERGE_FIRST: return verbind::Merge::first;
    }
    throw argument_error(std::string("field '") + name + "' is " + std::to_string(enum_value(field)) +
                         ", not a vb_merge_t");
}

verbind::EdgeListOptions to_edge_list_options(const vb_edge_list_options_t* given) {
    vb_edge_list_options_t o = edge_list_defaults();
    read_options(given, edge_list_options_first_size, o, "vb_edge_list_options_t");
    verbind::EdgeListOptions options;
    options.directed = o.directed != 0;
    options.duplicates = to_merge(o.duplicates, "options->duplicates");
    switch (enum_value(o.self_loops)) {
        case VB_SELF_LOOPS_ERROR: options.self_loops = verbind::SelfLoops::error; break;
        case VB_SELF_LOOPS_DROP: options.self_loops = verbind::SelfLoops::drop; break;
        default:
            throw argument_error("field 'options->self_loops' is " + std::to_string(enum_value(o.self_loops)) +
                                 ", not a vb_self_loops_t");
    }
    // The C face's own field: 0 is "no weights" (C++: -1), so it says so; the
    // delimiter and comments are checked by EdgeListOptions::validate().
    if (o.weight_column != 0 &&
        (o.weight_column < 2 || o.weight_column > verbind::EdgeListOptions::max_weight_column))
        throw argument_error("field 'options->weight_column' is " + std::to_string(o.weight_column) +
                             ": 0 (no weights) or a column of 2 or more (0-based; 0 and 1 are the nodes)");
    options.weight_column = o.weight_column == 0 ? -1 : o.weight_column;
    options.delimiter = o.delimiter;
    switch (o.header) {
        case 0: options.header = verbind::EdgeListHeader::detect; break;
        case 1: options.header = verbind::EdgeListHeader::yes; break;
        case 2: options.header = verbind::EdgeListHeader::no; break;
        default:
            throw argument_error("field 'options->header' is " + std::to_string(o.header) +
                                 ": 0 (detect), 1 (skip the first line) or 2 (none)");
    }
    if (o.comments != nullptr) options.comments = o.comments;
    options.progress = progress_of(o.progress, o.progress_data);
    return options;
}

}  // namespace

extern "C" {

// --- options ------------------------------------------------------------------

void vb_view_options_init_sized(vb_view_options_t* options, size_t struct_size) {
    init_options(options, struct_size, view_options_first_size, view_defaults());
}
void vb_view_options_init(vb_view_options_t* options) { vb_view_options_init_sized(options, sizeof *options); }

void vb_edge_list_options_init_sized(vb_edge_list_options_t* options, size_t struct_size) {
    init_options(options, struct_size, edge_list_options_first_size, edge_list_defaults());
}
void vb_edge_list_options_init(vb_edge_list_options_t* options) {
    vb_edge_list_options_init_sized(options, sizeof *options);
}
// --- graphs -------------------------------------------------------------------

vb_status_t vb_graph_from_network(const vb_network_t* net, const vb_view_options_t* options, vb_graph_t** out) {
    static const char fn[] = "vb_graph_from_network";
    return guarded(fn, [&] {
        require(out, "out");
        *out = nullptr;
        require(net, "net");
        vb_view_options_t o = view_defaults();
        read_options(options, view_options_first_size, o, "vb_view_options_t");
        verbind::ViewOptions view;
        view.kinds = string_list(o.kinds, o.kind_count, "options->kinds");
        view.start = verbind::parse_optional_date(optional_text(o.start), "view option 'start'");
        view.end = verbind::parse_optional_date(optional_text(o.end), "view option 'end'");
        view.neighbourhoods = string_list(o.neighbourhoods, o.neighbourhood_count, "options->neighbourhoods");
        view.residents_only = o.residents_only != 0;
        view.co_attendance = o.co_attendance != 0;
        view.directed = o.directed != 0;
        view.merge = to_merge(o.merge, "options->merge");
        view.include_sensitive = o.include_sensitive != 0;
        *out = make_handle<vb_graph>(verbind::build_graph(net->network, view));
    });
}

vb_status_t vb_graph_from_edges(size_t node_count, size_t edge_count, const uint32_t* src, const uint32_t* dst,
                                const double* weights, const vb_edge_list_options_t* options, vb_graph_t** out) {
    static const char fn[] = "vb_graph_from_edges";
    return guarded(fn, [&] {
        require(out, "out");
        *out = nullptr;
        if (edge_count > 0) {
            require(src, "src");
            require(dst, "dst");
        }
        const verbind::EdgeListOptions edge_options = to_edge_list_options(options);
        std::span<const double> weight_span;
        if (weights) weight_span = {weights, edge_count};
        *out = make_handle<vb_graph>(verbind::Graph::from_edges(node_count, {src, edge_count}, {dst, edge_count},
                                                                weight_span, edge_options));
    });
}

vb_status_t vb_graph_read_edgelist(const char* path, const vb_edge_list_options_t* options, vb_graph_t** out) {
    static const char fn[] = "vb_graph_read_edgelist";
    return guarded(fn, [&] {
        require(out, "out");
        *out = nullptr;
        require(path, "path");
        const verbind::EdgeListOptions edge_options = to_edge_list_options(options);
        *out = make_handle<vb_graph>(verbind::read_edgelist(path, edge_options));
    });
}

void vb_graph_free(vb_graph_t* graph) {
    if (VB_FREEABLE(graph)) delete graph;
}

size_t vb_graph_node_count(const vb_graph_t* graph) { return VB_USABLE(graph) ? graph->graph.num_nodes() : 0; }
size_t vb_graph_edge_count(const vb_graph_t* graph) { return VB_USABLE(graph) ? graph->graph.num_edges() : 0; }
int vb_graph_is_directed(const vb_graph_t* graph) { return VB_USABLE(graph) && graph->graph.directed() ? 1 : 0; }
int vb_graph_is_weighted(const vb_graph_t* graph) { return VB_USABLE(graph) && graph->graph.weighted() ? 1 : 0; }
size_t vb_graph_memory_bytes(const vb_graph_t* graph) { return VB_USABLE(graph) ? graph->graph.memory_bytes() : 0; }
size_t vb_graph_key_memory_bytes(const vb_graph_t* graph) {
    return VB_USABLE(graph) ? graph->graph.key_memory_bytes() : 0;
}

}  // extern "C"

namespace {

// Throws argument_error unless `node` is a node of `graph`.
void require_node(const verbind::Graph& graph, uint32_t node, const char* name) {
    if (node >= graph.num_nodes())
        throw argument_error(std::string("argument '") + name + "' is node " + std::to_string(node) +
                             ", but the graph has " + std::to_string(graph.num_nodes()) + " nodes");
}

}  // namespace

extern "C" {

vb_status_t vb_graph_degree(const vb_graph_t* graph, uint32_t node, size_t* out) {
    static const char fn[] = "vb_graph_degree";
    return guarded(fn, [&] {
        require(out, "out");
        *out = 0;
        require(graph, "graph");
        require_node(graph->graph, node, "node");
        *out = graph->graph.degree(node);
    });
}

vb_status_t vb_graph_in_degree(const vb_graph_t* graph, uint32_t node, size_t* out) {
    static const char fn[] = "vb_graph_in_degree";
    return guarded(fn, [&] {
        require(out, "out");
        *out = 0;
        require(graph, "graph");
        require_node(graph->graph, node, "node");
        *out = graph->graph.in_degree(node);
    });
}

vb_status_t vb_graph_edge_weight(const vb_graph_t* graph, uint32_t u, uint32_t v, double* out) {
    static const char fn[] = "vb_graph_edge_weight";
    return guarded(fn, [&] {
        require(out, "out");
        *out = 0.0;
        require(graph, "graph");
        require_node(graph->graph, u, "u");
        require_node(graph->graph, v, "v");
        const auto weight = graph->graph.edge_weight(u, v);
        if (!weight)
            throw verbind::not_found_error("no edge '" + graph->graph.key(u) +
                                           (graph->graph.directed() ? "' -> '" : "' - '") + graph->graph.key(v) +
                                           "'");
        *out = *weight;
    });
}

vb_status_t vb_graph_edges(const vb_graph_t* graph, size_t capacity, uint32_t* src, uint32_t* dst, double* weights) {
    static const char fn[] = "vb_graph_edges";
    return guarded(fn, [&] {
        require(graph, "graph");
        const std::size_t m = graph->graph.num_edges();
        if (m > 0) {
            require(src, "src");
            require(dst, "dst");
        }
        if (capacity < m)
            throw argument_error("argument 'capacity' is " + std::to_string(capacity) + ", but the graph has " +
                                 std::to_string(m) + " edges");
        const auto edges = graph->graph.edges();
        std::copy(edges.src.begin(), edges.src.end(), src);
        std::copy(edges.dst.begin(), edges.dst.end(), dst);
        if (weights) {
            if (edges.weight.size() == m)
                std::copy(edges.weight.begin(), edges.weight.end(), weights);
            else
                std::fill(weights, weights + m, 1.0);
        }
    });
}

vb_status_t vb_graph_index(const vb_graph_t* graph, const char* key, uint32_t* out) {
    static const char fn[] = "vb_graph_index";
    return guarded(fn, [&] {
        require(out, "out");
        *out = 0;
        require(graph, "graph");
        require(key, "key");
        *out = graph->graph.index(key);
    });
}

vb_status_t vb_graph_indices(const vb_graph_t* graph, const char* const* keys, size_t count, uint32_t* out) {
    static const char fn[] = "vb_graph_indices";
    return guarded(fn, [&] {
        require(graph, "graph");
        if (count == 0) return;
        require(keys, "keys");
        require(out, "out");
        std::vector<uint32_t> found(count);
        for (size_t i = 0; i < count; ++i) {
            if (keys[i] == nullptr) throw verbind::input_error("keys[" + std::to_string(i) + "] is NULL");
            const auto node = graph->graph.find(keys[i]);
            if (!node)
                throw verbind::not_found_error("keys[" + std::to_string(i) + "]: graph has no node with key '" +
                                               std::string(keys[i]) + "'");
            found[i] = *node;
        }
        std::copy(found.begin(), found.end(), out);
    });
}

vb_status_t vb_graph_key(const vb_graph_t* graph, uint32_t node, char* buffer, size_t buffer_size, size_t* length) {
    static const char fn[] = "vb_graph_key";
    return guarded(fn, [&] {
        if (length) *length = 0;
        require(graph, "graph");
        if (buffer_size > 0) require(buffer, "buffer");
        require_node(graph->graph, node, "node");
        const std::string key = graph->graph.key(node);
        if (buffer_size > 0) {
            const std::size_t copied = key.size() < buffer_size ? key.size() : buffer_size - 1;
            std::memcpy(buffer, key.data(), copied);
            buffer[copied] = '\0';
        }
        if (length) *length = key.size();
    });
}

}  // extern "C"
