"""One way to run core work off the UI thread: a Task per operation, run by a TaskRunner.

As Anki's CollectionOp: a task opens its own connection to the library file (under the
window's writer, so the window's poll for other processes' commits knows them as its own),
runs one core operation `(lib) -> result` there, and hands back the result and the `Changes`
its commits reported. On the UI thread the changes are then announced through the UI's own library
(`Library.announce`), so every view refreshes exactly as after a write made on the UI
thread, and each decides for itself whether the change concerns it (`Changes.origin`).

    task = window.tasks.run(window.lib, lambda lib: import_pack(lib, path))
    task.succeeded.connect(show_result)   # after the views have refreshed

A long task that commits as it goes (a folder import, one transaction per file) can ask for
its commits to be announced while it runs (`announce_while_running`): the worker hands each
commit's `Changes` to a buffer and wakes the UI thread once; the UI thread announces what
gathered there at most every `ANNOUNCE_EVERY_MS`, and when the task ends it announces only
what was not announced yet, so no view hears a commit twice.

Errors reach `failed` (and the runner's error sink) as one line; the core's typed errors say
what went wrong, anything else is logged with its traceback.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from briefing_app.core.changes import Changes
from briefing_app.core.errors import BriefingError
from briefing_app.core.library import Library

T = TypeVar("T")
log = logging.getLogger(__name__)

# At most this often a running task's commits refresh the views: an import commits dozens of
# files a second, and every announcement reloads the lists the new records appear in.
ANNOUNCE_EVERY_MS = 500


class Progress:
    """Given to an operation that reports progress: call it; it returns False once cancelled.

    Safe to call from the worker thread: the report travels to the UI as a queued signal.
    """

    def __init__(self, task: Task[Any]) -> None:
        self._task = task

    def __call__(self, done: int, total: int, text: str = "") -> bool:
        """Report done of total (text: what is being worked on); return whether to go on."""
        self._task.progressed.emit(done, total, text)
        return not self._task.cancelled

    @property
    def cancelled(self) -> bool:
        """Return whether the task was cancelled (for a core operation taking a cancel())."""
        return self._task.cancelled


class _Unannounced:
    """Changes a worker committed that the UI thread has not announced yet (thread-safe)."""

    def __init__(self, origin: object) -> None:
        self._origin = origin
        self._lock = threading.Lock()
        self._changes = Changes(origin=origin)

    def add(self, changes: Changes) -> bool:
        """Gather changes (in the worker); return whether the UI thread must be woken for them."""
        with self._lock:
            # Not empty: the UI thread was woken for what is there and has not taken it yet.
            was_empty = not self._changes
            self._changes.merge(changes)
            return was_empty and bool(self._changes)

    def take(self) -> Changes:
        """Return what gathered since the last take (on the UI thread) and start afresh."""
        with self._lock:
            taken, self._changes = self._changes, Changes(origin=self._origin)
            return taken


@dataclass
class _Outcome:
    """What a worker hands back: the result or the error, and what its commits changed."""

    changes: Changes
    result: Any = None
    error: Exception | None = None
    message: str = ""
    # The operation wrote through the UI's own library, whose listeners heard it already.
    announced: bool = False


class Task(QObject, Generic[T]):
    """One core operation run off the UI thread; its signals arrive on the UI thread.

    `succeeded(result)` or `failed(message)`, then `finished()`, all after the changes were
    announced through the UI's library (those of a task announcing while it runs: the last
    ones). `result`, `changes` (all of them) and `message` keep the outcome.
    """

    progressed = Signal(int, int, str)  # done, total, what is being worked on
    succeeded = Signal(object)
    failed = Signal(str)  # one line
    finished = Signal()
    _outcome = Signal(object)  # from the worker thread: queued to the UI thread
    _committed = Signal()  # from the worker thread: a commit waits to be announced

    def __init__(
        self,
        lib: Library,
        origin: object,
        description: str,
        failure: str,
        parent: QObject,
        *,
        announce_while_running: bool = False,
        announce_every_ms: int = ANNOUNCE_EVERY_MS,
    ) -> None:
        super().__init__(parent)
        self.lib = lib
        self.origin = origin
        self.description = description
        self.failure = failure
        self.result: T | None = None
        self.changes = Changes(origin=origin)
        self.error: Exception | None = None
        self.message = ""
        self.done = False
        self._cancel = threading.Event()
        self._outcome.connect(self._deliver)
        self._live = announce_while_running
        self._unannounced = _Unannounced(origin)
        self._announce_every_ms = announce_every_ms
        self._last_announced: float | None = None  # time.monotonic() of the last announcement
        self._announce_timer = QTimer(self)
        self._announce_timer.setSingleShot(True)
        self._announce_timer.timeout.connect(self._announce_committed)
        self._committed.connect(self._schedule_announcement)

    @property
    def cancelled(self) -> bool:
        """Return whether cancel() was called (the operation may not have stopped yet)."""
        return self._cancel.is_set()

    def cancel(self) -> None:
        """Ask the operation to stop: its progress callback returns False from now on.

        Only operations whose core function takes such a callback stop early (batch import);
        the others run to the end.
        """
        self._cancel.set()

    def _work(self, path: Path, operation: Callable[[Library, Progress], T]) -> None:
        """Run in the worker thread: own connection, the operation, the changes it reported."""
        changes = Changes(origin=self.origin)
        try:
            # The window's writer: its poll for other processes' commits skips this one's,
            # which the task announces itself, as it goes or when it ends (never twice).
            with Library.open(path, create=False, backup=False, writer=self.lib.writer) as lib:
                lib.subscribe(changes.merge)
                if self._live:
                    lib.subscribe(self._heard_commit)
                result = operation(lib, Progress(self))
        except Exception as exc:
            # Whatever committed before the error still happened: the views hear it too.
            outcome = _Outcome(changes, error=exc, message=self._one_line(exc))
        else:
            outcome = _Outcome(changes, result=result)
        self._outcome.emit(outcome)

    def _heard_commit(self, changes: Changes) -> None:
        """In the worker thread, after each commit: keep its changes for the UI thread."""
        if self._unannounced.add(changes):
            # Once per gathering, not per commit: a fast import does not flood the event loop.
            self._committed.emit()

    def _schedule_announcement(self) -> None:
        """On the UI thread: announce the gathered commits now, or once the interval is up."""
        if self.done or self._announce_timer.isActive():
            return
        wait = 0
        if self._last_announced is not None:
            since = (time.monotonic() - self._last_announced) * 1000
            wait = max(0, round(self._announce_every_ms - since))
        self._announce_timer.start(wait)

    def _announce_committed(self) -> None:
        """On the UI thread: announce what the worker committed since the last announcement."""
        if self.done or self.lib.closed:
            return
        changes = self._unannounced.take()
        if changes:
            self._last_announced = time.monotonic()
            self.lib.announce(changes)

    def _work_here(self, operation: Callable[[Library, Progress], T]) -> None:
        """Run on the UI thread, through the UI's library (an in-memory one cannot be shared)."""
        changes = Changes(origin=self.origin)
        self.lib.subscribe(changes.merge)
        try:
            result = operation(self.lib, Progress(self))
        except Exception as exc:
            outcome = _Outcome(changes, error=exc, message=self._one_line(exc), announced=True)
        else:
            outcome = _Outcome(changes, result=result, announced=True)
        finally:
            self.lib.unsubscribe(changes.merge)
        self._deliver(outcome)

    def _one_line(self, exc: Exception) -> str:
        if isinstance(exc, BriefingError):
            text = str(exc)
        elif isinstance(exc, OSError):
            text = f"{exc.filename}: {exc.strerror or exc}" if exc.filename else str(exc)
        else:
            # Not a refusal the core foresaw: keep the traceback for whoever reads the log.
            log.error("%s failed", self.description or "a background task", exc_info=exc)
            text = f"{self.description or 'the operation'} failed ({type(exc).__name__}: {exc})"
        line = " ".join(text.split())
        return f"{self.failure}: {line}" if self.failure else line

    def _deliver(self, outcome: _Outcome) -> None:
        """On the UI thread: announce the changes, keep the outcome, tell who is waiting."""
        self._announce_timer.stop()
        self.changes = outcome.changes
        self.result = outcome.result
        self.error = outcome.error
        self.message = outcome.message
        self.done = True
        runner = self.parent()
        assert isinstance(runner, TaskRunner)
        if self.lib.closed:
            # Another library was opened meanwhile: no view shows this one, nobody is told.
            self.finished.emit()
            runner._finished(self)
            return
        if outcome.announced:
            pass  # written through this library: its listeners heard every commit
        elif self._live:
            # Only what the announcements while it ran left out: the commits since the last.
            self.lib.announce(self._unannounced.take())
        else:
            self.lib.announce(outcome.changes)
        if outcome.error is not None:
            # First the line for the user, then whatever the caller does about it.
            if runner.report_error is not None:
                runner.report_error(outcome.message)
            self.failed.emit(outcome.message)
        else:
            self.succeeded.emit(outcome.result)
        self.finished.emit()
        runner._finished(self)


