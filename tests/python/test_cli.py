"""The `verbind` command's manners (issue 16): every command's --help, --json
against the Python API on the sample programme, -o - against -o FILE, the
timeline command's CSV and Dutch-Excel CSV, exit codes and messages for bad
input, the bash completion, and docs/cli.md against the real help texts.
"""
import io
import json
import math
import os
import re
import subprocess
from pathlib import Path

import pytest

import verbind

ROOT = Path(__file__).resolve().parents[2]
COMPLETION = ROOT / "src" / "cli" / "completion" / "verbind.bash"
DOCS = ROOT / "docs" / "cli.md"


def exe():
    path = os.environ.get("VERBIND_CLI")
    if not path:
        pytest.skip("VERBIND_CLI is not set")
    return path


def run(*args, check=True):
    done = subprocess.run([exe(), *map(str, args)], capture_output=True, timeout=600)
    if check:
        assert done.returncode == 0, (args, done.stderr.decode())
    return done


def out(*args):
    return run(*args).stdout.decode("utf-8")


def usage_error(*args):
    """Runs a mistake: exit 2, nothing on stdout, the message on stderr."""
    done = run(*args, check=False)
    assert done.returncode == 2, (args, done.returncode, done.stderr.decode())
    assert done.stdout == b""
    return done.stderr.decode()


def data_error(*args):
    done = run(*args, check=False)
    assert done.returncode == 1, (args, done.returncode, done.stderr.decode())
    assert done.stdout == b""
    return done.stderr.decode()


# --- --help -----------------------------------------------------------------------

# Every option of every command, written down by hand: the help must list
# exactly these (an option the parser has but the help leaves out, or a
# documented one the parser lacks, fails here).
OUTPUT = ["--json", "-o", "--output", "--include-sensitive", "-h", "--help"]
OPTIONS = {
    "demo": ["--seed", "--scale"] + OUTPUT,
    "stats": ["--format", "--directed"] + OUTPUT,
    "convert": ["--directed", "--weights", "--duplicates", "--self-loops", "-o", "--output", "-h", "--help"],
    "map": ["--municipality", "--neighbourhood", "--top"] + OUTPUT,
    "reach": ["--train", "--influence-max", "--epsilon", "--seed", "--directed"] + OUTPUT,
    "match": ["--top", "--per-person", "--municipality", "--seed"] + OUTPUT,
    "timeline": ["--period", "--by", "--start", "--end", "--min-cell", "--seed", "--csv", "--excel"] + OUTPUT,
    "report": ["-o", "--output", "--lang", "--municipality", "--period", "--top", "--train", "--seed",
               "--include-sensitive", "-h", "--help"],
    "centrality": ["--betweenness", "--closeness", "--harmonic", "--samples", "--seed", "--weighted",
                   "--directed"] + OUTPUT,
}


def commands_of(help_text):
    block = help_text.split("commands:\n", 1)[1].split("\n\n", 1)[0]
    return [m.group(1) for m in re.finditer(r"^  ([a-z]+)\b", block, re.M)]


def options_of(help_text):
    """The option names at the start of the lines of the options block."""
    block = help_text.split("options:\n", 1)[1].split("\n\n", 1)[0]
    names = []
    for line in block.splitlines():
        if not line.startswith("  -"):
            continue
        for token in line.split():
            token = token.rstrip(",")
            if not token.startswith("-"):
                break
            names.append(token)
    return names


def test_top_level_help_lists_every_command():
    text = out("--help")
    assert text.startswith("usage: verbind <command>")
    assert commands_of(text) == list(OPTIONS) + ["help"]
    assert "Exit status: 0 success, 1 a data or input error, 2 a usage error." in text
    assert out("help") == text == out("-h")


@pytest.mark.parametrize("command", list(OPTIONS))
def test_every_command_has_help(command):
    text = out(command, "--help")
    assert text.startswith(f"usage: verbind {command} ")
    assert sorted(options_of(text)) == sorted(OPTIONS[command])
    assert out(command, "-h") == text == out("help", command)
    # --help wins over any other mistake on the line.
    assert out(command, "--no-such-option", "--help") == text
    # An unknown option's message lists the same options.
    message = usage_error(command, "--no-such-option")
    assert f"verbind: {command}: unknown option '--no-such-option' (the options: " in message
    listed = message.split("(the options: ", 1)[1].split(")", 1)[0].split(", ")
    assert sorted(n for names in listed for n in names.split("/")) == sorted(OPTIONS[command])
    assert f"usage: verbind {command} " in message


