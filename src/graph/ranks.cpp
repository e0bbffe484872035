// The distributed overloads' shared steps (src/graph/ranks.hpp).
#include "ranks.hpp"

#include "verbind/error.hpp"
#include "verbind/util/text.hpp"

#include <bit>
#include <cstdio>
#include <string>
#include <vector>

namespace verbind::rank_detail {

namespace {

constexpr std::uint64_t fnv_prime = 0x100000001b3ULL;  // FNV-1a's
constexpr std::uint64_t fnv_basis = 0xcbf29ce484222325ULL;

// splitmix64's finaliser: every input bit reaches every output bit.
std::uint64_t mix(std::uint64_t h) noexcept {
    h ^= h >> 30;
    h *= 0xbf58476d1ce4e5b9ULL;
    h ^= h >> 27;
    h *= 0x94d049bb133111ebULL;
    return h ^ (h >> 31);
}

std::string shown(std::uint64_t value, Shown how) {
    switch (how) {
        case Shown::real: return number_text(std::bit_cast<double>(value), NumberFormat::shortest());
        case Shown::flag: return value ? "true" : "false";
        case Shown::samples: return value ? std::to_string(value) : "none (every node a source)";
        case Shown::direction: return value ? "a directed graph" : "an undirected graph";
        case Shown::weights: return value ? "weights" : "no weights";
        case Shown::hex: {
            char text[32];
            std::snprintf(text, sizeof text, "0x%016llx", static_cast<unsigned long long>(value));
            return text;
        }
        case Shown::number: break;
    }
    return std::to_string(value);
}

}  // namespace

std::uint64_t list_hash(std::span<const NodeId> nodes) noexcept {
    std::uint64_t h = fnv_basis;
    h = (h ^ nodes.size()) * fnv_prime;
    for (const NodeId v : nodes) h = (h ^ v) * fnv_prime;
    return mix(h);
}

std::uint64_t graph_fingerprint(const Graph& graph, bool weights) noexcept {
    std::uint64_t h = fnv_basis;
    const std::size_t n = graph.num_nodes();
    for (NodeId u = 0; u < n; ++u) {
        h = (h ^ graph.degree(u)) * fnv_prime;
        for (ArcId a = graph.arc_begin(u), e = graph.arc_end(u); a < e; ++a) {
            h = (h ^ graph.arc_target(a)) * fnv_prime;
            if (weights) h = (h ^ std::bit_cast<std::uint64_t>(graph.arc_weight(a))) * fnv_prime;
        }
    }
    return mix(h);
}

void check_ranks_agree(Collective& collective, std::string_view operation, const Graph& graph, bool weights_used,
                       std::initializer_list<RankField> fields) {
    const unsigned size = collective.size();
    if (size == 1) return;
    std::vector<RankField> all = {
        {"the graph's node count", graph.num_nodes()},
        {"the graph's edge count", graph.num_edges()},
        {"the graph", graph.directed(), Shown::direction},
        {"the graph's weights", graph.weighted(), Shown::weights},
    };
    all.insert(all.end(), fields.begin(), fields.end());
    all.push_back({"the graph's arcs (fingerprint)", graph_fingerprint(graph, weights_used), Shown::hex});
    std::vector<std::uint64_t> mine;
    for (const RankField& f : all) mine.push_back(f.value);
    const std::vector<std::uint64_t> every = collective.gather(std::span<const std::uint64_t>(mine));
    const std::size_t count = all.size();
    if (every.size() != count * size)
        throw error(std::string(operation) + ": the ranks sent " + std::to_string(every.size()) + " values, not " +
                    std::to_string(count * size));
    // Every rank has every value, so every rank throws the same error.
    for (std::size_t f = 0; f < count; ++f)
        for (unsigned r = 1; r < size; ++r)
            if (every[r * count + f] != every[f])
                throw input_error(std::string(operation) + ": ranks disagree on " + std::string(all[f].name) +
                                  ": rank 0 has " + shown(every[f], all[f].shown) + ", rank " + std::to_string(r) +
                                  " has " + shown(every[r * count + f], all[f].shown));
}

}  // namespace verbind::rank_detail
