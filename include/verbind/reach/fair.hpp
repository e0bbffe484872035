// Group-fair influence maximisation: choose k seeds so that the group
// reached least (as a fraction of its members) is reached as well as
// possible (maximin), so a programme reaches every group, not only the
// largest.
//
// Method: the multiplicative-weights approach of Tsang, Wilder, Rice, Tambe
// & Zick, "Group-Fairness in Influence Maximization", IJCAI 2019 (Sec. 5):
// rounds t = 1..T each pick S_t greedily for the group-weighted coverage
// sum_g w_g f_g(S) (estimated with reverse-reachable sets rooted in each
// group), then lower the weight of the groups S_t reached well,
// w_g <- w_g exp(-eta f_g(S_t)).
//
// Guarantee, honestly: Tsang et al. prove (1 - 1/e) times the best maximin
// value, minus the multiplicative-weights and sampling error, for the
// *random mixture* of S_1..S_T. A single seed set has no constant-factor
// guarantee for maximin at a fixed k (the problem is inapproximable, ibid.
// Sec. 4). We return the one S_t whose smallest group fraction is largest,
// measured on RR sets that chose nothing; `approximation` is NaN because no
// ratio is certified, and spread_lower_bound is a Hoeffding lower bound
// (probability >= 1 - delta) on the expected reach of that set.
#pragma once

#include "verbind/reach/spread.hpp"

#include <span>

namespace verbind {

// group[v] is the group label (0..G-1) of node v; every label in 0..G-1
// must occur. Throws input_error when group.size() != n or a label is
// missing, and as influence_max for the other options.
InfluenceResult fair_influence_max(const Graph& graph, std::size_t k, std::span<const std::uint32_t> group,
                                   const InfluenceOptions& options = {});

// fair_influence_max computed by every rank of `collective` together: the
// RR sets are drawn split over the ranks (set j of each group and half on
// rank j mod size, from the same stream as alone) and then gathered on every
// rank, which chooses as alone: the result is exactly the single-process
// one, on every rank. Each rank holds all the sets (max_memory_bytes as
// alone). The ranks must agree on the graph, k, groups and options.
InfluenceResult fair_influence_max(const Graph& graph, std::size_t k, std::span<const std::uint32_t> group,
                                   const InfluenceOptions& options, Collective& collective);

}  // namespace verbind