def test_report_help_names_include_sensitive():
    # The usage before issue 16 left it out.
    assert "--include-sensitive" in out("report", "--help")


# --- --json against the Python API -----------------------------------------------

@pytest.fixture(scope="module")
def sample():
    return verbind.sample_programme()


def test_map_json_equals_social_map(sample):
    got = json.loads(out("map", "--json", "--top", "4"))
    want = verbind.social_map(sample, top=4)
    assert got["people"] == want.people and got["ties"] == want.ties
    assert got["modularity"] == pytest.approx(want.modularity, rel=1e-12)
    for section in ("key_figures", "brokers", "organisations", "fragile_points", "gaps"):
        mine = got[section]
        theirs = want.to_dict()[section]
        assert len(mine) == len(theirs), section
        for m, t in zip(mine, theirs):
            for key in ("actor", "kind", "name", "why"):
                if key in t:
                    assert m[key] == t[key], (section, key)
    assert [k["score"] for k in got["key_figures"]] == pytest.approx([k["score"] for k in want.key_figures])


def test_match_json_equals_introductions(sample):
    got = json.loads(out("match", "--json", "--top", "25", "--seed", "3"))
    want = verbind.introductions(sample, seed=3)
    assert got["introductions_found"] == len(want)
    assert len(got["introductions"]) == 25
    for g, w in zip(got["introductions"], want[:25]):
        assert (g["a"], g["b"]) == (w.a, w.b)
        assert g["score"] == pytest.approx(w.score, rel=1e-12)
        assert g["shared_talents"] == list(w.shared_talents) and g["bridges"] == list(w.bridges)
        assert g["via"] == list(w.via) and g["via_kinds"] == list(w.via_kinds)


def test_reach_json_equals_cascades_and_influence(sample):
    got = json.loads(out("reach", "--json", "--train", "3"))
    c = verbind.cascades(sample)
    mine = got["cascades"]
    for key in ("attendances", "newcomers", "newcomers_brought", "generations"):
        assert mine[key] == getattr(c, key), key
    assert mine["bring_along_rate"] == pytest.approx(c.bring_along_rate, rel=1e-12)
    assert mine["newcomer_share"] == pytest.approx(c.newcomer_share, rel=1e-12)
    assert [(s["kind"], s["municipality"], s["events"], s["people"], s["newcomers"], s["largest_tree"])
            for s in mine["series"]] == [(s.kind, s.municipality, list(s.events), s.people, s.newcomers,
                                          s.largest_tree) for s in c.series]
    assert [(b["actor"], b["newcomers_brought"], b["brought"]) for b in mine["bringers"]] == \
        [(b.actor, b.newcomers_brought, b.brought) for b in c.bringers]
    # Whom to train: residents who are not key figures, with the key figures fixed.
    g = sample.graph()
    actors = {a["key"]: a for a in sample.actors()}
    residents = [k for k in g.keys if actors[k]["type"] == "resident"]
    candidates = [k for k in residents if not actors[k]["key_figure"]]
    fixed = [k for k in residents if actors[k]["key_figure"]]
    im = verbind.influence_max(g, 3, candidates=candidates, fixed=fixed)
    chosen = [g.keys[i] for i in im.seeds]
    plan = got["train"]
    assert [c["actor"] for c in plan["chosen"]] == chosen
    assert (plan["candidates"], plan["key_figures"]) == (len(candidates), len(fixed))
    assert plan["extra_reach_lower_bound"] == pytest.approx(im.extra_spread_lower_bound, rel=1e-12)
    before = verbind.spread(g, fixed, runs=10000)
    after = verbind.spread(g, fixed + chosen, runs=10000)
    assert plan["reach_now"]["mean"] == pytest.approx(before.mean, rel=1e-12)
    assert plan["reach_with_chosen"]["mean"] == pytest.approx(after.mean, rel=1e-12)
    assert plan["reach_with_chosen"]["low"] == pytest.approx(after.low, rel=1e-12)


