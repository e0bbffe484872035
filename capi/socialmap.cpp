// The C ABI of the social map capability: per-node measures into caller
// arrays, structure, communities, mixing, and the social map as JSON.
#include "capi_internal.hpp"

#include "verbind/error.hpp"
#include "verbind/io/social_map_json.hpp"
#include "verbind/model/date.hpp"
#include "verbind/socialmap/brokerage.hpp"
#include "verbind/socialmap/centrality.hpp"
#include "verbind/socialmap/communities.hpp"
#include "verbind/socialmap/mixing.hpp"
#include "verbind/socialmap/social_map.hpp"
#include "verbind/socialmap/structure.hpp"
#include "verbind/util/random.hpp"

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <span>

#undef vb_centrality_options_init
#undef vb_community_options_init
#undef vb_social_map_options_init

using namespace verbind::capi;

namespace {

constexpr std::size_t centrality_options_first_size = VB_FIRST_SIZE(vb_centrality_options_t, max_iter);
constexpr std::size_t community_options_first_size = VB_FIRST_SIZE(vb_community_options_t, threads);
constexpr std::size_t social_map_options_first_size = VB_FIRST_SIZE(vb_social_map_options_t, include_sensitive);

// The C defaults are read from default-constructed C++ options, never
// restated. weighted -1 is the C face's own "the measure's default" (the C++
// structs differ per measure: PageRankOptions and EigenvectorOptions weigh).
vb_centrality_options_t centrality_defaults() {
    static const verbind::BetweennessOptions betweenness;
    static const verbind::PageRankOptions pagerank;
    auto o = zeroed_options<vb_centrality_options_t>();
    o.weighted = -1;
    o.normalized = betweenness.normalized ? 1 : 0;
    o.samples = betweenness.samples.value_or(0);
    o.seed = verbind::seed_or_default(betweenness.seed);
    o.threads = betweenness.threads;
    o.damping = pagerank.damping;
    o.tol = pagerank.tol;
    o.max_iter = pagerank.max_iter;
    return o;
}

vb_community_method_t c_method_of(verbind::CommunityMethod method) {
    return method == verbind::CommunityMethod::louvain ? VB_COMMUNITY_LOUVAIN : VB_COMMUNITY_LEIDEN;
}

vb_community_options_t community_defaults() {
    static const verbind::CommunityOptions core;
    auto o = zeroed_options<vb_community_options_t>();
    o.method = c_method_of(core.method);
    o.resolution = core.resolution;
    o.seed = verbind::seed_or_default(core.seed);
    o.threads = core.threads;
    return o;
}

constexpr std::size_t expected_ei_options_first_size = VB_FIRST_SIZE(vb_expected_ei_options_t, progress_data);
constexpr std::size_t expected_ei_first_size = VB_FIRST_SIZE(vb_expected_ei_t, permutations);

vb_expected_ei_options_t expected_ei_defaults() {
    auto o = zeroed_options<vb_expected_ei_options_t>();
    static const verbind::ExpectedEIOptions core;
    o.permutations = core.permutations;
    o.seed = verbind::seed_or_default(core.seed);
    o.threads = core.threads;
    return o;
}

vb_social_map_options_t social_map_defaults() {
    static const verbind::SocialMapOptions core;
    auto o = zeroed_options<vb_social_map_options_t>();
    o.top = core.top;
    o.seed = verbind::seed_or_default(core.seed);
    o.threads = core.threads;
    o.min_cell = core.min_cell;
    o.include_sensitive = core.include_sensitive ? 1 : 0;
    return o;
}

// The social map as a JSON string the caller frees with vb_free.
void social_map_json(const vb_network_t* net, const vb_social_map_options_t* given, char** json) {
    require(json, "json");
    *json = nullptr;
    require(net, "net");
    const verbind::SocialMapOptions o = social_map_options(given);
    *json = library_string(verbind::to_json(verbind::social_map(net->network, o)));
}

const verbind::Graph& graph_of(const vb_graph_t* graph) {
    require(graph, "graph");
    return graph->graph;
}

std::span<const std::uint32_t> node_span(const verbind::Graph& g, const std::uint32_t* values, const char* name) {
    if (g.num_nodes() > 0) require(values, name);
    return {values, g.num_nodes()};
}

}  // namespace

