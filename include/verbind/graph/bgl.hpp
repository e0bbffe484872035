// Boost.Graph adaptors for verbind::Graph, so BGL algorithms run on the
// snapshot without copying it.
//
//   verbind::Graph         a directed, bidirectional BGL graph (an undirected
//                          Graph appears as a symmetric digraph: each edge as
//                          two arcs) — BFS, DFS, Dijkstra, ...
//   verbind::UndirectedBgl an undirected BGL graph over an undirected Graph —
//                          connected_components, biconnected_components, ...
//
// Vertices are NodeId, the vertex index map is the identity; edge weights are
// read through get(boost::edge_weight, g). Boost vertex descriptors are never
// part of verbind's public API.
#pragma once

#include "verbind/graph/graph.hpp"

#include <boost/graph/graph_traits.hpp>
#include <boost/graph/properties.hpp>
#include <boost/iterator/counting_iterator.hpp>
#include <boost/iterator/transform_iterator.hpp>
#include <boost/property_map/property_map.hpp>

#include <stdexcept>
#include <utility>

namespace verbind {

// An edge as BGL sees it: the arc's ends and weight.
struct BglEdge {
    NodeId source = 0;
    NodeId target = 0;
    double weight = 1.0;
    friend bool operator==(const BglEdge& x, const BglEdge& y) noexcept {
        return x.source == y.source && x.target == y.target;
    }
    friend bool operator!=(const BglEdge& x, const BglEdge& y) noexcept { return !(x == y); }
};

// Undirected BGL view of an undirected Graph (throws if given a directed one).
class UndirectedBgl {
public:
    explicit UndirectedBgl(const Graph& graph) : graph_(&graph) {
        if (graph.directed()) throw std::invalid_argument("UndirectedBgl needs an undirected graph");
    }
    const Graph& graph() const noexcept { return *graph_; }

private:
    const Graph* graph_;
};

namespace bgl_detail {

struct OutArc {
    const Graph* g = nullptr;
    NodeId u = 0;
    BglEdge operator()(ArcId a) const { return {u, g->arc_target(a), g->arc_weight(a)}; }
};
struct InArc {
    const Graph* g = nullptr;
    NodeId u = 0;
    BglEdge operator()(ArcId a) const { return {g->in_arc_source(a), u, g->in_arc_weight(a)}; }
};

using arc_iterator = boost::counting_iterator<ArcId>;
using out_edge_iterator = boost::transform_iterator<OutArc, arc_iterator, BglEdge, BglEdge>;
using in_edge_iterator = boost::transform_iterator<InArc, arc_iterator, BglEdge, BglEdge>;

// All edges: every arc (directed) or every arc u->v with u < v (undirected).
class edge_iterator : public boost::iterator_facade<edge_iterator, BglEdge, boost::forward_traversal_tag, BglEdge> {
public:
    edge_iterator() = default;
    edge_iterator(const Graph* g, NodeId u, ArcId a, bool once) : g_(g), u_(u), a_(a), once_(once) { settle(); }

private:
    friend class boost::iterator_core_access;
    void settle() {
        const NodeId n = static_cast<NodeId>(g_->num_nodes());
        while (u_ < n) {
            if (a_ >= g_->arc_end(u_)) {
                ++u_;
                if (u_ < n) a_ = g_->arc_begin(u_);
                continue;
            }
            if (once_ && g_->arc_target(a_) < u_) {
                ++a_;
                continue;
            }
            return;
        }
    }
    void increment() {
        ++a_;
        settle();
    }
    bool equal(const edge_iterator& o) const { return u_ == o.u_ && (u_ >= g_->num_nodes() || a_ == o.a_); }
    BglEdge dereference() const { return {u_, g_->arc_target(a_), g_->arc_weight(a_)}; }

