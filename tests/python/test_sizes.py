"""Rooms of a readable size (issue 14, "Rooms that say what they hold").

Fails on any source file in include/, src/, capi/ and bindings/python/ over
MAX_FILE_LINES lines and on any C or C++ function body over MAX_FUNCTION_LINES
lines. The function bodies are found by a small brace-matching scanner that
skips comments, string and character literals (raw strings included): a
'{' outside every function body whose code before it ends in ')' (with
const/noexcept/override/final/mutable, a trailing return type or a
constructor's member initialisers after it) opens a function body; the
lambdas and classes inside one count as part of it. A body's size is the
number of lines from its '{' to its '}'.

Exceptions would be KNOWN_EXCEPTIONS below (empty now); an exception that
no longer occurs fails too (like test_layout.py), so the list only shrinks.
A function that is one table may be exempt, named with why in
TABLE_FUNCTIONS (checked to stay one switch). DECLARATION_HEADERS are
exempt from the file size: each is checked to hold no function body, so it
stays a header of declarations.
Needs no build.
"""

import pathlib
import re

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]
MAX_FILE_LINES = 600
MAX_FUNCTION_LINES = 150
TOP = ("include", "src", "capi", "bindings/python")
SUFFIXES = {".h", ".hpp", ".c", ".cpp", ".ipp", ".py"}
C_SUFFIXES = {".h", ".hpp", ".c", ".cpp", ".ipp"}

# Headers exempt from MAX_FILE_LINES, with why. Each must hold no function
# body (checked below).
DECLARATION_HEADERS = {
    # The C ABI's one public header (C99): declarations, options structs and
    # their documentation, like sqlite3.h. Splitting it would make every C
    # user include several headers, and the ABI baseline (docs/abi-policy.md)
    # is taken from it whole.
    "capi/include/verbind.h": "the C ABI's one public header, declarations only",
}

# Functions exempt from MAX_FUNCTION_LINES, with why: each is one table (a
# switch with one line per case), which reads best whole; splitting it
# arbitrarily would only scatter the table. Each must exist (checked below).
TABLE_FUNCTIONS = {
    # One switch per language over every message id, without a default, so a
    # text missing in one language does not compile (src/report/messages.hpp).
    ("src/report/message_tables.cpp", "english"): "the English message table, one case per message id",
    ("src/report/message_tables.cpp", "dutch"): "the Dutch message table, one case per message id",
}

# ("file", None): the file is over MAX_FILE_LINES; ("file", "function"): the
# function's body is over MAX_FUNCTION_LINES. Empty since issue 14's last
# splits; the list may only shrink, so a new exception is not added here:
# split the file or function along its seams (or, for one table, see
# TABLE_FUNCTIONS).
KNOWN_EXCEPTIONS = set()


def sources(root):
    for top in TOP:
        base = root / top
        if not base.exists():
            continue
        for path in sorted(base.rglob("*")):
            if path.is_file() and path.suffix in SUFFIXES and "__pycache__" not in path.parts:
                yield path


def strip_code(text):
    """The text with comments, string and character literals blanked (each
    character replaced by a space, newlines kept), so braces and parentheses
    inside them do not count and line numbers stay."""
    out = []
    i, n = 0, len(text)

    def blank(chunk):
        return "".join("\n" if c == "\n" else " " for c in chunk)

    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            out.append(blank(text[i:j]))
            i = j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append(blank(text[i:j]))
            i = j
        elif c == "R" and text.startswith('R"', i) and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_")):
            # R"delim( ... )delim"
            open_paren = text.find("(", i + 2)
            delim = text[i + 2:open_paren]
            end = text.find(")" + delim + '"', open_paren + 1)
            j = n if end < 0 else end + len(delim) + 2
            out.append(blank(text[i:j]))
            i = j
        elif c == '"' or (c == "'" and not (i > 0 and text[i - 1].isalnum())):
            # A string or character literal (not a digit separator like 1'000).
            j = i + 1
            while j < n and text[j] != c and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            j = min(j + 1, n)
            out.append(blank(text[i:j]))
            i = j
        else:
            out.append(c)
            i += 1
    return "".join(out)


