// The sample programme: a generated year (2022) of the pilot "Veilige Wijken"
// (programme Regenboogsteden, approach "Alle Kleuren"). The mechanisms and
// parameters are described in docs/sample-programme.md; keep the two in step.
//
// Portability of the output: the same seed must give the same Network with
// every compiler and standard library. So the random stream is our own
// (xoshiro256**), every draw is turned into a range or a probability with
// integer arithmetic only (no std::*_distribution, no floating point except
// the one multiplication by the scale), and nothing iterates over an
// unordered container.
//
// The parts: sample_parts.hpp (random stream, setting, records, Generator),
// sample_people.cpp, sample_events.cpp; the Network is assembled here.
#include "verbind/datasets/sample.hpp"

#include "sample_parts.hpp"

#include "verbind/error.hpp"

#include <cmath>
#include <sstream>

namespace verbind::sample_detail {

std::string Generator::resident_key(std::uint32_t r) const {
    std::string digits = std::to_string(r + 1);
    const std::size_t width = std::max<std::size_t>(4, std::to_string(people_.size()).size());
    std::string key = "r";
    key.append(width - digits.size(), '0');
    key += digits;
    return key;
}

std::vector<std::string> Generator::group_labels(const Person& person) const {
    std::vector<std::string> groups;
    groups.emplace_back(age_groups[person.age]);
    if (person.language != no_language)
        groups.emplace_back(language_groups[static_cast<std::size_t>(person.language)]);
    if (person.student) groups.emplace_back("students");
    if (person.parent) groups.emplace_back("parents");
    if (person.newcomer) groups.emplace_back("newcomers");
    if (person.lgbti) groups.emplace_back(sensitive_group);
    return groups;
}

Network Generator::assemble() const {
    Network net;
    std::vector<std::string> keys;
    keys.reserve(people_.size());
    for (std::uint32_t r = 0; r < people_.size(); ++r) {
        const Person& person = people_[r];
        keys.push_back(resident_key(r));
        ResidentInfo info;
        info.neighbourhood = std::string(hoods_[person.neighbourhood].name);
        info.municipality = std::string(plans_[person.municipality].name);
        for (unsigned t : person.talents) info.talents.emplace_back(talent_names[t]);
        info.groups = group_labels(person);
        info.key_figure = person.key_figure;
        info.trained_on = person.trained_on;
        net.add_resident(keys.back(), info);
    }
    for (const auto& org : organisations_) {
        OrganisationInfo info;
        info.kind = std::string(kind_name(org.kind));
        if (org.neighbourhood) info.neighbourhood = std::string(hoods_[*org.neighbourhood].name);
        info.municipality = std::string(plans_[org.municipality].name);
        for (unsigned t : offered_talents(org.kind)) info.talents.emplace_back(talent_names[t]);
        net.add_organisation(org.key, info);
    }
    net.mark_sensitive(sensitive_group);

    auto dated = [](Date since, std::optional<Date> until = std::nullopt) {
        TieInfo info;
        info.since = since;
        info.until = until;
        return info;
    };
    for (const auto& tie : knows_) net.add_tie(keys[tie.a], keys[tie.b], "knows", dated(tie.since, tie.until));
    for (const auto& m : memberships_)
        net.add_tie(keys[m.resident], organisations_[m.organisation].key, "member_of", dated(m.since));
    for (const auto& p : partnerships_)
        net.add_tie(organisations_[p.a].key, organisations_[p.b].key, "partner", dated(p.since));

    for (std::size_t e = 0; e < events_.size(); ++e) {
        const PlannedEvent& event = events_[e];
        EventInfo info;
        info.date = event.date;
        info.kind = std::string(kind_name(event.kind));
        info.neighbourhood = std::string(hoods_[event.neighbourhood].name);
        info.municipality = std::string(plans_[event.municipality].name);
        for (std::uint32_t o : event.organisations) info.organisers.push_back(organisations_[o].key);
        for (std::uint32_t k : event.key_figures) info.organisers.push_back(keys[k]);
        net.add_event(event.key, info);
        for (const Visit& v : visits_[e])
            net.attend(event.key, keys[v.resident],
                       v.brought_by < 0 ? std::string_view{}
                                        : std::string_view(keys[static_cast<std::size_t>(v.brought_by)]));
    }
    return net;
}

}  // namespace verbind::sample_detail

namespace verbind {

void SampleOptions::validate() const {
    if (!std::isfinite(scale) || scale <= 0 || scale > 1000) {
        std::ostringstream message;
        message << "sample options field 'scale': must be a number in (0, 1000], got " << scale;
        throw input_error(message.str());
    }
}

Network sample_programme(const SampleOptions& options) {
    options.validate();
    // Below 60 residents some neighbourhoods would stay empty.
    const auto residents = std::max<long long>(60, std::llround(2000 * options.scale));
    sample_detail::Generator generator(options, static_cast<std::size_t>(residents));
    return generator.run();
}

}  // namespace verbind
