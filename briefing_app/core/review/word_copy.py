"""Review copies in Word: marking an exported memo so a reviewer's comments and tracked changes
can come back to the right note, section and words.

The review copy carries the note's global id in the core properties (dc:identifier) and in a
bookmark, and a bookmark spanning each section named after the section's global id. Word and
LibreOffice keep bookmarks (and move them with the text when a section is moved), so a comment
or tracked change is placed by the section bookmark it sits in, not by its position.
"""

from __future__ import annotations

import hashlib
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lxml import etree

from briefing_app.core.errors import (
    BriefingError,
    CorruptFile,
    FileTooLarge,
    InvalidInput,
    NotAReviewCopy,
    NotFound,
)
from briefing_app.core.review.comment_places import is_unanchored
from briefing_app.core.review.comments import NewComment
from briefing_app.core.review.edits import locate_plain
from briefing_app.core.review.pack_undo import ImportedRows
from briefing_app.core.storage.atomic import atomic_path
from briefing_app.core.storage.row_journal import journal
from briefing_app.core.storage.zip_members import read_member
from briefing_app.core.text.anchors import find_quote
from briefing_app.core.text.control_chars import MANUAL_BREAK
from briefing_app.core.text.markdown_plain import PlainView, plain_view

if TYPE_CHECKING:
    from briefing_app.core.library import Library
    from briefing_app.core.models import Note, ReviewComment

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W, "dc": "http://purl.org/dc/elements/1.1/"}
NOTE_MARK = "brf_n_"
SECTION_MARK = "brf_s_"
IDENTIFIER_PREFIX = "briefing-note:"
CONTEXT = 32
# Stands for a deleted footnote reference (a citation) in a tracked change's old text.
CITATION_MARK = "\ue000"
# A review copy is a memo of a few pages: its parts are tens of kilobytes. Parsed XML takes some
# twenty times its size in memory, so the parts read are refused, unparsed, above this.
MAX_XML_BYTES = 10 * 1024 * 1024
XML_PARTS = ("word/document.xml", "word/comments.xml", "docProps/core.xml")
# Between them, a memo's comments cover a few times its text at most; ranges nested thousands
# deep (each anchor a copy of the whole text) would fill memory and the library.
MAX_ANCHORED_CHARS = 8_000_000


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def export_review_copy(
    lib: Library,
    note_id: int,
    path: Path | str,
    *,
    with_comments: bool = True,
    force: bool = False,
) -> Path:
    """Export note_id as a Word memo marked as a review copy (atomically); return the path.

    The analytic checks gate it like any export (errors refuse unless forced); force also
    replaces a write-protected file at path (else ReadOnlyTarget).
    """
    from briefing_app.core.checks import gate_export
    from briefing_app.core.exporters import export_note

    target = Path(path)
    if target.suffix.lower() != ".docx":
        raise InvalidInput(f"{target}: a review copy is a Word file; name it .docx")
    note = lib.notes.get(note_id)
    gate_export(lib, note, force)
    # Export and mark a temporary copy, then move it into place: never a half-marked file.
    with atomic_path(target, replace_read_only=force) as tmp:
        # Every heading, an empty section's too: the reviewer writes into it, and the sections
        # are found again by their headings.
        export_note(lib, note_id, tmp, "docx", keep_empty=True)
        mark_review_copy(tmp, note, lib if with_comments else None)
    return target


