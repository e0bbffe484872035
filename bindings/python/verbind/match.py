"""verbind: the match capability.

Introductions across groups on shared talents, assignment (linear and
capacitated), stable buddy pairs and mixed tables. See docs/match.md.
"""

from ._verbind import (
    Introduction,
    Table,
    assign,
    blocking_pairs,
    introductions,
    linear_assignment,
    stable_match,
    tables,
)

__all__ = [
    "linear_assignment",
    "assign",
    "stable_match",
    "blocking_pairs",
    "introductions",
    "Introduction",
    "tables",
    "Table",
]
