// Evaluation over time: one pass over the network's dated records into
// per-period, per-area tallies, then suppression of all of them as one linked
// system (every period, area and the counts behind every ratio). Definitions
// of every metric: docs/evaluate.md; the suppression rule: docs/privacy.md.
#include "verbind/evaluate/timeline.hpp"

#include "verbind/error.hpp"
#include "verbind/graph/graph.hpp"
#include "verbind/model/visible.hpp"
#include "verbind/privacy/suppress.hpp"
#include "verbind/socialmap/mixing.hpp"
#include "verbind/util/parallel.hpp"
#include "verbind/util/random.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

namespace verbind {

namespace {

using boost::gregorian::date_duration;
using boost::gregorian::months;
using boost::gregorian::years;

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

constexpr std::uint32_t no_group = std::numeric_limits<std::uint32_t>::max();
constexpr std::size_t no_period = std::numeric_limits<std::size_t>::max();

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

struct PeriodSpan {
    std::string label;
    Date start, end;
};

std::uint64_t pair_key(ActorId a, ActorId b) {
    if (a > b) std::swap(a, b);
    return (static_cast<std::uint64_t>(a) << 32) | b;
}

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

}  // namespace

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
    options.validate();
    Progress progress(options.progress);
    progress.report(0.0);

    const bool sensitive = options.include_sensitive;
    const Visible visible(network, sensitive);  // the records that may count
    const auto& actors = network.actors();
    const auto& events = network.events();

    // --- what counts -----------------------------------------------------------
    std::vector<std::uint8_t> event_counts(events.size());
    for (EventId e = 0; e < events.size(); ++e) event_counts[e] = visible.event(e);
    std::vector<const Tie*> ties;
    for (const Tie& tie : network.ties())
        if (visible.tie(tie)) ties.push_back(&tie);
    std::vector<Attendance> attendance;  // residents at events that count
    for (const Attendance& at : network.attendance())
        if (event_counts[at.event] && actors[at.actor].is_resident()) attendance.push_back(at);

    // --- the span of time ---------------------------------------------------------
    std::optional<Date> first_day, last_day;
    auto see = [&](const Date& d) {
        if (!first_day || d < *first_day) first_day = d;
        if (!last_day || d > *last_day) last_day = d;
    };
    bool any_since = false, any_until = false;
    for (EventId e = 0; e < events.size(); ++e)
        if (event_counts[e]) see(events[e].date);
    for (const Tie* tie : ties) {
        if (tie->since) see(*tie->since), any_since = true;
        if (tie->until) see(*tie->until), any_until = true;
    }
    Timeline result;
    if (!first_day && !(options.start && options.end)) {
        result.note = std::string("no dated record (no event, no tie with a since or until date") +
                      (sensitive ? "" : ", leaving out sensitive events and tie kinds") +
                      "): nothing to place in a period; give start and end for a timeline of empty periods";
        progress.report(1.0);
        return result;
    }
    const Date start = options.start ? *options.start : *first_day;
    const Date end = options.end ? *options.end : *last_day + date_duration(1);
    if (start >= end)
        throw input_error("timeline: field 'start': " + format_date(start) + " is not before end " +
                          format_date(end));

    // A far-away date (a tie "until 2999") would make a timeline of tens of
    // thousands of periods, slow and useless: refuse it before building any,
    // naming the record that set the span, so the caller can give start/end.
    {
        std::size_t count = 0;  // counted up to one past the bound: cheap whatever the span
        for (Date s = period_start_of(options.period, start); s < end && count <= max_timeline_periods;
             s = next_period_start(options.period, s))
            ++count;
        if (count > max_timeline_periods) {
            std::string why;
            if (!options.end) {
                for (const Tie* tie : ties)
                    if ((tie->until && *tie->until == *last_day) || (tie->since && *tie->since == *last_day)) {
                        why = " (the latest dated record is the tie '" + actors[tie->a].key + "' - '" +
                              actors[tie->b].key + "', field '" +
                              std::string(tie->until && *tie->until == *last_day ? "until" : "since") +
                              "': " + format_date(*last_day) + ")";
                        break;
                    }
                for (EventId e = 0; why.empty() && e < events.size(); ++e)
                    if (event_counts[e] && events[e].date == *last_day)
                        why = " (the latest dated record is event '" + events[e].key +
                              "', field 'date': " + format_date(*last_day) + ")";
            }
            throw input_error("timeline: from " + format_date(start) + " to " + format_date(end) + " is more than " +
                              std::to_string(max_timeline_periods) + " " + std::string(to_string(options.period)) +
                              " periods" + why + "; give start and end, or a longer period");
        }
    }
    std::vector<PeriodSpan> periods;
    for (Date s = period_start_of(options.period, start); s < end; s = next_period_start(options.period, s))
        periods.push_back({period_label(options.period, s), s, next_period_start(options.period, s)});
    const std::size_t P = periods.size();
    auto period_of = [&](const Date& d) -> std::size_t {
        if (d < start || d >= end) return no_period;
        std::size_t lo = 0, hi = P;  // last period whose start <= d
        while (hi - lo > 1) {
            const std::size_t mid = (lo + hi) / 2;
            (periods[mid].start <= d ? lo : hi) = mid;
        }
        return lo;
    };
    auto period_of_opt = [&](const std::optional<Date>& d) { return d ? period_of(*d) : no_period; };

