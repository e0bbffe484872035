"""threads=0 follows the process's CPU affinity (taskset, cpusets,
os.sched_setaffinity), and the library's threads persist between calls
instead of being started per call (issue 17).

Each case runs a child Python whose affinity is set before verbind is
imported, makes a parallel call with threads=0 and counts its threads
(/proc/self/task) before and after: the pool keeps its threads, so a helper
ever started is still there to count."""

import os
import subprocess
import sys

import pytest

CHILD = r"""
import os, sys
cpus = [int(c) for c in sys.argv[1].split(",")]
os.sched_setaffinity(0, cpus)
import verbind

def tasks():
    return len(os.listdir("/proc/self/task"))

g = verbind.Graph.from_edges(list(range(2000)), [(i * 7 + 1) % 2000 for i in range(2000)], directed=False)
before = tasks()
r1 = verbind.spread(g, [0, 1, 2], probability=0.3, runs=20000, seed=3, threads=0)
after_first = tasks()
for _ in range(5):
    r = verbind.spread(g, [0, 1, 2], probability=0.3, runs=20000, seed=3, threads=0)
    assert r.mean == r1.mean
after_more = tasks()
one = verbind.spread(g, [0, 1, 2], probability=0.3, runs=20000, seed=3, threads=1)
# During a longer call, from a second Python thread (the bindings release
# the GIL while computing): the most threads seen, the poller not counted.
import threading
during, polls, stop = [0], [0], threading.Event()
def poll():
    while not stop.is_set():
        during[0] = max(during[0], tasks() - 1)
        polls[0] += 1
poller = threading.Thread(target=poll)
poller.start()
verbind.spread(g, [0, 1, 2], probability=0.3, runs=400000, seed=3, threads=0)
stop.set()
poller.join()
assert polls[0] > 10, polls
print(before, after_first, after_more, during[0], r1.mean == one.mean)
"""


def run_child(cpus):
    env = dict(os.environ)
    out = subprocess.run([sys.executable, "-c", CHILD, ",".join(map(str, cpus))], capture_output=True, text=True,
                         env=env, timeout=300)
    assert out.returncode == 0, out.stderr
    before, after_first, after_more, during, same = out.stdout.split()
    return int(before), int(after_first), int(after_more), int(during), same == "True"


@pytest.mark.skipif(not os.path.isdir("/proc/self/task") or not hasattr(os, "sched_getaffinity"),
                    reason="needs Linux /proc and sched_getaffinity")
def test_one_cpu_starts_no_thread():
    cpu = sorted(os.sched_getaffinity(0))[0]
    before, after_first, after_more, during, same = run_child([cpu])
    assert after_first == before, "threads=0 on one CPU started a thread"
    assert after_more == before
    assert during == before, "a second thread ran during a threads=0 call on one CPU"
    assert same


@pytest.mark.skipif(not os.path.isdir("/proc/self/task") or len(os.sched_getaffinity(0)) < 2,
                    reason="needs two CPUs in the affinity mask")
def test_two_cpus_start_one_helper_kept_between_calls():
    cpus = sorted(os.sched_getaffinity(0))[:2]
    before, after_first, after_more, during, same = run_child(cpus)
    # One helper for two CPUs, started once and reused by the next calls
    # (the parallel_for before issue 17 started and joined a thread per call:
    # none left to count).
    assert after_first == before + 1
    assert after_more == after_first
    assert during == after_first
    assert same


CAP_CHILD = r"""
import os, sys
cpus = [int(c) for c in sys.argv[1].split(",")]
os.sched_setaffinity(0, cpus)
import verbind

def tasks():
    return len(os.listdir("/proc/self/task"))

assert verbind.max_threads() == len(cpus), verbind.max_threads()
verbind.set_max_threads(1)
assert verbind.max_threads() == 1
g = verbind.Graph.from_edges(list(range(2000)), [(i * 7 + 1) % 2000 for i in range(2000)], directed=False)
before = tasks()
capped = [verbind.spread(g, [0, 1, 2], probability=0.3, runs=20000, seed=3, threads=t).mean for t in (0, 2, 8)]
after_capped = tasks()
verbind.set_max_threads(0)
assert verbind.max_threads() == len(cpus)
free = verbind.spread(g, [0, 1, 2], probability=0.3, runs=20000, seed=3, threads=0).mean
print(before, after_capped, capped[0] == capped[1] == capped[2] == free)
"""


@pytest.mark.skipif(not os.path.isdir("/proc/self/task") or len(os.sched_getaffinity(0)) < 2,
                    reason="needs two CPUs in the affinity mask")
def test_set_max_threads_caps_every_later_call():
    cpus = sorted(os.sched_getaffinity(0))[:2]
    out = subprocess.run([sys.executable, "-c", CAP_CHILD, ",".join(map(str, cpus))], capture_output=True,
                         text=True, env=dict(os.environ), timeout=300)
    assert out.returncode == 0, out.stderr
    before, after_capped, same = out.stdout.split()
    # Capped at 1, neither threads=0 nor an explicit 2 or 8 starts a thread;
    # the results are the same as uncapped.
    assert after_capped == before
    assert same == "True"


def test_set_max_threads_refuses_what_is_not_a_count():
    import verbind
    with pytest.raises(ValueError, match="threads"):
        verbind.set_max_threads(-1)
    with pytest.raises(TypeError, match="threads"):
        verbind.set_max_threads("2")
    with pytest.raises(TypeError):
        verbind.set_max_threads(True)
    assert verbind.max_threads() >= 1
