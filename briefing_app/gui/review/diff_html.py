"""HTML for review views: a suggested edit (old → new) and the word diff between versions.

Deletions are red and struck through, insertions green and underlined, so the change reads
the same as Word's tracked changes. Everything is escaped local text; no links, no images.
The colours are classes, given by `review_style_sheet` for the palette of the view showing
them (fixed colours were chosen for white: a dark theme's base hid the reds and greys).
"""

from __future__ import annotations

import html

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QTextBrowser

from briefing_app.core.review.edits import SuggestedEdit
from briefing_app.core.review.versions import Change, SectionDiff
from briefing_app.core.text.counts import counted
from briefing_app.gui.contrast import composite, readable, text_for

_CONTEXT = 60
# Word's tracked-change red and green, a quiet grey, and a marker-pen yellow (the jump target).
_DELETED, _INSERTED, _QUIET = QColor("#b00020"), QColor("#1b7f1b"), QColor("#555555")
_MARK = QColor("#ffe066")


def review_style_sheet(palette: QPalette) -> str:
    """Return the style sheet of review HTML for a view of this palette: every colour moved to
    read on its base (set it before the HTML, as a document's default style sheet)."""
    base = palette.color(QPalette.ColorRole.Base)
    deleted_fill = composite(QColor(176, 0, 32, 20), base)
    inserted_fill = composite(QColor(27, 127, 27, 26), base)
    return (
        f".deleted {{ color: {readable(_DELETED, deleted_fill).name()};"
        f" text-decoration: line-through; background-color: {deleted_fill.name()}; }}\n"
        f".inserted {{ color: {readable(_INSERTED, inserted_fill).name()};"
        f" text-decoration: underline; background-color: {inserted_fill.name()}; }}\n"
        f".quiet {{ color: {readable(_QUIET, base).name()}; }}\n"
        f".mark {{ color: {text_for(_MARK).name()}; background-color: {_MARK.name()}; }}\n"
    )


def use_review_style(view: QTextBrowser) -> None:
    """Give a view the review style sheet for its palette (before its HTML is set)."""
    view.document().setDefaultStyleSheet(review_style_sheet(view.palette()))


def _text(value: str) -> str:
    return html.escape(value).replace("\n", "<br>")


def deleted(text: str) -> str:
    """Return text marked as deleted."""
    return f'<span class="deleted">{_text(text)}</span>' if text else ""


def inserted(text: str) -> str:
    """Return text marked as inserted."""
    return f'<span class="inserted">{_text(text)}</span>' if text else ""


def edit_html(edit: SuggestedEdit) -> str:
    """Return a suggested edit in its context: prefix, struck old words, new words, suffix."""
    before = edit.prefix[-_CONTEXT:]
    after = edit.suffix[:_CONTEXT]
    who = html.escape(edit.author or "A reviewer")
    return (
        f"<p><b>{who}</b> suggests to {edit.kind} "
        f"<span class='quiet'>({html.escape(edit.status)})</span></p>"
        f"<p>…{_text(before)}{deleted(edit.old_text)}{inserted(edit.new_text)}"
        f"{_text(after)}…</p>"
    )


def changes_html(changes: list[Change]) -> str:
    """Return a word diff as one run of text with deletions and insertions marked."""
    parts = []
    for change in changes:
        if change.op == "equal":
            parts.append(_text(change.old))
        else:
            parts.append(deleted(change.old) + inserted(change.new))
    return "".join(parts)


def diff_html(diffs: list[SectionDiff], old_label: str, new_label: str) -> str:
    """Return the changes between two versions of a note, section by section."""
    changed = [d for d in diffs if d.status != "unchanged"]
    head = (
        f"<p>From <b>{html.escape(old_label)}</b> to <b>{html.escape(new_label)}</b>: "
        f"{len(changed)} of {counted(len(diffs), 'sections')} changed.</p>"
    )
    body = []
    for diff in diffs:
        title = html.escape(diff.heading or diff.key)
        if diff.status == "unchanged":
            body.append(f"<p class='quiet'>{title} — unchanged</p>")
            continue
        body.append(f"<h3>{title} <small class='quiet'>({diff.status})</small></h3>")
        body.append(f"<p>{changes_html(diff.changes)}</p>")
    return head + "".join(body)


def section_html(heading: str, body: str, start: int | None, end: int | None) -> str:
    """Return a section's text with the range [start, end) highlighted (a jump target)."""
    title = f"<h3>{html.escape(heading)}</h3>"
    if start is None or end is None or not 0 <= start <= end <= len(body):
        return title + f"<p>{_text(body)}</p>"
    marked = (
        _text(body[:start])
        + f"<span class='mark'>{_text(body[start:end]) or '‸'}</span>"
        + _text(body[end:])
    )
    return title + f"<p>{marked}</p>"
