// The C ABI for reading and writing whole Networks (CSV folders, JSON).
#include "capi_internal.hpp"

#include "verbind/io/io.hpp"

extern "C" {

vb_status_t vb_network_read_csv(const char* folder, vb_network_t** out) {
    static const char fn[] = "vb_network_read_csv";
    return verbind::capi::guarded(fn, [&] {
        verbind::capi::require(out, "out");
        *out = nullptr;
        verbind::capi::require(folder, "folder");
        *out = verbind::capi::make_handle<vb_network>(verbind::read_csv(folder));
    });
}

vb_status_t vb_network_write_csv(const vb_network_t* net, const char* folder, int include_sensitive) {
    static const char fn[] = "vb_network_write_csv";
    return verbind::capi::guarded(fn, [&] {
        verbind::capi::require(net, "net");
        verbind::capi::require(folder, "folder");
        verbind::ExportOptions options;
        options.include_sensitive = include_sensitive != 0;
        verbind::write_csv(net->network, folder, options);
    });
}

vb_status_t vb_network_read_json(const char* path, vb_network_t** out) {
    static const char fn[] = "vb_network_read_json";
    return verbind::capi::guarded(fn, [&] {
        verbind::capi::require(out, "out");
        *out = nullptr;
        verbind::capi::require(path, "path");
        *out = verbind::capi::make_handle<vb_network>(verbind::read_json(path));
    });
}

vb_status_t vb_network_write_json(const vb_network_t* net, const char* path, int include_sensitive) {
    static const char fn[] = "vb_network_write_json";
    return verbind::capi::guarded(fn, [&] {
        verbind::capi::require(net, "net");
        verbind::capi::require(path, "path");
        verbind::ExportOptions options;
        options.include_sensitive = include_sensitive != 0;
        verbind::write_json(net->network, path, options);
    });
}

vb_status_t vb_network_read(const char* path, vb_network_t** out) {
    static const char fn[] = "vb_network_read";
    return verbind::capi::guarded(fn, [&] {
        verbind::capi::require(out, "out");
        *out = nullptr;
        verbind::capi::require(path, "path");
        *out = verbind::capi::make_handle<vb_network>(verbind::read_network(path));
    });
}

vb_status_t vb_network_import_csv(vb_network_t* net, const char* folder) {
    static const char fn[] = "vb_network_import_csv";
    return verbind::capi::guarded(fn, [&] {
        verbind::capi::require(net, "net");
        verbind::capi::require(folder, "folder");
        verbind::import_csv(net->network, folder);
    });
}

vb_status_t vb_network_import_json(vb_network_t* net, const char* path) {
    static const char fn[] = "vb_network_import_json";
    return verbind::capi::guarded(fn, [&] {
        verbind::capi::require(net, "net");
        verbind::capi::require(path, "path");
        verbind::import_json(net->network, path);
    });
}

}  // extern "C"
