"""verbind against python-igraph, graph-tool, leidenalg and networkx on the same graphs, in one run.

    PYTHONPATH=build/python VERBIND_DATA=data /usr/bin/python3 benchmarks/socialmap/bench_socialmap.py \\
        [--repeat 5] [--no-networkx] [--edges 1200000] [--json FILE]

Every measure runs its contenders interleaved (one call of each per round,
so a busy machine slows them alike) and prints, per library, the median
wall time and the median CPU time of the process (all its threads) in ms,
and each peer's wall time over verbind's (> 1: verbind is faster). The load
average is printed with every section. graph-tool runs at one OpenMP
thread and at all of them (gt1 / gt). Communities: the modularity of every
contender for every seed (1..--seeds), computed by one formula
(verbind.modularity), the best of each, and the bar the issue sets (best of
igraph and leidenalg - 0.001).

facebook_combined: betweenness, closeness, PageRank, Leiden and Louvain; a
Barabasi-Albert graph of --edges edges: components, core numbers, PageRank,
BFS, Leiden, and sampled betweenness (k sources) against graph-tool's
pivots (the same sources: checked equal) and igraph's cutoff=2 estimate.
A 100-node random graph (300 edges): betweenness, closeness and PageRank at
threads=0 against threads=1 (a ratio above 1: threads=0 is faster; small
work must never be slower at threads=0), each sample --tiny-calls calls.
--json FILE writes every row (medians, ratios, modularities) as JSON.
"""

import argparse
import json
import os
import pathlib
import random
import statistics
import sys
import time
import warnings

import igraph as ig
import leidenalg
import networkx as nx
import numpy as np

import verbind

# graph-tool's OpenMP threads would otherwise spin after each of its calls,
# taking a core from whatever runs next (igraph's PageRank ran 20x slower).
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
warnings.filterwarnings("ignore", module="graph_tool")
import graph_tool  # noqa: E402
import graph_tool.centrality as gt_centrality  # noqa: E402
import graph_tool.topology as gt_topology  # noqa: E402

DATA = pathlib.Path(os.environ.get("VERBIND_DATA", pathlib.Path(__file__).resolve().parents[2] / "data"))
ROWS = []


def load():
    return "load %.1f %.1f %.1f" % os.getloadavg()


def interleaved(fns, repeats):
    """{name: (median wall s, median CPU s, last result)}, one call of each per round."""
    wall = {k: [] for k in fns}
    cpu = {k: [] for k in fns}
    result = {}
    for _ in range(repeats):
        for name, fn in fns.items():
            c0, t0 = time.process_time(), time.perf_counter()
            result[name] = fn()
            wall[name].append(time.perf_counter() - t0)
            cpu[name].append(time.process_time() - c0)
    return {k: (statistics.median(wall[k]), statistics.median(cpu[k]), result[k]) for k in fns}


def report(measure, times, ours="verbind", note="", extra=None):
    """Prints one line: each contender's wall / CPU ms, each peer's wall over ours."""
    base = times[ours][0]
    parts, ratios = [], {}
    for name, (w, c, _) in times.items():
        parts.append(f"{name} {w * 1000:.1f}/{c * 1000:.1f}")
        if not name.startswith("verbind"):
            ratios[name] = w / base
    ratio_text = "  ".join(f"{k}/{ours} {v:.2f}x" for k, v in ratios.items())
    print(f"{measure:<30} {' | '.join(parts)}   {ratio_text}  {note}")
    ROWS.append({"measure": measure, "ours": ours, "wall_ms": {k: v[0] * 1000 for k, v in times.items()},
                 "cpu_ms": {k: v[1] * 1000 for k, v in times.items()}, "ratio": ratios, "note": note,
                 "load": os.getloadavg(), **(extra or {})})


def gt_graph(n, s, d):
    h = graph_tool.Graph(directed=False)
    h.add_vertex(n)
    h.add_edge_list(np.column_stack([s, d]))
    return h


