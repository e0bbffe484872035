// The one privacy view (verbind/model/visible.hpp): what it shows, against a
// hand-built network and against an independent reading of the marks on
// random networks; and every export agreeing with it.
#include "verbind/datasets/sample.hpp"
#include "verbind/io/io.hpp"
#include "verbind/model/visible.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <random>
#include <unistd.h>

using namespace verbind;

namespace {

Network marked() {
    Network net;
    net.add_resident("ann", {"Noord", "", {}, {"lgbti", "choir"}, false, std::nullopt});
    net.add_resident("bob", {"Noord", "", {}, {"choir"}, false, std::nullopt});
    net.add_organisation("coc", {"association", "", "", {}});
    net.add_tie("ann", "bob", "knows", {});
    net.add_tie("ann", "coc", "member_of", {});
    net.add_event("pride", {parse_date("2022-06-25"), "Pride breakfast", "", "", {"coc"}});
    net.add_event("iftar", {parse_date("2022-04-20"), "iftar", "", "", {"bob"}});
    net.attend("pride", "ann");
    net.attend("pride", "bob", "ann");
    net.attend("iftar", "ann", "bob");
    net.mark_sensitive("lgbti");
    net.mark_sensitive_event("pride");
    net.mark_sensitive_tie_kind("member_of");
    return net;
}

std::string temp_path(const std::string& name) {
    return (std::filesystem::temp_directory_path() / ("verbind_visible_" + std::to_string(getpid()) + "_" + name))
        .string();
}

}  // namespace

TEST_CASE("Visible with include_sensitive shows every record and names the marks", "[privacy][visible]") {
    const Network net = marked();
    const Visible all(net, true);
    CHECK(all.everything());
    for (const Tie& t : net.ties()) CHECK(all.tie(t));
    for (EventId e = 0; e < net.num_events(); ++e) CHECK(all.event(e));
    for (const Attendance& a : net.attendance()) CHECK(all.attendance(a));
    CHECK(all.groups(net.actor("ann")) == std::vector<std::string>{"lgbti", "choir"});
    CHECK(all.sensitive_groups() == net.sensitive_groups());
    CHECK(all.sensitive_events() == net.sensitive_events());
    CHECK(all.sensitive_tie_kinds() == net.sensitive_tie_kinds());
    CHECK(all.copy() == net);
}

TEST_CASE("Visible without include_sensitive: the hand-built public network", "[privacy][visible]") {
    const Network net = marked();
    const Visible view(net, false);
    CHECK_FALSE(view.everything());
    CHECK(view.tie(net.ties()[0]));
    CHECK_FALSE(view.tie(net.ties()[1]));
    CHECK_FALSE(view.tie_kind("member_of"));
    CHECK(view.tie_kind("knows"));
    CHECK_FALSE(view.event(net.event_id("pride")));
    CHECK(view.event(net.event_id("iftar")));
    CHECK_FALSE(view.group("lgbti"));
    CHECK(view.groups(net.actor("ann")) == std::vector<std::string>{"choir"});
    CHECK(view.sensitive_groups().empty());
    CHECK(view.sensitive_events().empty());
    CHECK(view.sensitive_tie_kinds().empty());
    const Visible::Marks marks = view.marks();
    CHECK(marks.groups == 1);
    CHECK(marks.tie_kinds == 1);
    CHECK(marks.events == 1);

    Network expected;  // by hand: what may leave
    expected.add_resident("ann", {"Noord", "", {}, {"choir"}, false, std::nullopt});
    expected.add_resident("bob", {"Noord", "", {}, {"choir"}, false, std::nullopt});
    expected.add_organisation("coc", {"association", "", "", {}});
    expected.add_tie("ann", "bob", "knows", {});
    expected.add_event("iftar", {parse_date("2022-04-20"), "iftar", "", "", {"bob"}});
    expected.attend("iftar", "ann", "bob");
    CHECK(view.copy() == expected);
}

TEST_CASE("Visible: nothing marked hides nothing; marks made later count in a later view", "[privacy][visible]") {
    Network net;
    net.add_resident("a", {});
    net.add_resident("b", {});
    net.add_tie("a", "b", "partner", {});
    CHECK(Visible(net, false).everything());
    CHECK(Visible(net, false).copy() == net);
    net.mark_sensitive_tie_kind("partner");
    net.mark_sensitive_tie_kind("not_yet_used");
    const Visible view(net, false);
    CHECK_FALSE(view.tie(net.ties()[0]));
    CHECK_FALSE(view.tie_kind("not_yet_used"));
    // A kind marked before its first tie: hidden once the tie exists.
    net.add_tie("a", "b", "not_yet_used", {});
    CHECK_FALSE(Visible(net, false).tie(net.ties()[1]));
}

