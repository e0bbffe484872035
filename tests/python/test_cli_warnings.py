"""The CLI passes the CSV reader's warnings on: one line each on stderr,
"warning: ...", with stdout the same as for the folder without the cause.

Each command that reads a network (stats, map, reach, match) runs on a CSV
folder with two extra columns and on the same folder without them."""
import csv
import os
import subprocess

import pytest

import verbind


def cli():
    path = os.environ.get("VERBIND_CLI")
    if not path:
        pytest.skip("VERBIND_CLI is not set")
    return path


def run(*args):
    done = subprocess.run([cli(), *args], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return done.stdout, done.stderr


def with_extra_column(folder, table, name, value):
    """Adds a column the layout does not know to folder/table."""
    path = os.path.join(folder, table)
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    rows[0].append(name)
    for row in rows[1:]:
        row.append(value)
    with open(path, "w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows(rows)


@pytest.fixture(scope="module")
def folders(tmp_path_factory):
    base = tmp_path_factory.mktemp("cli_warnings")
    net = verbind.Network()
    for key in ("r1", "r2", "r3"):
        net.add_resident(key, neighbourhood="Zuid", municipality="Stad")
    net.add_organisation("lib", kind="library", neighbourhood="Zuid", municipality="Stad")
    net.add_tie("r1", "r2")
    net.add_tie("r2", "lib")
    net.add_event("e1", date="2022-03-05", kind="iftar", neighbourhood="Zuid", organisers=["lib"])
    net.attend("e1", "r3", brought_by="r1")
    clean, extra = str(base / "clean"), str(base / "extra")
    net.write_csv(clean)
    net.write_csv(extra)
    with_extra_column(extra, "actors.csv", "note", "call back on Monday")
    with_extra_column(extra, "ties.csv", "opmerking", "x")
    return clean, extra


@pytest.mark.parametrize("command", [["stats"], ["stats", "--format", "csv"], ["map"], ["reach"], ["match"]])
def test_csv_warnings_go_to_stderr_one_line_each(folders, command):
    clean, extra = folders
    out_clean, err_clean = run(*command, clean)
    out_extra, err_extra = run(*command, extra)
    assert err_clean == ""
    lines = err_extra.splitlines()
    # One line per ignored column, each naming its file and column.
    assert len(lines) == 2, err_extra
    assert all(line.startswith("warning: ") for line in lines)
    assert any("actors.csv" in line and "'note'" in line for line in lines)
    assert any("ties.csv" in line and "'opmerking'" in line for line in lines)
    # The values of the ignored column are not printed, and stdout is the result only.
    assert "call back" not in err_extra + out_extra
    assert out_extra.replace(extra, clean) == out_clean


def test_the_library_gives_the_same_warnings(folders):
    # The CLI's lines are the library's warnings, as Python reads them.
    _, extra = folders
    import warnings
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        verbind.read_csv(extra)
    expected = sorted("warning: " + str(w.message) for w in caught)
    assert sorted(run("stats", extra)[1].splitlines()) == expected
