#include "verbind/reach/cascades.hpp"

#include "verbind/error.hpp"
#include "verbind/model/visible.hpp"

#include <algorithm>
#include <map>
#include <numeric>
#include <unordered_map>

namespace verbind {
namespace {

// Generations in a forest given as parent links among `links` (index into
// links, or SIZE_MAX for a root). A cycle (A brought B, B brought A, which
// bad data can hold) is cut where it is found: that member becomes a root.
void assign_generations(std::vector<CascadeLink>& links, std::vector<std::size_t>& parent) {
    constexpr std::size_t root = SIZE_MAX;
    constexpr std::uint32_t unknown = UINT32_MAX, in_progress = UINT32_MAX - 1;
    std::vector<std::uint32_t> generation(links.size(), unknown);
    std::vector<std::size_t> path;  // child -> ancestor
    for (std::size_t i = 0; i < links.size(); ++i) {
        for (;;) {
            path.clear();
            std::size_t x = i;
            while (x != root && generation[x] == unknown) {
                generation[x] = in_progress;
                path.push_back(x);
                x = parent[x];
            }
            if (x != root && generation[x] == in_progress) {
                // A cycle: cut it at x and walk again.
                parent[x] = root;
                for (std::size_t p : path) generation[p] = unknown;
                continue;
            }
            std::uint32_t next = x == root ? 0 : generation[x] + 1;
            for (std::size_t j = path.size(); j-- > 0;) generation[path[j]] = next++;
            break;
        }
    }
    for (std::size_t i = 0; i < links.size(); ++i) links[i].generation = generation[i];
}

double share(std::size_t part, std::size_t whole) {
    return whole == 0 ? 0.0 : static_cast<double>(part) / static_cast<double>(whole);
}

}  // namespace

void CascadeOptions::validate() const {
    if (start && end && !(*start < *end))
        throw input_error("cascades: start " + format_date(start) + " is not before end " + format_date(end));
}

CascadeResult cascades(const Network& network, const CascadeOptions& options) {
    options.validate();
    const auto& events = network.events();
    std::vector<EventId> order(events.size());
    std::iota(order.begin(), order.end(), EventId{0});
    const Visible visible(network, options.include_sensitive);
    if (!visible.everything()) std::erase_if(order, [&](EventId e) { return !visible.event(e); });
    std::stable_sort(order.begin(), order.end(),
                     [&](EventId a, EventId b) { return events[a].date < events[b].date; });
    std::vector<std::vector<const Attendance*>> by_event(events.size());
    for (const Attendance& a : network.attendance()) by_event[a.event].push_back(&a);

    // Newcomer: the person's first event in the whole history.
    std::vector<EventId> first_event(network.num_actors(), no_id);
    for (EventId e : order)
        for (const Attendance* a : by_event[e])
            if (first_event[a->actor] == no_id) first_event[a->actor] = e;

    auto in_window = [&](const Event& e) {
        return (!options.start || !(e.date < *options.start)) && (!options.end || e.date < *options.end);
    };

    CascadeResult result;
    std::vector<Bringer> bringer(network.num_actors());
    std::map<std::pair<std::string, std::string>, std::vector<EventId>> series_events;
    std::unordered_map<ActorId, std::size_t> position;
    for (EventId e : order) {
        if (!in_window(events[e])) continue;
        series_events[{events[e].kind, events[e].municipality}].push_back(e);
        EventCascade cascade;
        cascade.event = e;
        position.clear();
        for (const Attendance* a : by_event[e]) {
            position[a->actor] = cascade.attendees.size();
            CascadeLink link{a->actor, a->brought_by, 0, first_event[a->actor] == e};
            cascade.attendees.push_back(link);
        }
        std::vector<std::size_t> parent(cascade.attendees.size(), SIZE_MAX);
        for (std::size_t i = 0; i < cascade.attendees.size(); ++i) {
            CascadeLink& link = cascade.attendees[i];
            if (link.brought_by == no_id) continue;
            ++cascade.brought;
            Bringer& b = bringer[link.brought_by];
            ++b.brought;
            if (link.newcomer) {
                ++cascade.newcomers_brought;
                ++b.newcomers_brought;
            }
            if (auto it = position.find(link.brought_by); it != position.end()) parent[i] = it->second;
        }
        assign_generations(cascade.attendees, parent);
        for (const CascadeLink& link : cascade.attendees) {
            cascade.newcomers += link.newcomer;
            cascade.generations = std::max(cascade.generations, link.generation);
        }
        const std::size_t attendees = cascade.attendees.size();
        cascade.newcomer_share = share(cascade.newcomers, attendees);
        cascade.bring_along_rate = share(cascade.newcomers_brought, attendees);
        result.attendances += attendees;
        result.newcomers += cascade.newcomers;
        result.newcomers_brought += cascade.newcomers_brought;
        result.events.push_back(std::move(cascade));
    }
    result.bring_along_rate = share(result.newcomers_brought, result.attendances);
    result.newcomer_share = share(result.newcomers, result.attendances);

    for (auto& [key, ids] : series_events) {
        SeriesCascade series;
        series.kind = key.first;
        series.municipality = key.second;
        series.events = ids;
        position.clear();
        std::vector<std::size_t> parent;
        for (EventId e : ids) {
            const std::size_t before = series.people.size();
            for (const Attendance* a : by_event[e]) {
                ++series.attendances;
                const bool newcomer = first_event[a->actor] == e;
                series.newcomers += newcomer;
                series.newcomers_brought += newcomer && a->brought_by != no_id;
                if (position.count(a->actor)) continue;
                position[a->actor] = series.people.size();
                series.people.push_back(CascadeLink{a->actor, a->brought_by, 0, newcomer});
                parent.push_back(SIZE_MAX);
            }
            // Link after the whole event is in: a bringer at the same event counts.
            for (std::size_t i = before; i < series.people.size(); ++i) {
                const ActorId by = series.people[i].brought_by;
                if (by == no_id) continue;
                if (auto it = position.find(by); it != position.end()) parent[i] = it->second;
            }
        }
        assign_generations(series.people, parent);
        std::vector<std::size_t> tree_size(series.people.size(), 0);
        for (std::size_t i = 0; i < series.people.size(); ++i) {
            series.generations = std::max(series.generations, series.people[i].generation);
            std::size_t x = i;
            while (parent[x] != SIZE_MAX) x = parent[x];
            series.largest_tree = std::max(series.largest_tree, ++tree_size[x]);
        }
        series.bring_along_rate = share(series.newcomers_brought, series.attendances);
        result.generations = std::max(result.generations, series.generations);
        result.series.push_back(std::move(series));
    }

    for (ActorId a = 0; a < bringer.size(); ++a)
        if (bringer[a].brought > 0) {
            bringer[a].actor = a;
            result.bringers.push_back(bringer[a]);
        }
    std::stable_sort(result.bringers.begin(), result.bringers.end(), [](const Bringer& x, const Bringer& y) {
        if (x.newcomers_brought != y.newcomers_brought) return x.newcomers_brought > y.newcomers_brought;
        return x.brought > y.brought;
    });
    return result;
}

}  // namespace verbind
