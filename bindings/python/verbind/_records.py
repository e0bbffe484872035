"""Lists of records that a notebook shows short: Network.actors(), ties(),
events() and attendance() return a verbind.Records, a list of dicts (a
list in every way: isinstance, indexing, len, iteration, == with a list,
pickling) whose repr and _repr_html_ are a summary and the first rows,
with to_pandas()."""

from __future__ import annotations

import html
from typing import Any, Dict, Iterable, List

from . import _nodump

_SHOWN = 10  # rows a notebook shows of a long list


class Records(List[Dict[str, Any]]):
    """A list of records (dicts), e.g. Network.ties(): a list in every way,
    shown as a summary and its first rows, with to_pandas()."""

    def __init__(self, records: Iterable[Dict[str, Any]] = (), what: str = "records") -> None:
        super().__init__(records)
        self.what = what

    def to_pandas(self) -> pandas.DataFrame:
        """One row per record, the keys as columns (in the records' order)."""
        import pandas as pd

        return pd.DataFrame.from_records(list(self))

    def _fields(self) -> List[str]:
        return list(self[0]) if self else []

    def __repr__(self) -> str:
        summary = f"<Records: {len(self)} {self.what} ({', '.join(self._fields())})>"
        if len(self) <= 3:
            full = list.__repr__(self)
            if len(full) <= 300:
                return full
        return summary

    def _repr_html_(self) -> str:
        fields = self._fields()
        head = "".join(f"<th style=\"text-align:left\">{html.escape(f)}</th>" for f in fields)
        body = "".join(
            "<tr>" + "".join(f"<td style=\"text-align:left\">{html.escape(str(r.get(f)))}</td>" for f in fields) + "</tr>"
            for r in self[:_SHOWN]
        )
        more = len(self) - _SHOWN
        tail = f"<p>\u2026 {more} more (to_pandas() has them all)</p>" if more > 0 else ""
        return (f"<table><caption style=\"text-align:left\"><b>verbind.Records</b>: {len(self)} {html.escape(self.what)}"
                f"</caption><tr>{head}</tr>{body}</table>{tail}")

    def __reduce__(self):
        return (type(self), (list(self), self.what))


Records.__module__ = "verbind"


def install(network_class) -> None:
    """Network.actors(), ties(), events() and attendance() give Records."""
    for name in ("actors", "ties", "events", "attendance"):
        native = getattr(network_class, name)
        setattr(network_class, name, _nodump.returning(native, Records, lambda r, what=name: Records(r, what)))
