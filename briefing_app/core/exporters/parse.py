"""Markdown section bodies -> intermediate blocks, through Python-Markdown's element tree.

Citations ([@C1; @C2]) are swapped for private-use placeholders before Markdown sees them, so
no inline pattern can mangle them, and swapped back for `Cite` runs afterwards.
"""

from __future__ import annotations

import dataclasses
import html
import re
import xml.etree.ElementTree as ET
from typing import Any

import markdown
from markdown.util import Registry

from briefing_app.core.exporters.document import (
    AuthorNote,
    Block,
    Cite,
    Heading,
    Inline,
    ListBlock,
    Paragraph,
    Quote,
    Table,
    Text,
)
from briefing_app.core.text.citations import find_citations
from briefing_app.core.text.control_chars import manual_breaks_as
from briefing_app.core.text.markdown_dialect import add_strikethrough, normalize_list_indent

_OPEN, _CLOSE = "\ue000", "\ue001"
_PLACEHOLDER = re.compile(f"{_OPEN}(\\d+){_CLOSE}")
# Python-Markdown's stash markers (raw HTML, footnote back-links): dropped, a memo holds no HTML.
_STASH = re.compile("\x02[^\x03]*\x03")
_AMP = "\x02amp\x03"
_SPACES = re.compile(r"[ \t\r\n]+")
_UNUSED_PATTERNS = ("html", "entity", "automail", "image_reference", "short_image_ref")
# What a text must hold for each of Python-Markdown's processors to do anything with it (each
# one's regular expression needs one of these). Every paragraph is tried with every inline
# pattern and every block with every block processor, which is most of the parse; one whose
# trigger a body lacks cannot change it, so only those the body can use run (no inline pass at
# all for plain prose). A processor not named here (a newer Python-Markdown's) always runs.
_Trigger = str | re.Pattern[str]
_INLINE_TRIGGERS: dict[str, tuple[_Trigger, ...]] = {
    "backtick": ("`",),
    "escape": ("\\",),
    "footnote": ("[",),
    "reference": ("[",),
    "link": ("[",),
    "image_link": ("[",),
    "short_reference": ("[",),
    "autolink": ("<",),
    "linebreak": ("  \n",),
    "strike": ("~~",),
    "em_strong": ("*", "_"),
    "em_strong2": ("_",),
    "not_strong": ("*", "_"),
}
_BLOCK_TRIGGERS: dict[str, tuple[_Trigger, ...]] = {
    "table": ("|",),
    "hashheader": ("#",),
    "setextheader": ("=", "-"),
    "hr": ("-", "_", "*"),
    "olist": (re.compile(r"\d\."),),  # any decimal digit, as the list's own \d reads it
    "ulist": ("*", "+", "-"),
    "quote": (">",),
    "footnote": ("[",),
    "reference": ("[",),
}
# Raw HTML starts with "<"; without one (or an "&", which it rewrites as an entity) the HTML
# block preprocessor hands every line back as it was.
_PREPROCESSOR_TRIGGERS: dict[str, tuple[_Trigger, ...]] = {"html_block": ("<", "&")}
# Elements that make blocks of their own; anything else in a block is inline (em, a, br, ...).
_BLOCK_TAGS = frozenset(
    ("p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "blockquote", "table", "pre", "div", "hr")
)


class MarkdownParser:
    """Parses Markdown bodies into blocks; one instance can parse many bodies."""

    def __init__(self, *, skip_plain: bool = True) -> None:
        md = markdown.Markdown(extensions=["tables", "footnotes", "sane_lists"])
        # A memo holds no HTML or images: these inline patterns only cost time on every text
        # run. Raw HTML stays literal text; entities are decoded in _Walker.split.
        for name in _UNUSED_PATTERNS:
            if name in md.inlinePatterns:
                md.inlinePatterns.deregister(name)
        add_strikethrough(md)
        if "prettify" in md.treeprocessors:
            md.treeprocessors.deregister("prettify")
        self._md = md
        self._inline = md.treeprocessors["inline"]
        self._skip_plain = skip_plain
        self._inlines = _Usable(md.inlinePatterns, _INLINE_TRIGGERS)
        self._blocks = _Usable(md.parser.blockprocessors, _BLOCK_TRIGGERS)
        self._preprocessors = _Usable(md.preprocessors, _PREPROCESSOR_TRIGGERS)

    def parse(self, body: str) -> list[Block]:
        """Return the blocks of one Markdown body, with citations as Cite runs."""
        cites: list[tuple[str, ...]] = []
        parts: list[str] = []
        # The placeholder characters are private-use: typed in a body they mean nothing.
        body = body.replace(_OPEN, "").replace(_CLOSE, "")
        last = 0
        for citation in find_citations(body):
            parts.append(body[last : citation.start])
            parts.append(f"{_OPEN}{len(cites)}{_CLOSE}")
            cites.append(citation.keys)
            last = citation.end
        parts.append(body[last:])
        text = "".join(parts)
        if not text.strip():
            return []
        root = self._tree(normalize_list_indent(text))
        walker = _Walker(cites)
        notes = next((el for el in root if el.tag == "div" and el.get("class") == "footnote"), None)
        if notes is not None:
            root.remove(notes)
            walker.collect_author_notes(notes)
        return walker.blocks(root)

    def _tree(self, text: str) -> ET.Element:
        """Run Python-Markdown up to its finished element tree (what convert() serialises)."""
        md = self._md
        md.reset()
        lines = text.split("\n")
        preprocessors = self._preprocessors.of(text) if self._skip_plain else md.preprocessors
        for pre in preprocessors:
            lines = pre.run(lines)
        inline = None
        if self._skip_plain:
            # On the text as the preprocessors left it: they expand tabs and normalise line
            # ends, which can make a hard line break out of "\t\n" or "  \r\n".
            prepared = "\n".join(lines)
            inline = self._inline.inlinePatterns = self._inlines.of(prepared)
            md.parser.blockprocessors = self._blocks.of(prepared)
        root: ET.Element = md.parser.parseDocument(lines).getroot()
        for tree in md.treeprocessors:
            if tree is self._inline and inline is not None and not inline:
                continue  # plain prose: the inline pass could change nothing
            new_root = tree.run(root)
            if new_root is not None:
                root = new_root
        return root


class _Usable:
    """The processors of one Python-Markdown registry that a text can use, in their order."""

    def __init__(self, registry: Registry[Any], triggers: dict[str, tuple[_Trigger, ...]]) -> None:
        names = {registry.get_index_for_name(name): name for name in triggers if name in registry}
        # (name, processor, triggers or None) of each processor, highest priority first.
        self._entries = [
            (names.get(n, f"processor {n}"), item, triggers.get(names.get(n, "")))
            for n, item in enumerate(registry)
        ]
        self._subsets: dict[tuple[str, ...], Registry[Any]] = {}

    def of(self, text: str) -> Registry[Any]:
        """Return a registry of the processors whose triggers text holds (or that have none)."""
        names = tuple(
            name
            for name, _, triggers in self._entries
            if triggers is None or any(_holds(text, t) for t in triggers)
        )
        subset = self._subsets.get(names)
        if subset is None:
            subset = self._subsets[names] = Registry()
            for n, (name, item, _) in enumerate(self._entries):
                if name in names:
                    subset.register(item, name, -n)  # the same order as the full registry
        return subset


def _holds(text: str, trigger: _Trigger) -> bool:
    """Say whether text holds the trigger (a string, or a match of a pattern)."""
    return trigger in text if isinstance(trigger, str) else trigger.search(text) is not None


class _Walker:
    """Turns Python-Markdown's element tree into intermediate blocks."""

    def __init__(self, cites: list[tuple[str, ...]]) -> None:
        self.cites = cites
        self.author_notes: dict[str, tuple[Inline, ...]] = {}

    def collect_author_notes(self, div: ET.Element) -> None:
        """Remember the writer's own [^n] footnotes by id, as inline runs."""
        for li in div.iter("li"):
            inlines: list[Inline] = []
            for child in li:
                if child.tag == "p":
                    if inlines:
                        inlines.append(Text(" "))
                    inlines.extend(self.inlines(child))
            self.author_notes[li.get("id", "").removeprefix("fn:")] = tuple(_trim(inlines))

    def blocks(self, parent: ET.Element) -> list[Block]:
        """Return the blocks under an element (a body, list item or quote)."""
        out: list[Block] = []
        # Loose text and inline elements (a tight list item's "**bold** text", a line break)
        # gather into one paragraph until the next block element.
        loose: list[Inline] = self.split(parent.text, {})
        for el in parent:
            tag = el.tag
            if tag not in _BLOCK_TAGS:
                loose.extend(self.child(el, {}))
                loose.extend(self.split(_tail(el), {}))
                continue
            _flush(loose, out)
            loose = []
            if tag == "p":
                inlines = _trim(self.inlines(el))
                if inlines:
                    out.append(Paragraph(inlines))
            elif tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
                out.append(Heading(int(tag[1]), _trim(self.inlines(el))))
            elif tag in ("ul", "ol"):
                items = [self.blocks(li) for li in el if li.tag == "li"]
                out.append(ListBlock(tag == "ol", items))
            elif tag == "blockquote":
                out.append(Quote(self.blocks(el)))
            elif tag == "table":
                out.append(self.table(el))
            elif tag == "pre":
                out.append(Paragraph([Text("".join(el.itertext()).rstrip("\n"), code=True)]))
            elif tag == "div":
                out.extend(self.blocks(el))
            loose = self.split(el.tail, {})
        _flush(loose, out)
        return out

    def table(self, el: ET.Element) -> Table:
        """Return a table: its header row (th cells) and body rows."""
        header: list[list[Inline]] = []
        rows: list[list[list[Inline]]] = []
        for row in el.iter("tr"):
            cells = [_trim(self.inlines(c)) for c in row if c.tag in ("th", "td")]
            if not header and all(c.tag == "th" for c in row):
                header = cells
            else:
                rows.append(cells)
        return Table(header, rows)

    def inlines(self, el: ET.Element, style: dict[str, Any] | None = None) -> list[Inline]:
        """Return the runs of an element, carrying emphasis and links down to its text."""
        style = style or {}
        out: list[Inline] = self.split(el.text, style)
        for child in el:
            out.extend(self.child(child, style))
            out.extend(self.split(_tail(child), style))
        return out

    def child(self, child: ET.Element, style: dict[str, Any]) -> list[Inline]:
        """Return the runs of one inline element (its tail excluded), styled by its tag."""
        tag = child.tag
        if tag in ("em", "i"):
            return self.inlines(child, {**style, "italic": True})
        if tag in ("strong", "b"):
            return self.inlines(child, {**style, "bold": True})
        if tag in ("del", "s"):
            return self.inlines(child, {**style, "strike": True})
        if tag == "code":
            return [Text("".join(child.itertext()), code=True, **style)]
        if tag == "a" and child.get("class") == "footnote-backref":
            return []
        if tag == "a":
            return self.inlines(child, {**style, "href": child.get("href", "")})
        if tag == "sup" and child.get("id", "").startswith("fnref"):
            ref = child.get("id", "").removeprefix("fnref:").split(":")[0]
            return [AuthorNote(self.author_notes.get(ref, ()))]
        if tag == "br":
            return [Text("\n", **style)]
        if tag == "img":
            return [Text(child.get("alt", ""), **style)]
        return self.inlines(child, style)

    def split(self, text: str | None, style: dict[str, Any]) -> list[Inline]:
        """Return text as runs, turning citation placeholders back into Cite runs."""
        if not text:
            return []
        if "\x02" in text:
            text = _STASH.sub("", text.replace(_AMP, "&"))
        if "&" in text:
            text = html.unescape(text)
        # Most text has single spaces only, which the substitution would copy one by one.
        if "  " in text or "\n" in text or "\t" in text or "\r" in text:
            text = _SPACES.sub(" ", text)
        # A manual line break is the document's hard line break, like Markdown's "  \n".
        text = manual_breaks_as(text, "\n")
        if _OPEN not in text:
            return [Text(text, **style)]
        out: list[Inline] = []
        last = 0
        for m in _PLACEHOLDER.finditer(text):
            if m.start() > last:
                out.append(Text(text[last : m.start()], **style))
            out.append(Cite(self.cites[int(m[1])]))
            last = m.end()
        if last < len(text):
            out.append(Text(text[last:], **style))
        return out


def _tail(el: ET.Element) -> str | None:
    """Return the text after an element; a line break's without the next line's indentation."""
    return el.tail.lstrip() if el.tag == "br" and el.tail else el.tail


def _flush(loose: list[Inline], out: list[Block]) -> None:
    """Append gathered loose runs to out as a paragraph, unless they are blank."""
    inlines = _trim(loose)
    if inlines:
        out.append(Paragraph(inlines))


def _trim(inlines: list[Inline]) -> list[Inline]:
    """Drop leading and trailing blanks of a block's runs (left by line breaks in the source)."""
    while inlines and isinstance(inlines[0], Text) and not inlines[0].text.strip():
        inlines.pop(0)
    while inlines and isinstance(inlines[-1], Text) and not inlines[-1].text.strip():
        inlines.pop()
    # A copy only when there is something to strip (most paragraphs: nothing).
    if inlines and isinstance(inlines[0], Text) and inlines[0].text[:1].isspace():
        inlines[0] = dataclasses.replace(inlines[0], text=inlines[0].text.lstrip())
    if inlines and isinstance(inlines[-1], Text) and inlines[-1].text[-1:].isspace():
        inlines[-1] = dataclasses.replace(inlines[-1], text=inlines[-1].text.rstrip())
    return inlines