def gt_threads(k, fn):
    """fn run with graph-tool's OpenMP threads set to k."""
    def run():
        before = graph_tool.openmp_get_num_threads()
        graph_tool.openmp_set_num_threads(k)
        try:
            return fn()
        finally:
            graph_tool.openmp_set_num_threads(before)
    return run


def tiny_section(repeats, calls):
    """threads=0 against threads=1 on a 100-node graph: each sample is `calls` calls."""
    rng = np.random.default_rng(100)
    pairs = set()
    while len(pairs) < 300:
        a, b = (int(x) for x in rng.integers(0, 100, 2))
        if a != b:
            pairs.add((min(a, b), max(a, b)))
    src, dst = (np.array(x, dtype=np.uint32) for x in zip(*sorted(pairs)))
    tiny = verbind.Graph.from_edges(src, dst, n=100)
    print(f"\n100-node graph, 300 edges: threads=0 against threads=1, {calls} calls per sample; {load()}")

    def many(fn, threads):
        def run():
            for _ in range(calls):
                out = fn(threads)
            return out
        return run

    for measure, fn in (("tiny betweenness", lambda t: verbind.betweenness(tiny, threads=t)),
                        ("tiny closeness", lambda t: verbind.closeness(tiny, threads=t)),
                        ("tiny pagerank", lambda t: verbind.pagerank(tiny, threads=t))):
        t = interleaved({"verbind": many(fn, 0), "verbind threads=1": many(fn, 1)}, repeats)
        assert np.array_equal(np.asarray(t["verbind"][2]), np.asarray(t["verbind threads=1"][2]))
        per_call = {k: (w / calls, c / calls, r) for k, (w, c, r) in t.items()}
        ratio = per_call["verbind threads=1"][0] / per_call["verbind"][0]
        print(f"{measure + ' threads=0':<30} " + " | ".join(f"{k} {w * 1e6:.1f}/{c * 1e6:.1f} us"
                                                         for k, (w, c, _) in per_call.items())
              + f"   threads=1/threads=0 {ratio:.2f}x")
        ROWS.append({"measure": f"{measure} threads=0", "ours": "verbind",
                     "wall_ms": {k: v[0] * 1000 for k, v in per_call.items()},
                     "cpu_ms": {k: v[1] * 1000 for k, v in per_call.items()},
                     "ratio": {"verbind threads=1": ratio}, "note": f"per call, {calls} calls per sample",
                     "load": os.getloadavg()})


