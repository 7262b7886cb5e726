"""The text of WordprocessingML as Word shows it with every tracked change accepted.

python-docx reads only the runs that are direct children of a paragraph (or of a hyperlink), so
text inside tracked insertions, moves, content controls, smart tags and simple fields is lost.
This walks the XML instead: containers are entered, and what Word would not show once changes
are accepted (deletions, moved-from text, field instructions) is left out. Given a
`ReferenceMarks`, a footnote or endnote reference reads as the mark it asks for ("[1]"); given
a link resolver, a hyperlink's address follows its words (notes name their sources so).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_NOTE_REFERENCES = {f"{_W}footnoteReference": "footnote", f"{_W}endnoteReference": "endnote"}
# ST_OnOff's true values; customMarkFollows is off when absent.
_ON = frozenset({"1", "true", "on"})
# A HYPERLINK field's target: quoted or bare; one with \l points inside the document.
_HYPERLINK_FIELD = re.compile(r'^\s*HYPERLINK\s+(?:"([^"]*)"|(\S+))', re.IGNORECASE)

# Never shown once changes are accepted, or not text at all (properties, change records).
_HIDDEN = frozenset(
    f"{_W}{name}"
    for name in (
        "pPr",
        "rPr",
        "del",
        "moveFrom",
        "sdtPr",
        "sdtEndPr",
        "smartTagPr",
        "customXmlPr",
    )
)
# Block-level wrappers whose paragraphs and tables belong to the enclosing body or cell.
_BLOCK_WRAPPERS = frozenset({f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml"})


def block_elements(container: Any) -> Iterator[Any]:
    """Yield the w:p and w:tbl elements of a body or cell in reading order, unwrapping controls."""
    for child in container.iterchildren():
        if child.tag in (f"{_W}p", f"{_W}tbl"):
            yield child
        elif child.tag in _BLOCK_WRAPPERS:
            yield from block_elements(child)


def paragraph_mark_deleted(paragraph: Any) -> bool:
    """Return whether the paragraph's end mark is a tracked deletion (it joins the next one)."""
    mark = paragraph.find(f"{_W}pPr/{_W}rPr")
    return mark is not None and (
        mark.find(f"{_W}del") is not None or mark.find(f"{_W}moveFrom") is not None
    )


def row_deleted(row: Any) -> bool:
    """Return whether a w:tr element is a tracked deletion of the whole row."""
    return row.find(f"{_W}trPr/{_W}del") is not None


class ReferenceMarks(Protocol):
    """What a footnote or endnote reference reads as in the text."""

    def mark(self, kind: str, note_id: str, custom: str) -> str:
        """Return the mark of note note_id of kind "footnote" or "endnote" ("" for none).

        custom is the author's own mark (the run's text after a customMarkFollows reference),
        "" for a numbered note.
        """
        ...


@dataclass
class _OpenField:
    """A field being read for its link: its instruction, and where its shown result starts."""

    instruction: list[str] = field(default_factory=list)
    result: list[str] | None = None
    start: int = 0


@dataclass
class _Walk:
    """The state of one paragraph's walk and what the caller asked of it."""

    marks: ReferenceMarks | None = None
    link_url: Callable[[str], str] | None = None
    fields: list[bool] = field(default_factory=list)  # per open field: 'result reached'
    link_fields: list[_OpenField] = field(default_factory=list)  # per open field, given link_url


def web_address(url: str) -> str:
    """Return url without whitespace if a reader can follow it (http, https, mailto), else ""."""
    url = "".join(url.split())  # a line break in it would split the text's paragraph
    # A file path on the author's disk, or a place inside the document, means nothing here.
    return url if url.lower().startswith(("http://", "https://", "mailto:")) else ""


def paragraph_text(
    paragraph: Any,
    *,
    marks: ReferenceMarks | None = None,
    link_url: Callable[[str], str] | None = None,
) -> str:
    """Return a w:p element's text with insertions kept and deletions and field codes dropped.

    Without marks, note references read as nothing; without link_url, a hyperlink is its words.
    link_url maps a hyperlink's relationship id to its address ("" for none).
    """
    parts: list[str] = []
    _collect(paragraph, parts, _Walk(marks, link_url))
    return "".join(parts)


