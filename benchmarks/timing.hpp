// What the C++ benchmarks measure with: the median wall time of repeated
// runs, and the process's peak resident memory; Rows, the `--json FILE`
// output every benchmark shares (benchmarks/timing.py's twin), which
// benchmarks/run collects.
#pragma once

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <string>
#include <utility>
#include <vector>

namespace verbind::bench {

// Runs f `repeats` times (at least once) and returns the median in seconds.
template <class F>
double median_seconds(int repeats, F&& f) {
    std::vector<double> times;
    for (int r = 0; r < std::max(repeats, 1); ++r) {
        const auto t0 = std::chrono::steady_clock::now();
        f();
        times.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

// Peak resident set size of this process so far, in MiB (Linux reports
// ru_maxrss in KiB).
inline double peak_rss_mb() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

// CPU seconds of this process so far (all threads).
inline double cpu_seconds() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + 1e-9 * static_cast<double>(t.tv_nsec);
}

struct Times {
    double wall = 0, cpu = 0;  // medians, seconds
};

// Runs each of the contenders once per round, `repeats` rounds (a busy
// machine slows them alike), and returns their median wall and CPU times.
template <class F>
std::vector<Times> interleaved(int repeats, const std::vector<F>& contenders) {
    const std::size_t k = contenders.size();
    std::vector<std::vector<double>> wall(k), cpu(k);
    for (int r = 0; r < std::max(repeats, 1); ++r)
        for (std::size_t i = 0; i < k; ++i) {
            const double c0 = cpu_seconds();
            const auto t0 = std::chrono::steady_clock::now();
            contenders[i]();
            wall[i].push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
            cpu[i].push_back(cpu_seconds() - c0);
        }
    auto median = [](std::vector<double> x) {
        std::sort(x.begin(), x.end());
        return x[x.size() / 2];
    };
    std::vector<Times> out(k);
    for (std::size_t i = 0; i < k; ++i) out[i] = {median(wall[i]), median(cpu[i])};
    return out;
}

// Takes `--json FILE` out of argv; returns FILE, or "" without it.
inline std::string json_path(int& argc, char** argv) {
    for (int i = 1; i < argc; ++i)
        if (std::strcmp(argv[i], "--json") == 0 && i + 1 < argc) {
            std::string path = argv[i + 1];
            for (int j = i; j + 2 <= argc; ++j) argv[j] = argv[j + 2];
            argc -= 2;
            return path;
        }
    return "";
}

// The rows of `--json FILE`: {"benchmark": NAME, "rows": [{"measure",
// "ours", "wall_ms": {contender: ms}, "cpu_ms": {...}, "ratio": {peer: peer
// wall / ours wall}, "load": [1, 5, 15 min]}]}; a ratio above 1: verbind is
// faster.
class Rows {
public:
    explicit Rows(std::string benchmark) : benchmark_(std::move(benchmark)) {}

    // contenders: (name, times); `ours` names one of them.
    void add(const std::string& measure, const std::vector<std::pair<std::string, Times>>& contenders,
             const std::string& ours = "verbind") {
        double base = 0;
        for (const auto& [name, t] : contenders)
            if (name == ours) base = t.wall;
        std::string wall, cpu, ratio;
        for (const auto& [name, t] : contenders) {
            wall += (wall.empty() ? "" : ", ") + quote(name) + ": " + number(t.wall * 1000);
            cpu += (cpu.empty() ? "" : ", ") + quote(name) + ": " + number(t.cpu * 1000);
            if (name != ours && base > 0)
                ratio += (ratio.empty() ? "" : ", ") + quote(name) + ": " + number(t.wall / base);
        }
        double load[3] = {0, 0, 0};
        getloadavg(load, 3);
        rows_.push_back("{\"measure\": " + quote(measure) + ", \"ours\": " + quote(ours) + ", \"wall_ms\": {" + wall +
                        "}, \"cpu_ms\": {" + cpu + "}, \"ratio\": {" + ratio + "}, \"load\": [" + number(load[0]) +
                        ", " + number(load[1]) + ", " + number(load[2]) + "]}");
    }

    void write(const std::string& path) const {
        if (path.empty()) return;
        std::FILE* f = std::fopen(path.c_str(), "w");
        if (f == nullptr) {
            std::perror(path.c_str());
            return;
        }
        std::fprintf(f, "{\"benchmark\": %s, \"rows\": [\n", quote(benchmark_).c_str());
        for (std::size_t i = 0; i < rows_.size(); ++i)
            std::fprintf(f, " %s%s\n", rows_[i].c_str(), i + 1 < rows_.size() ? "," : "");
        std::fprintf(f, "]}\n");
        std::fclose(f);
    }

private:
    static std::string quote(const std::string& text) {  // names are plain ASCII
        std::string out = "\"";
        for (char c : text) {
            if (c == '"' || c == '\\') out += '\\';
            out += c;
        }
        return out + "\"";
    }
    static std::string number(double x) {
        char text[32];
        std::snprintf(text, sizeof text, "%.6g", x);
        return text;
    }
    std::string benchmark_;
    std::vector<std::string> rows_;
};

}  // namespace verbind::bench
