"""Argument checks shared by the package's Python-level wrappers.

Seeds and threads are not checked here: the C++ converters (seed_arg,
threads_arg in bindings/python/convert.cpp) are the one check of each, with
one range (seeds 0..2**64-1, threads 0..4096) for every function."""

from typing import Any

from ._errors import InputError


def shown(value: int) -> str:
    """An int as an error message shows it: in full up to 128 bits, else by
    its size (str() of a huge int is slow, and refused past 4300 digits). The
    C++ side (bindings/python/convert.cpp) shows ints the same way."""
    bits = value.bit_length()
    if bits <= 128:
        return str(value)
    return f"{'-' if value < 0 else ''}an int of {bits} bits"


def whole_number(value: Any, function: str, name: str, minimum: int) -> int:
    """``value`` as an int of at least ``minimum``: TypeError for a non-int
    (bool included), InputError naming the field for one that is too small."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{function}(): {name} must be int, not {type(value).__name__}")
    if value < minimum:
        raise InputError(f"{function}: field '{name}': must be at least {minimum}, got {shown(value)}")
    return value


def callable_or_none(value: Any, function: str, name: str) -> Any:
    """``value`` unchanged when None or callable; TypeError otherwise."""
    if value is not None and not callable(value):
        raise TypeError(f"{function}(): {name} must be callable or None, not {type(value).__name__}")
    return value
