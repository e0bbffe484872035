// verbind::mpi::Communicator: a verbind::Collective over an MPI
// communicator, the ONE place that calls MPI collectives. libverbind_mpi
// wraps it into a vb_collective_t (mpi/verbind_mpi.cpp); the CLI compiles
// it in directly (built with VERBIND_MPI). Header-level C++ only: it uses
// the core's headers (verbind/util/collective.hpp, verbind/error.hpp), none
// of its compiled code.
#pragma once

#include "verbind/util/collective.hpp"

#include <mpi.h>

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace verbind::mpi {

class Communicator final : public Collective {
public:
    // Duplicates `comm` (MPI_Comm_dup), so verbind's messages never mix
    // with the caller's, and makes MPI errors on the duplicate return codes
    // (thrown as verbind::io_error "MPI_Allreduce: <MPI's text>") rather
    // than abort. Throws verbind::input_error when MPI is not initialised
    // (or already finalised) or `comm` is MPI_COMM_NULL. Collective: every
    // rank of `comm` must construct one.
    explicit Communicator(MPI_Comm comm) : Communicator(comm, max_mpi_count) {}
    // As above, with MPI calls of at most `max_count` elements (>= 1): the
    // tests make it small to run the chunked paths on small arrays.
    Communicator(MPI_Comm comm, std::size_t max_count);
    static constexpr std::size_t max_mpi_count = 2147483647;  // INT_MAX: MPI counts are int
    ~Communicator() override;                                 // MPI_Comm_free, unless MPI is finalised
    Communicator(const Communicator&) = delete;
    Communicator& operator=(const Communicator&) = delete;

    unsigned rank() const noexcept override { return rank_; }
    unsigned size() const noexcept override { return size_; }
    // Counts above INT_MAX (MPI's int counts) go in chunks.
    void sum(std::span<std::uint64_t> values) override;
    void sum(std::span<double> values) override;
    void min(std::span<std::uint64_t> values) override;
    void max(std::span<std::uint64_t> values) override;
    std::vector<std::uint32_t> gather(std::span<const std::uint32_t> mine) override;
    std::vector<std::uint64_t> gather(std::span<const std::uint64_t> mine) override;
    void broadcast(std::span<std::byte> bytes, unsigned root) override;

    // Every rank's `mine` bytes concatenated in rank order, on every rank,
    // given every rank's byte count (`bytes`, the same on every rank;
    // MPI_Allgatherv, in rounds when a count or the total exceeds INT_MAX).
    void allgatherv(const void* mine, std::size_t mine_bytes, void* all, std::span<const std::size_t> bytes);
    // values[i] = op over the ranks, in place (MPI_Allreduce, MPI_IN_PLACE).
    void allreduce(void* values, std::size_t count, MPI_Datatype type, MPI_Op op);

    // The duplicated communicator.
    MPI_Comm comm() const noexcept { return comm_; }

private:
    template <class T>
    std::vector<T> gather_as(std::span<const T> mine);

    MPI_Comm comm_ = MPI_COMM_NULL;
    unsigned rank_ = 0, size_ = 1;
    std::size_t max_count_ = max_mpi_count;
};

}  // namespace verbind::mpi
