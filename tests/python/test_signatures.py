"""Signatures, keyword errors and type stubs of every public callable (issue 13).

The callables are found, never listed: every function in verbind.__all__ and
every public method, static or class method, property and __init__ of every
class it exports, so a function or method added later is checked too.

- inspect.signature works on each, every parameter and return has a type,
  and no type is pybind11's `handle`/`object`/`PyCapsule` or a bare `Any`;
- a call with a keyword the callable does not take raises TypeError naming
  the keyword and listing exactly the keywords inspect.signature shows (and
  a close match as "did you mean");
- no error message names an internal function (`_timeline`, `_cascades`);
- the stubs (bindings/python/verbind/*.pyi, written by scripts/stubgen) equal
  a fresh generation, and mypy.stubtest finds no difference between them
  and the package as it runs.
"""

import difflib
import inspect
import os
import pathlib
import re
import shutil
import subprocess
import sys
import types

import pytest

import verbind

REPO = pathlib.Path(__file__).resolve().parents[2]
PACKAGE_DIR = pathlib.Path(verbind.__file__).resolve().parent

# A type that says nothing: what pybind11 shows for py::handle / py::object
# parameters and capsules, or a bare Any.
UNTYPED = re.compile(r"\b(handle|object|PyCapsule)\b")
# An internal function as an error would name it: "_timeline(): ..." or "_timeline: ...".
INTERNAL = re.compile(r"(?<![\w.])_[a-z]\w*(\(\)|: )")


def public_callables():
    """(qualified name, callable, is_method) for every public callable."""
    out = []
    for name in verbind.__all__:
        value = getattr(verbind, name)
        if isinstance(value, type):
            if issubclass(value, BaseException):
                continue
            for member, raw in sorted(vars(value).items()):
                if member.startswith("_") and member != "__init__":
                    continue
                if isinstance(raw, property):
                    continue
                if member == "__init__" and type(raw).__name__ == "wrapper_descriptor":
                    continue  # a pybind11 class Python cannot construct
                if isinstance(raw, staticmethod):
                    out.append((f"{name}.{member}", raw.__func__, False))
                elif isinstance(raw, classmethod):
                    out.append((f"{name}.{member}", getattr(value, member), False))
                elif callable(raw):
                    out.append((f"{name}.{member}", raw, True))
        elif callable(value):
            out.append((name, value, False))
    return out


def public_properties():
    out = []
    for name in verbind.__all__:
        value = getattr(verbind, name)
        if isinstance(value, type) and not issubclass(value, BaseException):
            for member, raw in sorted(vars(value).items()):
                if isinstance(raw, property) and not member.startswith("_"):
                    out.append((f"{name}.{member}", raw))
    return out


CALLABLES = public_callables()
IDS = [c[0] for c in CALLABLES]


def keywords_of(sig, is_method):
    params = list(sig.parameters.values())
    if is_method:
        params = params[1:]
    if any(p.kind is p.VAR_KEYWORD for p in params):
        return None
    return [p.name for p in params if p.kind in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY)]


def annotation_text(a):
    return a if isinstance(a, str) else inspect.formatannotation(a)


def test_the_survey_finds_the_known_callables():
    # The discovery above is what every other test relies on: it must see
    # functions of each kind (C++ and Python, functions, methods, static
    # methods, constructors).
    found = set(IDS)
    for name in ["spread", "cascades", "timeline", "read_edgelist", "Network.add_resident", "Graph.from_edges",
                 "Network.__init__", "Store.__init__", "Timeline.value", "Network.from_pandas", "pseudonym",
                 "influence_max", "report"]:
        assert name in found
    assert len(found) > 100


@pytest.mark.parametrize("name,func,is_method", CALLABLES, ids=IDS)
def test_signature_is_real(name, func, is_method):
    sig = inspect.signature(func)
    params = list(sig.parameters.values())
    if is_method:
        assert params and params[0].name in ("self", "cls"), f"{name}{sig}"
        params = params[1:]
    for p in params:
        if p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD):
            continue
        assert p.annotation is not p.empty, f"{name}: parameter {p.name} has no type: {sig}"
        text = annotation_text(p.annotation)
        assert not UNTYPED.search(text), f"{name}: parameter {p.name}: {text}"
        assert text != "Any", f"{name}: parameter {p.name} is Any"
    if not name.endswith("__init__"):
        assert sig.return_annotation is not sig.empty, f"{name}: no return type: {sig}"
        text = annotation_text(sig.return_annotation)
        assert not UNTYPED.search(text) and text != "Any", f"{name} returns {text}"


