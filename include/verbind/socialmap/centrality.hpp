// Centralities, each as networkx's function of the same meaning (same
// normalisation, directed graphs, disconnected graphs and isolated nodes).
// Results are one value per node, indexed like the graph, and identical for
// any thread count.
#pragma once

#include "verbind/graph/graph.hpp"
#include "verbind/util/collective.hpp"
#include "verbind/util/progress.hpp"

#include <cstdint>
#include <optional>
#include <vector>

namespace verbind {

// networkx.degree_centrality: degree / (n - 1); directed graphs count in- and
// out-arcs; a graph of one node gives 1.
std::vector<double> degree_centrality(const Graph& graph);

struct BetweennessOptions {
    bool normalized = true;
    bool weighted = false;               // weights as distances (Dijkstra)
    std::optional<std::size_t> samples;  // k sampled sources (1..n); none: all
    std::optional<std::uint64_t> seed;   // for samples; none: default_seed
    unsigned threads = 0;
    ProgressCallback progress;

    // Throws input_error for samples == 0 (more samples than nodes is
    // refused by betweenness, which knows the graph).
    void validate() const;
};

// networkx.betweenness_centrality (Brandes 2001; endpoints excluded). With
// samples = k the sum over k sources is scaled by n/k, as networkx does.
std::vector<double> betweenness(const Graph& graph, const BetweennessOptions& options = {});

// Across the ranks of `collective` (issue 18; docs/scale.md): every rank
// passes the same graph and options (checked: a difference is the same
// input_error on every rank, naming the first field that differs and two
// ranks' values) and gets the same result, the single-process one to about
// 1e-12 relative (bit-identical with one rank). The sources (all nodes, or
// the same sample on every rank) are dealt to the ranks in turn; each rank
// runs its share on its own threads (`threads`: identical results for any
// thread count), and the dependency sums are added with Collective::sum. A
// failure on any rank (bad options, samples > n, a cancelling progress
// callback) is the same exception on every rank.
std::vector<double> betweenness(const Graph& graph, const BetweennessOptions& options, Collective& collective);

// The sources betweenness samples for these n, k and seed, in the order drawn.
std::vector<NodeId> betweenness_sources(std::size_t n, std::size_t samples, std::uint64_t seed);

struct DistanceOptions {
    bool weighted = false;  // weights as distances (Dijkstra)
    unsigned threads = 0;
    ProgressCallback progress;

    // Every value is valid; closeness and harmonic call it first, like every
    // Options struct's validate() (a new field's check goes here).
    void validate() const {}
};

// networkx.closeness_centrality with wf_improved=True: (r-1)/sum(d) * (r-1)/(n-1)
// over the r nodes that reach the node; directed graphs use incoming distances.
std::vector<double> closeness(const Graph& graph, const DistanceOptions& options = {});

// networkx.harmonic_centrality: sum over other nodes v of 1/d(v, u).
std::vector<double> harmonic(const Graph& graph, const DistanceOptions& options = {});

// Across the ranks of `collective`, as betweenness above: the sources
// (unweighted: batches of 64) dealt to the ranks in turn. Closeness sums
// integer counts and distances (weighted: each node's sums come from one
// rank), so it is bit-identical for any number of ranks, as is weighted
// harmonic; unweighted harmonic equals the single-process result to about
// 1e-12 relative.
std::vector<double> closeness(const Graph& graph, const DistanceOptions& options, Collective& collective);
std::vector<double> harmonic(const Graph& graph, const DistanceOptions& options, Collective& collective);

struct PageRankOptions {
    double damping = 0.85;
    std::vector<double> personalization;  // empty: uniform; else one value >= 0 per node, sum > 0
    bool weighted = true;
    double tol = 1e-10;  // stop when the L1 change is below n * tol (networkx's test)
    std::size_t max_iter = 1000;
    unsigned threads = 0;
    ProgressCallback progress;

    // Throws input_error for damping outside [0, 1], tol <= 0 (or NaN), a
    // personalization value that is negative or not finite, or values that
    // sum to 0 (their count is checked against the graph by pagerank).
    void validate() const;
};

// networkx.pagerank: power iteration from the uniform vector; dangling nodes
// (no out-weight) jump by the personalization vector. Throws input_error when
// it does not converge within max_iter.
std::vector<double> pagerank(const Graph& graph, const PageRankOptions& options = {});

struct EigenvectorOptions {
    bool weighted = true;
    double tol = 1e-10;  // networkx's test: L1 change below n * tol
    std::size_t max_iter = 1000;

    // Throws input_error for tol <= 0 (or NaN).
    void validate() const;
};

// networkx.eigenvector_centrality: power iteration on (A + I) from the
// uniform vector, Euclidean norm 1; directed graphs score in-arcs.
std::vector<double> eigenvector(const Graph& graph, const EigenvectorOptions& options = {});

}  // namespace verbind
