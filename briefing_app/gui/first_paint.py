"""Running an action just after a widget's first paint (the staged start-up's clock)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QAbstractScrollArea, QWidget

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

    @classmethod
    def once_contents(cls, view: QAbstractScrollArea, action: Callable[[], None]) -> None:
        """Run action once a view's contents (its viewport) have painted.

        Before the view's window first shows, the window's first paint is watched instead: it
        paints the view's contents in the same flush. The viewport is a widget Qt made, and the
        first such widget handed to Python makes PySide6 build the Python class (and enums) of
        every widget type it might be: ~10 ms that need not come before the first paint.
        """
        window = view.window()
        cls.once(view.viewport() if window.isVisible() else window, action)

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
