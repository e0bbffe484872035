// Evaluation over time: what changed, where, and for whom. Metrics per
// period (week, month, quarter, year) and area (municipality, neighbourhood
// or the whole programme) as tidy records: one per period x area x metric.
//
// Suppression protects the whole timeline as one system
// (verbind::suppress_linked_cells): every count a value rests on (the
// published counts, the residents reached before each period, the parts of
// every share and rate) with the relations between them (programme = sum of
// areas; reached before P+1 = reached before P + newly reached in P). Cells
// below min_cell are suppressed, and more until none can be worked out
// exactly; a share, rate or growth is published only when all its counts
// are; an index from fewer than min_cell ties or people is withheld. A
// withheld value is labelled: status "suppressed" (too few people, or it
// would give such a value away) or "no data" (nothing happened, or the
// metric is undefined, e.g. no dates to place a tie in a period).
//
// Privacy: group-based metrics read groups through
// Network::declared_groups(actor) (special-category groups never count as a
// group of their own), and sensitive events and tie kinds are left out
// unless include_sensitive.
#pragma once

#include "verbind/model/date.hpp"
#include "verbind/model/network.hpp"
#include "verbind/privacy/suppress.hpp"
#include "verbind/util/progress.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace verbind {

enum class Period : std::uint8_t { week, month, quarter, year };
enum class AreaLevel : std::uint8_t { municipality, neighbourhood, programme };

// "week" | "month" | "quarter" | "year"; parse throws input_error naming the field.
std::string_view to_string(Period period) noexcept;
Period parse_period(std::string_view text);
// "municipality" | "neighbourhood" | "programme" (the whole network as one area).
std::string_view to_string(AreaLevel level) noexcept;
AreaLevel parse_area_level(std::string_view text);

// The most periods one timeline holds (10,000 weeks are 190 years): a span
// longer than that, for example up to a tie "until 2999", is an input_error
// naming the record that set it, before anything is built.
inline constexpr std::size_t max_timeline_periods = 10000;

struct TimelineOptions {
    Period period = Period::month;
    AreaLevel by = AreaLevel::municipality;
    std::optional<Date> start;  // first period: the one holding start (default: the earliest dated record)
    std::optional<Date> end;    // exclusive (default: the day after the latest dated record)
    std::uint64_t min_cell = default_min_cell;  // >= 1
    bool include_sensitive = false;
    std::size_t permutations = 200;  // for the E-I baseline under random mixing
    std::optional<std::uint64_t> seed;
    unsigned threads = 0;
    ProgressCallback progress;
    // Added by the evaluate capability (docs/evaluate.md):
    // The declared groups that define "group" for bridging_share, the E-I
    // indices, exposure and friending. A resident's group is the set of their
    // declared groups (restricted to these when given); residents with none
    // are left out of those metrics. Empty: all declared groups.
    std::vector<std::string> groups;
    // Friending: days after a pair's first co-attendance in which a tie
    // counts as formed because of it; pairs whose window ends after `end`
    // are left out (not yet observable).
    unsigned friending_days = 30;

    // Throws input_error naming the field: min_cell, permutations or
    // friending_days 0, or start not before end. timeline() calls it.
    void validate() const;
};

enum class ValueStatus : std::uint8_t { ok, suppressed, no_data };
std::string_view to_string(ValueStatus status) noexcept;  // "ok" | "suppressed" | "no data"

struct TimelineRecord {
    std::string period;           // "2024-05" (month), "2024-W19" (ISO week), "2024-Q2", "2024"
    Date period_start;            // first day
    Date period_end;              // exclusive
    std::string area;             // municipality or neighbourhood name; "programme" for the whole
    std::string metric;           // one of timeline_metrics()
    std::optional<double> value;  // none unless status == ok
    ValueStatus status = ValueStatus::ok;
};

struct MetricInfo {
    std::string name;
    std::string unit;         // "people", "ties", "share", "index", "events", ...
    std::string description;  // one sentence, for reports and docs
};

// The metrics timeline() computes, in the order records use.
const std::vector<MetricInfo>& timeline_metrics();

struct Timeline {
    std::vector<std::string> periods;  // in order
    std::vector<std::string> areas;    // sorted
    // Ordered by period, then area, then metric (timeline_metrics() order).
    std::vector<TimelineRecord> records;
    // Added: why the timeline is empty (no dated record and no start/end
    // given), else "". (areas above: the areas sorted, then "programme",
    // the whole; with by == programme only "programme".)
    std::string note;
};

// Throws input_error for min_cell 0, start >= end, or permutations 0;
// cancelled_error when the progress callback cancels.
Timeline timeline(const Network& network, const TimelineOptions& options = {});

}  // namespace verbind
