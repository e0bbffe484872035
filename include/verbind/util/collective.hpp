// The processes that compute one result together. The core library never
// calls MPI: a distributed algorithm (influence_max, spread, betweenness,
// closeness, harmonic with a Collective argument) calls this interface, and
// libverbind_mpi implements it over an MPI communicator. One process alone
// is single_process(), which every non-distributed call uses.
//
// Every rank makes the same calls in the same order with the same sizes
// (collective semantics). Validation that can fail on one rank only ends in
// agree(), so a bad input on one rank becomes the same error on every rank,
// never a deadlock.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

namespace verbind {

class Collective {
public:
    virtual ~Collective() = default;

    virtual unsigned rank() const noexcept = 0;  // in [0, size())
    virtual unsigned size() const noexcept = 0;  // >= 1

    // Element-wise reductions over all ranks, in place; every rank gets the
    // result. `values` has the same length on every rank.
    virtual void sum(std::span<std::uint64_t> values) = 0;
    virtual void sum(std::span<double> values) = 0;
    virtual void min(std::span<std::uint64_t> values) = 0;
    virtual void max(std::span<std::uint64_t> values) = 0;

    // Every rank's `mine` concatenated in rank order, on every rank (the
    // lengths may differ between ranks).
    virtual std::vector<std::uint32_t> gather(std::span<const std::uint32_t> mine) = 0;
    virtual std::vector<std::uint64_t> gather(std::span<const std::uint64_t> mine) = 0;

    // The root's bytes on every rank; `bytes` has the same length on every rank.
    virtual void broadcast(std::span<std::byte> bytes, unsigned root) = 0;
};

// The one-process collective: rank 0 of 1; every operation leaves its
// input as it is.
Collective& single_process() noexcept;

// What went wrong on one rank, as the C ABI and Python map it.
enum class FailureKind : std::uint8_t {
    none = 0,
    input,          // verbind::input_error
    parse,          // verbind::parse_error
    not_found,      // verbind::not_found_error
    io,             // verbind::io_error
    cancelled,      // verbind::cancelled_error
    out_of_memory,  // std::bad_alloc
    other,          // any other exception (verbind::error on every rank)
};

// Every rank calls it with its own outcome (kind none: fine). When any rank
// failed, every rank throws the same exception: the lowest failing rank's
// kind and message, the message prefixed "rank R: " when size() > 1.
// Returns normally on every rank only when no rank failed.
void agree(Collective& collective, FailureKind kind, std::string_view message);

// Runs `work` and agrees on its outcome: an exception on any rank becomes
// the same exception on every rank (see agree()); the exception's type
// decides the kind.
template <class Work>
void agree_on(Collective& collective, Work&& work);

namespace collective_detail {
// The kind and message of the exception being handled (call inside catch).
std::pair<FailureKind, std::string> current_failure();
}  // namespace collective_detail

template <class Work>
void agree_on(Collective& collective, Work&& work) {
    FailureKind kind = FailureKind::none;
    std::string message;
    try {
        work();
    } catch (...) {
        std::tie(kind, message) = collective_detail::current_failure();
    }
    agree(collective, kind, message);
}

}  // namespace verbind
