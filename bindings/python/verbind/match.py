"""verbind: the match capability.

Introductions across groups on shared talents, assignment (linear and
capacitated), stable buddy pairs and mixed tables. See docs/match.md.
"""

from __future__ import annotations

import html
from typing import Dict, List, NamedTuple, Optional

import numpy as np

from . import _nodump, _verbind
from ._defaults import DEFAULTS
from ._verbind import (
    Introduction,
    Table,
    blocking_pairs,
)

__all__ = [
    "linear_assignment",
    "assign",
    "Assignment",
    "stable_match",
    "StableMatching",
    "blocking_pairs",
    "introductions",
    "Introduction",
    "Introductions",
    "tables",
    "Table",
    "Tables",
]


def _short_repr(full: str, summary: str) -> str:
    return full if len(full) <= 300 else summary


class Assignment(NamedTuple):
    """The pairs chosen by :func:`linear_assignment` or :func:`assign`: a
    named tuple (rows, cols) of int64 arrays, so ``rows, cols = ...`` works as
    before; row rows[k] is matched to column cols[k]."""

    rows: np.ndarray
    cols: np.ndarray

    def to_pandas(self) -> pandas.DataFrame:
        """One row per pair: columns row and col."""
        import pandas as pd

        return pd.DataFrame({"row": self.rows, "col": self.cols})

    def __eq__(self, other):
        if not isinstance(other, tuple) or len(other) != 2:
            return NotImplemented
        return all(np.array_equal(np.asarray(a), np.asarray(b)) for a, b in zip(self, other))

    def __ne__(self, other):
        equal = self.__eq__(other)
        return equal if equal is NotImplemented else not equal

    __hash__ = None  # holds arrays

    def __repr__(self):
        return _short_repr(f"Assignment(rows={self.rows!r}, cols={self.cols!r})",
                           f"<Assignment: {len(self.rows)} pairs>")


class StableMatching(Dict[str, Optional[str]]):
    """The matching of :func:`stable_match`: a dict proposer -> reviewer
    (None when unmatched)."""

    def to_pandas(self) -> pandas.DataFrame:
        """One row per proposer: columns proposer and reviewer (None when unmatched)."""
        import pandas as pd

        return pd.DataFrame({"proposer": list(self.keys()), "reviewer": list(self.values())})

    def __repr__(self):
        matched = sum(1 for v in self.values() if v is not None)
        return _short_repr(f"StableMatching({dict.__repr__(self)})",
                           f"<StableMatching: {len(self)} proposers, {matched} matched>")


def _html_rows(title: str, summary: str, header: List[str], rows: List[List[str]], more: int) -> str:
    """A short HTML table (every text escaped): a caption, the first rows,
    and how many more there are."""
    head = "".join(f"<th style=\"text-align:left\">{html.escape(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td style=\"text-align:left\">{html.escape(c)}</td>" for c in row) + "</tr>"
                   for row in rows)
    tail = f"<p>\u2026 {more} more (to_pandas() has them all)</p>" if more else ""
    return (f"<table><caption style=\"text-align:left\"><b>{html.escape(title)}</b>: {html.escape(summary)}</caption>"
            f"<tr>{head}</tr>{body}</table>{tail}")


_SHOWN = 10  # rows a notebook shows of a long result


class Introductions(List[Introduction]):
    """The suggestions of :func:`introductions`, best first: a list of
    Introduction (indexing, len, iteration, == with a list and pickling work
    as for a list) that a notebook shows short, with to_pandas()."""

    def to_pandas(self) -> pandas.DataFrame:
        """One row per suggestion, the fields of Introduction as columns."""
        import pandas as pd

        return pd.DataFrame([tuple(x) for x in self], columns=list(Introduction._fields))

    def _summary(self) -> str:
        with_via = sum(1 for x in self if x.via)
        return f"{len(self)} suggestions, {with_via} with someone who could introduce them"

    def __repr__(self) -> str:
        summary = f"<Introductions: {self._summary()}>"
        return summary if len(self) > _SHOWN else _short_repr(list.__repr__(self), summary)

    def _repr_html_(self) -> str:
        rows = [[x.a, x.b, f"{x.score:.3g}", ", ".join(x.shared_talents), ", ".join(x.via) or "\u2013", x.via_reason]
                for x in self[:_SHOWN]]
        return _html_rows("verbind.Introductions", self._summary(),
                          ["a", "b", "score", "shared talents", "via", "why"], rows, max(0, len(self) - _SHOWN))

    def __reduce__(self):
        return (type(self), (list(self),))


