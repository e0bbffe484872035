"""Results where Python users live: ``to_pandas()`` on every result that is a
table, records that behave like named tuples (so ``pandas.DataFrame(records)``
works), equality field by field (so unpickled results equal the originals),
short reprs and ``_repr_html_`` summaries for notebooks.

Pickling of the C++ classes (Graph, Network, SpreadResult, Introduction,
Table, SuppressedTable, Contacts, TemporalReach) is in bindings/python/
results.cpp; the Python result classes are dataclasses or plain classes that
pickle as they are. :func:`install` adds the rest to every class; verbind's
``__init__`` calls it once. See docs/python.md, "Results in pandas, pickling,
notebooks".
"""

from __future__ import annotations

import collections.abc
import dataclasses
import html
import math
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple

import numpy as np

# --- helpers -------------------------------------------------------------------


def _pandas(what: str):
    try:
        import pandas
    except ImportError as e:  # pragma: no cover - pandas is installed in the test environment
        raise ImportError(f"{what} needs pandas; install it (Debian: apt install python3-pandas)") from e
    return pandas


def same(a: Any, b: Any) -> bool:
    """Equal as values: NaN equals NaN, NumPy arrays compare element by
    element (and by dtype kind), containers and dataclasses field by field."""
    if a is b:
        return True
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        if not (isinstance(a, np.ndarray) and isinstance(b, np.ndarray)):
            return False
        if a.shape != b.shape or a.dtype.kind != b.dtype.kind:
            return False
        if a.dtype.kind in "fcmM":
            return bool(np.array_equal(a, b, equal_nan=True))
        return bool(np.array_equal(a, b))
    if isinstance(a, float) and isinstance(b, float):
        return a == b or (math.isnan(a) and math.isnan(b))
    if dataclasses.is_dataclass(a) and not isinstance(a, type):
        if type(a) is not type(b):
            return False
        return all(same(getattr(a, f.name), getattr(b, f.name)) for f in dataclasses.fields(a))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return type(a) is type(b) and len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    return bool(a == b)


def short(text: Any, limit: int = 24) -> str:
    """repr of a str cut to about `limit` characters, so no key or kind can
    make a repr long."""
    text = str(text)
    if len(text) > limit:
        text = text[: limit - 1] + "\u2026"
    return repr(text)


def _few(items: Sequence[Any], n: int = 3) -> str:
    shown = ", ".join(short(x, 24) if isinstance(x, str) else str(x) for x in list(items[:n]))
    return shown + (", ..." if len(items) > n else "")


def html_summary(title: str, rows: Iterable[Tuple[str, Any]]) -> str:
    """A small two-column HTML table; every text is escaped."""
    body = "".join(
        f"<tr><th style=\"text-align:left\">{html.escape(str(k))}</th>"
        f"<td style=\"text-align:left\">{html.escape(str(v))}</td></tr>"
        for k, v in rows
    )
    return f"<table><caption style=\"text-align:left\"><b>{html.escape(title)}</b></caption>{body}</table>"


def _number(x: Any) -> str:
    if isinstance(x, float):
        return "NaN" if math.isnan(x) else f"{x:.4g}"
    return str(x)


# --- records: named-tuple behaviour for the C++ record classes ------------------


def _make_record(cls, fields: Tuple[str, ...]) -> None:
    """Gives a read-only C++ class the behaviour of a named tuple: _fields,
    _asdict(), iteration, len and indexing in field order. Registered as a
    collections.abc.Sequence, so pandas.DataFrame(list_of_records) takes
    the fields as columns."""

    def __iter__(self):
        return (getattr(self, f) for f in fields)

    def __len__(self):
        return len(fields)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return tuple(getattr(self, f) for f in fields[i])
        return getattr(self, fields[i])

    def _asdict(self) -> Dict[str, Any]:
        return {f: getattr(self, f) for f in fields}

    cls._fields = fields
    cls.__iter__ = __iter__
    cls.__len__ = __len__
    cls.__getitem__ = __getitem__
    cls._asdict = _asdict
    collections.abc.Sequence.register(cls)


