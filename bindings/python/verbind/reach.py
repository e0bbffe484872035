"""verbind: the reach capability.

How far a programme's reach goes: hops from the people already involved
(:func:`hop_reach`), the bring-along cascades that were observed
(:func:`cascades`), the reach to expect from a set of seeds (:func:`spread`),
whom to train next (:func:`influence_max`) and how information travels over
time (:func:`temporal_reach`, :func:`read_contacts`). See docs/reach.md.
"""

from __future__ import annotations

import dataclasses
import datetime
from typing import Any, Dict, Hashable, List, Optional

import numpy as np

from . import _nodes
from ._verbind import (
    Contacts,
    SpreadResult,
    TemporalReach,
    _cascades,
    _influence_max,
    hop_reach,
    read_contacts,
    spread,
    temporal_reach,
)

__all__ = [
    "hop_reach",
    "cascades",
    "Cascades",
    "EventCascade",
    "SeriesCascade",
    "Bringer",
    "spread",
    "SpreadResult",
    "influence_max",
    "InfluenceResult",
    "temporal_reach",
    "TemporalReach",
    "read_contacts",
    "Contacts",
]


@dataclasses.dataclass(frozen=True)
class EventCascade:
    """The bring-along tree of one event.

    ``tree`` lists every attendee as a dict ``actor``, ``brought_by`` (key or
    None), ``generation`` (0: a root; g + 1: brought by someone of generation
    g who was there) and ``newcomer`` (first attendance in the network's
    history)."""

    event: str
    date: datetime.date
    kind: str
    municipality: Optional[str]
    attendees: int
    brought: int
    newcomers: int
    newcomers_brought: int
    newcomer_share: float
    bring_along_rate: float
    generations: int
    tree: List[Dict[str, Any]]


@dataclasses.dataclass(frozen=True)
class SeriesCascade:
    """The bring-along tree of an event series: the events of one kind in
    one municipality. Each person appears once, at their first attendance in
    the series, below whoever brought them then (if that person had come to
    the series by then)."""

    kind: str
    municipality: Optional[str]
    events: List[str]
    people: int
    attendances: int
    newcomers: int
    newcomers_brought: int
    bring_along_rate: float
    generations: int
    largest_tree: int
    tree: List[Dict[str, Any]]


@dataclasses.dataclass(frozen=True)
class Bringer:
    """A person who brought others along: recognition for volunteers."""

    actor: str
    newcomers_brought: int
    brought: int


@dataclasses.dataclass(frozen=True)
class Cascades:
    """Observed bring-along cascades (see :func:`cascades`)."""

    attendances: int
    newcomers: int
    newcomers_brought: int
    bring_along_rate: float
    newcomer_share: float
    generations: int
    events: List[EventCascade]
    series: List[SeriesCascade]
    bringers: List[Bringer]

    def top_bringers(self, n: int = 10) -> List[Bringer]:
        """The n people who brought the most newcomers."""
        return self.bringers[:n]

    def to_dict(self) -> Dict[str, Any]:
        """Plain dicts and lists (dates as ISO strings), ready for JSON."""
        out = dataclasses.asdict(self)
        for event in out["events"]:
            event["date"] = event["date"].isoformat()
        return out


def cascades(
    net: Network, *, start: datetime.date | numpy.datetime64 | str | None = None, end: datetime.date | numpy.datetime64 | str | None = None, include_sensitive: bool = False
) -> Cascades:
    """Bring-along cascades observed in ``net``'s attendance records.

    Per event: the bring-along tree, its generations, newcomers (people at
    their first event in the network's history) and their share, and the
    bring-along rate (newcomers brought along per attendee). Per event series
    (same kind, same municipality) the tree across the series, so that "A
    came, next time brought B, who later brought C" shows as three
    generations. ``bringers`` ranks who brought the most newcomers.
    ``start``/``end`` (dates, end exclusive) choose the events reported;
    who is a newcomer is always judged on the whole history. Sensitive
    events (``Network.mark_sensitive_event``) are left out, as if they had
    not happened, unless ``include_sensitive=True``.
    """
    raw = _cascades(net, start=start, end=end, include_sensitive=bool(include_sensitive))
    return Cascades(
        attendances=raw["attendances"],
        newcomers=raw["newcomers"],
        newcomers_brought=raw["newcomers_brought"],
        bring_along_rate=raw["bring_along_rate"],
        newcomer_share=raw["newcomer_share"],
        generations=raw["generations"],
        events=[EventCascade(**e) for e in raw["events"]],
        series=[SeriesCascade(**s) for s in raw["series"]],
        bringers=[Bringer(**b) for b in raw["bringers"]],
    )


