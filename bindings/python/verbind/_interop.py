"""networkx and igraph in and out: to_networkx, from_networkx, to_igraph, from_igraph.

A Graph becomes a networkx Graph/DiGraph or an igraph Graph with its labels
as node names (ints when the labels are integers, else str), its direction,
and its weights as the edge attribute "weight" (unweighted graphs get none).
A Network becomes a two-layer multigraph: actors and events as nodes (node
attribute "layer": "actor" or "event"), ties and attendance as edges, laid
out as Network.to_pandas's frames, under the same privacy rule. The way back
rebuilds the Graph or the Network. networkx and igraph are imported only
when a function here needs them. See docs/python.md, "networkx and igraph".
"""

import contextlib
import gc
import math
import numbers
import re
import sys

from . import _verbind
from ._errors import Error, InputError
from ._pandas import LAYOUT

__all__ = ["to_networkx", "from_networkx", "to_igraph", "from_igraph"]

_ACCEPTED_NX = "a networkx graph (networkx.Graph, DiGraph, MultiGraph or MultiDiGraph)"
_ACCEPTED_IG = "an igraph.Graph"
_MERGES = ("error", "sum", "max", "min", "first")

# Node and edge attributes of a Network graph: the frames' columns.
_ACTOR_ATTRS = LAYOUT["actors"][1:]     # type, kind, neighbourhood, municipality, talents, groups, ...
_EVENT_ATTRS = LAYOUT["events"][1:]     # date, kind, neighbourhood, municipality, organisers
_TIE_ATTRS = LAYOUT["ties"][2:]         # kind, since, until, weight
_MARKS = ("sensitive_groups", "sensitive_tie_kinds", "sensitive_events")


def _type_name(obj):
    t = type(obj)
    return t.__qualname__ if t.__module__ == "builtins" else f"{t.__module__}.{t.__qualname__}"


def _is_nx(obj):
    nx = sys.modules.get("networkx")  # not imported: obj cannot be a networkx graph
    return nx is not None and isinstance(obj, nx.Graph)


def _is_ig(obj):
    ig = sys.modules.get("igraph")
    return ig is not None and isinstance(obj, ig.Graph)


def _source(x, function):
    """'graph' or 'network' for a verbind Graph or Network; else TypeError."""
    if isinstance(x, _verbind.Graph):
        return "graph"
    if isinstance(x, _verbind.Network):
        return "network"
    hint = ""
    if _is_nx(x):
        hint = "; it is a networkx graph already (verbind.from_networkx makes a verbind Graph or Network of it)"
    elif _is_ig(x):
        hint = "; it is an igraph graph already (verbind.from_igraph makes a verbind Graph or Network of it)"
    raise TypeError(f"{function}(): x must be a verbind.Graph or verbind.Network, not {_type_name(x)}{hint}")


def _check_bool(value, function, param):
    if not isinstance(value, bool):
        raise TypeError(f"{function}(): {param} must be bool, not {_type_name(value)}")


def _check_choice(value, function, param, choices):
    if not isinstance(value, str):
        raise TypeError(f"{function}(): {param} must be a str, not {_type_name(value)}")
    if value not in choices:
        raise InputError(f"{function}: {param} must be {', '.join(repr(c) for c in choices[:-1])} or "
                         f"{choices[-1]!r}, got {value!r}")


def _graph_labels(g):
    """A Graph's labels as a list: ints when they are integers, else str."""
    labels = g.labels
    return labels.tolist() if hasattr(labels, "tolist") else list(labels)


