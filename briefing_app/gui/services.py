"""What a controller may ask of the window it lives in: the narrow interface, never the window.

The main window implements it (`main_window._WindowServices`); tests drive a controller with a
fake. A controller needing more than this takes it as a plain callable or object in its
constructor, so the window's own attributes and private methods stay out of reach.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from PySide6.QtGui import QUndoCommand
    from PySide6.QtWidgets import QWidget

    from briefing_app.gui.commands import LibraryCommand


class Services(Protocol):
    """The window's services to the controllers it owns."""

    def execute(self, command: LibraryCommand) -> bool:
        """Run an undoable command and put it on the undo stack; False when it was refused."""
        ...

    def record(self, command: QUndoCommand) -> None:
        """Put a step already carried out on the undo stack (Undo reverses it)."""
        ...

    def forget_history(self) -> None:
        """Empty the undo stack: its steps no longer apply (e.g. after a restore)."""
        ...

    def show_error(self, message: str) -> None:
        """Report a refused operation where it does not interrupt."""
        ...

    def clear_error(self) -> None:
        """Take down a refused operation's report (the value was corrected or put back)."""
        ...

    def show_status(self, message: str, ms: int = 4000) -> None:
        """Show a passing message in the status bar (0 ms: until replaced)."""
        ...

    def show_claim(self, claim_id: int) -> None:
        """Open a claim's source in the reader and select its passage."""
        ...

    def go_to_note_place(self, note_id: int, section_key: str, start: int, end: int) -> None:
        """Open a note in the editor and select a range of a section (-1: the whole section)."""
        ...

    def after_first_paint(self, action: Callable[[], None]) -> None:
        """Run action once the window has painted for the first time."""
        ...

    def dialog_parent(self) -> QWidget:
        """Return the widget dialogs and message boxes open over."""
        ...

    def bring_forward(self, widget: QWidget) -> None:
        """Make the workspace tab holding widget the current one, and its dock the front tab."""
        ...

    def route_file_drops(self) -> None:
        """Send files dropped on any text field (new ones too) to the import, not the field."""
        ...
