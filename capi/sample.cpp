// The C ABI for the ready-made networks: the sample programme and Davis's
// Southern Women.
#include "capi_internal.hpp"

#include "verbind/model/sample.hpp"

extern "C" {

vb_status_t vb_network_sample_programme(uint64_t seed, vb_network_t** out) {
    static const char fn[] = "vb_network_sample_programme";
    return verbind::capi::guarded(fn, [&] {
        verbind::capi::require(out, "out");
        *out = nullptr;
        verbind::SampleOptions options;
        options.seed = seed;
        *out = verbind::capi::make_handle<vb_network>(verbind::sample_programme(options));
    });
}

vb_status_t vb_network_davis_southern_women(vb_network_t** out) {
    static const char fn[] = "vb_network_davis_southern_women";
    return verbind::capi::guarded(fn, [&] {
        verbind::capi::require(out, "out");
        *out = nullptr;
        *out = verbind::capi::make_handle<vb_network>(verbind::davis_southern_women());
    });
}

}  // extern "C"
