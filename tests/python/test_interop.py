"""verbind.to_networkx / from_networkx / to_igraph / from_igraph.

Round trips field by field against values written down here (or built by
networkx/igraph themselves from the same lists), a networkx/igraph
computation on the converted graph equal to verbind's per label, Networks
rebuilt equal (to_pandas frames too) under the privacy rule, the lazy
import, and every bad input named.
"""

import datetime
import math
import pickle
import subprocess
import sys

import igraph
import networkx as nx
import numpy as np
import pandas as pd
import pytest

import verbind
from verbind import _verbind

# --- a Graph whose integer labels have gaps and are not in file order --------

# (a, b, weight) as the file lists them; labels 2, 7, 30, 55, 1000.
LINES = [(30, 7, 1.5), (1000, 2, 2.0), (7, 1000, 0.5), (2, 30, 4.0), (55, 30, 3.0), (7, 2, 1.0)]
LABELS = [2, 7, 30, 55, 1000]  # positions follow the value


def read_graph(tmp_path, directed, weighted):
    path = tmp_path / "gaps.txt"
    path.write_text("".join(f"{a} {b} {w}\n" for a, b, w in LINES))
    return verbind.read_edgelist(path, directed=directed, weights=True if weighted else None)


def expected_edges(directed, weighted):
    """{(a, b): weight or None} by label, from LINES (undirected: both orders)."""
    out = {}
    for a, b, w in LINES:
        out[(a, b)] = w if weighted else None
        if not directed:
            out[(b, a)] = w if weighted else None
    return out


CASES = [(False, False), (False, True), (True, False), (True, True)]
IDS = ["undirected", "undirected-weighted", "directed", "directed-weighted"]


@pytest.mark.parametrize("directed,weighted", CASES, ids=IDS)
def test_to_networkx_graph_field_by_field(tmp_path, directed, weighted):
    g = read_graph(tmp_path, directed, weighted)
    assert list(g.labels) == LABELS
    G = verbind.to_networkx(g)
    assert type(G) is (nx.DiGraph if directed else nx.Graph)
    assert list(G.nodes) == LABELS and all(type(u) is int for u in G.nodes)
    assert all(data == {} for _, data in G.nodes(data=True))
    assert G.number_of_edges() == len(LINES)
    want = expected_edges(directed, weighted)
    got = {}
    for u, v, data in G.edges(data=True):
        got[(u, v)] = data.get("weight")
        if not directed:
            got[(v, u)] = data.get("weight")
        assert set(data) == ({"weight"} if weighted else set())
    assert got == want
    if directed:
        # networkx's predecessor dicts share the data dicts, as add_edge makes them.
        for u, v in G.edges:
            assert G.pred[v][u] is G.succ[u][v]
        assert sorted(G.predecessors(30)) == sorted(a for a, b, _ in LINES if b == 30)
    else:
        assert G[30][7] is G[7][30]
    assert dict(G.degree) == {x: sum((a == x) + (b == x) for a, b, _ in LINES) for x in LABELS}
    # Back: the same Graph.
    back = verbind.from_networkx(G)
    assert (back.directed, back.weighted, list(back.labels)) == (directed, weighted, LABELS)
    for mine, theirs in zip(back.edges(), g.edges()):
        assert np.array_equal(mine, theirs)


@pytest.mark.parametrize("directed,weighted", CASES, ids=IDS)
def test_to_igraph_graph_field_by_field(tmp_path, directed, weighted):
    g = read_graph(tmp_path, directed, weighted)
    h = verbind.to_igraph(g)
    assert h.vcount() == 5 and h.ecount() == len(LINES) and h.is_directed() == directed
    assert h.vs["name"] == LABELS
    assert h.vs.attributes() == ["name"]
    assert h.es.attributes() == (["weight"] if weighted else [])
    got = {}
    for e in h.es:
        a, b = h.vs[e.source]["name"], h.vs[e.target]["name"]
        got[(a, b)] = e["weight"] if weighted else None
        if not directed:
            got[(b, a)] = got[(a, b)]
    assert got == expected_edges(directed, weighted)
    back = verbind.from_igraph(h)
    assert (back.directed, back.weighted, list(back.labels)) == (directed, weighted, LABELS)
    for mine, theirs in zip(back.edges(), g.edges()):
        assert np.array_equal(mine, theirs)


