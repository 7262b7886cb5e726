"""Merging a review package into a library: three-way, by history, in one transaction.

Each library remembers, in the note's settings ("pack_base"), the content fingerprints the note
and each cited claim have had whenever they were sent or received; a package carries the
sender's list. On import, a record whose current version here is in the sender's history is one
only the sender changed since: it is updated in place (the note's previous text kept as a
version). One whose incoming version is in this library's history is one only this side changed
since (or an old package again): it is kept. Anything else changed on both sides and is kept as
both, and reported. A history, unlike a single "last exchanged" base, stays right when a
package is exported twice, never delivered, or sent to several libraries. Packages without a
history (older ones) treat every difference as a change on both sides; their single "base" is
read as a history of one. The ratings of the matrices a package carries merge the same way, by
the values each cell has had, and so do each row's weights and switches and each key
assumption's text, rating and reasons (`merge_matrices.py`).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from typing import Any

from briefing_app.core.ach.records import MatrixEdit
from briefing_app.core.changes import Edit, now_iso
from briefing_app.core.importers.base import Annotation, ExtractedDocument
from briefing_app.core.library import Library
from briefing_app.core.models import Claim, Note, Source
from briefing_app.core.records import note_settings
from briefing_app.core.records.claims import EDITABLE_FIELDS
from briefing_app.core.review.comments import NewComment
from briefing_app.core.review.edits import EDITS_MEMBER
from briefing_app.core.review.merge_matrices import MATRIX_PARTS, MatrixExchange, merge_matrices
from briefing_app.core.review.pack_evidence import merge_evidence
from briefing_app.core.review.pack_matrices import (
    BLANK,
    assumption_fingerprint,
    rated_cells,
    row_name,
    sent_row_fingerprint,
    unrated_cells,
)
from briefing_app.core.review.pack_undo import ImportedRows
from briefing_app.core.storage.row_journal import journal
from briefing_app.core.text.citations import CITATION_GROUP, cited_keys
from briefing_app.core.text.counts import counted

_CLAIM_COMPARED = ("start", "end", "quote", "statement", "party", "kind", "credibility", "status")
# The note fields a package carries (besides its sections), and that a merge compares.
NOTE_FIELDS = (
    "uid", "title", "template", "marking", "memo_to", "memo_from", "subject", "memo_date", "status",
)  # fmt: skip
# A source's fields a reviewer may change (its text never changes): merged three-way too.
SOURCE_GRADES = ("reliability", "marking", "title")


@dataclass
class PackImportResult:
    """What a package import did: the note it lands in, counts, and conflicts kept as both."""

    note_id: int
    added: dict[str, int] = field(default_factory=dict)
    reused: dict[str, int] = field(default_factory=dict)
    conflicts: list[str] = field(default_factory=list)
    # Records only the sender changed since the last exchange, brought up to date in place.
    updated: dict[str, int] = field(default_factory=dict)
    # The matrix ratings, rows' weights and switches, and key assumptions so updated:
    # `lib.ach.revert_all` puts this library's back (undo).
    rating_edits: list[MatrixEdit] = field(default_factory=list, repr=False)
    # The sources' grades so updated: `lib.sources.revert_all` puts this library's back.
    grade_edits: list[Edit] = field(default_factory=list, repr=False)
    # Every row the import added or changed, as it was and became: `undo_pack_import` takes
    # the whole import back, `redo_pack_import` brings it again (pack_undo.py).
    imported: ImportedRows = field(default_factory=lambda: ImportedRows(""), repr=False)

    def to_json(self) -> dict[str, Any]:
        """Return the JSON form printed by `briefing pack import --json`."""
        # Not the records for undo: what the import did, as counts and lines.
        hidden = ("rating_edits", "grade_edits", "imported")
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name not in hidden}

    def line(self) -> str:
        """Return a one-line summary."""
        added = ", ".join(counted(n, k) for k, n in self.added.items() if n) or "nothing new"
        text = f"Imported into note {self.note_id}: {added}"
        updated = ", ".join(counted(n, k) for k, n in self.updated.items() if n)
        if updated:
            text += f"; updated {updated}"
        if self.conflicts:
            # Each conflict says what was kept: both, or (a matrix's rating) this library's.
            text += f"; {counted(len(self.conflicts), 'conflicts')}"
        return text


def merge_pack(lib: Library, members: dict[str, Any], pack_name: str) -> PackImportResult:
    """Merge a validated package's members (see packs.read_pack) into lib in one transaction."""
    sources = [v for k, v in members.items() if k.startswith("sources/")]
    claims = members["claims.json"]
    with lib.write(), journal(lib.conn) as made:
        here = lib.notes.by_uid(members["note.json"]["uid"])
        merger = _Merger(lib, pack_name, claims, _remembered(here))
        for data in sources:
            merger.source(data)
        for data in merger.in_key_order(claims):
            merger.claim(data)
        note_id = merger.note(members["note.json"])
        for data in members.get("versions.json", []):
            merger.version(note_id, data)
        merger.comments(note_id, members["comments.json"])
        merger.edits(note_id, members.get(EDITS_MEMBER, []))
        merge_evidence(
            lib, members, merger.claim_ids, merger.added, merger.reused, merger.conflicts
        )
        ratings = MatrixExchange({part: merger.known[part] for part in MATRIX_PARTS})
        merge_matrices(
            lib, members, note_id, merger.claim_ids,
            (merger.added, merger.reused, merger.updated), merger.conflicts, ratings,
        )  # fmt: skip
        merger.remember()
        # With the histories they came from: a note kept as both keeps the exchange's.
        merger.remember_matrices(here.id if here is not None else note_id, ratings.seen)
    return PackImportResult(
        note_id,
        merger.added,
        merger.reused,
        merger.conflicts,
        merger.updated,
        ratings.edits,
        merger.grade_edits,
        ImportedRows(pack_name, made.states),
    )


