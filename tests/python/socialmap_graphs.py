"""Reference graphs for the socialmap tests: each as a networkx graph and the
same graph as a verbind.Graph with node i == the i-th networkx node."""

import functools
import os
import pathlib

import networkx as nx
import numpy as np

import verbind

DATA = pathlib.Path(os.environ.get("VERBIND_DATA", pathlib.Path(__file__).resolve().parents[2] / "data"))


def to_verbind(G, weight=None):
    """(verbind.Graph, node list) for a networkx graph; weights from `weight`."""
    nodes = list(G.nodes())
    index = {v: i for i, v in enumerate(nodes)}
    edges = list(G.edges(data=True))
    src = np.array([index[u] for u, _, _ in edges], dtype=np.int64)
    dst = np.array([index[v] for _, v, _ in edges], dtype=np.int64)
    weights = None
    if weight is not None:
        weights = np.array([d.get(weight, 1.0) for _, _, d in edges], dtype=float)
    return verbind.Graph.from_edges(src, dst, n=len(nodes), weights=weights, directed=G.is_directed()), nodes


def relabelled(G):
    """The networkx graph with nodes renamed 0..n-1 in order."""
    return nx.convert_node_labels_to_integers(G, ordering="default")


@functools.lru_cache(maxsize=None)
def facebook():
    g = verbind.read_edgelist(str(DATA / "facebook_combined.txt"))
    s, d, _ = g.edges()
    G = nx.Graph()
    G.add_nodes_from(range(g.num_nodes))
    G.add_edges_from(zip(s.tolist(), d.tolist()))
    return G


def davis_projected():
    B = nx.davis_southern_women_graph()
    women = [n for n, d in B.nodes(data=True) if d["bipartite"] == 0]
    return nx.bipartite.weighted_projected_graph(B, women)


def directed_random(seed, n=60, p=0.07):
    G = nx.gnp_random_graph(n, p, seed=seed, directed=True)
    rng = np.random.default_rng(seed)
    for u, v in G.edges():
        G[u][v]["weight"] = float(rng.integers(1, 6))
    return G


def weighted_random(seed, n=80, p=0.06):
    G = nx.gnp_random_graph(n, p, seed=seed)
    rng = np.random.default_rng(seed)
    for u, v in G.edges():
        G[u][v]["weight"] = float(rng.integers(1, 8)) / 2
    return G


def directed_lesmis():
    """Les Miserables, each tie pointing from the smaller to the larger name, and
    every third tie both ways: a directed, weighted, not strongly connected graph."""
    G = relabelled(nx.les_miserables_graph())
    D = nx.DiGraph()
    D.add_nodes_from(G.nodes())
    for i, (u, v, d) in enumerate(G.edges(data=True)):
        a, b = min(u, v), max(u, v)
        D.add_edge(a, b, weight=d["weight"])
        if i % 3 == 0:
            D.add_edge(b, a, weight=d["weight"] + 1)
    return D


def undirected_cases(include_facebook=True):
    """(name, networkx graph, weight attribute or None) for undirected graphs."""
    cases = [
        ("karate", relabelled(nx.karate_club_graph()), None),
        ("davis", relabelled(davis_projected()), "weight"),
        ("florentine", relabelled(nx.florentine_families_graph()), None),
        ("lesmis", relabelled(nx.les_miserables_graph()), "weight"),
        ("random1", weighted_random(1), "weight"),
        ("random2", nx.gnp_random_graph(120, 0.02, seed=2), None),  # disconnected, isolated nodes
    ]
    if include_facebook:
        cases.append(("facebook", facebook(), None))
    return cases


def directed_cases():
    return [
        ("random_directed3", directed_random(3), "weight"),
        ("random_directed4", directed_random(4, n=40, p=0.1), "weight"),
        ("lesmis_directed", directed_lesmis(), "weight"),
    ]
