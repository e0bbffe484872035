"""The one place that decides what a ``progress`` argument means.

Every public function that takes ``progress`` (the C++ bindings through
``with_progress`` in bindings/python/bindings.hpp, and the Python-level
wrappers) goes through :func:`check` and :func:`reporter`:

- ``None`` or ``False``: no progress;
- ``True``: a progress bar, tqdm's when tqdm can be imported, otherwise one
  line of text on stderr ("verbind betweenness: 30%") rewritten in place a
  few times a second and ended with a newline;
- a callable: called with the fraction done in [0, 1], as always (a falsy
  answer other than None cancels the work with CancelledError);
- anything else: TypeError naming the function and the parameter.
"""

from __future__ import annotations

import sys
import time
from typing import Any, Callable, Optional, Tuple

__all__ = ["check", "reporter", "TextBar", "TqdmBar"]


def check(progress: Any, function: str, name: str = "progress") -> Any:
    """``progress`` unchanged when it is None, a bool or a callable;
    TypeError naming ``function`` and ``name`` otherwise."""
    if progress is None or isinstance(progress, bool) or callable(progress):
        return progress
    raise TypeError(
        f"{function}(): {name} must be callable (taking the fraction done), True, False or None, "
        f"not {type(progress).__name__}"
    )


class TextBar:
    """One line on a stream (stderr by default): "verbind <what>: 30%",
    rewritten in place with a carriage return at most every ``interval``
    seconds (and always at 100%), ended with a newline by :meth:`close`."""

    def __init__(
        self, description: str, stream: Any = None, interval: float = 0.25, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.description = description
        self.stream = stream
        self.interval = interval
        self._clock = clock
        self._last_time: Optional[float] = None
        self._last_percent = -1
        self._closed = False

    def _write(self, text: str) -> None:
        stream = self.stream if self.stream is not None else sys.stderr
        if stream is None:  # pythonw: no stderr
            return
        stream.write(text)
        stream.flush()

    def __call__(self, fraction: float) -> None:
        if self._closed:
            return
        percent = int(max(0.0, min(1.0, float(fraction))) * 100)
        now = self._clock()
        due = self._last_time is None or now - self._last_time >= self.interval
        if percent != self._last_percent and (due or percent == 100):
            self._write(f"\r{self.description}: {percent}%")
            self._last_time = now
            self._last_percent = percent

    def close(self) -> None:
        """Ends the line (once); nothing is written when nothing was."""
        if self._closed:
            return
        self._closed = True
        if self._last_percent >= 0:
            self._write("\n")


class TqdmBar:
    """A tqdm bar (tqdm.auto: a widget in notebooks) over the fraction done,
    shown in percent."""

    def __init__(self, description: str, tqdm_class: Any) -> None:
        self._bar = tqdm_class(
            total=100,
            desc=description,
            unit="%",
            bar_format="{desc}: {percentage:3.0f}%|{bar}| [{elapsed}<{remaining}]",
        )
        self._done = 0

    def __call__(self, fraction: float) -> None:
        percent = int(max(0.0, min(1.0, float(fraction))) * 100)
        if percent > self._done:
            self._bar.update(percent - self._done)
            self._done = percent

    def close(self) -> None:
        """Closes the bar (tqdm makes a second close harmless)."""
        self._bar.close()


def _tqdm_class() -> Any:
    try:
        from tqdm.auto import tqdm
    except ImportError:
        return None
    return tqdm


def reporter(progress: Any, function: str, name: str = "progress") -> Tuple[Optional[Callable[[float], Any]], Optional[Callable[[], None]]]:
    """(callback, close) for ``progress``: (None, None) for None and False,
    (the callable, None) for a callable, (a bar, its close) for True; the
    caller calls close when the work ends, however it ends. TypeError as
    :func:`check`."""
    check(progress, function, name)
    if progress is None or progress is False:
        return None, None
    if progress is True:
        description = f"verbind {function}"
        tqdm = _tqdm_class()
        bar: Any = TqdmBar(description, tqdm) if tqdm is not None else TextBar(description)
        return bar, bar.close
    return progress, None


class reporting:
    """Context manager for Python-level work: ``with reporting(progress, "f")
    as callback:`` gives the callback (None for no progress) and closes a bar
    however the block ends."""

    def __init__(self, progress: Any, function: str, name: str = "progress") -> None:
        self.callback, self._close = reporter(progress, function, name)

    def __enter__(self) -> Optional[Callable[[float], Any]]:
        return self.callback

    def __exit__(self, *exc: Any) -> None:
        if self._close is not None:
            self._close()
