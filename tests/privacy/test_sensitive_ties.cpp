// Ties of sensitive kinds and sensitive events stay out of what the social
// map, the introductions and graph views derive, unless asked for by name
// (ViewOptions::include_sensitive, default false).
#include "verbind/graph/view.hpp"
#include "verbind/match/introductions.hpp"
#include "verbind/reach/cascades.hpp"
#include "verbind/reach/temporal.hpp"
#include "verbind/socialmap/social_map.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace verbind;

namespace {

// r1 and r2 share a talent and differ in group; each is a member of the
// LGBTI+ organisation o1 (a sensitive tie kind), and r1 knows r3.
Network network_with_membership() {
    Network net;
    net.add_resident("r1", {.municipality = "Lelystad", .talents = {"cooking"}, .groups = {"A"}});
    net.add_resident("r2", {.municipality = "Lelystad", .talents = {"cooking"}, .groups = {"B"}});
    net.add_resident("r3", {.municipality = "Lelystad", .groups = {"A"}});
    net.add_organisation("o1", {.kind = "lgbti+ association", .municipality = "Lelystad"});
    net.add_tie("r1", "o1", "member_of");
    net.add_tie("r2", "o1", "member_of");
    net.add_tie("r1", "r3", "knows");
    net.add_event("pride", {.date = parse_date("2022-06-25"), .kind = "Pride breakfast"});
    net.add_event("iftar", {.date = parse_date("2022-04-10"), .kind = "iftar"});
    for (const char* who : {"r1", "r2", "r3"}) net.attend("pride", who);
    net.attend("iftar", "r1");
    net.attend("iftar", "r3");
    net.mark_sensitive_tie_kind("member_of");
    net.mark_sensitive_event("pride");
    return net;
}

}  // namespace

TEST_CASE("a view leaves out sensitive tie kinds and events unless asked", "[privacy]") {
    const Network net = network_with_membership();
    ViewOptions view;  // the default: left out
    CHECK_FALSE(view.include_sensitive);
    const Graph ties = build_graph(net, view);
    CHECK(ties.num_nodes() == 4);              // every actor stays, isolated or not
    CHECK(ties.num_edges() == 1);              // r1 - r3 only
    CHECK(build_graph(net).num_edges() == 1);  // no options at all: the same

    view.co_attendance = true;
    const Graph met = build_graph(net, view);
    CHECK(met.num_edges() == 1);  // the iftar's r1 - r3; the Pride breakfast is left out
    view.include_sensitive = true;
    CHECK(build_graph(net, view).num_edges() == 3);  // r1 r2 r3 all met at the breakfast

    view.co_attendance = false;  // asked for by name: the member_of ties too
    CHECK(build_graph(net, view).num_edges() == 3);
}

TEST_CASE("the social map counts sensitive ties only on request", "[privacy][socialmap]") {
    const Network net = network_with_membership();
    SocialMapOptions options;
    options.seed = 1;
    const SocialMap without = social_map(net, options);
    CHECK(without.ties == 1);
    for (const auto& org : without.organisations) CHECK(org.residents_tied == 0);
    options.include_sensitive = true;
    const SocialMap with = social_map(net, options);
    CHECK(with.ties == 3);
    const auto o1 = std::find_if(with.organisations.begin(), with.organisations.end(),
                                 [](const OrganisationRole& o) { return o.actor == "o1"; });
    REQUIRE(o1 != with.organisations.end());
    CHECK(o1->residents_tied == 2);
}

TEST_CASE("introductions do not name a sensitive membership as the way in", "[privacy][match]") {
    const Network net = network_with_membership();
    IntroductionOptions options;
    options.communities.assign(net.num_actors(), 0);
    auto r1_r2 = [&] {
        const auto all = introductions(net, options);
        const auto it = std::find_if(all.begin(), all.end(), [](const Introduction& i) {
            return (i.a == "r1" && i.b == "r2") || (i.a == "r2" && i.b == "r1");
        });
        REQUIRE(it != all.end());
        return *it;
    };
    CHECK(r1_r2().via.empty());  // o1 would reveal both memberships
    options.include_sensitive = true;
    CHECK(r1_r2().via == std::vector<std::string>{"o1"});
}

TEST_CASE("cascades and temporal reach leave sensitive events out unless asked", "[privacy][reach]") {
    Network net = network_with_membership();
    // r2's first event was the (sensitive) Pride breakfast; in September r2
    // brought r4 to a dialogue evening.
    net.add_resident("r4", {.municipality = "Lelystad"});
    net.add_event("dialogue", {.date = parse_date("2022-09-01"), .kind = "dialogue evening"});
    net.attend("dialogue", "r2");
    net.attend("dialogue", "r4", "r2");
    auto dialogue_newcomers = [&](const CascadeResult& r) {
        for (const EventCascade& e : r.events)
            if (net.event(e.event).key == "dialogue") return e.newcomers;
        FAIL("no dialogue evening in the cascades");
        return std::size_t{0};
    };
    CascadeOptions options;
    const CascadeResult without = cascades(net, options);
    CHECK(without.events.size() == 2);        // the iftar and the dialogue evening
    CHECK(dialogue_newcomers(without) == 2);  // r2 and r4, once the breakfast is gone
    options.include_sensitive = true;
    const CascadeResult with = cascades(net, options);
    CHECK(with.events.size() == 3);
    CHECK(dialogue_newcomers(with) == 1);  // r4 only: r2 was at the breakfast

    // o1 is tied to r1 and r2 only by memberships (a sensitive tie kind)
    // and went to no event: what may be shown carries nothing from o1.
    NetworkTemporalOptions t;
    t.start = parse_date("2022-01-01");
    t.end = parse_date("2023-01-01");
    const std::vector<ActorId> seed{net.actor_id("o1")};
    auto people_reached = [](const TemporalReach& r) { return std::count(r.reached.begin(), r.reached.end(), 1); };
    CHECK(people_reached(temporal_reach(net, seed, t)) == 1);  // o1 itself
    t.include_sensitive = true;
    CHECK(people_reached(temporal_reach(net, seed, t)) == 5);  // r1, r2 at once, r3 at the iftar, r4 in September
}
