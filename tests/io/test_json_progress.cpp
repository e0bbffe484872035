// read_json and import_json with a progress callback: 0 first, 1 once at the
// end, never backwards, reports from inside the parse (the first half) and
// the records (the second); a callback that returns false cancels with
// cancelled_error and nothing read (import: the Network as it was).
//
// Progress is throttled to one report per ~0.1 s: a callback that sleeps
// 0.15 s lets the next report through (no timing is asserted).
#include "verbind/datasets/sample.hpp"
#include "verbind/error.hpp"
#include "verbind/io/io.hpp"

#include "io_test_support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <thread>
#include <vector>

using namespace verbind;
using verbind_io_test::TempFolder;

namespace {

void wait_past_throttle() { std::this_thread::sleep_for(std::chrono::milliseconds(150)); }

Network big_network() {
    SampleOptions o;
    o.seed = 3;
    o.scale = 2.0;
    return sample_programme(o);
}

}  // namespace

TEST_CASE("read_json reports parsing, then records", "[io][json][progress]") {
    TempFolder folder;
    const std::string path = folder.file("net.json");
    const Network net = big_network();
    write_json(net, path, {true});
    const Network plain = read_json(path);
    CHECK(plain == net);

    std::vector<double> seen;
    auto record = [&](double f) {
        seen.push_back(f);
        wait_past_throttle();  // every report lets the next one through
        return true;
    };
    CHECK(read_json(path, record) == plain);
    REQUIRE(seen.size() >= 4);
    CHECK(seen.front() == 0.0);
    CHECK(seen.back() == 1.0);
    CHECK(std::count(seen.begin(), seen.end(), 1.0) == 1);
    CHECK(std::is_sorted(seen.begin(), seen.end()));
    // Both halves report from inside: the parse below 0.5, the records above.
    CHECK(std::any_of(seen.begin(), seen.end(), [](double f) { return f > 0.0 && f < 0.5; }));
    CHECK(std::any_of(seen.begin(), seen.end(), [](double f) { return f > 0.5 && f < 1.0; }));
}

TEST_CASE("a cancelled read_json or import_json reads nothing", "[io][json][progress]") {
    TempFolder folder;
    const std::string path = folder.file("net.json");
    write_json(big_network(), path, {true});
    Network target;
    target.add_resident("already-here");
    const Network before = target;
    for (const double stop_at : {0.0, 0.25, 0.75}) {
        double last = -1;
        auto stop = [&](double f) {
            last = f;
            wait_past_throttle();
            return f < stop_at;
        };
        CHECK_THROWS_AS(read_json(path, stop), cancelled_error);
        CHECK(last >= stop_at);
        CHECK(last < 1.0);
        CHECK_THROWS_AS(import_json(target, path, stop), cancelled_error);
        CHECK(target == before);
    }
}
