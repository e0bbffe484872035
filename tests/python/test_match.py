"""The match capability from Python, checked against scipy in the same run:
linear_assignment and assign against scipy.optimize (linear_sum_assignment on
expanded matrices, linprog for general capacities), stable_match against a
textbook Gale-Shapley written here, and every constraint of introductions
and tables on the sample programme and on random networks."""

import itertools
import os
import random
import subprocess

import numpy as np
import pytest
from scipy.optimize import linear_sum_assignment, linprog

import verbind


# --- linear_assignment -----------------------------------------------------

def matrices(seed):
    rng = np.random.default_rng(seed)
    yield rng.random((30, 30))
    yield rng.random((12, 40))          # wide
    yield rng.random((40, 12))          # tall
    yield rng.integers(0, 100, (25, 25)).astype(float)   # integer
    yield rng.integers(0, 3, (20, 31)).astype(float)     # many ties
    yield rng.integers(0, 3, (31, 20))                   # integer dtype, tall, ties
    forbidden = rng.random((20, 20))
    forbidden[rng.random((20, 20)) < 0.3] = np.inf
    np.fill_diagonal(forbidden, rng.random(20))          # keep it feasible
    yield forbidden


@pytest.mark.parametrize("seed", range(5))
@pytest.mark.parametrize("maximize", [False, True])
def test_linear_assignment_matches_scipy(seed, maximize):
    for cost in matrices(seed):
        if maximize:
            cost = np.where(np.isinf(cost), -np.inf, cost)
        rows, cols = verbind.linear_assignment(cost, maximize=maximize)
        ref_rows, ref_cols = linear_sum_assignment(cost, maximize=maximize)
        assert rows.dtype == np.int64 and cols.dtype == np.int64
        assert list(rows) == sorted(rows)
        assert len(rows) == min(cost.shape) and len(set(cols)) == len(cols)
        assert cost[rows, cols].sum() == pytest.approx(cost[ref_rows, ref_cols].sum(), abs=1e-9)
        if cost.shape[0] <= cost.shape[1]:
            assert list(rows) == list(ref_rows)


def test_linear_assignment_edge_cases():
    rows, cols = verbind.linear_assignment(np.zeros((0, 3)))
    assert len(rows) == 0 and len(cols) == 0
    rows, cols = verbind.linear_assignment([[3.0]])
    assert list(rows) == [0] and list(cols) == [0]
    rows, cols = verbind.linear_assignment([[True, False], [False, True]])
    assert list(cols) == [1, 0]


def test_linear_assignment_bad_input():
    inf = np.inf
    with pytest.raises(ValueError, match="cost matrix is infeasible"):
        verbind.linear_assignment([[inf, 1.0], [inf, 2.0]])
    with pytest.raises(ValueError):  # scipy agrees
        linear_sum_assignment([[inf, 1.0], [inf, 2.0]])
    with pytest.raises(ValueError, match=r"invalid numeric entries: cost\[0, 1\] is nan"):
        verbind.linear_assignment([[1.0, np.nan], [2.0, 3.0]])
    with pytest.raises(ValueError, match=r"cost\[1, 0\] is -inf"):
        verbind.linear_assignment([[1.0, 2.0], [-inf, 3.0]])
    with pytest.raises(ValueError, match=r"is inf \(with maximize"):
        verbind.linear_assignment([[1.0, inf], [2.0, 3.0]], maximize=True)
    with pytest.raises(ValueError, match="expected a matrix"):
        verbind.linear_assignment([1.0, 2.0])
    with pytest.raises(ValueError, match="must be numeric"):
        verbind.linear_assignment([["a", "b"]])
    with pytest.raises(verbind.InputError):
        verbind.linear_assignment([[np.nan]])


# --- assign ----------------------------------------------------------------

def expanded_optimum(cost, row_capacity):
    """Row i repeated row_capacity[i] times; with column capacity 1 this is
    the same problem, solved by scipy."""
    rows = [i for i, k in enumerate(row_capacity) for _ in range(k)]
    if not rows:
        return 0.0, 0
    big = cost[rows, :]
    r, c = linear_sum_assignment(big)
    return big[r, c].sum(), len(r)


