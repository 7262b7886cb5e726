"""Ctrl+C during a long command: finish the step in hand, stop, and say what was done."""

from __future__ import annotations

import signal
import threading
from pathlib import Path
from types import FrameType, TracebackType


class CtrlCStops:
    """While in effect, the first Ctrl+C asks the work to stop; a second one stops it at once.

    A batch import commits each file in its own transaction: stopped between two files, it can
    still print what came in (and `--json` stay valid JSON), instead of a KeyboardInterrupt
    leaving the user to count sources. `progress` is the callback core's batch work takes.
    """

    def __init__(self) -> None:
        self.stopped = False
        self._previous: object = None

    def __enter__(self) -> CtrlCStops:
        # Only the main thread may set a handler (an in-process caller on another thread keeps
        # Python's own KeyboardInterrupt).
        if threading.current_thread() is threading.main_thread():
            self._previous = signal.signal(signal.SIGINT, self._ask_to_stop)
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._previous is not None:
            signal.signal(signal.SIGINT, self._previous)  # type: ignore[arg-type]

    def progress(self, done: int, total: int, path: Path) -> bool:
        """Return False (stop) once Ctrl+C has been pressed."""
        return not self.stopped

    def _ask_to_stop(self, signum: int, frame: FrameType | None) -> None:
        self.stopped = True
        # A file can take long to read: a second Ctrl+C interrupts it.
        signal.signal(signal.SIGINT, signal.default_int_handler)