def test_text_labels_and_network_graphs(tmp_path):
    (tmp_path / "names.txt").write_text("bob alice\nalice carol\n")
    g = verbind.read_edgelist(tmp_path / "names.txt")
    G = verbind.to_networkx(g)
    assert list(G.nodes) == ["bob", "alice", "carol"]
    assert sorted(map(sorted, G.edges)) == [["alice", "bob"], ["alice", "carol"]]
    assert verbind.to_igraph(g).vs["name"] == ["bob", "alice", "carol"]
    back = verbind.from_networkx(G)
    assert back.labels == ["bob", "alice", "carol"]
    # A Network's graph: nodes are the actor keys, isolated actors included.
    net = verbind.sample_programme(seed=3, scale=0.05)
    g = net.graph()
    G = verbind.to_networkx(g)
    assert list(G.nodes) == g.labels and G.number_of_edges() == g.num_edges
    assert verbind.from_igraph(verbind.to_igraph(g)).labels == g.labels


# --- a computation on the converted graph equals verbind's ---------------------

def random_graph(directed, weighted, seed=5):
    """Integer labels with gaps (3 * i + 1), edges between random labels, out of order."""
    rng = np.random.default_rng(seed)
    n, m = 300, 1500
    src, dst = rng.integers(0, n, m), rng.integers(0, n, m)
    keep = src != dst
    src, dst = src[keep], dst[keep]
    labels = (3 * np.arange(n) + 1)[rng.permutation(n)]
    weights = rng.integers(1, 9, len(src)).astype(float) if weighted else None
    return verbind.Graph.from_edges(labels[src].astype(str), labels[dst].astype(str), weights=weights,
                                    directed=directed, duplicates="first")


@pytest.mark.parametrize("directed,weighted", CASES, ids=IDS)
def test_networkx_pagerank_on_converted_graph_equals_verbind(directed, weighted):
    g = random_graph(directed, weighted)
    assert list(g.labels) == sorted(g.labels) and g.labels[1] - g.labels[0] == 3
    ours = g.to_series(verbind.pagerank(g, weighted=weighted))
    theirs = nx.pagerank(verbind.to_networkx(g), weight="weight" if weighted else None, tol=1e-12)
    assert set(theirs) == set(ours.index)
    for label, value in theirs.items():
        assert ours[label] == pytest.approx(value, abs=1e-8)


@pytest.mark.parametrize("directed,weighted", CASES, ids=IDS)
def test_igraph_betweenness_on_converted_graph_equals_verbind(directed, weighted):
    g = random_graph(directed, weighted, seed=8)
    ours = g.to_series(verbind.betweenness(g, normalized=False, weighted=weighted))
    h = verbind.to_igraph(g)
    theirs = h.betweenness(directed=directed, weights="weight" if weighted else None)
    assert len(theirs) == len(ours)
    for name, value in zip(h.vs["name"], theirs):
        assert ours[name] == pytest.approx(value, rel=1e-9, abs=1e-9)


@pytest.mark.parametrize("directed,weighted", CASES, ids=IDS)
def test_bulk_paths_equal_the_libraries_own_construction(directed, weighted):
    """The adjacency built in C++ and the edge iterator against networkx's
    add_edges_from and igraph's list constructor on the same lists."""
    g = random_graph(directed, weighted, seed=11)
    labels = g.labels.tolist()
    src, dst, w = g.edges()
    P = nx.DiGraph() if directed else nx.Graph()
    P.add_nodes_from(labels)
    if weighted:
        P.add_weighted_edges_from((labels[a], labels[b], x) for a, b, x in zip(src, dst, w.tolist()))
    else:
        P.add_edges_from((labels[a], labels[b]) for a, b in zip(src, dst))
    G = verbind.to_networkx(g)
    assert nx.utils.graphs_equal(G, P)
    assert list(G.nodes) == list(P.nodes)
    if directed:
        assert {u: dict(G.pred[u]) for u in G} == {u: dict(P.pred[u]) for u in P}
    # The dicts filled in C++ behave as networkx's own under change.
    for H in (G, P):
        H.add_edge(labels[0], -5, weight=9.0)
        H.remove_node(labels[1])
        H.remove_edges_from(list(H.edges(labels[2]))[:2])
        H.add_weighted_edges_from([(labels[3], labels[4], 0.5)])
    assert nx.utils.graphs_equal(G, P) and nx.utils.graphs_equal(G.copy(), P.copy())
    assert dict(G.degree) == dict(P.degree)
    q = igraph.Graph(n=len(labels), edges=list(zip(src.tolist(), dst.tolist())), directed=directed)
    h = verbind.to_igraph(g)
    assert h.get_edgelist() == q.get_edgelist()
    if weighted:
        assert h.es["weight"] == w.tolist()