def flow_lp_optimum(cost, row_capacity, col_capacity):
    """Two-stage LP (the flow polytope is integral): the largest number of
    pairs, then the least cost among them."""
    n, m = cost.shape
    allowed = np.isfinite(cost).ravel()
    a_rows = np.zeros((n, n * m))
    a_cols = np.zeros((m, n * m))
    for i in range(n):
        a_rows[i, i * m:(i + 1) * m] = 1
    for j in range(m):
        a_cols[j, j::m] = 1
    a_ub = np.vstack([a_rows, a_cols])
    b_ub = np.concatenate([row_capacity, col_capacity])
    bounds = [(0, 1 if ok else 0) for ok in allowed]
    most = linprog(-np.ones(n * m), A_ub=a_ub, b_ub=b_ub, bounds=bounds, method="highs")
    count = round(-most.fun)
    c = np.where(allowed, cost.ravel(), 0.0)
    best = linprog(c, A_ub=a_ub, b_ub=b_ub, A_eq=np.ones((1, n * m)), b_eq=[count], bounds=bounds,
                   method="highs")
    return best.fun, count


@pytest.mark.parametrize("seed", range(8))
def test_assign_matches_expanded_scipy(seed):
    rng = np.random.default_rng(seed)
    n, m = 6, 9
    cost = rng.random((n, m)) if seed % 2 else rng.integers(0, 5, (n, m)).astype(float)
    row_capacity = rng.integers(0, 3, n)
    rows, cols = verbind.assign(cost, row_capacity=row_capacity, col_capacity=1)
    total, count = expanded_optimum(cost, row_capacity)
    assert len(rows) == count
    assert cost[rows, cols].sum() == pytest.approx(total, abs=1e-9)
    assert all(np.bincount(rows, minlength=n) <= row_capacity)
    assert len(set(zip(rows, cols))) == len(rows)
    # Transposed: column capacities.
    rows_t, cols_t = verbind.assign(cost.T, row_capacity=1, col_capacity=row_capacity)
    assert cost.T[rows_t, cols_t].sum() == pytest.approx(total, abs=1e-9)
    # Maximize.
    rows_max, cols_max = verbind.assign(cost, row_capacity=row_capacity, maximize=True)
    total_max, _ = expanded_optimum(-cost, row_capacity)
    assert cost[rows_max, cols_max].sum() == pytest.approx(-total_max, abs=1e-9)


@pytest.mark.parametrize("seed", range(6))
def test_assign_with_both_capacities_matches_linprog(seed):
    rng = np.random.default_rng(100 + seed)
    n, m = 7, 5
    cost = rng.integers(0, 20, (n, m)).astype(float)
    cost[rng.random((n, m)) < 0.2] = np.inf
    row_capacity = rng.integers(1, 4, n)
    col_capacity = rng.integers(1, 5, m)
    total, count = flow_lp_optimum(cost, row_capacity, col_capacity)
    expected_k = min(np.minimum(row_capacity, m).sum(), np.minimum(col_capacity, n).sum())
    if count < expected_k:
        with pytest.raises(ValueError, match=f"leave at most {count} pairs"):
            verbind.assign(cost, row_capacity=row_capacity, col_capacity=col_capacity)
        return
    rows, cols = verbind.assign(cost, row_capacity=row_capacity, col_capacity=col_capacity)
    assert len(rows) == count
    assert cost[rows, cols].sum() == pytest.approx(total, abs=1e-6)
    assert np.isfinite(cost[rows, cols]).all()
    assert all(np.bincount(rows, minlength=n) <= row_capacity)
    assert all(np.bincount(cols, minlength=m) <= col_capacity)
    assert list(zip(rows, cols)) == sorted(zip(rows, cols))


def test_assign_unit_capacities_is_linear_assignment():
    rng = np.random.default_rng(7)
    cost = rng.random((15, 22))
    rows, cols = verbind.assign(cost)
    r, c = linear_sum_assignment(cost)
    assert cost[rows, cols].sum() == pytest.approx(cost[r, c].sum(), abs=1e-12)


def test_assign_bad_input():
    cost = np.ones((2, 3))
    with pytest.raises(ValueError, match=r"row_capacity\[1\] is -1, must be >= 0"):
        verbind.assign(cost, row_capacity=[1, -1])
    with pytest.raises(ValueError, match="col_capacity has 2 values, expected 1 or 3"):
        verbind.assign(cost, col_capacity=[1, 1])
    with pytest.raises(TypeError, match="row_capacity must be an int or a 1-D sequence of ints"):
        verbind.assign(cost, row_capacity=[0.5, 1])
    with pytest.raises(ValueError, match="is nan"):
        verbind.assign([[1.0, np.nan]])
    with pytest.raises(ValueError, match="infeasible"):
        verbind.assign([[np.inf, 1.0], [np.inf, 2.0]])


