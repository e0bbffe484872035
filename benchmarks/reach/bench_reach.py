"""Hop reach against python-igraph's BFS, and influence_max / spread from
Python, on the same graphs in the same run. Prints medians and ratios.

    PYTHONPATH=build/python /usr/bin/python3 benchmarks/reach/bench_reach.py [data-dir] [nodes] [arcs] [--json FILE]

The generated graph is directed: sources drawn with probability proportional
to rank^-0.8, targets uniformly, duplicates and self-loops dropped (the C++
benchmark bench_reach uses the same recipe). Graphs are built outside the
timings.
"""

import pathlib
import statistics
import sys
import time

import igraph
import numpy as np

import verbind

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))
import timing  # noqa: E402


def median_seconds(f, repeats=5):
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        f()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def generated(n, m, seed=2018):
    rng = np.random.default_rng(seed)
    top = (n + 1.0) ** 0.2 - 1.0
    pairs = np.empty(0, dtype=np.uint64)
    while len(pairs) < m:
        need = m - len(pairs)
        src = np.minimum((rng.random(need) * top + 1.0) ** 5.0 - 1.0, n - 1).astype(np.uint64)
        dst = rng.integers(0, n, need, dtype=np.uint64)
        keep = src != dst
        pairs = np.unique(np.concatenate([pairs, (src[keep] << np.uint64(32)) | dst[keep]]))
    pairs = pairs[:m]
    return (pairs >> np.uint64(32)).astype(np.int64), (pairs & np.uint64(0xFFFFFFFF)).astype(np.int64)


def main():
    json_out = timing.json_path(sys.argv)
    rows = timing.Rows("reach_py")
    data = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "data")
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
    m = int(sys.argv[3]) if len(sys.argv) > 3 else 10_000_000

    src, dst = generated(n, m)
    g = verbind.Graph.from_edges(src, dst, n=n, directed=True)
    ig = igraph.Graph(n=n, edges=np.column_stack([src, dst]), directed=True)
    ours = median_seconds(lambda: verbind.hop_reach(g, [0]))
    theirs = median_seconds(lambda: ig.bfs(0, mode="out"))
    d = verbind.hop_reach(g, [0])
    layers = ig.bfs(0, mode="out")[1]
    assert (d >= 0).sum() == layers[-1], "verbind and igraph reach different node counts"
    print(f"hop_reach {n} nodes, {m} arcs, from node 0: verbind {ours:.4f} s, igraph bfs {theirs:.4f} s, "
          f"ratio verbind/igraph {ours / theirs:.2f} ({(d >= 0).sum()} reached)")
    rows.add(f"hop_reach directed {n} nodes {m} arcs", {"verbind": ours, "igraph": theirs})
    und = verbind.Graph.from_edges(src, dst, n=n, duplicates="first")
    igu = igraph.Graph(n=n, edges=np.column_stack([src, dst]), directed=False).simplify()
    ours = median_seconds(lambda: verbind.hop_reach(und, [0]))
    theirs = median_seconds(lambda: igu.bfs(0))
    print(f"hop_reach undirected {und.num_edges} edges: verbind {ours:.4f} s, igraph bfs {theirs:.4f} s, "
          f"ratio verbind/igraph {ours / theirs:.2f}")
    rows.add(f"hop_reach undirected {und.num_edges} edges", {"verbind": ours, "igraph": theirs})
    del ig, igu

    fb = verbind.read_edgelist(str(data / "facebook_combined.txt"))
    t = {}
    for threads in (1, 0):
        t[threads] = s = median_seconds(lambda: verbind.influence_max(fb, 50, epsilon=0.1, threads=threads))
        print(f"influence_max facebook k=50 IC-WC eps=0.1 threads={threads}: {s:.4f} s (target 0.004 s at threads=0)")
    rows.add("influence_max facebook k=50 eps=0.1 (Python)", {"verbind threads=0": t[0], "verbind threads=1": t[1]},
             ours="verbind threads=0")
    seeds = verbind.influence_max(fb, 50).seeds
    s = median_seconds(lambda: verbind.spread(fb, seeds, runs=10000), repeats=3)
    print(f"spread facebook 50 seeds 10000 runs threads=0: {s:.3f} s")
    for threads in (1, 0):
        t[threads] = s = median_seconds(lambda: verbind.influence_max(g, 50, epsilon=0.1, threads=threads), repeats=3)
        print(f"influence_max generated k=50 IC-WC eps=0.1 threads={threads}: {s:.4f} s (target 0.03 s at threads=0)")
    rows.add("influence_max generated k=50 eps=0.1 (Python)", {"verbind threads=0": t[0], "verbind threads=1": t[1]},
             ours="verbind threads=0")
    rows.write(json_out)


if __name__ == "__main__":
    main()