@contextlib.contextmanager
def _no_gc():
    """The cycle collector paused while millions of dicts and tuples are made:
    none of them forms a cycle, and each collection would walk all of them
    (it more than halves to_networkx's time for 1,000,000 edges)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


# --- Graph -> networkx / igraph -------------------------------------------------

def _graph_to_networkx(g):
    import networkx as nx

    with _no_gc():
        node, succ, pred = _verbind._nx_adjacency(g, _graph_labels(g))
    G = nx.DiGraph() if g.directed else nx.Graph()
    # networkx's own dicts, filled in C++ (as nx.from_scipy_sparse_array's
    # result holds them): assigned before anything reads the graph.
    G._node = node
    G._adj = succ
    if g.directed:
        G._succ = succ
        G._pred = pred
    return G


def _graph_to_igraph(g):
    import igraph

    pairs, weights = _verbind._igraph_edges(g)
    h = igraph.Graph(n=g.num_nodes, edges=pairs, directed=g.directed)
    h.vs["name"] = _graph_labels(g)
    if weights is not None:
        h.es["weight"] = weights
    return h


# --- networkx / igraph -> Graph ---------------------------------------------------

def _keys(labels, function, describe):
    """Graph keys (str) for node labels: all int (>= 0) or all str, else InputError.

    describe(i) names node i in messages ("node 'x'", "vertex 3 ('x')").
    """
    first_int = first_str = None
    keys = []
    for i, label in enumerate(labels):
        if isinstance(label, str):
            if first_str is None:
                first_str = i
            if not label:
                raise InputError(f"{function}: {describe(i)}: an empty label")
            if "\x00" in label:
                raise InputError(f"{function}: {describe(i)}: the label holds a NUL character")
            try:
                label.encode("utf-8")
            except UnicodeEncodeError:
                raise InputError(f"{function}: {describe(i)}: the label is not valid UTF-8 "
                                 "(it contains a lone surrogate)") from None
            keys.append(label)
        elif isinstance(label, numbers.Integral) and not isinstance(label, bool) and type(label).__name__ != "bool_":
            if first_int is None:
                first_int = i
            value = int(label)
            if value < 0:
                raise InputError(f"{function}: {describe(i)}: a negative label; integer labels are 0 or more "
                                 "(give str labels for other names)")
            keys.append(str(value))
        else:
            try:
                hash(label)
            except TypeError:
                raise InputError(f"{function}: {describe(i)}: the label is unhashable ({_type_name(label)}); "
                                 "labels are int or str") from None
            raise InputError(f"{function}: {describe(i)}: a label must be an int or a str, not "
                             f"{_type_name(label)}")
        if first_int is not None and first_str is not None:
            raise InputError(f"{function}: {describe(first_int)} is an int but {describe(first_str)} is a str: "
                             "labels must be all int or all str, so that an int names one node")
    return keys


def _weights(values, function, describe):
    """Weights as floats (a missing one, None, is 1 as in networkx); InputError naming a bad one."""
    out = []
    for i, w in enumerate(values):
        if w is None:
            out.append(1.0)
            continue
        if isinstance(w, bool) or type(w).__name__ == "bool_" or not isinstance(w, numbers.Real):
            raise InputError(f"{function}: {describe(i)}: weight {w!r} is not a number ({_type_name(w)})")
        x = float(w)
        if math.isnan(x):
            raise InputError(f"{function}: {describe(i)}: weight is NaN")
        if math.isinf(x):
            raise InputError(f"{function}: {describe(i)}: weight {x} is not finite")
        if x < 0:
            raise InputError(f"{function}: {describe(i)}: weight {w!r} is negative")
        out.append(x)
    return out


def _build_graph(function, keys, src, dst, weights, directed, duplicates, self_loops):
    import numpy as np

    return _verbind._graph_from_keys(keys, np.asarray(src, dtype=np.int64), np.asarray(dst, dtype=np.int64),
                                     None if weights is None else np.asarray(weights, dtype=np.float64),
                                     directed, duplicates, self_loops, function)


def _graph_from_networkx(G, weight, duplicates, self_loops):
    function = "from_networkx"
    nodes = list(G)
    keys = _keys(nodes, function, lambda i: f"node {nodes[i]!r}")
    position = {node: i for i, node in enumerate(nodes)}
    if G.is_multigraph() and duplicates == "error":
        for u, nbrs in G.adj.items():
            for v, keyed in nbrs.items():
                if len(keyed) > 1:
                    raise InputError(f"{function}: edge ({u!r}, {v!r}): {len(keyed)} parallel edges; pass "
                                     "duplicates='sum', 'max', 'min' or 'first' to merge them into one")
    edges = list(G.edges(data=weight if weight is not None else False))
    if self_loops == "error":
        for e in edges:
            if e[0] == e[1]:
                raise InputError(f"{function}: edge ({e[0]!r}, {e[1]!r}): a self-loop; pass self_loops='drop' "
                                 "to leave self-loops out")
    src = [position[e[0]] for e in edges]
    dst = [position[e[1]] for e in edges]
    weights = None
    if weight is not None and any(e[2] is not None for e in edges):
        weights = _weights([e[2] for e in edges], function, lambda i: f"edge ({edges[i][0]!r}, {edges[i][1]!r})")
    return _build_graph(function, keys, src, dst, weights, G.is_directed(), duplicates, self_loops)


def _graph_from_igraph(h, weight, duplicates, self_loops):
    function = "from_igraph"
    n = h.vcount()
    names = h.vs["name"] if "name" in h.vs.attributes() else list(range(n))
    keys = _keys(names, function, lambda i: f"vertex {i} (name {names[i]!r})")
    seen = {}
    for i, key in enumerate(keys):
        if key in seen:
            raise InputError(f"{function}: vertices {seen[key]} and {i} have the same name {names[i]!r}: "
                             "each label names one node")
        seen[key] = i
    edges = h.get_edgelist()

    def describe(i):
        u, v = edges[i]
        return f"edge {i} ({names[u]!r}, {names[v]!r})"

    if duplicates == "error" and h.has_multiple():
        i = h.is_multiple().index(True)
        raise InputError(f"{function}: {describe(i)}: a parallel edge (the pair has another edge); pass "
                         "duplicates='sum', 'max', 'min' or 'first' to merge them into one")
    if self_loops == "error" and any(u == v for u, v in edges):
        i = next(i for i, (u, v) in enumerate(edges) if u == v)
        raise InputError(f"{function}: {describe(i)}: a self-loop; pass self_loops='drop' to leave self-loops out")
    src = [u for u, _ in edges]
    dst = [v for _, v in edges]
    weights = None
    if weight is not None and weight in h.es.attributes():
        values = h.es[weight]
        if any(w is not None for w in values):
            weights = _weights(values, function, describe)
    return _build_graph(function, keys, src, dst, weights, h.is_directed(), duplicates, self_loops)


# --- Network -> networkx / igraph -----------------------------------------------

def _records(frame):
    """A frame's rows as dicts of plain Python values (None when empty)."""
    columns = {col: frame[col].tolist() for col in frame.columns}
    return [{col: values[i] for col, values in columns.items()} for i in range(len(frame))]


