// Reach benchmarks: RR sets per second, influence_max (OPIM-C) on
// facebook_combined and on a generated 1M-node / 10M-arc directed graph,
// spread with 10,000 runs, hop reach on the generated graph; threads=0
// against threads=1 interleaved (wall and CPU medians), also on a 100-node
// graph (threads=0 must never be slower).
//   build/benchmarks/bench_reach [data-dir] [repeats] [--json FILE]
// Targets (issue 17): influence_max k=50 eps=0.1 at threads=0: facebook
// <= 0.004 s, generated graph <= 0.03 s (the authors' OPIM-C took 0.018 s
// and 0.092 s, SUBSIM 0.006 s and 0.098 s on this machine), memory < 2 GB.
// The hop-reach peer (python-igraph BFS) is timed by
// benchmarks/reach/bench_reach.py.
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
#include <functional>
#include <string>
#include <vector>

using namespace verbind;
using verbind::bench::interleaved;
using verbind::bench::median_seconds;
using verbind::bench::peak_rss_mb;
using verbind::bench::Times;

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
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    const std::string json = verbind::bench::json_path(argc, argv);
    const std::string data = argc > 1 ? argv[1] : "data";
    const int repeats = argc > 2 ? std::atoi(argv[2]) : 5;
    verbind::bench::Rows rows("reach");
    double load[3] = {0, 0, 0};
    getloadavg(load, 3);
    std::printf("threads available: %u (affinity mask); load %.1f %.1f %.1f; wall/CPU ms, medians of %d, "
                "threads=0 and threads=1 interleaved\n",
                resolve_threads(0), load[0], load[1], load[2], repeats);
    // threads=0 (ours) against threads=1: the ratio is t1 / t0. Each sample
    // is `calls` calls (times per call): a sub-millisecond call measured
    // alone is mostly the machine's noise.
    auto both = [&](const std::string& measure, auto&& run, const char* unit = "", int calls = 1) {
        using Fn = std::function<void()>;
        const std::vector<Fn> fns{[&] {
                                      for (int c = 0; c < calls; ++c) run(0u);
                                  },
                                  [&] {
                                      for (int c = 0; c < calls; ++c) run(1u);
                                  }};
        std::vector<Times> t = interleaved(repeats, fns);
        for (Times& x : t) x = {x.wall / calls, x.cpu / calls};
        std::printf("%-46s threads=0 %9.3f/%-9.3f threads=1 %9.3f/%-9.3f  t1/t0 %.2fx %s\n", measure.c_str(),
                    t[0].wall * 1e3, t[0].cpu * 1e3, t[1].wall * 1e3, t[1].cpu * 1e3, t[1].wall / t[0].wall, unit);
        rows.add(measure, {{"verbind threads=0", t[0]}, {"verbind threads=1", t[1]}}, "verbind threads=0");
        return t;
    };

    const Graph facebook = read_edgelist(data + "/facebook_combined.txt");
    DiffusionOptions wc;  // IC, weighted cascade
    std::size_t total = 0;
    const std::size_t count = 200000;
    const auto rr = both("RR sets facebook IC-WC 200k",
                         [&](unsigned threads) { total = draw_rr_sets(facebook, count, wc, 7, threads); });
    std::printf("  %.0f sets/s at threads=0 (mean size %.2f)\n", static_cast<double>(count) / rr[0].wall,
                static_cast<double>(total) / static_cast<double>(count));

    InfluenceResult im;
    InfluenceOptions o;
    o.epsilon = 0.1;
    both(
        "influence_max facebook k=50 eps=0.1",
        [&](unsigned threads) {
            o.threads = threads;
            im = influence_max(facebook, 50, o);
        },
        "(target t0 <= 4 ms)");
    std::printf("  %zu RR sets, approximation %.4f, spread >= %.1f\n", im.rr_sets, im.approximation,
                im.spread_lower_bound);
    SpreadOptions so;
    so.runs = 10000;
    const double spread_s = median_seconds(std::min(repeats, 3), [&] { spread(facebook, im.seeds, so); });
    const SpreadResult sr = spread(facebook, im.seeds, so);
    std::printf("spread facebook 50 seeds 10000 runs threads=0: %.4f s, mean %.1f +- %.1f\n", spread_s, sr.mean,
                sr.standard_error);

    // A 100-node graph: small work must run inline, never slower at threads=0.
    {
        std::vector<NodeId> src, dst;
        std::vector<std::uint8_t> joined(100 * 100, 0);
        Rng rng(100);
        while (src.size() < 300) {
            const auto a = static_cast<NodeId>(rng.below(100)), b = static_cast<NodeId>(rng.below(100));
            if (a == b || joined[std::min(a, b) * 100 + std::max(a, b)]) continue;
            joined[std::min(a, b) * 100 + std::max(a, b)] = 1;
            src.push_back(a);
            dst.push_back(b);
        }
        const Graph small = Graph::from_edges(100, src, dst);
        InfluenceOptions so5;
        so5.epsilon = 0.2;
        both(
            "influence_max 100 nodes k=5 eps=0.2",
            [&](unsigned threads) {
                so5.threads = threads;
                im = influence_max(small, 5, so5);
            },
            "(per call, 50 calls per sample)", 50);
        SpreadOptions sp;
        sp.runs = 200;
        both(
            "spread 100 nodes 5 seeds 200 runs",
            [&](unsigned threads) {
                sp.threads = threads;
                spread(small, im.seeds, sp);
            },
            "(per call, 200 calls per sample)", 200);
    }

    const double before = peak_rss_mb();
    const Graph big = generated_graph(1'000'000, 10'000'000, 2018);
    const double with_graph = peak_rss_mb();
    std::printf("generated graph: %zu nodes, %zu arcs, %.0f MB structure; peak RSS %.0f MB (before %.0f)\n",
                big.num_nodes(), big.num_edges(), static_cast<double>(big.memory_bytes()) / 1e6, with_graph, before);
    InfluenceOptions bo;
    both(
        "influence_max generated 1M/10M k=50 eps=0.1",
        [&](unsigned threads) {
            bo.threads = threads;
            im = influence_max(big, 50, bo);
        },
        "(target t0 <= 30 ms)");
    std::printf("  %zu RR sets, approximation %.4f, spread >= %.0f; peak RSS %.0f MB (target < 2048)\n", im.rr_sets,
                im.approximation, im.spread_lower_bound, peak_rss_mb());
    const std::vector<NodeId> seeds{0};
    std::size_t reached = 0;
    const double hop_s = median_seconds(repeats, [&] {
        const auto d = hop_reach(big, seeds);
        reached = static_cast<std::size_t>(std::count_if(d.begin(), d.end(), [](std::int32_t x) { return x >= 0; }));
    });
    std::printf("hop_reach generated graph from node 0: %.4f s, %zu reached\n", hop_s, reached);
    rows.write(json);
    return 0;
}
