"""Network.from_pandas and Network.to_pandas (issue 12, section 3).

Expected values are hand-computed from the small network of conftest.py, or
computed independently in the same run: the CSV writer and reader (a
DataFrame read from a spreadsheet behaves like the CSV of it), and the
add_* methods called by hand.
"""

import datetime
import warnings

import numpy as np
import pytest

import verbind
from conftest import build_small_network, d

pd = pytest.importorskip("pandas")


def marked_sample():
    """The sample programme with a sensitive group (its own), tie kind and event."""
    net = verbind.sample_programme()
    assert net.sensitive_groups  # the sample marks its own group
    kinds = sorted({t["kind"] for t in net.ties()})
    net.mark_sensitive_tie_kind(kinds[-1])
    net.mark_sensitive_event(net.events()[3]["key"])
    return net


def cells(frames):
    """Every cell of every frame as text, list items one by one."""
    out = set()
    for df in frames.values():
        for value in df.to_numpy().ravel().tolist() + list(df.columns):
            if isinstance(value, list):
                out.update(str(v) for v in value)
            else:
                out.add(str(value))
    return out


# --- the round trip --------------------------------------------------------------

def test_round_trip_with_sensitive_data_is_exact():
    net = marked_sample()
    frames = net.to_pandas(include_sensitive=True)
    back = verbind.Network.from_pandas(**frames)
    assert back == net  # == compares every record and every mark
    again = back.to_pandas(include_sensitive=True)
    assert set(again) == set(frames)
    for name in frames:
        pd.testing.assert_frame_equal(again[name], frames[name])
    assert verbind.Network.from_pandas(**again) == net


def test_round_trip_without_sensitive_data_equals_the_csv_export(tmp_path):
    net = marked_sample()
    frames = net.to_pandas()
    assert set(frames) == {"actors", "ties", "events", "attendance"}
    # Independent: the CSV writer's privacy rule and the CSV reader.
    net.write_csv(tmp_path / "csv")
    expected = verbind.read_csv(tmp_path / "csv")
    back = verbind.Network.from_pandas(**frames)
    assert back == expected
    assert back != net
    again = back.to_pandas()
    for name in frames:
        pd.testing.assert_frame_equal(again[name], frames[name])


def test_sensitive_data_leave_only_when_asked_for():
    net = marked_sample()
    group = net.sensitive_groups[0]
    kind = net.sensitive_tie_kinds[0]
    event = net.sensitive_events[0]
    everything = cells(net.to_pandas(include_sensitive=True))
    assert {group, kind, event} <= everything
    default = cells(net.to_pandas())
    assert group not in default and kind not in default and event not in default
    # Counted by hand from the records: the hidden ties and attendance are gone.
    frames = net.to_pandas()
    assert len(frames["ties"]) == sum(t["kind"] != kind for t in net.ties())
    assert len(frames["events"]) == net.num_events - 1
    assert len(frames["attendance"]) == sum(r["event"] != event for r in net.attendance())
    marks = net.to_pandas(include_sensitive=True)
    assert marks["sensitive_groups"]["group"].tolist() == net.sensitive_groups
    assert marks["sensitive_tie_kinds"]["kind"].tolist() == [kind]
    assert marks["sensitive_events"]["event"].tolist() == [event]


