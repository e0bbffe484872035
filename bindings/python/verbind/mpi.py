"""verbind.mpi: reach and centrality computed by many processes together (MPI).

The same functions as :func:`verbind.influence_max`, :func:`verbind.spread`,
:func:`verbind.betweenness`, :func:`verbind.closeness` and
:func:`verbind.harmonic`, with the same keywords and the same results, plus
``comm``: an mpi4py communicator (``None``: ``MPI.COMM_WORLD``). Every rank
of the communicator calls the function with the same graph and arguments;
each draws its share of the work (RR sets, Monte Carlo runs, sources) and
every rank gets the whole result. The union of the shares is exactly the
one-process work, so the result equals the one-process call with the same
seed (betweenness, closeness and harmonic to the last bits of a double).
The graph is replicated on every rank (``verbind.load_graph`` maps one
graph file into every rank's memory).

A bad argument on any rank (a seed node one rank does not have, k larger
than the graph, a different k on one rank) raises the same error on every
rank, its message starting ``rank R:``, never a deadlock. Run with::

    mpirun -np 4 python3 script.py

``import verbind`` does not import mpi4py; ``import verbind.mpi`` does
(Debian: ``apt-get install python3-mpi4py``; else ``pip install mpi4py``).
See docs/scale.md.
"""

from __future__ import annotations

from typing import Callable, Hashable, Iterable, Literal, Mapping, Sequence

import numpy as _np

try:
    from mpi4py import MPI as _MPI
except ImportError as _missing:  # pragma: no cover - depends on the machine
    raise ImportError(
        "verbind.mpi needs mpi4py: install python3-mpi4py (Debian, Ubuntu) or 'pip install mpi4py' "
        f"(importing it failed: {_missing})"
    ) from _missing

from . import reach as _reach
from . import socialmap as _socialmap
from ._verbind import _with_collective

__all__ = ["influence_max", "spread", "betweenness", "closeness", "harmonic"]

_OPS = {"sum": _MPI.SUM, "min": _MPI.MIN, "max": _MPI.MAX}


class _Communicator:
    """The communicator object _verbind._with_collective calls
    (bindings/python/collective.cpp): rank, size, allreduce, gather and
    broadcast over an mpi4py intracommunicator, on NumPy buffers."""

    def __init__(self, comm):
        self._comm = comm
        self.rank = comm.Get_rank()
        self.size = comm.Get_size()

    def allreduce(self, values, op):
        self._comm.Allreduce(_MPI.IN_PLACE, values, op=_OPS[op])

    def gather(self, values):
        counts = _np.empty(self.size, dtype=_np.int64)
        self._comm.Allgather(_np.array([len(values)], dtype=_np.int64), counts)
        out = _np.empty(int(counts.sum()), dtype=values.dtype)
        self._comm.Allgatherv(values, [out, counts.tolist()])
        return out

    def broadcast(self, data, root):
        self._comm.Bcast(data, root=root)


def _communicator(comm, function):
    if comm is None:
        comm = _MPI.COMM_WORLD
    if isinstance(comm, _MPI.Comm) and comm == _MPI.COMM_NULL:
        raise ValueError(f"{function}(): comm is MPI.COMM_NULL")
    if not isinstance(comm, _MPI.Intracomm):
        raise TypeError(f"{function}(): comm must be an mpi4py intracommunicator (such as MPI.COMM_WORLD) "
                        f"or None, not {type(comm).__name__}")
    return _Communicator(comm)


