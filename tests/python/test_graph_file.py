"""Graph.save and verbind.load_graph (the binary graph file, issue 18):
round trips compared with networkx built from the same edges in the same
run, pathlib paths, the verify option, pickling a loaded graph, and the
errors of missing, foreign, truncated and damaged files."""

import os
import pathlib
import pickle

import networkx as nx
import numpy as np
import pytest

import verbind


def random_graph(seed, directed, weights):
    rng = np.random.default_rng(seed)
    n, m = 120, 600
    src = rng.integers(0, n, size=m)
    dst = rng.integers(0, n, size=m)
    keep = src != dst
    src, dst = src[keep], dst[keep]
    w = None
    if weights == "f32":
        w = rng.integers(1, 9, size=len(src)).astype(float) / 2  # exactly floats
    elif weights == "f64":
        w = rng.uniform(0.1, 3.0, size=len(src))
    g = verbind.Graph.from_edges(src, dst, n=n + 5, weights=w, directed=directed, duplicates="max")
    return g, src, dst, w


def networkx_of(n, src, dst, w, directed):
    """The same graph built by networkx from the same edge arrays."""
    G = nx.DiGraph() if directed else nx.Graph()
    G.add_nodes_from(range(n))
    for i, (a, b) in enumerate(zip(src.tolist(), dst.tolist())):
        weight = 1.0 if w is None else float(w[i])
        if G.has_edge(a, b):
            weight = max(weight, G[a][b]["weight"])
        G.add_edge(a, b, weight=weight)
    return G


@pytest.mark.parametrize("directed", [False, True])
@pytest.mark.parametrize("weights", [None, "f32", "f64"])
def test_round_trip_matches_networkx(tmp_path, directed, weights):
    g, src, dst, w = random_graph(7, directed, weights)
    path = tmp_path / "g.vbg"
    g.save(path)  # a pathlib.Path
    loaded = verbind.load_graph(str(path))  # and a str
    assert loaded == g
    G = networkx_of(g.num_nodes, src, dst, w, directed)
    H = verbind.to_networkx(loaded)
    assert sorted(H.nodes) == sorted(G.nodes)
    assert H.number_of_edges() == G.number_of_edges()
    for a, b, data in G.edges(data=True):
        assert H.has_edge(a, b)
        if weights is not None:
            assert H[a][b]["weight"] == data["weight"]
    # An algorithm on the loaded graph equals networkx's.
    pr = verbind.pagerank(loaded)
    expected = nx.pagerank(G, weight="weight" if weights else None, tol=1e-12)
    assert np.allclose([pr[i] for i in range(g.num_nodes)], [expected[i] for i in range(g.num_nodes)], atol=1e-8)


def test_labels_and_identity_survive(tmp_path):
    g = verbind.Graph.from_edges([0, 1], [1, 2])
    path = tmp_path / "ints.vbg"
    g.save(path)
    assert list(verbind.load_graph(path).labels) == [0, 1, 2]
    text = verbind.read_edgelist(write(tmp_path / "e.txt", "anna bo\nbo 007\n"))
    text.save(tmp_path / "text.vbg")
    loaded = verbind.load_graph(tmp_path / "text.vbg")
    assert loaded.keys == ["anna", "bo", "007"]
    assert loaded == text
    ints = verbind.read_edgelist(write(tmp_path / "i.txt", "10 007\n007 2\n"))
    ints.save(tmp_path / "ints2.vbg")
    loaded = verbind.load_graph(tmp_path / "ints2.vbg")
    assert list(loaded.labels) == [2, 7, 10]  # by value, as the reader numbers them
    assert list(verbind.degree_centrality(loaded)) == list(verbind.degree_centrality(ints))


def write(path, text):
    path.write_text(text)
    return path


def test_empty_and_isolated(tmp_path):
    for g in (verbind.Graph.from_edges([], []), verbind.Graph.from_edges([0], [1], n=10)):
        g.save(tmp_path / "g.vbg")
        assert verbind.load_graph(tmp_path / "g.vbg") == g


def test_pickle_of_a_loaded_graph(tmp_path):
    g, *_ = random_graph(3, True, "f64")
    g.save(tmp_path / "g.vbg")
    loaded = verbind.load_graph(tmp_path / "g.vbg")
    os.remove(tmp_path / "g.vbg")  # the mapping outlives the name
    assert pickle.loads(pickle.dumps(loaded)) == g


def test_errors(tmp_path):
    with pytest.raises(verbind.FileError, match="missing.vbg"):
        verbind.load_graph(tmp_path / "missing.vbg")
    with pytest.raises(OSError):
        verbind.load_graph(tmp_path / "missing.vbg")
    with pytest.raises(verbind.ParseError, match="field 'magic'"):
        verbind.load_graph(write(tmp_path / "e.txt", "0 1\n"))
    g, *_ = random_graph(5, False, None)
    path = tmp_path / "g.vbg"
    g.save(path)
    data = path.read_bytes()
    (tmp_path / "cut.vbg").write_bytes(data[: len(data) // 2])
    with pytest.raises(ValueError, match=r"cut\.vbg: field 'file_bytes'.*truncated"):
        verbind.load_graph(tmp_path / "cut.vbg")
    damaged = bytearray(data)
    damaged[300] ^= 0x01
    (tmp_path / "bad.vbg").write_bytes(bytes(damaged))
    with pytest.raises(verbind.ParseError, match=r"bad\.vbg: field 'checksum'"):
        verbind.load_graph(tmp_path / "bad.vbg")
    # verify=False skips the checksum; the structure checks still run.
    try:
        verbind.load_graph(tmp_path / "bad.vbg", verify=False)
    except verbind.ParseError as e:
        assert "bad.vbg: field '" in str(e)
    with pytest.raises(TypeError):
        verbind.load_graph(path, verify="yes")
    with pytest.raises(TypeError):
        verbind.load_graph(42)
    with pytest.raises(verbind.FileError):
        g.save(tmp_path / "no" / "such" / "g.vbg")
    with pytest.raises(TypeError):
        g.save(None)


def test_save_replaces_atomically(tmp_path):
    a, *_ = random_graph(1, False, None)
    b, *_ = random_graph(2, True, "f32")
    path = tmp_path / "g.vbg"
    a.save(path)
    loaded = verbind.load_graph(path)
    b.save(path)  # a new file renamed over the old one
    assert loaded == a
    assert verbind.load_graph(path) == b
    assert sorted(p.name for p in pathlib.Path(tmp_path).iterdir()) == ["g.vbg"]
