// The C ABI of the distributed centralities (issue 18): betweenness,
// closeness and harmonic computed by every rank of a vb_collective_t
// together, through the one bridge capi/collective.hpp.
#include "capi_internal.hpp"
#include "collective.hpp"

#include "verbind/error.hpp"
#include "verbind/socialmap/centrality.hpp"

#include <algorithm>
#include <vector>

#undef vb_centrality_options_init

using namespace verbind::capi;

namespace {

// vb_centrality_options_t's first published size (as capi/socialmap.cpp).
constexpr std::size_t centrality_options_first_size = VB_FIRST_SIZE(vb_centrality_options_t, max_iter);

enum class Measure { betweenness, closeness, harmonic };

void collective_centrality(Measure measure, const vb_graph_t* graph, const vb_centrality_options_t* options,
                           const vb_collective_t* collective, double* values) {
    // The C arguments are checked on every rank with one agreed outcome
    // (CallRanks): a NULL graph or values, or a bad struct_size, on one rank
    // is the same VB_ERROR_INVALID_ARGUMENT on every rank, never a hang.
    CallRanks ranks(collective, true);
    const verbind::Graph* g = nullptr;
    vb_centrality_options_t o;
    vb_centrality_options_init_sized(&o, sizeof o);
    ranks.agreed([&] {
        require(graph, "graph");
        g = &graph->graph;
        if (g->num_nodes() > 0) require(values, "values");
        read_options(options, centrality_options_first_size, o, "vb_centrality_options_t");
    });
    const bool weighted = o.weighted > 0;  // -1: the measure's default, unweighted for these three
    std::vector<double> result;
    if (measure == Measure::betweenness) {
        verbind::BetweennessOptions b;
        b.normalized = o.normalized != 0;
        b.weighted = weighted;
        if (o.samples > 0) b.samples = o.samples;
        b.seed = o.seed;
        b.threads = o.threads;
        b.progress = progress_of(o.progress, o.progress_data);
        result = verbind::betweenness(*g, b, ranks.collective());
    } else {
        verbind::DistanceOptions d;
        d.weighted = weighted;
        d.threads = o.threads;
        d.progress = progress_of(o.progress, o.progress_data);
        result = measure == Measure::closeness ? verbind::closeness(*g, d, ranks.collective())
                                               : verbind::harmonic(*g, d, ranks.collective());
    }
    std::copy(result.begin(), result.end(), values);
}

}  // namespace

extern "C" {

vb_status_t vb_collective_betweenness(const vb_graph_t* graph, const vb_centrality_options_t* options,
                                      const vb_collective_t* collective, double* values) {
    return guarded(__func__,
                   [&] { collective_centrality(Measure::betweenness, graph, options, collective, values); });
}

vb_status_t vb_collective_closeness(const vb_graph_t* graph, const vb_centrality_options_t* options,
                                    const vb_collective_t* collective, double* values) {
    return guarded(__func__, [&] { collective_centrality(Measure::closeness, graph, options, collective, values); });
}

vb_status_t vb_collective_harmonic(const vb_graph_t* graph, const vb_centrality_options_t* options,
                                   const vb_collective_t* collective, double* values) {
    return guarded(__func__, [&] { collective_centrality(Measure::harmonic, graph, options, collective, values); });
}

}  // extern "C"
