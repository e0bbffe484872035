"""A municipality's own spreadsheets through verbind.read_csv and
Network.import_csv: Excel's CSV dialects, generated here with Python's own
csv module and codecs (an independent writer), compared with their clean
equivalents."""

import csv
import datetime
import pathlib
import warnings

import pytest

import verbind

TEMPLATES = pathlib.Path(__file__).resolve().parents[2] / "docs" / "templates"

# One programme as rows: (file, header, rows), in verbind's own terms.
CLEAN = {
    "actors.csv": (["key", "type", "kind", "neighbourhood", "municipality", "talents", "groups", "key_figure",
                    "trained_on"],
                   [["r1", "resident", "", "Centrum", "Lelystad", "koken;schaak", "", "true", "2022-03-05"],
                    ["r2", "resident", "", "Haven", "Café de Hoek", "", "", "false", ""],
                    ["bib", "organisation", "library", "", "Almere", "taalcafé", "", "false", ""]]),
    "ties.csv": (["a", "b", "kind", "since", "until", "weight"],
                 [["r1", "r2", "knows", "2022-01-05", "", "1.5"],
                  ["r2", "bib", "member_of", "2021-12-31", "2022-03-05", "2"]]),
    "events.csv": (["key", "date", "kind", "neighbourhood", "municipality", "organisers"],
                   [["e1", "2022-05-05", "5 May breakfast", "", "Lelystad", "bib;r1"]]),
    "attendance.csv": (["event", "actor", "brought_by"], [["e1", "r1", ""], ["e1", "r2", "r1"]]),
}


def excel_date(iso, style):
    """An ISO date as Dutch Excel writes it: dd-mm-yyyy, or a date-time."""
    if not iso:
        return ""
    d = datetime.date.fromisoformat(iso)
    return d.strftime("%d-%m-%Y") if style == "dmy" else d.strftime("%Y-%m-%d 00:00:00")


def dutch_rows():
    """CLEAN as Dutch Excel writes it: TRUE/ONWAAR, 05-03-2022,
    2022-01-05 00:00:00, 1,5, and a note column."""
    out = {}
    for name, (header, rows) in CLEAN.items():
        header = list(header)
        rows = [list(r) for r in rows]
        for row in rows:
            for i, column in enumerate(header):
                if column == "key_figure":
                    row[i] = {"true": "TRUE", "false": "ONWAAR"}[row[i]]
                elif column in ("trained_on", "date"):
                    row[i] = excel_date(row[i], "dmy")
                elif column in ("since", "until"):
                    row[i] = excel_date(row[i], "datetime")
                elif column == "weight":
                    row[i] = row[i].replace(".", ",")
        if name in ("actors.csv", "ties.csv"):
            header.append("note")
            for n, row in enumerate(rows):
                row.append(f"opmerking {n}")
        out[name] = (header, rows)
    return out


def write_folder(folder, tables, *, delimiter=",", encoding="utf-8"):
    folder.mkdir(parents=True, exist_ok=True)
    for name, (header, rows) in tables.items():
        with open(folder / name, "w", encoding=encoding, newline="") as f:
            writer = csv.writer(f, delimiter=delimiter, lineterminator="\r\n")
            writer.writerow(header)
            writer.writerows(rows)


def test_a_dutch_excel_export_loads_to_the_same_network_as_its_clean_equivalent(tmp_path):
    write_folder(tmp_path / "clean", CLEAN)
    clean = verbind.read_csv(tmp_path / "clean")
    assert clean.actor("r2")["municipality"] == "Café de Hoek"

    # "CSV UTF-8": a byte order mark, ';' as Dutch Excel separates.
    write_folder(tmp_path / "utf8", dutch_rows(), delimiter=";", encoding="utf-8-sig")
    assert (tmp_path / "utf8" / "actors.csv").read_bytes().startswith(b"\xef\xbb\xbfkey;type;")
    with pytest.warns(verbind.CsvWarning) as caught:
        utf8 = verbind.read_csv(tmp_path / "utf8")
    assert utf8 == clean
    messages = [str(w.message) for w in caught]
    assert len(messages) == 2
    assert "actors.csv:1: column 'note' is not part of the layout and ignored" in messages[0]
    assert "ties.csv:1: column 'note' is not part of the layout and ignored" in messages[1]
    assert not any("opmerking" in m for m in messages)  # columns are named, values never
    assert all(w.filename == __file__ for w in caught)  # from the caller's line

    # "CSV (puntkomma-gescheiden)": Windows-1252.
    write_folder(tmp_path / "cp1252", dutch_rows(), delimiter=";", encoding="cp1252")
    assert b"Caf\xe9 de Hoek" in (tmp_path / "cp1252" / "actors.csv").read_bytes()
    with pytest.warns(verbind.CsvWarning):
        assert verbind.read_csv(tmp_path / "cp1252", encoding="cp1252") == clean
    # Values checked by hand, not only through ==.
    r1 = utf8.actor("r1")
    assert r1["key_figure"] is True and r1["trained_on"] == datetime.date(2022, 3, 5)
    assert [t["weight"] for t in utf8.ties()] == [1.5, 2.0]
    assert utf8.ties()[1]["until"] == datetime.date(2022, 3, 5)

    # The writer still writes the canonical dialect.
    utf8.write_csv(tmp_path / "out")
    assert (tmp_path / "out" / "ties.csv").read_text(encoding="utf-8").splitlines()[1:] == [
        "r1,r2,knows,2022-01-05,,1.5", "r2,bib,member_of,2021-12-31,2022-03-05,2"]


