"""The `verbind` command under mpirun (issue 18), run by ctest (not under
mpirun itself) as

    python3 tests/mpi/cli_ranks.py VERBIND MPIEXEC N

for N = 1..4 (tests/mpi/faces.cmake). `mpirun -np N verbind ...` prints
exactly what `verbind ...` prints on one process (reach --influence-max: the
seeds, bound and RR-set count; centrality: the CSV); only rank 0 writes (one
copy of the output, one -o file); a failure on one rank (MPMD: that rank
reads another file) is one message from rank 0 and exit status 1, never a
hang (every run has a timeout).
"""

import json
import os
import subprocess
import sys
import tempfile

import networkx as nx

VERBIND, MPIEXEC, N = sys.argv[1], sys.argv[2], int(sys.argv[3])
MPI_FLAGS = ["--oversubscribe", "--allow-run-as-root"]
TIMEOUT = 100


def run(args, ranks=None, mpmd=None):
    """verbind ARGS alone (ranks None) or under mpirun -np ranks; mpmd: a
    list of (count, args) run as one job, `mpirun -np a X : -np b Y`."""
    if ranks is None and mpmd is None:
        command = [VERBIND, *args]
    elif mpmd is None:
        command = [MPIEXEC, *MPI_FLAGS, "-np", str(ranks), VERBIND, *args]
    else:
        command = [MPIEXEC, *MPI_FLAGS]
        for i, (count, part) in enumerate(mpmd):
            command += ([":"] if i else []) + ["-np", str(count), VERBIND, *part]
    env = dict(os.environ)
    return subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT, env=env)


def check(condition, what):
    if not condition:
        raise AssertionError(what)


def main():
    with tempfile.TemporaryDirectory() as tmp:
        G = nx.gnm_random_graph(600, 3000, seed=11)
        edges = os.path.join(tmp, "edges.txt")
        with open(edges, "w") as f:
            f.writelines(f"{u} {v}\n" for u, v in G.edges())
        other = os.path.join(tmp, "other.txt")
        with open(other, "w") as f:
            f.write("0 1\n1 2\n")
        for args in (["reach", edges, "--influence-max", "7", "--seed", "3"],
                     ["reach", edges, "--influence-max", "5", "--epsilon", "0.2", "--json"],
                     ["centrality", "--betweenness", edges],
                     ["centrality", "--betweenness", "--samples", "50", "--seed", "2", "--json", edges],
                     ["centrality", "--harmonic", edges]):
            alone, together = run(args), run(args, ranks=N)
            check(alone.returncode == 0, f"{args}: {alone.stderr}")
            check(together.returncode == 0, f"np {N} {args}: exit {together.returncode}: {together.stderr}")
            if args[0] == "reach":
                check(together.stdout == alone.stdout, f"np {N} {args}:\n{together.stdout}\n!=\n{alone.stdout}")
            else:
                # Betweenness sums the ranks' shares in another order: the
                # last bits may differ (1e-12 relative), the rows may not.
                a, b = alone.stdout.splitlines(), together.stdout.splitlines()
                check(len(a) == len(b), f"np {N} {args}: {len(b)} lines, not {len(a)}")
                if "--json" in args:
                    head_a, head_b = json.loads(alone.stdout), json.loads(together.stdout)
                    check({k: v for k, v in head_a.items() if k != "values"} ==
                          {k: v for k, v in head_b.items() if k != "values"}, f"np {N} {args}: the header")
                    a = [(v["node"], v["value"]) for v in json.loads(alone.stdout)["values"]]
                    b = [(v["node"], v["value"]) for v in json.loads(together.stdout)["values"]]
                else:
                    check(a[0] == b[0], f"np {N} {args}: the CSV header")
                    a = [(r.split(",")[0], float(r.split(",")[1])) for r in a[1:]]
                    b = [(r.split(",")[0], float(r.split(",")[1])) for r in b[1:]]
                for (ka, va), (kb, vb) in zip(a, b):
                    check(ka == kb and abs(va - vb) <= 1e-12 * max(abs(va), 1e-300), f"{args}: {ka} {va} {vb}")
            check(together.stderr.count("verbind") == 0, f"np {N} {args}: stderr {together.stderr!r}")
        # -o: one file, written once, equal to one process's.
        target = os.path.join(tmp, "seeds.json")
        done = run(["reach", edges, "--influence-max", "4", "--json", "-o", target], ranks=N)
        check(done.returncode == 0 and done.stdout == "", f"-o: {done.stderr}")
        with open(target) as f:
            check(f.read() == run(["reach", edges, "--influence-max", "4", "--json"]).stdout, "-o differs")
        # A failure on every rank: one message (rank 0's), exit 1.
        done = run(["reach", edges, "--influence-max", "100000"], ranks=N)
        check(done.returncode != 0, "k > n: exit 0")
        check(done.stderr.count("verbind: ") == 1 and "more than the" in done.stderr, f"k > n: {done.stderr!r}")
        if N > 1:
            # One rank cannot read its file: rank 0 reports it, every rank stops.
            missing = os.path.join(tmp, "missing.txt")
            done = run(None, mpmd=[(N - 1, ["centrality", "--closeness", edges]),
                                   (1, ["centrality", "--closeness", missing])])
            check(done.returncode != 0, "a missing file on one rank: exit 0")
            check(done.stderr.count("verbind: ") == 1, f"one message: {done.stderr!r}")
            check(f"verbind: rank {N - 1}: " in done.stderr and "missing.txt" in done.stderr, done.stderr)
            check(done.stdout == "", f"no output: {done.stdout!r}")
            # Another graph on one rank: named, not computed.
            done = run(None, mpmd=[(N - 1, ["reach", edges, "--influence-max", "2"]),
                                   (1, ["reach", other, "--influence-max", "2"])])
            check(done.returncode != 0 and done.stderr.count("verbind: ") == 1, f"another graph: {done.stderr!r}")
            check(done.stdout == "", f"no output: {done.stdout!r}")
    print(f"cli_ranks: {N} ranks OK")


if __name__ == "__main__":
    main()
