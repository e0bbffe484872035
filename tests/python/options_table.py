"""Every option of every public operation, on each face, with its default.

In the spirit of igraph's functions.yaml: one table that says, per operation,
which C++ Options struct, which C options struct and which Python function
carry it, and what the default is. tests/python/test_options_parity.py reads
this and checks

- C++: verbind._verbind._option_defaults() (each value read from a
  default-constructed C++ struct, bindings/python/options.cpp);
- C: the C struct filled by its vb_*_options_init_sized in libverbind.so
  (through ctypes, with the struct's layout read from verbind.h);
- Python: inspect.signature of the public function;

and fails when a face lacks an option that is not listed as absent here, has
one the table does not list, or a default differs.

An option is ``Opt(name, default, **faces)``: ``name`` is the option's name
on every face unless a face says otherwise, ``default`` is the default as
Python spells it (None: not given). Per face (``cpp``, ``c``, ``py``):

- omitted: the face has the option under ``name`` with ``default``;
- ``Same(value)``: the face has it under ``name`` with this spelling of the
  default (C has no None: a NULL pointer is 0, "no seed" is the library's
  fixed default seed, an enum is its number);
- ``Field(field, value)``: the face has it under another name;
- ``Absent("why")``: the face does not have it, and why.

Defaults below are the documented ones (docs/*.md, verbind.h's comments),
written by hand: the table is the specification the faces are held to.
"""

from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional


@dataclass(frozen=True)
class Same:
    value: Any


@dataclass(frozen=True)
class Field:
    name: str
    value: Any


@dataclass(frozen=True)
class Absent:
    why: str


@dataclass
class Opt:
    name: str
    default: Any
    cpp: Any = None
    c: Any = None
    py: Any = None

    def face(self, which: str):
        """(name, default) of this option on a face, or an Absent."""
        spec = getattr(self, which)
        if spec is None:
            return self.name, self.default
        if isinstance(spec, Absent):
            return spec
        if isinstance(spec, Same):
            return self.name, spec.value
        if isinstance(spec, Field):
            return spec.name, spec.value
        raise TypeError(f"{self.name}: bad face spec {spec!r}")


@dataclass
class Operation:
    python: str                      # the public function ("social_map", "Network.graph")
    cpp: str                         # the C++ Options struct
    c: Optional[str]                 # the C options struct typedef, or None
    c_why: str = ""                  # why there is no C struct
    options: List[Opt] = field(default_factory=list)
    # C fields that are not options of their own (array lengths, callback
    # data), with their defaults.
    c_extra: Dict[str, Any] = field(default_factory=dict)


DEFAULT_SEED = 0x766572_62696E64  # verbind::default_seed, "verbind"; what C uses for "no seed"
NULL = 0                          # a NULL pointer as ctypes reads it (None) is compared as 0
NO_PROGRESS = Same(NULL)

C_ONLY_SEED = "C has no None: the field holds the seed"
NO_PY_PROGRESS = Absent("not offered in Python yet (gap: issue 14)")

PERIOD_MONTH = 1        # VB_PERIOD_MONTH
AREA_MUNICIPALITY = 0   # VB_AREA_MUNICIPALITY
MODEL_IC = 0            # VB_MODEL_INDEPENDENT_CASCADE
PROBABILITY_WC = 0      # VB_PROBABILITY_WEIGHTED_CASCADE
COMMUNITY_LEIDEN = 0    # VB_COMMUNITY_LEIDEN
MERGE_MAX = 2           # VB_MERGE_MAX

CENTRALITY_C_EXTRA = {"progress_data": NULL}
PROGRESS_DATA = {"progress_data": NULL}


def seed() -> Opt:
    return Opt("seed", None, c=Same(DEFAULT_SEED))


def threads() -> Opt:
    return Opt("threads", 0)


def progress() -> Opt:
    return Opt("progress", None, c=NO_PROGRESS)


def date(name: str) -> Opt:
    return Opt(name, None, c=Same(NULL))


def include_sensitive(default: bool = False) -> Opt:
    return Opt("include_sensitive", default, c=Same(int(default)))