def test_windows_1252_and_latin_1_decode_as_pythons_codecs(tmp_path):
    # Every byte of the upper half that Windows-1252 defines, between two
    # letters of a talent, against Python's own codec.
    defined = []
    for byte in range(0x80, 0x100):
        try:
            bytes([byte]).decode("cp1252")
        except UnicodeDecodeError:
            continue
        defined.append(byte)
    assert len(defined) == 123  # 128 less the five undefined bytes
    talents = b";".join(b"a" + bytes([byte]) + b"b" for byte in defined)
    (tmp_path / "actors.csv").write_bytes(b"key,type,talents\nr1,resident,\"" + talents + b"\"\n")
    net = verbind.read_csv(tmp_path, encoding="cp1252")
    assert net.actor("r1")["talents"] == talents.decode("cp1252").split(";")
    assert verbind.read_csv(tmp_path, encoding="Windows-1252") == net

    latin = bytes(range(0xA0, 0x100))
    (tmp_path / "actors.csv").write_bytes(b"key,type,talents\nr1,resident,\"" +
                                         b";".join(b"a" + bytes([b]) + b"b" for b in latin) + b"\"\n")
    net = verbind.read_csv(tmp_path, encoding="latin-1")
    assert net.actor("r1")["talents"] == ["a" + bytes([b]).decode("latin-1") + "b" for b in latin]


def import_fails(target, folder, fragment, **options):
    """import_csv fails with a ParseError holding `fragment`, and `target` is unchanged."""
    before = target.copy()
    with pytest.raises(verbind.ParseError) as e:
        target.import_csv(folder, **options)
    assert fragment in str(e.value)
    assert isinstance(e.value, ValueError)
    assert target == before
    return str(e.value)


@pytest.fixture
def target():
    net = verbind.Network()
    net.add_resident("r0", municipality="Almere")
    return net


def test_bad_input_names_file_row_and_column_and_imports_nothing(tmp_path, target):
    write_folder(tmp_path, CLEAN)
    actors = str(tmp_path / "actors.csv")
    # Mixed date formats in one column.
    header, rows = CLEAN["actors.csv"]
    mixed = [list(r) for r in rows]
    mixed[1][8] = "05-03-2022"
    write_folder(tmp_path, {"actors.csv": (header, mixed)})
    message = import_fails(target, tmp_path, actors + ":3: field 'trained_on': date '05-03-2022' is written "
                                             "dd-mm-yyyy, but the column's first date (line 2) is yyyy-mm-dd")
    # An encoding that does not decode: the hint names the one that would.
    write_folder(tmp_path, {"actors.csv": CLEAN["actors.csv"]}, encoding="cp1252")
    message = import_fails(target, tmp_path, actors + ":3: field 'municipality': is not valid UTF-8")
    assert message.endswith("if the file comes from Excel on Windows, try encoding='cp1252'")
    assert target.import_csv(tmp_path, encoding="cp1252") is None
    assert target.actor("r2")["municipality"] == "Café de Hoek"
    # A missing required column.
    write_folder(tmp_path, {"actors.csv": (["key", "note"], [["r9", "x"]])})
    import_fails(verbind.Network(), tmp_path, actors + ":1: missing column 'type'")
    # A ';' file with a header that is not verbind's.
    (tmp_path / "actors.csv").write_text("bewoner;soort\nr9;resident\n", encoding="utf-8")
    import_fails(verbind.Network(), tmp_path, actors + ":1: missing column 'key'")


