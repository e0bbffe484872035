#!/usr/bin/env python3
"""Snapshot build speed and memory per edge: verbind against python-igraph,
graph-tool, scipy and networkx, on the same random graph in the same run.

    PYTHONPATH=build/python /usr/bin/python3 benchmarks/graph/bench_build.py [--edges 2000000] [--nodes 200000]

Each peer builds an undirected graph from the same two numpy arrays
(networkx only on a tenth of the edges unless --networkx-full: it needs
minutes and gigabytes at full size). Times are medians of --repeats runs;
ratios are peer time / verbind time (above 1: verbind is faster).

Then peak memory (--peak-edges, default 10,000,000; 0 skips): each builder
in a fresh process loads the same arrays (about 1% of the edges repeated,
in either direction, real double weights) from .npy files and builds the
undirected graph with repeats summed (verbind duplicates="sum", igraph
simplify(combine_edges="sum"), scipy csr_matrix summing duplicates); the
rise of the process's peak resident set (VmHWM) over the build, per input
edge, beside the final structure's bytes per edge.
"""
import pathlib
import json
import os
import subprocess
import sys
import tempfile
import argparse
import time

import numpy as np

import verbind

# benchmarks/timing.py: what the Python benchmarks share.
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))
from timing import median_time  # noqa: E402


