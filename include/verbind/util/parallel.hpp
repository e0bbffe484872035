// Parallel loops over index ranges on one persistent pool of standard
// threads (no OpenMP in the public ABI). Results must not depend on the
// thread count: bodies write per-index outputs or per-thread scratch that is
// reduced in a fixed order.
//
// The pool (src/util/parallel.cpp) starts lazily, keeps its threads between
// calls and grows to the largest thread count asked for. A call runs on the
// calling thread first; helpers are woken only once the work has taken
// longer than a measured cutoff (a few tens of microseconds), so small work
// never pays for waking threads. A loop of few chunks whose call site's
// previous call was small (under 150 us in all) stays on the calling thread
// unless it runs past that. threads = 0 reads the process's CPU affinity
// mask at most every 10 ms per thread (available_cpus() always reads it). Nested calls (a body calling parallel_for)
// run inline on the thread that makes them; calls from several host threads
// at once share the pool safely; a child process made by fork() starts a
// fresh pool.
#pragma once

#include <algorithm>
#include <atomic>  // the includes below are kept for files that took them from here
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

namespace verbind {

// The CPUs this process may run on (its affinity mask: taskset, cgroups'
// cpusets, os.sched_setaffinity), at least 1.
unsigned available_cpus() noexcept;

// A global cap on the threads any computation uses (0 removes the cap, the
// default). It applies to every later call, whatever its `threads` option.
void set_max_threads(unsigned threads) noexcept;
// The threads a computation with threads = 0 uses now: available_cpus(),
// capped by set_max_threads.
unsigned max_threads() noexcept;

// 0 means max_threads(); an explicit count is capped by set_max_threads.
// Never less than 1.
unsigned resolve_threads(unsigned threads) noexcept;

namespace parallel_detail {

// Runs chunk(context, c, worker) for every c in [0, chunks) on up to
// `workers` threads (worker in [0, workers)); rethrows the first exception
// after every started chunk ended, the remaining chunks skipped.
void run(std::size_t chunks, unsigned workers, void (*chunk)(void* context, std::size_t c, unsigned worker),
         void* context);

// True on a pool thread and inside a parallel_for body on the calling
// thread: a parallel_for made there runs inline.
bool nested() noexcept;

}  // namespace parallel_detail

// Calls body(begin, end, worker) for consecutive chunks of [0, n) of at most
// `chunk` indices, handed out dynamically to resolve_threads(threads)
// workers (worker in [0, resolve_threads(threads))). Per-worker scratch:
// resolve the count once, size the scratch by it and pass that count here
// (a cap or affinity changed meanwhile can only lower an explicit count). The first exception
// thrown by a body is rethrown here after all workers stopped; the
// remaining chunks are skipped.
template <class Body>
void parallel_for(std::size_t n, unsigned threads, std::size_t chunk, Body&& body) {
    threads = resolve_threads(threads);
    chunk = std::max<std::size_t>(chunk, 1);
    const std::size_t chunks = n / chunk + (n % chunk != 0);
    const unsigned workers = static_cast<unsigned>(std::min<std::size_t>(threads, chunks));
    if (workers <= 1 || parallel_detail::nested()) {
        for (std::size_t begin = 0; begin < n; begin += chunk) body(begin, std::min(n, begin + chunk), 0u);
        return;
    }
    struct Context {
        Body* body;
        std::size_t n, chunk;
    } context{&body, n, chunk};
    parallel_detail::run(
        chunks, workers,
        [](void* p, std::size_t c, unsigned worker) {
            auto& x = *static_cast<Context*>(p);
            const std::size_t begin = c * x.chunk;
            (*x.body)(begin, std::min(x.n, begin + x.chunk), worker);
        },
        &context);
}

}  // namespace verbind
