"""The sample programme seen from Python agrees with `verbind demo` (the CLI)."""

import collections
import os
import re
import subprocess

import pytest

import verbind

ROW = re.compile(r"^(\S.*?)\s{2,}" + r"\s+".join([r"(\d+)"] * 8) + r"$")
COLUMNS = ["neighbourhoods", "residents", "key figures", "organisations", "events", "ties", "attendances",
           "brought along"]


def demo_table(seed):
    cli = os.environ.get("VERBIND_CLI")
    if not cli:
        pytest.skip("VERBIND_CLI is not set (ctest sets it to the built `verbind` command)")
    out = subprocess.run([cli, "demo", "--seed", str(seed)], check=True, capture_output=True, text=True).stdout
    rows = {}
    for line in out.splitlines():
        match = ROW.match(line)
        if match:
            rows[match.group(1)] = dict(zip(COLUMNS, map(int, match.groups()[1:])))
    graphs = {}
    for name in ("all ties", "co-attendance projection"):
        match = re.search(rf"^{name}\s+(\d+)\s+(\d+)$", out, re.MULTILINE)
        assert match, f"no '{name}' line in:\n{out}"
        graphs[name] = (int(match.group(1)), int(match.group(2)))
    return rows, graphs


def counts_from_python(net):
    """The demo's table, recomputed from the Python read access alone."""
    rows = collections.defaultdict(collections.Counter)
    places = collections.defaultdict(set)
    municipality_of = {}

    def name(value):
        return value if value is not None else "(none)"

    for actor in net.actors():
        m = name(actor["municipality"])
        municipality_of[actor["key"]] = m
        rows[m]["residents" if actor["type"] == "resident" else "organisations"] += 1
        rows[m]["key figures"] += actor["key_figure"]
        if actor["neighbourhood"]:
            places[m].add(actor["neighbourhood"])
    event_municipality = {}
    for event in net.events():
        m = name(event["municipality"])
        event_municipality[event["key"]] = m
        rows[m]["events"] += 1
        if event["neighbourhood"]:
            places[m].add(event["neighbourhood"])
    for tie in net.ties():
        if municipality_of[tie["a"]] == municipality_of[tie["b"]]:
            rows[municipality_of[tie["a"]]]["ties"] += 1
    for record in net.attendance():
        m = event_municipality[record["event"]]
        rows[m]["attendances"] += 1
        rows[m]["brought along"] += record["brought_by"] is not None
    for m, names in places.items():
        rows[m]["neighbourhoods"] = len(names)
    return {m: {c: counter[c] for c in COLUMNS} for m, counter in rows.items()}


@pytest.mark.parametrize("seed", [2022, 7])
def test_sample_matches_cli_demo(seed):
    rows, graphs = demo_table(seed)
    net = verbind.sample_programme(seed)
    ours = counts_from_python(net)
    assert {"Lelystad", "Almere", "Groningen", "Amsterdam-West"} <= set(ours)
    for municipality, counts in ours.items():
        assert rows[municipality] == counts, municipality
    assert rows["total"]["residents"] == net.num_residents
    assert rows["total"]["organisations"] == net.num_organisations
    assert rows["total"]["events"] == net.num_events
    assert rows["total"]["ties"] == net.num_ties
    assert rows["total"]["attendances"] == net.num_attendances
    g = net.graph()
    assert graphs["all ties"] == (g.num_nodes, g.num_edges)
    p = net.graph(co_attendance=True)
    assert graphs["co-attendance projection"] == (p.num_nodes, p.num_edges)


def test_sample_is_reproducible_and_seeded():
    a = verbind.sample_programme(seed=11)
    assert a == verbind.sample_programme(seed=11)
    assert a != verbind.sample_programme(seed=12)
    assert verbind.sample_programme() == verbind.sample_programme(2022)
    # About 2,000 residents at scale 1, as documented.
    assert 1500 <= a.num_residents <= 2500
    assert verbind.sample_programme(seed=11, scale=0.25).num_residents < a.num_residents