# --- stable_match ------------------------------------------------------------

def textbook_gale_shapley(proposer_prefs, reviewer_prefs, capacities):
    """Deferred acceptance as in Gale & Shapley (1962), one proposal at a time."""
    rank = {r: {p: k for k, p in enumerate(lst)} for r, lst in reviewer_prefs.items()}
    held = {r: [] for r in reviewer_prefs}
    nxt = {p: 0 for p in proposer_prefs}
    free = list(proposer_prefs)
    while free:
        p = free.pop(0)
        while nxt[p] < len(proposer_prefs[p]):
            r = proposer_prefs[p][nxt[p]]
            nxt[p] += 1
            cap = capacities.get(r, 1)
            if cap == 0:
                continue
            if len(held[r]) < cap:
                held[r].append(p)
                break
            worst = max(held[r], key=lambda q: rank[r][q])
            if rank[r][p] < rank[r][worst]:
                held[r].remove(worst)
                held[r].append(p)
                free.append(worst)
                break
    result = {p: None for p in proposer_prefs}
    for r, ps in held.items():
        for p in ps:
            result[p] = r
    return result


def random_instance(seed):
    rnd = random.Random(seed)
    proposers = [f"p{i}" for i in range(rnd.randint(1, 12))]
    reviewers = [f"r{j}" for j in range(rnd.randint(1, 8))]
    ok = {(p, r) for p in proposers for r in reviewers if rnd.random() < 0.7}
    pp = {p: rnd.sample([r for r in reviewers if (p, r) in ok], k=sum((p, r) in ok for r in reviewers))
          for p in proposers}
    rp = {r: rnd.sample([p for p in proposers if (p, r) in ok], k=sum((p, r) in ok for p in proposers))
          for r in reviewers}
    caps = {r: rnd.randint(0, 3) for r in reviewers}
    return pp, rp, caps


@pytest.mark.parametrize("seed", range(40))
def test_stable_match_equals_textbook(seed):
    pp, rp, caps = random_instance(seed)
    ours = verbind.stable_match(pp, rp, capacities=caps)
    assert ours == textbook_gale_shapley(pp, rp, caps)
    assert verbind.blocking_pairs(pp, rp, ours, capacities=caps) == []
    unit = verbind.stable_match(pp, rp)
    assert unit == textbook_gale_shapley(pp, rp, {})
    assert verbind.blocking_pairs(pp, rp, unit) == []


def test_blocking_pairs_found_by_brute_force():
    pp = {"m1": ["w1", "w2", "w3"], "m2": ["w1", "w3", "w2"], "m3": ["w2", "w1", "w3"]}
    rp = {"w1": ["m2", "m1", "m3"], "w2": ["m1", "m3", "m2"], "w3": ["m3", "m1", "m2"]}
    for perm in itertools.permutations(rp):
        matching = dict(zip(pp, perm))
        expected = [(p, r) for p in pp for r in pp[p]
                    if pp[p].index(r) < pp[p].index(matching[p])
                    and rp[r].index(p) < rp[r].index(next(q for q, s in matching.items() if s == r))]
        assert verbind.blocking_pairs(pp, rp, matching) == expected


def test_stable_match_bad_input():
    pp = {"a": ["x"]}
    rp = {"x": ["a"]}
    with pytest.raises(ValueError, match=r"proposer_prefs\['a'\]: unknown reviewer 'y'"):
        verbind.stable_match({"a": ["y"]}, rp)
    with pytest.raises(ValueError, match=r"'x' is ranked twice"):
        verbind.stable_match({"a": ["x", "x"]}, rp)
    with pytest.raises(ValueError, match="not square: proposer 'a' ranks reviewer 'x'"):
        verbind.stable_match(pp, {"x": []})
    with pytest.raises(ValueError, match=r"capacities\['x'\] is -2, must be >= 0"):
        verbind.stable_match(pp, rp, capacities={"x": -2})
    with pytest.raises(ValueError, match="capacities is -1"):
        verbind.stable_match(pp, rp, capacities=-1)
    with pytest.raises(ValueError, match="unknown reviewer 'z'"):
        verbind.stable_match(pp, rp, capacities={"z": 1})
    with pytest.raises(TypeError, match="proposer_prefs must be a dict"):
        verbind.stable_match([("a", ["x"])], rp)
    with pytest.raises(TypeError):
        verbind.stable_match({"a": "x"}, rp)  # a lone str is not a list
    with pytest.raises(ValueError, match="unknown proposer 'q'"):
        verbind.blocking_pairs(pp, rp, {"q": "x"})
    with pytest.raises(ValueError, match="holds 2 proposers, capacity 1"):
        verbind.blocking_pairs({"a": ["x"], "b": ["x"]}, {"x": ["a", "b"]}, {"a": "x", "b": "x"})


