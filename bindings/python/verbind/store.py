"""verbind: the store and privacy capability.

:func:`load` and ``Network.save`` keep a whole Network in one SQLite file;
:class:`Store` keeps one open and writes every change through. See
docs/store.md and docs/privacy.md.
"""

from __future__ import annotations

from . import _verbind
from ._verbind import (
    Store,
    SuppressedTable,
    load,
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


# pseudonymise and pseudonym take the secret. They are plain Python functions
# so that a call with wrong arguments fails in Python's own argument parsing,
# whose messages name parameters, never values; the C++ side checks types and
# values by hand. No message of either ever contains the secret.


def pseudonymise(network: Network, secret: bytes) -> Network:
    """A copy of network whose actor and event keys are replaced by keyed hashes:
    hex(HMAC-SHA-256(secret, "verbind:actor:" + key)) (events: "verbind:event:").
    The same secret gives the same pseudonyms, so exports can be joined by whoever
    holds the secret. secret: bytes, at least 32 (for example
    secrets.token_bytes(32)). Raises InputError for a shorter secret, TypeError
    for a network that is not a verbind.Network or a secret that is not bytes;
    no message shows the secret."""
    return _verbind._pseudonymise(network, secret)


def pseudonym(key: str, secret: bytes, *, kind: Literal["actor", "event"] = "actor") -> str:
    """The pseudonym pseudonymise() gives one actor (kind='actor') or event
    (kind='event') key. Raises InputError for a key the Network would refuse
    (empty, not valid UTF-8, control characters, leading or trailing blanks)
    or a short secret; no message shows the secret."""
    return _verbind._pseudonym(key, secret, kind)