def mark_review_copy(path: Path | str, note: Note, lib: Library | None = None) -> Path:
    """Add the note's and sections' ids to an exported memo at path (in place); return path.

    With lib, the note's open review comments are added as Word comments on their words.
    """
    from docx import Document

    path = Path(path)
    doc = Document(str(path))
    doc.core_properties.identifier = IDENTIFIER_PREFIX + note.uid
    # Marking rewrites the file, so it was last modified now (never the template's date).
    doc.core_properties.modified = datetime.now(UTC).replace(microsecond=0)
    body = doc.element.body
    blocks = [el for el in body if el.tag in (_w("p"), _w("tbl"))]
    headings = _section_heading_positions(blocks, note)
    next_id = 9000  # bookmark ids only need to be unique within the document
    first_p = next((b for b in blocks if b.tag == _w("p")), None)
    if first_p is not None:
        _bookmark(first_p, first_p, NOTE_MARK + note.uid, next_id, at_start=True)
        next_id += 1
    for i, (section, start_index) in enumerate(headings):
        end_index = (
            headings[i + 1][1] - 1 if i + 1 < len(headings) else _end_of_last(blocks, start_index)
        )
        last_p = next(
            (b for b in reversed(blocks[start_index : end_index + 1]) if b.tag == _w("p")),
            blocks[start_index],
        )
        _bookmark(blocks[start_index], last_p, SECTION_MARK + section.uid, next_id)
        next_id += 1
    if lib is not None:
        _add_open_comments(doc, lib, note, blocks, headings)
    doc.save(str(path))
    return path


def _section_heading_positions(blocks: list[Any], note: Note) -> list[tuple[Any, int]]:
    """Find each section's heading paragraph, in order, by its text."""
    found: list[tuple[Any, int]] = []
    pos = 0
    for section in note.sections:
        wanted = " ".join(section.heading.split()).casefold()
        for i in range(pos, len(blocks)):
            if blocks[i].tag == _w("p") and _text(blocks[i]).casefold() == wanted:
                found.append((section, i))
                pos = i + 1
                break
    return found


def _end_of_last(blocks: list[Any], start: int) -> int:
    """Return the index of the last block of the last section (before a Sources/annex heading)."""
    for i in range(start + 1, len(blocks)):
        style = blocks[i].find(f"{_w('pPr')}/{_w('pStyle')}")
        if style is not None and style.get(_w("val"), "").lower().startswith("heading"):
            return i - 1
    return len(blocks) - 1


def _bookmark(first: Any, last: Any, name: str, bid: int, at_start: bool = False) -> None:
    start = etree.SubElement(first, _w("bookmarkStart"))
    start.set(_w("id"), str(bid))
    start.set(_w("name"), name)
    ppr = first.find(_w("pPr"))
    first.remove(start)
    first.insert(0 if ppr is None else list(first).index(ppr) + 1, start)
    end = etree.Element(_w("bookmarkEnd"))
    end.set(_w("id"), str(bid))
    if at_start:
        start.addnext(end)
    else:
        last.append(end)


def _add_open_comments(
    doc: Any, lib: Library, note: Note, blocks: list[Any], headings: list[tuple[Any, int]]
) -> None:
    from docx.text.paragraph import Paragraph

    spans = {
        section.key: (idx, headings[i + 1][1] if i + 1 < len(headings) else len(blocks))
        for i, (section, idx) in enumerate(headings)
    }
    for comment in lib.comments.all(note.id, resolved=False):
        if comment.parent_id is not None or comment.section_key not in spans:
            continue
        first, stop = spans[comment.section_key]
        target = None
        section = note.section(comment.section_key)
        # Words deleted since it was made: on the heading, for the section as a whole (the
        # words may be elsewhere in the section, where it was never made).
        gone = section is not None and is_unanchored(comment, section.body)
        for block in [] if gone else blocks[first + 1 : stop] or blocks[first : first + 1]:
            if block.tag == _w("p") and (
                not comment.anchor_text or comment.anchor_text in _text(block)
            ):
                target = Paragraph(block, doc.part)
                break
        if target is None:
            target = Paragraph(blocks[first], doc.part)
        runs = target.runs
        if runs:
            doc.add_comment(runs, text=comment.body, author=comment.author or "Briefing")


def _text(el: Any) -> str:
    return " ".join("".join(t.text or "" for t in el.iter(_w("t"))).split())


@dataclass
class WordComment:
    """A comment read from a .docx: who, when, what, on which words, in which section."""

    comment_id: str
    author: str
    date: str
    text: str
    section_uid: str | None
    anchor: str