def test_to_pandas_values_and_dtypes_by_hand():
    frames = build_small_network().to_pandas()
    actors, ties, events, attendance = (frames[k] for k in ("actors", "ties", "events", "attendance"))
    assert actors.columns.tolist() == ["key", "type", "kind", "neighbourhood", "municipality", "talents", "groups",
                                       "key_figure", "trained_on"]
    assert actors["key"].tolist() == ["ann", "bob", "cem", "dua", "eva", "lib"]
    assert actors["key_figure"].dtype == bool
    assert actors["key_figure"].tolist() == [False, False, False, False, True, False]
    # 'lgbti' is sensitive: ann keeps only 'choir', dua nothing.
    assert actors["groups"].tolist() == [["choir"], [], ["choir"], [], [], []]
    assert actors["talents"].tolist()[1] == ["football", "cooking"]
    assert actors["kind"].tolist() == [None] * 5 + ["library"]
    assert actors["trained_on"].tolist() == [None] * 4 + [datetime.date(2022, 2, 1), None]
    assert ties["weight"].dtype == np.float64
    assert ties["weight"].tolist() == [1.0, 3.0, 2.0, 0.5, 1.0, 1.0]
    assert ties["since"].tolist() == [d("2022-01-01"), d("2022-03-01"), d("2022-05-01"), None, None,
                                      d("2022-01-15")]
    assert ties["until"].tolist()[1] == d("2022-09-01")
    assert ties["kind"].tolist() == ["knows", "neighbour", "knows", "neighbour", "knows", "knows"]
    assert events["organisers"].tolist() == [["lib"], [], ["cem", "dua"]]
    assert events["municipality"].tolist() == ["Lelystad", None, None]
    assert attendance["brought_by"].tolist() == [None, "ann", None, None, None, None, None, None, "cem"]
    empty = verbind.Network().to_pandas()
    assert [len(f) for f in empty.values()] == [0, 0, 0, 0]
    assert empty["ties"].columns.tolist() == ["a", "b", "kind", "since", "until", "weight"]
    assert empty["ties"]["weight"].dtype == np.float64 and empty["actors"]["key_figure"].dtype == bool


# --- values as pandas has them ------------------------------------------------------

def test_pandas_values_read_as_the_same_records():
    actors = pd.DataFrame({
        "key": ["ann", "bob", "cem", "lib"],
        "type": ["resident", "resident", "resident", "organisation"],
        "kind": [None, np.nan, pd.NA, "library"],
        "neighbourhood": ["Noord", None, np.nan, "Stad"],
        "talents": [["koken", "schaak"], "muziek;dans", np.nan, []],
        "groups": [np.array(["koor"]), None, "", None],
        "key_figure": [np.bool_(True), "ja", "FALSE", False],
        "trained_on": [pd.Timestamp("2022-03-05"), "05-03-2022 00:00:00", pd.NaT, None],
    })
    ties = pd.DataFrame({
        "a": ["ann", "bob", "ann"], "b": ["bob", "cem", "lib"],
        "kind": ["knows", None, "member_of"],
        "since": [np.datetime64("2022-01-05"), pd.NaT, datetime.date(2021, 12, 31)],
        "until": [None, "2022-06-01T19:30", None],
        "weight": [1.5, "2,5", np.nan],
    })
    events = pd.DataFrame({"key": ["e1"], "date": ["2022-05-04"], "kind": ["iftar"],
                           "organisers": ["lib;ann"]})
    attendance = pd.DataFrame({"event": ["e1", "e1"], "actor": ["ann", "bob"], "brought_by": [pd.NA, "ann"]})
    net = verbind.Network.from_pandas(actors, ties, events, attendance)

    expected = verbind.Network()
    expected.add_resident("ann", neighbourhood="Noord", talents=["koken", "schaak"], groups=["koor"],
                          key_figure=True, trained_on=d("2022-03-05"))
    expected.add_resident("bob", talents=["muziek", "dans"], key_figure=True, trained_on=d("2022-03-05"))
    expected.add_resident("cem")
    expected.add_organisation("lib", kind="library", neighbourhood="Stad")
    expected.add_tie("ann", "bob", "knows", since=d("2022-01-05"), weight=1.5)
    expected.add_tie("bob", "cem", "knows", until=d("2022-06-01"), weight=2.5)
    expected.add_tie("ann", "lib", "member_of", since=d("2021-12-31"))
    expected.add_event("e1", date=d("2022-05-04"), kind="iftar", organisers=["lib", "ann"])
    expected.attend("e1", "ann")
    expected.attend("e1", "bob", brought_by="ann")
    assert net == expected


