// Sensitive events and tie kinds survive a CSV and JSON round trip when the
// export includes sensitive data, and stay out of it otherwise.
#include "verbind/io/io.hpp"
#include "verbind/model/network.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <unistd.h>

using namespace verbind;
namespace fs = std::filesystem;

namespace {

Network marked_network() {
    Network net;
    net.add_resident("r1");
    net.add_resident("r2");
    net.add_organisation("coc", {.kind = "lgbti+ organisation"});
    net.add_tie("r1", "r2", "knows");
    net.add_tie("r2", "coc", "member_of");
    net.add_event("pride", {.date = parse_date("2022-07-30"), .kind = "Pride breakfast"});
    net.add_event("iftar", {.date = parse_date("2022-04-20"), .kind = "iftar"});
    net.attend("pride", "r1");
    net.attend("iftar", "r2", "r1");
    net.mark_sensitive_tie_kind("member_of");
    net.mark_sensitive_event("pride");
    return net;
}

fs::path scratch(const char* name) {
    const fs::path dir = fs::temp_directory_path() / ("verbind-marks-" + std::to_string(::getpid()) + "-" + name);
    fs::remove_all(dir);
    return dir;
}

}  // namespace

TEST_CASE("sensitive marks round-trip through JSON with include_sensitive", "[io]") {
    const Network net = marked_network();
    const Network back = parse_json(to_json(net, {.include_sensitive = true}));
    CHECK(back == net);
    CHECK(back.is_sensitive_event(back.event_id("pride")));
    CHECK(back.is_sensitive_tie_kind("member_of"));

    // Without: the event and the tie are gone, and neither is named.
    const std::string redacted = to_json(net);
    CHECK(redacted.find("pride") == std::string::npos);
    CHECK(redacted.find("member_of") == std::string::npos);
    const Network partial = parse_json(redacted);
    CHECK(partial.num_events() == 1);
    CHECK(partial.num_ties() == 1);
    CHECK(partial.sensitive_tie_kinds().empty());
    CHECK(partial.sensitive_events().empty());
}

TEST_CASE("sensitive marks round-trip through CSV and stale mark files are removed", "[io]") {
    const fs::path dir = scratch("csv");
    const Network net = marked_network();
    write_csv(net, dir.string(), {.include_sensitive = true});
    CHECK(fs::exists(dir / "sensitive_events.csv"));
    CHECK(fs::exists(dir / "sensitive_tie_kinds.csv"));
    CHECK(read_csv(dir.string()) == net);

    // Rewriting without sensitive data must not leave the mark files behind
    // (they would name an event that is no longer there).
    write_csv(net, dir.string());
    CHECK_FALSE(fs::exists(dir / "sensitive_events.csv"));
    CHECK_FALSE(fs::exists(dir / "sensitive_tie_kinds.csv"));
    const Network partial = read_csv(dir.string());
    CHECK(partial.num_events() == 1);
    CHECK(partial.num_ties() == 1);
    fs::remove_all(dir);
}
