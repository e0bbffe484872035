// verbind::mpi::Communicator (mpi/communicator.hpp): the MPI calls.
#include "communicator.hpp"

#include "verbind/error.hpp"

#include <algorithm>
#include <climits>
#include <cstring>
#include <string>

namespace verbind::mpi {

namespace {

// Throws io_error "<call>: <MPI's text>" unless `code` is MPI_SUCCESS.
void check(int code, const char* call) {
    if (code == MPI_SUCCESS) return;
    char text[MPI_MAX_ERROR_STRING];
    int length = 0;
    if (MPI_Error_string(code, text, &length) != MPI_SUCCESS) length = 0;
    throw io_error(std::string(call) + ": " +
                   (length > 0 ? std::string(text, static_cast<std::size_t>(length))
                               : "MPI error " + std::to_string(code)));
}

}  // namespace

Communicator::Communicator(MPI_Comm comm, std::size_t max_count)
    : max_count_(std::clamp<std::size_t>(max_count, 1, max_mpi_count)) {
    int initialised = 0, finalised = 0;
    MPI_Initialized(&initialised);
    MPI_Finalized(&finalised);
    if (!initialised || finalised)
        throw input_error(finalised ? "MPI is finalised already" : "MPI is not initialised: call MPI_Init first");
    if (comm == MPI_COMM_NULL) throw input_error("the communicator is MPI_COMM_NULL");
    check(MPI_Comm_dup(comm, &comm_), "MPI_Comm_dup");
    MPI_Comm_set_errhandler(comm_, MPI_ERRORS_RETURN);
    int rank = 0, size = 1;
    check(MPI_Comm_rank(comm_, &rank), "MPI_Comm_rank");
    check(MPI_Comm_size(comm_, &size), "MPI_Comm_size");
    rank_ = static_cast<unsigned>(rank);
    size_ = static_cast<unsigned>(size);
}

Communicator::~Communicator() {
    int finalised = 0;
    MPI_Finalized(&finalised);
    if (comm_ != MPI_COMM_NULL && !finalised) MPI_Comm_free(&comm_);
}

void Communicator::allreduce(void* values, std::size_t count, MPI_Datatype type, MPI_Op op) {
    int width = 0;
    check(MPI_Type_size(type, &width), "MPI_Type_size");
    auto* bytes = static_cast<unsigned char*>(values);
    // Every rank has the same count, so every rank makes the same calls.
    for (std::size_t done = 0; done < count;) {
        const std::size_t chunk = std::min(count - done, max_count_);
        check(MPI_Allreduce(MPI_IN_PLACE, bytes + done * static_cast<std::size_t>(width), static_cast<int>(chunk),
                            type, op, comm_),
              "MPI_Allreduce");
        done += chunk;
    }
}

void Communicator::sum(std::span<std::uint64_t> values) {
    allreduce(values.data(), values.size(), MPI_UINT64_T, MPI_SUM);
}
void Communicator::sum(std::span<double> values) { allreduce(values.data(), values.size(), MPI_DOUBLE, MPI_SUM); }
void Communicator::min(std::span<std::uint64_t> values) {
    allreduce(values.data(), values.size(), MPI_UINT64_T, MPI_MIN);
}
void Communicator::max(std::span<std::uint64_t> values) {
    allreduce(values.data(), values.size(), MPI_UINT64_T, MPI_MAX);
}

void Communicator::allgatherv(const void* mine, std::size_t mine_bytes, void* all,
                              std::span<const std::size_t> bytes) {
    if (bytes.size() != size_)
        throw input_error("allgatherv: " + std::to_string(bytes.size()) + " byte counts for " +
                          std::to_string(size_) + " ranks");
    if (bytes[rank_] != mine_bytes)
        throw input_error("allgatherv: this rank sends " + std::to_string(mine_bytes) + " bytes, its count says " +
                          std::to_string(bytes[rank_]));
    std::vector<std::size_t> at(size_ + 1, 0);  // where rank r's bytes go in `all`
    std::size_t longest = 0;
    for (unsigned r = 0; r < size_; ++r) {
        at[r + 1] = at[r] + bytes[r];
        longest = std::max(longest, bytes[r]);
    }
    auto* out = static_cast<unsigned char*>(all);
    std::vector<int> counts(size_), displacements(size_);
    if (at[size_] <= max_count_) {  // one call, straight into `all`
        for (unsigned r = 0; r < size_; ++r) {
            counts[r] = static_cast<int>(bytes[r]);
            displacements[r] = static_cast<int>(at[r]);
        }
        check(MPI_Allgatherv(mine, counts[rank_], MPI_BYTE, out, counts.data(), displacements.data(), MPI_BYTE,
                             comm_),
              "MPI_Allgatherv");
        return;
    }
    // Rounds of at most `step` bytes per rank (at most INT_MAX in all) into
    // a buffer, copied to their places; every rank computes the same rounds.
    const std::size_t step = std::max<std::size_t>(1, max_count_ / size_);
    std::vector<unsigned char> buffer(std::min(at[size_], step * size_));
    const auto* in = static_cast<const unsigned char*>(mine);
    for (std::size_t offset = 0; offset < longest; offset += step) {
        int total = 0;
        for (unsigned r = 0; r < size_; ++r) {
            const std::size_t left = bytes[r] > offset ? bytes[r] - offset : 0;
            counts[r] = static_cast<int>(std::min(left, step));
            displacements[r] = total;
            total += counts[r];
        }
        check(MPI_Allgatherv(in + std::min(offset, mine_bytes), counts[rank_], MPI_BYTE, buffer.data(), counts.data(),
                             displacements.data(), MPI_BYTE, comm_),
              "MPI_Allgatherv");
        for (unsigned r = 0; r < size_; ++r)
            if (counts[r] > 0)
                std::memcpy(out + at[r] + offset, buffer.data() + displacements[r],
                            static_cast<std::size_t>(counts[r]));
    }
}

template <class T>
std::vector<T> Communicator::gather_as(std::span<const T> mine) {
    std::uint64_t length = mine.size_bytes();
    std::vector<std::uint64_t> lengths(size_);
    check(MPI_Allgather(&length, 1, MPI_UINT64_T, lengths.data(), 1, MPI_UINT64_T, comm_), "MPI_Allgather");
    std::vector<std::size_t> bytes(lengths.begin(), lengths.end());
    std::size_t total = 0;
    for (const std::size_t b : bytes) total += b;
    std::vector<T> all(total / sizeof(T));
    allgatherv(mine.data(), mine.size_bytes(), all.data(), bytes);
    return all;
}

std::vector<std::uint32_t> Communicator::gather(std::span<const std::uint32_t> mine) { return gather_as(mine); }
std::vector<std::uint64_t> Communicator::gather(std::span<const std::uint64_t> mine) { return gather_as(mine); }

void Communicator::broadcast(std::span<std::byte> bytes, unsigned root) {
    if (root >= size_)
        throw input_error("broadcast: root " + std::to_string(root) + " is not a rank (size " +
                          std::to_string(size_) + ")");
    for (std::size_t done = 0; done < bytes.size();) {
        const std::size_t chunk = std::min(bytes.size() - done, max_count_);
        check(MPI_Bcast(bytes.data() + done, static_cast<int>(chunk), MPI_BYTE, static_cast<int>(root), comm_),
              "MPI_Bcast");
        done += chunk;
    }
}

}  // namespace verbind::mpi
