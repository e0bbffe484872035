// The persistent thread pool behind parallel_for (include/verbind/util/parallel.hpp).
//
// A call runs chunks on the calling thread (worker 0) and posts a job only
// when work is left after `inline_cutoff`, or at once when the loop is cut
// into few chunks (each presumably large). A posted job carries one ticket
// per wanted helper; a pool thread that takes a ticket claims a worker slot
// and then chunks, by atomic counters, like the caller. The caller waits
// only for chunks that were claimed, never for a helper that has not started
// yet (on a busy machine a woken thread may wait for a core), and withdraws
// unused tickets. Jobs are shared_ptr, so a late helper finds an empty job,
// never freed memory.
#include "verbind/util/parallel.hpp"

#include <pthread.h>
#include <sched.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
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

    void work(unsigned worker) {
        for (;;) {
            const std::size_t c = next.fetch_add(1, std::memory_order_relaxed);
            if (c >= chunks) return;
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

}  // namespace

unsigned available_cpus() noexcept { return std::max(1u, affinity_cpus()); }

void set_max_threads(unsigned threads) noexcept { thread_cap.store(threads, std::memory_order_relaxed); }

unsigned max_threads() noexcept { return resolve_threads(0); }

unsigned resolve_threads(unsigned threads) noexcept {
    if (threads == 0) threads = available_cpus();
    const unsigned cap = thread_cap.load(std::memory_order_relaxed);
    if (cap != 0) threads = std::min(threads, cap);
    return std::max(1u, threads);
}

namespace parallel_detail {

bool nested() noexcept { return inside; }

void run(std::size_t chunks, unsigned workers, void (*chunk)(void*, std::size_t, unsigned), void* context) {
    InsideScope scope;
    std::size_t c = 0;
    // Few chunks are large ones: hand them out at once. Many small ones run
    // here until the cutoff, so small work never wakes a thread.
    if (chunks > 4 * static_cast<std::size_t>(workers)) {
        const auto start = std::chrono::steady_clock::now();
        do {
            chunk(context, c, 0);
            ++c;
        } while (c < chunks && std::chrono::steady_clock::now() - start < inline_cutoff);
        if (c == chunks) return;
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
    job->work(0);
    p.withdraw(job.get());
    job->wait();
    if (job->error) std::rethrow_exception(job->error);
}

}  // namespace parallel_detail

}  // namespace verbind
