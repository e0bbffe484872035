"""read_edgelist's peak memory (issue 12: under 2x the final graph).

A fresh process reads a generated SNAP-style file (comments, each pair
listed both ways, 1,000,000 lines); the rise of its peak resident set
(VmHWM) over the reading must stay under twice the graph's own bytes
(CSR arrays and labels: memory_bytes + key_memory_bytes). The reader before
this test held the file's text, a number per line and two sort arrays:
5.2x on this file. Memory, not time: nothing here depends on the machine's
speed or load."""
import json
import random
import subprocess
import sys

import pytest

CHILD = """
import json, sys, verbind
def hwm():
    with open("/proc/self/status") as f:
        return next(int(l.split()[1]) for l in f if l.startswith("VmHWM:")) * 1024
base = hwm()
g = verbind.read_edgelist(sys.argv[1])
print(json.dumps({"peak": hwm() - base, "graph": g.memory_bytes + g.key_memory_bytes,
                  "nodes": g.num_nodes, "edges": g.num_edges}))
"""


def snap_file(path, lines, nodes, seed):
    rng = random.Random(seed)
    pairs = set()
    while len(pairs) < lines // 2:
        u, v = rng.randrange(nodes), rng.randrange(nodes)
        if u != v:
            pairs.add((min(u, v), max(u, v)))
    with open(path, "w") as f:
        f.write(f"# Undirected graph\n# Nodes: {nodes} Edges: {len(pairs)}\n# FromNodeId\tToNodeId\n")
        f.write("".join(f"{u}\t{v}\n{v}\t{u}\n" for u, v in pairs))
    return len(pairs)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/self/status")
def test_peak_memory_is_under_twice_the_graph(tmp_path):
    path = tmp_path / "snap.txt"
    pairs = snap_file(path, 1_000_000, 50_000, seed=12)
    run = subprocess.run([sys.executable, "-c", CHILD, str(path)], capture_output=True, text=True, check=True)
    r = json.loads(run.stdout)
    assert r["edges"] == pairs  # each pair once: the file is read, not skipped
    assert r["peak"] < 2 * r["graph"], f"peak {r['peak'] / 1e6:.1f} MB for a graph of {r['graph'] / 1e6:.1f} MB"
