"""Readers against a writer: no Network function may hang while another
thread changes the Network (issue 11, item 1).

The locking rule (bindings/python/bindings.hpp, docs/python.md "Threads"):
nothing waits for a Network's lock while holding the GIL. A binding that
broke it deadlocks the reader (holding the GIL, waiting for the lock) against
the writer (holding the lock, waiting for the GIL).

Every public function and method that reads a Network is listed in READERS
and run in a loop next to a writer thread that calls every Network writer in
WRITERS. The tables are checked to be complete against the module, so a new
function that takes a Network is covered (or the completeness test fails).
Each run is a child process with a timeout: a deadlock holds the GIL, so it
could never be interrupted from inside the process. faulthandler prints every
thread's stack in the child when it hangs.
"""

import inspect
import os
import re
import subprocess
import sys
import threading
import time

import pytest

import verbind

SECRET = bytes(range(32, 64))
TIMEOUT = 120  # seconds for the whole child (it takes a few): generous for a busy machine; a hang is for ever
BUDGET = float(os.environ.get("VERBIND_STRESS_SECONDS", "0.1"))  # per reader (at least two calls each)
READER_THREADS = int(os.environ.get("VERBIND_STRESS_READERS", "2"))


# --- the tables --------------------------------------------------------------------
#
# Each reader is called as f(net, ctx): ctx.progress is a progress callback
# that itself reads the Network (the progress path takes the GIL back while
# the lock is held), ctx.tmp a private folder, ctx.first a stable actor key,
# ctx.event a stable event key.

def _graph_readers():
    return {
        # module-level functions that take a Network
        "cascades": lambda net, c: verbind.cascades(net),
        "temporal_reach": lambda net, c: verbind.temporal_reach(net, [c.first], start="2022-01-01"),
        "introductions": lambda net, c: verbind.introductions(net, limit=5, progress=c.progress),
        "tables": lambda net, c: verbind.tables(net, c.event),
        "social_map": lambda net, c: verbind.social_map(net, top=3, progress=c.progress),
        "timeline": lambda net, c: verbind.timeline(net, period="quarter", permutations=2, progress=c.progress),
        "report": lambda net, c: verbind.report(net, top=3, train=1, max_drawn_nodes=50, progress=c.progress),
        "write_graphml": lambda net, c: verbind.write_graphml(net, os.path.join(c.tmp, "m.graphml")),
        "pseudonymise": lambda net, c: verbind.pseudonymise(net, SECRET),
        "to_networkx": lambda net, c: verbind.to_networkx(net, include_sensitive=True),
        "to_igraph": lambda net, c: verbind.to_igraph(net),
        # methods of Network that read it
        "Network.actor": lambda net, c: net.actor(c.first),
        "Network.actors": lambda net, c: net.actors(),
        "Network.ties": lambda net, c: net.ties(),
        "Network.events": lambda net, c: net.events(),
        "Network.attendance": lambda net, c: net.attendance(),
        "Network.graph": lambda net, c: net.graph(co_attendance=True),
        "Network.copy": lambda net, c: net.copy(),
        "Network.save": lambda net, c: net.save(os.path.join(c.tmp, "n.db")),
        "Network.write_csv": lambda net, c: net.write_csv(os.path.join(c.tmp, "csv")),
        "Network.write_json": lambda net, c: net.write_json(os.path.join(c.tmp, "n.json")),
        "Network.write_graphml": lambda net, c: net.write_graphml(os.path.join(c.tmp, "n.graphml")),
        "Network.to_pandas": lambda net, c: net.to_pandas(),
        # (a class method: builds a new Network from frames read from this one)
        "Network.from_pandas": lambda net, c: verbind.Network.from_pandas(**net.to_pandas(include_sensitive=True)),
        "Network.num_actors": lambda net, c: net.num_actors,
        "Network.num_residents": lambda net, c: net.num_residents,
        "Network.num_organisations": lambda net, c: net.num_organisations,
        "Network.num_ties": lambda net, c: net.num_ties,
        "Network.num_events": lambda net, c: net.num_events,
        "Network.num_attendances": lambda net, c: net.num_attendances,
        "Network.sensitive_groups": lambda net, c: net.sensitive_groups,
        "Network.sensitive_events": lambda net, c: net.sensitive_events,
        "Network.sensitive_tie_kinds": lambda net, c: net.sensitive_tie_kinds,
        "Network.__len__": lambda net, c: len(net),
        "Network.__contains__": lambda net, c: c.first in net,
        "Network.__repr__": lambda net, c: repr(net),
        "Network.__eq__": lambda net, c: net == c.other,
        "Network.__copy__": lambda net, c: __import__("copy").copy(net),
        "Network.__deepcopy__": lambda net, c: __import__("copy").deepcopy(net),
        "Network.__getstate__": lambda net, c: net.__getstate__(),
        "Network.__reduce__": lambda net, c: __import__("pickle").dumps(net),
        # a Store reading a Network
        "Store.replace": lambda net, c: c.store.replace(net),
    }


