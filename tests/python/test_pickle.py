"""Pickling (issue 13, "Interop"): Graph, Network and every result type pickle
and unpickle to equal objects, compared field by field against the
originals; equality itself can fail (a changed field makes objects unequal);
a corrupt pickle is a clear error naming the class and the field, never a
crash; a Graph goes through multiprocessing (spawn and fork) and a result
computed in the child equals the parent's."""

import collections.abc
import dataclasses
import datetime
import math
import multiprocessing
import pickle

import numpy as np
import pytest

import verbind
from conftest import build_small_network

PROTOCOLS = range(pickle.HIGHEST_PROTOCOL + 1)


def round_trip(obj, protocol=pickle.HIGHEST_PROTOCOL):
    return pickle.loads(pickle.dumps(obj, protocol=protocol))


def same_graph_fields(a, b):
    """Graph equality computed from the public fields, independently of __eq__."""
    ea, eb = a.edges(), b.edges()
    return (a.num_nodes == b.num_nodes and a.directed == b.directed and a.weighted == b.weighted
            and a.keys == b.keys and all(np.array_equal(x, y) for x, y in zip(ea, eb))
            and ea[2].tobytes() == eb[2].tobytes())


# --- Graph -----------------------------------------------------------------------


def graphs():
    """Graphs of every kind: arrays (positions), weights that are and are not
    exact floats, all-1 weights (still weighted), directed, isolated nodes,
    empty, labelled by text and by integers, from a Network."""
    yield "arrays", verbind.Graph.from_edges([0, 1, 2], [1, 2, 0])
    yield "weighted", verbind.Graph.from_edges([0, 1, 3], [1, 2, 0], weights=[0.1, 2.5, 1e300])
    yield "unit weights", verbind.Graph.from_edges([0, 1], [1, 2], weights=[1.0, 1.0])
    yield "directed", verbind.Graph.from_edges([0, 1, 1, 2], [1, 0, 2, 0], directed=True, weights=[1, 2, 3, 0.3])
    yield "isolated", verbind.Graph.from_edges([0], [1], n=10)
    yield "empty", verbind.Graph.from_edges([], [])
    yield "text labels", verbind.Graph.from_edges(np.array(["b", "a", "été"], dtype=object),
                                                   np.array(["a", "c", "b"], dtype=object))
    yield "integer labels", verbind.Graph.from_edges(np.array(["10", "7", "3"], dtype=object),
                                                      np.array(["7", "3", "10"], dtype=object))
    yield "network", build_small_network().graph()
    mixed = verbind.Network()
    for key in ("7", "07", "x", "10", "9"):
        mixed.add_resident(key)
    mixed.add_tie("7", "07")
    mixed.add_tie("07", "x")
    yield "mixed labels", mixed.graph()  # '7' and '07': an int names no one
    numbered = verbind.Network()
    numbered.add_resident("10")
    numbered.add_resident("9")
    numbered.add_tie("10", "9")
    yield "integer keys not in order", numbered.graph()  # labels [10, 9]: the Network's order


@pytest.mark.parametrize("name,g", list(graphs()), ids=[n for n, _ in graphs()])
@pytest.mark.parametrize("protocol", PROTOCOLS)
def test_graph_round_trip_field_by_field(name, g, protocol):
    back = round_trip(g, protocol)
    assert back is not g
    assert same_graph_fields(back, g)
    assert back == g and not (back != g)
    assert hash(back) == hash(g)
    # The same storage: weights kept in single precision stay so. (Not
    # key_memory_bytes: the label index's buckets depend on how it grew.)
    assert back.memory_bytes == g.memory_bytes
    if isinstance(g.labels, list):
        assert back.labels == g.labels
    else:
        assert np.array_equal(back.labels, g.labels)


def test_graph_weights_exact_after_round_trip():
    # 0.1 is no float: the graph keeps it in double precision, and so must the copy.
    g = verbind.Graph.from_edges([0, 1], [1, 2], weights=[0.1, 1 / 3])
    back = round_trip(g)
    assert back.edges()[2].tolist() == [0.1, 1 / 3]


