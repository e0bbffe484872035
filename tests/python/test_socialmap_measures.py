"""Every socialmap measure against networkx (and igraph where it has it),
computed in this test run, on the classic networks, facebook_combined, a
directed variant and seeded random graphs."""

import math
import random

import igraph as ig
import networkx as nx
import numpy as np
import pytest

import verbind
from socialmap_graphs import directed_cases, facebook, relabelled, to_verbind, undirected_cases

EXACT = 1e-9
ITERATIVE = 1e-6

ALL = undirected_cases() + directed_cases()
SMALL = undirected_cases(include_facebook=False) + directed_cases()


def ids(case):
    return case if isinstance(case, str) else ""


def vec(d, n):
    return np.array([d[i] for i in range(n)], dtype=float)


def close(ours, theirs, tol):
    ours = np.asarray(ours, dtype=float)
    theirs = np.asarray(theirs, dtype=float)
    assert ours.shape == theirs.shape
    assert np.array_equal(np.isnan(ours), np.isnan(theirs))
    ok = ~np.isnan(ours)
    np.testing.assert_allclose(ours[ok], theirs[ok], rtol=0, atol=tol)


def to_igraph(G, weight):
    h = ig.Graph(n=G.number_of_nodes(), edges=list(G.edges()), directed=G.is_directed())
    if weight:
        h.es["weight"] = [d[weight] for _, _, d in G.edges(data=True)]
    return h


@pytest.mark.parametrize("name,G,weight", ALL, ids=ids)
def test_degree_centrality(name, G, weight):
    g, _ = to_verbind(G, weight)
    close(verbind.degree_centrality(g), vec(nx.degree_centrality(G), len(G)), EXACT)


@pytest.mark.parametrize("name,G,weight", SMALL, ids=ids)
def test_betweenness(name, G, weight):
    g, _ = to_verbind(G, weight)
    n = len(G)
    for normalized in (True, False):
        expected = vec(nx.betweenness_centrality(G, normalized=normalized), n)
        close(verbind.betweenness(g, normalized=normalized), expected, EXACT * max(1, expected.max()))
    if True:
        for normalized in (True, False):
            expected = vec(nx.betweenness_centrality(G, normalized=normalized, weight=weight), n)
            close(verbind.betweenness(g, normalized=normalized, weighted=True), expected,
                  EXACT * max(1, expected.max()))
    # igraph: unnormalized, undirected pairs counted once, as networkx unnormalized.
    h = to_igraph(G, weight)
    close(verbind.betweenness(g, normalized=False), h.betweenness(directed=G.is_directed()),
          EXACT * max(1, max(h.betweenness())))
    if weight:
        close(verbind.betweenness(g, normalized=False, weighted=True),
              h.betweenness(directed=G.is_directed(), weights="weight"), 1e-6)


def shaped_graphs():
    """Shapes whose shortest-path DAGs differ: trees, stars, pendant chains,
    cliques with tails, cycles, many equal degrees; node ids shuffled (the
    searches renumber nodes by degree), and a directed orientation of each."""
    rng = random.Random(11)
    shapes = [
        nx.star_graph(9),
        nx.path_graph(12),
        nx.random_labeled_tree(40, seed=3) if hasattr(nx, "random_labeled_tree") else nx.random_tree(40, seed=3),
        nx.balanced_tree(3, 3),
        nx.cycle_graph(11),
        nx.lollipop_graph(6, 7),  # a clique with a pendant chain
        nx.barbell_graph(5, 3),
        nx.complete_graph(8),
        nx.grid_2d_graph(5, 6),  # many shortest paths of equal length
        nx.disjoint_union(nx.path_graph(5), nx.empty_graph(3)),  # isolated nodes
    ]
    G = nx.path_graph(4)  # a caterpillar: pendant chains off a spine
    for v in range(4):
        nx.add_path(G, [v] + [(v, i) for i in range(v + 1)])
    shapes.append(G)
    graphs = []
    for H in shapes:
        H = relabelled(H)
        order = list(H.nodes())
        rng.shuffle(order)
        H = nx.relabel_nodes(H, dict(zip(H.nodes(), order)))
        U = nx.Graph()
        U.add_nodes_from(range(len(H)))
        U.add_edges_from(H.edges())
        D = nx.DiGraph()
        D.add_nodes_from(range(len(H)))
        for u, v in H.edges():
            D.add_edge(*((u, v) if rng.random() < 0.5 else (v, u)))
            if rng.random() < 0.3:
                D.add_edge(v, u)
        graphs += [U, D]
    return graphs


