#include "visible.hpp"

#include "verbind/io/io.hpp"
#include "verbind/model/sample.hpp"
#include "verbind/model/text.hpp"
#include "verbind/util/files.hpp"

#include <filesystem>
#include <iostream>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

namespace verbind::cli {

SensitiveCounts count_sensitive(const Network& network) {
    return {network.sensitive_groups().size(), network.sensitive_tie_kinds().size(),
            network.sensitive_events().size()};
}

Network visible_records(const Network& network, bool include_sensitive) {
    if (include_sensitive) return network;
    Network out;
    out.reserve(network.num_actors(), network.num_ties(), network.num_events(), network.num_attendances());
    // Actors keep their ids (same order, none left out).
    for (const Actor& actor : network.actors()) {
        if (actor.is_resident()) {
            ResidentInfo info;
            info.neighbourhood = actor.neighbourhood;
            info.municipality = actor.municipality;
            info.talents = actor.talents;
            info.groups = network.declared_groups(actor, /*include_sensitive=*/false);
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
    for (const Tie& tie : network.ties()) {
        if (network.is_sensitive(tie)) continue;
        out.add_tie(tie.a, tie.b, network.tie_kind(tie), {.since = tie.since, .until = tie.until, .weight = tie.weight});
    }
    for (EventId e = 0; e < network.num_events(); ++e) {
        if (network.is_sensitive_event(e)) continue;
        const Event& event = network.event(e);
        EventInfo info;
        info.date = event.date;
        info.kind = event.kind;
        info.neighbourhood = event.neighbourhood;
        info.municipality = event.municipality;
        for (ActorId organiser : event.organisers) info.organisers.push_back(network.actor(organiser).key);
        out.add_event(event.key, info);
    }
    for (const Attendance& record : network.attendance()) {
        if (network.is_sensitive_event(record.event)) continue;
        out.attend(network.event(record.event).key, network.actor(record.actor).key,
                   record.brought_by == no_id ? std::string_view() : std::string_view(network.actor(record.brought_by).key));
    }
    return out;
}

Network read_csv_from(const std::string& folder, std::ostream& warnings_to) {
    std::vector<std::string> warnings;
    Network read = read_csv(folder, {}, &warnings);
    for (const std::string& warning : warnings) warnings_to << "warning: " << printable(warning) << '\n';
    return read;
}

Network read_network_from(const std::string& path, std::ostream& warnings_to) {
    files::check_path(path);
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) return read_csv_from(path, warnings_to);
    return read_network(path);
}

Input load_network(const std::optional<std::string>& path, bool include_sensitive) {
    Network read = path ? read_network_from(*path, std::cerr) : sample_programme();
    const SensitiveCounts counts = count_sensitive(read);
    // Nothing marked, or asked for everything: the network as read.
    if (include_sensitive || !counts.any()) return Input{std::move(read), counts, include_sensitive};
    return Input{visible_records(read, false), counts, false};
}

void print_sensitive_note(std::ostream& out, const SensitiveCounts& n, bool include_sensitive) {
    if (!n.any()) return;
    auto count = [](std::size_t k, const char* one, const char* many) {
        return std::to_string(k) + " " + (k == 1 ? one : many);
    };
    std::string parts;
    auto add = [&](std::size_t k, const char* one, const char* many) {
        if (k == 0) return;
        if (!parts.empty()) parts += ", ";
        parts += count(k, one, many);
    };
    add(n.groups, "group", "groups");
    add(n.tie_kinds, "tie kind", "tie kinds");
    add(n.events, "event", "events");
    if (include_sensitive)
        out << "special-category data included (--include-sensitive): " << parts << '\n';
    else
        out << "special-category data left out: " << parts << " (names not shown; --include-sensitive includes them)\n";
}

}  // namespace verbind::cli