def test_graph_equality_can_fail():
    base = verbind.Graph.from_edges([0, 1], [1, 2], weights=[1.0, 2.0])
    assert base == verbind.Graph.from_edges([1, 0], [2, 1], weights=[2.0, 1.0])  # same graph, other order
    assert base != verbind.Graph.from_edges([0, 1], [1, 2], weights=[1.0, 2.5])  # a weight
    assert base != verbind.Graph.from_edges([0, 1], [1, 2])  # unweighted
    assert base != verbind.Graph.from_edges([0, 1], [1, 2], weights=[1.0, 2.0], directed=True)
    assert base != verbind.Graph.from_edges([0, 1], [1, 2], weights=[1.0, 2.0], n=4)  # one more node
    assert base != verbind.Graph.from_edges([0, 0], [1, 2], weights=[1.0, 2.0])  # an edge
    labelled = verbind.Graph.from_edges(np.array(["a", "b"], dtype=object), np.array(["b", "c"], dtype=object),
                                        weights=[1.0, 2.0])
    assert base != labelled  # labels
    # A graph from arrays is labelled by position: it equals one labelled "0", "1", "2".
    by_position = verbind.Graph.from_edges(np.array(["0", "1"], dtype=object), np.array(["1", "2"], dtype=object),
                                           weights=[1.0, 2.0])
    assert base == by_position and by_position == base and hash(base) == hash(by_position)
    assert base != verbind.Graph.from_edges(np.array(["0", "1"], dtype=object),
                                            np.array(["1", "02"], dtype=object), weights=[1.0, 2.0])
    assert (base == "graph") is False


def test_graph_usable_after_round_trip():
    g = build_small_network().graph()
    back = round_trip(g)
    assert np.allclose(verbind.pagerank(back), verbind.pagerank(g))
    assert back.index("ann") == g.index("ann")
    assert back.neighbors("bob").tolist() == g.neighbors("bob").tolist()


# --- Network ---------------------------------------------------------------------


def full_network():
    """Every kind of record and mark, sensitive ones included, and a removal."""
    net = build_small_network()
    net.add_resident("gone", groups=["lgbti"])
    net.remove("gone")
    net.add_tie("ann", "cem", "partner", since="2021-12-31", weight=0.1 + 0.2)
    net.mark_sensitive_tie_kind("partner")
    net.mark_sensitive_event("e3")
    net.mark_sensitive("never used")
    return net


@pytest.mark.parametrize("protocol", PROTOCOLS)
def test_network_round_trip_keeps_everything(protocol):
    net = full_network()
    back = round_trip(net, protocol)
    assert back == net
    # Field by field, sensitive records included: pickling is not an export.
    assert back.actors(include_sensitive=True) == net.actors(include_sensitive=True)
    assert back.actor("ann", include_sensitive=True)["groups"] == ["lgbti", "choir"]
    assert back.ties() == net.ties()
    assert back.events() == net.events()
    assert back.attendance() == net.attendance()
    assert back.sensitive_groups == ["lgbti", "never used"]
    assert back.sensitive_tie_kinds == ["partner"]
    assert back.sensitive_events == ["e3"]
    assert [t["weight"] for t in back.ties() if t["kind"] == "partner"] == [0.1 + 0.2]
    assert back.actor("eva")["trained_on"] == datetime.date(2022, 2, 1)


