// k-cores (Batagelj & Zaversnik, "An O(m) algorithm for cores decomposition
// of networks", 2003), components, and articulation points and bridges by
// one iterative depth-first search (Hopcroft & Tarjan 1973).
#include "verbind/socialmap/structure.hpp"

#include "verbind/error.hpp"

#include <algorithm>
#include <numeric>
#include <string>
#include <string_view>

namespace verbind {

std::vector<std::uint32_t> core_number(const Graph& graph) {
    const std::size_t n = graph.num_nodes();
    const bool directed = graph.directed();
    std::vector<std::uint32_t> degree(n);
    std::uint32_t max_degree = 0;
    for (NodeId v = 0; v < n; ++v) {
        degree[v] = static_cast<std::uint32_t>(directed ? graph.out_degree(v) + graph.in_degree(v) : graph.degree(v));
        max_degree = std::max(max_degree, degree[v]);
    }
    // Bucket sort by degree: vert in degree order, pos[v] its place, bin[d]
    // the first place of degree d.
    std::vector<std::size_t> bin(std::size_t{max_degree} + 2, 0);
    for (NodeId v = 0; v < n; ++v) ++bin[degree[v] + 1];
    for (std::size_t d = 1; d < bin.size(); ++d) bin[d] += bin[d - 1];
    std::vector<NodeId> vert(n);
    std::vector<std::size_t> pos(n);
    {
        std::vector<std::size_t> fill(bin.begin(), bin.end() - 1);
        for (NodeId v = 0; v < n; ++v) {
            pos[v] = fill[degree[v]]++;
            vert[pos[v]] = v;
        }
    }
    auto lower = [&](NodeId u, NodeId v) {
        if (degree[u] > degree[v]) {
            const std::uint32_t du = degree[u];
            const std::size_t pu = pos[u], pw = bin[du];
            const NodeId w = vert[pw];
            if (u != w) {
                pos[u] = pw;
                vert[pu] = w;
                pos[w] = pu;
                vert[pw] = u;
            }
            ++bin[du];
            --degree[u];
        }
    };
    for (std::size_t i = 0; i < n; ++i) {
        const NodeId v = vert[i];
        for (NodeId u : graph.neighbors(v)) lower(u, v);
        if (directed)
            for (NodeId u : graph.in_neighbors(v)) lower(u, v);
    }
    return degree;
}

std::vector<std::uint32_t> components(const Graph& graph) {
    const std::size_t n = graph.num_nodes();
    constexpr std::uint32_t none = ~std::uint32_t{0};
    std::vector<std::uint32_t> label(n, none);
    std::vector<NodeId> stack;
    std::uint32_t next = 0;
    for (NodeId s = 0; s < n; ++s) {
        if (label[s] != none) continue;
        label[s] = next;
        stack.push_back(s);
        while (!stack.empty()) {
            const NodeId v = stack.back();
            stack.pop_back();
            for (NodeId w : graph.neighbors(v))
                if (label[w] == none) label[w] = next, stack.push_back(w);
            if (graph.directed())
                for (NodeId w : graph.in_neighbors(v))
                    if (label[w] == none) label[w] = next, stack.push_back(w);
        }
        ++next;
    }
    return label;
}

namespace {

// One depth-first search over every component, recording discovery times and
// low points; calls on_tree_edge(parent, child) after the child is finished.
template <class OnFinish>
void depth_first(const Graph& graph, std::string_view function, std::vector<std::uint32_t>& disc,
                 std::vector<std::uint32_t>& low, std::vector<NodeId>& root_children, OnFinish&& on_finish) {
    if (graph.directed())
        throw input_error(std::string(function) +
                          ": not defined for directed graphs (as networkx); build an undirected graph");
    const std::size_t n = graph.num_nodes();
    constexpr std::uint32_t none = ~std::uint32_t{0};
    disc.assign(n, none);
    low.assign(n, none);
    root_children.assign(n, 0);
    struct Frame {
        NodeId v, parent;
        ArcId next;
    };
    std::vector<Frame> stack;
    std::uint32_t time = 0;
    for (NodeId root = 0; root < n; ++root) {
        if (disc[root] != none) continue;
        disc[root] = low[root] = time++;
        stack.push_back({root, root, graph.arc_begin(root)});
        while (!stack.empty()) {
            Frame& f = stack.back();
            if (f.next < graph.arc_end(f.v)) {
                const NodeId w = graph.arc_target(f.next++);
                if (disc[w] == none) {
                    disc[w] = low[w] = time++;
                    stack.push_back({w, f.v, graph.arc_begin(w)});
                } else if (w != f.parent) {
                    low[f.v] = std::min(low[f.v], disc[w]);
                }
            } else {
                const Frame done = f;
                stack.pop_back();
                if (!stack.empty()) {
                    low[done.parent] = std::min(low[done.parent], low[done.v]);
                    if (done.parent == root) ++root_children[root];
                    on_finish(done.parent, done.v, root);
                }
            }
        }
    }
}

}  // namespace

std::vector<NodeId> articulation_points(const Graph& graph) {
    std::vector<std::uint32_t> disc, low;
    std::vector<NodeId> root_children;
    std::vector<char> is_cut(graph.num_nodes(), 0);
    depth_first(graph, "articulation_points", disc, low, root_children,
                [&](NodeId parent, NodeId child, NodeId root) {
                    if (parent != root && low[child] >= disc[parent]) is_cut[parent] = 1;
                });
    // A DFS root is a cut vertex when it has two or more tree children.
    std::vector<NodeId> out;
    for (NodeId v = 0; v < graph.num_nodes(); ++v)
        if (is_cut[v] || root_children[v] >= 2) out.push_back(v);
    return out;
}

std::vector<std::pair<NodeId, NodeId>> bridges(const Graph& graph) {
    std::vector<std::uint32_t> disc, low;
    std::vector<NodeId> root_children;
    std::vector<std::pair<NodeId, NodeId>> out;
    depth_first(graph, "bridges", disc, low, root_children, [&](NodeId parent, NodeId child, NodeId) {
        if (low[child] > disc[parent]) out.emplace_back(std::min(parent, child), std::max(parent, child));
    });
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace verbind