@dataclass
class WordChange:
    """A tracked change read from a .docx: old words → new words, with context."""

    author: str
    date: str
    old: str
    new: str
    prefix: str
    suffix: str
    section_uid: str | None


@dataclass
class ReviewCopy:
    """What a reviewer's .docx holds: the note's id, comments and tracked changes."""

    note_uid: str
    comments: list[WordComment] = field(default_factory=list)
    changes: list[WordChange] = field(default_factory=list)
    # Each section's words by section uid, tracked insertions left out and deletions kept.
    section_texts: dict[str, str] = field(default_factory=dict)


def read_review_copy(path: Path | str) -> ReviewCopy:
    """Read a reviewed .docx; raise NotAReviewCopy when it is not one of ours."""
    path = Path(path)
    try:
        with zipfile.ZipFile(path) as zf:
            parts = {i.filename: i for i in zf.infolist()}
            if "word/document.xml" not in parts:
                raise NotAReviewCopy(f"{path.name}: not a Word document")
            present = [parts[name] for name in XML_PARTS if name in parts]
            size = sum(info.file_size for info in present)
            if size > MAX_XML_BYTES:
                raise NotAReviewCopy(
                    f"{path.name}: its text parts would unpack to {size // 2**20} MB; "
                    f"a review copy holds at most {MAX_XML_BYTES // 2**20} MB"
                )
            xml = {
                info.filename: _parse(read_member(zf, info, MAX_XML_BYTES), path)
                for info in present
            }
    except zipfile.BadZipFile as exc:
        raise NotAReviewCopy(f"{path.name}: not a Word document (damaged or not a .docx)") from exc
    except NotAReviewCopy:
        raise
    except (CorruptFile, FileTooLarge) as exc:  # a part the bounded reader refused
        raise NotAReviewCopy(f"{path.name}: {exc}") from exc
    document = xml["word/document.xml"]
    note_uid = _note_uid(document, xml.get("docProps/core.xml"))
    if note_uid is None:
        raise NotAReviewCopy(
            f"{path.name}: not a review copy of a Briefing note (export one with "
            "`briefing review export`)"
        )
    copy = ReviewCopy(note_uid)
    copy.comments = list(_comments(document, xml.get("word/comments.xml"), path))
    copy.changes = list(_changes(document))
    copy.section_texts = _section_texts(document)
    return copy


def _section_texts(document: Any) -> dict[str, str]:
    """Return each section's words before its tracked changes, by section uid.

    Text typed while Track Changes was off is in them: compared with a fresh copy of the
    note, it is what the reviewer changed without leaving a suggested edit. A section runs
    from the paragraph holding its mark to the next heading: where its bookmark ends is no
    guide, LibreOffice moves the end (before a closing footnote, past the Sources list).
    """
    current: str | None = None
    words: dict[str, list[str]] = {}
    added = (_w("ins"), _w("moveTo"))
    for el in document.iter(_w("p"), _w("t"), _w("delText")):
        if el.tag == _w("p"):
            mark = next(
                (
                    str(b.get(_w("name")))[len(SECTION_MARK) :]
                    for b in el.iterchildren(_w("bookmarkStart"))
                    if str(b.get(_w("name"), "")).startswith(SECTION_MARK)
                ),
                None,
            )
            if mark is not None:
                current = mark
            elif _is_heading(el):
                current = None  # the Sources list, an annex: no section's
            if current is not None:
                words.setdefault(current, []).append(" ")  # paragraphs are words apart
        elif current is not None and (
            el.tag == _w("delText") or next(el.iterancestors(*added), None) is None
        ):
            words[current].append(el.text or "")
    return {uid: " ".join("".join(parts).split()) for uid, parts in words.items()}


def _is_heading(paragraph: Any) -> bool:
    style = paragraph.find(f"{_w('pPr')}/{_w('pStyle')}")
    return style is not None and str(style.get(_w("val"), "")).lower().startswith("heading")


