"""Arguments a hostile or unlucky caller passes (issue 11, items 6 and 7 and
the input-hygiene list): the HMAC secret never reaches a message, a path with
an embedded NUL is refused by every reader and writer, a huge Python int
gets a clear error naming the function and keyword, an empty key has no
pseudonym. Each class is enumerated from the module, so a new function with
a secret, a path or an integer keyword is covered or the test fails."""

import base64
import hashlib
import hmac
import inspect
import pathlib
import re
import traceback

import numpy as np
import pytest

import verbind

SECRET = b"\xc0\xff\xee" + bytes(range(0x41, 0x41 + 29)) + b"\x00\x01\x7f\x80"  # 36 bytes


def public_functions():
    return {name: getattr(verbind, name) for name in verbind.__all__
            if callable(getattr(verbind, name)) and not inspect.isclass(getattr(verbind, name))}


def parameters(func):
    """Parameter names of a public function (Python or pybind11) with their
    defaults as text ('' for none)."""
    try:
        return {name: ("" if p.default is inspect.Parameter.empty else repr(p.default))
                for name, p in inspect.signature(func).parameters.items()}
    except (TypeError, ValueError):
        head = (func.__doc__ or "").split("\n", 1)[0]
        inner = head[head.index("(") + 1:head.rindex(")")] if "(" in head else ""
        out = {}
        for part in inner.split(","):
            match = re.match(r"\s*(\w+)(?:: [^=]+)?(?: = (.*))?$", part.strip())
            if match and match.group(1) not in ("self",):
                out[match.group(1)] = (match.group(2) or "").strip()
        return out


def message_text(exc):
    """Everything a user could see of an exception: str, repr, the formatted
    traceback with its chained causes."""
    return "\n".join([str(exc), repr(exc), "".join(traceback.format_exception(exc))])


# --- the secret -------------------------------------------------------------------------

def secret_forms(secret):
    """Ways the secret could show up in a message."""
    forms = {repr(secret), repr(secret)[2:-1], secret.hex(), secret.hex().upper(), str(secret),
             base64.b64encode(secret).decode(), repr(bytearray(secret)), secret.decode("latin-1"),
             " ".join(f"{b:02x}" for b in secret), str(list(secret))}
    # and any 8-byte stretch of its repr or hex
    text = repr(secret)[2:-1]
    forms |= {text[i:i + 12] for i in range(0, len(text) - 12, 3)}
    forms |= {secret.hex()[i:i + 16] for i in range(0, len(secret.hex()) - 16, 4)}
    return forms


def assert_no_secret(exc, secret=SECRET):
    text = message_text(exc)
    for form in secret_forms(secret):
        assert form not in text, f"the secret ({form!r}) is in the message:\n{text}"
    assert "Invoked with" not in text


@pytest.fixture(scope="module")
def small_net():
    net = verbind.Network()
    net.add_resident("r-1")
    net.add_resident("r-2")
    net.add_tie("r-1", "r-2")
    net.add_event("e-1", date="2022-05-04", kind="iftar")
    net.attend("e-1", "r-1")
    return net


# Valid arguments for every public function that takes a secret (by keyword).
SECRET_BASES = {
    "pseudonym": lambda net: {"key": "r-1"},
    "pseudonymise": lambda net: {"network": net},
}

BAD_VALUES = [None, 1, -1, 2**70, 1.5, "", " ", "a\x00b", "\udc80", b"", b"r-1", object(), [], {"a": 1}]


def bad_secret_calls(func, base, secret):
    """(description, thunk) for many wrong calls that all include the secret."""
    calls = []
    keywords = list(base)
    for name in keywords:
        for bad in BAD_VALUES:
            args = dict(base, **{name: bad}, secret=secret)
            calls.append((f"{name}={bad!r}", lambda a=args: func(**a)))
    positional = list(base.values())
    calls += [
        ("extra positional", lambda: func(*positional, secret, "extra")),
        ("extra positional x2", lambda: func(*positional, secret, "actor", "more")),
        ("misspelt keyword", lambda: func(*positional, secrett=secret)),
        ("unknown keyword", lambda: func(*positional, secret, event=True)),
        ("unknown keyword 2", lambda: func(*positional, secret=secret, is_event=1)),
        ("secret twice", lambda: func(*positional, secret, secret=secret)),
        ("missing argument", lambda: func(secret)),
        ("swapped", lambda: func(secret, *positional)),
        ("no arguments", lambda: func()),
    ]
    if "kind" in parameters(func):
        for bad in [1, None, "person", b"actor", "", ["actor"]]:
            calls.append((f"kind={bad!r}", lambda b=bad: func(*positional, secret, kind=b)))
    return calls