def test_demo_and_stats_json_equal_counts(sample, tmp_path):
    got = json.loads(out("demo", "--json"))
    assert got["title"] == 'sample programme "Veilige Wijken" 2022 (seed 2022, scale 1)'
    actors = list(sample.actors())
    events = {e["key"]: e for e in sample.events()}
    where = {a["key"]: a.get("municipality") or "(none)" for a in actors}
    rows = {m["name"]: m for m in got["municipalities"]}
    for name, row in rows.items():
        assert row["residents"] == sum(1 for a in actors if where[a["key"]] == name and a["type"] == "resident")
        assert row["key_figures"] == sum(1 for a in actors if where[a["key"]] == name and a.get("key_figure"))
        assert row["organisations"] == sum(1 for a in actors if where[a["key"]] == name and a["type"] != "resident")
        assert row["events"] == sum(1 for e in events.values() if (e.get("municipality") or "(none)") == name)
        assert row["ties"] == sum(1 for t in sample.ties() if where[t["a"]] == where[t["b"]] == name)
        visits = [r for r in sample.attendance() if (events[r["event"]].get("municipality") or "(none)") == name]
        assert row["attendances"] == len(visits)
        assert row["brought_along"] == sum(1 for r in visits if r.get("brought_by"))
    assert got["total"]["ties"] == sample.num_ties
    assert got["cross_municipality_ties"] == sum(1 for t in sample.ties() if where[t["a"]] != where[t["b"]])
    kinds = {}
    for t in sample.ties():
        kinds[t["kind"]] = kinds.get(t["kind"], 0) + 1
    assert got["ties_by_kind"] == kinds
    dates = sorted(str(e["date"]) for e in events.values())
    assert (got["first_event"], got["last_event"]) == (dates[0], dates[-1])
    g = sample.graph()
    p = sample.graph(co_attendance=True)
    assert got["graphs"] == {"ties": {"nodes": g.num_nodes, "edges": g.num_edges},
                             "co_attendance": {"nodes": p.num_nodes, "edges": p.num_edges}}
    assert got["special_category"] == {"groups": 1, "tie_kinds": 0, "events": 0, "included": False}
    # stats of the same programme written to JSON: the same counts.
    sample.write_json(tmp_path / "net.json")
    stats = json.loads(out("stats", "--json", tmp_path / "net.json"))
    assert stats["municipalities"] == got["municipalities"] and stats["total"] == got["total"]


def test_every_command_reads_a_store(tmp_path):
    # A store (a SQLite file) reads as the same network as its JSON export,
    # for every command, not only stats.
    net = verbind.sample_programme(4, scale=0.1)
    net.save(tmp_path / "net.db")
    net.write_json(tmp_path / "net.json")
    for args in (["map", "--json"], ["match", "--json"], ["reach", "--json", "--train", "2"],
                 ["timeline", "--json"]):
        store = json.loads(out(*args, tmp_path / "net.db"))
        plain = json.loads(out(*args, tmp_path / "net.json"))
        store.pop("source", None), plain.pop("source", None)
        assert store == plain, args


def test_stats_json_of_an_edge_list(tmp_path):
    edges = tmp_path / "edges.txt"
    edges.write_text("0 1\n1 2\n2 3\n5 6\n")  # hand-computed below
    got = json.loads(out("stats", "--json", edges))
    assert got["format"] == "edgelist" and got["nodes"] == 6 and got["edges"] == 4 and not got["directed"]
    assert got["degree"] == {"min": 1, "median": 1.0, "mean": 8 / 6, "max": 2}  # degrees 1 2 2 1 1 1
    assert (got["components"], got["largest_component"], got["isolated"]) == (2, 4, 0)
    assert got["density"] == pytest.approx(4 / 15)
    contacts = tmp_path / "tij_x.dat"
    contacts.write_text("20 1 2 A B\n40 2 3 B A\n40 1 2 A B\n")
    got = json.loads(out("stats", "--json", contacts))
    assert (got["people"], got["contacts"], got["times"], got["pairs_who_met"]) == (3, 3, 2, 2)
    assert (got["first_time"], got["last_time"], got["groups"]) == (20, 40, {"A": 2, "B": 1})