def test_network_round_trip_at_the_edges():
    """Text JSON must escape, the first and last supported dates, the smallest weight."""
    key = 'zoë "q" \\ 😀'
    net = verbind.Network()
    net.add_resident(key, trained_on="1500-01-01", talents=["a,b"], neighbourhood='Noord "West"')
    net.add_resident("b")
    net.add_tie("b", key, 'kind with "quote"', since="1500-01-01", until="9899-12-31", weight=5e-324)
    net.add_event("e", date="9899-12-31", kind="k")
    net.attend("e", "b")
    back = round_trip(net)
    assert back == net
    assert back.actor(key)["neighbourhood"] == 'Noord "West"'
    assert back.actor(key)["trained_on"] == datetime.date(1500, 1, 1)
    assert back.ties() == [{"a": "b", "b": key, "kind": 'kind with "quote"', "since": datetime.date(1500, 1, 1),
                            "until": datetime.date(9899, 12, 31), "weight": 5e-324}]
    assert back.events()[0]["date"] == datetime.date(9899, 12, 31)


def test_network_copy_is_independent():
    net = full_network()
    back = round_trip(net)
    back.add_resident("new")
    assert back != net and "new" not in net


def test_sample_programme_round_trip():
    net = verbind.sample_programme()
    assert round_trip(net) == net


# --- results -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def programme():
    return verbind.sample_programme()


def contacts_file(tmp_path):
    path = tmp_path / "contacts.txt"
    path.write_text("10 a b c1 c2\n20 b c c2 c1\n20 a d c1 c2\n35 c d c1 c2\n")
    return verbind.read_contacts(path)


def results(programme, tmp_path):
    """One of every result type, by name."""
    g = programme.graph()
    contacts = contacts_file(tmp_path)
    first = programme.actors()[0]["key"]
    groups = ["x" if i % 3 else "y" for i in range(g.num_nodes)]
    return {
        "SpreadResult": verbind.spread(g, [0, 1], runs=200, seed=3),
        "InfluenceResult": verbind.influence_max(g, 3, seed=3),
        "InfluenceResult (groups)": verbind.influence_max(g, 3, seed=3, groups=groups),
        "Introduction": verbind.introductions(programme, limit=20),
        "Table": verbind.tables(programme, programme.events()[0]["key"], seed=1),
        "SuppressedTable": verbind.suppress_small_cells([[1, 20, 30], [30, 40, 2]], min_cell=5),
        "Contacts": contacts,
        "TemporalReach (network)": verbind.temporal_reach(programme, [first], start="2022-01-01"),
        "TemporalReach (contacts)": verbind.temporal_reach(contacts, ["a"], start=0),
        "Cascades": verbind.cascades(programme),
        "SocialMap": verbind.social_map(programme, seed=1),
        "Timeline": verbind.timeline(programme, period="quarter", permutations=20, seed=1),
        "Assignment": verbind.linear_assignment([[4, 1, 3], [2, 0, 5], [3, 2, 2]]),
        "Assignment (capacities)": verbind.assign([[4, 1], [2, 0], [3, 2]], col_capacity=2),
        "StableMatching": verbind.stable_match({"p": ["r", "s"], "q": ["r"]}, {"r": ["q", "p"], "s": ["p"]}),
        "Graph": g,
        "Network": programme,
        "Records": programme.ties(),
    }


def test_every_result_round_trips_equal(programme, tmp_path):
    for name, value in results(programme, tmp_path).items():
        for protocol in PROTOCOLS:
            back = round_trip(value, protocol)
            assert back == value, name
            assert not (back != value), name
            assert type(back) is type(value), name


def test_every_public_type_is_covered(programme, tmp_path):
    """A new public result type must be added to results() (and so be pickled here)."""
    made = set()
    for value in results(programme, tmp_path).values():
        made.add(type(value).__name__)  # Introductions, Tables: the lists themselves
        for item in value if isinstance(value, list) and not isinstance(value, verbind.Timeline) else [value]:
            made.add(type(item).__name__)
        if isinstance(value, verbind.Cascades):
            made.update({"EventCascade", "SeriesCascade", "Bringer"})
    public = {name for name in verbind.__all__ if isinstance(getattr(verbind, name), type)
              and not issubclass(getattr(verbind, name), (BaseException, Warning))}
    # A Store is an open database file, not a value: it does not pickle (tested below).
    assert public - made == {"Store"}


