"""Render the user guide's "Your first hour" screenshots at 1366×768, offscreen.

`make screenshots` runs it. It walks the real app as a new analyst does: the demo at first
start, File ▸ New library, an import (with a duplicate, so the summary shows), tagging a claim,
a note written from a template beside the reader and its preview, the export, and review.
A dialog is drawn onto the window behind it, as the analyst sees it.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from briefing_app.core.bundled.resources import bundled_dir
from briefing_app.gui.guide_screenshots import ARTICLE
from briefing_app.gui.screenshot import demo_window, save_shot, wait_for_import, write_shots

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from briefing_app.gui.main_window import MainWindow

WIDTH, HEIGHT = 1366, 768
# The folder the pictures show (the real one is a throwaway temporary folder).
EXAMPLE_FOLDER = Path("/home/analyst/Documents")

# A saved web page, as an analyst's browser writes one.
WEB_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Tajikistan tightens border security after attack | Regional Desk</title>
<meta name="author" content="Regional Desk staff">
<meta property="og:site_name" content="Regional Desk">
<meta property="article:published_time" content="2025-12-02">
</head><body><article>
<h1>Tajikistan tightens border security after attack</h1>
<p>Tajikistan's State Committee for National Security said on Tuesday that it had sent
additional border troops to Khatlon province after an attack on a Chinese company's camp.</p>
<p>A committee spokesman said the attackers had crossed from Afghanistan and that two of them
had been detained. The claim could not be independently verified.</p>
<p>Chinese companies operate several gold mines and road projects in the province, which shares
a long stretch of the Panj river with Afghanistan.</p>
</article></body></html>
"""


def save_with_dialog(window: QWidget, dialog: QWidget, out: Path) -> Path:
    """Save the window with the dialog drawn over it, centred, as the analyst sees them."""
    from PySide6.QtGui import QColor, QPainter
    from PySide6.QtWidgets import QApplication

    dialog.show()
    QApplication.processEvents()
    shot = window.grab()
    picture = dialog.grab()
    x = (shot.width() - picture.width()) // 2
    y = max(0, (shot.height() - picture.height()) // 3)
    painter = QPainter(shot)
    painter.fillRect(shot.rect(), QColor(0, 0, 0, 40))  # the window behind a modal dialog
    painter.drawPixmap(x, y, picture)
    painter.setPen(QColor("#7a7a7a"))
    painter.drawRect(x - 1, y - 1, picture.width() + 1, picture.height() + 1)
    painter.end()
    out.parent.mkdir(parents=True, exist_ok=True)
    if not shot.save(str(out)):
        raise OSError(f"{out}: could not write the screenshot")
    return out


def settle(window: MainWindow) -> None:
    """Let the background search for suggested claims finish, as it does while one looks."""
    from PySide6.QtCore import QDeadlineTimer, QEventLoop
    from PySide6.QtWidgets import QApplication

    title = window.suggestions.suggestions_panel.title
    deadline = QDeadlineTimer(20_000)
    while "searching" in title.text() and not deadline.hasExpired():
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)


def tag(window: MainWindow, passage: str, statement: str, party: str, tags: str) -> None:
    """Select a passage in the reader, tag it (Ctrl+T) and fill in the inspector."""
    text = window.reader.source_text()
    start = text.index(passage)
    window.reader.select_span(start, start + len(passage))
    window.sources.tag_selection()
    inspector = window.inspector
    inspector.statement.setPlainText(statement)
    inspector.statement.editing_finished.emit()
    inspector.party.setText(party)
    inspector.party.editingFinished.emit()
    inspector.tags.setText(tags)
    inspector.tags.editingFinished.emit()