def test_timeline_json_and_csv_equal_the_python_timeline(sample, tmp_path):
    want = verbind.timeline(sample, period="quarter")
    got = json.loads(out("timeline", "--json", "--period", "quarter"))
    assert got["periods"] == list(want.periods) and got["areas"] == list(want.areas)
    assert [m["name"] for m in got["metrics"]] == [m["name"] for m in verbind.timeline_metrics()]
    records = list(want)
    assert len(got["records"]) == len(records) > 0
    for g, w in zip(got["records"], records):
        assert (g["period"], g["area"], g["metric"], g["status"]) == (w["period"], w["area"], w["metric"], w["status"])
        assert g["value"] == w["value"] or (g["value"] is not None and g["value"] == pytest.approx(w["value"]))
    # --csv: the same rows, through pandas, and the same table as to_pandas().
    pandas = pytest.importorskip("pandas")
    frame = pandas.read_csv(io.StringIO(out("timeline", "--csv", "--period", "quarter")), keep_default_na=False,
                            float_precision="round_trip",
                            na_values={"value": [""]})
    assert list(frame.columns) == ["period", "area", "metric", "value", "status"]
    theirs = want.to_pandas()
    assert list(frame.area) == list(theirs.area) and list(frame.metric) == list(theirs.metric)
    assert list(frame.status) == list(theirs.status)
    assert list(frame.period) == [r["period"] for r in records]
    assert [p.start_time.date().isoformat() for p in theirs.period] == \
        [r["period_start"] for r in got["records"]]
    same = [(a == b) or (math.isnan(a) and math.isnan(b)) for a, b in zip(frame.value, theirs.value.astype(float))]
    assert all(same)


def test_timeline_excel_reads_back_with_dutch_settings(sample, tmp_path):
    pandas = pytest.importorskip("pandas")
    target = tmp_path / "tijdlijn.csv"
    assert run("timeline", "--excel", "-o", target).stdout == b""
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfperiod;area;metric;value;status\r\n")
    assert b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b"")
    frame = pandas.read_csv(target, sep=";", decimal=",", encoding="utf-8-sig", keep_default_na=False,
                            float_precision="round_trip",
                            na_values={"value": [""]})
    want = list(verbind.timeline(sample))
    assert len(frame) == len(want)
    fractions = 0
    for row, w in zip(frame.itertuples(index=False), want):
        assert (row.period, row.area, row.metric, row.status) == (w["period"], w["area"], w["metric"], w["status"])
        if w["value"] is None:
            assert math.isnan(row.value)
        else:
            assert row.value == w["value"]  # exactly: the shortest text that reads back
            fractions += w["value"] != int(w["value"])
    assert fractions > 0  # decimal commas were read, not just whole numbers
    # A value with a fraction is written with a comma, and no field with a point.
    body = raw.decode("utf-8-sig")
    assert re.search(r";\d+,\d+;ok\r\n", body) and not re.search(r";\d+\.\d+;", body)


def test_timeline_csv_quotes_what_needs_quoting(tmp_path):
    """Area names holding the separator, a quote or a comma survive both CSVs."""
    pandas = pytest.importorskip("pandas")
    net = verbind.Network()
    names = ['Noard; "Fryslân"', "Súdwest, Fryslân"]
    for m, name in enumerate(names):
        for i in range(12):
            net.add_resident(f"r{m}-{i}", municipality=name, neighbourhood="Centrum")
        net.add_event(f"e{m}", date="2022-05-05", kind="ontbijt", municipality=name)
        for i in range(12):
            net.attend(f"e{m}", f"r{m}-{i}")
    net.write_json(tmp_path / "net.json")
    want = list(verbind.timeline(net))
    for flag, options in (("--csv", {}), ("--excel", {"sep": ";", "decimal": ",", "encoding": "utf-8-sig"})):
        run("timeline", tmp_path / "net.json", flag, "-o", tmp_path / "t.csv")
        frame = pandas.read_csv(tmp_path / "t.csv", keep_default_na=False, na_values={"value": [""]},
                                float_precision="round_trip", **options)
        assert list(frame.area) == [r["area"] for r in want], flag
        assert set(frame.area) == set(names) | {"programme"}
        assert [None if math.isnan(v) else v for v in frame.value] == [r["value"] for r in want]
    # The text tables align by characters, not bytes ("â" is two bytes).
    lines = out("timeline", tmp_path / "net.json").splitlines()
    rows = lines[lines.index(next(l for l in lines if l.startswith("period"))) + 2:]
    assert len({row.index(r["metric"]) for row, r in zip(rows, want)}) == 1
    lines = out("stats", tmp_path / "net.json").splitlines()
    table = [l for l in lines[2:] if l and not l.startswith("-")][:4]  # header, both municipalities, cross
    assert len({len(l) for l in table[:3]}) == 1, table  # right-aligned numbers end in one column


