"""Tab, Shift+Tab and F6 in the main window: what is on screen, panel by panel, as it is seen.

Qt's own Tab order is the order widgets were made in. In a window of docks that order visited
panels hidden behind another panel's tab (the focus vanished, or went round the links of a
hidden preview), the tab bars of panels not on screen, and the parts built after the first
paint (a note's sign-off rows, the Board's columns) only after every other panel. Here the
panels on screen are taken left to right, each column top down, and within a panel its fields
keep Qt's order.
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDockWidget, QMainWindow, QScrollArea, QTabBar, QWidget

# Enough steps along Qt's focus chain to pass every widget of the window once.
_MOST_CHAIN_STEPS = 5000
# Panels whose left edges are this close (pixels) are one column.
_COLUMN_SLACK = 24


def panels_in_view(window: QMainWindow) -> list[QWidget]:
    """Return the centre, the docks on screen and their tab bars, by columns left to right."""
    candidates: list[QWidget] = []
    centre = window.centralWidget()
    if centre is not None:
        candidates.append(centre)
    # A floating dock is a window of its own; a tab bar holds the tabs of docks sharing a place.
    candidates += [
        child
        for child in window.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
        if (isinstance(child, QDockWidget) and not child.isFloating()) or isinstance(child, QTabBar)
    ]
    shown = [p for p in candidates if p.isVisible() and not p.visibleRegion().isEmpty()]
    # A column is the panels whose left edges are near each other (the centre sits a few
    # pixels right of the panel under it).
    columns: list[list[QWidget]] = []
    for panel in sorted(shown, key=lambda p: p.x()):
        if columns and panel.x() - columns[-1][0].x() < _COLUMN_SLACK:
            columns[-1].append(panel)
        else:
            columns.append([panel])
    return [panel for column in columns for panel in sorted(column, key=lambda p: p.y())]


def _takes_tab(widget: QWidget, window: QWidget) -> bool:
    return bool(
        widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        and widget.focusProxy() is None
        and widget.isVisible()
        and widget.isEnabled()
        and not widget.isWindow()
        and widget.window() is window
    )


def _holds_fields(area: QScrollArea) -> bool:
    """Whether a scroll area is a form: it holds fields (disabled ones too: no claim chosen),
    and scrolls each into view as it takes the focus."""
    inner = area.widget()
    return inner is not None and any(
        w.focusPolicy() & Qt.FocusPolicy.TabFocus for w in inner.findChildren(QWidget)
    )


def focus_chain(window: QWidget) -> list[QWidget]:
    """Return the widgets of the window that take Tab, in Qt's focus chain order."""
    widgets: list[QWidget] = []
    widget = window.nextInFocusChain()
    for _ in range(_MOST_CHAIN_STEPS):
        if widget is None or widget is window:
            break
        if _takes_tab(widget, window):
            widgets.append(widget)
        widget = widget.nextInFocusChain()
    return widgets


def panel_stops(panel: QWidget, chain: list[QWidget]) -> list[QWidget]:
    """Return the fields of a panel that Tab stops at, in their order."""
    inside = [w for w in chain if w is panel or panel.isAncestorOf(w)]
    # A form's scroll area is no stop of its own: Tab goes to its fields.
    return [w for w in inside if not (isinstance(w, QScrollArea) and _holds_fields(w))]


def tab_stops(window: QMainWindow) -> list[QWidget]:
    """Return every widget Tab stops at in the window, in order."""
    chain = focus_chain(window)
    return [stop for panel in panels_in_view(window) for stop in panel_stops(panel, chain)]


def panel_target(panel: QWidget, chain: list[QWidget]) -> QWidget | None:
    """Return where F6 puts the focus in a panel: where it last was, else its first field."""
    stops = panel_stops(panel, chain)
    # A tab bar only when the panel has nothing else (the reader, not its Reader/Note tabs).
    fields = [s for s in stops if not isinstance(s, QTabBar)] or stops
    last = panel.focusWidget()
    if last is not None and last in fields:
        return last
    return fields[0] if fields else None


def move_focus(window: QMainWindow, forward: bool) -> bool:
    """Move the keyboard focus to the next (or previous) stop; return whether it moved."""
    stops = tab_stops(window)
    if not stops:
        return False
    focus = QApplication.focusWidget()
    step = 1 if forward else -1
    here = next(
        (n for n, stop in enumerate(stops) if focus is not None and _is_or_holds(stop, focus)),
        None,
    )
    if here is not None:
        target = stops[(here + step) % len(stops)]
    else:
        target = _next_stop_along_chain(focus, stops, forward) or stops[0 if forward else -1]
    reason = Qt.FocusReason.TabFocusReason if forward else Qt.FocusReason.BacktabFocusReason
    focus_on(target, reason)
    return True


def focus_on(target: QWidget, reason: Qt.FocusReason) -> None:
    """Give target the focus, scrolling it into view in the scroll areas holding it."""
    target.setFocus(reason)
    parent = target.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea) and parent.widget() is not None:
            parent.ensureWidgetVisible(target)
        parent = parent.parentWidget()


def _is_or_holds(stop: QWidget, focus: QWidget) -> bool:
    # A table's cell editor has the focus inside the table, which is the stop.
    return stop is focus or stop.isAncestorOf(focus)


def _next_stop_along_chain(
    focus: QWidget | None, stops: list[QWidget], forward: bool
) -> QWidget | None:
    """The first stop after focus in Qt's chain (focus is in no panel on screen)."""
    if focus is None:
        return None
    widget: QWidget | None = focus
    for _ in range(_MOST_CHAIN_STEPS):
        assert widget is not None
        widget = widget.nextInFocusChain() if forward else widget.previousInFocusChain()
        if widget is None or widget is focus:
            return None
        if widget in stops:
            return widget
    return None


def set_tab_order(*widgets: QWidget) -> None:
    """Make Tab go through widgets in this order (a field made early otherwise comes first)."""
    for before, after in itertools.pairwise(widgets):
        QWidget.setTabOrder(before, after)