def test_result_fields_after_round_trip(programme, tmp_path):
    r = results(programme, tmp_path)
    spread = r["SpreadResult"]
    back = round_trip(spread)
    assert (back.mean, back.stderr, back.low, back.high, back.runs) == (
        spread.mean, spread.stderr, spread.low, spread.high, spread.runs)

    for a, b in zip(r["Introduction"], round_trip(r["Introduction"])):
        assert (b.a, b.b, b.score, b.shared_talents, b.bridges, b.via) == (
            a.a, a.b, a.score, a.shared_talents, a.bridges, a.via)

    for a, b in zip(r["Table"], round_trip(r["Table"])):
        assert (b.members, b.shared_talents, b.unconnected, b.groups, b.group_mix) == (
            a.members, a.shared_talents, a.unconnected, a.groups, a.group_mix)

    t, tb = r["SuppressedTable"], round_trip(r["SuppressedTable"])
    assert np.array_equal(tb.counts, t.counts) and np.array_equal(tb.suppressed, t.suppressed)
    assert np.array_equal(tb.primary, t.primary) and tb.published() == t.published()

    c, cb = r["Contacts"], round_trip(r["Contacts"])
    assert cb.keys == c.keys and cb.groups == c.groups == ["c1", "c2", "c1", "c2"]
    assert np.array_equal(cb.times, c.times) and np.array_equal(cb.first, c.first)
    assert np.array_equal(cb.second, c.second)

    for key in ("TemporalReach (network)", "TemporalReach (contacts)"):
        x, y = r[key], round_trip(r[key])
        assert y.keys == x.keys and y.count == x.count
        assert np.array_equal(y.reached, x.reached)
        assert np.array_equal(y.arrival, x.arrival, equal_nan=True)
        assert y.arrival.dtype == x.arrival.dtype
        assert np.array_equal(y.curve_times, x.curve_times) and np.array_equal(y.curve_reached, x.curve_reached)

    im = r["InfluenceResult (groups)"]
    imb = round_trip(im)
    assert math.isnan(im.approximation) and math.isnan(imb.approximation)  # NaN equals NaN in ==
    assert np.array_equal(imb.seeds, im.seeds) and imb.seed_labels == im.seed_labels
    assert imb.group_reach == im.group_reach

    tl = r["Timeline"]
    tlb = round_trip(tl)
    assert len(tlb) == len(tl)
    for x, y in zip(tlb, tl):
        assert x.keys() == y.keys()
        assert all(x[k] == y[k] or (isinstance(x[k], float) and math.isnan(x[k]) and math.isnan(y[k])) for k in x)
    assert (tlb.periods, tlb.areas, tlb.note, tlb.period_starts) == (tl.periods, tl.areas, tl.note, tl.period_starts)


def test_result_equality_can_fail(programme, tmp_path):
    r = results(programme, tmp_path)
    c = r["Cascades"]
    assert dataclasses.replace(c, generations=c.generations + 1) != c
    assert dataclasses.replace(c, events=c.events[1:]) != c
    assert dataclasses.replace(c.events[0], tree=c.events[0].tree[1:]) != c.events[0]
    im = r["InfluenceResult"]
    assert dataclasses.replace(im, seeds=im.seeds[::-1].copy()) != im
    intros = r["Introduction"]
    assert intros[0] != intros[1] and intros[0] == round_trip(intros[0])
    s1 = verbind.spread(programme.graph(), [0, 1], runs=200, seed=3)
    s2 = verbind.spread(programme.graph(), [0, 1], runs=200, seed=4)
    assert s1 == r["SpreadResult"] and s1 != s2
    sm = r["SocialMap"]
    other = verbind.social_map(programme, seed=1, top=3)
    assert other != sm
    tl = r["Timeline"]
    shorter = verbind.Timeline(list(tl)[1:], periods=tl.periods, areas=tl.areas, note=tl.note,
                               period_starts=tl.period_starts)
    assert shorter != tl and not (shorter == tl)
    renamed = verbind.Timeline(list(tl), periods=tl.periods, areas=tl.areas[:-1], note=tl.note,
                               period_starts=tl.period_starts)
    assert renamed != tl
    t1 = verbind.suppress_small_cells([[1, 20], [30, 40]], min_cell=5)
    assert t1 != verbind.suppress_small_cells([[1, 20], [30, 41]], min_cell=5)
    a = r["Assignment"]
    assert a != verbind.Assignment(a.rows, a.cols[::-1].copy())
    assert a == tuple(a)


