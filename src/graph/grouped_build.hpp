// Internal: the one build of a Graph from edge records, shared by
// GraphBuilder::build (from_edges, Network views) and the edge-list reader.
//
// Records are grouped by their smaller node (directed: the source) with a
// counting sort into `other` (the other node) and, when weights are kept,
// `group_weights` (the weight, in the same slots); each group is merged in
// place (pairs listed both ways when `mirror`, then repeats as `duplicates`
// says), then the CSR is laid out in place in those same arrays, which
// become the graph's. Beside the records themselves, for m records of an
// undirected graph: 8 bytes per record for the targets (room for both arcs;
// 4 when mirroring) and 16 for double weights, so about the final graph's
// size when few records merge (trimmed when some do; with double weights
// only when over 1/16 of the room is unused);
// weights exactly floats are copied into single precision at the end.
#pragma once

#include "builder.hpp"
#include "verbind/error.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <iterator>
#include <limits>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace verbind::grouped_build {

// Frees a container's memory now (`v = {}` only clears a vector).
template <class Container>
void release(Container& c) {
    Container().swap(c);
}

// Gives back a vector's unused room (in a graph with double weights) when
// it is more than 1/16 of what is used: a copy holds the old and the new
// array at once, beside the rest of the graph (1.6x the graph at its peak);
// below 1/16 the room costs less.
template <class T>
void trim(std::vector<T>& v) {
    if (v.capacity() - v.size() > v.size() / 16) v.shrink_to_fit();
}

inline bool exactly_float(double w) noexcept {
    return std::fabs(w) <= std::numeric_limits<float>::max() && static_cast<double>(static_cast<float>(w)) == w;
}

struct Settings {
    bool directed = false;
    // Undirected: a pair listed both ways ('u v' and 'v u') is one edge
    // first (the edge-list reader); else the two are repeats.
    bool mirror = false;
    Merge duplicates = Merge::error;
    // error: the first self-loop (in record order) is refused after the
    // checks of pairs listed both ways; drop: skipped.
    SelfLoops self_loops = SelfLoops::error;
    // Weights kept while merging (given, or unweighted input whose merged
    // weights may differ from 1).
    bool track_weights = false;
    GraphBuilder::Weights weighted = GraphBuilder::Weights::given;
};

struct Messages {
    std::function<std::string(std::uint64_t)> describe;  // a record: "edge 5", "x.txt:3"
    std::function<std::string(NodeId)> name;             // a node: "'a'", "3"
    // A pair listed both ways with different weights (mirror only): record
    // r lists (rs, rd) with weight wr, record f the other way with wf.
    std::function<std::string(std::uint64_t r, std::uint64_t f, NodeId rs, NodeId rd, double wr, double wf)> mirrored;
    std::function<void(const std::string&)> fail;  // throws
    // Called once the records are no longer read (after the merge and its
    // errors): the caller may free them. May be empty.
    std::function<void()> records_done;
};

// Step 1 of build: the records grouped by their smaller node (directed:
// source), in record order within a group (a counting sort).
struct Groups {
    std::uint64_t first_loop = 0;  // the first self-loop when they are refused; m: none
    NodeId loop_node = 0;
    std::vector<std::uint64_t> start;      // n + 1: each group's first slot
    std::vector<NodeId> other;             // per slot: the record's other node
    std::vector<std::uint64_t> backwards;  // bits per slot: the record lists the larger node first (mirror only)
    std::vector<double> group_weights;     // per slot: the weight (tracked only)
};