def test_options_are_checked(tmp_path):
    write_folder(tmp_path, CLEAN)
    with pytest.raises(verbind.InputError, match=r"delimiter: expected ',', ';' or '\\t' \(a tab\), got '\|'"):
        verbind.read_csv(tmp_path, delimiter="|")
    with pytest.raises(ValueError, match="encoding: expected 'utf-8', 'cp1252' or 'latin-1', got 'utf-16'"):
        verbind.read_csv(tmp_path, encoding="utf-16")
    with pytest.raises(TypeError, match="columns must be a dict, not list"):
        verbind.read_csv(tmp_path, columns=[("bewoner", "key")])
    with pytest.raises(TypeError, match="columns values must be str"):
        verbind.read_csv(tmp_path, columns={"bewoner": 1})
    with pytest.raises(TypeError, match="dayfirst must be bool, not str"):
        verbind.read_csv(tmp_path, dayfirst="yes")
    with pytest.raises(verbind.InputError, match="no file of the CSV layout has a column 'kee'"):
        verbind.read_csv(tmp_path, columns={"bewoner": "kee"})
    assert verbind.read_csv(tmp_path, delimiter=",") == verbind.read_csv(tmp_path)


def test_own_column_names_and_day_or_month_first(tmp_path):
    (tmp_path / "actors.csv").write_text("bewoner\tsoort\topgeleid op\nr1\tresident\t03/05/2022\nr2\tresident\t\n",
                                         encoding="utf-8")
    (tmp_path / "attendance.csv").write_text("bijeenkomst;bewoner\ne1;r1\n", encoding="utf-8")
    (tmp_path / "events.csv").write_text("code;datum;soort\ne1;12/25/2022;ontbijt\n", encoding="utf-8")
    columns = {"opgeleid op": "trained_on", "bijeenkomst": "event", "code": "key", "datum": "date",
               "actors.csv": {"bewoner": "key", "soort": "type"},
               "attendance": {"bewoner": "actor"}, "events.csv": {"soort": "kind"}}
    net = verbind.read_csv(tmp_path, columns=columns, dayfirst=False)
    assert net.actor("r1")["trained_on"] == datetime.date(2022, 3, 5)
    assert net.events()[0]["date"] == datetime.date(2022, 12, 25)
    assert [(a["event"], a["actor"]) for a in net.attendance()] == [("e1", "r1")]
    # Day first (the default): 12/25/2022 has no month 25, and the message says what to do.
    with pytest.raises(verbind.ParseError, match=r"events.csv:2: field 'datum' \(date\): malformed date "
                                                 r"'12/25/2022' \(no month 25; read as dd/mm/yyyy, day first; for "
                                                 r"month first give dayfirst=false\)"):
        verbind.read_csv(tmp_path, columns=columns)


def test_warnings_made_errors_leave_the_network_as_it_was(tmp_path, target):
    write_folder(tmp_path, dutch_rows(), delimiter=";")
    before = target.copy()
    with warnings.catch_warnings():
        warnings.simplefilter("error", verbind.CsvWarning)
        with pytest.raises(verbind.CsvWarning, match="column 'note'"):
            target.import_csv(tmp_path)
    assert target == before
    with pytest.warns(verbind.CsvWarning):
        target.import_csv(tmp_path)
    assert target.num_actors == before.num_actors + 3
    assert target.actor("r1")["key_figure"] is True
    assert issubclass(verbind.CsvWarning, UserWarning)


def test_the_templates_read_back_empty_and_the_example_as_described():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert verbind.read_csv(TEMPLATES) == verbind.Network()
    # The example's own 'opmerking' column is ignored, with a warning.
    with pytest.warns(verbind.CsvWarning, match="column 'opmerking' is not part of the layout") as caught:
        example = verbind.read_csv(TEMPLATES / "example", encoding="cp1252")
    assert len(caught) == 1
    # What docs/templates/README.md says the example holds.
    assert [a["key"] for a in example.actors()] == ["bibliotheek", "r-001", "r-002", "r-003"]
    assert example.actor("bibliotheek")["talents"] == ["taalcafé", "ruimte"]
    assert example.actor("r-001")["key_figure"] is True
    assert example.actor("r-001")["trained_on"] == datetime.date(2022, 3, 5)
    assert [t["weight"] for t in example.ties()] == [1.5, 1.0]
    assert [(a["actor"], a["brought_by"]) for a in example.attendance()] == [
        ("r-001", None), ("r-002", "r-001"), ("r-003", "r-002")]


