// The one place verbind instantiates Boost.Graph's Fruchterman-Reingold
// layout (a heavy template): over an UndirectedBgl of the drawn graph.
#include "verbind/report/layout.hpp"

#include "verbind/error.hpp"
#include "verbind/graph/bgl.hpp"
#include "verbind/util/random.hpp"

#include <boost/graph/fruchterman_reingold.hpp>
#include <boost/graph/topology.hpp>
#include <boost/property_map/property_map.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>

namespace verbind {

namespace {

// verbind::Rng as the engine behind the topology's random_point(), which
// Boost uses to pull apart two nodes that land on the same spot: the layout
// then depends on the seed only, never on a library's generator.
class LayoutEngine {
public:
    using result_type = std::uint32_t;
    explicit LayoutEngine(std::uint64_t seed) : rng_(seed, 1) {}
    static constexpr result_type min() noexcept { return 0; }
    static constexpr result_type max() noexcept { return std::numeric_limits<result_type>::max(); }
    result_type operator()() noexcept { return static_cast<result_type>(rng_.next() >> 32); }

private:
    Rng rng_;
};

// Boost's grid of repulsion buckets is sized from the square's area as if
// it were a length; in a unit square the two agree, so the layout runs there.
using Topology = boost::rectangle_topology<LayoutEngine>;
using Point = Topology::point_type;

}  // namespace

void LayoutOptions::validate() const {
    if (iterations == 0) throw input_error("force_directed_layout: iterations must be at least 1");
}

std::vector<LayoutPoint> force_directed_layout(const Graph& graph, const LayoutOptions& options) {
    options.validate();
    if (graph.directed()) throw input_error("force_directed_layout: the graph must be undirected");
    const std::size_t n = graph.num_nodes();
    const std::uint64_t seed = seed_or_default(options.seed);
    std::vector<LayoutPoint> out(n, LayoutPoint{0.5, 0.5});
    if (n <= 1) return out;  // nothing pushes a lone node: Boost would divide 0 by 0

    Rng start(seed, 0);
    std::vector<Point> position(n);
    for (auto& p : position) {
        p[0] = start.uniform() - 0.5;
        p[1] = start.uniform() - 0.5;
    }
    LayoutEngine engine(seed);
    const Topology topology(engine, -0.5, -0.5, 0.5, 0.5);
    std::vector<Topology::point_difference_type> displacement(n);
    const UndirectedBgl bgl(graph);
    auto position_map =
        boost::make_iterator_property_map(position.begin(), boost::typed_identity_property_map<NodeId>());
    // The first steps may move a node a tenth of the square; the
    // temperature then falls linearly to zero.
    boost::fruchterman_reingold_force_directed_layout(
        bgl, position_map, topology, boost::square_distance_attractive_force(),
        boost::square_distance_repulsive_force(), boost::make_grid_force_pairs(topology, position_map, bgl),
        boost::linear_cooling<double>(options.iterations, 0.1),
        boost::make_iterator_property_map(displacement.begin(), boost::typed_identity_property_map<NodeId>()));

    // A node whose forces cancel exactly gets 0/0 from Boost: it stays in
    // the middle rather than let a NaN into a drawing.
    double low_x = 1, low_y = 1, high_x = -1, high_y = -1;
    for (const Point& p : position)
        if (std::isfinite(p[0]) && std::isfinite(p[1])) {
            low_x = std::min(low_x, p[0]);
            high_x = std::max(high_x, p[0]);
            low_y = std::min(low_y, p[1]);
            high_y = std::max(high_y, p[1]);
        }
    // Fruchterman-Reingold settles in a ball smaller than its square: scale
    // the drawing up to fill it, the same factor both ways, centred.
    const double span = std::max(high_x - low_x, high_y - low_y);
    if (!(span > 0)) return out;
    const double mid_x = (low_x + high_x) / 2, mid_y = (low_y + high_y) / 2;
    for (std::size_t v = 0; v < n; ++v) {
        if (!std::isfinite(position[v][0]) || !std::isfinite(position[v][1])) continue;
        out[v] = LayoutPoint{std::clamp(0.5 + (position[v][0] - mid_x) / span, 0.0, 1.0),
                             std::clamp(0.5 + (position[v][1] - mid_y) / span, 0.0, 1.0)};
    }
    return out;
}

std::vector<NodeId> drawing_subset(const Graph& graph, std::size_t max_nodes) {
    constexpr NodeId unvisited = std::numeric_limits<NodeId>::max();
    if (graph.directed()) throw input_error("drawing_subset: the graph must be undirected");
    if (max_nodes == 0) throw input_error("drawing_subset: max_nodes must be at least 1");
    const auto n = static_cast<NodeId>(graph.num_nodes());
    std::vector<NodeId> component(n, unvisited);
    std::vector<NodeId> queue;
    NodeId best_root = unvisited;
    std::size_t best_size = 0;
    for (NodeId s = 0; s < n; ++s) {
        if (component[s] != unvisited) continue;
        queue.assign(1, s);
        component[s] = s;
        for (std::size_t head = 0; head < queue.size(); ++head)
            for (NodeId v : graph.neighbors(queue[head]))
                if (component[v] == unvisited) {
                    component[v] = s;
                    queue.push_back(v);
                }
        if (queue.size() > best_size) {
            best_size = queue.size();
            best_root = s;
        }
    }
    std::vector<NodeId> chosen;
    if (best_root == unvisited) return chosen;
    NodeId hub = best_root;
    for (NodeId v = 0; v < n; ++v)
        if (component[v] == best_root && graph.degree(v) > graph.degree(hub)) hub = v;
    std::vector<std::uint8_t> seen(n, 0);
    chosen.push_back(hub);
    seen[hub] = 1;
    for (std::size_t head = 0; head < chosen.size() && chosen.size() < max_nodes; ++head)
        for (NodeId v : graph.neighbors(chosen[head])) {  // neighbours come sorted by index
            if (seen[v]) continue;
            seen[v] = 1;
            chosen.push_back(v);
            if (chosen.size() == max_nodes) break;
        }
    std::sort(chosen.begin(), chosen.end());
    return chosen;
}

}  // namespace verbind
