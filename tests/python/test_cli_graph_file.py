"""`verbind convert EDGES -o GRAPH` and `verbind stats` of a binary graph
file: the file written equals the Python reader's graph, stats of it equal
stats of the edge list it came from, and mistakes are usage errors."""

import json
import os
import subprocess

import pytest

import verbind


def exe():
    path = os.environ.get("VERBIND_CLI")
    if not path:
        pytest.skip("VERBIND_CLI is not set")
    return path


def run(*args):
    return subprocess.run([exe(), *map(str, args)], capture_output=True, text=True, timeout=600)


def test_convert_writes_the_readers_graph(tmp_path):
    edges = tmp_path / "edges.txt"
    edges.write_text("# a comment\nsource target weight\nanna bo 2.5\nbo chen 1\nchen anna 0.5\ndara eli 1\n")
    done = run("convert", edges, "-o", tmp_path / "g.data", "--weights", "weight")
    assert done.returncode == 0, done.stderr
    assert "5 nodes, 4 edges, weighted" in done.stderr
    g = verbind.load_graph(tmp_path / "g.data")
    assert g == verbind.read_edgelist(edges, weights="weight")
    # stats reads it by its first bytes (the name ends in .data), with the
    # same numbers as the edge list.
    of_file = json.loads(run("stats", "--json", tmp_path / "g.data").stdout)
    of_edges = json.loads(run("stats", "--json", edges).stdout)
    assert of_file.pop("format") == "graph" and of_edges.pop("format") == "edgelist"
    of_file.pop("path"), of_edges.pop("path")
    assert of_file == of_edges
    assert run("stats", "--format", "graph", tmp_path / "g.data").stdout.startswith("graph file ")


def test_convert_directed_and_merged(tmp_path):
    edges = tmp_path / "edges.txt"
    edges.write_text("1 2 3\n1 2 4\n2 1 1\n3 3 1\n")
    done = run("convert", edges, "-o", tmp_path / "g.vbg", "--directed", "--weights", "2",
               "--duplicates", "sum", "--self-loops", "drop")
    assert done.returncode == 0, done.stderr
    g = verbind.load_graph(tmp_path / "g.vbg")
    assert g == verbind.read_edgelist(edges, directed=True, weights=2, duplicates="sum", self_loops="drop")
    assert g.directed and g.num_edges == 2  # 1->2 (3 + 4) and 2->1; the loop on 3 dropped


def test_convert_mistakes(tmp_path):
    edges = tmp_path / "edges.txt"
    edges.write_text("0 1\n")
    for args, fragment in [
        ((edges,), "missing -o FILE"),
        ((edges, "-o", "-"), "a graph file is binary"),
        (("-o", tmp_path / "g.vbg"), "missing EDGES"),
        ((edges, "-o", tmp_path / "g.vbg", "--duplicates", "often"), "--duplicates"),
        ((edges, "-o", tmp_path / "g.vbg", "--weights", "1"), "must be 2 or more"),
    ]:
        done = run("convert", *args)
        assert done.returncode == 2, args
        assert fragment in done.stderr, (args, done.stderr)
    assert not (tmp_path / "g.vbg").exists()
    # A data error (exit 1) names the file and line; nothing is written.
    edges.write_text("0 1\n0 1\n")
    done = run("convert", edges, "-o", tmp_path / "g.vbg")
    assert done.returncode == 1 and "edges.txt:2" in done.stderr
    assert not (tmp_path / "g.vbg").exists()
    # A damaged graph file: exit 1, the file and the field named.
    edges.write_text("0 1\n")
    assert run("convert", edges, "-o", tmp_path / "g.vbg").returncode == 0
    data = bytearray((tmp_path / "g.vbg").read_bytes())
    data[200] ^= 1
    (tmp_path / "bad.vbg").write_bytes(bytes(data))
    done = run("stats", tmp_path / "bad.vbg")
    assert done.returncode == 1 and "bad.vbg: field 'checksum'" in done.stderr
