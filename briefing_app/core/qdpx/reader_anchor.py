"""Placing a tool's text selection on the stored text, checked against its name.

A selection's positions are mapped to the stored text (reader_positions). Its `name`, when a
tool gives one, is usually the selected text (or its opening, shortened with an ellipsis):
when the text at the positions is not the name, the name is looked for near the positions,
then anywhere in the text, and the selection moves there. One whose name occurs nowhere, or
without name and positions inside the text, is dropped with the reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing_app.core.qdpx.mapping import XML_REPLACEMENT
from briefing_app.core.qdpx.reader_positions import (
    Convention,
    TextForms,
    comparable,
    name_fits,
)
from briefing_app.core.qdpx.reader_project import Selection
from briefing_app.core.text.anchors import find_quote

_ELLIPSES = ("…", "...")


@dataclass(frozen=True)
class Placed:
    """Where a selection lands in the stored text, and how it got there if it moved."""

    start: int
    end: int
    moved: str = ""


def place_selection(forms: TextForms, convention: Convention, sel: Selection) -> Placed | str:
    """Return where a selection lands in the stored text, or why it cannot land anywhere."""
    text = forms.stored
    span: tuple[int, int] | None = None
    if sel.start is not None and sel.end is not None:
        size = len(forms.form(convention))
        end = sel.end + (1 if convention.inclusive_end else 0)
        if 0 <= sel.start < end <= size:
            span = forms.to_stored(convention, sel.start, sel.end)
    name = comparable(sel.name)
    fits = span is not None and (not name or name_fits(text[span[0] : span[1]], sel.name))
    if span is not None and span[0] < span[1] and fits:
        return _checked(text, Placed(*span))
    if not name:
        if sel.start is None or sel.end is None:
            return "it has no positions and no name to find it by"
        return f"its positions {sel.start}-{sel.end} are outside the text, and it has no name"
    found = _find_name(text, sel.name, span[0] if span else 0, span)
    if found is None:
        return f"its name {_cut(name)} occurs nowhere in the source"
    where = f"{sel.start}-{sel.end}" if sel.start is not None else "(none)"
    return _checked(text, Placed(*found, moved=f"re-anchored by its name (positions {where})"))


def names_are_labels(forms: TextForms, convention: Convention, selections: list[Selection]) -> bool:
    """Return whether a source's selection names are labels ("Reference 1"), not its text.

    So they are when some selections have names and none of them fits its positions or occurs
    anywhere in the text; then names cannot check positions, and would drop every selection.
    """
    named = [s for s in selections if comparable(s.name)]
    if not named:
        return False
    for sel in named:
        selected = forms.selected(convention, sel.start or 0, sel.end or 0)
        if name_fits(selected, sel.name) or _find_name(forms.stored, sel.name, 0, None) is not None:
            return False
    return True


def _checked(text: str, placed: Placed) -> Placed | str:
    if not text[placed.start : placed.end].strip():
        return "it selects only white space"
    return placed


def _find_name(
    text: str, name: str, around: int, span: tuple[int, int] | None
) -> tuple[int, int] | None:
    """Return the span of name nearest to `around`: near it first, then anywhere."""
    wanted = comparable(name)
    shortened = wanted.endswith(_ELLIPSES)
    if shortened:
        wanted = wanted.removesuffix("…").removesuffix("...").rstrip()
    hits: list[int] = []
    if XML_REPLACEMENT in wanted:
        # A character XML cannot hold, replaced in the name: any one character of the text.
        pattern = re.compile(".".join(map(re.escape, wanted.split(XML_REPLACEMENT))), re.DOTALL)
        hits = [m.start() for m in pattern.finditer(text)]
    else:
        at = text.find(wanted)
        while at >= 0:
            hits.append(at)
            at = text.find(wanted, at + 1)
    if hits:
        start = min(hits, key=lambda h: abs(h - around))
        end = start + len(wanted)
    else:
        flexible = find_quote(text, wanted)
        if flexible is None:
            return None
        start, end = flexible
    if shortened and span is not None:
        # A shortened name gives the selection's opening; its length comes from the positions.
        end = min(len(text), max(end, start + (span[1] - span[0])))
    return start, end


def _cut(text: str, limit: int = 50) -> str:
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")