    // --- areas ------------------------------------------------------------------------
    std::vector<std::string> area_names;
    // People count where they live ("for whom"), so areas are the actors' home areas.
    std::vector<std::uint32_t> actor_area(actors.size(), 0);
    if (options.by == AreaLevel::programme) {
        area_names = {"programme"};
    } else {
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
        for (std::size_t i = 0; i < actors.size(); ++i) actor_area[i] = index[actor_name[i]];
    }
    const std::size_t A = area_names.size();
    const bool programme_only = options.by == AreaLevel::programme;

    // --- groups -------------------------------------------------------------------------
    std::vector<std::uint32_t> group(actors.size(), no_group);
    {
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
            group[i] = labels.emplace(std::move(declared), static_cast<std::uint32_t>(labels.size())).first->second;
        }
    }
    auto both_grouped = [&](ActorId a, ActorId b) { return group[a] != no_group && group[b] != no_group; };
    auto resident = [&](ActorId a) { return actors[a].is_resident(); };

    // Adds one for a thing between two people: in each one's area (once when
    // they share it) and once in the programme.
    auto count_pair = [&](Tally& t, std::size_t p, ActorId a, ActorId b, std::uint64_t n = 1) {
        t.at(p, actor_area[a]) += n;
        if (actor_area[b] != actor_area[a]) t.at(p, actor_area[b]) += n;
        t.programme[p] += n;
    };
    auto people_pair = [&](PeopleSets& s, std::size_t p, ActorId a, ActorId b) {
        for (ActorId x : {a, b}) {
            s.add(p, actor_area[a], x);
            if (actor_area[b] != actor_area[a]) s.add(p, actor_area[b], x);
            s.add(p, A, x);
        }
    };

    std::vector<Tally> count(metric_count, Tally(P, A));  // numerators and counts
    std::vector<Tally> denominator(metric_count, Tally(P, A));
    std::vector<PeopleSets> denominator_people(metric_count, PeopleSets(P, A, options.min_cell));
    std::vector<std::uint8_t> period_has_data(P, 0);

    // --- activity, ties --------------------------------------------------------------
    std::vector<std::vector<ActorId>> active(P), active_key(P);
    auto mark_active = [&](std::size_t p, ActorId a) {
        if (!resident(a)) return;
        active[p].push_back(a);
        if (actors[a].key_figure) active_key[p].push_back(a);
    };
    std::vector<std::optional<Date>> first_attended(actors.size()), first_reached(actors.size());
    auto note_reached = [&](ActorId a, const Date& d) {
        if (!first_reached[a] || d < *first_reached[a]) first_reached[a] = d;
    };
    for (const Tie* tie : ties) {
        const std::size_t ps = period_of_opt(tie->since), pu = period_of_opt(tie->until);
        if (ps != no_period) {
            // A tie reaches people only when it starts within the timeline:
            // older ties are the life people had before the programme.
            note_reached(tie->a, *tie->since), note_reached(tie->b, *tie->since);
            period_has_data[ps] = 1;
            count_pair(count[new_ties], ps, tie->a, tie->b);
            mark_active(ps, tie->a), mark_active(ps, tie->b);
            if (resident(tie->a) && resident(tie->b) && both_grouped(tie->a, tie->b)) {
                count_pair(denominator[bridging_share], ps, tie->a, tie->b);
                people_pair(denominator_people[bridging_share], ps, tie->a, tie->b);
                if (group[tie->a] != group[tie->b]) count_pair(count[bridging_share], ps, tie->a, tie->b);
            }
        }
        if (pu != no_period) {
            period_has_data[pu] = 1;
            count_pair(count[lost_ties], pu, tie->a, tie->b);
        }
    }

    // --- attendance ----------------------------------------------------------------------
    std::vector<std::vector<std::size_t>> attended_periods(actors.size());
    for (EventId e = 0; e < events.size(); ++e) {
        if (!event_counts[e]) continue;
        const std::size_t p = period_of(events[e].date);
        if (p == no_period) continue;
        period_has_data[p] = 1;
        for (ActorId o : events[e].organisers)
            if (resident(o) && actors[o].key_figure) {
                count[events_per_key_figure].at(p, actor_area[o]) += 1;
                count[events_per_key_figure].programme[p] += 1;
                active_key[p].push_back(o);
            }
    }
    for (const Attendance& at : attendance) {
        const Date& day = events[at.event].date;
        note_reached(at.actor, day);
        if (!first_attended[at.actor] || day < *first_attended[at.actor]) first_attended[at.actor] = day;
        const std::size_t p = period_of(day);
        if (p == no_period) continue;
        const std::uint32_t a = actor_area[at.actor];
        mark_active(p, at.actor);
        attended_periods[at.actor].push_back(p);
        denominator[bring_along_rate].at(p, a) += 1;
        denominator[bring_along_rate].programme[p] += 1;
        denominator_people[bring_along_rate].add(p, a, at.actor);
        denominator_people[bring_along_rate].add(p, A, at.actor);
        if (at.brought_by != no_id) {
            count[bring_along_rate].at(p, a) += 1;
            count[bring_along_rate].programme[p] += 1;
            if (resident(at.brought_by) && actors[at.brought_by].key_figure) {
                const std::uint32_t k = actor_area[at.brought_by];
                count[brought_per_key_figure].at(p, k) += 1;
                count[brought_per_key_figure].programme[p] += 1;
                active_key[p].push_back(at.brought_by);
            }
        }
    }

    // --- people counts: active, newcomers, reached, key figures, retention ----------
    auto count_people = [&](Tally& t, std::size_t p, std::vector<ActorId>& people) {
        std::sort(people.begin(), people.end());
        people.erase(std::unique(people.begin(), people.end()), people.end());
        for (ActorId a : people) t.at(p, actor_area[a]) += 1;
        t.programme[p] += people.size();
    };
    for (std::size_t p = 0; p < P; ++p) {
        count_people(count[active_residents], p, active[p]);
        count_people(count[active_key_figures], p, active_key[p]);
    }
    for (ActorId i = 0; i < actors.size(); ++i) {
        if (!resident(i)) continue;
        const std::uint32_t a = actor_area[i];
        if (first_attended[i]) {
            const std::size_t p = period_of(*first_attended[i]);
            if (p != no_period) count[newcomers].at(p, a) += 1, count[newcomers].programme[p] += 1;
        }
        // Reached before start (an earlier attendance): part of every baseline.
        std::size_t reached_period = no_period;
        if (first_reached[i]) {
            if (*first_reached[i] < start) {
                reached_period = 0;
            } else if (*first_reached[i] < end) {
                const std::size_t p = period_of(*first_reached[i]);
                if (p != no_period) {
                    count[newly_reached].at(p, a) += 1, count[newly_reached].programme[p] += 1;
                    reached_period = p + 1;  // in the baseline from the next period on
                }
            }
        }
        if (reached_period < P) {  // summed over the periods below
            denominator[reach_growth].at(reached_period, a) += 1;
            denominator[reach_growth].programme[reached_period] += 1;
        }
        auto& mine = attended_periods[i];
        std::sort(mine.begin(), mine.end());
        mine.erase(std::unique(mine.begin(), mine.end()), mine.end());
        for (std::size_t k = 0; k < mine.size(); ++k) {
            const std::size_t p = mine[k];
            denominator[retention].at(p, a) += 1, denominator[retention].programme[p] += 1;
            if (k + 1 < mine.size()) count[retention].at(p, a) += 1, count[retention].programme[p] += 1;
        }
    }
    // The baseline of period p: everyone reached before it.
    for (std::size_t p = 1; p < P; ++p) {
        for (std::size_t a = 0; a < A; ++a)
            denominator[reach_growth].at(p, a) += denominator[reach_growth].at(p - 1, a);
        denominator[reach_growth].programme[p] += denominator[reach_growth].programme[p - 1];
    }

    // --- exposure and friending ----------------------------------------------------------
    {
        std::vector<std::vector<ActorId>> attendees(events.size());
        for (const Attendance& at : attendance)
            if (group[at.actor] != no_group) attendees[at.event].push_back(at.actor);
        std::vector<EventId> by_date;
        for (EventId e = 0; e < events.size(); ++e)
            if (event_counts[e]) by_date.push_back(e);
        std::stable_sort(by_date.begin(), by_date.end(),
                         [&](EventId x, EventId y) { return events[x].date < events[y].date; });
        // Every meeting of two people of different groups at an event, as
        // (pair, day), sorted: a pair's first meeting and the periods it met
        // in are then runs in one array, with no hash map of millions of pairs.
        struct Meeting {
            std::uint64_t pair;
            std::int64_t day;
            bool operator<(const Meeting& o) const { return pair != o.pair ? pair < o.pair : day < o.day; }
        };
        std::size_t meetings_total = 0;
        for (EventId e : by_date) {
            auto& people = attendees[e];
            std::sort(people.begin(), people.end());
            people.erase(std::unique(people.begin(), people.end()), people.end());
            meetings_total += people.size() * (people.size() - (people.empty() ? 0 : 1)) / 2;
        }
        std::vector<Meeting> meetings;
        meetings.reserve(meetings_total);
        for (EventId e : by_date) {
            const auto& people = attendees[e];
            const std::int64_t day = (events[e].date - start).days();  // days after start (or before: < 0)
            for (std::size_t i = 0; i < people.size(); ++i)
                for (std::size_t j = i + 1; j < people.size(); ++j)
                    if (group[people[i]] != group[people[j]])
                        meetings.push_back({pair_key(people[i], people[j]), day});
        }
        std::sort(meetings.begin(), meetings.end());
        progress.report(0.03);

        // Resident-resident ties by pair, sorted alike, for a merge with the meetings.
        std::vector<std::pair<std::uint64_t, const Tie*>> pair_ties;
        for (const Tie* tie : ties)
            if (group[tie->a] != no_group && group[tie->b] != no_group)
                pair_ties.emplace_back(pair_key(tie->a, tie->b), tie);
        std::sort(pair_ties.begin(), pair_ties.end());
        std::size_t next_tie = 0;

        const date_duration window(options.friending_days);
        for (std::size_t first = 0; first < meetings.size();) {
            const std::uint64_t key = meetings[first].pair;
            std::size_t last = first;
            while (last < meetings.size() && meetings[last].pair == key) ++last;
            const ActorId a = static_cast<ActorId>(key >> 32), b = static_cast<ActorId>(key);
            // Exposure: once per period the pair met in.
            std::size_t previous = no_period;
            for (std::size_t k = first; k < last; ++k) {
                const std::size_t p = period_of(start + date_duration(meetings[k].day));
                if (p != no_period && p != previous) count_pair(count[exposure], p, a, b);
                previous = p;
            }
            // Friending: from the first meeting ever.
            const Date day = start + date_duration(meetings[first].day);
            const std::size_t p = period_of(day);
            while (next_tie < pair_ties.size() && pair_ties[next_tie].first < key) ++next_tie;
            if (p != no_period && day + window <= end) {
                bool already = false, formed = false;
                for (std::size_t t = next_tie; t < pair_ties.size() && pair_ties[t].first == key; ++t) {
                    const Tie* tie = pair_ties[t].second;
                    if ((!tie->since || *tie->since < day) && (!tie->until || *tie->until > day)) already = true;
                    if (tie->since && *tie->since >= day && *tie->since < day + window) formed = true;
                }
                if (!already) {
                    count_pair(denominator[friending], p, a, b);
                    people_pair(denominator_people[friending], p, a, b);
                    if (formed) count_pair(count[friending], p, a, b);
                }
            }
            first = last;
        }
    }

    // --- E-I per period and area, with the permutation baseline --------------------------
    // The expensive part: one cell per period x area (and programme), each
    // with its own random stream, so the result does not depend on threads.
    std::vector<Cell> ei(P * (A + 1)), expected(P * (A + 1));
    {
        std::vector<const Tie*> grouped_ties;
        for (const Tie* tie : ties)
            if (resident(tie->a) && resident(tie->b) && both_grouped(tie->a, tie->b)) grouped_ties.push_back(tie);
        const std::uint64_t seed = seed_or_default(options.seed);
        auto run_cell = [&](std::size_t p, std::size_t a) {
            const std::size_t index = p * (A + 1) + a;
            std::vector<NodeId> node(actors.size(), no_id);
            std::vector<ActorId> who;
            std::vector<NodeId> src, dst;
            auto node_of = [&](ActorId x) {
                if (node[x] == no_id) {
                    node[x] = static_cast<NodeId>(who.size());
                    who.push_back(x);
                }
                return node[x];
            };
            for (const Tie* tie : grouped_ties) {
                if (!tie->active_in(periods[p].start, periods[p].end)) continue;
                if (a < A && actor_area[tie->a] != a && actor_area[tie->b] != a) continue;
                src.push_back(node_of(tie->a));
                dst.push_back(node_of(tie->b));
            }
            if (src.empty()) return;  // no data
            EdgeListOptions eo;
            eo.duplicates = Merge::first;  // two ties between the same pair are one link
            const Graph g = Graph::from_edges(who.size(), src, dst, {}, eo);
            if (g.num_edges() < options.min_cell || g.num_nodes() < options.min_cell) {
                ei[index].status = expected[index].status = ValueStatus::suppressed;
                return;
            }
            std::vector<std::uint32_t> labels(who.size());
            {
                std::map<std::uint32_t, std::uint32_t> compact;  // dense labels keep the per-cell work small
                for (std::size_t i = 0; i < who.size(); ++i)
                    labels[i] =
                        compact.emplace(group[who[i]], static_cast<std::uint32_t>(compact.size())).first->second;
            }
            ExpectedEIOptions xo;
            xo.permutations = options.permutations;
            xo.seed = mix64(seed ^ mix64(index + 1));
            xo.threads = 1;
            const ExpectedEI r = expected_ei_index(g, labels, xo);
            ei[index] = {r.observed, ValueStatus::ok};
            expected[index] = {r.expected, ValueStatus::ok};
        };
        const std::size_t cells = P * (A + 1);
        const std::size_t batch = std::max<std::size_t>(1, resolve_threads(options.threads) * 2);
        for (std::size_t begin = 0; begin < cells; begin += batch) {
            const std::size_t stop = std::min(cells, begin + batch);
            parallel_for(stop - begin, options.threads, 1, [&](std::size_t from, std::size_t to, unsigned) {
                for (std::size_t c = begin + from; c < begin + to; ++c)
                    if (!programme_only || c % (A + 1) == A) run_cell(c / (A + 1), c % (A + 1));
            });
            progress.report(0.05 + 0.9 * static_cast<double>(stop) / static_cast<double>(cells));
        }
    }

    // --- suppression ---------------------------------------------------------------------------
    // Every count a published value rests on is a cell of one linked system
    // (docs/privacy.md, "Counts that are linked"): per family of counts, one
    // cell per period and area, the programme last. The relations: in each
    // period the programme is the sum of its areas (for things between two
    // people up to the pairs across areas, which the system treats as
    // known), and the cumulative reach chains the periods:
    // reached_before(p + 1) = reached_before(p) + newly_reached(p). A count is
    // published when its cell is; a share, rate or growth only when every
    // cell it is computed from is, so it tells nothing those cells would not.
    enum Family : std::size_t {
        f_active,
        f_newcomers,
        f_reached,
        f_new_ties,
        f_lost_ties,
        f_exposure,
        f_key_figures,
        f_reached_before,
        f_bridging,
        f_bridging_of,
        f_friending,
        f_friending_of,
        f_retention,
        f_retention_of,
        f_brought,
        f_brought_of,
        f_organised_by_key,
        f_brought_by_key,
        family_count
    };
    const Tally* family_tally[family_count] = {&count[active_residents],
                                               &count[newcomers],
                                               &count[newly_reached],
                                               &count[new_ties],
                                               &count[lost_ties],
                                               &count[exposure],
                                               &count[active_key_figures],
                                               &denominator[reach_growth],
                                               &count[bridging_share],
                                               &denominator[bridging_share],
                                               &count[friending],
                                               &denominator[friending],
                                               &count[retention],
                                               &denominator[retention],
                                               &count[bring_along_rate],
                                               &denominator[bring_along_rate],
                                               &count[events_per_key_figure],
                                               &count[brought_per_key_figure]};
    auto at = [&](std::size_t f, std::size_t p, std::size_t a) { return (f * P + p) * (A + 1) + a; };
    LinkedCells system;
    system.counts.resize(family_count * P * (A + 1));
    system.withheld.assign(system.counts.size(), 0);
    for (std::size_t f = 0; f < family_count; ++f)
        for (std::size_t p = 0; p < P; ++p)
            for (std::size_t a = 0; a <= A; ++a)
                system.counts[at(f, p, a)] = a < A ? family_tally[f]->at(p, a) : family_tally[f]->programme[p];
    if (!programme_only)
        for (std::size_t f = 0; f < family_count; ++f)
            for (std::size_t p = 0; p < P; ++p) {
                std::vector<std::pair<std::size_t, std::int64_t>> sum{{at(f, p, A), 1}};
                for (std::size_t a = 0; a < A; ++a) sum.emplace_back(at(f, p, a), -1);
                system.relations.push_back(std::move(sum));
            }
    for (std::size_t p = 0; p + 1 < P; ++p)
        for (std::size_t a = 0; a <= A; ++a)
            system.relations.push_back(
                {{at(f_reached_before, p + 1, a), 1}, {at(f_reached_before, p, a), -1}, {at(f_reached, p, a), -1}});
    // A share resting on fewer than min_cell distinct people is withheld,
    // and so are the counts it is computed from.
    for (std::size_t p = 0; p < P; ++p)
        for (std::size_t a = 0; a <= A; ++a)
            for (auto [m, num, den] : {std::tuple{bridging_share, f_bridging, f_bridging_of},
                                       std::tuple{friending, f_friending, f_friending_of},
                                       std::tuple{bring_along_rate, f_brought, f_brought_of}}) {
                if (system.counts[at(den, p, a)] > 0 && denominator_people[m].count(p, a) < options.min_cell)
                    system.withheld[at(num, p, a)] = system.withheld[at(den, p, a)] = 1;
            }
    // What a status gives away is public: a count labelled "no data" is 0
    // (nothing of the kind happened then), and so is a denominator whose
    // share is "no data".
    auto defined = [&](std::size_t p, std::size_t m) {
        bool d = period_has_data[p] != 0;
        if (m == new_ties || m == bridging_share) d = d && any_since;
        if (m == lost_ties) d = d && any_until;
        if (m == newcomers || m == retention || m == bring_along_rate || m == exposure || m == friending ||
            m == brought_per_key_figure)
            d = d && !attendance.empty();
        if (m == retention && p + 1 == P) d = false;  // no later period to come back in
        return d;
    };
    system.published_anyway.assign(system.counts.size(), 0);
    for (std::size_t p = 0; p < P; ++p)
        for (std::size_t a = 0; a <= A; ++a) {
            for (auto [m, f] : {std::pair{active_residents, f_active}, std::pair{newcomers, f_newcomers},
                                std::pair{newly_reached, f_reached}, std::pair{new_ties, f_new_ties},
                                std::pair{lost_ties, f_lost_ties}, std::pair{exposure, f_exposure},
                                std::pair{active_key_figures, f_key_figures}})
                if (!defined(p, m)) system.published_anyway[at(f, p, a)] = 1;
            for (std::size_t f :
                 {f_reached_before, f_bridging_of, f_friending_of, f_retention_of, f_brought_of, f_key_figures})
                if (system.counts[at(f, p, a)] == 0) system.published_anyway[at(f, p, a)] = 1;
        }
    // Complementary cells come from what only a ratio shows (the cumulative
    // reach, the parts of shares) before the counts published themselves.
    system.priority.assign(system.counts.size(), 0);
    for (std::size_t f = 0; f <= f_key_figures; ++f)
        for (std::size_t p = 0; p < P; ++p)
            for (std::size_t a = 0; a <= A; ++a) system.priority[at(f, p, a)] = 1;
    system.checkpoint = [&progress] { progress.report(0.96); };  // may cancel
    SuppressionOptions so;
    so.min_cell = options.min_cell;
    // A share withheld while its numerator is shown as 0 would still be
    // known (0 of a few is 0; a non-zero numerator over an undetermined
    // denominator is not): such a numerator is hidden too, and the system
    // protected again until no share is left like that.
    const std::pair<std::size_t, std::size_t> shares[] = {
        {f_reached, f_reached_before},    {f_bridging, f_bridging_of}, {f_friending, f_friending_of},
        {f_retention, f_retention_of},    {f_brought, f_brought_of},   {f_organised_by_key, f_key_figures},
        {f_brought_by_key, f_key_figures}};
    LinkedSuppression hidden = suppress_linked_cells(system, so);
    for (bool again = true; again;) {
        again = false;
        for (const auto& [num, den] : shares)
            for (std::size_t p = 0; p < P; ++p)
                for (std::size_t a = 0; a <= A; ++a)
                    if (hidden.suppressed[at(den, p, a)] && !hidden.suppressed[at(num, p, a)] &&
                        system.counts[at(num, p, a)] == 0 && !system.published_anyway[at(num, p, a)]) {
                        system.withheld[at(num, p, a)] = 1;
                        again = true;
                    }
        if (again) hidden = suppress_linked_cells(system, so);
    }
    auto shown = [&](std::size_t f, std::size_t p, std::size_t a) { return !hidden.suppressed[at(f, p, a)]; };

    // --- values --------------------------------------------------------------------------------
    std::vector<Cell> cells(P * (A + 1) * metric_count);
    auto cell = [&](std::size_t p, std::size_t a, std::size_t m) -> Cell& {
        return cells[(p * (A + 1) + a) * metric_count + m];
    };
    for (std::size_t p = 0; p < P; ++p) {
        for (std::size_t m = 0; m < metric_count; ++m) {
            if (!defined(p, m)) continue;  // cells stay "no data"
            if (m == ei_index_metric || m == expected_ei_index_metric) {
                for (std::size_t a = 0; a <= A; ++a)
                    cell(p, a, m) = (m == ei_index_metric ? ei : expected)[p * (A + 1) + a];
                continue;
            }
            // The count itself, or numerator / denominator.
            std::size_t num = family_count, den = family_count;
            switch (m) {
                case active_residents: num = f_active; break;
                case newcomers: num = f_newcomers; break;
                case newly_reached: num = f_reached; break;
                case new_ties: num = f_new_ties; break;
                case lost_ties: num = f_lost_ties; break;
                case exposure: num = f_exposure; break;
                case active_key_figures: num = f_key_figures; break;
                case reach_growth: num = f_reached, den = f_reached_before; break;
                case bridging_share: num = f_bridging, den = f_bridging_of; break;
                case friending: num = f_friending, den = f_friending_of; break;
                case retention: num = f_retention, den = f_retention_of; break;
                case bring_along_rate: num = f_brought, den = f_brought_of; break;
                case events_per_key_figure: num = f_organised_by_key, den = f_key_figures; break;
                case brought_per_key_figure: num = f_brought_by_key, den = f_key_figures; break;
                default: break;
            }
            for (std::size_t a = 0; a <= A; ++a) {
                Cell& c = cell(p, a, m);
                const std::uint64_t n = system.counts[at(num, p, a)];
                if (den == family_count) {
                    c = shown(num, p, a) ? Cell{static_cast<double>(n), ValueStatus::ok}
                                         : Cell{std::nullopt, ValueStatus::suppressed};
                    continue;
                }
                const std::uint64_t d = system.counts[at(den, p, a)];
                if (d == 0) continue;  // nothing to divide by: no data
                c = shown(num, p, a) && shown(den, p, a)
                        ? Cell{static_cast<double>(n) / static_cast<double>(d), ValueStatus::ok}
                        : Cell{std::nullopt, ValueStatus::suppressed};
            }
        }
    }

    // --- records ------------------------------------------------------------------------------
    const auto& metrics = timeline_metrics();
    result.areas = area_names;
    if (!programme_only) result.areas.push_back("programme");
    result.records.reserve(P * result.areas.size() * metric_count);
    for (std::size_t p = 0; p < P; ++p) {
        result.periods.push_back(periods[p].label);
        for (std::size_t a = 0; a <= A; ++a) {
            if (programme_only && a == 0) continue;  // the one area is the programme: its value sits at A
            for (std::size_t m = 0; m < metric_count; ++m) {
                const Cell& c = cell(p, a, m);
                TimelineRecord r;
                r.period = periods[p].label;
                r.period_start = periods[p].start;
                r.period_end = periods[p].end;
                r.area = a < A ? area_names[a] : "programme";
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
