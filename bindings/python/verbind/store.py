"""verbind: the store and privacy capability.

:func:`load` and ``Network.save`` keep a whole Network in one SQLite file;
:class:`Store` keeps one open and writes every change through. See
docs/store.md and docs/privacy.md.
"""

from ._verbind import (
    Store,
    SuppressedTable,
    load,
    pseudonym,
    pseudonymise,
    store_schema_version,
    suppress_small_cells,
    write_graphml,
)

__all__ = [
    "Store",
    "load",
    "store_schema_version",
    "pseudonymise",
    "pseudonym",
    "suppress_small_cells",
    "SuppressedTable",
    "write_graphml",
]
