"""Operations on sources: add imported documents, edit metadata and grades, correct text."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Collection, Mapping
from dataclasses import dataclass, fields, replace
from typing import TYPE_CHECKING, Any

from briefing_app.core.changes import Edit, now_iso, refuse_conflicts
from briefing_app.core.errors import FileTooLarge, ImmutableText, InvalidInput, NotFound, quoted
from briefing_app.core.importers.base import MAX_FILE_BYTES
from briefing_app.core.models import Source
from briefing_app.core.records.grading import RELIABILITY
from briefing_app.core.records.reference_keys import is_written_key
from briefing_app.core.records.tags import split_tag_ref
from briefing_app.core.storage.ids import new_uid
from briefing_app.core.storage.rows import record_from_row
from briefing_app.core.text.anchors import normalise_text, sha256_text, words_sha256
from briefing_app.core.text.dates import check_partial_date

if TYPE_CHECKING:
    from briefing_app.core.importers.base import ExtractedDocument
    from briefing_app.core.library import Library

EDITABLE_FIELDS = (
    "title",
    "byline",
    "outlet",
    "published",
    "url",
    "language",
    "reliability",
    "marking",
    "analyst_note",
)

# A scheme, and a host name with a port, which looks like one ("example.org:8080/a").
_URL_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
_HOST_AND_PORT = re.compile(r"^[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+:\d+(?:[/?#]|$)")
_WEB_SCHEMES = ("http", "https")

# What a source's rows in other tables hold that deleting it removes (ON DELETE CASCADE) and
# undoing the delete must put back: its Zotero highlights and its rejected suggestions.
_DEPENDENT_TABLES = ("highlight_suggestions", "rejected_suggestions")


@dataclass(frozen=True)
class RemovedSource:
    """A deleted source and the rows that went with it, for `restore`."""

    source: Source
    dependents: tuple[tuple[str, tuple[str, ...], tuple[tuple[Any, ...], ...]], ...] = ()


# A reference imported without a usable attachment: its text is its abstract and notes.
ABSTRACT_FORMAT = "reference"
ABSTRACT_NOTE = "No usable attachment: the text is the reference's abstract and notes."

_LIST_COLUMNS = (
    "s.id, s.uid, s.title, '' AS text, s.sha256, s.byline, s.outlet, s.published, s.url, "
    "s.language, s.language_guessed, s.format, s.retrieved_at, s.reliability, s.marking, "
    "s.analyst_note, s.origin_path, s.created_at, s.modified_at, s.doi, s.ref_id, s.accessed, "
    "(SELECT count(*) FROM claims c WHERE c.source_id = s.id) AS claim_count"
)


class SourceManager:
    """Sources in a library: `lib.sources`."""

    def __init__(self, lib: Library) -> None:
        self._lib = lib

    def add(
        self,
        doc: ExtractedDocument,
        *,
        reliability: str = "F",
        marking: str = "",
        uid: str | None = None,
    ) -> Source:
        """Store an extracted document as a new source; raise DuplicateSource if its text exists.

        >>> from briefing_app.core.library import Library
        >>> from briefing_app.core.importers.base import ExtractedDocument
        >>> lib = Library.open(":memory:")
        >>> lib.sources.add(ExtractedDocument(title="T", text="Body")).title
        'T'
        """
        from briefing_app.core.errors import DuplicateSource

        text = normalise_text(doc.text)
        check_source(replace(doc, text=text), reliability)
        digest = sha256_text(text)
        existing = self.by_sha256(digest) or self._same_words(doc, text)
        if existing is not None:
            raise DuplicateSource(existing)
        now = now_iso()
        with self._lib.write() as changes:
            cur = self._lib.conn.execute(
                "INSERT INTO sources (uid, title, byline, outlet, published, url, language, "
                "format, retrieved_at, sha256, text, reliability, marking, origin_path, "
                "created_at, modified_at, doi, ref_id, accessed, analyst_note, words_sha256, "
                "language_guessed) "
                "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    uid or new_uid(),
                    doc.title.strip(),
                    doc.byline.strip(),
                    doc.outlet.strip(),
                    doc.published,
                    doc.url.strip(),
                    doc.language.strip(),
                    doc.format,
                    now,
                    digest,
                    text,
                    doc.reliability or reliability,
                    doc.marking or marking,
                    doc.origin_path,
                    now,
                    now,
                    doc.doi.strip(),
                    doc.ref_id.strip(),
                    doc.accessed,
                    doc.analyst_note,
                    words_sha256(text),
                    int(doc.language_guessed and bool(doc.language.strip())),
                ),
            )
            source_id = int(cur.lastrowid or 0)
            changes.sources.add(source_id)
            if doc.tags:
                self._add_tags(source_id, doc.tags)
        return self.get(source_id)

    def add_or_update(
        self, doc: ExtractedDocument, *, keep: Collection[int] = ()
    ) -> tuple[Source, str, Edit | None]:
        """Store a reference's document, or update the source it was imported as before;
        return the source, 'imported', 'updated' or 'unchanged', and for an update the edit
        `revert_refresh` undoes.

        The same item is found by DOI, then by the reference manager's id, then by URL and
        title, then by its text. Metadata is refreshed and new tags added; the text changes
        only while no claim points into it, and never from an attachment back to an abstract.
        A source found by reference among `keep` is left as it is ('kept'): an import passes
        the sources its earlier items made, so a duplicate item does not overwrite them.
        """
        from briefing_app.core.errors import DuplicateSource

        existing = self.same_reference(doc)
        if existing is not None and existing.id in keep:
            return existing, "kept", None
        if existing is None:
            try:
                return self.add(doc), "imported", None
            except DuplicateSource as dup:
                existing = dup.existing
        return self._refresh(existing.id, doc)

    def same_reference(self, doc: ExtractedDocument, *, by_title: bool = False) -> Source | None:
        """Return the source a reference was imported as before (by DOI, id, URL and title),
        or written out as (Briefing's exports give its uid as the item's id).

        by_title: else the one source of that title (for an item with no text of its own,
        which can only update a source: a source with no address, DOI or id is found so).
        """
        ref_id = doc.ref_id.strip()
        checks = [
            ("lower(doi) = lower(?) AND doi != ''", (doc.doi.strip(),)),
            ("(ref_id = ? AND ref_id != '') OR uid = ?", (ref_id, ref_id)),
            ("url = ? AND title = ? AND url != ''", (doc.url.strip(), doc.title.strip())),
        ]
        for where, params in checks:
            if not any(params):
                continue
            row = self._lib.conn.execute(
                f"SELECT id FROM sources WHERE {where} ORDER BY id LIMIT 1", params
            ).fetchone()
            if row:
                return self.get(row[0])
        title = doc.title.strip()
        if by_title and title:
            rows = self._lib.conn.execute(
                "SELECT id FROM sources WHERE title = ? LIMIT 2", (title,)
            ).fetchall()
            if len(rows) == 1:
                return self.get(rows[0][0])
        return None

    def _refresh(self, source_id: int, doc: ExtractedDocument) -> tuple[Source, str, Edit | None]:
        check_source(replace(doc, text=normalise_text(doc.text)))
        source = self.get(source_id)
        wanted = {
            "title": doc.title.strip(),
            "byline": doc.byline.strip(),
            "outlet": doc.outlet.strip(),
            "published": doc.published,
            "url": doc.url.strip(),
            "language": doc.language.strip(),
            "doi": doc.doi.strip(),
            "ref_id": doc.ref_id.strip(),
            "accessed": doc.accessed,
            "reliability": doc.reliability,
            "marking": doc.marking,
        }
        # What Briefing's own export wrote of the source: its uid as the item's id (or, in
        # BibTeX, the citation key it made up), and the day it was captured as the day
        # accessed. Read back, neither is news.
        if wanted["ref_id"] == source.uid or is_written_key(doc.ref_id.strip(), source):
            wanted["ref_id"] = source.ref_id
        if not source.accessed and wanted["accessed"] == source.retrieved_at[:10]:
            wanted["accessed"] = source.accessed
        if doc.language_guessed and source.language and not source.language_guessed:
            # A guess never replaces a language the file declared or a person set.
            wanted["language"] = source.language
        values: dict[str, Any] = {k: v for k, v in wanted.items() if v and v != getattr(source, k)}
        if "language" in values:
            values["language_guessed"] = doc.language_guessed
        text = normalise_text(doc.text)
        better_text = doc.format != ABSTRACT_FORMAT or source.format == ABSTRACT_FORMAT
        if (
            text.strip()
            and text != source.text
            and better_text
            and not source.claim_count
            and self.by_sha256(sha256_text(text)) is None
        ):
            values.update(text=text, sha256=sha256_text(text), format=doc.format)
            if source.analyst_note == ABSTRACT_NOTE and doc.format != ABSTRACT_FORMAT:
                values["analyst_note"] = ""  # the text is now the attachment's
        # A Zotero tag "place:Khatlon" is the tag Khatlon on the source, not a new one.
        held = {name.casefold() for name in source.tags}
        new_tags = [t for t in doc.tags if split_tag_ref(t)[1].casefold() not in held]
        if not values and not new_tags:
            return source, "unchanged", None
        with self._lib.write() as changes:
            edit = self._write(source_id, {**values, "modified_at": now_iso()})
            self._add_tags(source_id, new_tags)
            changes.sources.add(source_id)
        before = {**edit.before, "tags": list(source.tags)}
        after = {**edit.after, "tags": [*source.tags, *new_tags]}
        return self.get(source_id), "updated", Edit(source_id, before, after)

    def revert_refresh(self, edit: Edit) -> Edit:
        """Put back what importing a reference again changed on its source (fields, text and
        tags); return the edit that redoes it."""
        values = {k: v for k, v in edit.before.items() if k != "tags"}
        with self._lib.write():
            self._write(edit.record_id, values)
            if "tags" in edit.before:
                self.set_tags(edit.record_id, list(edit.before["tags"]))
        return edit.inverse()

    def _add_tags(self, source_id: int, names: list[str]) -> None:
        with self._lib.write() as changes:
            for name in names:
                tag = self._lib.tags.ensure(name)
                self._lib.conn.execute(
                    "INSERT OR IGNORE INTO source_tags (source_id, tag_id) VALUES (?, ?)",
                    (source_id, tag.id),
                )
                changes.tags.add(tag.id)

    def get(self, source_id: int) -> Source:
        """Return the source with its text; raise NotFound."""
        row = self._lib.conn.execute(
            "SELECT s.*, (SELECT count(*) FROM claims c WHERE c.source_id = s.id) AS claim_count "
            "FROM sources s WHERE s.id = ?",
            (source_id,),
        ).fetchone()
        if row is None:
            raise NotFound(f"no source with id {source_id}")
        source = _source_from_row(row)
        source.tags = self._tag_names(source_id)
        return source

    def exists(self, source_id: int) -> bool:
        """Return whether a source with this id is stored (without reading its text).

        >>> from briefing_app.core.library import Library
        >>> Library.open(":memory:").sources.exists(1)
        False
        """
        row = self._lib.conn.execute("SELECT 1 FROM sources WHERE id = ?", (source_id,))
        return row.fetchone() is not None

    def by_uid(self, uid: str) -> Source | None:
        """Return the source with this global id, or None."""
        row = self._lib.conn.execute("SELECT id FROM sources WHERE uid = ?", (uid,)).fetchone()
        return self.get(row[0]) if row else None

    def _same_words(self, doc: ExtractedDocument, text: str) -> Source | None:
        """Return a source with this title, URL or file whose text differs only in spacing."""
        # Pages imported before paragraphs were stored with blank lines between them hash
        # differently from the same page imported today: still the same source.
        row = self._lib.conn.execute(
            "SELECT id FROM sources WHERE words_sha256 = ? AND ((title = ? AND title != '') "
            "OR (url = ? AND url != '') OR (origin_path = ? AND origin_path != ''))",
            (words_sha256(text), doc.title.strip(), doc.url.strip(), doc.origin_path or ""),
        ).fetchone()
        return self.get(row[0]) if row else None

    def by_sha256(self, digest: str) -> Source | None:
        """Return the source whose text has this SHA-256, or None."""
        row = self._lib.conn.execute(
            "SELECT id FROM sources WHERE sha256 = ?", (digest,)
        ).fetchone()
        return self.get(row[0]) if row else None

    def all(self, *, ids: list[int] | None = None, with_tags: bool = False) -> list[Source]:
        """Return sources without their text, newest first (optionally only these ids); with
        their tags when asked (`briefing sources --json` lists them)."""
        sql = f"SELECT {_LIST_COLUMNS} FROM sources s"
        params: list[Any] = []
        if ids is not None:
            sql += f" WHERE s.id IN ({','.join('?' * len(ids))})"
            params = list(ids)
        sql += " ORDER BY s.id DESC"
        sources = [_source_from_row(r) for r in self._lib.conn.execute(sql, params)]
        if with_tags:
            tags = self._all_tag_names()
            for source in sources:
                source.tags = tags.get(source.id, [])
        return sources

    def _all_tag_names(self) -> dict[int, list[str]]:
        """Return every source's tag names (as `get` orders them), in one query."""
        names: dict[int, list[str]] = {}
        for source_id, name in self._lib.conn.execute(
            "SELECT st.source_id, t.name FROM tags t JOIN source_tags st ON st.tag_id = t.id "
            "ORDER BY t.name"
        ):
            names.setdefault(source_id, []).append(name)
        return names

    def cited_in(self, note_id: int) -> list[Source]:
        """Return the sources a note's citations point into, in order of first citation."""
        note = self._lib.notes.get(note_id)
        keys = self._lib.notes.cited_keys(note)
        claims = self._lib.claims.by_keys(keys)
        ids = list(dict.fromkeys(claims[k].source_id for k in keys if k in claims))
        return [self.get(i) for i in ids]

    def count(self) -> int:
        """Return how many sources the library holds."""
        return int(self._lib.conn.execute("SELECT count(*) FROM sources").fetchone()[0])

    def update(self, source_id: int, **values: Any) -> Source:
        """Change metadata or grading fields (see EDITABLE_FIELDS); return the updated source."""
        self.edit(source_id, **values)
        return self.get(source_id)

    def edit(
        self, source_id: int, *, expected: Mapping[str, Any] | None = None, **values: Any
    ) -> Edit:
        """Change metadata or grading fields as `update` does; return what `revert` undoes.

        expected holds the values the panel showed: when the source holds others (edited
        elsewhere since), ConflictingEdit carries the stored one; nothing is written.
        """
        unknown = set(values) - set(EDITABLE_FIELDS)
        if unknown:
            raise InvalidInput(f"cannot edit source field(s): {', '.join(sorted(unknown))}")
        if "reliability" in values:
            _check_reliability(values["reliability"])
        if "url" in values:
            check_url(values["url"])
        if "published" in values:
            values["published"] = check_partial_date(values["published"], "published date")
        if not values:
            self.get(source_id)
            return Edit(source_id)
        if "language" in values:
            # A language a person set (or confirmed) is no longer a guess; revert brings it back.
            values["language_guessed"] = False
        return self._write(source_id, {**values, "modified_at": now_iso()}, expected)

    def revert(self, edit: Edit) -> Edit:
        """Put back exactly the fields an edit replaced (modified_at too); return the redo."""
        self._write(edit.record_id, edit.before)
        return edit.inverse()

    def revert_all(self, edits: list[Edit]) -> list[Edit]:
        """Undo several edits in one transaction, the last first; return the edits redoing them
        (what a review package changed of its sources' grades)."""
        with self._lib.write():
            return [self.revert(edit) for edit in reversed(edits)]

    def _write(
        self, source_id: int, values: Mapping[str, Any], expected: Mapping[str, Any] | None = None
    ) -> Edit:
        # The words hash follows the text (it is not a field of Source: nothing shows it).
        stored = (
            {**values, "words_sha256": words_sha256(values["text"])} if "text" in values else values
        )
        sets = ", ".join(f"{k} = ?" for k in stored)
        with self._lib.write() as changes:
            # Read inside the transaction: the check and the write see the same source.
            source = self.get(source_id)
            if expected:
                refuse_conflicts(f"source {source_id}", expected, lambda k: getattr(source, k))
            before = {k: getattr(source, k) for k in values}
            self._lib.conn.execute(
                f"UPDATE sources SET {sets} WHERE id = ?", [*stored.values(), source_id]
            )
            changes.sources.add(source_id)
        return Edit(source_id, before, dict(values))

    def correct_text(self, source_id: int, text: str) -> Source:
        """Replace a source's extracted text (e.g. PDF paragraphs out of order) before tagging.

        Refused with ImmutableText once a claim points into the text.
        """
        text = normalise_text(text)
        if not text.strip():
            raise InvalidInput("the corrected text is empty")
        try:
            with self._lib.write() as changes:
                self._lib.conn.execute(
                    "UPDATE sources SET text = ?, sha256 = ?, words_sha256 = ?, modified_at = ? "
                    "WHERE id = ?",
                    (text, sha256_text(text), words_sha256(text), now_iso(), source_id),
                )
                changes.sources.add(source_id)
        except sqlite3.IntegrityError as exc:
            if "immutable" in str(exc):
                raise ImmutableText(
                    f"source {source_id} has claims: its text can no longer be corrected"
                ) from exc
            raise InvalidInput("another source already has exactly this text") from exc
        return self.get(source_id)

    def delete(self, source_id: int) -> RemovedSource:
        """Delete a source that no claim points into; return what `restore` puts back."""
        source = self.get(source_id)
        if source.claim_count:
            raise InvalidInput(
                f"source {source_id} has {source.claim_count} claim(s): delete them first"
            )
        with self._lib.write() as changes:
            dependents = []
            for table in _DEPENDENT_TABLES:
                cur = self._lib.conn.execute(
                    f"SELECT * FROM {table} WHERE source_id = ? ORDER BY id", (source_id,)
                )
                columns = tuple(d[0] for d in cur.description)
                dependents.append((table, columns, tuple(tuple(r) for r in cur.fetchall())))
            self._lib.conn.execute("DELETE FROM sources WHERE id = ?", (source_id,))
            changes.sources.add(source_id)
        return RemovedSource(source, tuple(dependents))

    def restore(self, removed: RemovedSource) -> Source:
        """Re-insert a deleted source with its original id and uid (undo of delete or import)."""
        source = removed.source
        values = {f.name: getattr(source, f.name) for f in fields(Source)}
        for derived in ("claim_count", "tags"):
            values.pop(derived)
        values["words_sha256"] = words_sha256(source.text)
        cols = ", ".join(values)
        with self._lib.write() as changes:
            self._lib.conn.execute(
                f"INSERT INTO sources ({cols}) VALUES ({','.join('?' * len(values))})",
                list(values.values()),
            )
            for tag in source.tags:
                tag_id = self._lib.tags.ensure(tag).id
                self._lib.conn.execute(
                    "INSERT OR IGNORE INTO source_tags (source_id, tag_id) VALUES (?, ?)",
                    (source.id, tag_id),
                )
            for table, columns, rows in removed.dependents:
                marks = ",".join("?" * len(columns))
                self._lib.conn.executemany(
                    f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows
                )
            changes.sources.add(source.id)
        return self.get(source.id)

    def delete_many(self, source_ids: list[int]) -> list[RemovedSource]:
        """Delete sources in one transaction (all or none); return them, for `restore_many`."""
        with self._lib.write():
            return [self.delete(i) for i in source_ids]

    def restore_many(self, removed: list[RemovedSource]) -> list[Source]:
        """Put deleted sources back in one transaction, with their ids and uids."""
        with self._lib.write():
            return [self.restore(r) for r in removed]

    def set_tags(self, source_id: int, names: list[str]) -> Source:
        """Replace the tags on a source, creating unknown tags as topics."""
        self.get(source_id)
        with self._lib.write() as changes:
            self._lib.conn.execute("DELETE FROM source_tags WHERE source_id = ?", (source_id,))
            self._add_tags(source_id, names)
            changes.sources.add(source_id)
        return self.get(source_id)

    def _tag_names(self, source_id: int) -> list[str]:
        rows = self._lib.conn.execute(
            "SELECT t.name FROM tags t JOIN source_tags st ON st.tag_id = t.id "
            "WHERE st.source_id = ? ORDER BY t.name",
            (source_id,),
        )
        return [r[0] for r in rows]


