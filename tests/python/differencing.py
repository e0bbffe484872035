"""A differencing attacker for verbind's published aggregates (issue 11).

It collects every published relation of a timeline (and of a social map) as
linear equations over the unknown counts behind them, as an attacker sees
them: the records with their status and the metric definitions of
docs/evaluate.md and docs/socialmap.md. It then solves them exactly (Python
fractions, Gaussian elimination) and names every suppressed value that the
equations determine. Independent of the library's own check (C++, 64-bit
rationals): nothing here calls into verbind's suppression.
"""
from collections import defaultdict
from fractions import Fraction

# --- an exact affine solver ------------------------------------------------


class Solver:
    """Equations sum(coef * var) = rhs over hashable variables."""

    def __init__(self):
        self.equations = []  # (dict var -> Fraction, Fraction)

    def add(self, terms, rhs=0):
        row = defaultdict(Fraction)
        for var, coef in terms:
            row[var] += Fraction(coef)
        row = {v: c for v, c in row.items() if c != 0}
        self.equations.append((row, Fraction(rhs)))

    def fix(self, var, value):
        self.add([(var, 1)], value)

    def solve(self):
        """Each variable as an affine function of the free ones:
        {var: (constant, {free var: coefficient})}; raises on an
        inconsistent system (the published values contradict each other)."""
        parent = {}

        def find(x):
            parent.setdefault(x, x)
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        for row, _ in self.equations:
            vs = list(row)
            for v in vs:
                find(v)
            for v in vs[1:]:
                parent[find(v)] = find(vs[0])
        groups = defaultdict(list)
        for i, (row, _) in enumerate(self.equations):
            if row:
                groups[find(next(iter(row)))].append(i)
            elif self.equations[i][1] != 0:
                raise AssertionError("inconsistent published values")
        result = {}
        for idx in groups.values():
            result.update(self._solve_block([self.equations[i] for i in idx]))
        return result

    @staticmethod
    def _solve_block(eqs):
        pivots = {}  # pivot var -> (row dict without pivot normalised, rhs)
        order = []
        for row, rhs in eqs:
            row = dict(row)
            # reduce by existing pivots (kept fully reduced)
            for v in [v for v in row if v in pivots]:
                if v not in row:
                    continue
                f = row.pop(v)
                prow, prhs = pivots[v]
                for w, c in prow.items():
                    nc = row.get(w, 0) - f * c
                    if nc == 0:
                        row.pop(w, None)
                    else:
                        row[w] = nc
                rhs -= f * prhs
            if not row:
                if rhs != 0:
                    raise AssertionError("inconsistent published values")
                continue
            p = min(row, key=repr)
            f = row.pop(p)
            row = {w: c / f for w, c in row.items()}
            rhs = rhs / f
            # eliminate p from the other pivot rows
            for q in order:
                qrow, qrhs = pivots[q]
                if p in qrow:
                    g = qrow.pop(p)
                    for w, c in row.items():
                        nc = qrow.get(w, 0) - g * c
                        if nc == 0:
                            qrow.pop(w, None)
                        else:
                            qrow[w] = nc
                    pivots[q] = (qrow, qrhs - g * rhs)
            pivots[p] = (row, rhs)
            order.append(p)
        out = {}
        for p, (row, rhs) in pivots.items():
            # p + sum(c w) = rhs  ->  p = rhs - sum(c w)
            out[p] = (rhs, {w: -c for w, c in row.items()})
        free = set()
        for _, (row, _) in pivots.items():
            free.update(row)
        for row, _ in eqs:
            free.update(v for v in row if v not in pivots)
        for v in free:
            out[v] = (Fraction(0), {v: Fraction(1)})
        return out


def value_of(solution, var):
    """The exact value of var when the equations determine it, else None."""
    if var not in solution:
        return None
    const, coefs = solution[var]
    return const if not coefs else None