def bad_secrets(secret):
    """Wrong forms of the secret itself: messages must not show them either."""
    return [secret.hex(), secret.decode("latin-1"), list(secret), tuple(secret), memoryview(secret)[::2],
            memoryview(np.frombuffer(secret, dtype=np.uint8).reshape(6, 6)[:, ::2]), secret[:20], secret[:31],
            int.from_bytes(secret, "big"), np.frombuffer(secret, dtype=np.uint8)]


def test_every_function_taking_a_secret_is_covered():
    takes = {name for name, func in public_functions().items() if "secret" in parameters(func)}
    assert takes == set(SECRET_BASES)


@pytest.mark.parametrize("name", sorted(SECRET_BASES))
def test_the_secret_never_appears_in_an_error(name, small_net):
    func = getattr(verbind, name)
    base = SECRET_BASES[name](small_net)
    tried = 0
    for description, call in bad_secret_calls(func, base, SECRET):
        with pytest.raises(Exception) as info:
            call()
        assert isinstance(info.value, (TypeError, ValueError, KeyError)), (description, info.value)
        assert_no_secret(info.value)
        tried += 1
    for wrong in bad_secrets(SECRET):
        with pytest.raises((TypeError, ValueError)) as info:
            func(**base, secret=wrong)
        text = message_text(info.value)
        if isinstance(wrong, (bytes, str)):
            for form in secret_forms(wrong.encode("latin-1") if isinstance(wrong, str) else wrong):
                assert form not in text, (wrong, text)
        assert_no_secret(info.value)
        tried += 1
    assert tried > 30


def test_issue_repro_secret_stays_out():
    # As filed: both gave pybind11's "Invoked with: 'a', b'\xc0\xff...'".
    with pytest.raises(TypeError, match="unexpected keyword argument 'event'") as info:
        verbind.pseudonym("a", SECRET, event=True)
    assert_no_secret(info.value)
    with pytest.raises(TypeError, match=r"pseudonymise\(\): network must be verbind.Network, not None") as info:
        verbind.pseudonymise(None, SECRET)
    assert_no_secret(info.value)


def test_the_raw_bindings_parse_by_hand(small_net):
    # The C++ entry points themselves never let pybind11 print arguments.
    for call in (lambda: verbind._verbind._pseudonym("a", SECRET),
                 lambda: verbind._verbind._pseudonym("a", SECRET, "actor", 1),
                 lambda: verbind._verbind._pseudonymise(small_net, SECRET, 1),
                 lambda: verbind._verbind._pseudonym("a", SECRET, kind="actor")):
        with pytest.raises(TypeError) as info:
            call()
        assert_no_secret(info.value)


def test_good_calls_match_an_independent_hmac(small_net):
    for key, kind, domain in (("r-1", "actor", b"verbind:actor:"), ("e-1", "event", b"verbind:event:"),
                              ("\u00e9t\u00e9", "actor", b"verbind:actor:")):
        expected = hmac.new(SECRET, domain + key.encode(), hashlib.sha256).hexdigest()
        assert verbind.pseudonym(key, SECRET, kind=kind) == expected
        assert verbind.pseudonym(key, bytearray(SECRET), kind=kind) == expected
        assert verbind.pseudonym(key, memoryview(SECRET), kind=kind) == expected
    out = verbind.pseudonymise(small_net, SECRET)
    assert [a["key"] for a in out.actors()] == [
        hmac.new(SECRET, b"verbind:actor:" + k.encode(), hashlib.sha256).hexdigest() for k in ("r-1", "r-2")]


