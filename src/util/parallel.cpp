// The persistent thread pool behind parallel_for (include/verbind/util/parallel.hpp).
//
// A call runs chunks on the calling thread (worker 0) and posts a job only
// when work is left after a time budget: `inline_cutoff` for a loop cut into
// many chunks; none for one cut into few chunks (each presumably large),
// unless this call site's last call showed that all its chunks together take
// less than `small_work` (then the budget is `small_work`). A posted job
// carries one ticket per wanted helper; a pool thread that takes a ticket
// claims a worker slot and then chunks, by atomic counters, like the caller.
// The caller waits only for chunks that were claimed, never for a helper
// that has not started yet (on a busy machine a woken thread may wait for a
// core), and withdraws unused tickets. Jobs are shared_ptr, so a late helper
// finds an empty job, never freed memory.
#include "verbind/util/parallel.hpp"

#include <pthread.h>
#include <sched.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace verbind {

namespace {

std::atomic<unsigned> thread_cap{0};

// Waking a sleeping pool thread takes tens of microseconds (futex wake and
// scheduling; measured on the 2-core development machine: 20-60 us idle,
// more under load). Work finished within this time on the calling thread
// alone is never handed out.
constexpr std::chrono::microseconds inline_cutoff{50};

// Work that two threads share gains at most half its time, less a helper's
// wake-up (20-60 us idle) and the risk that a helper holding the last chunk
// loses its core on a busy machine (then the caller waits a time slice):
// work predicted below this runs on the calling thread. Measured with
// spread() on a 100-node graph (two chunks of ~25 us per call) at load 12 on
// the 2-core machine: posting them made threads=0 0.88x as fast as
// threads=1.
constexpr std::chrono::microseconds small_work{150};

// How long a caller whose own chunks are done spins for the helpers' last
// ones before it sleeps.
constexpr std::chrono::microseconds spin_limit{500};

// Set on pool threads for good and on a calling thread while it runs chunks:
// parallel_for calls made there run inline.
thread_local bool inside = false;

struct InsideScope {
    bool before = inside;
    InsideScope() noexcept { inside = true; }
    ~InsideScope() { inside = before; }
    InsideScope(const InsideScope&) = delete;
    InsideScope& operator=(const InsideScope&) = delete;
};

// What one chunk of each call site (the chunk function of one parallel_for
// instantiation) took on its last call, in nanoseconds: a small table keyed
// by the function's address. Two sites sharing a slot overwrite each other;
// a stale or torn entry only changes how the next call is scheduled, never
// its result.
class SiteCosts {
public:
    // 0 when the site has no entry.
    std::uint64_t chunk_ns(const void* site) const noexcept {
        const Entry& e = entries_[slot(site)];
        return e.site.load(std::memory_order_relaxed) == site ? e.chunk_ns.load(std::memory_order_relaxed) : 0;
    }
    void record(const void* site, std::chrono::nanoseconds took, std::size_t chunks) noexcept {
        if (chunks == 0) return;
        Entry& e = entries_[slot(site)];
        const auto ns = static_cast<std::uint64_t>(std::max<std::int64_t>(took.count(), 1));
        e.chunk_ns.store(std::max<std::uint64_t>(ns / chunks, 1), std::memory_order_relaxed);
        e.site.store(site, std::memory_order_relaxed);
    }

private:
    static constexpr std::size_t size = 64;
    struct Entry {
        std::atomic<const void*> site{nullptr};
        std::atomic<std::uint64_t> chunk_ns{0};
    };
    static std::size_t slot(const void* site) noexcept {
        auto x = static_cast<std::uint64_t>(reinterpret_cast<std::uintptr_t>(site));
        x ^= x >> 29;
        x *= 0xbf58476d1ce4e5b9ull;
        return static_cast<std::size_t>(x >> 58);  // 64 slots
    }
    Entry entries_[size];
};

SiteCosts site_costs;

struct Job {
    std::size_t chunks = 0;
    unsigned workers = 0;
    void (*chunk)(void*, std::size_t, unsigned) = nullptr;
    void* context = nullptr;
    std::atomic<std::size_t> next{0};
    std::atomic<std::size_t> done{0};  // claimed chunks that ended (run or skipped)
    std::atomic<unsigned> slots{1};    // worker 0 is the caller
    std::atomic<bool> failed{false};
    std::mutex mutex;  // guards error and finished
    std::condition_variable finished_cv;
    bool finished = false;
    std::exception_ptr error;

