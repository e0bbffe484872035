// The C ABI of the distributed centralities (issue 18): betweenness,
// closeness and harmonic computed by every rank of a vb_collective_t
// together, through the one bridge capi/collective.hpp.
#include "capi_internal.hpp"
#include "collective.hpp"

#include "verbind/error.hpp"
#include "verbind/socialmap/centrality.hpp"
#include "verbind/util/collective.hpp"

#include <algorithm>
#include <string>
#include <tuple>
#include <vector>

#undef vb_centrality_options_init

using namespace verbind::capi;

namespace {

// vb_centrality_options_t's first published size (as capi/socialmap.cpp).
constexpr std::size_t centrality_options_first_size = VB_FIRST_SIZE(vb_centrality_options_t, max_iter);

enum class Measure { betweenness, closeness, harmonic };

// Checks and converts the C arguments on every rank and agrees on the
// outcome, so that a C-side mistake on one rank (a NULL graph or values, a
// bad struct_size) is the same VB_ERROR_INVALID_ARGUMENT on every rank
// ("rank R: argument 'values' is NULL"), never a hang. One rank alone
// reports it as vb_centrality does.
template <class Read>
void read_on_every_rank(verbind::Collective& collective, Read&& read) {
    if (collective.size() == 1) {
        read();
        return;
    }
    verbind::FailureKind kind = verbind::FailureKind::none;
    std::string message;
    try {
        read();
    } catch (const argument_error& e) {
        // input_error is VB_ERROR_INVALID_ARGUMENT too (status_from_current_exception).
        kind = verbind::FailureKind::input;
        message = e.message();
    } catch (...) {
        std::tie(kind, message) = verbind::collective_detail::current_failure();
    }
    verbind::agree(collective, kind, message);
}

void collective_centrality(Measure measure, const vb_graph_t* graph, const vb_centrality_options_t* options,
                           const vb_collective_t* collective, double* values) {
    CallbackCollective ranks(collective);
    const verbind::Graph* g = nullptr;
    vb_centrality_options_t o;
    vb_centrality_options_init_sized(&o, sizeof o);
    read_on_every_rank(ranks, [&] {
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
        result = verbind::betweenness(*g, b, ranks);
    } else {
        verbind::DistanceOptions d;
        d.weighted = weighted;
        d.threads = o.threads;
        d.progress = progress_of(o.progress, o.progress_data);
        result = measure == Measure::closeness ? verbind::closeness(*g, d, ranks) : verbind::harmonic(*g, d, ranks);
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
