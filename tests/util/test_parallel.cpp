// The persistent pool behind parallel_for: every index once at every thread
// count, threads reused across calls, nested calls inline, exceptions,
// threads = 0 following the CPU affinity mask, the global cap, fork().
// The [concurrency] cases also run under ThreadSanitizer (scripts/test).
#include "verbind/util/parallel.hpp"

#include <catch2/catch.hpp>

#include <sched.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <dirent.h>
#include <mutex>
#include <numeric>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

using namespace verbind;

namespace {

// Kernel ids of this process's threads now (entries of /proc/self/task).
std::set<long> task_ids() {
    std::set<long> ids;
    DIR* dir = opendir("/proc/self/task");
    if (dir == nullptr) return ids;
    while (dirent* e = readdir(dir))
        if (e->d_name[0] != '.') ids.insert(std::stol(e->d_name));
    closedir(dir);
    return ids;
}

// Busy work that the compiler cannot drop: long enough that a loop of a few
// hundred chunks is handed to the pool.
std::uint64_t spin(std::uint64_t x, int rounds) {
    for (int r = 0; r < rounds; ++r) x = x * 6364136223846793005ull + 1442695040888963407ull;
    return x;
}

std::atomic<std::uint64_t> sink{0};  // keeps busy work alive

// Runs a loop of `n` slow indices; returns the set of thread ids that ran a body.
std::set<std::thread::id> runners(std::size_t n, unsigned threads, std::vector<std::uint64_t>& out) {
    std::mutex m;
    std::set<std::thread::id> ids;
    out.assign(n, 0);
    parallel_for(n, threads, 1, [&](std::size_t begin, std::size_t end, unsigned) {
        for (std::size_t i = begin; i < end; ++i) out[i] = spin(i, 20000);
        std::lock_guard<std::mutex> lock(m);
        ids.insert(std::this_thread::get_id());
    });
    return ids;
}

// Restores the calling thread's affinity mask and the thread cap.
struct Restore {
    cpu_set_t mask;
    Restore() { sched_getaffinity(0, sizeof mask, &mask); }
    ~Restore() {
        sched_setaffinity(0, sizeof mask, &mask);
        set_max_threads(0);
    }
};

}  // namespace

TEST_CASE("parallel_for: every index once, workers in range, at every thread count and chunk", "[parallel]") {
    for (unsigned threads : {1u, 2u, 3u, 4u, 8u, 0u})
        for (std::size_t n : {std::size_t{0}, std::size_t{1}, std::size_t{2}, std::size_t{7}, std::size_t{1000}})
            for (std::size_t chunk : {std::size_t{0}, std::size_t{1}, std::size_t{3}, std::size_t{64}}) {
                std::vector<std::atomic<int>> hits(n);
                std::atomic<bool> bad_worker{false}, bad_range{false};
                const unsigned resolved = resolve_threads(threads);
                parallel_for(n, threads, chunk, [&](std::size_t begin, std::size_t end, unsigned worker) {
                    if (worker >= resolved) bad_worker = true;
                    if (!(begin < end && end <= n && end - begin <= std::max<std::size_t>(chunk, 1)))
                        bad_range = true;
                    for (std::size_t i = begin; i < end; ++i) hits[i].fetch_add(1);
                });
                INFO("threads " << threads << " n " << n << " chunk " << chunk);
                REQUIRE_FALSE(bad_worker);
                REQUIRE_FALSE(bad_range);
                for (std::size_t i = 0; i < n; ++i) REQUIRE(hits[i].load() == 1);
            }
}

TEST_CASE("parallel_for: per-worker sums reduce to the same total for every thread count", "[parallel]") {
    constexpr std::size_t n = 300;
    std::vector<std::uint64_t> reference;
    runners(n, 1, reference);
    for (unsigned threads : {2u, 3u, 0u}) {
        std::vector<std::uint64_t> got;
        runners(n, threads, got);
        REQUIRE(got == reference);
    }
}

TEST_CASE("parallel_for: the pool's threads are reused, not started per call", "[parallel]") {
    std::vector<std::uint64_t> out;
    runners(400, 3, out);  // starts the pool with (at least) two helpers
    const std::set<long> before = task_ids();
    // Kernel thread ids (not std::thread::id, which a new thread may reuse).
    std::mutex m;
    std::set<long> seen;
    for (int call = 0; call < 20; ++call)
        parallel_for(400, 3, 1, [&](std::size_t begin, std::size_t end, unsigned) {
            for (std::size_t i = begin; i < end; ++i) sink.fetch_add(spin(i, 20000));
            std::lock_guard<std::mutex> lock(m);
            seen.insert(static_cast<long>(gettid()));
        });
    // The old parallel_for started two new threads per call.
    for (long id : seen) REQUIRE(before.count(id) == 1);
    REQUIRE(task_ids() == before);
}

