"""Privacy from Python: pseudonymise (checked against Python's hmac),
small-cell suppression (checked by an independent numpy attacker), GraphML
(read back with networkx), sensitive events and tie kinds."""

import hashlib
import hmac
import random

import networkx as nx
import numpy as np
import pytest

import verbind

SECRET = bytes(range(32))


def expected_pseudonym(key, kind="actor"):
    return hmac.new(SECRET, f"verbind:{kind}:{key}".encode(), hashlib.sha256).hexdigest()


def test_pseudonymise_matches_hmac_sha256(small):
    before = small.copy()
    p = verbind.pseudonymise(small, SECRET)
    assert small == before
    originals = [a["key"] for a in small.actors()]
    assert [a["key"] for a in p.actors()] == [expected_pseudonym(k) for k in originals]
    assert [e["key"] for e in p.events()] == [expected_pseudonym(e["key"], "event") for e in small.events()]
    assert verbind.pseudonym("ann", SECRET) == expected_pseudonym("ann")
    assert verbind.pseudonym("e1", SECRET, kind="event") == expected_pseudonym("e1", "event")
    # Everything but the keys is kept, in order.
    for a, b in zip(small.actors(include_sensitive=True), p.actors(include_sensitive=True)):
        assert {k: v for k, v in a.items() if k != "key"} == {k: v for k, v in b.items() if k != "key"}
    rename = {k: expected_pseudonym(k) for k in originals}
    assert p.ties() == [dict(t, a=rename[t["a"]], b=rename[t["b"]]) for t in small.ties()]
    assert [x["brought_by"] for x in p.attendance()] == [
        rename.get(x["brought_by"]) for x in small.attendance()]
    assert p.sensitive_groups == small.sensitive_groups
    # Stable for the same secret, different for another one.
    assert verbind.pseudonymise(small, bytearray(SECRET)) == p
    other = verbind.pseudonymise(small, bytes(reversed(SECRET)))
    assert {a["key"] for a in other.actors()}.isdisjoint({a["key"] for a in p.actors()})


def test_pseudonymise_bad_secret(small):
    with pytest.raises(verbind.InputError, match="secret has 31 bytes, needs at least 32"):
        verbind.pseudonymise(small, b"x" * 31)
    with pytest.raises(TypeError, match="secret must be bytes"):
        verbind.pseudonymise(small, "a passphrase that is long enough to pass")
    with pytest.raises(verbind.InputError, match="kind must be 'actor' or 'event'"):
        verbind.pseudonym("ann", SECRET, kind="tie")


def recoverable(suppressed):
    """Suppressed entries that the margins' equations determine (numpy rank test)."""
    rows, cols = suppressed.shape
    unknown = [tuple(ix) for ix in np.argwhere(suppressed)]
    index = {cell: i for i, cell in enumerate(unknown)}
    equations = []
    for r in range(rows):
        eq = np.zeros(len(unknown))
        for c in range(cols):
            if (r, c) in index:
                eq[index[(r, c)]] = -1 if c == cols - 1 else 1
        equations.append(eq)
    for c in range(cols):
        eq = np.zeros(len(unknown))
        for r in range(rows):
            if (r, c) in index:
                eq[index[(r, c)]] = -1 if r == rows - 1 else 1
        equations.append(eq)
    a = np.array(equations)
    base = np.linalg.matrix_rank(a) if len(unknown) else 0
    out = []
    for i, cell in enumerate(unknown):
        unit = np.zeros(len(unknown))
        unit[i] = 1
        if np.linalg.matrix_rank(np.vstack([a, unit])) == base:
            out.append(cell)
    return out


def test_suppression_where_naive_leaks():
    counts = [[3, 20, 30], [12, 15, 40]]
    t = verbind.suppress_small_cells(counts)
    assert t.counts.tolist() == [[3, 20, 30, 53], [12, 15, 40, 67], [15, 35, 70, 120]]
    naive = np.zeros((3, 4), dtype=bool)
    naive[0, 0] = True
    assert recoverable(naive) == [(0, 0)]  # 53 - 20 - 30
    assert t.suppressed[0, 0] and t.primary[0, 0]
    assert recoverable(t.suppressed) == []
    published = t.published()
    assert published[0][0] is None
    assert published[2][3] == 120
    assert "suppressed" in repr(t)


def test_suppression_random_tables_are_safe():
    rng = random.Random(5)
    for _ in range(60):
        rows, cols = rng.randint(1, 5), rng.randint(1, 5)
        counts = np.array([[rng.choice([rng.randint(0, 9), rng.randint(0, 80)]) for _ in range(cols)]
                           for _ in range(rows)])
        t = verbind.suppress_small_cells(counts, min_cell=10)
        full = t.counts.astype(np.int64)
        assert (full[:rows, :cols] == counts).all()
        small_entries = (full > 0) & (full < 10)
        assert (t.primary == small_entries).all()
        assert (t.suppressed | ~small_entries).all()
        assert recoverable(t.suppressed) == []