    const Graph* g_ = nullptr;
    NodeId u_ = 0;
    ArcId a_ = 0;
    bool once_ = false;
};

template <class Directed, class Category>
struct traits_base {
    using vertex_descriptor = NodeId;
    using edge_descriptor = BglEdge;
    using directed_category = Directed;
    using edge_parallel_category = boost::disallow_parallel_edge_tag;
    using traversal_category = Category;
    using vertex_iterator = boost::counting_iterator<NodeId>;
    using out_edge_iterator = bgl_detail::out_edge_iterator;
    using in_edge_iterator = bgl_detail::in_edge_iterator;
    using adjacency_iterator = const NodeId*;
    using edge_iterator = bgl_detail::edge_iterator;
    using vertices_size_type = std::size_t;
    using edges_size_type = std::size_t;
    using degree_size_type = std::size_t;
    static vertex_descriptor null_vertex() { return static_cast<NodeId>(-1); }
};

struct directed_traversal : boost::bidirectional_graph_tag,
                            boost::adjacency_graph_tag,
                            boost::vertex_list_graph_tag,
                            boost::edge_list_graph_tag {};
struct undirected_traversal : boost::incidence_graph_tag,
                              boost::adjacency_graph_tag,
                              boost::vertex_list_graph_tag,
                              boost::edge_list_graph_tag {};

// Edge weight map: reads the weight carried by the descriptor.
struct weight_map {
    using key_type = BglEdge;
    using value_type = double;
    using reference = double;
    using category = boost::readable_property_map_tag;
};
inline double get(const weight_map&, const BglEdge& e) noexcept { return e.weight; }

}  // namespace bgl_detail

// --- free functions for verbind::Graph (found by ADL) -------------------------
inline std::pair<boost::counting_iterator<NodeId>, boost::counting_iterator<NodeId>> vertices(const Graph& g) {
    return {boost::counting_iterator<NodeId>(0),
            boost::counting_iterator<NodeId>(static_cast<NodeId>(g.num_nodes()))};
}
inline std::size_t num_vertices(const Graph& g) { return g.num_nodes(); }
// BGL counts arcs for directed graphs; an undirected Graph seen as a digraph has 2m.
inline std::size_t num_edges(const Graph& g) { return g.directed() ? g.num_edges() : 2 * g.num_edges(); }
inline NodeId source(const BglEdge& e, const Graph&) { return e.source; }
inline NodeId target(const BglEdge& e, const Graph&) { return e.target; }
inline std::pair<bgl_detail::out_edge_iterator, bgl_detail::out_edge_iterator> out_edges(NodeId u, const Graph& g) {
    bgl_detail::OutArc f{&g, u};
    return {bgl_detail::out_edge_iterator(bgl_detail::arc_iterator(g.arc_begin(u)), f),
            bgl_detail::out_edge_iterator(bgl_detail::arc_iterator(g.arc_end(u)), f)};
}
inline std::pair<bgl_detail::in_edge_iterator, bgl_detail::in_edge_iterator> in_edges(NodeId u, const Graph& g) {
    bgl_detail::InArc f{&g, u};
    return {bgl_detail::in_edge_iterator(bgl_detail::arc_iterator(g.in_arc_begin(u)), f),
            bgl_detail::in_edge_iterator(bgl_detail::arc_iterator(g.in_arc_end(u)), f)};
}
inline std::size_t out_degree(NodeId u, const Graph& g) { return g.out_degree(u); }
inline std::size_t in_degree(NodeId u, const Graph& g) { return g.in_degree(u); }
inline std::size_t degree(NodeId u, const Graph& g) { return g.out_degree(u) + g.in_degree(u); }
inline std::pair<const NodeId*, const NodeId*> adjacent_vertices(NodeId u, const Graph& g) {
    const auto list = g.neighbors(u);
    return {list.data(), list.data() + list.size()};
}
inline std::pair<bgl_detail::edge_iterator, bgl_detail::edge_iterator> edges(const Graph& g) {
    const NodeId n = static_cast<NodeId>(g.num_nodes());
    return {bgl_detail::edge_iterator(&g, 0, n ? g.arc_begin(0) : 0, false),
            bgl_detail::edge_iterator(&g, n, 0, false)};
}
inline std::pair<BglEdge, bool> edge(NodeId u, NodeId v, const Graph& g) {
    const auto w = g.edge_weight(u, v);
    return {BglEdge{u, v, w.value_or(0.0)}, w.has_value()};
}
inline boost::typed_identity_property_map<NodeId> get(boost::vertex_index_t, const Graph&) { return {}; }
inline bgl_detail::weight_map get(boost::edge_weight_t, const Graph&) { return {}; }

// --- free functions for UndirectedBgl -----------------------------------------
inline auto vertices(const UndirectedBgl& g) { return vertices(g.graph()); }
inline std::size_t num_vertices(const UndirectedBgl& g) { return g.graph().num_nodes(); }
inline std::size_t num_edges(const UndirectedBgl& g) { return g.graph().num_edges(); }
inline NodeId source(const BglEdge& e, const UndirectedBgl&) { return e.source; }
inline NodeId target(const BglEdge& e, const UndirectedBgl&) { return e.target; }
inline auto out_edges(NodeId u, const UndirectedBgl& g) { return out_edges(u, g.graph()); }
inline std::size_t out_degree(NodeId u, const UndirectedBgl& g) { return g.graph().degree(u); }
inline std::size_t degree(NodeId u, const UndirectedBgl& g) { return g.graph().degree(u); }
inline auto adjacent_vertices(NodeId u, const UndirectedBgl& g) { return adjacent_vertices(u, g.graph()); }
inline std::pair<bgl_detail::edge_iterator, bgl_detail::edge_iterator> edges(const UndirectedBgl& ug) {
    const Graph& g = ug.graph();
    const NodeId n = static_cast<NodeId>(g.num_nodes());
    return {bgl_detail::edge_iterator(&g, 0, n ? g.arc_begin(0) : 0, true),
            bgl_detail::edge_iterator(&g, n, 0, true)};
}
inline std::pair<BglEdge, bool> edge(NodeId u, NodeId v, const UndirectedBgl& g) { return edge(u, v, g.graph()); }
inline boost::typed_identity_property_map<NodeId> get(boost::vertex_index_t, const UndirectedBgl&) { return {}; }
inline bgl_detail::weight_map get(boost::edge_weight_t, const UndirectedBgl&) { return {}; }

}  // namespace verbind