def ratio_of(solution, num, den):
    """num/den when the equations fix the ratio (both determined, or num a
    fixed multiple of den), else None."""
    if num not in solution or den not in solution:
        return None
    (cn, fn), (cd, fd) = solution[num], solution[den]
    if not fn and not fd:
        return cn / cd if cd != 0 else None
    keys = set(fn) | set(fd)
    u = [cn] + [fn.get(k, 0) for k in sorted(keys, key=repr)]
    w = [cd] + [fd.get(k, 0) for k in sorted(keys, key=repr)]
    lead = next((i for i, x in enumerate(w) if x != 0), None)
    if lead is None:
        return None
    lam = Fraction(u[lead]) / w[lead]
    if all(Fraction(a) == lam * b for a, b in zip(u, w)):
        return lam
    return None


def exact(value):
    """The exact fraction behind a published double (dens stay far below 1e6)."""
    return Fraction(value).limit_denominator(10**7)


# --- the timeline as equations ---------------------------------------------

COUNTS = ["active_residents", "newcomers", "newly_reached", "new_ties", "lost_ties", "exposure",
          "active_key_figures"]
PAIR_COUNTS = {"new_ties", "lost_ties", "exposure"}
# share metric -> (numerator family, denominator family)
SHARES = {
    "reach_growth": ("newly_reached", "reached_before"),
    "bridging_share": ("bridging_num", "bridging_den"),
    "friending": ("friending_num", "friending_den"),
    "retention": ("retention_num", "retention_den"),
    "bring_along_rate": ("brought_num", "brought_den"),
    "events_per_key_figure": ("organised_num", "active_key_figures"),
    "brought_per_key_figure": ("brought_kf_num", "active_key_figures"),
}
# the count whose "no data" means the same as the share's (docs/evaluate.md)
COMPANION = {
    "reach_growth": "newly_reached",
    "bridging_share": "new_ties",
    "friending": "exposure",
    "retention": "newcomers",
    "bring_along_rate": "newcomers",
    "events_per_key_figure": "active_key_figures",
    "brought_per_key_figure": "newcomers",
}
# families counted per person (or attendance, organiser) in one home area:
# the programme is exactly the sum of the areas.
PEOPLE_FAMILIES = {"active_residents", "newcomers", "newly_reached", "active_key_figures", "reached_before",
                   "retention_num", "retention_den", "brought_num", "brought_den", "organised_num",
                   "brought_kf_num"}


def timeline_equations(t, pair_offsets=None):
    """Equations an attacker gets from a published timeline `t` (a
    verbind.Timeline). pair_offsets: {(metric, period): programme - sum of
    areas} for the pair counts, side knowledge granted to the attacker (the
    number of pairs across areas); without it those sums are not used."""
    s = Solver()
    no_data_shares = []
    periods = list(t.periods)
    areas = list(t.areas)
    parts = [a for a in areas if a != "programme"]
    for r in t:
        key = (r["period"], r["area"])
        m = r["metric"]
        if m in COUNTS:
            if r["status"] == "ok":
                s.fix((m,) + key, exact(r["value"]))
            elif r["status"] == "no data":
                s.fix((m,) + key, 0)  # nothing of the kind happened
        elif m in SHARES:
            num, den = SHARES[m]
            if r["status"] == "ok":
                s.add([((num,) + key, 1), ((den,) + key, -exact(r["value"]))])
            elif r["status"] == "no data":
                no_data_shares.append(r)
    # A share that is "no data" while its period has data for the same kind
    # of record (its companion count is not "no data") has nothing to divide
    # by: its denominator is 0.
    status = {(r["period"], r["area"], r["metric"]): r["status"] for r in t}
    for r in no_data_shares:
        m = r["metric"]
        if m == "retention" and r["period"] == periods[-1]:
            continue
        if status.get((r["period"], r["area"], COMPANION[m])) != "no data":
            s.fix((SHARES[m][1], r["period"], r["area"]), 0)
    # reach growth's baseline, by definition: reached before P+1 is reached
    # before P plus newly reached in P.
    for a in areas:
        for p, q in zip(periods, periods[1:]):
            s.add([(("reached_before", q, a), 1), (("reached_before", p, a), -1), (("newly_reached", p, a), -1)])
    if parts:
        families = set(COUNTS) | {f for pair in SHARES.values() for f in pair}
        for fam in families:
            for p in periods:
                terms = [((fam, p, "programme"), 1)] + [((fam, p, a), -1) for a in parts]
                if fam in PEOPLE_FAMILIES:
                    s.add(terms, 0)
                elif fam in PAIR_COUNTS and pair_offsets is not None and (fam, p) in pair_offsets:
                    s.add(terms, pair_offsets[(fam, p)])
    return s


