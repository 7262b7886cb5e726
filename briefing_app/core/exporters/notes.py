"""What each footnote, endnote or inline attribution of a document says: one place, every writer.

The Word, HTML and Markdown writers meet citations in the same reading order and ask a
`NoteTexts` for each, so every format says the same in each note: a source in full the first
time and short after, *Ibid.* for a note that repeats the source of the one before, the grades
and claim text as the document's citation style asks (the preview once repeated full titles the
Word file shortened). The grading legend and the Sources list wording come from here too.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from briefing_app.core.exporters.csl_sources import csl_entries
from briefing_app.core.exporters.document import (
    AuthorNote,
    Block,
    Cite,
    ExportDocument,
    Inline,
    Text,
    map_inlines,
)
from briefing_app.core.exporters.source_lines import (
    attribution,
    grading_legend,
    note_parts,
    source_grade_parts,
    sources_list_entry,
)

NotePart = tuple[str, bool]  # (text, italic)


class NoteTexts:
    """Gives the text of each note of one document, in the order a writer meets them.

    >>> from briefing_app.core.library import Library
    >>> from briefing_app.core.bundled.demo import build_demo
    >>> from briefing_app.core.exporters.build import build_document
    >>> lib = Library.open(":memory:"); _ = build_demo(lib)
    >>> notes = NoteTexts(build_document(lib, lib.notes.get(1)))
    >>> full, again = notes.citation(("C5",)), notes.citation(("C1",))
    >>> "".join(t for t, _ in again)
    'Ibid. Graded F2.'
    """

    def __init__(self, doc: ExportDocument) -> None:
        self._doc = doc
        self._style = doc.note_style
        self._cited_sources: set[int] = set()  # sources already given in full in a note
        self._previous: tuple[int, ...] = ()  # the sources of the note before, for Ibid.

    def citation(self, keys: Sequence[str]) -> tuple[NotePart, ...]:
        """Return what the note for a citation group says, and remember its sources as given."""
        claims = [self._doc.claims[k] for k in keys]
        sources = tuple(dict.fromkeys(c.source_id for c in claims))
        ibid = self._style.ibid and len(sources) == 1 and sources == self._previous
        self._previous = sources
        return tuple(
            note_parts(
                claims,
                self._doc.sources,
                self._style,
                self._doc.show_grades,
                self._cited_sources,
                ibid=ibid,
            )
        )

    def author_note(self, note: AuthorNote) -> tuple[NotePart, ...]:
        """Return what a note the writer typed ([^1]) says: its text, italics kept."""
        self._previous = ()  # a note between two citations of a source ends an Ibid. run
        return tuple((i.text, i.italic) for i in note.inlines if isinstance(i, Text))

    def inline_citation(self, keys: Sequence[str]) -> str:
        """Return a citation group printed inline: '(according to X and Y)', or ''."""
        text = attribution([self._doc.claims[k] for k in keys], self._doc.sources)
        return f"({text})" if text else ""

    def inline_author_note(self, note: AuthorNote) -> str:
        """Return a writer's own note printed inline, after the text: ' (the note)'."""
        return f" ({''.join(text for text, _ in self.author_note(note))})"


def sources_entries(doc: ExportDocument) -> list[tuple[NotePart, ...]]:
    """Return the Sources list every writer prints: each cited source once, as the style's
    CSL file formats it (in its order), or the house source line in order of first citation;
    graded when the template asks."""
    sources = doc.cited_sources()
    if not doc.sources_csl:
        return [tuple(sources_list_entry(s, doc.show_grades)) for s in sources]
    return [
        parts + tuple(source_grade_parts(source, doc.show_grades))
        for source, parts in csl_entries(sources, doc.sources_csl)
    ]


def legend(doc: ExportDocument) -> list[str]:
    """Return the grading legend a memo ends with: the codes its notes print, in words.

    Empty when the notes print no grades (inline attribution, grades off, or a style without
    them, or grades already in words).
    """
    if (
        doc.citation_style == "inline"
        or not doc.show_grades
        or doc.note_style.grade not in ("code", "brackets")
        or not doc.claims
    ):
        return []
    return grading_legend(list(doc.claims.values()), doc.sources)


# A sentence ends at . ! or ? (perhaps inside a closing quote or bracket) before a space or the end.
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*(\s|$)")


def merge_sentence_citations(blocks: list[Block], source_of: dict[str, int]) -> list[Block]:
    """Return blocks where citations of the same sources within one sentence are one citation.

    source_of maps each claim key to its source id.
    "X [@C1], and Y [@C2]." with C1 and C2 from one source gives one note for both, at the
    first mark: a reader expects one note per source and sentence, not two that repeat.
    """
    return map_inlines(blocks, lambda inlines: _merge_inlines(inlines, source_of))


def _merge_inlines(inlines: list[Inline], source_of: dict[str, int]) -> list[Inline]:
    out: list[Inline] = []
    open_cite: int | None = None  # index in out of this sentence's last citation
    for item in inlines:
        if isinstance(item, Text) and _SENTENCE_END.search(item.text):
            open_cite = None
        if isinstance(item, Cite) and all(k in source_of for k in item.keys):
            before = out[open_cite] if open_cite is not None else None
            if isinstance(before, Cite) and {source_of[k] for k in item.keys} <= {
                source_of[k] for k in before.keys
            }:
                merged = tuple(dict.fromkeys(before.keys + item.keys))
                out[open_cite] = Cite(merged)  # type: ignore[index]
                _drop_space_before_removed(out)
                continue
            out.append(item)
            open_cite = len(out) - 1
            continue
        out.append(item)
    return out


def merge_adjacent_citations(blocks: list[Block]) -> list[Block]:
    """Return blocks where citations side by side ("sabotage [@C9] [@C12].") are one citation.

    Two note marks printed together read as one number ("¹²" is note twelve); style guides
    put one mark at one place, its note naming every source. Only spaces may stand between.
    """
    return map_inlines(blocks, _merge_adjacent)


def _merge_adjacent(inlines: list[Inline]) -> list[Inline]:
    out: list[Inline] = []
    for item in inlines:
        if isinstance(item, Cite):
            gap = out[-1] if out else None
            space = isinstance(gap, Text) and not gap.href and not gap.text.strip()
            before = out[-2] if space and len(out) > 1 else gap
            if isinstance(before, Cite):
                if space:
                    out.pop()
                out[-1] = Cite(tuple(dict.fromkeys(before.keys + item.keys)))
                continue
        out.append(item)
    return out


def _drop_space_before_removed(out: list[Inline]) -> None:
    """Drop the space typed before a citation that merged away ('said [@C2].' → 'said.')."""
    last = out[-1] if out else None
    if isinstance(last, Text) and last.text.endswith(" ") and not last.href:
        out[-1] = dataclasses.replace(last, text=last.text.rstrip(" "))