@pytest.mark.parametrize("name,prop", public_properties(), ids=[p[0] for p in public_properties()])
def test_property_has_a_type(name, prop):
    from verbind import _nodump

    getter = prop.fget
    try:
        returns = inspect.signature(getter).return_annotation
    except ValueError:  # a pybind11 getter: its signature line
        parsed = _nodump.parse(getter.__doc__)
        assert parsed is not None, f"{name}: no signature line in {getter.__doc__!r}"
        returns = parsed[1].return_annotation
    assert returns is not inspect.Signature.empty, name
    text = annotation_text(returns)
    assert not UNTYPED.search(text) and text != "Any", f"{name}: {text}"


def test_types_name_what_the_converters_take():
    # Spot checks of the typed parameters (bindings.hpp) against the code.
    sig = inspect.signature(verbind.spread)
    assert sig.parameters["seeds"].annotation == "str | int | Iterable[str | int]"
    assert sig.parameters["seed"].annotation == "int | None" and sig.parameters["seed"].default is None
    assert sig.parameters["model"].annotation == "Literal['ic', 'lt']"
    assert sig.parameters["threads"].kind is inspect.Parameter.KEYWORD_ONLY
    sig = inspect.signature(verbind.Network.add_tie)
    assert list(sig.parameters) == ["self", "a", "b", "kind", "since", "until", "weight"]
    assert sig.parameters["kind"].default == "knows" and sig.parameters["weight"].default == 1.0
    assert sig.parameters["since"].annotation == "datetime.date | numpy.datetime64 | str | None"
    assert inspect.signature(verbind.read_json).parameters["path"].annotation == \
        "str | bytes | os.PathLike[str] | os.PathLike[bytes]"
    assert inspect.signature(verbind.Graph.from_edges).return_annotation == "Graph"
    # ... and each of those forms is taken.
    import datetime

    import numpy as np

    net = verbind.Network()
    net.add_resident("a", trained_on=np.datetime64("2022-05-04"))
    net.add_resident("b", trained_on=datetime.date(2022, 5, 4))
    net.add_tie("a", "b", since="2022-01-01")
    g = net.graph()
    for seeds in ("a", ["a", "b"], (x for x in ["a"])):
        assert verbind.spread(g, seeds, probability=1.0, runs=1, seed=1).mean >= 1


def test_signature_lines_are_read_as_written():
    # verbind/_nodump.parse on pybind11's docstring forms, by hand.
    from verbind import _nodump

    P = inspect.Parameter
    name, sig = _nodump.parse("f(self: verbind._verbind.Contacts, a: int, /, b: numpy.ndarray[numpy.float64], "
                              "c: str | None = None, *, d: tuple = (1, 'x'), e: object = <verbind.X object at 0x1>) "
                              "-> numpy.ndarray[bool]\n\nDoc.")
    assert name == "f"
    assert [(p.name, p.kind) for p in sig.parameters.values()] == [
        ("self", P.POSITIONAL_ONLY), ("a", P.POSITIONAL_ONLY), ("b", P.POSITIONAL_OR_KEYWORD),
        ("c", P.POSITIONAL_OR_KEYWORD), ("d", P.KEYWORD_ONLY), ("e", P.KEYWORD_ONLY)]
    params = sig.parameters
    assert params["self"].annotation is P.empty
    assert params["b"].annotation == "numpy.typing.NDArray[numpy.float64]"
    assert params["c"].default is None and params["d"].default == (1, "x")
    assert repr(params["e"].default) == "<X object at 0x1>"
    assert sig.return_annotation == "numpy.typing.NDArray[numpy.bool_]"
    _, sig = _nodump.parse("g(*args, **kwargs) -> None")
    assert [p.kind for p in sig.parameters.values()] == [P.VAR_POSITIONAL, P.VAR_KEYWORD]
    assert _nodump.parse("h(*args, **kwargs) -> None\nOverloaded function.\n\n1. h(a: int) -> None") is None
    assert _nodump.parse("Just prose, no signature.") is None