def sent_history(
    lib: Library, note: Note, claims: Iterable[Claim], sources: Iterable[Source] = ()
) -> dict[str, Any]:
    """Return the note's exchange history with the note, claims and sources as sent now added.

    A package carries it, and the sender keeps it in the note's settings (review base).
    """
    history = _remembered(note)
    _add(history["note"], _local_note_fingerprint(lib, note))
    for c in claims:
        _add(history["claims"].setdefault(c.uid, []), _local_claim_fingerprint(c))
    for s in sources:
        _add(
            history["sources"].setdefault(s.uid, []),
            _grades_fingerprint({f: getattr(s, f) for f in SOURCE_GRADES}),
        )
    return history


def add_sent_ratings(history: dict[str, Any], matrices: list[dict[str, Any]]) -> None:
    """Add each rating a package sends to history, and give each its cell's history to carry;
    a cell an earlier exchange rated and that is blank now is sent as cleared, with its own."""
    for matrix in matrices:
        for cell, rating in rated_cells(matrix):
            values = history["ratings"].setdefault(cell, [])
            _add(values, rating["rating"])
            rating["history"] = [v for v in values if v != BLANK]
            if BLANK in values:
                rating["seen_blank"] = True
        cleared = []
        for cell, at in unrated_cells(matrix):
            values = history["ratings"].get(cell, [])
            if any(v != BLANK for v in values):
                _add(values, BLANK)
                cleared.append({**at, "history": list(values)})
        if cleared:
            matrix["cleared"] = cleared


def add_sent_weights(history: dict[str, Any], matrices: list[dict[str, Any]]) -> None:
    """Add each row's weights and switches, and each key assumption's text, rating and reasons,
    that a package sends to history (as fingerprints), and give each its own history to carry."""
    for matrix in matrices:
        for row in matrix["rows"]:
            values = history["rows"].setdefault(row_name(matrix, row), [])
            _add(values, sent_row_fingerprint(row))
            row["history"] = list(values)
        for assumption in matrix["assumptions"]:
            values = history["assumptions"].setdefault(assumption["uid"], [])
            _add(values, _sent_assumption_fingerprint(assumption))
            assumption["history"] = list(values)


def _sent_assumption_fingerprint(assumption: dict[str, Any]) -> str:
    return assumption_fingerprint(
        assumption["text"], assumption["rating"], assumption["why"], assumption["wrong_if"]
    )