def recovered_from_timeline(t, pair_offsets=None):
    """[(record, recovered value)] for every suppressed record whose value
    the published equations determine."""
    solution = timeline_equations(t, pair_offsets).solve()
    out = []
    for r in t:
        if r["status"] != "suppressed":
            continue
        key = (r["period"], r["area"])
        m = r["metric"]
        if m in COUNTS:
            v = value_of(solution, (m,) + key)
        elif m in SHARES:
            num, den = SHARES[m]
            v = ratio_of(solution, (num,) + key, (den,) + key)
        else:
            continue  # E-I: a ratio of tie counts published nowhere else
        if v is not None:
            out.append((r, v))
    return out


def pair_offsets_of(truth):
    """Side knowledge from an unsuppressed timeline (min_cell=1): for the pair
    counts, programme minus the sum of the areas, per period."""
    by = defaultdict(dict)
    for r in truth:
        if r["metric"] in PAIR_COUNTS and r["status"] == "ok":
            by[(r["metric"], r["period"])][r["area"]] = Fraction(r["value"])
    out = {}
    for key, values in by.items():
        if "programme" in values and len(values) == len(truth.areas):
            out[key] = values["programme"] - sum(v for a, v in values.items() if a != "programme")
    return out


# --- the social map as equations -------------------------------------------


def social_map_equations(m, one_group_each=False, everyone_placed=False):
    """Equations from a social map's dict (SocialMap.to_dict()). Unknowns:
    ("cell", community, group), ("rest", group) for the communities not
    listed, ("place", name). Side knowledge, granted when true of the data:
    one_group_each (every person on the map has exactly one declared group,
    so a community's size is the sum of its group counts and everyone is in
    some group), everyone_placed (everyone has a neighbourhood, so the
    places add up to the people on the map)."""
    s = Solver()
    groups = set()
    for c in m["communities"]:
        groups.update(g["group"] for g in c["groups"])
    for gap in m["gaps"]:
        if gap["kind"] == "group":
            groups.add(gap["name"])
    for c in m["communities"]:
        listed = {g["group"]: g for g in c["groups"]}
        for g in groups:
            var = ("cell", c["id"], g)
            if g not in listed:
                s.fix(var, 0)  # absent: a published zero
            elif not listed[g]["suppressed"]:
                s.fix(var, listed[g]["people"])
        if one_group_each:
            s.add([(("cell", c["id"], g), 1) for g in groups], c["size"])
    listed_ids = [c["id"] for c in m["communities"]]
    for gap in m["gaps"]:
        if gap["kind"] == "group":
            g = gap["name"]
            terms = [(("cell", i, g), 1) for i in listed_ids] + [(("rest", g), 1)]
            if not gap["suppressed"]:
                s.add(terms, gap["people"])
            s.add([(("total", g), 1)] + [(v, -c) for v, c in terms], 0)
        elif gap["kind"] == "neighbourhood":
            if not gap["suppressed"]:
                s.fix(("place", gap["name"]), gap["people"])
    if one_group_each:
        s.add([(("cell", i, g), 1) for i in listed_ids for g in groups] + [(("rest", g), 1) for g in groups],
              m["people"])
    if everyone_placed:
        names = [gap["name"] for gap in m["gaps"] if gap["kind"] == "neighbourhood"]
        s.add([(("place", x), 1) for x in names], m["people"])
    return s


def recovered_from_social_map(m, **knowledge):
    solution = social_map_equations(m, **knowledge).solve()
    out = []
    for c in m["communities"]:
        for g in c["groups"]:
            if g["suppressed"]:
                v = value_of(solution, ("cell", c["id"], g["group"]))
                if v is not None:
                    out.append((("community", c["id"], g["group"]), v))
    for gap in m["gaps"]:
        if gap["suppressed"]:
            var = ("total", gap["name"]) if gap["kind"] == "group" else ("place", gap["name"])
            v = value_of(solution, var)
            if v is not None:
                out.append((("gap", gap["kind"], gap["name"]), v))
    return out
