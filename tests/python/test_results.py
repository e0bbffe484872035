"""Results in pandas and notebooks (issue 13, "Interop" and "Notebooks"):
to_pandas() on every result that is a table, with columns equal to the
record fields; records that behave like named tuples, so
pandas.DataFrame(list_of_records) works; every repr short (on the sample
programme, on a large generated programme and with very long keys);
_repr_html_ summaries with every text escaped and no sensitive data."""

import collections.abc
import dataclasses
import html

import numpy as np
import pandas as pd
import pytest

import verbind
from conftest import build_small_network

REPR_LIMIT = 300
LONG = "x" * 2000


def contacts(tmp_path, name="contacts.txt", text="10 a b c1 c2\n20 b c c2 c1\n20 a d c1 c2\n35 c d c1 c2\n"):
    path = tmp_path / name
    path.write_text(text)
    return verbind.read_contacts(path)


def every_result(net, tmp_path, runs=100):
    """One instance (or a list) of every public type, computed from net."""
    g = net.graph()
    first = net.actors()[0]["key"]
    intros = verbind.introductions(net, limit=50)
    event = max(net.events(), key=lambda e: sum(1 for a in net.attendance() if a["event"] == e["key"]))["key"]
    c = verbind.cascades(net)
    store = verbind.Store(tmp_path / "store.db")
    return {
        "Network": net,
        "Graph": g,
        "SocialMap": verbind.social_map(net, seed=1),
        "Cascades": c,
        "EventCascade": c.events[0],
        "SeriesCascade": c.series[0],
        "Bringer": c.bringers[0],
        "SpreadResult": verbind.spread(g, [0], runs=runs, seed=1),
        "InfluenceResult": verbind.influence_max(g, 3, seed=1),
        "TemporalReach": verbind.temporal_reach(net, [first], start="2022-01-01"),
        "Contacts": contacts(tmp_path),
        "Introduction": intros[0],
        "Table": verbind.tables(net, event, seed=1)[0],
        "Introductions": intros,
        "Records": net.ties(),
        "Tables": verbind.tables(net, event, seed=1),
        "Store": store,
        "SuppressedTable": verbind.suppress_small_cells([[1, 20], [30, 40]], min_cell=5),
        "Timeline": verbind.timeline(net, period="quarter", permutations=10, seed=1),
        "Assignment": verbind.assign(np.arange(400.0).reshape(20, 20), col_capacity=2),
        "StableMatching": verbind.stable_match({f"p{i}": [f"r{i}"] for i in range(200)},
                                               {f"r{i}": [f"p{i}"] for i in range(200)}),
    }


def public_types():
    return {name for name in verbind.__all__ if isinstance(getattr(verbind, name), type)
            and not issubclass(getattr(verbind, name), (BaseException, Warning))}


# --- repr -----------------------------------------------------------------------------


def check_reprs(objects):
    assert set(objects) == public_types(), "every public type must be in every_result()"
    for name, obj in objects.items():
        text = repr(obj)
        assert len(text) <= REPR_LIMIT, (name, len(text), text[:400])
        assert text, name


def test_reprs_are_short_on_the_sample(tmp_path):
    check_reprs(every_result(verbind.sample_programme(), tmp_path))


def test_cascades_repr_is_a_summary():
    # The repr that printed 241,558 characters (issue 13).
    net = verbind.sample_programme()
    c = verbind.cascades(net)
    assert repr(c) == (f"<Cascades: {len(c.events)} events, {c.attendances} attendances, {c.newcomers} newcomers, "
                       f"{c.generations} generations, {len(c.series)} series>")
    assert c.attendances == net.num_attendances


def test_reprs_are_short_on_a_large_programme(tmp_path):
    check_reprs(every_result(verbind.sample_programme(scale=4), tmp_path, runs=20))


