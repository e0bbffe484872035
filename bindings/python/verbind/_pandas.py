"""pandas in and out: Network.from_pandas and Network.to_pandas.

A DataFrame read from a municipality's Excel sheet behaves like the CSV of
it (docs/data-formats.md): the same column names, the same booleans, dates
and decimal commas, the same ``columns=`` renames, extra columns ignored with
a :class:`verbind.CsvWarning`. The import builds a new Network, so an error
leaves nothing half-imported; it names the frame, the row's index label and
the column. See docs/python.md, "pandas".
"""

import re
import warnings

from ._errors import CsvWarning, Error, InputError
from ._pandas_cells import (  # noqa: F401 (LAYOUT: verbind._interop reads it here)
    LAYOUT,
    REQUIRED,
    _bool,
    _DateColumn,
    _float,
    _missing,
    _optional_text,
    _pd,
    _RowError,
    _text,
    _text_list,
)


# --- columns= ------------------------------------------------------------------

def _renames(frames, columns):
    """{frame: {own column: layout column}} by the CSV's columns= rules."""
    result = {name: {} for name in frames}
    if columns is None:
        return result, []
    if not isinstance(columns, dict):
        raise TypeError(f"from_pandas(): columns must be a dict, not {type(columns).__name__}")
    plain, per_frame = {}, {}
    for key, value in columns.items():
        if not isinstance(key, str):
            raise TypeError(f"from_pandas(): columns keys must be str, not {type(key).__name__}")
        if isinstance(value, dict):
            frame = key[:-4] if key.endswith(".csv") else key
            if frame not in LAYOUT:
                raise InputError(f"from_pandas: columns: there is no frame {key!r} (frames: {', '.join(LAYOUT)})")
            for own, target in value.items():
                if not isinstance(own, str) or not isinstance(target, str):
                    raise TypeError("from_pandas(): columns renames must be str: str")
                if target not in LAYOUT[frame]:
                    raise InputError(f"from_pandas: columns: frame {frame!r} has no column {target!r} "
                                     f"(its columns: {', '.join(LAYOUT[frame])})")
                if own in per_frame.setdefault(frame, {}):
                    raise InputError(f"from_pandas: columns: {own!r} is renamed twice in frame {frame!r}")
                per_frame[frame][own] = target
        elif isinstance(value, str):
            if not any(value in cols for cols in LAYOUT.values()):
                raise InputError(f"from_pandas: columns: no frame has a column {value!r}")
            plain[key] = value
        else:
            raise TypeError("from_pandas(): columns values must be str (a column of the layout) or dict "
                            f"(renames in one frame), not {type(value).__name__}")
    unused = []
    for own, target in plain.items():
        used = False
        for name, frame in frames.items():
            if target in LAYOUT[name] and own in frame.columns:
                result[name][own] = target
                used = True
        if not used:
            unused.append(own)
    for name, renames in per_frame.items():
        if name in result:
            result[name].update(renames)
    return result, unused


# --- from_pandas ---------------------------------------------------------------

def _label(index):
    return repr(index.item() if hasattr(index, "item") else index)


def _fail(frame, row, own_names, error):
    """Raises error (a _RowError or verbind.Error) named by frame, row label and column."""
    if isinstance(error, _RowError):
        column, message, cls = error.column, error.message, error.cls
    else:
        message, cls = str(error), type(error)
        m = re.search(r"field '(\w+)'", message)
        column = m.group(1) if m else None
        if column is None and "already exists" in message and "key" in own_names:
            column = "key"
        if column is None and "already recorded" in message and "actor" in own_names:
            column = "actor"  # the same actor twice at one event
    where = f"frame {frame!r}, row {_label(row)}"
    if column is not None:
        own = own_names.get(column, column)
        where += f", column {own!r}" + (f" ({column})" if own != column else "")
    raise cls(f"{where}: {message}") from None


