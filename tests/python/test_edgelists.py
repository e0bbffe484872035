"""Researchers' edge lists and contact lists (issue 12, section 2): the
keywords of read_edgelist, Graph.from_edges with labels, SocioPatterns groups,
and `verbind stats FILE` on each format. Generated files are compared with
their clean equivalents and with an independent computation (networkx)."""
import os
import random
import subprocess

import numpy as np
import pytest

import verbind


def edges_by_label(g):
    s, d, w = g.edges()
    labels = [str(x) for x in g.keys]
    out = {}
    for a, b, x in zip(s.tolist(), d.tolist(), w.tolist()):
        key = (labels[a], labels[b]) if g.directed else tuple(sorted((labels[a], labels[b])))
        out[key] = x
    return out


def test_snap_temporal_third_column_is_not_a_weight(tmp_path):
    path = tmp_path / "temporal.txt"
    path.write_text("1 2 1217567877\n2 3 1217567878\n")
    g = verbind.read_edgelist(path)
    assert not g.weighted and g.num_edges == 2
    w = verbind.read_edgelist(path, weights=True)
    assert edges_by_label(w)[("1", "2")] == 1217567877.0
    assert edges_by_label(verbind.read_edgelist(path, weights=2)) == edges_by_label(w)
    named = tmp_path / "named.csv"
    named.write_text("source,target,time,strength\na,b,9,0.5\nb,c,9,2\n")
    assert edges_by_label(verbind.read_edgelist(named, weights="strength")) == {("a", "b"): 0.5, ("b", "c"): 2.0}
    with pytest.raises(verbind.ParseError, match=r"named.csv:1: no column named 'weight'"):
        verbind.read_edgelist(named, weights="weight")
    with pytest.raises(verbind.InputError, match="weight column"):
        verbind.read_edgelist(path, weights=1)
    with pytest.raises(TypeError, match="weights must be"):
        verbind.read_edgelist(path, weights=2.0)


def test_pair_listed_both_ways_is_one_edge(tmp_path):
    path = tmp_path / "sym.txt"
    path.write_text("a b 2.5\nb c 1\nb a 2.5\n")
    assert edges_by_label(verbind.read_edgelist(path, weights=True)) == {("a", "b"): 2.5, ("b", "c"): 1.0}
    path.write_text("a b 2.5\nb c 1\nb a 3\n")
    with pytest.raises(verbind.ParseError, match=r"sym.txt:3: 'b a' has weight 3 but line 1 lists 'a b' with weight 2.5"):
        verbind.read_edgelist(path, weights=True)
    path.write_text("a b\nb a\na b\n")
    with pytest.raises(verbind.ParseError, match=r"sym.txt:3: duplicate of .*sym.txt:1.*duplicates = sum"):
        verbind.read_edgelist(path)
    assert verbind.read_edgelist(path, duplicates="first").num_edges == 1
    assert verbind.read_edgelist(path, directed=True, duplicates="sum").num_edges == 2


def test_comments_headers_delimiters(tmp_path):
    clean = tmp_path / "clean.txt"
    clean.write_text("1 2\n2 3\n3 10\n")
    want = edges_by_label(verbind.read_edgelist(clean))
    assert want == {("1", "2"): 1.0, ("2", "3"): 1.0, ("10", "3"): 1.0}
    variants = {
        "konect.txt": "% sym unweighted\n% 3 3 10\n1 2\n2 3 # note\n3 10\n",
        "header.csv": "source,target\n1,2\n2,3\n3,10\n",
        "semi.csv": "from;to\n1;2\n2;3\n3;10\n",
        "tabs.tsv": "node_a\tnode_b\n1\t2\n2\t3\n3\t10\n",
    }
    for name, text in variants.items():
        p = tmp_path / name
        p.write_text(text)
        assert edges_by_label(verbind.read_edgelist(p)) == want, name
    metis = tmp_path / "opim.txt"
    metis.write_text("4 3\n1 2\n2 3\n3 10\n")
    assert edges_by_label(verbind.read_edgelist(metis, header=True)) == want
    assert verbind.read_edgelist(metis).num_edges == 4  # 'n m' is an edge unless header=True
    spaced = tmp_path / "names.csv"
    spaced.write_text("Anna de Vries,Bram Jansen\n")
    assert verbind.read_edgelist(spaced, delimiter=",").keys == ["Anna de Vries", "Bram Jansen"]
    hashes = tmp_path / "hash.txt"
    hashes.write_text("#a b\n")
    assert verbind.read_edgelist(hashes, comments=None).keys == ["#a", "b"]
    with pytest.raises(verbind.InputError, match="delimiter must be"):
        verbind.read_edgelist(clean, delimiter="|")
    with pytest.raises(TypeError, match="header must be"):
        verbind.read_edgelist(clean, header="yes")


