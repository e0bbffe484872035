"""How one cell of a pandas DataFrame is read (Network.from_pandas, in
verbind/_pandas.py): the CSV layout's columns, and text, lists, booleans,
numbers with a decimal comma and dates as the CSV reader reads them
(docs/data-formats.md). A wrong cell raises _RowError naming the column;
from_pandas adds the frame and the row.
"""

import datetime
import numbers
import re

from ._errors import InputError

# The CSV layout: each frame's columns, in order, and the required ones.
LAYOUT = {
    "actors": ("key", "type", "kind", "neighbourhood", "municipality", "talents", "groups", "key_figure",
               "trained_on"),
    "ties": ("a", "b", "kind", "since", "until", "weight"),
    "events": ("key", "date", "kind", "neighbourhood", "municipality", "organisers"),
    "attendance": ("event", "actor", "brought_by"),
    "sensitive_groups": ("group",),
    "sensitive_tie_kinds": ("kind",),
    "sensitive_events": ("event",),
}
REQUIRED = {
    "actors": ("key", "type"),
    "ties": ("a", "b"),
    "events": ("key", "date", "kind"),
    "attendance": ("event", "actor"),
    "sensitive_groups": ("group",),
    "sensitive_tie_kinds": ("kind",),
    "sensitive_events": ("event",),
}
_LISTS = {"talents", "groups", "organisers"}
_DATES = {"trained_on", "since", "until", "date"}
_TRUE = {"true", "1", "yes", "ja", "waar"}
_FALSE = {"false", "0", "no", "nee", "onwaar"}

_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_DASH = re.compile(r"(\d{1,2})-(\d{1,2})-(\d{4})")
_SLASH = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
_TIME = re.compile(r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?")


class _RowError(Exception):
    """A bad value: the column (layout name) and the message."""

    def __init__(self, column, message, cls=InputError):
        super().__init__(message)
        self.column = column
        self.message = message
        self.cls = cls


def _pd():
    try:
        import pandas
    except ImportError as e:  # pragma: no cover - pandas is a test dependency
        raise ImportError("Network.from_pandas/to_pandas need pandas (apt install python3-pandas)") from e
    return pandas


def _missing(value):
    """None, NaN, pd.NA and NaT mean missing."""
    if value is None:
        return True
    if isinstance(value, float):
        return value != value
    pd = _pd()
    if value is pd.NA or value is pd.NaT:
        return True
    try:
        import numpy as np

        if isinstance(value, np.floating):
            return bool(np.isnan(value))
        if isinstance(value, np.datetime64):
            return bool(np.isnat(value))
    except ImportError:  # pragma: no cover
        pass
    return False


def _text(value, column):
    """A key or label: str as is, an integer (numpy's too) as its decimal digits."""
    if isinstance(value, str):
        return value
    if isinstance(value, (bool,)) or type(value).__name__ == "bool_":
        raise _RowError(column, f"expected text, got a boolean {value!r}")
    if isinstance(value, numbers.Integral):
        return str(int(value))
    if isinstance(value, numbers.Real) and float(value).is_integer():
        # An integer column with a missing value is float in pandas: 7.0 is 7.
        return str(int(value))
    raise _RowError(column, f"expected text or an integer, got {type(value).__name__}")


def _optional_text(value, column):
    return None if _missing(value) else _text(value, column)


def _text_list(value, column):
    """A list column: a list/tuple/array of labels, or the CSV's ';'-joined text."""
    if _is_missing_scalar(value):
        return []
    if isinstance(value, str):
        return value.split(";") if value else []
    if isinstance(value, (list, tuple)) or type(value).__name__ == "ndarray":
        return [_text(item, column) for item in value]
    raise _RowError(column, f"expected a list of text or ';'-separated text, got {type(value).__name__}")


def _is_missing_scalar(value):
    if isinstance(value, (list, tuple)) or type(value).__name__ == "ndarray":
        return False
    return _missing(value)


def _bool(value, column):
    if _missing(value):
        return False
    if isinstance(value, bool) or type(value).__name__ == "bool_":
        return bool(value)
    if isinstance(value, numbers.Integral):
        if int(value) in (0, 1):
            return bool(int(value))
        raise _RowError(column, f"expected a boolean, got {int(value)}")
    if isinstance(value, str):
        word = value.strip().lower()
        if word in _TRUE:
            return True
        if word in _FALSE:
            return False
        raise _RowError(column, f"expected a boolean (true/false, 1/0, yes/no, ja/nee, waar/onwaar), got {value!r}")
    raise _RowError(column, f"expected a boolean, got {type(value).__name__}")


def _float(value, column):
    if _missing(value):
        return 1.0
    if isinstance(value, bool) or type(value).__name__ == "bool_":
        raise _RowError(column, f"expected a number, got a boolean {value!r}")
    if isinstance(value, numbers.Real):
        return float(value)
    if isinstance(value, str):
        text = value.strip()
        if "," in text and "." in text:
            raise _RowError(column, f"expected a number, got {value!r} (no thousands separators)")
        try:
            return float(text.replace(",", "."))
        except ValueError:
            raise _RowError(column, f"expected a number, got {value!r}") from None
    raise _RowError(column, f"expected a number, got {type(value).__name__}")


class _DateColumn:
    """Dates of one column: the CSV's rules, one text format per column."""

    def __init__(self, column, dayfirst):
        self.column = column
        self.dayfirst = dayfirst
        self.format = None  # (name, row label) of the first text date

    def __call__(self, value, row):
        column = self.column
        if _missing(value):
            return None
        if isinstance(value, str):
            return self._text(value, row)
        if type(value).__name__ == "datetime64":
            # Its day (a time of day is dropped, as in CSV), without pandas'
            # nanosecond range (1677-2262): verbind's dates reach 1500-9899.
            day = value.astype("datetime64[D]").item()
            if not isinstance(day, datetime.date):
                raise _RowError(column, f"date {value} is outside the supported range (1500-01-01 to 9899-12-31)")
            return day
        if isinstance(value, datetime.datetime):  # pd.Timestamp too
            if value.tzinfo is not None:
                raise _RowError(column, f"a date with a time zone ({value}) could change day when converted; "
                                        "give the local date")
            return value.date()
        if isinstance(value, datetime.date):
            return value
        raise _RowError(column, f"expected a date, got {type(value).__name__}")

    def _text(self, value, row):
        column = self.column
        text = value.strip()
        for name, pattern in (("yyyy-mm-dd", _ISO), ("d-m-yyyy", _DASH), ("d/m/yyyy", _SLASH)):
            m = pattern.match(text)
            if m and _TIME.fullmatch(text, m.end()):
                break
        else:
            raise _RowError(column, f"malformed date {value!r} (expected yyyy-mm-dd, dd-mm-yyyy or dd/mm/yyyy, "
                                    "optionally with a time of day)")
        if self.format is None:
            self.format = (name, row)
        elif self.format[0] != name:
            raise _RowError(column, f"date {value!r} is in another format ({name}) than the column's first date "
                                    f"(row {self.format[1]!r}, {self.format[0]}); one format per column")
        x, y, z = (int(g) for g in m.groups())
        if name == "yyyy-mm-dd":
            year, month, day = x, y, z
        elif self.dayfirst:
            day, month, year = x, y, z
        else:
            month, day, year = x, y, z
        try:
            return datetime.date(year, month, day)
        except ValueError as e:
            order = "day first" if self.dayfirst or name == "yyyy-mm-dd" else "month first"
            raise _RowError(column, f"malformed date {value!r} ({e}; read {order})") from None
