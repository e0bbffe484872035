"""The one privacy view, from the outside (issue 14): every public function
that takes a Network, found by walking verbind.__all__ and the Network's
methods, is run on a Network with a fresh sensitive group, tie kind and
event (random names each run), and on the same Network without them.

Without include_sensitive=True, every output (return value, repr, HTML,
to_pandas, files written) must be the same for both networks: then no name,
key or count that only the sensitive records could produce leaves; and none
of the fresh names may appear. With include_sensitive=True, the names must
appear where the function documents them.

A function that takes a Network and is in neither table below fails the
test: a new one has to be classified (and so thought about) first.
"""

import inspect
import os
import pathlib
import re
import secrets
import subprocess

import pytest

import verbind

pd = pytest.importorskip("pandas")


def fresh(prefix):
    return f"{prefix}{secrets.token_hex(5)}"


GROUP, KIND, EVENT, EVENT_KIND, EVENT_AREA = (fresh(p) for p in ("grp", "kind", "ev", "evkind", "area"))
TOKENS = [GROUP, KIND, EVENT, EVENT_KIND, EVENT_AREA]


def build(with_sensitive):
    """A small sample programme; with_sensitive adds GROUP to every third
    resident, ties of KIND between residents who have none, and event EVENT
    (kind EVENT_KIND, neighbourhood EVENT_AREA) with organisers, attendance
    and people brought along -- each chosen to change counts and choices if
    it were used -- and marks the three."""
    frames = verbind.sample_programme(seed=5, scale=0.1).to_pandas(include_sensitive=True)
    actors = frames["actors"]
    residents = actors.loc[actors["type"] == "resident", "key"].tolist()
    if with_sensitive:
        actors = actors.copy()
        actors["groups"] = [
            g + [GROUP] if t == "resident" and i % 3 == 0 else g
            for i, (g, t) in enumerate(zip(actors["groups"], actors["type"]))]
        tied = set(frames["ties"]["a"]) | set(frames["ties"]["b"])
        loners = [k for k in residents if k not in tied] or residents
        pairs = [(residents[i], residents[i + 1]) for i in range(0, 60, 2)]
        pairs += [(residents[0], k) for k in loners[:10] if k not in residents[:2]]
        pairs = list(dict.fromkeys(pairs))
        extra_ties = pd.DataFrame({"a": [a for a, _ in pairs], "b": [b for _, b in pairs], "kind": KIND,
                                   "since": pd.Timestamp("2022-03-01").date(), "until": None, "weight": 5.0})
        ties = pd.concat([frames["ties"], extra_ties], ignore_index=True)
        first = frames["events"].iloc[0]
        extra_event = pd.DataFrame({"key": [EVENT], "date": [pd.Timestamp("2022-04-02").date()], "kind": [EVENT_KIND],
                                    "neighbourhood": [EVENT_AREA], "municipality": [first["municipality"]],
                                    "organisers": [[residents[1], residents[2]]]})
        events = pd.concat([frames["events"], extra_event], ignore_index=True)
        people = residents[:40]
        extra_att = pd.DataFrame({"event": EVENT, "actor": people,
                                  "brought_by": [None if i % 2 == 0 else people[i - 1] for i in range(len(people))]})
        attendance = pd.concat([frames["attendance"], extra_att], ignore_index=True)
    else:
        ties, events, attendance = frames["ties"], frames["events"], frames["attendance"]
    net = verbind.Network.from_pandas(actors, ties, events, attendance,
                                      sensitive_groups=frames["sensitive_groups"],
                                      sensitive_tie_kinds=frames["sensitive_tie_kinds"],
                                      sensitive_events=frames["sensitive_events"])
    if with_sensitive:
        net.mark_sensitive(GROUP)
        net.mark_sensitive_tie_kind(KIND)
        net.mark_sensitive_event(EVENT)
    return net


@pytest.fixture(scope="module")
def nets():
    return build(True), build(False)


# --- turning any output into text ------------------------------------------------

ADDRESS = re.compile(r"0x[0-9a-f]+")


