"""The centre of the window: the reader and the note editor, as tabs or side by side."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSplitter, QTabWidget, QVBoxLayout, QWidget

from briefing_app.gui.icons import icon


class WorkArea(QSplitter):
    """Holds the Reader tab and, once built, the note: its neighbouring tab or beside it."""

    def __init__(self, reader_title: QLabel, reader: QWidget, find_bar: QWidget) -> None:
        super().__init__(Qt.Orientation.Horizontal)
        self.setObjectName("work_splitter")
        self.setChildrenCollapsible(False)
        self.note: QWidget | None = None
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.setAccessibleName("Workspace")
        # A passage dragged from the reader over the Note tab opens it, to be dropped there.
        self.tabs.tabBar().setChangeCurrentOnDrag(True)
        self.tabs.tabBar().setAcceptDrops(True)
        self.reader_page = QWidget()
        page_layout = QVBoxLayout(self.reader_page)
        page_layout.setContentsMargins(0, 4, 0, 0)
        page_layout.addWidget(reader_title)
        # The suggestions list joins the reader here when the window is completed.
        self.reader_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.reader_splitter.setObjectName("reader_splitter")
        self.reader_splitter.addWidget(reader)
        page_layout.addWidget(self.reader_splitter, 1)
        page_layout.addWidget(find_bar)
        self.tabs.addTab(self.reader_page, icon("source"), "Reader")
        self.addWidget(self.tabs)

    def add_note(self, note: QWidget) -> None:
        """Add the note editor as the Note tab."""
        self.note = note
        self.tabs.addTab(note, icon("note"), "Note")

    def note_in_front(self) -> bool:
        """Return whether the note is what the centre shows (its tab, or beside the reader)."""
        return self.note is not None and (
            self.tabs.currentWidget() is self.note or self.note.parent() is self
        )

    def set_side_by_side(self, side_by_side: bool, note_in_front: bool) -> None:
        """Put the note beside the reader, or back as its neighbouring tab; choose the front."""
        note = self.note
        if note is None:
            return
        if side_by_side and self.tabs.indexOf(note) >= 0:
            self.tabs.removeTab(self.tabs.indexOf(note))
            self.addWidget(note)
            note.show()  # the tab widget hid it as a page no longer current
            # The note gets the larger share: its header has a row of three fields.
            width = max(self.width(), 400)
            self.setSizes([width * 2 // 5, width - width * 2 // 5])
            # Beside the note the reader is one column: the suggestions list would leave
            # the text a strip a few words wide. Folded away, it can be dragged back.
            self.reader_splitter.setSizes([width, 0])
        elif not side_by_side and self.tabs.indexOf(note) < 0:
            self.tabs.addTab(note, icon("note"), "Note")
            width = max(self.reader_splitter.width(), 400)
            self.reader_splitter.setSizes([width * 3 // 4, width - width * 3 // 4])
        self.tabs.setCurrentWidget(note if note_in_front and not side_by_side else self.reader_page)

    def bring_forward(self, widget: QWidget) -> None:
        """Make the tab holding widget the current one (no tab holds it: nothing)."""
        page: QWidget | None = widget
        while page is not None and self.tabs.indexOf(page) < 0:
            page = page.parentWidget()
        if page is not None:
            self.tabs.setCurrentWidget(page)
