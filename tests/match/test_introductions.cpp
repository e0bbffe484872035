// introductions and tables: a hand-made network with known answers, and
// every constraint checked on the sample programme.
#include "verbind/datasets/sample.hpp"
#include "verbind/error.hpp"
#include "verbind/match/introductions.hpp"
#include "verbind/match/tables.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

using namespace verbind;

namespace {

Network hand_network() {
    Network net;
    net.add_resident("r1", {.municipality = "Lelystad", .talents = {"cooking"}, .groups = {"A"}});
    net.add_resident("r2", {.municipality = "Lelystad", .talents = {"cooking"}, .groups = {"B"}});
    net.add_resident("r3", {.municipality = "Lelystad", .talents = {"cooking"}, .groups = {"A"}});
    net.add_resident("r4", {.municipality = "Lelystad", .groups = {"C"}});
    net.add_tie("r4", "r2");
    net.add_tie("r4", "r3");
    return net;
}

std::set<std::string> as_set(const std::vector<std::string>& v) { return {v.begin(), v.end()}; }

}  // namespace

TEST_CASE("introductions: hand-made network", "[match]") {
    const Network net = hand_network();
    IntroductionOptions options;
    options.communities.assign(net.num_actors(), 0);  // one community: only groups bridge
    options.per_person = 1;
    options.introducer_bonus = 0.0;                // the score without its introducer term (tested below)
    const double idf = std::log(1.0 + 4.0 / 3.0);  // 4 actors in scope, 3 cook
    auto r = introductions(net, options);
    // r1-r2 (no mutual contact) beats r2-r3 (one: r4); r1-r3 share group A.
    REQUIRE(r.size() == 1);
    CHECK(r[0].a == "r1");
    CHECK(r[0].b == "r2");
    CHECK(r[0].score == Approx(idf * 1.5));
    CHECK(r[0].shared_talents == std::vector<std::string>{"cooking"});
    CHECK(r[0].bridges == std::vector<std::string>{"A", "B"});
    CHECK(r[0].via.empty());

    options.per_person = 2;
    r = introductions(net, options);
    REQUIRE(r.size() == 2);
    CHECK(r[1].a == "r2");
    CHECK(r[1].b == "r3");
    CHECK(r[1].score == Approx(idf * 1.5 / std::sqrt(2.0)));
    CHECK(r[1].via == std::vector<std::string>{"r4"});

    // Different communities bridge too, and are named.
    options.communities = {0, 0, 1, 1};
    r = introductions(net, options);
    REQUIRE(r.size() == 3);
    const auto r13 =
        std::find_if(r.begin(), r.end(), [](const Introduction& i) { return i.b == "r3" && i.a == "r1"; });
    REQUIRE(r13 != r.end());
    CHECK(r13->bridges == std::vector<std::string>{"community 0", "community 1"});
}

TEST_CASE("introductions: with the introducer term, the pair someone can introduce comes first", "[match]") {
    const Network net = hand_network();
    IntroductionOptions options;
    options.communities.assign(net.num_actors(), 0);
    options.per_person = 1;
    const double idf = std::log(1.0 + 4.0 / 3.0);
    // r2-r3 has a mutual contact (r4): idf x 1.5 x (1 + 1) / sqrt(2) = 2.12 idf
    // beats r1-r2 (no one): idf x 1.5.
    auto r = introductions(net, options);
    REQUIRE(r.size() == 1);
    CHECK(r[0].a == "r2");
    CHECK(r[0].b == "r3");
    CHECK(r[0].score == Approx(idf * 1.5 * 2.0 / std::sqrt(2.0)));
    CHECK(r[0].via == std::vector<std::string>{"r4"});
    CHECK(r[0].via_kinds == std::vector<ViaKind>{ViaKind::mutual_contact});
    options.introducer_bonus = -1.0;
    CHECK_THROWS_WITH(introductions(net, options), "introductions: introducer_bonus must be finite and >= 0");
}

namespace {

// r1 (Noord) and r2 (Zuid) share chess and differ in group; the others have
// no talents, so r1-r2 is the only candidate. Each step adds one way in.
struct Introducers {
    Network net;
    Introducers() {
        net.add_resident(
            "r1", {.neighbourhood = "Noord", .municipality = "Lelystad", .talents = {"chess"}, .groups = {"A"}});
        net.add_resident(
            "r2", {.neighbourhood = "Zuid", .municipality = "Lelystad", .talents = {"chess"}, .groups = {"B"}});
        net.add_resident("k1", {.neighbourhood = "Noord", .municipality = "Lelystad", .key_figure = true});
    }
    Introduction only(IntroductionOptions options = {}) const {
        options.communities.assign(net.num_actors(), 0);
        const auto r = introductions(net, options);
        REQUIRE(r.size() == 1);
        CHECK(r[0].a == "r1");
        CHECK(r[0].b == "r2");
        CHECK(r[0].via.size() == r[0].via_kinds.size());
        return r[0];
    }
    static double idf(double actors) { return std::log(1.0 + actors / 2.0); }  // two hold chess
};

}  // namespace

