// The C ABI for reading and writing whole Networks (CSV folders, JSON).
#include "capi_internal.hpp"

#include "verbind/io/io.hpp"

#include <cstddef>
#include <string>
#include <vector>

#undef vb_csv_options_init

using namespace verbind::capi;

namespace {

constexpr std::size_t csv_options_first_size = VB_FIRST_SIZE(vb_csv_options_t, warning_data);
constexpr std::size_t export_options_first_size = VB_FIRST_SIZE(vb_export_options_t, include_sensitive);

// Read from a default-constructed ExportOptions, never restated.
vb_export_options_t export_defaults() {
    static const verbind::ExportOptions core;
    auto o = zeroed_options<vb_export_options_t>();
    o.include_sensitive = core.include_sensitive ? 1 : 0;
    return o;
}

// Read from a default-constructed CsvOptions, never restated; encoding stays
// NULL, which means the C++ default (UTF-8).
vb_csv_options_t csv_defaults() {
    static const verbind::CsvOptions core;
    auto o = zeroed_options<vb_csv_options_t>();
    o.delimiter = core.delimiter;
    o.dayfirst = core.dayfirst ? 1 : 0;
    return o;
}

// The caller's struct (NULL: defaults) as CsvOptions, and its callback.
struct CsvCall {
    verbind::CsvOptions options;
    void (*warning)(const char*, void*) = nullptr;
    void* warning_data = nullptr;
};

CsvCall csv_call(const vb_csv_options_t* given) {
    vb_csv_options_t o = csv_defaults();
    read_options(given, csv_options_first_size, o, "vb_csv_options_t");
    CsvCall call;
    call.options.delimiter = o.delimiter;
    if (o.encoding != nullptr) call.options.encoding = verbind::parse_csv_encoding(o.encoding);
    call.options.dayfirst = o.dayfirst != 0;
    if (o.column_count > 0) {
        require(o.column_from, "options.column_from");
        require(o.column_to, "options.column_to");
    }
    for (std::size_t i = 0; i < o.column_count; ++i) {
        const std::string at = std::to_string(i);
        if (o.column_from[i] == nullptr) throw argument_error("argument 'options.column_from[" + at + "]' is NULL");
        if (o.column_to[i] == nullptr) throw argument_error("argument 'options.column_to[" + at + "]' is NULL");
        const char* file = o.column_files ? o.column_files[i] : nullptr;
        call.options.columns.push_back({file ? file : "", o.column_from[i], o.column_to[i]});
    }
    call.warning = o.warning;
    call.warning_data = o.warning_data;
    call.options.progress = progress_of(o.progress, o.progress_data);
    return call;
}

void report_warnings(const CsvCall& call, const std::vector<std::string>& warnings) {
    if (call.warning == nullptr) return;
    for (const auto& warning : warnings) call.warning(warning.c_str(), call.warning_data);
}

}  // namespace

verbind::ExportOptions verbind::capi::export_options(const vb_export_options_t* options) {
    vb_export_options_t o = export_defaults();
    read_options(options, export_options_first_size, o, "vb_export_options_t");
    verbind::ExportOptions out;
    out.include_sensitive = o.include_sensitive != 0;
    return out;
}

extern "C" {

void vb_csv_options_init_sized(vb_csv_options_t* options, size_t struct_size) {
    init_options(options, struct_size, csv_options_first_size, csv_defaults());
}

vb_status_t vb_network_read_csv(const char* folder, const vb_csv_options_t* options, vb_network_t** out) {
    static const char fn[] = "vb_network_read_csv";
    std::vector<std::string> warnings;
    CsvCall call;
    const vb_status_t status = guarded(fn, [&] {
        require(out, "out");
        *out = nullptr;
        require(folder, "folder");
        call = csv_call(options);
        *out = make_handle<vb_network>(verbind::read_csv(folder, call.options, &warnings));
    });
    // Outside the guard: the callback is the caller's code, called once the
    // network is read.
    if (status == VB_OK) report_warnings(call, warnings);
    return status;
}

vb_status_t vb_network_import_csv(vb_network_t* net, const char* folder, const vb_csv_options_t* options) {
    static const char fn[] = "vb_network_import_csv";
    std::vector<std::string> warnings;
    CsvCall call;
    const vb_status_t status = guarded(fn, [&] {
        require(net, "net");
        require(folder, "folder");
        call = csv_call(options);
        verbind::import_csv(net->network, folder, call.options, &warnings);
    });
    if (status == VB_OK) report_warnings(call, warnings);
    return status;
}

void vb_export_options_init_sized(vb_export_options_t* options, size_t struct_size) {
    init_options(options, struct_size, export_options_first_size, export_defaults());
}

vb_status_t vb_network_write_csv(const vb_network_t* net, const char* folder, const vb_export_options_t* options) {
    static const char fn[] = "vb_network_write_csv";
    return verbind::capi::guarded(fn, [&] {
        verbind::capi::require(net, "net");
        verbind::capi::require(folder, "folder");
        verbind::write_csv(net->network, folder, export_options(options));
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

vb_status_t vb_network_write_json(const vb_network_t* net, const char* path, const vb_export_options_t* options) {
    static const char fn[] = "vb_network_write_json";
    return verbind::capi::guarded(fn, [&] {
        verbind::capi::require(net, "net");
        verbind::capi::require(path, "path");
        verbind::write_json(net->network, path, export_options(options));
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


vb_status_t vb_network_import_json(vb_network_t* net, const char* path) {
    static const char fn[] = "vb_network_import_json";
    return verbind::capi::guarded(fn, [&] {
        verbind::capi::require(net, "net");
        verbind::capi::require(path, "path");
        verbind::import_json(net->network, path);
    });
}

}  // extern "C"
