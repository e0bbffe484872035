"""verbind: the match capability.

Introductions across groups on shared talents, assignment (linear and
capacitated), stable buddy pairs and mixed tables. See docs/match.md.
"""

from __future__ import annotations

from typing import Dict, NamedTuple, Optional

import numpy as np

from . import _verbind
from ._verbind import (
    Introduction,
    Table,
    blocking_pairs,
    introductions,
    tables,
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
    "tables",
    "Table",
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


def linear_assignment(cost: numpy.typing.ArrayLike, *, maximize: bool = False) -> Assignment:
    rows, cols = _verbind.linear_assignment(cost, maximize=maximize)
    return Assignment(rows, cols)


def assign(
    cost: numpy.typing.ArrayLike,
    *,
    row_capacity: int | Sequence[int] | numpy.typing.NDArray[numpy.integer] = 1,
    col_capacity: int | Sequence[int] | numpy.typing.NDArray[numpy.integer] = 1,
    maximize: bool = False,
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