def _collect(element: Any, parts: list[str], walk: _Walk) -> None:
    """Append the shown text under element."""
    for child in element.iterchildren():
        tag = child.tag
        if not isinstance(tag, str) or tag in _HIDDEN:
            continue  # comments and processing instructions have non-string tags
        if tag == f"{_W}r":
            _run_text(child, parts, walk)
        elif tag == f"{_MC}AlternateContent":
            # Choice and Fallback are two renderings of the same content: read one.
            first = next(iter(child.iterchildren()), None)
            if first is not None:
                _collect(first, parts, walk)
        elif tag == f"{_W}hyperlink" and walk.link_url is not None:
            _hyperlink_text(child, parts, walk, walk.link_url)
        else:
            _collect(child, parts, walk)


def _hyperlink_text(
    link: Any, parts: list[str], walk: _Walk, link_url: Callable[[str], str]
) -> None:
    words: list[str] = []
    _collect(link, words, walk)
    shown = "".join(words)
    parts.append(shown)
    _append_address(parts, shown, link_url(link.get(f"{_R}id", "")))


def _append_address(parts: list[str], shown: str, url: str) -> None:
    if url and url not in shown:
        parts.append(f" ({url})" if shown.strip() else url)


def _run_text(run: Any, parts: list[str], walk: _Walk) -> None:
    fields = walk.fields
    out = parts
    custom: tuple[str, str] | None = None  # a reference whose mark is the rest of this run
    for child in run.iterchildren():
        tag = child.tag
        if tag == f"{_W}fldChar":
            kind = child.get(f"{_W}fldCharType")
            if walk.link_url is not None:
                _track_link_field(kind, walk, out)
            _track_field(kind, fields)
        elif not all(fields):
            if tag == f"{_W}instrText" and walk.link_fields and not fields[-1]:
                walk.link_fields[-1].instruction.append(child.text or "")
            continue  # between a field's begin and separate: its instruction, not its result
        elif tag in _NOTE_REFERENCES:
            if walk.marks is None:
                continue
            kind, note_id = _NOTE_REFERENCES[tag], child.get(f"{_W}id", "")
            if (child.get(f"{_W}customMarkFollows") or "").lower() in _ON and custom is None:
                custom, out = (kind, note_id), []
            else:
                parts.append(walk.marks.mark(kind, note_id, ""))
        elif tag == f"{_W}t":
            out.append(child.text or "")
        elif tag in (f"{_W}tab", f"{_W}ptab"):
            out.append("\t")
        elif tag == f"{_W}cr":
            out.append("\n")
        elif tag == f"{_W}br":
            # Page and column breaks do not break the line of text; like python-docx, drop them.
            if child.get(f"{_W}type", "textWrapping") == "textWrapping":
                out.append("\n")
        elif tag == f"{_W}noBreakHyphen":
            out.append("-")
        elif tag == f"{_W}ruby":
            base = child.find(f"{_W}rubyBase")  # the text itself, not its pronunciation guide
            if base is not None:
                _collect(base, out, walk)
        # w:instrText, w:delText, w:delInstrText, drawings and the rest are not shown text.
    if custom is not None and walk.marks is not None:
        # Word shows the author's mark (the run's text) in place of a number.
        parts.append(walk.marks.mark(*custom, "".join(out).strip()))


def _track_link_field(kind: str | None, walk: _Walk, out: list[str]) -> None:
    """Follow a field for its link: a HYPERLINK field's address goes after its result."""
    if kind == "begin":
        walk.link_fields.append(_OpenField())
    elif kind == "separate" and walk.link_fields:
        walk.link_fields[-1].result, walk.link_fields[-1].start = out, len(out)
    elif kind == "end" and walk.link_fields:
        opened = walk.link_fields.pop()
        target = _HYPERLINK_FIELD.match("".join(opened.instruction))
        if target is None or opened.result is not out:
            return  # not a link, or its result began in another container (none to compare)
        url = web_address(target.group(1) or target.group(2) or "")
        _append_address(out, "".join(out[opened.start :]), url)


def _track_field(kind: str | None, fields: list[bool]) -> None:
    if kind == "begin":
        fields.append(False)
    elif kind == "separate" and fields:
        fields[-1] = True
    elif kind == "end" and fields:
        fields.pop()
