// stable_match and blocking_pairs: hand-computed cases, a brute-force
// stability check, and every bad-input path.
#include "verbind/error.hpp"
#include "verbind/match/stable.hpp"
#include "verbind/util/random.hpp"

#include <catch2/catch.hpp>

using namespace verbind;

TEST_CASE("stable_match: the textbook example", "[match]") {
    // Proposers m1..m3, reviewers w1..w3 (Gusfield & Irving style instance).
    const PreferenceLists men = {{"m1", {"w1", "w2", "w3"}}, {"m2", {"w1", "w3", "w2"}}, {"m3", {"w2", "w1", "w3"}}};
    const PreferenceLists women = {
        {"w1", {"m2", "m1", "m3"}}, {"w2", {"m1", "m3", "m2"}}, {"w3", {"m3", "m1", "m2"}}};
    // m1->w1, m2->w1 (w1 keeps m2, m1 rejected), m3->w2, m1->w2 (w2 keeps m1,
    // m3 rejected), m3->w1 (rejected), m3->w3.
    const auto m = stable_match(men, women);
    REQUIRE(m.size() == 3);
    CHECK(m[0] == std::pair<std::string, std::optional<std::string>>{"m1", "w2"});
    CHECK(m[1] == std::pair<std::string, std::optional<std::string>>{"m2", "w1"});
    CHECK(m[2] == std::pair<std::string, std::optional<std::string>>{"m3", "w3"});
    CHECK(blocking_pairs(men, women, m).empty());
    // m2 prefers w1 to w2 and w1 prefers m2 to m1; m3 prefers w2 to w3 and
    // w2 prefers m3 to m2. m2 also prefers w3, but w3 prefers m3.
    const StableMatching unstable = {{"m1", "w1"}, {"m2", "w2"}, {"m3", "w3"}};
    const auto b = blocking_pairs(men, women, unstable);
    CHECK(b == std::vector<std::pair<std::string, std::string>>{{"m2", "w1"}, {"m3", "w2"}});
}

TEST_CASE("stable_match: capacities and incomplete lists", "[match]") {
    const PreferenceLists newcomers = {{"a", {"k1", "k2"}}, {"b", {"k1"}}, {"c", {"k1", "k2"}}, {"d", {}}};
    const PreferenceLists mentors = {{"k1", {"c", "b", "a"}}, {"k2", {"a", "c"}}};
    ReviewerCapacities caps;
    caps.by_reviewer = {{"k1", 2}};
    const auto m = stable_match(newcomers, mentors, caps);
    // k1 holds its two favourites c and b; a goes to k2; d ranked no one.
    CHECK(m[0].second == std::optional<std::string>("k2"));
    CHECK(m[1].second == std::optional<std::string>("k1"));
    CHECK(m[2].second == std::optional<std::string>("k1"));
    CHECK(!m[3].second);
    CHECK(blocking_pairs(newcomers, mentors, m, caps).empty());
    caps.by_reviewer = {{"k1", 0}};
    const auto none = stable_match(newcomers, mentors, caps);
    CHECK(!none[1].second);
}

TEST_CASE("stable_match: bad input", "[match]") {
    const PreferenceLists p = {{"a", {"x"}}};
    const PreferenceLists r = {{"x", {"a"}}};
    CHECK_THROWS_WITH(stable_match({{"a", {"y"}}}, r), "stable_match: proposer_prefs['a']: unknown reviewer 'y'");
    CHECK_THROWS_WITH(stable_match({{"a", {"x", "x"}}}, r), "stable_match: proposer_prefs['a']: 'x' is ranked twice");
    CHECK_THROWS_WITH(stable_match(p, {{"x", {"a"}}, {"x", {}}}), "stable_match: reviewer 'x' is listed twice");
    CHECK_THROWS_WITH(
        stable_match(p, {{"x", {}}}),
        "stable_match: preference lists are not square: proposer 'a' ranks reviewer 'x', who does not rank them");
    CHECK_THROWS_WITH(
        stable_match({{"a", {}}}, r),
        "stable_match: preference lists are not square: reviewer 'x' ranks proposer 'a', who does not rank them");
    ReviewerCapacities caps;
    caps.by_reviewer = {{"x", -1}};
    CHECK_THROWS_WITH(stable_match(p, r, caps), "stable_match: capacities['x'] is -1, must be >= 0");
    caps.by_reviewer = {{"z", 1}};
    CHECK_THROWS_WITH(stable_match(p, r, caps), "stable_match: capacities: unknown reviewer 'z'");
    CHECK_THROWS_WITH(blocking_pairs(p, r, {{"a", "q"}}), "blocking_pairs: matching['a']: unknown reviewer 'q'");
    CHECK_THROWS_WITH(blocking_pairs(p, r, {{"q", "x"}}), "blocking_pairs: matching: unknown proposer 'q'");
    CHECK_THROWS_WITH(blocking_pairs({{"a", {"x"}}, {"b", {"x"}}}, {{"x", {"a", "b"}}}, {{"a", "x"}, {"b", "x"}}),
                      "blocking_pairs: matching: reviewer 'x' holds 2 proposers, capacity 1");
}

TEST_CASE("stable_match: no blocking pairs on random instances", "[match]") {
    for (std::uint64_t seed = 1; seed <= 30; ++seed) {
        Rng rng(seed);
        const std::size_t np = 2 + rng.below(8), nr = 1 + rng.below(6);
        // Random mutual acceptability, random orders.
        std::vector<std::vector<char>> ok(np, std::vector<char>(nr));
        for (auto& row : ok)
            for (auto& x : row) x = rng.below(4) != 0;
        PreferenceLists p, r;
        for (std::size_t i = 0; i < np; ++i) {
            std::vector<std::string> list;
            for (std::size_t j = 0; j < nr; ++j)
                if (ok[i][j]) list.push_back(std::string("r").append(std::to_string(j)));
            rng.shuffle(list.begin(), list.end());
            p.emplace_back(std::string("p").append(std::to_string(i)), list);
        }
        ReviewerCapacities caps;
        for (std::size_t j = 0; j < nr; ++j) {
            std::vector<std::string> list;
            for (std::size_t i = 0; i < np; ++i)
                if (ok[i][j]) list.push_back(std::string("p").append(std::to_string(i)));
            rng.shuffle(list.begin(), list.end());
            r.emplace_back(std::string("r").append(std::to_string(j)), list);
            caps.by_reviewer.emplace_back(std::string("r").append(std::to_string(j)),
                                          static_cast<std::int64_t>(rng.below(3)));
        }
        const auto m = stable_match(p, r, caps);
        CHECK(blocking_pairs(p, r, m, caps).empty());
    }
}