class TaskRunner(QObject):
    """Runs tasks one after another on one worker thread; reports failures to a sink.

    A pool of one thread rather than one thread per task: writes never compete for the
    library's write lock, and a task queued after another starts only once it is done (the
    on-open backup holds the library as it was before a package merged after it). Work that
    only reads and may take long (suggested claims) gets a runner of its own, so it never
    holds up an import.

    A task goes on when its library is closed in the window (another one opened): it has its
    own connection. When it ends, only `finished` fires: its result concerns no view.
    """

    task_finished = Signal(object)  # the Task, after its own signals

    def __init__(
        self, parent: QObject | None = None, report_error: Callable[[str], None] | None = None
    ) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.report_error = report_error
        self.announce_every_ms = ANNOUNCE_EVERY_MS  # see run_with_progress
        self._tasks: list[Task[Any]] = []

    def run(
        self,
        lib: Library,
        operation: Callable[[Library], T],
        *,
        origin: object = None,
        description: str = "",
        failure: str = "",
    ) -> Task[T]:
        """Run operation(lib) on its own connection to lib's file; return the task.

        origin goes into the Changes the task reports; description names the work (in the
        log, and in the message of an error the core did not foresee); failure is put before
        an error's message ("No backup made: …"). The task's signals fire on a later turn of
        the event loop, so connect to them after this returns.
        """
        return self.run_with_progress(
            lib,
            lambda worker_lib, _progress: operation(worker_lib),
            origin=origin,
            description=description,
            failure=failure,
        )

    def run_with_progress(
        self,
        lib: Library,
        operation: Callable[[Library, Progress], T],
        *,
        origin: object = None,
        description: str = "",
        failure: str = "",
        announce_while_running: bool = False,
    ) -> Task[T]:
        """Run operation(lib, progress) as run() does; it reports through progress().

        With announce_while_running, its commits are announced as it goes (at most every
        announce_every_ms), not all at its end: for work committing many transactions.
        """
        task: Task[T] = Task(
            lib,
            origin,
            description,
            failure,
            self,
            announce_while_running=announce_while_running,
            announce_every_ms=self.announce_every_ms,
        )
        self._tasks.append(task)
        if lib.path is None:
            # Later, not now: callers connect to the task's signals after this returns.
            QTimer.singleShot(0, task, lambda: task._work_here(operation))
        else:
            path = lib.path
            self.pool.start(lambda: task._work(path, operation))
        return task

    def running(self) -> list[Task[Any]]:
        """Return the tasks not finished yet, oldest first."""
        return list(self._tasks)

    def cancel_all(self) -> None:
        """Ask every task to stop (see Task.cancel)."""
        for task in self._tasks:
            task.cancel()

    def wait(self) -> None:
        """Block until the worker has run every task (their results arrive on later turns)."""
        self.pool.waitForDone()

    def _finished(self, task: Task[Any]) -> None:
        self._tasks.remove(task)
        self.task_finished.emit(task)
        task.deleteLater()


