// Long loops cut into batches of about 50 ms of work, with a progress report
// (and so a chance to cancel) between batches, however large the loop or
// slow each step. Batch boundaries move with the machine's speed, so the
// body must index by absolute position (per-index outputs, per-index random
// streams, order-free integer sums): the result never depends on them.
#pragma once

#include "verbind/util/progress.hpp"

#include <algorithm>
#include <chrono>
#include <cstddef>

namespace verbind {

// Calls body(begin, end) for consecutive ranges covering [0, total) and
// reports progress from + (to - from) * done / total after each. The first
// range has `first_batch` items; each next one doubles while a range takes
// under 25 ms and halves when it takes over 100 ms.
template <class Body>
void timed_batches(std::size_t total, Progress& progress, std::size_t first_batch, Body&& body, double from = 0.0,
                   double to = 1.0) {
    using clock = std::chrono::steady_clock;
    std::size_t batch = std::max<std::size_t>(first_batch, 1);
    for (std::size_t begin = 0; begin < total;) {
        const std::size_t end = begin + std::min(batch, total - begin);
        const auto started = clock::now();
        body(begin, end);
        const auto took = clock::now() - started;
        begin = end;
        progress.report(from + (to - from) * static_cast<double>(begin) / static_cast<double>(total));
        if (took < std::chrono::milliseconds(25) && batch <= total / 2)
            batch *= 2;
        else if (took > std::chrono::milliseconds(100) && batch > 1)
            batch /= 2;
    }
}

}  // namespace verbind
