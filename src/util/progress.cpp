#include "verbind/util/progress.hpp"

#include "verbind/error.hpp"

#include <algorithm>

namespace verbind {

void Progress::report(double fraction) {
    if (!callback_) return;
    fraction = std::clamp(fraction, 0.0, 1.0);
    const auto now = std::chrono::steady_clock::now();
    if (reported_ && fraction < 1.0 && now - last_ < interval_) return;
    reported_ = true;
    last_ = now;
    if (!callback_(fraction)) throw cancelled_error("cancelled by the progress callback");
}

}  // namespace verbind