def long_key_network():
    """Keys, kinds and places of 2,000 characters: no repr may grow with them."""
    net = verbind.Network()
    for i in range(4):
        net.add_resident(f"{LONG}{i}", municipality=LONG, neighbourhood=LONG, talents=["cook"], groups=[f"g{i % 2}"])
    net.add_organisation(f"{LONG}org", kind=LONG, municipality=LONG, talents=["cook"])
    net.add_event(f"{LONG}e", date="2022-05-04", kind=LONG, municipality=LONG, organisers=[f"{LONG}org"])
    net.attend(f"{LONG}e", f"{LONG}0")
    net.attend(f"{LONG}e", f"{LONG}1", brought_by=f"{LONG}0")
    net.attend(f"{LONG}e", f"{LONG}2", brought_by=f"{LONG}1")
    net.attend(f"{LONG}e", f"{LONG}3")
    net.add_tie(f"{LONG}0", f"{LONG}org")
    return net


def test_reprs_are_short_with_long_keys(tmp_path):
    net = long_key_network()
    objects = every_result(net, tmp_path)
    objects["Contacts"] = contacts(tmp_path, "long.txt", f"1 {LONG}a {LONG}b\n2 {LONG}b {LONG}c\n")
    objects["StableMatching"] = verbind.stable_match({LONG: [LONG + "r"]}, {LONG + "r": [LONG]})
    check_reprs(objects)
    # The summaries still say what they are about.
    assert repr(objects["Introduction"]).startswith("Introduction(a='xxx")
    assert repr(objects["EventCascade"]).startswith("<EventCascade 'xxx")


def test_short_reprs_keep_small_values_readable():
    m = verbind.stable_match({"p": ["r"]}, {"r": ["p"]})
    assert repr(m) == "StableMatching({'p': 'r'})"
    a = verbind.linear_assignment([[1, 0], [0, 1]])
    assert repr(a) == "Assignment(rows=array([0, 1]), cols=array([1, 0]))"


# --- _repr_html_ ------------------------------------------------------------------------

HTML_TYPES = ["Network", "Graph", "SocialMap", "Timeline", "InfluenceResult", "SpreadResult", "Cascades",
              "TemporalReach"]


def cells(text):
    """{header: value} of a summary table (the header and value cells, unescaped)."""
    out = {}
    for row in text.split("<tr>")[1:]:
        th = row.split("<th", 1)[1].split(">", 1)[1].split("</th>", 1)[0]
        td = row.split("<td", 1)[1].split(">", 1)[1].split("</td>", 1)[0]
        out[html.unescape(th)] = html.unescape(td)
    return out


def test_repr_html_summaries(tmp_path):
    net = verbind.sample_programme()
    objects = every_result(net, tmp_path)
    for name in HTML_TYPES:
        text = objects[name]._repr_html_()
        assert text.startswith("<table>") and text.endswith("</table>"), name
        assert len(text) < 3000, name
    n = cells(objects["Network"]._repr_html_())
    assert n["residents"] == str(net.num_residents) and n["ties"] == str(net.num_ties)
    assert n["attendances"] == str(net.num_attendances)
    g = cells(objects["Graph"]._repr_html_())
    assert g["nodes"] == str(objects["Graph"].num_nodes) and g["edges"] == str(objects["Graph"].num_edges)
    c = cells(objects["Cascades"]._repr_html_())
    assert c["events"] == str(len(objects["Cascades"].events))
    assert c["newcomers"] == str(objects["Cascades"].newcomers)
    t = cells(objects["TemporalReach"]._repr_html_())
    assert t["reached"] == str(objects["TemporalReach"].count)
    s = cells(objects["SpreadResult"]._repr_html_())
    assert s["runs"] == str(objects["SpreadResult"].runs)
    tl = cells(objects["Timeline"]._repr_html_())
    assert tl["records"] == str(len(objects["Timeline"])) and tl["periods"] == str(len(objects["Timeline"].periods))