def _prepare(name, frame, renames):
    """The frame with layout column names, and {layout name: own name}; checks columns."""
    pd = _pd()
    if isinstance(frame, pd.Series) and len(LAYOUT[name]) == 1:
        frame = frame.to_frame(LAYOUT[name][0] if frame.name is None else frame.name)
    elif not isinstance(frame, pd.DataFrame):
        if name.startswith("sensitive_") and not isinstance(frame, (str, bytes)):
            frame = pd.DataFrame({LAYOUT[name][0]: list(frame)})
        else:
            raise TypeError(f"from_pandas(): {name} must be a pandas DataFrame, not {type(frame).__name__}")
    own_names = {}
    mapping = {}
    seen = set()
    for col in frame.columns:
        target = renames.get(col, col)
        if target in seen:
            raise InputError(f"frame {name!r}: column {target!r} appears twice (after renames)")
        seen.add(target)
        mapping[col] = target
        own_names[target] = col
    for col in REQUIRED[name]:
        if col not in seen:
            close = [c for c in frame.columns if isinstance(c, str) and c.lower() == col.lower()]
            hint = f" (the frame has {close[0]!r}: names are case-sensitive)" if close else ""
            raise InputError(f"frame {name!r}: missing column {col!r}{hint}")
    extra = [col for col, target in mapping.items() if target not in LAYOUT[name]]
    if extra:
        warnings.warn(f"frame {name!r}: column{'s' if len(extra) > 1 else ''} "
                      f"{', '.join(repr(str(c)) for c in extra)} not part of the layout and ignored",
                      CsvWarning, stacklevel=4)
    frame = frame.rename(columns=mapping)
    return frame, own_names


def _column(frame, name):
    """The values of a column as a list (None when the frame does not have it)."""
    if name not in frame.columns:
        return [None] * len(frame)
    return frame[name].tolist()


def _rows(name, frame, own_names, convert):
    """Each row's converted values, with errors named by frame, row and column."""
    cols = {col: _column(frame, col) for col in LAYOUT[name]}
    for i, row in enumerate(frame.index):
        try:
            yield row, {col: convert[col](cols[col][i], row) for col in LAYOUT[name]}
        except _RowError as e:
            _fail(name, row, own_names, e)


def _converters(dayfirst):
    def text(col):
        return lambda v, row: _text(v, col) if not _missing(v) else _required_missing(col)

    def opt(col):
        return lambda v, row: _optional_text(v, col)

    def lst(col):
        return lambda v, row: _text_list(v, col)

    def date(col):
        return _DateColumn(col, dayfirst)

    def boolean(col):
        return lambda v, row: _bool(v, col)

    return text, opt, lst, date, boolean


def _required_missing(col):
    raise _RowError(col, "is empty (a required column)")


def _import_actors(net, frame, own_names, dayfirst):
    text, opt, lst, date, boolean = _converters(dayfirst)
    convert = {"key": text("key"), "type": text("type"), "kind": opt("kind"), "neighbourhood": opt("neighbourhood"),
               "municipality": opt("municipality"), "talents": lst("talents"), "groups": lst("groups"),
               "key_figure": boolean("key_figure"), "trained_on": date("trained_on")}
    for row, r in _rows("actors", frame, own_names, convert):
        try:
            if r["type"] == "resident":
                if r["kind"] is not None:
                    raise _RowError("kind", f"resident {r['key']!r}: a kind is for organisations, not residents")
                net.add_resident(r["key"], neighbourhood=r["neighbourhood"], municipality=r["municipality"],
                                 talents=r["talents"], groups=r["groups"], key_figure=r["key_figure"],
                                 trained_on=r["trained_on"])
            elif r["type"] == "organisation":
                for col, empty in (("groups", []), ("key_figure", False), ("trained_on", None)):
                    if r[col] != empty:
                        raise _RowError(col, f"organisation {r['key']!r}: {col} is for residents, not organisations")
                if r["kind"] is None:
                    raise _RowError("kind", f"organisation {r['key']!r}: an organisation needs a kind")
                net.add_organisation(r["key"], kind=r["kind"], neighbourhood=r["neighbourhood"],
                                     municipality=r["municipality"], talents=r["talents"])
            else:
                raise _RowError("type", f"expected 'resident' or 'organisation', got {r['type']!r}")
        except (_RowError, Error) as e:
            _fail("actors", row, own_names, e)