def test_signatures_read_from_many_threads_at_once():
    # Each binding's signature is read when first asked for; threads asking
    # at once all get the whole signature (before the fix, a thread could
    # see one half set: AttributeError, or another parse's defaults).
    from verbind import _nodump, _verbind

    docs = [v.__wrapped__.__doc__ for v in vars(_verbind).values() if callable(v) and not isinstance(v, type)]
    expected = [str(_nodump.parse(doc)[1]) for doc in docs]
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # threads take turns as often as they can
    try:
        check_threads(_nodump, docs, expected)
    finally:
        sys.setswitchinterval(interval)


def check_threads(_nodump, docs, expected):
    """Eight threads read the same fresh lazy signatures, five times."""
    import threading

    for _ in range(5):
        lazy = [_nodump._LazySignature(doc=doc) for doc in docs]
        seen = [[] for _ in range(8)]

        def read(out):
            out.extend(str(sig) for sig in lazy)

        threads = [threading.Thread(target=read, args=(out,)) for out in seen]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert all(out == expected for out in seen)


def test_every_binding_has_a_signature_line():
    # Each function and method of the extension shows one signature (no
    # overload set that no single signature describes).
    from verbind import _nodump, _verbind

    for name, value in vars(_verbind).items():
        if callable(value) and not isinstance(value, type):
            assert _nodump.parse(value.__wrapped__.__doc__) is not None, name
            assert inspect.signature(value) == _nodump.parse(value.__wrapped__.__doc__)[1], name


# --- keyword errors ------------------------------------------------------------------


@pytest.mark.parametrize("name,func,is_method", CALLABLES, ids=IDS)
def test_unknown_keyword_names_it_and_the_valid_ones(name, func, is_method):
    sig = inspect.signature(func)
    valid = keywords_of(sig, is_method)
    if valid is None:
        pytest.skip(f"{name} takes **kwargs")
    secret_value = "value-that-must-not-show-3141"
    if name.endswith(".__init__"):
        func = getattr(verbind, name.split(".")[0])  # as a class is called
    with pytest.raises(TypeError) as info:
        func(no_such_keyword_xyz=secret_value)
    message = str(info.value)
    short = name.split(".")[-1]
    assert f"{short}() got an unexpected keyword argument 'no_such_keyword_xyz'" in message, message
    if valid:
        assert f"valid keywords are: {', '.join(valid)}" in message, message
    assert secret_value not in message
    assert not INTERNAL.search(message), message


@pytest.mark.parametrize("func,misspelt,meant", [
    (lambda **k: verbind.spread(verbind.Graph.from_edges([0], [1]), [0], **k), "sed", "seed"),
    (lambda **k: verbind.betweenness(verbind.Graph.from_edges([0], [1]), **k), "thread", "threads"),
    (lambda **k: verbind.Network().add_resident("r", **k), "neighborhood", "neighbourhood"),
    (lambda **k: verbind.Graph.from_edges([0], [1], **k), "weight", "weights"),
    (lambda **k: verbind.read_edgelist("x.txt", **k), "delimeter", "delimiter"),
    (lambda **k: verbind.cascades(verbind.Network(), **k), "include_sensitve", "include_sensitive"),
    (lambda **k: verbind.timeline(verbind.Network(), **k), "perod", "period"),
    (lambda **k: verbind.social_map(verbind.Network(), **k), "municipalty", "municipality"),
    (lambda **k: verbind.influence_max(verbind.Graph.from_edges([0], [1]), 1, **k), "epsilom", "epsilon"),
    (lambda **k: verbind.pseudonym("r", b"0" * 32, **k), "knd", "kind"),
    (lambda **k: verbind.suppress_small_cells([[1]], **k), "mincell", "min_cell"),
    (lambda **k: verbind.introductions(verbind.Network(), **k), "per_persn", "per_person"),
    (lambda **k: verbind.Timeline().value("p", "a", "m", **k), "metrc", "metric"),
    (lambda **k: verbind.sample_programme(**k), "scal", "scale"),
], ids=["spread", "betweenness", "add_resident", "from_edges", "read_edgelist", "cascades", "timeline",
        "social_map", "influence_max", "pseudonym", "suppress_small_cells", "introductions", "Timeline.value",
        "sample_programme"])
