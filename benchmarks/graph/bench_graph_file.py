#!/usr/bin/env python3
"""Loading a graph from a binary graph file (verbind.load_graph) against
parsing the same graph's edge list (verbind.read_edgelist, and
igraph.Graph.Read_Edgelist as a peer), in the same run (issue 18: at least
10x faster than parsing).

    PYTHONPATH=build/python /usr/bin/python3 benchmarks/graph/bench_graph_file.py [--nodes 1000000] [--arcs 10000000] [--repeat 5]

The graph is bench_reach.py's generated one (1M nodes, 10M arcs, directed,
unweighted), written once as an edge list (`u v` per line, labels 0..n-1)
and once as a graph file (Graph.save). Each load runs in a fresh process
(the time is taken inside it, imports excluded), --repeat times, readers
taking turns; medians are shown. Two page-cache states:

- warm: the file was just read, so it is in the page cache (what ranks after
  the first on one node see);
- cold-ish: the file's pages were dropped from the page cache first
  (posix_fadvise DONTNEED after fsync: no root needed, though pages another
  process maps stay), so the load reads the disk.

load_graph verifies the checksum (a pass over the whole file) and checks the
structure; verify=False skips only the checksum. Every loaded graph is
checked to have the expected node and arc counts. The load average before
and after is printed: quote it with every figure.
"""
import argparse
import json
import os
import pathlib
import statistics
import subprocess
import sys
import tempfile

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE.parent / "reach"))

READERS = {
    "verbind.load_graph": ("GRAPH", "import verbind\n"
                           "t0 = time.perf_counter(); g = verbind.load_graph(PATH); t = time.perf_counter() - t0\n"
                           "counts = (g.num_nodes, g.num_edges)"),
    "verbind.load_graph(verify=False)": ("GRAPH", "import verbind\n"
                                         "t0 = time.perf_counter(); g = verbind.load_graph(PATH, verify=False)\n"
                                         "t = time.perf_counter() - t0\ncounts = (g.num_nodes, g.num_edges)"),
    "verbind.read_edgelist": ("EDGES", "import verbind\n"
                              "t0 = time.perf_counter(); g = verbind.read_edgelist(PATH, directed=True)\n"
                              "t = time.perf_counter() - t0\ncounts = (g.num_nodes, g.num_edges)"),
    "igraph.Graph.Read_Edgelist": ("EDGES", "import igraph\n"
                                   "t0 = time.perf_counter(); g = igraph.Graph.Read_Edgelist(PATH, directed=True)\n"
                                   "t = time.perf_counter() - t0\ncounts = (g.vcount(), g.ecount())"),
}

CHILD = """
import json, os, sys, time
PATH, COLD = sys.argv[1], sys.argv[2] == "cold"
if COLD:
    fd = os.open(PATH, os.O_RDONLY)
    os.fsync(fd)
    os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
    os.close(fd)
else:
    with open(PATH, "rb") as f:
        while f.read(1 << 24):
            pass
{imports}
c0 = time.process_time()
{body}
cpu = time.process_time() - c0
print(json.dumps(dict(seconds=t, cpu=cpu, nodes=counts[0], arcs=counts[1])))
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--nodes", type=int, default=1_000_000)
    parser.add_argument("--arcs", type=int, default=10_000_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--skip", action="append", default=[], help="a reader to leave out (repeatable)")
    parser.add_argument("--json", metavar="FILE", help="write the ratios (benchmarks/run reads them)")
    args = parser.parse_args()

    import numpy as np
    import timing
    import verbind
    from bench_reach import generated

    with tempfile.TemporaryDirectory(dir=os.environ.get("TMPDIR", "/var/tmp")) as folder:
        edges, graph = os.path.join(folder, "edges.txt"), os.path.join(folder, "graph.vbg")
        src, dst = generated(args.nodes, args.arcs)
        np.savetxt(edges, np.column_stack([src, dst]), fmt="%d %d")
        g = verbind.Graph.from_edges(src, dst, n=args.nodes, directed=True)
        g.save(graph)
        # The edge list names only nodes with an arc; the file's graph is the parsed one.
        expected = verbind.read_edgelist(edges, directed=True)
        want = (expected.num_nodes, expected.num_edges)
        verbind.Graph.save(expected, graph)
        del g, expected, src, dst
        print(f"graph: {want[0]:,} nodes, {want[1]:,} arcs (bench_reach.py's recipe); edge list "
              f"{os.path.getsize(edges) / 1e6:.0f} MB, graph file {os.path.getsize(graph) / 1e6:.0f} MB")
        print(f"load average before: {'%.1f %.1f %.1f' % os.getloadavg()} (cores: {os.cpu_count()})", flush=True)
        results = {}
        for cache in ("warm", "cold"):
            runs = {name: [] for name in READERS if name not in args.skip}
            for _ in range(args.repeat):
                for name in runs:
                    which, body = READERS[name]
                    path = graph if which == "GRAPH" else edges
                    imports = "\n".join(line for line in body.splitlines() if line.startswith("import "))
                    rest = "\n".join(line for line in body.splitlines() if not line.startswith("import "))
                    code = CHILD.format(imports=imports, body=rest)
                    done = subprocess.run([sys.executable, "-c", code, path, cache],
                                          capture_output=True, text=True)
                    if done.returncode != 0:
                        print(f"{name}: failed: {done.stderr.strip().splitlines()[-1:]}")
                        continue
                    r = json.loads(done.stdout)
                    assert (r["nodes"], r["arcs"]) == want, (name, r, want)
                    runs[name].append(r)
            results[cache] = {name: {"seconds": statistics.median(r["seconds"] for r in rs),
                                     "cpu": statistics.median(r["cpu"] for r in rs)}
                              for name, rs in runs.items() if rs}
        print(f"load average after: {'%.1f %.1f %.1f' % os.getloadavg()}")

    rows = timing.Rows("graph_file")
    for cache, res in results.items():
        ours = res.get("verbind.load_graph")
        print(f"\n{cache} page cache (medians of {args.repeat}):")
        print(f"{'reader':34} {'seconds':>8} {'x load_graph':>12} {'cpu s':>6}")
        for name, r in res.items():
            ratio = r["seconds"] / ours["seconds"] if ours else float("nan")
            print(f"{name:34} {r['seconds']:8.3f} {ratio:12.1f} {r['cpu']:6.3f}")
        if ours:
            rows.add(f"load {args.arcs} arcs, {cache} cache", {k: r["seconds"] for k, r in res.items()},
                     {k: r["cpu"] for k, r in res.items()}, ours="verbind.load_graph")
    rows.write(args.json)


if __name__ == "__main__":
    main()
