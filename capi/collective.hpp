// Internal to libverbind.so: the one bridge from the C callbacks of a
// vb_collective_t to the core's verbind::Collective. Every vb_collective_*
// function builds one (capi/reach.cpp, capi/socialmap.cpp).
#pragma once

#include "capi_internal.hpp"
#include "verbind.h"

#include "verbind/error.hpp"
#include "verbind/util/collective.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace verbind::capi {

class CallbackCollective final : public Collective {
public:
    // Checks the struct (NULL, struct_size, size >= 1, rank < size, no NULL
    // callback) and throws argument_error naming the field.
    explicit CallbackCollective(const vb_collective_t* collective);

    unsigned rank() const noexcept override { return c_.rank; }
    unsigned size() const noexcept override { return c_.size; }
    void sum(std::span<std::uint64_t> values) override;
    void sum(std::span<double> values) override;
    void min(std::span<std::uint64_t> values) override;
    void max(std::span<std::uint64_t> values) override;
    std::vector<std::uint32_t> gather(std::span<const std::uint32_t> mine) override;
    std::vector<std::uint64_t> gather(std::span<const std::uint64_t> mine) override;
    void broadcast(std::span<std::byte> bytes, unsigned root) override;

private:
    void reduce(void* values, std::size_t count, vb_collective_type_t type, vb_collective_op_t op);
    std::vector<std::byte> gather_bytes(std::span<const std::byte> mine);
    [[noreturn]] void fail(const char* callback, int code) const;

    vb_collective_t c_{};
};

// The ranks of a C call: a vb_collective_* function's collective, or one
// process for the plain function (capi/reach.cpp, capi/socialmap*.cpp).
// The C arguments are checked inside agreed(): a NULL or a bad options
// struct on one rank is then the same error on every rank ("rank R: ..."),
// never a hang of the others in the computation's first collective.
class CallRanks {
public:
    CallRanks(const vb_collective_t* collective, bool distributed) {
        if (distributed) ranks_.emplace(collective);
    }
    Collective& collective() { return ranks_ ? static_cast<Collective&>(*ranks_) : single_process(); }
    template <class Work>
    void agreed(Work&& work) {
        if (!ranks_) {
            work();
            return;
        }
        agree_on(*ranks_, [&] {
            try {
                work();
            } catch (const argument_error& e) {
                throw input_error(e.message());
            }
        });
    }

private:
    std::optional<CallbackCollective> ranks_;
};

}  // namespace verbind::capi
