#include "verbind/graph/graph.hpp"

#include "builder.hpp"
#include "grouped_build.hpp"
#include "verbind/error.hpp"
#include "verbind/model/text.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <unordered_map>

namespace verbind {

Graph GraphBuilder::build(const Input& in, std::vector<std::string> keys) {
    const std::size_t n = in.n;
    const std::size_t m = in.src.size();
    auto describe = [&](std::size_t i) { return in.describe ? in.describe(i) : "edge " + std::to_string(i); };
    auto node_name = [&](NodeId u) {
        if (in.node_name) return in.node_name(u);
        return keys.size() > u ? "'" + keys[u] + "'" : std::to_string(u);
    };

    if (in.dst.size() != m)
        throw input_error("edges: src has " + std::to_string(m) + " entries but dst has " +
                          std::to_string(in.dst.size()));
    if (!in.weights.empty() && in.weights.size() != m)
        throw input_error("edges: " + std::to_string(m) + " edges but " + std::to_string(in.weights.size()) +
                          " weights");
    if (n > std::numeric_limits<NodeId>::max())
        throw input_error("graph: " + std::to_string(n) + " nodes is more than 32-bit indices can hold");
    if (m >= std::numeric_limits<std::uint32_t>::max())
        throw input_error("graph: " + std::to_string(m) + " edge records is more than this build supports");

    // 1. Validate every record before building anything (self-loops are
    // refused here, in record order, or dropped by the build).
    for (std::size_t i = 0; i < m; ++i) {
        if (in.src[i] >= n)
            throw input_error(describe(i) + ": field 'src': node " + std::to_string(in.src[i]) +
                              " is out of range (n = " + std::to_string(n) + ")");
        if (in.dst[i] >= n)
            throw input_error(describe(i) + ": field 'dst': node " + std::to_string(in.dst[i]) +
                              " is out of range (n = " + std::to_string(n) + ")");
        if (!in.weights.empty() && !(std::isfinite(in.weights[i]) && in.weights[i] >= 0))
            throw input_error(describe(i) + ": field 'weight': must be a finite number >= 0, got " +
                              std::to_string(in.weights[i]));
        if (in.src[i] == in.dst[i] && in.self_loops == SelfLoops::error)
            throw input_error(describe(i) + ": self-loop on node " + node_name(in.src[i]) +
                              " (pass self_loops=drop to skip such edges)");
    }

    // 2. The one build (grouped_build.hpp): grouped by the smaller node,
    // merged per group, laid out as CSR; a pair listed both ways is a
    // repeat here (no mirroring), as the policy says.
    grouped_build::Settings settings;
    settings.directed = in.directed;
    settings.duplicates = in.duplicates;
    settings.self_loops = SelfLoops::drop;
    // Unweighted input keeps no weights unless merging may create some.
    settings.track_weights = !in.weights.empty() || in.weighted == Weights::when_not_all_one;
    settings.weighted = in.weighted;
    grouped_build::Messages messages;
    messages.describe = [&](std::uint64_t i) { return describe(static_cast<std::size_t>(i)); };
    messages.name = node_name;
    messages.fail = [](const std::string& message) { throw input_error(message); };
    const auto ends = [&](std::size_t i) { return std::pair<NodeId, NodeId>(in.src[i], in.dst[i]); };
    const auto weight = [&](std::size_t i) { return in.weights.empty() ? 1.0 : in.weights[i]; };
    return grouped_build::build(n, m, ends, weight, settings, messages, keys);
}

Graph GraphBuilder::assemble(Graph g, bool weighted, std::vector<float> single, std::vector<double> double_,
                             std::vector<std::string> keys) {
    const std::size_t n = g.num_nodes();
    if (weighted && !double_.empty()) {
        g.precision_ = WeightPrecision::double_;
        g.weights_f64_ = SharedArray<double>(std::move(double_));
    } else if (weighted) {
        g.precision_ = WeightPrecision::single;
        g.weights_f32_ = SharedArray<float>(std::move(single));
    }
    // 5. Directed graphs also keep in-arcs (CSC); iterating sources in order
    // leaves each in-list sorted by source.
    if (g.directed_) {
        std::vector<std::uint64_t> in_offsets(n + 1, 0);
        for (NodeId t : g.targets_) ++in_offsets[t + 1];
        for (std::size_t u = 0; u < n; ++u) in_offsets[u + 1] += in_offsets[u];
        const std::size_t arcs = g.targets_.size();
        std::vector<NodeId> in_sources(arcs);
        std::vector<float> in_f32(g.precision_ == WeightPrecision::single ? arcs : 0);
        std::vector<double> in_f64(g.precision_ == WeightPrecision::double_ ? arcs : 0);
        std::vector<std::uint64_t> next(in_offsets.begin(), in_offsets.end() - 1);
        for (std::size_t u = 0; u < n; ++u) {
            for (std::uint64_t a = g.offsets_[u]; a < g.offsets_[u + 1]; ++a) {
                const std::uint64_t slot = next[g.targets_[a]]++;
                in_sources[slot] = static_cast<NodeId>(u);
                if (g.precision_ == WeightPrecision::single) in_f32[slot] = g.weights_f32_[a];
                if (g.precision_ == WeightPrecision::double_) in_f64[slot] = g.weights_f64_[a];
            }
        }
        g.in_offsets_ = SharedArray<std::uint64_t>(std::move(in_offsets));
        g.in_sources_ = SharedArray<NodeId>(std::move(in_sources));
        if (!in_f32.empty()) g.in_weights_f32_ = SharedArray<float>(std::move(in_f32));
        if (!in_f64.empty()) g.in_weights_f64_ = SharedArray<double>(std::move(in_f64));
    }

    // 6. Keys.
    set_keys(g, std::move(keys));
    return g;
}

namespace {

// Whether `key` is `u` written in decimal, canonically (no sign, no leading
// zero): compared digit by digit from the end, nothing formatted.
bool is_decimal_of(std::string_view key, std::size_t u) noexcept {
    std::size_t i = key.size();
    do {
        if (i == 0 || key[--i] != static_cast<char>('0' + u % 10)) return false;
        u /= 10;
    } while (u != 0);
    return i == 0;
}

}  // namespace

void GraphBuilder::set_keys(Graph& g, std::vector<std::string> keys, bool index_positional) {
    const std::size_t n = g.num_nodes();
    if (keys.empty()) return;
    if (keys.size() != n)
        throw input_error("graph: " + std::to_string(keys.size()) + " keys for " + std::to_string(n) + " nodes");
    // Keys that are the positions themselves need no index (find parses
    // them): no repeats, integer labels by value, as canonical as can be.
    const bool positional = !index_positional && [&] {
        for (std::size_t u = 0; u < n; ++u)
            if (!is_decimal_of(keys[u], u)) return false;
        return true;
    }();
    if (positional) {
        g.keys_ = std::move(keys);
        g.positional_keys_ = true;
        g.label_kind_ = LabelKind::integers;
        return;
    }
    g.key_index_.reserve(n);
    for (std::size_t u = 0; u < n; ++u)
        if (!g.key_index_.emplace(keys[u], static_cast<NodeId>(u)).second)
            throw input_error("graph: key '" + keys[u] + "' is given to two nodes");
    g.keys_ = std::move(keys);
    // Integer labels without a zero in front, all different (the index
    // says so), have different values: no second map to find that out.
    const bool canonical = std::all_of(g.keys_.begin(), g.keys_.end(), [](const std::string& k) {
        return is_integer_label(k) && integer_label_value(k).size() == k.size();
    });
    if (canonical) {
        g.label_kind_ = LabelKind::integers;
    } else {
        const LabelSummary labels = summarise_labels(g.keys_);
        g.label_kind_ = labels.kind;
        g.label_reason_ = labels.reason;
    }
    if (g.label_kind_ == LabelKind::integers && !canonical) {
        g.integer_index_.reserve(n);
        for (std::size_t u = 0; u < n; ++u)
            g.integer_index_.emplace(std::string(integer_label_value(g.keys_[u])), static_cast<NodeId>(u));
    }
}

GraphBuilder::Arrays GraphBuilder::arrays(const Graph& g) {
    return Arrays{g.directed_,    g.precision_,  g.offsets_,    g.targets_,        g.weights_f32_,
                  g.weights_f64_, g.in_offsets_, g.in_sources_, g.in_weights_f32_, g.in_weights_f64_};
}

Graph GraphBuilder::from_arrays(Arrays arrays, std::vector<std::string> keys) {
    Graph g;
    g.directed_ = arrays.directed;
    g.precision_ = arrays.precision;
    g.offsets_ = std::move(arrays.offsets);
    g.targets_ = std::move(arrays.targets);
    g.weights_f32_ = std::move(arrays.weights_f32);
    g.weights_f64_ = std::move(arrays.weights_f64);
    g.in_offsets_ = std::move(arrays.in_offsets);
    g.in_sources_ = std::move(arrays.in_sources);
    g.in_weights_f32_ = std::move(arrays.in_weights_f32);
    g.in_weights_f64_ = std::move(arrays.in_weights_f64);
    set_keys(g, std::move(keys), false);
    return g;
}

bool is_integer_label(std::string_view label) noexcept {
    if (label.empty()) return false;
    for (char c : label)
        if (c < '0' || c > '9') return false;
    return true;
}

std::string_view integer_label_value(std::string_view label) noexcept {
    std::size_t i = 0;
    while (i + 1 < label.size() && label[i] == '0') ++i;
    return label.substr(i);
}

int compare_integer_labels(std::string_view a, std::string_view b) noexcept {
    a = integer_label_value(a);
    b = integer_label_value(b);
    if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
    const int c = a.compare(b);
    return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

LabelSummary summarise_labels(std::span<const std::string> labels) {
    LabelSummary out;
    const std::string* integer = nullptr;
    const std::string* text = nullptr;
    for (const auto& label : labels) {
        if (is_integer_label(label)) {
            if (integer == nullptr) integer = &label;
        } else if (text == nullptr) {
            text = &label;
        }
    }
    if (integer == nullptr && text != nullptr) {
        out.kind = LabelKind::text;
        return out;
    }
    if (integer != nullptr && text != nullptr) {
        out.kind = LabelKind::mixed;
        out.reason = "some labels are integers and some are not ('" + *integer + "', '" + *text + "')";
        return out;
    }
    std::unordered_map<std::string_view, const std::string*> seen;
    seen.reserve(labels.size());
    for (const auto& label : labels) {
        const auto [it, added] = seen.emplace(integer_label_value(label), &label);
        if (!added) {
            out.kind = LabelKind::mixed;
            out.reason = "labels '" + *it->second + "' and '" + label + "' are the same integer";
            return out;
        }
    }
    return out;
}

std::vector<NodeId> integer_label_order(std::span<const std::string> labels) {
    std::vector<NodeId> order;
    for (const auto& label : labels)
        if (!is_integer_label(label)) return order;
    order.resize(labels.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<NodeId>(i);
    std::stable_sort(order.begin(), order.end(),
                     [&](NodeId a, NodeId b) { return compare_integer_labels(labels[a], labels[b]) < 0; });
    return order;
}

std::optional<NodeId> Graph::find_integer(std::string_view digits) const {
    if (label_kind_ != LabelKind::integers || !is_integer_label(digits)) return std::nullopt;
    const std::string_view value = integer_label_value(digits);
    if (!integer_index_.empty()) {
        const auto it = integer_index_.find(value);
        if (it == integer_index_.end()) return std::nullopt;
        return it->second;
    }
    return find(value);
}

Graph Graph::from_edges(std::size_t n, std::span<const NodeId> src, std::span<const NodeId> dst,
                        std::span<const double> weights, const EdgeListOptions& options) {
    GraphBuilder::Input in;
    in.n = n;
    in.src = src;
    in.dst = dst;
    in.weights = weights;
    in.directed = options.directed;
    in.duplicates = options.duplicates;
    in.self_loops = options.self_loops;
    return GraphBuilder::build(in, {});
}

Graph Graph::from_keyed_edges(std::vector<std::string> keys, std::span<const NodeId> src, std::span<const NodeId> dst,
                              std::span<const double> weights, const EdgeListOptions& options) {
    GraphBuilder::Input in;
    in.n = keys.size();
    in.src = src;
    in.dst = dst;
    in.weights = weights;
    in.directed = options.directed;
    in.duplicates = options.duplicates;
    in.self_loops = options.self_loops;
    return GraphBuilder::build(in, std::move(keys));
}

Graph Graph::from_labelled_edges(std::span<const std::string> src, std::span<const std::string> dst,
                                 std::span<const double> weights, const EdgeListOptions& options) {
    if (src.size() != dst.size())
        throw input_error("edges: src has " + std::to_string(src.size()) + " entries but dst has " +
                          std::to_string(dst.size()));
    std::vector<std::string> keys;
    std::vector<std::uint32_t> first_edge;  // the edge where each label first appears
    std::unordered_map<std::string_view, NodeId> index;
    std::vector<NodeId> s(src.size()), d(dst.size());
    auto node = [&](const std::string& label, std::size_t edge, const char* field) -> NodeId {
        if (const auto it = index.find(label); it != index.end()) return it->second;
        if (label.empty()) throw input_error("edge " + std::to_string(edge) + ": field '" + field + "': empty label");
        if (!is_valid_utf8(label))
            throw input_error("edge " + std::to_string(edge) + ": field '" + field + "': label is not valid UTF-8");
        if (label.find('\0') != std::string::npos)
            throw input_error("edge " + std::to_string(edge) + ": field '" + field +
                              "': label holds a NUL character");
        const auto id = static_cast<NodeId>(keys.size());
        keys.push_back(label);
        first_edge.push_back(static_cast<std::uint32_t>(edge));
        index.emplace(label, id);  // views the caller's string, which outlives the map
        return id;
    };
    for (std::size_t i = 0; i < src.size(); ++i) {
        s[i] = node(src[i], i, "src");
        d[i] = node(dst[i], i, "dst");
    }
    index.clear();
    // Node identity: integer labels by value, as the readers number them.
    number_integer_labels(keys, first_edge, s, d, [&](NodeId a, NodeId b) {
        throw input_error("edge " + std::to_string(first_edge[b]) + ": label '" + printable(keys[b]) +
                          "' has the same value as label '" + printable(keys[a]) + "' of edge " +
                          std::to_string(first_edge[a]) + "; write each label one way");
    });
    return from_keyed_edges(std::move(keys), s, d, weights, options);
}

std::optional<double> Graph::edge_weight(NodeId u, NodeId v) const noexcept {
    if (u >= num_nodes() || v >= num_nodes()) return std::nullopt;
    const auto list = neighbors(u);
    const auto it = std::lower_bound(list.begin(), list.end(), v);
    if (it == list.end() || *it != v) return std::nullopt;
    return arc_weight(offsets_[u] + static_cast<ArcId>(it - list.begin()));
}

Graph::EdgeArrays Graph::edges() const {
    EdgeArrays out;
    const std::size_t m = num_edges();
    out.src.reserve(m);
    out.dst.reserve(m);
    out.weight.reserve(m);
    for (NodeId u = 0; u < num_nodes(); ++u) {
        for (ArcId a = arc_begin(u); a < arc_end(u); ++a) {
            const NodeId v = targets_[a];
            if (!directed_ && v < u) continue;
            out.src.push_back(u);
            out.dst.push_back(v);
            out.weight.push_back(arc_weight(a));
        }
    }
    return out;
}

std::string Graph::key(NodeId u) const {
    if (u >= num_nodes())
        throw not_found_error("node " + std::to_string(u) + " is out of range (n = " + std::to_string(num_nodes()) +
                              ")");
    return keys_.empty() ? std::to_string(u) : keys_[u];
}

std::optional<NodeId> Graph::find(std::string_view key) const noexcept {
    if (!keys_.empty() && !positional_keys_) {
        const auto it = key_index_.find(key);
        if (it == key_index_.end()) return std::nullopt;
        return it->second;
    }
    // Keyless graphs and positional keys: the key is the decimal index,
    // written canonically.
    if (key.empty() || key.size() > 10 || (key.size() > 1 && key[0] == '0')) return std::nullopt;
    std::uint64_t value = 0;
    for (char c : key) {
        if (c < '0' || c > '9') return std::nullopt;
        value = value * 10 + static_cast<std::uint64_t>(c - '0');
    }
    if (value >= num_nodes()) return std::nullopt;
    return static_cast<NodeId>(value);
}

NodeId Graph::index(std::string_view key) const {
    if (const auto u = find(key)) return *u;
    throw not_found_error("graph has no node with key '" + std::string(key) + "'");
}

std::size_t Graph::memory_bytes() const noexcept {
    return offsets_.bytes() + targets_.bytes() + weights_f32_.bytes() + weights_f64_.bytes() + in_offsets_.bytes() +
           in_sources_.bytes() + in_weights_f32_.bytes() + in_weights_f64_.bytes();
}

std::size_t Graph::key_memory_bytes() const noexcept {
    std::size_t bytes = keys_.capacity() * sizeof(std::string);
    for (const auto& k : keys_)
        if (k.capacity() > 15) bytes += k.capacity() + 1;  // beyond the small-string buffer
    // Hash index: one node per key plus the bucket array (libstdc++ layout).
    bytes += key_index_.size() * (sizeof(void*) + sizeof(std::pair<const std::string, NodeId>) + sizeof(std::size_t));
    bytes += key_index_.bucket_count() * sizeof(void*);
    return bytes;
}

}  // namespace verbind