def text_of(value, seen=None):
    """Everything an output shows: repr, HTML, its tables, its parts."""
    seen = {} if seen is None else seen  # id -> the object, kept alive so no id is reused
    if id(value) in seen:
        return ""
    seen[id(value)] = value
    parts = [ADDRESS.sub("0x?", repr(value))]
    if isinstance(value, (list, tuple)):
        parts += [text_of(v, seen) for v in value]
    elif isinstance(value, dict):
        parts += [text_of(k, seen) + text_of(v, seen) for k, v in value.items()]
    elif isinstance(value, pd.DataFrame):
        parts.append(value.to_csv())
    elif isinstance(value, verbind.Graph):
        parts.append(repr((value.keys, value.edges())))
    elif type(value).__module__.startswith("networkx"):
        import networkx as nx
        parts.append(repr(nx.node_link_data(value)))
    elif type(value).__module__.startswith("igraph"):
        parts.append(repr((value.get_edgelist(), [v.attributes() for v in value.vs],
                           [e.attributes() for e in value.es], value.attributes())))
    if hasattr(value, "_repr_html_") and not isinstance(value, type):
        parts.append(value._repr_html_())
    if hasattr(value, "to_pandas") and not isinstance(value, (type, verbind.Network)):
        try:
            parts.append(text_of(value.to_pandas(), seen))
        except TypeError:  # needs an argument (SocialMap: a part)
            for part in getattr(value, "parts", ()):
                parts.append(text_of(value.to_pandas(part), seen))
    return "\n".join(parts)


def files_in(folder):
    """Every file written under folder, by relative path, as text."""
    root = pathlib.Path(folder)
    return {str(p.relative_to(root)): p.read_bytes().decode("utf-8", "replace")
            for p in sorted(root.rglob("*")) if p.is_file()}


def first_event_key(net):
    return net.events()[0]["key"]


# --- the classification ------------------------------------------------------------
# Each entry: name -> call(net, out_dir, include_sensitive) -> output, and the
# fresh names that must appear with include_sensitive=True ("documented").
# Without include_sensitive the call passes no include_sensitive at all, so
# what is checked is each function's default (a default of True once let
# graph() use sensitive ties unasked).
S = dict(seed=1, threads=1)


def asked(inc):
    """The keyword for include_sensitive: given by name when True, left to
    the default when False."""
    return {"include_sensitive": True} if inc else {}


FILTERED = {
    # module-level functions
    "social_map": (lambda n, d, inc: verbind.social_map(n, **asked(inc), **S), ()),
    "cascades": (lambda n, d, inc: verbind.cascades(n, **asked(inc)), (EVENT,)),
    "temporal_reach": (lambda n, d, inc: verbind.temporal_reach(
        n, [a["key"] for a in n.actors()[:1]], start="2022-02-26", end="2022-04-10", **asked(inc)), ()),
    "introductions": (lambda n, d, inc: verbind.introductions(n, **asked(inc), **S), ()),
    "timeline": (lambda n, d, inc: verbind.timeline(n, **asked(inc), **S), ()),
    "report": (lambda n, d, inc: verbind.report(n, **asked(inc), **S), ()),
    "write_graphml": (lambda n, d, inc: verbind.write_graphml(n, os.path.join(d, "n.graphml"), **asked(inc)),
                      (GROUP, KIND)),
    "to_networkx": (lambda n, d, inc: verbind.to_networkx(n, **asked(inc)), (GROUP, KIND, EVENT)),
    "to_igraph": (lambda n, d, inc: verbind.to_igraph(n, **asked(inc)), (GROUP, KIND, EVENT)),
    # tables() takes no include_sensitive: special-category groups never seat anyone
    "tables": (lambda n, d, inc: verbind.tables(n, first_event_key(n), seed=1), ()),
    # Network methods
    "Network.actor": (lambda n, d, inc: [n.actor(a["key"], **asked(inc)) for a in n.actors()[:12]], (GROUP,)),
    "Network.actors": (lambda n, d, inc: n.actors(**asked(inc)), (GROUP,)),
    # graph(): ties of sensitive kinds (and, with co_attendance, sensitive
    # events) only with include_sensitive=True; a Graph holds no names of kinds
    # or events, so nothing is named with it either
    "Network.graph": (lambda n, d, inc: [n.graph(**asked(inc)), n.graph(**asked(inc), co_attendance=True)],
                      ()),
    "Network.to_pandas": (lambda n, d, inc: n.to_pandas(**asked(inc)), (GROUP, KIND, EVENT, EVENT_KIND, EVENT_AREA)),
    "Network.write_csv": (lambda n, d, inc: n.write_csv(os.path.join(d, "csv"), **asked(inc)),
                          (GROUP, KIND, EVENT, EVENT_KIND, EVENT_AREA)),
    "Network.write_json": (lambda n, d, inc: n.write_json(os.path.join(d, "n.json"), **asked(inc)),
                           (GROUP, KIND, EVENT, EVENT_KIND, EVENT_AREA)),
    "Network.write_graphml": (lambda n, d, inc: n.write_graphml(os.path.join(d, "n.graphml"), **asked(inc)),
                              (GROUP, KIND)),
}