def _untracked_changes(lib: Library, note: Note, copy: ReviewCopy, accepted: set[str]) -> list[str]:
    """Say which sections of the copy differ from a fresh copy of the note, and how.

    Sections in accepted (keys) are left out: they hold edits accepted from this copy, which
    would read as the reviewer's untracked typing.
    """
    import tempfile

    from briefing_app.core.exporters import export_note

    try:
        with tempfile.TemporaryDirectory(prefix="briefing-review-") as folder:
            fresh_path = Path(folder) / "fresh.docx"
            export_note(lib, note.id, fresh_path, "docx", keep_empty=True)
            mark_review_copy(fresh_path, note)
            fresh = read_review_copy(fresh_path).section_texts
    except BriefingError as exc:
        # The comments and edits are stored by now: a note the export refuses (it cites a
        # claim not in the library) only means the comparison cannot be made.
        return [f"could not compare the copy with the note: {exc}"]
    found = []
    for section in note.sections:
        ours, theirs = fresh.get(section.uid), copy.section_texts.get(section.uid)
        if ours is None or theirs is None or ours == theirs or section.key in accepted:
            continue
        found.append(
            f"{section.heading}: the copy differs from the note "
            f"({first_difference(ours, theirs)}), typed with Track Changes off (or the note "
            "changed since the copy was made); copy the change in by hand if you want it"
        )
    return found


def first_difference(ours: str, theirs: str, width: int = 60) -> str:
    """Describe the first run of words that differs between two texts.

    >>> first_difference("Officials denied shelling.", "Border officials denied shelling.")
    "'Officials' now reads 'Border officials'"
    """
    import difflib

    a, b = ours.split(), theirs.split()
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        old, new = " ".join(a[i1:i2]), " ".join(b[j1:j2])
        old, new = (t if len(t) <= width else t[: width - 1] + "…" for t in (old, new))
        if not old:
            return f"{new!r} added after {' '.join(a[max(0, i1 - 4) : i1])!r}"
        if not new:
            return f"{old!r} deleted"
        return f"{old!r} now reads {new!r}"
    return "spacing changed"


def _parse(data: bytes, path: Path) -> Any:
    try:
        parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise NotAReviewCopy(f"{path.name}: damaged Word document ({exc})") from exc


def _note_uid(document: Any, core: Any) -> str | None:
    if core is not None:
        ident = core.find("dc:identifier", NS)
        if ident is not None and (ident.text or "").startswith(IDENTIFIER_PREFIX):
            return (ident.text or "")[len(IDENTIFIER_PREFIX) :]
    for mark in document.iter(_w("bookmarkStart")):
        name = str(mark.get(_w("name"), ""))
        if name.startswith(NOTE_MARK):
            return name[len(NOTE_MARK) :]
    return None


def _walk(document: Any) -> Iterator[tuple[Any, str | None]]:
    """Yield every element of the body in document order with the section it falls in."""
    section: str | None = None
    for el in document.iter():
        if el.tag == _w("bookmarkStart"):
            name = el.get(_w("name"), "")
            if name.startswith(SECTION_MARK):
                section = name[len(SECTION_MARK) :]
        yield el, section