def test_misspelt_keyword_suggests_the_meant_one(func, misspelt, meant):
    with pytest.raises(TypeError) as info:
        func(**{misspelt: 1})
    message = str(info.value)
    assert f"unexpected keyword argument '{misspelt}'" in message
    assert f"(did you mean '{meant}'?)" in message
    assert not INTERNAL.search(message)
    # An independent check of the suggestion: difflib's closest valid keyword.
    valid = message.split("valid keywords are: ", 1)[1].split(" (did you mean", 1)[0].split(", ")
    assert difflib.get_close_matches(misspelt, valid, n=1)[0] == meant


def test_other_argument_errors_say_what_is_wrong():
    g = verbind.Graph.from_edges([0], [1])
    with pytest.raises(TypeError, match=r"^spread\(\): missing a required argument: 'seeds'$"):
        verbind.spread(g)
    with pytest.raises(TypeError, match=r"^spread\(\): g must be verbind\.Graph, not str$"):
        verbind.spread("net", [0])
    with pytest.raises(TypeError, match=r"^Network\.add_tie\(\): too many positional arguments$"):
        verbind.Network().add_tie("a", "b", "knows", "2022-01-01")
    with pytest.raises(TypeError, match=r"^cascades\(\): net must be verbind\.Network, not int$"):
        verbind.cascades(5)
    with pytest.raises(TypeError, match=r"^timeline\(\): net must be verbind\.Network, not str$"):
        verbind.timeline("net")
    with pytest.raises(TypeError, match=r"^Network\.actors\(\): include_sensitive must be bool, not list$"):
        verbind.Network().actors(include_sensitive=[])
    # Python's own message for a Python-level function, as before.
    with pytest.raises(TypeError, match=r"missing 1 required positional argument: 'groups'"):
        verbind.assortativity(g)
    # A Network where a Graph is needed: how to get one.
    with pytest.raises(TypeError, match=r"^pagerank\(\): g must be verbind\.Graph, not verbind\.Network; "
                                        r"use net\.graph\(\) to get its Graph$"):
        verbind.pagerank(verbind.Network())


def test_an_error_from_a_callback_is_the_callbacks():
    # A refused call inside a progress callback keeps its own message: the
    # outer function's guard does not take it for a refusal of its own call.
    g = verbind.Graph.from_edges([0, 1], [1, 2])

    def wrong_keyword(fraction):
        verbind.spread(g, [0], sed=1)

    def wrong_class(fraction):
        verbind.spread("g", [0])

    with pytest.raises(TypeError, match=r"^spread\(\) got an unexpected keyword argument 'sed'"):
        verbind.closeness(g, progress=wrong_keyword)
    with pytest.raises(TypeError, match=r"^spread\(\): g must be verbind\.Graph, not str$"):
        verbind.closeness(g, progress=wrong_class)


def test_keyword_errors_show_no_value():
    secret = b"s3cr3t-k3y-that-must-not-show-00"
    for call in [lambda: verbind.pseudonym("r", secrett=secret),
                 lambda: verbind.spread(verbind.Graph.from_edges([0], [1]), [0], sed=secret),
                 lambda: verbind.Network().add_resident(secret, groupz=[secret])]:
        with pytest.raises(TypeError) as info:
            call()
        text = str(info.value) + repr(info.value)
        assert "s3cr3t" not in text and "Invoked with" not in text
        assert info.value.__context__ is None and info.value.__cause__ is None


