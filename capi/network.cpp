// The C ABI over the Network: creating, adding, removing, looking up, and
// the options structs of its records (also read by capi/store.cpp).
#include "capi_internal.hpp"

#include "verbind/error.hpp"
#include "verbind/model/date.hpp"

#include <cstddef>
#include <optional>
#include <string>

// The header maps each vb_*_options_init to its _sized form for callers;
// here the plain functions are defined under their own names.
#undef vb_resident_options_init
#undef vb_organisation_options_init
#undef vb_tie_options_init
#undef vb_event_options_init

using namespace verbind::capi;

namespace {

constexpr std::size_t resident_options_first_size = VB_FIRST_SIZE(vb_resident_options_t, trained_on);
constexpr std::size_t organisation_options_first_size = VB_FIRST_SIZE(vb_organisation_options_t, talent_count);
constexpr std::size_t tie_options_first_size = VB_FIRST_SIZE(vb_tie_options_t, weight);
constexpr std::size_t event_options_first_size = VB_FIRST_SIZE(vb_event_options_t, organiser_count);

// Read from a default-constructed TieInfo, never restated.
vb_tie_options_t tie_defaults() {
    static const verbind::TieInfo core;
    auto o = zeroed_options<vb_tie_options_t>();
    o.weight = core.weight;
    return o;
}

// Read from a default-constructed ResidentInfo: its texts and lists are
// empty (NULL here), its dates not given.
vb_resident_options_t resident_defaults() {
    static const verbind::ResidentInfo core;
    auto o = zeroed_options<vb_resident_options_t>();
    o.key_figure = core.key_figure ? 1 : 0;
    return o;
}

std::optional<verbind::Date> optional_date(const char* text, const std::string& what) {
    return verbind::parse_optional_date(optional_text(text), what);
}

// "resident 'r1' field 'trained_on'": the C++ model's wording for records.
std::string field_of(const char* type, const char* key, const char* field) {
    return std::string(type) + " '" + key + "' field '" + field + "'";
}

}  // namespace

namespace verbind::capi {

verbind::ResidentInfo resident_info(const char* key, const vb_resident_options_t* options) {
    vb_resident_options_t o = resident_defaults();
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

// --- options ------------------------------------------------------------------

void vb_resident_options_init_sized(vb_resident_options_t* options, size_t struct_size) {
    init_options(options, struct_size, resident_options_first_size, resident_defaults());
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

// --- network: creating --------------------------------------------------------

vb_status_t vb_network_new(vb_network_t** out) {
    static const char fn[] = "vb_network_new";
    return guarded(fn, [&] {
        require(out, "out");
        *out = nullptr;
        *out = make_handle<vb_network>(verbind::Network{});
    });
}

void vb_network_free(vb_network_t* net) {
    if (VB_FREEABLE(net)) delete net;
}

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

vb_status_t vb_network_add_resident(vb_network_t* net, const char* key, const vb_resident_options_t* options) {
    static const char fn[] = "vb_network_add_resident";
    return guarded(fn, [&] {
        require(net, "net");
        require(key, "key");
        net->network.add_resident(key, resident_info(key, options));
    });
}

vb_status_t vb_network_add_organisation(vb_network_t* net, const char* key, const char* kind,
                                        const vb_organisation_options_t* options) {
    static const char fn[] = "vb_network_add_organisation";
    return guarded(fn, [&] {
        require(net, "net");
        require(key, "key");
        require(kind, "kind");
        net->network.add_organisation(key, organisation_info(kind, options));
    });
}

vb_status_t vb_network_add_tie(vb_network_t* net, const char* a, const char* b, const char* kind,
                               const vb_tie_options_t* options) {
    static const char fn[] = "vb_network_add_tie";
    return guarded(fn, [&] {
        require(net, "net");
        require(a, "a");
        require(b, "b");
        require(kind, "kind");
        net->network.add_tie(a, b, kind, tie_info(a, b, options));
    });
}

vb_status_t vb_network_add_event(vb_network_t* net, const char* key, const char* date, const char* kind,
                                 const vb_event_options_t* options) {
    static const char fn[] = "vb_network_add_event";
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

size_t vb_network_actor_count(const vb_network_t* net) { return VB_USABLE(net) ? net->network.num_actors() : 0; }
size_t vb_network_resident_count(const vb_network_t* net) {
    return VB_USABLE(net) ? net->network.num_residents() : 0;
}
size_t vb_network_organisation_count(const vb_network_t* net) {
    return VB_USABLE(net) ? net->network.num_organisations() : 0;
}
size_t vb_network_tie_count(const vb_network_t* net) { return VB_USABLE(net) ? net->network.num_ties() : 0; }
size_t vb_network_event_count(const vb_network_t* net) { return VB_USABLE(net) ? net->network.num_events() : 0; }
size_t vb_network_attendance_count(const vb_network_t* net) {
    return VB_USABLE(net) ? net->network.num_attendances() : 0;
}

int vb_network_has_actor(const vb_network_t* net, const char* key) {
    return VB_USABLE(net) && key && net->network.find_actor(key).has_value() ? 1 : 0;
}

int vb_network_has_event(const vb_network_t* net, const char* key) {
    return VB_USABLE(net) && key && net->network.find_event(key).has_value() ? 1 : 0;
}

}  // extern "C"