def _network_parts(net, include_sensitive):
    """Network.to_pandas's frames as records: the one read, with its privacy rule."""
    frames = net.to_pandas(include_sensitive=include_sensitive)
    parts = {name: _records(frames[name]) for name in ("actors", "ties", "events", "attendance")}
    for actor in parts["actors"]:
        actor["key_figure"] = bool(actor["key_figure"])
    marks = {}
    if include_sensitive:
        marks = {name: frames[name][LAYOUT[name][0]].tolist() for name in _MARKS}
    return parts, marks


def _network_to_networkx(net, include_sensitive):
    import networkx as nx

    parts, marks = _network_parts(net, include_sensitive)
    G = nx.MultiDiGraph()
    G.graph["verbind"] = "Network"  # so that an empty Network comes back as one
    G.graph.update(marks)
    actor_keys = set()
    for actor in parts["actors"]:
        attrs = {col: actor[col] for col in _ACTOR_ATTRS}
        G.add_node(actor["key"], layer="actor", bipartite=0, **attrs)
        actor_keys.add(actor["key"])

    def event_node(key):
        return ("event", key) if key in actor_keys else key

    for event in parts["events"]:
        G.add_node(event_node(event["key"]), layer="event", bipartite=1, **{col: event[col] for col in _EVENT_ATTRS})
    G.add_edges_from((t["a"], t["b"], i, dict(layer="tie", **{col: t[col] for col in _TIE_ATTRS}))
                     for i, t in enumerate(parts["ties"]))
    G.add_edges_from((r["actor"], event_node(r["event"]), j, {"layer": "attendance", "brought_by": r["brought_by"]})
                     for j, r in enumerate(parts["attendance"]))
    return G


def _network_to_igraph(net, include_sensitive):
    import igraph

    parts, marks = _network_parts(net, include_sensitive)
    actors, events = parts["actors"], parts["events"]
    h = igraph.Graph(directed=True)
    h["verbind"] = "Network"  # so that an empty Network comes back as one
    h.add_vertices(len(actors) + len(events))
    for name, value in marks.items():
        h[name] = value
    position = {a["key"]: i for i, a in enumerate(actors)}
    event_position = {e["key"]: len(actors) + i for i, e in enumerate(events)}
    h.vs["name"] = [a["key"] for a in actors] + [e["key"] for e in events]
    h.vs["layer"] = ["actor"] * len(actors) + ["event"] * len(events)
    for col in dict.fromkeys(_ACTOR_ATTRS + _EVENT_ATTRS):
        h.vs[col] = ([a[col] for a in actors] if col in _ACTOR_ATTRS else [None] * len(actors)) + \
                    ([e[col] for e in events] if col in _EVENT_ATTRS else [None] * len(events))
    ties, attendance = parts["ties"], parts["attendance"]
    h.add_edges([(position[t["a"]], position[t["b"]]) for t in ties] +
                [(position[r["actor"]], event_position[r["event"]]) for r in attendance])
    none = [None] * len(attendance)
    h.es["layer"] = ["tie"] * len(ties) + ["attendance"] * len(attendance)
    for col in _TIE_ATTRS:
        h.es[col] = [t[col] for t in ties] + none
    h.es["brought_by"] = [None] * len(ties) + [r["brought_by"] for r in attendance]
    return h


