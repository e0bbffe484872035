#include "verbind/model/visible.hpp"

#include <algorithm>

namespace verbind {

namespace {
const std::set<std::string, std::less<>> no_marks;
}

Visible::Visible(const Network& network, bool include_sensitive)
    : network_(&network),
      include_sensitive_(include_sensitive),
      everything_(include_sensitive || (network.sensitive_groups().empty() && network.sensitive_tie_kinds().empty() &&
                                        network.sensitive_events().empty())) {
    if (everything_) return;
    if (!network.sensitive_tie_kinds().empty()) {
        const auto& kinds = network.tie_kinds();
        kind_hidden_.assign(kinds.size(), 0);
        bool any = false;
        for (std::size_t k = 0; k < kinds.size(); ++k)
            if (network.is_sensitive_tie_kind(kinds[k])) kind_hidden_[k] = 1, any = true;
        if (!any) kind_hidden_.clear();
    }
    event_hidden_.reserve(network.sensitive_events().size());
    for (const auto& key : network.sensitive_events())
        if (const auto id = network.find_event(key)) event_hidden_.push_back(*id);
    std::sort(event_hidden_.begin(), event_hidden_.end());
}

bool Visible::tie_kind(std::string_view kind) const {
    return include_sensitive_ || !network_->is_sensitive_tie_kind(kind);
}

bool Visible::event(EventId event) const noexcept {
    return event_hidden_.empty() || !std::binary_search(event_hidden_.begin(), event_hidden_.end(), event);
}

bool Visible::group(std::string_view group) const { return include_sensitive_ || !network_->is_sensitive(group); }

std::vector<std::string> Visible::groups(const Actor& actor) const {
    if (everything_) return actor.groups;
    std::vector<std::string> out;
    out.reserve(actor.groups.size());
    for (const auto& g : actor.groups)
        if (group(g)) out.push_back(g);
    return out;
}

const std::set<std::string, std::less<>>& Visible::sensitive_groups() const noexcept {
    return include_sensitive_ ? network_->sensitive_groups() : no_marks;
}
const std::set<std::string, std::less<>>& Visible::sensitive_tie_kinds() const noexcept {
    return include_sensitive_ ? network_->sensitive_tie_kinds() : no_marks;
}
const std::set<std::string, std::less<>>& Visible::sensitive_events() const noexcept {
    return include_sensitive_ ? network_->sensitive_events() : no_marks;
}

Visible::Marks Visible::marks() const noexcept {
    return {network_->sensitive_groups().size(), network_->sensitive_tie_kinds().size(),
            network_->sensitive_events().size()};
}

Network Visible::copy() const {
    const Network& network = *network_;
    if (everything_) return network;  // nothing to leave out
    Network out;
    out.reserve(network.num_actors(), network.num_ties(), network.num_events(), network.num_attendances());
    // Actors keep their ids (same order, none left out).
    for (const Actor& actor : network.actors()) {
        if (actor.is_resident()) {
            ResidentInfo info;
            info.neighbourhood = actor.neighbourhood;
            info.municipality = actor.municipality;
            info.talents = actor.talents;
            info.groups = groups(actor);
            info.key_figure = actor.key_figure;
            info.trained_on = actor.trained_on;
            out.add_resident(actor.key, info);
        } else {
            OrganisationInfo info;
            info.kind = actor.kind;
            info.neighbourhood = actor.neighbourhood;
            info.municipality = actor.municipality;
            info.talents = actor.talents;
            out.add_organisation(actor.key, info);
        }
    }
    for (const Tie& t : network.ties()) {
        if (!tie(t)) continue;
        out.add_tie(t.a, t.b, network.tie_kind(t), {.since = t.since, .until = t.until, .weight = t.weight});
    }
    for (EventId e = 0; e < network.num_events(); ++e) {
        if (!event(e)) continue;
        const Event& ev = network.event(e);
        EventInfo info;
        info.date = ev.date;
        info.kind = ev.kind;
        info.neighbourhood = ev.neighbourhood;
        info.municipality = ev.municipality;
        for (ActorId organiser : ev.organisers) info.organisers.push_back(network.actor(organiser).key);
        out.add_event(ev.key, info);
    }
    for (const Attendance& record : network.attendance()) {
        if (!attendance(record)) continue;
        out.attend(network.event(record.event).key, network.actor(record.actor).key,
                   record.brought_by == no_id ? std::string_view()
                                              : std::string_view(network.actor(record.brought_by).key));
    }
    return out;
}

}  // namespace verbind