def test_betweenness_of_shaped_graphs():
    for G in shaped_graphs():
        g, _ = to_verbind(G)
        n = len(G)
        for normalized in (True, False):
            expected = vec(nx.betweenness_centrality(G, normalized=normalized), n)
            close(verbind.betweenness(g, normalized=normalized), expected, EXACT * max(1, expected.max()))
        # The same graph with its nodes in reverse order: the values follow the nodes.
        s, d, _ = g.edges()
        back = verbind.Graph.from_edges(n - 1 - s, n - 1 - d, n=n, directed=G.is_directed())
        close(verbind.betweenness(back)[::-1], verbind.betweenness(g), EXACT)


class SampleOf(random.Random):
    """Hands networkx the sources verbind drew, so both sum the same searches."""

    def __init__(self, sources):
        super().__init__(0)
        self.sources = sources

    def sample(self, population, k):
        assert k == len(self.sources)
        return [population[i] for i in self.sources]


def test_facebook_paths_against_igraph_and_networkx():
    # networkx needs minutes for all-pairs searches on facebook_combined:
    # igraph checks the exact values, networkx the sampled estimate and
    # single-node values.
    G = facebook()
    g, _ = to_verbind(G)
    h = to_igraph(G, None)
    n = len(G)
    theirs = np.array(h.betweenness(directed=False))
    close(verbind.betweenness(g, normalized=False), theirs, EXACT * theirs.max())
    ours = verbind.closeness(g)
    close(ours, h.closeness(), EXACT)
    assert np.array_equal(verbind.closeness(g, threads=1), ours)
    close(verbind.harmonic(g), np.array(h.harmonic_centrality(normalized=False)), EXACT)
    nodes = list(range(0, n, 401))
    for v in nodes:
        assert ours[v] == pytest.approx(nx.closeness_centrality(G, u=v), abs=EXACT)
    sources = verbind.betweenness_sources(n, 40, 9).tolist()
    ours = verbind.betweenness(g, samples=40, seed=9)
    close(ours, vec(nx.betweenness_centrality(G, k=40, seed=SampleOf(sources)), n), EXACT)
    for threads in (1, 2):
        assert np.array_equal(verbind.betweenness(g, samples=40, seed=9, threads=threads), ours)


