"""Signatures and argument errors of verbind's public callables.

install() wraps every function and method of the extension module (the
C++ bindings), install_python() every public function and method written
in Python. The wrappers give three guarantees:

- No argument value in an argument error (issue 11). When no overload of a
  pybind11 function matches a call, pybind11 raises TypeError "incompatible
  function arguments ... Invoked with: <repr of every argument>". Those reprs
  can hold what must not end up in a traceback, a log or a notebook: a key, a
  path, a secret passed in the wrong place. The error is raised anew, outside
  the handler (so it carries no reference to the original), without them.
- A real signature: each wrapper of a C++ binding has ``__signature__``,
  read from the signature line pybind11 writes at the top of its docstring
  (the C++ parameter types show their Python names, bindings.hpp), so
  inspect.signature, help() and editors see the parameters, their types and
  defaults. scripts/stubgen writes the .pyi stubs from the same signatures.
- A misspelt or unknown keyword raises TypeError "f() got an unexpected
  keyword argument 'sed'; valid keywords are: seed, threads (did you mean
  'seed'?)"; a missing or surplus argument says so; an argument of the wrong
  class is named with the class it must be. Messages name the function the
  user called (bindings behind a Python wrapper carry the public name).
- A Graph or Network argument is checked once, here, for every public
  function and method (C++ or Python): "pagerank(): g must be verbind.Graph,
  not verbind.Network; use net.graph() to get its Graph". No message or
  signature names the extension module: its classes are verbind.X
  (install() gives them __module__ "verbind" and a type name without the
  module, the name Python's own messages use).
"""

import functools
import inspect
import re

_MARK = "Invoked with"
_NOTE = "(the values given are not shown: they may hold personal data or a secret)"

# Methods that take no argument from the caller: not worth a wrapper.
_SKIP = frozenset({"__repr__", "__len__", "__hash__", "__str__", "__eq__", "__ne__", "__copy__", "__enter__"})

# pybind11's type names as Python annotations: classes by their public name,
# NumPy arrays as numpy.typing.NDArray.
_REWRITES = (
    (re.compile(r"\bverbind\.(?:_verbind\.)?([A-Za-z_]\w*)"), r"\1"),
    (re.compile(r"\bnumpy\.ndarray\[bool\]"), "numpy.typing.NDArray[numpy.bool_]"),
    (re.compile(r"\bnumpy\.ndarray\["), "numpy.typing.NDArray["),
)
# A default pybind11 could not show as Python source ("<verbind.X object at ...>").
_OPAQUE = re.compile(r"=\s*<[^<>]*>")


class _Default:
    """A default value that has no literal form: repr gives pybind11's text."""

    __slots__ = ("text",)

    def __init__(self, text):
        self.text = text

    def __repr__(self):
        return self.text


def _annotation(source, node):
    return None if node is None else _segment(source, node)


def _segment(source, node):
    # The source of one node of a one-line parse.
    return source[node.col_offset:node.end_col_offset]


def _default(source, node, opaque):
    import ast

    text = _segment(source, node)
    if text.startswith("__opaque"):
        return _Default(opaque[int(text[len("__opaque"):])])
    try:
        return ast.literal_eval(node)
    except ValueError:
        return _Default(text)


def parse(doc):
    """(name, inspect.Signature) from the signature line pybind11 writes at
    the top of a docstring ("name(a: int, *, b: str | None = None) -> list"),
    or None when there is none (or it is an overload set)."""
    import ast

    if not doc:
        return None
    line = doc.split("\n", 1)[0]
    if doc.startswith(line + "\nOverloaded function."):
        return None
    open_paren = line.find("(")
    close = line.rfind(") -> ")
    if open_paren < 0 or close < open_paren:
        return None
    name = line[:open_paren]
    if name and not name.isidentifier():
        return None
    params = line[open_paren + 1:close]
    returns = line[close + 5:]
    for pattern, replacement in _REWRITES:
        params = pattern.sub(replacement, params)
        returns = pattern.sub(replacement, returns)

    opaque = []  # their texts, by the placeholder's number

    def hide(match):
        opaque.append(match.group(0)[1:].strip())
        return f"= __opaque{len(opaque) - 1}"

    params = _OPAQUE.sub(hide, params)
    source = f"def f({params}) -> {returns}: pass"
    try:
        tree = ast.parse(source).body[0]
    except SyntaxError:
        return None
    a = tree.args
    P = inspect.Parameter
    out = []
    positional = [(arg, P.POSITIONAL_ONLY) for arg in a.posonlyargs] + [
        (arg, P.POSITIONAL_OR_KEYWORD) for arg in a.args
    ]
    first_default = len(positional) - len(a.defaults)
    for i, (arg, kind) in enumerate(positional):
        annotation = _annotation(source, arg.annotation)
        if i == 0 and arg.arg == "self":
            annotation = None
        default = _default(source, a.defaults[i - first_default], opaque) if i >= first_default else P.empty
        out.append(P(arg.arg, kind, default=default, annotation=P.empty if annotation is None else annotation))
    if a.vararg is not None:
        out.append(P(a.vararg.arg, P.VAR_POSITIONAL))
    for arg, default in zip(a.kwonlyargs, a.kw_defaults):
        annotation = _annotation(source, arg.annotation)
        out.append(P(arg.arg, P.KEYWORD_ONLY, default=P.empty if default is None else _default(source, default, opaque),
                     annotation=P.empty if annotation is None else annotation))
    if a.kwarg is not None:
        out.append(P(a.kwarg.arg, P.VAR_KEYWORD))
    return_annotation = _annotation(source, tree.returns)
    return name, inspect.Signature(out, return_annotation=return_annotation)