# Functions that take a Network but are not an output of it: they edit it,
# hand the owner the records as held, or keep everything by design. Each
# with its reason; the test checks what can be checked (no fresh name in a
# repr or its HTML).
OWNER = {
    "pseudonymise": "a Network copy with new keys: keeps every record and mark (docs/privacy.md)",
    "Network.__repr__": "counts of the records as held; no names (checked below)",
    "Network._repr_html_": "counts of the records as held; no names (checked below)",
    "Network.__getstate__": "pickling: a full copy, marks included",
    "Network.__reduce__": "pickling: a full copy, marks included",
    "Network.__eq__": "compares everything, returns a bool",
    "Network.__contains__": "is this actor key in it: a bool",
    "Network.copy": "a full copy, marks included",
    "Network.save": "the store keeps every record and mark",
    "Network.ties": "the records as held (the owner's own data)",
    "Network.events": "the records as held (the owner's own data)",
    "Network.attendance": "the records as held (the owner's own data)",
    "Network.sensitive_groups": "the marks themselves, asked for by name",
    "Network.sensitive_events": "the marks themselves, asked for by name",
    "Network.sensitive_tie_kinds": "the marks themselves, asked for by name",
    "Network.mark_sensitive": "edits", "Network.mark_sensitive_event": "edits",
    "Network.mark_sensitive_tie_kind": "edits", "Network.add_resident": "edits",
    "Network.add_organisation": "edits", "Network.add_tie": "edits", "Network.add_event": "edits",
    "Network.add_organiser": "edits", "Network.attend": "edits", "Network.remove": "edits",
    "Network.remove_event": "edits", "Network.import_csv": "edits", "Network.from_pandas": "builds a Network",
    "Network.num_actors": "a count of actors (actors are never sensitive)",
    "Network.num_residents": "a count of actors (actors are never sensitive)",
    "Network.num_organisations": "a count of actors (actors are never sensitive)",
    "Network.num_ties": "the count as held", "Network.num_events": "the count as held",
    "Network.num_attendances": "the count as held",
}

NO_OPTION = {"tables"}  # FILTERED entries without an include_sensitive keyword

NETWORK_DUNDERS = {"__repr__", "__getstate__", "__reduce__", "__eq__", "__contains__", "_repr_html_"}


def takes_network(func):
    try:
        sig = inspect.signature(func)
    except (TypeError, ValueError):
        return False
    for p in sig.parameters.values():
        text = str(p.annotation)
        if re.search(r"\bNetwork\b", text) or (p.name in ("net", "network") and p.annotation is inspect.Parameter.empty):
            return True
    return False


def public_network_callables():
    names = set()
    for name in verbind.__all__:
        obj = getattr(verbind, name)
        if callable(obj) and not inspect.isclass(obj) and takes_network(obj):
            names.add(name)
    for name in dir(verbind.Network):
        if name.startswith("_") and name not in NETWORK_DUNDERS:
            continue
        names.add("Network." + name)
    return names


def test_every_function_taking_a_network_is_classified():
    found = public_network_callables()
    unclassified = sorted(found - set(FILTERED) - set(OWNER))
    assert not unclassified, f"classify these in test_privacy_view.py (FILTERED or OWNER): {unclassified}"
    # and the tables name nothing that is gone
    stale = sorted((set(FILTERED) | set(OWNER)) - found)
    assert not stale, f"no longer public (or no longer taking a Network): {stale}"


def test_discovery_finds_what_it_should():
    # The walk is not empty-handed: the known takers are found by it.
    found = public_network_callables()
    for name in ("cascades", "report", "timeline", "social_map", "to_networkx", "write_graphml",
                 "Network.write_json", "Network.to_pandas"):
        assert name in found


def run(entry, net, folder, inc):
    call = FILTERED[entry][0]
    os.makedirs(folder, exist_ok=True)
    value = call(net, folder, inc)
    return text_of(value), files_in(folder)