TEST_CASE("parallel_for: a body calling parallel_for runs it inline, without deadlock", "[parallel][concurrency]") {
    constexpr std::size_t outer = 64, inner = 50;
    std::vector<std::uint64_t> sum(outer, 0);
    std::atomic<bool> elsewhere{false};
    parallel_for(outer, 4, 1, [&](std::size_t begin, std::size_t end, unsigned) {
        for (std::size_t o = begin; o < end; ++o) {
            const std::thread::id me = std::this_thread::get_id();
            std::vector<std::uint64_t> part(inner, 0);
            parallel_for(inner, 4, 1, [&](std::size_t b, std::size_t e, unsigned worker) {
                if (std::this_thread::get_id() != me || worker != 0) elsewhere = true;
                for (std::size_t i = b; i < e; ++i) part[i] = spin(o * inner + i, 2000);
            });
            sum[o] = std::accumulate(part.begin(), part.end(), std::uint64_t{0});
        }
    });
    REQUIRE_FALSE(elsewhere);
    for (std::size_t o = 0; o < outer; ++o) {
        std::uint64_t expected = 0;
        for (std::size_t i = 0; i < inner; ++i) expected += spin(o * inner + i, 2000);
        REQUIRE(sum[o] == expected);
    }
}

TEST_CASE("parallel_for: an exception from a helper or the caller is rethrown, the rest skipped",
          "[parallel][concurrency]") {
    for (std::size_t at : {std::size_t{0}, std::size_t{3}, std::size_t{250}}) {
        std::atomic<std::size_t> ran{0};
        REQUIRE_THROWS_WITH(parallel_for(300, 3, 1,
                                         [&](std::size_t begin, std::size_t, unsigned) {
                                             sink.fetch_add(spin(begin, 20000));
                                             if (begin == at) throw std::runtime_error("index " + std::to_string(at));
                                             ran.fetch_add(1);
                                         }),
                            "index " + std::to_string(at));
        if (at == 0) REQUIRE(ran.load() < 299);
        // The pool still works afterwards.
        std::vector<std::uint64_t> out;
        runners(50, 3, out);
        REQUIRE(out[49] == spin(49, 20000));
    }
}

TEST_CASE("threads = 0 uses the CPUs in the affinity mask; one CPU starts no helper", "[parallel]") {
    Restore restore;
    cpu_set_t one;
    CPU_ZERO(&one);
    int first = 0;
    while (!CPU_ISSET(first, &restore.mask)) ++first;
    CPU_SET(first, &one);
    REQUIRE(sched_setaffinity(0, sizeof one, &one) == 0);
    REQUIRE(available_cpus() == 1);
    REQUIRE(resolve_threads(0) == 1);
    REQUIRE(max_threads() == 1);
    std::vector<std::uint64_t> out;
    const auto ids = runners(400, 0, out);
    REQUIRE(ids == std::set<std::thread::id>{std::this_thread::get_id()});
    // An explicit count is still honoured (it is not a cap).
    REQUIRE(resolve_threads(3) == 3);

    sched_setaffinity(0, sizeof restore.mask, &restore.mask);
    REQUIRE(available_cpus() == static_cast<unsigned>(CPU_COUNT(&restore.mask)));
}

TEST_CASE("set_max_threads caps every call; 0 removes the cap", "[parallel]") {
    Restore restore;
    set_max_threads(1);
    REQUIRE(max_threads() == 1);
    REQUIRE(resolve_threads(0) == 1);
    REQUIRE(resolve_threads(8) == 1);
    std::vector<std::uint64_t> out;
    REQUIRE(runners(400, 8, out) == std::set<std::thread::id>{std::this_thread::get_id()});
    set_max_threads(3);
    REQUIRE(resolve_threads(8) == 3);
    REQUIRE(resolve_threads(2) == 2);
    REQUIRE(max_threads() == std::min(3u, available_cpus()));
    std::atomic<bool> bad{false};
    parallel_for(400, 8, 1, [&](std::size_t, std::size_t, unsigned worker) {
        if (worker >= 3) bad = true;
        sink.fetch_add(spin(worker, 20000));
    });
    REQUIRE_FALSE(bad);
    set_max_threads(0);
    REQUIRE(max_threads() == available_cpus());
    REQUIRE(resolve_threads(8) == 8);
}

TEST_CASE("parallel_for in a child made by fork() after the pool started", "[parallel]") {
    std::vector<std::uint64_t> out;
    runners(400, 3, out);  // the pool has threads now
    const pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        alarm(60);  // a hang fails the test instead of blocking it
        std::vector<std::uint64_t> got;
        runners(400, 3, got);
        _exit(got == out ? 0 : 1);
    }
    int status = 0;
    REQUIRE(waitpid(child, &status, 0) == child);
    REQUIRE(WIFEXITED(status));
    REQUIRE(WEXITSTATUS(status) == 0);
}

