"""Which capability may use which (issue 14, "Rooms that say what they hold").

Reads the table between the capability-uses markers of ARCHITECTURE.md (its
one source), parses every #include "..." of include/, src/, capi/ and
bindings/python/, maps each file to its capability and fails on:
- a use of a capability the table does not allow,
- a relative include that climbs out of its capability folder ("../"),
- a capability folder the table does not name.
Today's violations are the KNOWN_EXCEPTIONS below, each with the issue-14
item that removes it; an exception that no longer occurs fails too, so the
list only shrinks. Needs no build.
"""

import pathlib
import re

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]
BASE = {"error.hpp", "version.hpp"}  # include/verbind/*.hpp every capability may use
UMBRELLA = "verbind.hpp"  # for users only: nothing in the library includes it
INCLUDE = re.compile(r'^\s*#\s*include\s*"([^"]+)"', re.M)

# (file, include as written): today's uses the table does not allow. Remove a
# line when its item is done; the test fails while a listed one no longer occurs.
KNOWN_EXCEPTIONS: set[tuple[str, str]] = set()  # none left (issue 14's items are done)


def read_table(text):
    """{capability: set of capabilities it may use} from the block between
    the capability-uses markers; '-' means none."""
    match = re.search(r"<!-- capability-uses: begin[^>]*-->(.*?)<!-- capability-uses: end -->", text, re.S)
    if match is None:
        raise AssertionError("ARCHITECTURE.md has no <!-- capability-uses: begin --> ... end --> block")
    table = {}
    for number, line in enumerate(match.group(1).splitlines(), 1):
        line = line.split("#", 1)[0].strip()
        if not line or line.startswith("```"):
            continue
        name, *uses = line.split()
        if name in table:
            raise AssertionError(f"ARCHITECTURE.md capability-uses line {number}: {name} twice")
        table[name] = set() if uses == ["-"] else set(uses)
    for name, uses in table.items():
        unknown = uses - set(table)
        if unknown:
            raise AssertionError(f"ARCHITECTURE.md capability-uses: {name} may use {sorted(unknown)}, which have no row")
    return table


def capability_of(path):
    """The capability of a repository-relative path (a PurePosixPath), '' for
    the top-level headers and sources, None outside the checked folders."""
    parts = path.parts
    if parts[:2] == ("include", "verbind"):
        return parts[2] if len(parts) > 3 else ""
    if parts[0] == "src":
        return parts[1] if len(parts) > 2 else ""
    if parts[0] == "capi":
        return "capi"
    if parts[:2] == ("bindings", "python"):
        return "bindings"
    if parts[0] == "mpi":
        return "mpi"
    return None


def sources(root):
    for top in ("include", "src", "capi", "bindings/python", "mpi"):
        for path in sorted((root / top).rglob("*")):
            if path.is_file() and path.suffix in {".h", ".hpp", ".c", ".cpp", ".ipp"}:
                yield pathlib.PurePosixPath(path.relative_to(root).as_posix())


def check(root, table):
    """(problems, exceptions met): every include the table does not allow."""
    problems, met = [], set()
    folders = set()
    for path in sources(root):
        own = capability_of(path)
        if own:
            folders.add(own)
        for written in INCLUDE.findall((root / path).read_text(encoding="utf-8", errors="replace")):
            where = f"{path}: #include \"{written}\""
            problem = None
            if written.startswith("verbind/"):
                target = written.split("/")
                used = target[1] if len(target) > 2 else ""
                if used == "" and target[1] == UMBRELLA:
                    problem = f"{where}: the umbrella header is for users; include what is used"
                elif used == "" and target[1] not in BASE:
                    problem = f"{where}: no such top-level header is shared"
            elif written == "verbind.h":
                used = "capi"
            else:
                resolved = resolve(root, path, written)
                used = capability_of(resolved)
                if ".." in pathlib.PurePosixPath(written).parts and used != own:
                    problem = f"{where}: a ../ include across capability folders ({own or 'top'} -> {used})"
            if problem is None and used and used != own:
                if own == "":
                    if path.name != UMBRELLA:
                        problem = f"{where}: the shared top-level files ({', '.join(sorted(BASE))}) use no capability"
                elif own not in table:
                    problem = f"{path}: capability '{own}' has no row in ARCHITECTURE.md's table"
                elif used not in table[own]:
                    problem = f"{where}: {own} may not use {used} (ARCHITECTURE.md's table)"
            if problem is not None:
                if (str(path), written) in KNOWN_EXCEPTIONS:
                    met.add((str(path), written))
                else:
                    problems.append(problem)
    for folder in sorted(folders - set(table)):
        problems.append(f"capability folder '{folder}' has no row in ARCHITECTURE.md's table")
    return problems, met


