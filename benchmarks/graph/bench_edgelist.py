#!/usr/bin/env python3
"""Reading a researcher's edge list: verbind.read_edgelist against
igraph.Graph.Read_Edgelist, numpy.loadtxt and pandas.read_csv, on the same
generated SNAP-style file in the same run (issue 12).

    PYTHONPATH=build/python /usr/bin/python3 benchmarks/graph/bench_edgelist.py [--lines 10000000] [--nodes N] [--repeat 5]

The file has '#' comment lines at the top and every undirected edge listed in
both directions (as SNAP's undirected files do), tab separated, labels
0..n-1. Each reader runs in its own process, so its peak memory (the rise
of VmHWM over the process after imports) is its own. Ratios are
peer time / verbind time (above 1: verbind is faster). verbind's peak is
also given against the final graph (Graph.memory_bytes + key_memory_bytes).
Each reader runs --repeat times (a fresh process each, readers taking turns)
and the medians are shown: wall-clock seconds, and CPU seconds (user +
system, less disturbed when others share the machine); the load average
before and after is printed, to say when the machine was busy.

What each peer gives: igraph a graph with both directions as multi-edges
(undirected, no merging, no comment lines: the comments are stripped into
a second file for it); numpy and pandas only the two integer columns, no
graph. verbind checks every line, skips comments, merges the two directions
and keeps the labels.
"""
import argparse
import json
import os
import pathlib
import random
import statistics
import subprocess
import sys
import tempfile
import time

READERS = {
    "verbind.read_edgelist": """
import verbind
t0 = time.perf_counter(); g = verbind.read_edgelist(PATH); t = time.perf_counter() - t0
extra = {"nodes": g.num_nodes, "edges": g.num_edges, "graph_bytes": g.memory_bytes + g.key_memory_bytes}
""",
    "igraph.Graph.Read_Edgelist": """
import igraph
t0 = time.perf_counter(); g = igraph.Graph.Read_Edgelist(PLAIN, directed=False); t = time.perf_counter() - t0
extra = {"nodes": g.vcount(), "edges": g.ecount()}
""",
    "pandas.read_csv": """
import pandas
t0 = time.perf_counter()
df = pandas.read_csv(PATH, sep="\\t", comment="#", header=None, usecols=[0, 1], dtype="int64")
t = time.perf_counter() - t0
extra = {"rows": len(df)}
""",
    "numpy.loadtxt": """
import numpy
t0 = time.perf_counter(); a = numpy.loadtxt(PATH, dtype="int64", comments="#", usecols=(0, 1)); t = time.perf_counter() - t0
extra = {"rows": len(a)}
""",
}

# VmHWM (the peak resident set of this process image), not ru_maxrss: Linux
# carries ru_maxrss over from the parent across exec.
CHILD = """
import json, sys, time
def hwm():
    with open("/proc/self/status") as f:
        return next(int(l.split()[1]) for l in f if l.startswith("VmHWM:")) * 1024
PATH, PLAIN = sys.argv[1], sys.argv[2]
{imports}
base = hwm()
c0 = time.process_time()
{body}
cpu = time.process_time() - c0
print(json.dumps(dict(seconds=t, cpu=cpu, peak_bytes=hwm() - base, **extra)))
"""


