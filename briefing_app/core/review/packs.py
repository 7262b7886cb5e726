"""Review packages (.briefpack): a note with the claims it cites, their sources, the review
comments and suggested edits, moved between libraries and merged by global ids and text hashes.

A package is a zip holding `manifest.json` (format, version and the SHA-256 of every other
member) and JSON members. Import validates everything before writing anything, then merges in
one transaction: nothing is duplicated, nothing is overwritten silently.

What a package must hold is `pack_contents.py`'s part, how it merges into a library `merge.py`'s.
"""

from __future__ import annotations

import hashlib
import json
import math
import sqlite3
import zipfile
from dataclasses import asdict
from pathlib import Path
from typing import Any

from briefing_app import __version__
from briefing_app.core.changes import now_iso
from briefing_app.core.errors import (
    BriefingError,
    CorruptFile,
    FileTooLarge,
    InvalidInput,
    InvalidPack,
    MissingClaim,
    NotFound,
)
from briefing_app.core.importers.base import MAX_FILE_BYTES
from briefing_app.core.library import Library
from briefing_app.core.models import Claim, Note, ReviewComment, Source
from briefing_app.core.records import note_settings
from briefing_app.core.review.comment_places import comment_span
from briefing_app.core.review.edits import EDITS_MEMBER
from briefing_app.core.review.merge import (
    NOTE_FIELDS,
    PackImportResult,
    add_sent_ratings,
    add_sent_weights,
    canonical_json,
    merge_pack,
    sent_history,
)
from briefing_app.core.review.pack_contents import (
    EXPORT_AGAIN,
    PACK_FORMAT,
    PACK_VERSION,
    check_manifest,
    check_members,
)
from briefing_app.core.review.pack_evidence import QUESTIONS_MEMBER, evidence_members
from briefing_app.core.review.pack_matrices import (
    MATRICES_MEMBER,
    matrix_claims,
    matrix_members,
    matrix_questions,
)
from briefing_app.core.storage.atomic import atomic_path
from briefing_app.core.storage.zip_members import directory_bytes, read_member

# Bounds on what an import reads: a package is a few sources, not gigabytes. A member holds at
# most one source and unpacks to no more than the importers' limit on a file. Reading one peaks
# near three times its size (bytes, text, parsed), on top of the members read before it: the
# bound on all of them keeps a hostile package under the 300 MB that issue 22 allows (a member
# at the limit measured 274 MB at its peak, the interpreter and Briefing included).
MAX_MEMBERS = 10_000
# Room in the zip's list of files for MAX_MEMBERS entries with long names (a few hundred bytes
# each); read before the list is (see zip_members.directory_bytes).
MAX_DIRECTORY_BYTES = MAX_MEMBERS * 512
MAX_MEMBER_BYTES = MAX_FILE_BYTES
MAX_UNPACKED_BYTES = MAX_FILE_BYTES + MAX_FILE_BYTES // 4
_SOURCE_FIELDS = (
    "uid", "title", "byline", "outlet", "published", "url", "language", "format",
    "retrieved_at", "sha256", "text", "reliability", "marking", "analyst_note", "doi", "ref_id",
    "accessed", "language_guessed",
)  # fmt: skip
_CLAIM_FIELDS = (
    "uid", "key", "start", "end", "quote", "prefix", "suffix", "statement", "party", "kind",
    "credibility", "status", "revision", "event_date",
)  # fmt: skip


def _comment_place(comment: ReviewComment, note: Note) -> dict[str, int | None]:
    """Return where a comment sits in its section as the package says it: start and end.

    A comment whose words were deleted (or whose offsets, kept from before places followed
    edits, reach past its section: a receiving library would refuse the whole package) goes
    where its words are now, or on the section as a whole, its words kept with it.
    """
    section = note.section(comment.section_key)
    if section is None or comment.start is None or comment.end is None:
        return {"start": comment.start, "end": comment.end}
    span = comment_span(comment, section.body)
    return {"start": span[0], "end": span[1]} if span else {"start": None, "end": None}