class _LazySignature(inspect.Signature):
    """The signature in a pybind11 docstring, read when first asked for
    (reading all of them at import would cost milliseconds for each
    import verbind). A docstring without one gives (*args, **kwargs)."""

    __slots__ = ("_doc",)

    def __init__(self, parameters=None, *, return_annotation=inspect.Signature.empty, doc=None, **kw):
        self._doc = doc
        if doc is None:
            super().__init__(parameters, return_annotation=return_annotation, **kw)

    def _read(self, doc):
        # Threads may read it at once: each parses its own copy of the
        # docstring (taken before the check: another thread may clear _doc
        # in between) and sets the same values; _doc is cleared only once
        # they are set.
        parsed = parse(doc)
        if parsed is None:
            P = inspect.Parameter
            super().__init__([P("args", P.VAR_POSITIONAL), P("kwargs", P.VAR_KEYWORD)])
        else:
            super().__init__(parsed[1].parameters.values(), return_annotation=parsed[1].return_annotation)
        self._doc = None

    @property
    def parameters(self):
        doc = self._doc
        if doc is not None:
            self._read(doc)
        return super().parameters

    @property
    def return_annotation(self):
        doc = self._doc
        if doc is not None:
            self._read(doc)
        return super().return_annotation


def _keywords(signature):
    """The names a call may give as keywords (None: any, **kwargs)."""
    names = []
    for p in signature.parameters.values():
        if p.kind is p.VAR_KEYWORD:
            return None
        if p.kind in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY) and p.name not in ("self", "cls"):
            names.append(p.name)
    return names


def keyword_error(name, signature, kwargs):
    """The message for the first keyword in kwargs that signature does not
    take, or None when it takes them all."""
    valid = _keywords(signature)
    if valid is None:
        return None
    for key in kwargs:
        if key not in valid:
            import difflib

            message = f"{name}() got an unexpected keyword argument '{key}'; "
            message += f"valid keywords are: {', '.join(valid)}" if valid else "it takes no keyword arguments"
            close = difflib.get_close_matches(key, valid, n=1, cutoff=0.6)
            if close:
                message += f" (did you mean '{close[0]}'?)"
            return message
    return None


def _class_named(text):
    # A verbind class named by an annotation (pybind11 refuses any other
    # object for such a parameter), or None.
    import sys

    package = sys.modules.get("verbind")
    value = getattr(package, text, None) if text.isidentifier() else None
    return value if isinstance(value, type) else None


def type_name(value):
    """The class of value as a user knows it: int, verbind.Network,
    numpy.ndarray; None for None."""
    if value is None:
        return "None"
    cls = type(value)
    module = cls.__module__
    if module == "builtins":
        return cls.__qualname__
    if module == "verbind" or module.startswith("verbind."):
        return "verbind." + cls.__qualname__
    return f"{module}.{cls.__qualname__}"


_UNION = re.compile(r"^Optional\[(.*)\]$")


def classes_of(annotation):
    """(verbind classes, None allowed) that an annotation names, e.g.
    'Graph | None'; None when it names anything else too."""
    if isinstance(annotation, type):
        annotation = annotation.__name__
    if not isinstance(annotation, str):
        return None
    text = annotation.strip().strip("'\"")
    match = _UNION.match(text)
    if match:
        text = match.group(1) + " | None"
    classes, none_ok = [], False
    for part in text.split("|"):
        part = part.strip().strip("'\"")
        for prefix in ("verbind._verbind.", "_verbind.", "verbind."):
            if part.startswith(prefix):
                part = part[len(prefix):]
        if part == "None":
            none_ok = True
            continue
        cls = _class_named(part)
        if cls is None:
            return None
        classes.append(cls)
    return (tuple(classes), none_ok) if classes else None


