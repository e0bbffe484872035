// Concurrency: many threads reading one Graph and one Network and running
// algorithms with threads > 1 at once; parallel_for; progress callbacks
// (only ever on the calling thread); cancellation; the counter-based Rng.
// Every result is compared with the same computation done alone on one
// thread. scripts/test runs these under ThreadSanitizer (VERBIND_TSAN), where
// a data race fails the run; in the normal build they check the results.
#include "verbind/datasets/sample.hpp"
#include "verbind/error.hpp"
#include "verbind/evaluate/timeline.hpp"
#include "verbind/graph/view.hpp"
#include "verbind/io/social_map_json.hpp"
#include "verbind/match/introductions.hpp"
#include "verbind/reach/cascades.hpp"
#include "verbind/reach/spread.hpp"
#include "verbind/report/report.hpp"
#include "verbind/socialmap/centrality.hpp"
#include "verbind/socialmap/communities.hpp"
#include "verbind/socialmap/social_map.hpp"
#include "verbind/util/parallel.hpp"
#include "verbind/util/random.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <cstdint>
#include <mutex>
#include <numeric>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

using namespace verbind;

namespace {

constexpr unsigned callers = 4;  // threads calling the library at once
constexpr unsigned inner = 3;    // the threads option each of them passes

const Network& shared_network() {
    static const Network net = sample_programme({.seed = 11, .scale = 0.08});
    return net;
}

const Graph& shared_graph() {
    static const Graph g = build_graph(shared_network());
    return g;
}

// Runs body(caller) on `callers` threads at once (released together), and
// rethrows the first failure here.
template <class Body>
void at_once(unsigned count, Body body) {
    std::atomic<unsigned> ready{0};
    std::exception_ptr failure;
    std::mutex failure_mutex;
    std::vector<std::thread> threads;
    for (unsigned c = 0; c < count; ++c)
        threads.emplace_back([&, c] {
            ready.fetch_add(1);
            while (ready.load() < count) std::this_thread::yield();
            try {
                body(c);
            } catch (...) {
                std::lock_guard<std::mutex> lock(failure_mutex);
                if (!failure) failure = std::current_exception();
            }
        });
    for (auto& t : threads) t.join();
    if (failure) std::rethrow_exception(failure);
}

struct Results {
    std::vector<double> betweenness, closeness, pagerank;
    std::vector<std::uint32_t> communities;
    double spread = 0;
    std::vector<NodeId> seeds;
    bool operator==(const Results&) const = default;
};

Results compute(const Graph& g, unsigned threads) {
    Results r;
    BetweennessOptions b;
    b.threads = threads;
    r.betweenness = betweenness(g, b);
    DistanceOptions d;
    d.threads = threads;
    r.closeness = closeness(g, d);
    PageRankOptions p;
    p.threads = threads;
    r.pagerank = pagerank(g, p);
    CommunityOptions c;
    c.threads = threads;
    r.communities = communities(g, c);
    SpreadOptions s;
    s.runs = 300;
    s.threads = threads;
    const std::vector<NodeId> from = {0, 1, 2};
    r.spread = spread(g, from, s).mean;
    InfluenceOptions i;
    i.threads = threads;
    i.epsilon = 0.5;
    r.seeds = influence_max(g, 2, i).seeds;
    return r;
}

}  // namespace

TEST_CASE("many threads run algorithms with threads > 1 on one Graph at once", "[concurrency]") {
    const Graph& g = shared_graph();
    REQUIRE(g.num_nodes() > 50);
    const Results alone = compute(g, 1);
    std::vector<Results> got(callers);
    at_once(callers, [&](unsigned c) { got[c] = compute(g, inner); });
    for (unsigned c = 0; c < callers; ++c) {
        INFO("caller " << c);
        REQUIRE(got[c] == alone);  // identical for any thread count, and unaffected by the others
    }
}

TEST_CASE("many threads read one Network at once: views, social map, cascades, introductions, timeline, report",
          "[concurrency]") {
    const Network& net = shared_network();
    auto run = [&](unsigned threads) {
        std::string out;
        const Graph g = build_graph(net, {.co_attendance = true});
        out += std::to_string(g.num_nodes()) + "/" + std::to_string(g.num_edges()) + ";";
        SocialMapOptions m;
        m.threads = threads;
        out += to_json(social_map(net, m)) + ";";
        const CascadeResult c = cascades(net);
        out += std::to_string(c.attendances) + "/" + std::to_string(c.newcomers) + ";";
        IntroductionOptions o;
        o.threads = threads;
        for (const auto& s : introductions(net, o)) out += s.a + "+" + s.b + ",";
        TimelineOptions t;
        t.threads = threads;
        t.permutations = 20;
        for (const auto& r : timeline(net, t).records) out += r.value ? std::to_string(*r.value) : std::string("-");
        ReportOptions report;
        report.threads = threads;
        out += report_html(net, report);
        return out;
    };
    const std::string alone = run(1);
    std::vector<std::string> got(callers);
    at_once(callers, [&](unsigned c) { got[c] = run(inner); });
    for (unsigned c = 0; c < callers; ++c) REQUIRE(got[c] == alone);
}