def test_edge_pair_iterator_gives_fresh_pairs_to_a_reader_that_keeps_them():
    """The iterator hands its tuple out again only when nobody holds it."""
    g = random_graph(True, False, seed=2)
    src, dst, _ = g.edges()
    pairs, weights = _verbind._igraph_edges(g)
    kept = list(pairs)  # holds every tuple: each must be its own
    assert weights is None
    assert kept == list(zip(src.tolist(), dst.tolist()))
    assert list(pairs) == []  # exhausted
    again = [tuple(p) for p in _verbind._igraph_edges(g)[0]]  # lets go of each one
    assert again == kept
    del g  # the iterator keeps the graph alive
    it = _verbind._igraph_edges(random_graph(False, True, seed=3))[0]
    assert sum(1 for _ in it) > 0


# --- from_networkx / from_igraph of the libraries' own graphs ---------------------

def test_from_networkx_keeps_isolated_nodes_and_numbers_integer_labels_by_value():
    G = nx.Graph()
    G.add_nodes_from([30, 7, 1000, 2, 55])
    G.add_edge(30, 7, weight=2.5)
    G.add_edge(1000, 2)  # no weight: 1, as networkx reads it
    g = verbind.from_networkx(G)
    assert list(g.labels) == [2, 7, 30, 55, 1000] and g.num_edges == 2 and g.weighted
    assert g.degree().tolist() == [1, 1, 1, 0, 1]
    src, dst, w = g.edges()
    assert sorted((g.labels[a], g.labels[b], x) for a, b, x in zip(src, dst, w)) == [(2, 1000, 1.0), (7, 30, 2.5)]
    unweighted = verbind.from_networkx(G, weight=None)
    assert not unweighted.weighted and unweighted.num_edges == 2
    # numpy integers are integer labels too.
    H = nx.Graph([(np.int64(4), np.int64(9))])
    assert list(verbind.from_networkx(H).labels) == [4, 9]
    # Digit strings are integer labels, as in a file: they come back as ints, by value.
    S = nx.Graph([("30", "7")])
    assert list(verbind.from_networkx(S).labels) == [7, 30]
    assert list(verbind.to_networkx(verbind.from_networkx(S)).nodes) == [7, 30]
    # Text labels keep networkx's node order.
    T = nx.DiGraph([("z", "a"), ("a", "m")])
    T.add_node("solo")
    t = verbind.from_networkx(T)
    assert t.labels == ["z", "a", "m", "solo"] and t.directed and t.num_edges == 2


def test_from_igraph_without_names_uses_vertex_ids():
    h = igraph.Graph(n=4, edges=[(0, 3), (3, 1)], directed=True)
    g = verbind.from_igraph(h)
    assert list(g.labels) == [0, 1, 2, 3] and g.directed and not g.weighted
    assert sorted(zip(*[a.tolist() for a in g.edges()[:2]])) == [(0, 3), (3, 1)]
    h.vs["name"] = ["d", "c", "b", "a"]
    h.es["weight"] = [2.0, None]  # unset: 1
    g = verbind.from_igraph(h)
    assert g.labels == ["d", "c", "b", "a"]
    src, dst, w = g.edges()
    assert sorted((g.labels[a], g.labels[b], x) for a, b, x in zip(src, dst, w)) == [("a", "c", 1.0), ("d", "a", 2.0)]


def test_multigraphs_and_self_loops():
    M = nx.MultiGraph()
    M.add_edge("a", "b", weight=1.0)
    M.add_edge("a", "b", weight=2.5)
    M.add_edge("b", "c", weight=4.0)
    with pytest.raises(verbind.InputError, match=r"edge \('a', 'b'\): 2 parallel edges; pass duplicates="):
        verbind.from_networkx(M)
    for how, want in (("sum", 3.5), ("max", 2.5), ("min", 1.0), ("first", 1.0)):
        g = verbind.from_networkx(M, duplicates=how)
        assert g.num_edges == 2
        a, b = g.index("a"), g.index("b")
        src, dst, w = g.edges()
        assert w[(src == min(a, b)) & (dst == max(a, b))].tolist() == [want]
    L = nx.Graph([("a", "a"), ("a", "b")])
    with pytest.raises(verbind.InputError, match=r"edge \('a', 'a'\): a self-loop; pass self_loops='drop'"):
        verbind.from_networkx(L)
    assert verbind.from_networkx(L, self_loops="drop").num_edges == 1
    h = igraph.Graph(n=3, edges=[(0, 1), (1, 0), (1, 2)])
    with pytest.raises(verbind.InputError, match=r"edge 1 \(0, 1\): a parallel edge"):
        verbind.from_igraph(h)
    assert verbind.from_igraph(h, duplicates="first").num_edges == 2
    h = igraph.Graph(n=2, edges=[(0, 1), (1, 1)])
    with pytest.raises(verbind.InputError, match=r"edge 1 \(1, 1\): a self-loop"):
        verbind.from_igraph(h)
    assert verbind.from_igraph(h, self_loops="drop").num_edges == 1


