"""Each option defined once: the C++, C and Python faces of every tabled
operation carry the same options with the same defaults (issue 14).

The table is tests/python/options_table.py (see its docstring). Each face is
read independently:

- C++: verbind._verbind._option_defaults(), which reads default-constructed
  C++ Options structs (bindings/python/options.cpp);
- C: libverbind.so's vb_*_options_init_sized, called through ctypes on a
  struct whose layout is parsed from capi/include/verbind.h (so a field
  added to the header and not to the table fails, and a table that names a
  field the header lacks fails);
- Python: inspect.signature of the public function.

Discovery: every keyword with a default of every public function in
verbind.__all__ must be tabled (or listed in NOT_YET_TABLED), so a new
Python option cannot appear without a row.
"""

import ctypes
import inspect
import os
import re
from pathlib import Path

import pytest

import verbind
from verbind import _verbind

import options_table as table
from options_table import Absent, OPERATIONS

ROOT = Path(__file__).resolve().parents[2]
HEADER = ROOT / "capi" / "include" / "verbind.h"


# --- the C face: structs from verbind.h, filled by libverbind.so -------------

def _library_path() -> Path:
    """libverbind.so of the build whose Python package is under test: the
    VERBIND_LIB environment variable, else the build tree beside the package
    (build-X/python/verbind -> build-X/libverbind.so)."""
    given = os.environ.get("VERBIND_LIB")
    if given:
        return Path(given)
    return Path(verbind.__file__).resolve().parents[2] / "libverbind.so"


@pytest.fixture(scope="module")
def library():
    path = _library_path()
    if not path.exists():
        pytest.fail(f"libverbind.so not found at {path}: build the 'verbind' target, or set VERBIND_LIB")
    return ctypes.CDLL(str(path))


_C_TYPES = {
    "size_t": ctypes.c_size_t,
    "uint64_t": ctypes.c_uint64,
    "int64_t": ctypes.c_int64,
    "uint32_t": ctypes.c_uint32,
    "int": ctypes.c_int,
    "unsigned": ctypes.c_uint,
    "double": ctypes.c_double,
    "char": ctypes.c_byte,  # a delimiter: read as its number (0: none)
}


def header_structs():
    """{typedef name: [(field, C type text)]} of every options struct in verbind.h."""
    text = re.sub(r"/\*.*?\*/", "", HEADER.read_text(), flags=re.S)
    structs = {}
    for m in re.finditer(r"typedef struct (\w+) \{(.*?)\} (\w+);", text, flags=re.S):
        fields = []
        for decl in m.group(2).split(";"):
            decl = " ".join(decl.split())
            if not decl:
                continue
            pointer_to_function = re.search(r"\(\s*\*\s*(\w+)\s*\)", decl)
            if pointer_to_function:
                fields.append((pointer_to_function.group(1), "*"))
                continue
            name = re.split(r"[\s*]+", decl)[-1]
            fields.append((name, decl[: len(decl) - len(name)].strip()))
        structs[m.group(3)] = fields
    return structs


def ctype_of(type_text: str):
    if "*" in type_text or type_text.endswith("_fn"):
        return ctypes.c_void_p
    if type_text.startswith("vb_") and type_text.endswith("_t"):
        return ctypes.c_int  # an enum
    return _C_TYPES[type_text]


def c_defaults(library, typedef: str, fields):
    """The fields of `typedef` as its _init_sized fills them."""
    layout = type(typedef, (ctypes.Structure,), {"_fields_": [(n, ctype_of(t)) for n, t in fields]})
    value = layout()
    ctypes.memset(ctypes.byref(value), 0x5A, ctypes.sizeof(value))  # not zero: init must write every field
    init = getattr(library, typedef[: -len("_t")] + "_init_sized")
    init.argtypes = [ctypes.c_void_p, ctypes.c_size_t]
    init.restype = None
    init(ctypes.byref(value), ctypes.sizeof(value))
    assert value.struct_size == ctypes.sizeof(value), f"{typedef}: struct_size not recorded"
    out = {}
    for name, _ in fields:
        v = getattr(value, name)
        out[name] = 0 if v is None else v  # a NULL c_void_p reads as None
    return out


