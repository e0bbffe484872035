// The C ABI for the ready-made networks: the sample programme and Davis's
// Southern Women.
#include "capi_internal.hpp"

#include "verbind/datasets/davis.hpp"
#include "verbind/datasets/sample.hpp"

using namespace verbind::capi;

namespace {

constexpr std::size_t sample_options_first_size = VB_FIRST_SIZE(vb_sample_options_t, scale);

// Read from a default-constructed SampleOptions, never restated.
vb_sample_options_t sample_defaults() {
    static const verbind::SampleOptions core;
    auto o = zeroed_options<vb_sample_options_t>();
    o.seed = core.seed;
    o.scale = core.scale;
    return o;
}

}  // namespace

extern "C" {

void vb_sample_options_init_sized(vb_sample_options_t* options, size_t struct_size) {
    init_options(options, struct_size, sample_options_first_size, sample_defaults());
}

vb_status_t vb_network_sample_programme(const vb_sample_options_t* options, vb_network_t** out) {
    static const char fn[] = "vb_network_sample_programme";
    return guarded(fn, [&] {
        require(out, "out");
        *out = nullptr;
        vb_sample_options_t o = sample_defaults();
        read_options(options, sample_options_first_size, o, "vb_sample_options_t");
        verbind::SampleOptions core;
        core.seed = o.seed;
        core.scale = o.scale;
        *out = make_handle<vb_network>(verbind::sample_programme(core));
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