# --- networkx / igraph -> Network -------------------------------------------------

_ROW = re.compile(r"frame '(\w+)', row (\d+)(?:, column '([^']*)'(?: \(\w+\))?)?: (.*)", re.S)


def _network_from_parts(function, nodes, edges, graph_attrs):
    """A Network from nodes [(describe, layer, key, attrs)], edges
    [(describe, u, v, order, attrs)] (u, v index nodes) and the graph's
    attributes (the sensitive marks), through Network.from_pandas: its
    checks, its all-or-nothing build, errors named by node or edge."""
    import pandas as pd

    actors, events, ties, attendance = [], [], [], []
    where = {"actors": [], "events": [], "ties": [], "attendance": []}
    for describe, layer, key, attrs in nodes:
        if layer == "actor":
            actors.append([key] + [attrs.get(col) for col in _ACTOR_ATTRS])
            where["actors"].append(describe)
        else:
            events.append([key] + [attrs.get(col) for col in _EVENT_ATTRS])
            where["events"].append(describe)
    tie_rows, attendance_rows = [], []
    for describe, u, v, order, attrs in edges:
        lu, lv = nodes[u][1], nodes[v][1]
        layer = attrs.get("layer")
        if layer is None:
            layer = "tie" if lu == lv == "actor" else "attendance"
        if layer == "tie":
            if lu != "actor" or lv != "actor":
                raise InputError(f"{function}: {describe}: a tie joins two actors, this edge joins a {lu} and a {lv}")
            tie_rows.append((order, describe, [nodes[u][2], nodes[v][2]] + [attrs.get(col) for col in _TIE_ATTRS]))
        elif layer == "attendance":
            if {lu, lv} != {"actor", "event"}:
                raise InputError(f"{function}: {describe}: attendance joins an actor and an event, this edge joins "
                                 f"a {lu} and a {lv}")
            actor, event = (u, v) if lu == "actor" else (v, u)
            attendance_rows.append((order, describe, [nodes[event][2], nodes[actor][2], attrs.get("brought_by")]))
        else:
            raise InputError(f"{function}: {describe}: attribute 'layer' must be 'tie' or 'attendance', got {layer!r}")
    for rows, out, name in ((tie_rows, ties, "ties"), (attendance_rows, attendance, "attendance")):
        orders = [r[0] for r in rows]
        if all(isinstance(o, int) and not isinstance(o, bool) for o in orders) and len(set(orders)) == len(orders):
            rows.sort(key=lambda r: r[0])  # keys as to_networkx gives them: the record's place
        for _, describe, row in rows:
            out.append(row)
            where[name].append(describe)
    frames = {name: pd.DataFrame(rows, columns=list(LAYOUT[name]))
              for name, rows in (("actors", actors), ("events", events), ("ties", ties), ("attendance", attendance))}
    marks = {}
    for name in _MARKS:
        if name in graph_attrs and graph_attrs[name] is not None:
            value = graph_attrs[name]
            if isinstance(value, (str, bytes)) or not hasattr(value, "__iter__"):
                raise TypeError(f"{function}(): graph attribute {name!r} must be a list of str, not "
                                f"{_type_name(value)}")
            marks[name] = list(value)
    try:
        return _verbind.Network.from_pandas(**frames, **marks)
    except Error as e:
        m = _ROW.fullmatch(str(e))
        if not m or m.group(1) not in where:
            raise
        frame, row, column, message = m.groups()
        text = f"{function}: {where[frame][int(row)]}"
        if column is not None and not (frame == "ties" and column in ("a", "b")) and \
                not (frame == "attendance" and column in ("event", "actor")) and column != "key":
            text += f", attribute {column!r}"
        raise type(e)(f"{text}: {message}") from None