def class_error(function, param, value, classes, none_ok=False):
    """The TypeError message for value given as param where classes (or
    None) are taken, with how to get what is needed where there is a way."""
    import sys

    names = [f"verbind.{c.__name__}" for c in classes] + (["None"] if none_ok else [])
    expected = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]
    message = f"{function}(): {param} must be {expected}, not {type_name(value)}"
    package = sys.modules.get("verbind")
    graph, network = getattr(package, "Graph", None), getattr(package, "Network", None)
    if graph in classes and network not in classes and network is not None and isinstance(value, network):
        message += "; use net.graph() to get its Graph"
    elif graph in classes or network in classes:
        nx, ig = sys.modules.get("networkx"), sys.modules.get("igraph")
        if nx is not None and isinstance(value, nx.Graph):
            message += "; it is a networkx graph already (verbind.from_networkx makes a verbind Graph or Network of it)"
        elif ig is not None and isinstance(value, ig.Graph):
            message += "; it is an igraph graph already (verbind.from_igraph makes a verbind Graph or Network of it)"
    return message


def _argument_error(name, signature, message, args, kwargs):
    """What went wrong in a call pybind11 refused, without any value."""
    if signature is not None:
        problem = keyword_error(name, signature, kwargs)
        if problem:
            return problem
        try:
            bound = signature.bind(*args, **kwargs)
        except TypeError as e:
            return f"{name}(): {e}"
        for param, value in bound.arguments.items():
            annotation = signature.parameters[param].annotation
            if annotation == "bool":
                # pybind11 takes None and anything with __bool__ for a C++ bool.
                if value is not None and not hasattr(type(value), "__bool__"):
                    return f"{name}(): {param} must be bool, not {type(value).__name__}"
                continue
            named = classes_of(annotation)
            if named is not None and not (value is None and named[1]) and not isinstance(value, named[0]):
                return class_error(name, param, value, *named)
    head = message.split(_MARK, 1)[0].rstrip()
    if ": incompatible function arguments" in head and name:
        # pybind11 names the function without its class.
        head = name + head[head.index("("):]
    return f"{head}\n{_NOTE}"


class _ReturningSignature(_LazySignature):
    """A binding's lazy signature with another return type."""

    __slots__ = ("_returns",)

    def __init__(self, doc, returns):
        super().__init__(doc=doc)
        self._returns = returns

    @property
    def return_annotation(self):
        return self._returns


def returning(native, cls, make=None):
    """A function calling native (a guarded binding) that gives its result as
    cls(result) (or make(result)): the same name, parameters, keyword and
    argument errors (the binding's own), the return type cls."""
    make = make or cls

    @functools.wraps(native)
    def wrapper(*args, **kwargs):
        return make(native(*args, **kwargs))

    wrapper.__signature__ = _ReturningSignature(native.__doc__, cls.__name__)
    return wrapper


def public_names(text):
    """text with the extension's classes by their public names (pybind11
    writes verbind._verbind.X in signature lines)."""
    return text.replace("verbind._verbind.", "verbind.")


def _without_values(message):
    head = message.split(_MARK, 1)[0].rstrip()
    return f"{head}\n{_NOTE}"


def guard(func, qualname=None):
    """func (a function of the extension), with a signature and argument
    errors that name what is wrong, never a value."""
    signature = _LazySignature(doc=func.__doc__) if func.__doc__ else None
    name = qualname or func.__name__
    typed = []  # [[(param, classes, None allowed)]] once known

    @functools.wraps(func)
    def guarded(*args, **kwargs):
        if signature is not None:
            # Parameters that take more than pybind11 checks (a Network or
            # Contacts) are checked here, as for the ones it checks.
            if not typed:
                typed[:] = [_typed_parameters(signature)]
            if typed[0]:
                _check_classes(name, signature, typed[0], args, kwargs)
        try:
            return func(*args, **kwargs)
        except TypeError as e:
            message = str(e)
            # pybind11's own refusal of these arguments: its message, and no
            # Python frame below this one (an error from a callback the
            # function called, even a refused call in it, is the callback's).
            if _MARK not in message or e.__traceback__ is None or e.__traceback__.tb_next is not None:
                raise
        raise TypeError(_argument_error(name, signature, message, args, kwargs))

    if signature is not None:
        guarded.__signature__ = signature
    if func.__doc__:
        guarded.__doc__ = public_names(func.__doc__)
    if qualname:
        guarded.__qualname__ = qualname
    guarded.__verbind_guarded__ = True
    return guarded


def _is_builtin(value):
    return type(value).__name__ == "builtin_function_or_method"