def test_fresh_names_are_really_in_the_network(nets):
    sens, plain = nets
    assert sens.sensitive_tie_kinds == sorted(plain.sensitive_tie_kinds + [KIND])
    assert EVENT in sens.sensitive_events and GROUP in sens.sensitive_groups
    assert any(GROUP in a["groups"] for a in sens.actors(include_sensitive=True))
    assert sens.num_ties > plain.num_ties and sens.num_events == plain.num_events + 1


@pytest.mark.parametrize("entry", sorted(FILTERED))
def test_nothing_sensitive_leaves_unless_asked(entry, nets, tmp_path):
    sens, plain = nets
    text_s, files_s = run(entry, sens, tmp_path / "sens", False)
    text_p, files_p = run(entry, plain, tmp_path / "plain", False)
    everything = text_s + "".join(files_s.values())
    for token in TOKENS:
        assert token not in everything, f"{entry}: {token!r} left without include_sensitive=True"
    # The same output as for the network that never had them: no count or
    # choice changed by them either.
    assert files_s.keys() == files_p.keys()
    for name in files_s:
        assert files_s[name] == files_p[name], f"{entry}: file {name} differs"
    assert text_s == text_p, f"{entry}: output differs from the network without the sensitive records"


@pytest.mark.parametrize("entry", sorted(e for e in FILTERED if FILTERED[e][1]))
def test_asked_for_by_name_they_appear(entry, nets, tmp_path):
    sens, _ = nets
    text, files = run(entry, sens, tmp_path / "inc", True)
    everything = text + "".join(files.values())
    for token in FILTERED[entry][1]:
        assert token in everything, f"{entry}: {token!r} missing with include_sensitive=True"


@pytest.mark.parametrize("entry", sorted(set(FILTERED) - NO_OPTION))
def test_include_sensitive_changes_what_is_used(entry, nets, tmp_path):
    # With include_sensitive=True the sensitive records are used: the output
    # differs from the network without them (ties of KIND link loners, the
    # event brings 40 people; every function here sees one of them).
    sens, plain = nets
    text_s, files_s = run(entry, sens, tmp_path / "sens", True)
    text_p, files_p = run(entry, plain, tmp_path / "plain", True)
    assert (text_s, files_s) != (text_p, files_p), f"{entry}: include_sensitive=True used nothing of them"


@pytest.mark.parametrize("name", ["Network.__repr__", "Network._repr_html_"])
def test_owner_views_name_nothing(name, nets):
    sens, _ = nets
    text = repr(sens) if name == "Network.__repr__" else sens._repr_html_()
    for token in TOKENS:
        assert token not in text


def graph_edges(g):
    """A Graph's edges as sorted (key, key, weight) with each pair's keys sorted."""
    src, dst, w = g.edges()
    keys = g.keys
    return sorted((*sorted((keys[int(a)], keys[int(b)])), float(x)) for a, b, x in zip(src, dst, w))


def test_graph_leaves_sensitive_ties_and_events_out_by_default():
    # Regression: graph() used to keep ties of sensitive kinds and the
    # co-attendance of sensitive events unless include_sensitive=False was
    # passed. Hand-built: a-b knows (public), b-c therapy (sensitive kind),
    # a and c at a sensitive event, a and b at a public one.
    net = verbind.Network()
    for key in ("a", "b", "c"):
        net.add_resident(key, neighbourhood="north")
    net.add_tie("a", "b", "knows", weight=2.0)
    net.add_tie("b", "c", "therapy", weight=3.0)
    net.add_event("group", date="2022-05-01", kind="meeting")
    net.add_event("open", date="2022-05-02", kind="meal")
    for actor in ("a", "c"):
        net.attend("group", actor)
    for actor in ("a", "b"):
        net.attend("open", actor)
    net.mark_sensitive_tie_kind("therapy")
    net.mark_sensitive_event("group")

    assert graph_edges(net.graph()) == [("a", "b", 2.0)]
    assert graph_edges(net.graph(include_sensitive=True)) == [("a", "b", 2.0), ("b", "c", 3.0)]
    assert graph_edges(net.graph(co_attendance=True)) == [("a", "b", 1.0)]
    assert graph_edges(net.graph(co_attendance=True, include_sensitive=True)) == [("a", "b", 1.0), ("a", "c", 1.0)]
    # every actor stays a node either way (actors are never sensitive)
    assert net.graph().keys == net.graph(include_sensitive=True).keys == ["a", "b", "c"]


