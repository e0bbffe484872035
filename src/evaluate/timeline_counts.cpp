// Counting per metric: one pass over the ties, the events and the attendance
// into per-period, per-area tallies, then the people counts, exposure and
// friending, and the E-I index per period and area with its permutation
// baseline. Definitions of every metric: docs/evaluate.md.
#include "timeline_parts.hpp"

#include "verbind/graph/graph.hpp"
#include "verbind/socialmap/mixing.hpp"
#include "verbind/util/parallel.hpp"
#include "verbind/util/random.hpp"

#include <map>
#include <utility>

namespace verbind::timeline_detail {

namespace {

using boost::gregorian::date_duration;

std::uint64_t pair_key(ActorId a, ActorId b) {
    if (a > b) std::swap(a, b);
    return (static_cast<std::uint64_t>(a) << 32) | b;
}

// What the ties and the attendance leave for the people counts.
struct Activity {
    std::vector<std::vector<ActorId>> active, active_key;            // per period, with repeats
    std::vector<std::optional<Date>> first_attended, first_reached;  // per actor
    std::vector<std::vector<std::size_t>> attended_periods;          // per actor, with repeats
    Activity(std::size_t periods, std::size_t actors)
        : active(periods),
          active_key(periods),
          first_attended(actors),
          first_reached(actors),
          attended_periods(actors) {}
};

// The tallies of one timeline and the helpers that add to them.
struct Counter {
    const Network& network;
    const Records& records;
    const Frame& frame;
    const TimelineOptions& options;
    Counts& counts;
    Activity& activity;

    bool resident(ActorId a) const { return network.actors()[a].is_resident(); }
    bool both_grouped(ActorId a, ActorId b) const { return frame.group[a] != no_group && frame.group[b] != no_group; }
    // Adds one for a thing between two people: in each one's area (once when
    // they share it) and once in the programme.
    void count_pair(Tally& t, std::size_t p, ActorId a, ActorId b, std::uint64_t n = 1) const {
        t.at(p, frame.actor_area[a]) += n;
        if (frame.actor_area[b] != frame.actor_area[a]) t.at(p, frame.actor_area[b]) += n;
        t.programme[p] += n;
    }
    void people_pair(PeopleSets& s, std::size_t p, ActorId a, ActorId b) const {
        for (ActorId x : {a, b}) {
            s.add(p, frame.actor_area[a], x);
            if (frame.actor_area[b] != frame.actor_area[a]) s.add(p, frame.actor_area[b], x);
            s.add(p, frame.A(), x);
        }
    }
    void mark_active(std::size_t p, ActorId a) {
        if (!resident(a)) return;
        activity.active[p].push_back(a);
        if (network.actors()[a].key_figure) activity.active_key[p].push_back(a);
    }
    void note_reached(ActorId a, const Date& d) {
        auto& first = activity.first_reached[a];
        if (!first || d < *first) first = d;
    }

