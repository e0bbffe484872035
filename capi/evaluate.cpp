// The C ABI of the evaluation capability: the timeline of metrics per period
// and area.
#include "capi_internal.hpp"

#include "verbind/error.hpp"
#include "verbind/evaluate/timeline.hpp"
#include "verbind/util/random.hpp"

#include <limits>
#include <memory>

using namespace verbind;
using namespace verbind::capi;

namespace verbind::capi {

verbind::Period period_of(const vb_period_t& period) {
    switch (enum_value(period)) {
        case VB_PERIOD_WEEK: return verbind::Period::week;
        case VB_PERIOD_MONTH: return verbind::Period::month;
        case VB_PERIOD_QUARTER: return verbind::Period::quarter;
        case VB_PERIOD_YEAR: return verbind::Period::year;
    }
    throw argument_error("field 'period' is not a vb_period_t: " + std::to_string(enum_value(period)));
}

vb_period_t c_period_of(verbind::Period period) {
    switch (period) {
        case verbind::Period::week: return VB_PERIOD_WEEK;
        case verbind::Period::month: return VB_PERIOD_MONTH;
        case verbind::Period::quarter: return VB_PERIOD_QUARTER;
        case verbind::Period::year: return VB_PERIOD_YEAR;
    }
    return VB_PERIOD_MONTH;
}

}  // namespace verbind::capi

struct vb_timeline {
    VB_HANDLE_TAG(vb_timeline);
    Timeline timeline;
    std::vector<std::string> period_starts;  // "YYYY-MM-DD", per period
};
VB_HANDLE_LAYOUT(vb_timeline)

namespace {

constexpr std::size_t timeline_options_first_size = VB_FIRST_SIZE(vb_timeline_options_t, friending_days);
constexpr std::size_t timeline_record_first_size = VB_FIRST_SIZE(vb_timeline_record_t, status);
constexpr std::size_t timeline_metric_first_size = VB_FIRST_SIZE(vb_timeline_metric_t, description);

vb_area_level_t c_area_level_of(AreaLevel level) {
    switch (level) {
        case AreaLevel::municipality: return VB_AREA_MUNICIPALITY;
        case AreaLevel::neighbourhood: return VB_AREA_NEIGHBOURHOOD;
        case AreaLevel::programme: return VB_AREA_PROGRAMME;
    }
    return VB_AREA_MUNICIPALITY;
}

// Read from a default-constructed TimelineOptions, never restated.
vb_timeline_options_t timeline_defaults() {
    static const TimelineOptions core;
    auto o = zeroed_options<vb_timeline_options_t>();
    o.period = c_period_of(core.period);
    o.by = c_area_level_of(core.by);
    o.min_cell = core.min_cell;
    o.include_sensitive = core.include_sensitive ? 1 : 0;
    o.permutations = core.permutations;
    o.seed = seed_or_default(core.seed);
    o.threads = core.threads;
    o.friending_days = core.friending_days;
    return o;
}

AreaLevel area_level_of(const vb_area_level_t& level) {
    switch (enum_value(level)) {
        case VB_AREA_MUNICIPALITY: return AreaLevel::municipality;
        case VB_AREA_NEIGHBOURHOOD: return AreaLevel::neighbourhood;
        case VB_AREA_PROGRAMME: return AreaLevel::programme;
    }
    throw argument_error("field 'by' is not a vb_area_level_t: " + std::to_string(enum_value(level)));
}

vb_value_status_t status_of(ValueStatus status) {
    switch (status) {
        case ValueStatus::ok: return VB_VALUE_OK;
        case ValueStatus::suppressed: return VB_VALUE_SUPPRESSED;
        case ValueStatus::no_data: return VB_VALUE_NO_DATA;
    }
    return VB_VALUE_NO_DATA;
}

const char* nth(const std::vector<std::string>& items, std::size_t index) {
    return index < items.size() ? items[index].c_str() : nullptr;
}

}  // namespace

void vb_timeline_options_init_sized(vb_timeline_options_t* options, size_t struct_size) {
    init_options(options, struct_size, timeline_options_first_size, timeline_defaults());
}

