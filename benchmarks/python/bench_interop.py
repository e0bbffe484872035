#!/usr/bin/env python3
"""verbind.to_networkx / to_igraph of a 1,000,000-edge Graph against building
the same graph in networkx / igraph from Python lists (issue 13's target: at
least as fast), in the same run; from_networkx / from_igraph back are timed
too (no target).

    PYTHONPATH=build/python /usr/bin/python3 benchmarks/python/bench_interop.py [--edges 1000000] [--nodes 200000] [--repeats 5]

The graph: --edges distinct random pairs over --nodes nodes whose integer
labels have gaps (label = 3 * position + 1), undirected, unweighted and
weighted, and directed weighted. The peers get what a user would hand them:
a list of labels and a list of (label, label) tuples (networkx: nx.Graph();
add_nodes_from(labels); add_edges_from(tuples), with (u, v, weight) tuples
through add_weighted_edges_from when weighted; igraph: igraph.Graph(n,
edges=tuples of positions, directed=...), vs["name"] = labels, es["weight"] =
list). The lists are made before the clock starts. A second igraph peer
starts from the verbind Graph, as a user without to_igraph would: g.edges(),
tolist, zip, igraph.Graph, names and weights set. Each repeat runs every
contender once, in turn (so a busy machine slows them alike); times are
medians of --repeats runs; ratio = peer time / verbind time (1 or more:
verbind is at least as fast).
"""
import argparse
import gc
import statistics
import time

import igraph
import networkx as nx
import numpy as np

import verbind

import pathlib  # noqa: E402
import sys  # noqa: E402

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))
import timing  # noqa: E402


def median_times(contenders, repeats):
    """{name: median seconds}, each repeat running every contender once, in turn."""
    times = {name: [] for name in contenders}
    for _ in range(repeats):
        for name, fn in contenders.items():
            gc.collect()
            t0 = time.perf_counter()
            result = fn()
            times[name].append(time.perf_counter() - t0)
            del result
    return {name: statistics.median(values) for name, values in times.items()}


def make_graph(n, m, directed, weighted, seed):
    rng = np.random.default_rng(seed)
    u = rng.integers(0, n, size=int(m * 1.2), dtype=np.int64)
    v = rng.integers(0, n, size=int(m * 1.2), dtype=np.int64)
    keep = u != v
    u, v = u[keep], v[keep]
    if not directed:
        u, v = np.minimum(u, v), np.maximum(u, v)
    pairs = np.unique(u * n + v)[:m]
    rng.shuffle(pairs)
    src, dst = pairs // n, pairs % n
    labels = 3 * np.arange(n) + 1  # gaps: labels are not positions
    weights = rng.random(len(pairs)) * 10 if weighted else None
    g = verbind.Graph.from_edges(labels[src].astype(str), labels[dst].astype(str), weights=weights,
                                 directed=directed)
    return g


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--edges", type=int, default=1_000_000)
    parser.add_argument("--nodes", type=int, default=200_000)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--json", metavar="FILE", help="write the ratios (benchmarks/run reads them)")
    args = parser.parse_args()
    rows = timing.Rows("interop")
    print(f"networkx {nx.__version__}, igraph {igraph.__version__}, verbind {verbind.__version__}")
    for directed, weighted in ((False, False), (False, True), (True, True)):
        g = make_graph(args.nodes, args.edges, directed, weighted, seed=1)
        labels = g.labels.tolist()
        src, dst, w = g.edges()
        positions = list(zip(src.tolist(), dst.tolist()))
        label_pairs = [(labels[a], labels[b]) for a, b in positions]
        weights = w.tolist() if weighted else None
        weighted_triples = [(a, b, x) for (a, b), x in zip(label_pairs, weights)] if weighted else None
        print(f"\n{g!r}")

        def nx_peer():
            G = nx.DiGraph() if directed else nx.Graph()
            G.add_nodes_from(labels)
            if weighted:
                G.add_weighted_edges_from(weighted_triples)
            else:
                G.add_edges_from(label_pairs)
            return G

        def ig_peer():
            h = igraph.Graph(n=len(labels), edges=positions, directed=directed)
            h.vs["name"] = labels
            if weighted:
                h.es["weight"] = weights
            return h

        # The same graph both ways, checked once before timing.
        G, P = verbind.to_networkx(g), nx_peer()
        assert G.number_of_nodes() == P.number_of_nodes() and G.number_of_edges() == P.number_of_edges()
        for x in labels[:100]:
            assert G.adj[x] == P.adj[x]
            if directed:
                assert G.pred[x] == P.pred[x]
        h, q = verbind.to_igraph(g), ig_peer()
        assert h.get_edgelist() == q.get_edgelist() and h.vs["name"] == q.vs["name"]
        del G, P, h, q

        def ig_by_hand():
            s, d, x = g.edges()
            h = igraph.Graph(n=g.num_nodes, edges=list(zip(s.tolist(), d.tolist())), directed=directed)
            h.vs["name"] = g.labels.tolist()
            if weighted:
                h.es["weight"] = x.tolist()
            return h

        t = median_times({"to_networkx": lambda: verbind.to_networkx(g), "nx": nx_peer}, args.repeats)
        print(f"  to_networkx {t['to_networkx']:7.3f} s   networkx from lists {t['nx']:7.3f} s   "
              f"ratio {t['nx'] / t['to_networkx']:5.2f}")
        kind = f"{'directed' if directed else 'undirected'}{' weighted' if weighted else ''} {g.num_edges} edges"
        rows.add(f"to_networkx {kind}", {"verbind": t["to_networkx"], "networkx from lists": t["nx"]})
        t = median_times({"to_igraph": lambda: verbind.to_igraph(g), "ig": ig_peer, "by_hand": ig_by_hand},
                         args.repeats)
        print(f"  to_igraph   {t['to_igraph']:7.3f} s   igraph from lists   {t['ig']:7.3f} s   "
              f"ratio {t['ig'] / t['to_igraph']:5.2f}")
        rows.add(f"to_igraph {kind}", {"verbind": t["to_igraph"], "igraph from lists": t["ig"]})
        print(f"  {'':27}   igraph from g.edges() by hand {t['by_hand']:7.3f} s   "
              f"ratio {t['by_hand'] / t['to_igraph']:5.2f}")
        G, h = verbind.to_networkx(g), verbind.to_igraph(g)
        t = median_times({"nx": lambda: verbind.from_networkx(G), "ig": lambda: verbind.from_igraph(h)},
                         max(1, args.repeats // 2))
        print(f"  from_networkx {t['nx']:7.3f} s   from_igraph {t['ig']:7.3f} s")
    rows.write(args.json)

if __name__ == "__main__":
    main()
