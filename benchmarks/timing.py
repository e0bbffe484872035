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


class Rows:
    """The machine-readable output every benchmark shares (`--json FILE`),
    which `benchmarks/run` collects into one table:

        {"benchmark": NAME, "rows": [{"measure": ..., "ours": "verbind",
          "wall_ms": {contender: ms}, "cpu_ms": {contender: ms},
          "ratio": {peer: peer wall / ours wall}, "load": [1, 5, 15 min]}]}

    A ratio above 1 means verbind is faster."""

    def __init__(self, benchmark):
        self.benchmark, self.rows = benchmark, []

    def add(self, measure, wall_s, cpu_s=None, ours="verbind", note=""):
        """wall_s / cpu_s: {contender: seconds}, `ours` among them."""
        import os

        base = wall_s[ours]
        self.rows.append({
            "measure": measure, "ours": ours,
            "wall_ms": {k: v * 1000 for k, v in wall_s.items()},
            "cpu_ms": {k: v * 1000 for k, v in (cpu_s or {}).items()},
            "ratio": {k: v / base for k, v in wall_s.items() if k != ours and base > 0},
            "note": note, "load": list(os.getloadavg()),
        })

    def write(self, path):
        import json
        import pathlib

        if path:
            pathlib.Path(path).write_text(json.dumps({"benchmark": self.benchmark, "rows": self.rows}, indent=1))


def json_path(argv):
    """Takes `--json FILE` out of argv (scripts that read sys.argv by
    position); returns FILE or None."""
    if "--json" not in argv:
        return None
    i = argv.index("--json")
    path = argv[i + 1] if i + 1 < len(argv) else None
    del argv[i:i + 2]
    return path
