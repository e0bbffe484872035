// The sample programme (sample.cpp): the year's calendar and attendance.
#include "sample_parts.hpp"

namespace verbind::sample_detail {

// The year's calendar in every municipality: two key-figure trainings
// (a Saturday in February-March, one in September-October), the 4 May
// commemoration, the 5 May breakfast with the library, an iftar during
// Ramadan (2 April - 1 May 2022), Keti Koti (1 July), Pride (a Saturday
// in June-August; Amsterdam-West during Pride Amsterdam, 30 July -
// 7 August) and dialogue evenings (a Tuesday to Thursday, spread over
// February-December).
void Generator::plan_calendar() {
    Rng rng(seed_, stream_calendar);
    const unsigned dialogues = static_cast<unsigned>(std::clamp<long long>(std::llround(4 * scale_), 2, 24));
    for (unsigned m = 0; m < plans_.size(); ++m) {
        const std::string slug(plans_[m].slug);
        auto plan = [&](const std::string& suffix, Date date, EventKind kind) -> PlannedEvent& {
            PlannedEvent event;
            event.key = slug + "-" + suffix;
            event.date = date;
            event.kind = kind;
            event.municipality = m;
            event.sequence = static_cast<unsigned>(events_.size());
            events_.push_back(std::move(event));
            return events_.back();
        };
        const Date spring = plus_days(next_weekday(Date(2022, 2, 1), 6), 7 * rng.between(0, 7));
        const Date autumn = plus_days(next_weekday(Date(2022, 9, 1), 6), 7 * rng.between(0, 6));
        plan("training-1", spring, EventKind::training).cohort = 0;
        plan("training-2", autumn, EventKind::training).cohort = 1;
        plan("4-may-commemoration", Date(2022, 5, 4), EventKind::commemoration);
        plan("5-may-breakfast", Date(2022, 5, 5), EventKind::breakfast);
        plan("iftar", plus_days(Date(2022, 4, 2), rng.between(0, 29)), EventKind::iftar);
        plan("keti-koti", Date(2022, 7, 1), EventKind::keti_koti);
        const Date pride = plans_[m].slug == "amsterdam-west"
                               ? plus_days(Date(2022, 7, 30), rng.between(0, 8))
                               : plus_days(next_weekday(Date(2022, 6, 1), 6), 7 * rng.between(0, 12));
        plan("pride", pride, EventKind::pride);
        const Date first(2022, 2, 1);
        const int window = static_cast<int>((Date(2022, 12, 10) - first).days()) / static_cast<int>(dialogues);
        for (unsigned k = 0; k < dialogues; ++k) {
            Date day = plus_days(first, static_cast<int>(k) * window + rng.between(0, std::max(0, window - 3)));
            while (day.day_of_week().as_number() < 2 || day.day_of_week().as_number() > 4) day = plus_days(day, 1);
            char suffix[32];
            std::snprintf(suffix, sizeof suffix, "dialogue-%02u", k + 1);
            plan(suffix, day, EventKind::dialogue);
        }
    }
    std::sort(events_.begin(), events_.end(), [](const PlannedEvent& x, const PlannedEvent& y) {
        if (x.date != y.date) return x.date < y.date;
        return x.sequence < y.sequence;
    });
    for (const auto& event : events_)
        if (event.kind == EventKind::training)
            for (std::uint32_t k : key_figures_of_[event.municipality])
                if (people_[k].cohort == event.cohort) people_[k].trained_on = event.date;
    assign_organisers(rng);
}

// Organisations by kind of event; key figures already trained by then,
// the least busy first ("volunteers' time is scarce").
void Generator::assign_organisers(Rng& rng) {
    std::vector<unsigned> load(people_.size(), 0);
    unsigned dialogue_turn = 0;
    for (auto& event : events_) {
        const unsigned m = event.municipality;
        auto org = [&](OrgKind kind) {
            const std::uint32_t o = find_organisation(m, kind);
            if (std::find(event.organisations.begin(), event.organisations.end(), o) == event.organisations.end())
                event.organisations.push_back(o);
            return o;
        };
        unsigned key_figures = 2;
        std::optional<unsigned> hood;
        switch (event.kind) {
            case EventKind::training:
                org(OrgKind::anti_discrimination);
                org(OrgKind::municipality);
                key_figures = 0;
                break;
            case EventKind::commemoration:
                org(OrgKind::municipality);
                key_figures = 1;
                break;
            case EventKind::breakfast: hood = organisations_[org(OrgKind::library)].neighbourhood; break;
            case EventKind::iftar: hood = organisations_[org(OrgKind::faith_community)].neighbourhood; break;
            case EventKind::keti_koti: hood = organisations_[org(OrgKind::community_centre)].neighbourhood; break;
            case EventKind::pride:
                org(OrgKind::anti_discrimination);
                org(OrgKind::municipality);
                break;
            case EventKind::dialogue:
                org(dialogue_turn++ % 2 == 0 ? OrgKind::anti_discrimination : OrgKind::welfare);
                key_figures = 1;
                break;
        }
        std::vector<std::uint32_t> candidates;
        for (std::uint32_t k : key_figures_of_[m])
            if (people_[k].trained_on && *people_[k].trained_on < event.date) candidates.push_back(k);
        if (candidates.empty()) candidates = key_figures_of_[m];
        rng.shuffle(candidates);
        std::stable_sort(candidates.begin(), candidates.end(),
                         [&](std::uint32_t x, std::uint32_t y) { return load[x] < load[y]; });
        for (unsigned i = 0; i < key_figures && i < candidates.size(); ++i) {
            event.key_figures.push_back(candidates[i]);
            ++load[candidates[i]];
        }
        if (!hood) {
            if (event.kind == EventKind::training) {
                const auto& hoods = plans_[m].neighbourhoods;
                hood = hood_index(m, static_cast<unsigned>(rng.index(hoods.size())));
            } else {
                hood = people_[event.key_figures.front()].neighbourhood;
            }
        }
        event.neighbourhood = *hood;

        const unsigned day = static_cast<unsigned>((event.date - year_start).days());
        const auto& plan = plans_[m];
        const unsigned pace = plan.pace_start + (plan.pace_end - plan.pace_start) * day / 365;
        const unsigned jitter = static_cast<unsigned>(rng.between(800, 1200));
        const std::uint64_t turnout = std::uint64_t{planned_turnout(event.kind)} *
                                      residents_of_municipality_[m].size() * pace / 1000 * jitter / 1000 / 500;
        event.turnout = static_cast<unsigned>(std::max<std::uint64_t>(turnout, 4));
    }
}

unsigned Generator::hood_index(unsigned m, unsigned local) const {
    unsigned seen = 0;
    for (unsigned h = 0; h < hoods_.size(); ++h)
        if (hoods_[h].municipality == m && seen++ == local) return h;
    return 0;
}

// Does this resident belong to the communities an event speaks to most?
bool Generator::theme_fits(EventKind kind, const Person& person) {
    switch (kind) {
        case EventKind::iftar:
            return person.language == static_cast<int>(arabic) || person.language == static_cast<int>(turkish);
        case EventKind::keti_koti:
            return person.language == static_cast<int>(sranan) || person.language == static_cast<int>(papiamento);
        case EventKind::pride: return person.lgbti;
        case EventKind::commemoration: return person.age == 3;
        case EventKind::breakfast: return person.parent;
        case EventKind::dialogue: return person.newcomer;
        case EventKind::training: return false;
    }
    return false;
}

unsigned Generator::attraction(const PlannedEvent& event, const Person& person) const {
    unsigned p = 0;
    if (person.neighbourhood == event.neighbourhood) p += 150;
    if (theme_fits(event.kind, person)) p += 200;
    for (unsigned t : event_talents(event.kind))
        if (std::find(person.talents.begin(), person.talents.end(), t) != person.talents.end()) {
            p += 150;
            break;
        }
    return p;
}

// Attendance, event by event in date order:
//  - organising key figures come, and invite 3-8 people they know;
//  - people who came to an earlier event this year come back on their own;
//  - a few newcomers walk in from the neighbourhood;
//  - whoever has been before brings someone they know (sometimes two),
//    and a first-timer now and then brings a friend; the brought person
//    may bring someone in turn, which makes chains of generations.
// Afterwards some attendees befriend another attendee: new knows ties
// dated 1-21 days after the event.
void Generator::hold_events() {
    Rng rng(seed_, stream_attendance);
    std::vector<std::uint32_t> stamp(people_.size(), 0);
    std::vector<unsigned> visits(people_.size(), 0);
    std::vector<std::vector<std::uint32_t>> regulars(plans_.size());
    visits_.resize(events_.size());
    for (std::size_t e = 0; e < events_.size(); ++e) {
        const PlannedEvent& event = events_[e];
        const auto mark = static_cast<std::uint32_t>(e + 1);
        std::vector<Visit>& record = visits_[e];
        auto come = [&](std::uint32_t r, std::int64_t by) {
            if (stamp[r] == mark) return false;
            stamp[r] = mark;
            record.push_back({r, by});
            return true;
        };
        if (event.kind == EventKind::training) {
            for (std::uint32_t k : key_figures_of_[event.municipality])
                if (people_[k].cohort == event.cohort) come(k, -1);
        } else {
            const unsigned turnout = event.turnout;
            for (std::uint32_t k : event.key_figures) come(k, -1);

            std::vector<std::uint32_t> returning = regulars[event.municipality];
            rng.shuffle(returning);
            const std::size_t returning_budget = record.size() + turnout * 3 / 10;
            for (std::uint32_t r : returning) {
                if (record.size() >= returning_budget) break;
                const unsigned p = (event.kind == EventKind::dialogue ? 200u : 300u) +
                                   (people_[r].key_figure ? 300u : 0u) + attraction(event, people_[r]) / 2;
                if (rng.chance(p)) come(r, -1);
            }

            const std::size_t walk_in_budget = record.size() + std::max(1u, turnout / 8);
            const auto& nearby = residents_of_hood_[event.neighbourhood];
            const auto& town = residents_of_municipality_[event.municipality];
            for (unsigned tries = 0; tries < 8 * turnout && record.size() < walk_in_budget; ++tries) {
                const auto& pool = rng.chance(700) ? nearby : town;
                const std::uint32_t r = pool[rng.index(pool.size())];
                if (rng.chance(250 + attraction(event, people_[r]))) come(r, -1);
            }

            for (std::size_t i = 0; i < record.size() && record.size() < turnout; ++i) {
                const std::uint32_t host = record[i].resident;
                const bool organiser =
                    std::find(event.key_figures.begin(), event.key_figures.end(), host) != event.key_figures.end();
                int bring = 0;
                unsigned base = 550;
                if (organiser) {
                    bring = rng.between(3, 8);
                    base = 400;
                } else if (visits[host] > 0 || people_[host].key_figure) {
                    bring = rng.chance(500) ? (rng.chance(250) ? 2 : 1) : 0;
                } else {
                    bring = rng.chance(150) ? 1 : 0;
                }
                if (bring == 0) continue;
                std::vector<std::uint32_t> friends;
                for (std::uint32_t t : contacts_[host]) {
                    const Knows& tie = knows_[t];
                    const std::uint32_t other = tie.a == host ? tie.b : tie.a;
                    if (tie.active_on(event.date) && stamp[other] != mark) friends.push_back(other);
                }
                rng.shuffle(friends);
                for (std::uint32_t f : friends) {
                    if (bring == 0 || record.size() >= turnout) break;
                    if (rng.chance(base + attraction(event, people_[f]))) {
                        come(f, host);
                        --bring;
                    }
                }
            }
        }

        for (const Visit& v : record)
            if (visits[v.resident]++ == 0) regulars[event.municipality].push_back(v.resident);

        befriend(rng, event, record);
    }
}

void Generator::befriend(Rng& rng, const PlannedEvent& event, const std::vector<Visit>& record) {
    if (record.size() < 2) return;
    const bool training = event.kind == EventKind::training;
    for (const Visit& v : record) {
        const Person& person = people_[v.resident];
        if (!rng.chance(training ? 700 : 300)) continue;
        const std::uint32_t other = record[rng.index(record.size())].resident;
        if (other == v.resident || acquainted_.count(pair_key(v.resident, other))) continue;
        unsigned p = training ? 800 : 350;
        if (shares_talent(person.talents, people_[other].talents)) p += 250;
        if (person.neighbourhood == people_[other].neighbourhood) p += 150;
        if (!rng.chance(p)) continue;
        const Date since = std::min(plus_days(event.date, rng.between(1, 21)), year_end);
        if (since <= event.date) continue;
        add_knows(v.resident, other, since, std::nullopt);
    }
}

}  // namespace verbind::sample_detail
