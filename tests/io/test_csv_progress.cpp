// CsvOptions::progress: read_csv and import_csv report the fraction of the
// folder's bytes read (0 first, 1 last, never backwards), from inside the
// read, and a callback that returns false cancels with cancelled_error and
// nothing read (import: the Network exactly as before).
//
// Progress is throttled to one report per ~0.1 s: a callback that sleeps
// 0.15 s lets the next report through (no timing is asserted).
#include "verbind/datasets/sample.hpp"
#include "verbind/error.hpp"
#include "verbind/io/io.hpp"

#include "io_test_support.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <thread>
#include <vector>

using namespace verbind;
using verbind_io_test::TempFolder;

namespace {

Network big_network() {
    SampleOptions o;
    o.seed = 11;
    o.scale = 2.0;  // about 4,000 residents: thousands of rows per file
    return sample_programme(o);
}

void wait_past_throttle() { std::this_thread::sleep_for(std::chrono::milliseconds(150)); }

}  // namespace

TEST_CASE("read_csv reports the fraction of the bytes read", "[io][csv][progress]") {
    TempFolder folder;
    const Network net = big_network();
    write_csv(net, folder.str() + "/net");
    const std::string path = folder.str() + "/net";
    const Network plain = read_csv(path);

    std::vector<double> seen;
    CsvOptions options;
    options.progress = [&](double f) {
        seen.push_back(f);
        if (seen.size() <= 3) wait_past_throttle();
        return true;
    };
    CHECK(read_csv(path, options) == plain);
    REQUIRE(seen.size() >= 4);
    CHECK(seen.front() == 0.0);
    CHECK(seen.back() == 1.0);
    CHECK(std::count(seen.begin(), seen.end(), 1.0) == 1);  // 1 is the end, not before
    CHECK(std::is_sorted(seen.begin(), seen.end()));
    // Reports from inside the read, not only the ends.
    CHECK(std::count_if(seen.begin(), seen.end(), [](double f) { return f > 0.0 && f < 1.0; }) >= 2);
}

TEST_CASE("read_csv's fraction counts bytes of the files in the folder", "[io][csv][progress]") {
    TempFolder folder;
    const std::string path = folder.str() + "/net";
    write_csv(big_network(), path);
    std::uintmax_t total = 0;
    for (const auto& entry : std::filesystem::directory_iterator(path)) total += entry.file_size();
    const auto actors = std::filesystem::file_size(path + "/actors.csv");
    const auto ties = std::filesystem::file_size(path + "/ties.csv");

    // Stop at the first report from inside the read: actors.csv (read first,
    // thousands of rows) is where it comes from.
    std::vector<double> seen;
    CsvOptions options;
    options.progress = [&](double f) {
        seen.push_back(f);
        if (f == 0.0) wait_past_throttle();
        return f == 0.0;
    };
    CHECK_THROWS_AS(read_csv(path, options), cancelled_error);
    REQUIRE(seen.size() == 2);
    CHECK(seen[1] > 0.0);
    CHECK(seen[1] <= static_cast<double>(actors) / static_cast<double>(total));

    // Stop at the first report past the actors: within ties.csv, read next.
    seen.clear();
    options.progress = [&](double f) {
        seen.push_back(f);
        wait_past_throttle();
        return f <= static_cast<double>(actors) / static_cast<double>(total);
    };
    CHECK_THROWS_AS(read_csv(path, options), cancelled_error);
    CHECK(seen.back() > static_cast<double>(actors) / static_cast<double>(total));
    CHECK(seen.back() <= static_cast<double>(actors + ties) / static_cast<double>(total));
}

TEST_CASE("a cancelled import_csv leaves the Network as it was", "[io][csv][progress]") {
    TempFolder folder;
    const std::string path = folder.str() + "/net";
    write_csv(big_network(), path);
    Network target;
    target.add_resident("already-here");
    const Network before = target;

    for (const bool at_start : {true, false}) {
        CsvOptions options;
        int calls = 0;
        options.progress = [&](double f) {
            ++calls;
            if (at_start) return false;
            if (f == 0.0) wait_past_throttle();
            return f == 0.0;
        };
        std::vector<std::string> warnings;
        CHECK_THROWS_AS(import_csv(target, path, options, &warnings), cancelled_error);
        CHECK(target == before);
        CHECK(warnings.empty());
        CHECK(calls == (at_start ? 1 : 2));
    }
    // Without a callback, or with one that goes on, the import happens.
    CsvOptions options;
    options.progress = [](double) { return true; };
    import_csv(target, path, options);
    CHECK(target.num_actors() == before.num_actors() + big_network().num_actors());
}