def _yyyymmdd(pd, np, values, column, dayfirst, frame, own_names, index):
    """A date column as yyyymmdd int64 (0: none), vectorised for datetime64 columns."""
    if pd.api.types.is_datetime64_any_dtype(values.dtype):
        if getattr(values.dt, "tz", None) is not None:
            _fail(frame, index[0], own_names,
                  _RowError(column, "dates with a time zone could change day when converted; give local dates"))
        out = (values.dt.year * 10000 + values.dt.month * 100 + values.dt.day).fillna(0)
        return out.to_numpy(dtype=np.int64)
    convert = _DateColumn(column, dayfirst)
    out = np.zeros(len(values), dtype=np.int64)
    for i, (row, v) in enumerate(zip(index, values.tolist())):
        try:
            d = convert(v, row)
        except _RowError as e:
            _fail(frame, row, own_names, e)
        if d is not None:
            out[i] = d.year * 10000 + d.month * 100 + d.day
    return out


def _text_column(pd, values, column, required, frame, own_names, index):
    """A text column as a list of str, vectorised when it already is one."""
    kind = pd.api.types.infer_dtype(values, skipna=False)
    if kind in ("string", "integer") and not values.isna().any():  # a string dtype's NA counts as "string"
        if kind == "string":
            return values.tolist()
        if not pd.api.types.is_bool_dtype(values.dtype):
            return values.astype(str).tolist()
    out = []
    for row, v in zip(index, values.tolist()):
        try:
            if _missing(v):
                if required:
                    _required_missing(column)
                out.append(None)
            else:
                out.append(_text(v, column))
        except _RowError as e:
            _fail(frame, row, own_names, e)
    return out


def _import_ties(net, frame, own_names, dayfirst):
    pd = _pd()
    import numpy as np

    n = len(frame)
    index = frame.index
    a = _text_column(pd, frame["a"], "a", True, "ties", own_names, index)
    b = _text_column(pd, frame["b"], "b", True, "ties", own_names, index)
    if "kind" in frame.columns:
        kind = _text_column(pd, frame["kind"], "kind", False, "ties", own_names, index)
        kind = [k if k is not None else "knows" for k in kind]
    else:
        kind = ["knows"] * n
    since, until = (
        _yyyymmdd(pd, np, frame[col], col, dayfirst, "ties", own_names, index) if col in frame.columns
        else np.zeros(n, dtype=np.int64)
        for col in ("since", "until"))
    if "weight" in frame.columns:
        values = frame["weight"]
        if pd.api.types.is_float_dtype(values.dtype) or (pd.api.types.is_integer_dtype(values.dtype)
                                                          and not pd.api.types.is_bool_dtype(values.dtype)):
            weight = values.astype("float64").fillna(1.0).to_numpy(dtype=np.float64)
        else:
            weight = np.empty(n, dtype=np.float64)
            for i, (row, v) in enumerate(zip(index, values.tolist())):
                try:
                    weight[i] = _float(v, "weight")
                except _RowError as e:
                    _fail("ties", row, own_names, e)
    else:
        weight = np.ones(n, dtype=np.float64)
    try:
        net._add_ties(a, b, kind, since, until, weight)
    except Error as e:
        m = re.match(r"#(\d+): (.*)", str(e), re.S)
        if not m:
            raise
        error = type(e)(m.group(2))
        _fail("ties", index[int(m.group(1))], own_names, error)


