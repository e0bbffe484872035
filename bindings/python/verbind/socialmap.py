"""verbind: the socialmap capability.

Centralities, brokerage, structure, communities and mixing on a Graph, each
matching networkx's function of the same meaning; vectors come back as NumPy
arrays indexed like ``g.keys``.
"""

from __future__ import annotations

import numpy as _np

from . import _nodes, _verbind
from ._verbind import (
    articulation_points,
    betweenness,
    betweenness_sources,
    bridges,
    closeness,
    communities,
    components,
    constraint,
    core_number,
    degree_centrality,
    effective_size,
    eigenvector,
    harmonic,
    modularity,
)
from ._defaults import DEFAULTS
from ._errors import InputError

__all__ = [
    "degree_centrality",
    "betweenness",
    "betweenness_sources",
    "closeness",
    "harmonic",
    "pagerank",
    "eigenvector",
    "core_number",
    "components",
    "articulation_points",
    "bridges",
    "constraint",
    "effective_size",
    "communities",
    "modularity",
    "ei_index",
    "expected_ei_index",
    "assortativity",
    "social_map",
    "SocialMap",
]

# Keyword defaults, read from the C++ Options structs (verbind/_defaults.py).
_PR = DEFAULTS["PageRankOptions"]
_EI = DEFAULTS["ExpectedEIOptions"]
_MAP = DEFAULTS["SocialMapOptions"]


def _group_codes(g, groups, function):
    """(codes, labels): an int per node for any hashable labels, numbered in
    order of first appearance; labels[code] gives the label back."""
    if isinstance(groups, (str, bytes)):
        raise TypeError(f"{function}(): groups must be a sequence of labels, one per node, not a str")
    groups = _nodes.per_node(g, groups, function, "groups")
    try:
        values = list(groups)
    except TypeError:
        raise TypeError(f"{function}(): groups must be a sequence of labels, one per node, "
                        f"not {type(groups).__name__}") from None
    if len(values) != g.num_nodes:
        raise InputError(f"{function}: groups has {len(values)} entries, the graph has {g.num_nodes} nodes")
    codes = _np.empty(len(values), dtype=_np.int64)
    index = {}
    labels = []
    for i, value in enumerate(values):
        if isinstance(value, _np.generic):
            value = value.item()
        try:
            code = index.get(value)
        except TypeError:
            raise TypeError(f"{function}(): groups[{i}] is unhashable ({type(value).__name__})") from None
        if code is None:
            code = index[value] = len(labels)
            labels.append(value)
        codes[i] = code
    return codes, labels


def pagerank(
    g: Graph,
    *,
    damping: float = _PR["damping"],
    personalization: numpy.typing.ArrayLike | Mapping[str | int, float] | None = _PR["personalization"],
    weighted: bool = _PR["weighted"],
    tol: float = _PR["tol"],
    max_iter: int = _PR["max_iter"],
    threads: int = _PR["threads"],
) -> numpy.typing.NDArray[numpy.float64]:
    """PageRank as networkx.pagerank: power iteration from the uniform vector,
    stopping when the L1 change is below n * tol; dangling nodes (no
    out-weight) jump by the personalization vector. personalization: None
    (uniform), a sequence of n numbers >= 0 in position order, or a dict from
    node (docs/python.md, "Node identity") to weight (missing nodes: 0); it must sum to a positive value and is
    normalised. Raises InputError when it does not converge in max_iter."""
    if isinstance(personalization, dict):
        vector = _np.zeros(g.num_nodes)
        for key, value in personalization.items():
            vector[int(_nodes.positions(g, key, "pagerank", "personalization")[0])] = value
        personalization = vector
    return _verbind._pagerank(g, damping, personalization, weighted, tol, max_iter, threads)


def ei_index(g: Graph, groups: Sequence[Hashable] | Mapping[str | int, Hashable] | pandas.Series, *, per_group: bool = False) -> float | dict[Hashable, float]:
    """Krackhardt & Stern's E-I index: (E - I) / (E + I) over the ties
    (directed graphs: arcs), E between groups and I within; -1 is all inward,
    +1 all outward. groups: one label per node (in position order, or a
    dict/pandas Series from node to label), of any hashable type.
    per_group=True gives a dict label -> E-I of that group's ties (NaN for a
    group without ties). Compare with expected_ei_index: E-I depends on group
    sizes."""
    codes, labels = _group_codes(g, groups, "ei_index")
    if not per_group:
        return _verbind._ei_index(g, codes)
    values = _verbind._ei_index_per_group(g, codes)
    return {label: float(values[i]) for i, label in enumerate(labels)}