# --- the Python face ------------------------------------------------------------

def python_function(name: str):
    obj = verbind
    for part in name.split("."):
        obj = getattr(obj, part)
    return obj


def python_options(func):
    """{keyword: default} of the parameters that have a default."""
    return {p.name: p.default for p in inspect.signature(func).parameters.values()
            if p.default is not inspect.Parameter.empty}


# --- comparisons ----------------------------------------------------------------

def same(a, b) -> bool:
    """Equal, and of the same kind (True is not 1, 1.0 is not 1)."""
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return tuple(a) == tuple(b)
    return a == b and (isinstance(a, float) == isinstance(b, float) or a is None or b is None)


def expected_on(op, face):
    """{name: default} the table gives `face`, and the Absent entries."""
    present, absent = {}, {}
    for opt in op.options:
        spec = opt.face(face)
        if isinstance(spec, Absent):
            absent[opt.name] = spec.why
        else:
            name, default = spec
            assert name not in present, f"{op.python}: {face} field {name} listed twice"
            present[name] = default
    return present, absent


IDS = [op.python for op in OPERATIONS]


@pytest.mark.parametrize("op", OPERATIONS, ids=IDS)
def test_cpp_face(op):
    dump = _verbind._option_defaults()
    assert op.cpp in dump, f"{op.python}: no C++ struct {op.cpp} in _option_defaults()"
    expected, _ = expected_on(op, "cpp")
    actual = dump[op.cpp]
    assert set(actual) == set(expected), (
        f"{op.python} ({op.cpp}): C++ has {sorted(set(actual) - set(expected))} the table lacks, "
        f"the table has {sorted(set(expected) - set(actual))} C++ lacks")
    for name, default in expected.items():
        assert same(actual[name], default), f"{op.python}: C++ {op.cpp}.{name} is {actual[name]!r}, table {default!r}"


@pytest.mark.parametrize("op", OPERATIONS, ids=IDS)
def test_c_face(op, library):
    if op.c is None:
        assert op.c_why, f"{op.python}: no C struct and no reason"
        return
    structs = header_structs()
    assert op.c in structs, f"{op.python}: verbind.h has no struct {op.c}"
    fields = structs[op.c]
    assert fields[0] == ("struct_size", "size_t"), f"{op.c}: struct_size must come first"
    expected, _ = expected_on(op, "c")
    expected.update(op.c_extra)
    # Every field of the struct is accounted for by this operation or by
    # another tabled operation sharing the struct (vb_centrality_options_t).
    shared = {}
    for other in [op] + [o for o in OPERATIONS if o.python != op.python]:
        if other.c == op.c:
            present, _ = expected_on(other, "c")
            shared.update(present)
            shared.update(other.c_extra)
    header_names = {name for name, _ in fields[1:]}
    assert not set(expected) - header_names, f"{op.c} lacks {sorted(set(expected) - header_names)}"
    assert not header_names - set(shared), f"{op.c} has {sorted(header_names - set(shared))} the table lacks"
    actual = c_defaults(library, op.c, fields)
    for name, default in expected.items():
        assert actual[name] == default, f"{op.python}: C {op.c}.{name} is {actual[name]!r}, table {default!r}"


@pytest.mark.parametrize("op", OPERATIONS, ids=IDS)
def test_python_face(op):
    expected, _ = expected_on(op, "py")
    actual = python_options(python_function(op.python))
    assert set(actual) == set(expected), (
        f"{op.python}: Python has {sorted(set(actual) - set(expected))} the table lacks, "
        f"the table has {sorted(set(expected) - set(actual))} Python lacks")
    for name, default in expected.items():
        assert same(actual[name], default), f"{op.python}: Python {name}={actual[name]!r}, table {default!r}"


