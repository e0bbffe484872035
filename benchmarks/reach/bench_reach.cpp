// Reach benchmarks: RR sets per second, influence_max (OPIM-C) on
// facebook_combined and on a generated 1M-node / 10M-arc directed graph,
// spread with 10,000 runs, hop reach on the generated graph.
//   build/benchmarks/bench_reach [data-dir] [repeats]
// Targets (issue 4): influence_max facebook k=50 < 0.02 s and generated
// graph < 0.1 s with threads=0 (a single-threaded OPIM-C reference takes
// about 0.02 s and 0.1 s on this machine class), memory < 2 GB. The hop-reach
// peer (python-igraph BFS) is timed by benchmarks/reach/bench_reach.py.
#include "../timing.hpp"
#include "verbind/reach/reach.hpp"
#include "verbind/io/edgelist.hpp"
#include "verbind/util/parallel.hpp"
#include "verbind/util/random.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

using namespace verbind;
using verbind::bench::median_seconds;
using verbind::bench::peak_rss_mb;

namespace {

// Sources drawn with probability proportional to rank^-0.8 (rank 1 is node
// 0), targets uniformly; duplicates and self-loops redrawn until `arcs`.
Graph generated_graph(std::size_t n, std::size_t arcs, std::uint64_t seed) {
    Rng rng(seed);
    const double top = std::pow(static_cast<double>(n) + 1.0, 0.2) - 1.0;
    std::vector<std::uint64_t> pairs;
    pairs.reserve(arcs + arcs / 50);
    while (pairs.size() < arcs) {
        while (pairs.size() < arcs) {
            // Inverse CDF of the continuous density x^-0.8 on [1, n + 1).
            const double x = std::pow(rng.uniform() * top + 1.0, 5.0);
            const auto source = std::min<std::uint64_t>(static_cast<std::uint64_t>(x) - 1, n - 1);
            const std::uint64_t target = rng.below(n);
            if (source != target) pairs.push_back(source << 32 | target);
        }
        std::sort(pairs.begin(), pairs.end());
        pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
    }
    std::vector<NodeId> src(arcs), dst(arcs);
    for (std::size_t i = 0; i < arcs; ++i) {
        src[i] = static_cast<NodeId>(pairs[i] >> 32);
        dst[i] = static_cast<NodeId>(pairs[i] & 0xFFFFFFFFu);
    }
    EdgeListOptions o;
    o.directed = true;
    return Graph::from_edges(n, src, dst, {}, o);
}

}  // namespace

int main(int argc, char** argv) {
    const std::string data = argc > 1 ? argv[1] : "data";
    const int repeats = argc > 2 ? std::atoi(argv[2]) : 5;
    std::printf("threads available: %u\n", resolve_threads(0));

    const Graph facebook = read_edgelist(data + "/facebook_combined.txt");
    DiffusionOptions wc;  // IC, weighted cascade
    for (unsigned threads : {1u, 0u}) {
        std::size_t total = 0;
        const std::size_t count = 200000;
        const double s = median_seconds(repeats, [&] { total = draw_rr_sets(facebook, count, wc, 7, threads); });
        std::printf("RR sets facebook IC-WC threads=%u: %.0f sets/s (mean size %.1f)\n", threads,
                    static_cast<double>(count) / s, static_cast<double>(total) / static_cast<double>(count));
    }

    InfluenceResult im;
    for (unsigned threads : {1u, 0u}) {
        InfluenceOptions o;
        o.epsilon = 0.1;
        o.threads = threads;
        const double s = median_seconds(repeats, [&] { im = influence_max(facebook, 50, o); });
        std::printf("influence_max facebook k=50 eps=0.1 threads=%u: %.4f s (target 0.02 s, ratio %.2f), "
                    "%zu RR sets, approximation %.3f, spread >= %.1f\n",
                    threads, s, s / 0.02, im.rr_sets, im.approximation, im.spread_lower_bound);
    }
    SpreadOptions so;
    so.runs = 10000;
    const double spread_s = median_seconds(repeats, [&] { spread(facebook, im.seeds, so); });
    const SpreadResult sr = spread(facebook, im.seeds, so);
    std::printf("spread facebook 50 seeds 10000 runs threads=0: %.4f s, mean %.1f +- %.1f\n", spread_s, sr.mean,
                sr.standard_error);

    const double before = peak_rss_mb();
    const Graph big = generated_graph(1'000'000, 10'000'000, 2018);
    const double with_graph = peak_rss_mb();
    std::printf("generated graph: %zu nodes, %zu arcs, %.0f MB structure; peak RSS %.0f MB (before %.0f)\n",
                big.num_nodes(), big.num_edges(), static_cast<double>(big.memory_bytes()) / 1e6, with_graph, before);
    for (unsigned threads : {1u, 0u}) {
        InfluenceOptions o;
        o.threads = threads;
        const double s = median_seconds(repeats, [&] { im = influence_max(big, 50, o); });
        std::printf("influence_max generated k=50 eps=0.1 threads=%u: %.4f s (target 0.1 s, ratio %.2f), "
                    "%zu RR sets, approximation %.3f; peak RSS %.0f MB (target < 2048)\n",
                    threads, s, s / 0.1, im.rr_sets, im.approximation, peak_rss_mb());
    }
    const std::vector<NodeId> seeds{0};
    std::size_t reached = 0;
    const double hop_s = median_seconds(repeats, [&] {
        const auto d = hop_reach(big, seeds);
        reached = static_cast<std::size_t>(std::count_if(d.begin(), d.end(), [](std::int32_t x) { return x >= 0; }));
    });
    std::printf("hop_reach generated graph from node 0: %.4f s, %zu reached\n", hop_s, reached);
    return 0;
}