template <class Ends, class Weight>
Groups group_records(std::size_t n, std::size_t m, const Ends& ends, const Weight& weight, const Settings& settings,
                     bool tracked) {
    const bool directed = settings.directed;
    Groups g;
    g.first_loop = m;
    g.start.assign(n + 1, 0);
    auto& start = g.start;
    for (std::size_t i = 0; i < m; ++i) {
        const auto [a, b] = ends(i);
        if (a == b && g.first_loop == m && settings.self_loops == SelfLoops::error) {
            g.first_loop = i;
            g.loop_node = a;
        }
        ++start[(directed ? a : std::min(a, b)) + 1];
    }
    for (std::size_t u = 0; u < n; ++u) start[u + 1] += start[u];
    // Undirected: room for both arcs of every edge, so that the lists are
    // laid out in place (step 4) and these arrays become the graph's; when
    // mirroring (files mostly list each pair both ways: half the records
    // merge) one per record, grown in step 4 if more are kept.
    const std::size_t room = directed || settings.mirror ? m : 2 * m;
    g.other.resize(room);
    g.backwards.resize(directed || !settings.mirror ? 0 : (m + 63) / 64);
    g.group_weights.resize(tracked ? room : 0);
    auto& other = g.other;
    auto& backwards = g.backwards;
    auto& group_weights = g.group_weights;
    {
        std::vector<std::uint64_t> next(start.begin(), start.end() - 1);
        for (std::size_t i = 0; i < m; ++i) {
            const auto [a, b] = ends(i);
            const NodeId lo = directed ? a : std::min(a, b);
            const std::uint64_t slot = next[lo]++;
            other[slot] = directed ? b : std::max(a, b);
            if (!backwards.empty() && a > b) backwards[slot / 64] |= std::uint64_t{1} << (slot % 64);
            // A weight of zero has no sign: -0.0 is kept as 0.0 (adding +0.0 does it).
            if (tracked) group_weights[slot] = weight(i) + 0.0;
        }
    }
    return g;
}

// Step 2 of build, for a pair with repeats: the weight of the edge, the
// first record's `w` merged with the others' (`remaining`, in record order)
// as `duplicates` says; the first error (repeats refused, or a sum too large
// for a double) is kept in `repeat_error`.
template <class WeightAt, class RecordOf>
double merge_repeats(Merge duplicates, const Messages& messages, NodeId u, NodeId v,
                     const std::vector<std::uint64_t>& remaining, double w, const WeightAt& w_at,
                     const RecordOf& record_of, std::string& repeat_error) {
    const std::uint64_t keep = remaining.front();
    for (std::size_t k = 1; k < remaining.size() && repeat_error.empty(); ++k) {
        const double x = w_at(remaining[k]);
        switch (duplicates) {
            case Merge::error:
                repeat_error = messages.describe(record_of(remaining[k])) + ": duplicate of " +
                               messages.describe(record_of(keep)) + " (both join " + messages.name(u) + " and " +
                               messages.name(v) + "; choose duplicates = sum, max, min or first to merge them)";
                break;
            case Merge::sum:
                w += x;
                if (!std::isfinite(w))
                    repeat_error = messages.describe(record_of(remaining[k])) +
                                   ": field 'weight': the sum of the weights of " +
                                   messages.describe(record_of(keep)) + " and its duplicates (joining " +
                                   messages.name(u) + " and " + messages.name(v) + ") is too large for a double";
                break;
            case Merge::max: w = std::max(w, x); break;
            case Merge::min: w = std::min(w, x); break;
            case Merge::first: break;
        }
    }
    return w;
}

// Step 3 of build: whether the graph is weighted and, if so, whether every
// merged weight (the first `kept` of `group_weights`) is exactly a float.
inline std::pair<bool, bool> weight_storage(GraphBuilder::Weights mode, bool tracked,
                                            const std::vector<double>& group_weights, std::uint64_t kept) {
    bool weighted = false;
    switch (mode) {
        case GraphBuilder::Weights::none: weighted = false; break;
        case GraphBuilder::Weights::given: weighted = tracked; break;
        case GraphBuilder::Weights::when_not_all_one:
            weighted = tracked &&
                       std::any_of(group_weights.begin(), group_weights.begin() + static_cast<std::ptrdiff_t>(kept),
                                   [](double w) { return w != 1.0; });
            break;
    }
    const bool single =
        weighted &&
        std::all_of(group_weights.begin(), group_weights.begin() + static_cast<std::ptrdiff_t>(kept), exactly_float);
    return {weighted, single};
}

