"""verbind.timeline against an independent pure-Python computation of every
metric on the sample programme (from net.ties(), net.events(),
net.attendance() and net.actors()), following the definitions in
docs/evaluate.md; E-I against its formula; suppression, errors, progress,
determinism."""

import collections
import datetime
import itertools
import math
import warnings

import pytest

import verbind

D = datetime.date
START, END = D(2022, 1, 1), D(2023, 1, 1)
QUARTERS = [(f"2022-Q{q}", D(2022, 3 * q - 2, 1), D(2022, 3 * q + 1, 1) if q < 4 else END) for q in range(1, 5)]
FRIENDING_DAYS = 30


def quarter_of(day):
    if not (START <= day < END):
        return None
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


class Reference:
    """Every metric of the timeline, computed the slow and obvious way."""

    def __init__(self, net):
        actors = net.actors()
        self.res = {a["key"]: a for a in actors if a["type"] == "resident"}
        self.area = {a["key"]: a["municipality"] or "(no municipality)" for a in actors}
        self.group = {k: (tuple(sorted(set(a["groups"]))) or None) for k, a in self.res.items()}
        self.kf = {k for k, a in self.res.items() if a["key_figure"]}
        self.events = {e["key"]: e for e in net.events()}
        self.att = [a for a in net.attendance() if a["actor"] in self.res]
        self.ties = net.ties()
        self.areas = sorted({self.area[a["key"]] for a in actors})  # home areas only
        self.values = {}  # (period, area, metric) -> value or None (undefined)
        self._compute()

    # Adds to a counter per area: once in each person's area, once in the programme.
    def _pair(self, counter, p, a, b, n=1):
        for area in {self.area[a], self.area[b]}:
            counter[p, area] += n
        counter[p, "programme"] += n

    def _people(self, counter, p, people):
        for who in set(people):
            counter[p, self.area[who]] += 1
            counter[p, "programme"] += 1

    def _compute(self):
        C = collections.Counter
        periods = [q for q, _, _ in QUARTERS]
        active, active_kf = collections.defaultdict(set), collections.defaultdict(set)
        new_ties, lost_ties, bridging_num, bridging_den = C(), C(), C(), C()
        first_att, first_reach = {}, {}

        for t in self.ties:
            a, b = t["a"], t["b"]
            p = quarter_of(t["since"]) if t["since"] else None
            if p:
                for x in (a, b):  # only ties starting within the timeline reach people
                    first_reach[x] = min(first_reach.get(x, t["since"]), t["since"])
                self._pair(new_ties, p, a, b)
                for x in (a, b):
                    if x in self.res:
                        active[p].add(x)
                        if x in self.kf:
                            active_kf[p].add(x)
                if a in self.res and b in self.res and self.group[a] and self.group[b]:
                    self._pair(bridging_den, p, a, b)
                    if self.group[a] != self.group[b]:
                        self._pair(bridging_num, p, a, b)
            p = quarter_of(t["until"]) if t["until"] else None
            if p:
                self._pair(lost_ties, p, a, b)

        events_kf = C()
        for e in self.events.values():
            p = quarter_of(e["date"])
            if p:
                for o in e["organisers"]:
                    if o in self.kf:
                        events_kf[p, self.area[o]] += 1
                        events_kf[p, "programme"] += 1
                        active_kf[p].add(o)

        bring_num, bring_den, brought_kf = C(), C(), C()
        attended = collections.defaultdict(set)  # resident -> periods
        for at in self.att:
            who, day = at["actor"], self.events[at["event"]]["date"]
            first_att[who] = min(first_att.get(who, day), day)
            first_reach[who] = min(first_reach.get(who, day), day)
            p = quarter_of(day)
            if not p:
                continue
            active[p].add(who)
            if who in self.kf:
                active_kf[p].add(who)
            attended[who].add(p)
            bring_den[p, self.area[who]] += 1
            bring_den[p, "programme"] += 1
            if at["brought_by"] is not None:
                bring_num[p, self.area[who]] += 1
                bring_num[p, "programme"] += 1
                if at["brought_by"] in self.kf:
                    brought_kf[p, self.area[at["brought_by"]]] += 1
                    brought_kf[p, "programme"] += 1
                    active_kf[p].add(at["brought_by"])

        counts = {m: C() for m in ("active_residents", "active_key_figures", "newcomers", "newly_reached")}
        for p in periods:
            self._people(counts["active_residents"], p, active[p])
            self._people(counts["active_key_figures"], p, active_kf[p])
        baseline = C()
        for who in self.res:
            if who in first_att and quarter_of(first_att[who]):
                self._people(counts["newcomers"], quarter_of(first_att[who]), [who])
            if who in first_reach and first_reach[who] < START:
                reached_from = 0
            elif who in first_reach and first_reach[who] < END:
                p = quarter_of(first_reach[who])
                self._people(counts["newly_reached"], p, [who])
                reached_from = periods.index(p) + 1
            else:
                continue
            for p in periods[reached_from:]:
                self._people(baseline, p, [who])

        retention_num, retention_den = C(), C()
        for who, ps in attended.items():
            for p in ps:
                self._people(retention_den, p, [who])
                if any(periods.index(q) > periods.index(p) for q in ps):
                    self._people(retention_num, p, [who])

        # Exposure and friending.
        exposed = collections.defaultdict(set)
        first_met = {}
        by_event = collections.defaultdict(set)
        for at in self.att:
            if self.group[at["actor"]]:
                by_event[at["event"]].add(at["actor"])
        for key in sorted(by_event, key=lambda k: self.events[k]["date"]):
            day = self.events[key]["date"]
            for a, b in itertools.combinations(sorted(by_event[key]), 2):
                if self.group[a] != self.group[b]:
                    first_met[a, b] = min(first_met.get((a, b), day), day)
                    if quarter_of(day):
                        exposed[quarter_of(day)].add((a, b))
        exposure = C()
        for p, pairs in exposed.items():
            for a, b in pairs:
                self._pair(exposure, p, a, b)
        pair_ties = collections.defaultdict(list)
        for t in self.ties:
            pair_ties[tuple(sorted((t["a"], t["b"])))].append(t)
        friend_num, friend_den = C(), C()
        window = datetime.timedelta(days=FRIENDING_DAYS)
        for (a, b), d0 in first_met.items():
            p = quarter_of(d0)
            if not p or d0 + window > END:
                continue
            ties = pair_ties.get((a, b), [])
            if any((t["since"] is None or t["since"] < d0) and (t["until"] is None or t["until"] > d0) for t in ties):
                continue
            self._pair(friend_den, p, a, b)
            if any(t["since"] is not None and d0 <= t["since"] < d0 + window for t in ties):
                self._pair(friend_num, p, a, b)

        def ratio(num, den, p, area):
            return num[p, area] / den[p, area] if den[p, area] else None

        for p, ps, pe in QUARTERS:
            for area in self.areas + ["programme"]:
                v = self.values
                for m, c in counts.items():
                    v[p, area, m] = c[p, area]
                v[p, area, "new_ties"] = new_ties[p, area]
                v[p, area, "lost_ties"] = lost_ties[p, area]
                v[p, area, "exposure"] = exposure[p, area]
                v[p, area, "reach_growth"] = ratio(counts["newly_reached"], baseline, p, area)
                v[p, area, "bridging_share"] = ratio(bridging_num, bridging_den, p, area)
                v[p, area, "friending"] = ratio(friend_num, friend_den, p, area)
                v[p, area, "retention"] = ratio(retention_num, retention_den, p, area) if p != "2022-Q4" else None
                v[p, area, "bring_along_rate"] = ratio(bring_num, bring_den, p, area)
                v[p, area, "events_per_key_figure"] = ratio(events_kf, counts["active_key_figures"], p, area)
                v[p, area, "brought_per_key_figure"] = ratio(brought_kf, counts["active_key_figures"], p, area)
                ei, analytic = self._ei(ps, pe, area)
                v[p, area, "ei_index"] = ei
                v[p, area, "expected_ei_index"] = analytic

    def _ei(self, ps, pe, area):
        """E-I by its formula, (E - I) / (E + I), and 1 - 2 P(same group) for the baseline."""
        pairs = set()
        for t in self.ties:
            a, b = t["a"], t["b"]
            if not (a in self.res and b in self.res and self.group[a] and self.group[b]):
                continue
            if not ((t["since"] is None or t["since"] < pe) and (t["until"] is None or t["until"] > ps)):
                continue
            if area != "programme" and area not in (self.area[a], self.area[b]):
                continue
            pairs.add(tuple(sorted((a, b))))
        if not pairs:
            return None, None
        external = sum(self.group[a] != self.group[b] for a, b in pairs)
        people = {x for pair in pairs for x in pair}
        sizes = collections.Counter(self.group[x] for x in people)
        n = len(people)
        same = sum(s * (s - 1) for s in sizes.values()) / (n * (n - 1))
        return (2 * external - len(pairs)) / len(pairs), 1 - 2 * same


