"""progress=True/False/None/callable on every public function that takes
``progress`` (issue 13): one helper, verbind._progress, decides for all.

Each function is called with the same arguments with progress=None, with a
callable, and with True (tqdm replaced by a recording fake, and in a
subprocess the real tqdm and the text line used when tqdm cannot be
imported); the results must be equal, the bar must reach 100% when the
callable saw 1.0, and the bar must be closed exactly once however the work
ends (success, an error in the work, an error or KeyboardInterrupt in the
bar). A discovery test fails when a public function gains ``progress``
without being listed here.
"""

import inspect
import re
import subprocess
import sys
import textwrap

import numpy as np
import pytest

import verbind
from verbind import _progress


@pytest.fixture(scope="module")
def net():
    return verbind.sample_programme(7, scale=0.15)


@pytest.fixture(scope="module")
def graph(net):
    return net.graph()


def _groups(g):
    return ["a" if i % 3 else "b" for i in range(g.num_nodes)]


# name -> call(net, graph, progress) with small but real work.
CALLS = {
    "betweenness": lambda net, g, p: verbind.betweenness(g, progress=p),
    "closeness": lambda net, g, p: verbind.closeness(g, progress=p),
    "harmonic": lambda net, g, p: verbind.harmonic(g, progress=p),
    "communities": lambda net, g, p: verbind.communities(g, seed=1, progress=p),
    "expected_ei_index": lambda net, g, p: verbind.expected_ei_index(g, _groups(g), permutations=50, seed=1, progress=p),
    "social_map": lambda net, g, p: verbind.social_map(net, seed=1, progress=p),
    "spread": lambda net, g, p: verbind.spread(g, [0, 1], runs=200, seed=1, progress=p),
    "influence_max": lambda net, g, p: verbind.influence_max(g, 2, epsilon=0.5, seed=1, progress=p),
    "introductions": lambda net, g, p: verbind.introductions(net, per_person=1, limit=5, seed=1, progress=p),
    "timeline": lambda net, g, p: verbind.timeline(net, period="quarter", permutations=5, seed=1, progress=p),
    "report": lambda net, g, p: verbind.report(net, seed=1, top=3, train=2, progress=p),
}


def _takes_progress(obj):
    try:
        return "progress" in inspect.signature(obj).parameters
    except (TypeError, ValueError):
        # A pybind11 function without a Python signature: its docstring
        # starts with the signature line(s).
        doc = obj.__doc__ or ""
        return re.search(r"\bprogress\s*[:=]", doc.split("\n\n")[0]) is not None


def _public_progress_callables():
    found = set()
    for name in verbind.__all__:
        obj = getattr(verbind, name)
        if inspect.isclass(obj):
            for attr in vars(obj):
                member = getattr(obj, attr)
                public = not attr.startswith("_") or attr == "__init__"
                if public and callable(member) and _takes_progress(member):
                    found.add(f"{name}.{attr}")
        elif callable(obj) and _takes_progress(obj):
            found.add(name)
    return found


def test_every_function_with_progress_is_tested_here():
    assert _public_progress_callables() == set(CALLS) | set(READERS)


def _same(a, b):
    """Results compared field by field (arrays, lists of records, objects)."""
    if isinstance(a, np.ndarray):
        return np.array_equal(a, b, equal_nan=a.dtype.kind == "f")
    if isinstance(a, (list, tuple)):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, float):
        return a == b or (a != a and b != b)
    if hasattr(a, "__dict__") and not isinstance(a, (str, bytes)) and type(a).__module__.startswith("verbind"):
        return _same(vars(a), vars(b))
    if type(a).__name__.startswith("_") or type(a).__module__ == "verbind._verbind":
        names = [n for n in dir(a) if not n.startswith("_") and not callable(getattr(a, n))]
        return all(_same(getattr(a, n), getattr(b, n)) for n in names)
    return a == b