def test_no_error_names_an_internal_function():
    # Calls whose public function hands its arguments to an internal binding
    # (_timeline, _cascades, _influence_max, _social_map_json, _report,
    # _pagerank, _ei_index, _expected_ei_index, _assortativity), wrong in
    # every way the binding can see.
    g = verbind.Graph.from_edges([0, 1], [1, 2])
    net = verbind.Network()
    calls = [
        lambda: verbind.timeline(net, period=5), lambda: verbind.timeline(net, by="street"),
        lambda: verbind.timeline(3), lambda: verbind.timeline(net, start="soon"),
        lambda: verbind.cascades(net, start=5), lambda: verbind.cascades([], end="x"),
        lambda: verbind.influence_max(g, 0), lambda: verbind.influence_max(g, 1, model="sir"),
        lambda: verbind.influence_max(net, 1), lambda: verbind.influence_max(g, "1"),
        lambda: verbind.social_map(net, top=0), lambda: verbind.social_map(g),
        lambda: verbind.social_map(net, start=3.5), lambda: verbind.report(net, period="day"),
        lambda: verbind.report(g), lambda: verbind.report(net, top="x"),
        lambda: verbind.pagerank(g, damping="x"), lambda: verbind.pagerank(net),
        lambda: verbind.ei_index(g, [0, 1]), lambda: verbind.ei_index(net, [0]),
        lambda: verbind.expected_ei_index(g, [0, 1, 1], permutations=0), lambda: verbind.assortativity(net, [0]),
        lambda: verbind.expected_ei_index(g, [0, 1, 1], seed=-1), lambda: verbind.pseudonymise(g, b"x" * 32),
        lambda: verbind.pseudonym(5, b"x"), lambda: verbind.timeline_metrics(1),
    ]
    # ... and every public function called with an argument of no use to it.
    calls += [lambda f=func: f(object()) for _, func, is_method in CALLABLES if not is_method]
    seen = 0
    for call in calls:
        try:
            call()
        except Exception as e:  # noqa: BLE001 - every error's text is checked
            seen += 1
            assert not INTERNAL.search(str(e)), str(e)
    assert seen >= 26


# --- stubs -----------------------------------------------------------------------------


def run_package_python(*args, **kw):
    env = dict(os.environ, PYTHONPATH=str(PACKAGE_DIR.parent))
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, env=env, **kw)


def test_stubs_are_fresh():
    done = run_package_python(str(REPO / "scripts" / "stubgen"), "--check")
    assert done.returncode == 0, done.stderr[-6000:]


def test_stubs_and_py_typed_ship_with_the_package():
    # The package as built (and installed) carries the stubs it was checked with.
    assert (PACKAGE_DIR / "py.typed").exists()
    for stub in (REPO / "bindings" / "python" / "verbind").glob("*.pyi"):
        assert (PACKAGE_DIR / stub.name).read_text() == stub.read_text(), stub.name


UNTYPED_LIBRARIES = "".join(f"[mypy-{name}.*]\nignore_missing_imports = True\n\n"
                            for name in ("pandas", "networkx", "igraph"))


def stubtest_allowlist():
    """What mypy.stubtest cannot judge, each with its reason."""
    lines = []
    modules = "verbind(\\.[a-z]+)?"
    for name in verbind.__all__:
        value = getattr(verbind, name)
        if isinstance(value, type) and type(value).__name__ == "pybind11_type":
            lines.append(f"{modules}\\.{name}  # pybind11's metaclass (pybind11_builtins.pybind11_type) has no stub")
            if type(vars(value).get("__init__")).__name__ == "wrapper_descriptor":
                lines.append(f"{modules}\\.{name}\\.__init__  # no constructor: Python cannot create one "
                             "(TypeError), the slot shows (*args, **kwargs)")
    return "\n".join(lines) + "\n"


def test_stubtest_finds_no_difference(tmp_path):
    pytest.importorskip("mypy.stubtest", reason="python3-mypy is installed by scripts/setup")
    stubs = tmp_path / "stubs" / "verbind"
    stubs.mkdir(parents=True)
    for stub in (REPO / "bindings" / "python" / "verbind").glob("*.pyi"):
        shutil.copy(stub, stubs / stub.name)
    config = tmp_path / "mypy.ini"
    # pandas, networkx and igraph ship no types (Debian has no stubs for
    # them); the package's .py files are not what is checked here (the
    # stubs are: MYPYPATH).
    config.write_text("[mypy]\ncache_dir = " + str(tmp_path / "cache") + "\n\n" + UNTYPED_LIBRARIES +
                      "[mypy-verbind.*]\nignore_errors = True\n\n[mypy-verbind]\nignore_errors = False\n")
    allowlist = tmp_path / "allowlist.txt"
    allowlist.write_text(stubtest_allowlist())
    env = dict(os.environ, PYTHONPATH=str(PACKAGE_DIR.parent), MYPYPATH=str(tmp_path / "stubs"))
    done = subprocess.run([sys.executable, "-m", "mypy.stubtest", "verbind", "--mypy-config-file", str(config),
                           "--allowlist", str(allowlist)], capture_output=True, text=True, env=env, cwd=tmp_path)
    assert done.returncode == 0, done.stdout[-8000:] + done.stderr[-2000:]