def test_keys_the_network_refuses_have_no_pseudonym():
    for key in ("", " ", " r-1", "r-1 ", "a\tb", "a\x00b", "a\x7f"):
        net = verbind.Network()
        with pytest.raises(verbind.InputError):
            net.add_resident(key)
        for kind in ("actor", "event"):
            with pytest.raises(verbind.InputError, match=f"pseudonym: {kind} key: ") as info:
                verbind.pseudonym(key, SECRET, kind=kind)
            assert_no_secret(info.value)
    with pytest.raises(verbind.InputError, match="pseudonym: actor key: must not be empty"):
        verbind.pseudonym("", SECRET)


# --- paths with an embedded NUL -------------------------------------------------------------

def _graph_file(tmp):
    path = tmp / "g.txt"
    path.write_text("a b\nb c\n")
    return path


# Every public reader and writer that takes a path: a call with the path.
def path_calls(net, tmp):
    return {
        "Network.save": lambda p: net.save(p),
        "Network.write_csv": lambda p: net.write_csv(p),
        "Network.import_csv": lambda p: net.import_csv(p),
        "Network.write_json": lambda p: net.write_json(p),
        "Network.write_graphml": lambda p: net.write_graphml(p),
        "write_graphml": lambda p: verbind.write_graphml(net, p),
        "report": lambda p: verbind.report(net, p),
        "load": lambda p: verbind.load(p),
        "read_csv": lambda p: verbind.read_csv(p),
        "read_json": lambda p: verbind.read_json(p),
        "read_edgelist": lambda p: verbind.read_edgelist(p),
        "read_contacts": lambda p: verbind.read_contacts(p),
        "load_graph": lambda p: verbind.load_graph(p),
        "Graph.save": lambda p: verbind.Graph.from_edges([0], [1]).save(p),
        "Store": lambda p: verbind.Store(p),
    }


def test_every_path_argument_is_covered(small_net, tmp_path):
    names = set()
    for name, func in public_functions().items():
        if {"path", "folder"} & set(parameters(func)):
            names.add(name)
    for cls in (verbind.Network, verbind.Store, verbind.Graph):
        for member in dir(cls):
            func = getattr(cls, member)
            if (not member.startswith("_") or member == "__init__") and callable(func):
                doc = (func.__doc__ or "").split("\n")
                if any(re.search(r"\b(path|folder): ", line) for line in doc[:3]):
                    names.add(cls.__name__ if member == "__init__" else f"{cls.__name__}.{member}")
    assert names == set(path_calls(small_net, tmp_path))


@pytest.mark.parametrize("form", ["str", "bytes", "Path"])
def test_embedded_nul_is_refused_everywhere(form, small_net, tmp_path):
    # Readers get a real file before the NUL, so a cut-short name would load.
    small_net.save(tmp_path / "t.db")
    small_net.write_csv(tmp_path / "t.db-csv")
    before = sorted(p.name for p in tmp_path.iterdir())
    for name, call in path_calls(small_net, tmp_path).items():
        target = str(tmp_path / "t.db") + "\x00.evil"
        arg = {"str": target, "bytes": target.encode(), "Path": pathlib.Path(target)}[form]
        with pytest.raises(ValueError, match="embedded null byte in path") as info:
            call(arg)
        assert isinstance(info.value, verbind.InputError), name
        # Python's own open() refuses the same path with a ValueError.
        with pytest.raises(ValueError):
            open(arg, "rb")
        assert sorted(p.name for p in tmp_path.iterdir()) == before, name


def test_path_types(small_net, tmp_path):
    class Bad:
        def __fspath__(self):
            return 42

    class Good:
        def __fspath__(self):
            return str(tmp_path / "x.json")

    class NulInside:
        def __fspath__(self):
            return b"x.json\x00y"

    with pytest.raises(TypeError, match=r"write_json\(\): path must be str, bytes or os.PathLike, not int"):
        small_net.write_json(3)
    with pytest.raises(TypeError, match="__fspath__"):
        small_net.write_json(Bad())
    with pytest.raises(verbind.InputError, match="embedded null byte"):
        small_net.write_json(NulInside())
    small_net.write_json(Good())
    assert verbind.read_json(Good()) == small_net


# --- huge integers ------------------------------------------------------------------------------