TEST_CASE("Visible after an event is removed: ids shift, the mark follows the key", "[privacy][visible]") {
    Network net = marked();
    net.add_event("later", {parse_date("2022-09-01"), "dialogue", "", "", {}});
    net.mark_sensitive_event("later");
    net.remove_event("pride");  // "iftar" becomes id 0, "later" id 1
    const Visible view(net, false);
    CHECK(view.event(net.event_id("iftar")));
    CHECK_FALSE(view.event(net.event_id("later")));
    CHECK(view.marks().events == 1);
}

TEST_CASE("Visible agrees with an independent reading of the marks on random networks", "[privacy][visible]") {
    std::mt19937_64 rng(14);
    for (int round = 0; round < 20; ++round) {
        Network net = sample_programme({.seed = static_cast<std::uint64_t>(round), .scale = 0.05});
        // Mark a random subset of kinds, events and groups.
        std::set<std::string> kinds, events, groups;
        for (const auto& kind : net.tie_kinds())
            if (rng() % 2) kinds.insert(kind), net.mark_sensitive_tie_kind(kind);
        for (const Event& e : net.events())
            if (rng() % 4 == 0) events.insert(e.key), net.mark_sensitive_event(e.key);
        for (const Actor& a : net.actors())
            for (const auto& g : a.groups)
                if (!groups.count(g) && rng() % 3 == 0) groups.insert(g), net.mark_sensitive(g);
        for (const auto& g : net.sensitive_groups()) groups.insert(g);  // the sample's own marks
        const Visible view(net, false);
        std::size_t ties = 0, shown_events = 0, attendances = 0;
        for (const Tie& t : net.ties()) {
            const bool expected = !kinds.count(net.tie_kinds()[t.kind]);
            CHECK(view.tie(t) == expected);
            ties += expected;
        }
        for (EventId e = 0; e < net.num_events(); ++e) {
            const bool expected = !events.count(net.event(e).key);
            CHECK(view.event(e) == expected);
            shown_events += expected;
        }
        for (const Attendance& a : net.attendance()) attendances += !events.count(net.event(a.event).key);
        for (const Actor& a : net.actors()) {
            std::vector<std::string> expected;
            for (const auto& g : a.groups)
                if (!groups.count(g)) expected.push_back(g);
            CHECK(view.groups(a) == expected);
        }
        const Network copy = view.copy();
        CHECK(copy.num_actors() == net.num_actors());
        CHECK(copy.num_ties() == ties);
        CHECK(copy.num_events() == shown_events);
        CHECK(copy.num_attendances() == attendances);
        CHECK(copy.sensitive_groups().empty());
        CHECK(copy.sensitive_events().empty());
        CHECK(copy.sensitive_tie_kinds().empty());
    }
}

TEST_CASE("Every export without include_sensitive reads back as the view's copy", "[privacy][visible]") {
    // The class of test that keeps exports from drifting apart: each one,
    // read back, is exactly Visible(net, false).copy().
    Network net = sample_programme({.seed = 3, .scale = 0.1});
    net.mark_sensitive_tie_kind("member_of");
    net.mark_sensitive_event(net.events()[2].key);
    net.mark_sensitive_event(net.events()[5].key);
    const Network expected = Visible(net, false).copy();
    REQUIRE(expected.num_ties() < net.num_ties());
    REQUIRE(expected.num_events() + 2 == net.num_events());

    const std::string json = temp_path("export.json");
    write_json(net, json);
    CHECK(read_json(json) == expected);
    std::filesystem::remove(json);

    const std::string folder = temp_path("export_csv");
    write_csv(net, folder);
    CHECK(read_csv(folder) == expected);
    std::filesystem::remove_all(folder);

    // With include_sensitive, both give the network back, marks and all.
    write_json(net, json, {.include_sensitive = true});
    CHECK(read_json(json) == net);
    std::filesystem::remove(json);
    write_csv(net, folder, {.include_sensitive = true});
    CHECK(read_csv(folder) == net);
    std::filesystem::remove_all(folder);
}