def _guard_class(cls):
    for name, value in list(vars(cls).items()):
        if name in _SKIP or getattr(value, "__verbind_guarded__", False):
            continue
        kind = type(value).__name__
        qualname = f"{cls.__name__}.{name}"
        if kind == "instancemethod" and _is_builtin(value.__func__):
            setattr(cls, name, guard(value.__func__, qualname))
        elif isinstance(value, staticmethod) and _is_builtin(value.__func__):
            setattr(cls, name, staticmethod(guard(value.__func__, qualname)))


def install(module):
    """Guards every function of the extension module and every method of its
    classes, and names the classes verbind.X (call once, before anything else
    imports names from it)."""
    for name, value in list(vars(module).items()):
        if _is_builtin(value):
            setattr(module, name, guard(value))
        elif isinstance(value, type) and value.__module__ in ("verbind", module.__name__):
            _guard_class(value)
            for member in vars(value).values():
                if isinstance(member, property) and member.__doc__ and "_verbind." in member.__doc__:
                    member.__doc__ = public_names(member.__doc__)
            if not issubclass(value, BaseException) and not name.startswith("_"):
                value.__module__ = "verbind"
                # Python's own messages ("'X' object has no attribute ...",
                # "cannot pickle 'X' object") use the C type name, which
                # pybind11 made "verbind._verbind.X"; setting __name__ sets it.
                value.__name__ = value.__name__


# --- functions written in Python ----------------------------------------------------


def guard_python(func, qualname=None):
    """func (written in Python), raising TypeError naming the valid keywords
    when it is called with one it does not take."""
    name = qualname or func.__qualname__
    typed = []  # [signature, [(param, classes, None allowed)]] once known

    @functools.wraps(func)
    def checked(*args, **kwargs):
        if not typed:
            signature = inspect.signature(func)
            typed[:] = [signature, _typed_parameters(signature)]
        if typed[1]:
            _check_classes(name, typed[0], typed[1], args, kwargs)
        try:
            return func(*args, **kwargs)
        except TypeError as e:
            # Raised by the call itself (binding the arguments), not from
            # inside func: no frame of func in the traceback.
            if e.__traceback__ is None or e.__traceback__.tb_next is not None or not kwargs:
                raise
            message = keyword_error(name, inspect.signature(func), kwargs)
            if message is None:
                raise
        raise TypeError(message)

    checked.__verbind_guarded__ = True
    return checked


def _typed_parameters(signature):
    """The parameters annotated with Graph or Network (alone, with each other,
    another verbind class or None): [(name, classes, None allowed)]."""
    import sys

    package = sys.modules.get("verbind")
    wanted = (getattr(package, "Graph", None), getattr(package, "Network", None))
    out = []
    for p in signature.parameters.values():
        if p.name in ("self", "cls"):
            continue  # a method's own object (pybind11 checks it)
        named = classes_of(p.annotation)
        if named is not None and any(c in wanted for c in named[0]):
            out.append((p.name, named[0], named[1]))
    return out


def _check_classes(name, signature, typed, args, kwargs):
    try:
        bound = signature.bind(*args, **kwargs)
    except TypeError:
        return  # the call itself says what is missing or unknown
    for param, classes, none_ok in typed:
        if param in bound.arguments:
            value = bound.arguments[param]
            if not (value is None and none_ok) and not isinstance(value, classes):
                raise TypeError(class_error(name, param, value, classes, none_ok))


def _guard_python_class(cls):
    for name, value in list(vars(cls).items()):
        if name.startswith("_") and name != "__init__":
            continue
        qualname = f"{cls.__name__}.{name}"
        if isinstance(value, (staticmethod, classmethod)):
            inner = value.__func__
            if inspect.isfunction(inner) and not getattr(inner, "__verbind_guarded__", False):
                setattr(cls, name, type(value)(guard_python(inner, qualname)))
        elif inspect.isfunction(value) and not getattr(value, "__verbind_guarded__", False):
            setattr(cls, name, guard_python(value, qualname))


def install_python(package):
    """Guards every public function written in Python that the package
    exports (in __all__), where it is defined and in the package, and every
    public method (and __init__) of the classes it exports."""
    import sys

    for name in package.__all__:
        value = getattr(package, name)
        if isinstance(value, type):
            if not issubclass(value, BaseException):
                _guard_python_class(value)
        elif inspect.isfunction(value) and not getattr(value, "__verbind_guarded__", False):
            wrapped = guard_python(value)
            setattr(package, name, wrapped)
            home = sys.modules.get(value.__module__)
            if home is not None and getattr(home, value.__name__, None) is value:
                setattr(home, value.__name__, wrapped)