def test_repr_html_escapes_text_and_holds_no_sensitive_data():
    net = build_small_network()  # 'lgbti' is marked sensitive
    net.mark_sensitive("<b>secret</b>")
    assert "lgbti" not in net._repr_html_() and "secret" not in net._repr_html_()
    assert cells(net._repr_html_())["groups marked sensitive"] == "2"

    g = verbind.Graph.from_edges(np.array(["<script>", "b"], dtype=object), np.array(["b", "c"], dtype=object))
    im = verbind.influence_max(g, 1, seed=1)
    text = im._repr_html_()
    assert "<script>" not in text
    assert cells(text)["seeds"] == "1"

    tl = verbind.Timeline([], note="<i>nothing dated</i>")
    assert "<i>" not in tl._repr_html_() and "&lt;i&gt;nothing dated&lt;/i&gt;" in tl._repr_html_()


# --- records ------------------------------------------------------------------------------


def test_introductions_make_a_dataframe():
    net = verbind.sample_programme()
    intros = verbind.introductions(net, limit=30)
    frame = pd.DataFrame(intros)
    assert list(frame.columns) == ["a", "b", "score", "shared_talents", "bridges", "via", "via_kinds", "via_reason"]
    assert len(frame) == len(intros) == 30
    for i, x in enumerate(intros):
        row = frame.iloc[i]
        assert (row["a"], row["b"], row["score"]) == (x.a, x.b, x.score)
        assert row["shared_talents"] == x.shared_talents and row["bridges"] == x.bridges and row["via"] == x.via
        assert row["via_kinds"] == x.via_kinds and row["via_reason"] == x.via_reason
    assert frame["score"].dtype == np.float64


def test_records_behave_like_named_tuples():
    net = verbind.sample_programme()
    x = verbind.introductions(net, limit=1)[0]
    assert isinstance(x, collections.abc.Sequence)
    assert x._fields == ("a", "b", "score", "shared_talents", "bridges", "via", "via_kinds", "via_reason")
    assert tuple(x) == (x.a, x.b, x.score, x.shared_talents, x.bridges, x.via, x.via_kinds, x.via_reason)
    assert len(x) == 8 and x[0] == x.a and x[-1] == x.via_reason and x[1:3] == (x.b, x.score)
    assert x._asdict() == {"a": x.a, "b": x.b, "score": x.score, "shared_talents": x.shared_talents,
                           "bridges": x.bridges, "via": x.via, "via_kinds": x.via_kinds, "via_reason": x.via_reason}
    a, b, *_ = x
    assert (a, b) == (x.a, x.b)
    with pytest.raises(IndexError):
        x[8]

    s = verbind.spread(net.graph(), [0], runs=50, seed=1)
    assert s._fields == ("mean", "stderr", "low", "high", "runs")
    assert s._asdict() == {"mean": s.mean, "stderr": s.stderr, "low": s.low, "high": s.high, "runs": 50}
    frame = pd.DataFrame([s, verbind.spread(net.graph(), [1], runs=50, seed=1)])
    assert list(frame.columns) == list(s._fields) and frame["mean"][0] == s.mean

    event = net.events()[0]["key"]
    tables = verbind.tables(net, event, seed=2)
    frame = pd.DataFrame(tables)
    assert list(frame.columns) == ["members", "shared_talents", "unconnected", "groups", "group_mix"]
    assert [m for row in frame["members"] for m in row] == [m for t in tables for m in t.members]
    assert frame["groups"].tolist() == [t.groups for t in tables]


# --- to_pandas ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def programme():
    return verbind.sample_programme()


