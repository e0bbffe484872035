// The C ABI over the C++ API: errors and version, the Network, and Graphs.
// Files and ready-made networks are in capi/io.cpp and capi/sample.cpp.
//
// Every entry point is noexcept and runs its body through guarded(), which
// maps verbind's exception classes to vb_status_t and records what() as the
// thread's last error message.
#include "capi_internal.hpp"

#include "verbind/error.hpp"
#include "verbind/graph/view.hpp"
#include "verbind/model/date.hpp"
#include "verbind/version.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdio>
#include <cstring>
#include <exception>
#include <optional>
#include <span>
#include <string>
#include <type_traits>

// The header maps each vb_*_options_init to its _sized form for callers;
// here the plain functions are defined under their own names.
#undef vb_resident_options_init
#undef vb_organisation_options_init
#undef vb_tie_options_init
#undef vb_event_options_init
#undef vb_view_options_init
#undef vb_edge_list_options_init

namespace verbind::capi {

namespace {

// The message of the last failure on this thread. A std::string, so that
// messages of any length survive; see set_error for the out-of-memory case.
thread_local std::string last_error;
thread_local const char* last_error_fallback = nullptr;

}  // namespace

void set_error(const char* function, std::string_view what) noexcept {
    try {
        last_error.assign(function);
        last_error += ": ";
        last_error += what;
        last_error_fallback = nullptr;
    } catch (...) {
        last_error.clear();
        last_error_fallback = "out of memory while recording an error message";
    }
}

vb_status_t status_from_current_exception(const char* function) noexcept {
    // The most derived classes first: parse_error is an input_error.
    try {
        throw;
    } catch (const argument_error& e) {
        set_error(function, e.message());
        return VB_ERROR_INVALID_ARGUMENT;
    } catch (const verbind::parse_error& e) {
        set_error(function, e.what());
        return VB_ERROR_PARSE;
    } catch (const verbind::input_error& e) {
        set_error(function, e.what());
        return VB_ERROR_INVALID_ARGUMENT;
    } catch (const verbind::not_found_error& e) {
        set_error(function, e.what());
        return VB_ERROR_NOT_FOUND;
    } catch (const verbind::io_error& e) {
        set_error(function, e.what());
        return VB_ERROR_IO;
    } catch (const verbind::cancelled_error& e) {
        set_error(function, e.what());
        return VB_ERROR_CANCELLED;
    } catch (const std::bad_alloc&) {
        set_error(function, "out of memory");
        return VB_ERROR_NO_MEMORY;
    } catch (const std::exception& e) {
        set_error(function, std::string("internal error: ") + e.what());
        return VB_ERROR_INTERNAL;
    } catch (...) {
        set_error(function, "internal error: unknown exception");
        return VB_ERROR_INTERNAL;
    }
}

std::vector<std::string> string_list(const char* const* items, std::size_t count, const char* name) {
    std::vector<std::string> out;
    if (count == 0) return out;
    if (items == nullptr)
        throw argument_error(std::string("argument '") + name + "' is NULL but its count is " +
                             std::to_string(count));
    out.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
        if (items[i] == nullptr)
            throw argument_error(std::string("argument '") + name + "[" + std::to_string(i) + "]' is NULL");
        out.emplace_back(items[i]);
    }
    return out;
}

}  // namespace verbind::capi

using namespace verbind::capi;