def _comments(document: Any, comments_xml: Any, path: Path) -> Iterator[WordComment]:
    if comments_xml is None:
        return
    meta: dict[str, tuple[str, str, str]] = {}
    for number, c in enumerate(comments_xml.iter(_w("comment")), 1):
        cid = c.get(_w("id"))
        if cid is None:
            raise NotAReviewCopy(
                f"{path.name}: word/comments.xml has a comment without an id (comment {number})"
            )
        meta[cid] = (
            c.get(_w("author"), ""),
            c.get(_w("date"), ""),
            "\n".join(
                "".join(t.text or "" for t in p.iter(_w("t"))) for p in c.iter(_w("p"))
            ).strip(),
        )
    # A range keeps only the offset where it starts, and its words are cut from the document's
    # text when it ends: open ranges cost nothing per word (K ranges never closed, over K runs,
    # once cost K² appends).
    texts: list[str] = []
    length = 0
    starts: dict[str, int] = {}
    spans: dict[str, tuple[int, int]] = {}
    sections: dict[str, str | None] = {}
    for el, section in _walk(document):
        if el.tag == _w("commentRangeStart"):
            cid = el.get(_w("id"))
            starts[cid] = length
            sections[cid] = section
        elif el.tag == _w("commentRangeEnd"):
            cid = el.get(_w("id"))
            spans[cid] = (starts.pop(cid, length), length)
        elif el.tag == _w("commentReference"):
            sections.setdefault(el.get(_w("id")), section)
        elif el.tag == _w("t"):
            texts.append(el.text or "")
            length += len(texts[-1])
    text = "".join(texts)
    kept = {cid: spans.get(cid, (0, 0)) for cid, (_, _, body) in meta.items() if body}
    anchored = sum(end - start for start, end in kept.values())
    if anchored > MAX_ANCHORED_CHARS:
        raise NotAReviewCopy(
            f"{path.name}: its comment ranges overlap so much that they cover {anchored:,} "
            f"characters between them (a review copy's cover at most {MAX_ANCHORED_CHARS:,})"
        )
    for cid, (start, end) in kept.items():
        author, date, body = meta[cid]
        anchor = " ".join(text[start:end].split())
        yield WordComment(cid, author, date, body, sections.get(cid), anchor)


def _changes(document: Any) -> Iterator[WordChange]:
    """Yield the tracked changes paragraph by paragraph, in one pass over the document.

    A text belongs to the innermost paragraph around it (a text box's paragraphs sit inside
    another paragraph), and to the innermost insertion or deletion within that paragraph.
    Reading each paragraph's whole subtree instead cost the cube of the nesting depth.
    """
    refs = (_w("footnoteReference"), _w("endnoteReference"))
    breaks = (_w("br"), _w("cr"))
    words = (_w("t"), _w("delText"), *refs, *breaks)
    marks = (_w("ins"), _w("del"))
    section: str | None = None
    # Per open paragraph: the section it starts in, its segments, the changes open inside it.
    paragraphs: list[tuple[str | None, list[tuple[str, str, Any]], list[Any]]] = []
    for event, el in etree.iterwalk(document, events=("start", "end")):
        tag = el.tag
        if event == "end":
            if tag == _w("p"):
                start_section, segments, _ = paragraphs.pop()
                yield from _group_changes(segments, start_section)
            elif tag in marks and paragraphs and paragraphs[-1][2][-1:] == [el]:
                paragraphs[-1][2].pop()
        elif tag == _w("bookmarkStart"):
            name = el.get(_w("name"), "")
            if name.startswith(SECTION_MARK):
                section = name[len(SECTION_MARK) :]
        elif tag == _w("p"):
            paragraphs.append((section, [], []))
        elif paragraphs and tag in marks:
            paragraphs[-1][2].append(el)
        elif paragraphs and tag in words:
            _, segments, open_changes = paragraphs[-1]
            change = open_changes[-1] if open_changes else None
            kind = "normal" if change is None else ("del" if change.tag == _w("del") else "ins")
            if tag in refs:
                # A citation's footnote: deleted with the words, it is marked in the old text
                # so the edit takes the [@…] with it. A kept one still separates two changes.
                if kind != "ins":
                    segments.append((kind, CITATION_MARK if kind == "del" else "", change))
                continue
            if tag in breaks:
                # A line break within the paragraph is the section's manual line break (what
                # the export wrote it from); a page or column break is no text.
                if el.get(_w("type"), "textWrapping") == "textWrapping":
                    segments.append((kind, MANUAL_BREAK, change))
                continue
            segments.append((kind, el.text or "", change))