def test_integer_keys_become_their_decimal_digits():
    actors = pd.DataFrame({"key": np.array([7, 12, 300], dtype=np.int64), "type": "resident"})
    ties = pd.DataFrame({"a": np.array([7, 12], dtype=np.int32), "b": [12.0, np.nan]})  # float: a NaN was there
    with pytest.raises(verbind.InputError, match=r"frame 'ties', row 1, column 'b': is empty"):
        verbind.Network.from_pandas(actors, ties)
    ties = pd.DataFrame({"a": np.array([7, 12], dtype=np.int32), "b": pd.array([12, 300], dtype="Int64")})
    net = verbind.Network.from_pandas(actors, ties)
    assert [a["key"] for a in net.actors()] == ["7", "12", "300"]
    assert [(t["a"], t["b"]) for t in net.ties()] == [("7", "12"), ("12", "300")]


def test_dates_as_datetime64_columns_and_dayfirst():
    actors = pd.DataFrame({"key": ["a", "b"], "type": "resident"})
    ties = pd.DataFrame({"a": ["a"], "b": ["b"], "since": pd.to_datetime(["2022-03-05 19:30"])})
    assert verbind.Network.from_pandas(actors, ties).ties()[0]["since"] == d("2022-03-05")  # the day, as CSV
    ties = pd.DataFrame({"a": ["a"], "b": ["b"], "since": ["05/03/2022"]})
    assert verbind.Network.from_pandas(actors, ties).ties()[0]["since"] == d("2022-03-05")
    assert verbind.Network.from_pandas(actors, ties, dayfirst=False).ties()[0]["since"] == d("2022-05-03")


def test_add_methods_take_numpy_and_pandas_values():
    net = verbind.Network()
    net.add_resident(np.int64(7), neighbourhood=pd.NA, key_figure=np.bool_(True),
                     trained_on=pd.Timestamp("2022-03-05"))
    net.add_resident(np.str_("b"), municipality=np.nan, trained_on=np.datetime64("2022-03-06"))
    net.add_tie("7", "b", since=pd.NaT, weight=np.float64(2.5))
    assert net.actor("7")["trained_on"] == d("2022-03-05") and net.actor("7")["neighbourhood"] is None
    assert net.actor("7")["key_figure"] is True
    assert net.actor("b")["trained_on"] == d("2022-03-06") and net.actor("b")["municipality"] is None
    assert net.ties()[0]["weight"] == 2.5 and net.ties()[0]["since"] is None
    # A time of day is still not dropped silently by add_*.
    with pytest.raises(verbind.InputError, match="datetime"):
        net.add_resident("c", trained_on=pd.Timestamp("2022-03-05 19:30"))
    with pytest.raises(verbind.InputError, match="time of day"):
        net.add_resident("c", trained_on=np.datetime64("2022-03-05T19:30"))
    assert "c" not in net
    # A missing value where a date is required is named as missing.
    for missing in (pd.NaT, np.nan, pd.NA, np.datetime64("NaT")):
        with pytest.raises(verbind.InputError, match=r"event 'e' field 'date': is missing"):
            net.add_event("e", date=missing, kind="iftar")
    assert net.num_events == 0


# --- like the CSV of it ----------------------------------------------------------

def test_a_dutch_excel_sheet_read_by_pandas_is_the_csv_of_it(tmp_path):
    folder = tmp_path / "gemeente"
    folder.mkdir()
    (folder / "actors.csv").write_bytes(
        "bewoner;type;neighbourhood;key_figure;trained_on;opmerking\r\n"
        "r1;resident;Caf\u00e9buurt;WAAR;05-03-2022;belt terug\r\n"
        "r2;resident;;ONWAAR;;\r\n"
        "12;resident;Noord;ja;;\r\n".encode("cp1252"))
    (folder / "ties.csv").write_bytes(b"a;b;since;weight\r\nr1;r2;2022-01-05 00:00:00;1,5\r\nr2;12;;2\r\n")
    renames = {"actors.csv": {"bewoner": "key"}}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", verbind.CsvWarning)
        expected = verbind.read_csv(folder, encoding="cp1252", columns=renames)
    actors = pd.read_csv(folder / "actors.csv", sep=";", encoding="cp1252")
    ties = pd.read_csv(folder / "ties.csv", sep=";")
    with pytest.warns(verbind.CsvWarning, match=r"frame 'actors': column 'opmerking' not part of the layout"):
        net = verbind.Network.from_pandas(actors, ties, columns=renames)
    assert net == expected
    assert net.actor("12")["key_figure"] is True


