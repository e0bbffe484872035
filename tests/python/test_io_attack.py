"""Readers and writers under attack (issue 11): GraphML that a strict XML
parser reads back for every awkward code point, default exports that hold no
name of anything marked sensitive, paths with a NUL, a disk that fills up
mid-export (a real 64 KiB tmpfs when the test may mount one), byte order
marks, bad bytes in contact lists, overflowing sums and negative zero."""

import contextlib
import os
import random
import subprocess
import xml.etree.ElementTree as ET

import pytest

import verbind

GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"

# One of each class of awkward code point: C0 controls (tab and line breaks
# included), DEL and C1 controls, line and paragraph separators, NBSP, the
# edges of the XML ranges, noncharacters, astral characters, markup.
AWKWARD = (
    ["\x00", "\x01", "\x08", "\x0b", "\x0c", "\x1f", "\t", "\n", "\r", "\x7f", "\x85", "\x9f",
     "\u2028", "\u2029", "\xa0", "\ud7ff", "\ue000", "\ufdd0", "\ufffd", "\ufffe", "\uffff",
     "\U0001f308", "\U0010fffd", "\U0010ffff", "&", "<", ">", '"', "'", "]]>", ";", ",", " "]
)


def awkward_texts(rng):
    """Every awkward code point alone inside a text, then random mixes of them."""
    for c in AWKWARD:
        yield "a" + c + "z"
    for _ in range(200):
        yield "k" + "".join(rng.choice(AWKWARD) if rng.random() < 0.4 else rng.choice("abcXYZé")
                            for _ in range(rng.randint(1, 6))) + "z"


def parsed_graphml(path):
    """The nodes and edges of a GraphML file, through expat (strict XML 1.0)."""
    root = ET.parse(path).getroot()
    keys = {k.get("id"): k.get("attr.name") for k in root.iter(GRAPHML + "key")}
    graph = root.find(GRAPHML + "graph")
    nodes = {}
    for node in graph.iter(GRAPHML + "node"):
        nodes[node.get("id")] = {keys[d.get("key")]: d.text for d in node.iter(GRAPHML + "data")}
    edges = []
    for edge in graph.iter(GRAPHML + "edge"):
        data = {keys[d.get("key")]: d.text for d in edge.iter(GRAPHML + "data")}
        edges.append((edge.get("source"), edge.get("target"), data.get("kind")))
    return nodes, edges


def test_every_graphml_parses_strictly_and_reads_back(tmp_path):
    rng = random.Random(11)
    written = refused_by_model = refused_by_graphml = 0
    case = 0
    for text in awkward_texts(rng):
        for field in ("key", "neighbourhood", "talent", "kind"):
            case += 1
            values = {"key": "r", "neighbourhood": "Noord", "talent": "koken", "kind": "knows"}
            values[field] = text
            net = verbind.Network()
            try:
                net.add_resident(values["key"], neighbourhood=values["neighbourhood"], talents=[values["talent"]])
                net.add_resident("other")
                net.add_tie(values["key"], "other", values["kind"])
            except ValueError:
                refused_by_model += 1  # the model's own rule for text: nothing to write
                continue
            path = tmp_path / f"g{case}.graphml"
            try:
                net.write_graphml(path)
            except ValueError as error:
                refused_by_graphml += 1
                assert "GraphML" in str(error) and "XML 1.0" in str(error) and f"field '{field}'" in str(error)
                assert not path.exists()
                # Refused are exactly the characters XML 1.0 cannot hold.
                assert any(c in "\ufffe\uffff" or (ord(c) < 0x20 and c not in "\t\n\r") for c in text)
                continue
            written += 1
            nodes, edges = parsed_graphml(path)  # expat: raises on anything not well-formed
            node = nodes[values["key"]]
            assert node["neighbourhood"] == values["neighbourhood"]
            assert node["talents"] == values["talent"]
            assert edges == [(values["key"], "other", values["kind"])]
    assert written >= 100, (written, refused_by_model, refused_by_graphml)


