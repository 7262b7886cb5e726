"""Finding a source's suggested claims off the UI thread, keeping the last result per source.

`suggest_claims` takes about 9 s on a 1 MB text (2.4 KB demo article: ~17 ms), so the reader
never waits for it: the finder gathers the library's inputs on the UI thread (cheap reads),
runs the pure rule-based finder in a thread pool, and emits `found` when a result is ready.
Rejections and existing claims are filtered afterwards on the UI thread, so rejecting,
accepting or undoing either needs no new search.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, Signal

from briefing_app.core.library import Library
from briefing_app.core.suggest import Suggestion, suggest_claims
from briefing_app.core.suggest.manager import drop_claimed

# What a search depends on: source id, text hash, known parties, aliases, language.
_Key = tuple[int, int, tuple[str, ...], tuple[tuple[str, str], ...], str]


class _Relay(QObject):
    """Carries a worker's result back to the UI thread (a queued signal)."""

    done = Signal(object, object)


class SuggestionFinder(QObject):
    """Suggestions per source, computed in a worker thread and cached until inputs change."""

    found = Signal(int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._cache: dict[int, tuple[_Key, list[Suggestion]]] = {}
        self._running: dict[_Key, _Relay] = {}

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
        )
        cached = self._cache.get(source_id)
        if (cached is None or cached[0] != key) and key not in self._running:
            self._start(key, source.text)
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
        self.pool.waitForDone()

    def _start(self, key: _Key, text: str) -> None:
        relay = _Relay()
        relay.done.connect(self._store)
        self._running[key] = relay
        known, aliases, language = list(key[2]), dict(key[3]), key[4]
        self.pool.start(
            _job(relay, key, lambda: suggest_claims(text, known, (), aliases, language))
        )

    def _store(self, key: _Key, result: Any) -> None:
        self._running.pop(key, None)
        if isinstance(result, list):
            self._cache[key[0]] = (key, result)
        else:
            # The finder failed on this text: show no suggestions rather than retrying forever.
            self._cache[key[0]] = (key, [])
        self.found.emit(key[0])


def _job(relay: _Relay, key: _Key, work: Callable[[], list[Suggestion]]) -> Callable[[], None]:
    def run() -> None:
        try:
            result: object = work()
        except Exception as exc:
            result = exc
        relay.done.emit(key, result)

    return run
