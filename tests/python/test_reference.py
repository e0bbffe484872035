"""Davis's Southern Women against networkx's copy of the same data."""

import networkx as nx
from networkx.algorithms import bipartite

import verbind
from conftest import edge_map


def test_davis_attendance_matches_networkx():
    net = verbind.davis_southern_women()
    reference = nx.davis_southern_women_graph()
    women = set(reference.graph["top"])
    events = set(reference.graph["bottom"])
    assert net.num_residents == len(women) == 18
    assert net.num_events == len(events) == 14
    assert {a["key"] for a in net.actors()} == women
    assert {e["key"] for e in net.events()} == events
    ours = {(a["actor"], a["event"]) for a in net.attendance()}
    theirs = {(w, e) if w in women else (e, w) for w, e in reference.edges()}
    assert len(ours) == net.num_attendances == 89
    assert ours == theirs


def test_davis_co_attendance_is_the_weighted_projection():
    net = verbind.davis_southern_women()
    reference = nx.davis_southern_women_graph()
    projection = bipartite.weighted_projected_graph(reference, reference.graph["top"])
    g = net.graph(co_attendance=True, residents_only=True)
    assert g.num_nodes == projection.number_of_nodes()
    assert g.num_edges == projection.number_of_edges()
    expected = {tuple(sorted((u, v))): float(w) for u, v, w in projection.edges(data="weight")}
    assert edge_map(g) == expected
    degree = g.degree()
    assert {key: int(degree[i]) for i, key in enumerate(g.keys)} == dict(projection.degree())


def test_davis_co_attendance_of_early_events():
    """The projection restricted to a time window equals networkx's projection
    of the subgraph of events dated in it."""
    net = verbind.davis_southern_women()
    events = sorted(net.events(), key=lambda e: e["date"])
    cut = events[len(events) // 2]["date"]
    early = {e["key"] for e in events if e["date"] < cut}
    assert 0 < len(early) < len(events)
    reference = nx.davis_southern_women_graph()
    women = reference.graph["top"]
    sub = reference.subgraph(list(women) + sorted(early))
    projection = bipartite.weighted_projected_graph(sub, women)
    g = net.graph(co_attendance=True, residents_only=True, end=cut)
    assert edge_map(g) == {tuple(sorted((u, v))): float(w) for u, v, w in projection.edges(data="weight")}
