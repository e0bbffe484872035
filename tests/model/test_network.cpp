#include "verbind/error.hpp"
#include "verbind/model/date.hpp"
#include "verbind/model/network.hpp"
#include "verbind/model/text.hpp"

#include <catch2/catch.hpp>

using namespace verbind;
using Catch::Matchers::Contains;

namespace {

Date d(const char* text) { return parse_date(text); }

// Three residents, an organisation, two ties, one event with attendance.
Network small_network() {
    Network net;
    net.add_resident("r1", {.neighbourhood = "Atolwijk",
                            .municipality = "Lelystad",
                            .talents = {"cooking", "music"},
                            .groups = {"lgbti+", "youth"},
                            .key_figure = true,
                            .trained_on = d("2022-02-12")});
    net.add_resident("r2", {.neighbourhood = "Atolwijk", .municipality = "Lelystad", .talents = {"music"}});
    net.add_resident("r3", {.neighbourhood = "Boswijk", .municipality = "Lelystad"});
    net.add_organisation("library", {.kind = "library", .neighbourhood = "Atolwijk", .municipality = "Lelystad"});
    net.mark_sensitive("lgbti+");
    net.add_tie("r1", "r2", "knows", {.since = d("2020-01-01")});
    net.add_tie("r2", "library", "member_of", {.weight = 2.5});
    net.add_event("e1", {.date = d("2022-05-05"),
                         .kind = "5 May breakfast",
                         .neighbourhood = "Atolwijk",
                         .organisers = {"r1", "library"}});
    net.attend("e1", "r1");
    net.attend("e1", "r2", "r1");
    net.attend("e1", "r3", "r2");
    return net;
}

}  // namespace

TEST_CASE("dates are strict ISO-8601 at the boundary", "[model]") {
    CHECK(format_date(parse_date("2022-05-04")) == "2022-05-04");
    CHECK(parse_date("2024-02-29") == Date(2024, 2, 29));
    CHECK_THROWS_WITH(parse_date("2023-02-29", "event 'e1' field 'date'"),
                      Contains("event 'e1' field 'date'") && Contains("'2023-02-29'") && Contains("no such day"));
    CHECK_THROWS_AS(parse_date("2022-13-01"), input_error);
    CHECK_THROWS_AS(parse_date("22-05-04"), input_error);
    CHECK_THROWS_AS(parse_date("2022-5-4"), input_error);
    CHECK_THROWS_AS(parse_date("2022-05-04T10:00"), input_error);
    CHECK_THROWS_AS(parse_date("2022/05/04"), input_error);
    CHECK_FALSE(parse_optional_date("").has_value());
    CHECK(format_date(std::optional<Date>{}).empty());
}

TEST_CASE("UTF-8 validation refuses malformed text", "[model]") {
    CHECK(is_valid_utf8("Zoë İstanbul 東京 😀"));
    CHECK_FALSE(is_valid_utf8("\xff"));
    CHECK_FALSE(is_valid_utf8("\xc0\xaf"));          // overlong '/'
    CHECK_FALSE(is_valid_utf8("\xed\xa0\x80"));      // surrogate U+D800
    CHECK_FALSE(is_valid_utf8("\xf4\x90\x80\x80"));  // above U+10FFFF
    CHECK_FALSE(is_valid_utf8("\xe2\x82"));          // truncated
}

TEST_CASE("a network holds actors, ties, events and attendance", "[model]") {
    const Network net = small_network();
    CHECK(net.num_actors() == 4);
    CHECK(net.num_residents() == 3);
    CHECK(net.num_organisations() == 1);
    CHECK(net.num_ties() == 2);
    CHECK(net.num_events() == 1);
    CHECK(net.num_attendances() == 3);

    const Actor& r1 = net.actor("r1");
    CHECK(r1.is_resident());
    CHECK(r1.key_figure);
    CHECK(r1.trained_on == d("2022-02-12"));
    CHECK(r1.talents == std::vector<std::string>{"cooking", "music"});
    CHECK(net.is_sensitive("lgbti+"));
    CHECK_FALSE(net.is_sensitive("youth"));
    CHECK(net.actor("library").kind == "library");

    const Tie& member = net.ties()[1];
    CHECK(net.tie_kind(member) == "member_of");
    CHECK(member.weight == 2.5);
    CHECK(net.event("e1").organisers == std::vector<ActorId>{0, 3});
    CHECK(net.attendance()[2].brought_by == net.actor_id("r2"));
    CHECK(net.attendance()[0].brought_by == no_id);
}

TEST_CASE("tie activity is the half-open interval [since, until)", "[model]") {
    Tie tie;
    tie.since = d("2022-03-01");
    tie.until = d("2022-06-01");
    CHECK(tie.active_in(d("2022-01-01"), d("2022-03-02")));
    CHECK_FALSE(tie.active_in(d("2022-01-01"), d("2022-03-01")));  // window ends the day it starts
    CHECK(tie.active_in(d("2022-05-31"), std::nullopt));
    CHECK_FALSE(tie.active_in(d("2022-06-01"), std::nullopt));  // ended that day
    CHECK(tie.active_in(std::nullopt, std::nullopt));
}

