"""Operations on tags. Deleting a tag removes it from claims and sources, never them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing_app.core.errors import InvalidInput, NotFound, quoted
from briefing_app.core.models import TAG_KINDS, Tag
from briefing_app.core.storage.ids import new_uid

if TYPE_CHECKING:
    from briefing_app.core.library import Library


def split_tag_ref(text: str) -> tuple[str | None, str]:
    """Split "kind:name" (e.g. "place:Khatlon") into its kind and name; (None, text) if no kind.

    A kind with nothing after it ("place:") is a tag with no name: InvalidInput, never a tag
    literally called "place:".

    >>> split_tag_ref("Place: Khatlon"), split_tag_ref("Khatlon"), split_tag_ref("a:b")
    (('place', 'Khatlon'), (None, 'Khatlon'), (None, 'a:b'))
    """
    text = text.strip()
    prefix, sep, rest = text.partition(":")
    if sep and prefix.strip().lower() in TAG_KINDS:
        if not rest.strip():
            raise InvalidInput(f"tag {quoted(text)} has no name")
        return prefix.strip().lower(), rest.strip()
    return None, text


def names_a_tag(text: str) -> bool:
    """Say whether text names a tag (not blank, not a kind with no name such as "place:").

    >>> names_a_tag("place:Khatlon"), names_a_tag("place: "), names_a_tag(" ")
    (True, False, False)
    """
    try:
        return bool(split_tag_ref(text)[1])
    except InvalidInput:
        return False


class TagManager:
    """Tags in a library: `lib.tags`."""

    def __init__(self, lib: Library) -> None:
        self._lib = lib

    def ensure(self, name: str, kind: str | None = None) -> Tag:
        """Return the tag with this name (any kind unless given), creating it if new.

        A name written "kind:name" (e.g. "place:Khatlon") names the kind too.
        """
        if kind is None:
            try:
                kind, name = split_tag_ref(name)
            except InvalidInput:
                # A tag named "place:" from before this was refused: undo must still find it.
                held = self.by_name(name)
                if held is None:
                    raise
                return held
        name = name.strip()
        if not name:
            raise InvalidInput("a tag needs a name")
        if kind is not None and kind not in TAG_KINDS:
            raise InvalidInput(f"tag kind must be one of: {', '.join(TAG_KINDS)} (not {kind!r})")
        sql = "SELECT id, uid, name, kind FROM tags WHERE name = ? COLLATE NOCASE"
        params: list[str] = [name]
        if kind is not None:
            sql += " AND kind = ?"
            params.append(kind)
        row = self._lib.conn.execute(sql + " ORDER BY id LIMIT 1", params).fetchone()
        if row:
            return Tag(row[0], row[1], row[2], row[3])
        with self._lib.write() as changes:
            cur = self._lib.conn.execute(
                "INSERT INTO tags (uid, name, kind) VALUES (?, ?, ?)",
                (new_uid(), name, kind or "topic"),
            )
            tag_id = int(cur.lastrowid or 0)
            changes.tags.add(tag_id)
        return self.get(tag_id)

    def get(self, tag_id: int) -> Tag:
        """Return the tag with this id; raise NotFound."""
        row = self._lib.conn.execute(
            "SELECT t.id, t.uid, t.name, t.kind, "
            "(SELECT count(*) FROM claim_tags ct WHERE ct.tag_id = t.id) "
            "FROM tags t WHERE t.id = ?",
            (tag_id,),
        ).fetchone()
        if row is None:
            raise NotFound(f"no tag with id {tag_id}")
        return Tag(*row)

    def by_name(self, name: str) -> Tag | None:
        """Return the first tag with this name (any kind), or None."""
        row = self._lib.conn.execute(
            "SELECT id FROM tags WHERE name = ? COLLATE NOCASE ORDER BY id LIMIT 1", (name.strip(),)
        ).fetchone()
        return self.get(row[0]) if row else None

    def on_claim(self, claim_id: int) -> list[Tag]:
        """Return the tags on a claim, by name."""
        rows = self._lib.conn.execute(
            "SELECT t.id, t.uid, t.name, t.kind FROM tags t JOIN claim_tags ct ON ct.tag_id = t.id "
            "WHERE ct.claim_id = ? ORDER BY t.name",
            (claim_id,),
        )
        return [Tag(*r) for r in rows]

    def on_source(self, source_id: int) -> list[Tag]:
        """Return the tags on a source, by name."""
        rows = self._lib.conn.execute(
            "SELECT t.id, t.uid, t.name, t.kind FROM tags t "
            "JOIN source_tags st ON st.tag_id = t.id WHERE st.source_id = ? ORDER BY t.name",
            (source_id,),
        )
        return [Tag(*r) for r in rows]

    def all(self) -> list[Tag]:
        """Return every tag with how many claims use it, by kind then name."""
        rows = self._lib.conn.execute(
            "SELECT t.id, t.uid, t.name, t.kind, "
            "(SELECT count(*) FROM claim_tags ct WHERE ct.tag_id = t.id) "
            "FROM tags t ORDER BY t.kind, t.name COLLATE NOCASE"
        )
        return [Tag(*r) for r in rows]

    def newest_id(self) -> int:
        """Return the id of the tag made last (0 for none): tags made after it have greater ids."""
        return int(self._lib.conn.execute("SELECT coalesce(max(id), 0) FROM tags").fetchone()[0])

    def unused_since(self, newest_id: int) -> list[int]:
        """Return the tags made after `newest_id` that no claim or source uses."""
        rows = self._lib.conn.execute(
            "SELECT id FROM tags t WHERE id > ? "
            "AND NOT EXISTS (SELECT 1 FROM claim_tags WHERE tag_id = t.id) "
            "AND NOT EXISTS (SELECT 1 FROM source_tags WHERE tag_id = t.id) ORDER BY id",
            (newest_id,),
        )
        return [r[0] for r in rows]

    def rename(self, tag_id: int, name: str) -> Tag:
        """Rename a tag everywhere it is used."""
        if not name.strip():
            raise InvalidInput("a tag needs a name")
        tag = self.get(tag_id)
        clash = self._lib.conn.execute(
            "SELECT id FROM tags WHERE name = ? COLLATE NOCASE AND kind = ? AND id != ?",
            (name.strip(), tag.kind, tag_id),
        ).fetchone()
        if clash:
            raise InvalidInput(f"there is already a {tag.kind} tag called {name.strip()!r}")
        with self._lib.write() as changes:
            self._lib.conn.execute("UPDATE tags SET name = ? WHERE id = ?", (name.strip(), tag_id))
            changes.tags.add(tag_id)
        return self.get(tag_id)

    def delete(self, tag_id: int) -> tuple[Tag, list[int], list[int]]:
        """Delete a tag, keeping its claims and sources; return it and the ids it was on (undo)."""
        tag = self.get(tag_id)
        conn = self._lib.conn
        claim_ids = [
            r[0]
            for r in conn.execute("SELECT claim_id FROM claim_tags WHERE tag_id = ?", (tag_id,))
        ]
        source_ids = [
            r[0]
            for r in conn.execute("SELECT source_id FROM source_tags WHERE tag_id = ?", (tag_id,))
        ]
        with self._lib.write() as changes:
            conn.execute("DELETE FROM tags WHERE id = ?", (tag_id,))
            changes.tags.add(tag_id)
            changes.claims.update(claim_ids)
            changes.sources.update(source_ids)
        return tag, claim_ids, source_ids

    def restore(self, tag: Tag, claim_ids: list[int], source_ids: list[int]) -> Tag:
        """Re-create a deleted tag with its id and uid and put it back where it was.

        If a tag of the same name and kind was made since, the records join that one instead.
        """
        existing = self._lib.conn.execute(
            "SELECT id FROM tags WHERE name = ? COLLATE NOCASE AND kind = ?", (tag.name, tag.kind)
        ).fetchone()
        with self._lib.write() as changes:
            tag_id = existing[0] if existing else tag.id
            if not existing:
                self._lib.conn.execute(
                    "INSERT INTO tags (id, uid, name, kind) VALUES (?, ?, ?, ?)",
                    (tag.id, tag.uid, tag.name, tag.kind),
                )
            # Records deleted in the meantime are skipped rather than failing the whole undo.
            self._lib.conn.executemany(
                "INSERT OR IGNORE INTO claim_tags (claim_id, tag_id) "
                "SELECT ?, ? WHERE EXISTS (SELECT 1 FROM claims WHERE id = ?)",
                [(c, tag_id, c) for c in claim_ids],
            )
            self._lib.conn.executemany(
                "INSERT OR IGNORE INTO source_tags (source_id, tag_id) "
                "SELECT ?, ? WHERE EXISTS (SELECT 1 FROM sources WHERE id = ?)",
                [(s, tag_id, s) for s in source_ids],
            )
            changes.tags.add(tag_id)
            changes.claims.update(claim_ids)
            changes.sources.update(source_ids)
        return self.get(tag_id)