# --- Networks ------------------------------------------------------------------

def d(text):
    return datetime.date.fromisoformat(text)


def hand_network():
    """Two ties between one pair (a multigraph), an event whose key is also an
    actor's, and special-category data of all three kinds."""
    net = verbind.Network()
    net.add_resident("ann", neighbourhood="Noord", talents=["cooking"], groups=["lgbti", "buurt"],
                     key_figure=True, trained_on="2022-02-01")
    net.add_resident("bob", municipality="Almere")
    net.add_organisation("lib", kind="library", neighbourhood="Noord", talents=["space"])
    net.add_resident("pride")  # an actor whose key is also an event's
    net.mark_sensitive("lgbti")
    net.add_tie("bob", "ann", "knows", since="2022-01-01", weight=2.0)
    net.add_tie("ann", "bob", "neighbour", since="2022-03-01", until="2022-09-01")
    net.add_tie("ann", "lib", "member_of")
    net.mark_sensitive_tie_kind("member_of")
    net.add_event("e1", date="2022-05-04", kind="commemoration", neighbourhood="Noord", organisers=["lib"])
    net.add_event("pride", date="2022-08-06", kind="Pride", municipality="Almere")
    net.mark_sensitive_event("pride")
    net.attend("e1", "ann")
    net.attend("e1", "bob", brought_by="ann")
    net.attend("pride", "ann")
    net.attend("pride", "pride")
    return net


def assert_frames_equal(mine, theirs):
    assert set(mine) == set(theirs)
    for name in mine:
        pd.testing.assert_frame_equal(mine[name], theirs[name], check_dtype=True)


def test_network_to_networkx_field_by_field():
    G = verbind.to_networkx(hand_network(), include_sensitive=True)
    assert isinstance(G, nx.MultiDiGraph)
    assert G.graph == {"verbind": "Network", "sensitive_groups": ["lgbti"], "sensitive_tie_kinds": ["member_of"],
                       "sensitive_events": ["pride"]}
    assert list(G.nodes) == ["ann", "bob", "lib", "pride", "e1", ("event", "pride")]
    assert G.nodes["ann"] == {"layer": "actor", "bipartite": 0, "type": "resident", "kind": None,
                              "neighbourhood": "Noord", "municipality": None, "talents": ["cooking"],
                              "groups": ["lgbti", "buurt"], "key_figure": True, "trained_on": d("2022-02-01")}
    assert G.nodes["lib"]["type"] == "organisation" and G.nodes["lib"]["kind"] == "library"
    assert G.nodes["e1"] == {"layer": "event", "bipartite": 1, "date": d("2022-05-04"), "kind": "commemoration",
                             "neighbourhood": "Noord", "municipality": None, "organisers": ["lib"]}
    assert G.nodes[("event", "pride")]["kind"] == "Pride"
    assert list(G.edges(keys=True, data=True)) == [
        ("ann", "bob", 1, {"layer": "tie", "kind": "neighbour", "since": d("2022-03-01"), "until": d("2022-09-01"),
                           "weight": 1.0}),
        ("ann", "lib", 2, {"layer": "tie", "kind": "member_of", "since": None, "until": None, "weight": 1.0}),
        ("ann", "e1", 0, {"layer": "attendance", "brought_by": None}),
        ("ann", ("event", "pride"), 2, {"layer": "attendance", "brought_by": None}),
        ("bob", "ann", 0, {"layer": "tie", "kind": "knows", "since": d("2022-01-01"), "until": None, "weight": 2.0}),
        ("bob", "e1", 1, {"layer": "attendance", "brought_by": "ann"}),
        ("pride", ("event", "pride"), 3, {"layer": "attendance", "brought_by": None}),
    ]
    # The bipartite attribute networkx's bipartite tools read: attendance joins 0 and 1.
    attendance = nx.Graph([(u, v) for u, v, layer in G.edges(data="layer") if layer == "attendance"])
    top = {u for u in attendance if G.nodes[u]["bipartite"] == 0}
    assert nx.bipartite.is_bipartite_node_set(attendance, top) and top == {"ann", "bob", "pride"}


