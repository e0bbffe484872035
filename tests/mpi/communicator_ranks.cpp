// verbind::mpi::Communicator (mpi/communicator.hpp) under mpiexec -np 1..4,
// with MPI calls cut to at most 1, 3 or 7 elements (and uncut), so the
// chunked reductions, the rounds of allgatherv and the chunked broadcast
// run on small arrays. Every expected value is computed here from the
// formula each rank used for its input.
#include "communicator.hpp"
#include "verbind/error.hpp"

#include <mpi.h>

#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

namespace {

int failures = 0;

void check(bool ok, const std::string& what) {
    if (ok) return;
    ++failures;
    std::fprintf(stderr, "FAILED: %s\n", what.c_str());
}

void run(std::size_t max_count, const std::string& label) {
    verbind::mpi::Communicator c(MPI_COMM_WORLD, max_count);
    const std::uint64_t r = c.rank(), n = c.size();
    int world_rank = 0, world_size = 0;
    MPI_Comm_rank(MPI_COMM_WORLD, &world_rank);
    MPI_Comm_size(MPI_COMM_WORLD, &world_size);
    check(r == static_cast<std::uint64_t>(world_rank) && n == static_cast<std::uint64_t>(world_size),
          label + ": rank and size of the duplicate");

    std::vector<std::uint64_t> s(20), lo(20), hi(20);
    std::vector<double> d(20);
    for (std::uint64_t i = 0; i < 20; ++i) {
        s[i] = i * (r + 1);
        lo[i] = hi[i] = 100 * i + 7 * r;
        d[i] = 0.5 * static_cast<double>(i * (r + 1));
    }
    c.sum(std::span<std::uint64_t>(s));
    c.min(std::span<std::uint64_t>(lo));
    c.max(std::span<std::uint64_t>(hi));
    c.sum(std::span<double>(d));
    for (std::uint64_t i = 0; i < 20; ++i) {
        check(s[i] == i * n * (n + 1) / 2, label + ": sum u64 [" + std::to_string(i) + "]");
        check(lo[i] == 100 * i, label + ": min [" + std::to_string(i) + "]");
        check(hi[i] == 100 * i + 7 * (n - 1), label + ": max [" + std::to_string(i) + "]");
        check(d[i] == 0.5 * static_cast<double>(i * n * (n + 1) / 2),
              label + ": sum f64 [" + std::to_string(i) + "]");
    }

    // Rank q sends 5q + 3 values q * 1000 + j (uneven lengths); as u64, rank 0 sends none.
    std::vector<std::uint32_t> mine32;
    for (std::uint32_t j = 0; j < 5 * r + 3; ++j) mine32.push_back(static_cast<std::uint32_t>(r * 1000 + j));
    std::vector<std::uint64_t> mine64;
    for (std::uint64_t j = 0; j < 4 * r; ++j) mine64.push_back((r << 40) + j);
    const auto all32 = c.gather(std::span<const std::uint32_t>(mine32));
    const auto all64 = c.gather(std::span<const std::uint64_t>(mine64));
    std::vector<std::uint32_t> expected32;
    std::vector<std::uint64_t> expected64;
    for (std::uint64_t q = 0; q < n; ++q) {
        for (std::uint32_t j = 0; j < 5 * q + 3; ++j) expected32.push_back(static_cast<std::uint32_t>(q * 1000 + j));
        for (std::uint64_t j = 0; j < 4 * q; ++j) expected64.push_back((q << 40) + j);
    }
    check(all32 == expected32, label + ": gather u32 in rank order");
    check(all64 == expected64, label + ": gather u64 in rank order");

    std::vector<std::byte> bytes(50);
    for (std::size_t i = 0; i < bytes.size(); ++i) bytes[i] = static_cast<std::byte>(r == n - 1 ? i * 3 + 1 : 0);
    c.broadcast(bytes, static_cast<unsigned>(n - 1));
    bool same = true;
    for (std::size_t i = 0; i < bytes.size(); ++i) same = same && bytes[i] == static_cast<std::byte>(i * 3 + 1);
    check(same, label + ": broadcast from the last rank");

    bool refused = false;
    try {
        c.broadcast(bytes, static_cast<unsigned>(n));
    } catch (const verbind::input_error&) {
        refused = true;
    }
    check(refused, label + ": a root that is not a rank is refused");
}

}  // namespace

int main(int argc, char** argv) {
    MPI_Init(&argc, &argv);
    for (const std::size_t max_count : {std::size_t{1}, std::size_t{3}, std::size_t{7}})
        run(max_count, "at most " + std::to_string(max_count) + " per call");
    run(verbind::mpi::Communicator::max_mpi_count, "uncut");
    bool refused = false;
    try {
        verbind::mpi::Communicator none(MPI_COMM_NULL);
    } catch (const verbind::input_error& e) {
        refused = std::string(e.what()).find("MPI_COMM_NULL") != std::string::npos;
    }
    check(refused, "MPI_COMM_NULL refused by name");
    int all = 0;
    MPI_Allreduce(&failures, &all, 1, MPI_INT, MPI_SUM, MPI_COMM_WORLD);
    int rank = 0, size = 0;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    if (rank == 0) std::printf("%d ranks: communicator checks, %d failed in all\n", size, all);
    MPI_Finalize();
    return all == 0 ? 0 : 1;
}