def resolve(root, path, written):
    """Where an #include "written" of `path` leads, as the compiler looks:
    beside the including file first, then in src/ (the core's internal
    include directory, ARCHITECTURE.md: "graph/builder.hpp" is
    src/graph/builder.hpp)."""
    beside = pathlib.PurePosixPath(*_normalise((path.parent / written).parts))
    if (root / beside).exists():
        return beside
    internal = pathlib.PurePosixPath("src", *_normalise(pathlib.PurePosixPath(written).parts))
    if (root / internal).exists():
        return internal
    return beside


def _normalise(parts):
    out = []
    for part in parts:
        if part == "..":
            if out:
                out.pop()
        elif part != ".":
            out.append(part)
    return out


@pytest.fixture(scope="module")
def table():
    return read_table((REPO / "ARCHITECTURE.md").read_text(encoding="utf-8"))


def test_the_table_says_what_the_design_says(table):
    # The sentence of ARCHITECTURE.md/DESIGN.md, checked against the table:
    # match and evaluate use socialmap; report uses every core capability;
    # nothing in the core uses report; the faces use the core, never each other.
    # mpi/ (libverbind_mpi, issue 18) is a face over the C ABI: the one face
    # that uses another (capi), and the CLI may compile in its MPI adaptor.
    faces = {"cli", "capi", "bindings", "mpi"}
    core = set(table) - faces - {"report"}
    assert "socialmap" in table["match"] and "socialmap" in table["evaluate"]
    assert table["report"] == core
    assert all("report" not in table[c] for c in core)
    allowed = {("mpi", "capi"), ("cli", "mpi")}
    assert all((f, g) in allowed for f in faces for g in table[f] & faces)
    assert table["util"] == set()


def test_includes_follow_the_table(table):
    problems, met = check(REPO, table)
    assert not problems, "\n".join(problems)
    stale = KNOWN_EXCEPTIONS - met
    assert not stale, f"known exceptions that no longer occur (remove them from KNOWN_EXCEPTIONS): {sorted(stale)}"


def _tree(root, files):
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


TABLE = """<!-- capability-uses: begin -->
```
util   -
model  util
graph  model util
report model util graph
cli    model util graph report
capi   model util graph report
bindings model util graph report
```
<!-- capability-uses: end -->"""


# An internal header of graph, reached through src/ (the internal include directory).
INTERNAL = {"src/graph/inner.hpp": "// graph's internal header\n"}


@pytest.mark.parametrize("name, text, expected", [
    ("src/graph/ok.cpp", '#include "verbind/model/network.hpp"\n#include "verbind/error.hpp"\n#include "builder.hpp"\n', None),
    ("src/model/up.cpp", '#include "verbind/graph/graph.hpp"\n', "model may not use graph"),
    ("include/verbind/util/x.hpp", '  #  include "verbind/model/network.hpp"\n', "util may not use model"),
    ("src/graph/rel.cpp", '#include "../model/inner.hpp"\n', "a ../ include across capability folders"),
    ("src/graph/deeper/rel.cpp", '#include "../inner.hpp"\n', None),  # stays in graph
    ("src/graph/u.cpp", '#include "verbind/verbind.hpp"\n', "umbrella"),
    ("src/newcap/x.cpp", '#include "verbind/model/network.hpp"\n', "'newcap' has no row"),
    ("src/model/r.cpp", '#include "verbind/report/report.hpp"\n', "model may not use report"),
    ("include/verbind/error.hpp", '#include "verbind/model/network.hpp"\n', "use no capability"),
    ("include/verbind/verbind.hpp", '#include "verbind/report/report.hpp"\n', None),
    ("capi/x.cpp", '#include "verbind.h"\n#include "verbind/report/report.hpp"\n', None),
    ("src/cli/x.cpp", '#include "verbind.h"\n', "cli may not use capi"),
    ("bindings/python/x.cpp", '#include "../../capi/capi_internal.hpp"\n', "across capability folders"),
    # Through src/, the internal include directory: checked as a use of graph.
    ("src/report/internal.cpp", '#include "graph/inner.hpp"\n', None),
    ("src/model/internal.cpp", '#include "graph/inner.hpp"\n', "model may not use graph"),
    ("src/graph/beside.cpp", '#include "inner.hpp"\n', None),
])
def test_the_check_catches_what_it_should(tmp_path, name, text, expected):
    table = read_table(TABLE)
    _tree(tmp_path, {"ARCHITECTURE.md": TABLE, **INTERNAL, name: text})
    problems, _ = check(tmp_path, table)
    if expected is None:
        assert problems == []
    else:
        assert len(problems) >= 1 and all(name in p or "newcap" in p for p in problems), problems
        assert any(expected in p for p in problems), problems


