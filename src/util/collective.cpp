// The one-process collective and the agreement on failures
// (include/verbind/util/collective.hpp).
#include "verbind/util/collective.hpp"

#include "verbind/error.hpp"

#include <cstring>
#include <exception>
#include <new>

namespace verbind {

namespace {

class SingleProcess final : public Collective {
public:
    unsigned rank() const noexcept override { return 0; }
    unsigned size() const noexcept override { return 1; }
    void sum(std::span<std::uint64_t>) override {}
    void sum(std::span<double>) override {}
    void min(std::span<std::uint64_t>) override {}
    void max(std::span<std::uint64_t>) override {}
    std::vector<std::uint32_t> gather(std::span<const std::uint32_t> mine) override {
        return {mine.begin(), mine.end()};
    }
    std::vector<std::uint64_t> gather(std::span<const std::uint64_t> mine) override {
        return {mine.begin(), mine.end()};
    }
    void broadcast(std::span<std::byte>, unsigned) override {}
};

[[noreturn]] void throw_failure(FailureKind kind, const std::string& message) {
    switch (kind) {
        case FailureKind::parse: throw parse_error(message);
        case FailureKind::input: throw input_error(message);
        case FailureKind::not_found: throw not_found_error(message);
        case FailureKind::io: throw io_error(message);
        case FailureKind::cancelled: throw cancelled_error(message);
        case FailureKind::out_of_memory: throw std::bad_alloc();
        case FailureKind::none:
        case FailureKind::other: break;
    }
    throw error(message);
}

}  // namespace

Collective& single_process() noexcept {
    static SingleProcess one;
    return one;
}

void agree(Collective& collective, FailureKind kind, std::string_view message) {
    const unsigned size = collective.size();
    std::uint64_t first = kind == FailureKind::none ? size : collective.rank();
    collective.min(std::span<std::uint64_t>(&first, 1));
    if (first >= size) return;
    const auto root = static_cast<unsigned>(first);
    std::uint64_t head[2] = {static_cast<std::uint64_t>(kind), message.size()};
    collective.broadcast(std::as_writable_bytes(std::span<std::uint64_t>(head)), root);
    std::string text(static_cast<std::size_t>(head[1]), '\0');
    if (collective.rank() == root && !text.empty()) std::memcpy(text.data(), message.data(), text.size());
    collective.broadcast(std::as_writable_bytes(std::span<char>(text)), root);
    if (size > 1) text = "rank " + std::to_string(root) + ": " + text;
    throw_failure(static_cast<FailureKind>(head[0]), text);
}

namespace collective_detail {

std::pair<FailureKind, std::string> current_failure() {
    try {
        throw;
    } catch (const parse_error& e) {
        return {FailureKind::parse, e.what()};
    } catch (const input_error& e) {
        return {FailureKind::input, e.what()};
    } catch (const not_found_error& e) {
        return {FailureKind::not_found, e.what()};
    } catch (const io_error& e) {
        return {FailureKind::io, e.what()};
    } catch (const cancelled_error& e) {
        return {FailureKind::cancelled, e.what()};
    } catch (const std::bad_alloc&) {
        return {FailureKind::out_of_memory, "out of memory"};
    } catch (const std::exception& e) {
        return {FailureKind::other, e.what()};
    } catch (...) {
        return {FailureKind::other, "unknown error"};
    }
}

}  // namespace collective_detail

}  // namespace verbind