def test_generated_snap_file_equals_networkx_on_the_clean_file(tmp_path):
    nx = pytest.importorskip("networkx")
    rng = random.Random(7)
    for _ in range(5):
        n = rng.randint(5, 80)
        pairs = {tuple(sorted(rng.sample(range(n), 2))) for _ in range(3 * n)}
        label = lambda u: 5 * u + 2  # gaps, and not in file order below
        lines = []
        for u, v in pairs:
            t = rng.randint(10**9, 2 * 10**9)
            lines += [f"{label(u)}\t{label(v)}\t{t}", f"{label(v)}\t{label(u)}\t{t + 1}"]
        rng.shuffle(lines)
        snap = tmp_path / "snap.txt"
        snap.write_text("# Undirected graph (each unordered pair of nodes is saved twice)\n# FromNodeId\tToNodeId\n"
                        + "\n".join(lines) + "\n")
        clean = tmp_path / "clean.txt"
        clean.write_text("".join(f"{label(u)} {label(v)}\n" for u, v in pairs))
        g = verbind.read_edgelist(snap)
        h = nx.read_edgelist(clean, nodetype=int)
        assert sorted(g.labels.tolist()) == g.labels.tolist() == sorted(h.nodes)
        assert g.num_edges == h.number_of_edges()
        assert g.to_series(g.degree()).to_dict() == dict(h.degree)


def test_from_edges_with_labels():
    g = verbind.Graph.from_edges(["anna", "bram"], ["bram", "cor"])
    assert g.labels == ["anna", "bram", "cor"]
    g = verbind.Graph.from_edges(np.array(["10", "9", "100"], dtype=object), np.array(["9", "2", "10"]))
    assert g.labels.tolist() == [2, 9, 10, 100]
    assert edges_by_label(g) == {("10", "9"): 1.0, ("2", "9"): 1.0, ("10", "100"): 1.0}
    assert g.index(9) == 1 and g.index("100") == 3
    w = verbind.Graph.from_edges(["a", "b"], ["b", "c"], weights=[0.5, 2])
    assert edges_by_label(w) == {("a", "b"): 0.5, ("b", "c"): 2.0}
    with pytest.raises(verbind.InputError, match="edge 1: label '07' has the same value as label '7' of edge 0"):
        verbind.Graph.from_edges(["7", "1"], ["1", "07"])
    with pytest.raises(TypeError, match=r"src\[1\] must be a str label"):
        verbind.Graph.from_edges(np.array(["a", 1.5], dtype=object), ["b", "c"])
    with pytest.raises(TypeError, match="n cannot be given with labels"):
        verbind.Graph.from_edges(["a"], ["b"], n=3)


def test_sociopatterns_groups(tmp_path):
    rng = random.Random(3)
    classes = ["1A", "2B", "Teachers"]
    group_of = {p: rng.choice(classes) for p in range(1000, 1060, 3)}
    people = sorted(group_of)
    rows, t = [], 20
    for _ in range(200):
        t += 20 * rng.randint(0, 1)
        a, b = rng.sample(people, 2)
        rows.append((t, a, b))
    clean = tmp_path / "clean.tij"
    clean.write_text("".join(f"{t} {a} {b}\n" for t, a, b in rows))
    five = tmp_path / "tij_school.dat"
    five.write_text("".join(f"{t}\t{a}\t{b}\t{group_of[a]}\t{group_of[b]}\n" for t, a, b in rows))
    c3, c5 = verbind.read_contacts(clean), verbind.read_contacts(five)
    assert c3.groups is None
    assert c5.labels.tolist() == c3.labels.tolist()
    assert c5.times.tolist() == c3.times.tolist() and c5.first.tolist() == c3.first.tolist()
    assert c5.groups == [group_of[int(x)] for x in c5.labels]
    # The documented way to use the groups: the contact graph at the same positions.
    g = c5.graph()
    assert g.labels.tolist() == c5.labels.tolist()
    assert g.num_edges == len({tuple(sorted((a, b))) for _, a, b in rows})
    result = verbind.influence_max(g, 2, groups=c5.groups, seed=1)
    assert len(result.seeds) == 2
    reach = verbind.temporal_reach(c5, [people[0]], start=0)
    reached_groups = {c5.groups[i] for i in np.flatnonzero(reach.reached)}
    assert group_of[people[0]] in reached_groups
    bad = tmp_path / "bad.dat"
    bad.write_text("1 a b 1A 2B\n2 a c 3C 2B\n")
    with pytest.raises(verbind.ParseError, match=r"bad.dat:2: field 'Ci': 'a' is in group '3C' here but in group '1A' on line 1"):
        verbind.read_contacts(bad)
    bad.write_text("1 a b\n3 a c\n2 b c\n")
    with pytest.raises(verbind.ParseError, match=r"bad.dat:3: time 2 is before the previous contact's time 3"):
        verbind.read_contacts(bad)
    extra = tmp_path / "extra.txt"
    extra.write_text("% comment\n1 a b x y z\n2 b c x y z\n")
    assert len(verbind.read_contacts(extra)) == 2


