// Internal to libverbind.so: what the capi/*.cpp files share. The handles,
// the error guard that keeps exceptions from crossing the C ABI, and the
// options-struct reader.
#pragma once

#include "verbind.h"

#include "verbind/evaluate/timeline.hpp"
#include "verbind/graph/graph.hpp"
#include "verbind/io/io.hpp"
#include "verbind/model/network.hpp"
#include "verbind/util/progress.hpp"

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <new>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace verbind {
struct SocialMapOptions;    // verbind/socialmap/social_map.hpp
struct BetweennessOptions;  // verbind/socialmap/centrality.hpp
struct DistanceOptions;     // verbind/socialmap/centrality.hpp
}  // namespace verbind

namespace verbind::capi {

// The type of every handle behind an opaque C type: the tag that is the
// handle's first member (at offset 0, so that it can be read through a
// pointer of any handle type) and the C name errors give. A handle of
// another type cast by mistake carries another tag and is refused (issue 15,
// docs/abi-policy.md "Results and freeing"); see require, usable and
// freeable below.
template <class Handle>
struct handle_type {
    static constexpr bool is_handle = false;
};
#define VB_HANDLE_TYPE(handle, tag_value, c_name) \
  template <> \
  struct handle_type<struct handle> { \
    static constexpr bool is_handle = true; \
    static constexpr std::uint32_t tag = tag_value; \
    static constexpr const char* name = c_name; \
  };
VB_HANDLE_TYPE(vb_network, 0x56424e57, "vb_network_t")                  // "VBNW"
VB_HANDLE_TYPE(vb_graph, 0x56424752, "vb_graph_t")                      // "VBGR"
VB_HANDLE_TYPE(vb_timeline, 0x5642544c, "vb_timeline_t")                // "VBTL"
VB_HANDLE_TYPE(vb_assignment, 0x56424153, "vb_assignment_t")            // "VBAS"
VB_HANDLE_TYPE(vb_introduction_list, 0x5642494e, "vb_introductions_t")  // "VBIN"
VB_HANDLE_TYPE(vb_match_pair_list, 0x56424d50, "vb_match_pairs_t")      // "VBMP"
VB_HANDLE_TYPE(vb_table_list, 0x56425442, "vb_tables_t")                // "VBTB"
VB_HANDLE_TYPE(vb_influence, 0x5642494c, "vb_influence_t")              // "VBIL"
VB_HANDLE_TYPE(vb_cascades, 0x56424341, "vb_cascades_t")                // "VBCA"
VB_HANDLE_TYPE(vb_contacts, 0x5642434f, "vb_contacts_t")                // "VBCO"
VB_HANDLE_TYPE(vb_temporal, 0x56425450, "vb_temporal_t")                // "VBTP"
VB_HANDLE_TYPE(vb_store, 0x56425354, "vb_store_t")                      // "VBST"
VB_HANDLE_TYPE(vb_records, 0x56425243, "vb_records_t")                  // "VBRC"
VB_HANDLE_TYPE(vb_social_map, 0x5642534d, "vb_social_map_t")            // "VBSM"
#undef VB_HANDLE_TYPE

// The first member of every handle struct: `VB_HANDLE_TAG(vb_graph);`.
#define VB_HANDLE_TAG(handle) std::uint32_t tag = ::verbind::capi::handle_type<struct handle>::tag
// After the handle struct: its tag is at offset 0 and nothing (a vtable)
// comes before it. The handles hold C++ members, so they need not be
// standard-layout; GCC computes offsetof for them all the same.
#define VB_HANDLE_LAYOUT(handle) \
  _Pragma("GCC diagnostic push") _Pragma("GCC diagnostic ignored \"-Winvalid-offsetof\"") static_assert( \
      offsetof(struct handle, tag) == 0 && !std::is_polymorphic_v<struct handle>, \
      #handle ": the tag must be the first member"); \
  _Pragma("GCC diagnostic pop")

// Whether a non-NULL handle carries its type's tag.
template <class Handle>
bool has_handle_type(const Handle* handle) noexcept {
    std::uint32_t tag;
    std::memcpy(&tag, static_cast<const void*>(handle), sizeof tag);
    return tag == handle_type<std::remove_cv_t<Handle>>::tag;
}

// "argument 'graph' is not a vb_graph_t (a handle of another type?)"
template <class Handle>
std::string not_a_handle(const char* name) {
    return std::string("argument '") + name + "' is not a " + handle_type<std::remove_cv_t<Handle>>::name +
           " (a handle of another type?)";
}

}  // namespace verbind::capi

// The handles behind the opaque C types (the others are defined in the
// capi/*.cpp file of their area).
struct vb_network {
    VB_HANDLE_TAG(vb_network);
    verbind::Network network;
};
VB_HANDLE_LAYOUT(vb_network)

struct vb_graph {
    VB_HANDLE_TAG(vb_graph);
    verbind::Graph graph;
};
VB_HANDLE_LAYOUT(vb_graph)

namespace verbind::capi {

// Records the thread's last error message ("<function>: <what>"). Never
// throws: when even the message cannot be allocated, a fixed text stands in.
void set_error(const char* function, std::string_view what) noexcept;

// A C-side mistake (a NULL argument, a struct_size that is too small):
// reported as VB_ERROR_INVALID_ARGUMENT with `message` naming the argument;
// the function's name is put before it when it is recorded.
class argument_error {
public:
    explicit argument_error(std::string message) : message_(std::move(message)) {}
    const std::string& message() const noexcept { return message_; }

private:
    std::string message_;
};

// Maps the exception in flight to a status and records its message.
vb_status_t status_from_current_exception(const char* function) noexcept;

// Runs `body` (which returns nothing) and turns any exception into a status
// and message: the single place where C++ errors become C errors.
template <class F>
vb_status_t guarded(const char* function, F&& body) noexcept {
    try {
        body();
        return VB_OK;
    } catch (...) {
        return status_from_current_exception(function);
    }
}

// Throws argument_error "argument '<name>' is NULL". For a handle, the
// checked accessor of every function that takes one: also throws when it
// is a handle of another type ("argument 'graph' is not a vb_graph_t ...").
template <class T>
void require(const T* pointer, const char* name) {
    if (pointer == nullptr) throw argument_error(std::string("argument '") + name + "' is NULL");
    if constexpr (handle_type<std::remove_cv_t<T>>::is_handle)
        if (!has_handle_type(pointer)) throw argument_error(not_a_handle<T>(name));
}

// For the accessors that return a value instead of a status (counts, names):
// NULL gives false as before; a handle of another type gives false and
// records the error, for vb_last_error. Use VB_USABLE(handle).
template <class Handle>
bool usable(const Handle* handle, const char* function, const char* name) noexcept {
    if (handle == nullptr) return false;
    if (has_handle_type(handle)) return true;
    try {
        set_error(function, not_a_handle<Handle>(name));
    } catch (...) {
        set_error(function, "argument is a handle of another type");
    }
    return false;
}
#define VB_USABLE(handle) ::verbind::capi::usable(handle, __func__, #handle)

// For each vb_<type>_free: NULL gives false (nothing to free); a handle of
// another type gives false and records the error: nothing is freed. Use
// `if (VB_FREEABLE(handle)) delete handle;`.
template <class Handle>
bool freeable(const Handle* handle, const char* function, const char* name) noexcept {
    if (handle == nullptr) return false;
    if (has_handle_type(handle)) return true;
    try {
        set_error(function, not_a_handle<Handle>(name) + "; not freed");
    } catch (...) {
        set_error(function, "argument is a handle of another type; not freed");
    }
    return false;
}
#define VB_FREEABLE(handle) ::verbind::capi::freeable(handle, __func__, #handle)

// NULL and "" both mean "not given" for optional text.
inline std::string_view optional_text(const char* text) { return text ? std::string_view(text) : std::string_view(); }

// A C array of strings; NULL is allowed only with a count of 0.
std::vector<std::string> string_list(const char* const* items, std::size_t count, const char* name);

// Copies a caller's options struct into `out` (already holding defaults),
// reading only the fields this library knows. `first_size` is the size of
// the struct's first published version: anything smaller is refused. A
// struct larger than this library's (a program built against a newer
// header) is read when every byte this library does not know is 0, as
// clone3 does; a set unknown field is refused, never silently ignored.
template <class T>
void read_options(const T* given, std::size_t first_size, T& out, const char* type_name) {
    if (given == nullptr) return;
    if (given->struct_size < first_size)
        throw argument_error(std::string("argument 'options' (") + type_name + ") has struct_size " +
                             std::to_string(given->struct_size) + ", expected at least " +
                             std::to_string(first_size) + "; fill it with " +
                             std::string(type_name, std::strlen(type_name) - 2) + "_init first");
    if (given->struct_size > sizeof(T)) {
        const auto* bytes = reinterpret_cast<const unsigned char*>(given);
        for (std::size_t i = sizeof(T); i < given->struct_size; ++i)
            if (bytes[i] != 0)
                throw argument_error(std::string("argument 'options' (") + type_name + ") has struct_size " +
                                     std::to_string(given->struct_size) + ", larger than this library's " +
                                     std::to_string(sizeof(T)) + ", and sets a field it does not know (byte " +
                                     std::to_string(i) +
                                     " is not 0): the program was built against a newer "
                                     "verbind.h than this libverbind");
    }
    const std::size_t known = given->struct_size < sizeof(T) ? given->struct_size : sizeof(T);
    std::memcpy(static_cast<void*>(&out), given, known);
}

// Writes a result struct the caller owns and sized (its struct_size, set by
// the caller before the call): the fields this library knows that fit in
// it; struct_size itself is kept. Checked before any work by
// check_result_size, so a too-small struct is refused and nothing computed.
// A struct larger than this library's is refused too: the caller expects
// fields this library cannot fill (built against a newer verbind.h).
template <class T>
void check_result_size(const T* out, std::size_t first_size, const char* type_name) {
    if (out->struct_size < first_size)
        throw argument_error(std::string("argument 'out' (") + type_name + ") has struct_size " +
                             std::to_string(out->struct_size) + ", expected at least " + std::to_string(first_size) +
                             "; set it with " + std::string(type_name, std::strlen(type_name) - 2) + "_init first");
    if (out->struct_size > sizeof(T))
        throw argument_error(std::string("argument 'out' (") + type_name + ") has struct_size " +
                             std::to_string(out->struct_size) + ", larger than this library's " +
                             std::to_string(sizeof(T)) +
                             ": the program was built against a newer verbind.h than this libverbind");
}
template <class T>
void write_result(T* out, T value) {
    value.struct_size = out->struct_size;
    const std::size_t known = out->struct_size < sizeof(T) ? out->struct_size : sizeof(T);
    std::memcpy(static_cast<void*>(out), &value, known);
}

// Fills a caller's struct of `struct_size` bytes from `defaults`: the fields
// this library knows, zeros beyond them. A size below `first_size` cannot be
// a vb struct at all; then only struct_size is cleared (if it fits), so that
// a later call refuses the struct instead of reading garbage.
template <class T>
void init_options(T* options, std::size_t struct_size, std::size_t first_size, const T& defaults) noexcept {
    if (options == nullptr) return;
    if (struct_size < first_size) {
        if (struct_size >= sizeof(std::size_t)) options->struct_size = 0;
        return;
    }
    auto* bytes = reinterpret_cast<unsigned char*>(options);
    const std::size_t known = struct_size < sizeof(T) ? struct_size : sizeof(T);
    std::memcpy(bytes, &defaults, known);
    if (struct_size > known) std::memset(bytes + known, 0, struct_size - known);
    options->struct_size = struct_size;
}

// Size of an options struct's first published version: up to and including
// the field that was last when it was published. When a field is appended,
// leave the uses as they are, so that callers built before it keep working.
#define VB_FIRST_SIZE(type, last_field) (offsetof(type, last_field) + sizeof(type::last_field))

// An options struct with every field zero and struct_size set: the start of
// every *_defaults(), which then sets the fields whose default is not zero.
// The defaults come from a default-constructed C++ Options held as a
// function-local `static const` (GCC 12 at -O1, the sanitizer build, takes the
// std::optional members of a local one for uninitialised and fails -Werror).
template <class T>
T zeroed_options() noexcept {
    T o;
    std::memset(static_cast<void*>(&o), 0, sizeof o);
    o.struct_size = sizeof o;
    return o;
}

// A C progress callback as the core's ProgressCallback; NULL: none. A
// non-zero return from `fn` means go on.
inline verbind::ProgressCallback progress_of(vb_progress_fn fn, void* user_data) {
    if (fn == nullptr) return {};
    return [fn, user_data](double fraction) { return fn(fraction, user_data) != 0; };
}

// The model records of vb_network_add_*_ex and vb_store_add_*: each reads
// the caller's options struct (NULL: the defaults of its *_init) and
// converts it, naming the record in errors (for example "resident 'r1'
// field 'trained_on': malformed date ...").
verbind::ResidentInfo resident_info(const char* key, const vb_resident_options_t* options);
verbind::OrganisationInfo organisation_info(const char* kind, const vb_organisation_options_t* options);
verbind::TieInfo tie_info(const char* a, const char* b, const vb_tie_options_t* options);
verbind::EventInfo event_info(const char* key, const char* date, const char* kind, const vb_event_options_t* options);

// A copy of `text` for the caller, NUL-terminated, freed by vb_free
// (capi/memory.cpp records it so that vb_free can tell it from any other
// pointer).
char* library_string(std::string_view text);

// A caller's vb_export_options_t (NULL: the defaults of the C++
// ExportOptions) as ExportOptions; argument_error for a bad struct_size
// (capi/io.cpp; the GraphML writer in capi/store.cpp reads it too).
verbind::ExportOptions export_options(const vb_export_options_t* options);

// A caller's vb_social_map_options_t (NULL: the defaults of
// vb_social_map_options_init, which come from the C++ SocialMapOptions) as
// SocialMapOptions; a bad date names "argument 'options' field 'start'"
// ('end'). The one conversion of vb_social_map_json and vb_social_map
// (capi/socialmap.cpp).
verbind::SocialMapOptions social_map_options(const vb_social_map_options_t* options);

// A caller's vb_centrality_options_t (NULL: vb_centrality_options_init's
// defaults); argument_error for a bad struct_size. And the one conversion
// of it to the C++ options of betweenness and of closeness/harmonic (both
// unweighted unless `weighted` is positive), for vb_centrality and the
// vb_collective_* centralities (capi/socialmap.cpp).
vb_centrality_options_t centrality_options(const vb_centrality_options_t* options);
verbind::BetweennessOptions betweenness_options(const vb_centrality_options_t& options);
verbind::DistanceOptions distance_options(const vb_centrality_options_t& options);

// The integer a caller stored in an enum field. C allows any int there, but
// in C++ loading a value outside the enumeration is undefined, so the bytes
// are read as the underlying integer instead, as a signed number: C's enum
// constants are ints, so a caller's -1 reads as -1 (GCC gives an enum
// without negative constants an unsigned underlying type).
template <class Enum>
long long enum_value(const Enum& field) {
    std::make_signed_t<std::underlying_type_t<Enum>> value;
    static_assert(sizeof value == sizeof field);
    std::memcpy(&value, &field, sizeof value);
    return static_cast<long long>(value);
}

// A vb_period_t as the core's Period; argument_error for a value outside the
// enum (defined in capi/evaluate.cpp).
verbind::Period period_of(const vb_period_t& period);
// The other way, for the _init defaults read from the C++ options.
vb_period_t c_period_of(verbind::Period period);

// Creates a handle holding `value` for an out-parameter.
template <class Handle, class Value>
Handle* make_handle(Value&& value) {
    return new Handle{handle_type<Handle>::tag, std::forward<Value>(value)};
}

}  // namespace verbind::capi