TEST_CASE("introductions: who could introduce them, and the score term", "[match]") {
    Introducers x;
    // k1 is active in Noord only (lives there): no one.
    auto i = x.only();
    CHECK(i.via.empty());
    CHECK(i.score == Approx(Introducers::idf(3) * 1.5));
    // k1 attends an event in Zuid: a key figure active in both neighbourhoods.
    x.net.add_event(
        "e1",
        {.date = parse_date("2022-05-04"), .kind = "walk", .neighbourhood = "Zuid", .municipality = "Lelystad"});
    x.net.attend("e1", "k1");
    i = x.only();
    CHECK(i.via == std::vector<std::string>{"k1"});
    CHECK(i.via_kinds == std::vector<ViaKind>{ViaKind::key_figure});
    CHECK(i.score == Approx(Introducers::idf(3) * 1.5 * 1.5));
    // ... but not when the event is outside the window.
    IntroductionOptions window;
    window.start = parse_date("2023-01-01");
    CHECK(x.only(window).via.empty());
    // An organisation: r2 is a member, r1 went to an event it organised
    // (not a tie: no closure penalty). Organisations come before key figures.
    x.net.add_organisation("o1", {.kind = "library", .municipality = "Lelystad"});
    x.net.add_tie("r2", "o1", "member_of");
    x.net.add_organiser("e1", "o1");
    x.net.attend("e1", "r1");
    i = x.only();
    CHECK(i.via == std::vector<std::string>{"o1", "k1"});
    CHECK(i.via_kinds == std::vector<ViaKind>{ViaKind::shared_organisation, ViaKind::key_figure});
    CHECK(i.score == Approx(Introducers::idf(4) * 1.5 * 2.0));
    // A mutual contact comes first (and one common contact: / sqrt 2).
    x.net.add_resident("m1", {.municipality = "Almere"});
    x.net.add_tie("m1", "r1");
    x.net.add_tie("m1", "r2");
    i = x.only();
    CHECK(i.via == std::vector<std::string>{"m1", "o1", "k1"});
    CHECK(i.via_kinds ==
          std::vector<ViaKind>{ViaKind::mutual_contact, ViaKind::shared_organisation, ViaKind::key_figure});
    CHECK(i.score == Approx(Introducers::idf(5) * 1.5 * 2.0 / std::sqrt(2.0)));
    // introducer_bonus 0: the old score; via is still named.
    IntroductionOptions plain;
    plain.introducer_bonus = 0.0;
    i = x.only(plain);
    CHECK(i.score == Approx(Introducers::idf(5) * 1.5 / std::sqrt(2.0)));
    CHECK(i.via.size() == 3);
    // At most three, nobody twice: a key figure who is also a mutual contact
    // is named once, as a mutual contact (key figures first among those).
    x.net.add_tie("k1", "r1");
    x.net.add_tie("k1", "r2");
    i = x.only();
    CHECK(i.via == std::vector<std::string>{"k1", "m1", "o1"});
    CHECK(i.via_kinds ==
          std::vector<ViaKind>{ViaKind::mutual_contact, ViaKind::mutual_contact, ViaKind::shared_organisation});
    CHECK(to_string(ViaKind::key_figure) == "key figure in both neighbourhoods");
    CHECK(to_identifier(ViaKind::shared_organisation) == "shared_organisation");
}

TEST_CASE("introductions: of shared organisations, the smallest circle comes first", "[match]") {
    Network net;
    net.add_resident("r1", {.municipality = "Lelystad", .talents = {"chess"}, .groups = {"A"}});
    net.add_resident("r2", {.municipality = "Lelystad", .talents = {"chess"}, .groups = {"B"}});
    net.add_resident("r3", {.municipality = "Lelystad"});
    net.add_organisation("a-big", {.kind = "municipality", .municipality = "Lelystad"});
    net.add_organisation("z-small", {.kind = "chess club", .municipality = "Lelystad"});
    for (const char* who : {"r1", "r2", "r3"}) net.add_tie(who, "a-big", "member_of");  // a circle of 3
    for (const char* who : {"r1", "r2"}) net.add_tie(who, "z-small", "member_of");      // a circle of 2
    IntroductionOptions options;
    options.communities.assign(net.num_actors(), 0);
    const auto r = introductions(net, options);
    REQUIRE(r.size() == 1);
    CHECK(r[0].via == std::vector<std::string>{"z-small", "a-big"});
    CHECK(r[0].via_kinds == std::vector<ViaKind>{ViaKind::shared_organisation, ViaKind::shared_organisation});
}

