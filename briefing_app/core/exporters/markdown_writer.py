"""ExportDocument -> Markdown with YAML front matter, footnotes resolved to sources.

With keep_citations the pandoc citations [@C12] stay as written and a CSL-JSON bibliography
(one entry per cited claim, keyed by its claim key) is written beside the file.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from briefing_app.core.exporters.csl_sources import source_csl_item
from briefing_app.core.exporters.document import (
    AuthorNote,
    Block,
    Cite,
    ExportDocument,
    Heading,
    Inline,
    ListBlock,
    Missing,
    Paragraph,
    Quote,
    Table,
    Text,
)
from briefing_app.core.exporters.notes import NoteTexts, legend, sources_entries
from briefing_app.core.exporters.source_lines import ANNEX_COLUMNS, ANNEX_HEADING, annex_row, grade

_ESCAPE = re.compile(r"([\\`*_\[\]<>|])")
# A tilde is escaped only where two in a row would read as ~~strikethrough~~: "~500" stays.
_TILDES = re.compile(r"~(?=~)|(?<=~)~")


def render_markdown(
    doc: ExportDocument, keep_citations: bool = False, bibliography: str = ""
) -> str:
    """Return the note as Markdown text (front matter, sections, notes, sources)."""
    return _MarkdownBuilder(doc, keep_citations, bibliography).build()


def write_markdown(
    doc: ExportDocument,
    path: Path,
    keep_citations: bool = False,
    bibliography: Path | None = None,
    bibliography_name: str = "",
) -> None:
    """Write the note as Markdown at path (and its CSL-JSON bibliography when keeping [@key]).

    bibliography_name is what the front matter names (the file's final name when path and
    bibliography are temporary files moved into place afterwards).
    """
    name = bibliography_name or (bibliography.name if bibliography is not None else "")
    path.write_text(render_markdown(doc, keep_citations, name), encoding="utf-8")
    if keep_citations and bibliography is not None:
        bibliography.write_text(
            json.dumps(csl_json(doc), indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )


def bibliography_path(path: Path) -> Path:
    """Return where the CSL-JSON bibliography of a Markdown export goes: beside it, .json."""
    return path.with_suffix(".json")


def csl_json(doc: ExportDocument) -> list[dict[str, Any]]:
    """Return one CSL-JSON item per cited claim, so pandoc --citeproc can resolve [@C12]."""
    items = []
    for key, claim in doc.claims.items():
        source = doc.sources[claim.source_id]
        item = source_csl_item(source, key)
        note = f"Claim {key}: {(claim.statement or claim.quote).rstrip('.')}"
        if claim.party:
            note += f" ({claim.party})"
        item["note"] = f"{note}. Graded {grade(claim, source)}."
        items.append(item)
    return items


class _MarkdownBuilder:
    def __init__(self, doc: ExportDocument, keep_citations: bool, bibliography: str) -> None:
        self.doc = doc
        self.keep = keep_citations
        self.note_texts = NoteTexts(doc)
        self.bibliography = bibliography
        self.notes: list[str] = []

    def build(self) -> str:
        """Return the whole Markdown text."""
        doc = self.doc
        front: dict[str, Any] = {
            "title": doc.title,
            "date": doc.date,
            "marking": doc.marking,
            "template": doc.template,
            "status": doc.status,
        }
        for label, value in doc.header_lines:
            front.setdefault(label.lower().replace(" ", "_").rstrip("."), value)
        if self.keep and doc.claims and self.bibliography:
            front["bibliography"] = self.bibliography
        out = ["---", yaml.safe_dump(front, sort_keys=False, allow_unicode=True).rstrip(), "---"]
        out.append("")
        # The body reads as the Word memo does: marking, title, memo header, then the sections.
        marking = [f"**{_esc(doc.marking)}**", ""] if doc.marking else []
        out += marking
        out += [f"# {_esc(doc.title)}", ""]
        if doc.header_lines:
            out += [_label_lines(doc.header_lines), ""]
        for section in doc.printed_sections():
            out += [f"## {_esc(section.heading)}", ""]
            out += self.blocks(section.blocks)
            if section.decision:
                out += ["Approve \\_\\_\\_\\_\\_\\_ Disapprove \\_\\_\\_\\_\\_\\_", ""]
            box = doc.boxes.get(section.key)
            if box is not None:
                out.append(f"> **{_esc(box.title)}**")
                out.append(">")
                out += ["> " + ln if ln else ">" for ln in _trimmed(self.blocks(box.blocks))]
                out.append("")
        if doc.clearance:
            out += ["* * *", "", _label_lines(doc.clearance), ""]
        if doc.sources_list and doc.claims:
            out += ["## Sources", ""]
            for n, entry in enumerate(sources_entries(doc), start=1):
                out.append(f"{n}. {_parts_md(entry)}")
            out.append("")
        out += [line for text in legend(doc) for line in (_esc(text), "")]
        if doc.claims_annex and doc.claims:
            # The rows Word and the preview print (annex_row): grades in words too.
            out += [f"## {ANNEX_HEADING}", "", "| " + " | ".join(ANNEX_COLUMNS) + " |"]
            out.append("|" + "---|" * len(ANNEX_COLUMNS))
            for claim in doc.claims.values():
                cells = annex_row(claim, doc.sources[claim.source_id])
                out.append("| " + " | ".join(_esc(c) for c in cells) + " |")
            out.append("")
        for annex in doc.annexes:
            out += [f"## {_esc(annex.heading)}", ""]
            out += self.blocks(annex.blocks)
        out += marking
        for n, text in enumerate(self.notes, start=1):
            out.append(f"[^{n}]: {text}")
        text = "\n".join(out).rstrip() + "\n"
        return text

    def blocks(self, blocks: list[Block], indent: str = "") -> list[str]:
        """Return the Markdown lines for blocks, indented for list nesting."""
        out: list[str] = []
        for block in blocks:
            if isinstance(block, Paragraph):
                prefix = self.doc.portion_mark + " " if self.doc.portion_mark else ""
                # A hard line break starts a new source line, indented like the paragraph's
                # first so it stays inside its list item or quote.
                text = prefix + self.inlines(block.inlines)
                out += [indent + line for line in text.split("\n")]
                out.append("")
            elif isinstance(block, Heading):
                out += [f"{indent}{'#' * min(block.level + 2, 6)} {self.inlines(block.inlines)}"]
                out.append("")
            elif isinstance(block, ListBlock):
                for n, item in enumerate(block.items, start=1):
                    marker = f"{n}. " if block.ordered else "- "
                    # Four spaces nest under any marker for Python-Markdown and CommonMark alike.
                    lines = self.blocks(item, indent + "    ")
                    lines = [ln for ln in lines if ln.strip()]
                    if lines:
                        lines[0] = indent + marker + lines[0][len(indent) + 4 :]
                    out += lines
                out.append("")
            elif isinstance(block, Table):
                width = max([1, len(block.header), *(len(r) for r in block.rows)])
                header = block.header or [[] for _ in range(width)]
                out.append(indent + "| " + " | ".join(self.inlines(c) for c in header) + " |")
                out.append(indent + "|" + "---|" * width)
                for row in block.rows:
                    out.append(indent + "| " + " | ".join(self.inlines(c) for c in row) + " |")
                out.append("")
            elif isinstance(block, Quote):
                out += [
                    indent + "> " + ln if ln else indent + ">"
                    for ln in _trimmed(self.blocks(block.blocks))
                ]
                out.append("")
        return out

    def inlines(self, inlines: list[Inline] | tuple[Inline, ...]) -> str:
        """Return the Markdown for a paragraph's inlines."""
        out: list[str] = []
        struck: list[Text] = []  # consecutive struck runs, wrapped in one ~~ pair
        for item in [*inlines, None]:
            if isinstance(item, Text) and item.strike:
                struck.append(dataclasses.replace(item, strike=False))
                continue
            if struck:
                out.append(_strike(self.inlines(tuple(struck))))
                struck = []
            if item is None:
                break
            if isinstance(item, Text):
                # A hard line break becomes two trailing spaces, which Python-Markdown,
                # CommonMark and pandoc all read (Python-Markdown has no backslash break).
                text = f"`{item.text}`" if item.code else _esc(item.text).replace("\n", "  \n")
                if item.italic:
                    text = f"*{text}*"
                if item.bold:
                    text = f"**{text}**"
                if item.href:
                    text = f"[{text}]({item.href})"
                out.append(text)
            elif isinstance(item, Cite):
                if self.keep:
                    out.append("[" + "; ".join(f"@{k}" for k in item.keys) + "]")
                elif self.doc.citation_style == "inline":
                    out.append(self.note_texts.inline_citation(item.keys))
                else:
                    _strip_space(out)
                    out.append(self._note(_parts_md(self.note_texts.citation(item.keys))))
            elif isinstance(item, AuthorNote):
                _strip_space(out)
                out.append(self._note(self.inlines(item.inlines)))
            elif isinstance(item, Missing):
                out.append(f"**{_esc(item.text)}**")
        return "".join(out)

    def _note(self, text: str) -> str:
        self.notes.append(text)
        return f"[^{len(self.notes)}]"