def test_network_to_igraph_field_by_field():
    h = verbind.to_igraph(hand_network(), include_sensitive=True)
    assert h.is_directed() and h.vcount() == 6 and h.ecount() == 7
    assert sorted(h.attributes()) == ["sensitive_events", "sensitive_groups", "sensitive_tie_kinds", "verbind"]
    assert h["verbind"] == "Network" and h["sensitive_groups"] == ["lgbti"] and h["sensitive_events"] == ["pride"]
    assert h.vs["name"] == ["ann", "bob", "lib", "pride", "e1", "pride"]
    assert h.vs["layer"] == ["actor"] * 4 + ["event"] * 2
    assert h.vs[0].attributes() == {"name": "ann", "layer": "actor", "type": "resident", "kind": None,
                                    "neighbourhood": "Noord", "municipality": None, "talents": ["cooking"],
                                    "groups": ["lgbti", "buurt"], "key_figure": True, "trained_on": d("2022-02-01"),
                                    "date": None, "organisers": None}
    assert h.vs[4]["date"] == d("2022-05-04") and h.vs[4]["organisers"] == ["lib"] and h.vs[4]["type"] is None
    assert h.get_edgelist() == [(1, 0), (0, 1), (0, 2), (0, 4), (1, 4), (0, 5), (3, 5)]
    assert h.es["layer"] == ["tie"] * 3 + ["attendance"] * 4
    assert h.es["kind"] == ["knows", "neighbour", "member_of", None, None, None, None]
    assert h.es["weight"] == [2.0, 1.0, 1.0, None, None, None, None]
    assert h.es["since"] == [d("2022-01-01"), d("2022-03-01"), None, None, None, None, None]
    assert h.es["brought_by"] == [None, None, None, None, "ann", None, None]


@pytest.mark.parametrize("library", ["networkx", "igraph"])
def test_network_round_trip_with_sensitive_data(library):
    to, back = ((verbind.to_networkx, verbind.from_networkx) if library == "networkx"
                else (verbind.to_igraph, verbind.from_igraph))
    for net in (hand_network(), verbind.sample_programme(seed=4, scale=0.1), verbind.davis_southern_women()):
        again = back(to(net, include_sensitive=True))
        assert again == net
        assert_frames_equal(again.to_pandas(include_sensitive=True), net.to_pandas(include_sensitive=True))


@pytest.mark.parametrize("library", ["networkx", "igraph"])
def test_empty_graphs_and_networks_round_trip(library):
    to, back = ((verbind.to_networkx, verbind.from_networkx) if library == "networkx"
                else (verbind.to_igraph, verbind.from_igraph))
    empty = verbind.Network()
    again = back(to(empty))
    assert isinstance(again, verbind.Network) and again == empty
    g = back(to(verbind.Graph.from_edges([], [])))
    assert isinstance(g, verbind.Graph) and (g.num_nodes, g.num_edges) == (0, 0)
    lonely = verbind.Network()
    lonely.add_resident("r1")
    assert back(to(lonely)) == lonely


@pytest.mark.parametrize("library", ["networkx", "igraph"])
def test_network_default_leaves_special_category_data_out(library):
    to, back = ((verbind.to_networkx, verbind.from_networkx) if library == "networkx"
                else (verbind.to_igraph, verbind.from_igraph))
    net = hand_network()
    x = to(net)
    blob = pickle.dumps(x)
    for secret in (b"lgbti", b"member_of", b"Pride", b"2022-08-06"):
        assert secret not in blob
    again = back(x)
    assert again.sensitive_groups == [] and again.num_events == 1 and again.num_ties == 2
    assert again.actor("ann")["groups"] == ["buurt"]
    # Equal to what to_pandas shows without sensitive data.
    mine = again.to_pandas()
    assert_frames_equal(mine, net.to_pandas())


