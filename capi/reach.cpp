// The C ABI of the reach capability: hop reach, spread, influence
// maximisation, cascades, temporal reach.
#include "capi_internal.hpp"
#include "collective.hpp"

#include "verbind/error.hpp"
#include "verbind/io/contacts.hpp"
#include "verbind/reach/fair.hpp"
#include "verbind/reach/reach.hpp"
#include "verbind/util/random.hpp"

#include <cmath>
#include <cstddef>
#include <limits>
#include <memory>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <vector>

#undef vb_spread_options_init
#undef vb_influence_options_init
#undef vb_temporal_network_options_init

using namespace verbind;
using namespace verbind::capi;

struct vb_influence {
    VB_HANDLE_TAG(vb_influence);
    InfluenceResult result;
};
VB_HANDLE_LAYOUT(vb_influence)

struct vb_cascades {
    VB_HANDLE_TAG(vb_cascades);
    CascadeResult result;
    std::vector<std::string> event_keys;  // per entry of result.events
    std::vector<std::string> bringer_keys;
    std::vector<std::string> actor_keys;  // every actor's key, by ActorId, for the links
};
VB_HANDLE_LAYOUT(vb_cascades)

struct vb_contacts {
    VB_HANDLE_TAG(vb_contacts);
    ContactSequence contacts;
};
VB_HANDLE_LAYOUT(vb_contacts)

struct vb_temporal {
    VB_HANDLE_TAG(vb_temporal);
    TemporalReach reach;
};
VB_HANDLE_LAYOUT(vb_temporal)

