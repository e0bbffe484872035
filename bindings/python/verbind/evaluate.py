"""verbind: evaluation over time (metrics per period and area). See docs/evaluate.md.

:func:`timeline` answers "what changed, where, and for whom" as tidy records,
one per period x area x metric, with small counts suppressed.
"""

from __future__ import annotations

import datetime
import re
import warnings
from typing import Any, Callable, Dict, Iterable, List, Optional, Union

from . import _progress
from ._args import whole_number
from ._defaults import DEFAULTS
from ._verbind import _timeline, _timeline_metrics

__all__ = ["timeline", "timeline_metrics", "Timeline", "TimelineWarning"]

_D = DEFAULTS["TimelineOptions"]  # the C++ TimelineOptions' defaults


class TimelineWarning(UserWarning):
    """Issued when a timeline comes back empty (nothing dated to place)."""


class Timeline(list):
    """The records of :func:`timeline`: a list of dicts with keys ``period``,
    ``area``, ``metric``, ``value`` (None unless ``status`` is "ok") and
    ``status`` ("ok", "suppressed" or "no data").

    ``periods`` lists the period labels in order, ``period_starts`` their
    first days (datetime.date), ``areas`` the areas (sorted, then
    "programme", the whole), ``note`` why the timeline is empty ("" when it
    is not)."""

    def __init__(
        self,
        records: Iterable[Dict[str, Any]] = (),
        *,
        periods: Iterable[str] = (),
        areas: Iterable[str] = (),
        note: str = "",
        period_starts: Iterable[datetime.date] = (),
    ) -> None:
        super().__init__(records)
        self.periods: List[str] = list(periods)
        self.areas: List[str] = list(areas)
        self.note: str = note
        self.period_starts: List[datetime.date] = list(period_starts)

    def to_pandas(self) -> pandas.DataFrame:
        """The records as a pandas DataFrame (columns period, area, metric,
        value, status; value is NaN where withheld). Needs pandas.

        ``period`` is a pandas Period column whose periods start and end on
        the same days as verbind's: ISO weeks (Monday to Sunday) are
        frequency 'W-SUN', months 'M', quarters 'Q-DEC', years 'A-DEC'; so
        ``frame.plot(x="period", ...)`` gets a time axis. (An empty timeline
        has no periods: its period column is empty.)"""
        try:
            import pandas as pd
        except ImportError as e:  # pragma: no cover - pandas is installed in the test environment
            raise ImportError("Timeline.to_pandas() needs pandas; install it (Debian: apt install python3-pandas)") from e
        frame = pd.DataFrame.from_records(list(self), columns=["period", "area", "metric", "value", "status"])
        frame["value"] = frame["value"].astype(float)
        frequency = _period_frequency(self.periods)
        if frequency is not None and len(self.period_starts) == len(self.periods):
            periods = pd.PeriodIndex([pd.Period(start, freq=frequency) for start in self.period_starts])
            codes = pd.Categorical(frame["period"], categories=self.periods).codes
            if (codes < 0).any():
                missing = frame["period"][codes < 0].iloc[0]
                raise KeyError(f"Timeline.to_pandas: record field 'period': {missing!r} is not in periods")
            frame["period"] = pd.Series(periods.take(codes), index=frame.index)
        return frame

    def value(self, period: str, area: str, metric: str) -> Optional[float]:
        """The value of one cell (None when withheld); KeyError if there is no such cell."""
        for r in self:
            if r["period"] == period and r["area"] == area and r["metric"] == metric:
                return r["value"]
        raise KeyError(f"timeline has no cell ({period!r}, {area!r}, {metric!r})")

    def __repr__(self) -> str:
        if not self:
            return f"<Timeline: empty; {self.note}>" if self.note else "<Timeline: empty>"
        return f"<Timeline: {len(self)} records, {len(self.periods)} periods, {len(self.areas)} areas>"


# verbind's period labels (include/verbind/evaluate/timeline.hpp) and the
# pandas frequency whose periods have the same first and last days.
_PERIOD_FREQUENCIES = (
    (re.compile(r"\d{4}-W\d{2}"), "W-SUN"),  # ISO week: Monday to Sunday
    (re.compile(r"\d{4}-\d{2}"), "M"),
    (re.compile(r"\d{4}-Q[1-4]"), "Q-DEC"),
    (re.compile(r"\d{4}"), "A-DEC"),
)


def _period_frequency(labels: List[str]) -> Optional[str]:
    """The pandas frequency of a timeline's period labels (None when there
    are none, or they are of no one kind)."""
    for pattern, frequency in _PERIOD_FREQUENCIES:
        if labels and all(pattern.fullmatch(label) for label in labels):
            return frequency
    return None


def timeline(
    net: Network,
    *,
    period: str = _D["period"],
    by: str = _D["by"],
    start: datetime.date | numpy.datetime64 | str | None = _D["start"],
    end: datetime.date | numpy.datetime64 | str | None = _D["end"],
    min_cell: int = _D["min_cell"],
    include_sensitive: bool = _D["include_sensitive"],
    permutations: int = _D["permutations"],
    seed: Optional[int] = _D["seed"],
    threads: int = _D["threads"],
    progress: Union[bool, Callable[[float], Any], None] = _D["progress"],
    groups: Optional[Iterable[str]] = _D["groups"],
    friending_days: int = _D["friending_days"],
) -> Timeline:
    """Metrics per period and area as tidy records (see docs/evaluate.md).

    period: "week" (ISO weeks, "2022-W05"), "month" ("2022-05"), "quarter"
    ("2022-Q2") or "year". by: "municipality", "neighbourhood" or
    "programme". start/end (date or "YYYY-MM-DD", end exclusive) default to
    the span of the dated records. Counts of people below min_cell are
    suppressed (with complementary suppression across the period's areas);
    shares and indices from fewer than min_cell people are too. groups
    restricts which declared groups define "group"; friending_days is the
    window after a first co-attendance. permutations and seed drive the E-I
    baseline; the result is the same for any threads. progress(fraction) is
    called from this thread; returning False cancels (CancelledError).

    A network with nothing dated gives an empty Timeline whose ``note`` says
    why, and a TimelineWarning."""
    if not isinstance(include_sensitive, bool):
        raise TypeError(f"timeline(): include_sensitive must be bool, not {type(include_sensitive).__name__}")
    _progress.check(progress, "timeline")
    records, periods, areas, note, starts = _timeline(
        net,
        period,
        by,
        start,
        end,
        whole_number(min_cell, "timeline", "min_cell", 1),
        include_sensitive,
        whole_number(permutations, "timeline", "permutations", 1),
        seed,
        threads,
        progress,
        groups,
        whole_number(friending_days, "timeline", "friending_days", 1),
    )
    result = Timeline(records, periods=periods, areas=areas, note=note, period_starts=starts)
    if note:
        warnings.warn(f"timeline is empty: {note}", TimelineWarning, stacklevel=2)
    return result


def timeline_metrics() -> List[Dict[str, str]]:
    """The metrics :func:`timeline` computes, in record order: dicts with
    ``name``, ``unit`` and ``description``."""
    return _timeline_metrics()
