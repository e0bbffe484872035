#include "verbind/datasets/davis.hpp"
#include "verbind/datasets/sample.hpp"
#include "verbind/error.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <limits>
#include <map>
#include <set>
#include <string>
#include <vector>

using namespace verbind;

namespace {

Date d(const char* text) { return parse_date(text); }

const Network& default_sample() {
    static const Network net = sample_programme();
    return net;
}

// The properties hold for every seed; three are checked.
const Network& sample_for(std::uint64_t seed) {
    static std::map<std::uint64_t, Network> cache;
    auto it = cache.find(seed);
    if (it == cache.end()) it = cache.emplace(seed, sample_programme({.seed = seed, .scale = 1.0})).first;
    return it->second;
}

bool starts_with(const std::string& text, std::string_view prefix) { return text.rfind(prefix, 0) == 0; }
bool ends_with(const std::string& text, std::string_view suffix) {
    return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// The one declared group of a resident whose label matches, or "".
std::string group_like(const Actor& actor, bool (*matches)(const std::string&)) {
    for (const auto& group : actor.groups)
        if (matches(group)) return group;
    return "";
}
bool is_age_group(const std::string& group) { return starts_with(group, "age "); }
bool is_home_language(const std::string& group) { return ends_with(group, "-speaking"); }

struct Homophily {
    double observed = 0;  // share of knows ties (both ends declaring) within one group
    double expected = 0;  // the same share if ties ignored groups: sum of squared group shares
    std::size_t ties = 0;
};

Homophily homophily(const Network& net, bool (*matches)(const std::string&)) {
    std::map<std::string, double> sizes;
    double declared = 0;
    for (const auto& actor : net.actors()) {
        const std::string group = actor.is_resident() ? group_like(actor, matches) : "";
        if (group.empty()) continue;
        sizes[group] += 1;
        declared += 1;
    }
    Homophily h;
    for (const auto& [group, size] : sizes) h.expected += (size / declared) * (size / declared);
    std::size_t same = 0;
    for (const auto& tie : net.ties()) {
        if (net.tie_kind(tie) != "knows") continue;
        const std::string a = group_like(net.actor(tie.a), matches);
        const std::string b = group_like(net.actor(tie.b), matches);
        if (a.empty() || b.empty()) continue;
        ++h.ties;
        if (a == b) ++same;
    }
    h.observed = static_cast<double>(same) / static_cast<double>(h.ties);
    return h;
}

// Generations of brought_by inside one event: 0 for someone who came on
// their own, 1 for someone they brought, and so on.
std::vector<int> bring_generations(const Network& net) {
    std::map<std::pair<EventId, ActorId>, ActorId> brought_by;
    for (const auto& record : net.attendance()) brought_by[{record.event, record.actor}] = record.brought_by;
    std::vector<int> generations;
    for (const auto& record : net.attendance()) {
        int generation = 0;
        ActorId who = record.actor;
        while (brought_by.at({record.event, who}) != no_id) {
            who = brought_by.at({record.event, who});
            ++generation;
            REQUIRE(generation <= static_cast<int>(net.num_actors()));  // no cycle
        }
        generations.push_back(generation);
    }
    return generations;
}

}  // namespace

TEST_CASE("the sample programme is the same for the same seed", "[sample]") {
    const Network a = sample_programme();
    const Network b = sample_programme({.seed = 2022, .scale = 1.0});
    CHECK(a == b);
    CHECK(a == default_sample());

    const Network other = sample_programme({.seed = 7, .scale = 1.0});
    CHECK_FALSE(other == a);
    CHECK(other == sample_programme({.seed = 7, .scale = 1.0}));

    // A change of seed changes the people, not the setting.
    std::set<std::string> municipalities_a, municipalities_other;
    for (const auto& actor : a.actors()) municipalities_a.insert(actor.municipality);
    for (const auto& actor : other.actors()) municipalities_other.insert(actor.municipality);
    CHECK(municipalities_a == municipalities_other);
}

TEST_CASE("the sample programme has the documented size", "[sample]") {
    const std::uint64_t seed = GENERATE(as<std::uint64_t>{}, 2022, 1, 42);
    INFO("seed " << seed);
    const Network& net = sample_for(seed);
    CHECK(net.num_residents() == 2000);
    CHECK(net.num_organisations() == 30);
    std::size_t key_figures = 0;
    for (const auto& actor : net.actors()) key_figures += actor.key_figure ? 1 : 0;
    CHECK(key_figures == 40);
    CHECK(net.num_events() == 44);  // 11 per municipality

    std::map<std::string, std::size_t> ties_by_kind;
    for (const auto& tie : net.ties()) ++ties_by_kind[net.tie_kind(tie)];
    CHECK(ties_by_kind.size() == 3);
    CHECK(ties_by_kind["knows"] >= 4000);
    CHECK(ties_by_kind["knows"] <= 7000);
    CHECK(ties_by_kind["member_of"] >= 400);
    CHECK(ties_by_kind["member_of"] <= 900);
    CHECK(ties_by_kind["partner"] >= 30);
    CHECK(ties_by_kind["partner"] <= 100);
    CHECK(net.num_attendances() >= 1000);
    CHECK(net.num_attendances() <= 2500);
}

TEST_CASE("the sample programme scales", "[sample]") {
    const Network& net = default_sample();
    SECTION("scale scales residents, key figures and organisations") {
        const Network half = sample_programme({.seed = 2022, .scale = 0.5});
        CHECK(half.num_residents() == 1000);
        CHECK(half.num_organisations() == 16 + 7);
        std::size_t half_key_figures = 0;
        for (const auto& actor : half.actors()) half_key_figures += actor.key_figure ? 1 : 0;
        CHECK(half_key_figures == 20);
        CHECK(half.num_events() == 4 * (7 + 2));
        CHECK(half.num_attendances() < net.num_attendances());

        const Network tiny = sample_programme({.seed = 1, .scale = 0.001});
        CHECK(tiny.num_residents() == 60);  // the floor: every neighbourhood keeps residents
    }
    SECTION("a scale outside (0, 1000] is refused") {
        for (double scale :
             {0.0, -1.0, 1e9, std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::infinity()})
            CHECK_THROWS_AS(sample_programme({.seed = 1, .scale = scale}), input_error);
        CHECK_THROWS_WITH(sample_programme({.seed = 1, .scale = -2}), Catch::Matchers::Contains("'scale'"));
    }
}

TEST_CASE("four municipalities with two to four neighbourhoods each", "[sample]") {
    const std::uint64_t seed = GENERATE(as<std::uint64_t>{}, 2022, 1, 42);
    INFO("seed " << seed);
    const Network& net = sample_for(seed);
    std::map<std::string, std::set<std::string>> neighbourhoods;
    std::map<std::string, std::string> municipality_of;
    for (const auto& actor : net.actors()) {
        if (actor.is_resident()) {
            CHECK_FALSE(actor.neighbourhood.empty());
            CHECK(starts_with(actor.key, "r"));
        }
        if (actor.neighbourhood.empty()) continue;
        neighbourhoods[actor.municipality].insert(actor.neighbourhood);
        const auto [it, fresh] = municipality_of.emplace(actor.neighbourhood, actor.municipality);
        CHECK(it->second == actor.municipality);  // a neighbourhood name belongs to one municipality
    }
    const std::set<std::string> expected = {"Lelystad", "Almere", "Groningen", "Amsterdam-West"};
    std::set<std::string> found;
    for (const auto& [municipality, hoods] : neighbourhoods) {
        found.insert(municipality);
        CHECK(hoods.size() >= 2);
        CHECK(hoods.size() <= 4);
    }
    CHECK(found == expected);

    std::map<std::string, std::size_t> residents;
    for (const auto& actor : net.actors())
        if (actor.is_resident()) ++residents[actor.municipality];
    for (const auto& [municipality, count] : residents) CHECK(count >= 300);

    for (const auto& event : net.events()) {
        REQUIRE(municipality_of.count(event.neighbourhood));
        CHECK(municipality_of[event.neighbourhood] == event.municipality);
    }
}

TEST_CASE("residents have talents and declared groups; lgbti+ is special-category", "[sample]") {
    const std::uint64_t seed = GENERATE(as<std::uint64_t>{}, 2022, 1, 42);
    INFO("seed " << seed);
    const Network& net = sample_for(seed);
    CHECK(net.is_sensitive("lgbti+"));
    CHECK(net.sensitive_groups().size() == 1);
    std::size_t lgbti = 0, newcomers = 0;
    for (const auto& actor : net.actors()) {
        if (!actor.is_resident()) {
            CHECK_FALSE(actor.kind.empty());
            CHECK_FALSE(actor.talents.empty());
            continue;
        }
        CHECK(actor.talents.size() >= 1);
        CHECK(actor.talents.size() <= 4);
        CHECK(std::count_if(actor.groups.begin(), actor.groups.end(), is_age_group) == 1);
        CHECK(std::count_if(actor.groups.begin(), actor.groups.end(), is_home_language) <= 1);
        lgbti += std::count(actor.groups.begin(), actor.groups.end(), "lgbti+");
        newcomers += std::count(actor.groups.begin(), actor.groups.end(), "newcomers");
    }
    // A plausible minority share: Dutch surveys find 4-10% depending on
    // the question and the place.
    CHECK(lgbti >= 2000 * 3 / 100);
    CHECK(lgbti <= 2000 * 12 / 100);
    CHECK(newcomers > 0);

    std::set<std::string> kinds;
    for (const auto& actor : net.actors())
        if (!actor.is_resident()) kinds.insert(actor.kind);
    for (const char* kind :
         {"library", "welfare", "anti-discrimination bureau", "municipality", "sports club", "faith community"})
        CHECK(kinds.count(kind) == 1);
}

TEST_CASE("the year's events fall on their real dates", "[sample]") {
    const std::uint64_t seed = GENERATE(as<std::uint64_t>{}, 2022, 1, 42);
    INFO("seed " << seed);
    const Network& net = sample_for(seed);
    std::map<std::string, std::map<std::string, int>> kinds_per_municipality;
    for (const auto& event : net.events()) {
        INFO(event.key);
        CHECK(event.date.year() == 2022);
        CHECK_FALSE(event.organisers.empty());
        ++kinds_per_municipality[event.municipality][event.kind];
        if (event.kind == "4 May commemoration") CHECK(event.date == d("2022-05-04"));
        if (event.kind == "5 May breakfast") {
            CHECK(event.date == d("2022-05-05"));
            const bool with_library = std::any_of(event.organisers.begin(), event.organisers.end(),
                                                  [&](ActorId o) { return net.actor(o).kind == "library"; });
            CHECK(with_library);
        }
        if (event.kind == "Keti Koti") CHECK(event.date == d("2022-07-01"));
        if (event.kind == "iftar") {  // Ramadan 2022
            CHECK(event.date >= d("2022-04-02"));
            CHECK(event.date <= d("2022-05-01"));
        }
        if (event.kind == "Pride") {
            CHECK(event.date >= d("2022-06-01"));
            CHECK(event.date <= d("2022-08-31"));
        }
        if (event.kind == "key-figure training") {
            const bool with_bureau = std::any_of(event.organisers.begin(), event.organisers.end(), [&](ActorId o) {
                return net.actor(o).kind == "anti-discrimination bureau";
            });
            CHECK(with_bureau);
        }
        // Events are listed in date order.
        const EventId id = net.event_id(event.key);
        if (id > 0) CHECK(net.event(id - 1).date <= event.date);
    }
    REQUIRE(kinds_per_municipality.size() == 4);
    for (auto& [municipality, kinds] : kinds_per_municipality) {
        INFO(municipality);
        CHECK(kinds["4 May commemoration"] == 1);
        CHECK(kinds["5 May breakfast"] == 1);
        CHECK(kinds["Keti Koti"] == 1);
        CHECK(kinds["Pride"] == 1);
        CHECK(kinds["iftar"] == 1);
        CHECK(kinds["key-figure training"] == 2);
        CHECK(kinds["dialogue evening"] >= 2);
    }
}

TEST_CASE("every key figure was trained at a key-figure training they attended", "[sample]") {
    const std::uint64_t seed = GENERATE(as<std::uint64_t>{}, 2022, 1, 42);
    INFO("seed " << seed);
    const Network& net = sample_for(seed);
    std::set<std::pair<EventId, ActorId>> attended;
    for (const auto& record : net.attendance()) attended.emplace(record.event, record.actor);
    std::size_t key_figures = 0;
    for (ActorId a = 0; a < net.num_actors(); ++a) {
        const Actor& actor = net.actor(a);
        if (!actor.key_figure) {
            CHECK_FALSE(actor.trained_on.has_value());
            continue;
        }
        ++key_figures;
        INFO(actor.key);
        REQUIRE(actor.trained_on.has_value());
        bool trained_there = false;
        for (EventId e = 0; e < net.num_events(); ++e) {
            const Event& event = net.event(e);
            if (event.kind == "key-figure training" && event.date == *actor.trained_on &&
                event.municipality == actor.municipality && attended.count({e, a}))
                trained_there = true;
        }
        CHECK(trained_there);
    }
    CHECK(key_figures > 0);
}

TEST_CASE("people bring people: brought_by chains over several generations", "[sample]") {
    const std::uint64_t seed = GENERATE(as<std::uint64_t>{}, 2022, 1, 42);
    INFO("seed " << seed);
    const Network& net = sample_for(seed);
    std::set<std::pair<EventId, ActorId>> attended;
    for (const auto& record : net.attendance()) attended.emplace(record.event, record.actor);
    std::size_t brought = 0, by_key_figure = 0;
    for (const auto& record : net.attendance()) {
        if (record.brought_by == no_id) continue;
        ++brought;
        CHECK(attended.count({record.event, record.brought_by}) == 1);
        CHECK(net.actor(record.brought_by).is_resident());
        if (net.actor(record.brought_by).key_figure) ++by_key_figure;
    }
    CHECK(brought > net.num_attendances() / 4);
    CHECK(by_key_figure > 0);

    const std::vector<int> generations = bring_generations(net);
    const auto third = std::count_if(generations.begin(), generations.end(), [](int g) { return g >= 3; });
    CHECK(third >= 3);

    // Across the year: someone brought to one event brings someone else to a
    // later one ("one person brings another next time").
    std::map<ActorId, Date> first_brought;
    for (const auto& record : net.attendance())
        if (record.brought_by != no_id && !first_brought.count(record.actor))
            first_brought[record.actor] = net.event(record.event).date;
    std::size_t brought_then_bringing = 0;
    for (const auto& record : net.attendance()) {
        if (record.brought_by == no_id) continue;
        const auto it = first_brought.find(record.brought_by);
        if (it != first_brought.end() && it->second < net.event(record.event).date) ++brought_then_bringing;
    }
    CHECK(brought_then_bringing >= 20);
}

TEST_CASE("acquaintance is homophilous but crosses groups", "[sample]") {
    const std::uint64_t seed = GENERATE(as<std::uint64_t>{}, 2022, 1, 42);
    INFO("seed " << seed);
    const Network& net = sample_for(seed);
    const Homophily age = homophily(net, is_age_group);
    const Homophily language = homophily(net, is_home_language);
    INFO("age: observed " << age.observed << " expected " << age.expected);
    INFO("home language: observed " << language.observed << " expected " << language.expected);
    CHECK(age.ties > 1000);
    CHECK(language.ties > 100);
    CHECK(age.observed > 1.5 * age.expected);
    CHECK(language.observed > 1.5 * language.expected);
    CHECK(age.observed < 0.9);  // some cross-group ties
    CHECK(language.observed < 0.9);

    // Neighbourhood: most ties stay inside, some cross.
    std::size_t knows = 0, same_neighbourhood = 0, cross_municipality = 0;
    for (const auto& tie : net.ties()) {
        if (net.tie_kind(tie) != "knows") continue;
        ++knows;
        if (net.actor(tie.a).neighbourhood == net.actor(tie.b).neighbourhood) ++same_neighbourhood;
        if (net.actor(tie.a).municipality != net.actor(tie.b).municipality) ++cross_municipality;
    }
    CHECK(same_neighbourhood > knows / 2);
    CHECK(same_neighbourhood < knows);
    CHECK(cross_municipality > 0);
}

TEST_CASE("ties are dated; the year's new acquaintances follow shared events", "[sample]") {
    const std::uint64_t seed = GENERATE(as<std::uint64_t>{}, 2022, 1, 42);
    INFO("seed " << seed);
    const Network& net = sample_for(seed);
    std::map<ActorId, std::vector<EventId>> events_of;
    for (const auto& record : net.attendance()) events_of[record.actor].push_back(record.event);
    std::size_t ended = 0, of_2022 = 0;
    std::size_t older_knows = 0, older_same_age = 0, same_age_2022 = 0;
    for (const auto& tie : net.ties()) {
        const std::string& kind = net.tie_kind(tie);
        REQUIRE(tie.since.has_value());
        CHECK(*tie.since <= d("2022-12-31"));
        if (tie.until) {
            ++ended;
            CHECK(*tie.until > *tie.since);
        }
        if (kind == "knows") {
            CHECK(net.actor(tie.a).is_resident());
            CHECK(net.actor(tie.b).is_resident());
        } else if (kind == "member_of") {
            CHECK(net.actor(tie.a).is_resident());
            CHECK_FALSE(net.actor(tie.b).is_resident());
        } else {
            CHECK(kind == "partner");
            CHECK_FALSE(net.actor(tie.a).is_resident());
            CHECK_FALSE(net.actor(tie.b).is_resident());
        }
        if (kind != "knows") continue;
        const bool same_age =
            group_like(net.actor(tie.a), is_age_group) == group_like(net.actor(tie.b), is_age_group);
        if (tie.since->year() != 2022) {
            ++older_knows;
            older_same_age += same_age ? 1 : 0;
            continue;
        }
        ++of_2022;
        same_age_2022 += same_age ? 1 : 0;
        // Both attended an event 1-21 days before the tie began.
        bool after_shared_event = false;
        for (EventId e : events_of[tie.a]) {
            const auto& other = events_of[tie.b];
            const auto days = (*tie.since - net.event(e).date).days();
            if (days >= 1 && days <= 21 && std::find(other.begin(), other.end(), e) != other.end())
                after_shared_event = true;
        }
        CHECK(after_shared_event);
    }
    CHECK(ended > 0);
    CHECK(of_2022 >= 100);
    // Events mix: acquaintances made there cross age groups more often.
    const double older_share = static_cast<double>(older_same_age) / static_cast<double>(older_knows);
    const double share_2022 = static_cast<double>(same_age_2022) / static_cast<double>(of_2022);
    INFO("same age group: before 2022 " << older_share << ", in 2022 " << share_2022);
    CHECK(share_2022 < older_share - 0.1);
}

TEST_CASE("Davis's Southern Women: 18 women, 14 events, 89 attendances", "[sample]") {
    const Network net = davis_southern_women();
    CHECK(net.num_residents() == 18);
    CHECK(net.num_organisations() == 0);
    CHECK(net.num_events() == 14);
    CHECK(net.num_attendances() == 89);
    CHECK(net.num_ties() == 0);
    CHECK(net == davis_southern_women());

    auto events_of = [&](std::string_view woman) {
        std::vector<std::string> keys;
        const ActorId id = net.actor_id(woman);
        for (const auto& record : net.attendance())
            if (record.actor == id) keys.push_back(net.event(record.event).key);
        return keys;
    };
    auto attendance_of = [&](std::string_view event) {
        const EventId id = net.event_id(event);
        return std::count_if(net.attendance().begin(), net.attendance().end(),
                             [&](const Attendance& record) { return record.event == id; });
    };
    // Rows and columns of Davis et al. (1941), p. 148.
    CHECK(events_of("Evelyn Jefferson") == std::vector<std::string>{"E1", "E2", "E3", "E4", "E5", "E6", "E8", "E9"});
    CHECK(events_of("Nora Fayette") == std::vector<std::string>{"E6", "E7", "E9", "E10", "E11", "E12", "E13", "E14"});
    CHECK(events_of("Olivia Carleton") == std::vector<std::string>{"E9", "E11"});
    CHECK(events_of("Flora Price") == std::vector<std::string>{"E9", "E11"});
    CHECK(attendance_of("E8") == 14);
    CHECK(attendance_of("E9") == 12);
    CHECK(attendance_of("E1") == 3);
    CHECK(attendance_of("E14") == 3);

    CHECK(net.event("E1").date == d("1935-06-27"));
    CHECK(net.event("E5").date == d("1935-02-25"));
    CHECK(net.event("E13").date == d("1935-11-21"));
    CHECK(net.event("E14").date == d("1935-08-03"));
    for (const auto& event : net.events()) {
        CHECK(event.kind == "social event");
        CHECK(event.municipality == "Natchez");
    }
    for (const auto& record : net.attendance()) CHECK(record.brought_by == no_id);
}