def test_store_does_not_pickle(tmp_path):
    store = verbind.Store(tmp_path / "s.db")
    try:
        with pytest.raises(TypeError, match="pickle"):
            pickle.dumps(store)
    finally:
        store.close()


# --- corrupt pickles ---------------------------------------------------------------


def state_of(obj):
    return obj.__getstate__()


def restore(cls, state):
    return cls._from_state(state)


def test_no_object_can_be_overwritten_in_place():
    """Unpickling makes new objects: no __setstate__ could replace the
    contents of a live Graph (shared between threads) or Network (changed
    only under its lock)."""
    g = verbind.Graph.from_edges([0], [1])
    net = build_small_network()
    for obj in (g, net, verbind.suppress_small_cells([[1, 2], [3, 4]], min_cell=2)):
        assert not hasattr(obj, "__setstate__")
    before = net.copy()
    other = verbind.Network._from_state(verbind.davis_southern_women().__getstate__())
    assert net == before and other == verbind.davis_southern_women()


def replaced(state, index, value):
    out = list(state)
    out[index] = value
    return tuple(out)


def test_corrupt_graph_state_is_a_clear_error():
    g = verbind.Graph.from_edges(np.array(["a", "b"], dtype=object), np.array(["b", "c"], dtype=object),
                                 weights=[1.0, 2.0])
    good = state_of(g)
    assert restore(verbind.Graph, good) == g
    offsets, text = good[7]
    cases = {
        "not a tuple": ([1, 2], "the state must be a tuple, got list"),
        "short": (good[:5], "the state has 5 fields, expected 8"),
        "tag": (replaced(good, 0, "verbind.Network"), "is not a verbind.Graph"),
        "version": (replaced(good, 1, 99), "format version 99"),
        "directed": (replaced(good, 2, 1), "field 'directed' must be bool, got int"),
        "n": (replaced(good, 3, -1), "field 'num_nodes' must be in 0.."),
        "src dtype": (replaced(good, 4, good[4].astype(np.int64)), "field 'src' must have dtype uint32, got int64"),
        "src list": (replaced(good, 4, [0, 1]), "field 'src' must be a NumPy array, got list"),
        "src 2-D": (replaced(good, 4, good[4].reshape(1, 2)), "field 'src' must be one-dimensional"),
        "dst length": (replaced(good, 5, good[5][:1].copy()), "field 'dst' has 1 entries, src has 2"),
        "weights length": (replaced(good, 6, np.array([1.0])), "field 'weights' has 1 entries, src has 2"),
        "node out of range": (replaced(good, 4, np.array([0, 7], dtype=np.uint32)), "unpickling verbind.Graph: "),
        "negative weight": (replaced(good, 6, np.array([1.0, -2.0])), "unpickling verbind.Graph: "),
        "duplicate edge": (replaced(replaced(good, 4, np.array([0, 0], dtype=np.uint32)), 5,
                                    np.array([1, 1], dtype=np.uint32)), "unpickling verbind.Graph: "),
        "keys count": (replaced(good, 7, (offsets[:2].copy(), text[: int(offsets[1])])),
                       "field 'keys' has 2 labels, num_nodes is 3"),
        "keys offsets": (replaced(good, 7, (offsets[::-1].copy(), text)), "field 'keys' offset"),
        "keys past end": (replaced(good, 7, (offsets, text[:-1])), "field 'keys' offset 2"),
        "keys text": (replaced(good, 7, (offsets, "abc")), "field 'keys' text must be bytes, got str"),
        "keys utf-8": (replaced(good, 7, (offsets, b"a\xffc")), "field 'keys' holds text that is not valid UTF-8"),
        "keys split": (replaced(good, 7, (np.array([1, 2, 4], dtype=np.uint64), "aé".encode() + b"b")),
                       "field 'keys' offset 1 cuts a character in two"),
        "keys repeated": (replaced(good, 7, (offsets, b"aab")), "unpickling verbind.Graph: "),
    }
    for name, (state, message) in cases.items():
        with pytest.raises(verbind.InputError) as raised:
            restore(verbind.Graph, state)
        assert "unpickling verbind.Graph" in str(raised.value), name
        assert message in str(raised.value), (name, str(raised.value))
        assert isinstance(raised.value, ValueError)