@pytest.fixture(scope="module")
def sample():
    return verbind.sample_programme()


@pytest.fixture(scope="module")
def reference(sample):
    return Reference(sample)


@pytest.fixture(scope="module")
def exact(sample):
    return verbind.timeline(sample, period="quarter", start=START, end=END, min_cell=1, permutations=300, seed=5)


def test_shape(exact, reference):
    assert exact.periods == [q for q, _, _ in QUARTERS]
    assert exact.areas == reference.areas + ["programme"]
    names = [m["name"] for m in verbind.timeline_metrics()]
    assert len(exact) == 4 * len(exact.areas) * len(names)
    expected_order = [(p, a, m) for p in exact.periods for a in exact.areas for m in names]
    assert [(r["period"], r["area"], r["metric"]) for r in exact] == expected_order
    assert exact.period_starts == [ps for _, ps, _ in QUARTERS]
    for r in exact:
        assert set(r) == {"period", "area", "metric", "value", "status"}
        assert (r["value"] is not None) == (r["status"] == "ok")


def test_every_metric_matches_the_reference(exact, reference):
    checked = collections.Counter()
    for r in exact:
        want = reference.values[r["period"], r["area"], r["metric"]]
        where = (r["period"], r["area"], r["metric"])
        if want is None:
            assert r["status"] == "no data", where
            continue
        assert r["status"] == "ok", where
        if r["metric"] == "expected_ei_index":
            # 300 permutations: the mean is within a few hundredths of the exact expectation.
            assert r["value"] == pytest.approx(want, abs=0.03), where
        else:
            assert r["value"] == pytest.approx(want, rel=1e-12, abs=1e-12), where
        checked[r["metric"]] += 1
    # Every metric was compared on real values, most of them non-zero.
    assert set(checked) == {m["name"] for m in verbind.timeline_metrics()}
    nonzero = {r["metric"] for r in exact if r["value"]}
    assert nonzero == set(checked)