def _layers(function, items, describe, marked):
    """'network' when every node has attribute 'layer' ('actor' or 'event'),
    'graph' when none has (and the graph is not marked as a Network's);
    InputError naming a node otherwise."""
    with_layer = without = None
    for i, layer in enumerate(items):
        if layer is None:
            without = i if without is None else without
        else:
            if layer not in ("actor", "event"):
                raise InputError(f"{function}: {describe(i)}: attribute 'layer' must be 'actor' or 'event', "
                                 f"got {layer!r}")
            with_layer = i if with_layer is None else with_layer
        if with_layer is not None and without is not None:
            raise InputError(f"{function}: {describe(without)} has no attribute 'layer' but {describe(with_layer)} "
                             "has: a Network's graph gives every node layer 'actor' or 'event'")
    if marked and without is not None:
        raise InputError(f"{function}: {describe(without)} has no attribute 'layer', but the graph is a Network's "
                         "(graph attribute 'verbind'): every node is an actor or an event")
    return "network" if with_layer is not None or marked else "graph"


def _event_key(node):
    return node[1] if isinstance(node, tuple) and len(node) == 2 and node[0] == "event" else node


def _network_from_networkx(G):
    function = "from_networkx"
    index = {}
    nodes = []
    for node, attrs in G.nodes(data=True):
        index[node] = len(nodes)
        key = _event_key(node) if attrs["layer"] == "event" else node
        nodes.append((f"node {node!r}", attrs["layer"], key, attrs))
    if G.is_multigraph():
        raw = G.edges(keys=True, data=True)
    else:
        raw = ((u, v, None, d) for u, v, d in G.edges(data=True))
    edges = [(f"edge ({u!r}, {v!r}, {k!r})" if k is not None else f"edge ({u!r}, {v!r})", index[u], index[v], k, d)
             for u, v, k, d in raw]
    return _network_from_parts(function, nodes, edges, G.graph)


def _network_from_igraph(h):
    function = "from_igraph"
    if "name" not in h.vs.attributes():
        raise InputError(f"{function}: a Network's graph names every vertex (vertex attribute 'name': the actor "
                         "or event key)")
    names = h.vs["name"]
    vattrs = h.vs.attributes()
    columns = {col: h.vs[col] for col in vattrs}
    nodes = [(f"vertex {i} ({names[i]!r})", columns["layer"][i], names[i],
              {col: columns[col][i] for col in vattrs}) for i in range(h.vcount())]
    eattrs = h.es.attributes()
    ecolumns = {col: h.es[col] for col in eattrs}
    edges = [(f"edge {i} ({names[u]!r}, {names[v]!r})", u, v, i, {col: ecolumns[col][i] for col in eattrs})
             for i, (u, v) in enumerate(h.get_edgelist())]
    graph_attrs = {name: h[name] for name in h.attributes()}
    return _network_from_parts(function, nodes, edges, graph_attrs)


# --- the public functions ---------------------------------------------------------

def to_networkx(x: "Graph | Network", *, include_sensitive: bool = False) -> "networkx.Graph":
    """A networkx graph of a verbind.Graph or verbind.Network.

    Graph: a networkx.Graph (DiGraph when directed) whose nodes are the
    Graph's labels (Graph.labels: ints when integer, else str), with edge
    attribute "weight" when the Graph is weighted.

    Network: a networkx.MultiDiGraph of two layers, laid out as
    Network.to_pandas's frames: actors (node = key; attributes layer="actor",
    bipartite=0 and the actors frame's columns) and events (node = key, or
    ("event", key) when an actor has the same key; layer="event",
    bipartite=1 and the events frame's columns); ties as edges a -> b (key =
    the tie's place in Network.ties(); layer="tie", kind, since, until,
    weight) and attendance as edges actor -> event (key = its place in
    Network.attendance(); layer="attendance", brought_by). As to_pandas, the
    default leaves special-category data out (sensitive groups, ties of
    sensitive kinds, sensitive events and their attendance);
    include_sensitive=True keeps it, with the marks as graph attributes
    sensitive_groups, sensitive_tie_kinds and sensitive_events. The graph
    attribute verbind="Network" marks it as a Network's (so an empty one
    comes back as a Network). from_networkx gives the Graph or Network back.
    """
    _check_bool(include_sensitive, "to_networkx", "include_sensitive")
    if _source(x, "to_networkx") == "graph":
        return _graph_to_networkx(x)
    return _network_to_networkx(x, include_sensitive)


