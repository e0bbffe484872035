"""`verbind centrality GRAPH` and `verbind reach GRAPH --influence-max K`
(issue 18) against the Python API in the same run (and networkx), on an
edge list and on a binary graph file; usage and data errors. The same
commands under mpirun are tests/mpi/cli_ranks.py."""

import csv
import io
import json
import os
import subprocess

import networkx as nx
import numpy as np
import pytest

import verbind


def exe():
    path = os.environ.get("VERBIND_CLI")
    if not path:
        pytest.skip("VERBIND_CLI is not set")
    return path


def run(*args):
    return subprocess.run([exe(), *map(str, args)], capture_output=True, timeout=600)


def out(*args):
    done = run(*args)
    assert done.returncode == 0, (args, done.stderr.decode())
    assert done.stderr == b""
    return done.stdout.decode()


@pytest.fixture(scope="module")
def graphs(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("graphs")
    G = nx.les_miserables_graph()
    names = {v: f"{v.replace(' ', '_')}" for v in G}
    edges = tmp / "lesmis.txt"
    edges.write_text("".join(f"{names[u]} {names[v]}\n" for u, v in G.edges()))
    g = verbind.read_edgelist(edges)
    saved = tmp / "lesmis.vbg"
    g.save(saved)
    D = nx.gnm_random_graph(120, 600, seed=3, directed=True)
    arcs = tmp / "arcs.txt"
    arcs.write_text("".join(f"{u} {v}\n" for u, v in D.edges()))
    return {"edges": edges, "saved": saved, "g": g, "arcs": arcs, "d": verbind.read_edgelist(arcs, directed=True)}


def read_csv(text):
    rows = list(csv.reader(io.StringIO(text)))
    return rows[0], [r[0] for r in rows[1:]], np.array([float(r[1]) for r in rows[1:]])


@pytest.mark.parametrize("source", ["edges", "saved"])
@pytest.mark.parametrize("measure", ["betweenness", "closeness", "harmonic"])
def test_centrality_csv_equals_python(graphs, source, measure):
    g = graphs["g"]
    header, nodes, values = read_csv(out("centrality", f"--{measure}", graphs[source]))
    assert header == ["node", measure]
    assert nodes == list(g.keys)
    expected = getattr(verbind, measure)(g)
    np.testing.assert_array_equal(values, expected)  # shortest round-trip text: exact
    if measure == "harmonic":
        G = nx.Graph([(u, v) for u, v in (line.split() for line in graphs["edges"].read_text().splitlines())])
        reference = nx.harmonic_centrality(G)
        np.testing.assert_allclose(values, [reference[k] for k in nodes], rtol=1e-12)


def test_centrality_sampled_json_directed_and_output_file(graphs, tmp_path):
    d = graphs["d"]
    doc = json.loads(out("centrality", "--betweenness", "--samples", 30, "--seed", 9, "--directed", "--json",
                         graphs["arcs"]))
    assert doc["measure"] == "betweenness" and doc["samples"] == 30 and doc["nodes"] == d.num_nodes
    assert doc["source"].endswith(f"({d.num_nodes} nodes, {d.num_edges} arcs)")
    assert [v["node"] for v in doc["values"]] == list(d.keys)
    np.testing.assert_array_equal([v["value"] for v in doc["values"]],
                                  verbind.betweenness(d, samples=30, seed=9))
    target = tmp_path / "b.csv"
    assert out("centrality", "--closeness", "-o", target, graphs["arcs"], "--directed") == ""
    assert target.read_text() == out("centrality", "--closeness", "--directed", graphs["arcs"])


@pytest.mark.parametrize("source", ["edges", "saved"])
def test_influence_max_json_equals_python(graphs, source):
    g = graphs["g"]
    doc = json.loads(out("reach", graphs[source], "--influence-max", 4, "--epsilon", 0.2, "--seed", 5, "--json"))
    r = verbind.influence_max(g, 4, epsilon=0.2, seed=5)
    assert doc["seeds"] == [g.keys[s] for s in r.seeds]
    assert doc["spread_lower_bound"] == r.spread_lower_bound
    assert doc["approximation"] == r.approximation
    assert doc["rr_sets"] == r.rr_sets
    assert (doc["k"], doc["epsilon"], doc["seed"]) == (4, 0.2, 5)
    text = out("reach", graphs[source], "--influence-max", 4, "--epsilon", 0.2, "--seed", 5)
    listed = [line.split()[1] for line in text.splitlines() if line.startswith("  ") and line.split()[0][:-1].isdigit()]
    assert listed == doc["seeds"]
    assert f"({r.rr_sets} reverse-reachable sets)" in text


def usage(*args):
    done = run(*args)
    assert done.returncode == 2, (args, done.returncode, done.stderr.decode())
    assert done.stdout == b""
    return done.stderr.decode()


def data(*args):
    done = run(*args)
    assert done.returncode == 1, (args, done.returncode, done.stderr.decode())
    assert done.stdout == b""
    return done.stderr.decode()


def test_mistakes(graphs, tmp_path):
    edges = graphs["edges"]
    assert "give one of --betweenness, --closeness or --harmonic" in usage("centrality", edges)
    assert "not betweenness or closeness" in usage("centrality", "--betweenness", "--closeness", edges)
    assert "missing GRAPH" in usage("centrality", "--harmonic")
    assert "--samples is for --betweenness" in usage("centrality", "--harmonic", "--samples", 3, edges)
    assert "--samples: expected a whole number" in usage("centrality", "--betweenness", "--samples", "x", edges)
    assert "--influence-max: expected a whole number from 1" in usage("reach", edges, "--influence-max", 0)
    assert "--epsilon: expected a number in (0, 1), got 'abc'" in usage("reach", edges, "--influence-max", 2,
                                                                        "--epsilon", "abc")
    assert "epsilon" in usage("reach", edges, "--influence-max", 2, "--epsilon", 1.5)
    assert "--epsilon is for --influence-max" in usage("reach", "--epsilon", 0.2)
    assert "not both" in usage("reach", edges, "--influence-max", 2, "--train", 2)
    assert "missing GRAPH" in usage("reach", "--influence-max", 2)
    # Data errors: exit 1, the library's message.
    assert "samples must be in 1.." in data("centrality", "--betweenness", "--samples", 10**6, edges)
    assert "more than the" in data("reach", edges, "--influence-max", 10**6)
    assert "no-such-file" in data("centrality", "--closeness", tmp_path / "no-such-file")
    broken = tmp_path / "broken.vbg"
    blob = bytearray(graphs["saved"].read_bytes())
    blob[-1] ^= 0xFF
    broken.write_bytes(bytes(blob))
    assert "checksum" in data("centrality", "--closeness", broken)
