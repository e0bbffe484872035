"""verbind.mpi on one process (issue 18): through mpi4py's COMM_SELF and
COMM_WORLD (a single process without mpirun) every function equals the
one-process function of verbind with the same arguments; the faces agree
(the same keywords and defaults, plus comm); `import verbind` does not
import mpi4py; a missing mpi4py is a clear ImportError; bad arguments read
like Python errors. The runs on 1-4 ranks are tests/mpi/ (ctest, mpirun).

The bridge itself (bindings/python/collective.cpp) is also driven here by a
fake communicator that runs the operations in Python, so its reductions,
gathers and broadcasts are checked against hand-computed values.
"""

import inspect
import os
import subprocess
import sys

import networkx as nx
import numpy as np
import pytest

import verbind

mpi4py = pytest.importorskip("mpi4py", reason="python3-mpi4py is installed by scripts/setup")

import verbind.mpi as vmpi  # noqa: E402
from mpi4py import MPI  # noqa: E402

PACKAGE_PARENT = os.path.dirname(os.path.dirname(os.path.abspath(verbind.__file__)))


def run_python(code, **env):
    environment = dict(os.environ, PYTHONPATH=PACKAGE_PARENT, **env)
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=environment, timeout=120)


@pytest.fixture(scope="module")
def karate():
    return verbind.from_networkx(nx.karate_club_graph())


@pytest.fixture(scope="module")
def directed():
    G = nx.gnm_random_graph(300, 1500, seed=7, directed=True)
    return verbind.Graph.from_edges([u for u, v in G.edges()], [v for u, v in G.edges()], n=300, directed=True)


COMMS = [None, MPI.COMM_SELF, MPI.COMM_WORLD]


# --- import ------------------------------------------------------------------------------

def test_import_verbind_does_not_import_mpi4py():
    done = run_python("import sys, verbind; verbind.influence_max; print('mpi4py' in sys.modules)")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False"
    done = run_python("import sys, verbind.mpi; print('mpi4py' in sys.modules)")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "True"


def test_missing_mpi4py_is_a_clear_import_error(tmp_path):
    # A directory shadowing mpi4py with a package that cannot be imported.
    (tmp_path / "mpi4py").mkdir()
    (tmp_path / "mpi4py" / "__init__.py").write_text("raise ImportError('no MPI here')\n")
    code = ("import sys; sys.path.insert(0, %r)\nimport verbind\ntry:\n    import verbind.mpi\n"
            "except ImportError as e:\n    print(e)\n") % str(tmp_path)
    done = run_python(code)
    assert done.returncode == 0, done.stderr
    assert "python3-mpi4py" in done.stdout and "pip install mpi4py" in done.stdout, done.stdout
    assert "no MPI here" in done.stdout


# --- the faces agree --------------------------------------------------------------------

PAIRS = [("influence_max", verbind.influence_max), ("spread", verbind.spread),
         ("betweenness", verbind.betweenness), ("closeness", verbind.closeness), ("harmonic", verbind.harmonic)]


@pytest.mark.parametrize("name,base", PAIRS, ids=[p[0] for p in PAIRS])
def test_same_keywords_and_defaults_plus_comm(name, base):
    mine = inspect.signature(getattr(vmpi, name)).parameters
    theirs = inspect.signature(base).parameters
    assert "comm" in mine and mine["comm"].default is None
    assert mine["comm"].kind is inspect.Parameter.KEYWORD_ONLY
    rest = [p for p in mine.values() if p.name != "comm"]
    assert [p.name for p in rest] == list(theirs)
    for p in rest:
        assert p.kind == theirs[p.name].kind, p.name
        assert repr(p.default) == repr(theirs[p.name].default), (name, p.name)


def test_exports():
    assert sorted(vmpi.__all__) == sorted(p[0] for p in PAIRS)


# --- one process equals verbind ----------------------------------------------------------

@pytest.mark.parametrize("comm", COMMS, ids=["None", "SELF", "WORLD"])
def test_influence_max_equals_one_process(karate, directed, comm):
    for g, kw in [(karate, {"seed": 3}), (karate, {"model": "lt", "epsilon": 0.2}),
                  (directed, {"probability": 0.05, "seed": 11, "fixed": [0, 1]}),
                  (karate, {"groups": [v % 3 for v in range(34)], "seed": 5})]:
        a = vmpi.influence_max(g, 4, comm=comm, **kw)
        b = verbind.influence_max(g, 4, **kw)
        assert list(a.seeds) == list(b.seeds)
        assert a.rr_sets == b.rr_sets > 0
        assert a.spread_lower_bound == b.spread_lower_bound
        assert a.extra_spread_lower_bound == b.extra_spread_lower_bound
        assert a.approximation == b.approximation or (np.isnan(a.approximation) and np.isnan(b.approximation))
        assert a.group_reach == b.group_reach
        assert list(a.seed_labels) == list(b.seed_labels)


