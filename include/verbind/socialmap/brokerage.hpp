// Burt's brokerage measures (Structural Holes, 1992), as networkx computes
// them: mutual weights a_uv + a_vu over all neighbours; NaN for a node
// without (out-)neighbours, as networkx.
#pragma once

#include "verbind/graph/graph.hpp"

#include <vector>

namespace verbind {

struct BrokerageOptions {
    bool weighted = false;
    unsigned threads = 0;  // 0: all cores

    // Every value is valid; constraint and effective_size call it first,
    // like every Options struct's validate() (a new field's check goes here).
    void validate() const {}
};

// networkx.constraint.
std::vector<double> constraint(const Graph& graph, const BrokerageOptions& options = {});

// networkx.effective_size: Borgatti's n - 2t/n for undirected unweighted
// graphs, Burt's redundancy formula otherwise.
std::vector<double> effective_size(const Graph& graph, const BrokerageOptions& options = {});

}  // namespace verbind
