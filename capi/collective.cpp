// The C callbacks of a vb_collective_t as a verbind::Collective
// (capi/collective.hpp).
#include "collective.hpp"

#include "capi_internal.hpp"

#include "verbind/error.hpp"

#include <cstring>
#include <string>

namespace verbind::capi {

namespace {
constexpr std::size_t collective_first_size = VB_FIRST_SIZE(vb_collective_t, error_message);
}

CallbackCollective::CallbackCollective(const vb_collective_t* collective) {
    require(collective, "collective");
    if (collective->struct_size < collective_first_size)
        throw argument_error("argument 'collective' (vb_collective_t) has struct_size " +
                             std::to_string(collective->struct_size) + ", expected at least " +
                             std::to_string(collective_first_size) + "; fill it with vb_collective_init first");
    if (collective->struct_size > sizeof(vb_collective_t)) {
        const auto* bytes = reinterpret_cast<const unsigned char*>(collective);
        for (std::size_t i = sizeof(vb_collective_t); i < collective->struct_size; ++i)
            if (bytes[i] != 0)
                throw argument_error("argument 'collective' (vb_collective_t) has struct_size " +
                                     std::to_string(collective->struct_size) + ", larger than this library's " +
                                     std::to_string(sizeof(vb_collective_t)) +
                                     ", and sets a field it does not know: the program was built against a newer "
                                     "verbind.h than this libverbind");
    }
    std::memcpy(static_cast<void*>(&c_), collective, sizeof c_);
    c_.struct_size = sizeof c_;
    if (c_.size == 0) {
        // A collective that could not be made (libverbind_mpi: MPI not
        // initialised, MPI_COMM_NULL): error_message(context, 0) says why.
        const char* why = c_.error_message ? c_.error_message(c_.context, 0) : nullptr;
        throw argument_error(why && *why ? std::string(why)
                                         : std::string("argument 'collective' field 'size' is 0 (at least 1 rank)"));
    }
    if (c_.rank >= c_.size)
        throw argument_error("argument 'collective' field 'rank' is " + std::to_string(c_.rank) +
                             ", not below size " + std::to_string(c_.size));
    if (c_.allreduce == nullptr) throw argument_error("argument 'collective' field 'allreduce' is NULL");
    if (c_.allgatherv == nullptr) throw argument_error("argument 'collective' field 'allgatherv' is NULL");
    if (c_.broadcast == nullptr) throw argument_error("argument 'collective' field 'broadcast' is NULL");
}

void CallbackCollective::fail(const char* callback, int code) const {
    std::string text = std::string("collective callback '") + callback + "' failed with " + std::to_string(code);
    if (c_.error_message) {
        const char* why = c_.error_message(c_.context, code);
        if (why && *why) text += std::string(": ") + why;
    }
    throw io_error(text);
}

void CallbackCollective::reduce(void* values, std::size_t count, vb_collective_type_t type, vb_collective_op_t op) {
    if (const int code = c_.allreduce(c_.context, values, count, type, op)) fail("allreduce", code);
}

void CallbackCollective::sum(std::span<std::uint64_t> values) {
    reduce(values.data(), values.size(), VB_COLLECTIVE_U64, VB_COLLECTIVE_SUM);
}
void CallbackCollective::sum(std::span<double> values) {
    reduce(values.data(), values.size(), VB_COLLECTIVE_F64, VB_COLLECTIVE_SUM);
}
void CallbackCollective::min(std::span<std::uint64_t> values) {
    reduce(values.data(), values.size(), VB_COLLECTIVE_U64, VB_COLLECTIVE_MIN);
}
void CallbackCollective::max(std::span<std::uint64_t> values) {
    reduce(values.data(), values.size(), VB_COLLECTIVE_U64, VB_COLLECTIVE_MAX);
}

std::vector<std::byte> CallbackCollective::gather_bytes(std::span<const std::byte> mine) {
    // Every rank's length first (one sum: each rank fills its own slot).
    std::vector<std::uint64_t> lengths(c_.size, 0);
    lengths[c_.rank] = mine.size();
    sum(std::span<std::uint64_t>(lengths));
    std::vector<std::size_t> bytes(lengths.begin(), lengths.end());
    std::size_t total = 0;
    for (const std::size_t b : bytes) total += b;
    std::vector<std::byte> all(total);
    if (const int code = c_.allgatherv(c_.context, mine.data(), mine.size(), all.data(), bytes.data()))
        fail("allgatherv", code);
    return all;
}

std::vector<std::uint32_t> CallbackCollective::gather(std::span<const std::uint32_t> mine) {
    const auto all = gather_bytes(std::as_bytes(mine));
    std::vector<std::uint32_t> out(all.size() / sizeof(std::uint32_t));
    if (!out.empty()) std::memcpy(out.data(), all.data(), all.size());
    return out;
}
std::vector<std::uint64_t> CallbackCollective::gather(std::span<const std::uint64_t> mine) {
    const auto all = gather_bytes(std::as_bytes(mine));
    std::vector<std::uint64_t> out(all.size() / sizeof(std::uint64_t));
    if (!out.empty()) std::memcpy(out.data(), all.data(), all.size());
    return out;
}

void CallbackCollective::broadcast(std::span<std::byte> bytes, unsigned root) {
    if (const int code = c_.broadcast(c_.context, bytes.data(), bytes.size(), root)) fail("broadcast", code);
}

}  // namespace verbind::capi
