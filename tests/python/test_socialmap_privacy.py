"""social_map's small-cell suppression goes through verbind.suppress_small_cells
(one table: community x declared group, whose column totals are the groups'
sizes in the gaps), min_cell, and progress/cancellation of the long calls."""

import networkx as nx
import numpy as np
import pytest

import verbind


def two_cliques():
    """Clique A (30 people: 20 declare G, 10 declare H) and clique B (12: 5 G,
    7 H), joined by one tie. All of A lives in Noord; B0..B9 in Zuid, B10 and
    B11 in Oost."""
    net = verbind.Network()
    for prefix, size, in_g in (("A", 30, 20), ("B", 12, 5)):
        for i in range(size):
            place = "Noord" if prefix == "A" else ("Zuid" if i < 10 else "Oost")
            net.add_resident(f"{prefix}{i}", groups=["G" if i < in_g else "H"], neighbourhood=place)
        for i in range(size):
            for j in range(i + 1, size):
                net.add_tie(f"{prefix}{i}", f"{prefix}{j}")
    net.add_tie("A0", "B0")
    return net


def true_table(net):
    """The community x group counts, computed here from the actors and the
    members of each community (networkx's connected components of the graph
    minus the A0-B0 bridge are the two cliques)."""
    G = nx.Graph()
    g = net.graph()
    s, d, _ = g.edges()
    G.add_edges_from((g.keys[u], g.keys[v]) for u, v in zip(s.tolist(), d.tolist()))
    G.remove_edge("A0", "B0")
    cliques = sorted(nx.connected_components(G), key=len, reverse=True)
    groups = ["G", "H"]
    counts = [[sum(1 for a in c if groups[x] in net.actor(a)["groups"]) for x in range(2)] for c in cliques]
    return [len(c) for c in cliques], groups, counts


def shown(m, size, group):
    (community,) = [c for c in m.communities if c["size"] == size]
    (entry,) = [gc for gc in community["groups"] if gc["group"] == group]
    return entry["people"]


def gap(m, name):
    (entry,) = [x for x in m.gaps if x["name"] == name]
    return entry


def test_group_mix_is_suppressed_as_one_table_with_the_gaps():
    net = two_cliques()
    m = verbind.social_map(net, top=20, seed=1)
    sizes, groups, counts = true_table(net)
    assert sizes == [30, 12] and counts == [[20, 10], [5, 7]]

    # The old rule (hide counts < 10, publish the rest) would have leaked B's
    # G count through the size of G published in the gaps: 25 - 20 = 5.
    naive_published = [[c if c >= 10 else None for c in row] for row in counts]
    g_total = counts[0][0] + counts[1][0]
    assert naive_published[1][0] is None and g_total - naive_published[0][0] == counts[1][0]

    # The map publishes exactly what suppress_small_cells publishes for the table.
    expected = verbind.suppress_small_cells(counts, min_cell=10).published()
    for r, size in enumerate(sizes):
        for x, group in enumerate(groups):
            assert shown(m, size, group) == expected[r][x]
    for x, group in enumerate(groups):
        assert gap(m, group)["people"] == expected[-1][x]
        assert gap(m, group)["suppressed"] == (expected[-1][x] is None)
    # ... so the leak is closed: every group whose size is published has 0 or
    # at least 2 hidden cells.
    for group in groups:
        if gap(m, group)["people"] is not None:
            hidden = sum(1 for size in sizes if shown(m, size, group) is None)
            assert hidden != 1
    assert shown(m, 12, "G") is None and shown(m, 30, "G") is None


def test_neighbourhood_counts_are_suppressed_with_their_total():
    net = two_cliques()
    m = verbind.social_map(net, top=20, seed=1)
    expected = verbind.suppress_small_cells([[30, 10, 2]], min_cell=10).published()[0]  # Noord, Zuid, Oost
    assert [gap(m, p)["people"] for p in ("Noord", "Zuid", "Oost")] == expected[:3]
    assert m.people == 42
    # Oost (2 people) says nothing; Zuid is hidden only to protect Oost and
    # keeps its tie figures: 45 ties inside, 20 to Oost, 1 to Noord.
    assert gap(m, "Oost")["share_of_ties_outside"] is None
    assert gap(m, "Zuid")["people"] is None
    assert gap(m, "Zuid")["share_of_ties_outside"] == pytest.approx(21 / 66)


def test_min_cell():
    net = two_cliques()
    m = verbind.social_map(net, top=20, seed=1, min_cell=1)
    assert [shown(m, 30, "G"), shown(m, 30, "H"), shown(m, 12, "G"), shown(m, 12, "H")] == [20, 10, 5, 7]
    assert gap(m, "Oost")["people"] == 2
    m = verbind.social_map(net, top=20, seed=1, min_cell=6)
    expected = verbind.suppress_small_cells([[20, 10], [5, 7]], min_cell=6).published()
    assert shown(m, 12, "G") == expected[1][0] and shown(m, 12, "H") == expected[1][1]
    for bad in (0, -3):
        with pytest.raises(ValueError, match="social_map: min_cell must be at least 1"):
            verbind.social_map(net, min_cell=bad)


@pytest.fixture(scope="module")
def karate():
    G = nx.karate_club_graph()
    s, d = zip(*G.edges())
    return verbind.Graph.from_edges(np.array(s, dtype=np.uint32), np.array(d, dtype=np.uint32), n=len(G))


@pytest.mark.parametrize("measure", ["betweenness", "closeness", "harmonic", "communities"])
def test_progress_and_cancel(karate, measure):
    f = getattr(verbind, measure)
    seen = []
    values = f(karate, progress=lambda x: seen.append(x) or True)
    assert seen and seen[-1] == 1.0 and seen == sorted(seen)
    assert np.array_equal(values, f(karate))
    with pytest.raises(verbind.CancelledError):
        f(karate, progress=lambda x: False)

    def boom(x):
        raise KeyError("stop")

    with pytest.raises(KeyError):
        f(karate, progress=boom)
    with pytest.raises(TypeError, match="progress must be callable"):
        f(karate, progress=3)


def test_social_map_progress_and_cancel():
    net = two_cliques()
    seen = []
    m = verbind.social_map(net, progress=lambda x: seen.append(x) or True)
    assert len(seen) >= 2 and seen[-1] == 1.0 and seen == sorted(seen) and all(0 <= x <= 1 for x in seen)
    assert m.to_dict() == verbind.social_map(net).to_dict()
    with pytest.raises(verbind.CancelledError):
        verbind.social_map(net, progress=lambda x: False)
    with pytest.raises(TypeError, match="progress must be callable"):
        verbind.social_map(net, progress="yes")