    // Returns how many chunks this worker ran (or skipped after a failure).
    std::size_t work(unsigned worker) {
        std::size_t ran = 0;
        for (;; ++ran) {
            const std::size_t c = next.fetch_add(1, std::memory_order_relaxed);
            if (c >= chunks) return ran;
            if (!failed.load(std::memory_order_relaxed)) {
                try {
                    chunk(context, c, worker);
                } catch (...) {
                    std::lock_guard<std::mutex> lock(mutex);
                    if (!error) error = std::current_exception();
                    failed.store(true, std::memory_order_relaxed);
                }
            }
            if (done.fetch_add(1, std::memory_order_acq_rel) + 1 == chunks) {
                std::lock_guard<std::mutex> lock(mutex);
                finished = true;
                finished_cv.notify_all();
            }
        }
    }

    // Spins first: the chunks left are running on helpers and usually end
    // soon, and a caller that sleeps gives up its core, which on a busy
    // machine it gets back only after everyone queued for it (measured on
    // ego-Facebook's influence_max at load 20 on 2 cores: 7-26 ms at
    // threads=0 against 3.6 ms at threads=1 with a sleeping caller).
    void wait() {
        const auto start = std::chrono::steady_clock::now();
        for (unsigned spins = 0; done.load(std::memory_order_acquire) != chunks; ++spins) {
            if ((spins & 63) == 0 && std::chrono::steady_clock::now() - start > spin_limit) break;
#if defined(__x86_64__) || defined(__i386__)
            __builtin_ia32_pause();
#endif
        }
        if (done.load(std::memory_order_acquire) == chunks) return;
        std::unique_lock<std::mutex> lock(mutex);
        finished_cv.wait(lock, [&] { return finished; });
    }
};

class Pool {
public:
    explicit Pool(Pool* previous) noexcept : previous_(previous) {}

    // Offers `helpers` tickets for the job, starting threads as needed.
    void post(const std::shared_ptr<Job>& job, unsigned helpers) {
        {
            std::lock_guard<std::mutex> lock(mutex_);
            while (started_ < helpers) {
                try {
                    std::thread([this] { loop(); }).detach();
                } catch (...) {  // no more threads: fewer helpers
                    break;
                }
                ++started_;
            }
            for (unsigned h = 0; h < helpers; ++h) tickets_.push_back(job);
        }
        if (helpers == 1)
            wake_.notify_one();
        else
            wake_.notify_all();
    }

    // Removes the job's tickets that no thread took.
    void withdraw(const Job* job) {
        std::lock_guard<std::mutex> lock(mutex_);
        tickets_.erase(std::remove_if(tickets_.begin(), tickets_.end(),
                                      [&](const std::shared_ptr<Job>& t) { return t.get() == job; }),
                       tickets_.end());
    }

private:
    void loop() {
        inside = true;
        for (;;) {
            std::shared_ptr<Job> job;
            {
                std::unique_lock<std::mutex> lock(mutex_);
                wake_.wait(lock, [&] { return !tickets_.empty(); });
                job = std::move(tickets_.front());
                tickets_.pop_front();
            }
            const unsigned slot = job->slots.fetch_add(1, std::memory_order_relaxed);
            if (slot < job->workers) job->work(slot);
        }
    }

    Pool* previous_;  // the parent's pool after fork(), kept reachable
    std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<std::shared_ptr<Job>> tickets_;
    unsigned started_ = 0;
};

// The pool is never destroyed (its threads block on it until the process
// ends). After fork() the child has none of the parent's threads and maybe
// a locked mutex: it leaves the parent's pool alone and starts its own.
std::atomic<Pool*> current_pool{nullptr};
std::atomic<Pool*> retired_pool{nullptr};

void forget_pool_in_child() noexcept {
    Pool* p = current_pool.exchange(nullptr);
    if (p != nullptr) retired_pool.store(p);
}

Pool& pool() {
    static const int registered = pthread_atfork(nullptr, nullptr, forget_pool_in_child);
    (void)registered;
    Pool* p = current_pool.load(std::memory_order_acquire);
    if (p != nullptr) return *p;
    auto* fresh = new Pool(retired_pool.load());
    if (current_pool.compare_exchange_strong(p, fresh, std::memory_order_acq_rel)) return *fresh;
    delete fresh;  // another thread made one first
    return *p;
}

unsigned affinity_cpus() noexcept {
    cpu_set_t set;
    CPU_ZERO(&set);
    if (sched_getaffinity(0, sizeof set, &set) == 0) return static_cast<unsigned>(CPU_COUNT(&set));
    // More CPUs than a cpu_set_t holds: ask with a larger set.
    for (int cpus = 2 * CPU_SETSIZE; cpus <= (1 << 16); cpus *= 2) {
        cpu_set_t* big = CPU_ALLOC(cpus);
        if (big == nullptr) break;
        const std::size_t size = CPU_ALLOC_SIZE(cpus);
        CPU_ZERO_S(size, big);
        const bool ok = sched_getaffinity(0, size, big) == 0;
        const int count = ok ? CPU_COUNT_S(size, big) : 0;
        CPU_FREE(big);
        if (ok) return static_cast<unsigned>(count);
    }
    return std::thread::hardware_concurrency();
}

// The affinity mask as this thread last read it. Reading it is a system
// call (about 1 us on the development machine, where spread() on a 100-node
// graph takes 70 us and closeness 12 us), so threads = 0 reads it again only
// after `affinity_refresh`: a computation started within 10 ms of a change
// of the mask may use the previous count (never a different result).
// available_cpus() and max_threads() always read it, and refresh this.
constexpr std::chrono::milliseconds affinity_refresh{10};
thread_local unsigned cpus_seen = 0;
thread_local std::chrono::steady_clock::time_point cpus_seen_at;

unsigned recent_cpus() noexcept {
    const auto now = std::chrono::steady_clock::now();
    if (cpus_seen == 0 || now - cpus_seen_at > affinity_refresh) {
        cpus_seen = std::max(1u, affinity_cpus());
        cpus_seen_at = now;
    }
    return cpus_seen;
}

}  // namespace