def export_pack(lib: Library, note_id: int, path: Path | str) -> Path:
    """Write note_id with its cited claims (and those its matrices rate), their sources and
    review comments to path.

    >>> # lib = Library.open("l.sqlite"); export_pack(lib, 1, "note.briefpack")
    """
    path = Path(path)
    note = lib.notes.get(note_id)
    keys = lib.notes.cited_keys(note)
    claims = lib.claims.by_keys(keys)
    missing = [k for k in keys if k not in claims]
    if missing:
        raise MissingClaim(f"note {note_id} cites {', '.join(missing)}, which do not exist")
    # The matrices travel whole, so the claims their rows stand for travel with the cited ones.
    whole = matrix_questions(lib, note, claims.values())
    claims.update((c.key, c) for c in matrix_claims(lib, whole, claims.values()))
    sources = {c.source_id: lib.sources.get(c.source_id) for c in claims.values()}
    comments = lib.comments.all(note_id)
    uid_of_comment = {c.id: c.uid for c in comments}
    # What is sent joins the note's history (and each claim's) here and in the package.
    history = sent_history(lib, note, claims.values(), sources.values())
    members: dict[str, Any] = {
        "note.json": {
            **{f: getattr(note, f) for f in NOTE_FIELDS},
            "sections": [s.to_json() for s in note.sections],
            "fields": note_settings.header_fields(note),
            "history": history["note"],
        },
        "claims.json": [
            {**_claim_json(lib, c, sources[c.source_id]), "history": history["claims"][c.uid]}
            for c in claims.values()
        ],
        "versions.json": [
            {k: v for k, v in version.to_json().items() if k not in ("id", "note_id", "number")}
            for version in lib.versions.all(note_id)
        ],
        "comments.json": [
            {
                **{k: v for k, v in c.to_json().items() if k not in ("id", "note_id", "parent_id")},
                **_comment_place(c, note),
                "parent_uid": uid_of_comment.get(c.parent_id) if c.parent_id else None,
            }
            for c in comments
        ],
        # A supervisor's suggested edits, and the analyst's decisions on them going back.
        EDITS_MEMBER: [
            {k: v for k, v in e.to_json().items() if k not in ("id", "note_id", "kind")}
            for e in lib.edits.all(note_id)
        ],
    }
    for source in sources.values():
        members[f"sources/{source.uid}.json"] = {
            **_source_json(lib, source),
            "history": history["sources"][source.uid],
        }
    members.update(evidence_members(lib, claims.values()))
    members.update(matrix_members(lib, note, claims.values(), members[QUESTIONS_MEMBER], whole))
    add_sent_ratings(history, members[MATRICES_MEMBER])
    add_sent_weights(history, members[MATRICES_MEMBER])
    encoded = {name: canonical_json(data) for name, data in members.items()}
    manifest = {
        "format": PACK_FORMAT,
        "format_version": PACK_VERSION,
        "app_version": __version__,
        "created_at": now_iso(),
        "note_uid": note.uid,
        "note_title": note.title,
        "files": {name: hashlib.sha256(data).hexdigest() for name, data in encoded.items()},
    }
    # The package and the record of what it exchanged stand or fall together: the record is
    # written first, and the package is moved into place only before the record commits.
    placed = False
    try:
        with lib.write():
            note_settings.set_review_base(lib, note_id, history)
            with atomic_path(path) as tmp, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zf:
                zf.writestr("manifest.json", canonical_json(manifest))
                for name, data in encoded.items():
                    zf.writestr(name, data)
            placed = True
    except BaseException:
        if placed:  # the commit failed after the package was in place
            path.unlink(missing_ok=True)
        raise
    return path


def read_pack(path: Path | str) -> dict[str, Any]:
    """Read and validate a package; return its members as parsed JSON, or raise InvalidPack."""
    path = Path(path)
    try:
        directory = directory_bytes(path)
        if directory is not None and directory > MAX_DIRECTORY_BYTES:
            raise InvalidPack(f"{path.name}: lists more files than a review package holds")
        with zipfile.ZipFile(path) as zf:
            members = _read_members(path.name, zf)
    except zipfile.BadZipFile as exc:
        raise InvalidPack(f"{path.name}: damaged or truncated package ({exc})") from exc
    except (OSError, EOFError, zipfile.LargeZipFile) as exc:
        raise InvalidPack(f"{path.name}: cannot read the package ({exc})") from exc
    check_members(path.name, members)
    return members


def import_pack(lib: Library, path: Path | str) -> PackImportResult:
    """Merge a package into lib in one transaction; a bad package changes nothing."""
    name = Path(path).name
    members = read_pack(path)
    try:
        return merge_pack(lib, members, name)
    except (InvalidInput, NotFound) as exc:
        # A value the package's checks let through and a record's own check refused.
        raise InvalidPack(f"{name}: {exc}; {EXPORT_AGAIN}") from exc
    except sqlite3.IntegrityError as exc:
        # Ids the package gives its records (a section's, say) that this library already
        # gives to others: the merge is undone like any failed write.
        raise InvalidPack(
            f"{name}: its records clash with this library's ({exc}); {EXPORT_AGAIN}"
        ) from exc


