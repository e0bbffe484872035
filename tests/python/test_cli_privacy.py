"""Every `verbind` command keeps special-category data out unless asked.

A network gets a fresh sensitive group, tie kind and event (names that appear
nowhere else). Every command runs on it and on the same network without those
records: nothing secret may appear in stdout, stderr or any file written, and
what is printed must be the same as for the network without them (the one
line that says how much was left out aside). With --include-sensitive the
records are used and may appear.
"""
import copy
import json
import os
import re
import subprocess

import pytest

import verbind

SECRETS = ["SECRETGROUP", "SECRETKIND", "SECRETEVENT", "SECRETEVENTKIND"]
NOTE = re.compile(r"^special-category data (left out|included)[^\n]*\n", re.M)


def cli():
    path = os.environ.get("VERBIND_CLI")
    if not path:
        pytest.skip("VERBIND_CLI is not set")
    return path


def add_secrets(doc):
    """The same network with a sensitive group on some residents, ties of a
    sensitive kind and a sensitive event with organisers and attendance,
    chosen so that they would change every count and choice if used."""
    doc = copy.deepcopy(doc)
    residents = [a for a in doc["actors"] if a["type"] == "resident"]
    assert len(residents) >= 60
    for a in residents[::3]:
        a.setdefault("groups", []).append("SECRETGROUP")
    doc["sensitive_groups"] = doc.get("sensitive_groups", []) + ["SECRETGROUP"]
    # A dense web of SECRETKIND ties around a few residents who are not key
    # figures: with them, those would be the obvious people to train.
    hubs = [a["key"] for a in residents if not a.get("key_figure")][:3]
    others = [a["key"] for a in residents if a["key"] not in hubs]
    for h in hubs:
        for o in others[:40]:
            doc["ties"].append({"a": h, "b": o, "kind": "SECRETKIND", "since": "2022-03-01"})
    doc["sensitive_tie_kinds"] = ["SECRETKIND"]
    municipality = residents[0].get("municipality", "")
    doc["events"].append({"key": "SECRETEVENT", "date": "2022-06-18", "kind": "SECRETEVENTKIND",
                          "municipality": municipality, "organisers": [hubs[0]]})
    attendance = [{"event": "SECRETEVENT", "actor": hubs[0]}]
    for i, o in enumerate(others[:30]):
        attendance.append({"event": "SECRETEVENT", "actor": o, "brought_by": hubs[i % len(hubs)] if i % 2 else hubs[0]})
    attendance += [{"event": "SECRETEVENT", "actor": h} for h in hubs[1:]]
    doc["attendance"] += attendance
    doc["sensitive_events"] = ["SECRETEVENT"]
    return doc


