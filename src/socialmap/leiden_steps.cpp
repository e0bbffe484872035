// The three steps of Leiden and Louvain (leiden_parts.hpp): fast local
// moving, refinement and aggregation. Their random accesses (a neighbour's
// cluster, that cluster's record) dominate on large graphs: each step keeps
// what it reads together per cluster and prefetches the next nodes' data in
// stages. Sums are taken in the same order as before, so the labels are the
// same bit for bit.
#include "leiden_parts.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace verbind::leiden_detail {

// Fast local moving (Leiden paper, Alg. A.2 MoveNodesFast): visit nodes from a
// queue in random order; a node that moves puts its neighbours outside its new
// cluster back on the queue. Returns whether any node moved.
//
// A cluster's weight towards the visited node and its strength share one
// 16-byte record: the scan of the touched clusters reads what the scan of
// the arcs brought into the cache (one cache miss per cluster, not two).
template <class W>
bool move_nodes_fast(const Level& level, W weights, std::vector<NodeId>& cluster_of, double gamma_over_2m, Rng& rng,
                     Heartbeat& beat) {
    struct ClusterRecord {
        double to_v;      // weight from the visited node; absent when untouched
        double strength;  // total strength of the members
    };
    const std::size_t n = level.size();
    std::vector<ClusterRecord> record_v(n, ClusterRecord{absent_weight(), 0.0});
    std::vector<std::uint32_t> cluster_size_v(n, 0);
    ClusterRecord* record = record_v.data();
    std::uint32_t* cluster_size = cluster_size_v.data();
    NodeId* cluster = cluster_of.data();
    const std::size_t* offsets = level.offsets.data();
    const NodeId* targets = level.targets.data();
    const double* strength = level.strength.data();
    for (NodeId v = 0; v < n; ++v) {
        record[cluster[v]].strength += strength[v];
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
    // The clusters the visited node's arcs reach: at most its degree.
    std::size_t max_degree = 0;
    for (NodeId v = 0; v < n; ++v) max_degree = std::max(max_degree, offsets[v + 1] - offsets[v]);
    std::vector<NodeId> touched_v(max_degree);
    NodeId* touched = touched_v.data();
    bool moved_any = false;
    auto ahead = [&](std::size_t k) {  // the node k places after the head; count > k
        const std::size_t at = head + k;
        return queue[at >= n ? at - n : at];
    };

    while (count > 0) {
        beat.tick();
        const NodeId v = queue[head];
        head = head + 1 == n ? 0 : head + 1;
        --count;
        queued[v] = 0;
        // The coming nodes' data are random places in memory: ask for them
        // in stages, each when the one before has arrived (offsets four
        // nodes ahead, arcs two ahead, the clusters the next node's arcs
        // reach), so that the misses overlap instead of following each
        // other.
        if (count > 4) __builtin_prefetch(offsets + ahead(4));
        if (count > 2) {
            const NodeId u = ahead(2);
            __builtin_prefetch(targets + offsets[u]);
            if constexpr (stored_weights<W>) __builtin_prefetch(&weights[offsets[u]]);
        }
        if (count > 0) {
            const NodeId u = queue[head];
            for (std::size_t a = offsets[u]; a < offsets[u + 1]; ++a)
                __builtin_prefetch(record + cluster[targets[a]]);
        }

        const NodeId current = cluster[v];
        const double k_v = strength[v];
        const std::size_t a0 = offsets[v], a1 = offsets[v + 1];
        std::size_t touched_count = 0;
        for (std::size_t a = a0; a < a1; ++a) {
            const NodeId c = cluster[targets[a]];
            double& x = record[c].to_v;
            if (is_absent(x)) {
                x = weights[a];
                touched[touched_count++] = c;
            } else {
                x += weights[a];
            }
        }

        ClusterRecord& own = record[current];
        own.strength -= k_v;
        --cluster_size[current];
        NodeId best = current;
        double best_gain = (is_absent(own.to_v) ? 0.0 : own.to_v) - gamma_over_2m * k_v * own.strength;
        for (std::size_t i = 0; i < touched_count; ++i) {
            const NodeId c = touched[i];
            if (c == current) continue;
            const double gain = record[c].to_v - gamma_over_2m * k_v * record[c].strength;
            if (gain > best_gain + gain_tolerance * (std::abs(best_gain) + k_v)) {
                best = c;
                best_gain = gain;
            }
        }
        for (std::size_t i = 0; i < touched_count; ++i) record[touched[i]].to_v = absent_weight();
        // An empty cluster has gain 0: better when every neighbour cluster costs.
        if (best_gain < -gain_tolerance * k_v && cluster_size[current] > 0) {
            best = empty_clusters.back();
            empty_clusters.pop_back();
        }
        record[best].strength += k_v;
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
//
// What the candidates' scan reads of a sub-cluster (its weight towards the
// visited node, strength, external weight, size) is one 32-byte record, and
// a neighbour's cluster and sub-cluster one 8-byte pair: one cache miss
// each, not three and two.
template <class W>
std::vector<NodeId> refine(const Level& level, W weights, const std::vector<NodeId>& cluster, double gamma_over_2m,
                           Heartbeat& beat, Rng& rng) {
    constexpr double theta = 0.01;  // the paper's and igraph's randomness
    const std::size_t n = level.size();
    std::vector<double> cluster_strength(n, 0.0);
    for (NodeId v = 0; v < n; ++v) cluster_strength[cluster[v]] += level.strength[v];

    struct Sub {
        double to_v;      // weight from the visited node; absent when untouched
        double strength;  // total strength of the members
        double external;  // weight towards the rest of its cluster
        std::uint32_t size;
    };
    struct Node {
        NodeId cluster, refined;
    };
    std::vector<Sub> sub_v(n);
    std::vector<Node> node_v(n);
    Sub* sub = sub_v.data();
    Node* node = node_v.data();
    const std::size_t* offsets = level.offsets.data();
    const NodeId* targets = level.targets.data();
    const NodeId* cluster_of = cluster.data();
    for (NodeId v = 0; v < n; ++v) node[v] = Node{cluster_of[v], v};
    for (NodeId v = 0; v < n; ++v) {
        const NodeId c = cluster_of[v];
        double sum = 0.0;
        for (std::size_t a = offsets[v]; a < offsets[v + 1]; ++a)
            if (cluster_of[targets[a]] == c) sum += weights[a];
        sub[v] = Sub{absent_weight(), level.strength[v], sum, 1};
    }

    std::vector<NodeId> order(n);
    std::iota(order.begin(), order.end(), NodeId{0});
    rng.shuffle(order.begin(), order.end());
    std::size_t max_degree = 0;
    for (NodeId v = 0; v < n; ++v) max_degree = std::max(max_degree, offsets[v + 1] - offsets[v]);
    std::vector<NodeId> touched_v(max_degree);
    NodeId* touched = touched_v.data();
    std::size_t touched_count = 0;
    std::vector<NodeId> candidates;
    std::vector<double> candidate_gain;

    for (std::size_t i = 0; i < n; ++i) {
        beat.tick();
        // Prefetched in stages, as in move_nodes_fast: offsets and the node
        // record four ahead, arcs two ahead, the next node's neighbours.
        if (i + 4 < n) {
            __builtin_prefetch(offsets + order[i + 4]);
            __builtin_prefetch(sub + order[i + 4]);
        }
        if (i + 2 < n) {
            const NodeId u = order[i + 2];
            __builtin_prefetch(targets + offsets[u]);
            if constexpr (stored_weights<W>) __builtin_prefetch(&weights[offsets[u]]);
        }
        if (i + 1 < n) {
            const NodeId u = order[i + 1];
            for (std::size_t a = offsets[u]; a < offsets[u + 1]; ++a) __builtin_prefetch(node + targets[a]);
        }
        const NodeId v = order[i];
        if (sub[node[v].refined].size != 1) continue;
        const NodeId c = node[v].cluster;
        const double k_v = level.strength[v];
        if (sub[v].external < gamma_over_2m * k_v * (cluster_strength[c] - k_v)) continue;

        for (std::size_t j = 0; j < touched_count; ++j) sub[touched[j]].to_v = absent_weight();
        touched_count = 0;
        for (std::size_t a = offsets[v]; a < offsets[v + 1]; ++a) {
            const Node t = node[targets[a]];
            if (t.cluster != c) continue;
            double& x = sub[t.refined].to_v;
            if (is_absent(x)) {
                x = weights[a];
                touched[touched_count++] = t.refined;
            } else {
                x += weights[a];
            }
        }
        candidates.assign(1, v);  // staying alone: gain 0
        candidate_gain.assign(1, 0.0);
        double max_gain = 0.0;
        for (std::size_t j = 0; j < touched_count; ++j) {
            const NodeId s = touched[j];
            if (s == v) continue;
            const Sub& r = sub[s];
            const double k_s = r.strength;
            if (r.external < gamma_over_2m * k_s * (cluster_strength[c] - k_s)) continue;
            const double gain = r.to_v - gamma_over_2m * k_v * k_s;
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
        node[v].refined = s;
        Sub& into = sub[s];
        Sub& alone = sub[v];
        --alone.size;
        ++into.size;
        into.strength += k_v;
        // alone.to_v is never read: a node is not its own candidate.
        into.external = into.external - into.to_v + (alone.external - into.to_v);
    }
    std::vector<NodeId> refined(n);
    for (NodeId v = 0; v < n; ++v) refined[v] = node[v].refined;
    return refined;
}

// Collapses each group of `group` (ids < n) into one node, numbered in order
// of first appearance. Returns the new level and each old node's new id.
template <class W>
Level aggregate(const Level& level, W weights, const std::vector<NodeId>& group, std::vector<NodeId>& new_id) {
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
            if (i + 2 < n) {  // the arcs two members ahead: a random place in memory
                const NodeId u = members[i + 2];
                __builtin_prefetch(targets + offsets[u]);
                if constexpr (stored_weights<W>) __builtin_prefetch(&weights[offsets[u]]);
            }
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

template bool move_nodes_fast(const Level&, const double*, std::vector<NodeId>&, double, Rng&, Heartbeat&);
template bool move_nodes_fast(const Level&, UnitWeights, std::vector<NodeId>&, double, Rng&, Heartbeat&);
template std::vector<NodeId> refine(const Level&, const double*, const std::vector<NodeId>&, double, Heartbeat&,
                                    Rng&);
template std::vector<NodeId> refine(const Level&, UnitWeights, const std::vector<NodeId>&, double, Heartbeat&, Rng&);
template Level aggregate(const Level&, const double*, const std::vector<NodeId>&, std::vector<NodeId>&);
template Level aggregate(const Level&, UnitWeights, const std::vector<NodeId>&, std::vector<NodeId>&);

}  // namespace verbind::leiden_detail