def test_columns_plain_rename_and_unused_rename():
    actors = pd.DataFrame({"id": ["a", "b"], "type": "resident", "wijk": ["Noord", None]})
    events = pd.DataFrame({"id": ["e1"], "date": ["2022-05-04"], "kind": ["iftar"], "wijk": ["Zuid"]})
    with pytest.warns(verbind.CsvWarning, match="'buurt' matched no column"):
        net = verbind.Network.from_pandas(actors, events=events,
                                          columns={"id": "key", "wijk": "neighbourhood", "buurt": "neighbourhood"})
    assert net.actor("a")["neighbourhood"] == "Noord"
    assert net.events()[0]["neighbourhood"] == "Zuid"


# --- bad input: frame, row index label, column; no Network -----------------------------

def small_frames():
    return build_small_network().to_pandas(include_sensitive=True)


def relabelled(df, start=100):
    return df.set_axis([f"x{start + i}" for i in range(len(df))])


@pytest.mark.parametrize("frame, column, value, error, pattern", [
    ("ties", "b", "nobody", verbind.NotFoundError,
     r"frame 'ties', row 'x103', column 'b': .*unknown actor 'nobody'"),
    ("ties", "weight", -1.0, verbind.InputError, r"frame 'ties', row 'x103', column 'weight'"),
    ("ties", "weight", "veel", verbind.InputError, r"frame 'ties', row 'x103', column 'weight': expected a number"),
    ("ties", "since", "2022-13-01", verbind.InputError, r"frame 'ties', row 'x103', column 'since': malformed date"),
    ("ties", "a", True, verbind.InputError, r"frame 'ties', row 'x103', column 'a': expected text"),
    ("actors", "key", "ann", verbind.InputError, r"frame 'actors', row 'x103', column 'key': .*already exists"),
    ("actors", "type", "person", verbind.InputError,
     r"frame 'actors', row 'x103', column 'type': expected 'resident' or 'organisation'"),
    ("actors", "key_figure", "misschien", verbind.InputError,
     r"frame 'actors', row 'x103', column 'key_figure': expected a boolean"),
    ("actors", "kind", "library", verbind.InputError,
     r"frame 'actors', row 'x103', column 'kind': .*for organisations"),
    ("actors", "talents", "a;;b", verbind.InputError, r"frame 'actors', row 'x103', column 'talents'"),
    ("actors", "neighbourhood", " Noord", verbind.InputError, r"frame 'actors', row 'x103', column 'neighbourhood'"),
    ("events", "date", None, verbind.InputError, r"frame 'events', row 'x101', column 'date': is empty"),
    ("events", "organisers", ["nobody"], verbind.NotFoundError,
     r"frame 'events', row 'x101', column 'organisers': .*nobody"),
    ("attendance", "actor", "nobody", verbind.NotFoundError, r"frame 'attendance', row 'x103', column 'actor'"),
    ("attendance", "actor", "bob", verbind.InputError, r"frame 'attendance', row 'x104', column 'actor': .*bob"),  # twice at e2
    ("sensitive_events", "event", "nothing", verbind.NotFoundError, r"frame 'sensitive_events', row 'x100'"),
])
def test_bad_values_are_named_by_frame_row_and_column(frame, column, value, error, pattern):
    frames = {name: relabelled(df) for name, df in small_frames().items()}
    row = "x100" if frame == "sensitive_events" else ("x101" if frame == "events" else "x103")
    good = frames[frame]
    df = good.astype({column: object})
    df.at[row, column] = value
    frames[frame] = df
    with pytest.raises(error, match=pattern):
        verbind.Network.from_pandas(**frames)
    # The same frames with the value as it was import: the error was that value's.
    frames[frame] = good
    assert verbind.Network.from_pandas(**frames) == build_small_network()


