#include "verbind/util/hash.hpp"

#include <bit>
#include <cstring>

namespace verbind {
namespace {

constexpr std::uint64_t p1 = 0x9E3779B185EBCA87ULL;
constexpr std::uint64_t p2 = 0xC2B2AE3D27D4EB4FULL;
constexpr std::uint64_t p3 = 0x165667B19E3779F9ULL;
constexpr std::uint64_t p4 = 0x85EBCA77C2B2AE63ULL;
constexpr std::uint64_t p5 = 0x27D4EB2F165667C5ULL;

inline std::uint64_t rotl(std::uint64_t x, int r) noexcept { return (x << r) | (x >> (64 - r)); }

// Little-endian reads (the value XXH64 defines on every host).
inline std::uint64_t read64(const unsigned char* p) noexcept {
    std::uint64_t v;
    std::memcpy(&v, p, 8);
    if constexpr (std::endian::native == std::endian::big) v = __builtin_bswap64(v);
    return v;
}
inline std::uint32_t read32(const unsigned char* p) noexcept {
    std::uint32_t v;
    std::memcpy(&v, p, 4);
    if constexpr (std::endian::native == std::endian::big) v = __builtin_bswap32(v);
    return v;
}

inline std::uint64_t round(std::uint64_t acc, std::uint64_t input) noexcept {
    acc += input * p2;
    acc = rotl(acc, 31);
    return acc * p1;
}
inline std::uint64_t merge(std::uint64_t acc, std::uint64_t lane) noexcept {
    acc ^= round(0, lane);
    return acc * p1 + p4;
}

}  // namespace

Hash64::Hash64(std::uint64_t seed) noexcept : seed_(seed) { lanes_ = {seed + p1 + p2, seed + p2, seed, seed - p1}; }

void Hash64::update(const void* data, std::size_t size) noexcept {
    const auto* p = static_cast<const unsigned char*>(data);
    total_ += size;
    if (buffered_ + size < 32) {
        if (size > 0) std::memcpy(buffer_.data() + buffered_, p, size);
        buffered_ += size;
        return;
    }
    if (buffered_ > 0) {
        const std::size_t fill = 32 - buffered_;
        std::memcpy(buffer_.data() + buffered_, p, fill);
        for (int i = 0; i < 4; ++i) lanes_[i] = round(lanes_[i], read64(buffer_.data() + 8 * i));
        p += fill;
        size -= fill;
        buffered_ = 0;
    }
    std::uint64_t v1 = lanes_[0], v2 = lanes_[1], v3 = lanes_[2], v4 = lanes_[3];
    while (size >= 32) {
        v1 = round(v1, read64(p));
        v2 = round(v2, read64(p + 8));
        v3 = round(v3, read64(p + 16));
        v4 = round(v4, read64(p + 24));
        p += 32;
        size -= 32;
    }
    lanes_ = {v1, v2, v3, v4};
    if (size > 0) std::memcpy(buffer_.data(), p, size);
    buffered_ = size;
}

std::uint64_t Hash64::digest() const noexcept {
    std::uint64_t h;
    if (total_ >= 32) {
        const auto& v = lanes_;
        h = rotl(v[0], 1) + rotl(v[1], 7) + rotl(v[2], 12) + rotl(v[3], 18);
        for (int i = 0; i < 4; ++i) h = merge(h, v[i]);
    } else {
        h = seed_ + p5;
    }
    h += total_;
    const unsigned char* p = buffer_.data();
    std::size_t left = buffered_;
    while (left >= 8) {
        h ^= round(0, read64(p));
        h = rotl(h, 27) * p1 + p4;
        p += 8;
        left -= 8;
    }
    if (left >= 4) {
        h ^= static_cast<std::uint64_t>(read32(p)) * p1;
        h = rotl(h, 23) * p2 + p3;
        p += 4;
        left -= 4;
    }
    while (left > 0) {
        h ^= (*p) * p5;
        h = rotl(h, 11) * p1;
        ++p;
        --left;
    }
    h ^= h >> 33;
    h *= p2;
    h ^= h >> 29;
    h *= p3;
    h ^= h >> 32;
    return h;
}

std::uint64_t hash64(const void* data, std::size_t size) noexcept {
    Hash64 h;
    h.update(data, size);
    return h.digest();
}

}  // namespace verbind