READERS = _graph_readers()

def _import_csv(net, i, c):
    """Network.import_csv of a ';'-separated folder with one resident of its
    own (wc<i>); the one of the round before is removed."""
    folder = os.path.join(c.tmp, "import-csv")
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "actors.csv"), "w", encoding="utf-8") as f:
        f.write(f"key;type;key_figure\nwc{i};resident;ja\n")
    net.import_csv(folder)
    if i > 0:
        net.remove(f"wc{i - 1}")


# Every Network writer, called in turn by the writer thread with a counter i.
# It adds records of its own (w<i>, we<i>, wo<i>) and removes those of the
# round before, so the stable keys the readers use stay.
WRITERS = {
    "Network.add_resident": lambda net, i, c: net.add_resident(
        f"w{i}", municipality=c.municipality, talents=["koken"], groups=[f"gw{i % 3}"]),
    "Network.add_organisation": lambda net, i, c: net.add_organisation(f"wo{i}", kind="library",
                                                                        municipality=c.municipality),
    "Network.add_tie": lambda net, i, c: net.add_tie(f"w{i}", c.first, "knows", since="2022-02-01"),
    "Network.add_event": lambda net, i, c: net.add_event(f"we{i}", date="2022-03-01", kind="iftar",
                                                         municipality=c.municipality, organisers=[f"w{i}"]),
    "Network.add_organiser": lambda net, i, c: net.add_organiser(f"we{i}", f"wo{i}"),
    "Network.attend": lambda net, i, c: net.attend(f"we{i}", c.first, brought_by=f"w{i}"),
    # (a bounded set of marks: a Network that grows all the time would slow
    # the writer down until it hardly ever asks for the lock)
    "Network.mark_sensitive": lambda net, i, c: net.mark_sensitive(f"g{i % 16}"),
    "Network.mark_sensitive_tie_kind": lambda net, i, c: net.mark_sensitive_tie_kind(f"k{i % 16}"),
    "Network.mark_sensitive_event": lambda net, i, c: net.mark_sensitive_event(f"we{i}"),
    "Network.import_csv": _import_csv,
    "Network.remove_event": lambda net, i, c: net.remove_event(f"we{i - 1}") if i > 0 else None,
    "Network.remove": lambda net, i, c: (net.remove(f"w{i - 1}"), net.remove(f"wo{i - 1}")) if i > 0 else None,
}

# Network members that are neither: construction and the class's own plumbing.
NETWORK_OTHER = {"__init__", "__hash__", "__module__", "__doc__", "__class__", "__dict__", "__weakref__"}


# --- completeness ----------------------------------------------------------------------

def _first_parameter(func):
    """The name of a public function's first parameter (Python functions and
    pybind11 functions alike), or None when it takes none."""
    try:
        params = list(inspect.signature(func).parameters)
        return params[0] if params else None
    except (TypeError, ValueError):
        pass
    match = re.match(r"\s*\w+\((\w*)", func.__doc__ or "")
    return (match.group(1) or None) if match else None


def _takes_network(func):
    if _first_parameter(func) in ("net", "network", "source"):
        return True
    head = (func.__doc__ or "").split("\n", 1)[0]
    return "verbind.Network" in head.split("->")[0]


def test_every_function_that_takes_a_network_is_a_reader():
    public = {name for name in verbind.__all__ if callable(getattr(verbind, name))
              and not inspect.isclass(getattr(verbind, name))}
    takes = {name for name in public if _takes_network(getattr(verbind, name))}
    listed = {name for name in READERS if "." not in name}
    assert takes == listed, (
        f"not stress-tested: {sorted(takes - listed)}; listed but take no Network: {sorted(listed - takes)}")
    # The rule that finds them finds functions of both kinds.
    assert {"cascades", "introductions", "temporal_reach", "pseudonymise"} <= takes


def test_every_network_member_is_a_reader_or_a_writer():
    members = {name for name in dir(verbind.Network) if not name.startswith("_")}
    members |= {name for name, value in vars(verbind.Network).items()
                if name.startswith("__") and name not in NETWORK_OTHER and callable(value)}
    members -= {name for name in dir(object) if getattr(verbind.Network, name, None) is getattr(object, name)}
    readers = {name.split(".", 1)[1] for name in READERS if name.startswith("Network.")}
    writers = {name.split(".", 1)[1] for name in WRITERS}
    assert not readers & writers
    assert members == readers | writers, (
        f"unclassified: {sorted(members - readers - writers)}; gone: {sorted((readers | writers) - members)}")


def test_every_store_method_taking_a_network_is_a_reader():
    takes = {name for name in dir(verbind.Store) if not name.startswith("_")
             and "verbind.Network" in (getattr(verbind.Store, name).__doc__ or "").split("\n", 1)[0]}
    assert takes == {name.split(".", 1)[1] for name in READERS if name.startswith("Store.")}


# --- the child process ---------------------------------------------------------------------

