// Timeline benchmark: verbind::timeline on the sample programme at scale 1
// (about 2,000 residents) and a larger scale, by month and by quarter, with
// a progress callback attached (the way notebooks call it).
//   build/benchmarks/bench_timeline [large-scale] [repeats]
// No peer exists: no library we know of computes these metrics (suppressed
// per-period, per-area programme metrics with an E-I baseline), so this
// prints absolute medians and the share spent in the E-I permutations
// (permutations=1 vs the default 200), not ratios against a peer.
#include "../timing.hpp"
#include "verbind/datasets/sample.hpp"
#include "verbind/evaluate/timeline.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

using namespace verbind;
using verbind::bench::median_seconds;
using verbind::bench::peak_rss_mb;

int main(int argc, char** argv) {
    const double large = argc > 1 ? std::atof(argv[1]) : 10.0;
    const int repeats = argc > 2 ? std::max(1, std::atoi(argv[2])) : 5;
    std::printf("timeline on the sample programme, 2022, by municipality; median of %d runs; no peer exists\n",
                repeats);
    std::printf("%-7s %-8s %-13s %10s %10s %9s %12s\n", "scale", "period", "permutations", "residents", "records",
                "seconds", "progress");
    for (double scale : {1.0, large}) {
        const Network net = sample_programme({.seed = 2022, .scale = scale});
        for (Period period : {Period::month, Period::quarter}) {
            for (std::size_t permutations : {std::size_t{1}, std::size_t{200}}) {
                TimelineOptions o;
                o.period = period;
                o.start = Date(2022, 1, 1);
                o.end = Date(2023, 1, 1);
                o.permutations = permutations;
                std::size_t reports = 0;
                o.progress = [&](double) {
                    ++reports;
                    return true;
                };
                std::size_t records = 0;
                timeline(net, o);  // untimed first pass
                reports = 0;
                const double seconds = median_seconds(repeats, [&] { records = timeline(net, o).records.size(); });
                std::printf("%-7.1f %-8s %-13zu %10zu %10zu %9.4f %8zu calls\n", scale,
                            std::string(to_string(period)).c_str(), permutations, net.num_residents(), records,
                            seconds, reports / static_cast<std::size_t>(repeats));
            }
        }
    }
    std::printf("peak RSS %.0f MB\n", peak_rss_mb());
    return 0;
}
