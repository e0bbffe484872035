"""Graph: from_edges, read_edgelist and array access, against networkx, igraph
and scipy computed in the same run."""

import igraph
import networkx as nx
import numpy as np
import pytest
import scipy.sparse

import verbind


def random_edges(seed, n=300, m=2000, weighted=True):
    """A seeded random simple graph: m distinct pairs, no self-loops."""
    rng = np.random.default_rng(seed)
    src = rng.integers(0, n, size=3 * m)
    dst = rng.integers(0, n, size=3 * m)
    keep = src != dst
    src, dst = src[keep], dst[keep]
    pairs = np.unique(np.stack([np.minimum(src, dst), np.maximum(src, dst)], axis=1), axis=0)
    pairs = pairs[rng.permutation(len(pairs))[:m]]
    flip = rng.random(m) < 0.5  # either orientation in the input
    src = np.where(flip, pairs[:, 1], pairs[:, 0])
    dst = np.where(flip, pairs[:, 0], pairs[:, 1])
    weights = np.round(rng.uniform(0.1, 5.0, size=m), 3) if weighted else None
    return n, src, dst, weights


def test_small_by_hand():
    g = verbind.Graph.from_edges(np.array([2, 0, 1], dtype=np.int16), np.array([1, 1, 3], dtype=np.int16))
    assert g.num_nodes == 4 and g.num_edges == 3 and not g.directed and not g.weighted
    assert g.keys == ["0", "1", "2", "3"]
    assert g.index("3") == 3 and g.key(2) == "2"
    src, dst, weight = g.edges()
    assert src.dtype == np.uint32 and dst.dtype == np.uint32 and weight.dtype == np.float64
    assert src.tolist() == [0, 1, 1] and dst.tolist() == [1, 2, 3] and weight.tolist() == [1.0, 1.0, 1.0]
    assert g.degree().tolist() == [1, 3, 1, 1]
    assert g.neighbors(1).tolist() == [0, 2, 3]
    assert repr(g) == "<verbind.Graph: 4 nodes, 3 edges, undirected, unweighted>"
    assert g.memory_bytes > 0


def test_n_and_isolated_nodes():
    g = verbind.Graph.from_edges([0], [1], n=5)
    assert g.num_nodes == 5 and g.degree().tolist() == [1, 1, 0, 0, 0]
    empty = verbind.Graph.from_edges(np.array([], dtype=np.int32), np.array([], dtype=np.int32))
    assert empty.num_nodes == 0 and empty.num_edges == 0 and empty.keys == []
    assert [len(a) for a in empty.edges()] == [0, 0, 0] and len(empty.degree()) == 0
    assert verbind.Graph.from_edges([], []).num_nodes == 0
    assert verbind.Graph.from_edges([], [], n=3).degree().tolist() == [0, 0, 0]


@pytest.mark.parametrize("dtype", [np.int8, np.uint8, np.int16, np.uint16, np.int32, np.uint32, np.int64,
                                   np.uint64, ">i4", "<u8"])
def test_every_integer_dtype(dtype):
    src = np.array([0, 1, 2, 3], dtype=dtype)
    dst = np.array([1, 2, 3, 0], dtype=dtype)
    g = verbind.Graph.from_edges(src, dst)
    assert g.num_nodes == 4
    assert g.degree().tolist() == [2, 2, 2, 2]


def test_duplicates_and_self_loops_options():
    src, dst, w = [0, 1, 1, 2], [1, 0, 2, 2], [1.0, 2.5, 4.0, 9.0]
    for merge, expected in [("sum", 3.5), ("max", 2.5), ("min", 1.0), ("first", 1.0)]:
        g = verbind.Graph.from_edges(src, dst, weights=w, duplicates=merge, self_loops="drop")
        s, d, weight = g.edges()
        assert list(zip(s.tolist(), d.tolist(), weight.tolist())) == [(0, 1, expected), (1, 2, 4.0)]
    g = verbind.Graph.from_edges(src, dst, directed=True, self_loops="drop")
    assert g.num_edges == 3


def test_weights_are_returned_exactly():
    weights = np.array([0.1, 1e-300, 3.0, 2.0**40 + 0.5])
    g = verbind.Graph.from_edges([0, 1, 2, 3], [1, 2, 3, 4], weights=weights)
    assert g.weighted
    assert g.edges()[2].tolist() == weights.tolist()