# --- introductions -------------------------------------------------------------

def check_introductions(net, suggestions, per_person, min_shared=1):
    actors = {a["key"]: a for a in net.actors()}
    sensitive = {g for a in net.actors(include_sensitive=True) for g in a["groups"]} - \
        {g for a in net.actors() for g in a["groups"]}
    tied = {frozenset((t["a"], t["b"])) for t in net.ties()}
    load = {}
    for s in suggestions:
        a, b = actors[s.a], actors[s.b]
        assert a["type"] == "resident"
        assert a["municipality"] == b["municipality"]
        assert frozenset((s.a, s.b)) not in tied
        shared = sorted(set(a["talents"]) & set(b["talents"]))
        assert s.shared_talents == shared and len(shared) >= min_shared
        assert s.bridges
        assert not set(s.bridges) & sensitive
        group_bridges = [g for g in s.bridges if not g.startswith("community ")]
        assert sorted(group_bridges) == sorted(set(a["groups"]) ^ set(b["groups"]))
        for v, kind in zip(s.via, s.via_kinds, strict=True):  # every kind: test_introducers.py
            if kind == "mutual_contact":
                assert frozenset((s.a, v)) in tied and frozenset((s.b, v)) in tied
        load[s.a] = load.get(s.a, 0) + 1
        load[s.b] = load.get(s.b, 0) + 1
    assert all(count <= per_person for count in load.values())
    scores = [s.score for s in suggestions]
    assert scores == sorted(scores, reverse=True)


@pytest.fixture(scope="module")
def sample():
    return verbind.sample_programme()


def test_introductions_on_the_sample_programme(sample):
    one = verbind.introductions(sample, threads=1)
    two = verbind.introductions(sample, threads=2)
    assert [(s.a, s.b, s.score) for s in one] == [(s.a, s.b, s.score) for s in two]
    assert len(one) > 100
    check_introductions(sample, one, per_person=2)
    again = verbind.introductions(sample, seed=None)
    assert [(s.a, s.b) for s in again] == [(s.a, s.b) for s in one]
    orgs = {a["key"] for a in sample.actors() if a["type"] == "organisation"}
    assert any(s.b in orgs for s in one)
    lelystad = verbind.introductions(sample, municipality="Lelystad", per_person=3, min_shared=2)
    check_introductions(sample, lelystad, per_person=3, min_shared=2)
    assert lelystad and all(sample.actor(s.a)["municipality"] == "Lelystad" for s in lelystad)


def test_introductions_limit_spreads_over_groups(sample):
    limited = verbind.introductions(sample, per_person=2, limit=40)
    assert len(limited) == 40
    check_introductions(sample, limited, per_person=2)
    full = verbind.introductions(sample, per_person=2)
    assert {(s.a, s.b) for s in limited} <= {(s.a, s.b) for s in full}
    # Every large declared group is served.
    groups = {g for a in sample.actors() for g in a["groups"]}
    served = {g for s in limited for k in (s.a, s.b) for g in sample.actor(k)["groups"]}
    big = {g for g in groups if sum(g in a["groups"] for a in sample.actors()) >= 100}
    assert big <= served


def random_network(seed):
    rnd = random.Random(seed)
    net = verbind.Network()
    talents = ["cooking", "music", "languages", "football", "sewing", "chess"]
    groups = ["young", "old", "parents", "newcomers", "secret"]
    net.mark_sensitive("secret")
    keys = []
    for i in range(60):
        key = f"r{i}"
        keys.append(key)
        net.add_resident(key, municipality=rnd.choice(["A", "B"]),
                         talents=rnd.sample(talents, rnd.randint(0, 3)),
                         groups=rnd.sample(groups, rnd.randint(0, 2)))
    for j in range(4):
        net.add_organisation(f"o{j}", kind="library", municipality=rnd.choice(["A", "B"]),
                             talents=rnd.sample(talents, 2))
        keys.append(f"o{j}")
    pairs = set()
    while len(pairs) < 120:
        a, b = rnd.sample(keys, 2)
        if frozenset((a, b)) not in pairs:
            pairs.add(frozenset((a, b)))
            net.add_tie(a, b)
    return net