def test_ei_index_against_networkx_graph(sample, exact, reference):
    # The programme's E-I in Q3 from a graph built by hand: the same formula, another route.
    ps, pe = QUARTERS[2][1], QUARTERS[2][2]
    value = exact.value("2022-Q3", "programme", "ei_index")
    ties = {tuple(sorted((t["a"], t["b"]))) for t in sample.ties()
            if t["a"] in reference.res and t["b"] in reference.res
            and reference.group[t["a"]] and reference.group[t["b"]]
            and (t["since"] is None or t["since"] < pe) and (t["until"] is None or t["until"] > ps)}
    e = sum(reference.group[a] != reference.group[b] for a, b in ties)
    i = len(ties) - e
    assert value == pytest.approx((e - i) / (e + i))
    # And verbind's own ei_index on a Graph of those ties.
    keys = sorted({x for pair in ties for x in pair})
    index = {k: n for n, k in enumerate(keys)}
    g = verbind.Graph.from_edges([index[a] for a, _ in ties], [index[b] for _, b in ties], n=len(keys))
    labels = {}
    codes = [labels.setdefault(reference.group[k], len(labels)) for k in keys]
    assert verbind.ei_index(g, codes) == pytest.approx(value)


def test_suppression(sample, reference):
    t = verbind.timeline(sample, period="quarter", start=START, end=END, min_cell=30, permutations=20)
    counts = {"active_residents", "newcomers", "newly_reached", "new_ties", "lost_ties", "exposure",
              "active_key_figures"}
    by_cell = collections.defaultdict(list)
    suppressed_any = 0
    for r in t:
        want = reference.values[r["period"], r["area"], r["metric"]]
        if r["status"] == "ok":
            assert r["value"] == pytest.approx(want, abs=0.05 if r["metric"] == "expected_ei_index" else 1e-12)
        if r["metric"] in counts:
            by_cell[r["period"], r["metric"]].append((r, want))
            if r["status"] == "ok":
                assert want == 0 or want >= 30
            elif r["status"] == "suppressed":
                suppressed_any += 1
        assert (r["value"] is None) == (r["status"] != "ok")
    assert suppressed_any > 0
    for (period, metric), rows in by_cell.items():
        areas = [(r, w) for r, w in rows if r["area"] != "programme"]
        hidden = [w for r, w in areas if r["status"] == "suppressed"]
        # One withheld area alone could be recovered from the total.
        assert len(hidden) != 1, (period, metric)
        for r, w in areas:
            if 0 < w < 30:
                assert r["status"] == "suppressed"
    cells = {(r["period"], r["area"], r["metric"]): r for r in t}
    for (period, area, metric), r in cells.items():
        if metric == "newly_reached" and r["status"] == "suppressed":
            assert cells[period, area, "reach_growth"]["status"] != "ok"
    # Key-figure rates rest on about ten key figures per town: withheld at 30.
    assert all(r["status"] != "ok" for r in t if r["metric"] == "events_per_key_figure" and r["area"] != "programme")


