// Progress reporting and cancellation for long work (anything that can run
// for seconds). A callback receives the fraction done in [0, 1] and returns
// false to cancel; the work then stops with verbind::cancelled_error
// (VB_ERROR_CANCELLED in C, verbind.CancelledError in Python).
//
// Callbacks are only ever called from the thread that started the work,
// between parallel chunks, never from worker threads: a Python callable can
// take the GIL safely and a C callback need not be thread-safe.
#pragma once

#include <chrono>
#include <functional>

namespace verbind {

using ProgressCallback = std::function<bool(double fraction)>;

// Throttles and forwards reports to a callback (which may be empty).
class Progress {
public:
    Progress() = default;
    explicit Progress(ProgressCallback callback, std::chrono::milliseconds interval = std::chrono::milliseconds(100))
        : callback_(std::move(callback)), interval_(interval) {}

    bool active() const noexcept { return static_cast<bool>(callback_); }

    // Reports `fraction` (clamped to [0, 1]) unless the last report was less
    // than the interval ago; fraction 1 is always reported. Throws
    // cancelled_error when the callback returns false.
    void report(double fraction);

private:
    ProgressCallback callback_;
    std::chrono::milliseconds interval_{100};
    std::chrono::steady_clock::time_point last_{};
    bool reported_ = false;
};

}  // namespace verbind