@pytest.mark.parametrize("name,G,weight", SMALL, ids=ids)
def test_sampled_betweenness(name, G, weight):
    g, _ = to_verbind(G, weight)
    n = len(G)
    k = max(1, n // 5)
    sources = verbind.betweenness_sources(n, k, 7).tolist()
    assert len(set(sources)) == k
    for normalized in (True, False):
        ours = verbind.betweenness(g, normalized=normalized, samples=k, seed=7)
        theirs = vec(nx.betweenness_centrality(G, k=k, normalized=normalized, seed=SampleOf(sources)), n)
        close(ours, theirs, EXACT * max(1, theirs.max()))
    # samples = n is the exact value.
    close(verbind.betweenness(g, samples=n, seed=3), verbind.betweenness(g), EXACT)


@pytest.mark.parametrize("name,G,weight", SMALL, ids=ids)
def test_closeness_and_harmonic(name, G, weight):
    g, _ = to_verbind(G, weight)
    n = len(G)
    close(verbind.closeness(g), vec(nx.closeness_centrality(G), n), EXACT)
    close(verbind.harmonic(g), vec(nx.harmonic_centrality(G), n), EXACT)
    if weight:
        close(verbind.closeness(g, weighted=True), vec(nx.closeness_centrality(G, distance=weight), n), EXACT)
        close(verbind.harmonic(g, weighted=True), vec(nx.harmonic_centrality(G, distance=weight), n), EXACT)
    if not G.is_directed() and nx.is_connected(G):
        # igraph's closeness is networkx's on connected graphs.
        close(verbind.closeness(g), to_igraph(G, weight).closeness(), EXACT)


@pytest.mark.parametrize("name,G,weight", ALL, ids=ids)
def test_pagerank(name, G, weight):
    g, _ = to_verbind(G, weight)
    n = len(G)
    close(verbind.pagerank(g, weighted=False),
          vec(nx.pagerank(G, weight=None, tol=1e-10, max_iter=1000), n), ITERATIVE)
    if weight:
        close(verbind.pagerank(g), vec(nx.pagerank(G, weight=weight, tol=1e-10, max_iter=1000), n), ITERATIVE)
    h = to_igraph(G, weight)
    close(verbind.pagerank(g, weighted=False), h.pagerank(directed=G.is_directed()), ITERATIVE)
    # Personalization: as a sequence and as a dict, with zeros and dangling nodes.
    rng = np.random.default_rng(1)
    pers = rng.integers(0, 3, size=n).astype(float)
    pers[0] = 1.0
    expected = vec(nx.pagerank(G, personalization={i: pers[i] for i in range(n)}, weight=weight, tol=1e-10,
                               max_iter=1000), n)
    close(verbind.pagerank(g, personalization=pers), expected, ITERATIVE)
    close(verbind.pagerank(g, personalization={str(i): pers[i] for i in range(n) if pers[i]}), expected, ITERATIVE)
    close(verbind.pagerank(g, damping=0.6, weighted=False),
          vec(nx.pagerank(G, alpha=0.6, weight=None, tol=1e-10, max_iter=1000), n), ITERATIVE)


@pytest.mark.parametrize("name,G,weight", ALL, ids=ids)
def test_eigenvector(name, G, weight):
    g, _ = to_verbind(G, weight)
    n = len(G)
    try:
        expected = vec(nx.eigenvector_centrality(G, weight=None, tol=1e-10, max_iter=1000), n)
    except nx.PowerIterationFailedConvergence:
        with pytest.raises(verbind.InputError, match="did not converge"):
            verbind.eigenvector(g, weighted=False)
        return
    close(verbind.eigenvector(g, weighted=False), expected, ITERATIVE)
    if weight:
        expected = vec(nx.eigenvector_centrality(G, weight=weight, tol=1e-10, max_iter=1000), n)
        close(verbind.eigenvector(g), expected, ITERATIVE)


@pytest.mark.parametrize("name,G,weight", ALL, ids=ids)
def test_core_number_and_components(name, G, weight):
    g, _ = to_verbind(G, weight)
    n = len(G)
    cores = nx.core_number(G)
    assert verbind.core_number(g).tolist() == [cores[i] for i in range(n)]
    labels = verbind.components(g)
    parts = nx.weakly_connected_components(G) if G.is_directed() else nx.connected_components(G)
    expected = sorted(sorted(c) for c in parts)
    ours = {}
    for i, l in enumerate(labels.tolist()):
        ours.setdefault(l, []).append(i)
    assert sorted(ours.values()) == expected
    firsts = [members[0] for _, members in sorted(ours.items())]
    assert firsts == sorted(firsts)  # numbered by lowest node
    if not G.is_directed():
        assert verbind.core_number(g).tolist() == to_igraph(G, None).coreness()


@pytest.mark.parametrize("name,G,weight", undirected_cases(), ids=ids)
def test_articulation_points_and_bridges(name, G, weight):
    g, _ = to_verbind(G, weight)
    assert verbind.articulation_points(g).tolist() == sorted(nx.articulation_points(G))
    expected = sorted((min(u, v), max(u, v)) for u, v in nx.bridges(G))
    got = verbind.bridges(g)
    assert got.shape == (len(expected), 2)
    assert [tuple(p) for p in got.tolist()] == expected
    h = to_igraph(G, None)
    assert verbind.articulation_points(g).tolist() == sorted(h.articulation_points())


def test_structure_of_directed_graphs_is_refused():
    g, _ = to_verbind(directed_cases()[0][1])
    for f in (verbind.articulation_points, verbind.bridges):
        with pytest.raises(verbind.InputError, match="not defined for directed graphs"):
            f(g)


@pytest.mark.parametrize("name,G,weight", SMALL, ids=ids)
def test_constraint_and_effective_size(name, G, weight):
    g, _ = to_verbind(G, weight)
    n = len(G)
    close(verbind.constraint(g), vec(nx.constraint(G), n), EXACT)
    close(verbind.effective_size(g), vec(nx.effective_size(G), n), EXACT)
    if weight:
        close(verbind.constraint(g, weighted=True), vec(nx.constraint(G, weight=weight), n), EXACT)
        close(verbind.effective_size(g, weighted=True), vec(nx.effective_size(G, weight=weight), n), EXACT)
    # weighted=True on an unweighted graph: networkx's general formula, weights 1.
    h, _ = to_verbind(G, None)
    Gw = G.copy()
    for _, _, d in Gw.edges(data=True):
        d.pop("weight", None)
    close(verbind.effective_size(h, weighted=True), vec(nx.effective_size(Gw, weight="weight"), n), EXACT)


def test_brokerage_on_facebook():
    # networkx's constraint needs minutes here; igraph's (Burt's, the same on
    # undirected unweighted graphs) checks every node, networkx's effective
    # size (Borgatti's formula) a sample.
    G = facebook()
    g, _ = to_verbind(G)
    close(verbind.constraint(g), to_igraph(G, None).constraint(), EXACT)
    nodes = [v for v in range(0, G.number_of_nodes(), 37) if G.degree(v) < 40][:4]  # networkx copies the graph per node
    expected = nx.effective_size(G, nodes)
    close(verbind.effective_size(g)[nodes], [expected[v] for v in nodes], EXACT)


@pytest.mark.parametrize("name,G,weight", SMALL, ids=ids)
def test_thread_count_does_not_change_results(name, G, weight):
    g, _ = to_verbind(G, weight)
    calls = [
        lambda t: verbind.betweenness(g, threads=t),
        lambda t: verbind.betweenness(g, weighted=True, normalized=False, threads=t),
        lambda t: verbind.betweenness(g, samples=max(1, len(G) // 3), seed=5, threads=t),
        lambda t: verbind.closeness(g, threads=t),
        lambda t: verbind.closeness(g, weighted=True, threads=t),
        lambda t: verbind.harmonic(g, threads=t),
        lambda t: verbind.pagerank(g, threads=t),
        lambda t: verbind.constraint(g, threads=t),
        lambda t: verbind.effective_size(g, weighted=True, threads=t),
    ]
    for call in calls:
        one = call(1)
        for threads in (0, 2, 3):
            assert np.array_equal(call(threads), one, equal_nan=True)


def group_cases():
    G = relabelled(nx.karate_club_graph())
    clubs = [G.nodes[v]["club"] for v in G]
    F = relabelled(nx.florentine_families_graph())
    return [(G, clubs), (F, [i % 3 for i in range(len(F))]), (directed_cases()[0][1], [i % 4 for i in range(60)])]


def test_assortativity_matches_networkx():
    for G, groups in group_cases():
        g, _ = to_verbind(G)
        H = G.copy()
        nx.set_node_attributes(H, {v: groups[i] for i, v in enumerate(H)}, "group")
        expected = nx.attribute_assortativity_coefficient(H, "group")
        assert verbind.assortativity(g, groups) == pytest.approx(expected, abs=EXACT)
        # labels of any hashable type: tuples and None work too.
        assert verbind.assortativity(g, [(x, None) for x in groups]) == pytest.approx(expected, abs=EXACT)


def test_ei_index_by_hand():
    # Path a-b-c-d with groups x x y y: ties a-b (in), b-c (out), c-d (in):
    # E-I = (1 - 2) / 3.
    g = verbind.Graph.from_edges([0, 1, 2], [1, 2, 3])
    assert verbind.ei_index(g, ["x", "x", "y", "y"]) == pytest.approx(-1 / 3, abs=1e-15)
    per = verbind.ei_index(g, ["x", "x", "y", "y"], per_group=True)
    # Group x: one tie inside, one to y: (1 - 1) / 2 = 0; the same for y.
    assert per == {"x": 0.0, "y": 0.0}
    per = verbind.ei_index(g, ["x", "y", "y", "y"], per_group=True)
    assert per["x"] == 1.0 and per["y"] == pytest.approx((1 - 2) / 3)
    lonely = verbind.Graph.from_edges([0], [1], n=3)
    assert math.isnan(verbind.ei_index(lonely, ["a", "a", "b"], per_group=True)["b"])


def test_ei_index_matches_counts_on_karate():
    G = relabelled(nx.karate_club_graph())
    g, _ = to_verbind(G)
    clubs = [G.nodes[v]["club"] for v in G]
    external = sum(1 for u, v in G.edges() if clubs[u] != clubs[v])
    internal = G.number_of_edges() - external
    assert verbind.ei_index(g, clubs) == pytest.approx((external - internal) / (external + internal), abs=1e-15)


def test_expected_ei_index_baseline():
    G = relabelled(nx.karate_club_graph())
    g, _ = to_verbind(G)
    clubs = [G.nodes[v]["club"] for v in G]
    r = verbind.expected_ei_index(g, clubs, permutations=2000, seed=4)
    sizes = [clubs.count(c) for c in set(clubs)]
    n = len(clubs)
    analytic = 1 - 2 * sum(s * (s - 1) for s in sizes) / (n * (n - 1))
    assert r["analytic"] == pytest.approx(analytic, abs=1e-15)
    assert r["observed"] == pytest.approx(verbind.ei_index(g, clubs))
    # The mean of 2000 shuffles lies within 4 standard errors of the exact mean.
    assert abs(r["expected"] - analytic) < 4 * r["std"] / math.sqrt(2000)
    # The two clubs are far more inward than random mixing.
    assert r["observed"] < r["expected"] and r["p_value"] < 0.01
    assert r["permutations"] == 2000
    for threads in (1, 2, 0):
        assert verbind.expected_ei_index(g, clubs, permutations=2000, seed=4, threads=threads) == r


def test_bad_input_is_refused_with_clear_errors():
    G = relabelled(nx.karate_club_graph())
    g, _ = to_verbind(G)
    for f in (verbind.ei_index, verbind.assortativity, verbind.expected_ei_index):
        with pytest.raises(ValueError, match="groups has 3 entries, the graph has 34 nodes"):
            f(g, ["a", "b", "c"])
    with pytest.raises(TypeError, match="groups must be a sequence"):
        verbind.ei_index(g, "abc")
    with pytest.raises(TypeError, match=r"groups\[1\] is unhashable"):
        verbind.ei_index(g, [1, [2]] + [1] * 32)
    with pytest.raises(ValueError, match="permutations must be at least 1"):
        verbind.expected_ei_index(g, [0] * 34, permutations=0)
    with pytest.raises(ValueError, match="personalization must sum to a positive value"):
        verbind.pagerank(g, personalization=np.zeros(34))
    with pytest.raises(ValueError, match=r"personalization\[2\] must be a finite number >= 0"):
        verbind.pagerank(g, personalization=[1, 1, -1] + [0] * 31)
    with pytest.raises(ValueError, match="personalization has 2 entries, the graph has 34 nodes"):
        verbind.pagerank(g, personalization=[1, 2])
    with pytest.raises(verbind.NotFoundError):
        verbind.pagerank(g, personalization={"nobody": 1.0})
    with pytest.raises(ValueError, match="damping must be in"):
        verbind.pagerank(g, damping=1.5)
    with pytest.raises(ValueError, match=r"samples must be in 1..34 \(the number of nodes\), got 35"):
        verbind.betweenness(g, samples=35)
    with pytest.raises(ValueError, match="samples must be at least 1, got 0"):
        verbind.betweenness(g, samples=0)
    with pytest.raises(ValueError, match="threads must be"):
        verbind.closeness(g, threads=-1)
    # Negative weights cannot reach a distance measure: the graph refuses them.
    with pytest.raises(ValueError, match="weight"):
        verbind.Graph.from_edges([0], [1], weights=[-1.0])
    with pytest.raises(verbind.InputError, match="did not converge"):
        verbind.eigenvector(g, max_iter=2)
    with pytest.raises(verbind.InputError, match="did not converge"):
        verbind.pagerank(g, max_iter=2)


def test_vectors_are_indexed_like_keys():
    net = verbind.sample_programme()
    g = net.graph() if callable(getattr(net, "graph", None)) else None
    if g is None:
        pytest.skip("Network.graph not available")
    scores = verbind.betweenness(g)
    assert len(scores) == g.num_nodes == len(g.keys)
