// A fast 64-bit checksum of bytes: XXH64 (Yann Collet's xxHash, 64-bit
// variant, seed 0), computed in one call or streamed in pieces; both give
// the same value for the same bytes. It detects damage (bit flips,
// truncation, a section from another file); it is not a cryptographic seal.
// Used by the binary graph file (io/graph_file.hpp).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace verbind {

class Hash64 {
public:
    explicit Hash64(std::uint64_t seed = 0) noexcept;
    void update(const void* data, std::size_t size) noexcept;
    void update(std::string_view bytes) noexcept { update(bytes.data(), bytes.size()); }
    std::uint64_t digest() const noexcept;

private:
    std::array<std::uint64_t, 4> lanes_{};
    std::array<unsigned char, 32> buffer_{};
    std::size_t buffered_ = 0;
    std::uint64_t total_ = 0;
    std::uint64_t seed_ = 0;
};

// XXH64 of `size` bytes at `data` (seed 0).
std::uint64_t hash64(const void* data, std::size_t size) noexcept;

}  // namespace verbind
