"""Finding a source's suggested claims off the UI thread, keeping the last result per source.

`suggest_claims` takes about 9 s on a 1 MB text (2.4 KB demo article: ~17 ms), so the reader
never waits for it: each search is a background task (`lib.suggestions.for_source` on the
task's own connection), and `found` fires when a result is ready. Rejections and existing
claims are filtered afterwards on the UI thread, so rejecting, accepting or undoing either
needs no new search.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from briefing_app.core.library import Library
from briefing_app.core.suggest import Suggestion
from briefing_app.core.suggest.manager import drop_claimed
from briefing_app.gui.tasks import Task, TaskRunner

# What a search depends on: source id, text hash, known parties, aliases, language.
_Key = tuple[int, int, tuple[str, ...], tuple[tuple[str, str], ...], str, tuple[str, ...]]


class SuggestionFinder(QObject):
    """Suggestions per source, computed in a background task and cached until inputs change."""

    found = Signal(int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # A runner of its own: a long search only reads, and must not hold up an import.
        self.tasks = TaskRunner(self)
        self._cache: dict[int, tuple[_Key, list[Suggestion]]] = {}
        self._running: dict[_Key, Task[list[Suggestion]]] = {}

    def clear(self) -> None:
        """Forget every cached result (another library was opened)."""
        self._cache.clear()

    def raw(self, lib: Library, source_id: int) -> list[Suggestion] | None:
        """Return the source's suggestions (rejected and claimed ones too) as last found.

        None means none were found yet; a search starts whenever the inputs changed since,
        and `found` fires when it finishes.
        """
        source = lib.sources.get(source_id)
        key: _Key = (
            source_id,
            hash(source.text),
            tuple(lib.parties.known()),
            tuple(sorted(lib.parties.aliases().items())),
            source.language or "en",
            # Highlights a re-import brought from Zotero are suggestions too.
            tuple(h.quote for h in lib.suggestions.highlights(source_id)),
        )
        cached = self._cache.get(source_id)
        if (cached is None or cached[0] != key) and key not in self._running:
            self._start(lib, key)
        return cached[1] if cached is not None else None

    def visible(self, lib: Library, source_id: int) -> list[Suggestion] | None:
        """Return the suggestions to show: not rejected, not already claimed (None: searching)."""
        found = self.raw(lib, source_id)
        if found is None:
            return None
        rejected = lib.suggestions.rejected(source_id)
        spans = [(start, end) for _, start, end, _ in lib.claims.spans(source_id)]
        return drop_claimed([s for s in found if s.fingerprint not in rejected], spans)

    def is_searching(self, source_id: int) -> bool:
        """Return whether a search for this source is running."""
        return any(key[0] == source_id for key in self._running)

    def wait(self) -> None:
        """Block until running searches finish (when closing the window)."""
        self.tasks.wait()

    def _start(self, lib: Library, key: _Key) -> None:
        source_id = key[0]
        task = self.tasks.run(
            lib,
            lambda own: own.suggestions.for_source(
                source_id, include_claimed=True, include_rejected=True
            ),
            description=f"Finding suggested claims in source {source_id}",
        )
        self._running[key] = task
        task.finished.connect(lambda: self._store(key, task))

    def _store(self, key: _Key, task: Task[list[Suggestion]]) -> None:
        self._running.pop(key, None)
        # A failed search (logged by the task) shows no suggestions rather than retrying
        # forever.
        found = task.result if task.error is None else None
        self._cache[key[0]] = (key, found or [])
        self.found.emit(key[0])