def _int_bases(net, g, tmp):
    """Valid positional arguments of every public function with an integer
    keyword, and callables for methods with one."""
    contacts = tmp / "c.txt"
    contacts.write_text("1 a b\n2 b c\n")
    return {
        "sample_programme": ((), {"scale": 0.01}),
        "spread": ((g, [0]), {"runs": 10}),
        "influence_max": ((g, 1), {}),
        "hop_reach": ((g, [0]), {}),
        "introductions": ((net,), {}),
        "tables": ((net, "e-1"), {}),
        "social_map": ((net,), {}),
        "timeline": ((net,), {"permutations": 2}),
        "report": ((net,), {}),
        "betweenness": ((g,), {}),
        "betweenness_sources": ((), {"n": 5, "samples": 2}),
        "closeness": ((g,), {}),
        "harmonic": ((g,), {}),
        "communities": ((g,), {}),
        "pagerank": ((g,), {}),
        "eigenvector": ((g,), {}),
        "constraint": ((g,), {}),
        "effective_size": ((g,), {}),
        "expected_ei_index": ((g, [0, 1, 0, 1]), {"permutations": 5}),
        "assign": (([[1.0, 2.0], [3.0, 4.0]],), {}),
        "stable_match": (({"p": ["r"]}, {"r": ["p"]}), {}),
        "blocking_pairs": (({"p": ["r"]}, {"r": ["p"]}, {"p": "r"}), {}),
        "suppress_small_cells": (([[1, 2], [3, 4]],), {}),
        "temporal_reach": ((verbind.read_contacts(contacts), ["a"]), {"start": 0}),
        "set_max_threads": ((), {}),
    }


INT_KEYWORDS = {"seed", "limit", "samples", "hops", "n", "k", "runs", "threads"}
# Keywords that take an int only for some sources (temporal_reach on Contacts).
EXTRA_INT_KEYWORDS = {"temporal_reach": {"start", "end", "max_wait"}}


def int_keywords(func):
    """Keywords of func that take an int: those whose default is an int, and
    the known optional ones."""
    out = set()
    for name, default in parameters(func).items():
        if re.fullmatch(r"-?\d+", default) or name in INT_KEYWORDS or name == "capacities":
            out.add(name)
    return out | EXTRA_INT_KEYWORDS.get(func.__name__, set())


@pytest.fixture(scope="module")
def int_world(tmp_path_factory, small_net):
    tmp = tmp_path_factory.mktemp("ints")
    g = verbind.Graph.from_edges([0, 1, 2], [1, 2, 3])
    return _int_bases(small_net, g, tmp)


def test_every_function_with_an_int_keyword_is_probed(int_world):
    have = {name for name, func in public_functions().items() if int_keywords(func)}
    assert have == set(int_world), (sorted(have - set(int_world)), sorted(set(int_world) - have))


HUGE = [2**64, 2**70, -2**70, 10**5000]  # outside every integer range (seeds reach 2**64-1)


def test_huge_ints_get_a_clear_error(int_world):
    tried = 0
    for name, (args, kwargs) in sorted(int_world.items()):
        func = getattr(verbind, name)
        for keyword in sorted(int_keywords(func)):
            for value in HUGE:
                call = dict(kwargs, **{keyword: value})
                try:
                    func(*args, **call)
                except (ValueError, TypeError, OverflowError) as e:
                    text = str(e)
                    assert "Unable to cast" not in text and "incompatible function arguments" not in text, (
                        name, keyword, text)
                    assert keyword in text, (name, keyword, text)
                    assert name.split(".")[-1] in text, (name, keyword, text)
                    tried += 1
                else:
                    raise AssertionError(f"{name}({keyword}={value}) was accepted")
    assert tried > 150


