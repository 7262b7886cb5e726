"""A restart opens the source read last in each library, at the same paragraph and claim."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from briefing_app.core.importers.base import ExtractedDocument
from briefing_app.core.library import Library
from briefing_app.core.models import Source
from briefing_app.gui.main_window import MainWindow


def _open(qtbot: QtBot, lib: Library) -> MainWindow:
    window = MainWindow(lib)
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    return window


def _long_source(lib: Library, title: str) -> Source:
    paragraphs = [f"{title} paragraph {n}: officials said the border was calm." for n in range(300)]
    return lib.sources.add(ExtractedDocument(title=title, text="\n\n".join(paragraphs)))


def test_a_restart_opens_the_source_read_last_where_it_was_left(
    qtbot: QtBot, library_path: Path
) -> None:
    with Library.open(library_path) as lib:
        older = _long_source(lib, "Older")
        claim = lib.claims.add(older.id, quote="Older paragraph 200")
        newer = _long_source(lib, "Newer")
    lib = Library.open(library_path, backup=False)
    window = _open(qtbot, lib)
    # Never read: the first source of the list (the newest) opens, as before.
    assert window.library_panel.model.ids() == [newer.id, older.id]
    assert window.sources.current_source_id == newer.id
    window.sources.show_claim(claim.id)  # the second source, at one of its claims
    top = window.reader.top_offset()
    assert top > 0
    window.close()  # as File ▸ Quit does
    lib.close()

    lib = Library.open(library_path, backup=False)
    again = _open(qtbot, lib)
    assert again.sources.current_source_id == older.id
    assert again.reader.source_text().startswith("Older paragraph 0")
    qtbot.waitUntil(lambda: again.reader.top_offset() == top)
    assert again.sources.inspector.claim is not None
    assert again.sources.inspector.claim.id == claim.id
    again.close()
    lib.close()


def test_when_the_source_read_last_is_gone_the_first_opens(
    qtbot: QtBot, library_path: Path
) -> None:
    with Library.open(library_path) as lib:
        older = _long_source(lib, "Older")
        newer = _long_source(lib, "Newer")
    lib = Library.open(library_path, backup=False)
    window = _open(qtbot, lib)
    window.sources.open_source(older.id)
    window.close()
    lib.sources.delete(older.id)
    lib.close()

    lib = Library.open(library_path, backup=False)
    again = _open(qtbot, lib)
    assert again.sources.current_source_id == newer.id
    assert again.reader.source_text().startswith("Newer paragraph 0")
    assert "⚠" not in again.statusBar().currentMessage()
    again.close()
    lib.close()


def test_each_library_remembers_its_own_source(qtbot: QtBot, tmp_path: Path) -> None:
    paths = [tmp_path / "a.sqlite", tmp_path / "b.sqlite"]
    read = []
    for path in paths:
        with Library.open(path) as lib:
            read.append(_long_source(lib, f"Older of {path.stem}").id)
            _long_source(lib, f"Newer of {path.stem}")
    lib = Library.open(paths[0], backup=False)
    window = _open(qtbot, lib)
    window.sources.open_source(read[0])
    window.switch_library(paths[1])  # b opens at its first source, a's place is kept
    assert window.reader.source_text().startswith("Newer of b")
    window.close()

    for path in paths:
        lib = Library.open(path, backup=False)
        again = _open(qtbot, lib)
        expected = "Older of a" if path.stem == "a" else "Newer of b"
        assert again.reader.source_text().startswith(expected)
        again.close()
        lib.close()


def test_a_library_opened_in_the_window_returns_to_its_paragraph_and_claim(
    qtbot: QtBot, tmp_path: Path
) -> None:
    paths = [tmp_path / "a.sqlite", tmp_path / "b.sqlite"]
    with Library.open(paths[0]) as lib:
        _long_source(lib, "Only of a")
    with Library.open(paths[1]) as lib:
        source = _long_source(lib, "Only of b")
        claim = lib.claims.add(source.id, quote="Only of b paragraph 250")
    lib = Library.open(paths[1], backup=False)
    window = _open(qtbot, lib)
    window.sources.show_claim(claim.id)
    top = window.reader.top_offset()
    assert top > 0
    window.close()
    lib.close()

    lib = Library.open(paths[0], backup=False)
    window = _open(qtbot, lib)
    window.switch_library(paths[1])  # File ▸ Open library in a window already on screen
    qtbot.waitUntil(lambda: window.reader.top_offset() == top)
    assert window.sources.inspector.claim is not None
    assert window.sources.inspector.claim.id == claim.id
    window.close()
    window.lib.close()
