"""Node identity (issue 12 section 1, DESIGN.md "Node identity", docs/python.md).

A graph whose integer labels have gaps and are not in file order, generated
here: every per-node result read through labels equals networkx's on the same
file, and every function that takes nodes gives the same answer for an int
label and the equal str label. A graph with text labels: an int is a
position. Mixed labels: an int names no one."""

import inspect
import pathlib
import random
import re

import networkx as nx
import numpy as np
import pytest

import verbind

REPO = pathlib.Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def gapped(tmp_path_factory):
    """(path, networkx graph read from it, verbind graph read from it)."""
    rng = random.Random(12)
    base = nx.connected_caveman_graph(6, 7)  # clear communities
    base.add_edges_from([(0, 20), (8, 33), (15, 40)])
    labels = rng.sample(range(3, 90000), base.number_of_nodes())  # gaps, any order
    relabel = dict(zip(base.nodes, labels))
    lines = [(relabel[a], relabel[b]) for a, b in base.edges]
    rng.shuffle(lines)
    lines = [(b, a) if rng.random() < 0.5 else (a, b) for a, b in lines]
    path = tmp_path_factory.mktemp("identity") / "gapped.txt"
    path.write_text("".join(f"{a} {b}\n" for a, b in lines))
    reference = nx.read_edgelist(path, nodetype=int)
    g = verbind.read_edgelist(path)
    # The file is out of order: first appearance would not be sorted.
    first = list(dict.fromkeys(x for line in lines for x in line))
    assert first != sorted(first)
    return path, reference, g


def test_positions_follow_label_value(gapped):
    _, reference, g = gapped
    assert isinstance(g.labels, np.ndarray) and g.labels.dtype == np.int64
    assert list(g.labels) == sorted(reference.nodes)
    for position, label in enumerate(sorted(reference.nodes)):
        assert g.index(label) == position
        assert g.index(str(label)) == position
        assert g.index(np.int64(label)) == position
        assert g.key(label) == str(label)


def series_equal(series, expected, tol=1e-9):
    assert set(series.index) == set(expected)
    for label, value in expected.items():
        assert series[label] == pytest.approx(value, rel=tol, abs=tol), label


def test_per_node_results_through_labels_equal_networkx(gapped):
    _, reference, g = gapped
    series_equal(g.to_series(g.degree()), dict(reference.degree))
    series_equal(g.to_series(verbind.betweenness(g)), nx.betweenness_centrality(reference))
    series_equal(g.to_series(verbind.closeness(g)), nx.closeness_centrality(reference))
    series_equal(g.to_series(verbind.pagerank(g)), nx.pagerank(reference, tol=1e-12), tol=1e-7)
    series_equal(g.to_series(verbind.core_number(g)), nx.core_number(reference))
    labels = g.to_series(verbind.communities(g, seed=1), name="community")
    assert labels.name == "community" and labels.index.name == "node"
    groups = {}
    for node, community in labels.items():
        groups.setdefault(community, set()).add(node)
    assert verbind.modularity(g, labels.to_numpy()) == pytest.approx(
        nx.community.modularity(reference, groups.values()), abs=1e-12)
    # Hop distances from one person, through labels, equal networkx's.
    source = int(g.labels[5])
    series_equal(g.to_series(verbind.hop_reach(g, [source])), nx.single_source_shortest_path_length(reference, source))
    # Neighbours of a label are the positions of its networkx neighbours.
    assert sorted(g.labels[g.neighbors(source)]) == sorted(reference[source])


def nodes_functions(g, contacts, net):
    """Every Python function that takes nodes, as f(convert) where convert
    turns a label (int) into what is passed. Each returns something
    comparable."""
    lab = [int(x) for x in g.labels]
    a, b, c = lab[0], lab[7], lab[20]
    groups = {label: ("x" if i % 3 else "y") for i, label in enumerate(lab)}
    clab = [int(x) for x in contacts.labels]
    return {
        "Graph.index": lambda f: g.index(f(b)),
        "Graph.key": lambda f: g.key(f(b)),
        "Graph.neighbors": lambda f: list(g.neighbors(f(b))),
        "hop_reach": lambda f: list(verbind.hop_reach(g, [f(a), f(b)], hops=2)),
        "hop_reach (one node)": lambda f: list(verbind.hop_reach(g, f(c))),
        "spread": lambda f: verbind.spread(g, [f(a), f(c)], runs=200, seed=3, probability=0.2).mean,
        "influence_max candidates/fixed": lambda f: list(verbind.influence_max(
            g, 2, candidates=[f(x) for x in lab[1::4]], fixed=[f(a)], seed=5, epsilon=0.5).seeds),
        "influence_max groups dict": lambda f: list(verbind.influence_max(
            g, 2, groups={f(k): v for k, v in groups.items()}, seed=5, epsilon=0.5).seeds),
        "pagerank personalization": lambda f: list(verbind.pagerank(g, personalization={f(a): 1.0, f(c): 2.0})),
        "ei_index groups dict": lambda f: verbind.ei_index(g, {f(k): v for k, v in groups.items()}),
        "expected_ei_index groups dict": lambda f: verbind.expected_ei_index(
            g, {f(k): v for k, v in groups.items()}, permutations=20, seed=1)["p_value"],
        "assortativity groups dict": lambda f: verbind.assortativity(g, {f(k): v for k, v in groups.items()}),
        "temporal_reach contacts": lambda f: list(np.nan_to_num(verbind.temporal_reach(
            contacts, [f(clab[2])], start=0).arrival, nan=-1)),
        "Contacts.index": lambda f: contacts.index(f(clab[3])),
        "temporal_reach network": lambda f: list(verbind.temporal_reach(
            net, [f(30)], start="2022-01-01").reached),
    }


