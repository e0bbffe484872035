"""Communities and modularity against networkx and igraph, computed in this run."""

import random

import igraph as ig
import networkx as nx
import numpy as np
import pytest

import verbind
from socialmap_graphs import directed_cases, facebook, relabelled, to_verbind, undirected_cases


def as_sets(labels):
    groups = {}
    for i, l in enumerate(np.asarray(labels).tolist()):
        groups.setdefault(l, set()).add(i)
    return list(groups.values())


def labelling_cases(G, g, seed):
    rng = np.random.default_rng(seed)
    yield verbind.communities(g, seed=seed)
    yield rng.integers(0, 5, size=G.number_of_nodes())
    yield np.zeros(G.number_of_nodes(), dtype=int)
    yield np.arange(G.number_of_nodes())


@pytest.mark.parametrize("name,G,weight", undirected_cases(), ids=lambda c: c if isinstance(c, str) else "")
def test_modularity_matches_networkx(name, G, weight):
    g, nodes = to_verbind(G, weight)
    for labels in labelling_cases(G, g, 11):
        for resolution in (1.0, 0.5, 2.0):
            expected = nx.community.modularity(G, as_sets(labels), weight=weight, resolution=resolution)
            assert verbind.modularity(g, labels, resolution=resolution) == pytest.approx(expected, abs=1e-12)


@pytest.mark.parametrize("name,G,weight", directed_cases(), ids=lambda c: c if isinstance(c, str) else "")
def test_directed_modularity_matches_networkx(name, G, weight):
    g, _ = to_verbind(G, weight)
    rng = np.random.default_rng(5)
    for labels in (rng.integers(0, 4, size=G.number_of_nodes()), np.arange(G.number_of_nodes()) % 3):
        expected = nx.community.modularity(G, as_sets(labels), weight=weight)
        assert verbind.modularity(g, labels) == pytest.approx(expected, abs=1e-12)


def test_modularity_accepts_sparse_label_values():
    G = relabelled(nx.karate_club_graph())
    g, _ = to_verbind(G)
    labels = np.array([4_000_000_000 if G.nodes[v]["club"] == "Mr. Hi" else 7 for v in G])
    expected = nx.community.modularity(G, as_sets(labels), weight=None)
    assert verbind.modularity(g, labels) == pytest.approx(expected, abs=1e-12)


def igraph_best(G, weight, runs=3):
    random.seed(1)  # python-igraph seeds its generator from Python's random
    h = ig.Graph(n=G.number_of_nodes(), edges=list(G.edges()))
    weights = [d[weight] for _, _, d in G.edges(data=True)] if weight else None
    best = -1.0
    for _ in range(runs):
        best = max(best, h.community_multilevel(weights=weights).modularity)
        best = max(best, h.community_leiden(objective_function="modularity", weights=weights).modularity
                   if weights is None else h.modularity(h.community_leiden(objective_function="modularity",
                                                                          weights=weights).membership,
                                                        weights=weights))
    return best


@pytest.mark.parametrize("name,G,weight", [c for c in undirected_cases() if c[0] != "random2"],
                         ids=lambda c: c if isinstance(c, str) else "")
def test_leiden_reaches_igraph_quality(name, G, weight):
    g, _ = to_verbind(G, weight)
    labels = verbind.communities(g, seed=3)
    assert labels.dtype == np.uint32 and len(labels) == G.number_of_nodes()
    ours = nx.community.modularity(G, as_sets(labels), weight=weight)
    assert ours >= igraph_best(G, weight) - 0.002


@pytest.mark.parametrize("name,G,weight", [c for c in undirected_cases(False) if c[0] != "random2"],
                         ids=lambda c: c if isinstance(c, str) else "")
def test_louvain_matches_igraph_multilevel(name, G, weight):
    # Both are randomised greedy heuristics: compare means over six runs.
    g, _ = to_verbind(G, weight)
    ours = [nx.community.modularity(G, as_sets(verbind.communities(g, method="louvain", seed=s)), weight=weight)
            for s in range(6)]
    random.seed(2)
    h = ig.Graph(n=G.number_of_nodes(), edges=list(G.edges()))
    weights = [d[weight] for _, _, d in G.edges(data=True)] if weight else None
    theirs = [h.community_multilevel(weights=weights).modularity for _ in range(6)]
    assert np.mean(ours) >= np.mean(theirs) - 0.005


def test_communities_numbered_by_lowest_node_and_reproducible():
    G = facebook()
    g, _ = to_verbind(G)
    for method in ("leiden", "louvain"):
        labels = verbind.communities(g, method=method, seed=42)
        first_seen = []
        for l in labels.tolist():
            if l not in first_seen:
                first_seen.append(l)
        assert first_seen == list(range(len(first_seen)))
        for threads in (1, 2, 0):
            again = verbind.communities(g, method=method, seed=42, threads=threads)
            assert np.array_equal(again, labels)
    # seed=None means the fixed default seed: reproducible too.
    assert np.array_equal(verbind.communities(g), verbind.communities(g, threads=1))


def test_leiden_communities_are_connected():
    G = relabelled(nx.les_miserables_graph())
    g, _ = to_verbind(G, "weight")
    for seed in range(5):
        for members in as_sets(verbind.communities(g, seed=seed)):
            assert nx.is_connected(G.subgraph(members))


def test_resolution_changes_granularity():
    G = facebook()
    g, _ = to_verbind(G)
    coarse = verbind.communities(g, resolution=0.2, seed=1)
    fine = verbind.communities(g, resolution=5.0, seed=1)
    assert coarse.max() < fine.max()


def test_communities_bad_input():
    G = relabelled(nx.karate_club_graph())
    g, _ = to_verbind(G)
    with pytest.raises(ValueError, match="method must be 'leiden' or 'louvain', got 'infomap'"):
        verbind.communities(g, method="infomap")
    with pytest.raises(ValueError, match="resolution must be a positive"):
        verbind.communities(g, resolution=0)
    with pytest.raises(ValueError, match=r"seed must be in 0..2\*\*64-1"):
        verbind.communities(g, seed=-1)
    with pytest.raises(TypeError, match="seed must be int or None"):
        verbind.communities(g, seed="x")
    with pytest.raises(ValueError, match="threads must be"):
        verbind.communities(g, threads=-2)
    d, _ = to_verbind(nx.gnp_random_graph(10, 0.3, seed=1, directed=True))
    with pytest.raises(verbind.InputError, match="directed"):
        verbind.communities(d)
    with pytest.raises(ValueError, match="labels has 3 entries, the graph has 34 nodes"):
        verbind.modularity(g, [0, 1, 2])
    with pytest.raises(ValueError, match=r"labels\[1\] is -1"):
        verbind.modularity(g, [0, -1] + [0] * 32)
    with pytest.raises(TypeError, match="labels must be integers"):
        verbind.modularity(g, [0.5] * 34)
    empty, _ = to_verbind(nx.empty_graph(3))
    with pytest.raises(ValueError, match="no edge weight"):
        verbind.modularity(empty, [0, 1, 2])


def test_progress_is_reported_and_can_cancel():
    g, _ = to_verbind(facebook())
    seen = []
    verbind.communities(g, progress=lambda f: seen.append(f) or True)
    assert seen and seen[-1] == 1.0
    with pytest.raises(verbind.CancelledError):
        verbind.communities(g, progress=lambda f: False)

    def boom(f):
        raise KeyError("stop")

    with pytest.raises(KeyError):
        verbind.communities(g, progress=boom)