TEST_CASE("parallel_for: every index once, from many callers at once, exceptions rethrown", "[concurrency]") {
    constexpr std::size_t n = 10007;
    std::vector<std::vector<std::uint64_t>> out(callers, std::vector<std::uint64_t>(n, 0));
    at_once(callers, [&](unsigned c) {
        parallel_for(n, 4, 13, [&](std::size_t begin, std::size_t end, unsigned worker) {
            if (worker >= 4) throw std::logic_error("worker out of range");
            for (std::size_t i = begin; i < end; ++i) out[c][i] += i * i + c;
        });
    });
    for (unsigned c = 0; c < callers; ++c)
        for (std::size_t i = 0; i < n; ++i)
            if (out[c][i] != i * i + c) FAIL("caller " << c << " index " << i << ": " << out[c][i]);

    // Per-worker scratch reduced afterwards: the sum of 0..n-1.
    std::vector<std::uint64_t> partial(4, 0);
    parallel_for(n, 4, 7, [&](std::size_t begin, std::size_t end, unsigned worker) {
        for (std::size_t i = begin; i < end; ++i) partial[worker] += i;
    });
    REQUIRE(std::accumulate(partial.begin(), partial.end(), std::uint64_t{0}) == n * (n - 1) / 2);

    // The first exception is rethrown after every worker stopped.
    std::atomic<std::size_t> done{0};
    REQUIRE_THROWS_AS(parallel_for(n, 4, 5,
                                   [&](std::size_t begin, std::size_t end, unsigned) {
                                       if (begin <= 5000 && 5000 < end) throw std::runtime_error("at 5000");
                                       done.fetch_add(end - begin);
                                   }),
                      std::runtime_error);
    REQUIRE(done.load() < n);
}

TEST_CASE("progress callbacks run on the calling thread only, whatever the thread count", "[concurrency]") {
    const Graph& g = shared_graph();
    at_once(callers, [&](unsigned) {
        const std::thread::id me = std::this_thread::get_id();
        std::size_t calls = 0, elsewhere = 0, out_of_range = 0;
        auto callback = [&](double fraction) {
            ++calls;  // not atomic on purpose: TSan reports a call from a worker
            if (std::this_thread::get_id() != me) ++elsewhere;
            if (!(fraction >= 0 && fraction <= 1)) ++out_of_range;
            return true;
        };
        BetweennessOptions b;
        b.threads = inner;
        b.progress = callback;
        betweenness(g, b);
        SpreadOptions s;
        s.threads = inner;
        s.runs = 200;
        s.progress = callback;
        const std::vector<NodeId> from = {0};
        spread(g, from, s);
        CommunityOptions c;
        c.threads = inner;
        c.progress = callback;
        communities(g, c);
        // At least the final report of each of the three calls, none from a
        // worker, every fraction in [0, 1].
        if (calls < 3 || elsewhere != 0 || out_of_range != 0)
            throw std::runtime_error("progress: " + std::to_string(calls) + " calls, " + std::to_string(elsewhere) +
                                     " from workers, " + std::to_string(out_of_range) + " outside [0, 1]");
    });
}

TEST_CASE("cancelling one caller leaves the others' results intact", "[concurrency]") {
    const Graph& g = shared_graph();
    BetweennessOptions alone_options;
    alone_options.threads = 1;
    const std::vector<double> alone = betweenness(g, alone_options);
    std::atomic<bool> stop{false};
    std::vector<std::vector<double>> got(callers);
    std::vector<int> cancelled(callers, 0);
    at_once(callers, [&](unsigned c) {
        BetweennessOptions o;
        o.threads = inner;
        if (c % 2 == 0) {
            // Cancelled from another thread: the callback reads a flag that
            // caller 1 sets; the final report (fraction 1) always comes.
            o.progress = [&](double) { return !stop.load(); };
        } else if (c == 1) {
            o.progress = [&](double) {
                stop.store(true);
                return true;
            };
        }
        try {
            got[c] = betweenness(g, o);
        } catch (const cancelled_error&) {
            cancelled[c] = 1;
        }
    });
    REQUIRE(stop.load());
    for (unsigned c = 0; c < callers; ++c) {
        INFO("caller " << c);
        if (cancelled[c]) {
            REQUIRE(c % 2 == 0);
            REQUIRE(got[c].empty());
        } else {
            REQUIRE(got[c] == alone);
        }
    }
    // A callback that always cancels cancels, with workers running.
    BetweennessOptions never;
    never.threads = inner;
    never.progress = [](double) { return false; };
    REQUIRE_THROWS_AS(betweenness(g, never), cancelled_error);
}

TEST_CASE("the counter-based Rng gives each stream the same numbers on any thread", "[concurrency]") {
    constexpr std::size_t streams = 64, draws = 100;
    std::vector<std::uint64_t> alone(streams * draws);
    for (std::size_t s = 0; s < streams; ++s) {
        Rng rng(42, s);
        for (std::size_t k = 0; k < draws; ++k) alone[s * draws + k] = rng.next();
    }
    std::vector<std::vector<std::uint64_t>> got(callers, std::vector<std::uint64_t>(streams * draws));
    at_once(callers, [&](unsigned c) {
        parallel_for(streams, inner, 1, [&](std::size_t begin, std::size_t end, unsigned) {
            for (std::size_t s = begin; s < end; ++s) {
                Rng rng(42, s);
                for (std::size_t k = 0; k < draws; ++k) got[c][s * draws + k] = rng.next();
            }
        });
    });
    for (unsigned c = 0; c < callers; ++c) REQUIRE(got[c] == alone);
    // Streams differ from one another (no two streams start alike).
    for (std::size_t s = 1; s < streams; ++s) REQUIRE(alone[s * draws] != alone[(s - 1) * draws]);
}