verbind::SocialMapOptions verbind::capi::social_map_options(const vb_social_map_options_t* given) {
    vb_social_map_options_t c = social_map_defaults();
    read_options(given, social_map_options_first_size, c, "vb_social_map_options_t");
    verbind::SocialMapOptions o;
    o.municipality = std::string(optional_text(c.municipality));
    o.neighbourhood = std::string(optional_text(c.neighbourhood));
    o.start = verbind::parse_optional_date(optional_text(c.start), "argument 'options' field 'start'");
    o.end = verbind::parse_optional_date(optional_text(c.end), "argument 'options' field 'end'");
    o.top = c.top;
    o.seed = c.seed;
    o.threads = c.threads;
    o.min_cell = c.min_cell;
    o.include_sensitive = c.include_sensitive != 0;
    o.progress = progress_of(c.progress, c.progress_data);
    return o;
}

namespace verbind::capi {

vb_centrality_options_t centrality_options(const vb_centrality_options_t* options) {
    vb_centrality_options_t o = centrality_defaults();
    read_options(options, centrality_options_first_size, o, "vb_centrality_options_t");
    return o;
}

verbind::BetweennessOptions betweenness_options(const vb_centrality_options_t& o) {
    verbind::BetweennessOptions b;
    b.normalized = o.normalized != 0;
    b.weighted = o.weighted > 0;  // -1: the measure's default, unweighted
    if (o.samples > 0) b.samples = o.samples;
    b.seed = o.seed;
    b.threads = o.threads;
    b.progress = progress_of(o.progress, o.progress_data);
    return b;
}

verbind::DistanceOptions distance_options(const vb_centrality_options_t& o) {
    verbind::DistanceOptions d;
    d.weighted = o.weighted > 0;  // -1: the measure's default, unweighted
    d.threads = o.threads;
    d.progress = progress_of(o.progress, o.progress_data);
    return d;
}

}  // namespace verbind::capi