def test_corrupt_network_state_is_a_parse_error():
    net = build_small_network()
    good = state_of(net)
    with pytest.raises(verbind.ParseError, match="unpickling verbind.Network: <pickle>"):
        restore(verbind.Network, replaced(good, 2, good[2][:-40]))
    with pytest.raises(verbind.ParseError, match="unpickling verbind.Network"):
        restore(verbind.Network, replaced(good, 2, good[2].replace(b'"bob"', b'"b\\u00"', 1)))
    with pytest.raises(verbind.InputError, match="field 'json' must be bytes, got str"):
        restore(verbind.Network, replaced(good, 2, good[2].decode()))


def test_corrupt_result_states_are_clear_errors(programme, tmp_path):
    r = results(programme, tmp_path)
    spread = state_of(r["SpreadResult"])
    with pytest.raises(verbind.InputError, match="verbind.SpreadResult: field 'runs' must be int, got float"):
        restore(verbind.SpreadResult, replaced(spread, 6, 1.0))
    intro = state_of(r["Introduction"][0])
    with pytest.raises(verbind.InputError, match="verbind.Introduction: field 'via' must be a list of str"):
        restore(verbind.Introduction, replaced(intro, 7, ("x",)))
    with pytest.raises(verbind.InputError, match="field 'shared_talents' must hold str, got int"):
        restore(verbind.Introduction, replaced(intro, 5, [1]))
    table = state_of(r["SuppressedTable"])
    with pytest.raises(verbind.InputError, match="field 'counts' has 11 entries, rows x cols is 12"):
        restore(verbind.SuppressedTable, replaced(table, 4, table[4][:-1].copy()))
    contacts = state_of(r["Contacts"])
    with pytest.raises(verbind.InputError, match="contact 0 names a person past the 4 keys"):
        restore(verbind.Contacts, replaced(contacts, 4, np.array([9, 1, 0, 2], dtype=np.uint32)))
    with pytest.raises(verbind.InputError, match="field 'times' are not in order at contact 1"):
        restore(verbind.Contacts, replaced(contacts, 3, np.array([10, 5, 20, 35])))
    reach = state_of(r["TemporalReach (contacts)"])
    with pytest.raises(verbind.InputError, match="curve_times"):
        restore(verbind.TemporalReach, replaced(replaced(reach, 6, np.array([], dtype=np.int64)), 7,
                                                np.array([], dtype=np.uint64)))
    dated = state_of(r["TemporalReach (network)"])
    far = dated[4].copy()
    far[0] = np.iinfo(np.int64).min
    with pytest.raises(verbind.InputError, match="field 'arrival' entry 0 is no supported date"):
        restore(verbind.TemporalReach, replaced(dated, 4, far))
    with pytest.raises(verbind.InputError, match="field 'curve_times' entry 0 is no supported date"):
        restore(verbind.TemporalReach, replaced(dated, 6, np.full_like(dated[6], 10**12)))
    with pytest.raises(verbind.InputError, match="is not a verbind.Table"):
        restore(verbind.Table, spread)


