"""The one way the window asks for a file: a chooser that never opens the files it lists.

On Linux and macOS, closing any descriptor of a file drops every POSIX lock the process holds
on it, SQLite's included. Qt's file dialog opens each file it lists to read its first bytes
(to name its type and choose its icon): once it had shown the library's own folder (File ▸
Open library, an export written beside the library), the window held no lock on its library,
so the next `briefing` command or `sqlite-utils` reader to close its connection took itself
for the last one and deleted the library's WAL under the window, whose later writes were lost.
These choosers name a file's type from its name alone. They are Qt's own dialog, not the
desktop's: a native dialog runs its own code in this process, which Briefing cannot vouch for.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtCore import QFileInfo, QMimeDatabase
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QFileDialog, QFileIconProvider, QWidget


class NameOnlyIcons(QFileIconProvider):
    """Icons and type names for a file chooser, from each file's name, never its contents."""

    def icon(self, what: QFileInfo | QFileIconProvider.IconType) -> QIcon:
        """Return the folder or file icon (the default provider reads the file to choose)."""
        if isinstance(what, QFileInfo):
            kinds = QFileIconProvider.IconType
            return super().icon(kinds.Folder if what.isDir() else kinds.File)
        return super().icon(what)

    def type(self, info: QFileInfo) -> str:
        """Return the type shown in the chooser's Type column, by the file name's extension."""
        if info.isDir():
            return "Folder"
        mime = _mime_types().mimeTypeForFile(
            info.fileName(), QMimeDatabase.MatchMode.MatchExtension
        )
        return "File" if mime.isDefault() else mime.comment()


@cache
def _mime_types() -> QMimeDatabase:
    return QMimeDatabase()


@cache
def _icons() -> NameOnlyIcons:
    # A dialog does not own its icon provider: one for the process, alive as long as it.
    return NameOnlyIcons()


def file_chooser(
    parent: QWidget | None,
    caption: str,
    directory: str = "",
    name_filter: str = "",
    *,
    save: bool = False,
    many: bool = False,
) -> QFileDialog:
    """Return a file chooser (not yet shown) that reads no listed file: to open one or `many`
    existing files, or to `save` one (asking before replacing it)."""
    dialog = QFileDialog(parent, caption, _starting_place(directory), name_filter)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setIconProvider(_icons())
    if save:
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    else:
        dialog.setFileMode(
            QFileDialog.FileMode.ExistingFiles if many else QFileDialog.FileMode.ExistingFile
        )
    return dialog


# Where the last file or folder was chosen: the next chooser with no folder of its own opens
# there, rather than in whatever folder Briefing was started from.
_LAST_FOLDER = "files/last_folder"


def remember_folder(chosen: Path) -> None:
    """Remember the folder a file (or folder) was chosen in, for the next chooser."""
    from briefing_app.gui.settings import app_settings

    app_settings().setValue(_LAST_FOLDER, str(chosen.parent))


def _starting_place(directory: str) -> str:
    """Return where a chooser opens: the folder or file asked for; a bare file name, or
    nothing, in the last folder a file was chosen in (else the home folder)."""
    if directory and Path(directory).parent != Path("."):
        return directory
    from briefing_app.gui.settings import app_settings

    folder = Path(str(app_settings().value(_LAST_FOLDER, "") or Path.home()))
    if not folder.is_dir():
        folder = Path.home()
    return str(folder / directory) if directory else str(folder)


def _run(dialog: QFileDialog) -> tuple[list[str], str]:
    try:
        if dialog.exec() != QFileDialog.DialogCode.Accepted:
            return [], ""
        chosen = dialog.selectedFiles()
        if chosen:
            remember_folder(Path(chosen[0]))
        return chosen, dialog.selectedNameFilter()
    finally:
        dialog.deleteLater()


def open_file_name(
    parent: QWidget | None, caption: str, directory: str = "", name_filter: str = ""
) -> str:
    """Ask for one existing file; return its path, or "" when cancelled."""
    names, _ = _run(file_chooser(parent, caption, directory, name_filter))
    return names[0] if names else ""


def open_file_names(
    parent: QWidget | None, caption: str, directory: str = "", name_filter: str = ""
) -> list[str]:
    """Ask for existing files (several at once); return their paths, none when cancelled."""
    names, _ = _run(file_chooser(parent, caption, directory, name_filter, many=True))
    return names


def folder_name(parent: QWidget | None, caption: str, directory: str = "") -> str:
    """Ask for an existing folder; return its path, or "" when cancelled."""
    dialog = file_chooser(parent, caption, directory)
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    names, _ = _run(dialog)
    return names[0] if names else ""


def save_file_name(
    parent: QWidget | None, caption: str, directory: str = "", name_filter: str = ""
) -> tuple[str, str]:
    """Ask where to write a file; return its path and the filter chosen ("" when cancelled).

    `directory` may hold a suggested file name, as with QFileDialog.getSaveFileName.
    """
    names, chosen = _run(file_chooser(parent, caption, directory, name_filter, save=True))
    return (names[0], chosen) if names else ("", "")