def _records_to_pandas(records: Sequence[Any], fields: Sequence[str]) -> "pandas.DataFrame":
    pd = _pandas("to_pandas()")
    return pd.DataFrame([tuple(r) for r in records], columns=list(fields))


# --- pickling of the C++ classes ------------------------------------------------


def _restore(cls, state):
    """A new C++ object from its __getstate__ (the pickles name this)."""
    return cls._from_state(state)


def _reduce(self):
    # Every protocol goes through __getstate__ and _from_state (results.cpp):
    # protocols 0 and 1 would otherwise take copyreg's path, which cannot
    # make a pybind11 object and aborts the process.
    return (_restore, (type(self), self.__getstate__()))


def _refuse_pickle(self):
    # A class that holds no value to copy (a Store is an open database file).
    raise TypeError(f"cannot pickle 'verbind.{type(self).__name__}' object: it is not a value "
                    "(pickle what it holds instead, e.g. Store.network)")


# --- the methods, by class -----------------------------------------------------


def _network_html(self) -> str:
    return html_summary(
        "verbind.Network",
        [
            ("residents", self.num_residents),
            ("organisations", self.num_organisations),
            ("ties", self.num_ties),
            ("events", self.num_events),
            ("attendances", self.num_attendances),
            # How many groups are marked, never which: the marks are special-category data.
            ("groups marked sensitive", len(self.sensitive_groups)),
        ],
    )


def _graph_html(self) -> str:
    return html_summary(
        "verbind.Graph",
        [
            ("nodes", self.num_nodes),
            ("edges", self.num_edges),
            ("directed", self.directed),
            ("weighted", self.weighted),
            ("memory", f"{(self.memory_bytes + self.key_memory_bytes) / 1e6:.1f} MB"),
        ],
    )


def _spread_to_pandas(self) -> "pandas.DataFrame":
    """One row: mean, stderr, low, high, runs."""
    return _records_to_pandas([self], self._fields)


def _spread_html(self) -> str:
    return html_summary(
        "verbind.SpreadResult",
        [("expected reach", _number(self.mean)), ("standard error", _number(self.stderr)),
         ("95% interval", f"{_number(self.low)} \u2013 {_number(self.high)}"), ("runs", self.runs)],
    )


def _introduction_repr(self) -> str:
    return f"Introduction(a={short(self.a)}, b={short(self.b)}, score={self.score:.6g}, shared_talents={len(self.shared_talents)})"


def _introduction_to_pandas(self) -> "pandas.DataFrame":
    """One row with the fields as columns (a list of introductions:
    pandas.DataFrame(list))."""
    return _records_to_pandas([self], self._fields)


def _table_to_pandas(self) -> "pandas.DataFrame":
    """One row with the fields as columns (a list of tables: pandas.DataFrame(list))."""
    return _records_to_pandas([self], self._fields)


def _table_repr(self) -> str:
    return (f"Table(members={len(self.members)}, groups={self.groups}, "
            f"unconnected={len(self.unconnected)}, group_mix={self.group_mix:.3g})")


def _suppressed_to_pandas(self, rows: Optional[Sequence[Any]] = None, cols: Optional[Sequence[Any]] = None) -> "pandas.DataFrame":
    """The table as it may be published: counts with their totals as a
    nullable integer DataFrame, <NA> where suppressed (the suppressed counts
    themselves never leave through here). rows/cols name the rows and
    columns (default 0, 1, ...); the totals are named "total"."""
    pd = _pandas("SuppressedTable.to_pandas()")
    counts = self.counts
    n_rows, n_cols = counts.shape[0] - 1, counts.shape[1] - 1
    row_names = list(range(n_rows)) if rows is None else list(rows)
    col_names = list(range(n_cols)) if cols is None else list(cols)
    from ._errors import InputError

    if len(row_names) != n_rows:
        raise InputError(f"SuppressedTable.to_pandas: rows has {len(row_names)} names, the table has {n_rows} rows")
    if len(col_names) != n_cols:
        raise InputError(f"SuppressedTable.to_pandas: cols has {len(col_names)} names, the table has {n_cols} columns")
    published = pd.DataFrame(counts.astype("int64"), index=row_names + ["total"], columns=col_names + ["total"])
    published = published.astype("Int64").mask(self.suppressed)
    return published