def cli(*args):
    exe = os.environ.get("VERBIND_CLI")
    if not exe:
        pytest.skip("VERBIND_CLI is not set")
    return subprocess.run([exe, *map(str, args)], capture_output=True, text=True, timeout=120)


def test_cli_stats_on_each_format(tmp_path):
    edges = tmp_path / "facebook_like.txt"
    edges.write_text("# SNAP\n0 1\n1 0\n1 2\n2 3\n5 6\n")
    out = cli("stats", edges)
    assert out.returncode == 0, out.stderr
    assert "edge list" in out.stdout and "nodes: 6" in out.stdout and "edges: 4 (undirected)" in out.stdout
    assert "components: 2, largest 4 nodes" in out.stdout
    assert "degree: min 1, median 1.00, mean 1.33, max 2" in out.stdout  # degrees 1 2 2 1 1 1
    contacts = tmp_path / "tij_test.dat"
    contacts.write_text("20 1 2 A B\n40 2 3 B A\n40 1 2 A B\n")
    out = cli("stats", contacts)
    assert out.returncode == 0, out.stderr
    assert "contact list" in out.stdout and "people: 3" in out.stdout
    assert "contacts: 3 at 2 times from 20 to 40" in out.stdout and "pairs who met: 2" in out.stdout
    assert "groups: 2 (A 2, B 1)" in out.stdout
    forced = cli("stats", "--format", "contacts", edges)
    assert forced.returncode == 1 and "facebook_like.txt:1" not in forced.stdout
    out = cli("stats", "--format", "edgelist", contacts)
    assert out.returncode == 0 and "nodes: 4" in out.stdout and "edges: 3" in out.stdout  # 20-1, 40-2, 40-1
    # The Network formats: a CSV folder, a JSON document and a store give one summary.
    net = verbind.sample_programme(scale=0.05)
    net.write_csv(tmp_path / "csv")
    net.write_json(tmp_path / "net.json")
    net.save(tmp_path / "net.db")
    same = tmp_path / "net_no_extension"
    same.write_bytes((tmp_path / "net.json").read_bytes())
    bodies = []
    for path in (tmp_path / "csv", tmp_path / "net.json", tmp_path / "net.db", same):
        out = cli("stats", path)
        assert out.returncode == 0, out.stderr
        title, _, body = out.stdout.partition("\n")
        assert title.startswith(f"network {path}")
        bodies.append(body)
    assert bodies[1] == bodies[3]  # JSON found by its content as by its extension
    # write_csv and write_json leave the special-category marks out (the store keeps
    # them), so only the store's summary has a line about them.
    strip = lambda body: "\n".join(l for l in body.splitlines() if not l.startswith("special-category"))
    assert strip(bodies[0]) == strip(bodies[1]) == strip(bodies[2])
    assert "special-category data left out" in bodies[2]
    wrong = cli("stats", "--format", "edgelist", tmp_path / "net.json")
    assert wrong.returncode == 1 and "net.json:" in wrong.stderr
    bad = cli("stats", "--format", "xml", edges)
    assert bad.returncode == 2 and "--format must be csv, json, store, edgelist, contacts or graph" in bad.stderr
    directed = cli("stats", "--directed", edges)
    assert directed.returncode == 0 and "arcs: 5 (directed)" in directed.stdout