def render_walk(out_dir: Path, width: int = WIDTH, height: int = HEIGHT) -> list[Path]:
    """Write the first hour's screenshots (walk-*.png) to out_dir; return their paths."""
    from PySide6.QtWidgets import QApplication

    from briefing_app.gui.commands import CreateNoteCommand
    from briefing_app.gui.dialogs.export_dialog import ExportDialog
    from briefing_app.gui.dialogs.new_note_dialog import NewNoteDialog

    written: list[Path] = []
    with demo_window(width, height) as (window, lib, _first_start):
        assert lib.path is not None
        folder = lib.path.parent

        # 1. First start: the demo library, and a notice that it is sample data.
        denial = next(c for c in lib.claims.all() if c.kind == "denial")
        window.sources.show_claim(denial.id)
        window.claims_panel.view.scrollToTop()
        written.append(save_shot(window, out_dir / "walk-1-first-start.png"))

        # 2. File ▸ New library: an empty library of one's own.
        window.switch_library(folder / "khatlon.sqlite")
        window.statusBar().showMessage(f"Opened {EXAMPLE_FOLDER / 'khatlon.sqlite'}")
        lib = window.lib  # the demo's library is closed now
        written.append(save_shot(window, out_dir / "walk-2-new-library.png"))

        # 3. File ▸ Import: an article and a saved web page; then one more, already there.
        articles = folder / "articles"
        articles.mkdir()
        shutil.copy(bundled_dir("seeds") / "khatlon-attack.md", articles)
        (articles / "border-security.html").write_text(WEB_PAGE, encoding="utf-8")
        # A plain-text article: the Markdown one's heading would show its "#" in the reader.
        (articles / "bridge-reopens.txt").write_text(ARTICLE.lstrip("# "), encoding="utf-8")
        wait_for_import(window, [articles / "khatlon-attack.md", articles / "border-security.html"])
        wait_for_import(window, [articles / "bridge-reopens.txt", articles / "khatlon-attack.md"])
        settle(window)
        box = window.imports.summary_box
        assert box is not None, "a duplicate brings up the import summary"
        written.append(save_with_dialog(window, box, out_dir / "walk-3-import.png"))
        box.close()

        # 4. Tag: select a passage in the reader, Ctrl+T, and say who claims what.
        attack = next(s for s in lib.sources.all() if "China" in s.title)
        window.sources.open_source(attack.id)
        settle(window)
        tag(
            window,
            "several armed individuals used firearms and a drone",
            "Armed men used firearms and a drone in the attack.",
            "Chinese Embassy in Dushanbe",
            "place:Khatlon, actor:China",
        )
        tag(
            window,
            "killing three Chinese workers",
            "Three Chinese workers were killed.",
            "Chinese Embassy in Dushanbe",
            "place:Khatlon",
        )
        window.statusBar().showMessage("Tag claim C2")
        written.append(save_shot(window, out_dir / "walk-4-tag.png"))

        # 5. Note ▸ New note: a template, a title.
        workspace = window.note_workspace
        templates = sorted(workspace.templates().values(), key=lambda t: t.label.casefold())
        ask = NewNoteDialog(templates, window)
        ask.list.setCurrentRow(
            next(i for i, t in enumerate(templates) if t.name == "briefing-note")
        )
        ask.title.setText("Attack on Chinese workers in Khatlon")
        written.append(save_with_dialog(window, ask, out_dir / "walk-5-new-note.png"))
        ask.close()

        # 6. View ▸ Layout ▸ Write: the note beside the reader, the preview in front.
        template = workspace.templates()["briefing-note"]
        create = CreateNoteCommand(
            lib, ask.title.text(), template.name, template.headings(),
            marking=template.marking.default,
        )  # fmt: skip
        window.execute(create)
        window.docks.apply("write")
        workspace.open_note_tab(create.result.id)
        QApplication.processEvents()
        keys = [c.key for c in lib.claims.all()]
        for key, text, cited in (
            ("summary", "Armed men attacked a Chinese company's camp in Khatlon.", keys[:1]),
            ("background", "Three Chinese workers were killed, the embassy said.", keys[1:2]),
        ):
            section = workspace.editor.editor(key)
            assert section is not None
            section.setFocus()
            section.insertPlainText(text)
            section.insert_citation(cited)
        workspace.flush()
        workspace.refresh_preview()
        workspace.refresh_checks()
        window.docks.docks["preview"].raise_()
        window.statusBar().showMessage("Saved — every change is kept as you type")
        written.append(save_shot(window, out_dir / "walk-6-write.png"))

        # 7. Note ▸ Export note (Ctrl+E): the checks' verdict first.
        style = workspace.template.citations.style if workspace.template else "footnotes"
        note = lib.notes.get(create.result.id)
        headings = {s.key: s.heading for s in note.sections}
        export = ExportDialog(note.title, style, workspace.report, window, headings)
        export.path.setText(str(EXAMPLE_FOLDER / "attack-on-chinese-workers-in-khatlon.docx"))
        export.path.setCursorPosition(0)
        written.append(save_with_dialog(window, export, out_dir / "walk-7-export.png"))
        export.close()

        # 8. View ▸ Layout ▸ Review: a reviewer's comment beside the note.
        summary = lib.notes.get(note.id).section("summary")
        assert summary is not None
        at = summary.body.index("a Chinese company")
        lib.comments.add(
            note.id,
            "summary",
            "Which company? Name it if the embassy did.",
            author="Supervisor",
            anchor_text="a Chinese company",
            start=at,
            end=at + len("a Chinese company"),
        )
        window.docks.apply("review")
        window.review.review_pane.set_current_note(note.id)
        QApplication.processEvents()
        written.append(save_shot(window, out_dir / "walk-8-review.png"))
        window.docks.apply("read")
    return written


def main(argv: list[str] | None = None) -> int:
    """Write the first hour's screenshots to the folder given (default docs/screenshots)."""
    return write_shots(render_walk, argv)


if __name__ == "__main__":
    sys.exit(main())
