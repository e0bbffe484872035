// load and Store::open with a progress callback: the fraction of the rows
// read (0 first, 1 last, never backwards, reports from inside the read), and
// cancelling (the callback returns false) throws cancelled_error with
// nothing read and the file as it was.
//
// Progress is throttled to one report per ~0.1 s: a callback that sleeps
// 0.15 s lets the next report through (no timing is asserted).
#include "verbind/datasets/sample.hpp"
#include "verbind/error.hpp"
#include "verbind/store/store.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <thread>
#include <vector>

using namespace verbind;
namespace fs = std::filesystem;

namespace {

struct TempStore {
    TempStore() {
        std::random_device entropy;
        folder = fs::temp_directory_path() / ("verbind-store-progress-" + std::to_string(entropy()));
        fs::create_directories(folder);
        path = (folder / "programme.db").string();
    }
    ~TempStore() {
        std::error_code ignored;
        fs::remove_all(folder, ignored);
    }
    fs::path folder;
    std::string path;
};

Network big_network() {
    SampleOptions o;
    o.seed = 5;
    o.scale = 2.0;
    return sample_programme(o);
}

void wait_past_throttle() { std::this_thread::sleep_for(std::chrono::milliseconds(150)); }

std::string bytes_of(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

// A callback that records, sleeps on its first three calls (so that reports
// come from inside the read) and goes on.
ProgressCallback recording(std::vector<double>& seen) {
    return [&seen](double f) {
        seen.push_back(f);
        if (seen.size() <= 3) wait_past_throttle();
        return true;
    };
}

void check_reports(const std::vector<double>& seen) {
    REQUIRE(seen.size() >= 3);
    CHECK(seen.front() == 0.0);
    CHECK(seen.back() == 1.0);
    CHECK(std::count(seen.begin(), seen.end(), 1.0) == 1);  // 1 is the end, not before
    CHECK(std::is_sorted(seen.begin(), seen.end()));
    CHECK(std::count_if(seen.begin(), seen.end(), [](double f) { return f > 0.0 && f < 1.0; }) >= 1);
}

}  // namespace

TEST_CASE("load reports the fraction of the rows read", "[store][progress]") {
    TempStore store;
    const Network net = big_network();
    save(net, store.path);
    std::vector<double> seen;
    CHECK(load(store.path, recording(seen)) == net);
    check_reports(seen);
}

TEST_CASE("Store::open reports the fraction of the rows read", "[store][progress]") {
    TempStore store;
    const Network net = big_network();
    save(net, store.path);
    std::vector<double> seen;
    Store s = Store::open(store.path, recording(seen));
    CHECK(s.network() == net);
    check_reports(seen);
}

TEST_CASE("cancelled load and Store::open read nothing and leave the file", "[store][progress]") {
    TempStore store;
    const Network net = big_network();
    save(net, store.path);
    const std::string bytes = bytes_of(store.path);
    for (const bool at_start : {true, false}) {
        int calls = 0;
        double last = -1;
        auto stop = [&](double f) {
            ++calls;
            last = f;
            if (at_start) return false;
            if (f == 0.0) wait_past_throttle();
            return f == 0.0;
        };
        CHECK_THROWS_AS(load(store.path, stop), cancelled_error);
        CHECK(calls == (at_start ? 1 : 2));
        if (!at_start) CHECK((last > 0.0 && last < 1.0));
        calls = 0;
        CHECK_THROWS_AS(Store::open(store.path, stop), cancelled_error);
        CHECK(calls == (at_start ? 1 : 2));
        CHECK(bytes_of(store.path) == bytes);
    }
    CHECK(load(store.path) == net);
    CHECK(Store::open(store.path).network() == net);
}
