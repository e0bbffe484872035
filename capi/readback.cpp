// The C ABI's read-back (verbind.h, "Reading a network back"): a snapshot of
// a network's records as the one privacy view (verbind/model/visible.hpp)
// lets them leave, with typed accessors by index and lookups by key.
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

namespace {

// The first member of every vb_records: a handle of another type (cast by
// mistake) does not carry it and is refused instead of read.
constexpr std::uint32_t records_tag = 0x56425243;  // "VBRC"

}  // namespace

struct vb_records {
    std::uint32_t tag = records_tag;
    verbind::Network network;               // the records as they may leave
    std::vector<std::string> trained_on;    // per actor; "" none
    std::vector<std::string> since, until;  // per tie; "" open
    std::vector<std::string> date;          // per event
    std::map<std::tuple<verbind::ActorId, verbind::ActorId, std::string, std::string>, std::size_t> tie_index;
    std::unordered_map<std::uint64_t, std::size_t> attendance_index;  // event << 32 | actor
};

using namespace verbind::capi;

namespace {

constexpr std::size_t records_options_first_size = VB_FIRST_SIZE(vb_records_options_t, include_sensitive);

vb_records_options_t records_defaults() {
    auto o = zeroed_options<vb_records_options_t>();
    o.include_sensitive = 0;  // the privacy rule: never unless asked for by name
    return o;
}

const vb_records& records_of(const vb_records_t* records) {
    require(records, "records");
    if (records->tag != records_tag)
        throw argument_error("argument 'records' is not a vb_records_t (a handle of another type?)");
    return *records;
}

// A NULL for empty text: "not known" in the C ABI.
const char* text_or_null(const std::string& text) noexcept { return text.empty() ? nullptr : text.c_str(); }

void check_index(std::size_t index, std::size_t count, const char* what) {
    if (index >= count)
        throw argument_error("argument 'index' is " + std::to_string(index) + ", but the records hold " +
                             std::to_string(count) + " " + what + (count == 1 ? "" : "s"));
}

void check_item(std::size_t k, std::size_t count, const char* list, const char* record, std::size_t index) {
    if (k >= count)
        throw argument_error("argument 'k' is " + std::to_string(k) + ", but " + record + " " +
                             std::to_string(index) + " has " + std::to_string(count) + " " + list);
}

template <class T>
T& out_arg(T* out) {
    require(out, "out");
    return *out;
}

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
    if (records == nullptr) return;
    if (records->tag != records_tag) {
        set_error("vb_records_free",
                  "argument 'records' is not a vb_records_t (a handle of another type?); not freed");
        return;
    }
    delete records;
}

size_t vb_records_actor_count(const vb_records_t* records) {
    return records && records->tag == records_tag ? records->network.num_actors() : 0;
}
size_t vb_records_tie_count(const vb_records_t* records) {
    return records && records->tag == records_tag ? records->network.num_ties() : 0;
}
size_t vb_records_event_count(const vb_records_t* records) {
    return records && records->tag == records_tag ? records->network.num_events() : 0;
}
size_t vb_records_attendance_count(const vb_records_t* records) {
    return records && records->tag == records_tag ? records->network.num_attendances() : 0;
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

}  // extern "C"

namespace {

// A list item as text: a string as it is, an actor id as its key.
const char* item_text(const vb_records&, const std::string& item) noexcept { return item.c_str(); }
const char* item_text(const vb_records& r, verbind::ActorId id) { return r.network.actor(id).key.c_str(); }
const char* key_of(const vb_records& r, verbind::ActorId id) { return r.network.actor(id).key.c_str(); }

}  // namespace

// One accessor: checks the handle and out-parameter, then writes `value`
// (an expression of r, index and, for list items, k).
#define VB_RECORDS_ACCESSOR(name, type, value) \
  vb_status_t name(const vb_records_t* records, size_t index, type* out) { \
    return guarded(#name, [&] { \
  const vb_records& r = records_of(records); \
  type& result = out_arg(out); \
  result = value; \
    }); \
  }