namespace boost {

template <>
struct graph_traits<verbind::Graph>
    : verbind::bgl_detail::traits_base<directed_tag, verbind::bgl_detail::directed_traversal> {};
template <>
struct graph_traits<const verbind::Graph> : graph_traits<verbind::Graph> {};
template <>
struct graph_traits<verbind::UndirectedBgl>
    : verbind::bgl_detail::traits_base<undirected_tag, verbind::bgl_detail::undirected_traversal> {};
template <>
struct graph_traits<const verbind::UndirectedBgl> : graph_traits<verbind::UndirectedBgl> {};

template <>
struct property_map<verbind::Graph, vertex_index_t> {
    using type = typed_identity_property_map<verbind::NodeId>;
    using const_type = type;
};
template <>
struct property_map<verbind::Graph, edge_weight_t> {
    using type = verbind::bgl_detail::weight_map;
    using const_type = type;
};
template <>
struct property_map<verbind::UndirectedBgl, vertex_index_t> {
    using type = typed_identity_property_map<verbind::NodeId>;
    using const_type = type;
};
template <>
struct property_map<verbind::UndirectedBgl, edge_weight_t> {
    using type = verbind::bgl_detail::weight_map;
    using const_type = type;
};

template <>
struct property_traits<verbind::bgl_detail::weight_map> {
    using key_type = verbind::BglEdge;
    using value_type = double;
    using reference = double;
    using category = readable_property_map_tag;
};

}  // namespace boost
