"""A hang is a bug too: fail a test whose body runs past a time limit (hostile-input tests)."""

from __future__ import annotations

import contextlib
import signal
from collections.abc import Iterator


@contextlib.contextmanager
def time_limit(seconds: int, what: str) -> Iterator[None]:
    """Raise TimeoutError if the body runs longer than seconds (the regex engine checks signals)."""

    def expire(signum: int, frame: object) -> None:
        raise TimeoutError(f"{what} took over {seconds} s")

    if not hasattr(signal, "SIGALRM"):
        yield
        return
    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
