"""Argument checks shared by the package's Python-level wrappers."""

from typing import Any

from ._errors import InputError


def whole_number(value: Any, function: str, name: str, minimum: int) -> int:
    """``value`` as an int of at least ``minimum``: TypeError for a non-int
    (bool included), InputError naming the field for one that is too small."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{function}(): {name} must be int, not {type(value).__name__}")
    if value < minimum:
        raise InputError(f"{function}: field '{name}': must be at least {minimum}, got {value}")
    return value
