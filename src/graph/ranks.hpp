// Internal (src/graph): what every distributed overload shares (the ones
// taking a verbind::Collective: influence_max, fair_influence_max, spread,
// betweenness, closeness, harmonic): running a step on every rank with one
// agreed outcome, checking that the ranks agree on the graph and on their
// inputs, and this rank's share of numbered work. One definition for reach
// and socialmap.
#pragma once

#include "verbind/graph/graph.hpp"
#include "verbind/util/collective.hpp"

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <span>
#include <string_view>
#include <utility>

namespace verbind::rank_detail {

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

// How check_ranks_agree shows a value in its message.
enum class Shown : std::uint8_t {
    number,
    real,       // a double's bits
    hex,        // a fingerprint or hash
    flag,       // true / false
    samples,    // 0: none (every node a source)
    direction,  // a directed / an undirected graph
    weights,    // weights / no weights
};

struct RankField {
    std::string_view name;  // "k", "epsilon", ...
    std::uint64_t value;    // a double's bits for Shown::real
    Shown shown = Shown::number;
};

// A 64-bit hash of a node list (candidates, fixed, seeds), in order.
std::uint64_t list_hash(std::span<const NodeId> nodes) noexcept;
// A 64-bit hash of the graph's arcs in order, and of their weights when
// `weights`: one pass over the arcs, cheap beside any computation that is
// worth distributing; different for two graphs that differ in an arc, a
// degree or (with weights) a weight, but for collisions of a 64-bit hash.
std::uint64_t graph_fingerprint(const Graph& graph, bool weights) noexcept;

// With more than one rank: gathers the graph's shape (nodes, edges,
// directed, weights), `fields` and the graph's fingerprint (weights
// included when `weights_used`), and throws the same input_error on every
// rank when two ranks differ: "<operation>: ranks disagree on k: rank 0 has
// 5, rank 2 has 6" (the first field that differs, the lowest rank that
// differs from rank 0 in it). Makes no collective call with one rank.
void check_ranks_agree(Collective& collective, std::string_view operation, const Graph& graph, bool weights_used,
                       std::initializer_list<RankField> fields);

// How many of the items 0..total-1 are this rank's: rank, rank + size, ...
inline std::size_t share_of(std::size_t total, const Collective& collective) noexcept {
    const std::size_t rank = collective.rank(), size = collective.size();
    return total > rank ? (total - rank + size - 1) / size : 0;
}

// The items of [0, items) this rank runs: rank, rank + size, rank + 2 size,
// ... (dealt in turn, so every rank gets a like mix of them).
struct RankShare {
    std::size_t first = 0, step = 1, count = 0;
    RankShare(std::size_t items, const Collective& collective)
        : first(collective.rank()), step(collective.size()), count(share_of(items, collective)) {}
    std::size_t operator[](std::size_t i) const noexcept { return first + i * step; }
};

}  // namespace verbind::rank_detail