def test_network_from_an_undirected_or_plain_networkx_graph():
    """A graph built by hand (or made undirected) with the layers is a Network."""
    G = verbind.to_networkx(hand_network(), include_sensitive=True).to_undirected()
    net = verbind.from_networkx(G)
    assert net.num_actors == 4 and net.num_events == 2 and net.num_attendances == 4 and net.num_ties == 3
    H = nx.Graph()
    H.add_node("r1", layer="actor", type="resident")
    H.add_node("r2", layer="actor", type="resident", talents=["chess"])
    H.add_node("ev", layer="event", date="2023-01-02", kind="iftar")
    H.add_edge("r1", "r2", kind="knows", since="2022-05-01")
    H.add_edge("ev", "r2")  # an actor-event edge: attendance, whichever end comes first
    net = verbind.from_networkx(H)
    assert net.ties() == [{"a": "r1", "b": "r2", "kind": "knows", "since": d("2022-05-01"), "until": None,
                           "weight": 1.0}]
    assert net.attendance() == [{"event": "ev", "actor": "r2", "brought_by": None}]
    assert net.actor("r2")["talents"] == ["chess"]


# --- bad input -----------------------------------------------------------------

def test_not_a_graph_is_a_type_error_naming_the_type_and_what_is_accepted():
    with pytest.raises(TypeError, match=r"to_networkx\(\): x must be verbind.Graph or verbind.Network, not int"):
        verbind.to_networkx(42)
    with pytest.raises(TypeError, match="networkx graph already"):
        verbind.to_igraph(nx.Graph())
    with pytest.raises(TypeError, match=r"from_networkx\(\): G must be a networkx graph \(networkx.Graph, DiGraph, "
                                        r"MultiGraph or MultiDiGraph\), not dict"):
        verbind.from_networkx({1: [2]})
    with pytest.raises(TypeError, match=r"not igraph.Graph; use verbind.from_igraph"):
        verbind.from_networkx(igraph.Graph())
    with pytest.raises(TypeError, match=r"from_igraph\(\): h must be an igraph.Graph, not "
                                        r"networkx.classes.graph.Graph; use verbind.from_networkx"):
        verbind.from_igraph(nx.Graph())
    with pytest.raises(TypeError, match=r"not verbind.Graph"):
        verbind.from_igraph(verbind.Graph.from_edges([0], [1]))
    with pytest.raises(TypeError, match="include_sensitive must be bool, not str"):
        verbind.to_networkx(verbind.Network(), include_sensitive="yes")
    with pytest.raises(TypeError, match="weight must be an attribute name"):
        verbind.from_networkx(nx.Graph(), weight=1)
    with pytest.raises(verbind.InputError, match="duplicates must be 'error', 'sum', 'max', 'min' or 'first', "
                                                 "got 'mean'"):
        verbind.from_networkx(nx.Graph(), duplicates="mean")


@pytest.mark.parametrize("nodes,message", [
    ([1, "a"], r"node 1 is an int but node 'a' is a str: labels must be all int or all str"),
    ([2.5, 3.5], r"node 2.5: a label must be an int or a str, not float"),
    ([(1, 2), (3, 4)], r"node \(1, 2\): a label must be an int or a str, not tuple"),
    ([-1, 4], r"node -1: a negative label"),
    (["7", "07"], r"nodes '7' and '07' have the same value as integer labels"),
    ([True, 5], r"node True: a label must be an int or a str, not bool"),
    (["", "x"], r"node '': an empty label"),
    (["a\x00b", "x"], r"node 'a\\x00b': the label holds a NUL character"),
    (["\udc80", "x"], r"the label is not valid UTF-8"),
])
def test_bad_labels_are_named(nodes, message):
    G = nx.Graph()
    G.add_nodes_from(nodes)
    G.add_edge(nodes[0], nodes[1])
    with pytest.raises(verbind.InputError, match=message) as caught:
        verbind.from_networkx(G)
    assert isinstance(caught.value, ValueError)


def test_igraph_names_unhashable_duplicate_or_mixed():
    h = igraph.Graph(n=2, edges=[(0, 1)])
    h.vs["name"] = [[1], [2]]
    with pytest.raises(verbind.InputError, match=r"vertex 0 \(name \[1\]\): the label is unhashable \(list\)"):
        verbind.from_igraph(h)
    h.vs["name"] = ["x", "x"]
    with pytest.raises(verbind.InputError, match=r"vertices 0 and 1 have the same name 'x'"):
        verbind.from_igraph(h)
    h.vs["name"] = ["x", 3]
    with pytest.raises(verbind.InputError, match=r"vertex 1 \(name 3\) is an int but vertex 0 \(name 'x'\) is a str"):
        verbind.from_igraph(h)