@pytest.mark.parametrize("seed", [1, 2022])
def test_undirected_against_igraph_and_scipy(seed):
    n, src, dst, weights = random_edges(seed)
    g = verbind.Graph.from_edges(src, dst, n=n, weights=weights)
    assert g.num_nodes == n and g.num_edges == len(src)

    ig = igraph.Graph(n=n, edges=list(zip(src.tolist(), dst.tolist())), directed=False)
    assert g.degree().tolist() == ig.degree()

    a = scipy.sparse.coo_matrix((weights, (src, dst)), shape=(n, n)).tocsr()
    a = a + a.T
    assert g.degree().tolist() == np.diff(a.indptr).tolist()
    # Edges come back once each, u < v, with the weight that was given.
    s, d, w = g.edges()
    assert np.all(s < d)
    ours = scipy.sparse.coo_matrix((w, (s, d)), shape=(n, n)).tocsr()
    ours = ours + ours.T
    assert (ours != a).nnz == 0
    for u in (0, n // 2, n - 1):
        assert g.neighbors(u).tolist() == sorted(ig.neighbors(u))


@pytest.mark.parametrize("seed", [7, 99])
def test_directed_against_igraph_and_scipy(seed):
    n, src, dst, weights = random_edges(seed, n=200, m=1500)
    g = verbind.Graph.from_edges(src.astype(np.int32), dst.astype(np.uint16), n=n, weights=weights, directed=True)
    assert g.directed and g.num_edges == len(src)

    ig = igraph.Graph(n=n, edges=list(zip(src.tolist(), dst.tolist())), directed=True)
    assert g.out_degree().tolist() == ig.outdegree()
    assert g.in_degree().tolist() == ig.indegree()
    assert g.degree().tolist() == ig.outdegree()

    a = scipy.sparse.csr_matrix((weights, (src, dst)), shape=(n, n))
    assert g.out_degree().tolist() == np.diff(a.indptr).tolist()
    assert g.in_degree().tolist() == np.diff(a.tocsc().indptr).tolist()
    s, d, w = g.edges()
    ours = scipy.sparse.csr_matrix((w, (s, d)), shape=(n, n))
    assert (ours != a).nnz == 0
    assert np.array_equal(np.asarray(ours.sum(axis=1)).ravel(), np.asarray(a.sum(axis=1)).ravel())


def test_read_edgelist_against_networkx_and_igraph(data_dir):
    path = data_dir / "facebook_combined.txt"
    g = verbind.read_edgelist(path)
    reference = nx.read_edgelist(path, nodetype=str)
    assert g.num_nodes == reference.number_of_nodes() == 4039
    assert g.num_edges == reference.number_of_edges() == 88234
    assert sorted(g.keys) == sorted(reference.nodes())
    degree = g.degree()
    assert {key: int(degree[i]) for i, key in enumerate(g.keys)} == dict(reference.degree())
    for key in ("0", "107", "4038"):
        assert sorted(g.key(v) for v in g.neighbors(g.index(key))) == sorted(reference.neighbors(key))

    # igraph reads the same file with the labels as integer ids.
    ig = igraph.Graph.Read_Edgelist(str(path), directed=False)
    by_label = np.zeros(ig.vcount(), dtype=np.int64)
    by_label[np.array(g.keys, dtype=np.int64)] = degree
    assert by_label.tolist() == ig.degree()


def test_read_edgelist_keys_in_order_of_appearance(tmp_path):
    path = tmp_path / "named.txt"
    path.write_text("# who knows whom\nr-17 r-3 2.5\n\nr-3 org-1 1   # the library\n")
    g = verbind.read_edgelist(path, directed=True, weights=True)  # the third column, as asked
    assert g.keys == ["r-17", "r-3", "org-1"]
    assert g.directed and g.weighted
    s, d, w = g.edges()
    assert list(zip(s.tolist(), d.tolist(), w.tolist())) == [(0, 1, 2.5), (1, 2, 1.0)]
    assert g.index("org-1") == 2
    assert g.in_degree().tolist() == [0, 1, 1]


def test_arrays_are_independent_of_python_objects():
    n, src, dst, weights = random_edges(5, n=50, m=200)
    g = verbind.Graph.from_edges(src, dst, n=n, weights=weights)
    src[:] = 0  # the graph copied what it needed
    weights[:] = 0
    s, d, w = g.edges()
    assert w.min() > 0
    w[:] = -1  # returned arrays are the caller's to change
    assert g.edges()[2].min() > 0