class _Merger:
    """Merges one package's records, remembering how package ids map to this library's."""

    def __init__(
        self,
        lib: Library,
        pack_name: str,
        claims: list[dict[str, Any]],
        known: dict[str, Any],
    ) -> None:
        self.lib = lib
        # The histories this library holds for the package's note and claims (see the module).
        self.known = known
        self.pack_name = pack_name
        self.source_ids: dict[str, int] = {}
        self.claim_keys: dict[str, str] = {}
        self.added = {"sources": 0, "claims": 0, "notes": 0, "versions": 0, "comments": 0,
                      "edits": 0, "questions": 0, "relations": 0, "hypotheses": 0,
                      "assumptions": 0, "ratings": 0}  # fmt: skip
        self.reused = {"sources": 0, "claims": 0, "notes": 0, "versions": 0, "comments": 0,
                       "edits": 0, "questions": 0, "relations": 0, "hypotheses": 0,
                       "assumptions": 0, "ratings": 0}  # fmt: skip
        # Package claim uid -> the claim here it merged into or was added as.
        self.claim_ids: dict[str, int] = {}
        self.updated = {"claims": 0, "notes": 0, "sources": 0, "ratings": 0, "rows": 0,
                        "assumptions": 0}  # fmt: skip
        self.conflicts: list[str] = []
        # Package keys no claim here has ever had: claims added with them keep them.
        self.free_keys = lib.claims.free_keys(c["key"] for c in claims)
        self.pack_uids = {c["key"]: c["uid"] for c in claims}
        # Claim fingerprints seen in this exchange, and package keys changed on both sides.
        self.agreed_claims: dict[str, list[str]] = {}
        self.conflicted_keys: set[str] = set()
        # Likewise for sources' grades, and the edits that took the sender's (for undo).
        self.agreed_sources: dict[str, list[str]] = {}
        self.grade_edits: list[Edit] = []
        # The note the package landed in and the note versions the exchange showed.
        self._seen: tuple[int, list[str]] | None = None

    def in_key_order(self, claims: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Return claims with free keys first, each group by key number.

        Claims keeping their keys must be added before any new key is handed out, and
        ascending, so that no claim takes a key that another one of this package keeps.
        """
        return sorted(claims, key=lambda c: (c["key"] not in self.free_keys, _key_number(c)))

    def source(self, data: dict[str, Any]) -> None:
        local = self.lib.sources.by_uid(data["uid"])
        if local is not None and local.sha256 == data["sha256"]:
            self.source_ids[data["uid"]] = local.id
            self.reused["sources"] += 1
            self._merge_grades(local, data)
            self._merge_language(local, data)
            return
        same_text = self.lib.sources.by_sha256(data["sha256"])
        if same_text is not None:
            self.source_ids[data["uid"]] = same_text.id
            self.reused["sources"] += 1
            self._merge_language(same_text, data)
            return
        new_uid = data["uid"] if local is None else None
        if local is not None:
            self.conflicts.append(
                f"source {local.id} ({local.title!r}) has different text here; "
                "the package's version was added as a new source"
            )
        doc = ExtractedDocument(
            **{k: data[k] for k in ("title", "text", "byline", "outlet", "published", "url",
                                    "language", "format", "reliability", "marking")},
            # Packages written before reference metadata travelled have none of these.
            **{k: data.get(k, "") for k in ("doi", "ref_id", "accessed", "analyst_note")},
            # Older packages do not say: their language is taken as declared, as before.
            language_guessed=data.get("language_guessed", False),
        )  # fmt: skip
        source = self.lib.sources.add(doc, uid=new_uid)
        if data.get("highlights"):
            self.lib.suggestions.add_highlights(
                source.id, [Annotation(**h) for h in data["highlights"]]
            )
        if data.get("tags"):
            self.lib.sources.set_tags(source.id, _tag_names(data["tags"]))
        self.source_ids[data["uid"]] = source.id
        if new_uid is not None:  # the sender's source, as the sender had it
            self.agreed_sources[data["uid"]] = [*_history(data), _grades_fingerprint(data)]
        self.added["sources"] += 1

    def _merge_grades(self, local: Source, data: dict[str, Any]) -> None:
        """Take a grade only the sender changed; keep one only this side changed; report the
        rest (a change on both sides) with this library's kept."""
        changed = [f for f in SOURCE_GRADES if getattr(local, f) != data[f]]
        incoming = _grades_fingerprint(data)
        if not changed or incoming in self.known["sources"].get(data["uid"], []):
            self.agreed_sources[data["uid"]] = [*_history(data), incoming]
            return
        if _grades_fingerprint({f: getattr(local, f) for f in SOURCE_GRADES}) in _history(data):
            self.grade_edits.append(
                self.lib.sources.edit(local.id, **{f: data[f] for f in changed})
            )
            self.updated["sources"] += 1
            self.agreed_sources[data["uid"]] = [*_history(data), incoming]
            return
        self.conflicts.append(
            f"source {local.id} ({local.title!r}): {', '.join(changed)} differ; "
            "this library's values kept"
        )

    def _merge_language(self, local: Source, data: dict[str, Any]) -> None:
        """Take the sender's language where a person set it and this side only has a guess.

        A language the analyst set (or a file declared) wins over a guess on either side, and
        is no guess once taken; two guesses or two settings that differ keep this library's.
        A package that does not say whether its language was guessed changes nothing.
        """
        if not local.language_guessed or data.get("language_guessed", True):
            return
        self.grade_edits.append(self.lib.sources.edit(local.id, language=data["language"]))
        self.updated["sources"] += 1

    def claim(self, data: dict[str, Any]) -> None:
        local = self.lib.claims.by_uid(data["uid"])
        if local is not None and self._merged_claim(local, data):
            self.claim_keys[data["key"]] = local.key
            self.claim_ids[data["uid"]] = local.id
            self.agreed_claims[data["uid"]] = [*_history(data), _claim_fingerprint(data)]
            return
        source_id = self.source_ids[data["source_uid"]]
        claim = self.lib.claims.add(
            source_id,
            start=data["start"],
            end=data["end"],
            statement=data["statement"],
            party=data["party"],
            kind=data["kind"],
            credibility=int(data["credibility"]),
            status=data["status"],
            tags=_tag_names(data.get("tags", [])),
            uid=data["uid"] if local is None else None,
            key=data["key"] if data["key"] in self.free_keys else None,
            event_date=str(data.get("event_date", "")),
        )
        self.claim_ids[data["uid"]] = claim.id
        if local is not None:
            self.conflicts.append(
                f"claim {local.key} was edited on both sides: the package's version is {claim.key}"
            )
            self.conflicted_keys.add(data["key"])
        else:
            self.agreed_claims[data["uid"]] = [*_history(data), _claim_fingerprint(data)]
        self.claim_keys[data["key"]] = claim.key
        self.added["claims"] += 1

    def _merged_claim(self, local: Claim, data: dict[str, Any]) -> bool:
        """Merge a claim held on both sides; return False if it changed on both sides."""
        known_here = self.known["claims"].get(data["uid"], [])
        if _same_claim(local, data) or _claim_fingerprint(data) in known_here:
            self.reused["claims"] += 1  # the same, or changed only here since
            return True
        anchored_alike = all(getattr(local, f) == data[f] for f in ("start", "end", "quote"))
        if _local_claim_fingerprint(local) not in _history(data) or not anchored_alike:
            return False
        self.lib.claims.update(
            local.id,
            # A package made before event dates carries none: what is here stays.
            **{f: data[f] for f in EDITABLE_FIELDS if f in data},
            tags=_tag_names(data.get("tags", [])),
        )
        self.updated["claims"] += 1
        return True

    def note(self, data: dict[str, Any]) -> int:
        bodies = {s["key"]: self._rekey(s["body"]) for s in data["sections"]}
        local = self.lib.notes.by_uid(data["uid"])
        incoming = _note_fingerprint(data, data["sections"], self.pack_uids)
        seen = [*_history(data), incoming]
        if local is not None and self._merged_note(local, data, bodies, incoming):
            self._seen = (local.id, seen)
            return local.id
        note_id = self._add_note(local, data, bodies)
        # Kept as both: the local note has now seen the incoming version too (importing the
        # same package again adds nothing); a new note starts with the sender's history.
        self._seen = (note_id if local is None else local.id, seen)
        return note_id

    def _merged_note(
        self, local: Note, data: dict[str, Any], bodies: dict[str, str], incoming: str
    ) -> bool:
        """Merge into a note held on both sides; return False if it changed on both sides."""
        same_text = _same_note(local, data, bodies)
        # A note citing a claim kept as both was not changed by one side only.
        cites_conflict = not self.conflicted_keys.isdisjoint(_pack_cited_keys(data))
        if (same_text and local.status == data["status"]) or (
            not cites_conflict and incoming in self.known["note"]
        ):
            self.reused["notes"] += 1  # the same, or changed only here since
            return True
        if (
            not cites_conflict
            and _local_note_fingerprint(self.lib, local) in _history(data)
            and _replaceable(local, data)
        ):
            self._fast_forward(local, data, bodies)
            return True
        if same_text:  # as before bases: a different status alone is not a conflict
            self.reused["notes"] += 1
            return True
        return False

    def _fast_forward(self, local: Note, data: dict[str, Any], bodies: dict[str, str]) -> None:
        """Bring a note only the sender changed up to the package's, keeping ours as a version."""
        self.lib.versions.snapshot(local.id, f"Before importing {self.pack_name}")
        for section in local.sections:
            if section.body != bodies[section.key]:
                self.lib.notes.set_section(local.id, section.key, bodies[section.key])
        header = {
            f: data[f]
            for f in NOTE_FIELDS
            if f not in ("uid", "template") and getattr(local, f) != data[f]
        }
        if header:
            self.lib.notes.update(local.id, **header)
        self._set_header_fields(local, data)
        self.updated["notes"] += 1

    def _set_header_fields(self, local: Note, data: dict[str, Any]) -> None:
        """Give the note the package's clearance lines and other template fields (a package
        made before they travelled leaves this note's alone)."""
        if "fields" not in data:
            return
        held = note_settings.header_fields(local)
        wanted = data["fields"]
        changed = {
            k: str(wanted.get(k, "")) for k in {*held, *wanted} if held.get(k) != wanted.get(k)
        }
        if changed:
            note_settings.set_header_fields(self.lib, local.id, changed)

    def remember(self) -> None:
        """Add the versions this exchange showed to the note's history (and its claims' and
        sources'); the matrices' are remember_matrices' part."""
        assert self._seen is not None, "remember() follows note()"
        note_id, seen = self._seen
        history = _remembered(self.lib.notes.get(note_id))
        for fingerprint in seen:
            _add(history["note"], fingerprint)
        for part, agreed in (("claims", self.agreed_claims), ("sources", self.agreed_sources)):
            for uid, fingerprints in agreed.items():
                for fingerprint in fingerprints:
                    _add(history[part].setdefault(uid, []), fingerprint)
        note_settings.set_review_base(self.lib, note_id, history)

    def remember_matrices(self, note_id: int, seen: dict[str, dict[str, list[str]]]) -> None:
        """Add the matrices' values this exchange showed (by part: each cell's ratings, each
        row's weights and switches, each assumption's text, rating and reasons) to the note's
        history."""
        if not any(seen.values()):
            return
        history = _remembered(self.lib.notes.get(note_id))
        for part, names in seen.items():
            for name, values in names.items():
                for value in values:
                    _add(history[part].setdefault(name, []), value)
        note_settings.set_review_base(self.lib, note_id, history)

    def _add_note(self, local: Note | None, data: dict[str, Any], bodies: dict[str, str]) -> int:
        header = {k: data[k] for k in ("memo_to", "memo_from", "subject", "memo_date")}
        title = data["title"]
        if local is not None:
            title = f"{title} (review copy {now_iso()[:10]})"
            self.conflicts.append(
                f"note {local.id} ({local.title!r}) differs from the package's: "
                f"the package's version was added as {title!r}"
            )
        note = self.lib.notes.create(
            title,
            data["template"],
            [(s["key"], s["heading"]) for s in data["sections"]],
            marking=data["marking"],
            bodies=bodies,
            uid=data["uid"] if local is None else None,
            section_uids={s["key"]: s["uid"] for s in data["sections"]} if local is None else None,
            **header,
        )
        if data.get("status") and data["status"] != note.status:
            self.lib.notes.update(note.id, status=data["status"])
        self._set_header_fields(self.lib.notes.get(note.id), data)
        self.added["notes"] += 1
        return note.id

    def version(self, note_id: int, data: dict[str, Any]) -> None:
        if self.lib.versions.by_uid(data["uid"]) is not None:
            self.reused["versions"] += 1
            return
        sections = [{**s, "body": self._rekey(s["body"])} for s in data["sections"]]
        self.lib.versions.record(
            note_id,
            sections,
            data["reason"],
            data["author"],
            data["status"],
            data["title"],
            uid=data["uid"],
            created_at=data["created_at"],
        )
        self.added["versions"] += 1

    def comments(self, note_id: int, items: list[dict[str, Any]]) -> None:
        """Add the package's new comments in one insert; resolve those resolved since."""
        note = self.lib.notes.get(note_id)
        new: list[NewComment] = []
        for data in items:
            local = self.lib.comments.by_uid(data["uid"])
            if local is None and any(c.uid == data["uid"] for c in new):
                self.reused["comments"] += 1  # listed twice: the first one stands
                continue
            if local is not None:
                self.reused["comments"] += 1
                if local.resolved != bool(data["resolved"]) and data["resolved"]:
                    self.lib.comments.resolve(local.id)
                continue
            section = data["section_key"] if note.section(data["section_key"]) else ""
            new.append(
                NewComment(
                    section,
                    data["body"],
                    author=data["author"],
                    anchor_text=data["anchor_text"],
                    start=data["start"],
                    end=data["end"],
                    parent_uid=data.get("parent_uid"),
                    resolved=bool(data["resolved"]),
                    uid=data["uid"],
                    created_at=data["created_at"],
                )
            )
        self.lib.comments.add_many(note_id, new)
        self.added["comments"] += len(new)

    def edits(self, note_id: int, items: list[dict[str, Any]]) -> None:
        """Add the package's new suggested edits; take the decisions made since on the other
        side (the text each accept changed came with the note)."""
        for data in items:
            local = self.lib.edits.by_uid(data["uid"])
            if local is None:
                self.lib.edits.add(
                    note_id,
                    data["section_key"],
                    self._rekey(data["old_text"]),
                    self._rekey(data["new_text"]),
                    **{k: data[k] for k in ("prefix", "suffix", "author", "created_at", "status")},
                    uid=data["uid"],
                )
                self.added["edits"] += 1
                continue
            self.reused["edits"] += 1
            if local.status == "pending" and data["status"] != "pending":
                self.lib.edits.set_status(local.id, data["status"])
            elif "pending" != data["status"] != local.status:
                self.conflicts.append(
                    f"suggested edit {local.id} ({local.old_text!r} → {local.new_text!r}) is "
                    f"{local.status} here, {data['status']} in the package; this library's kept"
                )

    def _rekey(self, body: str) -> str:
        """Rewrite the package's claim keys in citations to this library's keys, in one pass."""
        return _map_citations(body, self.claim_keys)


def _map_citations(body: str, mapping: dict[str, str]) -> str:
    """Replace the claim keys cited in body by what mapping gives (others are left alone)."""

    def group(match: re.Match[str]) -> str:
        return re.sub(r"@(C\d+)\b", lambda k: "@" + mapping.get(k[1], k[1]), match.group(0))

    return CITATION_GROUP.sub(group, body)


def _key_number(data: dict[str, Any]) -> int:
    digits = str(data["key"])[1:]
    return int(digits) if digits.isdigit() else 0


def _pack_cited_keys(data: dict[str, Any]) -> list[str]:
    return cited_keys("\n\n".join(s["body"] for s in data["sections"]))


def _replaceable(local: Note, data: dict[str, Any]) -> bool:
    """Whether a fast-forward can write the package's note over this one."""
    same_shape = [(s.key, s.heading) for s in local.sections] == [
        (s["key"], s["heading"]) for s in data["sections"]
    ]
    # A final note is read-only until someone reopens it here.
    return same_shape and local.template == data["template"] and local.status != "final"


def _remembered(note: Note | None) -> dict[str, Any]:
    """Return a note's exchange history: {"note": [fingerprint...], "claims": {uid: [...]},
    "sources": {uid: [...]}, "ratings": {cell: [rating...]}, "rows": {name: [...]},
    "assumptions": {uid: [...]}}."""
    base = note_settings.review_base(note) if note is not None else {}
    history: dict[str, Any] = {"note": _as_list(base.get("note"))}
    for part in ("claims", "sources", *MATRIX_PARTS):
        held = base.get(part)
        history[part] = {
            k: _as_list(v) for k, v in (held if isinstance(held, dict) else {}).items()
        }
    return history


def _as_list(value: Any) -> list[str]:
    # A history of one: what the first three-way packages stored (a single last base).
    if isinstance(value, str):
        return [value]
    return [v for v in value or [] if isinstance(v, str)]


def _history(data: dict[str, Any]) -> list[str]:
    """Return the sender's history of a package record ("base" in the first such packages)."""
    return _as_list(data.get("history", data.get("base")))


# Enough for years of review rounds; the oldest entries go first.
_HISTORY_LIMIT = 200


def _add(history: list[str], fingerprint: str) -> None:
    if fingerprint not in history:
        history.append(fingerprint)
        del history[:-_HISTORY_LIMIT]


def _fingerprint(data: Any) -> str:
    return hashlib.sha256(canonical_json(data)).hexdigest()


def _note_fingerprint(
    fields: dict[str, Any], sections: list[dict[str, str]], uid_of_key: dict[str, str]
) -> str:
    """Fingerprint a note's content; citations by claim uid, since keys differ by library."""
    content = {
        **{f: fields[f] for f in NOTE_FIELDS if f != "uid"},
        "sections": [
            [s["key"], s["heading"], _map_citations(s["body"], uid_of_key)] for s in sections
        ],
    }
    # Only when set: a note without clearance lines keeps the fingerprint it had before they
    # travelled, so histories remembered by older versions still match.
    if fields.get("fields"):
        content["fields"] = fields["fields"]
    return _fingerprint(content)


def _local_note_fingerprint(lib: Library, note: Note) -> str:
    uids = {k: c.uid for k, c in lib.claims.by_keys(lib.notes.cited_keys(note)).items()}
    fields = {f: getattr(note, f) for f in NOTE_FIELDS}
    fields["fields"] = note_settings.header_fields(note)
    sections = [{"key": s.key, "heading": s.heading, "body": s.body} for s in note.sections]
    return _note_fingerprint(fields, sections, uids)


def _grades_fingerprint(values: dict[str, Any]) -> str:
    """Fingerprint what a reviewer may change of a source (SOURCE_GRADES)."""
    return _fingerprint({f: values[f] for f in SOURCE_GRADES})


def _claim_fingerprint(data: dict[str, Any]) -> str:
    """Fingerprint what a package's claim says and how it is graded and tagged."""
    return _claim_values_fingerprint(data, _tag_names(data.get("tags", [])))


def _local_claim_fingerprint(claim: Claim) -> str:
    return _claim_values_fingerprint(
        {**{f: getattr(claim, f) for f in _CLAIM_COMPARED}, "event_date": claim.event_date},
        claim.tag_refs,
    )


def _claim_values_fingerprint(values: dict[str, Any], tag_refs: list[str]) -> str:
    compared = {**{f: values[f] for f in _CLAIM_COMPARED}, "tags": sorted(tag_refs)}
    # Only when set: an undated claim keeps the fingerprint it had before event dates existed,
    # so histories remembered by older versions still match.
    if values.get("event_date"):
        compared["event_date"] = values["event_date"]
    return _fingerprint(compared)


def _same_claim(local: Claim, data: dict[str, Any]) -> bool:
    same_fields = all(getattr(local, f) == data[f] for f in _CLAIM_COMPARED)
    # A package made before event dates says nothing about them.
    if "event_date" in data and local.event_date != data["event_date"]:
        return False
    return same_fields and sorted(local.tags) == sorted(_tag_names(data.get("tags", []), False))


def _same_note(local: Note, data: dict[str, Any], bodies: dict[str, str]) -> bool:
    if any(getattr(local, f) != data[f] for f in NOTE_FIELDS if f not in ("uid", "status")):
        return False
    if "fields" in data and note_settings.header_fields(local) != data["fields"]:
        return False
    return {s.key: s.body for s in local.sections} == bodies


def _tag_names(tags: list[dict[str, str]], with_kind: bool = True) -> list[str]:
    return [f"{t['kind']}:{t['name']}" if with_kind else t["name"] for t in tags]


def canonical_json(data: Any) -> bytes:
    """Encode data as the sorted, indented UTF-8 JSON that packages hold and fingerprints hash."""
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")