def check_source(doc: ExtractedDocument, reliability: str = "F") -> None:
    """Refuse a document no source may be made of: its text (as stored), grade, address, date.

    `SourceManager.add` checks every source here, whether a file import or a review package
    brings it; a package's sources are checked here before anything of it is stored.
    """
    check_text(doc.text)
    _check_reliability(doc.reliability or reliability)
    check_url(doc.url)
    check_partial_date(doc.published, "published date")


def check_text(text: str) -> None:
    """Refuse a source text no import stores: empty, over the import's limit, or binary.

    The limit is the importers' limit on a file.
    """
    if not text.strip():
        raise InvalidInput("the document has no text")
    # A file of MAX_FILE_BYTES never decodes to more characters than it has bytes.
    if len(text) > MAX_FILE_BYTES:
        raise FileTooLarge(
            f"the text is {len(text) // 2**20} MB; the limit is {MAX_FILE_BYTES // 2**20} MB"
        )
    if "\x00" in text:
        # What the importers refuse as "binary data, not text"; SQLite tools cut text there.
        raise InvalidInput("the text holds NUL characters (binary data, not text)")


def check_url(url: str) -> None:
    """Refuse a source address that is not a web page's (javascript:, data:, file:...).

    An address without a scheme ("www.example.org") is kept as written.

    >>> check_url("https://example.org/a")
    >>> check_url("javascript:alert(1)")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    briefing_app.core.errors.InvalidInput: url 'javascript:alert(1)' is not a web address ...
    """
    # Browsers ignore control characters and spaces inside a scheme ("java\tscript:").
    squeezed = re.sub(r"[\x00-\x20]+", "", url)
    scheme = _URL_SCHEME.match(squeezed)
    if scheme and scheme[1].lower() not in _WEB_SCHEMES and not _HOST_AND_PORT.match(squeezed):
        raise InvalidInput(f"url {quoted(url, 60)} is not a web address (http:// or https://)")


def _check_reliability(code: str) -> None:
    if code not in RELIABILITY.codes():
        raise InvalidInput(
            f"reliability must be one of {', '.join(RELIABILITY.codes())}, not {quoted(code)}"
        )


def _source_from_row(row: sqlite3.Row) -> Source:
    # SQLite holds the flag as 0 or 1; the JSON and the panel want a bool.
    return record_from_row(Source, row, language_guessed=bool(row["language_guessed"]))
