"""The text of WordprocessingML as Word shows it with every tracked change accepted.

python-docx reads only the runs that are direct children of a paragraph (or of a hyperlink), so
text inside tracked insertions, moves, content controls, smart tags and simple fields is lost.
This walks the XML instead: containers are entered, and what Word would not show once changes
are accepted (deletions, moved-from text, field instructions) is left out.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"

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


def paragraph_text(paragraph: Any) -> str:
    """Return a w:p element's text with insertions kept and deletions and field codes dropped."""
    parts: list[str] = []
    _collect(paragraph, parts, fields=[])
    return "".join(parts)


def _collect(element: Any, parts: list[str], fields: list[bool]) -> None:
    """Append the shown text under element; fields holds, per open field, 'result reached'."""
    for child in element.iterchildren():
        tag = child.tag
        if not isinstance(tag, str) or tag in _HIDDEN:
            continue  # comments and processing instructions have non-string tags
        if tag == f"{_W}r":
            _run_text(child, parts, fields)
        elif tag == f"{_MC}AlternateContent":
            # Choice and Fallback are two renderings of the same content: read one.
            first = next(iter(child.iterchildren()), None)
            if first is not None:
                _collect(first, parts, fields)
        else:
            _collect(child, parts, fields)


def _run_text(run: Any, parts: list[str], fields: list[bool]) -> None:
    for child in run.iterchildren():
        tag = child.tag
        if tag == f"{_W}fldChar":
            _track_field(child.get(f"{_W}fldCharType"), fields)
        elif not all(fields):
            continue  # between a field's begin and separate: its instruction, not its result
        elif tag == f"{_W}t":
            parts.append(child.text or "")
        elif tag in (f"{_W}tab", f"{_W}ptab"):
            parts.append("\t")
        elif tag == f"{_W}cr":
            parts.append("\n")
        elif tag == f"{_W}br":
            # Page and column breaks do not break the line of text; like python-docx, drop them.
            if child.get(f"{_W}type", "textWrapping") == "textWrapping":
                parts.append("\n")
        elif tag == f"{_W}noBreakHyphen":
            parts.append("-")
        elif tag == f"{_W}ruby":
            base = child.find(f"{_W}rubyBase")  # the text itself, not its pronunciation guide
            if base is not None:
                _collect(base, parts, fields)
        # w:instrText, w:delText, w:delInstrText, drawings and the rest are not shown text.


def _track_field(kind: str | None, fields: list[bool]) -> None:
    if kind == "begin":
        fields.append(False)
    elif kind == "separate" and fields:
        fields[-1] = True
    elif kind == "end" and fields:
        fields.pop()
