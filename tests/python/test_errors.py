"""Bad input: the error class, what the message names, and that nothing changed."""

import datetime
import math

import numpy as np
import pytest

import verbind


def test_hierarchy():
    assert issubclass(verbind.InputError, verbind.Error) and issubclass(verbind.InputError, ValueError)
    assert issubclass(verbind.ParseError, verbind.InputError)
    assert issubclass(verbind.NotFoundError, verbind.Error) and issubclass(verbind.NotFoundError, KeyError)
    assert issubclass(verbind.FileError, verbind.Error) and issubclass(verbind.FileError, OSError)
    assert issubclass(verbind.CancelledError, verbind.Error)
    assert not issubclass(verbind.CancelledError, ValueError)


def unchanged_after(net, call, error, pattern):
    """Runs call(), which must raise `error` with `pattern` in its message, and
    checks the network compares equal to a copy taken before."""
    before = net.copy()
    with pytest.raises(error, match=pattern) as info:
        call()
    assert net == before
    return info.value


def test_duplicate_key(small):
    e = unchanged_after(small, lambda: small.add_resident("ann"), verbind.InputError,
                        r"^resident 'ann': key already exists$")
    assert isinstance(e, ValueError)
    unchanged_after(small, lambda: small.add_organisation("bob", kind="welfare"), verbind.InputError,
                    "already exists")
    unchanged_after(small, lambda: small.add_event("e1", date="2022-01-01", kind="iftar"), verbind.InputError,
                    "event 'e1': key already exists")


def test_malformed_dates(small):
    unchanged_after(small, lambda: small.add_resident("fay", trained_on="2022-13-01"), verbind.InputError,
                    r"resident 'fay' field 'trained_on': malformed date '2022-13-01'")
    unchanged_after(small, lambda: small.add_tie("ann", "cem", since="1 May 2022"), verbind.InputError,
                    r"tie 'ann' - 'cem' field 'since': malformed date '1 May 2022' \(expected YYYY-MM-DD\)")
    unchanged_after(small, lambda: small.add_event("e9", date="2022-02-30", kind="iftar"), verbind.InputError,
                    r"event 'e9' field 'date': malformed date '2022-02-30' \(no such day\)")
    unchanged_after(small, lambda: small.add_event("e9", date=datetime.date(1200, 1, 1), kind="iftar"),
                    verbind.InputError,
                    r"event 'e9' field 'date': 1200-01-01 is outside the supported range of dates "
                    r"\(1500-01-01 to 9899-12-31\)")


def test_datetime_is_refused_not_truncated(small):
    moment = datetime.datetime(2022, 5, 4, 19, 30)
    unchanged_after(small, lambda: small.add_event("e9", date=moment, kind="iftar"), verbind.InputError,
                    r"event 'e9' field 'date': got a datetime.datetime")
    small.add_event("e9", date=moment.date(), kind="iftar")
    assert small.events()[-1]["date"] == datetime.date(2022, 5, 4)


@pytest.mark.parametrize("call, pattern", [
    (lambda n: n.add_resident("fay", trained_on=20220101), r"add_resident\(\): trained_on must be .*, not int"),
    (lambda n: n.add_tie("ann", "cem", until=1.5), r"add_tie\(\): until must be .*, not float"),
    (lambda n: n.add_event("e9", date=None, kind="iftar"), r"add_event\(\): date must be .*, not NoneType"),
    (lambda n: n.add_resident(True), r"add_resident\(\): key must be str or int, not bool"),
    (lambda n: n.add_resident(7.0), r"add_resident\(\): key must be str or int, not float"),
    (lambda n: n.add_resident("fay", talents="music"), r"add_resident\(\): talents must be an iterable of str"),
    (lambda n: n.add_resident("fay", groups=["a", 3]), r"every item of groups must be str, not int"),
    (lambda n: n.attend("e1", "cem", brought_by=b"ann"), r"attend\(\): brought_by must be str or int, not bytes"),
    (lambda n: n.graph(start=3), r"graph\(\): start must be"),
])
def test_wrong_types_name_the_parameter(small, call, pattern):
    unchanged_after(small, lambda: call(small), TypeError, pattern)


def test_lone_surrogates_name_the_field(small):
    unchanged_after(small, lambda: small.add_resident("r\udc80"), verbind.InputError,
                    "resident key: is not valid UTF-8")
    unchanged_after(small, lambda: small.add_resident("fay", neighbourhood="Zuid\ud800"), verbind.InputError,
                    r"resident 'fay' field 'neighbourhood': is not valid UTF-8")
    unchanged_after(small, lambda: small.add_tie("ann", "bob", "kn\udfffows"), verbind.InputError,
                    r"tie 'ann' - 'bob' field 'kind': is not valid UTF-8")


