// Whom to thank: the residents who carried the most over the report's time
// (events organised, people brought along, new contacts between two people
// both already tied to them), so the coordinator knows whom to thank.
// Everything is read through the privacy view: a sensitive event counts for
// no one, nor its attendance; a sensitive tie kind makes no contact.
#include "parts.hpp"

#include <algorithm>
#include <map>
#include <utility>

namespace verbind::report_detail {

namespace {

bool in_window(const Date& d, const std::optional<Date>& start, const std::optional<Date>& end) {
    return (!start || d >= *start) && (!end || d < *end);
}

// A tie between two actors as the count needs it: when it began (none:
// before anything) and ended (none: still on).
struct Link {
    ActorId other = no_id;
    std::optional<Date> since, until;
};

}  // namespace

std::vector<Thanks> whom_to_thank(const Visible& visible, const ReportOptions& options,
                                  const std::optional<Date>& start, const std::optional<Date>& end) {
    const Network& network = visible.network();
    const std::size_t n = network.num_actors();
    auto counted = [&](ActorId id) {
        if (id == no_id) return false;
        const Actor& a = network.actor(id);
        return a.is_resident() && (options.municipality.empty() || a.municipality == options.municipality);
    };
    auto event_counts = [&](EventId e) {
        const Event& event = network.event(e);
        return visible.event(e) && in_window(event.date, start, end) &&
               (options.municipality.empty() || event.municipality == options.municipality);
    };
    std::vector<Thanks> all(n);
    for (ActorId id = 0; id < n; ++id) {
        all[id].actor = network.actor(id).key;
        all[id].key_figure = network.actor(id).key_figure;
    }
    for (EventId e = 0; e < network.num_events(); ++e) {
        if (!event_counts(e)) continue;
        const auto& organisers = network.event(e).organisers;
        for (std::size_t i = 0; i < organisers.size(); ++i)  // one count per event, even if listed twice
            if (counted(organisers[i]) &&
                std::find(organisers.begin(), organisers.begin() + static_cast<std::ptrdiff_t>(i), organisers[i]) ==
                    organisers.begin() + static_cast<std::ptrdiff_t>(i))
                ++all[organisers[i]].organised;
    }
    for (const Attendance& record : network.attendance())
        if (counted(record.brought_by) && event_counts(record.event)) ++all[record.brought_by].brought;

    // Contacts: per pair of actors the earliest visible tie (a pair tied by
    // two kinds began once). Undated ties began before anything.
    std::vector<std::vector<Link>> links(n);
    std::map<std::pair<ActorId, ActorId>, std::pair<std::optional<Date>, std::optional<Date>>> pairs;
    for (const Tie& tie : network.ties()) {
        if (!visible.tie(tie) || tie.a == tie.b) continue;
        const auto key = std::minmax(tie.a, tie.b);
        auto [it, fresh] = pairs.try_emplace({key.first, key.second}, tie.since, tie.until);
        if (fresh) continue;
        auto& [since, until] = it->second;
        if (since && (!tie.since || *tie.since < *since)) since = tie.since;
        if (until && (!tie.until || *tie.until > *until)) until = tie.until;
    }
    for (const auto& [key, span] : pairs) {
        links[key.first].push_back({key.second, span.first, span.second});
        links[key.second].push_back({key.first, span.first, span.second});
    }
    for (auto& list : links)
        std::sort(list.begin(), list.end(), [](const Link& x, const Link& y) { return x.other < y.other; });
    // w made the contact a-b when a and b are residents whose tie began in
    // the window, and w (a counted resident) was tied to both on that day
    // by ties that began before it.
    auto tied_on = [](const Link& link, const Date& day) {
        return (!link.since || *link.since < day) && (!link.until || *link.until > day);
    };
    for (const auto& [key, span] : pairs) {
        const auto& [a, b] = key;
        if (!span.first || !in_window(*span.first, start, end)) continue;
        if (!network.actor(a).is_resident() || !network.actor(b).is_resident()) continue;
        const Date day = *span.first;
        const auto& la = links[a];
        const auto& lb = links[b];
        for (std::size_t i = 0, j = 0; i < la.size() && j < lb.size();) {
            if (la[i].other < lb[j].other) {
                ++i;
            } else if (lb[j].other < la[i].other) {
                ++j;
            } else {
                const ActorId w = la[i].other;
                if (counted(w) && tied_on(la[i], day) && tied_on(lb[j], day)) ++all[w].introduced;
                ++i;
                ++j;
            }
        }
    }

    std::vector<Thanks> out;
    for (ActorId id = 0; id < n; ++id)
        if (counted(id) && all[id].total() > 0) out.push_back(std::move(all[id]));
    std::stable_sort(out.begin(), out.end(), [](const Thanks& x, const Thanks& y) {
        return x.total() != y.total() ? x.total() > y.total() : x.actor < y.actor;
    });
    return out;
}

std::string thanks_table(const std::vector<Thanks>& thanks, const Words& words, const std::optional<Date>& first,
                         const std::optional<Date>& last) {
    if (thanks.empty() || !first || !last) return "<p class=\"empty\">" + std::string(words(M::no_thanks)) + "</p>\n";
    std::string t = "<p>" + words.fill(M::intro_thanks, {words.date(*first), words.date(*last)}) + "</p>\n";
    t += "<table class=\"thanks\">\n" + header_row(words, {M::th_rank, M::th_person, M::th_organised, M::th_brought,
                                                           M::th_introduced, M::th_marked_key_figure});
    for (std::size_t i = 0; i < thanks.size(); ++i) {
        const Thanks& x = thanks[i];
        t += "<tr>" + cell(words.whole(i + 1), "num") + cell(escaped(x.actor)) +
             cell(words.whole(x.organised), "num") + cell(words.whole(x.brought), "num") +
             cell(words.whole(x.introduced), "num") + cell(std::string(words(x.key_figure ? M::yes : M::not_yet))) +
             "</tr>\n";
    }
    return t + "</table>\n" + how_line(words, std::string(words(M::how_thanks)));
}

}  // namespace verbind::report_detail