namespace {

// One call site per Site (one chunk function each): `chunks` chunks of
// `rounds` busy rounds each; returns whether a chunk ran on a thread other
// than the caller.
template <int Site>
bool used_a_helper(std::size_t chunks, int rounds) {
    const std::thread::id me = std::this_thread::get_id();
    std::atomic<bool> elsewhere{false};
    parallel_for(chunks, 2, 1, [&](std::size_t begin, std::size_t end, unsigned) {
        for (std::size_t i = begin; i < end; ++i) sink.fetch_add(spin(i, rounds));
        if (std::this_thread::get_id() != me) elsewhere = true;
    });
    return elsewhere.load();
}

}  // namespace

// Busy rounds that take about `us` microseconds here (the fastest of five
// timings: a preempted one only lowers the count).
int rounds_for(double us) {
    double best = 1e9;
    for (int t = 0; t < 5; ++t) {
        const auto start = std::chrono::steady_clock::now();
        sink.fetch_add(spin(static_cast<std::uint64_t>(t), 100000));
        best = std::min(best,
                        std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start).count());
    }
    return std::max(1, static_cast<int>(100000 * us / std::max(best, 1e-3)));
}

TEST_CASE("parallel_for: few small chunks stay on the calling thread once their site's cost is known", "[parallel]") {
    // spread() on a 100-node graph cuts 200 runs into two chunks of ~25 us,
    // and few chunks were handed out at once ("they are large"): a woken
    // helper took one, and threads=0 ran slower than threads=1. The first
    // call learns what a chunk costs; later ones run inline.
    Restore restore;
    std::vector<std::uint64_t> out;
    runners(400, 3, out);               // the pool has sleeping helpers
    const int rounds = rounds_for(12);  // 4 chunks: ~50 us together
    used_a_helper<1>(4, rounds);        // learns the site's cost
    int helped = 0;
    for (int call = 0; call < 40; ++call) helped += used_a_helper<1>(4, rounds);
    // A call preempted past the small-work budget (150 us) hands its last
    // chunk out and teaches the next call that its chunks are large: on a
    // busy machine (load 12 on 2 cores) that happened in up to 4 calls of 20.
    // The old pool handed chunks out in 16-20 of 20.
    REQUIRE(helped <= 12);
}

TEST_CASE("parallel_for: few large chunks are still handed to a helper at once", "[parallel]") {
    Restore restore;
    int helped = 0;
    // Two chunks of several ms each: a helper takes the second while the
    // caller runs the first (on a busy machine a helper may get no core in
    // time, so some calls run both on the caller).
    for (int call = 0; call < 6; ++call) helped += used_a_helper<2>(2, 2'000'000);
    REQUIRE(helped >= 1);
}

TEST_CASE("threads = 0 follows a changed affinity mask within 10 ms; max_threads() at once", "[parallel]") {
    // resolve_threads(0) rereads the mask (a system call, ~1 us here, as
    // long as closeness on a 100-node graph takes 12 us) at most every 10 ms.
    Restore restore;
    if (CPU_COUNT(&restore.mask) < 2) return;  // nothing to narrow
    cpu_set_t one;
    CPU_ZERO(&one);
    int first = 0;
    while (!CPU_ISSET(first, &restore.mask)) ++first;
    CPU_SET(first, &one);
    const unsigned all = static_cast<unsigned>(CPU_COUNT(&restore.mask));
    REQUIRE(available_cpus() == all);
    REQUIRE(resolve_threads(0) == all);
    REQUIRE(sched_setaffinity(0, sizeof one, &one) == 0);
    REQUIRE(max_threads() == 1);  // a question about now: asked afresh
    REQUIRE(sched_setaffinity(0, sizeof restore.mask, &restore.mask) == 0);
    std::this_thread::sleep_for(std::chrono::milliseconds(15));
    REQUIRE(resolve_threads(0) == all);
    REQUIRE(sched_setaffinity(0, sizeof one, &one) == 0);
    std::this_thread::sleep_for(std::chrono::milliseconds(15));
    REQUIRE(resolve_threads(0) == 1);
    std::vector<std::uint64_t> out;
    REQUIRE(runners(50, 0, out) == std::set<std::thread::id>{std::this_thread::get_id()});
    REQUIRE(sched_setaffinity(0, sizeof restore.mask, &restore.mask) == 0);
    REQUIRE(available_cpus() == all);
    REQUIRE(resolve_threads(0) == all);
}