def test_mixed_date_formats_in_one_column_name_the_first_date():
    actors = pd.DataFrame({"key": ["a", "b", "c"], "type": "resident",
                           "trained_on": ["05-03-2022", None, "2022-03-05"]}, index=[10, 11, 12])
    with pytest.raises(verbind.InputError,
                       match=r"frame 'actors', row 12, column 'trained_on': .*another format .*row 10, d-m-yyyy"):
        verbind.Network.from_pandas(actors)


def test_renamed_columns_are_named_as_the_user_wrote_them():
    actors = pd.DataFrame({"bewoner": ["a", "a"], "type": "resident"})
    with pytest.raises(verbind.InputError, match=r"frame 'actors', row 1, column 'bewoner' \(key\)"):
        verbind.Network.from_pandas(actors, columns={"bewoner": "key"})


def test_missing_columns_and_bad_options():
    with pytest.raises(verbind.InputError, match=r"frame 'ties': missing column 'b'"):
        verbind.Network.from_pandas(pd.DataFrame({"key": ["a"], "type": "resident"}), pd.DataFrame({"a": ["a"]}))
    with pytest.raises(verbind.InputError, match=r"frame 'actors': missing column 'type' \(the frame has 'Type'"):
        verbind.Network.from_pandas(pd.DataFrame({"key": ["a"], "Type": "resident"}))
    with pytest.raises(verbind.InputError, match="no frame 'people'"):
        verbind.Network.from_pandas(pd.DataFrame({"key": ["a"], "type": "resident"}), columns={"people": {"x": "key"}})
    with pytest.raises(verbind.InputError, match="frame 'ties' has no column 'key'"):
        verbind.Network.from_pandas(columns={"ties": {"x": "key"}})
    with pytest.raises(TypeError, match="actors must be a pandas DataFrame"):
        verbind.Network.from_pandas([{"key": "a", "type": "resident"}])
    with pytest.raises(TypeError, match="include_sensitive must be bool"):
        verbind.Network().to_pandas(include_sensitive="yes")


def test_an_error_late_in_a_big_import_leaves_no_network_and_no_trace():
    # Nothing is half-imported: from_pandas makes a new Network, so a failure
    # returns nothing; the caller's own Network is never touched.
    net = build_small_network()
    before = net.copy()
    n = 5000
    actors = pd.DataFrame({"key": [f"r{i}" for i in range(n)], "type": "resident"})
    ties = pd.DataFrame({"a": [f"r{i}" for i in range(n - 1)], "b": [f"r{i + 1}" for i in range(n - 1)]})
    ties.loc[n - 2, "b"] = "ann"  # in `net`, not in the frames
    with pytest.raises(verbind.NotFoundError, match=rf"frame 'ties', row {n - 2}, column 'b'"):
        verbind.Network.from_pandas(actors, ties)
    assert net == before


