"""Shared fixtures for the verbind pytest suite.

Run with PYTHONPATH pointing at the build's python/ folder (ctest does), and
Debian's /usr/bin/python3, which has numpy, networkx, igraph and scipy.
"""

import datetime
import os
import pathlib

import pytest

import verbind

REPO = pathlib.Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def data_dir():
    """The real-network data folder (VERBIND_DATA, else the repository's data/)."""
    return pathlib.Path(os.environ.get("VERBIND_DATA", REPO / "data"))


def d(text):
    return datetime.date.fromisoformat(text)


def build_small_network():
    """Five residents, one library, ties of two kinds with dates, three events.

    Ties (a - b, kind, [since, until), weight):
      ann - bob  knows      [2022-01-01, open)        1.0
      ann - bob  neighbour  [2022-03-01, 2022-09-01)  3.0
      bob - cem  knows      [2022-05-01, 2022-06-01)  2.0
      cem - dua  neighbour  open                      0.5
      dua - eva  knows      [open, 2022-02-01)        1.0
      eva - lib  knows      [2022-01-15, open)        1.0
    Events: e1 2022-05-04 commemoration, Noord, organised by lib: ann, bob
    (brought by ann), eva. e2 2022-07-01 Keti Koti, Zuid: ann, bob, cem, lib.
    e3 2022-06-15 iftar, Zuid, organised by cem and dua: cem, dua (brought by cem).
    Group 'lgbti' is marked sensitive.
    """
    net = verbind.Network()
    net.add_resident("ann", neighbourhood="Noord", municipality="Lelystad", talents=["cooking"],
                     groups=["lgbti", "choir"])
    net.add_resident("bob", neighbourhood="Noord", municipality="Lelystad", talents=("football", "cooking"))
    net.add_resident("cem", neighbourhood="Zuid", municipality="Lelystad", groups=["choir"])
    net.add_resident("dua", neighbourhood="Zuid", municipality="Lelystad", groups=["lgbti"])
    net.add_resident("eva", neighbourhood="Noord", municipality="Lelystad", key_figure=True,
                     trained_on=d("2022-02-01"))
    net.add_organisation("lib", kind="library", neighbourhood="Noord", municipality="Lelystad",
                         talents=["language lessons"])
    net.mark_sensitive("lgbti")

    net.add_tie("ann", "bob", "knows", since="2022-01-01")
    net.add_tie("ann", "bob", "neighbour", since=d("2022-03-01"), until="2022-09-01", weight=3.0)
    net.add_tie("bob", "cem", since="2022-05-01", until="2022-06-01", weight=2)
    net.add_tie("cem", "dua", "neighbour", weight=0.5)
    net.add_tie("dua", "eva", "knows", until="2022-02-01")
    net.add_tie("eva", "lib", since="2022-01-15")

    net.add_event("e1", date="2022-05-04", kind="4 May commemoration", neighbourhood="Noord",
                  municipality="Lelystad", organisers=["lib"])
    net.add_event("e2", date=d("2022-07-01"), kind="Keti Koti", neighbourhood="Zuid")
    net.add_event("e3", date="2022-06-15", kind="iftar", neighbourhood="Zuid", organisers=("cem", "dua"))
    net.attend("e1", "ann")
    net.attend("e1", "bob", brought_by="ann")
    net.attend("e1", "eva")
    for who in ("ann", "bob", "cem", "lib"):
        net.attend("e2", who)
    net.attend("e3", "cem")
    net.attend("e3", "dua", brought_by="cem")
    return net


@pytest.fixture
def small():
    return build_small_network()


def edge_map(graph):
    """{(key_u, key_v): weight} from Graph.edges(); undirected pairs sorted by key."""
    src, dst, weight = graph.edges()
    keys = graph.keys
    out = {}
    for u, v, w in zip(src.tolist(), dst.tolist(), weight.tolist()):
        a, b = keys[u], keys[v]
        if not graph.directed and b < a:
            a, b = b, a
        out[(a, b)] = w
    return out


def pytest_configure(config):
    # tests/python/test_install.py builds the package from scratch; the normal
    # test command runs it, `-m "not slow"` leaves it out while developing.
    config.addinivalue_line("markers", "slow: builds from scratch (minutes); deselect with -m 'not slow'")
