// Test-only: N "ranks" as N std::threads sharing one verbind::Collective
// state, so Catch2 tests the distributed logic without MPI (and under
// ASan/TSan). Every operation is a generation barrier: each rank deposits
// its contribution, the last one to arrive combines them, and all leave
// with the result.
//
//     auto results = verbind::testing::run_ranks(3, [&](verbind::Collective& c) {
//         return verbind::influence_max(graph, 5, options, c);
//     });
//     // results[r].value (std::optional) or results[r].error (std::exception_ptr)
#pragma once

#include "verbind/util/collective.hpp"

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <thread>
#include <type_traits>
#include <vector>

namespace verbind::testing {

// The state the ranks share: one slot per rank and a generation barrier.
class ThreadGroup {
public:
    explicit ThreadGroup(unsigned size) : size_(size), slots_(size), result_(size) {}

    unsigned size() const noexcept { return size_; }

    // Each rank passes its bytes; `combine` (run once, by the last rank to
    // arrive, under the lock) turns all ranks' bytes into each rank's result.
    // Returns this rank's result.
    std::vector<std::byte> exchange(unsigned rank, std::vector<std::byte> mine,
                                    const std::function<void(const std::vector<std::vector<std::byte>>&,
                                                             std::vector<std::vector<std::byte>>&)>& combine) {
        std::unique_lock<std::mutex> lock(mutex_);
        // Wait until the previous operation's results have all been taken.
        leave_.wait(lock, [&] { return taken_ == 0; });
        slots_[rank] = std::move(mine);
        const std::uint64_t generation = generation_;
        if (++arrived_ == size_) {
            // A combine that throws (lengths differ: a bug in the algorithm
            // under test) fails every rank instead of leaving them waiting.
            failure_ = nullptr;
            try {
                combine(slots_, result_);
            } catch (...) {
                failure_ = std::current_exception();
            }
            arrived_ = 0;
            taken_ = size_;
            ++generation_;
            arrive_.notify_all();
        } else {
            arrive_.wait(lock, [&] { return generation_ != generation; });
        }
        std::vector<std::byte> out = std::move(result_[rank]);
        const std::exception_ptr failure = failure_;
        if (--taken_ == 0) leave_.notify_all();
        if (failure) std::rethrow_exception(failure);
        return out;
    }

private:
    unsigned size_;
    std::mutex mutex_;
    std::condition_variable arrive_, leave_;
    unsigned arrived_ = 0, taken_ = 0;
    std::uint64_t generation_ = 0;
    std::exception_ptr failure_;
    std::vector<std::vector<std::byte>> slots_, result_;
};

// One rank's view of a ThreadGroup.
class ThreadCollective final : public Collective {
public:
    ThreadCollective(ThreadGroup& group, unsigned rank) : group_(group), rank_(rank) {}

    unsigned rank() const noexcept override { return rank_; }
    unsigned size() const noexcept override { return group_.size(); }

    void sum(std::span<std::uint64_t> values) override {
        reduce(values, [](std::uint64_t a, std::uint64_t b) { return a + b; });
    }
    void sum(std::span<double> values) override {
        reduce(values, [](double a, double b) { return a + b; });
    }
    void min(std::span<std::uint64_t> values) override {
        reduce(values, [](std::uint64_t a, std::uint64_t b) { return std::min(a, b); });
    }
    void max(std::span<std::uint64_t> values) override {
        reduce(values, [](std::uint64_t a, std::uint64_t b) { return std::max(a, b); });
    }

    std::vector<std::uint32_t> gather(std::span<const std::uint32_t> mine) override { return gather_as(mine); }
    std::vector<std::uint64_t> gather(std::span<const std::uint64_t> mine) override { return gather_as(mine); }

    void broadcast(std::span<std::byte> bytes, unsigned root) override {
        if (root >= size()) throw std::invalid_argument("thread collective: broadcast root out of range");
        auto out = group_.exchange(rank_, {bytes.begin(), bytes.end()}, [root](const auto& in, auto& result) {
            for (auto& r : result) r = in[root];
        });
        if (out.size() != bytes.size()) throw std::logic_error("thread collective: broadcast lengths differ");
        std::copy(out.begin(), out.end(), bytes.begin());
    }