unsigned available_cpus() noexcept {
    cpus_seen = std::max(1u, affinity_cpus());
    cpus_seen_at = std::chrono::steady_clock::now();
    return cpus_seen;
}

void set_max_threads(unsigned threads) noexcept { thread_cap.store(threads, std::memory_order_relaxed); }

unsigned max_threads() noexcept {
    (void)available_cpus();  // a question about now: read the mask afresh
    return resolve_threads(0);
}

unsigned resolve_threads(unsigned threads) noexcept {
    if (threads == 0) threads = recent_cpus();
    const unsigned cap = thread_cap.load(std::memory_order_relaxed);
    if (cap != 0) threads = std::min(threads, cap);
    return std::max(1u, threads);
}

namespace parallel_detail {

bool nested() noexcept { return inside; }

void run(std::size_t chunks, unsigned workers, void (*chunk)(void*, std::size_t, unsigned), void* context) {
    using clock = std::chrono::steady_clock;
    InsideScope scope;
    const void* site = reinterpret_cast<const void*>(chunk);
    // Many small chunks run here until the cutoff, so small work never wakes
    // a thread. Few chunks are large ones: hand them out at once, unless this
    // site's last call says they are small together.
    const std::uint64_t known_ns = site_costs.chunk_ns(site);
    const bool small = known_ns != 0 && static_cast<double>(known_ns) * static_cast<double>(chunks) <
                                            static_cast<double>(std::chrono::nanoseconds(small_work).count());
    const clock::duration budget = small                                            ? clock::duration(small_work)
                                   : chunks > 4 * static_cast<std::size_t>(workers) ? clock::duration(inline_cutoff)
                                                                                    : clock::duration::zero();
    std::size_t c = 0;
    clock::duration inline_time{};
    if (budget > clock::duration::zero()) {
        const auto start = clock::now();
        do {
            chunk(context, c, 0);
            ++c;
        } while (c < chunks && (inline_time = clock::now() - start) < budget);
        if (c == chunks) {
            site_costs.record(site, clock::now() - start, c);
            return;
        }
    }
    auto job = std::make_shared<Job>();
    job->chunks = chunks;
    job->workers = workers;
    job->chunk = chunk;
    job->context = context;
    job->next.store(c, std::memory_order_relaxed);
    job->done.store(c, std::memory_order_relaxed);
    const auto helpers = static_cast<unsigned>(std::min<std::size_t>(workers - 1, chunks - c));
    Pool& p = pool();
    p.post(job, helpers);
    const auto own_start = clock::now();
    const std::size_t own = job->work(0);
    // What a chunk costs: the caller's chunks, timed on the caller alone;
    // when helpers took them all (a woken helper may take the caller's core
    // for a while), the job's time on the helpers that joined it.
    if (own > 0) site_costs.record(site, inline_time + (clock::now() - own_start), c + own);
    p.withdraw(job.get());
    job->wait();
    if (own == 0) {
        // Slot 0 is the caller's, which ran nothing.
        const unsigned helped = std::min(job->slots.load(std::memory_order_relaxed), workers) - 1;
        site_costs.record(site, (clock::now() - own_start) * std::max(helped, 1u), chunks - c);
    }
    if (job->error) {
        // Out of the job first: a late helper may drop the job's last
        // reference while the caller still handles the exception, and the
        // exception must not be freed on that thread meanwhile (TSan saw it).
        std::exception_ptr error = std::move(job->error);
        std::rethrow_exception(error);
    }
}

}  // namespace parallel_detail

}  // namespace verbind
