"""Render the user guide's screenshots from the real app, offscreen: `make screenshots`.

Each picture shows one step of docs/user-guide.md on the demo library in a throwaway folder.
"""

from __future__ import annotations

import sys
from pathlib import Path

from briefing_app.gui.screenshot import demo_window, save_shot, wait_for_import, write_shots

ARTICLE = """# Bridge reopens in Dushanbe

The city council said on Friday that the Varzob bridge would reopen to traffic next week,
after four months of repairs paid for by the regional development fund.

Engineers inspected the span on Thursday and found the new supports sound, the council said.
Residents of the northern districts had faced detours of up to forty minutes since November.
"""


def render_guide(out_dir: Path, width: int = 1280, height: int = 800) -> list[Path]:
    """Write import, tag, export, review and about screenshots for the user guide to out_dir."""
    from PySide6.QtWidgets import QApplication

    from briefing_app.gui.dialogs.about_dialog import AboutDialog

    written: list[Path] = []
    with demo_window(width, height) as (window, lib, _first_start):
        window.show_sample_hint(False)
        assert lib.path is not None
        folder = lib.path.parent

        # Import: a Markdown article, imported the way File ▸ Import does it.
        article = folder / "bridge-reopens.md"
        article.write_text(ARTICLE, encoding="utf-8")
        wait_for_import(window, [article])
        listed = next(s for s in lib.sources.all() if s.title.startswith("Bridge"))
        source = lib.sources.get(listed.id)
        window.sources.open_source(source.id)
        window.statusBar().showMessage("1 imported, 0 duplicate, 0 failed")
        QApplication.processEvents()
        written.append(save_shot(window, out_dir / "import.png"))

        # Tag: select a passage in the reader and tag it as a claim (Edit ▸ Tag, Ctrl+T).
        start = source.text.index("the Varzob bridge")
        end = source.text.index("next week") + len("next week")
        window.reader.select_span(start, end)
        window.sources.tag_selection()
        window.inspector.statement.setPlainText(source.text[start:end])
        QApplication.processEvents()
        written.append(save_shot(window, out_dir / "tag.png"))

        # Note ▸ Export note: the export dialog with what the checks found.
        from briefing_app.gui.dialogs.export_dialog import ExportDialog

        workspace = window.note_workspace
        note = lib.notes.all()[0]
        workspace.open_note_tab(note.id)
        QApplication.processEvents()
        workspace.refresh_checks()
        style = workspace.template.citations.style if workspace.template else "footnotes"
        headings = {s.key: s.heading for s in lib.notes.get(note.id).sections}
        export = ExportDialog(note.title, style, workspace.report, window, headings)
        export.show()
        QApplication.processEvents()
        written.append(save_shot(export, out_dir / "export.png"))
        export.close()

        # Review: what File ▸ Import reviewed copy brings back — a comment and a tracked change.
        summary = next(s for s in lib.notes.get(note.id).sections if s.key == "summary")
        at = summary.body.index("a drone")
        lib.comments.add(
            note.id,
            "summary",
            "Is the drone confirmed by a second source?",
            author="Supervisor",
            anchor_text="a drone",
            start=at,
            end=at + len("a drone"),
        )
        lib.edits.add(
            note.id,
            "summary",
            "Three Chinese workers",
            "Three Chinese nationals",
            prefix="",
            suffix=" were killed when armed",
            author="Supervisor",
        )
        window.review.review_pane.set_current_note(note.id)
        window.resize(width + 200, height)  # room for the review pane beside the editor
        QApplication.processEvents()
        window.docks.apply("review")  # View ▸ Layout ▸ Review
        QApplication.processEvents()
        written.append(save_shot(window, out_dir / "review.png"))
        window.docks.apply("read")
        window.resize(width, height)

        # Help ▸ About Briefing.
        about = AboutDialog.open_for(window, lib.path)
        about.resize(640, 560)
        names = [c.distribution.lower() for c in about.components]
        about.table.setCurrentCell(next(i for i, n in enumerate(names) if "pyside6" in n), 0)
        QApplication.processEvents()
        written.append(save_shot(about, out_dir / "about.png"))
        about.close()
    return written


def main(argv: list[str] | None = None) -> int:
    """Write the guide's screenshots to the folder given (default docs/screenshots)."""
    return write_shots(render_guide, argv)


if __name__ == "__main__":
    sys.exit(main())