    void ties();
    void events_and_attendance();
    void people();
    void exposure_and_friending(Progress& progress);
    void ei(Progress& progress);
};

// --- activity, ties --------------------------------------------------------------
void Counter::ties() {
    auto& count = counts.count;
    for (const Tie* tie : records.ties) {
        const std::size_t ps = frame.period_of(tie->since), pu = frame.period_of(tie->until);
        if (ps != no_period) {
            // A tie reaches people only when it starts within the timeline:
            // older ties are the life people had before the programme.
            note_reached(tie->a, *tie->since), note_reached(tie->b, *tie->since);
            counts.period_has_data[ps] = 1;
            count_pair(count[new_ties], ps, tie->a, tie->b);
            mark_active(ps, tie->a), mark_active(ps, tie->b);
            if (resident(tie->a) && resident(tie->b) && both_grouped(tie->a, tie->b)) {
                count_pair(counts.denominator[bridging_share], ps, tie->a, tie->b);
                people_pair(counts.denominator_people[bridging_share], ps, tie->a, tie->b);
                if (frame.group[tie->a] != frame.group[tie->b]) count_pair(count[bridging_share], ps, tie->a, tie->b);
            }
        }
        if (pu != no_period) {
            counts.period_has_data[pu] = 1;
            count_pair(count[lost_ties], pu, tie->a, tie->b);
        }
    }
}

// --- attendance ----------------------------------------------------------------------
void Counter::events_and_attendance() {
    const auto& actors = network.actors();
    const auto& events = network.events();
    const auto& area = frame.actor_area;
    auto& count = counts.count;
    auto& denominator = counts.denominator;
    for (EventId e = 0; e < events.size(); ++e) {
        if (!records.event_counts[e]) continue;
        const std::size_t p = frame.period_of(events[e].date);
        if (p == no_period) continue;
        counts.period_has_data[p] = 1;
        for (ActorId o : events[e].organisers)
            if (resident(o) && actors[o].key_figure) {
                count[events_per_key_figure].at(p, area[o]) += 1;
                count[events_per_key_figure].programme[p] += 1;
                activity.active_key[p].push_back(o);
            }
    }
    for (const Attendance& at : records.attendance) {
        const Date& day = events[at.event].date;
        note_reached(at.actor, day);
        auto& first = activity.first_attended[at.actor];
        if (!first || day < *first) first = day;
        const std::size_t p = frame.period_of(day);
        if (p == no_period) continue;
        const std::uint32_t a = area[at.actor];
        mark_active(p, at.actor);
        activity.attended_periods[at.actor].push_back(p);
        denominator[bring_along_rate].at(p, a) += 1;
        denominator[bring_along_rate].programme[p] += 1;
        counts.denominator_people[bring_along_rate].add(p, a, at.actor);
        counts.denominator_people[bring_along_rate].add(p, frame.A(), at.actor);
        if (at.brought_by != no_id) {
            count[bring_along_rate].at(p, a) += 1;
            count[bring_along_rate].programme[p] += 1;
            if (resident(at.brought_by) && actors[at.brought_by].key_figure) {
                const std::uint32_t k = area[at.brought_by];
                count[brought_per_key_figure].at(p, k) += 1;
                count[brought_per_key_figure].programme[p] += 1;
                activity.active_key[p].push_back(at.brought_by);
            }
        }
    }
}

// --- people counts: active, newcomers, reached, key figures, retention ----------
void Counter::people() {
    const std::size_t P = frame.P(), A = frame.A();
    auto& count = counts.count;
    auto& denominator = counts.denominator;
    auto count_people = [&](Tally& t, std::size_t p, std::vector<ActorId>& people) {
        std::sort(people.begin(), people.end());
        people.erase(std::unique(people.begin(), people.end()), people.end());
        for (ActorId a : people) t.at(p, frame.actor_area[a]) += 1;
        t.programme[p] += people.size();
    };
    for (std::size_t p = 0; p < P; ++p) {
        count_people(count[active_residents], p, activity.active[p]);
        count_people(count[active_key_figures], p, activity.active_key[p]);
    }
    for (ActorId i = 0; i < network.actors().size(); ++i) {
        if (!resident(i)) continue;
        const std::uint32_t a = frame.actor_area[i];
        if (activity.first_attended[i]) {
            const std::size_t p = frame.period_of(*activity.first_attended[i]);
            if (p != no_period) count[newcomers].at(p, a) += 1, count[newcomers].programme[p] += 1;
        }
        // Reached before start (an earlier attendance): part of every baseline.
        std::size_t reached_period = no_period;
        if (const auto& reached = activity.first_reached[i]) {
            if (*reached < frame.start) {
                reached_period = 0;
            } else if (*reached < frame.end) {
                const std::size_t p = frame.period_of(*reached);
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
        auto& mine = activity.attended_periods[i];
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
}

// --- exposure and friending ----------------------------------------------------------
// Every meeting of two people of different groups at an event, as (pair,
// day), sorted: a pair's first meeting and the periods it met in are then
// runs in one array, with no hash map of millions of pairs.
struct Meeting {
    std::uint64_t pair;
    std::int64_t day;
    bool operator<(const Meeting& o) const { return pair != o.pair ? pair < o.pair : day < o.day; }
};

std::vector<Meeting> cross_group_meetings(const Network& network, const Records& records, const Frame& frame) {
    const auto& events = network.events();
    const auto& group = frame.group;
    std::vector<std::vector<ActorId>> attendees(events.size());
    for (const Attendance& at : records.attendance)
        if (group[at.actor] != no_group) attendees[at.event].push_back(at.actor);
    std::vector<EventId> by_date;
    for (EventId e = 0; e < events.size(); ++e)
        if (records.event_counts[e]) by_date.push_back(e);
    std::stable_sort(by_date.begin(), by_date.end(),
                     [&](EventId x, EventId y) { return events[x].date < events[y].date; });
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
        const std::int64_t day = (events[e].date - frame.start).days();  // days after start (or before: < 0)
        for (std::size_t i = 0; i < people.size(); ++i)
            for (std::size_t j = i + 1; j < people.size(); ++j)
                if (group[people[i]] != group[people[j]]) meetings.push_back({pair_key(people[i], people[j]), day});
    }
    std::sort(meetings.begin(), meetings.end());
    return meetings;
}

void Counter::exposure_and_friending(Progress& progress) {
    const std::vector<Meeting> meetings = cross_group_meetings(network, records, frame);
    progress.report(0.03);

    // Resident-resident ties by pair, sorted alike, for a merge with the meetings.
    std::vector<std::pair<std::uint64_t, const Tie*>> pair_ties;
    for (const Tie* tie : records.ties)
        if (frame.group[tie->a] != no_group && frame.group[tie->b] != no_group)
            pair_ties.emplace_back(pair_key(tie->a, tie->b), tie);
    std::sort(pair_ties.begin(), pair_ties.end());
    std::size_t next_tie = 0;

    const Date start = frame.start;
    const date_duration window(options.friending_days);
    for (std::size_t first = 0; first < meetings.size();) {
        const std::uint64_t key = meetings[first].pair;
        std::size_t last = first;
        while (last < meetings.size() && meetings[last].pair == key) ++last;
        const ActorId a = static_cast<ActorId>(key >> 32), b = static_cast<ActorId>(key);
        // Exposure: once per period the pair met in.
        std::size_t previous = no_period;
        for (std::size_t k = first; k < last; ++k) {
            const std::size_t p = frame.period_of(start + date_duration(meetings[k].day));
            if (p != no_period && p != previous) count_pair(counts.count[exposure], p, a, b);
            previous = p;
        }
        // Friending: from the first meeting ever.
        const Date day = start + date_duration(meetings[first].day);
        const std::size_t p = frame.period_of(day);
        while (next_tie < pair_ties.size() && pair_ties[next_tie].first < key) ++next_tie;
        if (p != no_period && day + window <= frame.end) {
            bool already = false, formed = false;
            for (std::size_t t = next_tie; t < pair_ties.size() && pair_ties[t].first == key; ++t) {
                const Tie* tie = pair_ties[t].second;
                if ((!tie->since || *tie->since < day) && (!tie->until || *tie->until > day)) already = true;
                if (tie->since && *tie->since >= day && *tie->since < day + window) formed = true;
            }
            if (!already) {
                count_pair(counts.denominator[friending], p, a, b);
                people_pair(counts.denominator_people[friending], p, a, b);
                if (formed) count_pair(counts.count[friending], p, a, b);
            }
        }
        first = last;
    }
}

// --- E-I per period and area, with the permutation baseline --------------------------
// The expensive part: one cell per period x area (and programme), each
// with its own random stream, so the result does not depend on threads.
void Counter::ei(Progress& progress) {
    const std::size_t P = frame.P(), A = frame.A();
    const auto& group = frame.group;
    std::vector<const Tie*> grouped_ties;
    for (const Tie* tie : records.ties)
        if (resident(tie->a) && resident(tie->b) && both_grouped(tie->a, tie->b)) grouped_ties.push_back(tie);
    const std::uint64_t seed = seed_or_default(options.seed);
    const std::size_t actor_count = network.actors().size();
    auto run_cell = [&](std::size_t p, std::size_t a) {
        const std::size_t index = p * (A + 1) + a;
        std::vector<NodeId> node(actor_count, no_id);
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
            if (!tie->active_in(frame.periods[p].start, frame.periods[p].end)) continue;
            if (a < A && frame.actor_area[tie->a] != a && frame.actor_area[tie->b] != a) continue;
            src.push_back(node_of(tie->a));
            dst.push_back(node_of(tie->b));
        }
        if (src.empty()) return;  // no data
        EdgeListOptions eo;
        eo.duplicates = Merge::first;  // two ties between the same pair are one link
        const Graph g = Graph::from_edges(who.size(), src, dst, {}, eo);
        if (g.num_edges() < options.min_cell || g.num_nodes() < options.min_cell) {
            counts.ei[index].status = counts.expected[index].status = ValueStatus::suppressed;
            return;
        }
        std::vector<std::uint32_t> labels(who.size());
        {
            std::map<std::uint32_t, std::uint32_t> compact;  // dense labels keep the per-cell work small
            for (std::size_t i = 0; i < who.size(); ++i)
                labels[i] = compact.emplace(group[who[i]], static_cast<std::uint32_t>(compact.size())).first->second;
        }
        ExpectedEIOptions xo;
        xo.permutations = options.permutations;
        xo.seed = mix64(seed ^ mix64(index + 1));
        xo.threads = 1;
        const ExpectedEI r = expected_ei_index(g, labels, xo);
        counts.ei[index] = {r.observed, ValueStatus::ok};
        counts.expected[index] = {r.expected, ValueStatus::ok};
    };
    const std::size_t cells = P * (A + 1);
    const std::size_t batch = std::max<std::size_t>(1, resolve_threads(options.threads) * 2);
    for (std::size_t begin = 0; begin < cells; begin += batch) {
        const std::size_t stop = std::min(cells, begin + batch);
        parallel_for(stop - begin, options.threads, 1, [&](std::size_t from, std::size_t to, unsigned) {
            for (std::size_t c = begin + from; c < begin + to; ++c)
                if (!frame.programme_only || c % (A + 1) == A) run_cell(c / (A + 1), c % (A + 1));
        });
        progress.report(0.05 + 0.9 * static_cast<double>(stop) / static_cast<double>(cells));
    }
}

}  // namespace

void count_metrics(const Network& network, const Records& records, const Frame& frame, const TimelineOptions& options,
                   Counts& counts, Progress& progress) {
    Activity activity(frame.P(), network.actors().size());
    Counter counter{network, records, frame, options, counts, activity};
    counter.ties();
    counter.events_and_attendance();
    counter.people();
    counter.exposure_and_friending(progress);
    counter.ei(progress);
}

}  // namespace verbind::timeline_detail