TEST_CASE("introductions: a key figure is not their own introducer; places are per municipality", "[match]") {
    Network net;
    net.add_resident("r1", {.neighbourhood = "Centrum",
                            .municipality = "Lelystad",
                            .talents = {"chess"},
                            .groups = {"A"},
                            .key_figure = true});
    net.add_resident("r2",
                     {.neighbourhood = "Centrum", .municipality = "Lelystad", .talents = {"chess"}, .groups = {"B"}});
    // A key figure in Almere's Centrum is not active in Lelystad's.
    net.add_resident("k2", {.neighbourhood = "Centrum", .municipality = "Almere", .key_figure = true});
    IntroductionOptions options;
    options.communities.assign(net.num_actors(), 0);
    auto r = introductions(net, options);
    REQUIRE(r.size() == 1);
    CHECK(r[0].via.empty());
    CHECK(r[0].score == Approx(std::log(1.0 + 3.0 / 2.0) * 1.5));
    net.add_resident("k3", {.neighbourhood = "Centrum", .municipality = "Lelystad", .key_figure = true});
    options.communities.assign(net.num_actors(), 0);
    r = introductions(net, options);
    REQUIRE(r.size() == 1);
    CHECK(r[0].via == std::vector<std::string>{"k3"});
}

TEST_CASE("introductions: ties, sensitive groups, organisations, municipalities", "[match]") {
    Network net = hand_network();
    net.add_resident("r5", {.municipality = "Lelystad", .talents = {"cooking"}, .groups = {"A", "lgbti+"}});
    net.mark_sensitive("lgbti+");
    net.add_resident("r6", {.municipality = "Almere", .talents = {"cooking"}, .groups = {"D"}});
    net.add_organisation("o1", {.kind = "library", .municipality = "Lelystad", .talents = {"cooking"}});
    net.add_tie("r1", "r2", "knows", {.until = parse_date("2022-06-01")});
    IntroductionOptions options;
    options.communities.assign(net.num_actors(), 0);
    options.per_person = 10;
    auto pairs = [&] {
        std::set<std::pair<std::string, std::string>> out;
        for (const auto& i : introductions(net, options)) {
            CHECK(std::find(i.bridges.begin(), i.bridges.end(), "lgbti+") == i.bridges.end());
            out.emplace(i.a, i.b);
        }
        return out;
    };
    auto found = pairs();
    CHECK(!found.count({"r1", "r2"}));                                 // tied (with open start)
    CHECK(!found.count({"r1", "r5"}));                                 // would bridge only a sensitive group
    CHECK(found.count({"r2", "r5"}));                                  // bridges A and B
    CHECK(found.count({"r1", "o1"}));                                  // the library offers what r1 seeks
    for (const auto& [a, b] : found) CHECK((a != "r6" && b != "r6"));  // another municipality
    // After the tie ended, r1 and r2 may meet.
    options.start = parse_date("2022-06-01");
    found = pairs();
    CHECK(found.count({"r1", "r2"}));
    options.municipality = "Almere";
    CHECK(introductions(net, options).empty());  // r6 has no one to meet there
    options.municipality = "Utrecht";
    CHECK_THROWS_AS(introductions(net, options), not_found_error);
    options.municipality.clear();
    options.min_shared = 0;
    CHECK_THROWS_WITH(introductions(net, options), "introductions: min_shared must be >= 1");
    options.min_shared = 1;
    options.communities = {0};
    CHECK_THROWS_WITH(introductions(net, options), Catch::Contains("communities has 1 labels"));
}

