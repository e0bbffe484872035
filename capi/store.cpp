// The C ABI of the store and privacy capability (capi/include/verbind.h,
// section "store").
#include "capi_internal.hpp"

#include "verbind/io/graphml.hpp"
#include "verbind/privacy/pseudonymise.hpp"
#include "verbind/privacy/suppress.hpp"
#include "verbind/store/store.hpp"

struct vb_store {
    VB_HANDLE_TAG(vb_store);
    verbind::Store store;
};
VB_HANDLE_LAYOUT(vb_store)

using namespace verbind::capi;

namespace {

constexpr std::size_t suppression_options_first_size = VB_FIRST_SIZE(vb_suppression_options_t, min_cell);

// Read from a default-constructed SuppressionOptions, never restated.
vb_suppression_options_t suppression_defaults() {
    static const verbind::SuppressionOptions core;
    auto o = zeroed_options<vb_suppression_options_t>();
    o.min_cell = core.min_cell;
    return o;
}

}  // namespace

extern "C" {

vb_status_t vb_network_save(const vb_network_t* net, const char* path) {
    return guarded("vb_network_save", [&] {
        require(net, "net");
        require(path, "path");
        verbind::save(net->network, path);
    });
}

vb_status_t vb_network_load(const char* path, vb_network_t** out) {
    return guarded("vb_network_load", [&] {
        require(out, "out");
        *out = nullptr;
        require(path, "path");
        *out = make_handle<vb_network>(verbind::load(path));
    });
}

int vb_store_schema_version(void) { return verbind::store_schema_version; }

vb_status_t vb_network_mark_sensitive_event(vb_network_t* net, const char* event) {
    return guarded("vb_network_mark_sensitive_event", [&] {
        require(net, "net");
        require(event, "event");
        net->network.mark_sensitive_event(event);
    });
}

vb_status_t vb_network_mark_sensitive_tie_kind(vb_network_t* net, const char* kind) {
    return guarded("vb_network_mark_sensitive_tie_kind", [&] {
        require(net, "net");
        require(kind, "kind");
        net->network.mark_sensitive_tie_kind(kind);
    });
}

vb_status_t vb_store_open(const char* path, vb_store_t** out) {
    return guarded("vb_store_open", [&] {
        require(out, "out");
        *out = nullptr;
        require(path, "path");
        *out = make_handle<vb_store>(verbind::Store::open(path));
    });
}

void vb_store_free(vb_store_t* store) {
    if (VB_FREEABLE(store)) delete store;
}

vb_status_t vb_store_network(const vb_store_t* store, vb_network_t** out) {
    return guarded("vb_store_network", [&] {
        require(out, "out");
        *out = nullptr;
        require(store, "store");
        *out = make_handle<vb_network>(verbind::Network(store->store.network()));
    });
}

vb_status_t vb_store_add_resident(vb_store_t* store, const char* key, const vb_resident_options_t* options) {
    return guarded("vb_store_add_resident", [&] {
        require(store, "store");
        require(key, "key");
        store->store.add_resident(key, resident_info(key, options));
    });
}

vb_status_t vb_store_add_organisation(vb_store_t* store, const char* key, const char* kind,
                                      const vb_organisation_options_t* options) {
    return guarded("vb_store_add_organisation", [&] {
        require(store, "store");
        require(key, "key");
        require(kind, "kind");
        store->store.add_organisation(key, organisation_info(kind, options));
    });
}

vb_status_t vb_store_add_tie(vb_store_t* store, const char* a, const char* b, const char* kind,
                             const vb_tie_options_t* options) {
    return guarded("vb_store_add_tie", [&] {
        require(store, "store");
        require(a, "a");
        require(b, "b");
        require(kind, "kind");
        store->store.add_tie(a, b, kind, tie_info(a, b, options));
    });
}

vb_status_t vb_store_add_event(vb_store_t* store, const char* key, const char* date, const char* kind,
                               const vb_event_options_t* options) {
    return guarded("vb_store_add_event", [&] {
        require(store, "store");
        require(key, "key");
        require(date, "date");
        require(kind, "kind");
        store->store.add_event(key, event_info(key, date, kind, options));
    });
}

vb_status_t vb_store_add_organiser(vb_store_t* store, const char* event, const char* actor) {
    return guarded("vb_store_add_organiser", [&] {
        require(store, "store");
        require(event, "event");
        require(actor, "actor");
        store->store.add_organiser(event, actor);
    });
}

vb_status_t vb_store_attend(vb_store_t* store, const char* event, const char* actor, const char* brought_by) {
    return guarded("vb_store_attend", [&] {
        require(store, "store");
        require(event, "event");
        require(actor, "actor");
        store->store.attend(event, actor, optional_text(brought_by));
    });
}

vb_status_t vb_store_mark_sensitive(vb_store_t* store, const char* group) {
    return guarded("vb_store_mark_sensitive", [&] {
        require(store, "store");
        require(group, "group");
        store->store.mark_sensitive(group);
    });
}

vb_status_t vb_store_mark_sensitive_event(vb_store_t* store, const char* event) {
    return guarded("vb_store_mark_sensitive_event", [&] {
        require(store, "store");
        require(event, "event");
        store->store.mark_sensitive_event(event);
    });
}

vb_status_t vb_store_mark_sensitive_tie_kind(vb_store_t* store, const char* kind) {
    return guarded("vb_store_mark_sensitive_tie_kind", [&] {
        require(store, "store");
        require(kind, "kind");
        store->store.mark_sensitive_tie_kind(kind);
    });
}

vb_status_t vb_store_remove(vb_store_t* store, const char* actor) {
    return guarded("vb_store_remove", [&] {
        require(store, "store");
        require(actor, "actor");
        store->store.remove(actor);
    });
}

vb_status_t vb_store_remove_event(vb_store_t* store, const char* event) {
    return guarded("vb_store_remove_event", [&] {
        require(store, "store");
        require(event, "event");
        store->store.remove_event(event);
    });
}

vb_status_t vb_store_replace(vb_store_t* store, const vb_network_t* net) {
    return guarded("vb_store_replace", [&] {
        require(store, "store");
        require(net, "net");
        store->store.replace(net->network);
    });
}

vb_status_t vb_store_compact(vb_store_t* store) {
    return guarded("vb_store_compact", [&] {
        require(store, "store");
        store->store.compact();
    });
}

vb_status_t vb_network_write_graphml(const vb_network_t* net, const char* path, const vb_export_options_t* options) {
    return guarded("vb_network_write_graphml", [&] {
        require(net, "net");
        require(path, "path");
        verbind::write_graphml(net->network, path, export_options(options));
    });
}

vb_status_t vb_network_pseudonymise(const vb_network_t* net, const uint8_t* secret, size_t secret_size,
                                    vb_network_t** out) {
    return guarded("vb_network_pseudonymise", [&] {
        require(out, "out");
        *out = nullptr;
        require(net, "net");
        require(secret, "secret");
        const std::string_view s(reinterpret_cast<const char*>(secret), secret_size);
        *out = make_handle<vb_network>(verbind::pseudonymise(net->network, s));
    });
}

vb_status_t vb_pseudonym(const uint8_t* secret, size_t secret_size, const char* key, vb_key_domain_t domain,
                         char* buffer, size_t buffer_size) {
    return guarded("vb_pseudonym", [&] {
        require(secret, "secret");
        require(key, "key");
        require(buffer, "buffer");
        verbind::KeyDomain core_domain = verbind::KeyDomain::actor;
        switch (enum_value(domain)) {
            case VB_KEY_ACTOR: core_domain = verbind::KeyDomain::actor; break;
            case VB_KEY_EVENT: core_domain = verbind::KeyDomain::event; break;
            default:
                throw argument_error("argument 'domain' is " + std::to_string(enum_value(domain)) +
                                     ", not a vb_key_domain_t");
        }
        if (buffer_size < 65)
            throw argument_error("argument 'buffer_size' is " + std::to_string(buffer_size) + ", needs at least 65");
        const std::string_view s(reinterpret_cast<const char*>(secret), secret_size);
        const std::string hex = verbind::pseudonym(s, key, core_domain);
        std::memcpy(buffer, hex.c_str(), hex.size() + 1);
    });
}

void vb_suppression_options_init_sized(vb_suppression_options_t* options, size_t struct_size) {
    init_options(options, struct_size, suppression_options_first_size, suppression_defaults());
}

vb_status_t vb_suppress_small_cells(const uint64_t* counts, size_t rows, size_t cols,
                                    const vb_suppression_options_t* given, uint8_t* marks, uint64_t* table) {
    return guarded("vb_suppress_small_cells", [&] {
        require(counts, "counts");
        require(marks, "marks");
        if (rows != 0 && cols > static_cast<size_t>(-1) / rows) throw argument_error("rows * cols overflows");
        vb_suppression_options_t o = suppression_defaults();
        read_options(given, suppression_options_first_size, o, "vb_suppression_options_t");
        const std::vector<std::uint64_t> cells(counts, counts + rows * cols);
        verbind::SuppressionOptions options;
        options.min_cell = o.min_cell;
        const auto t = verbind::suppress_small_cells(cells, rows, cols, options);
        for (std::size_t i = 0; i < t.counts.size(); ++i) {
            marks[i] = static_cast<uint8_t>(t.primary[i] ? 1 : t.suppressed[i] ? 2 : 0);
            if (table) table[i] = t.counts[i];
        }
    });
}

}  // extern "C"