OPERATIONS: List[Operation] = [
    Operation(
        python="social_map", cpp="SocialMapOptions", c="vb_social_map_options_t",
        options=[
            Opt("municipality", None, c=Same(NULL)),
            Opt("neighbourhood", None, c=Same(NULL)),
            date("start"), date("end"),
            Opt("top", 10),
            seed(), threads(),
            Opt("min_cell", 10),
            include_sensitive(),
            progress(),
        ],
        c_extra=PROGRESS_DATA,
    ),
    Operation(
        python="timeline", cpp="TimelineOptions", c="vb_timeline_options_t",
        options=[
            Opt("period", "month", c=Same(PERIOD_MONTH)),
            Opt("by", "municipality", c=Same(AREA_MUNICIPALITY)),
            date("start"), date("end"),
            Opt("min_cell", 10),
            include_sensitive(),
            Opt("permutations", 200),
            seed(), threads(), progress(),
            Opt("groups", None, c=Same(NULL)),
            Opt("friending_days", 30),
        ],
        c_extra={"progress_data": NULL, "group_count": 0},
    ),
    Operation(
        python="report", cpp="ReportOptions", c="vb_report_options_t",
        options=[
            Opt("path", None, cpp=Absent("where to write is the call's argument: write_report(net, options, path)"),
                c=Absent("the call's argument: vb_report_write(net, path, options)")),
            Opt("municipality", None, c=Same(NULL)),
            Opt("period", "month", c=Same(PERIOD_MONTH)),
            Opt("top", 10),
            Opt("train", 5),
            seed(),
            Opt("max_drawn_nodes", 2500),
            Opt("min_cell", 10),
            include_sensitive(),
            Opt("title", None, c=Same(NULL)),
            threads(), progress(),
            Opt("lang", "en", c=Same(NULL)),
        ],
        c_extra=PROGRESS_DATA,
    ),
    Operation(
        python="spread", cpp="SpreadOptions", c="vb_spread_options_t",
        options=[
            Opt("model", "ic", c=Same(MODEL_IC)),
            # Python's probability: None (weighted cascade), a float (uniform
            # with that probability) or "weights"; C and C++ split it in two.
            Opt("probability", None, c=Same(PROBABILITY_WC)),
            Opt("uniform_probability", 0.1, py=Absent("probability=<float> sets it")),
            Opt("runs", 10000),
            seed(), threads(), progress(),
        ],
        c_extra=PROGRESS_DATA,
    ),
    Operation(
        python="influence_max", cpp="InfluenceOptions", c="vb_influence_options_t",
        options=[
            Opt("model", "ic", c=Same(MODEL_IC)),
            Opt("probability", None, c=Same(PROBABILITY_WC)),
            Opt("uniform_probability", 0.1, py=Absent("probability=<float> sets it")),
            Opt("epsilon", 0.1),
            # None: 1 / node count; C spells "not given" 0.
            Opt("delta", None, c=Same(0.0)),
            seed(), threads(),
            Opt("candidates", None, c=Same(NULL)),
            Opt("fixed", (), c=Same(NULL)),
            Opt("groups", None, cpp=Absent("the fair variant's argument: fair_influence_max(g, k, groups, options)"),
                c=Same(NULL)),
            progress(),
            # Python's None is "the library's default" (4 GiB).
            Opt("max_memory_bytes", 4 << 30, py=Same(None)),
        ],
        c_extra={"candidate_count": 0, "fixed_count": 0, "progress_data": NULL},
    ),
    Operation(
        python="temporal_reach", cpp="NetworkTemporalOptions", c="vb_temporal_network_options_t",
        options=[
            date("end"),
            # None: no limit; C spells it -1.
            Opt("max_wait", None, c=Same(-1)),
            include_sensitive(),
        ],
        # start is required in Python (no default) and in C (NULL is refused).
        c_extra={"start": NULL},
    ),
    Operation(
        python="cascades", cpp="CascadeOptions", c="vb_cascade_options_t",
        options=[date("start"), date("end"), include_sensitive()],
    ),
    Operation(
        python="betweenness", cpp="BetweennessOptions", c="vb_centrality_options_t",
        options=[
            Opt("normalized", True, c=Same(1)),
            # C: -1 is "the measure's default" (one struct for every measure).
            Opt("weighted", False, c=Same(-1)),
            Opt("samples", None, c=Same(0)),
            seed(), threads(), progress(),
        ],
        c_extra=CENTRALITY_C_EXTRA,
    ),
    Operation(
        python="closeness", cpp="DistanceOptions", c="vb_centrality_options_t",
        options=[Opt("weighted", False, c=Same(-1)), threads(), progress()],
        c_extra=CENTRALITY_C_EXTRA,
    ),
    Operation(
        python="harmonic", cpp="DistanceOptions", c="vb_centrality_options_t",
        options=[Opt("weighted", False, c=Same(-1)), threads(), progress()],
        c_extra=CENTRALITY_C_EXTRA,
    ),
    Operation(
        python="pagerank", cpp="PageRankOptions", c="vb_centrality_options_t",
        options=[
            Opt("damping", 0.85),
            Opt("personalization", None, c=Same(NULL)),
            Opt("weighted", True, c=Same(-1)),
            Opt("tol", 1e-10),
            Opt("max_iter", 1000),
            threads(),
            Opt("progress", None, c=NO_PROGRESS, py=NO_PY_PROGRESS),
        ],
        c_extra=CENTRALITY_C_EXTRA,
    ),
    Operation(
        python="eigenvector", cpp="EigenvectorOptions", c="vb_centrality_options_t",
        options=[Opt("weighted", True, c=Same(-1)), Opt("tol", 1e-10), Opt("max_iter", 1000)],
        c_extra=CENTRALITY_C_EXTRA,
    ),
    Operation(
        python="constraint", cpp="BrokerageOptions", c="vb_centrality_options_t",
        options=[Opt("weighted", False, c=Same(-1)), threads()],
        c_extra=CENTRALITY_C_EXTRA,
    ),
    Operation(
        python="effective_size", cpp="BrokerageOptions", c="vb_centrality_options_t",
        options=[Opt("weighted", False, c=Same(-1)), threads()],
        c_extra=CENTRALITY_C_EXTRA,
    ),
    Operation(
        python="communities", cpp="CommunityOptions", c="vb_community_options_t",
        options=[
            Opt("method", "leiden", c=Same(COMMUNITY_LEIDEN)),
            Opt("resolution", 1.0),
            seed(), threads(), progress(),
        ],
        c_extra=PROGRESS_DATA,
    ),
    Operation(
        python="expected_ei_index", cpp="ExpectedEIOptions", c="vb_expected_ei_options_t",
        options=[Opt("permutations", 1000), seed(), threads(), progress()],
        c_extra=PROGRESS_DATA,
    ),
    Operation(
        python="introductions", cpp="IntroductionOptions", c="vb_introduction_options_t",
        options=[
            Opt("per_person", 2),
            # None: no limit; C spells it -1.
            Opt("limit", None, c=Same(-1)),
            Opt("municipality", None, c=Same(NULL)),
            date("start"), date("end"),
            Opt("min_shared", 1),
            seed(), threads(),
            include_sensitive(),
            Opt("progress", None, c=Absent("not offered in C yet (gap: issue 14)")),
            Opt("candidates_per_person", 50, c=Absent("C++ tuning only"), py=Absent("C++ tuning only")),
            Opt("bridge_bonus", 0.5, c=Absent("C++ tuning only"), py=Absent("C++ tuning only")),
            Opt("introducer_bonus", 1.0, c=Absent("C++ tuning only"), py=Absent("C++ tuning only")),
            Opt("communities", None, c=Absent("C++ only: labels computed by the caller"),
                py=Absent("C++ only: labels computed by the caller")),
        ],
    ),
    Operation(
        python="tables", cpp="TableOptions", c="vb_table_options_t",
        options=[Opt("size", 8), seed()],
    ),
    Operation(
        python="suppress_small_cells", cpp="SuppressionOptions", c="vb_suppression_options_t",
        options=[Opt("min_cell", 10)],
    ),
    Operation(
        python="Network.graph", cpp="ViewOptions", c="vb_view_options_t",
        options=[
            Opt("kinds", None, c=Same(NULL)),
            date("start"), date("end"),
            Opt("neighbourhoods", None, c=Same(NULL)),
            Opt("residents_only", False, c=Same(0)),
            Opt("co_attendance", False, c=Same(0)),
            Opt("directed", False, c=Same(0)),
            Opt("merge", "max", c=Same(MERGE_MAX)),
            include_sensitive(),
        ],
        c_extra={"kind_count": 0, "neighbourhood_count": 0},
    ),
    Operation(
        python="read_csv", cpp="CsvOptions", c="vb_csv_options_t",
        options=[
            # C: 0 is "each file's own" (Python None).
            Opt("delimiter", None, c=Same(0)),
            # C: NULL is the C++ default, UTF-8.
            Opt("encoding", "utf-8", c=Same(NULL)),
            # C: three parallel arrays of column_count renames.
            Opt("columns", None, c=Field("column_count", 0)),
            Opt("dayfirst", True, c=Same(1)),
            progress(),
            Opt("warning", None, c=Same(NULL), cpp=Absent("read_csv's warnings argument collects them"),
                py=Absent("warnings are issued as Python warnings")),
        ],
        c_extra={"column_files": NULL, "column_from": NULL, "column_to": NULL, "warning_data": NULL,
                 "progress_data": NULL},
    ),
    Operation(
        python="read_edgelist", cpp="EdgeListOptions", c="vb_edge_list_options_t",
        options=[
            Opt("directed", False, c=Same(0)),
            # Python's weights: a column number or name, None: unweighted.
            Opt("weights", None, cpp=Field("weight_column", None), c=Field("weight_column", 0)),
            # C: NULL is the C++ default, "#%".
            Opt("comments", "#%", c=Same(NULL)),
            Opt("delimiter", None, c=Same(0)),
            # None: detect (C 0).
            Opt("header", None, c=Same(0)),
            # Python: None is "error" (VB_MERGE_ERROR, 0).
            Opt("duplicates", "error", c=Same(0), py=Same(None)),
            Opt("self_loops", "error", c=Same(0)),
            progress(),
        ],
        c_extra=PROGRESS_DATA,
    ),
    Operation(
        python="load_graph", cpp="LoadGraphOptions", c=None,
        c_why="two functions: vb_graph_load verifies the checksum, vb_graph_load_unverified does not",
        options=[Opt("verify", True, cpp=Field("verify_checksum", True))],
    ),
    Operation(
        python="Graph.from_edges", cpp="EdgeListOptions", c="vb_edge_list_options_t",
        options=[
            Opt("n", None, cpp=Absent("the call's argument"), c=Absent("vb_graph_from_edges' node_count")),
            Opt("weights", None, cpp=Absent("the call's argument"), c=Absent("vb_graph_from_edges' weights")),
            Opt("directed", False, c=Same(0)),
            Opt("duplicates", "error", c=Same(0)),
            Opt("self_loops", "error", c=Same(0)),
            # The reader's options, in the same struct: from_edges ignores them.
            Opt("weight_column", None, c=Same(0), py=Absent("edge-list files only")),
            Opt("comments", "#%", c=Same(NULL), py=Absent("edge-list files only")),
            Opt("delimiter", None, c=Same(0), py=Absent("edge-list files only")),
            Opt("header", None, c=Same(0), py=Absent("edge-list files only")),
            Opt("progress", None, c=NO_PROGRESS, py=Absent("edge-list files only")),
        ],
        c_extra=PROGRESS_DATA,
    ),
    Operation(
        python="Network.write_csv", cpp="ExportOptions", c="vb_export_options_t",
        options=[include_sensitive()],
    ),
    Operation(
        python="Network.write_json", cpp="ExportOptions", c="vb_export_options_t",
        options=[include_sensitive()],
    ),
    Operation(
        python="write_graphml", cpp="ExportOptions", c="vb_export_options_t",
        options=[include_sensitive()],
    ),
    Operation(
        python="sample_programme", cpp="SampleOptions", c="vb_sample_options_t",
        options=[Opt("seed", 2022), Opt("scale", 1.0)],
    ),
    Operation(
        python="assign", cpp="AssignOptions", c="vb_assign_options_t",
        options=[
            # C: a count of 0 (NULL array) is the default, 1 for every row/column.
            Opt("row_capacity", 1, c=Field("row_capacity_count", 0)),
            Opt("col_capacity", 1, c=Field("col_capacity_count", 0)),
            Opt("maximize", False, c=Same(0)),
        ],
        c_extra={"row_capacity": NULL, "col_capacity": NULL},
    ),
]

# Public functions whose keyword options are not in the table yet, keyword by
# keyword: the discovery check fails for any keyword neither tabled nor
# listed here, so a new option cannot slip in unlisted. (What remains of
# issue 14's table: readers, writers, the model's add_* and matching.)
NOT_YET_TABLED: Dict[str, List[str]] = {
    "read_json": ["progress"],
    "to_networkx": ["include_sensitive"],
    "from_networkx": ["weight", "duplicates", "self_loops"],
    "to_igraph": ["include_sensitive"],
    "from_igraph": ["weight", "duplicates", "self_loops"],
    "betweenness_sources": ["seed"],
    "modularity": ["resolution"],
    "ei_index": ["per_group"],
    "assortativity": [],
    "hop_reach": ["hops"],
    "linear_assignment": ["maximize"],
    "stable_match": ["capacities"],
    "blocking_pairs": ["capacities"],
    "load": ["progress"],
    "pseudonym": ["kind"],
    "read_contacts": [],
}