@pytest.mark.parametrize("bad", ["\ufffe", "\uffff", "\x01", "\x1f"])
def test_text_xml_cannot_hold_is_refused_naming_the_record(tmp_path, bad):
    """Refused when it comes in (the model's text rule) or, should the model
    ever take it, by the GraphML writer: never written."""
    net = verbind.Network()
    try:
        net.add_resident("a" + bad)
    except ValueError as error:
        assert "resident key" in str(error)
        return
    with pytest.raises(ValueError, match=r"resident 'a.' field 'key'.*XML 1.0"):
        net.write_graphml(tmp_path / "g.graphml")
    assert os.listdir(tmp_path) == []


def sensitive_network():
    net = verbind.Network()
    net.add_resident("r1", groups=["GROUPSECRET", "choir"])
    net.add_resident("r2")
    net.add_organisation("org", kind="welfare")
    net.mark_sensitive("GROUPSECRET")
    net.mark_sensitive("UNUSEDGROUPSECRET")
    net.mark_sensitive_tie_kind("KINDSECRET")
    net.add_tie("r1", "r2", "KINDSECRET")
    net.add_tie("r1", "org", "knows")
    net.add_event("EVENTSECRET", date="2022-06-25", kind="pride")
    net.attend("EVENTSECRET", "r2")
    net.mark_sensitive_event("EVENTSECRET")
    return net


def all_bytes(path):
    if path.is_dir():
        return b"".join(p.name.encode() + p.read_bytes() for p in sorted(path.iterdir()))
    return path.read_bytes()


def test_default_exports_hold_no_name_of_anything_sensitive(tmp_path):
    net = sensitive_network()
    net.write_csv(tmp_path / "csv")
    net.write_json(tmp_path / "net.json")
    net.write_graphml(tmp_path / "net.graphml")
    names = [b"GROUPSECRET", b"KINDSECRET", b"EVENTSECRET", b"pride", b"sensitive"]
    for path in (tmp_path / "csv", tmp_path / "net.json", tmp_path / "net.graphml"):
        data = all_bytes(path)
        for name in names:
            assert name not in data, (path.name, name)
    assert sorted(p.name for p in (tmp_path / "csv").iterdir()) == [
        "actors.csv", "attendance.csv", "events.csv", "ties.csv"]
    # What reads back has nothing sensitive, and nothing marked: the marks
    # would have nothing to mark.
    for back in (verbind.read_csv(tmp_path / "csv"), verbind.read_json(tmp_path / "net.json")):
        assert back.sensitive_groups == [] and back.sensitive_tie_kinds == [] and back.sensitive_events == []
        assert back.actor("r1", include_sensitive=True)["groups"] == ["choir"]
        assert back.num_ties == 1 and back.num_events == 0
    # Asked for by name, everything is there and reads back equal.
    net.write_csv(tmp_path / "csv", include_sensitive=True)
    net.write_json(tmp_path / "net.json", include_sensitive=True)
    for name in names[:3]:
        assert name in all_bytes(tmp_path / "csv") and name in all_bytes(tmp_path / "net.json")
    assert verbind.read_csv(tmp_path / "csv") == net
    assert verbind.read_json(tmp_path / "net.json") == net


def test_paths_with_a_nul_are_refused_everywhere(tmp_path):
    net = sensitive_network()
    good = tmp_path / "t.db"
    net.write_json(good)
    evil = str(good) + "\x00.evil"
    calls = [
        lambda: net.write_json(evil), lambda: verbind.read_json(evil),
        lambda: net.write_csv(evil), lambda: verbind.read_csv(evil),
        lambda: net.write_graphml(evil), lambda: verbind.read_edgelist(evil),
        lambda: verbind.read_contacts(evil),
    ]
    for call in calls:
        with pytest.raises(ValueError):
            call()
    assert os.listdir(tmp_path) == ["t.db"]