def generate(path, plain, lines, nodes, seed):
    rng = random.Random(seed)
    pairs = lines // 2
    with open(path, "w") as out, open(plain, "w") as bare:
        out.write("# Undirected graph: generated for bench_edgelist.py\n")
        out.write(f"# Nodes: {nodes} Edges: {pairs}\n# FromNodeId\tToNodeId\n")
        seen = set()
        chunk, bare_chunk = [], []
        while len(seen) < pairs:
            u, v = rng.randrange(nodes), rng.randrange(nodes)
            if u == v:
                continue
            key = (u, v) if u < v else (v, u)
            if key in seen:
                continue
            seen.add(key)
            chunk.append(f"{u}\t{v}\n{v}\t{u}\n")
            bare_chunk.append(f"{u} {v}\n{v} {u}\n")
            if len(chunk) >= 100000:
                out.write("".join(chunk))
                bare.write("".join(bare_chunk))
                chunk, bare_chunk = [], []
        out.write("".join(chunk))
        bare.write("".join(bare_chunk))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lines", type=int, default=10_000_000, help="edge lines (both directions), default 10M")
    parser.add_argument("--nodes", type=int, default=None, help="default: lines / 20")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--skip", action="append", default=[], help="a reader to leave out (repeatable)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per reader (medians), default 3")
    parser.add_argument("--json", metavar="FILE", help="write the ratios (benchmarks/run reads them)")
    args = parser.parse_args()
    nodes = args.nodes or max(10, args.lines // 20)
    with tempfile.TemporaryDirectory() as folder:
        path, plain = os.path.join(folder, "snap.txt"), os.path.join(folder, "plain.txt")
        t0 = time.perf_counter()
        generate(path, plain, args.lines, nodes, args.seed)
        size = os.path.getsize(path)
        print(f"file: {args.lines:,} edge lines + 3 comment lines, {nodes:,} nodes, {size / 1e6:.0f} MB "
              f"(generated in {time.perf_counter() - t0:.1f} s)")
        results = {}
        print(f"load average before: {os.getloadavg()[0]:.1f} (cores: {os.cpu_count()})")
        runs = {name: [] for name in READERS if name not in args.skip}
        for _ in range(args.repeat):
            for name in runs:
                body = READERS[name]
                imports = "\n".join(l for l in body.splitlines() if l.startswith("import "))
                rest = "\n".join(l for l in body.splitlines() if not l.startswith("import "))
                code = CHILD.format(imports=imports, body=rest)
                run = subprocess.run([sys.executable, "-c", code, path, plain], capture_output=True, text=True)
                if run.returncode != 0:
                    print(f"{name}: failed: {run.stderr.strip().splitlines()[-1] if run.stderr else run.returncode}")
                    continue
                runs[name].append(json.loads(run.stdout))
        print(f"load average after: {os.getloadavg()[0]:.1f}")
        for name, done in runs.items():
            if not done:
                continue
            r = dict(done[0])
            for key in ("seconds", "cpu", "peak_bytes"):
                r[key] = statistics.median(d[key] for d in done)
            results[name] = r
    ours = results.get("verbind.read_edgelist")
    print()
    print(f"{'reader':28} {'seconds':>8} {'vs verbind':>10} {'cpu s':>6} {'vs verbind':>10} {'peak MB':>8} gives"
          f" (medians of {args.repeat})")
    for name, r in results.items():
        ratio = r["seconds"] / ours["seconds"] if ours else float("nan")
        cpu_ratio = r["cpu"] / ours["cpu"] if ours else float("nan")
        gives = (f"{r['nodes']:,} nodes, {r['edges']:,} edges" if "nodes" in r else f"{r['rows']:,} rows (no graph)")
        print(f"{name:28} {r['seconds']:8.2f} {ratio:10.2f} {r['cpu']:6.2f} {cpu_ratio:10.2f} "
              f"{r['peak_bytes'] / 1e6:8.0f} {gives}")
    if ours and args.json:
        sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))
        import timing

        rows = timing.Rows("edgelist")
        rows.add(f"read edge list {args.lines} lines", {k: r["seconds"] for k, r in results.items()},
                 {k: r["cpu"] for k, r in results.items()}, ours="verbind.read_edgelist")
        rows.write(args.json)
    if ours:
        print()
        print(f"verbind: final graph {ours['graph_bytes'] / 1e6:.0f} MB, peak while reading "
              f"{ours['peak_bytes'] / 1e6:.0f} MB = {ours['peak_bytes'] / ours['graph_bytes']:.1f}x the graph "
              f"(the file itself: {size / 1e6:.0f} MB)")


if __name__ == "__main__":
    main()
