"""No argument value in pybind11's argument errors.

When no overload of a pybind11 function matches a call, pybind11 raises
TypeError "incompatible function arguments ... Invoked with: <repr of every
argument>". Those reprs can hold what must not end up in a traceback, a log
or a notebook: a key, a path, a secret passed in the wrong place (issue 11).
install() wraps every function and method of the extension module so that
such an error keeps its first part (which signatures exist) and loses the
argument values. The exception is raised anew, outside the handler, so it
carries no reference to the original either.
"""

import functools

_MARK = "Invoked with"
_NOTE = "(the values given are not shown: they may hold personal data or a secret)"

# Methods that take no argument from the caller: not worth a wrapper.
_SKIP = frozenset({"__repr__", "__len__", "__hash__", "__str__", "__eq__", "__ne__", "__copy__", "__enter__"})


def _without_values(message):
    head = message.split(_MARK, 1)[0].rstrip()
    return f"{head}\n{_NOTE}"


def guard(func):
    """func, raising its argument errors without the argument values."""

    @functools.wraps(func)
    def guarded(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except TypeError as e:
            message = str(e)
            if _MARK not in message:
                raise
        raise TypeError(_without_values(message))

    guarded.__verbind_guarded__ = True
    return guarded


def _is_builtin(value):
    return type(value).__name__ == "builtin_function_or_method"


def _guard_class(cls):
    for name, value in list(vars(cls).items()):
        if name in _SKIP or getattr(value, "__verbind_guarded__", False):
            continue
        kind = type(value).__name__
        if kind == "instancemethod" and _is_builtin(value.__func__):
            setattr(cls, name, guard(value.__func__))
        elif isinstance(value, staticmethod) and _is_builtin(value.__func__):
            setattr(cls, name, staticmethod(guard(value.__func__)))


def install(module):
    """Guards every function of the extension module and every method of its
    classes (call once, before anything else imports names from it)."""
    for name, value in list(vars(module).items()):
        if _is_builtin(value):
            setattr(module, name, guard(value))
        elif isinstance(value, type) and value.__module__ in ("verbind", module.__name__):
            _guard_class(value)
