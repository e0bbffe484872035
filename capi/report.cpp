// The C ABI of the report: the HTML file, or the same as a string.
#include "capi_internal.hpp"

#include "verbind/report/report.hpp"
#include "verbind/util/random.hpp"

#include <cstring>

using namespace verbind::capi;

namespace {

constexpr std::size_t report_options_first_size = VB_FIRST_SIZE(vb_report_options_t, progress_data);

vb_report_options_t report_defaults() {
    static const verbind::ReportOptions core;
    auto o = zeroed_options<vb_report_options_t>();
    o.period = c_period_of(core.period);
    o.top = core.top;
    o.train = core.train;
    o.seed = verbind::seed_or_default(core.seed);
    o.max_drawn_nodes = core.max_drawn_nodes;
    o.min_cell = core.min_cell;
    o.include_sensitive = core.include_sensitive ? 1 : 0;
    o.threads = core.threads;
    return o;
}

verbind::ReportOptions report_options(const vb_report_options_t* options) {
    vb_report_options_t given = report_defaults();
    read_options(options, report_options_first_size, given, "vb_report_options_t");
    verbind::ReportOptions o;
    o.municipality = std::string(optional_text(given.municipality));
    o.period = period_of(given.period);
    o.top = given.top;
    o.train = given.train;
    o.seed = given.seed;
    o.max_drawn_nodes = given.max_drawn_nodes;
    o.min_cell = given.min_cell;
    o.include_sensitive = given.include_sensitive != 0;
    o.title = std::string(optional_text(given.title));
    o.threads = given.threads;
    const std::string_view lang = optional_text(given.lang);
    o.lang = lang.empty() ? verbind::ReportOptions().lang : std::string(lang);
    if (given.progress) {
        const vb_progress_fn fn = given.progress;
        void* data = given.progress_data;
        o.progress = [fn, data](double fraction) { return fn(fraction, data) != 0; };
    }
    return o;
}

}  // namespace

extern "C" {

void vb_report_options_init_sized(vb_report_options_t* options, size_t struct_size) {
    init_options(options, struct_size, report_options_first_size, report_defaults());
}

vb_status_t vb_report_write(const vb_network_t* net, const vb_report_options_t* options, const char* path) {
    return guarded("vb_report_write", [&] {
        require(net, "net");
        require(path, "path");
        verbind::write_report(net->network, report_options(options), std::string(path));
    });
}

vb_status_t vb_report_html(const vb_network_t* net, const vb_report_options_t* options, char** html, size_t* length) {
    if (html) *html = nullptr;
    if (length) *length = 0;
    return guarded("vb_report_html", [&] {
        require(html, "html");
        require(net, "net");
        const std::string text = verbind::report_html(net->network, report_options(options));
        *html = library_string(text);
        if (length) *length = text.size();
    });
}


}  // extern "C"