def test_bad_labels(small):
    unchanged_after(small, lambda: small.add_resident(""), verbind.InputError, "resident key: must not be empty")
    unchanged_after(small, lambda: small.add_resident("fay", talents=["a;b"]), verbind.InputError,
                    r"resident 'fay' field 'talents': contains ';'")
    unchanged_after(small, lambda: small.add_organisation("org", kind=" library"), verbind.InputError,
                    "leading or trailing blanks")


def test_unknown_actor_is_a_key_error_with_a_plain_message(small):
    e = unchanged_after(small, lambda: small.add_tie("ann", "r-991"), verbind.NotFoundError, "unknown actor")
    assert isinstance(e, KeyError)
    # KeyError would show the message in quotes; ours reads as a sentence.
    assert str(e) == "tie 'ann' - 'r-991' field 'b': unknown actor 'r-991'"
    with pytest.raises(KeyError):
        small.actor("nobody")
    unchanged_after(small, lambda: small.remove("nobody"), verbind.NotFoundError, r"^unknown actor 'nobody'$")
    unchanged_after(small, lambda: small.remove_event("e7"), verbind.NotFoundError, r"^unknown event 'e7'$")


def test_bad_ties(small):
    unchanged_after(small, lambda: small.add_tie("ann", "ann"), verbind.InputError, "a tie to oneself")
    unchanged_after(small, lambda: small.add_tie("ann", "cem", weight=-1), verbind.InputError,
                    r"tie 'ann' - 'cem' field 'weight': must be a finite number >= 0")
    unchanged_after(small, lambda: small.add_tie("ann", "cem", weight=math.nan), verbind.InputError,
                    "field 'weight'")
    unchanged_after(small, lambda: small.add_tie("ann", "cem", since="2022-05-01", until="2022-05-01"),
                    verbind.InputError, r"field 'until': 2022-05-01 is not after since 2022-05-01")
    # Same pair, kind and since as the first tie (either order): a duplicate.
    unchanged_after(small, lambda: small.add_tie("bob", "ann", "knows", since="2022-01-01"), verbind.InputError,
                    "already exists")
    # A new kind that is refused must not be left behind either.
    unchanged_after(small, lambda: small.add_tie("ann", "ghost", "cousin"), verbind.NotFoundError, "ghost")
    assert {t["kind"] for t in small.ties()} == {"knows", "neighbour"}


def test_bad_events_and_attendance(small):
    unchanged_after(small, lambda: small.add_event("e9", date="2022-01-01", kind="iftar", organisers=["lib", "zed"]),
                    verbind.NotFoundError, r"event 'e9' field 'organisers': unknown actor 'zed'")
    unchanged_after(small, lambda: small.attend("e9", "ann"), verbind.NotFoundError, "unknown event 'e9'")
    unchanged_after(small, lambda: small.attend("e1", "zed"), verbind.NotFoundError, "unknown actor 'zed'")
    unchanged_after(small, lambda: small.attend("e1", "ann"), verbind.InputError, "already recorded")
    unchanged_after(small, lambda: small.attend("e3", "eva", brought_by="eva"), verbind.InputError,
                    "cannot bring themselves")
    unchanged_after(small, lambda: small.attend("e3", "eva", brought_by="zed"), verbind.NotFoundError,
                    "field 'brought_by': unknown actor 'zed'")


def test_bad_view_options(small):
    with pytest.raises(verbind.InputError, match=r"graph: merge must be 'error', 'sum', 'max', 'min' or 'first', got 'avg'"):
        small.graph(merge="avg")
    with pytest.raises(verbind.InputError, match="is not after start"):
        small.graph(start="2022-06-01", end="2022-06-01")
    with pytest.raises(TypeError, match="kinds must be an iterable of str"):
        small.graph(kinds="knows")


def test_sample_arguments():
    with pytest.raises(verbind.InputError, match="seed"):
        verbind.sample_programme(-1)
    with pytest.raises(TypeError, match="seed must be int"):
        verbind.sample_programme("2022")
    with pytest.raises(verbind.InputError, match="scale"):
        verbind.sample_programme(scale=0)


def test_file_errors(tmp_path):
    missing = tmp_path / "nowhere.txt"
    with pytest.raises(verbind.FileError, match="nowhere.txt") as info:
        verbind.read_edgelist(missing)
    assert isinstance(info.value, OSError)
    with pytest.raises(OSError):
        verbind.read_json(str(tmp_path / "nowhere.json"))
    with pytest.raises(OSError):
        verbind.read_csv(tmp_path / "no-folder")
    with pytest.raises(TypeError, match=r"read_edgelist\(\): path must be str, bytes or os.PathLike, not int"):
        verbind.read_edgelist(3)