namespace {

constexpr std::size_t resident_options_first_size = VB_FIRST_SIZE(vb_resident_options_t, trained_on);
constexpr std::size_t organisation_options_first_size = VB_FIRST_SIZE(vb_organisation_options_t, talent_count);
constexpr std::size_t tie_options_first_size = VB_FIRST_SIZE(vb_tie_options_t, weight);
constexpr std::size_t event_options_first_size = VB_FIRST_SIZE(vb_event_options_t, organiser_count);
constexpr std::size_t view_options_first_size = VB_FIRST_SIZE(vb_view_options_t, merge);
constexpr std::size_t edge_list_options_first_size = VB_FIRST_SIZE(vb_edge_list_options_t, self_loops);

vb_tie_options_t tie_defaults() {
    auto o = zeroed_options<vb_tie_options_t>();
    o.weight = 1.0;
    return o;
}

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

vb_edge_list_options_t edge_list_defaults() {
    auto o = zeroed_options<vb_edge_list_options_t>();
    o.duplicates = VB_MERGE_ERROR;
    o.self_loops = VB_SELF_LOOPS_ERROR;
    return o;
}

std::optional<verbind::Date> optional_date(const char* text, const std::string& what) {
    return verbind::parse_optional_date(optional_text(text), what);
}

// "resident 'r1' field 'trained_on'": the C++ model's wording for records.
std::string field_of(const char* type, const char* key, const char* field) {
    return std::string(type) + " '" + key + "' field '" + field + "'";
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
    if (o.weight_column != 0 && (o.weight_column < 2 || o.weight_column > (1 << 20)))
        throw argument_error("field 'options->weight_column' is " + std::to_string(o.weight_column) +
                             ": 0 (no weights) or a column of 2 or more (0-based; 0 and 1 are the nodes)");
    options.weight_column = o.weight_column == 0 ? -1 : o.weight_column;
    if (o.delimiter != 0 && o.delimiter != ' ' && o.delimiter != '\t' && o.delimiter != ',' && o.delimiter != ';')
        throw argument_error("field 'options->delimiter' is " + std::to_string(static_cast<int>(o.delimiter)) +
                             ": 0 (per file), ' ', '\\t', ',' or ';'");
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

namespace verbind::capi {

verbind::ResidentInfo resident_info(const char* key, const vb_resident_options_t* options) {
    auto o = zeroed_options<vb_resident_options_t>();
    read_options(options, resident_options_first_size, o, "vb_resident_options_t");
    verbind::ResidentInfo info;
    info.neighbourhood = optional_text(o.neighbourhood);
    info.municipality = optional_text(o.municipality);
    info.talents = string_list(o.talents, o.talent_count, "options->talents");
    info.groups = string_list(o.groups, o.group_count, "options->groups");
    info.key_figure = o.key_figure != 0;
    info.trained_on = optional_date(o.trained_on, field_of("resident", key, "trained_on"));
    return info;
}

verbind::OrganisationInfo organisation_info(const char* kind, const vb_organisation_options_t* options) {
    auto o = zeroed_options<vb_organisation_options_t>();
    read_options(options, organisation_options_first_size, o, "vb_organisation_options_t");
    verbind::OrganisationInfo info;
    info.kind = kind;
    info.neighbourhood = optional_text(o.neighbourhood);
    info.municipality = optional_text(o.municipality);
    info.talents = string_list(o.talents, o.talent_count, "options->talents");
    return info;
}

verbind::TieInfo tie_info(const char* a, const char* b, const vb_tie_options_t* options) {
    vb_tie_options_t o = tie_defaults();
    read_options(options, tie_options_first_size, o, "vb_tie_options_t");
    const std::string record = std::string("tie '") + a + "' - '" + b + "'";
    verbind::TieInfo info;
    info.since = optional_date(o.since, record + " field 'since'");
    info.until = optional_date(o.until, record + " field 'until'");
    info.weight = o.weight;
    return info;
}

verbind::EventInfo event_info(const char* key, const char* date, const char* kind,
                              const vb_event_options_t* options) {
    auto o = zeroed_options<vb_event_options_t>();
    read_options(options, event_options_first_size, o, "vb_event_options_t");
    verbind::EventInfo info;
    info.date = verbind::parse_date(date, field_of("event", key, "date"));
    info.kind = kind;
    info.neighbourhood = optional_text(o.neighbourhood);
    info.municipality = optional_text(o.municipality);
    info.organisers = string_list(o.organisers, o.organiser_count, "options->organisers");
    return info;
}

}  // namespace verbind::capi

extern "C" {

// --- version and errors -------------------------------------------------------

const char* vb_version(void) { return verbind::version(); }

int vb_version_number(void) {
    int major = 0, minor = 0, patch = 0;
    if (std::sscanf(verbind::version(), "%d.%d.%d", &major, &minor, &patch) != 3) return 0;
    return major * 1000000 + minor * 1000 + patch;
}

const char* vb_status_string(vb_status_t status) {
    switch (enum_value(status)) {
        case VB_OK: return "ok";
        case VB_ERROR_INVALID_ARGUMENT: return "invalid argument";
        case VB_ERROR_NOT_FOUND: return "not found";
        case VB_ERROR_PARSE: return "parse error";
        case VB_ERROR_IO: return "I/O error";
        case VB_ERROR_NO_MEMORY: return "out of memory";
        case VB_ERROR_CANCELLED: return "cancelled";
        case VB_ERROR_INTERNAL: return "internal error";
    }
    return "unknown status";
}

const char* vb_last_error_message(void) {
    if (last_error_fallback) return last_error_fallback;
    return last_error.c_str();
}

void vb_clear_last_error(void) {
    last_error.clear();
    last_error_fallback = nullptr;
}

// --- options ------------------------------------------------------------------

void vb_resident_options_init_sized(vb_resident_options_t* options, size_t struct_size) {
    init_options(options, struct_size, resident_options_first_size, zeroed_options<vb_resident_options_t>());
}
void vb_resident_options_init(vb_resident_options_t* options) {
    vb_resident_options_init_sized(options, sizeof *options);
}

void vb_organisation_options_init_sized(vb_organisation_options_t* options, size_t struct_size) {
    init_options(options, struct_size, organisation_options_first_size, zeroed_options<vb_organisation_options_t>());
}
void vb_organisation_options_init(vb_organisation_options_t* options) {
    vb_organisation_options_init_sized(options, sizeof *options);
}

void vb_tie_options_init_sized(vb_tie_options_t* options, size_t struct_size) {
    init_options(options, struct_size, tie_options_first_size, tie_defaults());
}
void vb_tie_options_init(vb_tie_options_t* options) { vb_tie_options_init_sized(options, sizeof *options); }

void vb_event_options_init_sized(vb_event_options_t* options, size_t struct_size) {
    init_options(options, struct_size, event_options_first_size, zeroed_options<vb_event_options_t>());
}
void vb_event_options_init(vb_event_options_t* options) { vb_event_options_init_sized(options, sizeof *options); }

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

// --- network: creating --------------------------------------------------------

vb_status_t vb_network_new(vb_network_t** out) {
    static const char fn[] = "vb_network_new";
    return guarded(fn, [&] {
        require(out, "out");
        *out = nullptr;
        *out = make_handle<vb_network>(verbind::Network{});
    });
}

void vb_network_free(vb_network_t* net) { delete net; }

vb_status_t vb_network_copy(const vb_network_t* net, vb_network_t** out) {
    static const char fn[] = "vb_network_copy";
    return guarded(fn, [&] {
        require(out, "out");
        *out = nullptr;
        require(net, "net");
        *out = make_handle<vb_network>(net->network);
    });
}

// --- network: adding ----------------------------------------------------------

vb_status_t vb_network_add_resident(vb_network_t* net, const char* key, const char* neighbourhood) {
    static const char fn[] = "vb_network_add_resident";
    return guarded(fn, [&] {
        require(net, "net");
        require(key, "key");
        verbind::ResidentInfo info;
        info.neighbourhood = optional_text(neighbourhood);
        net->network.add_resident(key, info);
    });
}

vb_status_t vb_network_add_resident_ex(vb_network_t* net, const char* key, const vb_resident_options_t* options) {
    static const char fn[] = "vb_network_add_resident_ex";
    return guarded(fn, [&] {
        require(net, "net");
        require(key, "key");
        net->network.add_resident(key, resident_info(key, options));
    });
}

vb_status_t vb_network_add_organisation(vb_network_t* net, const char* key, const char* kind,
                                        const char* neighbourhood) {
    static const char fn[] = "vb_network_add_organisation";
    return guarded(fn, [&] {
        require(net, "net");
        require(key, "key");
        require(kind, "kind");
        verbind::OrganisationInfo info;
        info.kind = kind;
        info.neighbourhood = optional_text(neighbourhood);
        net->network.add_organisation(key, info);
    });
}

vb_status_t vb_network_add_organisation_ex(vb_network_t* net, const char* key, const char* kind,
                                           const vb_organisation_options_t* options) {
    static const char fn[] = "vb_network_add_organisation_ex";
    return guarded(fn, [&] {
        require(net, "net");
        require(key, "key");
        require(kind, "kind");
        net->network.add_organisation(key, organisation_info(kind, options));
    });
}

vb_status_t vb_network_add_tie(vb_network_t* net, const char* a, const char* b, const char* kind, const char* since) {
    static const char fn[] = "vb_network_add_tie";
    return guarded(fn, [&] {
        require(net, "net");
        require(a, "a");
        require(b, "b");
        require(kind, "kind");
        verbind::TieInfo info;
        info.since = optional_date(since, std::string("tie '") + a + "' - '" + b + "' field 'since'");
        net->network.add_tie(a, b, kind, info);
    });
}

vb_status_t vb_network_add_tie_ex(vb_network_t* net, const char* a, const char* b, const char* kind,
                                  const vb_tie_options_t* options) {
    static const char fn[] = "vb_network_add_tie_ex";
    return guarded(fn, [&] {
        require(net, "net");
        require(a, "a");
        require(b, "b");
        require(kind, "kind");
        net->network.add_tie(a, b, kind, tie_info(a, b, options));
    });
}

vb_status_t vb_network_add_event(vb_network_t* net, const char* key, const char* date, const char* kind,
                                 const char* neighbourhood) {
    static const char fn[] = "vb_network_add_event";
    return guarded(fn, [&] {
        require(net, "net");
        require(key, "key");
        require(date, "date");
        require(kind, "kind");
        verbind::EventInfo info;
        info.date = verbind::parse_date(date, field_of("event", key, "date"));
        info.kind = kind;
        info.neighbourhood = optional_text(neighbourhood);
        net->network.add_event(key, info);
    });
}

vb_status_t vb_network_add_event_ex(vb_network_t* net, const char* key, const char* date, const char* kind,
                                    const vb_event_options_t* options) {
    static const char fn[] = "vb_network_add_event_ex";
    return guarded(fn, [&] {
        require(net, "net");
        require(key, "key");
        require(date, "date");
        require(kind, "kind");
        net->network.add_event(key, event_info(key, date, kind, options));
    });
}

vb_status_t vb_network_add_organiser(vb_network_t* net, const char* event, const char* actor) {
    static const char fn[] = "vb_network_add_organiser";
    return guarded(fn, [&] {
        require(net, "net");
        require(event, "event");
        require(actor, "actor");
        net->network.add_organiser(event, actor);
    });
}

vb_status_t vb_network_attend(vb_network_t* net, const char* event, const char* actor, const char* brought_by) {
    static const char fn[] = "vb_network_attend";
    return guarded(fn, [&] {
        require(net, "net");
        require(event, "event");
        require(actor, "actor");
        net->network.attend(event, actor, optional_text(brought_by));
    });
}

vb_status_t vb_network_mark_sensitive(vb_network_t* net, const char* group) {
    static const char fn[] = "vb_network_mark_sensitive";
    return guarded(fn, [&] {
        require(net, "net");
        require(group, "group");
        net->network.mark_sensitive(group);
    });
}

// --- network: removing --------------------------------------------------------

vb_status_t vb_network_remove(vb_network_t* net, const char* actor) {
    static const char fn[] = "vb_network_remove";
    return guarded(fn, [&] {
        require(net, "net");
        require(actor, "actor");
        net->network.remove(actor);
    });
}

vb_status_t vb_network_remove_event(vb_network_t* net, const char* event) {
    static const char fn[] = "vb_network_remove_event";
    return guarded(fn, [&] {
        require(net, "net");
        require(event, "event");
        net->network.remove_event(event);
    });
}

// --- network: looking up ------------------------------------------------------

size_t vb_network_actor_count(const vb_network_t* net) { return net ? net->network.num_actors() : 0; }
size_t vb_network_resident_count(const vb_network_t* net) { return net ? net->network.num_residents() : 0; }
size_t vb_network_organisation_count(const vb_network_t* net) { return net ? net->network.num_organisations() : 0; }
size_t vb_network_tie_count(const vb_network_t* net) { return net ? net->network.num_ties() : 0; }
size_t vb_network_event_count(const vb_network_t* net) { return net ? net->network.num_events() : 0; }
size_t vb_network_attendance_count(const vb_network_t* net) { return net ? net->network.num_attendances() : 0; }

int vb_network_has_actor(const vb_network_t* net, const char* key) {
    return net && key && net->network.find_actor(key).has_value() ? 1 : 0;
}

int vb_network_has_event(const vb_network_t* net, const char* key) {
    return net && key && net->network.find_event(key).has_value() ? 1 : 0;
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
        view.start = optional_date(o.start, "view option 'start'");
        view.end = optional_date(o.end, "view option 'end'");
        view.neighbourhoods = string_list(o.neighbourhoods, o.neighbourhood_count, "options->neighbourhoods");
        view.residents_only = o.residents_only != 0;
        view.co_attendance = o.co_attendance != 0;
        view.directed = o.directed != 0;
        view.merge = to_merge(o.merge, "options->merge");
        view.include_sensitive = o.include_sensitive != 0;
        *out = make_handle<vb_graph>(verbind::build_graph(net->network, view));
    });
}

vb_status_t vb_graph_from_edges_v2(size_t node_count, size_t edge_count, const uint32_t* src, const uint32_t* dst,
                                   const double* weights, const vb_edge_list_options_t* options, vb_graph_t** out) {
    static const char fn[] = "vb_graph_from_edges_v2";
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

vb_status_t vb_graph_from_edges(size_t node_count, size_t edge_count, const uint32_t* src, const uint32_t* dst,
                                const double* weights, int directed, vb_graph_t** out) {
    static const char fn[] = "vb_graph_from_edges";
    return guarded(fn, [&] {
        require(out, "out");
        *out = nullptr;
        if (edge_count > 0) {
            require(src, "src");
            require(dst, "dst");
        }
        verbind::EdgeListOptions edge_options;
        edge_options.directed = directed != 0;
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

void vb_graph_free(vb_graph_t* graph) { delete graph; }

size_t vb_graph_node_count(const vb_graph_t* graph) { return graph ? graph->graph.num_nodes() : 0; }
size_t vb_graph_edge_count(const vb_graph_t* graph) { return graph ? graph->graph.num_edges() : 0; }
int vb_graph_is_directed(const vb_graph_t* graph) { return graph && graph->graph.directed() ? 1 : 0; }
int vb_graph_is_weighted(const vb_graph_t* graph) { return graph && graph->graph.weighted() ? 1 : 0; }
size_t vb_graph_memory_bytes(const vb_graph_t* graph) { return graph ? graph->graph.memory_bytes() : 0; }
size_t vb_graph_key_memory_bytes(const vb_graph_t* graph) { return graph ? graph->graph.key_memory_bytes() : 0; }

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