namespace {

constexpr std::size_t spread_options_first_size = VB_FIRST_SIZE(vb_spread_options_t, progress_data);
constexpr std::size_t influence_options_first_size = VB_FIRST_SIZE(vb_influence_options_t, progress_data);
constexpr std::size_t temporal_network_options_first_size =
    VB_FIRST_SIZE(vb_temporal_network_options_t, include_sensitive);
constexpr std::size_t cascade_options_first_size = VB_FIRST_SIZE(vb_cascade_options_t, include_sensitive);
constexpr std::size_t hop_options_first_size = VB_FIRST_SIZE(vb_hop_options_t, hops);
constexpr std::size_t temporal_options_first_size = VB_FIRST_SIZE(vb_temporal_options_t, max_wait);
// The result structs' first sizes (a caller's struct_size below is refused).
constexpr std::size_t cascade_totals_first_size = VB_FIRST_SIZE(vb_cascade_totals_t, generations);
constexpr std::size_t event_cascade_first_size = VB_FIRST_SIZE(vb_event_cascade_t, generations);
constexpr std::size_t cascade_link_first_size = VB_FIRST_SIZE(vb_cascade_link_t, newcomer);
constexpr std::size_t cascade_bringer_first_size = VB_FIRST_SIZE(vb_cascade_bringer_t, brought);
constexpr std::size_t spread_result_first_size = VB_FIRST_SIZE(vb_spread_t, high);
constexpr std::size_t temporal_point_first_size = VB_FIRST_SIZE(vb_temporal_point_t, reached);

// Day numbers (Boost's Julian day) <-> days since 1970-01-01.
constexpr std::int64_t unix_epoch_day = 2440588;

// The C enums of the C++ diffusion settings (the C defaults are read from
// default-constructed C++ options, never restated here).
vb_diffusion_model_t model_of(DiffusionModel model) {
    switch (model) {
        case DiffusionModel::independent_cascade: return VB_MODEL_INDEPENDENT_CASCADE;
        case DiffusionModel::linear_threshold: return VB_MODEL_LINEAR_THRESHOLD;
    }
    return VB_MODEL_INDEPENDENT_CASCADE;  // not reached: every model is listed
}

vb_probability_t probability_of(ProbabilityKind kind) {
    switch (kind) {
        case ProbabilityKind::weighted_cascade: return VB_PROBABILITY_WEIGHTED_CASCADE;
        case ProbabilityKind::uniform: return VB_PROBABILITY_UNIFORM;
        case ProbabilityKind::weights: return VB_PROBABILITY_WEIGHTS;
    }
    return VB_PROBABILITY_WEIGHTED_CASCADE;  // not reached: every kind is listed
}

vb_spread_options_t spread_defaults() {
    static const SpreadOptions core;
    auto o = zeroed_options<vb_spread_options_t>();
    o.model = model_of(core.diffusion.model);
    o.probability = probability_of(core.diffusion.probability);
    o.uniform_probability = core.diffusion.uniform_probability;
    o.runs = core.runs;
    o.seed = seed_or_default(core.seed);
    o.threads = core.threads;
    return o;
}

vb_influence_options_t influence_defaults() {
    static const InfluenceOptions core;
    auto o = zeroed_options<vb_influence_options_t>();
    o.model = model_of(core.diffusion.model);
    o.probability = probability_of(core.diffusion.probability);
    o.uniform_probability = core.diffusion.uniform_probability;
    o.epsilon = core.epsilon;
    o.delta = core.delta.value_or(0.0);  // 0: the C++ default (none: 1 / node count)
    o.seed = seed_or_default(core.seed);
    o.threads = core.threads;
    o.max_memory_bytes = core.max_memory_bytes;
    return o;
}

// Read from a default-constructed NetworkTemporalOptions (start has no
// default: NULL, refused by the call).
// Read from a default-constructed HopOptions (no limit: -1).
vb_hop_options_t hop_defaults() {
    static const HopOptions core;
    auto o = zeroed_options<vb_hop_options_t>();
    o.hops = core.hops ? static_cast<int64_t>(*core.hops) : -1;
    return o;
}

// Read from a default-constructed TemporalOptions (no end, no limit: -1).
vb_temporal_options_t temporal_defaults() {
    static const TemporalOptions core;
    auto o = zeroed_options<vb_temporal_options_t>();
    o.start = core.start;
    o.has_end = core.end ? 1 : 0;
    o.end = core.end.value_or(0);
    o.max_wait = core.max_wait.value_or(-1);
    return o;
}

// Read from a default-constructed CascadeOptions (its dates are open: NULL).
vb_cascade_options_t cascade_defaults() {
    static const CascadeOptions core;
    auto o = zeroed_options<vb_cascade_options_t>();
    o.include_sensitive = core.include_sensitive ? 1 : 0;
    return o;
}

vb_temporal_network_options_t temporal_network_defaults() {
    static const NetworkTemporalOptions core;
    auto o = zeroed_options<vb_temporal_network_options_t>();
    o.start = nullptr;
    o.end = nullptr;
    o.max_wait = core.max_wait.value_or(-1);
    o.include_sensitive = core.include_sensitive ? 1 : 0;
    return o;
}

DiffusionOptions diffusion(const vb_diffusion_model_t& model, const vb_probability_t& probability, double uniform) {
    DiffusionOptions d;
    switch (enum_value(model)) {
        case VB_MODEL_INDEPENDENT_CASCADE: d.model = DiffusionModel::independent_cascade; break;
        case VB_MODEL_LINEAR_THRESHOLD: d.model = DiffusionModel::linear_threshold; break;
        default:
            throw argument_error("field 'model' is not a vb_diffusion_model_t: " + std::to_string(enum_value(model)));
    }
    switch (enum_value(probability)) {
        case VB_PROBABILITY_WEIGHTED_CASCADE: d.probability = ProbabilityKind::weighted_cascade; break;
        case VB_PROBABILITY_UNIFORM: d.probability = ProbabilityKind::uniform; break;
        case VB_PROBABILITY_WEIGHTS: d.probability = ProbabilityKind::weights; break;
        default:
            throw argument_error("field 'probability' is not a vb_probability_t: " +
                                 std::to_string(enum_value(probability)));
    }
    d.uniform_probability = uniform;
    return d;
}

std::span<const NodeId> node_array(const uint32_t* nodes, std::size_t count, const char* name) {
    if (count > 0) require(nodes, name);
    return {nodes, count};
}

// Both C entry points of temporal reach over a network run this.
void temporal_reach_network_call(const vb_network_t* net, const char* const* seeds, size_t seed_count,
                                 const vb_temporal_network_options_t& given, const char* start_name,
                                 vb_temporal_t** out) {
    require(net, "net");
    require(given.start, start_name);
    require(out, "out");
    std::vector<ActorId> ids;
    for (const std::string& key : string_list(seeds, seed_count, "seeds")) ids.push_back(net->network.actor_id(key));
    NetworkTemporalOptions o;
    o.start = parse_date(given.start, "start");
    o.end = parse_optional_date(optional_text(given.end), "end");
    if (given.max_wait >= 0) o.max_wait = given.max_wait;
    o.include_sensitive = given.include_sensitive != 0;
    TemporalReach r = temporal_reach(net->network, ids, o);
    for (auto& t : r.arrival) t -= unix_epoch_day;
    for (auto& t : r.curve_times) t -= unix_epoch_day;
    *out = make_handle<vb_temporal>(std::move(r));
}

// vb_influence_max and vb_collective_influence_max.
void influence_call(const vb_graph_t* graph, size_t k, const vb_influence_options_t* options,
                    const vb_collective_t* collective, bool distributed, vb_influence_t** out) {
    CallRanks ranks(collective, distributed);
    InfluenceOptions o;
    vb_influence_options_t given = influence_defaults();
    ranks.agreed([&] {
        require(graph, "graph");
        require(out, "out");
        read_options(options, influence_options_first_size, given, "vb_influence_options_t");
        o.diffusion = diffusion(given.model, given.probability, given.uniform_probability);
        o.epsilon = given.epsilon;
        if (given.delta != 0) o.delta = given.delta;
        o.seed = given.seed;
        o.threads = given.threads;
        const auto candidates = node_array(given.candidates, given.candidate_count, "options->candidates");
        const auto fixed = node_array(given.fixed, given.fixed_count, "options->fixed");
        o.candidates.assign(candidates.begin(), candidates.end());
        o.fixed.assign(fixed.begin(), fixed.end());
        o.progress = progress_of(given.progress, given.progress_data);
        o.max_memory_bytes = given.max_memory_bytes;
    });
    Collective& c = ranks.collective();
    InfluenceResult r;
    if (given.groups) {
        r = fair_influence_max(graph->graph, k, {given.groups, graph->graph.num_nodes()}, o, c);
    } else {
        r = influence_max(graph->graph, k, o, c);
    }
    *out = make_handle<vb_influence>(std::move(r));
}

// vb_spread and vb_collective_spread.
void spread_call(const vb_graph_t* graph, const uint32_t* seeds, size_t seed_count,
                 const vb_spread_options_t* options, const vb_collective_t* collective, bool distributed,
                 vb_spread_t* out) {
    CallRanks ranks(collective, distributed);
    SpreadOptions o;
    std::span<const NodeId> nodes;
    ranks.agreed([&] {
        require(out, "out");
        check_result_size(out, spread_result_first_size, "vb_spread_t");
        require(graph, "graph");
        vb_spread_options_t given = spread_defaults();
        read_options(options, spread_options_first_size, given, "vb_spread_options_t");
        o.diffusion = diffusion(given.model, given.probability, given.uniform_probability);
        o.runs = given.runs;
        o.seed = given.seed;
        o.threads = given.threads;
        o.progress = progress_of(given.progress, given.progress_data);
        nodes = node_array(seeds, seed_count, "seeds");
    });
    const SpreadResult r = spread(graph->graph, nodes, o, ranks.collective());
    write_result(out, vb_spread_t{0, r.mean, r.standard_error, r.low, r.high});
}

}  // namespace

