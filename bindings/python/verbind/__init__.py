"""verbind: networks of neighbourhood connection programmes.

Residents, key figures and organisations, dated ties between them, events
and who brought whom, as a :class:`Network`; immutable :class:`Graph`
snapshots of it for analysis, with NumPy arrays in and out.
"""

from ._errors import CancelledError, CsvWarning, Error, FileError, InputError, NotFoundError, ParseError
from . import _nodump, _verbind

# Before any name is taken from the extension: its argument errors never
# show argument values (verbind/_nodump.py).
_nodump.install(_verbind)

from ._verbind import (  # noqa: E402
    Graph,
    Network,
    __version__,
    davis_southern_women,
    load_graph,
    max_threads,
    read_csv,
    read_edgelist,
    read_json,
    sample_programme,
    set_max_threads,
)
from . import _pandas  # noqa: E402

# Network.from_pandas and Network.to_pandas (verbind/_pandas.py).
_pandas.install(Network)

# Network.actors(), ties(), events() and attendance() give Records: lists a
# notebook shows short (verbind/_records.py).
from . import _records  # noqa: E402
from ._records import Records  # noqa: E402

_records.install(Network)

# networkx and igraph in and out (verbind/_interop.py); they are imported only when used.
from ._interop import from_igraph, from_networkx, to_igraph, to_networkx  # noqa: E402

__all__ = [
    "__version__",
    "Network",
    "Graph",
    "read_edgelist",
    "load_graph",
    "read_csv",
    "read_json",
    "sample_programme",
    "davis_southern_women",
    "set_max_threads",
    "max_threads",
    "Error",
    "InputError",
    "ParseError",
    "NotFoundError",
    "FileError",
    "CancelledError",
    "CsvWarning",
    "Records",
    "to_networkx",
    "from_networkx",
    "to_igraph",
    "from_igraph",
]

# Each capability keeps its Python names in its own module, with its own
# __all__: verbind/socialmap.py, reach.py, match.py, store.py, evaluate.py,
# report.py. The lists are read before the star imports: afterwards
# `report` names the function, not its module.
from . import evaluate, match, reach, report, socialmap, store  # noqa: E402

for _module in (socialmap, reach, match, store, evaluate, report):
    __all__ += _module.__all__
del _module

from .match import *  # noqa: E402,F401,F403
from .reach import *  # noqa: E402,F401,F403
from .socialmap import *  # noqa: E402,F401,F403
from .store import *  # noqa: E402,F401,F403
from .evaluate import *  # noqa: E402,F401,F403
from .report import *  # noqa: E402,F401,F403

# to_pandas, equality, short reprs and _repr_html_ on every result (verbind/_results.py).
from . import _results  # noqa: E402

_results.install()

# Last, once every public name is defined: a public function or method
# written in Python called with a keyword it does not take names the valid
# ones (verbind/_nodump.py; the extension's were guarded at the top).
_nodump.install_python(__import__("sys").modules[__name__])