def flipped(data, positions):
    """The bytes with one byte changed, at each of the positions."""
    for i in positions:
        for value in (0x00, 0xFF, data[i] ^ 0x01, data[i] ^ 0x80):
            yield data[:i] + bytes([value]) + data[i + 1:]


def payload_positions(data, obj):
    """Where the state's arrays and bytes lie in the pickle: changing them
    reaches __setstate__ (changing the opcodes around them tests CPython's
    unpickler, which may allocate for a long time on a changed length)."""
    positions = []
    for field in obj.__getstate__()[2:]:
        parts = field if isinstance(field, tuple) else (field,)
        for part in parts:
            raw = part.tobytes() if isinstance(part, np.ndarray) else part if isinstance(part, bytes) else None
            if raw:
                at = data.find(raw)
                assert at >= 0
                positions.extend(range(at, at + len(raw)))
    return positions


def load_all(pickles):
    tried = errors = loaded = 0
    for changed in pickles:
        tried += 1
        try:
            pickle.loads(changed)
            loaded += 1
        except Exception:
            errors += 1
    return tried, errors, loaded


def test_changed_pickles_never_crash():
    """Each changed pickle either loads (to some object) or raises an
    exception; the process never crashes. Counts are printed for the report."""
    g = verbind.Graph.from_edges(np.array(["a", "b", "cé"], dtype=object), np.array(["b", "cé", "a"], dtype=object),
                                 weights=[1.0, 0.5, 2.0])
    table = verbind.suppress_small_cells([[1, 20], [30, 40]], min_cell=5)
    net = build_small_network()
    total = [0, 0, 0]
    for obj in (g, table):
        data = pickle.dumps(obj, protocol=5)
        counts = load_all(flipped(data, payload_positions(data, obj)))
        total = [a + b for a, b in zip(total, counts)]
    # The whole pickle of a Network: its payload is the JSON text.
    data = pickle.dumps(net, protocol=5)
    counts = load_all(flipped(data, range(len(data))))
    total = [a + b for a, b in zip(total, counts)]
    tried, errors, loaded = total
    assert tried == errors + loaded and tried > 9000 and errors > 0
    print(f"changed pickles: {tried} tried, {errors} errors, {loaded} loaded, 0 crashes")


# --- multiprocessing ----------------------------------------------------------------


def child_results(g):
    """Runs in the child: results computed there on the thread pool, and the
    graph as received."""
    return verbind.pagerank(g), verbind.betweenness(g, threads=2), verbind.spread(g, [0, 1], runs=500, seed=5,
                                                                                 threads=2), g


@pytest.mark.parametrize("method", ["spawn", "fork"])
def test_graph_through_multiprocessing(method):
    g = verbind.sample_programme().graph()
    # The parent's thread pool is running before the fork: the child must not
    # inherit a pool it cannot use (a hang fails by the timeout).
    between = verbind.betweenness(g, threads=2)
    spread = verbind.spread(g, [0, 1], runs=500, seed=5, threads=2)
    with multiprocessing.get_context(method).Pool(2) as pool:
        answers = [pool.apply_async(child_results, (g,)) for _ in range(2)]
        for answer in answers:
            ranks, child_between, child_spread, back = answer.get(timeout=120)
            assert np.array_equal(ranks, verbind.pagerank(g))
            assert np.array_equal(child_between, between)
            assert child_spread == spread
            assert back == g


def test_internal_influence_result_round_trips():
    from verbind import _verbind

    g = verbind.sample_programme().graph()
    raw = _verbind._influence_max(g, 3, seed=2)
    back = round_trip(raw)
    assert back == raw and np.array_equal(back.seeds, raw.seeds) and back.rr_sets == raw.rr_sets
    assert (back.spread_lower_bound, back.approximation) == (raw.spread_lower_bound, raw.approximation)


def test_records_are_sequences(programme):
    intro = verbind.introductions(programme, limit=1)[0]
    assert isinstance(intro, collections.abc.Sequence)
