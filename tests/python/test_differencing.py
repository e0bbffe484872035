"""A differencing attacker against every published aggregate that shares
counts (issue 11, item 4): the timeline across periods and areas, and the
social map's community x group table, group totals and neighbourhood counts.
The attacker (tests/python/differencing.py) solves all published relations
exactly with fractions; no suppressed value may be determined."""
import datetime
import random
import sys
from fractions import Fraction
from pathlib import Path

import pytest

import verbind

sys.path.insert(0, str(Path(__file__).parent))
import differencing as D  # noqa: E402


def two_cities():
    """The issue's case: Almere reaches 20 people in December 2021, then 30, 3
    and 25 in January to March; Lelystad 20, then 30, 25 and 25."""
    net = verbind.Network()
    plan = {"Almere": [20, 30, 3, 25], "Lelystad": [20, 30, 25, 25]}
    days = ["2021-12-15", "2022-01-15", "2022-02-15", "2022-03-15"]
    for city, counts in plan.items():
        for k, (day, n) in enumerate(zip(days, counts)):
            event = f"{city}-{k}"
            net.add_event(event, date=day, kind="meeting")
            for i in range(n):
                key = f"{event}-{i}"
                net.add_resident(key, municipality=city)
                net.attend(event, key)
    return net


ISSUE = dict(start="2022-01-01", end="2022-04-01", permutations=5)


def attack_timeline(net, **kw):
    t = verbind.timeline(net, **kw)
    truth = verbind.timeline(net, **dict(kw, min_cell=1))
    return t, truth, D.recovered_from_timeline(t, D.pair_offsets_of(truth))


def check_bounds(t, truth, min_cell):
    """Published values are the true ones; published counts are 0 or at
    least min_cell; a withheld value has no number."""
    true = {(r["period"], r["area"], r["metric"]): r for r in truth}
    for r in t:
        key = (r["period"], r["area"], r["metric"])
        if r["status"] == "ok":
            assert true[key]["status"] == "ok" and r["value"] == true[key]["value"], key
            if r["metric"] in D.COUNTS:
                assert r["value"] == 0 or r["value"] >= min_cell, (key, r["value"])
        else:
            assert r["value"] is None
            assert r["status"] == true[key]["status"] or r["status"] == "suppressed", key


def test_the_attacker_recovers_the_issue_case_from_the_old_publication():
    # The attacker itself: with only the two small-cell suppressions of the
    # old rule (Almere's 3, Lelystad's 25 and their growth), it recovers both
    # counts exactly, as the issue describes.
    net = two_cities()
    truth = verbind.timeline(net, min_cell=1, **ISSUE)
    old = verbind.Timeline(
        [dict(r, value=None, status="suppressed")
         if r["period"] == "2022-02" and r["area"] != "programme" and r["metric"] in ("newly_reached", "reach_growth")
         else dict(r) for r in truth],
        periods=truth.periods, areas=truth.areas)
    found = {(r["period"], r["area"], r["metric"]): v for r, v in D.recovered_from_timeline(old)}
    assert found[("2022-02", "Almere", "newly_reached")] == 3
    assert found[("2022-02", "Lelystad", "newly_reached")] == 25
    assert found[("2022-02", "Almere", "reach_growth")] == Fraction(3, 50)


def test_the_issue_case_is_not_recoverable():
    t, truth, found = attack_timeline(two_cities(), **ISSUE)
    assert t.value("2022-02", "Almere", "newly_reached") is None
    assert [r for r in t if r["period"] == "2022-02" and r["area"] == "Almere"
            and r["metric"] == "newly_reached"][0]["status"] == "suppressed"
    assert found == []
    check_bounds(t, truth, 10)
    # The programme's March growth is still published, by hand 50 / 128.
    assert t.value("2022-03", "programme", "reach_growth") == pytest.approx(50 / 128)


