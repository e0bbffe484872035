"""Matchmaking benchmarks against scipy, medians of repeated runs in one process.

  PYTHONPATH=build/python /usr/bin/python3 benchmarks/match/bench_match.py [--quick] [--json FILE]

1. linear_assignment vs scipy.optimize.linear_sum_assignment on random dense
   1000x1000 and 4000x4000 matrices (uniform [0, 1), seeded); the same
   optimum is checked.
2. assign with capacities on 10,000 x 1,000 (rows capacity 1, columns 10):
   our time; and, as a peer, scipy's linear_sum_assignment on the expanded
   matrix of a 3,000 x 300 instance (columns repeated 10 times).
3. introductions on the sample programme at scale 50 (about 100,000
   residents), threads=0 and threads=1.
"""

import pathlib
import sys
import time

import numpy as np
from scipy.optimize import linear_sum_assignment

import verbind

# benchmarks/timing.py: what the Python benchmarks share.
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))
from timing import Rows, json_path, median_time  # noqa: E402


def main():
    json_out = json_path(sys.argv)
    rows = Rows("match")
    quick = "--quick" in sys.argv
    rng = np.random.default_rng(2022)
    print("linear_assignment vs scipy.optimize.linear_sum_assignment (median seconds)")
    print(f"{'size':>12} {'verbind':>10} {'scipy':>10} {'scipy/verbind':>14}")
    for n, repeats in ((1000, 5), (4000, 1 if quick else 3)):
        cost = rng.random((n, n))
        ours, (r, c) = median_time(lambda: verbind.linear_assignment(cost), repeats)
        peer, (rs, cs) = median_time(lambda: linear_sum_assignment(cost), repeats)
        assert abs(cost[r, c].sum() - cost[rs, cs].sum()) < 1e-9
        print(f"{n:>5}x{n:<6} {ours:>10.3f} {peer:>10.3f} {peer / ours:>14.2f}")
        rows.add(f"linear_assignment {n}x{n}", {"verbind": ours, "scipy": peer})

    print("\nassign with capacities (rows 1, columns 10), median seconds")
    cost = rng.random((10_000, 1_000))
    ours, (r, c) = median_time(lambda: verbind.assign(cost, row_capacity=1, col_capacity=10), 1 if quick else 3)
    print(f"  verbind assign 10000x1000: {ours:.3f} s, {len(r)} pairs, total {cost[r, c].sum():.4f}")
    small = rng.random((3_000, 300))
    ours, (r, c) = median_time(lambda: verbind.assign(small, row_capacity=1, col_capacity=10), 3)
    expanded = np.repeat(small, 10, axis=1)
    peer, (rs, cs) = median_time(lambda: linear_sum_assignment(expanded), 3)
    assert abs(small[r, c].sum() - expanded[rs, cs].sum()) < 1e-7
    print(f"  3000x300: verbind assign {ours:.3f} s, scipy on the expanded 3000x3000 {peer:.3f} s, "
          f"ratio scipy/verbind {peer / ours:.2f}")
    rows.add("assign 3000x300 capacity 10 (scipy: expanded)", {"verbind": ours, "scipy": peer})

    scale = 5 if quick else 50
    start = time.perf_counter()
    net = verbind.sample_programme(scale=scale)
    print(f"\nintroductions on sample_programme(scale={scale}): {net.num_residents} residents, "
          f"{net.num_ties} ties (generated in {time.perf_counter() - start:.1f} s)")
    times = {}
    for threads in (0, 1):
        t, result = median_time(lambda: verbind.introductions(net, threads=threads), 1 if quick else 3)
        times[f"verbind threads={threads}"] = t
        print(f"  threads={threads}: {t:.2f} s, {len(result)} suggestions")
    rows.add(f"introductions sample scale {scale}", times, ours="verbind threads=0")
    rows.write(json_out)


if __name__ == "__main__":
    main()
