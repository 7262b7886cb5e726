"""The live preview: memo header and Markdown -> HTML, sanitised with nh3, in a QTextBrowser.

Citations are numbered as the export numbers them (one note per citation group, in order of
appearance across the sections) and link to `briefing:claim/C12`, which the window turns into
"show this claim in its source". Whatever HTML a section holds, the preview keeps no scripts,
no event handlers, no `javascript:` links, no images and no style sheets, and the browser
refuses to load any resource from outside, so the preview never touches the network.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QTextBrowser, QWidget

from briefing_app.core.models import Claim, Source
from briefing_app.core.text.citations import find_citations
from briefing_app.core.text.markdown_dialect import add_strikethrough, normalize_list_indent

CLAIM_SCHEME = "briefing"
_OPEN, _CLOSE = "\ue000", "\ue001"
_PLACEHOLDER = re.compile(f"{_OPEN}(\\d+){_CLOSE}")

ALLOWED_TAGS = {
    "h1", "h2", "h3", "h4", "h5", "h6", "p", "br", "hr", "em", "strong", "b", "i", "u",
    "code", "pre", "blockquote", "ul", "ol", "li", "table", "thead", "tbody", "tr", "th",
    "td", "sup", "sub", "a", "span", "div", "del", "s",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "span": {"class"},
    "sup": {"class", "title"},
    "div": {"class"},
}
# Links may point at claims or at web pages (shown, never followed); nothing else survives.
URL_SCHEMES = {CLAIM_SCHEME, "http", "https", "mailto"}

STYLE_SHEET = """
h1 { font-size: 17pt; font-weight: 600; margin-bottom: 4px; }
h2 { font-size: 13pt; font-weight: 600; margin-top: 14px; margin-bottom: 4px; }
p, li { line-height: 130%; }
a { text-decoration: none; }
.marking { color: #b03030; font-weight: 600; }
.broken { color: #c0392b; font-weight: 600; }
.notes { font-size: 9pt; }
.empty { color: #888888; font-style: italic; }
"""


@dataclass
class PreviewNote:
    """What the preview shows: the note's title and marking, and its sections' bodies."""

    title: str
    sections: Sequence[tuple[str, str]]  # (heading, Markdown body)
    marking: str = ""
    style: str = "footnotes"
    show_grades: bool = False
    header: Sequence[tuple[str, str]] = ()  # the memo header block: (label, value) lines


@dataclass
class Rendered:
    """The preview's HTML and the citation groups it numbered, in order."""

    html: str
    groups: list[tuple[str, ...]] = field(default_factory=list)


def render_note(
    note: PreviewNote, claims: dict[str, Claim], sources: dict[int, Source]
) -> Rendered:
    """Return the sanitised HTML of a note, with citations as the export prints them."""
    import markdown  # loaded on the first render, not at start-up

    md = markdown.Markdown(extensions=["tables", "sane_lists"])
    add_strikethrough(md)  # the exporters' dialect, so the preview shows what they print
    groups: list[tuple[str, ...]] = []
    parts = []
    if note.marking:
        parts.append(f"<p><span class='marking'>{html.escape(note.marking)}</span></p>")
    parts.append(f"<h1>{html.escape(note.title)}</h1>")
    if note.header:
        rows = "".join(
            f"<tr><td><b>{html.escape(label)}:</b></td><td>{html.escape(value)}</td></tr>"
            for label, value in note.header
        )
        parts.append(f"<table>{rows}</table><hr>")
    for heading, body in note.sections:
        parts.append(f"<h2>{html.escape(heading)}</h2>")
        if not body.strip():
            parts.append("<p><span class='empty'>(empty)</span></p>")
            continue
        md.reset()
        parts.append(
            _cite(
                md.convert(normalize_list_indent(_stash_citations(body, groups))),
                groups,
                note,
                claims,
                sources,
            )
        )
    if note.style != "inline" and groups:
        parts.append("<hr><div class='notes'><ol>")
        for keys in groups:
            parts.append(f"<li>{_note_text(keys, claims, sources, note.show_grades)}</li>")
        parts.append("</ol></div>")
    return Rendered(sanitise("".join(parts)), groups)


def sanitise(raw: str) -> str:
    """Return raw HTML with only harmless tags, attributes and link schemes left."""
    import nh3

    return nh3.clean(
        raw,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=None,
        strip_comments=True,
    )


def _stash_citations(body: str, groups: list[tuple[str, ...]]) -> str:
    """Swap each citation group for a placeholder Markdown leaves alone; remember its keys."""
    body = body.replace(_OPEN, "").replace(_CLOSE, "")  # typed, they would pose as citations
    out, last = [], 0
    for citation in find_citations(body):
        out.append(body[last : citation.start])
        out.append(f"{_OPEN}{len(groups)}{_CLOSE}")
        groups.append(citation.keys)
        last = citation.end
    out.append(body[last:])
    return "".join(out)


def _cite(
    text: str,
    groups: list[tuple[str, ...]],
    note: PreviewNote,
    claims: dict[str, Claim],
    sources: dict[int, Source],
) -> str:
    def mark(match: re.Match[str]) -> str:
        n = int(match[1])
        keys = groups[n]
        missing = [k for k in keys if k not in claims]
        if missing:
            title = html.escape(f"{', '.join(missing)}: no such claim in the library", quote=True)
            return f"<sup class='broken' title='{title}'>[?{', '.join(missing)}]</sup>"
        href = f"{CLAIM_SCHEME}:claim/{','.join(keys)}"
        title = html.escape(
            "; ".join(f"{k}: {claims[k].statement or claims[k].quote}" for k in keys)
        )
        if note.style == "inline":
            from briefing_app.core.exporters.source_lines import attribution

            words = html.escape(attribution([claims[k] for k in keys], sources))
            return f" (<a href='{href}' title='{title}'>{words}</a>)"
        return f"<sup><a href='{href}' title='{title}'>{n + 1}</a></sup>"

    # The mark hugs the word before it, as in print.
    return _PLACEHOLDER.sub(mark, re.sub(f"[ \t]+(?={_OPEN})", "", text))


def _note_text(
    keys: tuple[str, ...], claims: dict[str, Claim], sources: dict[int, Source], grades: bool
) -> str:
    if any(k not in claims for k in keys):
        return "<span class='broken'>Missing claim: " + html.escape(", ".join(keys)) + "</span>"
    # On the first render, not when the window builds (the exporters package is large).
    from briefing_app.core.exporters.source_lines import note_parts

    parts = note_parts([claims[k] for k in keys], sources, grades)
    return "".join(f"<i>{html.escape(t)}</i>" if italic else html.escape(t) for t, italic in parts)


def claim_keys_of(url: QUrl) -> list[str]:
    """Return the claim keys a preview link points at (`briefing:claim/C1,C2`), or []."""
    if url.scheme() != CLAIM_SCHEME:
        return []
    path = url.path()
    if not path.startswith("claim/"):
        return []
    return [k for k in path.removeprefix("claim/").split(",") if re.fullmatch(r"C\d+", k)]


class PreviewBrowser(QTextBrowser):
    """A QTextBrowser that follows no link itself and loads nothing from outside."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setAccessibleName("Note preview")
        self.document().setDefaultStyleSheet(STYLE_SHEET)
        self.document().setDocumentMargin(18)
        self.refused: list[str] = []  # what the note asked to load and was refused (for tests)

    def loadResource(self, kind: int, name: QUrl) -> Any:
        """Refuse every resource: the sanitised HTML has no images, so any request is foreign."""
        self.refused.append(name.toString())
        return None