@pytest.mark.parametrize("weight,message", [
    (-1.0, r"edge \('a', 'b'\): weight -1.0 is negative"),
    (float("nan"), r"edge \('a', 'b'\): weight is NaN"),
    (math.inf, r"edge \('a', 'b'\): weight inf is not finite"),
    ("2", r"edge \('a', 'b'\): weight '2' is not a number \(str\)"),
    (True, r"edge \('a', 'b'\): weight True is not a number \(bool\)"),
])
def test_bad_weights_are_named(weight, message):
    G = nx.Graph()
    G.add_edge("x", "y", weight=1.0)
    G.add_edge("a", "b", weight=weight)
    with pytest.raises(verbind.InputError, match=message):
        verbind.from_networkx(G)
    h = igraph.Graph(n=3, edges=[(0, 1), (1, 2)])
    h.vs["name"] = ["a", "b", "c"]
    h.es["weight"] = [1.0, weight]
    with pytest.raises(verbind.InputError, match=r"from_igraph: edge 1 \('b', 'c'\): weight"):
        verbind.from_igraph(h)


def test_bad_network_graphs_are_named_by_node_and_edge():
    G = verbind.to_networkx(hand_network(), include_sensitive=True)
    bad = G.copy()
    bad.add_node("x")  # no layer
    with pytest.raises(verbind.InputError, match=r"node 'x' has no attribute 'layer' but node 'ann' has"):
        verbind.from_networkx(bad)
    bad = G.copy()
    for u in bad:
        del bad.nodes[u]["layer"]  # still marked as a Network's graph
    with pytest.raises(verbind.InputError, match=r"node 'ann' has no attribute 'layer', but the graph is a "
                                                 r"Network's"):
        verbind.from_networkx(bad)
    bad = G.copy()
    bad.nodes["bob"]["layer"] = "person"
    with pytest.raises(verbind.InputError, match=r"node 'bob': attribute 'layer' must be 'actor' or 'event', "
                                                 r"got 'person'"):
        verbind.from_networkx(bad)
    bad = G.copy()
    bad.add_edge("e1", ("event", "pride"))
    with pytest.raises(verbind.InputError, match=r"edge \('e1', \('event', 'pride'\), 0\): attendance joins an "
                                                 r"actor and an event, this edge joins a event and a event"):
        verbind.from_networkx(bad)
    bad = G.copy()
    bad.edges["bob", "ann", 0]["since"] = "2022-13-01"
    with pytest.raises(verbind.InputError, match=r"from_networkx: edge \('bob', 'ann', 0\), attribute 'since': "
                                                 r"malformed date '2022-13-01'"):
        verbind.from_networkx(bad)
    bad = G.copy()
    bad.nodes["bob"]["type"] = "alien"
    with pytest.raises(verbind.InputError, match=r"from_networkx: node 'bob', attribute 'type': expected "
                                                 r"'resident' or 'organisation'"):
        verbind.from_networkx(bad)
    bad = G.copy()
    bad.edges["bob", "e1", 1]["brought_by"] = "nobody"
    with pytest.raises(verbind.NotFoundError, match=r"edge \('bob', 'e1', 1\), attribute 'brought_by'"):
        verbind.from_networkx(bad)
    h = verbind.to_igraph(hand_network())
    h.es[0]["weight"] = -2.0
    with pytest.raises(verbind.InputError, match=r"from_igraph: edge 0 \('bob', 'ann'\), attribute 'weight'"):
        verbind.from_igraph(h)


# --- lazy import ---------------------------------------------------------------