extern "C" {

void vb_centrality_options_init_sized(vb_centrality_options_t* options, size_t struct_size) {
    init_options(options, struct_size, centrality_options_first_size, centrality_defaults());
}

vb_status_t vb_centrality(const vb_graph_t* graph, vb_centrality_t measure_given,
                          const vb_centrality_options_t* options, double* values) {
    static const char fn[] = "vb_centrality";
    // A C caller may pass any int; reading an out-of-range value as the C++
    // enum type would be undefined behaviour, so its bytes are read as int.
    static_assert(sizeof(vb_centrality_t) == sizeof(int));
    int measure;
    std::memcpy(&measure, &measure_given, sizeof measure);
    return guarded(fn, [&] {
        const verbind::Graph& g = graph_of(graph);
        if (g.num_nodes() > 0) require(values, "values");
        const vb_centrality_options_t o = centrality_options(options);
        const bool default_weighted = measure == VB_CENTRALITY_PAGERANK || measure == VB_CENTRALITY_EIGENVECTOR;
        const bool weighted = o.weighted < 0 ? default_weighted : o.weighted != 0;
        std::vector<double> result;
        switch (measure) {
            case VB_CENTRALITY_DEGREE: result = verbind::degree_centrality(g); break;
            case VB_CENTRALITY_BETWEENNESS: result = verbind::betweenness(g, betweenness_options(o)); break;
            case VB_CENTRALITY_CLOSENESS: result = verbind::closeness(g, distance_options(o)); break;
            case VB_CENTRALITY_HARMONIC: result = verbind::harmonic(g, distance_options(o)); break;
            case VB_CENTRALITY_PAGERANK: {
                verbind::PageRankOptions p;
                p.damping = o.damping;
                if (o.personalization) p.personalization.assign(o.personalization, o.personalization + g.num_nodes());
                p.weighted = weighted;
                p.tol = o.tol;
                p.max_iter = o.max_iter;
                p.threads = o.threads;
                p.progress = progress_of(o.progress, o.progress_data);
                result = verbind::pagerank(g, p);
                break;
            }
            case VB_CENTRALITY_EIGENVECTOR: {
                verbind::EigenvectorOptions e;
                e.weighted = weighted;
                e.tol = o.tol;
                e.max_iter = o.max_iter;
                result = verbind::eigenvector(g, e);
                break;
            }
            case VB_CENTRALITY_CONSTRAINT:
            case VB_CENTRALITY_EFFECTIVE_SIZE: {
                verbind::BrokerageOptions k{weighted, o.threads};
                result =
                    measure == VB_CENTRALITY_CONSTRAINT ? verbind::constraint(g, k) : verbind::effective_size(g, k);
                break;
            }
            default:
                throw argument_error("argument 'measure' is " + std::to_string(measure) + ", not a vb_centrality_t");
        }
        std::copy(result.begin(), result.end(), values);
    });
}

vb_status_t vb_core_number(const vb_graph_t* graph, uint32_t* cores) {
    return guarded("vb_core_number", [&] {
        const verbind::Graph& g = graph_of(graph);
        if (g.num_nodes() > 0) require(cores, "cores");
        const auto result = verbind::core_number(g);
        std::copy(result.begin(), result.end(), cores);
    });
}

vb_status_t vb_components(const vb_graph_t* graph, uint32_t* labels, size_t* count) {
    return guarded("vb_components", [&] {
        const verbind::Graph& g = graph_of(graph);
        if (g.num_nodes() > 0) require(labels, "labels");
        const auto result = verbind::components(g);
        std::copy(result.begin(), result.end(), labels);
        if (count) *count = result.empty() ? 0 : *std::max_element(result.begin(), result.end()) + 1;
    });
}

vb_status_t vb_articulation_points(const vb_graph_t* graph, size_t capacity, uint32_t* points, size_t* count) {
    return guarded("vb_articulation_points", [&] {
        const verbind::Graph& g = graph_of(graph);
        require(count, "count");
        const auto result = verbind::articulation_points(g);
        *count = result.size();
        if (result.size() > capacity)
            throw argument_error("capacity " + std::to_string(capacity) + " is below the " +
                                 std::to_string(result.size()) + " articulation points");
        if (!result.empty()) require(points, "points");
        std::copy(result.begin(), result.end(), points);
    });
}

vb_status_t vb_bridges(const vb_graph_t* graph, size_t capacity, uint32_t* u, uint32_t* v, size_t* count) {
    return guarded("vb_bridges", [&] {
        const verbind::Graph& g = graph_of(graph);
        require(count, "count");
        const auto result = verbind::bridges(g);
        *count = result.size();
        if (result.size() > capacity)
            throw argument_error("capacity " + std::to_string(capacity) + " is below the " +
                                 std::to_string(result.size()) + " bridges");
        if (!result.empty()) require(u, "u"), require(v, "v");
        for (std::size_t i = 0; i < result.size(); ++i) u[i] = result[i].first, v[i] = result[i].second;
    });
}

void vb_community_options_init_sized(vb_community_options_t* options, size_t struct_size) {
    init_options(options, struct_size, community_options_first_size, community_defaults());
}

vb_status_t vb_communities(const vb_graph_t* graph, const vb_community_options_t* options, uint32_t* labels,
                           size_t* count) {
    return guarded("vb_communities", [&] {
        const verbind::Graph& g = graph_of(graph);
        if (g.num_nodes() > 0) require(labels, "labels");
        vb_community_options_t o = community_defaults();
        read_options(options, community_options_first_size, o, "vb_community_options_t");
        verbind::CommunityOptions c;
        const long long method = enum_value(o.method);
        if (method == VB_COMMUNITY_LEIDEN)
            c.method = verbind::CommunityMethod::leiden;
        else if (method == VB_COMMUNITY_LOUVAIN)
            c.method = verbind::CommunityMethod::louvain;
        else
            throw argument_error("options->method is " + std::to_string(method) + ", not a vb_community_method_t");
        c.resolution = o.resolution;
        c.seed = o.seed;
        c.threads = o.threads;
        c.progress = progress_of(o.progress, o.progress_data);
        const auto result = verbind::communities(g, c);
        std::copy(result.begin(), result.end(), labels);
        if (count) *count = result.empty() ? 0 : *std::max_element(result.begin(), result.end()) + 1;
    });
}

vb_status_t vb_modularity(const vb_graph_t* graph, const uint32_t* labels, double resolution, double* out) {
    return guarded("vb_modularity", [&] {
        const verbind::Graph& g = graph_of(graph);
        require(out, "out");
        *out = verbind::modularity(g, node_span(g, labels, "labels"), resolution);
    });
}

vb_status_t vb_ei_index(const vb_graph_t* graph, const uint32_t* groups, double* out) {
    return guarded("vb_ei_index", [&] {
        const verbind::Graph& g = graph_of(graph);
        require(out, "out");
        *out = verbind::ei_index(g, node_span(g, groups, "groups"));
    });
}

vb_status_t vb_ei_index_per_group(const vb_graph_t* graph, const uint32_t* groups, size_t capacity, double* values,
                                  size_t* count) {
    return guarded("vb_ei_index_per_group", [&] {
        const verbind::Graph& g = graph_of(graph);
        require(count, "count");
        const auto result = verbind::ei_index_per_group(g, node_span(g, groups, "groups"));
        *count = result.size();
        if (result.size() > capacity)
            throw argument_error("capacity " + std::to_string(capacity) + " is below the " +
                                 std::to_string(result.size()) + " groups");
        if (!result.empty()) require(values, "values");
        std::copy(result.begin(), result.end(), values);
    });
}

void vb_expected_ei_options_init_sized(vb_expected_ei_options_t* options, size_t struct_size) {
    init_options(options, struct_size, expected_ei_options_first_size, expected_ei_defaults());
}

vb_status_t vb_expected_ei_index(const vb_graph_t* graph, const uint32_t* groups,
                                 const vb_expected_ei_options_t* options, vb_expected_ei_t* out) {
    return guarded("vb_expected_ei_index", [&] {
        const verbind::Graph& g = graph_of(graph);
        require(out, "out");
        check_result_size(out, expected_ei_first_size, "vb_expected_ei_t");
        vb_expected_ei_options_t given = expected_ei_defaults();
        read_options(options, expected_ei_options_first_size, given, "vb_expected_ei_options_t");
        verbind::ExpectedEIOptions o;
        o.permutations = given.permutations;
        o.seed = given.seed;
        o.threads = given.threads;
        o.progress = progress_of(given.progress, given.progress_data);
        const auto r = verbind::expected_ei_index(g, node_span(g, groups, "groups"), o);
        write_result(out,
                     vb_expected_ei_t{0, r.observed, r.expected, r.std_dev, r.analytic, r.p_value, r.permutations});
    });
}

vb_status_t vb_assortativity(const vb_graph_t* graph, const uint32_t* groups, double* out) {
    return guarded("vb_assortativity", [&] {
        const verbind::Graph& g = graph_of(graph);
        require(out, "out");
        *out = verbind::assortativity(g, node_span(g, groups, "groups"));
    });
}

void vb_social_map_options_init_sized(vb_social_map_options_t* options, size_t struct_size) {
    init_options(options, struct_size, social_map_options_first_size, social_map_defaults());
}

vb_status_t vb_social_map_json(const vb_network_t* net, const vb_social_map_options_t* options, char** json) {
    return guarded("vb_social_map_json", [&] { social_map_json(net, options, json); });
}


}  // extern "C"