def test_huge_ints_in_methods_and_values():
    g = verbind.Graph.from_edges([0, 1], [1, 2])
    net = verbind.Network()
    net.add_resident("a")
    net.add_resident("b")
    checks = [
        (lambda: g.key(2**70), verbind.NotFoundError, r"key: node: unknown key 1180591620717411303424"),
        (lambda: g.neighbors(-2**70), verbind.NotFoundError, "unknown key -1180591620717411303424"),
        (lambda: verbind.Graph.from_edges([0], [1], n=2**70), ValueError, "n = "),
        (lambda: net.add_tie("a", "b", weight=2**2000), verbind.InputError, "add_tie: weight is too large"),
        (lambda: verbind.sample_programme(2**64), verbind.InputError, r"seed must be in 0..2\*\*64-1"),
        (lambda: verbind.sample_programme(scale=10**400), verbind.InputError, "scale is too large"),
        (lambda: verbind.hop_reach(g, [2**70]), verbind.NotFoundError, "unknown key"),
        (lambda: verbind.stable_match({"p": ["r"]}, {"r": ["p"]}, capacities={"r": 2**70}), ValueError,
         r"capacities\['r'\]"),
        (lambda: verbind.assign([[1.0]], row_capacity=[2**70]), (ValueError, TypeError, OverflowError), ""),
        (lambda: verbind.communities(g, resolution=2**2000), verbind.InputError, "resolution is too large"),
        (lambda: verbind.modularity(g, [0, 0, 1], resolution=10**400), verbind.InputError, "resolution"),
    ]
    for call, error, pattern in checks:
        with pytest.raises(error, match=pattern) as info:
            call()
        assert "Unable to cast" not in str(info.value) and "Invoked with" not in str(info.value)


def test_range_message_shape():
    g = verbind.Graph.from_edges([0, 1], [1, 2])
    with pytest.raises(verbind.InputError, match=r"^spread: runs must be in 1\.\.2\*\*63-1, got 1180591620717411303424$"):
        verbind.spread(g, [0], runs=2**70)
    with pytest.raises(verbind.InputError, match=r"^spread: threads must be in 0\.\.4096, got an int of 16610 bits$"):
        verbind.spread(g, [0], threads=10**5000)
    with pytest.raises(verbind.InputError, match=r"^spread: runs must be at least 1, got -5$"):
        verbind.spread(g, [0], runs=-5)
    with pytest.raises(TypeError, match=r"^spread\(\): runs must be int, not bool$"):
        verbind.spread(g, [0], runs=True)


# --- no argument value in any argument error --------------------------------------------------

class Leaky:
    """An argument whose repr and str would show in a message that prints values."""

    def __repr__(self):
        return "LEAKED-VALUE-7f3a"

    __str__ = __repr__


def _callables(net, g, store):
    """(name, callable) for every public function and every method of
    Network, Graph and Store, bound where needed."""
    out = [(name, func) for name, func in sorted(public_functions().items())]
    for obj in (net, g, store):
        cls = type(obj)
        for name in sorted(vars(cls)):
            value = getattr(obj, name, None)
            if callable(value) and (not name.startswith("_") or name in ("__init__", "__deepcopy__", "__exit__")):
                out.append((f"{cls.__name__}.{name}", value if name != "__init__" else cls))
    return out


def test_no_argument_error_shows_a_value(tmp_path):
    net = verbind.Network()
    net.add_resident("r-1")
    g = verbind.Graph.from_edges([0, 1], [1, 2])
    store = verbind.Store(tmp_path / "s.db")
    shapes = [
        ((Leaky(),), {}),
        ((Leaky(), Leaky()), {}),
        ((Leaky(), Leaky(), Leaky(), Leaky()), {}),
        ((), {"no_such_keyword": Leaky()}),
        ((Leaky(),), {"no_such_keyword": Leaky()}),
        ((net, Leaky()), {"include_sensitive": Leaky()}),
        ((g, Leaky()), {"threads": Leaky()}),
    ]
    raised = 0
    for name, func in _callables(net, g, store):
        if name in ("Store.close", "Store.__exit__"):
            continue  # would close the store the other calls use; their errors are checked below
        for args, kwargs in shapes:
            try:
                func(*args, **kwargs)
            except Exception as e:  # every error, of any class
                text = message_text(e)
                assert "LEAKED-VALUE-7f3a" not in text, (name, args, kwargs, text)
                assert "Invoked with" not in text, (name, text)
                raised += 1
    for func in (store.close, store.__exit__):
        with pytest.raises(TypeError) as info:
            func(Leaky(), Leaky(), Leaky(), Leaky())
        assert "LEAKED-VALUE-7f3a" not in message_text(info.value)
    store.close()
    assert raised > 400


def test_argument_errors_still_say_what_is_wrong():
    net = verbind.Network()
    # The parameter and the type it takes, not the value (verbind/_nodump.py).
    with pytest.raises(TypeError, match=r"^Network\.add_resident\(\): key_figure must be bool, not str$"):
        net.add_resident("a", key_figure="yes")