def test_pandas_extension_dtypes_and_their_missing_values():
    actors = pd.DataFrame({"key": pd.array(["a", "b", "c"], dtype="string"), "type": "resident"})
    ties = pd.DataFrame({"a": pd.array(["a", "b"], dtype="string"), "b": pd.array(["b", pd.NA], dtype="string")})
    with pytest.raises(verbind.InputError, match=r"frame 'ties', row 1, column 'b': is empty"):
        verbind.Network.from_pandas(actors, ties)
    ties = pd.DataFrame({"a": ["a", "b", "a"], "b": ["b", "c", "c"],
                         "weight": pd.array([1.5, None, 2], dtype="Float64")})
    assert [t["weight"] for t in verbind.Network.from_pandas(actors, ties).ties()] == [1.5, 1.0, 2.0]
    ties["weight"] = [True, False, True]
    with pytest.raises(verbind.InputError, match=r"frame 'ties', row 0, column 'weight': expected a number"):
        verbind.Network.from_pandas(actors, ties)
    ties = pd.DataFrame({"a": ["a"], "b": ["b"], "since": pd.to_datetime(["2022-01-01"]).tz_localize("UTC")})
    with pytest.raises(verbind.InputError, match=r"frame 'ties', row 0, column 'since': .*time zone"):
        verbind.Network.from_pandas(actors, ties)


def test_dates_past_pandas_nanosecond_range():
    # numpy.datetime64 and datetime.date reach verbind's whole range (1500-9899),
    # past pd.Timestamp's (1677-2262); a day outside verbind's range is named.
    actors = pd.DataFrame({"key": ["a", "b"], "type": "resident",
                           "trained_on": [np.datetime64("1500-01-01"), datetime.date(9899, 12, 31)]})
    net = verbind.Network.from_pandas(actors)
    assert [a["trained_on"] for a in net.actors()] == [d("1500-01-01"), d("9899-12-31")]
    assert verbind.Network.from_pandas(**net.to_pandas()) == net
    actors["trained_on"] = [np.datetime64("9999-12-31"), None]
    with pytest.raises(verbind.InputError, match=r"frame 'actors', row 0, column 'trained_on'"):
        verbind.Network.from_pandas(actors)
    actors["trained_on"] = [np.datetime64("0010-01-01"), None]
    with pytest.raises(verbind.InputError, match=r"frame 'actors', row 0, column 'trained_on'"):
        verbind.Network.from_pandas(actors)


HOSTILE = [None, np.nan, pd.NA, pd.NaT, "", " ", "x;;y", "ann", "2022-13-01", "31-02-2022", "1,5", "1.234,5", -1.0,
           float("inf"), 2**70, np.uint64(2**64 - 1), np.int8(-3), True, np.bool_(False), 1.5, 7, [], ["ann"], ("a",),
           np.array([1, 2]), datetime.date(1400, 1, 1), pd.Timestamp("2262-04-11"), np.datetime64("9999-12-31"),
           np.datetime64("2022-01-01T10:00"), pd.Timestamp("2022-01-01", tz="UTC"), b"bytes", object(), {"a": 1},
           "\ud800", "a\x00b", "e1", "lib", "organisation", "resident", "Ja", "05/03/2022", "2022-05-04 19:30"]


def test_generated_bad_cells_give_a_network_that_round_trips_or_a_verbind_error():
    # 1 to 3 cells of the small network's frames replaced by hostile values:
    # each import either gives a Network that round-trips exactly or raises a
    # verbind.Error naming a frame; never another exception (this found
    # numpy.datetime64('9999-12-31') raising pandas' OutOfBoundsDatetime).
    import random

    base = small_frames()
    rng = random.Random(12)
    outcomes = {"network": 0, "error": 0}
    for _ in range(600):
        frames = {k: v.copy() for k, v in base.items()}
        for _ in range(rng.randint(1, 3)):
            name = rng.choice(sorted(frames))
            df = frames[name]
            if len(df) == 0:
                continue
            col = rng.choice(list(df.columns))
            df = df.astype({col: object})
            df.at[rng.choice(list(df.index)), col] = rng.choice(HOSTILE)
            frames[name] = df
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", verbind.CsvWarning)
                net = verbind.Network.from_pandas(**frames)
        except verbind.Error as e:
            assert str(e).startswith("frame '"), str(e)
            outcomes["error"] += 1
            continue
        assert verbind.Network.from_pandas(**net.to_pandas(include_sensitive=True)) == net
        outcomes["network"] += 1
    assert outcomes["network"] > 50 and outcomes["error"] > 50, outcomes
