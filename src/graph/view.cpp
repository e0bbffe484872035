#include "verbind/graph/view.hpp"

#include "builder.hpp"
#include "verbind/error.hpp"
#include "verbind/model/visible.hpp"

#include <algorithm>

namespace verbind {

void ViewOptions::validate() const {
    if (start && end && *end <= *start)
        throw input_error("view: end " + format_date(end) + " is not after start " + format_date(start));
}

Graph build_graph(const Network& network, const ViewOptions& options) {
    options.validate();

    // Nodes: the actors that pass the filters, in the Network's order.
    const auto& actors = network.actors();
    std::vector<NodeId> node_of(actors.size(), no_id);
    std::vector<std::string> keys;
    auto wanted_area = [&](const std::string& neighbourhood) {
        return options.neighbourhoods.empty() ||
               std::find(options.neighbourhoods.begin(), options.neighbourhoods.end(), neighbourhood) !=
                   options.neighbourhoods.end();
    };
    for (std::size_t i = 0; i < actors.size(); ++i) {
        const Actor& actor = actors[i];
        if (options.residents_only && !actor.is_resident()) continue;
        if (!wanted_area(actor.neighbourhood)) continue;
        node_of[i] = static_cast<NodeId>(keys.size());
        keys.push_back(actor.key);
    }

    std::vector<NodeId> src, dst;
    std::vector<double> weights;
    std::vector<std::size_t> record;  // tie index of each edge, for messages
    GraphBuilder::Input in;
    in.n = keys.size();
    in.weighted = GraphBuilder::Weights::when_not_all_one;

    auto wanted_kind = [&](const std::string& kind) {
        return options.kinds.empty() ||
               std::find(options.kinds.begin(), options.kinds.end(), kind) != options.kinds.end();
    };

    // What may be used: the privacy view (every record with include_sensitive).
    const Visible visible(network, options.include_sensitive);
    if (options.co_attendance) {
        // Events in the window, of the wanted kinds; every pair of attendees
        // gets one unit per shared event (summed by the builder).
        const auto& events = network.events();
        std::vector<char> event_wanted(events.size(), 0);
        for (std::size_t e = 0; e < events.size(); ++e) {
            const Event& event = events[e];
            event_wanted[e] = wanted_kind(event.kind) && (!options.start || event.date >= *options.start) &&
                              (!options.end || event.date < *options.end) && visible.event(static_cast<EventId>(e));
        }
        std::vector<std::vector<NodeId>> attendees(events.size());
        for (const Attendance& a : network.attendance())
            if (event_wanted[a.event] && node_of[a.actor] != no_id) attendees[a.event].push_back(node_of[a.actor]);
        for (auto& people : attendees) {
            std::sort(people.begin(), people.end());
            for (std::size_t i = 0; i < people.size(); ++i) {
                for (std::size_t j = i + 1; j < people.size(); ++j) {
                    src.push_back(people[i]);
                    dst.push_back(people[j]);
                }
            }
        }
        in.duplicates = Merge::sum;
        in.directed = false;
    } else {
        std::vector<char> kind_wanted(network.tie_kinds().size());
        for (std::size_t k = 0; k < kind_wanted.size(); ++k) {
            kind_wanted[k] = wanted_kind(network.tie_kinds()[k]) && visible.tie_kind(static_cast<std::uint32_t>(k));
        }
        const auto& ties = network.ties();
        for (std::size_t t = 0; t < ties.size(); ++t) {
            const Tie& tie = ties[t];
            if (!kind_wanted[tie.kind] || !tie.active_in(options.start, options.end)) continue;
            const NodeId a = node_of[tie.a], b = node_of[tie.b];
            if (a == no_id || b == no_id) continue;
            src.push_back(a);
            dst.push_back(b);
            weights.push_back(tie.weight);
            record.push_back(t);
        }
        in.duplicates = options.merge;
        in.directed = options.directed;
        in.weights = weights;
        in.describe = [&](std::size_t i) {
            const Tie& tie = ties[record[i]];
            return "tie '" + actors[tie.a].key + "' - '" + actors[tie.b].key + "' (" + network.tie_kind(tie) +
                   (tie.since ? ", since " + format_date(tie.since) : std::string()) + ")";
        };
    }
    in.src = src;
    in.dst = dst;
    return GraphBuilder::build(in, std::move(keys));
}

}  // namespace verbind
