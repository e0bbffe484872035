// The test-only thread collective (tests/util/thread_collective.hpp): N
// ranks as N threads, checked against hand-computed reductions.
#include "thread_collective.hpp"

#include "verbind/error.hpp"
#include "verbind/util/collective.hpp"

#include <catch2/catch.hpp>

using namespace verbind;


TEST_CASE("thread collective: N ranks as N threads reduce, gather and broadcast", "[collective][thread_collective]") {
    for (unsigned n = 1; n <= 4; ++n) {
        auto results = testing::run_ranks(n, [](Collective& c) {
            const std::uint64_t r = c.rank();
            std::vector<std::uint64_t> v{r + 1, 10 * r, 7};
            c.sum(std::span<std::uint64_t>(v));
            std::vector<std::uint64_t> lo{r + 5, 100 - r}, hi{r + 5, 100 - r};
            c.min(std::span<std::uint64_t>(lo));
            c.max(std::span<std::uint64_t>(hi));
            std::vector<double> d{0.5 * static_cast<double>(r)};
            c.sum(std::span<double>(d));
            // rank r contributes r copies of r (rank 0 nothing): lengths differ
            const std::vector<std::uint32_t> mine(r, static_cast<std::uint32_t>(r));
            auto all = c.gather(std::span<const std::uint32_t>(mine));
            const std::vector<std::uint64_t> mine64{r * r};
            auto all64 = c.gather(std::span<const std::uint64_t>(mine64));
            std::uint64_t word = c.rank() == c.size() - 1 ? 0xabcdefULL : 0;
            c.broadcast(std::as_writable_bytes(std::span<std::uint64_t>(&word, 1)), c.size() - 1);
            std::vector<std::uint64_t> out = v;
            out.insert(out.end(), lo.begin(), lo.end());
            out.insert(out.end(), hi.begin(), hi.end());
            out.push_back(static_cast<std::uint64_t>(d[0] * 2));
            out.insert(out.end(), all.begin(), all.end());
            out.insert(out.end(), all64.begin(), all64.end());
            out.push_back(word);
            return out;
        });
        // Expected values computed by hand from the formulas above.
        std::uint64_t s1 = 0, s2 = 0, sd = 0;
        std::vector<std::uint64_t> gathered, gathered64;
        for (std::uint64_t r = 0; r < n; ++r) {
            s1 += r + 1;
            s2 += 10 * r;
            sd += r;
            for (std::uint64_t i = 0; i < r; ++i) gathered.push_back(r);
            gathered64.push_back(r * r);
        }
        std::vector<std::uint64_t> expected{s1, s2, 7ULL * n, 5, 100 - (n - 1), 5 + (n - 1), 100, sd};
        expected.insert(expected.end(), gathered.begin(), gathered.end());
        expected.insert(expected.end(), gathered64.begin(), gathered64.end());
        expected.push_back(0xabcdefULL);
        for (unsigned r = 0; r < n; ++r) {
            INFO("ranks " << n << ", rank " << r);
            REQUIRE_FALSE(results[r].error);
            CHECK(*results[r].value == expected);
        }
    }
}

TEST_CASE("thread collective: a failure on one rank becomes the same error on every rank",
          "[collective][thread_collective]") {
    auto results = testing::run_ranks(3, [](Collective& c) {
        agree_on(c, [&] {
            if (c.rank() == 2) throw not_found_error("seed 'x' is not a node");
            if (c.rank() == 1) throw input_error("k = 9 > n = 4");
        });
    });
    for (const auto& r : results) {
        REQUIRE(r.error);
        CHECK(r.message() == "rank 1: k = 9 > n = 4");
        CHECK_THROWS_AS(std::rethrow_exception(r.error), input_error);
    }
    // Reductions of different lengths fail every rank rather than hang.
    auto bad = testing::run_ranks(2, [](Collective& c) {
        std::vector<std::uint64_t> v(c.rank() + 1, 1);
        c.sum(std::span<std::uint64_t>(v));
    });
    for (const auto& r : bad) CHECK(r.error);
}
