// introductions and tables: a hand-made network with known answers, and
// every constraint checked on the sample programme.
#include "verbind/error.hpp"
#include "verbind/match/introductions.hpp"
#include "verbind/model/sample.hpp"

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
    const auto r13 = std::find_if(r.begin(), r.end(), [](const Introduction& i) { return i.b == "r3" && i.a == "r1"; });
    REQUIRE(r13 != r.end());
    CHECK(r13->bridges == std::vector<std::string>{"community 0", "community 1"});
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
    CHECK(!found.count({"r1", "r2"}));  // tied (with open start)
    CHECK(!found.count({"r1", "r5"}));  // would bridge only a sensitive group
    CHECK(found.count({"r2", "r5"}));   // bridges A and B
    CHECK(found.count({"r1", "o1"}));   // the library offers what r1 seeks
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
