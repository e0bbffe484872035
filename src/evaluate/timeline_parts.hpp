// Internal to src/evaluate: the pieces of timeline() (timeline.cpp) shared by
// its files: the periods and areas of a timeline (timeline_frame.cpp), the
// counting per metric (timeline_counts.cpp) and the linked suppression of
// every count into published values (timeline_values.cpp).
#pragma once

#include "verbind/evaluate/timeline.hpp"
#include "verbind/model/network.hpp"
#include "verbind/model/visible.hpp"
#include "verbind/util/progress.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace verbind::timeline_detail {

enum Metric : std::size_t {
    active_residents,
    newcomers,
    newly_reached,
    reach_growth,
    new_ties,
    lost_ties,
    bridging_share,
    ei_index_metric,
    expected_ei_index_metric,
    exposure,
    friending,
    retention,
    bring_along_rate,
    active_key_figures,
    events_per_key_figure,
    brought_per_key_figure,
    metric_count
};

inline constexpr std::uint32_t no_group = std::numeric_limits<std::uint32_t>::max();
inline constexpr std::size_t no_period = std::numeric_limits<std::size_t>::max();

// The records that may count (the privacy view's): events, ties, and the
// attendance of residents at events that count.
struct Records {
    std::vector<std::uint8_t> event_counts;  // per event
    std::vector<const Tie*> ties;
    std::vector<Attendance> attendance;
    std::optional<Date> first_day, last_day;  // of the dated records
    bool any_since = false, any_until = false;
};

Records records_that_count(const Network& network, const Visible& visible);

struct PeriodSpan {
    std::string label;
    Date start, end;
};

// The periods and areas of a timeline, and the group of each resident.
struct Frame {
    Date start, end;
    std::vector<PeriodSpan> periods;
    std::vector<std::string> area_names;
    std::vector<std::uint32_t> actor_area;  // per actor: its home area
    std::vector<std::uint32_t> group;       // per actor: a label of its declared groups, or no_group
    bool programme_only = false;

    std::size_t P() const noexcept { return periods.size(); }
    std::size_t A() const noexcept { return area_names.size(); }
    // The period holding d, or no_period outside [start, end).
    std::size_t period_of(const Date& d) const {
        if (d < start || d >= end) return no_period;
        std::size_t lo = 0, hi = periods.size();  // last period whose start <= d
        while (hi - lo > 1) {
            const std::size_t mid = (lo + hi) / 2;
            (periods[mid].start <= d ? lo : hi) = mid;
        }
        return lo;
    }
    std::size_t period_of(const std::optional<Date>& d) const { return d ? period_of(*d) : no_period; }
};

// The periods from start to end (throws input_error, naming the record that
// set the span, when there would be more than max_timeline_periods).
std::vector<PeriodSpan> periods_between(const Network& network, const Records& records,
                                        const TimelineOptions& options, const Date& start, const Date& end);
// Frame::area_names and actor_area for options.by.
void assign_areas(const Network& network, const TimelineOptions& options, Frame& frame);
// Frame::group: one label per distinct set of declared groups (options.groups
// only, when given) of each resident.
void assign_groups(const Network& network, const Visible& visible, const TimelineOptions& options, Frame& frame);

// A tally per period and area, plus the programme's own value (which is not
// the sum of the areas for things between two people in different areas).
struct Tally {
    std::size_t areas = 0;
    std::vector<std::uint64_t> cell;       // period * areas + area
    std::vector<std::uint64_t> programme;  // per period
    Tally(std::size_t periods, std::size_t area_count)
        : areas(area_count), cell(periods * area_count, 0), programme(periods, 0) {}
    std::uint64_t& at(std::size_t p, std::size_t a) { return cell[p * areas + a]; }
    std::uint64_t at(std::size_t p, std::size_t a) const { return cell[p * areas + a]; }
};

// Distinct people behind a share's denominator, per period and area. Only
// "fewer than min_cell or not" matters, so each set stops growing at
// min_cell people: millions of exposed pairs then cost a size check each.
struct PeopleSets {
    std::size_t areas = 0;
    std::size_t cap = 0;
    std::vector<std::vector<ActorId>> sets;  // period * (areas + 1) + area; area == areas: programme; sorted
    PeopleSets(std::size_t periods, std::size_t area_count, std::uint64_t min_cell)
        : areas(area_count),
          cap(static_cast<std::size_t>(std::min<std::uint64_t>(min_cell, 1u << 20))),
          sets(periods * (area_count + 1)) {}
    void add(std::size_t p, std::size_t a, ActorId who) {
        auto& s = sets[p * (areas + 1) + a];
        if (s.size() >= cap) return;
        const auto at = std::lower_bound(s.begin(), s.end(), who);
        if (at == s.end() || *at != who) s.insert(at, who);
    }
    // The number of distinct people, or min_cell when there are at least that many.
    std::uint64_t count(std::size_t p, std::size_t a) const { return sets[p * (areas + 1) + a].size(); }
};

struct Cell {
    std::optional<double> value;
    ValueStatus status = ValueStatus::no_data;
};

// Every tally of the timeline: per metric its count (or numerator) and
// denominator, the distinct people behind the denominators of shares, which
// periods have data, and the E-I cells (period * (A + 1) + area).
struct Counts {
    std::vector<Tally> count, denominator;
    std::vector<PeopleSets> denominator_people;
    std::vector<std::uint8_t> period_has_data;
    std::vector<Cell> ei, expected;
    Counts(const Frame& frame, std::uint64_t min_cell)
        : count(metric_count, Tally(frame.P(), frame.A())),
          denominator(metric_count, Tally(frame.P(), frame.A())),
          denominator_people(metric_count, PeopleSets(frame.P(), frame.A(), min_cell)),
          period_has_data(frame.P(), 0),
          ei(frame.P() * (frame.A() + 1)),
          expected(frame.P() * (frame.A() + 1)) {}
};

// Counts every metric (progress: up to 0.95).
void count_metrics(const Network& network, const Records& records, const Frame& frame, const TimelineOptions& options,
                   Counts& counts, Progress& progress);

// Suppresses every count as one linked system and computes the published
// values: one Cell per period, area (the programme last) and metric, at
// (p * (A + 1) + a) * metric_count + m.
std::vector<Cell> published_values(const Records& records, const Frame& frame, const Counts& counts,
                                   const TimelineOptions& options, Progress& progress);

}  // namespace verbind::timeline_detail
