#!/usr/bin/env python3
"""Snapshot build speed and memory per edge: verbind against python-igraph,
scipy and networkx, on the same random graph in the same run.

    PYTHONPATH=build/python /usr/bin/python3 benchmarks/graph/bench_build.py [--edges 2000000] [--nodes 200000]

Each peer builds an undirected graph from the same two numpy arrays
(networkx only on a tenth of the edges unless --networkx-full: it needs
minutes and gigabytes at full size). Times are medians of --repeats runs;
ratios are peer time / verbind time (above 1: verbind is faster).
"""
import argparse
import statistics
import time

import numpy as np

import verbind


def median_time(fn, repeats):
    fn()  # warm-up: the first build pays for growing the heap
    times, result = [], None
    for _ in range(repeats):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), result


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
    args = parser.parse_args()

    src, dst = random_simple_graph(args.nodes, args.edges, seed=7)
    m = len(src)
    weights = np.random.default_rng(8).integers(1, 10, size=m).astype(np.float64)
    print(f"random simple graph: {args.nodes:,} nodes, {m:,} edges; median of {args.repeats} builds\n")

    rows = []

    def report(name, seconds, nbytes, edges):
        rows.append((name, seconds, nbytes / edges if nbytes else float("nan")))

    t, g = median_time(lambda: verbind.Graph.from_edges(src, dst, n=args.nodes), args.repeats)
    assert g.num_edges == m
    base = t
    report("verbind unweighted", t, g.memory_bytes, m)
    t, g = median_time(lambda: verbind.Graph.from_edges(src, dst, n=args.nodes, weights=weights), args.repeats)
    report("verbind weighted", t, g.memory_bytes, m)

    try:
        import igraph

        edges = np.column_stack([src, dst]).astype(np.int64)
        t, ig = median_time(lambda: igraph.Graph(n=args.nodes, edges=edges), args.repeats)
        assert ig.ecount() == m
        # igraph_t keeps from, to, oi, ii (m each) and os, is (n+1 each) as igraph_integer_t.
        report("python-igraph Graph(n, edges)", t, 8 * (4 * m + 2 * (args.nodes + 1)), m)
    except ImportError:
        print("python-igraph not installed: skipped")

    try:
        import scipy.sparse as sp

        def scipy_build():
            rows_ = np.concatenate([src, dst])
            cols = np.concatenate([dst, src])
            data = np.concatenate([weights, weights])
            return sp.csr_matrix((data, (rows_, cols)), shape=(args.nodes, args.nodes))

        t, a = median_time(scipy_build, args.repeats)
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


if __name__ == "__main__":
    main()
