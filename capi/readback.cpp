// The C ABI's read-back (verbind.h, "Reading a network back"): a snapshot of
// a network's records as the one privacy view (verbind/model/visible.hpp)
// lets them leave: records by index as result structs, lists item by item,
// lookups by key.
//
// The snapshot is Visible(network, include_sensitive).copy(): what is
// sensitive is not in it at all, so no accessor can hand it out. Dates are
// formatted once, when the snapshot is taken, so that every string an
// accessor returns lives as long as the handle.
#include "capi_internal.hpp"

#include "verbind/error.hpp"
#include "verbind/model/date.hpp"
#include "verbind/model/visible.hpp"

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <tuple>
#include <unordered_map>
#include <vector>

#undef vb_records_options_init

struct vb_records {
    VB_HANDLE_TAG(vb_records);              // capi_internal.hpp: a handle of another type is refused
    verbind::Network network;               // the records as they may leave
    std::vector<std::string> trained_on;    // per actor; "" none
    std::vector<std::string> since, until;  // per tie; "" open
    std::vector<std::string> date;          // per event
    std::map<std::tuple<verbind::ActorId, verbind::ActorId, std::string, std::string>, std::size_t> tie_index;
    std::unordered_map<std::uint64_t, std::size_t> attendance_index;  // event << 32 | actor
};
VB_HANDLE_LAYOUT(vb_records)

using namespace verbind::capi;

namespace {

constexpr std::size_t records_options_first_size = VB_FIRST_SIZE(vb_records_options_t, include_sensitive);
constexpr std::size_t actor_record_first_size = VB_FIRST_SIZE(vb_actor_record_t, group_count);
constexpr std::size_t tie_record_first_size = VB_FIRST_SIZE(vb_tie_record_t, weight);
constexpr std::size_t event_record_first_size = VB_FIRST_SIZE(vb_event_record_t, organiser_count);
constexpr std::size_t attendance_record_first_size = VB_FIRST_SIZE(vb_attendance_record_t, brought_by);

vb_records_options_t records_defaults() {
    auto o = zeroed_options<vb_records_options_t>();
    o.include_sensitive = 0;  // the privacy rule: never unless asked for by name
    return o;
}

const vb_records& records_of(const vb_records_t* records) {
    require(records, "records");
    return *records;
}

// A NULL for empty text: "not known" in the C ABI.
const char* text_or_null(const std::string& text) noexcept { return text.empty() ? nullptr : text.c_str(); }

void check_index(std::size_t index, std::size_t count, const char* what) {
    if (index >= count)
        throw argument_error("argument 'index' is " + std::to_string(index) + ", but the records hold " +
                             std::to_string(count) + " " + what + (count == 1 ? "" : "s"));
}

const char* key_of(const vb_records& r, verbind::ActorId id) { return r.network.actor(id).key.c_str(); }

const verbind::Actor& actor_at(const vb_records& r, std::size_t index) {
    check_index(index, r.network.num_actors(), "actor");
    return r.network.actor(static_cast<verbind::ActorId>(index));
}
const verbind::Tie& tie_at(const vb_records& r, std::size_t index) {
    check_index(index, r.network.num_ties(), "tie");
    return r.network.ties()[index];
}
const verbind::Event& event_at(const vb_records& r, std::size_t index) {
    check_index(index, r.network.num_events(), "event");
    return r.network.event(static_cast<verbind::EventId>(index));
}
const verbind::Attendance& attendance_at(const vb_records& r, std::size_t index) {
    check_index(index, r.network.num_attendances(), "attendance record");
    return r.network.attendance()[index];
}

std::uint64_t attendance_key(verbind::EventId event, verbind::ActorId actor) noexcept {
    return (static_cast<std::uint64_t>(event) << 32) | actor;
}

vb_records* make_records(const verbind::Network& network, bool include_sensitive) {
    auto r = std::make_unique<vb_records>();
    r->network = verbind::Visible(network, include_sensitive).copy();
    const verbind::Network& n = r->network;
    r->trained_on.reserve(n.num_actors());
    for (const auto& actor : n.actors()) r->trained_on.push_back(verbind::format_date(actor.trained_on));
    r->since.reserve(n.num_ties());
    r->until.reserve(n.num_ties());
    for (std::size_t i = 0; i < n.num_ties(); ++i) {
        const verbind::Tie& t = n.ties()[i];
        r->since.push_back(verbind::format_date(t.since));
        r->until.push_back(verbind::format_date(t.until));
        r->tie_index.emplace(std::make_tuple(std::min(t.a, t.b), std::max(t.a, t.b), n.tie_kind(t), r->since.back()),
                             i);
    }
    r->date.reserve(n.num_events());
    for (const auto& event : n.events()) r->date.push_back(verbind::format_date(event.date));
    r->attendance_index.reserve(n.num_attendances());
    for (std::size_t i = 0; i < n.num_attendances(); ++i) {
        const verbind::Attendance& a = n.attendance()[i];
        r->attendance_index.emplace(attendance_key(a.event, a.actor), i);
    }
    return r.release();
}

// A lookup's actor or event key: refused when NULL, not found when absent.
verbind::ActorId actor_key_arg(const vb_records& r, const char* key, const char* name) {
    require(key, name);
    if (auto id = r.network.find_actor(key)) return *id;
    throw verbind::not_found_error(std::string("no actor '") + key + "' in the records (argument '" + name + "')");
}
verbind::EventId event_key_arg(const vb_records& r, const char* key, const char* name) {
    require(key, name);
    if (auto id = r.network.find_event(key)) return *id;
    throw verbind::not_found_error(std::string("no event '") + key + "' in the records (argument '" + name + "')");
}

}  // namespace