#define VB_RECORDS_ITEM(name, list_expr, list_name, record) \
  vb_status_t name(const vb_records_t* records, size_t index, size_t k, const char** out) { \
    return guarded(#name, [&] { \
  const vb_records& r = records_of(records); \
  const char*& result = out_arg(out); \
  const auto& items = list_expr; \
  check_item(k, items.size(), list_name, record, index); \
  result = item_text(r, items[k]); \
    }); \
  }


extern "C" {

VB_RECORDS_ACCESSOR(vb_records_actor_key, const char*, actor_at(r, index).key.c_str())
VB_RECORDS_ACCESSOR(vb_records_actor_type, vb_actor_type_t,
                    actor_at(r, index).is_resident() ? VB_ACTOR_RESIDENT : VB_ACTOR_ORGANISATION)
VB_RECORDS_ACCESSOR(vb_records_actor_kind, const char*, text_or_null(actor_at(r, index).kind))
VB_RECORDS_ACCESSOR(vb_records_actor_neighbourhood, const char*, text_or_null(actor_at(r, index).neighbourhood))
VB_RECORDS_ACCESSOR(vb_records_actor_municipality, const char*, text_or_null(actor_at(r, index).municipality))
VB_RECORDS_ACCESSOR(vb_records_actor_key_figure, int, actor_at(r, index).key_figure ? 1 : 0)
VB_RECORDS_ACCESSOR(vb_records_actor_trained_on, const char*, (actor_at(r, index), text_or_null(r.trained_on[index])))
VB_RECORDS_ACCESSOR(vb_records_actor_talent_count, size_t, actor_at(r, index).talents.size())
VB_RECORDS_ITEM(vb_records_actor_talent, actor_at(r, index).talents, "talents", "actor")
VB_RECORDS_ACCESSOR(vb_records_actor_group_count, size_t, actor_at(r, index).groups.size())
VB_RECORDS_ITEM(vb_records_actor_group, actor_at(r, index).groups, "groups", "actor")

VB_RECORDS_ACCESSOR(vb_records_tie_a, const char*, key_of(r, tie_at(r, index).a))
VB_RECORDS_ACCESSOR(vb_records_tie_b, const char*, key_of(r, tie_at(r, index).b))
VB_RECORDS_ACCESSOR(vb_records_tie_kind, const char*, r.network.tie_kind(tie_at(r, index)).c_str())
VB_RECORDS_ACCESSOR(vb_records_tie_since, const char*, (tie_at(r, index), text_or_null(r.since[index])))
VB_RECORDS_ACCESSOR(vb_records_tie_until, const char*, (tie_at(r, index), text_or_null(r.until[index])))
VB_RECORDS_ACCESSOR(vb_records_tie_weight, double, tie_at(r, index).weight)

VB_RECORDS_ACCESSOR(vb_records_event_key, const char*, event_at(r, index).key.c_str())
VB_RECORDS_ACCESSOR(vb_records_event_date, const char*, (event_at(r, index), r.date[index].c_str()))
VB_RECORDS_ACCESSOR(vb_records_event_kind, const char*, event_at(r, index).kind.c_str())
VB_RECORDS_ACCESSOR(vb_records_event_neighbourhood, const char*, text_or_null(event_at(r, index).neighbourhood))
VB_RECORDS_ACCESSOR(vb_records_event_municipality, const char*, text_or_null(event_at(r, index).municipality))
VB_RECORDS_ACCESSOR(vb_records_event_organiser_count, size_t, event_at(r, index).organisers.size())
VB_RECORDS_ITEM(vb_records_event_organiser, event_at(r, index).organisers, "organisers", "event")

VB_RECORDS_ACCESSOR(vb_records_attendance_event, const char*,
                    r.network.event(attendance_at(r, index).event).key.c_str())
VB_RECORDS_ACCESSOR(vb_records_attendance_actor, const char*, key_of(r, attendance_at(r, index).actor))
VB_RECORDS_ACCESSOR(vb_records_attendance_brought_by, const char*,
                    attendance_at(r, index).brought_by == verbind::no_id
                        ? nullptr
                        : key_of(r, attendance_at(r, index).brought_by))

}  // extern "C"