# Code before a '{' that makes it a function body: ends in ')' plus qualifiers
# or a trailing return type, or in a constructor's member initialiser list.
QUALIFIERS = r"(?:(?:const|noexcept|override|final|mutable|volatile|&&|&)\s*|noexcept\s*\([^()]*\)\s*)*"
FUNCTION_END = re.compile(r"\)\s*" + QUALIFIERS + r"(?:->\s*[\w:<>,\s*&]+)?\s*$")
INITIALISERS = re.compile(r"\)\s*:(?!:)\s*[\w:]+\s*[({][^;]*[)}]\s*$")
# ... unless the ')' closes a control statement or a lambda's parameters.
CONTROL = re.compile(r"\b(?:if|for|while|switch|catch|return|sizeof|decltype|alignas|constexpr)\s*$")
IN_INITIALISERS = re.compile(r"\)\s*:(?!:)\s*[^;{}]*[\w>]\s*$")  # a '{' of "b_{a}" after "S(int a) : a_(a), "


def _parameters_open(before, close):
    """The index of the '(' matching the ')' at `close`."""
    depth = 0
    for j in range(close, -1, -1):
        if before[j] == ")":
            depth += 1
        elif before[j] == "(":
            depth -= 1
            if depth == 0:
                return j
    return -1


def _signature_end(before):
    """The index of the ')' closing a function's parameters in `before`, or -1."""
    stripped = before.rstrip()
    if INITIALISERS.search(stripped):
        # The first ") :" at parenthesis depth 0 ends the parameters.
        depth = 0
        for j, ch in enumerate(stripped):
            if ch == "(":
                depth += 1
            elif ch == ")":
                depth -= 1
                if depth == 0 and re.match(r"\)\s*:(?!:)", stripped[j:]):
                    return j
        return -1
    match = FUNCTION_END.search(stripped)
    return match.start() if match else -1


def _function(before):
    """The function's name when `before` (the code since the last ';', '{' or
    '}' outside functions) ends a function definition's head, else None."""
    close = _signature_end(before)
    if close < 0:
        return None
    open_ = _parameters_open(before, close)
    if open_ < 0:
        return None
    head = before[:open_].rstrip()
    if CONTROL.search(head) or head.endswith("]") or head.endswith(">") and "[" in head[-40:]:
        return None
    match = re.search(r"(operator\s*[^\s\w]+|[~\w:]*\w)\s*(?:<[^;{}()]*>)?$", head)
    return match.group(1) if match else None


def function_bodies(text):
    """[(name, first line, last line)] of every function body in C/C++ text."""
    code = strip_code(text)
    bodies = []
    stack = []  # per open brace: (kind, name, line); kind "function", "init" or "scope"
    line = 1
    last = 0  # index after the last ';', '{' or '}' outside function bodies
    for i, c in enumerate(code):
        if c == "\n":
            line += 1
        elif c == "{":
            if any(kind == "function" for kind, _, _ in stack):
                stack.append(("scope", None, line))
                continue
            before = code[last:i]
            name = _function(before)
            if name is not None:
                stack.append(("function", name, line))
                last = i + 1
            elif IN_INITIALISERS.search(before):
                stack.append(("init", None, line))
            else:
                stack.append(("scope", None, line))
                last = i + 1
        elif c == "}":
            kind = None
            if stack:
                kind, name, start = stack.pop()
                if kind == "function":
                    bodies.append((name, start, line))
            if kind != "init" and not any(k == "function" for k, _, _ in stack):
                last = i + 1
        elif c == ";" and not any(kind == "function" for kind, _, _ in stack):
            last = i + 1
    return bodies


def check(root):
    """(problems, exceptions met) for the tree at root."""
    problems, met = [], set()

    def report(key, message):
        if key in KNOWN_EXCEPTIONS:
            met.add(key)
        else:
            problems.append(message)

    for path in sources(root):
        rel = path.relative_to(root).as_posix()
        text = path.read_text(encoding="utf-8", errors="replace")
        lines = text.count("\n") + (0 if text.endswith("\n") or not text else 1)
        bodies = function_bodies(text) if path.suffix in C_SUFFIXES else []
        if rel in DECLARATION_HEADERS:
            if bodies:
                problems.append(f"{rel}: exempt as a header of declarations, but holds function bodies "
                                f"({', '.join(name for name, _, _ in bodies[:3])})")
        elif lines > MAX_FILE_LINES:
            report((rel, None), f"{rel}: {lines} lines (at most {MAX_FILE_LINES}): split it along its own seams")
        for name, start, end in bodies:
            size = end - start + 1
            if size > MAX_FUNCTION_LINES and (rel, name) not in TABLE_FUNCTIONS:
                report((rel, name), f"{rel}:{start}: {name}() is {size} lines (at most {MAX_FUNCTION_LINES})")
    return problems, met