@contextlib.contextmanager
def tiny_tmpfs(where):
    """A 64 KiB tmpfs at `where`, or a skip when this process may not mount."""
    where.mkdir()
    result = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(where)],
                            capture_output=True)
    if result.returncode != 0:
        pytest.skip("cannot mount a tmpfs here: " + result.stderr.decode(errors="replace").strip())
    try:
        yield where
    finally:
        subprocess.run(["umount", str(where)], check=False)


def test_a_full_disk_leaves_the_old_export_whole(tmp_path):
    small = sensitive_network()
    big = verbind.sample_programme(seed=3, scale=0.5)
    with tiny_tmpfs(tmp_path / "disk") as disk:
        small.write_csv(disk / "e", include_sensitive=True)
        small.write_json(disk / "net.json", include_sensitive=True)
        before = {p.name: p.read_bytes() for p in (disk / "e").iterdir()}
        json_before = (disk / "net.json").read_bytes()
        with pytest.raises(OSError, match="No space left on device"):
            big.write_csv(disk / "e")
        with pytest.raises(OSError, match="No space left on device"):
            big.write_json(disk / "net.json")
        # Byte for byte the old export, marks and all, and no temporary.
        assert {p.name: p.read_bytes() for p in (disk / "e").iterdir()} == before
        assert (disk / "net.json").read_bytes() == json_before
        assert sorted(os.listdir(disk)) == ["e", "net.json"]
        back = verbind.read_csv(disk / "e")
        assert back == small and back.sensitive_events == ["EVENTSECRET"]


def test_text_readers_skip_a_byte_order_mark(tmp_path):
    edges = tmp_path / "triangle.txt"
    edges.write_bytes(b"\xef\xbb\xbfa b\nb c\nc a\n")
    g = verbind.read_edgelist(edges)
    assert g.num_nodes == 3 and g.num_edges == 3
    contacts = tmp_path / "contacts.txt"
    contacts.write_bytes(b"\xef\xbb\xbf1 a b\n2 b c\n")
    assert verbind.read_contacts(contacts).num_nodes == 3


@pytest.mark.parametrize("bad, what", [(b"2 b\xff c\n", "UTF-8"), (b"2 b\x00x c\n", "NUL")])
def test_contacts_refuse_bad_bytes_naming_the_line(tmp_path, bad, what):
    path = tmp_path / "contacts.txt"
    path.write_bytes(b"1 a b\n" + bad)
    with pytest.raises(ValueError, match=rf"contacts.txt:2: .*{what}"):
        verbind.read_contacts(path)


def test_edgelist_refuses_a_nul_in_a_label(tmp_path):
    path = tmp_path / "edges.txt"
    path.write_bytes(b"a b\nb c\x00d\n")
    with pytest.raises(ValueError, match=r"edges.txt:2: field 'b'.*NUL"):
        verbind.read_edgelist(path)


def test_summing_duplicates_refuses_an_overflow_naming_the_edge():
    with pytest.raises(ValueError, match=r"edge 1.*edge 0.*too large"):
        verbind.Graph.from_edges([0, 0], [1, 1], weights=[1e308, 1e308], duplicates="sum")
    g = verbind.Graph.from_edges([0, 0], [1, 1], weights=[1e308, 7e307], duplicates="sum")
    assert g.edges()[2][0] == 1e308 + 7e307


def test_negative_zero_weight_is_zero(tmp_path):
    import math
    g = verbind.Graph.from_edges([0, 1], [1, 2], weights=[-0.0, 2.0])
    assert math.copysign(1.0, g.edges()[2][0]) == 1.0
    path = tmp_path / "edges.txt"
    path.write_text("a b -0\nb c 1\n")
    assert math.copysign(1.0, verbind.read_edgelist(path).edges()[2][0]) == 1.0
