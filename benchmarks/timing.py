"""What the Python benchmarks share (timing.hpp is the C++ benchmarks' twin).

Each script in a folder below benchmarks/ puts this folder on sys.path and
imports from here, so a script still runs as
`/usr/bin/python3 benchmarks/<area>/bench_x.py` from anywhere.
"""

import gc
import statistics
import time


def median_time(fn, repeats, *, warmup=False, collect=False):
    """(median seconds over `repeats` calls of fn, the last call's result).

    warmup: one untimed call first (the first call pays for growing the
    heap); collect: a garbage collection before each timed call, outside the
    time (so one contender's garbage is not collected in another's time)."""
    if warmup:
        fn()
    times, result = [], None
    for _ in range(repeats):
        if collect:
            gc.collect()
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result