class FakeTqdm:
    """Records what a bar is told; `fail_at` makes update raise."""

    made = []
    fail_at = None  # (percent, exception)

    def __init__(self, total, desc, **kwargs):
        self.total = total
        self.desc = desc
        self.n = 0
        self.closed = 0
        FakeTqdm.made.append(self)

    def update(self, k):
        self.n += k
        if FakeTqdm.fail_at is not None and self.n >= FakeTqdm.fail_at[0]:
            raise FakeTqdm.fail_at[1]

    def close(self):
        self.closed += 1


@pytest.fixture
def fake_tqdm(monkeypatch):
    FakeTqdm.made = []
    FakeTqdm.fail_at = None
    monkeypatch.setattr(_progress, "_tqdm_class", lambda: FakeTqdm)
    return FakeTqdm


@pytest.mark.parametrize("name", sorted(CALLS))
def test_true_shows_a_bar_and_changes_nothing(name, net, graph, fake_tqdm, capfd):
    call = CALLS[name]
    plain = call(net, graph, None)
    seen = []
    with_callable = call(net, graph, seen.append)
    assert seen and all(0.0 <= f <= 1.0 for f in seen) and seen == sorted(seen)
    with_bar = call(net, graph, True)
    assert _same(plain, with_callable) and _same(plain, with_bar)
    assert len(fake_tqdm.made) == 1
    bar = fake_tqdm.made[0]
    assert bar.desc == f"verbind {name}" and bar.total == 100
    assert bar.n == int(seen[-1] * 100)
    assert bar.closed == 1
    assert _same(plain, call(net, graph, False))
    assert len(fake_tqdm.made) == 1  # False: no bar
    assert capfd.readouterr().err == ""


@pytest.mark.parametrize("name", sorted(CALLS))
@pytest.mark.parametrize("bad", [3, "yes", 0.5, [print]])
def test_anything_else_is_a_type_error_naming_function_and_parameter(name, bad, net, graph):
    with pytest.raises(TypeError, match=rf"^{name}\(\): progress must be callable .*True, False or None, not "):
        CALLS[name](net, graph, bad)


def test_a_callable_keeps_its_meaning(graph):
    # None and truthy answers go on; False and 0 cancel; an exception in the
    # callable is raised in place of CancelledError.
    expected = verbind.betweenness(graph)
    assert np.array_equal(verbind.betweenness(graph, progress=lambda f: None), expected)
    assert np.array_equal(verbind.betweenness(graph, progress=lambda f: "go on"), expected)
    for stop in (False, 0, ""):
        with pytest.raises(verbind.CancelledError):
            verbind.betweenness(graph, progress=lambda f, stop=stop: stop)

    def boom(fraction):
        raise LookupError("from the callable")

    with pytest.raises(LookupError, match="from the callable"):
        verbind.betweenness(graph, progress=boom)


@pytest.mark.parametrize("error", [RuntimeError("bar broke"), KeyboardInterrupt()])
def test_the_bar_closes_when_it_raises(error, graph, fake_tqdm):
    fake_tqdm.fail_at = (1, error)
    with pytest.raises(type(error)):
        verbind.betweenness(graph, progress=True)
    assert [b.closed for b in fake_tqdm.made] == [1]


def test_the_bar_closes_when_the_work_fails(graph, fake_tqdm):
    # The refusal comes from inside the work, after the bar was made.
    with pytest.raises(verbind.InputError, match="max_memory_bytes|memory"):
        verbind.influence_max(graph, 2, epsilon=0.01, max_memory_bytes=1, progress=True)
    assert [b.closed for b in fake_tqdm.made] == [1]


def test_python_wrappers_check_before_working(net):
    # timeline and report refuse a bad progress before any work, with the
    # public name (never _timeline).
    with pytest.raises(TypeError, match=r"^timeline\(\): progress"):
        verbind.timeline(net, progress=object())
    with pytest.raises(TypeError, match=r"^report\(\): progress"):
        verbind.report(net, progress=object())


# --- the text line ----------------------------------------------------------


class Clock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


class Stream:
    def __init__(self):
        self.text = ""

    def write(self, s):
        self.text += s

    def flush(self):
        pass