def to_igraph(x: "Graph | Network", *, include_sensitive: bool = False) -> "igraph.Graph":
    """An igraph.Graph of a verbind.Graph or verbind.Network.

    Graph: vertices in position order, vertex attribute "name" the labels
    (ints when integer, else str), directed as the Graph, edge attribute
    "weight" when weighted.

    Network: a directed igraph.Graph with the actors then the events as
    vertices (attributes name = key, layer = "actor"/"event", and the
    frames' columns, None where a column is not the vertex's layer's), the
    ties (a -> b) then the attendance (actor -> event) as edges, in the
    Network's order (attributes layer = "tie"/"attendance", kind, since,
    until, weight, brought_by). include_sensitive as to_networkx; the marks
    become graph attributes. from_igraph gives the Graph or Network back.
    """
    _check_bool(include_sensitive, "to_igraph", "include_sensitive")
    if _source(x, "to_igraph") == "graph":
        return _graph_to_igraph(x)
    return _network_to_igraph(x, include_sensitive)


def _check_options(function, weight, duplicates, self_loops):
    if weight is not None and not isinstance(weight, str):
        raise TypeError(f"{function}(): weight must be an attribute name (str) or None, not {_type_name(weight)}")
    _check_choice(duplicates, function, "duplicates", _MERGES)
    _check_choice(self_loops, function, "self_loops", ("error", "drop"))


def from_networkx(
    G: "networkx.Graph",
    *,
    weight: "str | None" = "weight",
    duplicates: "Literal['error', 'sum', 'max', 'min', 'first']" = "error",
    self_loops: "Literal['error', 'drop']" = "error",
) -> "Graph | Network":
    """A verbind Graph or Network from a networkx graph.

    A graph whose nodes all carry attribute "layer" ("actor" or "event"), or
    whose graph attribute "verbind" is "Network", as to_networkx makes of a
    Network, becomes a Network (built as
    Network.from_pandas builds one: all or nothing, errors naming the node or
    edge). Any other graph becomes a Graph: its nodes are the labels (all int
    >= 0, or all str; integer labels are numbered by value as verbind numbers
    them), isolated nodes included; directed when G is; weighted from the
    edge attribute `weight` when some edge has it (an edge without it weighs
    1, as in networkx; None: unweighted). Parallel edges of a multigraph
    raise InputError unless duplicates says how to merge them ('sum', 'max',
    'min', 'first'); self-loops raise InputError unless self_loops='drop'.
    A negative, NaN or non-numeric weight raises InputError naming the edge.
    """
    if not _is_nx(G):
        hint = "; use verbind.from_igraph for igraph graphs" if _is_ig(G) else ""
        raise TypeError(f"from_networkx(): G must be {_ACCEPTED_NX}, not {_type_name(G)}{hint}")
    _check_options("from_networkx", weight, duplicates, self_loops)
    nodes = list(G.nodes(data="layer"))
    marked = G.graph.get("verbind") == "Network"
    if _layers("from_networkx", [layer for _, layer in nodes], lambda i: f"node {nodes[i][0]!r}", marked) == "network":
        return _network_from_networkx(G)
    with _no_gc():
        return _graph_from_networkx(G, weight, duplicates, self_loops)


def from_igraph(
    h: "igraph.Graph",
    *,
    weight: "str | None" = "weight",
    duplicates: "Literal['error', 'sum', 'max', 'min', 'first']" = "error",
    self_loops: "Literal['error', 'drop']" = "error",
) -> "Graph | Network":
    """A verbind Graph or Network from an igraph.Graph.

    As from_networkx: a graph with vertex attribute "layer" ("actor" or
    "event" on every vertex, as to_igraph makes of a Network) becomes a
    Network; any other a Graph, labelled by vertex attribute "name" (all int
    >= 0 or all str, each name once) or, without names, by vertex id, with
    weights from the edge attribute `weight` when it is set.
    """
    if not _is_ig(h):
        hint = "; use verbind.from_networkx for networkx graphs" if _is_nx(h) else ""
        raise TypeError(f"from_igraph(): h must be {_ACCEPTED_IG}, not {_type_name(h)}{hint}")
    _check_options("from_igraph", weight, duplicates, self_loops)
    layers = h.vs["layer"] if "layer" in h.vs.attributes() else [None] * h.vcount()
    names = h.vs["name"] if "name" in h.vs.attributes() else None

    def describe(i):
        return f"vertex {i}" + (f" ({names[i]!r})" if names is not None else "")

    marked = "verbind" in h.attributes() and h["verbind"] == "Network"
    if _layers("from_igraph", layers, describe, marked) == "network":
        return _network_from_igraph(h)
    with _no_gc():
        return _graph_from_igraph(h, weight, duplicates, self_loops)
