#include "verbind/reach/hops.hpp"

#include "verbind/error.hpp"

#include <string>

namespace verbind {

std::vector<std::int32_t> hop_reach(const Graph& graph, std::span<const NodeId> seeds, const HopOptions& options) {
    options.validate();
    const std::size_t n = graph.num_nodes();
    for (std::size_t i = 0; i < seeds.size(); ++i)
        if (seeds[i] >= n)
            throw input_error("seed " + std::to_string(i) + ": node " + std::to_string(seeds[i]) +
                              " is out of range (n = " + std::to_string(n) + ")");
    std::vector<std::int32_t> distance(n, -1);
    std::vector<NodeId> frontier, next;
    std::size_t unvisited_arcs = 0;  // arcs into unvisited nodes, for the switch heuristic
    for (NodeId v = 0; v < n; ++v) unvisited_arcs += graph.in_degree(v);
    for (NodeId s : seeds)
        if (distance[s] < 0) {
            distance[s] = 0;
            frontier.push_back(s);
            unvisited_arcs -= graph.in_degree(s);
        }
    const std::uint32_t limit = options.hops ? *options.hops : UINT32_MAX;
    // Beamer et al. 2012, Sec. 3: go bottom-up when the frontier's arcs
    // exceed the unvisited nodes' arcs / alpha, back top-down when the
    // frontier shrinks below n / beta.
    constexpr std::size_t alpha = 14, beta = 24;
    bool bottom_up = false;
    std::int32_t level = 0;
    while (!frontier.empty() && static_cast<std::uint32_t>(level) < limit) {
        std::size_t frontier_arcs = 0;
        for (NodeId u : frontier) frontier_arcs += graph.out_degree(u);
        if (!bottom_up && frontier_arcs > unvisited_arcs / alpha)
            bottom_up = true;
        else if (bottom_up && frontier.size() < n / beta)
            bottom_up = false;
        next.clear();
        const std::int32_t reached = level + 1;
        if (bottom_up) {
            for (NodeId v = 0; v < n; ++v) {
                if (distance[v] >= 0) continue;
                for (NodeId w : graph.in_neighbors(v))
                    if (distance[w] == level) {
                        distance[v] = reached;
                        next.push_back(v);
                        break;
                    }
            }
        } else {
            for (NodeId u : frontier)
                for (NodeId v : graph.neighbors(u))
                    if (distance[v] < 0) {
                        distance[v] = reached;
                        next.push_back(v);
                    }
        }
        for (NodeId v : next) unvisited_arcs -= graph.in_degree(v);
        frontier.swap(next);
        level = reached;
    }
    return distance;
}

}  // namespace verbind