def _group_changes(
    segments: list[tuple[str, str, Any]], section: str | None
) -> Iterator[WordChange]:
    # Offsets are in the text Word shows, which has no citation marks.
    original = "".join(text for kind, text, _ in segments if kind != "ins").replace(
        CITATION_MARK, ""
    )
    pos = 0  # offset in the original text
    i = 0
    while i < len(segments):
        kind, text, change = segments[i]
        if kind == "normal":
            pos += len(text)
            i += 1
            continue
        old, new, start = "", "", pos
        author, date = change.get(_w("author"), ""), change.get(_w("date"), "")
        while i < len(segments) and segments[i][0] != "normal":
            k, t, _ = segments[i]
            if k == "del":
                old += t
                pos += len(t.replace(CITATION_MARK, ""))
            else:
                new += t
            i += 1
        yield WordChange(
            author,
            date,
            old,
            new,
            original[max(0, start - CONTEXT) : start],
            original[pos : pos + CONTEXT],
            section,
        )


def _old_text(note: Note, section_key: str, change: WordChange) -> str:
    """Return the note text a change replaces: its words, and the citations it deleted.

    Word shows a citation as a footnote number; when the deletion covered one, the Markdown
    [@…] it stands for is part of the old text, or accepting the edit would leave it orphaned.
    """
    words = change.old.replace(CITATION_MARK, "")
    section = note.section(section_key)
    if CITATION_MARK not in change.old or section is None:
        return words
    lead = len(change.old) - len(change.old.lstrip(CITATION_MARK))
    trail = 0 if not words else len(change.old) - len(change.old.rstrip(CITATION_MARK))
    if not words:
        lead = change.old.count(CITATION_MARK)
    span = locate_plain(section.body, words, change.prefix, change.suffix, lead, trail)
    return words if span is None else section.body[span[0] : span[1]]


@dataclass
class ReviewImportResult:
    """What reading a review copy added: comments, suggested edits, and what was skipped."""

    note_id: int
    comments_added: int = 0
    edits_added: int = 0
    already_imported: int = 0
    unplaced: list[str] = field(default_factory=list)
    # Sections the reviewer changed with Track Changes off: nothing to accept, so said here.
    untracked: list[str] = field(default_factory=list)
    # Every row the import added, as it was and became: `undo_pack_import` takes the whole
    # import back, `redo_pack_import` brings it again (pack_undo.py), as for a package.
    imported: ImportedRows = field(default_factory=lambda: ImportedRows(""), repr=False)

    def to_json(self) -> dict[str, Any]:
        """Return the JSON form printed by `briefing review import --json`."""
        # Not the rows for undo: what the import did, as counts and lines.
        return {k: v for k, v in self.__dict__.items() if k != "imported"}

    def line(self) -> str:
        """Return a one-line summary."""
        return (
            f"Note {self.note_id}: {self.comments_added} comment(s) and {self.edits_added} "
            f"suggested edit(s) added, {self.already_imported} already imported"
        )


def _stable_uid(*parts: str) -> str:
    return "docx-" + hashlib.sha1("\x00".join(parts).encode("utf-8")).hexdigest()[:21]


