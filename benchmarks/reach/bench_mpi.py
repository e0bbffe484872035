"""verbind.mpi on 1, 2 and 4 ranks (issue 18): influence_max (k=50, IC,
weighted cascade, epsilon 0.1; and IC with p=0.12 on every arc, whose RR
sets are larger: work the ranks can share) and sampled betweenness on the generated
1M-node/10M-arc graph of bench_reach.py, one thread per rank, so the ranks
are the only parallelism. Per run: wall time (the slowest rank), RR sets
per second per rank, peak memory per rank (VmHWM from /proc) and what the
RR sets add to it (peak minus the memory after loading the graph), and the
speed-up over one rank. np=4 on this 2-core machine is oversubscribed: it
checks the memory split and the communication, not the speed.

    PYTHONPATH=build/python /usr/bin/python3 benchmarks/reach/bench_mpi.py [nodes] [arcs] [--ranks 1 2 4]
        [--samples S] [--json FILE]

The graph is written once as a binary graph file (Graph.save) and mapped by
every rank (verbind.load_graph), as docs/scale.md recommends. Rows: for
np = 2 and 4 the "peer" is np=1, so a ratio is the speed-up. Quote the
load average (printed) with every figure; docs/scale.md checks its cost
model against these runs.
"""

import argparse
import json
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile
import time

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
import timing  # noqa: E402


def memory_kib(field):
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def worker(args):
    """One rank (under mpirun): loads the graph, times the calls, and rank 0
    prints every rank's figures as one JSON line."""
    import verbind
    import verbind.mpi as vmpi
    from mpi4py import MPI

    comm = MPI.COMM_WORLD
    verbind.set_max_threads(1)
    g = verbind.load_graph(args.graph)
    comm.Barrier()
    graph_kib = memory_kib("VmRSS")
    out = {}
    calls = [(f"influence_max {label} eps={args.epsilon:g}",
              lambda kw=kw: vmpi.influence_max(g, args.k, epsilon=args.epsilon, seed=1, **kw))
             for label, kw in (("IC-WC", {}), (f"IC p={args.probability:g}", {"probability": args.probability}))]
    calls.append(("betweenness", lambda: vmpi.betweenness(g, samples=args.samples, seed=1)))
    for name, call in calls:
        comm.Barrier()
        start, cpu = time.perf_counter(), time.process_time()
        result = call()
        mine = time.perf_counter() - start, time.process_time() - cpu
        figures = comm.gather({"wall": mine[0], "cpu": mine[1], "peak_kib": memory_kib("VmHWM"),
                               "graph_kib": graph_kib}, root=0)
        if comm.rank == 0:
            out[name] = {"ranks": figures, "wall": max(f["wall"] for f in figures)}
            if name.startswith("influence_max"):
                out[name].update(rr_sets=result.rr_sets, seeds=[int(s) for s in result.seeds[:5]],
                                 lower_bound=result.spread_lower_bound)
            else:
                out[name].update(checksum=float(result.sum()))
    if comm.rank == 0:
        print("RESULT " + json.dumps(out), flush=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("nodes", nargs="?", type=int, default=1_000_000)
    parser.add_argument("arcs", nargs="?", type=int, default=10_000_000)
    parser.add_argument("--ranks", nargs="+", type=int, default=[1, 2, 4])
    parser.add_argument("--k", type=int, default=50)
    parser.add_argument("--epsilon", type=float, default=0.1)
    parser.add_argument("--probability", type=float, default=0.12,
                        help="the second influence_max run: IC with this probability on every arc (larger RR sets)")
    parser.add_argument("--samples", type=int, default=16)
    parser.add_argument("--json", metavar="FILE")
    parser.add_argument("--worker", metavar="GRAPH", dest="graph", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.graph:
        return worker(args)

    sys.path.insert(0, str(HERE))
    import numpy as np  # noqa: F401
    import verbind
    from bench_reach import generated

    mpirun = shutil.which("mpirun") or shutil.which("mpiexec")
    if not mpirun:
        print("bench_mpi: no mpirun (apt-get install openmpi-bin)", file=sys.stderr)
        return 1
    rows = timing.Rows("reach_mpi")
    with tempfile.TemporaryDirectory() as tmp:
        src, dst = generated(args.nodes, args.arcs)
        path = os.path.join(tmp, "generated.vbg")
        verbind.Graph.from_edges(src, dst, n=args.nodes, directed=True).save(path)
        del src, dst
        print(f"graph: {args.nodes} nodes, {args.arcs} arcs (bench_reach.py's recipe), "
              f"{os.path.getsize(path) / 2**20:.0f} MiB as a graph file; one thread per rank", flush=True)
        runs = {}
        for np_ in args.ranks:
            load = "%.1f %.1f %.1f" % os.getloadavg()
            cmd = [mpirun, "--oversubscribe", "--allow-run-as-root", "-np", str(np_), sys.executable, __file__,
                   "--worker", path, "--k", str(args.k), "--epsilon", str(args.epsilon), "--probability", str(args.probability),
                   "--samples", str(args.samples)]
            done = subprocess.run(cmd, capture_output=True, text=True, timeout=3600)
            if done.returncode != 0:
                print(done.stdout + done.stderr, file=sys.stderr)
                return 1
            line = next(x for x in done.stdout.splitlines() if x.startswith("RESULT "))
            runs[np_] = r = json.loads(line[len("RESULT "):])
            print(f"np={np_} (load {load} before the run):", flush=True)
            for name, im in r.items():
                if name == "betweenness":
                    print(f"  betweenness {args.samples} sampled sources: {im['wall']:.2f} s", flush=True)
                    continue
                per_rank = im["rr_sets"] / np_ / im["wall"]
                peaks = [f["peak_kib"] / 1024 for f in im["ranks"]]
                rr_mib = [(f["peak_kib"] - f["graph_kib"]) / 1024 for f in im["ranks"]]
                print(f"  {name} k={args.k}: {im['wall']:.2f} s, {im['rr_sets']} RR sets, "
                      f"{per_rank:,.0f} RR sets/s per rank; peak memory per rank "
                      f"{', '.join(f'{p:.0f}' for p in peaks)} MiB, of it above the loaded graph "
                      f"{', '.join(f'{m:.0f}' for m in rr_mib)} MiB; seeds {im['seeds']}...", flush=True)
        base = runs.get(1)
        for np_, r in runs.items():
            if np_ == 1 or not base:
                continue
            for name in r:
                same = (r[name].get("rr_sets") == base[name].get("rr_sets") and
                        r[name].get("seeds") == base[name].get("seeds"))
                rows.add(f"{name} generated {args.nodes} nodes np={np_} vs np=1 (1 thread per rank)",
                         {f"np={np_}": r[name]["wall"], "np=1": base[name]["wall"]}, ours=f"np={np_}",
                         note="" if same else "RESULT DIFFERS FROM np=1")
                print(f"speed-up np={np_} over np=1, {name}: {base[name]['wall'] / r[name]['wall']:.2f}x"
                      + ("" if same else "  (RESULT DIFFERS FROM np=1)"))
    rows.write(args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