// The laid-out arrays' first `arcs` entries become the graph's: `other` the
// targets, `group_weights` the weights (w32 when `single`, else w64).
inline void take_arrays(std::size_t arcs, bool weighted, bool single, std::vector<NodeId>& other,
                        std::vector<double>& group_weights, std::vector<NodeId>& targets, std::vector<float>& w32,
                        std::vector<double>& w64) {
    other.resize(arcs);
    // Double weights: the targets' copy would be held beside them (and the
    // caller's arrays), so small room stays; else trimmed exactly.
    if (weighted && !single)
        trim(other);
    else
        other.shrink_to_fit();
    targets = std::move(other);
    if (weighted && single) {
        w32.assign(group_weights.begin(), group_weights.begin() + static_cast<std::ptrdiff_t>(arcs));
    } else if (weighted) {
        group_weights.resize(arcs);
        trim(group_weights);
        w64 = std::move(group_weights);
    }
    release(group_weights);
}

// Step 4 of build: the adjacency lists, each sorted by neighbour, laid out
// in `other` and `group_weights` themselves, which become `targets` and the
// weights (w32 when `single`, else w64). Directed: the groups are the lists.
// Undirected: node v's list is its smaller neighbours (groups before v's, in
// order) then its own group. `start` holds the groups' starts (n + 1).
inline void lay_out(bool directed, bool weighted, bool single, std::size_t n, std::uint64_t kept,
                    std::vector<std::uint64_t>& start, std::vector<NodeId>& other, std::vector<double>& group_weights,
                    std::vector<std::uint64_t>& offsets, std::vector<NodeId>& targets, std::vector<float>& w32,
                    std::vector<double>& w64) {
    if (directed) {
        offsets = std::move(start);
        take_arrays(kept, weighted, single, other, group_weights, targets, w32, w64);
    } else {
        offsets.assign(n + 1, 0);
        for (std::size_t u = 0; u < n; ++u) {
            offsets[u + 1] += start[u + 1] - start[u];
            for (std::uint64_t k = start[u]; k < start[u + 1]; ++k) ++offsets[other[k] + 1];
        }
        for (std::size_t u = 0; u < n; ++u) offsets[u + 1] += offsets[u];
        // In place: each group moves right to where its node's list ends
        // (own(u) >= start[u]: every list is at least its group), the last
        // group first, so nothing is overwritten before it is moved ...
        auto own = [&](std::size_t v) { return offsets[v + 1] - (start[v + 1] - start[v]); };
        const bool lay_weights = weighted;
        if (other.size() < 2 * kept) other.resize(2 * kept);
        if (lay_weights && group_weights.size() < 2 * kept) group_weights.resize(2 * kept);
        for (std::size_t u = n; u-- > 0;) {
            const std::uint64_t base = own(u);
            for (std::uint64_t k = start[u + 1]; k-- > start[u];) {
                other[base + (k - start[u])] = other[k];
                if (lay_weights) group_weights[base + (k - start[u])] = group_weights[k];
            }
        }
        // ... then each edge {u < v} of u's list goes to the front of v's
        // (smaller neighbours, in order of u), into slots no list holds.
        std::vector<std::uint64_t> next(offsets.begin(), offsets.end() - 1);
        for (std::size_t u = 0; u < n; ++u) {
            const std::uint64_t base = own(u);
            for (std::uint64_t j = 0; j < start[u + 1] - start[u]; ++j) {
                const std::uint64_t a = base + j, b = next[other[a]]++;
                other[b] = static_cast<NodeId>(u);
                if (lay_weights) group_weights[b] = group_weights[a];
            }
        }
        release(next);
        release(start);
        // Trimmed when records merged (a copy, of the smaller arrays).
        take_arrays(2 * kept, weighted, single, other, group_weights, targets, w32, w64);
    }
}