def random_simple_graph(n, m, seed):
    rng = np.random.default_rng(seed)
    u = rng.integers(0, n, size=int(m * 1.1), dtype=np.int64)
    v = rng.integers(0, n, size=int(m * 1.1), dtype=np.int64)
    keep = u != v
    lo, hi = np.minimum(u[keep], v[keep]), np.maximum(u[keep], v[keep])
    pairs = np.unique(lo * n + hi)[:m]
    rng.shuffle(pairs)
    return (pairs // n).astype(np.uint32), (pairs % n).astype(np.uint32)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--edges", type=int, default=2_000_000)
    parser.add_argument("--nodes", type=int, default=200_000)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--networkx-full", action="store_true")
    parser.add_argument("--peak-edges", type=int, default=10_000_000)
    args = parser.parse_args()
    if args.peak_edges:
        peak_memory(args.peak_edges)

    src, dst = random_simple_graph(args.nodes, args.edges, seed=7)
    m = len(src)
    weights = np.random.default_rng(8).integers(1, 10, size=m).astype(np.float64)
    print(f"random simple graph: {args.nodes:,} nodes, {m:,} edges; median of {args.repeats} builds\n")

    rows = []

    def report(name, seconds, nbytes, edges):
        rows.append((name, seconds, nbytes / edges if nbytes else float("nan")))

    t, g = median_time(lambda: verbind.Graph.from_edges(src, dst, n=args.nodes), args.repeats, warmup=True)
    assert g.num_edges == m
    base = t
    report("verbind unweighted", t, g.memory_bytes, m)
    t, g = median_time(lambda: verbind.Graph.from_edges(src, dst, n=args.nodes, weights=weights), args.repeats, warmup=True)
    report("verbind weighted", t, g.memory_bytes, m)

    try:
        import igraph

        edges = np.column_stack([src, dst]).astype(np.int64)
        t, ig = median_time(lambda: igraph.Graph(n=args.nodes, edges=edges), args.repeats, warmup=True)
        assert ig.ecount() == m
        # igraph_t keeps from, to, oi, ii (m each) and os, is (n+1 each) as igraph_integer_t.
        report("python-igraph Graph(n, edges)", t, 8 * (4 * m + 2 * (args.nodes + 1)), m)
    except ImportError:
        print("python-igraph not installed: skipped")

    try:
        os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")  # no OpenMP threads spinning after its calls
        import warnings

        warnings.filterwarnings("ignore", module="graph_tool")  # no cairo: drawing only
        import graph_tool

        edges = np.column_stack([src, dst])

        def graph_tool_build():
            h = graph_tool.Graph(directed=False)
            h.add_vertex(args.nodes)
            h.add_edge_list(edges)
            return h

        t, h = median_time(graph_tool_build, args.repeats, warmup=True)
        assert h.num_edges() == m
        # adj_list: per vertex a vector of (neighbour, edge index) pairs, 16 bytes, both ends of each edge.
        report("graph-tool Graph.add_edge_list", t, 32 * m, m)
    except ImportError:
        print("graph-tool not installed: skipped")

    try:
        import scipy.sparse as sp

        def scipy_build():
            rows_ = np.concatenate([src, dst])
            cols = np.concatenate([dst, src])
            data = np.concatenate([weights, weights])
            return sp.csr_matrix((data, (rows_, cols)), shape=(args.nodes, args.nodes))

        t, a = median_time(scipy_build, args.repeats, warmup=True)
        assert a.nnz == 2 * m
        report("scipy csr_matrix (weighted)", t, a.data.nbytes + a.indices.nbytes + a.indptr.nbytes, m)
    except ImportError:
        print("scipy not installed: skipped")

    try:
        import networkx as nx

        k = m if args.networkx_full else m // 10
        pairs = list(zip(src[:k].tolist(), dst[:k].tolist()))
        t0 = time.perf_counter()
        h = nx.Graph()
        h.add_nodes_from(range(args.nodes))
        h.add_edges_from(pairs)
        t = (time.perf_counter() - t0) * (m / k)
        rows.append((f"networkx Graph ({'full' if k == m else 'x10 of 1/10'})", t, float("nan")))
    except ImportError:
        print("networkx not installed: skipped")

    print(f"{'builder':36} {'seconds':>9} {'vs verbind':>11} {'bytes/edge':>11}")
    for name, seconds, per_edge in rows:
        print(f"{name:36} {seconds:9.3f} {seconds / base:10.2f}x {per_edge:11.2f}")


PEAK_CHILD = r"""
import json, sys, time, numpy as np
def hwm():
    with open("/proc/self/status") as f:
        return next(int(l.split()[1]) for l in f if l.startswith("VmHWM:")) * 1024
src, dst, w = (np.load(p) for p in sys.argv[2:5])
n = int(sys.argv[5])
which = sys.argv[1]
if which == "verbind":
    import verbind
elif which == "igraph":
    import igraph
else:
    import scipy.sparse as sp
base = hwm()
t0 = time.perf_counter()
if which == "verbind":
    g = verbind.Graph.from_edges(src, dst, n=n, weights=w, duplicates="sum")
    edges, nbytes = g.num_edges, g.memory_bytes
elif which == "igraph":
    g = igraph.Graph(n=n, edges=np.column_stack([src, dst]), edge_attrs={"weight": w})
    g.simplify(multiple=True, loops=False, combine_edges="sum")
    edges = g.ecount()
    # igraph_t: from, to, oi, ii (m each), os, is (n + 1 each), 8 bytes; the weight list: a Python float each.
    nbytes = 8 * (4 * edges + 2 * (n + 1)) + 32 * edges
else:
    a = sp.csr_matrix((np.concatenate([w, w]), (np.concatenate([src, dst]), np.concatenate([dst, src]))), shape=(n, n))
    a.sum_duplicates()
    edges, nbytes = a.nnz // 2, a.data.nbytes + a.indices.nbytes + a.indptr.nbytes
seconds = time.perf_counter() - t0
print(json.dumps({"peak": hwm() - base, "seconds": seconds, "edges": edges, "bytes": nbytes}))
"""


def peak_memory(m):
    """Peak memory of building m weighted edges with repeats summed, per builder."""
    if not sys.platform.startswith("linux"):
        print("peak memory: reads /proc/self/status (Linux only): skipped")
        return
    n = max(1, m // 10)
    rng = np.random.default_rng(11)
    src = rng.integers(0, n, m)
    dst = rng.integers(0, n, m)
    keep = src != dst
    src, dst = src[keep], dst[keep]
    again = rng.choice(len(src), len(src) // 100, replace=False)
    flip = rng.random(len(again)) < 0.5
    src, dst = (np.concatenate([src, np.where(flip, dst[again], src[again])]),
                np.concatenate([dst, np.where(flip, src[again], dst[again])]))
    w = rng.random(len(src)) + 0.5
    records = len(src)
    print(f"peak memory: {records:,} weighted edge records (1% repeated), {n:,} nodes, repeats summed")
    print(f"{'builder':24} {'seconds':>8} {'edges':>12} {'peak B/record':>14} {'final B/edge':>13} {'peak/final':>11}")
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for name, a in (("src", src), ("dst", dst), ("w", w)):
            paths.append(os.path.join(folder, name + ".npy"))
            np.save(paths[-1], a)
        del src, dst, w
        for which in ("verbind", "igraph", "scipy"):
            run = subprocess.run([sys.executable, "-c", PEAK_CHILD, which, *paths, str(n)],
                                 capture_output=True, text=True, env=os.environ)
            if run.returncode != 0:
                print(f"{which:24} failed: {run.stderr.strip().splitlines()[-1] if run.stderr else run.returncode}")
                continue
            r = json.loads(run.stdout)
            print(f"{which:24} {r['seconds']:8.3f} {r['edges']:12,} {r['peak'] / records:14.1f} "
                  f"{r['bytes'] / r['edges']:13.1f} {r['peak'] / r['bytes']:10.2f}x")
    print()


if __name__ == "__main__":
    main()