def test_templates_have_the_writers_headers(tmp_path):
    verbind.Network().write_csv(tmp_path / "empty")
    for name in ("actors.csv", "ties.csv", "events.csv", "attendance.csv"):
        assert (TEMPLATES / name).read_bytes() == (tmp_path / "empty" / name).read_bytes()
    for name, header in (("sensitive_groups.csv", b"group\n"), ("sensitive_tie_kinds.csv", b"kind\n"),
                         ("sensitive_events.csv", b"event\n")):
        assert (TEMPLATES / name).read_bytes() == header


# --- the class of test that would have caught the refusals: every dialect -----------------

BOOLS = {"true": ["true", "TRUE", "True", "1", "yes", "JA", "ja", "waar", "WAAR"],
         "false": ["false", "FALSE", "0", "no", "Nee", "nee", "onwaar", ""]}
DATE_COLUMNS = {"trained_on", "date", "since", "until"}


def write_in_dialect(rng, canonical, folder, *, encoding, dayfirst):
    """Rewrites each file of a canonical folder in a dialect drawn from rng:
    delimiter, line ends, booleans, a date format per column, decimal commas,
    shuffled and renamed columns, an extra column. Returns the renames."""
    folder.mkdir()
    renames = {}
    for path in sorted(canonical.glob("*.csv")):
        with open(path, encoding="utf-8", newline="") as f:
            header, *rows = list(csv.reader(f))
        delimiter = rng.choice([",", ";", "\t"])
        order = list(range(len(header)))
        rng.shuffle(order)
        date_style = {c: rng.choice(["iso", "dmy0", "dmy", "slash", "T", "space"]) for c in header}
        comma = rng.random() < 0.5
        out_header = []
        for i in order:
            name = header[i]
            if rng.random() < 0.3:
                renames.setdefault(path.name, {})[f"kol {name}"] = name
                name = f"kol {name}"
            out_header.append(name)
        extra = rng.randrange(len(order) + 1)
        out_header.insert(extra, "opmerking")
        out_rows = []
        for row in rows:
            out = []
            for i in order:
                column, value = header[i], row[i]
                if column == "key_figure":
                    value = rng.choice(BOOLS[value or "false"])
                elif column in DATE_COLUMNS and value:
                    d = datetime.date.fromisoformat(value)
                    dm = (d.day, d.month) if dayfirst else (d.month, d.day)
                    value = {"iso": value, "T": value + "T00:00:00", "space": value + " 00:00:00",
                             "dmy0": f"{dm[0]:02d}-{dm[1]:02d}-{d.year:04d}",
                             "dmy": f"{dm[0]}-{dm[1]}-{d.year:04d}",
                             "slash": f"{dm[0]:02d}/{dm[1]:02d}/{d.year:04d}"}[date_style[column]]
                elif column == "weight" and comma:
                    value = value.replace(".", ",")
                out.append(value)
            out.insert(extra, rng.choice(["", "x", "belt terug", "1,5", "05-03-2022"]))
            out_rows.append(out)
        with open(folder / path.name, "w", encoding=encoding, newline="") as f:
            writer = csv.writer(f, delimiter=delimiter, lineterminator=rng.choice(["\n", "\r\n"]))
            writer.writerow(out_header)
            writer.writerows(out_rows)
    return renames


@pytest.mark.parametrize("seed", range(12))
def test_any_excel_dialect_reads_as_the_canonical_folder(tmp_path, seed):
    import random

    rng = random.Random(seed)
    net = verbind.sample_programme(seed, scale=0.05)
    net.write_csv(tmp_path / "canonical", include_sensitive=True)  # the marks' files too
    expected = verbind.read_csv(tmp_path / "canonical")
    assert expected == net
    encoding = rng.choice(["utf-8", "utf-8-sig", "cp1252"])
    dayfirst = rng.random() < 0.7
    try:
        renames = write_in_dialect(rng, tmp_path / "canonical", tmp_path / "dialect", encoding=encoding,
                                   dayfirst=dayfirst)
    except UnicodeEncodeError:  # text Windows-1252 cannot hold: the same in UTF-8
        import shutil
        shutil.rmtree(tmp_path / "dialect")
        encoding = "utf-8"
        renames = write_in_dialect(rng, tmp_path / "canonical", tmp_path / "dialect", encoding=encoding,
                                   dayfirst=dayfirst)
    with pytest.warns(verbind.CsvWarning) as caught:
        read = verbind.read_csv(tmp_path / "dialect", encoding="cp1252" if encoding == "cp1252" else "utf-8",
                                columns=renames, dayfirst=dayfirst)
    assert read == expected
    assert len(caught) == len(list((tmp_path / "dialect").glob("*.csv")))  # one per file: 'opmerking'
