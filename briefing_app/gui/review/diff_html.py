"""HTML for review views: a suggested edit (old → new) and the word diff between versions.

Deletions are red and struck through, insertions green and underlined, so the change reads
the same as Word's tracked changes. Everything is escaped local text; no links, no images.
"""

from __future__ import annotations

import html

from briefing_app.core.review.edits import SuggestedEdit
from briefing_app.core.review.versions import Change, SectionDiff
from briefing_app.core.text.counts import counted

DELETED = "color:#b00020; text-decoration:line-through; background:rgba(176,0,32,0.08)"
INSERTED = "color:#1b7f1b; text-decoration:underline; background:rgba(27,127,27,0.10)"
_CONTEXT = 60


def _text(value: str) -> str:
    return html.escape(value).replace("\n", "<br>")


def deleted(text: str) -> str:
    """Return text marked as deleted."""
    return f'<span style="{DELETED}">{_text(text)}</span>' if text else ""


def inserted(text: str) -> str:
    """Return text marked as inserted."""
    return f'<span style="{INSERTED}">{_text(text)}</span>' if text else ""


def edit_html(edit: SuggestedEdit) -> str:
    """Return a suggested edit in its context: prefix, struck old words, new words, suffix."""
    before = edit.prefix[-_CONTEXT:]
    after = edit.suffix[:_CONTEXT]
    who = html.escape(edit.author or "A reviewer")
    return (
        f"<p><b>{who}</b> suggests to {edit.kind} "
        f"<span style='color:gray'>({html.escape(edit.status)})</span></p>"
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
            body.append(f"<p style='color:gray'>{title} — unchanged</p>")
            continue
        body.append(f"<h3>{title} <small style='color:gray'>({diff.status})</small></h3>")
        body.append(f"<p>{changes_html(diff.changes)}</p>")
    return head + "".join(body)


def section_html(heading: str, body: str, start: int | None, end: int | None) -> str:
    """Return a section's text with the range [start, end) highlighted (a jump target)."""
    title = f"<h3>{html.escape(heading)}</h3>"
    if start is None or end is None or not 0 <= start <= end <= len(body):
        return title + f"<p>{_text(body)}</p>"
    marked = (
        _text(body[:start])
        + f"<span style='background:#ffe066'>{_text(body[start:end]) or '‸'}</span>"
        + _text(body[end:])
    )
    return title + f"<p>{marked}</p>"