def test_import_verbind_does_not_import_networkx_or_igraph():
    code = ("import sys, verbind\n"
            "g = verbind.Graph.from_edges([0, 1], [1, 2])\n"
            "verbind.pagerank(g)\n"
            "print(sorted(m for m in ('networkx', 'igraph') if m in sys.modules))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_verbind_works_without_networkx_and_igraph():
    code = ("import sys\n"
            "sys.modules['networkx'] = None\n"  # import networkx now raises ImportError
            "sys.modules['igraph'] = None\n"
            "import verbind\n"
            "g = verbind.Graph.from_edges([0, 1], [1, 2])\n"
            "try:\n"
            "    verbind.from_networkx(g)\n"
            "except TypeError as e:\n"
            "    print('TypeError', e)\n"
            "try:\n"
            "    verbind.to_networkx(g)\n"
            "except ImportError:\n"
            "    print('ImportError')\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.splitlines() == [
        "TypeError from_networkx(): G must be a networkx graph (networkx.Graph, DiGraph, MultiGraph or "
        "MultiDiGraph), not verbind.Graph",
        "ImportError"]


# --- generated input: a right Graph or a named error, never another exception ----

_LABEL_POOLS = [
    lambda rng, i: int(rng.integers(0, 50)),                # ints (gaps, any order)
    lambda rng, i: np.int32(rng.integers(0, 50)),           # numpy ints
    lambda rng, i: str(rng.integers(0, 50)),                # digit strings
    lambda rng, i: ["a", "b", "c", "é", "x y", "07", "7", "r-1"][int(rng.integers(0, 8))] + str(i % 3),
    lambda rng, i: [-1, 2.5, "", "n\x00", True, (1, 2), "ok", 3][int(rng.integers(0, 8))],  # mostly bad
]
_WEIGHTS = [1.0, 2.5, 0.0, None, np.float32(4.0), 7]
_BAD_WEIGHTS = [-1.0, float("nan"), math.inf, "3", True]


def _expected(labels):
    """The Graph labels verbind must give these node labels, or None when it must refuse them."""
    if all(isinstance(x, (int, np.integer)) and not isinstance(x, bool) for x in labels):
        return None if any(int(x) < 0 for x in labels) else sorted(int(x) for x in labels)
    if not all(isinstance(x, str) and x and "\x00" not in x for x in labels):
        return None
    if all(x.isascii() and x.isdigit() for x in labels):
        values = [int(x) for x in labels]
        return None if len(set(values)) < len(values) else sorted(values)
    return list(labels)


@pytest.mark.parametrize("seed", range(60))
def test_generated_graphs_convert_right_or_raise_a_named_error(seed):
    rng = np.random.default_rng(seed)
    pool = _LABEL_POOLS[seed % len(_LABEL_POOLS)]
    labels = list(dict.fromkeys(pool(rng, i) for i in range(8)))
    directed = bool(seed % 2)
    G = nx.DiGraph() if directed else nx.Graph()
    G.add_nodes_from(labels)
    for _ in range(10):
        u, v = rng.integers(0, len(labels), 2)
        if u != v:
            G.add_edge(labels[u], labels[v], weight=_WEIGHTS[int(rng.integers(0, len(_WEIGHTS)))])
    if seed % 3 == 0 and G.number_of_edges():  # one bad weight
        u, v = next(iter(G.edges()))
        G.edges[u, v]["weight"] = _BAD_WEIGHTS[seed % len(_BAD_WEIGHTS)]
    labels = list(G)  # networkx may have merged equal labels (7 and np.int32(7))
    want = _expected(labels)
    weights = [d["weight"] for _, _, d in G.edges(data=True)]
    bad_weight = any(w is not None and (isinstance(w, str) or isinstance(w, bool) or not math.isfinite(w) or w < 0)
                     for w in weights)
    try:
        g = verbind.from_networkx(G)
    except verbind.InputError:
        assert want is None or bad_weight
        return
    assert want is not None and not bad_weight
    got = g.labels.tolist() if hasattr(g.labels, "tolist") else g.labels
    assert got == want and g.directed == directed
    name = {x: want[i] if isinstance(want[0], str) else int(x) for i, x in enumerate(labels)}
    expected_edges = {(name[u], name[v]): (1.0 if d["weight"] is None else float(d["weight"]))
                      for u, v, d in G.edges(data=True)}
    src, dst, w = g.edges()
    edges = {}
    for a, b, x in zip(src.tolist(), dst.tolist(), w.tolist()):
        edges[(got[a], got[b])] = x
        if not directed:
            edges[(got[b], got[a])] = x
    if not directed:
        expected_edges.update({(b, a): x for (a, b), x in list(expected_edges.items())})
    assert edges == expected_edges
    # igraph: the same graph with the labels as names gives the same Graph.
    h = igraph.Graph(n=len(labels), edges=[(labels.index(u), labels.index(v)) for u, v in G.edges()],
                     directed=directed)
    h.vs["name"] = labels
    h.es["weight"] = weights
    again = verbind.from_igraph(h)
    assert (again.labels.tolist() if hasattr(again.labels, "tolist") else again.labels) == got
    for mine, theirs in zip(again.edges(), g.edges()):
        assert np.array_equal(mine, theirs)