class Tables(List[Table]):
    """The seating of :func:`tables`: a list of Table (indexing, len,
    iteration, == with a list and pickling work as for a list) that a
    notebook shows short, with to_pandas()."""

    def to_pandas(self) -> pandas.DataFrame:
        """One row per table, the fields of Table as columns."""
        import pandas as pd

        return pd.DataFrame([tuple(x) for x in self], columns=list(Table._fields))

    def _summary(self) -> str:
        people = sum(len(t.members) for t in self)
        alone = sum(len(t.unconnected) for t in self)
        return f"{len(self)} tables, {people} people, {alone} sharing no talent at their table"

    def __repr__(self) -> str:
        summary = f"<Tables: {self._summary()}>"
        return summary if len(self) > _SHOWN else _short_repr(list.__repr__(self), summary)

    def _repr_html_(self) -> str:
        rows = [[str(k), str(len(t.members)), str(t.groups), f"{t.group_mix:.2f}", ", ".join(t.shared_talents[:3]),
                 ", ".join(t.unconnected) or "\u2013"] for k, t in enumerate(self[:_SHOWN])]
        return _html_rows("verbind.Tables", self._summary(),
                          ["table", "members", "groups", "group mix", "shared talents", "unconnected"], rows,
                          max(0, len(self) - _SHOWN))

    def __reduce__(self):
        return (type(self), (list(self),))


introductions = _nodump.returning(_verbind.introductions, Introductions)
tables = _nodump.returning(_verbind.tables, Tables)


def linear_assignment(cost: numpy.typing.ArrayLike, *, maximize: bool = False) -> Assignment:
    rows, cols = _verbind.linear_assignment(cost, maximize=maximize)
    return Assignment(rows, cols)


_ASSIGN = DEFAULTS["AssignOptions"]  # the C++ AssignOptions' defaults


def assign(
    cost: numpy.typing.ArrayLike,
    *,
    row_capacity: int | Sequence[int] | numpy.typing.NDArray[numpy.integer] = _ASSIGN["row_capacity"],
    col_capacity: int | Sequence[int] | numpy.typing.NDArray[numpy.integer] = _ASSIGN["col_capacity"],
    maximize: bool = _ASSIGN["maximize"],
) -> Assignment:
    rows, cols = _verbind.assign(cost, row_capacity=row_capacity, col_capacity=col_capacity, maximize=maximize)
    return Assignment(rows, cols)


def stable_match(
    proposer_prefs: dict[str, Iterable[str]],
    reviewer_prefs: dict[str, Iterable[str]],
    *,
    capacities: int | dict[str, int] | None = None,
) -> StableMatching:
    return StableMatching(_verbind.stable_match(proposer_prefs, reviewer_prefs, capacities=capacities))


def _described(function, native, returns: str) -> None:
    """The C++ function's description (without its signature line), with
    what the Python function returns."""
    text = native.__doc__ or ""
    lines = text.splitlines()
    if lines and lines[0].startswith(native.__name__ + "("):
        lines = lines[1:]
    function.__doc__ = "\n".join(lines).strip() + "\n\n" + returns


_described(linear_assignment, _verbind.linear_assignment, "The result is an Assignment (rows, cols), with to_pandas().")
_described(assign, _verbind.assign, "The result is an Assignment (rows, cols), with to_pandas().")
_described(stable_match, _verbind.stable_match, "The result is a StableMatching (a dict), with to_pandas().")