@pytest.fixture(scope="module")
def networks(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cli-privacy")
    base = folder / "base.json"
    verbind.sample_programme(5, scale=0.15).write_json(base)
    doc = json.loads(base.read_text(encoding="utf-8"))
    for secret in SECRETS:
        assert secret not in base.read_text(encoding="utf-8")
    full = folder / "full.json"
    full.write_text(json.dumps(add_secrets(doc)), encoding="utf-8")
    # The library reads the secrets back (so the test is not vacuous).
    net = verbind.read_json(full)
    plain = verbind.read_json(base)
    assert (net.num_ties, net.num_events) == (plain.num_ties + 120, plain.num_events + 1)
    return folder, base, full


# Every command, with the options that change what it reads (PATH is added).
COMMANDS = [
    ["stats"],
    ["map"],
    ["map", "--json"],
    ["map", "--top", "3", "--municipality", "{municipality}"],
    ["reach", "--train", "3"],
    ["match", "--top", "20"],
    ["match", "--municipality", "{municipality}"],
    ["stats", "--json"],
    ["reach", "--json", "--train", "3"],
    ["match", "--json", "--top", "20"],
    ["timeline", "--period", "quarter"],
    ["timeline", "--json"],
    ["timeline", "--excel", "-o", "{out}"],
    ["report", "-o", "{out}"],
    ["report", "-o", "{out}", "--period", "week", "--municipality", "{municipality}"],
]


def run(args, path, out, municipality, extra=()):
    argv = [cli()] + [a.format(out=out, municipality=municipality) for a in args] + [str(path)] + list(extra)
    done = subprocess.run(argv, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, (argv, done.stderr)
    written = out.read_text(encoding="utf-8") if out.exists() else ""
    if out.exists():
        out.unlink()
    return done.stdout, done.stderr, written


def without_note(text, args):
    """The output without what says how much was left out: the summaries'
    line, or --json's "special_category" counts."""
    if "--json" in args and text.strip():
        doc = json.loads(text)
        doc.pop("special_category", None)
        return json.dumps(doc)
    return NOTE.sub("", text)


def municipality_of(base):
    doc = json.loads(base.read_text(encoding="utf-8"))
    return next(a["municipality"] for a in doc["actors"] if a["type"] == "resident" and a.get("municipality"))


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: " ".join(a))
def test_no_command_shows_or_uses_sensitive_data(networks, args):
    folder, base, full = networks
    municipality = municipality_of(base)
    out = folder / "out.html"
    got = run(args, full, out, municipality)
    want = run(args, base, out, municipality)
    for stream, text in zip(["stdout", "stderr", "file"], got):
        for secret in SECRETS:
            assert secret not in text, (stream, secret)
    # The same as for the network without the secrets, once the path and
    # the line saying what was left out are set aside.
    norm = [without_note(t.replace(str(full), "PATH"), args) for t in got]
    expected = [without_note(t.replace(str(base), "PATH"), args) for t in want]
    assert norm == expected


def test_stats_counts_and_the_note(networks):
    folder, base, full = networks
    out = folder / "out.html"
    stdout, _, _ = run(["stats"], full, out, "")
    # The three fresh marks (a default export names no sensitive group, so
    # base.json carries none of the sample's own).
    assert "sensitive_groups" not in base.read_text(encoding="utf-8")
    assert "special-category data left out: 1 group, 1 tie kind, 1 event (names not shown; " \
           "--include-sensitive includes them)" in stdout
    assert "ties by kind: knows" in stdout and "SECRETKIND" not in stdout


def test_include_sensitive_uses_them(networks):
    folder, base, full = networks
    out = folder / "out.html"
    municipality = municipality_of(base)
    plain = run(["stats"], full, out, municipality)[0]
    asked = run(["stats"], full, out, municipality, extra=["--include-sensitive"])[0]
    assert "SECRETKIND 120" in asked  # 3 hubs x 40 ties
    assert "special-category data included (--include-sensitive): 1 group, 1 tie kind, 1 event" in asked
    total = lambda text: [int(x) for x in re.search(r"^total\s+(.*)$", text, re.M).group(1).split()]  # noqa: E731
    # neighbourhoods, residents, key figures, organisations, events, ties, attendances, brought along
    delta = [a - p for a, p in zip(total(asked), total(plain))]
    assert delta == [0, 0, 0, 0, 1, 120, 33, 30]
    # reach: the sensitive event's 33 attendances are counted when asked.
    reach_plain = run(["reach", "--train", "3"], full, out, municipality)[0]
    reach_asked = run(["reach", "--train", "3"], full, out, municipality, extra=["--include-sensitive"])[0]
    count = lambda text: int(re.search(r"^attendances (\d+),", text, re.M).group(1))  # noqa: E731
    assert count(reach_asked) - count(reach_plain) == 33
    # Every command accepts the flag.
    for args in COMMANDS:
        run(args, full, out, municipality, extra=["--include-sensitive"])
    demo = subprocess.run([cli(), "demo", "--scale", "0.1", "--include-sensitive"], capture_output=True, text=True)
    assert demo.returncode == 0 and "special-category data included" in demo.stdout


def test_demo_never_shows_group_names():
    done = subprocess.run([cli(), "demo", "--scale", "0.1"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "lgbti" not in done.stdout.lower() + done.stderr.lower()
    assert "special-category data left out: 1 group (names not shown; --include-sensitive includes them)" in done.stdout