// `keys` (one per node, or none) are moved into the graph at the end (the
// messages may read them until then). `ends(i)` gives record i's two nodes (first, second), `weight(i)` its
// weight (called only when settings.track_weights); both are called once
// per record per pass, in record order, and again only for messages.
template <class Ends, class Weight>
Graph build(std::size_t n, std::size_t m, const Ends& ends, const Weight& weight, const Settings& settings,
            const Messages& messages, std::vector<std::string>& keys) {
    const bool directed = settings.directed;
    const bool tracked = settings.track_weights && m > 0;
    auto group_of = [&](std::size_t i) {
        const auto [a, b] = ends(i);
        return directed ? a : std::min(a, b);
    };
    auto fail = [&](const std::string& message) {
        messages.fail(message);
        throw std::logic_error("grouped_build: fail returned");  // never reached
    };

    // 1. Group the records by their smaller node (directed: source), in
    // record order within a group (a counting sort): `other` holds each
    // record's other node, `backwards` whether it lists the larger node
    // first, `group_weights` its weight. Self-loops are grouped too and
    // skipped below.
    Groups groups = group_records(n, m, ends, weight, settings, tracked);
    const std::uint64_t first_loop = groups.first_loop;
    const NodeId loop_node = groups.loop_node;
    std::vector<std::uint64_t>& start = groups.start;
    std::vector<NodeId>& other = groups.other;
    std::vector<std::uint64_t>& backwards = groups.backwards;
    std::vector<double>& group_weights = groups.group_weights;
    auto is_backwards = [&](std::uint64_t slot) {
        return !backwards.empty() && (backwards[slot / 64] >> (slot % 64) & 1);
    };
    // The record at the k-th slot of group u (records keep their order in
    // a group): found again by a scan, for messages only.
    auto record_at = [&](std::size_t u, std::uint64_t group_start, std::uint64_t slot) -> std::uint64_t {
        std::uint64_t k = slot - group_start;
        for (std::size_t i = 0; i < m; ++i)
            if (group_of(i) == u && k-- == 0) return i;
        return 0;
    };

    // 2. Per group, ordered by (other node, record order): when mirroring, a
    // pair listed both ways is one edge (the k-th record of the second
    // direction mirrors the k-th of the first; different weights are
    // refused at once), then repeats merge as settings.duplicates says;
    // compacted in place. Errors come in this order: different weights for
    // the two directions, then the first self-loop, then the first repeat
    // (by node, then neighbour).
    std::string repeat_error;
    std::vector<double> weights_here;                         // the group's weights (compaction writes over them)
    std::vector<std::uint64_t> order;                         // (other node << 32 | place in the group)
    std::vector<std::uint64_t> remaining, forward, backward;  // slots
    constexpr std::uint64_t low32 = 0xFFFFFFFFu;
    std::uint64_t kept = 0, read = 0;
    for (std::size_t u = 0; u < n; ++u) {
        const std::uint64_t end = start[u + 1];
        start[u] = kept;
        order.clear();
        if (tracked)
            weights_here.assign(group_weights.begin() + static_cast<std::ptrdiff_t>(read),
                                group_weights.begin() + static_cast<std::ptrdiff_t>(end));
        auto w_at = [&](std::uint64_t slot) { return tracked ? weights_here[slot - read] : 1.0; };
        bool sorted = true;
        for (std::uint64_t k = read; k < end; ++k) {
            order.push_back(std::uint64_t{other[k]} << 32 | (k - read));
            sorted = sorted && (k == read || other[k - 1] < other[k]);
        }
        if (!sorted) std::sort(order.begin(), order.end());
        for (std::size_t i = 0; i < order.size();) {
            const auto v = static_cast<NodeId>(order[i] >> 32);
            std::size_t j = i + 1;
            while (j < order.size() && static_cast<NodeId>(order[j] >> 32) == v) ++j;
            if (v == u) {  // self-loops: refused (first_loop) or dropped
                i = j;
                continue;
            }
            auto slot_of = [&](std::size_t k) { return read + (order[k] & low32); };
            std::uint64_t keep = slot_of(i);
            double w = w_at(keep);
            // The common case of a file listing each pair both ways: one
            // record each way (same weight): the first is the edge.
            const bool mirrored = settings.mirror && !directed && j - i == 2 &&
                                  is_backwards(keep) != is_backwards(slot_of(i + 1)) &&
                                  w_at(keep) == w_at(slot_of(i + 1));
            if (j - i > 1 && !mirrored) {
                remaining.clear();
                if (directed || !settings.mirror) {
                    for (std::size_t k = i; k < j; ++k) remaining.push_back(slot_of(k));
                } else {
                    forward.clear();
                    backward.clear();
                    for (std::size_t k = i; k < j; ++k)
                        (is_backwards(slot_of(k)) == is_backwards(slot_of(i)) ? forward : backward)
                            .push_back(slot_of(k));
                    const std::size_t pairs = std::min(forward.size(), backward.size());
                    for (std::size_t k = 0; k < pairs && tracked; ++k) {
                        if (w_at(forward[k]) != w_at(backward[k])) {
                            // The backward record lists the pair the other way round.
                            const bool r_backwards = is_backwards(backward[k]);
                            const NodeId rs = r_backwards ? v : static_cast<NodeId>(u);
                            const NodeId rd = r_backwards ? static_cast<NodeId>(u) : v;
                            fail(messages.mirrored(record_at(u, read, backward[k]), record_at(u, read, forward[k]),
                                                   rs, rd, w_at(backward[k]), w_at(forward[k])));
                        }
                    }
                    // Left, in record order: the first direction's records
                    // and the other direction's beyond the pairs.
                    std::merge(forward.begin(), forward.end(), backward.begin() + static_cast<std::ptrdiff_t>(pairs),
                               backward.end(), std::back_inserter(remaining));
                }
                keep = remaining.front();
                w = merge_repeats(
                    settings.duplicates, messages, static_cast<NodeId>(u), v, remaining, w_at(keep), w_at,
                    [&](std::uint64_t slot) { return record_at(u, read, slot); }, repeat_error);
            }
            // The group's other nodes are in `order` and its weights in
            // `weights_here`: writing at `kept` (<= read + i) loses nothing.
            if (tracked) group_weights[kept] = w;
            other[kept++] = v;
            i = j;
        }
        read = end;
    }
    start[n] = kept;
    if (first_loop < m)
        fail(messages.describe(first_loop) + ": self-loop on node " + messages.name(loop_node) +
             " (pass self_loops=drop to skip such edges)");
    if (!repeat_error.empty()) fail(repeat_error);
    if (messages.records_done) messages.records_done();
    release(order);
    release(weights_here);
    release(remaining);
    release(forward);
    release(backward);
    release(backwards);

    // 3. Weights: none, float when every merged one is exactly a float,
    // else double.
    const auto [weighted, single] = weight_storage(settings.weighted, tracked, group_weights, kept);
    if (!weighted) release(group_weights);
    std::vector<float> w32;
    std::vector<double> w64;

    // 4. The adjacency lists, each sorted by neighbour. Directed: the groups
    // are the lists. Undirected: node v's list is its smaller neighbours
    // (groups before v's, in order) then its own group.
    std::vector<std::uint64_t> offsets;
    std::vector<NodeId> targets;
    lay_out(directed, weighted, single, n, kept, start, other, group_weights, offsets, targets, w32, w64);
    Graph g;
    GraphBuilder::set_arcs(g, directed, std::move(offsets), std::move(targets));
    return GraphBuilder::assemble(std::move(g), weighted, std::move(w32), std::move(w64), std::move(keys));
}

}  // namespace verbind::grouped_build