def test_stubtest_sees_a_wrong_stub(tmp_path):
    # The check above can fail: a stub whose signature differs from the
    # runtime's is reported.
    pytest.importorskip("mypy.stubtest", reason="python3-mypy is installed by scripts/setup")
    stubs = tmp_path / "stubs" / "verbind"
    stubs.mkdir(parents=True)
    text = (REPO / "bindings" / "python" / "verbind" / "__init__.pyi").read_text()
    wrong = re.sub(r"def hop_reach\(g: Graph, ", "def hop_reach(graph: Graph, ", text)
    assert wrong != text
    (stubs / "__init__.pyi").write_text(wrong)
    config = tmp_path / "mypy.ini"
    config.write_text("[mypy]\ncache_dir = " + str(tmp_path / "cache") + "\n\n" + UNTYPED_LIBRARIES)
    env = dict(os.environ, PYTHONPATH=str(PACKAGE_DIR.parent), MYPYPATH=str(tmp_path / "stubs"))
    done = subprocess.run([sys.executable, "-m", "mypy.stubtest", "verbind", "--mypy-config-file", str(config)],
                          capture_output=True, text=True, env=env, cwd=tmp_path)
    assert done.returncode != 0
    assert "verbind.hop_reach is inconsistent" in done.stdout


def test_mypy_checks_user_code_with_the_shipped_stubs(tmp_path):
    # What the stubs are for: mypy, given the package as built (py.typed and
    # the .pyi next to the modules), accepts right calls and names wrong ones.
    pytest.importorskip("mypy", reason="python3-mypy is installed by scripts/setup")
    user = tmp_path / "user.py"
    user.write_text(
        "import verbind\n"
        "net = verbind.sample_programme(seed=1)\n"
        "g = net.graph(kinds=['knows'], start='2022-01-01')\n"
        "r = verbind.spread(g, ['r-1'], seed=1, runs=10, progress=True)\n"
        "mean: float = r.mean\n"
        "c = verbind.cascades(net)\n"
        "n: int = c.newcomers\n"
        "keys: list[str] = g.keys\n"
        "verbind.spread(g, [0], sed=1)\n"              # line 9
        "net.add_tie('a', 'b', weight='heavy')\n"      # line 10
        "t: str = verbind.timeline(net)\n"            # line 11
    )
    config = tmp_path / "mypy.ini"
    config.write_text("[mypy]\n\n" + UNTYPED_LIBRARIES)
    env = dict(os.environ, PYTHONPATH=str(PACKAGE_DIR.parent))
    done = subprocess.run([sys.executable, "-m", "mypy", "--config-file", str(config), "--cache-dir",
                           str(tmp_path / "cache"), "--no-error-summary", str(user)],
                          capture_output=True, text=True, env=env, cwd=tmp_path)
    errors = [line for line in done.stdout.splitlines() if ": error:" in line]
    assert [int(line.split(":")[1]) for line in errors] == [9, 10, 11], done.stdout
    assert 'Unexpected keyword argument "sed" for "spread"; did you mean "seed"?' in errors[0]
    assert '"weight" to "add_tie" of "Network" has incompatible type "str"; expected "float"' in errors[1]
    assert 'expression has type "Timeline", variable has type "str"' in errors[2]


# --- Graph and Network arguments, and no internal module path -----------------------

# A Graph or Network named by an annotation (not networkx.Graph, igraph.Graph).
GRAPH_OR_NETWORK = re.compile(r"(?<![.\w])(?:verbind\.)?(Graph|Network)\b")


def typed_arguments():
    """(name, callable, is_method, parameter, the verbind classes it takes)
    for every parameter of a public callable annotated with Graph or Network."""
    out = []
    for name, func, is_method in CALLABLES:
        params = list(inspect.signature(func).parameters.values())[1 if is_method else 0:]
        for p in params:
            text = annotation_text(p.annotation)
            if GRAPH_OR_NETWORK.search(text):
                out.append((name, func, is_method, p.name, [t.strip() for t in text.split("|")]))
    return out


