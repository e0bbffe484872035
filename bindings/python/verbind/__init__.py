"""verbind: networks of neighbourhood connection programmes.

Residents, key figures and organisations, dated ties between them, events
and who brought whom, as a :class:`Network`; immutable :class:`Graph`
snapshots of it for analysis, with NumPy arrays in and out.
"""

from ._errors import CancelledError, Error, FileError, InputError, NotFoundError, ParseError
from ._verbind import (
    Graph,
    Network,
    __version__,
    davis_southern_women,
    read_csv,
    read_edgelist,
    read_json,
    sample_programme,
)

__all__ = [
    "__version__",
    "Network",
    "Graph",
    "read_edgelist",
    "read_csv",
    "read_json",
    "sample_programme",
    "davis_southern_women",
    "Error",
    "InputError",
    "ParseError",
    "NotFoundError",
    "FileError",
    "CancelledError",
]
