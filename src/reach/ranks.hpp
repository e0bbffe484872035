// Internal to src/reach: what the distributed overloads (influence_max,
// fair_influence_max, spread with a Collective) share: running a step on
// every rank with one agreed outcome, checking that the ranks agree on
// their inputs, and this rank's share of numbered work.
#pragma once

#include "verbind/graph/graph.hpp"
#include "verbind/util/collective.hpp"

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <span>
#include <string_view>
#include <utility>

namespace verbind::reach_detail {

// Runs `work`; with more than one rank, agrees on its outcome (a failure on
// any rank is the same exception on every rank, "rank R: ..."). One rank
// alone runs it as it is, so its exceptions are unchanged.
template <class Work>
void on_every_rank(Collective& collective, Work&& work) {
    if (collective.size() == 1) {
        work();
        return;
    }
    agree_on(collective, std::forward<Work>(work));
}

// How a value is shown when the ranks disagree on it.
enum class Shown : std::uint8_t { number, real, hex };

struct RankField {
    std::string_view name;  // "k", "epsilon", ...
    std::uint64_t value;    // a double's bits for Shown::real
    Shown shown = Shown::number;
};

// A 64-bit hash of a node list (candidates, fixed, seeds), in order.
std::uint64_t list_hash(std::span<const NodeId> nodes) noexcept;
// A 64-bit hash of the graph's arcs in order (and of their weights).
std::uint64_t graph_fingerprint(const Graph& graph) noexcept;

// With more than one rank: gathers the graph's node and arc counts and
// fingerprint and `fields`, and throws input_error on every rank when two
// ranks differ: "<operation>: ranks disagree on k: rank 0 has 5, rank 2 has
// 6" (the first field that differs, the lowest rank that differs from rank
// 0). One rank alone makes no collective call.
void check_ranks_agree(Collective& collective, std::string_view operation, const Graph& graph,
                       std::initializer_list<RankField> fields);

// How many of the items 0..total-1 are this rank's: rank, rank + size, ...
inline std::size_t share_of(std::size_t total, const Collective& collective) noexcept {
    const std::size_t rank = collective.rank(), size = collective.size();
    return total > rank ? (total - rank + size - 1) / size : 0;
}

}  // namespace verbind::reach_detail