def test_edgelist_parse_errors(tmp_path):
    path = tmp_path / "ties.txt"
    path.write_text("a b\nb c\nc d 2.5\n")
    with pytest.raises(verbind.ParseError, match=r"ties.txt:3: expected 2 fields like line 1, got 3") as info:
        verbind.read_edgelist(path)
    assert isinstance(info.value, ValueError) and isinstance(info.value, verbind.InputError)
    path.write_text("a b 1\nb c -2\n")
    with pytest.raises(verbind.ParseError, match=r"ties.txt:2: field 'weight': must be a finite number >= 0"):
        verbind.read_edgelist(path, weights=True)
    path.write_text("a b\na b\n")  # a line repeated as it is ('b a' would be the same edge listed both ways)
    with pytest.raises(verbind.ParseError, match=r"ties.txt:2"):
        verbind.read_edgelist(path)
    assert verbind.read_edgelist(path, duplicates="first").num_edges == 1
    path.write_text("a a\na b\n")
    with pytest.raises(verbind.ParseError, match=r"ties.txt:1: self-loop"):
        verbind.read_edgelist(path)
    assert verbind.read_edgelist(path, self_loops="drop").num_edges == 1
    with pytest.raises(verbind.InputError, match="self_loops must be 'error' or 'drop', got 'keep'"):
        verbind.read_edgelist(path, self_loops="keep")


def test_from_edges_bad_input():
    src = np.array([0, 1, 2, -1], dtype=np.int64)
    dst = np.array([1, 2, 3, 0], dtype=np.int64)
    with pytest.raises(verbind.InputError, match=r"^edge 3: field 'src': node -1 is negative$") as info:
        verbind.Graph.from_edges(src, dst)
    assert isinstance(info.value, ValueError)
    with pytest.raises(verbind.InputError, match=r"^edge 2: field 'dst': node 3 is out of range \(n = 3\)$"):
        verbind.Graph.from_edges(np.array([0, 1, 2]), np.array([1, 2, 3]), n=3)
    with pytest.raises(verbind.InputError, match=r"edge 1: field 'dst': node -5 is negative"):
        # A strided int8 view: read in place, whatever the layout.
        verbind.Graph.from_edges(np.array([0, 1]), np.array([1, 0, -5, 0], dtype=np.int8)[::2], n=3)
    with pytest.raises(verbind.InputError, match="does not fit a 32-bit node index"):
        verbind.Graph.from_edges(np.array([0], dtype=np.uint64), np.array([2**40], dtype=np.uint64))
    with pytest.raises(verbind.InputError, match="edge 1: self-loop"):
        verbind.Graph.from_edges([0, 1], [1, 1])
    with pytest.raises(verbind.InputError, match="edge 1"):
        verbind.Graph.from_edges([0, 1], [1, 0])
    with pytest.raises(verbind.InputError, match="edge 0: field 'weight'"):
        verbind.Graph.from_edges([0], [1], weights=[-0.5])
    with pytest.raises(verbind.InputError, match="edge 0: field 'weight'"):
        verbind.Graph.from_edges([0], [1], weights=[np.inf])
    with pytest.raises(verbind.InputError, match="src has 2 entries but dst has 1"):
        verbind.Graph.from_edges([0, 1], [1])
    with pytest.raises(verbind.InputError, match="2 edges but 1 weights"):
        verbind.Graph.from_edges([0, 1], [1, 2], weights=[1.0])
    with pytest.raises(verbind.InputError, match="src must be one-dimensional"):
        verbind.Graph.from_edges(np.zeros((2, 2), dtype=int), [1, 2])
    with pytest.raises(TypeError, match="src must be an array of integers, not dtype float64"):
        verbind.Graph.from_edges(np.array([0.0, 1.0]), [1, 2])
    with pytest.raises(TypeError, match="weights must be an array of real numbers"):
        verbind.Graph.from_edges([0], [1], weights=["heavy"])
    with pytest.raises(verbind.InputError, match="n must be >= 0"):
        verbind.Graph.from_edges([0], [1], n=-2)
    with pytest.raises(verbind.InputError, match="duplicates must be"):
        verbind.Graph.from_edges([0], [1], duplicates="mean")


def test_graph_lookups_fail_clearly():
    g = verbind.Graph.from_edges(np.array([0, 1]), np.array([1, 2]))
    with pytest.raises(verbind.NotFoundError) as info:
        g.index("7")
    assert str(info.value) == "index: node: unknown key '7' (no node has this label)"
    with pytest.raises(KeyError):
        g.index("01")
    # The labels of a graph from arrays are its positions: an int is a label
    # (docs/python.md, "Node identity").
    with pytest.raises(verbind.NotFoundError, match=r"key: node: unknown key 3 \(the labels are integers"):
        g.key(3)
    with pytest.raises(KeyError):
        g.neighbors(-1)