def expected_ei_index(
    g: Graph,
    groups: Sequence[Hashable] | Mapping[str | int, Hashable] | pandas.Series,
    *,
    permutations: int = _EI["permutations"],
    seed: int | None = _EI["seed"],
    threads: int = _EI["threads"],
    progress: Callable[[float], bool | None] | bool | None = _EI["progress"],
) -> dict[str, float]:
    """The E-I index under random mixing: the groups' labels are shuffled over
    the nodes (sizes kept) `permutations` times. Returns a dict with
    'observed', 'expected' (mean over shuffles), 'std', 'analytic' (the exact
    mean, 1 - 2 P(a random pair shares a group)), 'p_value' (two-sided,
    (1 + hits) / (1 + permutations)) and 'permutations'. Reproducible from
    seed for any thread count. Without ties (a graph with no edges) E-I is
    undefined: every value is NaN and 'permutations' is 0. progress: a
    callable taking the fraction done, called at least every ~0.1 s; a falsy
    answer (not None) cancels with verbind.CancelledError."""
    codes, _ = _group_codes(g, groups, "expected_ei_index")
    return _verbind._expected_ei_index(g, codes, permutations, seed, threads, progress)


def assortativity(g: Graph, groups: Sequence[Hashable] | Mapping[str | int, Hashable] | pandas.Series) -> float:
    """As networkx.attribute_assortativity_coefficient over node group labels
    of any hashable type."""
    codes, _ = _group_codes(g, groups, "assortativity")
    return _verbind._assortativity(g, codes)


class SocialMap:
    """The social map of a network (see social_map). Sections are lists of
    dicts, each entry with its numbers and a sentence `why`:
    key_figures, brokers, organisations, fragile_points, fragile_ties,
    communities, gaps; plus people, ties and modularity."""

    SECTIONS = ("key_figures", "brokers", "organisations", "fragile_points", "fragile_ties", "communities", "gaps")

    def __init__(self, data: dict[str, Any]) -> None:
        self._data = data

    def __getattr__(self, name: str) -> Any:
        try:
            return self.__dict__["_data"][name]
        except KeyError:
            raise AttributeError(name) from None

    def to_dict(self) -> dict[str, Any]:
        """The whole map as plain dicts, lists, str, int, float, bool and None
        (JSON-ready; suppressed counts are None with "suppressed": True)."""
        import copy

        return copy.deepcopy(self._data)

    def __repr__(self) -> str:
        return (f"<SocialMap {self.people} people, {self.ties} ties, "
                f"{len(self.communities)} communities shown, modularity {self.modularity:.3f}>")


def social_map(
    net: Network,
    *,
    municipality: str | None = _MAP["municipality"],
    neighbourhood: str | None = _MAP["neighbourhood"],
    start: datetime.date | numpy.datetime64 | str | None = _MAP["start"],
    end: datetime.date | numpy.datetime64 | str | None = _MAP["end"],
    top: int = _MAP["top"],
    seed: int | None = _MAP["seed"],
    threads: int = _MAP["threads"],
    min_cell: int = _MAP["min_cell"],
    include_sensitive: bool = _MAP["include_sensitive"],
    progress: Callable[[float], bool | None] | bool | None = _MAP["progress"],
) -> SocialMap:
    """The social map ("sociale kaart") of a Network: key figures (a composite
    of two-hop reach, betweenness and ties across declared groups, flagging
    residents who act as key figures but are not recognised or trained),
    brokers, what each organisation holds together, fragile points and ties,
    communities and gaps. Filters: municipality, neighbourhood, and ties
    active in [start, end). top: entries per ranked section. Special-category
    groups never appear. Counts of people by group or neighbourhood go
    through verbind.suppress_small_cells: those below min_cell, and those
    that would let such a count be worked out from totals, are None with
    "suppressed": True. Ties of sensitive kinds (Network.mark_sensitive_tie_kind)
    count only with include_sensitive=True. progress: a callable taking the fraction done,
    returning False to cancel (verbind.CancelledError).
    See docs/socialmap.md for every field."""
    import json

    text = _verbind._social_map_json(net, municipality, neighbourhood, start, end, top, seed, threads, min_cell,
                                     bool(include_sensitive), progress)
    return SocialMap(json.loads(text))