@pytest.fixture(scope="module")
def contacts_and_network(tmp_path_factory):
    path = tmp_path_factory.mktemp("identity") / "contacts.tij"
    path.write_text("10 500 7\n20 7 42\n30 42 9000\n40 9000 3\n40 500 3\n")
    contacts = verbind.read_contacts(path)
    net = verbind.Network()
    for key in ["30", "7", "1000", "2"]:  # integer keys, not in numeric order
        net.add_resident(key)
    net.add_tie("30", "7", since="2022-01-03")
    net.add_tie("7", "2", since="2022-01-05")
    return contacts, net


def test_every_node_function_same_for_int_and_str(gapped, contacts_and_network):
    _, _, g = gapped
    contacts, net = contacts_and_network
    checked = 0
    for name, call in nodes_functions(g, contacts, net).items():
        as_int = call(int)
        assert as_int == call(str), name
        assert as_int == call(np.int64), name
        assert as_int == call(np.uint32), name
        checked += 1
    assert checked == 15


def test_int_seeds_reach_the_same_people_as_str_seeds(gapped, contacts_and_network):
    _, reference, g = gapped
    contacts, net = contacts_and_network
    # Contacts numbered by value: 3, 7, 42, 500, 9000.
    assert list(contacts.labels) == [3, 7, 42, 500, 9000]
    r = verbind.temporal_reach(contacts, [500], start=0)
    arrival = dict(zip(r.labels, r.arrival))
    assert arrival[500] == 0 and arrival[7] == 10 and arrival[42] == 20 and arrival[9000] == 30
    assert arrival[3] == 40  # from 500 directly at 40 (9000 got it at 30, also passes at 40)
    # Network with integer keys in insertion order 30, 7, 1000, 2.
    r = verbind.temporal_reach(net, [30], start="2022-01-01")
    reached = dict(zip(r.labels, r.reached))
    assert reached == {30: True, 7: True, 1000: False, 2: True}
    # influence_max names its seeds by label, and they are the positions' labels.
    result = verbind.influence_max(g, 3, seed=2, epsilon=0.5)
    assert list(result.seed_labels) == [g.labels[i] for i in result.seeds]
    assert all(label in reference for label in result.seed_labels)


def test_unknown_labels_and_bad_nodes(gapped):
    _, _, g = gapped
    missing = next(x for x in range(100000) if x not in set(g.labels))
    with pytest.raises(verbind.NotFoundError, match=rf"hop_reach: seeds: unknown key {missing}\b"):
        verbind.hop_reach(g, [missing])
    with pytest.raises(KeyError, match=rf"unknown key '{missing}'"):
        verbind.hop_reach(g, [str(missing)])
    with pytest.raises(verbind.NotFoundError, match="unknown key -1"):
        g.index(-1)
    with pytest.raises(TypeError, match="must hold nodes"):
        verbind.hop_reach(g, [True])
    with pytest.raises(TypeError):
        g.index(1.0)
    with pytest.raises(verbind.InputError, match="values has 3 entries, the graph has"):
        g.to_series([1, 2, 3])
    with pytest.raises(verbind.InputError, match="has no entry for node"):
        verbind.ei_index(g, {int(g.labels[0]): "x"})


def test_text_labels_an_int_is_a_position(tmp_path):
    path = tmp_path / "names.txt"
    path.write_text("bob alice\nalice carol\n")
    g = verbind.read_edgelist(path)
    assert g.labels == ["bob", "alice", "carol"]  # first appearance
    assert g.index(1) == g.index("alice") == 1
    assert list(verbind.hop_reach(g, 1)) == list(verbind.hop_reach(g, "alice")) == [1, 0, 1]
    assert g.key(np.int32(2)) == "carol"
    with pytest.raises(verbind.InputError, match=r"position 3 is out of range \(n = 3"):
        verbind.hop_reach(g, [3])
    with pytest.raises(verbind.InputError, match="out of range"):
        verbind.spread(g, [-1])
    series = g.to_series(verbind.hop_reach(g, "bob"))
    assert series.to_dict() == {"bob": 0, "alice": 1, "carol": 2}