def test_timeline_table(sample):
    text = out("timeline", "--period", "quarter", "--by", "programme")
    want = verbind.timeline(sample, period="quarter", by="programme")
    assert text.startswith('timeline of the sample programme "Veilige Wijken" 2022: '
                           f"{len(want.periods)} periods by quarter")
    lines = text.splitlines()
    header = next(i for i, line in enumerate(lines) if line.startswith("period"))
    rows = [line.split() for line in lines[header + 2:]]
    assert len(rows) == len(list(want))
    for row, w in zip(rows, want):
        assert row[:3] == [w["period"], w["area"], w["metric"]]


def test_report_is_dutch_by_default_and_english_when_asked(tmp_path):
    net = verbind.sample_programme(8, scale=0.1)
    net.write_json(tmp_path / "net.json")
    dutch = out("report", tmp_path / "net.json", "-o", "-", "--seed", "2")
    assert dutch == verbind.report(net, seed=2, lang="nl")
    assert out("report", tmp_path / "net.json", "-o", "-", "--seed", "2", "--lang=en") == \
        verbind.report(net, seed=2, lang="en") != dutch
    assert out("report", tmp_path / "net.json", "-o", "-", "--seed", "2", "--lang", "nl") == dutch


# --- -o - and -o FILE ----------------------------------------------------------------

@pytest.mark.parametrize("args", [["demo", "--scale", "0.2"], ["demo", "--scale", "0.2", "--json"],
                                  ["map", "--top", "3"], ["map", "--json"], ["match", "--top", "5"],
                                  ["match", "--json"], ["reach", "--train", "2"], ["reach", "--json"],
                                  ["timeline"], ["timeline", "--json"], ["timeline", "--csv"],
                                  ["timeline", "--excel"], ["report", "--lang", "en"]],
                         ids=" ".join)
def test_output_dash_equals_the_file(args, tmp_path):
    target = tmp_path / "result"
    to_file = run(*args, "-o", target)
    written = target.read_bytes()
    to_stdout = run(*args, "-o", "-").stdout
    assert to_stdout == written and len(written) > 0
    if args[0] == "report":
        assert to_file.stdout.decode().startswith(f"wrote {target}")
    else:
        assert to_file.stdout == b""
        assert run(*args).stdout == written  # no -o at all: the same
    # --opt=value reads as --opt value.
    assert run(*args, f"--output={target}").stdout == to_file.stdout and target.read_bytes() == written


def test_stats_output_to_file(tmp_path):
    net = verbind.sample_programme(scale=0.1)
    net.write_json(tmp_path / "n.json")
    run("stats", tmp_path / "n.json", "-o", tmp_path / "s.txt")
    assert (tmp_path / "s.txt").read_text() == out("stats", tmp_path / "n.json")


def test_equals_sign_and_space_read_the_same():
    assert out("match", "--top=3", "--seed=5") == out("match", "--top", "3", "--seed", "5")


# --- bad input -----------------------------------------------------------------------

def test_usage_errors_say_what_would_be_valid(tmp_path):
    assert "missing command: expected demo, stats, convert, map, reach, match, timeline, report, centrality or help" in usage_error()
    assert "unknown command 'mapp': expected demo, stats, convert, map" in usage_error("mapp")
    assert "map: --top needs a value" in usage_error("map", "--top")
    assert "map: --top needs a value" in usage_error("map", "--top=")
    assert "map: --json takes no value" in usage_error("map", "--json=yes")
    assert "map: --top given more than once" in usage_error("map", "--top", "2", "--top", "3")
    assert "map: --top: expected a whole number from 1 to" in usage_error("map", "--top", "0")
    # No abbreviations: --muni could mean another option tomorrow.
    assert "unknown option '--muni'" in usage_error("map", "--muni", "Almere")
    assert "map: expected at most one PATH, got 'a' and 'b'" in usage_error("map", "a", "b")
    assert "demo: takes no PATH, got 'x'" in usage_error("demo", "x")
    # A value the library's options refuse (validate()) is found before any work.
    assert "demo: sample options field 'scale': must be a number in (0, 1000], got 0" in \
        usage_error("demo", "--scale", "0")
    assert "stats: missing PATH" in usage_error("stats")
    assert "report: missing -o FILE" in usage_error("report")
    assert "report: --lang must be en or nl, got 'fr'" in usage_error("report", "-o", tmp_path / "r.html",
                                                                         "--lang", "fr")
    assert "timeline: --period must be week, month, quarter or year, got 'fortnight'" in \
        usage_error("timeline", "--period", "fortnight")
    assert "report: --period must be week, month, quarter or year, got 'day'" in \
        usage_error("report", "-o", tmp_path / "r.html", "--period", "day")
    assert "timeline: --by must be municipality, neighbourhood or programme, got 'street'" in \
        usage_error("timeline", "--by", "street")
    assert "timeline: --csv, --excel and --json exclude each other" in usage_error("timeline", "--csv", "--json")
    assert "--start" in usage_error("timeline", "--start", "2022-13-01")
    assert "--start must be before --end" in usage_error("timeline", "--start", "2022-05-01", "--end", "2022-04-01")
    assert "stats: --format must be csv, json, store, edgelist, contacts or graph, got 'xml'" in \
        usage_error("stats", "--format", "xml", tmp_path)
    # A folder where a file is expected.
    message = usage_error("map", "-o", tmp_path)
    assert f"map: -o: '{tmp_path}' is a folder; give a file name in it, or - for standard output" in message
    assert "is a folder" in usage_error("report", "-o", tmp_path)
    assert "is a folder, and --format json reads a file" in usage_error("stats", "--format", "json", tmp_path)
    assert not any(tmp_path.iterdir())  # nothing written by any of them