def test_suppression_bad_input():
    with pytest.raises(verbind.InputError, match="must be 2-D"):
        verbind.suppress_small_cells([1, 2, 3])
    with pytest.raises(verbind.InputError, match=r"counts\[1\]\[0\] is negative"):
        verbind.suppress_small_cells([[1, 2], [-1, 5]])
    with pytest.raises(TypeError, match="must hold integers"):
        verbind.suppress_small_cells([[1.5, 2.0]])
    with pytest.raises(verbind.InputError, match="min_cell must be at least 1"):
        verbind.suppress_small_cells([[1]], min_cell=0)


def test_graphml_reads_back_with_networkx(small, tmp_path):
    small.mark_sensitive_tie_kind("neighbour")
    path = tmp_path / "net.graphml"
    small.write_graphml(path)
    g = nx.read_graphml(path, force_multigraph=True)
    assert sorted(g.nodes) == sorted(a["key"] for a in small.actors())
    for actor in small.actors():
        node = g.nodes[actor["key"]]
        assert node["type"] == actor["type"]
        assert node.get("neighbourhood") == actor["neighbourhood"]
        assert node.get("talents", "") == ";".join(actor["talents"])
        if actor["type"] == "resident":
            assert node.get("groups", "") == ";".join(actor["groups"])  # without the sensitive ones
            assert node["key_figure"] == actor["key_figure"]
    assert "lgbti" not in path.read_text()
    public_ties = [t for t in small.ties() if t["kind"] != "neighbour"]
    got = sorted((tuple(sorted((u, v))), d["kind"], d["weight"], d.get("since")) for u, v, d in g.edges(data=True))
    want = sorted((tuple(sorted((t["a"], t["b"]))), t["kind"], t["weight"],
                   t["since"].isoformat() if t["since"] else None) for t in public_ties)
    assert got == want

    full = tmp_path / "full.graphml"
    verbind.write_graphml(small, full, include_sensitive=True)
    g = nx.read_graphml(full, force_multigraph=True)
    assert g.number_of_edges() == small.num_ties
    assert g.nodes["ann"]["groups"] == "lgbti;choir"


def test_sensitive_event_and_tie_kind_marks(small):
    small.mark_sensitive_event("e3")
    small.mark_sensitive_tie_kind("neighbour")
    assert small.sensitive_events == ["e3"]
    assert small.sensitive_tie_kinds == ["neighbour"]
    with pytest.raises(verbind.NotFoundError, match="unknown event 'nope'"):
        small.mark_sensitive_event("nope")
    with pytest.raises(verbind.InputError):
        small.mark_sensitive_tie_kind("")
    small.remove_event("e3")
    assert small.sensitive_events == []


def membership_network():
    """r1 and r2 share a talent, differ in group, and are both members of the
    LGBTI+ organisation o1 (a sensitive tie kind); r1 knows r3."""
    net = verbind.Network()
    net.add_resident("r1", municipality="Lelystad", talents=["cooking"], groups=["A"])
    net.add_resident("r2", municipality="Lelystad", talents=["cooking"], groups=["B"])
    net.add_resident("r3", municipality="Lelystad", groups=["A"])
    net.add_organisation("o1", kind="lgbti+ association", municipality="Lelystad")
    net.add_tie("r1", "o1", "member_of")
    net.add_tie("r2", "o1", "member_of")
    net.add_tie("r1", "r3", "knows")
    net.mark_sensitive_tie_kind("member_of")
    return net


def test_derived_results_leave_sensitive_ties_out_unless_asked():
    net = membership_network()
    assert net.graph().num_edges == 1  # r1 - r3; the member_of ties only when asked
    assert net.graph(include_sensitive=False).num_edges == 1
    assert net.graph(include_sensitive=True).num_edges == 3

    assert verbind.social_map(net, seed=1).to_dict()["ties"] == 1
    assert verbind.social_map(net, seed=1, include_sensitive=True).to_dict()["ties"] == 3

    def r1_r2(**kw):
        (match,) = [i for i in verbind.introductions(net, **kw) if {i.a, i.b} == {"r1", "r2"}]
        return match

    assert list(r1_r2().via) == []  # o1 would reveal both memberships
    assert list(r1_r2(include_sensitive=True).via) == ["o1"]
    html = verbind.report(net)
    assert "member_of" not in html and "lgbti+ association" not in html
