"""CSV and JSON export and import through Python: round trips, privacy, errors."""

import json

import pytest

import verbind


def test_csv_round_trip_with_sensitive(small, tmp_path):
    small.write_csv(tmp_path / "net", include_sensitive=True)
    back = verbind.read_csv(tmp_path / "net")
    assert back == small
    assert back.actor("ann", include_sensitive=True)["groups"] == ["lgbti", "choir"]
    assert back.sensitive_groups == ["lgbti"]


def test_csv_leaves_sensitive_groups_out_by_default(small, tmp_path):
    folder = tmp_path / "net"
    small.write_csv(str(folder))
    # Who belongs to the group is left out; only the mark itself is kept.
    assert "lgbti" not in (folder / "actors.csv").read_text(encoding="utf-8")
    back = verbind.read_csv(str(folder))
    assert back != small
    assert all("lgbti" not in a["groups"] for a in back.actors(include_sensitive=True))
    assert back.actor("ann", include_sensitive=True)["groups"] == ["choir"]
    # Everything else survives.
    assert back.ties() == small.ties()
    assert back.events() == small.events()
    assert back.attendance() == small.attendance()


def test_json_round_trip(small, tmp_path):
    path = tmp_path / "net.json"
    small.write_json(path, include_sensitive=True)
    assert verbind.read_json(path) == small
    small.write_json(path)
    document = json.loads(path.read_text(encoding="utf-8"))
    assert all("lgbti" not in actor.get("groups", []) for actor in document["actors"])
    assert "lgbti" not in json.dumps(document["actors"])
    back = verbind.read_json(str(path))
    assert back.actors(include_sensitive=True)[3]["groups"] == []
    assert back.ties() == small.ties()


def test_csv_parse_error_names_file_line_and_field(small, tmp_path):
    folder = tmp_path / "net"
    small.write_csv(folder)
    actors = folder / "actors.csv"
    text = actors.read_text(encoding="utf-8")
    assert text.count("2022-02-01") == 1  # eva's trained_on
    actors.write_text(text.replace("2022-02-01", "2022-13-01"), encoding="utf-8")
    with pytest.raises(verbind.ParseError, match=r"actors\.csv:\d+: .*'trained_on'.*'2022-13-01'") as info:
        verbind.read_csv(folder)
    assert isinstance(info.value, ValueError)


def test_json_parse_error(small, tmp_path):
    path = tmp_path / "net.json"
    small.write_json(path)
    document = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps(document).replace("2022-05-04", "2022-05-32"), encoding="utf-8")
    with pytest.raises(verbind.ParseError, match="2022-05-32"):
        verbind.read_json(path)
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(verbind.ParseError):
        verbind.read_json(path)


def test_write_into_a_missing_place_is_a_file_error(small, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(verbind.FileError) as info:
        small.write_json(blocker / "net.json")
    assert isinstance(info.value, OSError)
