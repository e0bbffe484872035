"""verbind: the coordinator's HTML report. See docs/report.md.

:func:`report` writes one self-contained HTML file (inline CSS and SVG, no
script, nothing fetched from anywhere): the network drawn by community with
key figures marked, metrics over time per municipality, the social map's
key figures, brokers and gaps, the top introductions, whom to thank and whom
to train next, in English or Dutch (``lang="nl"``).
"""

from __future__ import annotations

import os
from typing import Any, Callable, Optional, Union

from . import _progress
from ._args import whole_number
from ._defaults import DEFAULTS
from ._errors import InputError
from ._verbind import _report, _report_languages

__all__ = ["report"]

_D = DEFAULTS["ReportOptions"]  # the C++ ReportOptions' defaults

_PERIODS = ("week", "month", "quarter", "year")
LANGUAGES = tuple(_report_languages())  # ("en", "nl"), from the C++ library


def report(
    net: Network,
    path: Union[str, bytes, "os.PathLike[str]", None] = None,
    *,
    municipality: Optional[str] = _D["municipality"],
    period: str = _D["period"],
    top: int = _D["top"],
    train: int = _D["train"],
    seed: Optional[int] = _D["seed"],
    max_drawn_nodes: int = _D["max_drawn_nodes"],
    min_cell: int = _D["min_cell"],
    include_sensitive: bool = _D["include_sensitive"],
    title: Optional[str] = _D["title"],
    threads: int = _D["threads"],
    progress: Union[bool, Callable[[float], Any], None] = _D["progress"],
    lang: str = _D["lang"],
) -> Optional[str]:
    """Write the coordinator's report of ``net`` to ``path`` (atomically), or
    return it as a str when ``path`` is None.

    municipality: report on one municipality only (NotFoundError when no
    actor lives there). period: "week", "month", "quarter" or "year", for
    the charts over time. top: rows per table. train: residents in the reach
    plan. seed: drives the communities, the layout, the E-I baselines, the
    introductions and the reach plan (None: verbind's fixed default seed);
    the same seed gives the same file, whatever ``threads``.
    max_drawn_nodes: the drawing shows the largest connected part, capped at
    this many nodes. min_cell: counts of fewer people are suppressed.
    include_sensitive: show special-category groups, sensitive events and tie
    kinds (default False: they appear nowhere in the file). lang: "en"
    (English, the default) or "nl" (Dutch: every text, numbers as 1.234,5,
    dates as 5 mei 2022); InputError for any other. progress(fraction)
    is called from this thread; returning False cancels (CancelledError), and
    an exception it raises ends the report and is raised here."""
    if municipality is not None and not isinstance(municipality, str):
        raise TypeError(f"report(): municipality must be str or None, not {type(municipality).__name__}")
    if not isinstance(period, str):
        raise TypeError(f"report(): period must be str, not {type(period).__name__}")
    if period not in _PERIODS:
        raise InputError(f"report: field 'period': must be one of {', '.join(_PERIODS)}, got {period!r}")
    if not isinstance(include_sensitive, bool):
        raise TypeError(f"report(): include_sensitive must be bool, not {type(include_sensitive).__name__}")
    if title is not None and not isinstance(title, str):
        raise TypeError(f"report(): title must be str or None, not {type(title).__name__}")
    if not isinstance(lang, str):
        raise TypeError(f"report(): lang must be str, not {type(lang).__name__}")
    if lang not in LANGUAGES:
        raise InputError(f"report: field 'lang': must be one of {', '.join(LANGUAGES)}, got {lang!r}")
    _progress.check(progress, "report")
    if path is not None and not isinstance(path, (str, bytes, os.PathLike)):
        raise TypeError(f"report(): path must be a str, bytes, os.PathLike or None, not {type(path).__name__}")

    return _report(
        net,
        path,
        municipality,
        period,
        whole_number(top, "report", "top", 1),
        whole_number(train, "report", "train", 1),
        seed,
        whole_number(max_drawn_nodes, "report", "max_drawn_nodes", 1),
        whole_number(min_cell, "report", "min_cell", 1),
        include_sensitive,
        title,
        threads,
        progress,
        lang,
    )