def test_cascades_to_pandas(programme):
    c = verbind.cascades(programme)
    events = c.to_pandas()
    fields = [f.name for f in dataclasses.fields(verbind.EventCascade) if f.name != "tree"]
    assert list(events.columns) == fields and len(events) == len(c.events)
    for i, e in enumerate(c.events):
        assert [events.iloc[i][f] for f in fields] == [getattr(e, f) for f in fields]

    totals = c.to_pandas("totals")
    assert len(totals) == 1
    assert totals["attendances"][0] == c.attendances == sum(e.attendees for e in c.events)
    assert totals["newcomers"][0] == c.newcomers and totals["generations"][0] == c.generations

    attendance = c.to_pandas("attendance")
    assert list(attendance.columns) == ["event", "actor", "brought_by", "generation", "newcomer"]
    assert len(attendance) == c.attendances
    assert attendance["newcomer"].sum() == sum(e.newcomers for e in c.events)
    assert attendance["brought_by"].notna().sum() == sum(e.brought for e in c.events)
    # The tree of one event, with or without the event column.
    first = c.events[0]
    assert attendance[attendance["event"] == first.event].drop(columns="event").reset_index(drop=True).equals(
        first.to_pandas())

    series = c.to_pandas("series")
    assert len(series) == len(c.series) and series["people"].tolist() == [s.people for s in c.series]
    assert len(c.series[0].to_pandas()) == c.series[0].people

    bringers = c.to_pandas("bringers")
    assert bringers.to_dict("records") == [dataclasses.asdict(b) for b in c.bringers]

    with pytest.raises(verbind.InputError, match="what must be"):
        c.to_pandas("tree")


def test_cascades_to_pandas_by_hand():
    """The small network: e1 ann, bob (brought by ann), eva; e2 ann, bob, cem, lib; e3 cem, dua (by cem)."""
    c = verbind.cascades(build_small_network())
    attendance = c.to_pandas("attendance")
    e1 = attendance[attendance["event"] == "e1"].set_index("actor")
    assert e1.loc["bob", "brought_by"] == "ann" and e1.loc["bob", "generation"] == 1
    assert e1.loc["ann", "generation"] == 0 and e1.loc["eva", "brought_by"] is None
    assert c.to_pandas("totals")["attendances"][0] == 9


def test_influence_and_spread_to_pandas(programme):
    g = programme.graph()
    im = verbind.influence_max(g, 4, seed=2)
    frame = im.to_pandas()
    assert frame["rank"].tolist() == [1, 2, 3, 4]
    assert frame["position"].tolist() == im.seeds.tolist()
    assert frame["seed"].tolist() == [g.keys[i] for i in im.seeds] == list(im.seed_labels)

    groups = ["north" if i % 2 else "south" for i in range(g.num_nodes)]
    fair = verbind.influence_max(g, 2, seed=2, groups=groups)
    reach = fair.to_pandas("group_reach")
    assert reach["group"].tolist() == list(fair.group_reach) and reach["reached"].tolist() == list(
        fair.group_reach.values())

    s = verbind.spread(g, im.seeds, runs=100, seed=2)
    row = s.to_pandas()
    assert row.to_dict("records") == [{"mean": s.mean, "stderr": s.stderr, "low": s.low, "high": s.high,
                                       "runs": 100}]


def test_temporal_reach_to_pandas(programme, tmp_path):
    first = programme.actors()[0]["key"]
    r = verbind.temporal_reach(programme, [first], start="2022-01-01")
    people = r.to_pandas()
    assert people.index.name == "node" and list(people.index) == r.keys
    assert np.array_equal(people["reached"].to_numpy(), r.reached)
    for i, key in enumerate(r.keys):
        if r.reached[i]:
            assert people.loc[key, "arrival"] == pd.Timestamp(r.arrival[i])
        else:
            assert pd.isna(people.loc[key, "arrival"])
    assert people.loc[first, "arrival"] == pd.Timestamp("2022-01-01")
    curve = r.to_pandas("curve")
    assert curve["reached"].tolist() == r.curve_reached.tolist()
    assert curve["reached"].iloc[-1] == r.count == people["reached"].sum()

    # Contacts by hand: a-b at 10, b-c at 20, a-d at 20, c-d at 35; from a at 0:
    # b at 10, then c (from b) and d (from a) at 20.
    c = contacts(tmp_path)
    frame = c.to_pandas()
    assert frame.to_dict("list") == {"time": [10, 20, 20, 35], "first": ["a", "b", "a", "c"],
                                     "second": ["b", "c", "d", "d"]}
    rc = verbind.temporal_reach(c, ["a"], start=0).to_pandas()
    assert rc["arrival"].to_dict() == {"a": 0.0, "b": 10.0, "c": 20.0, "d": 20.0}