def callable_of(name):
    if name.startswith("Network."):
        return getattr(verbind.Network, name[len("Network."):])
    return getattr(verbind, name)


def test_every_include_sensitive_defaults_to_false():
    # The class of test that would have caught graph()'s old default: every
    # public function or method that takes a Network and has an
    # include_sensitive keyword defaults it to False (found by the same walk
    # as the classification above, so a new one is checked too).
    checked, wrong = [], []
    for name in sorted(public_network_callables()):
        try:
            sig = inspect.signature(callable_of(name))
        except (TypeError, ValueError):
            continue
        p = sig.parameters.get("include_sensitive")
        if p is None:
            continue
        checked.append(name)
        if p.default is not False:
            wrong.append(f"{name}: include_sensitive={p.default!r}")
    assert not wrong, wrong
    # the walk reached the known ones, graph() among them
    assert {"Network.graph", "report", "to_networkx", "Network.write_csv"} <= set(checked)


def cli():
    path = os.environ.get("VERBIND_CLI")
    if not path:
        pytest.skip("VERBIND_CLI is not set")
    return path


NOTE = re.compile(r"^special-category data (left out|included)[^\n]*\n", re.M)


def cli_commands(exe):
    """The commands the CLI lists in its usage."""
    usage = subprocess.run([exe, "--help"], capture_output=True, text=True, check=True).stdout
    block = usage.split("commands:", 1)[1]
    return {m.group(1) for m in re.finditer(r"^  ([a-z]+)\b", block, re.M)} - {"help"}


CLI = {
    "stats": lambda p, o: ["stats", p],
    "map": lambda p, o: ["map", p],
    "match": lambda p, o: ["match", p, "--seed", "1"],
    "reach": lambda p, o: ["reach", p],
    "report": lambda p, o: ["report", p, "-o", o, "--seed", "1"],
    "timeline": lambda p, o: ["timeline", p, "--period", "quarter"],
}
CLI_NO_NETWORK = {
    "demo": "the sample programme only (its own marks, counted not named)",
    # A researcher's graph (edge list or binary graph file) only: a network
    # folder, JSON file or store is refused (test_cli_graph_commands_refuse_a_network).
    "centrality": "graph files only",
    "convert": "graph files only",
}


def test_cli_graph_commands_refuse_a_network(nets, tmp_path):
    """centrality and convert read graphs, never a Network: given one (CSV
    folder, JSON, store) they fail and show none of its records."""
    exe = cli()
    sens, _ = nets
    sens.write_csv(tmp_path / "sens", include_sensitive=True)
    sens.write_json(tmp_path / "sens.json", include_sensitive=True)
    sources = [tmp_path / "sens", tmp_path / "sens.json"]
    for source in sources:
        for args in (["centrality", "--betweenness", str(source)], ["convert", str(source), "-o", str(tmp_path / "g.vbg")]):
            run_ = subprocess.run([exe] + args, capture_output=True, text=True)
            assert run_.returncode != 0, args
            for token in TOKENS:
                assert token not in run_.stdout + run_.stderr, (args, token)
            assert not (tmp_path / "g.vbg").exists()


def test_cli_every_command(nets, tmp_path):
    exe = cli()
    commands = cli_commands(exe)
    assert commands - set(CLI) - set(CLI_NO_NETWORK) == set(), "classify the new CLI command here"
    sens, plain = nets
    sens.write_csv(tmp_path / "sens", include_sensitive=True)
    plain.write_csv(tmp_path / "plain", include_sensitive=True)
    for command, args in CLI.items():
        outs = {}
        for name in ("sens", "plain"):
            html = tmp_path / f"{command}-{name}.html"
            run_ = subprocess.run([exe] + args(str(tmp_path / name), str(html)), capture_output=True, text=True,
                                  check=True)
            text = NOTE.sub("", run_.stdout.replace(str(tmp_path / name), "PATH").replace(str(html), "OUT"))
            if html.exists():
                text += html.read_text()
            outs[name] = text
        for token in TOKENS:
            assert token not in outs["sens"], f"verbind {command}: {token!r} left without --include-sensitive"
        assert outs["sens"] == outs["plain"], f"verbind {command}: differs from the network without them"
    asked = subprocess.run([exe, "stats", str(tmp_path / "sens"), "--include-sensitive"], capture_output=True,
                           text=True, check=True).stdout
    assert KIND in asked  # ties by kind name it
