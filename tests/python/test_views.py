"""Network.graph(): every view of the hand-made network, checked edge by edge.

The expected edges are worked out by hand from the tie and event list in
conftest.build_small_network.
"""

import numpy as np
import pytest

import verbind
from conftest import d, edge_map

EVERYONE = ["ann", "bob", "cem", "dua", "eva", "lib"]


def test_all_ties_merge_max(small):
    g = small.graph()
    assert g.keys == EVERYONE
    assert not g.directed and g.weighted
    # ann - bob: knows (1) and neighbour (3) -> max 3.
    assert edge_map(g) == {("ann", "bob"): 3.0, ("bob", "cem"): 2.0, ("cem", "dua"): 0.5,
                           ("dua", "eva"): 1.0, ("eva", "lib"): 1.0}
    assert g.num_edges == 5
    assert g.degree().tolist() == [1, 2, 2, 2, 2, 1]


@pytest.mark.parametrize("merge, ann_bob", [("max", 3.0), ("min", 1.0), ("sum", 4.0), ("first", 1.0)])
def test_merge(small, merge, ann_bob):
    assert edge_map(small.graph(merge=merge))[("ann", "bob")] == ann_bob


def test_merge_error_names_the_pair(small):
    with pytest.raises(verbind.InputError, match="ann"):
        small.graph(merge="error")
    # With one kind there is one tie per pair, so "error" has nothing to refuse.
    assert edge_map(small.graph(kinds=["knows"], merge="error"))[("ann", "bob")] == 1.0


def test_kinds(small):
    assert edge_map(small.graph(kinds=["knows"])) == {
        ("ann", "bob"): 1.0, ("bob", "cem"): 2.0, ("dua", "eva"): 1.0, ("eva", "lib"): 1.0}
    assert edge_map(small.graph(kinds=("neighbour",))) == {("ann", "bob"): 3.0, ("cem", "dua"): 0.5}
    assert edge_map(small.graph(kinds=["knows", "neighbour"])) == edge_map(small.graph())
    g = small.graph(kinds=["partner"])
    assert g.num_nodes == 6 and g.num_edges == 0


def test_time_window_inside_the_year(small):
    # [06-01, 07-01): bob - cem ended on 06-01 (until is exclusive), dua - eva on 02-01.
    g = small.graph(start="2022-06-01", end=d("2022-07-01"))
    assert edge_map(g) == {("ann", "bob"): 3.0, ("cem", "dua"): 0.5, ("eva", "lib"): 1.0}


def test_time_window_open_start(small):
    # Before 01-15: eva - lib starts on 01-15 (not before end), neighbour ann - bob on 03-01.
    g = small.graph(end="2022-01-15")
    assert edge_map(g) == {("ann", "bob"): 1.0, ("cem", "dua"): 0.5, ("dua", "eva"): 1.0}


def test_time_window_open_end(small):
    # From 02-01: dua - eva ended on 02-01, so it is out.
    g = small.graph(start="2022-02-01")
    assert edge_map(g) == {("ann", "bob"): 3.0, ("bob", "cem"): 2.0, ("cem", "dua"): 0.5, ("eva", "lib"): 1.0}
    # One day earlier it is in.
    assert ("dua", "eva") in edge_map(small.graph(start="2022-01-31"))


def test_time_window_and_kind(small):
    g = small.graph(kinds=["knows"], start="2022-05-15", end="2022-05-16")
    assert edge_map(g) == {("ann", "bob"): 1.0, ("bob", "cem"): 2.0, ("eva", "lib"): 1.0}


def test_neighbourhoods(small):
    g = small.graph(neighbourhoods=["Noord"])
    assert g.keys == ["ann", "bob", "eva", "lib"]
    assert edge_map(g) == {("ann", "bob"): 3.0, ("eva", "lib"): 1.0}
    g = small.graph(neighbourhoods=["Zuid"])
    assert g.keys == ["cem", "dua"]
    assert edge_map(g) == {("cem", "dua"): 0.5}


def test_residents_only(small):
    g = small.graph(residents_only=True)
    assert g.keys == ["ann", "bob", "cem", "dua", "eva"]
    assert edge_map(g) == {("ann", "bob"): 3.0, ("bob", "cem"): 2.0, ("cem", "dua"): 0.5, ("dua", "eva"): 1.0}


def test_directed(small):
    g = small.graph(directed=True)
    assert g.directed
    assert edge_map(g) == {("ann", "bob"): 3.0, ("bob", "cem"): 2.0, ("cem", "dua"): 0.5,
                           ("dua", "eva"): 1.0, ("eva", "lib"): 1.0}
    assert g.out_degree().tolist() == [1, 1, 1, 1, 1, 0]
    assert g.in_degree().tolist() == [0, 1, 1, 1, 1, 1]
    assert g.neighbors(g.index("bob")).tolist() == [g.index("cem")]


def test_co_attendance(small):
    g = small.graph(co_attendance=True)
    assert g.keys == EVERYONE
    # e1: ann bob eva; e2: ann bob cem lib; e3: cem dua.
    assert edge_map(g) == {
        ("ann", "bob"): 2.0, ("ann", "eva"): 1.0, ("bob", "eva"): 1.0,
        ("ann", "cem"): 1.0, ("ann", "lib"): 1.0, ("bob", "cem"): 1.0, ("bob", "lib"): 1.0, ("cem", "lib"): 1.0,
        ("cem", "dua"): 1.0}
    assert g.weighted


def test_co_attendance_filters(small):
    g = small.graph(co_attendance=True, residents_only=True)
    assert edge_map(g) == {
        ("ann", "bob"): 2.0, ("ann", "eva"): 1.0, ("bob", "eva"): 1.0, ("ann", "cem"): 1.0, ("bob", "cem"): 1.0,
        ("cem", "dua"): 1.0}
    assert edge_map(small.graph(co_attendance=True, kinds=["iftar"])) == {("cem", "dua"): 1.0}
    # Events dated in [05-05, 07-01): only e3 (e2 is on the end day).
    assert edge_map(small.graph(co_attendance=True, start="2022-05-05", end="2022-07-01")) == {("cem", "dua"): 1.0}
    g = small.graph(co_attendance=True, neighbourhoods=["Zuid"])
    assert g.keys == ["cem", "dua"]
    assert edge_map(g) == {("cem", "dua"): 1.0}


def test_graph_is_a_snapshot(small):
    g = small.graph()
    small.remove("bob")
    small.add_resident("zed")
    assert g.num_nodes == 6 and g.num_edges == 5
    assert g.keys == EVERYONE


def test_neighbors_view_keeps_graph_alive(small):
    g = small.graph()
    view = g.neighbors(g.index("bob"))
    del g
    assert view.dtype == np.uint32
    assert view.tolist() == [0, 2]
    assert not view.flags.writeable