def _read_members(pack: str, zf: zipfile.ZipFile) -> dict[str, Any]:
    """Read the manifest, then every member it lists, checking each against its hash."""
    infos = zf.infolist()
    if len(infos) > MAX_MEMBERS:
        raise InvalidPack(f"{pack}: package has {len(infos)} files, too many for a Briefing one")
    names = {i.filename for i in infos}
    if "manifest.json" not in names:
        raise InvalidPack(f"{pack}: not a Briefing package (no manifest)")
    manifest_text = _decode(pack, "manifest.json", _read(pack, zf, "manifest.json"))
    manifest = check_manifest(pack, _load(pack, "manifest.json", manifest_text))
    files: dict[str, str] = manifest["files"]
    extra = names - set(files) - {"manifest.json"}
    if extra:
        raise InvalidPack(f"{pack}: tampered package (unlisted file {sorted(extra)[0]})")
    missing = sorted(set(files) - names)
    if missing:
        raise InvalidPack(f"{pack}: truncated package ({missing[0]} is missing)")
    members: dict[str, Any] = {"manifest.json": manifest}
    room = MAX_UNPACKED_BYTES
    for name, digest in files.items():
        members[name], size = _member(pack, zf, name, digest, room)
        room -= size
    return members


def _member(pack: str, zf: zipfile.ZipFile, name: str, digest: str, room: int) -> tuple[Any, int]:
    """Read, verify and parse one listed member; return it and its size in bytes.

    Only this frame holds the member's bytes, and it drops them once they are decoded: a
    member is in memory as bytes, text and parsed JSON no more than three times at once.
    """
    data = _read(pack, zf, name)
    size = len(data)
    if size > room:
        raise InvalidPack(
            f"{pack}: package unpacks to over {MAX_UNPACKED_BYTES // 2**20} MB, more than a "
            "review package holds"
        )
    if hashlib.sha256(data).hexdigest() != digest:
        raise InvalidPack(f"{pack}: tampered package ({name} does not match)")
    text = _decode(pack, name, data)
    del data
    return _load(pack, name, text), size


def _read(pack: str, zf: zipfile.ZipFile, name: str) -> bytes:
    """Read one member, each no larger than a source at the import limit can make it."""
    try:
        return read_member(zf, name, MAX_MEMBER_BYTES)
    except FileTooLarge as exc:
        raise InvalidPack(f"{pack}: {exc}") from exc
    except CorruptFile as exc:
        raise InvalidPack(f"{pack}: {exc}; {EXPORT_AGAIN}") from exc


def _claim_json(lib: Library, claim: Claim, source: Source) -> dict[str, Any]:
    # Tags travel with their kinds: a name alone is ambiguous across kinds.
    tags = [{"name": t.name, "kind": t.kind} for t in lib.tags.on_claim(claim.id)]
    return {**{f: getattr(claim, f) for f in _CLAIM_FIELDS}, "source_uid": source.uid, "tags": tags}


def _source_json(lib: Library, source: Source) -> dict[str, Any]:
    tags = [{"name": t.name, "kind": t.kind} for t in lib.tags.on_source(source.id)]
    # Passages highlighted in Zotero travel too: the reviewer sees the same suggestions.
    highlights = [asdict(h) for h in lib.suggestions.highlights(source.id)]
    return {
        **{f: getattr(source, f) for f in _SOURCE_FIELDS},
        "tags": tags,
        "highlights": highlights,
    }


def _decode(pack: str, name: str, data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InvalidPack(f"{pack}: {name} is not UTF-8 text; {EXPORT_AGAIN}") from exc


def _load(pack: str, name: str, text: str) -> Any:
    """Parse a member's JSON; refuse NaN and infinities, which no Briefing package holds."""
    try:
        return json.loads(text, parse_constant=_no_constant, parse_float=_finite)
    except RecursionError as exc:
        raise InvalidPack(f"{pack}: {name} is nested too deeply; {EXPORT_AGAIN}") from exc
    except ValueError as exc:  # JSONDecodeError too
        reason = str(exc).split(":")[0]
        if "integer string conversion" in reason:
            reason = "a number thousands of digits long"
        raise InvalidPack(f"{pack}: {name} is not valid JSON ({reason}); {EXPORT_AGAIN}") from exc


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number")


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"{text[:20]} is too large a number")
    return value


__all__ = ["BriefingError", "InvalidPack", "PackImportResult", "export_pack", "import_pack"]
