"""Each option defined once (issue 14): every public C++ Options struct owns
its check, a validate() member (tests/util/test_options_validate.cpp shows
each one refusing its wrong values, with the operation refusing them too).
An Options struct added without one fails here, so the check of a new field
has one obvious place, and the C and Python faces can rely on it instead of
repeating it. Needs no build.
"""

import pathlib
import re

REPO = pathlib.Path(__file__).resolve().parents[2]

# Structs without their own validate(), with why. Like test_sizes.py's
# KNOWN_EXCEPTIONS, the list may only shrink: an entry that has a validate()
# (or no longer exists) fails too.
WITHOUT_VALIDATE = {
    # A part of SpreadOptions and InfluenceOptions, checked where it is
    # turned into arc probabilities (src/reach/spread.cpp).
    "DiffusionOptions": "a part of SpreadOptions/InfluenceOptions",
    # Issue 18's graph file (engineer G, this session): one bool.
    "LoadGraphOptions": "new this session (issue 18)",
}

STRUCT = re.compile(r"^struct (\w+Options) \{", re.M)


def options_structs(root):
    """{name: (header, body)} of every `struct XOptions {` in include/."""
    found = {}
    for path in sorted((root / "include").rglob("*.hpp")):
        text = path.read_text(encoding="utf-8")
        for match in STRUCT.finditer(text):
            depth, i = 1, match.end()
            while depth and i < len(text):
                depth += {"{": 1, "}": -1}.get(text[i], 0)
                i += 1
            found[match.group(1)] = (path.relative_to(root).as_posix(), text[match.end():i])
    return found


def missing_validate(root):
    return {name: header for name, (header, body) in options_structs(root).items()
            if not re.search(r"\bvoid validate\(", body)}


def test_every_options_struct_has_validate():
    missing = missing_validate(REPO)
    unexpected = {name: header for name, header in missing.items() if name not in WITHOUT_VALIDATE}
    assert not unexpected, f"Options structs without validate() (add one, and its test in tests/util/test_options_validate.cpp): {unexpected}"
    stale = set(WITHOUT_VALIDATE) - set(missing)
    assert not stale, f"these have a validate() now (or are gone): remove them from WITHOUT_VALIDATE: {sorted(stale)}"


def test_the_check_sees_a_struct_without_validate(tmp_path):
    header = tmp_path / "include" / "verbind" / "x.hpp"
    header.parent.mkdir(parents=True)
    header.write_text("struct GoodOptions {\n    int a = 1;\n    struct Inner { int b; };\n"
                      "    void validate() const;\n};\n"
                      "struct BadOptions {\n    int a = 1;\n};\n", encoding="utf-8")
    assert set(options_structs(tmp_path)) == {"GoodOptions", "BadOptions"}
    assert missing_validate(tmp_path) == {"BadOptions": "include/verbind/x.hpp"}