def test_text_line_is_throttled_rewritten_in_place_and_ended():
    clock, stream = Clock(), Stream()
    bar = _progress.TextBar("verbind test", stream=stream, interval=0.25, clock=clock)
    # 1001 reports within 0.1 s: the first and the last are shown.
    for i in range(1001):
        clock.now = i * 1e-4
        bar(i / 1000)
    assert stream.text == "\rverbind test: 0%\rverbind test: 100%"
    bar.close()
    bar.close()
    assert stream.text.endswith("100%\n") and stream.text.count("\n") == 1

    clock, stream = Clock(), Stream()
    bar = _progress.TextBar("verbind test", stream=stream, interval=0.25, clock=clock)
    # One report a second: each is shown, out-of-range fractions clamped.
    for i, f in enumerate([-1.0, 0.3, 0.3, 0.5, 2.0]):
        clock.now = float(i)
        bar(f)
    bar.close()
    assert stream.text == "\rverbind test: 0%\rverbind test: 30%\rverbind test: 50%\rverbind test: 100%\n"


def test_text_line_writes_nothing_when_never_called():
    stream = Stream()
    bar = _progress.TextBar("verbind test", stream=stream)
    bar.close()
    assert stream.text == ""


SCRIPT = textwrap.dedent(
    """
    import sys
    if sys.argv[1] == "hide":
        sys.modules["tqdm"] = None  # import tqdm fails: the text line
    import verbind
    g = verbind.sample_programme(7, scale=0.15).graph()
    expected = verbind.betweenness(g)
    got = verbind.betweenness(g, progress=True)
    assert (got == expected).all()
    print("ok")
    """
)


def _run(mode):
    # Bytes, decoded by hand: text mode would turn each \r into \n.
    r = subprocess.run([sys.executable, "-c", SCRIPT, mode], capture_output=True, timeout=120, check=True)
    return r.stdout.decode(), r.stderr.decode()


def test_without_tqdm_a_text_line_on_stderr():
    out, err = _run("hide")
    assert out == "ok\n"
    assert re.fullmatch(r"(\rverbind betweenness: \d{1,3}%)+\n", err), repr(err)
    assert err.endswith("\rverbind betweenness: 100%\n")


def test_with_tqdm_a_tqdm_bar_on_stderr():
    pytest.importorskip("tqdm")
    out, err = _run("show")
    assert out == "ok\n"
    assert "\rverbind betweenness: 100%|" in err and err.endswith("\n"), repr(err)
    assert "█" in err


# --- readers ----------------------------------------------------------------
#
# read_csv and Network.import_csv report the fraction of the folder's bytes
# read, read_json the text parsed then the records added, load and
# Store(path) the fraction of the rows read; cancelling reads
# nothing (import_csv: the Network is as before; Store: no store is opened).


@pytest.fixture(scope="module")
def stored(tmp_path_factory, net):
    """A bigger programme written as a CSV folder and as a store."""
    big = verbind.sample_programme(7, scale=3)
    folder = tmp_path_factory.mktemp("progress") / "csv"
    big.write_csv(str(folder))
    db = folder.parent / "store.db"
    big.save(str(db))
    document = folder.parent / "net.json"
    big.write_json(str(document))
    # An edge list of 60,000 lines (a few chunks' worth of progress checks).
    edges = folder.parent / "edges.txt"
    rng = np.random.default_rng(5)
    pairs = rng.integers(0, 5000, size=(60_000, 2))
    pairs = pairs[pairs[:, 0] != pairs[:, 1]]
    edges.write_text("".join(f"{a} {b}\n" for a, b in pairs))
    # Counted independently: the distinct labels, the distinct unordered pairs.
    counts = (len(np.unique(pairs)), len(np.unique(np.sort(pairs, axis=1), axis=0)))
    return {"csv": str(folder), "db": str(db), "json": str(document), "net": big, "edges": str(edges),
            "edges_counts": counts}


def _import_csv(stored, p):
    target = verbind.Network()
    target.import_csv(stored["csv"], progress=p)
    return target


def _open_store(stored, p):
    with verbind.Store(stored["db"], progress=p) as s:
        return s.network