def test_no_file_or_function_too_large():
    problems, met = check(REPO)
    assert not problems, "\n".join(problems)
    stale = KNOWN_EXCEPTIONS - met
    assert not stale, f"known exceptions that no longer occur (remove them from KNOWN_EXCEPTIONS): {sorted(stale, key=str)}"


def test_table_functions_exist_and_are_tables():
    for (rel, name), why in TABLE_FUNCTIONS.items():
        text = (REPO / rel).read_text(encoding="utf-8")
        bodies = [(start, end) for found, start, end in function_bodies(text) if found == name]
        assert len(bodies) == 1, f"{rel}: {name}() is listed in TABLE_FUNCTIONS ({why}) but not found once"
        start, end = bodies[0]
        lines = [line.strip() for line in text.split("\n")[start:end - 1] if line.strip()]
        # One switch: its head, its cases (`case X: return "...";`, a long
        # text continued on the next lines), its end and what follows it (the
        # throw for an id without a text); nothing else.
        other = [line for line in lines if not line.startswith(("case ", "return ", '"'))]
        assert lines[0].startswith("switch ("), f"{rel}: {name}() does not start with its switch"
        assert len(other) <= 3, f"{rel}: {name}() is not one table: {other}"


def test_declaration_headers_exist():
    for rel in DECLARATION_HEADERS:
        assert (REPO / rel).is_file(), f"{rel} is listed in DECLARATION_HEADERS but does not exist"


# --- the scanner itself, on hand-made snippets ------------------------------------------------

SNIPPET = r'''// a comment with { braces } and a fake f() {
#include "x.hpp"
namespace n {
struct S {
    int get() const noexcept { return 1; }
    S(int a) : a_(a), b_{a} {
        c_ = "}}}";
    }
    int a_, b_, c_;
};
/* block { comment */
auto lambda_holder() -> int {
    auto f = [](int x) {
        return x + '}';
    };
    if (f(1)) {
        return 2;
    }
    const char* raw = R"sql(
        CREATE TABLE t(x); }
    )sql";
    return 3;
}
int table[] = {1, 2, 3};
}  // namespace n
void S::method(int x) const
{
    for (int i = 0; i < x; ++i) {
    }
}
'''


def test_the_scanner_finds_function_bodies_and_their_lines():
    bodies = function_bodies(SNIPPET)
    assert bodies == [
        ("get", 5, 5),
        ("S", 6, 8),
        ("lambda_holder", 12, 23),
        ("S::method", 27, 30),
    ]


def test_the_scanner_skips_comments_strings_and_raw_strings():
    code = strip_code('a = "{"; /* { */ b = \'}\'; // {\nc = R"x({)x"; d = 1\'000;')
    assert "{" not in code and "}" not in code
    assert code.count("\n") == 1
    assert "d = 1'000;" in code  # a digit separator is not a character literal


@pytest.mark.parametrize("lines, expected", [(150, []), (151, ["f() is 151 lines"])])
def test_the_check_catches_a_long_function_and_a_long_file(tmp_path, lines, expected):
    body = "\n".join("    x += 1;" for _ in range(lines - 2))
    (tmp_path / "src" / "cap").mkdir(parents=True)
    (tmp_path / "src" / "cap" / "f.cpp").write_text(f"int f(int x) {{\n{body}\n}}\n", encoding="utf-8")
    problems, _ = check(tmp_path)
    assert [p for p in problems if "f() is" in p] == [p for p in problems if any(e in p for e in expected)]
    assert len(problems) == len(expected)
    (tmp_path / "src" / "cap" / "g.cpp").write_text("int g;\n" * (MAX_FILE_LINES + 1), encoding="utf-8")
    problems, _ = check(tmp_path)
    assert any("src/cap/g.cpp: 601 lines" in p for p in problems)