@pytest.mark.parametrize("comm", COMMS, ids=["None", "SELF", "WORLD"])
def test_spread_equals_one_process(karate, comm):
    for kw in [{"seed": 1}, {"model": "lt", "runs": 777, "seed": 2}, {"probability": 0.3, "runs": 500}]:
        a = vmpi.spread(karate, [0, 33], comm=comm, **kw)
        b = verbind.spread(karate, [0, 33], **kw)
        assert (a.mean, a.stderr, a.low, a.high, a.runs) == (b.mean, b.stderr, b.low, b.high, b.runs)


@pytest.mark.parametrize("comm", COMMS, ids=["None", "SELF", "WORLD"])
def test_centralities_equal_one_process_and_networkx(karate, directed, comm):
    G = nx.karate_club_graph()
    between = vmpi.betweenness(karate, comm=comm)
    np.testing.assert_allclose(between, verbind.betweenness(karate), rtol=1e-12, atol=0)
    reference = nx.betweenness_centrality(G)
    np.testing.assert_allclose(between, [reference[v] for v in G.nodes()], rtol=1e-9)
    sampled = vmpi.betweenness(directed, samples=50, seed=4, comm=comm)
    np.testing.assert_allclose(sampled, verbind.betweenness(directed, samples=50, seed=4), rtol=1e-12, atol=0)
    close = vmpi.closeness(directed, comm=comm)
    np.testing.assert_allclose(close, verbind.closeness(directed), rtol=1e-12, atol=0)
    harm = vmpi.harmonic(karate, comm=comm)
    reference = nx.harmonic_centrality(G)
    np.testing.assert_allclose(harm, [reference[v] for v in G.nodes()], rtol=1e-12)


# --- bad input ----------------------------------------------------------------------------

def test_bad_arguments_read_like_python_errors(karate):
    with pytest.raises(TypeError, match=r"influence_max\(\): comm must be an mpi4py intracommunicator .* not int"):
        vmpi.influence_max(karate, 2, comm=3)
    with pytest.raises(TypeError, match="not str"):
        vmpi.spread(karate, [0], comm="world")
    with pytest.raises(ValueError, match="COMM_NULL"):
        vmpi.betweenness(karate, comm=MPI.COMM_NULL)
    with pytest.raises(TypeError, match=r"k must be int"):
        vmpi.influence_max(karate, "3")
    with pytest.raises(verbind.InputError, match="more than the 34"):
        vmpi.influence_max(karate, 100)
    with pytest.raises(verbind.NotFoundError, match="'nobody'"):
        vmpi.spread(karate, ["nobody"])
    with pytest.raises(verbind.InputError, match="samples"):
        vmpi.betweenness(karate, samples=0)
    with pytest.raises(TypeError, match="unexpected keyword argument 'sample'"):
        vmpi.betweenness(karate, sample=3)


# --- the bridge, with a communicator made in Python ------------------------------------

class FakeRanks:
    """Rank `rank` of `size` where every other rank holds `others` (a function
    of the operation and its input giving what they contribute): enough to
    check the reductions, gathers and broadcasts by hand."""

    def __init__(self, rank, size):
        self.rank, self.size = rank, size
        self.calls = []

    def allreduce(self, values, op):
        self.calls.append(("allreduce", op, values.dtype.name, values.copy()))

    def gather(self, values):
        self.calls.append(("gather", values.dtype.name, values.copy()))
        return values.copy()

    def broadcast(self, data, root):
        self.calls.append(("broadcast", root, data.copy()))


def test_the_bridge_calls_the_communicator_with_numpy_buffers(karate):
    fake = FakeRanks(0, 1)
    result = verbind._verbind._with_collective(fake, verbind.betweenness, karate, samples=10, seed=3)
    np.testing.assert_array_equal(result, verbind.betweenness(karate, samples=10, seed=3))
    kinds = {c[0] for c in fake.calls}
    assert "allreduce" in kinds  # at least the agreement on the arguments
    for call in fake.calls:
        if call[0] == "allreduce":
            assert call[1] in ("sum", "min", "max") and call[2] in ("uint64", "float64")


def test_a_failing_communicator_is_a_clear_error(karate):
    class Broken(FakeRanks):
        def allreduce(self, values, op):
            raise RuntimeError("the network is down")

    with pytest.raises(verbind.Error, match=r"communicator\.allreduce\(\) failed: .*the network is down"):
        verbind._verbind._with_collective(Broken(0, 2), verbind.closeness, karate)