extern "C" {

void vb_hop_options_init_sized(vb_hop_options_t* options, size_t struct_size) {
    init_options(options, struct_size, hop_options_first_size, hop_defaults());
}

vb_status_t vb_hop_reach(const vb_graph_t* graph, const uint32_t* seeds, size_t seed_count,
                         const vb_hop_options_t* options, int32_t* distances) {
    return guarded("vb_hop_reach", [&] {
        require(graph, "graph");
        require(distances, "distances");
        vb_hop_options_t given = hop_defaults();
        read_options(options, hop_options_first_size, given, "vb_hop_options_t");
        HopOptions o;
        if (given.hops >= 0) o.hops = static_cast<std::uint32_t>(std::min<int64_t>(given.hops, UINT32_MAX));
        const std::vector<std::int32_t> d = hop_reach(graph->graph, node_array(seeds, seed_count, "seeds"), o);
        std::copy(d.begin(), d.end(), distances);
    });
}

void vb_spread_options_init_sized(vb_spread_options_t* options, size_t struct_size) {
    init_options(options, struct_size, spread_options_first_size, spread_defaults());
}
void vb_spread_options_init(vb_spread_options_t* options) { vb_spread_options_init_sized(options, sizeof *options); }

vb_status_t vb_spread(const vb_graph_t* graph, const uint32_t* seeds, size_t seed_count,
                      const vb_spread_options_t* options, vb_spread_t* out) {
    return guarded("vb_spread", [&] { spread_call(graph, seeds, seed_count, options, nullptr, false, out); });
}

vb_status_t vb_collective_spread(const vb_graph_t* graph, const uint32_t* seeds, size_t seed_count,
                                 const vb_spread_options_t* options, const vb_collective_t* collective,
                                 vb_spread_t* out) {
    return guarded("vb_collective_spread",
                   [&] { spread_call(graph, seeds, seed_count, options, collective, true, out); });
}

void vb_influence_options_init_sized(vb_influence_options_t* options, size_t struct_size) {
    init_options(options, struct_size, influence_options_first_size, influence_defaults());
}
void vb_influence_options_init(vb_influence_options_t* options) {
    vb_influence_options_init_sized(options, sizeof *options);
}

vb_status_t vb_influence_max(const vb_graph_t* graph, size_t k, const vb_influence_options_t* options,
                             vb_influence_t** out) {
    if (out) *out = nullptr;
    return guarded("vb_influence_max", [&] { influence_call(graph, k, options, nullptr, false, out); });
}

vb_status_t vb_collective_influence_max(const vb_graph_t* graph, size_t k, const vb_influence_options_t* options,
                                        const vb_collective_t* collective, vb_influence_t** out) {
    if (out) *out = nullptr;
    return guarded("vb_collective_influence_max", [&] { influence_call(graph, k, options, collective, true, out); });
}

void vb_influence_free(vb_influence_t* result) {
    if (VB_FREEABLE(result)) delete result;
}
size_t vb_influence_seed_count(const vb_influence_t* result) {
    return VB_USABLE(result) ? result->result.seeds.size() : 0;
}

vb_status_t vb_influence_seeds(const vb_influence_t* result, size_t capacity, uint32_t* seeds) {
    return guarded("vb_influence_seeds", [&] {
        require(result, "result");
        const auto& s = result->result.seeds;
        if (capacity < s.size())
            throw argument_error("capacity " + std::to_string(capacity) + " is less than the " +
                                 std::to_string(s.size()) + " seeds");
        if (!s.empty()) require(seeds, "seeds");
        std::copy(s.begin(), s.end(), seeds);
    });
}

double vb_influence_spread_lower_bound(const vb_influence_t* r) {
    return usable(r, __func__, "result") ? r->result.spread_lower_bound : 0.0;
}
double vb_influence_extra_spread_lower_bound(const vb_influence_t* r) {
    return usable(r, __func__, "result") ? r->result.extra_spread_lower_bound : 0.0;
}
double vb_influence_approximation(const vb_influence_t* r) {
    return usable(r, __func__, "result") ? r->result.approximation : 0.0;
}
size_t vb_influence_rr_sets(const vb_influence_t* r) { return usable(r, __func__, "result") ? r->result.rr_sets : 0; }

vb_status_t vb_influence_group_reach(const vb_influence_t* result, uint32_t group, double* out) {
    return guarded("vb_influence_group_reach", [&] {
        require(result, "result");
        require(out, "out");
        const auto& g = result->result.group_reach;
        if (group >= g.size())
            throw argument_error("group " + std::to_string(group) + " is not a group label (" +
                                 std::to_string(g.size()) + " groups)");
        *out = g[group];
    });
}

void vb_cascade_options_init_sized(vb_cascade_options_t* options, size_t struct_size) {
    init_options(options, struct_size, cascade_options_first_size, cascade_defaults());
}

vb_status_t vb_cascades(const vb_network_t* net, const vb_cascade_options_t* options, vb_cascades_t** out) {
    if (out) *out = nullptr;
    return guarded("vb_cascades", [&] {
        require(net, "net");
        require(out, "out");
        vb_cascade_options_t given = cascade_defaults();
        read_options(options, cascade_options_first_size, given, "vb_cascade_options_t");
        CascadeOptions o;
        o.start = parse_optional_date(optional_text(given.start), "options->start");
        o.end = parse_optional_date(optional_text(given.end), "options->end");
        o.include_sensitive = given.include_sensitive != 0;
        auto handle = std::make_unique<struct vb_cascades>();
        handle->result = cascades(net->network, o);
        for (const EventCascade& e : handle->result.events)
            handle->event_keys.push_back(net->network.event(e.event).key);
        for (const Bringer& b : handle->result.bringers)
            handle->bringer_keys.push_back(net->network.actor(b.actor).key);
        for (const auto& actor : net->network.actors()) handle->actor_keys.push_back(actor.key);
        *out = handle.release();
    });
}

void vb_cascades_free(vb_cascades_t* cascades) {
    if (VB_FREEABLE(cascades)) delete cascades;
}

vb_status_t vb_cascades_totals(const vb_cascades_t* c, vb_cascade_totals_t* out) {
    return guarded("vb_cascades_totals", [&] {
        require(out, "out");
        check_result_size(out, cascade_totals_first_size, "vb_cascade_totals_t");
        require(c, "cascades");
        const CascadeResult& r = c->result;
        write_result(out, vb_cascade_totals_t{0, r.attendances, r.newcomers, r.newcomers_brought, r.bring_along_rate,
                                              r.newcomer_share, r.generations});
    });
}

size_t vb_cascades_event_count(const vb_cascades_t* c) {
    return usable(c, __func__, "cascades") ? c->result.events.size() : 0;
}

vb_status_t vb_cascades_event(const vb_cascades_t* c, size_t index, vb_event_cascade_t* out) {
    return guarded("vb_cascades_event", [&] {
        require(out, "out");
        check_result_size(out, event_cascade_first_size, "vb_event_cascade_t");
        require(c, "cascades");
        if (index >= c->result.events.size())
            throw argument_error("index " + std::to_string(index) + " is out of range (" +
                                 std::to_string(c->result.events.size()) + " events)");
        const EventCascade& e = c->result.events[index];
        write_result(out,
                     vb_event_cascade_t{0, c->event_keys[index].c_str(), e.attendees.size(), e.brought, e.newcomers,
                                        e.newcomers_brought, e.newcomer_share, e.bring_along_rate, e.generations});
    });
}

vb_status_t vb_cascades_event_link(const vb_cascades_t* c, size_t event_index, size_t link_index,
                                   vb_cascade_link_t* out) {
    return guarded("vb_cascades_event_link", [&] {
        require(out, "out");
        check_result_size(out, cascade_link_first_size, "vb_cascade_link_t");
        require(c, "cascades");
        if (event_index >= c->result.events.size())
            throw argument_error("index " + std::to_string(event_index) + " is out of range (" +
                                 std::to_string(c->result.events.size()) + " events)");
        const auto& links = c->result.events[event_index].attendees;
        if (link_index >= links.size())
            throw argument_error("link " + std::to_string(link_index) + " is out of range (" +
                                 std::to_string(links.size()) + " attendees)");
        const CascadeLink& link = links[link_index];
        write_result(out, vb_cascade_link_t{
                              0, c->actor_keys[link.actor].c_str(),
                              link.brought_by == verbind::no_id ? nullptr : c->actor_keys[link.brought_by].c_str(),
                              link.generation, link.newcomer ? 1 : 0});
    });
}

size_t vb_cascades_bringer_count(const vb_cascades_t* c) {
    return usable(c, __func__, "cascades") ? c->result.bringers.size() : 0;
}

vb_status_t vb_cascades_bringer(const vb_cascades_t* c, size_t index, vb_cascade_bringer_t* out) {
    return guarded("vb_cascades_bringer", [&] {
        require(out, "out");
        check_result_size(out, cascade_bringer_first_size, "vb_cascade_bringer_t");
        require(c, "cascades");
        if (index >= c->result.bringers.size())
            throw argument_error("index " + std::to_string(index) + " is out of range (" +
                                 std::to_string(c->result.bringers.size()) + " bringers)");
        const Bringer& b = c->result.bringers[index];
        write_result(out, vb_cascade_bringer_t{0, c->bringer_keys[index].c_str(), b.newcomers_brought, b.brought});
    });
}

vb_status_t vb_contacts_read(const char* path, vb_contacts_t** out) {
    if (out) *out = nullptr;
    return guarded("vb_contacts_read", [&] {
        require(path, "path");
        require(out, "out");
        *out = make_handle<vb_contacts>(read_contacts(path));
    });
}

void vb_contacts_free(vb_contacts_t* contacts) {
    if (VB_FREEABLE(contacts)) delete contacts;
}
size_t vb_contacts_count(const vb_contacts_t* c) { return usable(c, __func__, "contacts") ? c->contacts.size() : 0; }
size_t vb_contacts_node_count(const vb_contacts_t* c) {
    return usable(c, __func__, "contacts") ? c->contacts.num_nodes() : 0;
}

vb_status_t vb_contacts_index(const vb_contacts_t* c, const char* key, uint32_t* out) {
    return guarded("vb_contacts_index", [&] {
        require(c, "contacts");
        require(key, "key");
        require(out, "out");
        *out = c->contacts.index(key);
    });
}

vb_status_t vb_contacts_indices(const vb_contacts_t* c, const char* const* keys, size_t count, uint32_t* out) {
    return guarded("vb_contacts_indices", [&] {
        require(c, "contacts");
        if (count == 0) return;
        require(keys, "keys");
        require(out, "out");
        std::unordered_map<std::string_view, uint32_t> index;
        index.reserve(c->contacts.keys.size());
        for (std::size_t i = 0; i < c->contacts.keys.size(); ++i)
            index.emplace(c->contacts.keys[i], static_cast<uint32_t>(i));
        std::vector<uint32_t> found(count);
        for (size_t i = 0; i < count; ++i) {
            if (keys[i] == nullptr) throw verbind::input_error("keys[" + std::to_string(i) + "] is NULL");
            const auto it = index.find(keys[i]);
            if (it == index.end())
                throw verbind::not_found_error("keys[" + std::to_string(i) + "]: no person '" + std::string(keys[i]) +
                                               "' in the contacts");
            found[i] = it->second;
        }
        std::copy(found.begin(), found.end(), out);
    });
}

void vb_temporal_options_init_sized(vb_temporal_options_t* options, size_t struct_size) {
    init_options(options, struct_size, temporal_options_first_size, temporal_defaults());
}

vb_status_t vb_temporal_reach_contacts(const vb_contacts_t* contacts, const uint32_t* seeds, size_t seed_count,
                                       const vb_temporal_options_t* options, vb_temporal_t** out) {
    if (out) *out = nullptr;
    return guarded("vb_temporal_reach_contacts", [&] {
        require(contacts, "contacts");
        require(out, "out");
        vb_temporal_options_t given = temporal_defaults();
        read_options(options, temporal_options_first_size, given, "vb_temporal_options_t");
        TemporalOptions o;
        o.start = given.start;
        if (given.has_end != 0) o.end = given.end;
        if (given.max_wait >= 0) o.max_wait = given.max_wait;
        *out =
            make_handle<vb_temporal>(temporal_reach(contacts->contacts, node_array(seeds, seed_count, "seeds"), o));
    });
}

void vb_temporal_network_options_init_sized(vb_temporal_network_options_t* options, size_t struct_size) {
    init_options(options, struct_size, temporal_network_options_first_size, temporal_network_defaults());
}
void vb_temporal_network_options_init(vb_temporal_network_options_t* options) {
    vb_temporal_network_options_init_sized(options, sizeof *options);
}

vb_status_t vb_temporal_reach_network(const vb_network_t* net, const char* const* seeds, size_t seed_count,
                                      const vb_temporal_network_options_t* options, vb_temporal_t** out) {
    if (out) *out = nullptr;
    return guarded("vb_temporal_reach_network", [&] {
        vb_temporal_network_options_t given = temporal_network_defaults();
        read_options(options, temporal_network_options_first_size, given, "vb_temporal_network_options_t");
        temporal_reach_network_call(net, seeds, seed_count, given, "options->start", out);
    });
}

void vb_temporal_free(vb_temporal_t* result) {
    if (VB_FREEABLE(result)) delete result;
}
size_t vb_temporal_node_count(const vb_temporal_t* r) {
    return usable(r, __func__, "result") ? r->reach.arrival.size() : 0;
}

vb_status_t vb_temporal_arrival(const vb_temporal_t* r, uint32_t node, int64_t* time) {
    return guarded("vb_temporal_arrival", [&] {
        require(r, "result");
        require(time, "time");
        if (node >= r->reach.arrival.size())
            throw argument_error("node " + std::to_string(node) +
                                 " is out of range (n = " + std::to_string(r->reach.arrival.size()) + ")");
        if (!r->reach.reached[node]) throw not_found_error("node " + std::to_string(node) + " was not reached");
        *time = r->reach.arrival[node];
    });
}

size_t vb_temporal_curve_length(const vb_temporal_t* r) {
    return usable(r, __func__, "result") ? r->reach.curve_times.size() : 0;
}

vb_status_t vb_temporal_curve_point(const vb_temporal_t* r, size_t index, vb_temporal_point_t* out) {
    return guarded("vb_temporal_curve_point", [&] {
        require(out, "out");
        check_result_size(out, temporal_point_first_size, "vb_temporal_point_t");
        require(r, "result");
        if (index >= r->reach.curve_times.size())
            throw argument_error("index " + std::to_string(index) + " is out of range (" +
                                 std::to_string(r->reach.curve_times.size()) + " points)");
        write_result(out, vb_temporal_point_t{0, r->reach.curve_times[index], r->reach.curve_reached[index]});
    });
}

}  // extern "C"
