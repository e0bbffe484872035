// Parallel loops over index ranges with standard threads (no OpenMP in the
// public ABI). Results must not depend on the thread count: bodies write
// per-index outputs or per-thread scratch that is reduced in a fixed order.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace verbind {

// 0 means all cores; never less than 1.
inline unsigned resolve_threads(unsigned threads) noexcept {
    if (threads != 0) return threads;
    const unsigned cores = std::thread::hardware_concurrency();
    return cores == 0 ? 1 : cores;
}

// Calls body(begin, end, worker) for consecutive chunks of [0, n) of at most
// `chunk` indices, handed out dynamically to `threads` workers (worker in
// [0, threads)). The first exception thrown by a body is rethrown here after
// all workers stopped; the remaining chunks are skipped.
template <class Body>
void parallel_for(std::size_t n, unsigned threads, std::size_t chunk, Body&& body) {
    threads = resolve_threads(threads);
    chunk = std::max<std::size_t>(chunk, 1);
    const std::size_t chunks = (n + chunk - 1) / chunk;
    const unsigned workers = static_cast<unsigned>(std::min<std::size_t>(threads, chunks));
    if (workers <= 1) {
        for (std::size_t begin = 0; begin < n; begin += chunk) body(begin, std::min(n, begin + chunk), 0u);
        return;
    }
    std::atomic<std::size_t> next{0};
    std::atomic<bool> failed{false};
    std::exception_ptr error;
    std::mutex error_mutex;
    auto run = [&](unsigned worker) {
        try {
            for (;;) {
                if (failed.load(std::memory_order_relaxed)) return;
                const std::size_t c = next.fetch_add(1, std::memory_order_relaxed);
                if (c >= chunks) return;
                const std::size_t begin = c * chunk;
                body(begin, std::min(n, begin + chunk), worker);
            }
        } catch (...) {
            std::lock_guard<std::mutex> lock(error_mutex);
            if (!error) error = std::current_exception();
            failed.store(true, std::memory_order_relaxed);
        }
    };
    std::vector<std::thread> pool;
    pool.reserve(workers - 1);
    for (unsigned w = 1; w < workers; ++w) pool.emplace_back(run, w);
    run(0);
    for (auto& t : pool) t.join();
    if (error) std::rethrow_exception(error);
}

}  // namespace verbind