class _Context:
    @property
    def tmp(self):
        """A folder of this thread's own: two threads writing one file would
        race on the file, not on the Network."""
        folder = os.path.join(self.root, str(threading.get_ident()))
        os.makedirs(folder, exist_ok=True)
        return folder


def _child(names, mode):
    import faulthandler
    import tempfile

    faulthandler.dump_traceback_later(TIMEOUT - 20, exit=True)
    net = verbind.sample_programme(seed=2, scale=0.05)
    c = _Context()
    c.first = net.actors()[0]["key"]
    c.municipality = net.actors()[0]["municipality"]
    c.event = net.events()[0]["key"]
    c.other = net.copy()
    c.root = tempfile.mkdtemp(prefix="verbind-concurrency-")
    c.store = verbind.Store(os.path.join(c.root, "store.db"))

    def progress(fraction):
        # Takes the GIL back while the reader holds the lock, and reads the
        # same Network from inside the call (nested read on this thread).
        assert net.num_actors > 0
        time.sleep(0)

    c.progress = progress
    stop = threading.Event()
    rounds = [0]
    failures = []

    def writer():
        i = 0
        try:
            while not stop.is_set():
                for write in WRITERS.values():
                    write(net, i, c)
                    # and quick changes in between, so that the writer asks
                    # for the lock often (a deadlock needs it to be waiting
                    # just when a read ends)
                    for k in range(4):
                        net.mark_sensitive(f"q{k}")
                i += 1
                rounds[0] = i
        except BaseException as e:  # pragma: no cover - reported below
            failures.append(repr(e))

    if mode == "stress":
        thread = threading.Thread(target=writer)
        thread.start()
        try:
            for name in names:
                # Two reader threads: a reader taking the lock while another
                # thread's read ends is a window of its own.
                print("start", name, flush=True)
                counts, errors = [0] * READER_THREADS, []
                until = time.monotonic() + BUDGET

                def read(slot):
                    try:
                        while counts[slot] < 2 or time.monotonic() < until:
                            READERS[name](net, c)
                            counts[slot] += 1
                    except BaseException as e:  # pragma: no cover - reported below
                        errors.append(repr(e))

                readers = [threading.Thread(target=read, args=(k,)) for k in range(READER_THREADS)]
                for r in readers:
                    r.start()
                for r in readers:
                    r.join()
                assert not errors, (name, errors)
                print("done", name, sum(counts), flush=True)
        finally:
            stop.set()
            thread.join()
        print("writer rounds", rounds[0], flush=True)
        assert not failures, failures
    elif mode == "write-in-callback":
        # A progress callback that changes the Network being read: an error
        # naming the situation, never a wait for itself.
        def changing(fraction):
            net.mark_sensitive("from-callback")

        for call in (lambda: verbind.introductions(net, limit=2, progress=changing),
                     lambda: verbind.timeline(net, permutations=2, progress=changing),
                     lambda: verbind.social_map(net, top=2, progress=changing)):
            try:
                call()
            except verbind.Error as e:
                assert "being read by a call on this thread" in str(e), str(e)
            else:
                raise AssertionError("a write from inside a read went through")
        assert "from-callback" not in net.sensitive_groups
        print("refused", flush=True)
    c.store.close()


def _run_child(names, mode="stress"):
    env = dict(os.environ)
    result = subprocess.run([sys.executable, __file__, mode, *names], capture_output=True, text=True,
                            timeout=TIMEOUT, env=env)
    assert result.returncode == 0, (
        f"child failed or hung (rc {result.returncode}); last output:\n{result.stdout[-2000:]}\n"
        f"{result.stderr[-6000:]}")
    return result.stdout


def test_readers_against_a_writer_never_hang():
    out = _run_child(sorted(READERS))
    done = {line.split()[1] for line in out.splitlines() if line.startswith("done ")}
    assert done == set(READERS)
    rounds = int(out.rsplit("writer rounds", 1)[1].split()[0])
    assert rounds > 0, "the writer never got the lock: the readers starved it"


def test_a_progress_callback_changing_its_own_network_is_refused():
    assert "refused" in _run_child([], mode="write-in-callback")


def test_the_issue_repro_finishes():
    # issue 11, item 1, as filed: cascades against mark_sensitive.
    code = (
        "import threading, time, verbind\n"
        "net = verbind.sample_programme(seed=2, scale=0.05); stop = False\n"
        "def w():\n"
        "    i = 0\n"
        "    while not stop: i += 1; net.mark_sensitive(f'g{i}')\n"
        "def r():\n"
        "    while not stop: verbind.cascades(net)\n"
        "ts = [threading.Thread(target=w), threading.Thread(target=r)]; [t.start() for t in ts]\n"
        "time.sleep(1); stop = True; [t.join() for t in ts]\n"
        "print('finished')\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=TIMEOUT)
    assert result.returncode == 0 and "finished" in result.stdout, result.stderr[-3000:]


if __name__ == "__main__":
    _child(sys.argv[2:], sys.argv[1])