TEST_CASE("introductions: every constraint holds on the sample programme", "[match]") {
    const Network net = sample_programme();
    IntroductionOptions options;
    options.threads = 1;
    const auto one = introductions(net, options);
    options.threads = 2;
    const auto two = introductions(net, options);
    REQUIRE(one.size() == two.size());
    REQUIRE(!one.empty());
    std::map<std::string, std::size_t> load;
    for (std::size_t k = 0; k < one.size(); ++k) {
        const auto& i = one[k];
        CHECK(i.a == two[k].a);
        CHECK(i.b == two[k].b);
        CHECK(i.score == two[k].score);
        const Actor& a = net.actor(i.a);
        const Actor& b = net.actor(i.b);
        CHECK(a.is_resident());
        CHECK(a.municipality == b.municipality);
        std::set<std::string> shared;
        for (const auto& t : a.talents)
            if (std::find(b.talents.begin(), b.talents.end(), t) != b.talents.end()) shared.insert(t);
        CHECK(as_set(i.shared_talents) == shared);
        CHECK(!shared.empty());
        CHECK(!i.bridges.empty());
        for (const auto& g : i.bridges) CHECK(!net.is_sensitive(g));
        ++load[i.a];
        ++load[i.b];
        if (k > 0) CHECK(one[k - 1].score >= i.score);
    }
    for (const auto& [key, count] : load) CHECK(count <= 2);
    std::set<std::pair<std::string, std::string>> suggested;
    for (const auto& i : one) {
        suggested.emplace(i.a, i.b);
        suggested.emplace(i.b, i.a);
    }
    std::size_t tied = 0;
    for (const Tie& tie : net.ties()) tied += suggested.count({net.actor(tie.a).key, net.actor(tie.b).key});
    CHECK(tied == 0);
    options.limit = 25;
    options.per_person = 1;
    const auto limited = introductions(net, options);
    CHECK(limited.size() == 25);
}

TEST_CASE("tables: partitions the attendees evenly", "[match]") {
    const Network net = sample_programme();
    // The event with the most attendees.
    std::vector<std::size_t> count(net.num_events(), 0);
    for (const auto& a : net.attendance()) ++count[a.event];
    const auto biggest = static_cast<EventId>(std::max_element(count.begin(), count.end()) - count.begin());
    const auto& key = net.event(biggest).key;
    TableOptions options;
    options.size = 6;
    const auto t = tables(net, key, options);
    const std::size_t n = count[biggest];
    CHECK(t.size() == std::max<std::size_t>(1, static_cast<std::size_t>(static_cast<double>(n) / 6.0 + 0.5)));
    std::multiset<std::string> seated;
    std::size_t smallest = n, largest = 0;
    for (const auto& table : t) {
        seated.insert(table.members.begin(), table.members.end());
        smallest = std::min(smallest, table.members.size());
        largest = std::max(largest, table.members.size());
        CHECK(table.group_mix >= 0.0);
        CHECK(table.group_mix <= 1.0);
    }
    CHECK(seated.size() == n);
    CHECK(std::set<std::string>(seated.begin(), seated.end()).size() == n);
    CHECK(largest - smallest <= 1);
    CHECK_THROWS_AS(tables(net, "no-such-event"), not_found_error);
    options.size = 1;
    CHECK_THROWS_WITH(tables(net, key, options), "tables: size must be >= 2, got 1");
}

TEST_CASE("introductions: an introducer reached only through sensitive records is not used unless asked",
          "[match][privacy]") {
    Introducers x;
    const double plain_score = x.only().score;
    // A key figure active in Zuid only at a sensitive event; an organisation
    // both reach only through sensitive records (r1 a member_of tie of a
    // sensitive kind, r2 at its sensitive event); a mutual contact through
    // sensitive ties.
    x.net.add_event("pride", {.date = parse_date("2022-06-25"),
                              .kind = "Pride breakfast",
                              .neighbourhood = "Zuid",
                              .municipality = "Lelystad"});
    x.net.attend("pride", "k1");
    x.net.add_organisation("o1", {.kind = "lgbti+ association", .municipality = "Lelystad"});
    x.net.add_organiser("pride", "o1");
    x.net.attend("pride", "r2");
    x.net.add_tie("r1", "o1", "member_of");
    x.net.add_resident("m1", {.municipality = "Lelystad"});
    x.net.add_tie("m1", "r1", "member_of");
    x.net.add_tie("m1", "r2", "member_of");
    x.net.mark_sensitive_event("pride");
    x.net.mark_sensitive_tie_kind("member_of");
    const double more_actors = Introducers::idf(5) / Introducers::idf(3);  // o1 and m1 are in scope
    auto i = x.only();
    CHECK(i.via.empty());
    CHECK(i.score == Approx(plain_score * more_actors));  // nothing of it shows in the ranking either
    IntroductionOptions options;
    options.include_sensitive = true;
    i = x.only(options);
    CHECK(i.via == std::vector<std::string>{"m1", "o1", "k1"});
    CHECK(i.via_kinds ==
          std::vector<ViaKind>{ViaKind::mutual_contact, ViaKind::shared_organisation, ViaKind::key_figure});
}