extern "C" {

void vb_records_options_init_sized(vb_records_options_t* options, size_t struct_size) {
    init_options(options, struct_size, records_options_first_size, records_defaults());
}

vb_status_t vb_network_records(const vb_network_t* net, const vb_records_options_t* options, vb_records_t** out) {
    return guarded("vb_network_records", [&] {
        require(out, "out");
        *out = nullptr;
        require(net, "net");
        vb_records_options_t o = records_defaults();
        read_options(options, records_options_first_size, o, "vb_records_options_t");
#ifdef VB_TEST_GROWTH
        // The growth test's library (tests/abi/growth): an appended option
        // whose default keeps the 1.0 behaviour; any other value is refused,
        // so reading past a 1.0 caller's struct_size would show.
        if (o.vb_test_growth_option != 0)
            throw argument_error("options field 'vb_test_growth_option' is " +
                                 std::to_string(o.vb_test_growth_option) + ", not 0");
#endif
        *out = make_records(net->network, o.include_sensitive != 0);
    });
}

#ifdef VB_TEST_GROWTH
// Only in the growth test's library: tells the test program which library
// it runs with.
VB_API int vb_test_growth_build(void) { return 1; }
#endif

void vb_records_free(vb_records_t* records) {
    if (VB_FREEABLE(records)) delete records;
}

size_t vb_records_actor_count(const vb_records_t* records) {
    return VB_USABLE(records) ? records->network.num_actors() : 0;
}
size_t vb_records_tie_count(const vb_records_t* records) {
    return VB_USABLE(records) ? records->network.num_ties() : 0;
}
size_t vb_records_event_count(const vb_records_t* records) {
    return VB_USABLE(records) ? records->network.num_events() : 0;
}
size_t vb_records_attendance_count(const vb_records_t* records) {
    return VB_USABLE(records) ? records->network.num_attendances() : 0;
}

vb_status_t vb_records_find_actor(const vb_records_t* records, const char* key, size_t* index) {
    return guarded("vb_records_find_actor", [&] {
        const vb_records& r = records_of(records);
        require(index, "index");
        *index = actor_key_arg(r, key, "key");
    });
}

vb_status_t vb_records_find_event(const vb_records_t* records, const char* key, size_t* index) {
    return guarded("vb_records_find_event", [&] {
        const vb_records& r = records_of(records);
        require(index, "index");
        *index = event_key_arg(r, key, "key");
    });
}

vb_status_t vb_records_find_tie(const vb_records_t* records, const char* a, const char* b, const char* kind,
                                const char* since, size_t* index) {
    return guarded("vb_records_find_tie", [&] {
        const vb_records& r = records_of(records);
        require(index, "index");
        require(kind, "kind");
        const verbind::ActorId x = actor_key_arg(r, a, "a"), y = actor_key_arg(r, b, "b");
        const std::string day =
            verbind::format_date(verbind::parse_optional_date(optional_text(since), "argument 'since'"));
        const auto found = r.tie_index.find(std::make_tuple(std::min(x, y), std::max(x, y), std::string(kind), day));
        if (found == r.tie_index.end())
            throw verbind::not_found_error(std::string("no tie '") + a + "' - '" + b + "' of kind '" + kind + "' " +
                                           (day.empty() ? std::string("since always") : "since " + day) +
                                           " in the records");
        *index = found->second;
    });
}

vb_status_t vb_records_find_attendance(const vb_records_t* records, const char* event, const char* actor,
                                       size_t* index) {
    return guarded("vb_records_find_attendance", [&] {
        const vb_records& r = records_of(records);
        require(index, "index");
        const verbind::EventId e = event_key_arg(r, event, "event");
        const verbind::ActorId a = actor_key_arg(r, actor, "actor");
        const auto found = r.attendance_index.find(attendance_key(e, a));
        if (found == r.attendance_index.end())
            throw verbind::not_found_error(std::string("no attendance of '") + actor + "' at event '" + event +
                                           "' in the records");
        *index = found->second;
    });
}

// Record `index` into the caller's struct: its size checked first (0,
// below the 1.0 struct, larger than this library's: refused, nothing
// written), then the fields that fit.
vb_status_t vb_records_actor(const vb_records_t* records, size_t index, vb_actor_record_t* out) {
    return guarded("vb_records_actor", [&] {
        const vb_records& r = records_of(records);
        require(out, "out");
        check_result_size(out, actor_record_first_size, "vb_actor_record_t");
        const verbind::Actor& a = actor_at(r, index);
        write_result(out,
                     vb_actor_record_t{0, a.key.c_str(), a.is_resident() ? VB_ACTOR_RESIDENT : VB_ACTOR_ORGANISATION,
                                       text_or_null(a.kind), text_or_null(a.neighbourhood),
                                       text_or_null(a.municipality), a.key_figure ? 1 : 0,
                                       text_or_null(r.trained_on[index]), a.talents.size(), a.groups.size()});
    });
}

vb_status_t vb_records_tie(const vb_records_t* records, size_t index, vb_tie_record_t* out) {
    return guarded("vb_records_tie", [&] {
        const vb_records& r = records_of(records);
        require(out, "out");
        check_result_size(out, tie_record_first_size, "vb_tie_record_t");
        const verbind::Tie& t = tie_at(r, index);
        write_result(out, vb_tie_record_t{0, key_of(r, t.a), key_of(r, t.b), r.network.tie_kind(t).c_str(),
                                          text_or_null(r.since[index]), text_or_null(r.until[index]), t.weight});
    });
}

vb_status_t vb_records_event(const vb_records_t* records, size_t index, vb_event_record_t* out) {
    return guarded("vb_records_event", [&] {
        const vb_records& r = records_of(records);
        require(out, "out");
        check_result_size(out, event_record_first_size, "vb_event_record_t");
        const verbind::Event& e = event_at(r, index);
        write_result(out, vb_event_record_t{0, e.key.c_str(), r.date[index].c_str(), e.kind.c_str(),
                                            text_or_null(e.neighbourhood), text_or_null(e.municipality),
                                            e.organisers.size()});
    });
}

vb_status_t vb_records_attendance(const vb_records_t* records, size_t index, vb_attendance_record_t* out) {
    return guarded("vb_records_attendance", [&] {
        const vb_records& r = records_of(records);
        require(out, "out");
        check_result_size(out, attendance_record_first_size, "vb_attendance_record_t");
        const verbind::Attendance& a = attendance_at(r, index);
        write_result(out, vb_attendance_record_t{0, r.network.event(a.event).key.c_str(), key_of(r, a.actor),
                                                 a.brought_by == verbind::no_id ? nullptr : key_of(r, a.brought_by)});
    });
}

// List items: NULL for a NULL or wrong handle, or an index or k out of range.
const char* vb_records_actor_talent(const vb_records_t* records, size_t index, size_t k) {
    if (!VB_USABLE(records) || index >= records->network.num_actors()) return nullptr;
    const auto& items = records->network.actor(static_cast<verbind::ActorId>(index)).talents;
    return k < items.size() ? items[k].c_str() : nullptr;
}

const char* vb_records_actor_group(const vb_records_t* records, size_t index, size_t k) {
    if (!VB_USABLE(records) || index >= records->network.num_actors()) return nullptr;
    const auto& items = records->network.actor(static_cast<verbind::ActorId>(index)).groups;
    return k < items.size() ? items[k].c_str() : nullptr;
}

const char* vb_records_event_organiser(const vb_records_t* records, size_t index, size_t k) {
    if (!VB_USABLE(records) || index >= records->network.num_events()) return nullptr;
    const auto& items = records->network.event(static_cast<verbind::EventId>(index)).organisers;
    return k < items.size() ? key_of(*records, items[k]) : nullptr;
}

}  // extern "C"