READERS = {
    "read_csv": lambda stored, p: verbind.read_csv(stored["csv"], progress=p),
    "read_json": lambda stored, p: verbind.read_json(stored["json"], progress=p),
    "Network.import_csv": _import_csv,
    "load": lambda stored, p: verbind.load(stored["db"], progress=p),
    "Store.__init__": _open_store,
    "read_edgelist": lambda stored, p: verbind.read_edgelist(stored["edges"], duplicates="first", progress=p),
}


def _size(read):
    """What a reader read, to compare with what was written."""
    if isinstance(read, verbind.Graph):
        return (read.num_nodes, read.num_edges)
    return read.num_actors


def _written(name, stored):
    return stored["edges_counts"] if name == "read_edgelist" else stored["net"].num_actors


@pytest.mark.parametrize("name", sorted(READERS))
def test_readers_report_and_change_nothing(name, stored, fake_tqdm):
    read = READERS[name]
    plain = read(stored, None)
    assert _size(plain) == _written(name, stored)
    seen = []
    assert read(stored, seen.append) == plain
    assert seen[0] == 0.0 and seen[-1] == 1.0 and seen == sorted(seen), seen
    assert seen.count(1.0) == 1, seen  # 1 is the end, not before
    assert read(stored, True) == plain
    shown = {"read_csv": "read_csv", "read_json": "read_json", "Network.import_csv": "import_csv", "load": "load",
             "Store.__init__": "Store", "read_edgelist": "read_edgelist"}
    assert [(b.desc, b.n, b.closed) for b in fake_tqdm.made] == [(f"verbind {shown[name]}", 100, 1)]


@pytest.mark.parametrize("name", sorted(READERS))
def test_readers_report_along_the_way(name, stored):
    # Reports come at most every ~0.1 s: a callback that takes 0.15 s on its
    # first three calls lets the next reports through, from inside the read.
    import time

    seen = []

    def slow(fraction):
        seen.append(fraction)
        if len(seen) <= 3:
            time.sleep(0.15)

    READERS[name](stored, slow)
    inside = [f for f in seen if 0.0 < f < 1.0]
    assert len(inside) >= 2 and inside == sorted(inside), seen


@pytest.mark.parametrize("name", sorted(READERS))
@pytest.mark.parametrize("at", ["start", "middle"])
def test_readers_cancel_all_or_nothing(name, at, stored):
    import time

    seen = []

    def stop(fraction):
        seen.append(fraction)
        if at == "start":
            return False
        if fraction == 0.0:
            time.sleep(0.15)  # so that the next report comes from inside the read
            return True
        return False

    if name == "Network.import_csv":
        def one_resident():
            n = verbind.Network()
            n.add_resident("already-here", neighbourhood="Noord")
            return n

        target = one_resident()
        with pytest.raises(verbind.CancelledError):
            target.import_csv(stored["csv"], progress=stop)
        assert target == one_resident()
    else:
        with pytest.raises(verbind.CancelledError):
            READERS[name](stored, stop)
    assert seen[0] == 0.0
    if at == "middle":
        assert 0.0 < seen[-1] < 1.0, seen
    # The files are as they were: the next read gives the whole network.
    assert _size(READERS[name](stored, None)) == _written(name, stored)


def test_csv_progress_counts_bytes(tmp_path, stored):
    # The fraction is the bytes read of the folder's files: cancelling at the
    # first report from inside the read, the fraction lies within the
    # files; an empty optional file adds nothing.
    import time

    seen = []

    def record(fraction):
        seen.append(fraction)
        if fraction == 0.0:
            time.sleep(0.15)
        return fraction == 0.0 or fraction == 1.0

    with pytest.raises(verbind.CancelledError):
        verbind.read_csv(stored["csv"], progress=record)
    import pathlib

    sizes = {p.name: p.stat().st_size for p in pathlib.Path(stored["csv"]).iterdir()}
    total = sum(sizes.values())
    # Files are read actors, ties, events, attendance: the first report from
    # inside comes within actors.csv (it is read first and has 256+ rows).
    assert 0.0 < seen[-1] <= sizes["actors.csv"] / total, (seen, sizes)
