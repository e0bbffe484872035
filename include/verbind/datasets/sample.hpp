// The embedded sample programme: a seeded, deterministic generator of a
// realistic pilot year (docs/sample-programme.md). Davis's Southern Women,
// a real event-attendance network: verbind/datasets/davis.hpp.
#pragma once

#include "verbind/model/network.hpp"

#include <cstdint>

namespace verbind {

struct SampleOptions {
    std::uint64_t seed = 2022;
    // Scale factor on the number of residents (1.0: about 2,000).
    double scale = 1.0;

    // Throws input_error for a scale that is not a number in (0, 1000].
    void validate() const;
};

// The pilot "Veilige Wijken" as a generated year (2022): Lelystad, Almere,
// Groningen and Amsterdam-West with 2-4 neighbourhoods each, about 2,000
// residents, about 40 key figures, about 30 organisations and the year's
// events with attendance and bring-along chains. Same seed, same Network, on
// every platform.
Network sample_programme(const SampleOptions& options = {});

}  // namespace verbind