def test_integer_labels_name_people_in_frames(tmp_path):
    c = contacts(tmp_path, "ints.txt", "1 10 2\n2 2 7\n")
    frame = c.to_pandas()
    assert frame["first"].tolist() == [10, 2] and frame["second"].tolist() == [2, 7]
    r = verbind.temporal_reach(c, [10], start=0).to_pandas()
    assert list(r.index) == [2, 7, 10]


def test_suppressed_table_to_pandas_publishes_only_what_may_be_published():
    t = verbind.suppress_small_cells([[1, 20, 30], [30, 40, 2]], min_cell=5)
    frame = t.to_pandas(rows=["north", "south"], cols=["a", "b", "c"])
    assert list(frame.index) == ["north", "south", "total"] and list(frame.columns) == ["a", "b", "c", "total"]
    published = t.published()
    for r, row in enumerate(published):
        for c, value in enumerate(row):
            cell = frame.iloc[r, c]
            assert (cell is pd.NA) if value is None else cell == value
    # The small counts themselves are nowhere in the frame.
    assert frame.loc["north", "a"] is pd.NA and frame.loc["south", "c"] is pd.NA
    assert frame.loc["total", "total"] == 123
    with pytest.raises(verbind.InputError, match="rows has 1 names, the table has 2 rows"):
        t.to_pandas(rows=["north"])


def test_social_map_to_pandas(programme):
    sm = verbind.social_map(programme, seed=1)
    parts = sm.to_pandas()
    assert list(parts) == list(sm.SECTIONS)
    for name in sm.SECTIONS:
        frame = sm.to_pandas(name)
        entries = getattr(sm, name)
        assert len(frame) == len(entries)
        if entries:
            assert list(frame.columns) == list(entries[0].keys())
        for i, entry in enumerate(entries):
            for key, value in entry.items():
                cell = frame.iloc[i][key]
                if value is None:
                    assert cell is None or pd.isna(cell), (name, key)
                else:
                    assert cell == value, (name, key)
    with pytest.raises(verbind.InputError, match="section must be one of"):
        sm.to_pandas("people")


def test_assignment_and_matching_to_pandas():
    cost = np.array([[4, 1, 3], [2, 0, 5], [3, 2, 2]])
    a = verbind.linear_assignment(cost)
    rows, cols = a  # still unpacks as before
    # By hand: the optimum is (0,1), (1,0), (2,2) with cost 1 + 2 + 2 = 5.
    assert a.to_pandas().to_dict("list") == {"row": [0, 1, 2], "col": [1, 0, 2]}
    assert cost[rows, cols].sum() == 5
    cap = verbind.assign([[4, 1], [2, 0], [3, 2]], col_capacity=2)
    frame = cap.to_pandas()
    assert list(zip(frame["row"], frame["col"])) == list(zip(cap.rows.tolist(), cap.cols.tolist()))

    m = verbind.stable_match({"p": ["r", "s"], "q": ["r"]}, {"r": ["q", "p"], "s": ["p"]})
    assert m == {"p": "s", "q": "r"} and isinstance(m, dict)
    assert m.to_pandas().to_dict("list") == {"proposer": ["p", "q"], "reviewer": ["s", "r"]}
    assert verbind.blocking_pairs({"p": ["r", "s"], "q": ["r"]}, {"r": ["q", "p"], "s": ["p"]}, m) == []


def test_timeline_to_pandas_still_works(programme):
    tl = verbind.timeline(programme, period="quarter", permutations=10, seed=1)
    frame = tl.to_pandas()
    assert len(frame) == len(tl) and list(frame.columns) == ["period", "area", "metric", "value", "status"]
    assert frame["metric"].tolist() == [r["metric"] for r in tl]