def communities_section(label, g, h, seeds, repeats):
    """Leiden against igraph's community_leiden and leidenalg, over the same seeds."""
    def ig_leiden(seed):
        random.seed(seed)  # python-igraph draws from Python's random
        return h.community_leiden(objective_function="modularity", n_iterations=2).membership

    def la_leiden(seed):
        return leidenalg.find_partition(h, leidenalg.ModularityVertexPartition, n_iterations=2,
                                        seed=seed).membership

    quality = {"verbind": [], "igraph": [], "leidenalg": []}
    walls = {"verbind": [], "igraph": [], "leidenalg": []}
    cpus = {"verbind": [], "igraph": [], "leidenalg": []}
    for seed in seeds:
        t = interleaved({"verbind": lambda: verbind.communities(g, seed=seed),
                         "igraph": lambda: ig_leiden(seed),
                         "leidenalg": lambda: la_leiden(seed)}, repeats)
        for name, (w, c, labels) in t.items():
            walls[name].append(w)
            cpus[name].append(c)
            quality[name].append(verbind.modularity(g, np.asarray(labels, dtype=np.uint32)))
    times = {k: (statistics.median(walls[k]), statistics.median(cpus[k]), None) for k in walls}
    best = {k: max(v) for k, v in quality.items()}
    bar = max(best["igraph"], best["leidenalg"]) - 0.001
    verdict = "ok" if best["verbind"] >= bar else "BELOW"
    report(f"{label} Leiden", times,
           note=f"Q best verbind {best['verbind']:.4f} igraph {best['igraph']:.4f} "
                f"leidenalg {best['leidenalg']:.4f}; bar {bar:.4f} {verdict}",
           extra={"modularity": quality, "seeds": list(seeds)})
    for name, q in quality.items():
        print(f"{'':30}   Q {name:<9} per seed: " + " ".join(f"{x:.4f}" for x in q))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--seeds", type=int, default=3, help="Leiden seeds 1..SEEDS, each --repeat times")
    parser.add_argument("--no-networkx", action="store_true")
    parser.add_argument("--edges", type=int, default=1_200_000)
    parser.add_argument("--samples", type=int, default=100, help="sources of the sampled betweenness")
    parser.add_argument("--tiny-calls", type=int, default=200, help="calls per sample on the 100-node graph")
    parser.add_argument("--only-tiny", action="store_true", help="only the 100-node graph")
    parser.add_argument("--json", metavar="FILE")
    args = parser.parse_args()
    r = args.repeat
    seeds = range(1, args.seeds + 1)
    tiny_section(max(r, 5), args.tiny_calls)
    if args.only_tiny:
        return

    g = verbind.read_edgelist(str(DATA / "facebook_combined.txt"))
    n = g.num_nodes
    s, d, _ = g.edges()
    h = ig.Graph(n=n, edges=np.column_stack([s, d]).tolist())
    q = gt_graph(n, s, d)
    G = nx.Graph()
    G.add_nodes_from(range(n))
    G.add_edges_from(zip(s.tolist(), d.tolist()))
    print(f"facebook_combined: {n} nodes, {g.num_edges} edges; {os.cpu_count()} cores; median of {r}; {load()}")
    print("per contender: wall/CPU ms (CPU: the process, all threads); peer/verbind: wall-time ratio")

    t = interleaved({"verbind": lambda: verbind.betweenness(g, normalized=False),
                     "verbind1": lambda: verbind.betweenness(g, normalized=False, threads=1),
                     "igraph": lambda: h.betweenness(directed=False),
                     "gt": lambda: gt_centrality.betweenness(q, norm=False)[0].a,
                     "gt1": gt_threads(1, lambda: gt_centrality.betweenness(q, norm=False)[0].a)}, r)
    ours = np.asarray(t["verbind"][2])
    assert np.allclose(ours, t["igraph"][2], rtol=1e-9, atol=1e-9)
    assert np.allclose(ours, t["gt"][2], rtol=1e-9, atol=1e-9)
    report("betweenness threads=0", {k: t[k] for k in ("verbind", "igraph", "gt", "gt1")})
    report("betweenness threads=1", {k: t[k] for k in ("verbind1", "igraph", "gt1")}, ours="verbind1")
    if not args.no_networkx:
        w, _, _ = interleaved({"nx": lambda: nx.betweenness_centrality(G, k=100, seed=1)}, 1)["nx"]
        print(f"{'':30}   networkx: {w * n / 100 * 1000:.0f} ms (100-source run scaled to n)")

    t = interleaved({"verbind": lambda: verbind.closeness(g),
                     "verbind1": lambda: verbind.closeness(g, threads=1),
                     "igraph": lambda: h.closeness(),
                     "gt": lambda: gt_centrality.closeness(q).a,
                     "gt1": gt_threads(1, lambda: gt_centrality.closeness(q).a)}, r)
    assert np.allclose(t["verbind"][2], t["igraph"][2], rtol=1e-9, atol=1e-12)
    report("closeness threads=0", {k: t[k] for k in ("verbind", "igraph", "gt", "gt1")})
    report("closeness threads=1", {k: t[k] for k in ("verbind1", "igraph", "gt1")}, ours="verbind1")

    t = interleaved({"verbind": lambda: verbind.pagerank(g, tol=1e-10),
                     "igraph": lambda: h.pagerank(),
                     "gt": lambda: gt_centrality.pagerank(q, epsilon=1e-10).a}, r)
    assert np.allclose(t["verbind"][2], t["igraph"][2], rtol=1e-4)  # igraph: PRPACK, not power iteration
    report("facebook pagerank", t)

    communities_section("facebook", g, h, seeds, r)
    random.seed(1)
    t = interleaved({"verbind": lambda: verbind.communities(g, method="louvain", seed=1),
                     "igraph": lambda: h.community_multilevel().membership}, r)
    report("facebook Louvain vs multilevel", t,
           note="Q verbind %.4f igraph %.4f" % tuple(verbind.modularity(g, np.asarray(t[k][2], dtype=np.uint32))
                                                      for k in ("verbind", "igraph")))

    # A generated graph: igraph's Barabasi-Albert generator (m=5), the same edges for all.
    nb = args.edges // 5
    random.seed(5)
    big = ig.Graph.Barabasi(nb, 5, directed=False)
    edges = np.array(big.get_edgelist(), dtype=np.uint32)
    bg = verbind.Graph.from_edges(edges[:, 0], edges[:, 1], n=nb, duplicates="first", self_loops="drop")
    bs, bd, _ = bg.edges()
    big = ig.Graph(n=nb, edges=np.column_stack([bs, bd]).tolist())  # the same simple graph for all
    bq = gt_graph(nb, bs, bd)
    print(f"\nBarabasi-Albert n={nb}, m=5: {bg.num_nodes} nodes, {bg.num_edges} edges; {load()}")
    t = interleaved({"verbind": lambda: verbind.components(bg),
                     "igraph": lambda: big.connected_components(),
                     "gt": lambda: gt_topology.label_components(bq)}, r)
    report("components", t)
    t = interleaved({"verbind": lambda: verbind.core_number(bg),
                     "igraph": lambda: big.coreness(),
                     "gt": lambda: gt_topology.kcore_decomposition(bq).a}, r)
    assert np.array_equal(np.asarray(t["verbind"][2]), np.asarray(t["igraph"][2]))
    report("core numbers", t)
    t = interleaved({"verbind": lambda: verbind.pagerank(bg, tol=1e-10),
                     "igraph": lambda: big.pagerank(),
                     "gt": lambda: gt_centrality.pagerank(bq, epsilon=1e-10).a}, r)
    report("BA pagerank", t)
    t = interleaved({"verbind": lambda: verbind.hop_reach(bg, 0),
                     "igraph": lambda: big.bfs(0),
                     "gt": lambda: gt_topology.shortest_distance(bq, source=bq.vertex(0)).a}, r)
    report("BFS from one node", t)
    communities_section("BA", bg, big, seeds, max(1, r // 2))

    # Sampled betweenness: k sources. graph-tool's pivots take the same sources
    # (the same sum); python-igraph offers a path-length cutoff instead (another
    # estimate: every source, paths of at most 2 hops; cutoff 3 took minutes
    # on a 200k-edge graph). Once each.
    k = args.samples
    sources = verbind.betweenness_sources(nb, k, 1)
    pivots = list(sources.tolist())
    t = interleaved({"verbind": lambda: verbind.betweenness(bg, samples=k, seed=1, normalized=False),
                     "verbind1": lambda: verbind.betweenness(bg, samples=k, seed=1, normalized=False, threads=1),
                     "gt": lambda: gt_centrality.betweenness(bq, pivots=pivots, norm=False)[0].a,
                     "igraph_cutoff2": lambda: big.betweenness(directed=False, cutoff=2)}, 1)
    # verbind scales the k-source sum by n/k (networkx's estimate); graph-tool leaves it unscaled.
    same = np.allclose(np.asarray(t["verbind"][2]) * k / nb, t["gt"][2], rtol=1e-9, atol=1e-6)
    report(f"sampled betweenness k={k}", t, note=f"graph-tool pivots = the same sum: {same}")


if __name__ == "__main__":
    main()
    if "--json" in sys.argv:
        path = sys.argv[sys.argv.index("--json") + 1]
        pathlib.Path(path).write_text(json.dumps({"benchmark": "socialmap", "rows": ROWS}, indent=1))