def _contacts_to_pandas(self) -> "pandas.DataFrame":
    """One row per contact: time, first, second (people by label)."""
    pd = _pandas("Contacts.to_pandas()")
    labels = self.labels
    if isinstance(labels, list):
        labels = np.asarray(labels, dtype=object)
    return pd.DataFrame({"time": self.times, "first": labels[self.first], "second": labels[self.second]})


def _temporal_to_pandas(self, what: str = "people") -> "pandas.DataFrame":
    """what="people": one row per person, indexed by label ("node"), with
    reached and arrival (dates for a Network, contact times for contacts);
    what="curve": the reach curve, columns time and reached."""
    pd = _pandas("TemporalReach.to_pandas()")
    if what == "people":
        index = pd.Index(self.labels, name="node")
        return pd.DataFrame({"reached": self.reached, "arrival": self.arrival}, index=index)
    if what == "curve":
        return pd.DataFrame({"time": self.curve_times, "reached": self.curve_reached})
    from ._errors import InputError

    raise InputError(f"TemporalReach.to_pandas: what must be 'people' or 'curve', got {what!r}")


def _temporal_html(self) -> str:
    times = self.curve_times
    return html_summary(
        "verbind.TemporalReach",
        [("people", len(self.keys)), ("reached", self.count),
         ("from", times[0] if len(times) else ""), ("last arrival", times[-1] if len(times) else "")],
    )


# --- Python result classes -----------------------------------------------------


def _dataclass_eq(self, other):
    if type(other) is not type(self):
        return NotImplemented
    return same(self, other)


def _cascades_repr(self) -> str:
    return (f"<Cascades: {len(self.events)} events, {self.attendances} attendances, "
            f"{self.newcomers} newcomers, {self.generations} generations, {len(self.series)} series>")


def _cascades_to_pandas(self, what: str = "events") -> "pandas.DataFrame":
    """what="events": one row per event (its numbers, without the tree);
    "series": one row per event series; "bringers": who brought newcomers;
    "attendance": every attendee of every event (event, actor, brought_by,
    generation, newcomer); "totals": one row with the programme's totals."""
    pd = _pandas("Cascades.to_pandas()")
    if what == "events":
        fields = [f.name for f in dataclasses.fields(EventCascade) if f.name != "tree"]
        return pd.DataFrame([[getattr(e, f) for f in fields] for e in self.events], columns=fields)
    if what == "series":
        fields = [f.name for f in dataclasses.fields(SeriesCascade) if f.name != "tree"]
        return pd.DataFrame([[getattr(s, f) for f in fields] for s in self.series], columns=fields)
    if what == "bringers":
        fields = [f.name for f in dataclasses.fields(Bringer)]
        return pd.DataFrame([[getattr(b, f) for f in fields] for b in self.bringers], columns=fields)
    if what == "attendance":
        columns = ["event", "actor", "brought_by", "generation", "newcomer"]
        rows = [[e.event] + [t.get(c) for c in columns[1:]] for e in self.events for t in e.tree]
        return pd.DataFrame(rows, columns=columns)
    if what == "totals":
        fields = ["attendances", "newcomers", "newcomers_brought", "bring_along_rate", "newcomer_share", "generations"]
        return pd.DataFrame([[getattr(self, f) for f in fields]], columns=fields)
    from ._errors import InputError

    raise InputError("Cascades.to_pandas: what must be 'events', 'series', 'bringers', 'attendance' or 'totals', "
                     f"got {what!r}")


def _cascades_html(self) -> str:
    return html_summary(
        "verbind.Cascades",
        [("events", len(self.events)), ("event series", len(self.series)), ("attendances", self.attendances),
         ("newcomers", self.newcomers), ("newcomers brought along", self.newcomers_brought),
         ("bring-along rate", _number(self.bring_along_rate)), ("newcomer share", _number(self.newcomer_share)),
         ("generations", self.generations), ("people who brought someone", len(self.bringers))],
    )


