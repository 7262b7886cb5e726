"""The live preview: the export's own document written as HTML, sanitised with nh3, shown in a
QTextBrowser.

The note as typed (unsaved bodies included) is built by `build_document`, leniently (a citation
of a missing claim is marked, not refused), and written by the core's HTML writer, so the
preview numbers, words and shortens its notes exactly as the Word file does. Citations link to
`briefing:claim/C12`, which the window turns into "show this claim in its source". Whatever
HTML a section holds, the preview keeps no scripts, no event handlers, no `javascript:` links,
no images and no style sheets, and the browser refuses to load any resource from outside, so
the preview never touches the network.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QUrl
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QTextBrowser, QWidget

from briefing_app.core.models import Note
from briefing_app.core.templates import NoteTemplate
from briefing_app.core.text.citations import CLAIM_LINK_PREFIX, claim_link_keys
from briefing_app.gui.contrast import TEXT_CONTRAST, composite, readable

if TYPE_CHECKING:
    from briefing_app.core.library import Library

CLAIM_SCHEME = CLAIM_LINK_PREFIX.split(":", 1)[0]

ALLOWED_TAGS = {
    "h1", "h2", "h3", "h4", "h5", "h6", "p", "br", "hr", "em", "strong", "b", "i", "u",
    "code", "pre", "blockquote", "ul", "ol", "li", "table", "thead", "tbody", "tr", "th",
    "td", "sup", "sub", "a", "span", "div", "del", "s",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "p": {"align"},
    "span": {"class", "title"},
    "sup": {"class", "title"},
    "div": {"class"},
    "table": {"class"},
}
# Links may point at claims or at web pages (shown, never followed); nothing else survives.
URL_SCHEMES = {CLAIM_SCHEME, "http", "https", "mailto"}


def preview_style_sheet(palette: QPalette, font: QFont) -> str:
    """Return the preview's style sheet for the browser's palette and font.

    Sizes are the font's multiples (a fixed 13pt heading came out smaller than a 15pt body
    under a large system font) and colours are moved to read on the palette's base (the box's
    pale blue fill hid a dark theme's light text).
    """
    base = palette.color(QPalette.ColorRole.Base)
    size = font.pointSizeF() if font.pointSizeF() > 0 else 9.0

    def ink(colour: str, minimum: float = TEXT_CONTRAST) -> str:
        return readable(QColor(colour), base, minimum).name()

    box = composite(QColor(60, 100, 140, 26), base).name()
    empty = palette.color(QPalette.ColorRole.PlaceholderText).name()
    return f"""
h1 {{ font-size: {size * 17 / 9:.1f}pt; font-weight: 600; margin-bottom: 4px; }}
h2 {{ font-size: {size * 13 / 9:.1f}pt; font-weight: 600; margin-top: 14px; margin-bottom: 4px; }}
p, li {{ line-height: 130%; }}
a {{ text-decoration: none; }}
.marking {{ color: {ink("#b03030")}; font-weight: 600; }}
.broken {{ color: {ink("#c0392b")}; font-weight: 600; }}
.notes {{ font-size: {size:.1f}pt; }}
.box {{ background-color: {box}; }}
.empty {{ color: {empty}; font-style: italic; }}
blockquote {{ font-style: italic; }}
table.grid {{ border-width: 1px; border-style: solid; border-color: {ink("#555555", 3.0)};
  border-collapse: collapse; }}
table.grid td, table.grid th {{ padding: 2px 4px; }}
"""


def render_preview(
    lib: Library, note: Note, template: NoteTemplate | None, bodies: Iterable[tuple[str, str]]
) -> str:
    """Return the sanitised HTML of a note as typed: (key, body) pairs stand for the stored."""
    # On the first render, not when the window builds (the exporters load Markdown and more).
    from briefing_app.core.exporters.build import build_document
    from briefing_app.core.exporters.html_writer import render_html

    # Only the note's own sections: an editor a moment behind a reload never breaks the preview.
    typed = {key: body for key, body in bodies if note.section(key) is not None}
    doc = build_document(lib, note, template, bodies=typed, lenient=True)
    return sanitise(render_html(doc, mark_empty=True))


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


def claim_keys_of(url: QUrl) -> list[str]:
    """Return the claim keys a preview link points at (`briefing:claim/C1,C2`), or []."""
    return claim_link_keys(url.toString())


class PreviewBrowser(QTextBrowser):
    """A QTextBrowser that follows no link itself and loads nothing from outside."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setAccessibleName("Note preview")
        self.document().setDefaultStyleSheet(preview_style_sheet(self.palette(), self.font()))
        self._html = ""
        self.document().setDocumentMargin(18)
        self.refused: list[str] = []  # what the note asked to load and was refused (for tests)

    def setHtml(self, text: str) -> None:
        """Show this HTML (kept, to be shown again in new colours or sizes)."""
        self._html = text
        super().setHtml(text)

    def changeEvent(self, event: QEvent) -> None:
        """Restyle the preview when the palette or the font changes (a dark theme, a size)."""
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange):
            style = preview_style_sheet(self.palette(), self.font())
            if style != self.document().defaultStyleSheet():
                self.document().setDefaultStyleSheet(style)
                bar = self.verticalScrollBar()
                position = bar.value()
                super().setHtml(self._html)  # a default style sheet applies to HTML set after
                bar.setValue(position)

    def loadResource(self, kind: int, name: QUrl | str) -> Any:
        """Refuse every resource: the sanitised HTML has no images, so any request is foreign."""
        self.refused.append(name.toString() if isinstance(name, QUrl) else name)
        return None
