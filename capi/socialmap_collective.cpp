// The C ABI of the distributed centralities (issue 18): betweenness,
// closeness and harmonic computed by every rank of a vb_collective_t
// together, through the one bridge capi/collective.hpp.
#include "capi_internal.hpp"
#include "collective.hpp"

#include "verbind/error.hpp"
#include "verbind/socialmap/centrality.hpp"

#include <algorithm>
#include <vector>

using namespace verbind::capi;

namespace {

enum class Measure { betweenness, closeness, harmonic };

void collective_centrality(Measure measure, const vb_graph_t* graph, const vb_centrality_options_t* options,
                           const vb_collective_t* collective, double* values) {
    // The C arguments are checked on every rank with one agreed outcome
    // (CallRanks): a NULL graph or values, or a bad struct_size, on one rank
    // is the same VB_ERROR_INVALID_ARGUMENT on every rank, never a hang.
    CallRanks ranks(collective, true);
    const verbind::Graph* g = nullptr;
    vb_centrality_options_t o;
    ranks.agreed([&] {
        require(graph, "graph");
        g = &graph->graph;
        if (g->num_nodes() > 0) require(values, "values");
        o = centrality_options(options);
    });
    std::vector<double> result;
    if (measure == Measure::betweenness)
        result = verbind::betweenness(*g, betweenness_options(o), ranks.collective());
    else if (measure == Measure::closeness)
        result = verbind::closeness(*g, distance_options(o), ranks.collective());
    else
        result = verbind::harmonic(*g, distance_options(o), ranks.collective());
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