def influence_max(
    g: Graph,
    k: int,
    *,
    comm: mpi4py.MPI.Intracomm | None = None,
    model: Literal["ic", "lt"] = "ic",
    probability: float | Literal["weights"] | None = None,
    epsilon: float = 0.1,
    delta: float | None = None,
    seed: int | None = None,
    threads: int = 0,
    candidates: str | int | Iterable[str | int] | None = None,
    fixed: str | int | Iterable[str | int] = (),
    groups: Sequence[Hashable] | Mapping[str | int, Hashable] | pandas.Series | None = None,
    progress: Callable[[float], bool | None] | bool | None = None,
    max_memory_bytes: int | None = None,
) -> InfluenceResult:
    """:func:`verbind.influence_max` over the ranks of ``comm``: each rank
    draws its share of the RR sets (set j from its own random stream, so
    the union is the one-process union), the greedy picks reduce the
    coverage counts over the ranks, and the OPIM-C bounds come from the
    global counts. Seeds, bounds and ``rr_sets`` equal the one-process call
    with the same seed; RR-set memory per rank is about 1/size of the total
    (``max_memory_bytes`` bounds each rank's share)."""
    return _with_collective(
        _communicator(comm, "influence_max"), _reach.influence_max, g, k,
        model=model, probability=probability, epsilon=epsilon, delta=delta, seed=seed, threads=threads,
        candidates=candidates, fixed=fixed, groups=groups, progress=progress, max_memory_bytes=max_memory_bytes,
    )


def spread(
    g: Graph,
    seeds: str | int | Iterable[str | int],
    *,
    comm: mpi4py.MPI.Intracomm | None = None,
    model: Literal["ic", "lt"] = "ic",
    probability: float | Literal["weights"] | None = None,
    runs: int = 10000,
    seed: int | None = None,
    threads: int = 0,
    progress: Callable[[float], bool | None] | bool | None = None,
) -> SpreadResult:
    """:func:`verbind.spread` over the ranks of ``comm``: the runs are split
    over the ranks (run r from its own random stream) and the counts summed,
    so the result equals the one-process call with the same seed."""
    return _with_collective(
        _communicator(comm, "spread"), _reach.spread, g, seeds,
        model=model, probability=probability, runs=runs, seed=seed, threads=threads, progress=progress,
    )


def betweenness(
    g: Graph,
    *,
    comm: mpi4py.MPI.Intracomm | None = None,
    normalized: bool = True,
    weighted: bool = False,
    samples: int | None = None,
    seed: int | None = None,
    threads: int = 0,
    progress: Callable[[float], bool | None] | bool | None = None,
) -> numpy.typing.NDArray[numpy.float64]:
    """:func:`verbind.betweenness` over the ranks of ``comm``: the sources
    (all, or the ``samples`` drawn from ``seed``) are split over the ranks
    and the per-node sums reduced once (n doubles); equal to the one-process
    result to about 1e-12 relative (the order of the additions differs)."""
    return _with_collective(
        _communicator(comm, "betweenness"), _socialmap.betweenness, g,
        normalized=normalized, weighted=weighted, samples=samples, seed=seed, threads=threads, progress=progress,
    )


def closeness(
    g: Graph,
    *,
    comm: mpi4py.MPI.Intracomm | None = None,
    weighted: bool = False,
    threads: int = 0,
    progress: Callable[[float], bool | None] | bool | None = None,
) -> numpy.typing.NDArray[numpy.float64]:
    """:func:`verbind.closeness` over the ranks of ``comm`` (sources split
    over the ranks, one reduction of the per-node sums)."""
    return _with_collective(
        _communicator(comm, "closeness"), _socialmap.closeness, g,
        weighted=weighted, threads=threads, progress=progress,
    )


def harmonic(
    g: Graph,
    *,
    comm: mpi4py.MPI.Intracomm | None = None,
    weighted: bool = False,
    threads: int = 0,
    progress: Callable[[float], bool | None] | bool | None = None,
) -> numpy.typing.NDArray[numpy.float64]:
    """:func:`verbind.harmonic` over the ranks of ``comm`` (sources split
    over the ranks, one reduction of the per-node sums)."""
    return _with_collective(
        _communicator(comm, "harmonic"), _socialmap.harmonic, g,
        weighted=weighted, threads=threads, progress=progress,
    )