def test_a_gather_of_the_wrong_type_is_a_clear_error(karate):
    class Wrong(FakeRanks):
        def gather(self, values):
            return [1, 2, 3]

    # betweenness gathers the ranks' graph fingerprints and options (M2).
    with pytest.raises(verbind.Error, match=r"communicator\.gather\(\) must return a 1-d uint64 array, got list"):
        verbind._verbind._with_collective(Wrong(0, 2), verbind.betweenness, karate)


def test_bad_communicator_objects(karate):
    class NoRank:
        size = 1

    with pytest.raises(AttributeError):
        verbind._verbind._with_collective(NoRank(), verbind.closeness, karate)
    with pytest.raises(ValueError, match="rank 2 of size 2"):
        verbind._verbind._with_collective(FakeRanks(2, 2), verbind.closeness, karate)
    with pytest.raises(TypeError, match="communicator.rank must be an int"):
        verbind._verbind._with_collective(FakeRanks("0", 1), verbind.closeness, karate)
    with pytest.raises(verbind.Error, match="pagerank is not a distributed operation"):
        verbind._verbind._with_collective(FakeRanks(0, 1), verbind.pagerank, karate)


def test_a_bad_argument_on_one_of_two_ranks_joins_the_agreement(karate):
    """This rank fails converting its seeds; the bridge takes part in the
    agreement the other rank waits in (a min over ranks, then the failing
    rank's kind and message broadcast), and raises the agreed error."""

    class Rank1Of2(FakeRanks):
        def allreduce(self, values, op):
            super().allreduce(values, op)
            assert op == "min" and values.dtype == np.uint64
            values[0] = min(values[0], 2)  # rank 0 is fine: it offers size (2)

    fake = Rank1Of2(1, 2)
    with pytest.raises(verbind.NotFoundError, match=r"^rank 1: spread: seeds: unknown key 'nobody'"):
        verbind._verbind._with_collective(fake, verbind.spread, karate, ["nobody"])
    assert fake.calls[0][0] == "allreduce" and list(fake.calls[0][3]) == [1]  # this rank offered itself
    heads = [c for c in fake.calls if c[0] == "broadcast"]
    assert [c[1] for c in heads] == [1, 1]  # kind+length, then the text, from rank 1
    assert bytes(heads[1][2]).decode().startswith("spread: seeds: unknown key")


def test_a_type_error_on_one_rank_is_a_type_error_everywhere(karate):
    class Rank0Of2(FakeRanks):
        def allreduce(self, values, op):
            values[0] = 0  # rank 0 failed
        def broadcast(self, data, root):
            # What rank 0 sends: kind input (1), then its message.
            message = b"TypeError: influence_max(): k must be int, not str"
            if len(data) == 16:
                data[:] = np.array([1, len(message)], dtype=np.uint64).view(np.uint8)
            else:
                data[:] = np.frombuffer(message, dtype=np.uint8)

    with pytest.raises(TypeError, match=r"^rank 0: influence_max\(\): k must be int, not str$"):
        verbind._verbind._with_collective(Rank0Of2(1, 2), verbind.influence_max, karate, 2)


# --- hostile integers (as tests/python/test_hostile_input.py's int_world) ---------------

INT_CALLS = {
    "influence_max": (lambda g: (g, 2), ["k", "seed", "threads", "max_memory_bytes"]),
    "spread": (lambda g: (g, [0]), ["runs", "seed", "threads"]),
    "betweenness": (lambda g: (g,), ["samples", "seed", "threads"]),
    "closeness": (lambda g: (g,), ["threads"]),
    "harmonic": (lambda g: (g,), ["threads"]),
}


@pytest.mark.parametrize("name", sorted(INT_CALLS))
def test_huge_ints_get_a_clear_error(karate, name):
    args, keywords = INT_CALLS[name]
    func = getattr(vmpi, name)
    signature = inspect.signature(func).parameters
    for keyword in keywords:
        assert keyword in signature, (name, keyword)
        for value in (2**64, 2**70, -2**70, 10**5000):
            call_args = list(args(karate))
            kwargs = {}
            if keyword == "k":
                call_args[1] = value
            else:
                kwargs[keyword] = value
            with pytest.raises((ValueError, TypeError, OverflowError, verbind.InputError)) as raised:
                func(*call_args, **kwargs)
            text = str(raised.value)
            assert "Unable to cast" not in text and "incompatible function arguments" not in text, text
            assert keyword in text and name in text, (name, keyword, text)
