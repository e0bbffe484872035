// EdgeListOptions::progress: read_edgelist reports the fraction of the
// file's bytes read (0 first, 1 once, last, never backwards), each report
// at the start of a line, and a callback that returns false cancels with
// cancelled_error (no graph).
//
// Progress is throttled to one report per ~0.1 s: a callback that sleeps
// 0.15 s lets the next report through (no timing is asserted).
#include "verbind/error.hpp"
#include "verbind/graph/graph.hpp"
#include "verbind/io/edgelist.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <thread>
#include <vector>

using namespace verbind;

namespace {

// About 3 MB: several of the reader's 1 MiB pieces.
struct EdgeFile {
    std::string path, text;
    EdgeFile() {
        std::mt19937_64 rng(17);
        for (int i = 0; i < 300000; ++i) {
            const auto a = rng() % 100000, b = rng() % 100000;
            if (a != b) text += std::to_string(a) + " " + std::to_string(b) + "\n";
        }
        path = (std::filesystem::temp_directory_path() / "verbind_edgelist_progress.txt").string();
        std::ofstream(path, std::ios::binary) << text;
    }
    ~EdgeFile() { std::filesystem::remove(path); }
};

}  // namespace

TEST_CASE("read_edgelist reports the fraction of the file's bytes read", "[graph][edgelist][progress]") {
    const EdgeFile file;
    EdgeListOptions options;
    options.duplicates = Merge::first;
    const Graph plain = read_edgelist(file.path, options);
    std::vector<double> seen;
    options.progress = [&](double f) {
        seen.push_back(f);
        if (seen.size() <= 3) std::this_thread::sleep_for(std::chrono::milliseconds(150));
        return true;
    };
    const Graph reported = read_edgelist(file.path, options);
    CHECK(reported.num_nodes() == plain.num_nodes());
    CHECK(reported.num_edges() == plain.num_edges());
    REQUIRE(seen.size() >= 4);
    CHECK(seen.front() == 0.0);
    CHECK(seen.back() == 1.0);
    CHECK(std::count(seen.begin(), seen.end(), 1.0) == 1);
    CHECK(std::is_sorted(seen.begin(), seen.end()));
    // Each report from inside is a position in the file's bytes: the start
    // of a line.
    for (double f : seen) {
        if (f <= 0.0 || f >= 1.0) continue;
        const auto at = static_cast<std::size_t>(std::llround(f * static_cast<double>(file.text.size())));
        INFO("fraction " << f << ", byte " << at);
        REQUIRE(at > 0);
        CHECK(file.text[at - 1] == '\n');
    }
}

TEST_CASE("read_edgelist cancels at the start or in the middle", "[graph][edgelist][progress]") {
    const EdgeFile file;
    for (const bool at_start : {true, false}) {
        std::vector<double> seen;
        EdgeListOptions options;
        options.duplicates = Merge::first;
        options.progress = [&](double f) {
            seen.push_back(f);
            if (at_start) return false;
            if (f == 0.0) {
                std::this_thread::sleep_for(std::chrono::milliseconds(150));
                return true;
            }
            return false;
        };
        CHECK_THROWS_AS(read_edgelist(file.path, options), cancelled_error);
        REQUIRE(!seen.empty());
        CHECK(seen.front() == 0.0);
        if (!at_start) CHECK((seen.back() > 0.0 && seen.back() < 1.0));
    }
}
