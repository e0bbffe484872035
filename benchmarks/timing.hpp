// What the C++ benchmarks measure with: the median wall time of repeated
// runs, and the process's peak resident memory.
#pragma once

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <vector>

namespace verbind::bench {

// Runs f `repeats` times (at least once) and returns the median in seconds.
template <class F>
double median_seconds(int repeats, F&& f) {
    std::vector<double> times;
    for (int r = 0; r < std::max(repeats, 1); ++r) {
        const auto t0 = std::chrono::steady_clock::now();
        f();
        times.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

// Peak resident set size of this process so far, in MiB (Linux reports
// ru_maxrss in KiB).
inline double peak_rss_mb() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

}  // namespace verbind::bench
