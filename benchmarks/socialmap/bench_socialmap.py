"""verbind against python-igraph and networkx on the same graphs, in one run.

    PYTHONPATH=build/python /usr/bin/python3 benchmarks/socialmap/bench_socialmap.py [--repeat 5] [--no-networkx]

Prints the median time of each library per measure and the ratio
igraph / verbind (> 1: verbind is faster). facebook_combined: betweenness,
closeness (threads=0 and threads=1), PageRank, communities (with
modularity); a generated graph of >= 1M edges: components, core numbers,
PageRank. networkx runs only where it finishes in reasonable time.
"""

import sys
import argparse
import os
import pathlib
import random

import igraph as ig
import networkx as nx
import numpy as np

import verbind

# benchmarks/timing.py: what the Python benchmarks share.
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))
from timing import median_time  # noqa: E402

DATA = pathlib.Path(os.environ.get("VERBIND_DATA", pathlib.Path(__file__).resolve().parents[2] / "data"))


def row(label, ours, igraph_time, nx_time=None, note=""):
    ratio = igraph_time / ours if ours > 0 else float("inf")
    nx_text = f"{nx_time * 1000:10.1f}" if nx_time is not None else "         -"
    print(f"{label:<34}{ours * 1000:10.1f}{igraph_time * 1000:10.1f}{nx_text}{ratio:9.2f}x  {note}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--no-networkx", action="store_true")
    parser.add_argument("--edges", type=int, default=1_200_000)
    args = parser.parse_args()
    r = args.repeat

    g = verbind.read_edgelist(str(DATA / "facebook_combined.txt"))
    s, d, _ = g.edges()
    h = ig.Graph(n=g.num_nodes, edges=np.column_stack([s, d]).tolist())
    G = nx.Graph()
    G.add_nodes_from(range(g.num_nodes))
    G.add_edges_from(zip(s.tolist(), d.tolist()))
    print(f"facebook_combined: {g.num_nodes} nodes, {g.num_edges} edges; {os.cpu_count()} cores; median of {r}")
    print(f"{'measure':<34}{'verbind ms':>10}{'igraph ms':>10}{'nx ms':>10}{'igraph/verbind':>10}")

    t0, _ = median_time(lambda: verbind.betweenness(g, normalized=False), r)
    t1, _ = median_time(lambda: verbind.betweenness(g, normalized=False, threads=1), r)
    ti, _ = median_time(lambda: h.betweenness(directed=False), r)
    tn = None
    if not args.no_networkx:
        tn, _ = median_time(lambda: nx.betweenness_centrality(G, k=200, seed=1), 1)
        tn *= g.num_nodes / 200  # networkx on 200 sources, scaled to all
    row("betweenness (threads=0)", t0, ti, tn, "nx: 200-source run scaled to n")
    row("betweenness (threads=1)", t1, ti)

    t0, _ = median_time(lambda: verbind.closeness(g), r)
    t1, _ = median_time(lambda: verbind.closeness(g, threads=1), r)
    ti, _ = median_time(lambda: h.closeness(), r)
    tn = None
    if not args.no_networkx:
        nodes = list(range(0, g.num_nodes, 20))
        tn, _ = median_time(lambda: [nx.closeness_centrality(G, u=v) for v in nodes], 1)
        tn *= g.num_nodes / len(nodes)
    row("closeness (threads=0)", t0, ti, tn, "nx: every 20th node, scaled to n")
    row("closeness (threads=1)", t1, ti)

    t0, _ = median_time(lambda: verbind.pagerank(g, tol=1e-10), r)
    ti, _ = median_time(lambda: h.pagerank(), r)
    tn = None if args.no_networkx else median_time(lambda: nx.pagerank(G, tol=1e-10, max_iter=1000), r)[0]
    row("pagerank", t0, ti, tn)

    tv, labels = median_time(lambda: verbind.communities(g, seed=1), r)
    tl, louvain = median_time(lambda: verbind.communities(g, method="louvain", seed=1), r)
    random.seed(1)
    tm, multilevel = median_time(lambda: h.community_multilevel(), r)
    tld, leiden = median_time(lambda: h.community_leiden(objective_function="modularity"), r)
    q_ours = verbind.modularity(g, labels)
    q_louvain = verbind.modularity(g, louvain)
    best_igraph = max(multilevel.modularity, leiden.modularity)
    fastest_igraph = min(tm, tld)
    row("communities leiden vs igraph fastest", tv, fastest_igraph, None,
        f"Q verbind {q_ours:.4f}; igraph multilevel {multilevel.modularity:.4f} ({tm * 1000:.1f} ms), "
        f"leiden {leiden.modularity:.4f} ({tld * 1000:.1f} ms); bar {best_igraph - 0.002:.4f}")
    row("communities louvain vs multilevel", tl, tm, None, f"Q verbind louvain {q_louvain:.4f}")

    # A generated graph of >= 1M edges: random geometric-free, Barabasi-Albert-like
    # preferential attachment from igraph's generator, the same edges for all.
    n = args.edges // 5
    big = ig.Graph.Barabasi(n, 5, directed=False)
    edges = np.array(big.get_edgelist(), dtype=np.uint32)
    bg = verbind.Graph.from_edges(edges[:, 0], edges[:, 1], n=n, duplicates="first", self_loops="drop")
    print(f"\ngenerated (igraph Barabasi n={n}, m=5): {bg.num_nodes} nodes, {bg.num_edges} edges")
    t0, _ = median_time(lambda: verbind.components(bg), r)
    ti, _ = median_time(lambda: big.connected_components(), r)
    row("components", t0, ti)
    t0, _ = median_time(lambda: verbind.core_number(bg), r)
    ti, _ = median_time(lambda: big.coreness(), r)
    row("core numbers", t0, ti)
    t0, _ = median_time(lambda: verbind.pagerank(bg, tol=1e-10), r)
    ti, _ = median_time(lambda: big.pagerank(), r)
    row("pagerank", t0, ti)


if __name__ == "__main__":
    main()