@pytest.mark.parametrize("seed,scale,period,by,min_cell", [
    (1, 0.1, "quarter", "municipality", 10),
    (2, 0.2, "month", "municipality", 10),
    (3, 0.1, "month", "neighbourhood", 10),
    (4, 0.3, "quarter", "neighbourhood", 5),
    (5, 0.15, "year", "municipality", 10),
    (6, 0.1, "month", "programme", 10),
    (7, 0.25, "month", "municipality", 20),
    (8, 0.05, "quarter", "municipality", 3),
    (9, 0.2, "week", "municipality", 10),
])
def test_sample_programmes_leave_no_suppressed_value_determined(seed, scale, period, by, min_cell):
    net = verbind.sample_programme(seed=seed, scale=scale)
    t, truth, found = attack_timeline(net, period=period, by=by, start="2021-01-01", min_cell=min_cell,
                                      permutations=3, seed=1)
    assert sum(r["status"] == "suppressed" for r in t) > 0  # the attack has something to try
    assert found == [], found[:5]
    check_bounds(t, truth, min_cell)


def small_network(seed):
    """A small random programme: a few areas, months, events with a few
    residents each (some brought along), ties with since dates."""
    rng = random.Random(seed)
    net = verbind.Network()
    cities = [f"C{i}" for i in range(rng.randint(1, 3))]
    groups = ["a", "b", "c"]
    people = []
    for i in range(rng.randint(8, 40)):
        key = f"r{i}"
        net.add_resident(key, municipality=rng.choice(cities), groups=[rng.choice(groups)],
                         key_figure=rng.random() < 0.2)
        people.append(key)
    for e in range(rng.randint(2, 10)):
        key = f"e{e}"
        net.add_event(key, date=f"2022-{rng.randint(1, 6):02d}-{rng.randint(1, 28):02d}", kind="meeting")
        came = rng.sample(people, rng.randint(1, min(12, len(people))))
        for i, who in enumerate(came):
            net.attend(key, who, brought_by=came[0] if i and rng.random() < 0.3 else None)
    for _ in range(rng.randint(0, 30)):
        a, b = rng.sample(people, 2)
        try:
            net.add_tie(a, b, "knows", since=f"2022-{rng.randint(1, 6):02d}-{rng.randint(1, 28):02d}")
        except verbind.Error:
            pass
    return net


@pytest.mark.parametrize("seed", range(40))
def test_small_random_networks_leave_no_suppressed_value_determined(seed):
    net = small_network(seed)
    min_cell = random.Random(seed).choice([2, 3, 5])
    t, truth, found = attack_timeline(net, start="2022-01-01", end="2022-07-01", min_cell=min_cell,
                                      permutations=3, seed=1)
    assert found == [], found[:5]
    check_bounds(t, truth, min_cell)


# --- the social map ----------------------------------------------------------


