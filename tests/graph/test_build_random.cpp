// Graph::from_edges against an independent build in the test (a std::map
// of pairs, merged in record order as the policy says) on random small
// inputs: every policy for repeats and self-loops, directed and undirected,
// no weights, weights that are exactly floats and others, pairs listed both
// ways. Lists, weights (out and in) and errors (the first self-loop in
// record order, else the first repeat by smaller node, then neighbour,
// naming the record and the one it repeats) must agree.
#include "verbind/error.hpp"
#include "verbind/graph/graph.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <optional>
#include <random>
#include <string>
#include <utility>
#include <vector>

using namespace verbind;

TEST_CASE("from_edges equals an independent build on random inputs", "[graph][build]") {
    std::mt19937_64 rng(20261130);
    int built = 0, refused = 0;
    for (int round = 0; round < 3000; ++round) {
        const std::size_t n = 1 + rng() % 12, m = rng() % 40;
        const bool directed = rng() % 2 == 0;
        const int weight_kind = static_cast<int>(rng() % 3);  // none, exactly floats, doubles
        const Merge merge = static_cast<Merge>(rng() % 5);
        const SelfLoops loops = rng() % 2 ? SelfLoops::drop : SelfLoops::error;
        const bool allow_loops = rng() % 3 == 0;
        std::vector<NodeId> src, dst;
        std::vector<double> w;
        for (std::size_t i = 0; i < m; ++i) {
            NodeId a = static_cast<NodeId>(rng() % n), b = static_cast<NodeId>(rng() % n);
            if (a == b && !allow_loops) continue;
            src.push_back(a);
            dst.push_back(b);
            if (weight_kind == 1) w.push_back(static_cast<double>(rng() % 8) / 4.0);
            if (weight_kind == 2) w.push_back(static_cast<double>(rng() % 1000) / 7.0 + 0.1);
        }
        EdgeListOptions options;
        options.directed = directed;
        options.duplicates = merge;
        options.self_loops = loops;
        INFO("round " << round << " n " << n << " m " << src.size() << " directed " << directed << " merge "
                      << static_cast<int>(merge) << " weights " << weight_kind);

        // The independent build: key (a, b) (undirected: a < b), in record order.
        std::optional<std::string> error;
        for (std::size_t i = 0; i < src.size() && !error; ++i)
            if (src[i] == dst[i] && loops == SelfLoops::error)
                error = "edge " + std::to_string(i) + ": self-loop on node " + std::to_string(src[i]);
        std::map<std::pair<NodeId, NodeId>, std::vector<std::size_t>> records;
        for (std::size_t i = 0; i < src.size(); ++i) {
            if (src[i] == dst[i]) continue;
            const auto key = directed ? std::make_pair(src[i], dst[i])
                                      : std::make_pair(std::min(src[i], dst[i]), std::max(src[i], dst[i]));
            records[key].push_back(i);
        }
        std::map<std::pair<NodeId, NodeId>, double> merged;
        for (const auto& [key, list] : records) {
            double x = w.empty() ? 1.0 : w[list[0]];
            for (std::size_t j = 1; j < list.size(); ++j) {
                const double y = w.empty() ? 1.0 : w[list[j]];
                if (merge == Merge::error && !error)
                    error = "edge " + std::to_string(list[j]) + ": duplicate of edge " + std::to_string(list[0]);
                if (merge == Merge::sum) x += y;
                if (merge == Merge::max) x = std::max(x, y);
                if (merge == Merge::min) x = std::min(x, y);
            }
            merged[key] = w.empty() ? 1.0 : x;  // no weights given: the graph stays unweighted
        }

        if (error) {
            try {
                (void)Graph::from_edges(n, src, dst, w, options);
                FAIL("no error; expected " << *error);
            } catch (const input_error& e) {
                CHECK(std::string(e.what()).rfind(*error, 0) == 0);
                INFO(e.what());
            }
            ++refused;
            continue;
        }
        const Graph g = Graph::from_edges(n, src, dst, w, options);
        ++built;
        CHECK(g.num_edges() == merged.size());
        CHECK(g.weighted() == !w.empty());
        // Out-lists (undirected: both directions), sorted, with weights.
        std::vector<std::vector<std::pair<NodeId, double>>> out(n), in(n);
        for (const auto& [key, x] : merged) {
            out[key.first].emplace_back(key.second, x);
            if (directed)
                in[key.second].emplace_back(key.first, x);
            else
                out[key.second].emplace_back(key.first, x);
        }
        for (NodeId u = 0; u < n; ++u) {
            std::sort(out[u].begin(), out[u].end());
            std::sort(in[u].begin(), in[u].end());
            std::vector<std::pair<NodeId, double>> got, got_in;
            for (ArcId a = g.arc_begin(u); a < g.arc_end(u); ++a) got.emplace_back(g.arc_target(a), g.arc_weight(a));
            CHECK(got == out[u]);
            if (directed) {
                for (ArcId a = g.in_arc_begin(u); a < g.in_arc_end(u); ++a)
                    got_in.emplace_back(g.in_arc_source(a), g.in_arc_weight(a));
                CHECK(got_in == in[u]);
            }
        }
    }
    CHECK(built > 1000);
    CHECK(refused > 300);
}