class TaskProgressDialog(QProgressDialog):
    """A task's progress, shown if it takes more than 0.3 s.

    With `cancelling` (what to say once Cancel is pressed) it has a Cancel button, which
    cancels the task; describe(done, total, text) gives the label as the task goes.
    """

    def __init__(
        self,
        parent: QWidget | None,
        task: Task[Any],
        title: str,
        label: str,
        *,
        cancelling: str | None = None,
        describe: Callable[[int, int, str], str] | None = None,
    ) -> None:
        super().__init__(label, "Cancel", 0, 0, parent)
        self.task = task
        self._describe = describe
        self._cancelling = cancelling
        self.setWindowTitle(title)
        self.setMinimumDuration(300)
        self.setAutoClose(False)
        self.setAutoReset(False)
        if cancelling is None:
            self.setCancelButton(None)
        else:
            self.canceled.connect(self._cancel)
        task.progressed.connect(self._progressed)
        task.finished.connect(self._task_finished)

    def _progressed(self, done: int, total: int, text: str) -> None:
        self.setMaximum(max(total, 1))
        self.setValue(done)
        if self._describe is not None and not self.task.cancelled:
            self.setLabelText(self._describe(done, total, text))

    def _cancel(self) -> None:
        self.task.cancel()
        self.setLabelText(self._cancelling or "Cancelling…")

    def _task_finished(self) -> None:
        if self._cancelling is not None:
            # close() below reports a cancel too: it must not reach a finished task.
            self.canceled.disconnect(self._cancel)
        self.reset()
        self.close()
        self.deleteLater()