def test_data_errors(tmp_path):
    message = data_error("map", "--municipality", "Atlantis")
    assert "no actor in municipality 'Atlantis'; the municipalities of the network: Almere, Amsterdam-West, " \
           "Groningen, Lelystad" in message
    for command in (["match"], ["report", "-o", tmp_path / "r.html"]):
        assert "the municipalities of the network: Almere, Amsterdam-West, Groningen, Lelystad" in \
            data_error(*command, "--municipality", "Atlantis")
    message = data_error("map", "--municipality", "Almere", "--neighbourhood", "Centrum-Noord")
    assert "no actor in neighbourhood 'Centrum-Noord' of Almere; the neighbourhoods of the network: " in message
    assert "/no/such/network.json" in data_error("map", "/no/such/network.json")
    assert "the folder '/no/such' does not exist" in data_error("timeline", "-o", "/no/such/t.csv")
    assert not (tmp_path / "r.html").exists()


# --- bash completion -----------------------------------------------------------------

def complete(*words):
    """COMPREPLY for the command line `verbind words...` (the last word is being completed)."""
    script = (f"source {COMPLETION}; COMP_WORDS=({exe()} " + " ".join(f"'{w}'" for w in words) +
              f"); COMP_CWORD={len(words)}; _verbind; printf '%s\\n' \"${{COMPREPLY[@]}}\"")
    done = subprocess.run(["bash", "-c", script], capture_output=True, text=True, check=True, cwd="/")
    return [w for w in done.stdout.splitlines() if w]


def test_completion_is_registered():
    exe()
    done = subprocess.run(["bash", "-c", f"source {COMPLETION} && complete -p verbind"], capture_output=True,
                          text=True, check=True)
    assert done.stdout.strip() == "complete -F _verbind verbind"


def test_completion_offers_the_commands_and_options():
    assert complete("") == commands_of(out("--help"))
    assert complete("ma") == ["map", "match"]
    for command, options in OPTIONS.items():
        assert sorted(complete(command, "-")) == sorted(options)
        assert sorted(complete(command, "--")) == sorted(o for o in options if o.startswith("--"))


@pytest.mark.parametrize("command,option", [("timeline", "--period"), ("report", "--period"), ("timeline", "--by"),
                                            ("stats", "--format"), ("report", "--lang")])
def test_completion_offers_the_choices_the_parser_takes(command, option, tmp_path):
    message = usage_error(command, "-o", tmp_path / "x", option, "nonsense", tmp_path)
    choices = re.search(option + r" must be (.*), got 'nonsense'", message).group(1).replace(" or ", ", ").split(", ")
    assert sorted(complete(command, option, "")) == sorted(choices)
    assert sorted(complete(command, f"{option}=")) == sorted(choices)


# --- docs/cli.md -----------------------------------------------------------------------

def test_docs_show_the_real_help():
    """Every `$ verbind ... --help` block in docs/cli.md is what the command prints."""
    text = DOCS.read_text(encoding="utf-8")
    blocks = re.findall(r"```\n\$ verbind ((?:[a-z]+ )?--help)\n(.*?)```", text, re.S)
    shown = {args for args, _ in blocks}
    assert shown == {"--help"} | {f"{c} --help" for c in OPTIONS}
    for args, body in blocks:
        assert body == out(*args.split()), args