def one_group_network(seed):
    """Residents only, each with exactly one declared group and one
    neighbourhood, so sizes and totals are exact sums (the attacker is told)."""
    rng = random.Random(seed)
    net = verbind.Network()
    hoods = [f"H{i}" for i in range(rng.randint(2, 4))]
    n = rng.randint(12, 60)
    for i in range(n):
        net.add_resident(f"p{i}", neighbourhood=rng.choice(hoods), groups=[rng.choice(["x", "y", "z", "w"])])
    # a few dense clusters with some bridges
    for i in range(n):
        for j in range(i + 1, n):
            if (i * 7 // n == j * 7 // n and rng.random() < 0.5) or rng.random() < 0.02:
                net.add_tie(f"p{i}", f"p{j}", "knows")
    return net


def test_the_attacker_finds_a_community_count_given_away_by_its_size():
    # A community whose members all declare one group: with the size
    # published, the old suppression (the table on its own) gave the count
    # away. Built by hand: the attacker must find it.
    m = {"people": 7, "communities": [
        {"id": 0, "size": 3, "groups": [{"group": "x", "people": None, "suppressed": True}]},
        {"id": 1, "size": 4, "groups": [{"group": "y", "people": None, "suppressed": True}]}],
        "gaps": []}
    found = dict(D.recovered_from_social_map(m, one_group_each=True))
    assert found[("community", 0, "x")] == 3


@pytest.mark.parametrize("seed", range(30))
def test_social_maps_leave_no_suppressed_count_determined(seed):
    net = one_group_network(seed)
    min_cell = random.Random(seed).choice([3, 5, 10])
    m = verbind.social_map(net, min_cell=min_cell, top=1000, seed=1).to_dict()
    found = D.recovered_from_social_map(m, one_group_each=True, everyone_placed=True)
    assert found == [], found
    for c in m["communities"]:
        for g in c["groups"]:
            assert g["suppressed"] or g["people"] == 0 or g["people"] >= min_cell


@pytest.mark.parametrize("seed,scale", [(1, 0.1), (2, 0.2), (3, 0.3)])
def test_sample_social_maps_leave_no_suppressed_count_determined(seed, scale):
    net = verbind.sample_programme(seed=seed, scale=scale)
    m = verbind.social_map(net, top=1000, seed=1).to_dict()
    assert D.recovered_from_social_map(m) == []


# --- the HTML report -----------------------------------------------------------


def report_numbers(html):
    """What the report publishes of the timeline and the social map: the
    charts' points {(metric, area, period): value} and the gap table's rows
    [(kind, name, people text)]."""
    import xml.etree.ElementTree as ET
    root = ET.fromstring(html[len("<!DOCTYPE html>\n"):])
    svg = "{http://www.w3.org/2000/svg}"
    points = {}
    for figure in root.iter("figure"):
        metric = figure.get("data-metric")
        for circle in figure.iter(svg + "circle"):
            title = circle.find(svg + "title")
            if title is None or ": " not in title.text:
                continue  # a legend's marker
            label, value = title.text.rsplit(": ", 1)
            area, period = label.rsplit(" ", 1)
            # The report names the timeline's "programme" line in its
            # language (English here: "whole programme").
            area = {"whole programme": "programme"}.get(area, area)
            points[(metric, area, period)] = float(value)
    gaps = []
    for table in root.iter("table"):
        if table.get("class") == "gaps":
            for row in list(table)[1:]:
                cells = ["".join(td.itertext()) for td in row]
                gaps.append((cells[0], cells[1], cells[2]))
    return points, gaps


@pytest.mark.parametrize("seed,scale", [(2, 0.2), (5, 0.3)])
def test_the_report_publishes_only_protected_values(seed, scale):
    # The report draws the timeline's published values and lists the social
    # map's gaps, nothing more: its numbers are exactly those, and an
    # attacker who has all of them recovers no suppressed value.
    net = verbind.sample_programme(seed=seed, scale=scale)
    html = verbind.report(net, seed=1, top=8, train=2)
    points, gaps = report_numbers(html)
    hidden = set(net.sensitive_events)
    start = min(e["date"] for e in net.events() if e["key"] not in hidden).isoformat()
    # The charts end with the latest activity: an event, or a tie that began
    # (docs/report.md).
    hidden_kinds = set(net.sensitive_tie_kinds)
    last = max([e["date"] for e in net.events() if e["key"] not in hidden] +
               [t["since"] for t in net.ties() if t["since"] and t["kind"] not in hidden_kinds])
    end = (last + datetime.timedelta(days=1)).isoformat()
    t = verbind.timeline(net, start=start, end=end, seed=1)
    published = {(r["metric"], r["area"], r["period"]): r["value"] for r in t if r["status"] == "ok"}
    assert points and any(r["status"] == "suppressed" for r in t)
    assert points.keys() == published.keys()
    for key, value in points.items():
        assert value == pytest.approx(published[key], abs=5e-4), key
    truth = verbind.timeline(net, start=start, end=end, seed=1, min_cell=1)
    assert D.recovered_from_timeline(t, D.pair_offsets_of(truth)) == []

    m = verbind.social_map(net, top=8, seed=1).to_dict()
    expected = [(g["kind"], g["name"], str(g["people"]) if not g["suppressed"] else None) for g in m["gaps"]]
    assert [(k, n, p if p[0].isdigit() else None) for k, n, p in gaps] == expected
    assert D.recovered_from_social_map(m) == []


def test_a_small_community_of_one_group_keeps_its_count():
    # 3 people, all in group x, in a community of their own; 12 in y. The
    # size (3) is published: with y's zero published too, x = 3 would follow.
    net = verbind.Network()
    for i in range(3):
        net.add_resident(f"a{i}", groups=["x"])
    for i in range(12):
        net.add_resident(f"b{i}", groups=["y"])
    for group, n in (("a", 3), ("b", 12)):
        for i in range(n):
            for j in range(i + 1, n):
                net.add_tie(f"{group}{i}", f"{group}{j}", "knows")
    net.add_tie("a0", "b0", "knows")
    m = verbind.social_map(net, seed=1).to_dict()
    small = [c for c in m["communities"] if c["size"] == 3][0]
    assert {g["group"]: g["suppressed"] for g in small["groups"]} == {"x": True, "y": True}
    assert D.recovered_from_social_map(m, one_group_each=True, everyone_placed=False) == []
