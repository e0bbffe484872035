// Reproducible randomness. Every randomised result comes from a seed; the
// same seed gives the same result on every platform and for any thread
// count. To make results independent of the thread count, give each unit of
// work (a Monte Carlo run, a source node, a sampled set) its own stream:
// Rng(seed, stream) is a counter-based generator (splitmix64 over a state
// derived from both), so stream k's numbers do not depend on which thread
// draws them or in which order. Never use std::*_distribution: their output
// differs between standard libraries.
#pragma once

#include <cstdint>
#include <optional>

namespace verbind {

// The seed used when the caller gives none (Python seed=None): results are
// reproducible by default.
inline constexpr std::uint64_t default_seed = 0x766572'62696E64ull;  // "verbind"

inline constexpr std::uint64_t mix64(std::uint64_t z) noexcept {
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

class Rng {
public:
    explicit constexpr Rng(std::uint64_t seed, std::uint64_t stream = 0) noexcept
        : state_(mix64(seed + 0x9E3779B97F4A7C15ull) ^
                 mix64(stream * 0xD1B54A32D192ED03ull + 0x8CB92BA72F3D8DD7ull)) {}

    constexpr std::uint64_t next() noexcept {
        state_ += 0x9E3779B97F4A7C15ull;
        return mix64(state_);
    }
    // Uniform in [0, 1) with 53 random bits.
    constexpr double uniform() noexcept { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    // Uniform integer in [0, n), unbiased (Lemire 2019, "Fast random integer
    // generation in an interval"); n > 0.
    std::uint64_t below(std::uint64_t n) noexcept {
        unsigned __int128 m = static_cast<unsigned __int128>(next()) * n;
        auto low = static_cast<std::uint64_t>(m);
        if (low < n) {
            const std::uint64_t threshold = (0 - n) % n;
            while (low < threshold) {
                m = static_cast<unsigned __int128>(next()) * n;
                low = static_cast<std::uint64_t>(m);
            }
        }
        return static_cast<std::uint64_t>(m >> 64);
    }
    // Fisher-Yates shuffle of [first, last).
    template <class It>
    void shuffle(It first, It last) noexcept {
        const auto n = static_cast<std::uint64_t>(last - first);
        for (std::uint64_t i = n; i > 1; --i) std::swap(first[i - 1], first[below(i)]);
    }

private:
    std::uint64_t state_;
};

inline std::uint64_t seed_or_default(const std::optional<std::uint64_t>& seed) noexcept {
    return seed ? *seed : default_seed;
}

}  // namespace verbind
