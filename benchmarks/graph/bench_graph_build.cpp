// Snapshot build speed and memory per edge on a graph of >= 1M edges.
//   build/benchmarks/bench_graph_build [edges] [nodes] [repeats]
// Prints the median build time and bytes per edge for unweighted,
// integer-weighted (single precision) and real-weighted (double) graphs,
// undirected and directed. Peers (igraph, scipy, networkx) are timed on the
// same graph by benchmarks/graph/bench_build.py.
#include "../timing.hpp"
#include "verbind/graph/graph.hpp"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <vector>

using namespace verbind;
using verbind::bench::median_seconds;

namespace {

// splitmix64: a fixed, portable stream so every run builds the same graph.
struct SplitMix {
    std::uint64_t state;
    std::uint64_t next() {
        std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
};

}  // namespace

int main(int argc, char** argv) {
    const std::size_t m = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 2'000'000;
    const std::size_t n = argc > 2 ? std::strtoull(argv[2], nullptr, 10) : 200'000;
    const int repeats = argc > 3 ? std::atoi(argv[3]) : 5;

    // Random simple graph: distinct pairs u < v.
    SplitMix rng{42};
    std::vector<NodeId> src, dst;
    std::vector<double> integer_weights, real_weights;
    src.reserve(m);
    dst.reserve(m);
    {
        std::vector<std::uint64_t> pairs;
        pairs.reserve(m + m / 8);
        while (pairs.size() < m + m / 16) {
            const auto u = static_cast<NodeId>(rng.next() % n), v = static_cast<NodeId>(rng.next() % n);
            if (u != v) pairs.push_back(std::uint64_t{std::min(u, v)} << 32 | std::max(u, v));
        }
        std::sort(pairs.begin(), pairs.end());
        pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
        pairs.resize(std::min(pairs.size(), m));
        // Shuffle so the input is not presorted.
        for (std::size_t i = pairs.size(); i > 1; --i) std::swap(pairs[i - 1], pairs[rng.next() % i]);
        for (const auto p : pairs) {
            src.push_back(static_cast<NodeId>(p >> 32));
            dst.push_back(static_cast<NodeId>(p & 0xFFFFFFFFu));
            integer_weights.push_back(static_cast<double>(1 + rng.next() % 10));
            real_weights.push_back(static_cast<double>(rng.next() >> 11) * 0x1.0p-53);
        }
    }
    std::printf("graph: %zu nodes, %zu edges, median of %d builds\n\n", n, src.size(), repeats);
    std::printf("%-34s %12s %14s %16s\n", "variant", "build (s)", "bytes/edge", "incl. offsets");

    struct Variant {
        const char* name;
        const std::vector<double>* weights;
        bool directed;
    };
    const Variant variants[] = {
        {"undirected, unweighted", nullptr, false},
        {"undirected, integer weights (f32)", &integer_weights, false},
        {"undirected, real weights (f64)", &real_weights, false},
        {"directed, unweighted", nullptr, true},
        {"directed, integer weights (f32)", &integer_weights, true},
    };
    // Every variant runs once untimed first: the first large builds of a
    // process pay for glibc raising its mmap threshold and growing the heap,
    // which would otherwise land on whichever variant runs first.
    for (const auto& v : variants) {
        const std::span<const double> w = v.weights ? std::span<const double>(*v.weights) : std::span<const double>();
        Graph::from_edges(n, src, dst, w, {.directed = v.directed});
    }
    for (const auto& v : variants) {
        Graph g;
        const std::span<const double> w = v.weights ? std::span<const double>(*v.weights) : std::span<const double>();
        const double seconds =
            median_seconds(repeats, [&] { g = Graph::from_edges(n, src, dst, w, {.directed = v.directed}); });
        const double offsets = static_cast<double>((n + 1) * 8 * (v.directed ? 2 : 1));
        const double total = static_cast<double>(g.memory_bytes());
        std::printf("%-34s %12.3f %14.2f %16.2f\n", v.name, seconds,
                    (total - offsets) / static_cast<double>(g.num_edges()),
                    total / static_cast<double>(g.num_edges()));
    }
    return 0;
}
