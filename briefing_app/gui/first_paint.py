"""Running an action just after a widget's first paint (the staged start-up's clock)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

from briefing_app.gui.startup_trace import mark


class PaintWatcher(QObject):
    """Runs an action once, just after a widget's first paint (or a second on, if none)."""

    def __init__(self, widget: QWidget, action: Callable[[], None]) -> None:
        super().__init__(widget)
        self._widget = widget
        self._action: Callable[[], None] | None = action

    @classmethod
    def once(cls, widget: QWidget, action: Callable[[], None]) -> None:
        """Run action once widget has painted: the next turn of the event loop after it."""
        watcher = cls(widget, action)
        widget.installEventFilter(watcher)
        # A zero timer alone would run before the first paint; a widget never painted (hidden,
        # or squeezed to nothing by a splitter) still gets the action, a second later.
        QTimer.singleShot(1000, watcher, watcher._run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Note a paint; never stop an event."""
        if event.type() == QEvent.Type.Paint and self._action is not None:
            self._widget.removeEventFilter(self)
            mark(f"painted: {type(self._widget).__name__} ({_name(self._action)} next)")
            QTimer.singleShot(0, self, self._run)
        return False

    def _run(self) -> None:
        action, self._action = self._action, None
        if action is not None:
            self._widget.removeEventFilter(self)
            action()
            mark(f"after the first paint: {_name(action)} done")


def _name(action: Callable[[], None]) -> str:
    return str(getattr(action, "__qualname__", action))