def _import_events(net, frame, own_names, dayfirst):
    text, opt, lst, date, boolean = _converters(dayfirst)
    convert = {"key": text("key"), "date": date("date"), "kind": text("kind"), "neighbourhood": opt("neighbourhood"),
               "municipality": opt("municipality"), "organisers": lst("organisers")}
    for row, r in _rows("events", frame, own_names, convert):
        if r["date"] is None:
            _fail("events", row, own_names, _RowError("date", "is empty (a required column)"))
        try:
            net.add_event(r["key"], date=r["date"], kind=r["kind"], neighbourhood=r["neighbourhood"],
                          organisers=r["organisers"], municipality=r["municipality"])
        except Error as e:
            _fail("events", row, own_names, e)


def _import_attendance(net, frame, own_names, dayfirst):
    text, opt, lst, date, boolean = _converters(dayfirst)
    convert = {"event": text("event"), "actor": text("actor"), "brought_by": opt("brought_by")}
    for row, r in _rows("attendance", frame, own_names, convert):
        try:
            net.attend(r["event"], r["actor"], brought_by=r["brought_by"])
        except Error as e:
            _fail("attendance", row, own_names, e)


def _import_marks(name, frame, own_names, mark):
    col = LAYOUT[name][0]
    for row, value in zip(frame.index, frame[col].tolist()):
        try:
            if _missing(value):
                _required_missing(col)
            mark(_text(value, col))
        except (_RowError, Error) as e:
            _fail(name, row, own_names, e)


def from_pandas(
    cls,
    actors: "pandas.DataFrame | None" = None,
    ties: "pandas.DataFrame | None" = None,
    events: "pandas.DataFrame | None" = None,
    attendance: "pandas.DataFrame | None" = None,
    *,
    sensitive_groups: "pandas.DataFrame | Iterable[str] | None" = None,
    sensitive_tie_kinds: "pandas.DataFrame | Iterable[str] | None" = None,
    sensitive_events: "pandas.DataFrame | Iterable[str] | None" = None,
    columns: "dict[str, str | dict[str, str]] | None" = None,
    dayfirst: bool = True,
) -> "Network":
    """A new Network from pandas DataFrames laid out as the CSV files.

    Columns are the CSV's (docs/data-formats.md): actors key, type, kind,
    neighbourhood, municipality, talents, groups, key_figure, trained_on; ties
    a, b, kind, since, until, weight; events key, date, kind, neighbourhood,
    municipality, organisers; attendance event, actor, brought_by. The marks
    (as to_pandas(include_sensitive=True) gives them) are one-column frames
    (or lists): sensitive_groups 'group', sensitive_tie_kinds 'kind',
    sensitive_events 'event'. Values: NaN, None, pd.NA and NaT mean missing;
    keys may be str or integers (numpy's too: their decimal digits); lists
    (talents, groups, organisers) are lists or ';'-separated text; booleans
    bool or true/false, 1/0, yes/no, ja/nee, waar/onwaar; dates
    datetime.date, pd.Timestamp, numpy.datetime64 or the CSV's text forms
    (dayfirst as read_csv; a time of day is dropped, a time zone refused);
    weights numbers or text with a decimal point or comma. columns= renames
    as read_csv's: {"bewoner": "key"} in every frame that has the column,
    {"attendance": {"bewoner": "actor"}} in one. Columns the layout does not
    know are ignored with a verbind.CsvWarning.

    All or nothing: an error raises InputError (or NotFoundError for an
    unknown actor or event) naming the frame, the row's index label and the
    column, and no Network is made.
    """
    pd = _pd()
    given = {"actors": actors, "ties": ties, "events": events, "attendance": attendance,
             "sensitive_groups": sensitive_groups, "sensitive_tie_kinds": sensitive_tie_kinds,
             "sensitive_events": sensitive_events}
    if not isinstance(dayfirst, bool):
        raise TypeError(f"from_pandas(): dayfirst must be bool, not {type(dayfirst).__name__}")
    frames = {name: f for name, f in given.items() if f is not None}
    shown = {name: (f if isinstance(f, pd.DataFrame) else pd.DataFrame()) for name, f in frames.items()}
    renames, unused = _renames(shown, columns)
    prepared = {name: _prepare(name, f, renames[name]) for name, f in frames.items()}
    if unused:
        warnings.warn(f"columns: {', '.join(repr(c) for c in unused)} matched no column of any frame",
                      CsvWarning, stacklevel=3)
    net = cls()
    # Dependencies first, as the CSV reader: marks of groups and tie kinds,
    # actors, ties, events, attendance, marks of events.
    if "sensitive_groups" in prepared:
        _import_marks("sensitive_groups", *prepared["sensitive_groups"], net.mark_sensitive)
    if "sensitive_tie_kinds" in prepared:
        _import_marks("sensitive_tie_kinds", *prepared["sensitive_tie_kinds"], net.mark_sensitive_tie_kind)
    if "actors" in prepared:
        _import_actors(net, *prepared["actors"], dayfirst)
    if "ties" in prepared:
        _import_ties(net, *prepared["ties"], dayfirst)
    if "events" in prepared:
        _import_events(net, *prepared["events"], dayfirst)
    if "attendance" in prepared:
        _import_attendance(net, *prepared["attendance"], dayfirst)
    if "sensitive_events" in prepared:
        _import_marks("sensitive_events", *prepared["sensitive_events"], net.mark_sensitive_event)
    return net


