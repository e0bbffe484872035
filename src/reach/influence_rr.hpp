// Internal to src/reach: the reverse-reachable (RR) sets and the greedy
// steps shared by influence_max (influence.cpp) and fair_influence_max
// (influence_fair.cpp). influence_rr.cpp draws the sets, influence_greedy.cpp
// chooses from them.
#pragma once

#include "diffusion.hpp"
#include "verbind/graph/graph.hpp"
#include "verbind/reach/spread.hpp"
#include "verbind/util/collective.hpp"
#include "verbind/util/progress.hpp"
#include "verbind/util/random.hpp"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

namespace verbind::reach_detail {

// log(Gamma(x)) without a data race: std::lgamma also writes the sign to the
// global `signgam` (POSIX), which ThreadSanitizer reports when two threads
// choose seeds at once; lgamma_r returns the sign instead.
double log_gamma(double x) noexcept;

// Random reverse-reachable sets, stored flat. A set that reaches a fixed
// (already active) node is "given": it is covered whatever we choose, so
// its members are not kept.
struct RRSets {
    std::vector<NodeId> nodes;
    std::vector<std::uint64_t> offsets{0};
    std::vector<std::uint8_t> given;
    std::size_t given_count = 0;

    std::size_t size() const noexcept { return given.size(); }
};

// Per-worker scratch. Membership is a bitset (n bits: 128 KB per million
// nodes, so it stays in cache) cleared through the member list.
struct Sampler {
    std::vector<std::uint64_t> bits;
    std::vector<NodeId> members;
    std::vector<ArcId> picked;  // Floyd's sample of firing arcs
    // Per in-degree d below `tabled` (the probability is a function of d
    // when all in-arcs share one): P(no in-arc fires) = (1 - q)^d, NaN
    // until first needed.
    static constexpr std::size_t tabled = 1024;
    std::vector<double> none_fire;

    void start(std::size_t n) {
        if (bits.size() != n / 64 + 1) bits.assign(n / 64 + 1, 0);
        for (NodeId v : members) bits[v >> 6] &= ~(1ull << (v & 63));
        members.clear();
    }
    bool seen(NodeId v) const noexcept { return (bits[v >> 6] >> (v & 63)) & 1; }
    void add(NodeId v) {
        bits[v >> 6] |= 1ull << (v & 63);
        members.push_back(v);
    }
    double none_fire_of(std::size_t d, double q) {
        if (d >= tabled) return std::exp(static_cast<double>(d) * std::log1p(-q));
        if (none_fire.empty()) none_fire.assign(tabled, std::numeric_limits<double>::quiet_NaN());
        double& x = none_fire[d];
        if (std::isnan(x)) x = std::exp(static_cast<double>(d) * std::log1p(-q));
        return x;
    }
};

// Draws one RR set into s.members; returns true when it reaches a fixed node.
// `roots` (may be null: everyone) is where the set's root is drawn from.
bool draw_rr_set(const Graph& g, const ArcProbabilities& p, bool threshold_model, const std::uint8_t* fixed,
                 const std::vector<NodeId>* roots, Rng& rng, Sampler& s);

// Appends RR sets [sets.size(), target) of one collection; set j draws from
// Rng(seed, halves * j + half), so each set is the same for any thread count.
// With stride and offset (a rank's share), local set i is set
// j = i * stride + offset of the whole collection.
// With `progress`, reports from..to between batches of about 50 ms.
void grow(RRSets& sets, std::size_t target, const Graph& g, const ArcProbabilities& p, bool threshold_model,
          const std::uint8_t* fixed, std::uint64_t seed, std::uint64_t half, unsigned threads,
          std::vector<Sampler>& samplers, const std::vector<NodeId>* roots = nullptr, std::uint64_t halves = 2,
          Progress* progress = nullptr, double from = 0.0, double to = 0.0, std::uint64_t stride = 1,
          std::uint64_t offset = 0);

struct GreedyChoice {
    std::vector<NodeId> seeds;
    std::uint64_t coverage = 0;  // RR sets (not given) hit by the seeds
    double coverage_upper = 0;   // bound on the best k-set's coverage
};

// Scratch kept across rounds so that a round costs O(size of the RR sets),
// not O(n): `local` maps the nodes that occur in some RR set to 0..T-1.
struct GreedyScratch {
    std::vector<std::uint32_t> local;  // n entries, UINT32_MAX when unused
    std::vector<std::uint8_t> chosen;  // n entries
};

// Greedy maximum coverage (ties: lowest node index), with the upper bound
// on the best k-set's coverage of OPIM-C (Tang et al., SIGMOD 2018, Sec.
// 4.2): by submodularity, for every greedy prefix S_i (i = 0..k),
// OPT <= Cov(S_i) + the sum of the k largest marginal coverages given S_i;
// the bound is the tightest of these k + 1.
//
// The picks come from a lazy heap; the k largest marginals from a count of
// candidates per marginal coverage, kept as coverage is taken away (O(1)
// per decrement, where popping k current entries off the heap at every
// prefix cost k^2 log n in all and a fifth of the run on ego-Facebook).
GreedyChoice greedy(const RRSets& sets, std::size_t n, std::size_t k, const std::vector<std::uint8_t>& allowed,
                    GreedyScratch& scratch);

std::uint64_t coverage(const RRSets& sets, const std::vector<std::uint8_t>& chosen);

// greedy() over the union of every rank's sets: the coverage counts are
// added over the ranks (one sum of n counts), then every rank makes the
// same pick from the global counts and the ranks exchange the members of
// the sets each pick newly covers (one gather per pick). The same choice as
// greedy() on the union, on every rank.
GreedyChoice distributed_greedy(const RRSets& sets, std::size_t n, std::size_t k,
                                const std::vector<std::uint8_t>& allowed, Collective& collective);

std::string number(double x);
std::string gigabytes(double bytes);

// Set ids are 32-bit in the node -> sets index of the greedy steps.
constexpr double max_sets_per_collection = static_cast<double>(UINT32_MAX);

// Estimated peak bytes of a run holding `sets` RR sets in each of
// `collections` collections with `average` members each (stored flat:
// node ids, a 64-bit offset and a flag per set; the node -> sets index of
// the first collection; the blocks a collection grows through), plus the
// per-node scratch.
double estimated_bytes(double sets, double collections, double average, std::size_t n, unsigned threads);

// The checked inputs of influence_max and fair_influence_max.
struct Setup {
    double delta = 0;
    std::vector<std::uint8_t> fixed, allowed;
    std::size_t candidate_count = 0;
};

// Checks nodes, options and k; throws input_error.
Setup check_influence_options(const Graph& graph, std::size_t k, const InfluenceOptions& options);

// Every rank's share of one collection of `total` sets (rank r holding sets
// r, r + size, ...; drawn with grow's stride and offset) as the whole
// collection in set order, on every rank: the collection one rank alone
// draws.
RRSets gather_sets(const RRSets& mine, std::size_t total, Collective& collective);

// With more than one rank: input_error on every rank when the ranks differ
// in k, the options that change the result, the groups (their hash; 0
// without), or the graph (graph/ranks.hpp, check_ranks_agree).
void check_influence_ranks(Collective& collective, std::string_view operation, const Graph& graph, std::size_t k,
                           const InfluenceOptions& options, std::uint64_t groups_hash);

}  // namespace verbind::reach_detail