TEST_CASE("bad input names the record and leaves the network unchanged", "[model]") {
    Network net = small_network();
    const Network before = net;

    CHECK_THROWS_WITH(net.add_resident("r1"), Contains("resident 'r1'") && Contains("already exists"));
    CHECK_THROWS_WITH(net.add_resident(""), Contains("resident key") && Contains("empty"));
    CHECK_THROWS_WITH(net.add_resident("r\xff"), Contains("not valid UTF-8"));
    CHECK_THROWS_WITH(net.add_resident("r9", {.talents = {"a;b"}}), Contains("field 'talents'") && Contains("';'"));
    CHECK_THROWS_WITH(net.add_resident("r9", {.neighbourhood = " Atolwijk"}), Contains("field 'neighbourhood'"));
    CHECK_THROWS_WITH(net.add_organisation("o9", {}), Contains("organisation 'o9' field 'kind'"));
    CHECK_THROWS_WITH(net.add_tie("r1", "r991"), Contains("field 'b'") && Contains("unknown actor 'r991'"));
    CHECK_THROWS_AS(net.add_tie("r991", "r1"), not_found_error);
    CHECK_THROWS_WITH(net.add_tie("r1", "r1"), Contains("oneself"));
    CHECK_THROWS_WITH(net.add_tie("r1", "r3", "knows", {.weight = -1}), Contains("field 'weight'"));
    CHECK_THROWS_WITH(net.add_tie("r1", "r3", "knows", {.since = d("2022-01-01"), .until = d("2021-01-01")}),
                      Contains("field 'until'"));
    CHECK_THROWS_WITH(net.add_tie("r2", "r1", "knows", {.since = d("2020-01-01")}), Contains("already exists"));
    CHECK_THROWS_WITH(net.add_tie("r1", "r3", "new kind", {.weight = std::nan("")}), Contains("weight"));
    CHECK_THROWS_WITH(net.add_event("e1", {.date = d("2022-01-01"), .kind = "iftar"}), Contains("already exists"));
    CHECK_THROWS_WITH(net.add_event("e2", {.date = Date(), .kind = "iftar"}), Contains("field 'date'"));
    CHECK_THROWS_WITH(net.add_event("e2", {.date = d("2022-04-10"), .kind = "iftar", .organisers = {"r1", "nobody"}}),
                      Contains("field 'organisers'") && Contains("'nobody'"));
    CHECK_THROWS_WITH(net.attend("e1", "r1"), Contains("already recorded"));
    CHECK_THROWS_WITH(net.attend("e9", "r1"), Contains("unknown event 'e9'"));
    CHECK_THROWS_WITH(net.attend("e1", "library", "library"), Contains("bring themselves"));
    CHECK_THROWS_WITH(net.attend("e1", "library", "ghost"), Contains("field 'brought_by'"));
    CHECK_THROWS_AS(net.remove("ghost"), not_found_error);
    CHECK_THROWS_AS(net.remove_event("ghost"), not_found_error);

    CHECK(net == before);
    CHECK(net.tie_kinds().size() == before.tie_kinds().size());  // a failed add interns no kind
}

TEST_CASE("repeated list items are kept once", "[model]") {
    Network net;
    net.add_resident("r1", {.talents = {"music", "cooking", "music"}});
    CHECK(net.actor("r1").talents == std::vector<std::string>{"music", "cooking"});
}

TEST_CASE("removing an actor removes every trace of them", "[model]") {
    Network net = small_network();
    net.remove("r1");
    CHECK(net.num_actors() == 3);
    CHECK_FALSE(net.find_actor("r1").has_value());
    // Both ties of r1? Only r1-r2 involved r1; r2-library stays, with shifted ids.
    REQUIRE(net.num_ties() == 1);
    CHECK(net.actor(net.ties()[0].a).key == "r2");
    CHECK(net.actor(net.ties()[0].b).key == "library");
    // Organiser entry gone, the library remains organiser.
    REQUIRE(net.event("e1").organisers.size() == 1);
    CHECK(net.actor(net.event("e1").organisers[0]).key == "library");
    // r1's attendance gone; r2 now came on their own; r3 still brought by r2.
    REQUIRE(net.num_attendances() == 2);
    CHECK(net.actor(net.attendance()[0].actor).key == "r2");
    CHECK(net.attendance()[0].brought_by == no_id);
    CHECK(net.actor(net.attendance()[1].brought_by).key == "r2");
    // The key can be used again, and lookups still work after the shift.
    net.add_resident("r1");
    CHECK(net.actor_id("r1") == 3);
    CHECK(net.actor_id("library") == 2);
    net.add_tie("r1", "r3");
    CHECK(net.num_ties() == 2);
}

TEST_CASE("removing an event removes its attendance", "[model]") {
    Network net = small_network();
    net.add_event("e2", {.date = d("2022-07-01"), .kind = "Keti Koti"});
    net.attend("e2", "r3");
    net.remove_event("e1");
    CHECK(net.num_events() == 1);
    REQUIRE(net.num_attendances() == 1);
    CHECK(net.attendance()[0].event == 0);
    CHECK(net.event(net.attendance()[0].event).key == "e2");
    net.attend("e2", "r1");  // indexes were rebuilt
    CHECK_THROWS_AS(net.attend("e2", "r3"), input_error);
}

TEST_CASE("declared groups leave the library without special-category ones unless asked", "[model]") {
    const Network net = small_network();
    const Actor& r1 = net.actor("r1");
    CHECK(net.declared_groups(r1) == std::vector<std::string>{"youth"});
    CHECK(net.declared_groups(r1, /*include_sensitive=*/true) == std::vector<std::string>{"lgbti+", "youth"});
}
