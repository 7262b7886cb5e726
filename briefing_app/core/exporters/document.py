"""The intermediate document every writer reads: blocks of runs, parsed once from Markdown."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from briefing_app.core.exporters.citation_styles import CitationStyle
from briefing_app.core.models import Claim, Source

# Printed for a clearance line nobody has signed yet: the space to sign in.
UNSIGNED = "_" * 24
# Printed after a section that asks for a decision (action memos).
DECISION_LINE = "Approve ________\tDisapprove ________"


@dataclass(frozen=True, slots=True)
class Text:
    """A run of text with its emphasis; href makes it a hyperlink."""

    text: str
    bold: bool = False
    italic: bool = False
    code: bool = False
    href: str | None = None
    strike: bool = False


@dataclass(frozen=True, slots=True)
class Cite:
    """A citation group [@C1; @C2] at this point of the text."""

    keys: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class AuthorNote:
    """A footnote the writer typed themselves with Markdown's [^1] syntax."""

    inlines: tuple[Inline, ...]


@dataclass(frozen=True, slots=True)
class Missing:
    """Where a citation names claims the library does not hold (a lenient build only)."""

    keys: tuple[str, ...]

    @property
    def text(self) -> str:
        """Return the marker every writer prints: '[missing claim C99]'."""
        noun = "claim" if len(self.keys) == 1 else "claims"
        return f"[missing {noun} {', '.join(self.keys)}]"


Inline = Text | Cite | AuthorNote | Missing


@dataclass(slots=True)
class Heading:
    """A heading inside a section body (level 1 is a sub-heading of the section)."""

    level: int
    inlines: list[Inline]


@dataclass(slots=True)
class Paragraph:
    """A paragraph of runs."""

    inlines: list[Inline]


@dataclass(slots=True)
class ListBlock:
    """A bullet or numbered list; each item is a list of blocks."""

    ordered: bool
    items: list[list[Block]]


@dataclass(slots=True)
class Table:
    """A table: header cells then body rows, each cell a list of runs."""

    header: list[list[Inline]]
    rows: list[list[list[Inline]]]


@dataclass(slots=True)
class Quote:
    """A block quotation."""

    blocks: list[Block]


Block = Heading | Paragraph | ListBlock | Table | Quote


def map_inlines(blocks: list[Block], change: Callable[[list[Inline]], list[Inline]]) -> list[Block]:
    """Return blocks with change applied to the runs of every paragraph, heading, list item,
    table cell and quotation inside them (the blocks given are left as they were)."""
    out: list[Block] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            out.append(Paragraph(change(block.inlines)))
        elif isinstance(block, Heading):
            out.append(Heading(block.level, change(block.inlines)))
        elif isinstance(block, ListBlock):
            out.append(ListBlock(block.ordered, [map_inlines(i, change) for i in block.items]))
        elif isinstance(block, Table):
            header = [change(c) for c in block.header]
            out.append(Table(header, [[change(c) for c in row] for row in block.rows]))
        elif isinstance(block, Quote):
            out.append(Quote(map_inlines(block.blocks, change)))
    return out


@dataclass(slots=True)
class DocSection:
    """One note section: its key, heading and parsed body."""

    key: str
    heading: str
    blocks: list[Block]
    decision: bool = False


@dataclass(slots=True)
class DocBox:
    """A shaded explainer box after a section."""

    title: str
    blocks: list[Block]


@dataclass(slots=True)
class DocAnnex:
    """An annex printed after the note's sources: its heading and its blocks (tables)."""

    heading: str
    blocks: list[Block]


@dataclass(slots=True)
class ExportDocument:
    """A note ready to write: header, sections, the claims and sources it cites, and options."""

    title: str
    template: str
    marking: str
    marking_placement: str
    status: str
    date: str
    header_lines: list[tuple[str, str]]
    sections: list[DocSection]
    boxes: dict[str, DocBox] = field(default_factory=dict)
    claims: dict[str, Claim] = field(default_factory=dict)
    sources: dict[int, Source] = field(default_factory=dict)
    citation_style: str = "footnotes"
    note_style: CitationStyle = field(default_factory=lambda: CitationStyle("house"))
    show_grades: bool = False
    sources_list: bool = True
    sources_csl: str = ""  # the CSL style formatting the Sources list ("": the house form)
    claims_annex: bool = False
    annexes: list[DocAnnex] = field(default_factory=list)
    portion_mark: str = ""
    clearance: list[tuple[str, str]] = field(default_factory=list)  # (label, value) at the end
    author: str = ""
    subject: str = ""
    keywords: str = ""
    created: str = ""
    # A draft to fill in (a review copy, or asked for) keeps an empty section's heading as a
    # prompt; a memo leaves the section out.
    keep_empty: bool = False

    def printed_sections(self) -> list[DocSection]:
        """Return the sections an export prints: those with a body, unless keep_empty."""
        return [s for s in self.sections if s.blocks or self.keep_empty]

    def cited_sources(self) -> list[Source]:
        """Return each cited source once, in order of first citation."""
        seen: dict[int, Source] = {}
        for claim in self.claims.values():
            if claim.source_id not in seen:
                seen[claim.source_id] = self.sources[claim.source_id]
        return list(seen.values())
