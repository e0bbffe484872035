"""Exceptions raised by verbind.

Every class derives from :class:`Error` and, where one fits, from the builtin
a Python user would catch: bad input is a ``ValueError``, a missing key a
``KeyError``, a file problem an ``OSError``.
"""


class Error(Exception):
    """Base of every error verbind raises."""


class InputError(Error, ValueError):
    """Bad input: a malformed date, a negative weight, a duplicate key, a tie
    to oneself, text that is not UTF-8. The message names the record and
    field."""


class ParseError(InputError):
    """A file or text that does not parse; the message names file, line,
    field and value."""


class NotFoundError(Error, KeyError):
    """A key that does not exist (actor, event, node)."""

    def __str__(self):
        # KeyError shows repr(key); our argument is a sentence, not a key.
        if len(self.args) == 1:
            return str(self.args[0])
        return super().__str__()


class FileError(Error, OSError):
    """A file or folder that cannot be opened, read or written."""


class CancelledError(Error):
    """Work stopped because a progress callback asked for it."""


class CsvWarning(UserWarning):
    """Issued by read_csv and Network.import_csv for what they read past
    without an error: columns the CSV layout does not know (ignored), and
    renames in ``columns=`` that matched no header. Names columns, never
    values."""


# Show as verbind.InputError (not verbind._errors.InputError) in tracebacks.
for _cls in (Error, InputError, ParseError, NotFoundError, FileError, CancelledError, CsvWarning):
    _cls.__module__ = "verbind"
del _cls

__all__ = ["Error", "InputError", "ParseError", "NotFoundError", "FileError", "CancelledError", "CsvWarning"]