# --- to_pandas -----------------------------------------------------------------

def to_pandas(self, include_sensitive: bool = False) -> "dict[str, pandas.DataFrame]":
    """The Network as a dict of DataFrames laid out as the CSV files.

    Keys 'actors', 'ties', 'events', 'attendance'; with
    include_sensitive=True also 'sensitive_groups', 'sensitive_tie_kinds'
    and 'sensitive_events' (the marks). Without it, as write_csv: sensitive
    groups are left out of every actor's groups, ties of sensitive kinds,
    sensitive events and their attendance are left out, and so are the
    marks. Dtypes: text columns object (str, None when empty); talents,
    groups and organisers lists of str; key_figure bool; weight float64;
    dates datetime.date objects (None when empty): verbind's dates reach
    from 1500 to 9899, further than datetime64[ns] (1677-2262); use
    pd.to_datetime(df["since"]) for datetime64.
    ``Network.from_pandas(**frames)`` gives the Network back.
    """
    pd = _pd()
    if not isinstance(include_sensitive, bool):
        raise TypeError(f"to_pandas(): include_sensitive must be bool, not {type(include_sensitive).__name__}")

    def frame(name, records):
        df = pd.DataFrame.from_records(records, columns=list(LAYOUT[name]))
        if name == "actors":
            df["key_figure"] = df["key_figure"].astype(bool)
        if name == "ties":
            df["weight"] = df["weight"].astype("float64")
        for col in df.columns:
            # Records hold str, lists, dates and None: pandas keeps them in
            # object columns, and makes a column float only when all is None.
            if col not in ("key_figure", "weight") and df[col].dtype != object:
                df[col] = df[col].astype(object).where(df[col].notna(), None)
        return df

    # The records the library's privacy view shows (verbind::Visible), read
    # as one snapshot: another thread may change the Network meanwhile.
    records = self._visible_records(include_sensitive)
    out = {name: frame(name, records[name]) for name in ("actors", "ties", "events", "attendance")}
    if include_sensitive:
        out["sensitive_groups"] = frame("sensitive_groups", [{"group": g} for g in records["sensitive_groups"]])
        out["sensitive_tie_kinds"] = frame("sensitive_tie_kinds", [{"kind": k} for k in records["sensitive_tie_kinds"]])
        out["sensitive_events"] = frame("sensitive_events", [{"event": e} for e in records["sensitive_events"]])
    return out


def install(network_class):
    """Attaches from_pandas (a classmethod) and to_pandas to verbind.Network."""
    network_class.from_pandas = classmethod(from_pandas)
    network_class.to_pandas = to_pandas
