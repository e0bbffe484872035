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

    def _read(self):
        # Threads may read it at once: each parses and sets the same values;
        # _doc is cleared only once they are set.
        parsed = parse(self._doc)
        if parsed is None:
            P = inspect.Parameter
            super().__init__([P("args", P.VAR_POSITIONAL), P("kwargs", P.VAR_KEYWORD)])
        else:
            super().__init__(parsed[1].parameters.values(), return_annotation=parsed[1].return_annotation)
        self._doc = None

    @property
    def parameters(self):
        if self._doc is not None:
            self._read()
        return super().parameters

    @property
    def return_annotation(self):
        if self._doc is not None:
            self._read()
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
            cls = _class_named(annotation) if isinstance(annotation, str) else None
            if cls is not None and not isinstance(value, cls):
                return f"{name}(): {param} must be {cls.__name__}, not {type(value).__name__}"
    head = message.split(_MARK, 1)[0].rstrip()
    if ": incompatible function arguments" in head and name:
        # pybind11 names the function without its class.
        head = name + head[head.index("("):]
    return f"{head}\n{_NOTE}"


def _without_values(message):
    head = message.split(_MARK, 1)[0].rstrip()
    return f"{head}\n{_NOTE}"


def guard(func, qualname=None):
    """func (a function of the extension), with a signature and argument
    errors that name what is wrong, never a value."""
    signature = _LazySignature(doc=func.__doc__) if func.__doc__ else None
    name = qualname or func.__name__

    @functools.wraps(func)
    def guarded(*args, **kwargs):
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
    classes (call once, before anything else imports names from it)."""
    for name, value in list(vars(module).items()):
        if _is_builtin(value):
            setattr(module, name, guard(value))
        elif isinstance(value, type) and value.__module__ in ("verbind", module.__name__):
            _guard_class(value)


# --- functions written in Python ----------------------------------------------------


def guard_python(func, qualname=None):
    """func (written in Python), raising TypeError naming the valid keywords
    when it is called with one it does not take."""
    name = qualname or func.__qualname__

    @functools.wraps(func)
    def checked(*args, **kwargs):
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