def test_to_pandas(exact):
    pd = pytest.importorskip("pandas")
    frame = exact.to_pandas()
    assert isinstance(frame, pd.DataFrame)
    assert list(frame.columns) == ["period", "area", "metric", "value", "status"]
    assert len(frame) == len(exact)
    row = frame[(frame.period == "2022-Q2") & (frame.area == "programme") & (frame.metric == "new_ties")]
    assert row.value.item() == exact.value("2022-Q2", "programme", "new_ties")
    assert frame.value.isna().sum() == sum(r["value"] is None for r in exact)


def test_metrics_listing():
    metrics = verbind.timeline_metrics()
    assert [m["name"] for m in metrics][:3] == ["active_residents", "newcomers", "newly_reached"]
    for m in metrics:
        assert set(m) == {"name", "unit", "description"} and m["description"].endswith(".")


def test_periods_by_week_month_year(sample):
    weeks = verbind.timeline(sample, period="week", start="2022-12-26", end="2023-01-09", permutations=5)
    assert weeks.periods == ["2022-W52", "2023-W01"]
    months = verbind.timeline(sample, start="2022-11-15", end="2023-01-01", by="programme", permutations=5)
    assert months.periods == ["2022-11", "2022-12"] and months.areas == ["programme"]
    years = verbind.timeline(sample, period="year", start=START, end=END, permutations=5)
    assert years.periods == ["2022"]


def test_determinism(sample):
    kw = dict(period="quarter", start=START, end=END, permutations=40)
    one = verbind.timeline(sample, threads=1, **kw)
    two = verbind.timeline(sample, threads=2, **kw)
    assert list(one) == list(two)
    seeded = verbind.timeline(sample, seed=11, threads=2, **kw)
    assert seeded == verbind.timeline(sample, seed=11, threads=1, **kw)
    differs = [a["metric"] for a, b in zip(one, seeded) if a != b]
    assert differs and set(differs) == {"expected_ei_index"}


def test_progress_and_cancel(sample):
    seen = []
    verbind.timeline(sample, period="quarter", start=START, permutations=20, progress=seen.append)
    assert seen and seen[-1] == 1.0 and seen == sorted(seen)
    with pytest.raises(verbind.CancelledError):
        verbind.timeline(sample, permutations=20, progress=lambda f: False)

    def boom(fraction):
        raise RuntimeError("stop here")

    with pytest.raises(RuntimeError, match="stop here"):
        verbind.timeline(sample, permutations=20, progress=boom)


def test_bad_arguments(sample):
    with pytest.raises(verbind.InputError, match="'period'.*fortnight"):
        verbind.timeline(sample, period="fortnight")
    with pytest.raises(verbind.InputError, match="'by'"):
        verbind.timeline(sample, by="street")
    with pytest.raises(verbind.InputError, match="min_cell"):
        verbind.timeline(sample, min_cell=0)
    with pytest.raises(TypeError, match="min_cell must be int"):
        verbind.timeline(sample, min_cell="10")
    with pytest.raises(verbind.InputError, match="permutations"):
        verbind.timeline(sample, permutations=0)
    with pytest.raises(verbind.InputError, match="start"):
        verbind.timeline(sample, start="2022-05-01", end="2022-05-01")
    with pytest.raises(verbind.InputError, match="start"):
        verbind.timeline(sample, start="2022-13-01")
    with pytest.raises(TypeError, match="period"):
        verbind.timeline(sample, period=3)
    with pytest.raises(TypeError, match="progress"):
        verbind.timeline(sample, progress=5)
    with pytest.raises(TypeError):
        verbind.timeline(sample, "month")  # keyword-only


def test_network_without_dates():
    net = verbind.Network()
    net.add_resident("a")
    net.add_resident("b")
    net.add_tie("a", "b")
    with pytest.warns(verbind.TimelineWarning, match="no dated record"):
        t = verbind.timeline(net)
    assert list(t) == [] and t.periods == [] and "no dated record" in t.note
    assert "empty" in repr(t)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        framed = verbind.timeline(net, start="2022-01-01", end="2022-03-01")
    assert framed.periods == ["2022-01", "2022-02"]
    assert {r["status"] for r in framed} == {"no data"}
    assert all(math.isnan(v) for v in framed.to_pandas().value)


def test_sensitive_events_and_groups(small):
    # conftest's small network: 'lgbti' is a sensitive group (ann, dua).
    t = verbind.timeline(small, period="year", start="2022-01-01", end="2023-01-01", min_cell=1, permutations=10)
    shown = verbind.timeline(small, period="year", start="2022-01-01", end="2023-01-01", min_cell=1,
                             permutations=10, include_sensitive=True)
    # Exposure at e3 (cem {choir}, dua {lgbti}) exists only when lgbti may be used.
    assert t.value("2022", "programme", "exposure") < shown.value("2022", "programme", "exposure")