@dataclasses.dataclass(frozen=True)
class InfluenceResult:
    """Seeds chosen by :func:`influence_max`.

    - seeds: positions in selection order (NumPy int64); seed_labels names them.
    - spread_lower_bound: expected number of people reached by seeds and fixed
      together is at least this, with probability at least 1 - delta.
    - extra_spread_lower_bound: the same for the people reached beyond what
      the fixed seeds reach on their own.
    - approximation: certified ratio of the extra reach to the best possible
      choice of k (at least 1 - 1/e - epsilon); NaN for the group-fair
      variant, which certifies no ratio (see docs/reach.md).
    - rr_sets: reverse-reachable sets drawn.
    - group_reach: with groups, the estimated fraction of each group reached
      (dict label -> fraction); else None.
    - seed_labels: the seeds' labels, in the same order (as Graph.labels
      gives them: ints when the graph's labels are integers, else str).
    """

    seeds: np.ndarray
    spread_lower_bound: float
    extra_spread_lower_bound: float
    approximation: float
    rr_sets: int
    group_reach: Optional[Dict[Hashable, float]] = None
    seed_labels: numpy.typing.NDArray[numpy.int64] | list[str] | None = None


def influence_max(
    g: Graph,
    k: int,
    *,
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
    """Chooses k seeds that reach the most people in expectation.

    OPIM-C (Tang, Tang, Xiao & Yuan, SIGMOD 2018) on reverse-reachable sets:
    a (1 - 1/e - epsilon)-approximation with probability at least 1 - delta
    (delta defaults to 1/n). ``model`` and ``probability`` as in
    :func:`spread`. ``candidates`` (nodes, as docs/python.md "Node identity"
    says) restricts who may be chosen; ``fixed`` are people already active,
    whose reach is counted as given. ``groups`` (a label per node in position
    order, or a dict/pandas Series from node to group) switches to the group-fair maximin
    variant (Tsang et al., IJCAI 2019), which maximises the smallest fraction
    reached over groups. RR sets are drawn in parallel from per-set random
    streams: the same seed gives the same seeds for any thread count.
    ``progress(fraction)`` may return False to cancel (CancelledError).
    ``max_memory_bytes`` (None: 4 GiB) bounds the RR sets: a run that would
    need more is refused with InputError giving the estimate (and, without
    groups, the smallest epsilon that fits), never returned uncertified.
    """
    labels = None
    if groups is not None:
        if isinstance(groups, (str, bytes)):
            raise TypeError("influence_max(): groups must be a sequence with a label per node, not str")
        groups = list(_nodes.per_node(g, groups, "influence_max", "groups"))
        labels = list(dict.fromkeys(groups))
    result = _influence_max(
        g,
        k,
        model=model,
        probability=probability,
        epsilon=epsilon,
        delta=delta,
        seed=seed,
        threads=threads,
        candidates=candidates,
        fixed=fixed,
        groups=groups,
        progress=progress,
        max_memory_bytes=max_memory_bytes,
    )
    group_reach = None
    if labels is not None:
        group_reach = dict(zip(labels, result.group_reach))
    return InfluenceResult(
        seeds=result.seeds,
        spread_lower_bound=result.spread_lower_bound,
        extra_spread_lower_bound=result.extra_spread_lower_bound,
        approximation=result.approximation,
        rr_sets=result.rr_sets,
        group_reach=group_reach,
        seed_labels=_nodes.labels_at(g, result.seeds),
    )
