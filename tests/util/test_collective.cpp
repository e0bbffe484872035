// The one-process collective and agree() (include/verbind/util/collective.hpp);
// the MPI collective is tested under mpirun in tests/mpi/.
#include "verbind/error.hpp"
#include "verbind/util/collective.hpp"

#include <catch2/catch.hpp>

#include <new>

using namespace verbind;

TEST_CASE("single_process is rank 0 of 1 and leaves values as they are", "[collective]") {
    Collective& one = single_process();
    CHECK(one.rank() == 0);
    CHECK(one.size() == 1);
    std::vector<std::uint64_t> counts{3, 0, 7};
    one.sum(std::span<std::uint64_t>(counts));
    one.min(std::span<std::uint64_t>(counts));
    one.max(std::span<std::uint64_t>(counts));
    CHECK(counts == std::vector<std::uint64_t>{3, 0, 7});
    std::vector<double> sums{0.5, -1.25};
    one.sum(std::span<double>(sums));
    CHECK(sums == std::vector<double>{0.5, -1.25});
    const std::vector<std::uint32_t> mine{4, 5};
    CHECK(one.gather(std::span<const std::uint32_t>(mine)) == mine);
}

TEST_CASE("agree rethrows a failure as its own kind with its own message", "[collective]") {
    Collective& one = single_process();
    CHECK_NOTHROW(agree(one, FailureKind::none, ""));
    CHECK_THROWS_MATCHES(agree(one, FailureKind::parse, "edges.txt:3: bad weight"), parse_error,
                         Catch::Matchers::Message("edges.txt:3: bad weight"));
    CHECK_THROWS_AS(agree(one, FailureKind::input, "k"), input_error);
    CHECK_THROWS_AS(agree(one, FailureKind::not_found, "seed 'x'"), not_found_error);
    CHECK_THROWS_AS(agree(one, FailureKind::io, "f"), io_error);
    CHECK_THROWS_AS(agree(one, FailureKind::cancelled, "c"), cancelled_error);
    CHECK_THROWS_AS(agree(one, FailureKind::out_of_memory, ""), std::bad_alloc);
    CHECK_THROWS_MATCHES(agree(one, FailureKind::other, "boom"), error, Catch::Matchers::Message("boom"));
}

TEST_CASE("agree_on turns an exception's type into its kind", "[collective]") {
    Collective& one = single_process();
    int ran = 0;
    CHECK_NOTHROW(agree_on(one, [&] { ++ran; }));
    CHECK(ran == 1);
    CHECK_THROWS_MATCHES(agree_on(one, [] { throw not_found_error("node 'z'"); }), not_found_error,
                         Catch::Matchers::Message("node 'z'"));
    CHECK_THROWS_MATCHES(agree_on(one, [] { throw parse_error("a.csv:2"); }), parse_error,
                         Catch::Matchers::Message("a.csv:2"));
    CHECK_THROWS_MATCHES(agree_on(one, [] { throw std::runtime_error("plain"); }), error,
                         Catch::Matchers::Message("plain"));
    CHECK_THROWS_AS(agree_on(one, [] { throw std::bad_alloc(); }), std::bad_alloc);
}