vb_status_t vb_timeline(const vb_network_t* net, const vb_timeline_options_t* options, vb_timeline_t** out) {
    if (out) *out = nullptr;
    return guarded("vb_timeline", [&] {
        require(net, "net");
        require(out, "out");
        vb_timeline_options_t given = timeline_defaults();
        read_options(options, timeline_options_first_size, given, "vb_timeline_options_t");
        TimelineOptions o;
        o.period = period_of(given.period);
        o.by = area_level_of(given.by);
        o.start = parse_optional_date(optional_text(given.start), "timeline: field 'start'");
        o.end = parse_optional_date(optional_text(given.end), "timeline: field 'end'");
        o.min_cell = given.min_cell;
        o.include_sensitive = given.include_sensitive != 0;
        o.permutations = given.permutations;
        o.seed = given.seed;
        o.threads = given.threads;
        o.progress = progress_of(given.progress, given.progress_data);
        o.groups = string_list(given.groups, given.group_count, "groups");
        o.friending_days = given.friending_days;
        auto result = std::make_unique<vb_timeline_t>();
        result->timeline = timeline(net->network, o);
        const std::size_t periods = result->timeline.periods.size();
        if (periods > 0) {
            const std::size_t per_period = result->timeline.records.size() / periods;
            for (std::size_t p = 0; p < periods; ++p)
                result->period_starts.push_back(format_date(result->timeline.records[p * per_period].period_start));
        }
        *out = result.release();
    });
}

void vb_timeline_free(vb_timeline_t* timeline) {
    if (VB_FREEABLE(timeline)) delete timeline;
}

size_t vb_timeline_count(const vb_timeline_t* timeline) {
    return VB_USABLE(timeline) ? timeline->timeline.records.size() : 0;
}

vb_status_t vb_timeline_record(const vb_timeline_t* timeline, size_t index, vb_timeline_record_t* out) {
    return guarded("vb_timeline_record", [&] {
        require(out, "out");
        check_result_size(out, timeline_record_first_size, "vb_timeline_record_t");
        require(timeline, "timeline");
        const auto& records = timeline->timeline.records;
        if (index >= records.size())
            throw not_found_error("record " + std::to_string(index) + " is out of range (the timeline has " +
                                  std::to_string(records.size()) + ")");
        const TimelineRecord& r = records[index];
        write_result(out, vb_timeline_record_t{0, r.period.c_str(), r.area.c_str(), r.metric.c_str(),
                                               r.value ? *r.value : std::numeric_limits<double>::quiet_NaN(),
                                               status_of(r.status)});
    });
}

size_t vb_timeline_period_count(const vb_timeline_t* timeline) {
    return VB_USABLE(timeline) ? timeline->timeline.periods.size() : 0;
}
const char* vb_timeline_period(const vb_timeline_t* timeline, size_t index) {
    return VB_USABLE(timeline) ? nth(timeline->timeline.periods, index) : nullptr;
}
const char* vb_timeline_period_start(const vb_timeline_t* timeline, size_t index) {
    return VB_USABLE(timeline) ? nth(timeline->period_starts, index) : nullptr;
}
size_t vb_timeline_area_count(const vb_timeline_t* timeline) {
    return VB_USABLE(timeline) ? timeline->timeline.areas.size() : 0;
}
const char* vb_timeline_area(const vb_timeline_t* timeline, size_t index) {
    return VB_USABLE(timeline) ? nth(timeline->timeline.areas, index) : nullptr;
}
const char* vb_timeline_note(const vb_timeline_t* timeline) {
    return VB_USABLE(timeline) ? timeline->timeline.note.c_str() : "";
}

size_t vb_timeline_metric_count(void) { return timeline_metrics().size(); }

vb_status_t vb_timeline_metric(size_t index, vb_timeline_metric_t* out) {
    return guarded("vb_timeline_metric", [&] {
        require(out, "out");
        check_result_size(out, timeline_metric_first_size, "vb_timeline_metric_t");
        const auto& metrics = timeline_metrics();
        if (index >= metrics.size())
            throw not_found_error("metric " + std::to_string(index) + " is out of range (there are " +
                                  std::to_string(metrics.size()) + ")");
        write_result(out, vb_timeline_metric_t{0, metrics[index].name.c_str(), metrics[index].unit.c_str(),
                                               metrics[index].description.c_str()});
    });
}

const char* vb_value_status_string(vb_value_status_t status) {
    switch (enum_value(status)) {
        case VB_VALUE_OK: return "ok";
        case VB_VALUE_SUPPRESSED: return "suppressed";
        case VB_VALUE_NO_DATA: return "no data";
    }
    return "unknown status";
}