def test_a_table_without_markers_or_with_an_unknown_use_is_refused():
    with pytest.raises(AssertionError, match="no <!-- capability-uses"):
        read_table("no table here")
    with pytest.raises(AssertionError, match="have no row"):
        read_table("<!-- capability-uses: begin -->\nmodel util\n<!-- capability-uses: end -->")


# --- one text helper ----------------------------------------------------------
# One number-to-text, one JSON string escape and one markup escape for the
# whole library: verbind/util/text.hpp (issue 14). A copy elsewhere is found
# by what every copy has to write: a printf float format or std::to_chars,
# JSON's \u00XX, markup's &amp; in a switch on the character.
COPY_PATTERNS = {
    "number-to-text": re.compile(r'snprintf\s*\([^;]*"[^"]*%[-+ #0]*\d*(?:\.(?:\d+|\*))?[fgeEG]|\bto_chars\s*\('),
    "JSON string escape": re.compile(r'"\\\\u00"|\\\\u%04x'),
    "markup escape": re.compile(r"case\s+'&'\s*:\s*\w+\s*\+=\s*\"&amp;\""),
}
HELPER_HOME = "src/util/text.cpp"
# Escapes that are not copies: GraphML's XML 1.0 escape also writes tab and
# line breaks as character references and refuses what XML cannot hold.
NOT_COPIES = {("src/io/graphml.cpp", "markup escape")}
# Copies in files being rewritten while the helper arrived (issue 14) were
# listed here until their files called the helper. Like KNOWN_EXCEPTIONS,
# the list only shrinks: a listed copy that no longer occurs fails.
KNOWN_COPIES: set[tuple[str, str]] = set()  # none left: every copy calls verbind/util/text.hpp


def text_copies(root):
    """{(file, kind)} of every copy of a text helper outside its home."""
    found = set()
    for path in sources(root):
        if str(path) == HELPER_HOME:
            continue
        code = (root / path).read_text(encoding="utf-8", errors="replace")
        code = re.sub(r"//[^\n]*", "", code)  # comments may name the formats
        for kind, pattern in COPY_PATTERNS.items():
            if pattern.search(code) and (str(path), kind) not in NOT_COPIES:
                found.add((str(path), kind))
    return found


def test_text_helpers_have_one_home():
    found = text_copies(REPO)
    new = sorted(found - KNOWN_COPIES)
    assert not new, ("copies of a text helper; call verbind/util/text.hpp (number_text, append_json_string, "
                     f"append_markup_escaped, join) instead: {new}")
    stale = sorted(KNOWN_COPIES - found)
    assert not stale, f"copies that are gone (remove them from KNOWN_COPIES): {stale}"


@pytest.mark.parametrize("code, kind", [
    ('std::snprintf(buffer, sizeof buffer, "%.17g", x);', "number-to-text"),
    ('std::snprintf(b, sizeof b, "%.*f", digits, value);', "number-to-text"),
    ('snprintf(q, sizeof q, "%.3f", map.modularity);', "number-to-text"),
    ('const auto r = std::to_chars(buffer, buffer + 64, value);', "number-to-text"),
    ('out += "\\\\u00";', "JSON string escape"),
    ('std::snprintf(buffer, sizeof buffer, "\\\\u%04x", c);', "JSON string escape"),
    ("case '&': out += \"&amp;\"; break;", "markup escape"),
    ('std::snprintf(text, sizeof text, "%04d-%02d-%02d", y, m, d);', None),  # a date, not a double
    ('// "%.17g" in a comment', None),
    ('throw parse_error("escape it as \\\\u00XX");', None),
    ('html += "Fruchterman &amp; Reingold";', None),
])
def test_the_copy_check_catches_what_it_should(tmp_path, code, kind):
    _tree(tmp_path, {"src/x/copy.cpp": code + "\n", HELPER_HOME: code + "\n"})
    found = text_copies(tmp_path)
    assert found == ({("src/x/copy.cpp", kind)} if kind else set())
