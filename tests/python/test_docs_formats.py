"""The examples in docs/data-formats.md are real: each CSV table and the JSON
document read back into a Network with the values the tables describe."""
import os
import pathlib
import re

import pytest

import verbind

DOC = pathlib.Path(os.environ.get("VERBIND_README", pathlib.Path(__file__).parents[2] / "README.md")).parent / "docs" / "data-formats.md"


def blocks_under_headings(text, language):
    """{heading: first ```language block after it}"""
    out, heading = {}, None
    for match in re.finditer(r"^(#+ [^\n]*)$|^```" + language + r"\n(.*?)^```$", text, re.M | re.S):
        if match.group(1):
            heading = match.group(1).lstrip("# ").strip()
        elif heading and heading not in out:
            out[heading] = match.group(2)
    return out


@pytest.fixture(scope="module")
def doc_text():
    if not DOC.exists():
        pytest.skip(f"{DOC} not found")
    return DOC.read_text(encoding="utf-8")


def test_csv_examples_read_back(doc_text, tmp_path):
    tables = blocks_under_headings(doc_text, "csv")
    for name in ("actors.csv", "ties.csv", "events.csv", "attendance.csv", "sensitive_groups.csv"):
        assert name in tables, f"no csv example under '### {name}'"
        (tmp_path / name).write_text(tables[name], encoding="utf-8")
    net = verbind.read_csv(str(tmp_path))
    r1 = net.actor("r1")
    assert r1["neighbourhood"] == 'Centrum, "Oud"'
    assert r1["talents"] == ["koken", 'schaak, "blitz"']
    assert r1["key_figure"] is True
    assert net.actor("bib")["kind"] == "library"
    assert net.num_ties >= 1 and net.num_events >= 1 and net.num_attendances >= 1


def test_json_example_reads_back(doc_text, tmp_path):
    (document,) = blocks_under_headings(doc_text, "json").values()
    path = tmp_path / "pilot.json"
    path.write_text(document, encoding="utf-8")
    net = verbind.read_json(str(path))
    assert (net.num_actors, net.num_ties, net.num_events, net.num_attendances) == (3, 2, 1, 2)
    assert net.sensitive_groups == ["LGBTI+"]
    ties = net.ties()
    assert ties[0]["weight"] == 0.1 and ties[1]["weight"] == 1e-300
    assert net.attendance()[1]["brought_by"] == "r1"
