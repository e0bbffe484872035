"""verbind.mpi on N ranks (issue 18), run by ctest as
    mpirun --oversubscribe --allow-run-as-root -np N python3 tests/mpi/python_ranks.py
for N = 1..4 (tests/mpi/CMakeLists.txt). Every rank compares the distributed
result with the one-process call in the same program: seeds, bounds and
rr_sets identical; spread identical; betweenness, closeness and harmonic to
1e-12 relative. Bad input on ONE rank gives the same error, of the same
type, on every rank, and no rank waits for ever (ctest's TIMEOUT). Exit
status 0 on every rank when all holds; a failed check raises (exit 1).
"""

import sys

import networkx as nx
import numpy as np

import verbind
import verbind.mpi as vmpi
from mpi4py import MPI

comm = MPI.COMM_WORLD
rank, size = comm.Get_rank(), comm.Get_size()


def check(condition, what):
    if not condition:
        raise AssertionError(f"rank {rank} of {size}: {what}")


def same_everywhere(value, what):
    values = comm.allgather(value)
    check(all(v == values[0] for v in values), f"{what} differs between ranks: {values}")


def graphs():
    G = nx.les_miserables_graph()
    index = {v: i for i, v in enumerate(G)}
    yield "lesmis", verbind.Graph.from_edges([index[u] for u, v in G.edges()], [index[v] for u, v in G.edges()],
                                             n=len(index), weights=[G.edges[e]["weight"] / 31 for e in G.edges()])
    D = nx.gnm_random_graph(400, 2400, seed=5, directed=True)
    yield "random directed", verbind.Graph.from_edges([u for u, v in D.edges()], [v for u, v in D.edges()],
                                                      n=400, directed=True)
    yield "karate", verbind.from_networkx(nx.karate_club_graph())


def equal_results():
    for name, g in graphs():
        for kw in ({"seed": 7}, {"model": "lt", "epsilon": 0.2, "seed": 3}, {"probability": 0.05, "seed": 1},
                   {"fixed": [0, 1], "seed": 2}, {"groups": [v % 2 for v in range(g.num_nodes)], "seed": 4}):
            mine = vmpi.influence_max(g, 5, **kw)
            alone = verbind.influence_max(g, 5, **kw)
            check(list(mine.seeds) == list(alone.seeds), f"{name} {kw}: seeds {mine.seeds} != {alone.seeds}")
            check(mine.rr_sets == alone.rr_sets, f"{name} {kw}: rr_sets {mine.rr_sets} != {alone.rr_sets}")
            check(mine.spread_lower_bound == alone.spread_lower_bound, f"{name} {kw}: lower bound")
            check(mine.extra_spread_lower_bound == alone.extra_spread_lower_bound, f"{name} {kw}: extra bound")
            check(mine.group_reach == alone.group_reach, f"{name} {kw}: group reach")
        for kw in ({"seed": 1}, {"model": "lt", "runs": 999, "seed": 2}, {"probability": 0.1, "runs": 3}):
            mine = vmpi.spread(g, [0, 3], **kw)
            alone = verbind.spread(g, [0, 3], **kw)
            check((mine.mean, mine.stderr, mine.low, mine.high, mine.runs) ==
                  (alone.mean, alone.stderr, alone.low, alone.high, alone.runs), f"{name} {kw}: spread")
        for kw in ({}, {"samples": 17, "seed": 3}, {"weighted": True}, {"normalized": False}):
            np.testing.assert_allclose(vmpi.betweenness(g, **kw), verbind.betweenness(g, **kw), rtol=1e-12,
                                       atol=1e-300, err_msg=f"{name} betweenness {kw}")
        for measure in ("closeness", "harmonic"):
            for kw in ({}, {"weighted": True}):
                np.testing.assert_allclose(getattr(vmpi, measure)(g, **kw), getattr(verbind, measure)(g, **kw),
                                           rtol=1e-12, atol=1e-300, err_msg=f"{name} {measure} {kw}")


def fails_alike(call, kind, text, one_rank=True):
    """call() raises on every rank: the same type and message everywhere."""
    try:
        call()
    except Exception as e:  # noqa: BLE001 - the type is what is checked
        got = (type(e).__name__, str(e))
    else:
        got = ("no error", "")
    same_everywhere(got, f"the error of a call expected to raise {kind.__name__}")
    check(got[0] == kind.__name__, f"expected {kind.__name__}, got {got}")
    check(text in got[1], f"expected {text!r} in {got[1]!r}")
    if size > 1 and one_rank:
        check(got[1].startswith(f"rank {size - 1}: "), f"the message names the failing rank: {got[1]!r}")


def bad_input_on_one_rank():
    g = verbind.from_networkx(nx.karate_club_graph())
    last = size - 1
    # A seed key only the last rank names.
    fails_alike(lambda: vmpi.spread(g, ["nobody"] if rank == last else [0]), verbind.NotFoundError, "'nobody'")
    # k larger than n on one rank.
    fails_alike(lambda: vmpi.influence_max(g, 100 if rank == last else 3), verbind.InputError, "100")
    # A k of the wrong type on one rank.
    fails_alike(lambda: vmpi.influence_max(g, "3" if rank == last else 3), TypeError, "k must be int")
    # An epsilon out of range on one rank.
    fails_alike(lambda: vmpi.influence_max(g, 3, epsilon=2.0 if rank == last else 0.1), verbind.InputError,
                "epsilon")
    # samples 0 on one rank.
    fails_alike(lambda: vmpi.betweenness(g, samples=0 if rank == last else 5), verbind.InputError, "samples")
    if size > 1:
        # Different k, seed, samples or graph per rank: named, never a silent mix.
        disagree = {"one_rank": False}
        fails_alike(lambda: vmpi.influence_max(g, 3 + rank), verbind.InputError, "disagree on k", **disagree)
        fails_alike(lambda: vmpi.influence_max(g, 3, seed=rank), verbind.InputError, "seed", **disagree)
        fails_alike(lambda: vmpi.betweenness(g, samples=5 + rank), verbind.InputError, "samples", **disagree)
        other = verbind.Graph.from_edges([0, 1], [1, 2]) if rank == last else g
        fails_alike(lambda: vmpi.closeness(other), verbind.InputError, "rank", **disagree)
    # After every failure the ranks still work together.
    np.testing.assert_allclose(vmpi.harmonic(g), verbind.harmonic(g), rtol=1e-12)


def main():
    which = sys.argv[1] if len(sys.argv) > 1 else "all"
    if which in ("all", "equal"):
        equal_results()
    if which in ("all", "errors"):
        bad_input_on_one_rank()
    comm.Barrier()
    if rank == 0:
        print(f"python_ranks {which}: {size} ranks OK")


if __name__ == "__main__":
    main()
