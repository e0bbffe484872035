// The frame of a timeline: the records that count, the periods from start
// to end, the areas people count in and the groups of residents.
#include "timeline_parts.hpp"

#include "verbind/error.hpp"

#include <cstdio>
#include <map>
#include <set>

namespace verbind::timeline_detail {

namespace {

using boost::gregorian::date_duration;
using boost::gregorian::months;
using boost::gregorian::years;

std::string two_digits(int n) {
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "%02d", n);
    return buffer;
}

Date period_start_of(Period period, const Date& day) {
    switch (period) {
        case Period::week: return day - date_duration((day.day_of_week().as_number() + 6) % 7);  // Monday
        case Period::month: return Date(day.year(), day.month(), 1);
        case Period::quarter: return Date(day.year(), static_cast<unsigned short>((day.month() - 1) / 3 * 3 + 1), 1);
        case Period::year: return Date(day.year(), 1, 1);
    }
    return day;
}

Date next_period_start(Period period, const Date& start) {
    switch (period) {
        case Period::week: return start + date_duration(7);
        case Period::month: return start + months(1);
        case Period::quarter: return start + months(3);
        case Period::year: return start + years(1);
    }
    return start;
}

std::string period_label(Period period, const Date& start) {
    const int year = start.year();
    switch (period) {
        case Period::week: {
            // The ISO year is the year of the week's Thursday (2024-12-30 is in 2025-W01).
            const Date thursday = start + date_duration(3);
            return std::to_string(static_cast<int>(thursday.year())) + "-W" + two_digits(start.week_number());
        }
        case Period::month: return std::to_string(year) + "-" + two_digits(start.month());
        case Period::quarter: return std::to_string(year) + "-Q" + std::to_string((start.month() - 1) / 3 + 1);
        case Period::year: return std::to_string(year);
    }
    return {};
}

}  // namespace

Records records_that_count(const Network& network, const Visible& visible) {
    const auto& actors = network.actors();
    const auto& events = network.events();
    Records r;
    r.event_counts.resize(events.size());
    for (EventId e = 0; e < events.size(); ++e) r.event_counts[e] = visible.event(e);
    for (const Tie& tie : network.ties())
        if (visible.tie(tie)) r.ties.push_back(&tie);
    for (const Attendance& at : network.attendance())
        if (r.event_counts[at.event] && actors[at.actor].is_resident()) r.attendance.push_back(at);

    // --- the span of time ---------------------------------------------------------
    auto see = [&](const Date& d) {
        if (!r.first_day || d < *r.first_day) r.first_day = d;
        if (!r.last_day || d > *r.last_day) r.last_day = d;
    };
    for (EventId e = 0; e < events.size(); ++e)
        if (r.event_counts[e]) see(events[e].date);
    for (const Tie* tie : r.ties) {
        if (tie->since) see(*tie->since), r.any_since = true;
        if (tie->until) see(*tie->until), r.any_until = true;
    }
    return r;
}

std::vector<PeriodSpan> periods_between(const Network& network, const Records& records,
                                        const TimelineOptions& options, const Date& start, const Date& end) {
    const auto& actors = network.actors();
    const auto& events = network.events();
    // A far-away date (a tie "until 2999") would make a timeline of tens of
    // thousands of periods, slow and useless: refuse it before building any,
    // naming the record that set the span, so the caller can give start/end.
    std::size_t count = 0;  // counted up to one past the bound: cheap whatever the span
    for (Date s = period_start_of(options.period, start); s < end && count <= max_timeline_periods;
         s = next_period_start(options.period, s))
        ++count;
    if (count > max_timeline_periods) {
        std::string why;
        if (!options.end) {
            const Date last_day = *records.last_day;
            for (const Tie* tie : records.ties)
                if ((tie->until && *tie->until == last_day) || (tie->since && *tie->since == last_day)) {
                    why = " (the latest dated record is the tie '" + actors[tie->a].key + "' - '" +
                          actors[tie->b].key + "', field '" +
                          std::string(tie->until && *tie->until == last_day ? "until" : "since") +
                          "': " + format_date(last_day) + ")";
                    break;
                }
            for (EventId e = 0; why.empty() && e < events.size(); ++e)
                if (records.event_counts[e] && events[e].date == last_day)
                    why = " (the latest dated record is event '" + events[e].key +
                          "', field 'date': " + format_date(last_day) + ")";
        }
        throw input_error("timeline: from " + format_date(start) + " to " + format_date(end) + " is more than " +
                          std::to_string(max_timeline_periods) + " " + std::string(to_string(options.period)) +
                          " periods" + why + "; give start and end, or a longer period");
    }
    std::vector<PeriodSpan> periods;
    for (Date s = period_start_of(options.period, start); s < end; s = next_period_start(options.period, s))
        periods.push_back({period_label(options.period, s), s, next_period_start(options.period, s)});
    return periods;
}

void assign_areas(const Network& network, const TimelineOptions& options, Frame& frame) {
    const auto& actors = network.actors();
    auto& area_names = frame.area_names;
    // People count where they live ("for whom"), so areas are the actors' home areas.
    frame.actor_area.assign(actors.size(), 0);
    if (options.by == AreaLevel::programme) {
        area_names = {"programme"};
        return;
    }
    const bool by_hood = options.by == AreaLevel::neighbourhood;
    // A neighbourhood name used in two municipalities is told apart by its municipality.
    std::map<std::string, std::set<std::string>> hood_municipalities;
    if (by_hood)
        for (const Actor& a : actors) hood_municipalities[a.neighbourhood].insert(a.municipality);
    auto name_of = [&](const std::string& hood, const std::string& municipality) -> std::string {
        if (!by_hood) return municipality.empty() ? "(no municipality)" : municipality;
        if (hood.empty()) return "(no neighbourhood)";
        if (hood_municipalities[hood].size() > 1) return hood + ", " + municipality;
        return hood;
    };
    std::map<std::string, std::uint32_t> index;
    std::vector<std::string> actor_name(actors.size());
    for (std::size_t i = 0; i < actors.size(); ++i) {
        actor_name[i] = name_of(actors[i].neighbourhood, actors[i].municipality);
        index[actor_name[i]] = 0;
    }
    for (auto& [name, i] : index) {
        i = static_cast<std::uint32_t>(area_names.size());
        area_names.push_back(name);
    }
    for (std::size_t i = 0; i < actors.size(); ++i) frame.actor_area[i] = index[actor_name[i]];
}

void assign_groups(const Network& network, const Visible& visible, const TimelineOptions& options, Frame& frame) {
    const auto& actors = network.actors();
    frame.group.assign(actors.size(), no_group);
    std::set<std::string, std::less<>> wanted(options.groups.begin(), options.groups.end());
    std::map<std::vector<std::string>, std::uint32_t> labels;
    for (ActorId i = 0; i < actors.size(); ++i) {
        if (!actors[i].is_resident()) continue;
        auto declared = visible.groups(actors[i]);
        if (!wanted.empty())
            declared.erase(std::remove_if(declared.begin(), declared.end(),
                                          [&](const std::string& g) { return !wanted.count(g); }),
                           declared.end());
        if (declared.empty()) continue;
        std::sort(declared.begin(), declared.end());
        declared.erase(std::unique(declared.begin(), declared.end()), declared.end());
        frame.group[i] = labels.emplace(std::move(declared), static_cast<std::uint32_t>(labels.size())).first->second;
    }
}

}  // namespace verbind::timeline_detail
