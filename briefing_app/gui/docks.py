"""The window's panels as dock widgets, the View menu that toggles them, and named layouts.

Every panel (sources, tags, notes, claims table, inspector, source, problems, preview, review)
is a QDockWidget the analyst can show, hide, move and tab; the reader and the note editor share
the centre. Three named layouts put the docks where a task wants them: *Read & tag*, *Write*
(reader and note side by side) and *Review*. Which one was chosen, and where the docks are,
is remembered by LayoutMemory with the rest of the window.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import (
    QDockWidget,
    QFrame,
    QMainWindow,
    QMenu,
    QScrollArea,
    QTabBar,
    QWidget,
)

from briefing_app.gui.focus_order import focus_chain, focus_on, panel_target, panels_in_view

Area = Qt.DockWidgetArea
_LEFT, _RIGHT, _BOTTOM = (
    Area.LeftDockWidgetArea,
    Area.RightDockWidgetArea,
    Area.BottomDockWidgetArea,
)

# Narrower than this, the Write layout tabs the preview with the notes list instead of
# squeezing it beside the editor until its title wraps letter by letter (px of window).
WIDE_ENOUGH_FOR_PREVIEW = 1500
# In a tabbed layout the bottom docks sit under the reader or the note, whichever is in front.
# A few problems need less room than the claims table, and at 768 px high the note's sections
# got about 100 px under its header: with the note in front the bottom takes this share.
NOTE_FRONT_BOTTOM = 0.2
# Docks that want a wider column than the one they wait in, as a share of the window's width,
# when shown from the View menu: the chronology's dates in full.
SHOWN_WIDTHS = {"chronology": 0.21}
# Bottom docks that want more height than the note's fifth when they come to the front: the
# Matrix showed only its Scores row there at 768 px, under its question and leader lines, and
# the Board each card's key line, under its question and hint.
SHOWN_HEIGHTS = {"matrix": 0.45, "board": 0.45}


@dataclass(frozen=True)
class Layout:
    """A named arrangement: which docks show, where, and whether the note sits by the reader."""

    title: str
    # Per area, the docks shown there top to bottom; docks in one inner tuple share tabs.
    areas: dict[Area, tuple[tuple[str, ...], ...]]
    side_by_side: bool  # reader and note editor beside each other rather than tabbed
    widths: dict[str, float]  # dock name -> share of the window's width
    heights: dict[str, float]  # dock name -> share of the window's height (bottom docks)
    note_in_front: bool = False
    # The dock whose column gives up the width another column needs to reach its docks' least
    # width (PanelDocks.least_widths), so the reader and note in the centre keep theirs.
    spare: str | None = None


LAYOUTS: dict[str, Layout] = {
    "read": Layout(
        "&Read && tag",
        {
            _LEFT: (("sources",), ("tags", "notes")),
            # The note's panels wait behind the reader's: the Note tab brings them forward.
            _RIGHT: (("inspector",), ("source", "preview")),
            _BOTTOM: (("claims", "problems"),),
        },
        side_by_side=False,
        # The sources list 22 %: its title beside the date, grade and claim count (at 15 % a
        # 1366 px window cut the title to nothing and scrolled sideways to the grade).
        widths={"sources": 0.22, "inspector": 0.2},
        heights={"claims": 0.36},
    ),
    "write": Layout(
        "&Write",
        {
            _LEFT: (("notes", "sources"),),
            _RIGHT: (("preview",),),
            _BOTTOM: (("problems", "claims"),),
        },
        side_by_side=True,
        # The sources list, a tab behind the notes, needs more than 15 % of a window not much
        # wider than 1500 px to show its titles beside the date, grade and claims without a
        # sideways scroll: the preview gives that room up, not the note being written.
        widths={"notes": 0.15, "preview": 0.24},
        heights={"problems": 0.2},
        note_in_front=True,
        spare="preview",
    ),
    "review": Layout(
        "Re&view",
        {
            _LEFT: (("notes",),),
            _RIGHT: (("review",), ("preview",)),
        },
        side_by_side=False,
        widths={"notes": 0.15, "review": 0.3},
        heights={},
        note_in_front=True,
    ),
}


class PanelDocks(QObject):
    """Makes the window's docks, toggles them from the View menu and applies named layouts."""

    def __init__(
        self, window: QMainWindow, side_by_side: Callable[[bool, bool], None], menu: QMenu
    ) -> None:
        super().__init__(window)
        self.window = window
        self._side_by_side = side_by_side
        self.docks: dict[str, QDockWidget] = {}
        # Dock name -> the least width its panel is readable at; a layout widens the column
        # holding the dock to it (the sources list: its title beside its short columns).
        self.least_widths: dict[str, Callable[[], int]] = {}
        self.homes: dict[str, Area] = {}  # where a dock the layout leaves out waits, hidden
        # A dock left out that waits as a tab behind another (name -> that dock's name): shown
        # from the View menu it shares that dock's place instead of taking a strip beside it.
        self.behind: dict[str, str] = {}
        self.current = "read"
        # Tabbed centre: the bottom docks' height with the reader and with the note in front
        # (key: note in front), so each tab keeps the height the analyst gave it.
        self._bottom_heights: dict[bool, int] = {}
        # Bottom docks grown as they came forward (SHOWN_HEIGHTS): the height they had before.
        self._heights_before: dict[QDockWidget, int] = {}
        self._note_front = False
        # The bottom area sits under the centre only: the side columns run the full height.
        window.setCorner(Qt.Corner.BottomLeftCorner, _LEFT)
        window.setCorner(Qt.Corner.BottomRightCorner, _RIGHT)
        window.setDockOptions(
            QMainWindow.DockOption.AnimatedDocks
            | QMainWindow.DockOption.AllowTabbedDocks
            | QMainWindow.DockOption.AllowNestedDocks
        )
        self.panels_menu = menu.addMenu("&Panels")
        self.layouts_menu = menu.addMenu("&Layout")
        self.layout_actions: dict[str, QAction] = {}
        group = QActionGroup(self)
        for name, layout in LAYOUTS.items():
            action = QAction(layout.title, self, checkable=True)
            action.setToolTip(f"Arrange the panels for {layout.title.replace('&', '')}")
            action.triggered.connect(lambda _checked=False, n=name: self.apply(n))
            group.addAction(action)
            self.layouts_menu.addAction(action)
            self.layout_actions[name] = action
        self.layout_actions["read"].setChecked(True)

    def add(
        self,
        name: str,
        title: str,
        widget: QWidget,
        area: Area,
        scroll: bool = False,
        behind: str | None = None,
    ) -> QDockWidget:
        """Put widget in a dock named name (the View menu toggles it) in area.

        With behind, the dock starts hidden, a tab behind that dock, and comes back there.
        """
        dock = QDockWidget(title.replace("&", ""), self.window)
        dock.setObjectName(f"{name}_dock")
        dock.setAccessibleName(title.replace("&", ""))
        dock.setWidget(_scrolling(widget, title) if scroll else widget)
        self.window.addDockWidget(area, dock)
        toggle = dock.toggleViewAction()
        toggle.setText(title)
        toggle.setToolTip(f"Show or hide the {title.replace('&', '').lower()} panel")
        self.panels_menu.addAction(toggle)
        self._take(name, dock, area, behind)
        return dock

    def adopt(self, name: str, dock: QDockWidget, area: Area, behind: str | None = None) -> None:
        """Take a dock built elsewhere (the review dock) into the menu and the layouts; with
        behind, as `add` does."""
        dock.setObjectName(f"{name}_dock")
        dock.setAccessibleName(dock.windowTitle())
        self.panels_menu.addAction(dock.toggleViewAction())  # named, with its shortcut, there
        self._take(name, dock, area, behind)

    def _take(self, name: str, dock: QDockWidget, area: Area, behind: str | None) -> None:
        self.docks[name] = dock
        self.homes[name] = area
        if behind is not None:
            self.behind[name] = behind
            self.window.tabifyDockWidget(self.docks[behind], dock)
            dock.hide()
        # Shown from the View menu, a dock comes to the front of the tabs it shares, and takes
        # the keyboard focus (typing went on in the panel left behind).
        dock.toggleViewAction().triggered.connect(lambda on: dock.raise_() if on else None)
        dock.toggleViewAction().triggered.connect(
            lambda on: self._focus_shown(dock) if on else None
        )
        if name in SHOWN_WIDTHS:
            dock.toggleViewAction().triggered.connect(
                lambda on: self._widen(dock, SHOWN_WIDTHS[name]) if on else None
            )
        if name in SHOWN_HEIGHTS:
            # Shown from the menu, or its tab chosen: both make it visible.
            dock.visibilityChanged.connect(lambda on: self._heighten(dock, SHOWN_HEIGHTS[name], on))

    def _heighten(self, dock: QDockWidget, share: float, shown: bool) -> None:
        """Make a bottom dock at least share of the window's height while it shows; its tab
        left for another (the problems), give the bottom the height it had before."""
        # Just shown, the dock has not its place yet: Qt ignores a resize until it has.
        QTimer.singleShot(0, dock, lambda: self._heighten_now(dock, share, shown))

    def _heighten_now(self, dock: QDockWidget, share: float, shown: bool) -> None:
        if self.window.dockWidgetArea(dock) != _BOTTOM or dock.isFloating():
            return
        if not shown:
            before = self._heights_before.pop(dock, None)
            now = next((d for d in self._bottom_docks() if d.isVisible()), None)
            if before is not None and now is not None:
                self.window.resizeDocks([now], [before], Qt.Orientation.Vertical)
            return
        height = int(self.window.height() * share)
        if dock.isVisible() and dock.height() < height:
            self._heights_before[dock] = self._group_height(dock)
            self.window.resizeDocks([dock], [height], Qt.Orientation.Vertical)

    def _bottom_docks(self) -> list[QDockWidget]:
        return [
            d
            for d in self.docks.values()
            if not d.isFloating() and self.window.dockWidgetArea(d) == _BOTTOM
        ]

    def _widen(self, dock: QDockWidget, share: float) -> None:
        """Make a side dock's column at least share of the window's width (once laid out)."""
        # Just shown, the dock has not its place yet: Qt ignores a resize until it has.
        QTimer.singleShot(0, dock, lambda: self._widen_now(dock, share))

    def _widen_now(self, dock: QDockWidget, share: float) -> None:
        width = int(self.window.width() * share)
        if dock.width() < width and self.window.dockWidgetArea(dock) in (_LEFT, _RIGHT):
            self.window.resizeDocks([dock], [width], Qt.Orientation.Horizontal)

    def apply(self, name: str) -> None:
        """Arrange the docks as the named layout says (docks not built yet are skipped)."""
        layout = LAYOUTS[name]
        self.current = name
        self.layout_actions[name].setChecked(True)
        shown: set[str] = set()  # the object names of the docks the layout shows
        width = self.window.width()
        areas, widths = dict(layout.areas), layout.widths
        if name == "write" and width < WIDE_ENOUGH_FOR_PREVIEW:
            # Too narrow for three columns of text: the preview becomes a tab on the left, as
            # wide as a column of text, rather than a strip wrapping its title letter by letter.
            areas = {_LEFT: (("notes", "preview", "sources"),), _BOTTOM: areas[_BOTTOM]}
            widths = {"notes": 0.24}
        for dock in self.docks.values():
            # Out of their old tab groups first: moved one by one, Qt leaves their tab bars.
            self.window.removeDockWidget(dock)
        for area, groups in areas.items():
            for group in groups:
                docks = [self.docks[n] for n in group if n in self.docks]
                for dock in docks:
                    dock.setFloating(False)
                    self.window.addDockWidget(area, dock, Qt.Orientation.Vertical)
                    dock.show()
                    shown.add(dock.objectName())
                for first, other in itertools.pairwise(docks):
                    self.window.tabifyDockWidget(first, other)
                if docks:
                    docks[0].raise_()
        for name, dock in self.docks.items():
            if dock.objectName() not in shown:
                # Docked at home, so the View menu shows it there, not as a floating window:
                # as a tab behind its neighbour when the layout shows that one.
                neighbour = self.docks.get(self.behind.get(name, ""))
                if neighbour is not None and neighbour.objectName() in shown:
                    self.window.tabifyDockWidget(neighbour, dock)
                else:
                    self.window.addDockWidget(self.homes[name], dock)
                dock.hide()
        self.arrange_centre()
        pixels = self._at_least({n: int(width * s) for n, s in widths.items()}, areas)
        if layout.spare in pixels:
            # What the widened columns took, the spare one gives back (not below its least).
            taken = sum(pixels.values()) - sum(int(width * s) for s in widths.values())
            spare = pixels[layout.spare] - taken
            pixels[layout.spare] = max(spare, self._least_of_column(layout.spare, areas))
        self._resize_to(pixels, Qt.Orientation.Horizontal)
        self._resize(layout.heights, self.window.height(), Qt.Orientation.Vertical)
        self._bottom_heights = {}
        self._note_front = layout.note_in_front

    def _resize(self, shares: dict[str, float], total: int, orientation: Qt.Orientation) -> None:
        self._resize_to({n: int(total * s) for n, s in shares.items()}, orientation)

    def _resize_to(self, pixels: dict[str, int], orientation: Qt.Orientation) -> None:
        docks = [(self.docks[n], size) for n, size in pixels.items() if n in self.docks]
        docks = [(dock, size) for dock, size in docks if not dock.isHidden()]
        if docks:
            self.window.resizeDocks(
                [dock for dock, _ in docks], [size for _, size in docks], orientation
            )

    def _at_least(
        self, pixels: dict[str, int], areas: dict[Area, tuple[tuple[str, ...], ...]]
    ) -> dict[str, int]:
        """Widen each sized dock to the least width of any dock tabbed with it."""
        return {n: max(size, self._least_of_column(n, areas)) for n, size in pixels.items()}

    def _least_of_column(self, name: str, areas: dict[Area, tuple[tuple[str, ...], ...]]) -> int:
        """Return the largest least width among the docks sharing name's tabs (0 for none)."""
        groups = [group for groups in areas.values() for group in groups if name in group]
        return max(
            (self.least_widths[n]() for g in groups for n in g if n in self.least_widths),
            default=0,
        )

    def _focus_shown(self, dock: QDockWidget) -> None:
        """Give the focus to a dock just shown and raised, where F6 would put it."""
        # At once, not after a timer: a later focus took it from wherever the analyst (or a
        # test) had put it since, closing a cell's editor under its feet.
        target = panel_target(dock, focus_chain(self.window))
        if target is not None:
            focus_on(target, Qt.FocusReason.ShortcutFocusReason)

    def bring_forward(self, widget: QWidget) -> None:
        """Bring the dock holding widget to the front of the tabs it shares, if it is shown
        (one the analyst closed stays closed)."""
        for dock in self.docks.values():
            if dock.isAncestorOf(widget) and dock.toggleViewAction().isChecked():
                dock.raise_()
                return

    def follow_tab(self, note_in_front: bool) -> None:
        """Bring forward the docks about what the centre shows: the note's, or the reader's."""
        names = ("preview", "problems") if note_in_front else ("source", "claims")
        for name in names:
            dock = self.docks.get(name)
            # Checked in the View menu: shown, perhaps as a tab behind another dock.
            if dock is not None and dock.toggleViewAction().isChecked():
                dock.raise_()
        self._fit_bottom(note_in_front)

    def _fit_bottom(self, note_in_front: bool) -> None:
        """With the reader and note tabbed, give the bottom docks the front tab's height."""
        if LAYOUTS[self.current].side_by_side or note_in_front == self._note_front:
            return
        self._note_front = note_in_front
        bottom = next(
            (
                d
                for d in self.docks.values()
                if d.toggleViewAction().isChecked()
                and not d.isFloating()
                and self.window.dockWidgetArea(d) == _BOTTOM
            ),
            None,
        )
        if bottom is None:
            return
        left = self._group_height(bottom)
        if self._heights_before:
            # A dock grew the bottom for itself (the Matrix): the tab left keeps the height it
            # had before, and nothing is put back once the other tab's height is set.
            left = next(iter(self._heights_before.values()))
            self._heights_before.clear()
        self._bottom_heights[not note_in_front] = left
        share = NOTE_FRONT_BOTTOM if note_in_front else LAYOUTS[self.current].heights.get("claims")
        height = self._bottom_heights.get(note_in_front)
        if height is None and share is not None:
            height = int(self.window.height() * share)
        if height is not None:
            self.window.resizeDocks([bottom], [height], Qt.Orientation.Vertical)

    def _group_height(self, dock: QDockWidget) -> int:
        """Return the height of a dock with the tab bar under it (resizeDocks sizes both)."""
        below = dock.geometry().bottom()
        for bar in self.window.findChildren(QTabBar):
            titles = {bar.tabText(i) for i in range(bar.count())}
            if bar.isVisible() and dock.windowTitle() in titles and bar.y() >= below:
                return dock.height() + bar.height()
        return dock.height()

    def arrange_centre(self) -> None:
        """Put the reader and note editor side by side or tabbed, as the current layout says."""
        layout = LAYOUTS[self.current]
        self._side_by_side(layout.side_by_side, layout.note_in_front)

    def focus_next_panel(self, forward: bool = True) -> None:
        """Move the keyboard focus to the next panel shown (F6), or the previous (Shift+F6)."""
        # As they are seen (focus_order): columns left to right, each top down.
        panels = [p for p in panels_in_view(self.window) if not isinstance(p, QTabBar)]
        if not panels:
            return
        chain = focus_chain(self.window)
        focus = self.window.focusWidget()
        here = next((i for i, p in enumerate(panels) if focus and p.isAncestorOf(focus)), -1)
        step = 1 if forward else -1
        for offset in range(1, len(panels) + 1):
            target = panel_target(panels[(here + step * offset) % len(panels)], chain)
            if target is not None:
                focus_on(target, Qt.FocusReason.ShortcutFocusReason)
                return


def _scrolling(widget: QWidget, title: str) -> QScrollArea:
    """Wrap a form so it follows the dock's width and scrolls down, never sideways."""
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidget(widget)
    scroll.setAccessibleName(title.replace("&", ""))
    return scroll