def _tree_to_pandas(self) -> "pandas.DataFrame":
    """The tree: one row per person (actor, brought_by, generation, newcomer)."""
    pd = _pandas("to_pandas()")
    return pd.DataFrame.from_records(self.tree, columns=["actor", "brought_by", "generation", "newcomer"])


def _event_cascade_repr(self) -> str:
    return (f"<EventCascade {short(self.event)} {self.date} {short(self.kind)}: {self.attendees} attendees, "
            f"{self.newcomers} newcomers, {self.generations} generations>")


def _series_cascade_repr(self) -> str:
    where = short(self.municipality) if self.municipality is not None else "no municipality"
    return (f"<SeriesCascade {short(self.kind)} in {where}: {len(self.events)} events, "
            f"{self.people} people, {self.generations} generations>")


def _bringer_repr(self) -> str:
    return f"Bringer(actor={short(self.actor)}, newcomers_brought={self.newcomers_brought}, brought={self.brought})"


def _influence_repr(self) -> str:
    labels = list(self.seed_labels) if self.seed_labels is not None else list(self.seeds)
    return (f"<InfluenceResult: {len(labels)} seeds ({_few(labels)}), spread >= {_number(self.spread_lower_bound)}, "
            f"approximation {_number(self.approximation)}>")


def _influence_to_pandas(self, what: str = "seeds") -> "pandas.DataFrame":
    """what="seeds": one row per seed in selection order (rank 1, 2, ...):
    seed (its label) and position; "group_reach": one row per group with
    the estimated fraction reached (the group-fair variant)."""
    pd = _pandas("InfluenceResult.to_pandas()")
    if what == "seeds":
        labels = list(self.seed_labels) if self.seed_labels is not None else list(self.seeds)
        return pd.DataFrame({"rank": np.arange(1, len(self.seeds) + 1), "seed": labels,
                             "position": np.asarray(self.seeds, dtype=np.int64)})
    if what == "group_reach":
        reach = self.group_reach or {}
        return pd.DataFrame({"group": list(reach.keys()), "reached": list(reach.values())})
    from ._errors import InputError

    raise InputError(f"InfluenceResult.to_pandas: what must be 'seeds' or 'group_reach', got {what!r}")


def _influence_html(self) -> str:
    labels = list(self.seed_labels) if self.seed_labels is not None else list(self.seeds)
    return html_summary(
        "verbind.InfluenceResult",
        [("seeds", len(labels)), ("first seeds", _few(labels, 5)),
         ("expected reach at least", _number(self.spread_lower_bound)),
         ("beyond the fixed seeds", _number(self.extra_spread_lower_bound)),
         ("approximation", _number(self.approximation)), ("RR sets", self.rr_sets)],
    )


def _socialmap_to_pandas(self, section: Optional[str] = None) -> "pandas.DataFrame | dict[str, pandas.DataFrame]":
    """section (one of SocialMap.SECTIONS): that part as a DataFrame, one row
    per entry. None: a dict section -> DataFrame of every part."""
    pd = _pandas("SocialMap.to_pandas()")
    if section is None:
        return {name: _socialmap_to_pandas(self, name) for name in self.SECTIONS}
    if section not in self.SECTIONS:
        from ._errors import InputError

        raise InputError(f"SocialMap.to_pandas: section must be one of {', '.join(self.SECTIONS)}, got {section!r}")
    return pd.DataFrame.from_records(self._data[section])


def _socialmap_eq(self, other):
    if type(other) is not type(self):
        return NotImplemented
    return same(vars(self), vars(other))


def _socialmap_html(self) -> str:
    rows = [("people", self.people), ("ties", self.ties), ("modularity", _number(self.modularity))]
    rows += [(name.replace("_", " "), f"{len(self._data[name])} shown") for name in self.SECTIONS]
    return html_summary("verbind.SocialMap", rows)


