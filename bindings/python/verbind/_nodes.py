"""Node identity for verbind's Python modules (docs/python.md, "Node identity").

Every node argument goes through the one converter in the extension
(bindings/python/nodes.cpp): a str is a label; an int is a label when the
graph's labels are integers and a position when they are text. These helpers
use it for arguments the Python modules take apart themselves.
"""

from ._errors import InputError
from . import _verbind


def positions(g, nodes, function, param):
    """Positions (int64 array) of one node or an iterable of nodes."""
    return _verbind._positions(g, nodes, function, param)


def is_mapping(values):
    """A dict-like from node to value (a dict, a Mapping, a pandas Series)."""
    if hasattr(values, "keys") and hasattr(values, "items") and hasattr(values, "__getitem__"):
        return True
    return False


def per_node(g, values, function, param):
    """A list with one value per position, from a mapping node -> value
    (a dict keyed by labels or positions, or a pandas Series indexed by
    label, as Graph.to_series gives); every node must be named once.
    Anything else is returned unchanged (a sequence in position order)."""
    if not is_mapping(values):
        return values
    out = [None] * g.num_nodes
    given = [False] * g.num_nodes
    for node, value in values.items():
        i = int(positions(g, node, function, param)[0])
        if given[i]:
            raise InputError(f"{function}: {param} names node {g.keys[i]!r} twice")
        given[i] = True
        out[i] = value
    if not all(given):
        missing = given.index(False)
        raise InputError(f"{function}: {param} has no entry for node {g.keys[missing]!r} "
                         f"({given.count(False)} of {g.num_nodes} nodes missing)")
    return out


def labels_at(g, nodes):
    """The labels of these positions, as Graph.labels gives them."""
    labels = g.labels
    if isinstance(labels, list):
        return [labels[int(i)] for i in nodes]
    return labels[nodes]