def _label_lines(lines: list[tuple[str, str]]) -> str:
    """Return label/value lines as one paragraph of hard-broken lines: '**To:** Director'."""
    return "  \n".join(f"**{_esc(label)}:** {_esc(value)}" for label, value in lines)


def _parts_md(parts: Sequence[tuple[str, bool]]) -> str:
    """Return (text, italic) pieces as Markdown."""
    return "".join(f"*{_esc(t)}*" if italic else _esc(t) for t, italic in parts if t)


def _strike(text: str) -> str:
    """Return text wrapped in ~~ with its outer spaces outside (`~~ a~~` is no strikethrough)."""
    core = text.strip(" ")
    if not core:
        return text
    lead = text[: len(text) - len(text.lstrip(" "))]
    trail = text[len(text.rstrip(" ")) :]
    return f"{lead}~~{core}~~{trail}"


def _trimmed(lines: list[str]) -> list[str]:
    """Return lines without trailing blank ones (a quote must not end in an empty '>')."""
    while lines and not lines[-1].strip():
        lines.pop()
    return lines


def _strip_space(out: list[str]) -> None:
    if out:
        out[-1] = out[-1].rstrip(" ")


def _esc(text: str) -> str:
    return _TILDES.sub(r"\\~", _ESCAPE.sub(r"\\\1", text))