def _timeline_eq(self, other):
    # The records, and every attribute (periods, areas, note, period_starts,
    # and any added later).
    if type(other) is not type(self):
        return NotImplemented
    return same(list(self), list(other)) and same(vars(self), vars(other))


def _timeline_html(self) -> str:
    metrics = sorted({r["metric"] for r in self})
    span = f"{self.periods[0]} \u2013 {self.periods[-1]}" if self.periods else ""
    rows = [("records", len(self)), ("periods", len(self.periods)), ("span", span),
            ("areas", len(self.areas)), ("metrics", len(metrics)),
            ("withheld", sum(1 for r in self if r["status"] != "ok"))]
    if self.note:
        rows.append(("note", self.note))
    return html_summary("verbind.Timeline", rows)


def _ne(self, other):
    equal = self.__eq__(other)
    return equal if equal is NotImplemented else not equal


# Set by install(); the Python result classes (reach.py).
EventCascade = SeriesCascade = Bringer = None


def install() -> None:
    """Adds the methods above to verbind's classes (once, from __init__)."""
    global EventCascade, SeriesCascade, Bringer
    from . import _verbind, evaluate, reach, socialmap

    EventCascade, SeriesCascade, Bringer = reach.EventCascade, reach.SeriesCascade, reach.Bringer

    for cls in vars(_verbind).values():
        if isinstance(cls, type) and not issubclass(cls, BaseException):
            cls.__reduce__ = _reduce if "__getstate__" in vars(cls) else _refuse_pickle

    _verbind.Network._repr_html_ = _network_html
    _verbind.Graph._repr_html_ = _graph_html

    spread = _verbind.SpreadResult
    _make_record(spread, ("mean", "stderr", "low", "high", "runs"))
    spread.to_pandas = _spread_to_pandas
    spread._repr_html_ = _spread_html

    intro = _verbind.Introduction
    _make_record(intro, ("a", "b", "score", "shared_talents", "bridges", "via", "via_kinds", "via_reason"))
    intro.__repr__ = _introduction_repr
    intro.to_pandas = _introduction_to_pandas

    table = _verbind.Table
    _make_record(table, ("members", "shared_talents", "unconnected", "groups", "group_mix"))
    table.__repr__ = _table_repr
    table.to_pandas = _table_to_pandas

    _verbind.SuppressedTable.to_pandas = _suppressed_to_pandas
    _verbind.Contacts.to_pandas = _contacts_to_pandas
    _verbind.TemporalReach.to_pandas = _temporal_to_pandas
    _verbind.TemporalReach._repr_html_ = _temporal_html

    for cls in (reach.Cascades, reach.EventCascade, reach.SeriesCascade, reach.Bringer, reach.InfluenceResult):
        cls.__eq__ = _dataclass_eq
        cls.__ne__ = _ne
        cls.__hash__ = None  # they hold lists and arrays
    reach.Cascades.__repr__ = _cascades_repr
    reach.Cascades.to_pandas = _cascades_to_pandas
    reach.Cascades._repr_html_ = _cascades_html
    reach.EventCascade.__repr__ = _event_cascade_repr
    reach.EventCascade.to_pandas = _tree_to_pandas
    reach.SeriesCascade.__repr__ = _series_cascade_repr
    reach.SeriesCascade.to_pandas = _tree_to_pandas
    reach.Bringer.__repr__ = _bringer_repr
    reach.InfluenceResult.__repr__ = _influence_repr
    reach.InfluenceResult.to_pandas = _influence_to_pandas
    reach.InfluenceResult._repr_html_ = _influence_html

    sm = socialmap.SocialMap
    sm.to_pandas = _socialmap_to_pandas
    sm.__eq__ = _socialmap_eq
    sm.__ne__ = _ne
    sm.__hash__ = None
    sm._repr_html_ = _socialmap_html

    tl = evaluate.Timeline
    tl.__eq__ = _timeline_eq
    tl.__ne__ = _ne
    tl._repr_html_ = _timeline_html