@pytest.mark.parametrize("seed", range(6))
def test_introductions_on_random_networks(seed):
    net = random_network(seed)
    for per_person in (1, 2, 3):
        suggestions = verbind.introductions(net, per_person=per_person, seed=seed)
        check_introductions(net, suggestions, per_person)
        assert all("secret" not in s.bridges for s in suggestions)


def test_introductions_bad_input(sample):
    with pytest.raises(verbind.NotFoundError, match="no actor lives in municipality 'Utrecht'"):
        verbind.introductions(sample, municipality="Utrecht")
    with pytest.raises(ValueError, match="min_shared must be >= 1"):
        verbind.introductions(sample, min_shared=0)
    with pytest.raises(ValueError, match="limit must be >= 0"):
        verbind.introductions(sample, limit=-1)
    with pytest.raises(ValueError, match="end .* is not after start"):
        verbind.introductions(sample, start="2022-06-01", end="2022-01-01")
    with pytest.raises(ValueError, match="2022-13-01"):
        verbind.introductions(sample, start="2022-13-01")
    with pytest.raises(TypeError):
        verbind.introductions(sample, seed="one")
    assert verbind.introductions(sample, per_person=0) == []
    assert verbind.introductions(sample, limit=0) == []


def test_introductions_progress_and_cancel(sample):
    seen = []
    verbind.introductions(sample, progress=lambda f: seen.append(f) or True)
    assert seen and seen[-1] == 1.0
    with pytest.raises(verbind.CancelledError):
        verbind.introductions(sample, progress=lambda f: False)


# --- tables --------------------------------------------------------------------

def test_tables_partition_and_report(sample):
    counts = {}
    for a in sample.attendance():
        counts[a["event"]] = counts.get(a["event"], 0) + 1
    event = max(counts, key=counts.get)
    seating = verbind.tables(sample, event, size=6, seed=3)
    members = [m for t in seating for m in t.members]
    assert sorted(members) == sorted(a["actor"] for a in sample.attendance() if a["event"] == event)
    assert len(seating) == max(1, int(counts[event] / 6 + 0.5))  # halves round up
    sizes = [len(t.members) for t in seating]
    assert max(sizes) - min(sizes) <= 1
    talents = {a["key"]: set(a["talents"]) for a in sample.actors()}
    for t in seating:
        for m in t.members:
            others = set().union(*(talents[o] for o in t.members if o != m))
            assert (m in t.unconnected) == (not talents[m] & others)
        for tag in t.shared_talents:
            assert sum(tag in talents[m] for m in t.members) >= 2
        assert 0.0 <= t.group_mix <= 1.0
    again = verbind.tables(sample, event, size=6, seed=3)
    assert [t.members for t in again] == [t.members for t in seating]
    with pytest.raises(verbind.NotFoundError):
        verbind.tables(sample, "no-such-event")
    with pytest.raises(ValueError, match="size must be >= 2"):
        verbind.tables(sample, event, size=1)


# --- CLI -------------------------------------------------------------------------

def test_cli_match():
    cli = os.environ.get("VERBIND_CLI")
    if not cli:
        pytest.skip("VERBIND_CLI not set")
    out = subprocess.run([cli, "match", "--top", "3"], capture_output=True, text=True, check=True).stdout
    expected = verbind.introductions(verbind.sample_programme())
    assert f"top 3 of {len(expected)} suggested introductions" in out
    for k, s in enumerate(expected[:3]):
        assert f"{k + 1:3d}. {s.a} + {s.b}  (score {s.score:.2f})" in out
    bad = subprocess.run([cli, "match", "--top", "x"], capture_output=True, text=True)
    assert bad.returncode == 2 and "--top: expected a whole number" in bad.stderr
    missing = subprocess.run([cli, "match", "/no/such/path"], capture_output=True, text=True)
    assert missing.returncode == 1 and "/no/such/path" in missing.stderr
