// Leiden (Traag, Waltman & van Eck, "From Louvain to Leiden: guaranteeing
// well-connected communities", Sci. Rep. 9:5233, 2019) and Louvain (Blondel,
// Guillaume, Lambiotte & Lefebvre, J. Stat. Mech. 2008) for modularity with a
// resolution parameter, and Newman-Girvan modularity as networkx computes it.
//
// Both methods run sequentially: one random stream drives the node orders and
// the refinement's random choices, so labels depend on the seed only and never
// on `threads` (which is accepted for API symmetry and documented as unused).
#include "verbind/socialmap/communities.hpp"

#include "verbind/error.hpp"
#include "verbind/graph/labels.hpp"
#include "verbind/util/random.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>

namespace verbind {

namespace {

// A weighted undirected graph between aggregate nodes. Arcs inside a node
// (self-loops after aggregation) are left out: they do not change any move's
// gain, and each node's weight keeps the full strength of its members.
struct Level {
    std::vector<std::size_t> offsets;
    std::vector<NodeId> targets;
    std::vector<double> weights;
    std::vector<double> strength;  // k_v: total strength of the members

    std::size_t size() const { return strength.size(); }
};

Level level_from_graph(const Graph& graph) {
    Level level;
    const std::size_t n = graph.num_nodes();
    level.offsets.resize(n + 1);
    level.targets.reserve(graph.num_edges() * 2);
    level.weights.reserve(graph.num_edges() * 2);
    level.strength.assign(n, 0.0);
    graph.visit_weights([&](auto weights) {
        for (NodeId u = 0; u < n; ++u) {
            level.offsets[u] = level.targets.size();
            double sum = 0.0;
            for (ArcId a = graph.arc_begin(u); a < graph.arc_end(u); ++a) {
                double w = 1.0;
                if constexpr (!std::is_same_v<decltype(weights), std::nullptr_t>) w = weights[a];
                level.targets.push_back(graph.arc_target(a));
                level.weights.push_back(w);
                sum += w;
            }
            level.strength[u] = sum;
        }
    });
    level.offsets[n] = level.targets.size();
    return level;
}

// Weights from one node to each neighbouring cluster, gathered without
// clearing an n-sized array per node. A cluster's weight and its mark share
// one slot (one cache miss per arc, not two).
class ClusterWeights {
public:
    explicit ClusterWeights(std::size_t n) : slot_(n) {}
    void clear() {
        for (NodeId c : touched_) slot_[c].seen = false;
        touched_.clear();
    }
    void add(NodeId cluster, double w) {
        Slot& s = slot_[cluster];
        if (!s.seen) {
            s.seen = true;
            s.weight = w;
            touched_.push_back(cluster);
        } else {
            s.weight += w;
        }
    }
    double operator[](NodeId cluster) const { return slot_[cluster].seen ? slot_[cluster].weight : 0.0; }
    // For a cluster in touched().
    double touched_weight(NodeId cluster) const { return slot_[cluster].weight; }
    const std::vector<NodeId>& touched() const { return touched_; }

private:
    struct Slot {
        double weight = 0.0;
        bool seen = false;
    };
    std::vector<Slot> slot_;
    std::vector<NodeId> touched_;
};

// Move gains are compared with a small tolerance so that rounding noise
// cannot make a node hop back and forth between equally good clusters.
constexpr double gain_tolerance = 1e-12;

// Lets the callback in (and cancel) during a pass: one pass over a large
// graph can take seconds. Progress::report keeps to one call per ~0.1 s.
struct Heartbeat {
    Progress& progress;
    double at = 0.0;  // the fraction reported: the pass's start
    std::uint32_t steps = 0;
    void tick() {
        if ((++steps & 4095) == 0) progress.report(at);
    }
};

// Fast local moving (Leiden paper, Alg. A.2 MoveNodesFast): visit nodes from a
// queue in random order; a node that moves puts its neighbours outside its new
// cluster back on the queue. Returns whether any node moved.
bool move_nodes_fast(const Level& level, std::vector<NodeId>& cluster_of, double gamma_over_2m, Rng& rng,
                     Heartbeat& beat) {
    const std::size_t n = level.size();
    std::vector<double> cluster_strength_v(n, 0.0);
    std::vector<std::uint32_t> cluster_size_v(n, 0);
    double* cluster_strength = cluster_strength_v.data();
    std::uint32_t* cluster_size = cluster_size_v.data();
    NodeId* cluster = cluster_of.data();
    const std::size_t* offsets = level.offsets.data();
    const NodeId* targets = level.targets.data();
    const double* weights = level.weights.data();
    const double* strength = level.strength.data();
    for (NodeId v = 0; v < n; ++v) {
        cluster_strength[cluster[v]] += strength[v];
        ++cluster_size[cluster[v]];
    }
    std::vector<NodeId> empty_clusters;
    for (NodeId c = n; c-- > 0;)
        if (cluster_size[c] == 0) empty_clusters.push_back(c);

    std::vector<NodeId> queue_v(n);
    NodeId* queue = queue_v.data();
    std::iota(queue_v.begin(), queue_v.end(), NodeId{0});
    rng.shuffle(queue_v.begin(), queue_v.end());
    std::vector<char> queued_v(n, 1);
    char* queued = queued_v.data();
    std::size_t head = 0, count = n;  // ring buffer over `queue`
    ClusterWeights to_cluster(n);
    bool moved_any = false;

    while (count > 0) {
        beat.tick();
        const NodeId v = queue[head];
        head = head + 1 == n ? 0 : head + 1;
        --count;
        queued[v] = 0;
        // The next node's arcs are a random place in memory: ask for them now.
        if (count > 0) {
            const NodeId u = queue[head];
            __builtin_prefetch(targets + offsets[u]);
            __builtin_prefetch(weights + offsets[u]);
        }

        const NodeId current = cluster[v];
        const double k_v = strength[v];
        to_cluster.clear();
        const std::size_t a0 = offsets[v], a1 = offsets[v + 1];
        for (std::size_t a = a0; a < a1; ++a) to_cluster.add(cluster[targets[a]], weights[a]);

        cluster_strength[current] -= k_v;
        --cluster_size[current];
        NodeId best = current;
        double best_gain = to_cluster[current] - gamma_over_2m * k_v * cluster_strength[current];
        for (NodeId c : to_cluster.touched()) {
            if (c == current) continue;
            const double gain = to_cluster.touched_weight(c) - gamma_over_2m * k_v * cluster_strength[c];
            if (gain > best_gain + gain_tolerance * (std::abs(best_gain) + k_v)) {
                best = c;
                best_gain = gain;
            }
        }
        // An empty cluster has gain 0: better when every neighbour cluster costs.
        if (best_gain < -gain_tolerance * k_v && cluster_size[current] > 0) {
            best = empty_clusters.back();
            empty_clusters.pop_back();
        }
        cluster_strength[best] += k_v;
        ++cluster_size[best];
        cluster[v] = best;
        if (best != current) {
            moved_any = true;
            if (cluster_size[current] == 0) empty_clusters.push_back(current);
            for (std::size_t a = a0; a < a1; ++a) {
                const NodeId t = targets[a];
                if (!queued[t] && cluster[t] != best) {
                    std::size_t at = head + count;
                    if (at >= n) at -= n;
                    queue[at] = t;
                    ++count;
                    queued[t] = 1;
                }
            }
        }
    }
    return moved_any;
}

// Refinement (Leiden paper, Alg. A.2 RefinePartition / MergeNodesSubset):
// within each cluster of `cluster`, start from singletons and merge each
// still-singleton, well-connected node into a well-connected sub-cluster of
// the same cluster, chosen at random with probability proportional to
// exp(gain / theta) among non-negative gains. Returns a refined cluster per
// node (ids are node ids of a member).
std::vector<NodeId> refine(const Level& level, const std::vector<NodeId>& cluster, double gamma_over_2m,
                           Heartbeat& beat, Rng& rng) {
    constexpr double theta = 0.01;  // the paper's and igraph's randomness
    const std::size_t n = level.size();
    std::vector<double> cluster_strength(n, 0.0);
    for (NodeId v = 0; v < n; ++v) cluster_strength[cluster[v]] += level.strength[v];

    std::vector<NodeId> refined(n);
    std::iota(refined.begin(), refined.end(), NodeId{0});
    std::vector<double> refined_strength = level.strength;
    std::vector<std::uint32_t> refined_size(n, 1);
    // External weight of each refined cluster towards the rest of its cluster.
    std::vector<double> external(n, 0.0);
    const std::size_t* offsets = level.offsets.data();
    const NodeId* targets = level.targets.data();
    const double* weights = level.weights.data();
    const NodeId* cluster_of = cluster.data();
    for (NodeId v = 0; v < n; ++v) {
        const NodeId c = cluster_of[v];
        double sum = 0.0;
        for (std::size_t a = offsets[v]; a < offsets[v + 1]; ++a)
            if (cluster_of[targets[a]] == c) sum += weights[a];
        external[v] = sum;
    }

    std::vector<NodeId> order(n);
    std::iota(order.begin(), order.end(), NodeId{0});
    rng.shuffle(order.begin(), order.end());
    ClusterWeights to_refined(n);
    std::vector<NodeId> candidates;
    std::vector<double> candidate_gain;

    for (NodeId v : order) {
        beat.tick();
        if (refined_size[refined[v]] != 1) continue;
        const NodeId c = cluster[v];
        const double k_v = level.strength[v];
        if (external[v] < gamma_over_2m * k_v * (cluster_strength[c] - k_v)) continue;

        to_refined.clear();
        for (std::size_t a = offsets[v]; a < offsets[v + 1]; ++a) {
            const NodeId t = targets[a];
            if (cluster_of[t] == c) to_refined.add(refined[t], weights[a]);
        }
        candidates.assign(1, v);  // staying alone: gain 0
        candidate_gain.assign(1, 0.0);
        double max_gain = 0.0;
        for (NodeId s : to_refined.touched()) {
            if (s == v) continue;
            const double k_s = refined_strength[s];
            if (external[s] < gamma_over_2m * k_s * (cluster_strength[c] - k_s)) continue;
            const double gain = to_refined[s] - gamma_over_2m * k_v * k_s;
            if (gain < 0) continue;
            candidates.push_back(s);
            candidate_gain.push_back(gain);
            max_gain = std::max(max_gain, gain);
        }
        if (candidates.size() == 1) continue;
        double total = 0.0;
        for (double& g : candidate_gain) {
            // exp underflows to 0 below -745.2 (through its slow path): 0 directly.
            const double x = (g - max_gain) / theta;
            g = x < -746.0 ? 0.0 : std::exp(x);
            total += g;
        }
        double pick = rng.uniform() * total;
        std::size_t chosen = candidates.size() - 1;
        for (std::size_t i = 0; i < candidates.size(); ++i) {
            if (pick < candidate_gain[i]) {
                chosen = i;
                break;
            }
            pick -= candidate_gain[i];
        }
        const NodeId s = candidates[chosen];
        if (s == v) continue;
        refined[v] = s;
        --refined_size[v];
        ++refined_size[s];
        refined_strength[s] += k_v;
        external[s] = external[s] - to_refined[s] + (external[v] - to_refined[s]);
    }
    return refined;
}

// Collapses each group of `group` (ids < n) into one node, numbered in order
// of first appearance. Returns the new level and each old node's new id.
Level aggregate(const Level& level, const std::vector<NodeId>& group, std::vector<NodeId>& new_id) {
    const std::size_t n = level.size();
    constexpr NodeId none = ~NodeId{0};
    std::vector<NodeId> dense(n, none);
    NodeId groups = 0;
    for (NodeId v = 0; v < n; ++v)
        if (dense[group[v]] == none) dense[group[v]] = groups++;
    new_id.resize(n);
    for (NodeId v = 0; v < n; ++v) new_id[v] = dense[group[v]];

    // Members of each new node, by counting sort.
    std::vector<std::size_t> start(groups + 1, 0);
    for (NodeId v = 0; v < n; ++v) ++start[new_id[v] + 1];
    for (NodeId g = 0; g < groups; ++g) start[g + 1] += start[g];
    std::vector<NodeId> members(n);
    {
        std::vector<std::size_t> fill(start.begin(), start.end() - 1);
        for (NodeId v = 0; v < n; ++v) members[fill[new_id[v]]++] = v;
    }

    Level next;
    next.offsets.resize(groups + 1);
    next.strength.assign(groups, 0.0);
    // At most as many arcs as the level has: no regrowth, trimmed at the end.
    next.targets.resize(level.targets.size());
    next.weights.resize(level.targets.size());
    const std::size_t* offsets = level.offsets.data();
    const NodeId* targets = level.targets.data();
    const double* weights = level.weights.data();
    const NodeId* id = new_id.data();
    NodeId* out_target = next.targets.data();
    double* out_weight = next.weights.data();
    std::size_t arcs = 0;
    ClusterWeights to_group(groups);
    for (NodeId g = 0; g < groups; ++g) {
        next.offsets[g] = arcs;
        to_group.clear();
        double strength = 0.0;
        for (std::size_t i = start[g]; i < start[g + 1]; ++i) {
            const NodeId v = members[i];
            strength += level.strength[v];
            for (std::size_t a = offsets[v]; a < offsets[v + 1]; ++a) {
                const NodeId h = id[targets[a]];
                if (h != g) to_group.add(h, weights[a]);
            }
        }
        next.strength[g] = strength;
        for (NodeId h : to_group.touched()) {
            out_target[arcs] = h;
            out_weight[arcs] = to_group.touched_weight(h);
            ++arcs;
        }
    }
    next.offsets[groups] = arcs;
    next.targets.resize(arcs);
    next.targets.shrink_to_fit();
    next.weights.resize(arcs);
    next.weights.shrink_to_fit();
    return next;
}

// Labels 0..k-1 in order of each community's lowest node index.
std::vector<NodeId> renumber(const std::vector<NodeId>& labels) {
    constexpr NodeId none = ~NodeId{0};
    NodeId largest = 0;
    for (NodeId l : labels) largest = std::max(largest, l);
    std::vector<NodeId> dense(labels.empty() ? 0 : std::size_t{largest} + 1, none);
    std::vector<NodeId> out(labels.size());
    NodeId next = 0;
    for (std::size_t v = 0; v < labels.size(); ++v) {
        if (dense[labels[v]] == none) dense[labels[v]] = next++;
        out[v] = dense[labels[v]];
    }
    return out;
}

// One pass of Leiden or Louvain from `labels` (a partition of the original
// nodes with ids < n). Returns whether the partition changed.
bool one_pass(const Level& base, std::vector<NodeId>& labels, bool leiden, double gamma_over_2m, Rng& rng,
              Heartbeat& beat) {
    Level owned;
    const Level* current = &base;                // the current aggregate graph
    std::vector<NodeId> node_of(labels.size());  // original node -> aggregate node
    std::iota(node_of.begin(), node_of.end(), NodeId{0});
    std::vector<NodeId> cluster = labels;  // partition of aggregate nodes
    bool changed = false;
    int stalled = 0;  // rounds in a row whose aggregate did not shrink
    for (;;) {
        const Level& level = *current;
        const bool moved = move_nodes_fast(level, cluster, gamma_over_2m, rng, beat);
        changed = changed || moved;
        std::size_t clusters = 0;
        {
            std::vector<char> used(level.size(), 0);
            for (NodeId c : cluster)
                if (!used[c]) used[c] = 1, ++clusters;
        }
        if (clusters == level.size()) break;  // every cluster is one aggregate node

        std::vector<NodeId> new_id;
        Level next;
        std::vector<NodeId> next_cluster;
        if (leiden) {
            const std::vector<NodeId> refined = refine(level, cluster, gamma_over_2m, beat, rng);
            next = aggregate(level, refined, new_id);
            // A refinement that merges nothing leaves the aggregate as large
            // as the level, and without a move the next round would be this
            // one again, for ever (ties of weight 0 and 5e-324, found by
            // fuzz_capi_arrays): stop here. Moves that never let the graph
            // shrink get one more round.
            stalled = next.size() == level.size() ? stalled + 1 : 0;
            if (stalled > 0 && (!moved || stalled > 1)) break;
            next_cluster.assign(next.size(), 0);
            for (NodeId v = 0; v < level.size(); ++v) next_cluster[new_id[v]] = cluster[v];
            // Cluster ids must stay below the new level's size.
            std::vector<NodeId> dense = renumber(next_cluster);
            next_cluster = std::move(dense);
        } else {
            next = aggregate(level, cluster, new_id);
            next_cluster.resize(next.size());
            std::iota(next_cluster.begin(), next_cluster.end(), NodeId{0});
        }
        for (NodeId& a : node_of) a = new_id[a];
        owned = std::move(next);
        current = &owned;
        cluster = std::move(next_cluster);
        if (owned.size() == 1) break;
    }
    std::vector<NodeId> result(labels.size());
    for (std::size_t v = 0; v < labels.size(); ++v) result[v] = cluster[node_of[v]];
    result = renumber(result);
    if (result != renumber(labels)) changed = true;
    labels = std::move(result);
    return changed;
}

// The modularity of `labels` times 2m: the weight of arcs inside communities
// less gamma / 2m times the sum of squared community strengths.
double quality(const Level& level, const std::vector<NodeId>& labels, double gamma_over_2m) {
    const std::size_t n = level.size();
    std::vector<double> strength(n, 0.0);
    double inside = 0.0;
    for (NodeId v = 0; v < n; ++v) {
        const NodeId c = labels[v];
        strength[c] += level.strength[v];
        for (std::size_t a = level.offsets[v]; a < level.offsets[v + 1]; ++a)
            if (labels[level.targets[a]] == c) inside += level.weights[a];
    }
    double squares = 0.0;
    for (double k : strength) squares += k * k;
    return inside - gamma_over_2m * squares;
}

}  // namespace

void CommunityOptions::validate() const {
    if (!(resolution > 0) || !std::isfinite(resolution))
        throw input_error("communities: resolution must be a positive finite number, got " +
                          std::to_string(resolution));
}

std::vector<std::uint32_t> communities(const Graph& graph, const CommunityOptions& options) {
    if (graph.directed())
        throw input_error("communities: the graph is directed; community detection needs an undirected graph");
    options.validate();
    const std::size_t n = graph.num_nodes();
    Progress progress(options.progress);
    std::vector<NodeId> labels(n);
    std::iota(labels.begin(), labels.end(), NodeId{0});
    const Level base = level_from_graph(graph);
    double two_m = 0.0;
    for (double k : base.strength) two_m += k;
    if (two_m <= 0.0) {
        progress.report(1.0);
        return labels;
    }
    const double gamma_over_2m = options.resolution / two_m;
    Rng rng(seed_or_default(options.seed), 0);
    const bool leiden = options.method == CommunityMethod::leiden;
    // Leiden is run twice, each pass starting from the previous result, as
    // igraph's default (n_iterations=2), and a third time when the second
    // raised the modularity by more than 0.001. A further pass never lowers
    // the quality (paper, "Guarantees"). On real networks the second pass
    // adds less than 1e-3 (facebook_combined: 4e-4); on graphs without
    // communities each pass adds a little (Barabasi-Albert, 240k nodes, 1.2M
    // edges: 0.263, 0.292, 0.295, 0.297, ...), and two passes stayed below
    // leidenalg's modularity there by 0.003 (benchmarks/socialmap).
    const int max_passes = leiden ? 3 : 1;
    double before = 0.0;
    for (int pass = 0; pass < max_passes; ++pass) {
        Heartbeat beat{progress, static_cast<double>(pass) / max_passes};
        progress.report(beat.at);
        if (!one_pass(base, labels, leiden, gamma_over_2m, rng, beat)) break;
        if (pass == 0) before = quality(base, labels, gamma_over_2m);
        if (pass == 1 && !(quality(base, labels, gamma_over_2m) - before > 1e-3 * two_m)) break;
    }
    progress.report(1.0);
    return labels;
}

double modularity(const Graph& graph, std::span<const std::uint32_t> labels, double resolution) {
    const std::size_t n = graph.num_nodes();
    if (labels.size() != n)
        throw input_error("modularity: labels has " + std::to_string(labels.size()) + " entries, the graph has " +
                          std::to_string(n) + " nodes");
    if (!std::isfinite(resolution)) throw input_error("modularity: resolution must be finite");
    // Labels are names: any values, made dense before anything is sized by them.
    const CompactLabels compact = compact_labels(labels);
    labels = compact.code;
    const std::size_t k = compact.count();
    // Same sums as networkx: L_c (weight of edges inside c, each once),
    // out/in strength per community, m = total edge weight.
    std::vector<double> inside(k, 0.0), out_strength(k, 0.0), in_strength(k, 0.0);
    double m = 0.0;
    graph.visit_weights([&](auto weights) {
        for (NodeId u = 0; u < n; ++u) {
            for (ArcId a = graph.arc_begin(u); a < graph.arc_end(u); ++a) {
                double w = 1.0;
                if constexpr (!std::is_same_v<decltype(weights), std::nullptr_t>) w = weights[a];
                const NodeId v = graph.arc_target(a);
                out_strength[labels[u]] += w;
                if (graph.directed()) {
                    in_strength[labels[v]] += w;
                    m += w;
                    if (labels[u] == labels[v]) inside[labels[u]] += w;
                } else if (u < v) {
                    m += w;
                    if (labels[u] == labels[v]) inside[labels[u]] += w;
                }
            }
        }
    });
    if (!(m > 0.0)) throw input_error("modularity: the graph has no edge weight, so modularity is undefined");
    double q = 0.0;
    if (graph.directed()) {
        const double norm = 1.0 / (m * m);
        for (std::size_t c = 0; c < k; ++c) q += inside[c] / m - resolution * out_strength[c] * in_strength[c] * norm;
    } else {
        const double norm = 1.0 / (4.0 * m * m);
        for (std::size_t c = 0; c < k; ++c)
            q += inside[c] / m - resolution * out_strength[c] * out_strength[c] * norm;
    }
    return q;
}

}  // namespace verbind