def test_every_python_option_is_tabled():
    tabled = {op.python for op in OPERATIONS}
    missing = []
    for name in verbind.__all__:
        obj = getattr(verbind, name)
        if inspect.isclass(obj) or not callable(obj) or name in tabled:
            continue
        keywords = sorted(python_options(obj))
        listed = table.NOT_YET_TABLED.get(name)
        if listed is None:
            if keywords:
                missing.append(f"{name}: {keywords}")
        elif sorted(listed) != keywords:
            missing.append(f"{name}: has {keywords}, NOT_YET_TABLED says {sorted(listed)}")
    assert not missing, "options in no table row:\n" + "\n".join(missing)
    for name in table.NOT_YET_TABLED:
        assert name in verbind.__all__, f"NOT_YET_TABLED names {name}, which verbind does not export"


def test_the_checks_fail_on_a_wrong_row(library):
    """The comparisons above are not vacuous: a row with a changed default,
    or missing an option, fails on each face."""
    op = next(o for o in OPERATIONS if o.python == "social_map")
    wrong = table.Operation(python=op.python, cpp=op.cpp, c=op.c, c_extra=dict(op.c_extra),
                            options=[table.Opt(o.name, 11 if o.name == "min_cell" else o.default,
                                               cpp=o.cpp, c=o.c, py=o.py) for o in op.options])
    for check in (test_cpp_face, test_python_face):
        with pytest.raises(AssertionError, match="min_cell"):
            check(wrong)
    with pytest.raises(AssertionError, match="min_cell"):
        test_c_face(wrong, library)
    short = table.Operation(python=op.python, cpp=op.cpp, c=op.c, c_extra=dict(op.c_extra),
                            options=[o for o in op.options if o.name != "top"])
    for check in (test_cpp_face, test_python_face):
        with pytest.raises(AssertionError, match="top"):
            check(short)
    with pytest.raises(AssertionError, match="top"):
        test_c_face(short, library)


class _Changed:
    """A default no face has: compares unequal to everything but itself."""

    def __repr__(self):
        return "<changed default>"


def _with_default(opt, value):
    """`opt` with `value` as its default on every face that has it."""
    faces = {}
    for face in ("cpp", "c", "py"):
        spec = opt.face(face)
        faces[face] = spec if isinstance(spec, Absent) else table.Field(spec[0], value)
    return table.Opt(opt.name, value, **faces)


@pytest.mark.parametrize("op", OPERATIONS, ids=IDS)
def test_every_row_can_fail(op, library):
    """For every row, not only social_map's: a changed default fails each
    face that has the option, and a row missing the option fails the C++
    and Python faces (and the C face, where no other row shares the
    struct)."""
    checks = {"cpp": test_cpp_face, "py": test_python_face}
    if op.c is not None:
        checks["c"] = lambda o: test_c_face(o, library)
    shared_c = op.c is not None and sum(o.c == op.c for o in OPERATIONS) > 1
    tried = 0
    for opt in op.options:
        faces = [f for f in checks if not isinstance(opt.face(f), Absent)]
        if not faces:
            continue
        tried += 1
        changed = _Changed()
        wrong = table.Operation(python=op.python, cpp=op.cpp, c=op.c, c_why=op.c_why, c_extra=dict(op.c_extra),
                                options=[_with_default(o, changed) if o is opt else o for o in op.options])
        for face in faces:
            with pytest.raises(AssertionError):
                checks[face](wrong)
        short = table.Operation(python=op.python, cpp=op.cpp, c=op.c, c_why=op.c_why, c_extra=dict(op.c_extra),
                                options=[o for o in op.options if o is not opt])
        for face in faces:
            if face == "c" and (shared_c or opt.face("c")[0] in op.c_extra):
                continue
            with pytest.raises(AssertionError):
                checks[face](short)
    assert tried, f"{op.python}: no option on any face"


def test_defaults_match_the_behaviour():
    """The defaults are the ones the functions use: social_map with its
    defaults spelled out equals social_map with none given (a default read
    from the wrong struct would differ on the sample programme)."""
    net = verbind.sample_programme()
    spelled = {name: default for name, default in python_options(verbind.social_map).items()}
    assert verbind.social_map(net).to_dict() == verbind.social_map(net, **spelled).to_dict()
    changed = dict(spelled, min_cell=spelled["min_cell"] + 40)
    assert verbind.social_map(net).to_dict() != verbind.social_map(net, **changed).to_dict()