    // Operations made so far (tests count the collectives an algorithm makes).
    std::size_t operations() const noexcept { return operations_; }

private:
    template <class T>
    static std::vector<std::byte> bytes_of(std::span<const T> values) {
        std::vector<std::byte> out(values.size_bytes());
        if (!out.empty()) std::memcpy(out.data(), values.data(), out.size());
        return out;
    }

    template <class T, class Op>
    void reduce(std::span<T> values, Op op) {
        ++operations_;
        auto out = group_.exchange(rank_, bytes_of<T>(values), [op](const auto& in, auto& result) {
            const std::size_t bytes = in[0].size();
            for (const auto& one : in)
                if (one.size() != bytes) throw std::logic_error("thread collective: reduction lengths differ");
            std::vector<T> acc(bytes / sizeof(T));
            if (bytes) std::memcpy(acc.data(), in[0].data(), bytes);
            for (std::size_t r = 1; r < in.size(); ++r) {
                for (std::size_t i = 0; i < acc.size(); ++i) {
                    T v;
                    std::memcpy(&v, in[r].data() + i * sizeof(T), sizeof(T));
                    acc[i] = op(acc[i], v);
                }
            }
            const auto all = bytes_of<T>(std::span<const T>(acc));
            for (auto& r : result) r = all;
        });
        if (out.size() != values.size_bytes()) throw std::logic_error("thread collective: reduction lengths differ");
        if (!out.empty()) std::memcpy(values.data(), out.data(), out.size());
    }

    template <class T>
    std::vector<T> gather_as(std::span<const T> mine) {
        ++operations_;
        auto out = group_.exchange(rank_, bytes_of<T>(mine), [](const auto& in, auto& result) {
            std::vector<std::byte> all;
            for (const auto& one : in) all.insert(all.end(), one.begin(), one.end());
            for (auto& r : result) r = all;
        });
        std::vector<T> values(out.size() / sizeof(T));
        if (!out.empty()) std::memcpy(values.data(), out.data(), out.size());
        return values;
    }

    ThreadGroup& group_;
    unsigned rank_;
    std::size_t operations_ = 0;
};

// What one rank's work gave: its value, or the exception it threw.
template <class T>
struct RankResult {
    std::optional<T> value;
    std::exception_ptr error;
    // The exception's message ("" when the rank returned normally).
    std::string message() const {
        if (!error) return {};
        try {
            std::rethrow_exception(error);
        } catch (const std::exception& e) {
            return e.what();
        } catch (...) {
            return "unknown exception";
        }
    }
};

template <>
struct RankResult<void> {
    std::exception_ptr error;
    std::string message() const {
        if (!error) return {};
        try {
            std::rethrow_exception(error);
        } catch (const std::exception& e) {
            return e.what();
        } catch (...) {
            return "unknown exception";
        }
    }
};

// Runs work(collective) on `ranks` threads, one ThreadCollective each, and
// returns each rank's value or exception, in rank order. The work must make
// the same collective calls on every rank (a rank that stops early while
// others wait deadlocks, exactly as under MPI).
template <class Work>
auto run_ranks(unsigned ranks, Work work) {
    using T = std::invoke_result_t<Work&, Collective&>;
    if (ranks == 0) throw std::invalid_argument("run_ranks: ranks must be >= 1");
    ThreadGroup group(ranks);
    std::vector<RankResult<T>> results(ranks);
    std::vector<std::thread> threads;
    threads.reserve(ranks);
    for (unsigned r = 0; r < ranks; ++r) {
        threads.emplace_back([&, r] {
            ThreadCollective collective(group, r);
            try {
                if constexpr (std::is_void_v<T>) {
                    work(static_cast<Collective&>(collective));
                } else {
                    results[r].value.emplace(work(static_cast<Collective&>(collective)));
                }
            } catch (...) {
                results[r].error = std::current_exception();
            }
        });
    }
    for (auto& t : threads) t.join();
    return results;
}

}  // namespace verbind::testing
