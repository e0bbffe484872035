// Sensitive events and tie kinds: the marks, and exports (CSV, JSON,
// GraphML) leaving them out unless include_sensitive is set.
#include "verbind/error.hpp"
#include "verbind/io/graphml.hpp"
#include "verbind/io/io.hpp"
#include "verbind/privacy/pseudonymise.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <unistd.h>

using namespace verbind;

namespace {

Network marked() {
    Network net;
    net.add_resident("ann", {"Noord", "", {}, {"lgbti"}, false, std::nullopt});
    net.add_resident("bob", {});
    net.add_organisation("coc", {"association", "", "", {}});
    net.add_tie("ann", "bob", "knows", {});
    net.add_tie("ann", "coc", "member_of", {});
    net.add_event("pride", {parse_date("2022-06-25"), "Pride breakfast", "", "", {"coc"}});
    net.add_event("iftar", {parse_date("2022-04-20"), "iftar", "", "", {}});
    net.attend("pride", "ann");
    net.attend("iftar", "bob");
    net.attend("iftar", "ann", "bob");
    net.mark_sensitive("lgbti");
    net.mark_sensitive_event("pride");
    net.mark_sensitive_tie_kind("member_of");
    return net;
}

}  // namespace

TEST_CASE("sensitive marks on events and tie kinds", "[store][privacy]") {
    Network net = marked();
    CHECK(net.is_sensitive_event(net.event_id("pride")));
    CHECK_FALSE(net.is_sensitive_event(net.event_id("iftar")));
    CHECK(net.is_sensitive(net.ties()[1]));
    CHECK_FALSE(net.is_sensitive(net.ties()[0]));
    CHECK_THROWS_AS(net.mark_sensitive_event("nope"), not_found_error);
    CHECK_THROWS_AS(net.mark_sensitive_tie_kind(" padded"), input_error);
    net.mark_sensitive_tie_kind("partner");  // before any tie of that kind
    CHECK(net.is_sensitive_tie_kind("partner"));

    Network copy = net;
    copy.remove("bob");  // removing an actor keeps the marks
    CHECK(copy.sensitive_events() == net.sensitive_events());
    CHECK(copy.sensitive_tie_kinds() == net.sensitive_tie_kinds());
    copy.remove_event("pride");  // removing the event drops its mark
    CHECK(copy.sensitive_events().empty());
    Network other = marked();
    CHECK_FALSE(other == net);  // the extra tie-kind mark makes a difference
}

TEST_CASE("exports leave sensitive events and tie kinds out by default", "[store][privacy]") {
    const Network net = marked();
    const std::string json = to_json(net);
    CHECK(json.find("Pride breakfast") == std::string::npos);
    CHECK(json.find("member_of") == std::string::npos);
    CHECK(json.find("\"iftar\"") != std::string::npos);
    const Network back = parse_json(json);
    CHECK(back.num_events() == 1);
    CHECK(back.num_ties() == 1);
    CHECK(back.num_attendances() == 2);

    const std::string everything = to_json(net, {true});
    CHECK(everything.find("Pride breakfast") != std::string::npos);
    CHECK(everything.find("member_of") != std::string::npos);
    CHECK(parse_json(everything).num_attendances() == 3);

    const auto folder = std::filesystem::temp_directory_path() / ("verbind-sensitive-" + std::to_string(::getpid()));
    write_csv(net, folder.string());
    const Network csv = read_csv(folder.string());
    CHECK(csv.num_events() == 1);
    CHECK(csv.num_ties() == 1);
    CHECK(csv.num_attendances() == 2);
    CHECK(csv.declared_groups(csv.actor("ann"), true).empty());
    write_csv(net, folder.string(), {true});
    CHECK(read_csv(folder.string()).num_attendances() == 3);
    std::filesystem::remove_all(folder);

    const std::string graphml = to_graphml(net);
    CHECK(graphml.find("member_of") == std::string::npos);
    CHECK(graphml.find("lgbti") == std::string::npos);
    CHECK(to_graphml(net, {true}).find("member_of") != std::string::npos);
}

TEST_CASE("pseudonymise keeps the marks on the renamed keys", "[store][privacy]") {
    const std::string secret(32, 's');
    const Network p = pseudonymise(marked(), secret);
    CHECK(p.sensitive_events() == std::set<std::string, std::less<>>{pseudonym(secret, "pride", KeyDomain::event)});
    CHECK(p.is_sensitive_tie_kind("member_of"));
    CHECK(p.find_actor(pseudonym(secret, "ann")).has_value());
    CHECK(pseudonym(secret, "ann").size() == 64);
    CHECK(pseudonymise(marked(), secret) == p);
    CHECK_THROWS_WITH(pseudonymise(marked(), std::string(31, 's')), Catch::Contains("needs at least 32"));
}
