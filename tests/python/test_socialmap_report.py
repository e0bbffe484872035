"""social_map on the sample programme: every number checked against networkx
on the same ties; privacy; bad input; the `verbind map` CLI."""

import json
import os
import subprocess

import networkx as nx
import pytest

import verbind


@pytest.fixture(scope="module")
def lelystad():
    net = verbind.sample_programme()
    full = net.graph()
    keep = {a for a in full.keys if net.actor(a)["municipality"] == "Lelystad"}
    s, d, _ = full.edges()
    G = nx.Graph()
    G.add_nodes_from(k for k in full.keys if k in keep)
    G.add_edges_from((full.keys[u], full.keys[v]) for u, v in zip(s.tolist(), d.tolist())
                     if full.keys[u] in keep and full.keys[v] in keep)
    return net, G, verbind.social_map(net, municipality="Lelystad", top=5)


def test_sections_and_totals(lelystad):
    net, G, m = lelystad
    d = m.to_dict()
    assert d["people"] == G.number_of_nodes() and d["ties"] == G.number_of_edges()
    for section in verbind.SocialMap.SECTIONS:
        assert isinstance(d[section], list)
        for entry in d[section]:
            assert entry["why"]
    assert 0 < len(d["key_figures"]) <= 5
    json.dumps(d)  # JSON-ready


def test_key_figures_numbers_match_networkx(lelystad):
    net, G, m = lelystad
    btw = nx.betweenness_centrality(G)
    reach = {v: len(set(nx.single_source_shortest_path_length(G, v, cutoff=2)) - {v}) for v in G}
    scores = [k["score"] for k in m.key_figures]
    assert scores == sorted(scores, reverse=True)
    for k in m.key_figures:
        a = k["actor"]
        assert k["two_hop_reach"] == reach[a]
        assert k["betweenness"] == pytest.approx(btw[a], abs=1e-9)
        assert 0 <= k["score"] <= 1
        assert str(k["two_hop_reach"]) in k["why"]


def test_fragile_points_match_networkx(lelystad):
    net, G, m = lelystad
    cut = set(nx.articulation_points(G))
    for p in m.fragile_points:
        assert p["actor"] in cut
        H = G.copy()
        H.remove_node(p["actor"])
        comp = nx.node_connected_component(G, p["actor"])
        parts = sorted((len(c) for c in nx.connected_components(H.subgraph(comp - {p["actor"]}))), reverse=True)
        assert p["cut_off"] == sum(parts) - parts[0]
    bridges = {tuple(sorted(b)) for b in nx.bridges(G)}
    for t in m.fragile_ties:
        assert tuple(sorted((t["a"], t["b"]))) in bridges


def test_organisation_withdrawal_matches_networkx(lelystad):
    net, G, m = lelystad
    for o in m.organisations:
        org = o["actor"]
        residents = [v for v in G[org] if net.actor(v)["type"] == "resident"]
        assert o["residents_tied"] == len(residents)
        H = G.copy()
        H.remove_node(org)
        far = 0
        for i, u in enumerate(residents):
            near = set(nx.single_source_shortest_path_length(H, u, cutoff=2))
            far += sum(1 for v in residents[i + 1:] if v not in near)
        assert o["pairs_far_apart_without"] == far


def test_privacy_no_sensitive_group_and_small_counts_suppressed(lelystad):
    net, G, m = lelystad
    text = json.dumps(m.to_dict())
    assert net.sensitive_groups
    for group in net.sensitive_groups:
        assert f'"{group}"' not in text
    for c in m.communities:
        for gc in c["groups"]:
            assert gc["suppressed"] == (gc["people"] is None)
            assert gc["people"] is None or gc["people"] >= 10
    for gap in m.gaps:
        assert gap["suppressed"] == (gap["people"] is None)
        if gap["kind"] == "group":
            size = sum(1 for a in G if gap["name"] in net.actor(a)["groups"])
            if size < 10:  # small: no count and no tie figures
                assert gap["people"] is None and gap["share_of_ties_outside"] is None and gap["ei_index"] is None
            else:  # published, or withheld to protect a small count
                assert gap["people"] in (None, size)


def test_social_map_bad_input():
    net = verbind.sample_programme()
    with pytest.raises(verbind.NotFoundError, match="no actor in municipality 'Atlantis'"):
        verbind.social_map(net, municipality="Atlantis")
    with pytest.raises(ValueError, match="top must be at least 1"):
        verbind.social_map(net, top=0)
    with pytest.raises(TypeError):
        verbind.social_map(net, municipality=3)
    with pytest.raises(ValueError):
        verbind.social_map(net, start="2022-13-01")


def run_cli(*args):
    cli = os.environ.get("VERBIND_CLI")
    if not cli:
        pytest.skip("VERBIND_CLI not set")
    return subprocess.run([cli, *args], capture_output=True, text=True, timeout=120)


def test_cli_map_prints_every_section():
    r = run_cli("map", "--municipality", "Lelystad", "--top", "2")
    assert r.returncode == 0, r.stderr
    for title in ("Key figures", "Brokers", "Organisations", "Fragile points", "Communities", "Gaps"):
        assert title in r.stdout
    r = run_cli("map", "--municipality", "Lelystad", "--top", "2", "--json")
    assert json.loads(r.stdout)["people"] > 0


def test_cli_map_bad_usage():
    r = run_cli("map", "--top", "zero")
    assert r.returncode == 2 and "--top: expected a whole number" in r.stderr
    r = run_cli("map", "--municipality", "Atlantis")
    assert r.returncode == 1 and "no actor in municipality 'Atlantis'" in r.stderr
