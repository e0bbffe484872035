// Evaluation over time: one pass over the network's dated records into
// per-period, per-area tallies, then suppression of all of them as one linked
// system (every period, area and the counts behind every ratio). Definitions
// of every metric: docs/evaluate.md; the suppression rule: docs/privacy.md.
// The work is in the files beside this one (timeline_parts.hpp): the frame
// (timeline_frame.cpp), the counting (timeline_counts.cpp) and the
// suppression into values (timeline_values.cpp).
#include "verbind/evaluate/timeline.hpp"

#include "timeline_parts.hpp"
#include "verbind/error.hpp"

namespace verbind {

std::string_view to_string(Period period) noexcept {
    switch (period) {
        case Period::week: return "week";
        case Period::month: return "month";
        case Period::quarter: return "quarter";
        case Period::year: return "year";
    }
    return "?";
}

Period parse_period(std::string_view text) {
    for (Period p : {Period::week, Period::month, Period::quarter, Period::year})
        if (text == to_string(p)) return p;
    throw input_error("timeline: field 'period': unknown period '" + std::string(text) +
                      "' (expected week, month, quarter or year)");
}

std::string_view to_string(AreaLevel level) noexcept {
    switch (level) {
        case AreaLevel::municipality: return "municipality";
        case AreaLevel::neighbourhood: return "neighbourhood";
        case AreaLevel::programme: return "programme";
    }
    return "?";
}

AreaLevel parse_area_level(std::string_view text) {
    for (AreaLevel l : {AreaLevel::municipality, AreaLevel::neighbourhood, AreaLevel::programme})
        if (text == to_string(l)) return l;
    throw input_error("timeline: field 'by': unknown area level '" + std::string(text) +
                      "' (expected municipality, neighbourhood or programme)");
}

std::string_view to_string(ValueStatus status) noexcept {
    switch (status) {
        case ValueStatus::ok: return "ok";
        case ValueStatus::suppressed: return "suppressed";
        case ValueStatus::no_data: return "no data";
    }
    return "?";
}

const std::vector<MetricInfo>& timeline_metrics() {
    static const std::vector<MetricInfo> metrics = {
        {"active_residents", "people", "Residents who attended an event or had a tie start in the period."},
        {"newcomers", "people", "Residents whose first attendance ever falls in the period."},
        {"newly_reached", "people",
         "Residents reached for the first time in the period: their first attendance, or their first tie "
         "starting within the timeline."},
        {"reach_growth", "ratio",
         "Residents newly reached in the period divided by those reached before the period began."},
        {"new_ties", "ties", "Ties that started in the period."},
        {"lost_ties", "ties", "Ties that ended in the period."},
        {"bridging_share", "share",
         "Of the new ties between residents with declared groups, the share between different groups (bridging)."},
        {"ei_index", "index",
         "Krackhardt-Stern E-I index of the ties between residents active in the period, over declared groups."},
        {"expected_ei_index", "index",
         "The E-I index expected under random mixing: mean over seeded permutations of the groups."},
        {"exposure", "pairs", "Pairs of residents of different groups who attended the same event in the period."},
        {"friending", "share",
         "Of the cross-group pairs who first co-attended an event in the period, the share who formed a tie "
         "within the friending window after it."},
        {"retention", "share",
         "Of the residents who attended an event in the period, the share who attended again "
         "in a later period of the timeline."},
        {"bring_along_rate", "share", "Share of the period's attendances where someone brought the attendee."},
        {"active_key_figures", "people",
         "Key figures who attended, organised, brought someone or had a tie start in the period."},
        {"events_per_key_figure", "events per person",
         "Events organised by the area's key figures (one per organiser) per active key figure."},
        {"brought_per_key_figure", "people per person",
         "Attendances brought along by the area's key figures per active key figure."},
    };
    return metrics;
}

void TimelineOptions::validate() const {
    check_min_cell(min_cell, "timeline");
    if (permutations == 0) throw input_error("timeline: field 'permutations': must be at least 1");
    if (friending_days == 0) throw input_error("timeline: field 'friending_days': must be at least 1");
    if (start && end && *start >= *end)
        throw input_error("timeline: field 'start': " + format_date(*start) + " is not before end " +
                          format_date(*end));
}

Timeline timeline(const Network& network, const TimelineOptions& options) {
    using namespace timeline_detail;
    options.validate();
    Progress progress(options.progress);
    progress.report(0.0);

    const bool sensitive = options.include_sensitive;
    const Visible visible(network, sensitive);  // the records that may count
    const Records records = records_that_count(network, visible);
    Timeline result;
    if (!records.first_day && !(options.start && options.end)) {
        result.note = std::string("no dated record (no event, no tie with a since or until date") +
                      (sensitive ? "" : ", leaving out sensitive events and tie kinds") +
                      "): nothing to place in a period; give start and end for a timeline of empty periods";
        progress.report(1.0);
        return result;
    }
    Frame frame;
    frame.start = options.start ? *options.start : *records.first_day;
    frame.end = options.end ? *options.end : *records.last_day + boost::gregorian::date_duration(1);
    if (frame.start >= frame.end)
        throw input_error("timeline: field 'start': " + format_date(frame.start) + " is not before end " +
                          format_date(frame.end));
    frame.periods = periods_between(network, records, options, frame.start, frame.end);
    assign_areas(network, options, frame);
    frame.programme_only = options.by == AreaLevel::programme;
    assign_groups(network, visible, options, frame);

    Counts counts(frame, options.min_cell);
    count_metrics(network, records, frame, options, counts, progress);
    const std::vector<Cell> cells = published_values(records, frame, counts, options, progress);

    // --- records ------------------------------------------------------------------------------
    const std::size_t P = frame.P(), A = frame.A();
    const auto& metrics = timeline_metrics();
    result.areas = frame.area_names;
    if (!frame.programme_only) result.areas.push_back("programme");
    result.records.reserve(P * result.areas.size() * metric_count);
    for (std::size_t p = 0; p < P; ++p) {
        const PeriodSpan& period = frame.periods[p];
        result.periods.push_back(period.label);
        for (std::size_t a = 0; a <= A; ++a) {
            if (frame.programme_only && a == 0) continue;  // the one area is the programme: its value sits at A
            for (std::size_t m = 0; m < metric_count; ++m) {
                const Cell& c = cells[(p * (A + 1) + a) * metric_count + m];
                TimelineRecord r;
                r.period = period.label;
                r.period_start = period.start;
                r.period_end = period.end;
                r.area = a < A ? frame.area_names[a] : "programme";
                r.metric = metrics[m].name;
                r.status = c.status;
                if (c.status == ValueStatus::ok) r.value = c.value;
                result.records.push_back(std::move(r));
            }
        }
    }
    progress.report(1.0);
    return result;
}

}  // namespace verbind