def import_review_copy(lib: Library, path: Path | str) -> ReviewImportResult:
    """Attach a reviewer's Word comments and tracked changes to the note they were made on.

    Comments become ReviewComments on the right section and words; tracked changes become
    suggested edits to accept or reject. Importing the same file again adds nothing.
    """
    copy = read_review_copy(path)
    note = lib.notes.by_uid(copy.note_uid)
    if note is None:
        raise NotFound(
            f"{Path(path).name}: a review copy of a note that is not in this library "
            f"({copy.note_uid})"
        )
    key_of = {s.uid: s.key for s in note.sections}
    result = ReviewImportResult(note.id)
    own_comments = _index_own_comments(lib.comments.all(note.id))
    # Each section's plain text once, not once per comment (a copy may carry thousands).
    views = {s.key: plain_view(s.body) for s in note.sections}
    new_comments: list[NewComment] = []
    # Sections holding an edit from this copy that was accepted (on an earlier reading): they
    # differ from the copy by the analyst's own decision, not by untracked typing.
    accepted: set[str] = set()
    # Under a row journal, as a package's merge: the undo is every row it wrote, whatever
    # manager wrote it (comments, edits, and what they stamp on the note).
    with lib.write(), journal(lib.conn) as made:
        for wc in copy.comments:
            uid = _stable_uid(note.uid, wc.comment_id, wc.author, wc.date, wc.text, wc.anchor)
            section_key = key_of.get(wc.section_uid or "", "")
            if lib.comments.by_uid(uid) is not None or _is_own_comment(
                wc, section_key, own_comments
            ):
                result.already_imported += 1
                continue
            start = end = None
            if section_key and wc.anchor:
                span = _find_in_section(views, section_key, wc.anchor)
                if span is None:
                    result.unplaced.append(f"comment by {wc.author}: {wc.anchor!r} not found")
                else:
                    start, end = span
            new_comments.append(
                NewComment(
                    section_key,
                    wc.text,
                    author=wc.author,
                    anchor_text=wc.anchor,
                    start=start,
                    end=end,
                    uid=uid,
                    created_at=wc.date or None,
                )
            )
        # In one insert: a copy may carry thousands of comments. Their uids differ (each is
        # of its Word comment's id), so none of them can be already imported by another.
        result.comments_added = len(lib.comments.add_many(note.id, new_comments))
        for ch in copy.changes:
            section_key = key_of.get(ch.section_uid or "", "")
            if not section_key:
                result.unplaced.append(
                    f"change by {ch.author} outside any section: {ch.new or ch.old!r}"
                )
                continue
            # The uid is of the words Word shows, so a file imported before citation marks
            # were read still counts as imported.
            words = ch.old.replace(CITATION_MARK, "")
            uid = _stable_uid(
                note.uid, section_key, ch.author, ch.date, words, ch.new, ch.prefix, ch.suffix
            )
            known = lib.edits.by_uid(uid)
            if known is not None:
                result.already_imported += 1
                if known.status == "accepted":
                    accepted.add(section_key)
                continue
            old_text = _old_text(note, section_key, ch)
            if old_text == ch.new:  # only a footnote was deleted, and its place is not found
                result.unplaced.append(f"change by {ch.author}: a deleted citation not found")
                continue
            lib.edits.add(
                note.id,
                section_key,
                old_text,
                ch.new,
                prefix=ch.prefix,
                suffix=ch.suffix,
                author=ch.author,
                created_at=ch.date,
                uid=uid,
            )
            result.edits_added += 1
    result.imported = ImportedRows(Path(path).name, made.states)
    if not result.already_imported or result.comments_added or result.edits_added:
        # Not on a second reading of the same copy with nothing new: it was said the first time.
        # After the write, which the comparison cannot fail: it reports what it cannot compare.
        result.untracked = _untracked_changes(lib, note, copy, accepted)
    return result


# The note's comments by (author, text, section): the anchors they were written on.
OwnComments = dict[tuple[str, str, str], set[str]]


def _index_own_comments(comments: list[ReviewComment]) -> OwnComments:
    """Index a note's comments once per import, so each Word comment is matched in a lookup."""
    index: OwnComments = {}
    for c in comments:
        index.setdefault((c.author, c.body, c.section_key), set()).add(c.anchor_text)
    return index


def _is_own_comment(wc: WordComment, section_key: str, own: OwnComments) -> bool:
    """Whether a Word comment is one of the note's own, written into the review copy.

    The copy puts an app comment on the paragraph holding its words, so it comes back with the
    same author, text and section, on words that contain the comment's own anchor.
    """
    anchors = own.get((wc.author, wc.text, section_key), set())
    return any(anchor in wc.anchor for anchor in anchors)


def _find_in_section(views: dict[str, PlainView], key: str, words: str) -> tuple[int, int] | None:
    view = views.get(key)
    if view is None:
        return None
    span = find_quote(view.text, words)
    return None if span is None else view.to_body(*span)
