// libFuzzer target: the C API through its array-taking functions (issue 11:
// a label 0xFFFFFFFF crashed vb_modularity, and no fuzzer reached it). The
// bytes choose a small graph and, for every array-taking vb_ function, its
// arrays (labels, groups, seeds, candidates, fixed seeds, weights, costs,
// capacities) and scalar arguments, drawn from a palette of edge values
// (0, n - 1, n, 0xFFFFFFFF, 1e8, NaN, infinities, INT64_MAX, -1, ...) or
// raw bytes. Checked: every call returns a vb_status_t with a message on
// failure, and nothing crashes, leaks or reads out of bounds (ASan).
// Written against verbind.h only, as a C caller would.
#include "verbind.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <vector>

namespace {

class Bytes {
public:
    Bytes(const std::uint8_t* data, std::size_t size) : data_(data), size_(size) {}
    std::uint8_t byte() { return pos_ < size_ ? data_[pos_++] : 0; }
    std::uint32_t raw32() {
        std::uint32_t v = 0;
        for (int i = 0; i < 4; ++i) v = v << 8 | byte();
        return v;
    }
    std::uint64_t raw64() { return std::uint64_t{raw32()} << 32 | raw32(); }

    // A node index or label: mostly in range, often at or past the edge.
    std::uint32_t label(std::size_t n) {
        const std::uint8_t b = byte();
        switch (b % 12) {
            case 0: return std::numeric_limits<std::uint32_t>::max();
            case 1: return std::numeric_limits<std::uint32_t>::max() - 1;
            case 2: return 100000000u;
            case 3: return 0x80000000u;
            case 4: return static_cast<std::uint32_t>(n);
            case 5: return raw32();
            default: return n == 0 ? 0 : static_cast<std::uint32_t>(b % n);
        }
    }
    double real() {
        const std::uint8_t b = byte();
        switch (b % 16) {
            case 0: return std::numeric_limits<double>::quiet_NaN();
            case 1: return std::numeric_limits<double>::infinity();
            case 2: return -std::numeric_limits<double>::infinity();
            case 3: return -1.0;
            case 4: return 0.0;
            case 5: return -0.0;
            case 6: return 1.0;
            case 7: return std::numeric_limits<double>::denorm_min();
            case 8: return 1e-10;
            case 9: return std::numeric_limits<double>::max();
            case 10: return 1.0 - 1e-16;
            case 11: {
                double d;
                const std::uint64_t bits = raw64();
                std::memcpy(&d, &bits, sizeof d);
                return d;
            }
            default: return static_cast<double>(b % 100) / 100.0;
        }
    }
    std::int64_t integer() {
        const std::uint8_t b = byte();
        switch (b % 10) {
            case 0: return std::numeric_limits<std::int64_t>::max();
            case 1: return std::numeric_limits<std::int64_t>::min();
            case 2: return -1;
            case 3: return std::int64_t{1} << 40;
            case 4: return static_cast<std::int64_t>(raw64());
            default: return b % 4;
        }
    }
    std::size_t count(std::size_t limit) { return byte() % (limit + 1); }
    std::vector<std::uint32_t> labels(std::size_t n) {
        std::vector<std::uint32_t> out(n);
        for (auto& l : out) l = label(n);
        return out;
    }

private:
    const std::uint8_t* data_;
    std::size_t size_;
    std::size_t pos_ = 0;
};

// The contract of every call: a known status, and a message with a failure.
void check(vb_status_t status) {
    if (status < VB_OK || status > VB_ERROR_INTERNAL) {
        std::fprintf(stderr, "unknown status %d\n", static_cast<int>(status));
        std::abort();
    }
    if (status == VB_ERROR_INTERNAL) {
        std::fprintf(stderr, "internal error: %s\n", vb_last_error_message());
        std::abort();
    }
    if (status != VB_OK && vb_last_error_message()[0] == '\0') {
        std::fprintf(stderr, "status %d without a message\n", static_cast<int>(status));
        std::abort();
    }
}

// A pointer to the array, or NULL (which must be reported, never followed).
template <class T>
const T* maybe(const std::vector<T>& v, bool null) {
    return null ? nullptr : v.data();
}

void graph_functions(Bytes& in, vb_graph_t* g) {
    const std::size_t n = vb_graph_node_count(g);
    const std::uint8_t nulls = in.byte();
    double out = 0;
    std::vector<std::uint32_t> labels = in.labels(n);
    const bool null_labels = (nulls & 1) != 0 && (nulls & 2) != 0;
    check(vb_modularity(g, maybe(labels, null_labels), in.real(), &out));
    labels = in.labels(n);
    check(vb_ei_index(g, maybe(labels, null_labels), &out));
    check(vb_assortativity(g, maybe(labels, null_labels), &out));
    {
        const std::size_t capacity = in.count(2 * n + 2);
        std::vector<double> values(capacity);
        std::size_t count = 0;
        check(vb_ei_index_per_group(g, maybe(labels, null_labels), capacity, values.data(), &count));
    }
    {
        vb_expected_ei_options_t o;
        vb_expected_ei_options_init(&o);
        o.permutations = in.count(8);
        o.seed = in.raw64();
        o.threads = in.byte() % 3;
        vb_expected_ei_t r;
        vb_expected_ei_init(&r);
        check(vb_expected_ei_index(g, maybe(labels, null_labels), (nulls & 4) ? nullptr : &o, &r));
    }
    {
        vb_community_options_t o;
        vb_community_options_init(&o);
        o.resolution = in.real();
        o.method = static_cast<vb_community_method_t>(in.byte() % 3);
        std::vector<std::uint32_t> found(n + 1);
        std::size_t count = 0;
        check(vb_communities(g, &o, found.data(), &count));
        check(vb_modularity(g, found.data(), 1.0, &out));
    }
    {
        const std::size_t seed_count = in.count(n + 2);
        std::vector<std::uint32_t> seeds(seed_count);
        for (auto& s : seeds) s = in.label(n);
        std::vector<std::int32_t> distances(n + 1);
        vb_hop_options_t ho;
        vb_hop_options_init(&ho);
        ho.hops = in.integer() % 5;
        check(vb_hop_reach(g, maybe(seeds, (nulls & 8) != 0), seed_count, &ho, distances.data()));
        vb_spread_options_t so;
        vb_spread_options_init(&so);
        so.runs = in.count(32);
        so.model = static_cast<vb_diffusion_model_t>(in.byte() % 3);
        so.probability = static_cast<vb_probability_t>(in.byte() % 4);
        so.uniform_probability = in.real();
        vb_spread_t sr;
        vb_spread_init(&sr);
        check(vb_spread(g, maybe(seeds, (nulls & 8) != 0), seed_count, &so, &sr));
    }
    {
        vb_influence_options_t o;
        vb_influence_options_init(&o);
        o.model = static_cast<vb_diffusion_model_t>(in.byte() % 3);
        o.probability = static_cast<vb_probability_t>(in.byte() % 4);
        o.uniform_probability = in.real();
        o.epsilon = in.real();
        if (in.byte() & 1) o.delta = in.real();
        o.max_memory_bytes = std::size_t{1} << (in.byte() % 21);  // up to 1 MB: each run stays small
        o.threads = in.byte() % 3;
        const std::vector<std::uint32_t> candidates = [&] {
            std::vector<std::uint32_t> c(in.count(n + 1));
            for (auto& v : c) v = in.label(n);
            return c;
        }();
        const std::vector<std::uint32_t> fixed = [&] {
            std::vector<std::uint32_t> f(in.count(3));
            for (auto& v : f) v = in.label(n);
            return f;
        }();
        const std::vector<std::uint32_t> groups = in.labels(n);
        const std::uint8_t which = in.byte();
        o.candidates = (which & 1) ? candidates.data() : nullptr;
        o.candidate_count = (which & 1) ? candidates.size() : 0;
        o.fixed = (which & 2) ? fixed.data() : nullptr;
        o.fixed_count = (which & 2) ? fixed.size() : 0;
        if ((which & 16) && o.fixed == nullptr) o.fixed_count = 1;  // NULL with a count: must be refused
        o.groups = (which & 4) ? groups.data() : nullptr;
        vb_influence_t* r = nullptr;
        check(vb_influence_max(g, in.count(n + 1), &o, &r));
        if (r) {
            std::vector<std::uint32_t> seeds(vb_influence_seed_count(r));
            check(vb_influence_seeds(r, seeds.size(), seeds.data()));
            check(vb_influence_group_reach(r, in.label(n), &out));
            (void)vb_influence_spread_lower_bound(r);
            (void)vb_influence_approximation(r);
            vb_influence_free(r);
        }
    }
}

void assignment_functions(Bytes& in) {
    const std::size_t rows = in.count(5), cols = in.count(5);
    std::vector<double> cost(rows * cols);
    for (auto& c : cost) c = in.real();
    const std::uint8_t flags = in.byte();
    vb_assignment_t* a = nullptr;
    check(vb_linear_assignment(cost.empty() && (flags & 1) ? nullptr : cost.data(), rows, cols, flags & 2, &a));
    vb_assignment_free(a);
    a = nullptr;
    vb_assign_options_t o;
    vb_assign_options_init(&o);
    std::vector<std::int64_t> row_cap(in.count(rows + 1)), col_cap(in.count(cols + 1));
    for (auto& c : row_cap) c = in.integer();
    for (auto& c : col_cap) c = in.integer();
    o.row_capacity = (flags & 4) && row_cap.empty() ? nullptr : row_cap.data();
    o.row_capacity_count = (flags & 8) ? row_cap.size() + (flags & 4 ? 1 : 0) : row_cap.size();
    if (o.row_capacity_count > row_cap.size()) o.row_capacity = nullptr;  // a count without an array
    o.col_capacity = col_cap.data();
    o.col_capacity_count = col_cap.size();
    o.maximize = flags & 16;
    check(vb_assign(cost.data(), rows, cols, (flags & 32) ? nullptr : &o, &a));
    if (a) {
        (void)vb_assignment_count(a);
        (void)vb_assignment_total(a);
    }
    vb_assignment_free(a);

    // Stable matching: proposers p0..p2 and reviewers r0..r2 who all rank
    // each other, with capacities from the bytes (negative, huge, unknown).
    static const char* const proposers[] = {"p0", "p1", "p2"};
    static const char* const reviewers[] = {"r0", "r1", "r2", "nobody"};
    vb_preference_list_t pp[3], rp[3];
    for (int i = 0; i < 3; ++i) {
        pp[i] = {proposers[i], reviewers, 3};
        rp[i] = {reviewers[i], proposers, 3};
    }
    vb_stable_options_t so;
    vb_stable_options_init(&so);
    so.capacity = in.integer();
    std::vector<std::int64_t> caps(in.count(4));
    for (auto& c : caps) c = in.integer();
    so.capacity_reviewers = reviewers;
    so.capacities = caps.data();
    so.capacity_count = caps.size();
    if (in.byte() & 1) so.capacities = nullptr;
    vb_match_pairs_t* pairs = nullptr;
    check(vb_stable_match(pp, 3, rp, 3, &so, &pairs));
    if (pairs) {
        vb_match_pairs_t* blocking = nullptr;
        std::vector<vb_match_pair_t> found(vb_match_pairs_count(pairs));
        for (std::size_t i = 0; i < found.size(); ++i)
            found[i] = {vb_match_pairs_proposer(pairs, i), vb_match_pairs_reviewer(pairs, i)};
        check(vb_blocking_pairs(pp, 3, rp, 3, found.data(), found.size(), &so, &blocking));
        vb_match_pairs_free(blocking);
    }
    vb_match_pairs_free(pairs);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    Bytes in(data, size);
    // The graph: n nodes, m edges whose ends may be out of range, weights
    // from the palette (NaN, negative, infinite) when asked.
    const std::size_t n = in.count(16);
    const std::uint8_t flags = in.byte();
    const std::size_t m = in.count(40);
    std::vector<std::uint32_t> src(m), dst(m);
    for (std::size_t e = 0; e < m; ++e) {
        src[e] = (flags & 8) ? in.label(n) : static_cast<std::uint32_t>(n ? in.byte() % n : 0);
        dst[e] = (flags & 8) ? in.label(n) : static_cast<std::uint32_t>(n ? in.byte() % n : 0);
    }
    std::vector<double> weights(m);
    for (auto& w : weights) w = (flags & 16) ? in.real() : static_cast<double>(in.byte() % 5) / 4.0;
    vb_graph_t* g = nullptr;
    if (flags & 1) {
        check(vb_graph_from_edges(n, m, (flags & 64) ? nullptr : src.data(), dst.data(),
                                  (flags & 2) ? weights.data() : nullptr, nullptr, &g));
    } else {
        vb_edge_list_options_t o;
        vb_edge_list_options_init(&o);
        o.directed = (flags & 4) != 0;
        o.duplicates = static_cast<vb_merge_t>(in.byte() % 7);
        o.self_loops = static_cast<vb_self_loops_t>(in.byte() % 3);
        check(vb_graph_from_edges(n, m, src.data(), (flags & 64) ? nullptr : dst.data(),
                                  (flags & 2) ? weights.data() : nullptr, &o, &g));
    }
    if (g) {
        const std::size_t edges = vb_graph_edge_count(g);
        std::vector<std::uint32_t> s(edges), d(edges);
        std::vector<double> w(edges);
        check(vb_graph_edges(g, edges, s.data(), d.data(), w.data()));
        graph_functions(in, g);
        vb_graph_free(g);
    } else {
        // NULL graphs are reported, never followed.
        double out;
        const std::uint32_t one = 0;
        check(vb_modularity(nullptr, &one, 1.0, &out));
        check(vb_expected_ei_index(nullptr, &one, nullptr, nullptr));
    }
    if (flags & 32) assignment_functions(in);
    return 0;
}
