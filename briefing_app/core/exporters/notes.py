"""What each footnote, endnote or inline attribution of a document says: one place, every writer.

The Word, HTML and Markdown writers meet citations in the same reading order and ask a
`NoteTexts` for each, so a source's first note gives it in full and later ones its short form
in every format alike (the preview once repeated full titles the Word file shortened).
"""

from __future__ import annotations

from collections.abc import Sequence

from briefing_app.core.exporters.document import AuthorNote, ExportDocument, Text
from briefing_app.core.exporters.source_lines import attribution, note_parts

NotePart = tuple[str, bool]  # (text, italic)


class NoteTexts:
    """Gives the text of each note of one document, in the order a writer meets them.

    >>> from briefing_app.core.library import Library
    >>> from briefing_app.core.bundled.demo import build_demo
    >>> from briefing_app.core.exporters.build import build_document
    >>> lib = Library.open(":memory:"); _ = build_demo(lib)
    >>> notes = NoteTexts(build_document(lib, lib.notes.get(1)))
    >>> full, again = notes.citation(("C1",)), notes.citation(("C1",))
    >>> len("".join(t for t, _ in again)) < len("".join(t for t, _ in full))
    True
    """

    def __init__(self, doc: ExportDocument) -> None:
        self._doc = doc
        self._cited_sources: set[int] = set()  # sources already given in full in a note
        # Once every source of a group has been given in full, the group always reads the same.
        self._settled: dict[tuple[str, ...], tuple[NotePart, ...]] = {}

    def citation(self, keys: Sequence[str]) -> tuple[NotePart, ...]:
        """Return what the note for a citation group says, and remember its sources as given."""
        group = tuple(keys)
        parts = self._settled.get(group)
        if parts is None:
            claims = [self._doc.claims[k] for k in group]
            first_time = any(c.source_id not in self._cited_sources for c in claims)
            parts = tuple(
                note_parts(claims, self._doc.sources, self._doc.show_grades, self._cited_sources)
            )
            if not first_time:
                self._settled[group] = parts
        return parts

    def author_note(self, note: AuthorNote) -> tuple[NotePart, ...]:
        """Return what a note the writer typed ([^1]) says: its text, italics kept."""
        return tuple((i.text, i.italic) for i in note.inlines if isinstance(i, Text))

    def inline_citation(self, keys: Sequence[str]) -> str:
        """Return a citation group printed inline: '(according to X and Y)', or ''."""
        text = attribution([self._doc.claims[k] for k in keys], self._doc.sources)
        return f"({text})" if text else ""

    def inline_author_note(self, note: AuthorNote) -> str:
        """Return a writer's own note printed inline, after the text: ' (the note)'."""
        return f" ({''.join(text for text, _ in self.author_note(note))})"