def test_mixed_labels_an_int_names_no_one(tmp_path):
    path = tmp_path / "mixed.txt"
    path.write_text("a 10\n10 2\n")
    g = verbind.read_edgelist(path)
    assert g.labels == ["a", "10", "2"]
    assert g.index("10") == 1
    with pytest.raises(verbind.InputError, match="an int names no node here.*give the node's label as a str"):
        verbind.hop_reach(g, [10])
    net = verbind.Network()
    net.add_resident("7")
    net.add_resident("07")
    with pytest.raises(verbind.InputError, match="labels '7' and '07' are the same integer"):
        verbind.hop_reach(net.graph(), [7])
    assert list(verbind.hop_reach(net.graph(), ["07"])) == [-1, 0]


def test_one_value_written_two_ways_is_refused(tmp_path):
    path = tmp_path / "twice.txt"
    path.write_text("7 1\n2 07\n")
    with pytest.raises(verbind.ParseError, match=r"twice.txt:2: label '07' has the same value as label '7' on line 1"):
        verbind.read_edgelist(path)
    path.write_text("1 7 1\n2 2 07\n")
    with pytest.raises(verbind.ParseError, match=r"twice.txt:2: label '07' has the same value as label '7' on line 1"):
        verbind.read_contacts(path)


def test_leading_zeros_and_huge_labels(tmp_path):
    path = tmp_path / "zeros.txt"
    path.write_text("010 007\n9 010\n18446744073709551616 9\n")
    g = verbind.read_edgelist(path)
    assert g.keys == ["007", "9", "010", "18446744073709551616"]
    assert list(g.labels) == [7, 9, 10, 18446744073709551616]  # beyond int64: Python ints
    assert g.index(7) == g.index("007") == 0
    assert g.index(18446744073709551616) == 3
    with pytest.raises(verbind.NotFoundError):
        g.index("7")  # a str is the label as written


def test_facebook_positions_are_ids():
    g = verbind.read_edgelist(REPO / "data" / "facebook_combined.txt")
    assert g.index("414") == 414 and g.index(414) == 414
    assert list(g.labels) == list(range(g.num_nodes))
    # The degree of person 414, counted from the file's lines by hand.
    count = 0
    with open(REPO / "data" / "facebook_combined.txt") as f:
        for line in f:
            count += line.split()[:2].count("414")
    assert g.degree()[414] == count
    assert g.to_series(g.degree())[414] == count


# --- the class of test that would have caught it -----------------------------

NODE_PARAMETERS = {"seeds", "candidates", "fixed", "node", "nodes", "personalization", "groups", "i", "key",
                   "source", "sources", "target", "targets"}
COVERED = {"Graph.index", "Graph.key", "Graph.neighbors", "hop_reach", "spread", "influence_max", "pagerank",
           "ei_index", "expected_ei_index", "assortativity", "temporal_reach", "Contacts.index"}
NOT_GRAPH_NODES = {  # take a Network's actor keys (always str) or no node at all
    "Network", "Store", "social_map", "report", "cascades", "evaluate", "pseudonym", "timeline",
}


def parameters(obj):
    try:
        return list(inspect.signature(obj).parameters)
    except (TypeError, ValueError):
        doc = (obj.__doc__ or "").splitlines()
        head = next((line for line in doc if "(" in line), "")
        return re.findall(r"(\w+)\s*:", head.split("(", 1)[-1])


def test_every_function_that_takes_nodes_is_covered():
    """A new function or method with a node parameter must be added to
    nodes_functions above (and so go through the one converter)."""
    found = set()
    for name in verbind.__all__:
        obj = getattr(verbind, name)
        if inspect.isclass(obj):
            if name not in ("Graph", "Contacts"):
                continue
            members = [(f"{name}.{m}", getattr(obj, m)) for m in dir(obj) if not m.startswith("_")]
        elif callable(obj):
            members = [(name, obj)]
        else:
            continue
        for qualified, member in members:
            if not callable(member) or qualified.split(".")[0] in NOT_GRAPH_NODES:
                continue
            if NODE_PARAMETERS & set(parameters(member)):
                found.add(qualified)
    assert found, "no function with node parameters found: the scan is broken"
    assert found <= COVERED, sorted(found - COVERED)
    assert {"hop_reach", "spread", "influence_max", "temporal_reach", "Graph.index"} <= found