TYPED = typed_arguments()


def test_the_survey_finds_graph_and_network_parameters():
    found = {(t[0], t[3]) for t in TYPED}
    for known in [("pagerank", "g"), ("ei_index", "g"), ("spread", "g"), ("introductions", "net"),
                  ("timeline", "net"), ("to_networkx", "x"), ("temporal_reach", "source"), ("Store.replace", "network")]:
        assert known in found


def instance_of(name, tmp_path):
    cls = getattr(verbind, name.split(".")[0])
    if cls is verbind.Store:
        return verbind.Store(str(tmp_path / "s.db"))
    if cls is verbind.Network:
        return verbind.Network()
    if cls is verbind.Graph:
        return verbind.Graph.from_edges([0], [1])
    pytest.fail(f"no instance of {cls} for {name}: add one here")


@pytest.mark.parametrize("name,func,is_method,param,classes", TYPED, ids=[f"{t[0]}:{t[3]}" for t in TYPED])
def test_a_wrong_graph_or_network_is_named(name, func, is_method, param, classes, tmp_path):
    """Every public callable taking a Graph or Network refuses anything else
    with TypeError "f(): param must be verbind.Graph, not verbind.Network"
    (and how to get a Graph from a Network), whatever the other arguments."""
    net = verbind.Network()
    graph = verbind.Graph.from_edges([0], [1])
    expected = " or ".join(f"verbind.{c}" if c != "None" else "None" for c in classes)
    wrong = [(5, "int"), ("net", "str"), ([graph], "list")]
    if "Graph" not in classes:
        wrong.append((graph, "verbind.Graph"))
    if "Network" not in classes:
        wrong.append((net, "verbind.Network"))
    if "None" not in classes:
        wrong.append((None, "None"))
    sig = inspect.signature(func)
    params = list(sig.parameters.values())[1 if is_method else 0:]
    for value, shown in wrong:
        # The other required arguments: placeholders (the class is checked first).
        args, kwargs = [], {}
        for p in params:
            given = value if p.name == param else None
            if p.name != param and p.default is not p.empty:
                continue
            if p.kind is p.KEYWORD_ONLY:
                kwargs[p.name] = given
            elif p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD):
                args.append(given)
        if is_method:
            args.insert(0, instance_of(name, tmp_path))
        with pytest.raises(TypeError) as info:
            func(*args, **kwargs)
        message = str(info.value)
        hint = "; use net.graph() to get its Graph" if shown == "verbind.Network" and classes == ["Graph"] else ""
        assert message == f"{name}(): {param} must be {expected}, not {shown}{hint}"


def test_networkx_and_igraph_graphs_are_named():
    nx = pytest.importorskip("networkx")
    with pytest.raises(TypeError, match=r"^pagerank\(\): g must be verbind\.Graph, not networkx\.classes\.graph\.Graph; "
                                        r"it is a networkx graph already \(verbind\.from_networkx"):
        verbind.pagerank(nx.path_graph(3))


def test_no_internal_module_path_anywhere():
    """No signature, class repr or Python's own message about a verbind
    object names the extension module (verbind._verbind)."""
    for name, func, _ in CALLABLES:
        assert "_verbind" not in str(inspect.signature(func)), name
        assert "_verbind" not in (func.__doc__ or ""), name
    for name, prop in public_properties():
        assert "_verbind" not in (prop.__doc__ or ""), name
    for name in verbind.__all__:
        value = getattr(verbind, name)
        if isinstance(value, type):
            assert "_verbind" not in repr(value), name
            assert value.__module__ == "verbind" or value.__module__ in {
                "verbind.evaluate", "verbind.match", "verbind.reach", "verbind.report", "verbind.socialmap",
                "verbind.store"}, name  # a public module
    net = verbind.sample_programme()
    objects = [net, net.graph(), verbind.introductions(net, limit=1)[0],
               verbind.spread(net.graph(), [0], runs=10, seed=1)]
    for obj in objects:
        with pytest.raises(AttributeError) as info:
            obj.no_such_attribute
        assert str(info.value).startswith(f"'{type(obj).__name__}' object has no attribute"), str(info.value)
        assert "_verbind" not in repr(type(obj))
