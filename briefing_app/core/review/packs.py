"""Review packages (.briefpack): a note with the claims it cites, their sources and the review
comments, moved between libraries and merged by global ids and text hashes.

A package is a zip holding `manifest.json` (format, version and the SHA-256 of every other
member) and JSON members. Import validates everything before writing anything, then merges in
one transaction: nothing is duplicated, nothing is overwritten silently.

How a package merges into a library is `merge.py`'s part.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path
from typing import Any

from briefing_app import __version__
from briefing_app.core.changes import now_iso
from briefing_app.core.errors import BriefingError, CorruptFile, MissingClaim
from briefing_app.core.library import Library
from briefing_app.core.models import Claim, Source
from briefing_app.core.records import note_settings
from briefing_app.core.review.merge import (
    NOTE_FIELDS,
    PackImportResult,
    canonical_json,
    merge_pack,
    sent_history,
)
from briefing_app.core.storage.atomic import atomic_path
from briefing_app.core.text.anchors import sha256_text

PACK_FORMAT = "briefing-pack"
PACK_VERSION = 1
# Bounds on what an import will read: a package is a few sources, not gigabytes.
MAX_MEMBERS = 10_000
MAX_UNPACKED_BYTES = 512 * 1024 * 1024
_SOURCE_FIELDS = (
    "uid", "title", "byline", "outlet", "published", "url", "language", "format",
    "retrieved_at", "sha256", "text", "reliability", "marking", "analyst_note",
)  # fmt: skip
_CLAIM_FIELDS = (
    "uid", "key", "start", "end", "quote", "prefix", "suffix", "statement", "party", "kind",
    "credibility", "status", "revision",
)  # fmt: skip


class InvalidPack(CorruptFile):
    """A package is damaged, tampered with, or not a Briefing package."""


def export_pack(lib: Library, note_id: int, path: Path | str) -> Path:
    """Write note_id with its cited claims, their sources and review comments to path.

    >>> # lib = Library.open("l.sqlite"); export_pack(lib, 1, "note.briefpack")
    """
    path = Path(path)
    note = lib.notes.get(note_id)
    keys = lib.notes.cited_keys(note)
    claims = lib.claims.by_keys(keys)
    missing = [k for k in keys if k not in claims]
    if missing:
        raise MissingClaim(f"note {note_id} cites {', '.join(missing)}, which do not exist")
    sources = {c.source_id: lib.sources.get(c.source_id) for c in claims.values()}
    comments = lib.comments.all(note_id)
    uid_of_comment = {c.id: c.uid for c in comments}
    # What is sent joins the note's history (and each claim's) here and in the package.
    history = sent_history(lib, note, claims.values())
    members: dict[str, Any] = {
        "note.json": {
            **{f: getattr(note, f) for f in NOTE_FIELDS},
            "sections": [s.to_json() for s in note.sections],
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
                "parent_uid": uid_of_comment.get(c.parent_id) if c.parent_id else None,
            }
            for c in comments
        ],
    }
    for source in sources.values():
        members[f"sources/{source.uid}.json"] = _source_json(lib, source)
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
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            if len(infos) > MAX_MEMBERS or sum(i.file_size for i in infos) > MAX_UNPACKED_BYTES:
                raise InvalidPack(f"{path.name}: package is too large to be a Briefing package")
            names = {i.filename for i in infos}
            if "manifest.json" not in names:
                raise InvalidPack(f"{path.name}: not a Briefing package (no manifest)")
            manifest = _load(zf.read("manifest.json"), "manifest.json")
            if manifest.get("format") != PACK_FORMAT:
                raise InvalidPack(f"{path.name}: not a Briefing package")
            if int(manifest.get("format_version", 0)) > PACK_VERSION:
                raise InvalidPack(f"{path.name}: made by a newer Briefing (package format too new)")
            files: dict[str, str] = manifest.get("files", {})
            extra = names - set(files) - {"manifest.json"}
            if extra:
                raise InvalidPack(
                    f"{path.name}: tampered package (unlisted file {sorted(extra)[0]})"
                )
            members: dict[str, Any] = {"manifest.json": manifest}
            for name, digest in files.items():
                if name not in names:
                    raise InvalidPack(f"{path.name}: truncated package ({name} is missing)")
                data = zf.read(name)
                if hashlib.sha256(data).hexdigest() != digest:
                    raise InvalidPack(f"{path.name}: tampered package ({name} does not match)")
                members[name] = _load(data, name)
    except zipfile.BadZipFile as exc:
        raise InvalidPack(f"{path.name}: damaged or truncated package ({exc})") from exc
    except (OSError, EOFError, zipfile.LargeZipFile) as exc:
        raise InvalidPack(f"{path.name}: cannot read the package ({exc})") from exc
    _check_contents(path.name, members)
    return members


def import_pack(lib: Library, path: Path | str) -> PackImportResult:
    """Merge a package into lib in one transaction; a bad package changes nothing."""
    return merge_pack(lib, read_pack(path), Path(path).name)


def _claim_json(lib: Library, claim: Claim, source: Source) -> dict[str, Any]:
    # Tags travel with their kinds: a name alone is ambiguous across kinds.
    tags = [{"name": t.name, "kind": t.kind} for t in lib.tags.on_claim(claim.id)]
    return {**{f: getattr(claim, f) for f in _CLAIM_FIELDS}, "source_uid": source.uid, "tags": tags}


def _source_json(lib: Library, source: Source) -> dict[str, Any]:
    tags = [{"name": t.name, "kind": t.kind} for t in lib.tags.on_source(source.id)]
    return {**{f: getattr(source, f) for f in _SOURCE_FIELDS}, "tags": tags}


def _load(data: bytes, name: str) -> Any:
    try:
        return json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InvalidPack(f"{name} in the package is not valid JSON") from exc


def _check_contents(name: str, members: dict[str, Any]) -> None:
    """Check that the members fit together: every claim's source is there, quotes match texts."""
    try:
        note = members["note.json"]
        claims = members["claims.json"]
        comments = members["comments.json"]
        sources = {v["uid"]: v for k, v in members.items() if k.startswith("sources/")}
        for key in ("uid", "title", "template", "sections"):
            if key not in note:
                raise InvalidPack(f"{name}: the note has no {key}")
        for source in sources.values():
            if sha256_text(source["text"]) != source["sha256"]:
                raise InvalidPack(f"{name}: source {source['uid']} text does not match its hash")
        for claim in claims:
            source = sources.get(claim["source_uid"])
            if source is None:
                raise InvalidPack(f"{name}: claim {claim['key']} has no source in the package")
            if source["text"][claim["start"] : claim["end"]] != claim["quote"]:
                raise InvalidPack(f"{name}: claim {claim['key']} does not match its source text")
        if not isinstance(comments, list):
            raise InvalidPack(f"{name}: comments are not a list")
    except KeyError as exc:
        raise InvalidPack(f"{name}: incomplete package (missing {exc})") from exc
    except (TypeError, AttributeError) as exc:
        raise InvalidPack(f"{name}: malformed package ({exc})") from exc


__all__ = ["BriefingError", "InvalidPack", "PackImportResult", "export_pack", "import_pack"]
