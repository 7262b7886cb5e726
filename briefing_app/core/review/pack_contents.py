"""What a review package's members must hold: each record's shape, and values as strict as an
import's or an edit's.

`packs.read_pack` checks every member here before anything merges, so a forged or damaged
package is refused with one line naming the package, the record and the field (InvalidPack),
and never half-read by the merge. The checks on values are the records' own, not copies: a
source's text, address and date as `SourceManager.add` checks them, a claim's key, kind,
credibility and status as `ClaimManager` does, a comment's place as `CommentManager.add` does.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from briefing_app.core.errors import BriefingError, InvalidPack, quoted
from briefing_app.core.importers.base import ExtractedDocument
from briefing_app.core.records.claims import check_claim_values, check_key
from briefing_app.core.records.note_settings import check_header_fields
from briefing_app.core.records.sources import check_source
from briefing_app.core.review.comments import check_comment_span
from briefing_app.core.review.edits import EDITS_MEMBER, check_edit_change, check_edit_status
from briefing_app.core.review.merge import NOTE_FIELDS
from briefing_app.core.review.pack_evidence import check_evidence
from briefing_app.core.review.pack_matrices import check_matrices
from briefing_app.core.text.anchors import normalise_text, sha256_text
from briefing_app.core.text.dates import check_day, check_partial_date
from briefing_app.core.text.event_dates import check_event_date

PACK_FORMAT = "briefing-pack"
PACK_VERSION = 1
# What to do about a package that is not as Briefing writes them.
EXPORT_AGAIN = "ask the sender to export it again"

# A record's fields and the JSON types each may take; a field left out of a record is refused
# unless it is among the record's optional ones (older packages lack them).
Shape = Mapping[str, tuple[type, ...]]
_TEXT: tuple[type, ...] = (str,)
_WHOLE: tuple[type, ...] = (int,)
_TEXT_OR_NULL: tuple[type, ...] = (str, type(None))
_WHOLE_OR_NULL: tuple[type, ...] = (int, type(None))
_LIST: tuple[type, ...] = (list,)
_HISTORY: tuple[type, ...] = (list, str)  # a list of fingerprints; one in the first packages

MANIFEST: Shape = {"format": _TEXT, "format_version": _WHOLE, "files": (dict,)}
NOTE: Shape = {**dict.fromkeys(NOTE_FIELDS, _TEXT), "sections": _LIST}
NOTE_OPTIONAL: Shape = {"history": _HISTORY, "base": _HISTORY, "fields": (dict,)}
SECTION: Shape = dict.fromkeys(("key", "heading", "body", "uid"), _TEXT)
VERSION_SECTION: Shape = dict.fromkeys(("key", "heading", "body"), _TEXT)
_SOURCE_TEXTS = (
    "uid", "title", "byline", "outlet", "url", "language", "format", "sha256", "text",
    "reliability", "marking",
)  # fmt: skip
SOURCE: Shape = {**dict.fromkeys(_SOURCE_TEXTS, _TEXT), "published": _TEXT_OR_NULL}
SOURCE_OPTIONAL: Shape = {
    **dict.fromkeys(("analyst_note", "retrieved_at", "doi", "ref_id", "accessed"), _TEXT),
    "tags": _LIST,
    "highlights": _LIST,
    "history": _LIST,
    # Whether the sender's language was guessed at import; older packages lack it (not guessed).
    "language_guessed": (bool,),
}
# A passage highlighted in a reference manager, kept as a suggested claim of its source.
HIGHLIGHT: Shape = dict.fromkeys(("quote", "page", "comment"), _TEXT)
CLAIM: Shape = {
    **dict.fromkeys(
        ("uid", "key", "source_uid", "quote", "statement", "party", "kind", "status"), _TEXT
    ),
    "start": _WHOLE,
    "end": _WHOLE,
    "credibility": (int, str),  # a grade code, "1" to "6"
}
CLAIM_OPTIONAL: Shape = {
    "prefix": _TEXT,
    "suffix": _TEXT,
    "revision": _WHOLE,
    "tags": _LIST,
    "history": _HISTORY,
    "base": _HISTORY,
    "event_date": _TEXT,
}
TAG: Shape = {"name": _TEXT, "kind": _TEXT}
VERSION: Shape = {
    **dict.fromkeys(("uid", "reason", "author", "status", "title", "created_at"), _TEXT),
    "sections": _LIST,
}
COMMENT: Shape = {
    **dict.fromkeys(("uid", "section_key", "body", "author", "anchor_text", "created_at"), _TEXT),
    "start": _WHOLE_OR_NULL,
    "end": _WHOLE_OR_NULL,
    "resolved": (bool,),
}
COMMENT_OPTIONAL: Shape = {"parent_uid": _TEXT_OR_NULL}
EDIT: Shape = dict.fromkeys(
    ("uid", "section_key", "old_text", "new_text", "prefix", "suffix", "author", "created_at",
     "status"),
    _TEXT,
)  # fmt: skip

_TYPE_NAMES = {
    str: "text",
    int: "a whole number",
    float: "a fraction",
    bool: "true or false",
    list: "a list",
    dict: "an object",
    type(None): "null",
}


def check_manifest(pack: str, manifest: Any) -> dict[str, Any]:
    """Return the manifest of a Briefing package this version reads; raise InvalidPack."""
    if not isinstance(manifest, dict):
        raise InvalidPack(
            f"{pack}: manifest.json is {_type_name(manifest)}, not an object: not a Briefing "
            "review package"
        )
    if manifest.get("format") != PACK_FORMAT:
        raise InvalidPack(f"{pack}: not a Briefing review package (its manifest is not one)")
    version = manifest.get("format_version")
    if type(version) is not int:
        raise InvalidPack(
            f"{pack}: manifest.json: format version {_shown(version)} is not a whole number; "
            f"{EXPORT_AGAIN}"
        )
    if version > PACK_VERSION:
        raise InvalidPack(
            f"{pack}: made by a newer Briefing (package format {_shown(version)}, this one reads "
            f"{PACK_VERSION}): update Briefing to open it"
        )
    record(pack, "manifest.json", manifest, MANIFEST)
    if version < 1:
        raise InvalidPack(f"{pack}: manifest.json: format version {version} does not exist")
    for name, digest in manifest["files"].items():
        if not isinstance(digest, str):
            raise InvalidPack(
                f"{pack}: manifest.json: the hash of {_shown(name)} is not text; {EXPORT_AGAIN}"
            )
    return manifest


def check_members(pack: str, members: dict[str, Any]) -> None:
    """Check every member's records and that they fit together; raise InvalidPack."""
    for name in ("note.json", "claims.json", "comments.json"):
        if name not in members:
            raise InvalidPack(f"{pack}: incomplete package ({name} is missing); {EXPORT_AGAIN}")
    note = record(pack, "the note", members["note.json"], NOTE, NOTE_OPTIONAL)
    bodies = _sections(pack, "the note", note["sections"], SECTION)
    check_day_of(pack, "the note", "memo_date", note["memo_date"])
    _header_fields(pack, note.get("fields", {}))
    sources = {}
    for name, data in members.items():
        if name.startswith("sources/"):
            source = _source(pack, name, data)
            sources[source["uid"]] = source
    for index, data in enumerate(_list(pack, "claims.json", members["claims.json"])):
        _claim(pack, index, data, sources)
    for index, data in enumerate(_list(pack, "versions.json", members.get("versions.json", []))):
        where = f"version #{index + 1}"
        version = record(pack, where, data, VERSION)
        _sections(pack, where, version["sections"], VERSION_SECTION)
    for index, data in enumerate(_list(pack, "comments.json", members["comments.json"])):
        _comment(pack, index, data, bodies)
    for index, data in enumerate(_list(pack, EDITS_MEMBER, members.get(EDITS_MEMBER, []))):
        _edit(pack, index, data)
    check_evidence(pack, members)
    check_matrices(pack, members)


def record(
    pack: str, where: str, data: Any, shape: Shape, optional: Shape | None = None
) -> dict[str, Any]:
    """Return data if it is an object with shape's fields (and optional's, if there) typed so."""
    if not isinstance(data, dict):
        raise InvalidPack(f"{pack}: {where} is {_type_name(data)}, not an object; {EXPORT_AGAIN}")
    for fields, required in ((shape, True), (optional or {}, False)):
        for field, types in fields.items():
            if field not in data:
                if required:
                    raise InvalidPack(f"{pack}: {where} has no {field!r}; {EXPORT_AGAIN}")
                continue
            # Exactly these types: JSON's true is not the number 1 here.
            if type(data[field]) not in types:
                allowed = " or ".join(_TYPE_NAMES[t] for t in types)
                raise InvalidPack(
                    f"{pack}: {where}: {field!r} is {_type_name(data[field])}, not {allowed}; "
                    f"{EXPORT_AGAIN}"
                )
    return data


def check_day_of(pack: str, where: str, field: str, value: str | None) -> None:
    """Refuse a date field that is not a real day, as an edit of it would be refused."""
    _as_pack_error(pack, where, lambda: check_day(value, field.replace("_", " ")))


def _source(pack: str, name: str, data: Any) -> dict[str, Any]:
    source = record(pack, name, data, SOURCE, SOURCE_OPTIONAL)
    where = f"source {_shown(source['uid'])}"
    _tags(pack, where, source.get("tags", []))
    for index, item in enumerate(_list(pack, f"{where}: highlights", source.get("highlights", []))):
        record(pack, f"{where}: highlight #{index + 1}", item, HIGHLIGHT)
    if source.get("accessed"):
        accessed = source["accessed"]
        _as_pack_error(pack, where, lambda: check_partial_date(accessed, "accessed date"))
    text = source["text"]
    doc = ExtractedDocument(**{f: source[f] for f in SOURCE if f not in ("uid", "sha256")})
    _as_pack_error(pack, where, lambda: check_source(doc))
    # Claim offsets index the text as import stores it; another form would move every one.
    if normalise_text(text) != text:
        raise InvalidPack(
            f"{pack}: {where}: its text is not in the form Briefing stores (line ends, Unicode "
            f"normal form); {EXPORT_AGAIN}"
        )
    if sha256_text(text) != source["sha256"]:
        raise InvalidPack(f"{pack}: {where}: its text does not match its hash; {EXPORT_AGAIN}")
    return source


def _claim(pack: str, index: int, data: Any, sources: dict[str, dict[str, Any]]) -> None:
    claim = record(pack, f"claim #{index + 1}", data, CLAIM, CLAIM_OPTIONAL)
    where = f"claim #{index + 1}"
    _as_pack_error(pack, where, lambda: check_key(claim["key"]))
    where = f"claim {claim['key']}"
    _as_pack_error(
        pack,
        where,
        lambda: check_claim_values(claim["kind"], claim["credibility"], claim["status"]),
    )
    _as_pack_error(pack, where, lambda: check_event_date(claim.get("event_date", "")))
    _tags(pack, where, claim.get("tags", []))
    source = sources.get(claim["source_uid"])
    if source is None:
        raise InvalidPack(f"{pack}: {where} has no source in the package; {EXPORT_AGAIN}")
    start, end, text = claim["start"], claim["end"], source["text"]
    if not 0 <= start < end <= len(text) or text[start:end] != claim["quote"]:
        raise InvalidPack(f"{pack}: {where} does not match its source text; {EXPORT_AGAIN}")


def _comment(pack: str, index: int, data: Any, bodies: dict[str, str]) -> None:
    where = f"comment #{index + 1}"
    comment = record(pack, where, data, COMMENT, COMMENT_OPTIONAL)
    body = bodies.get(comment["section_key"])
    if body is not None:
        _as_pack_error(
            pack, where, lambda: check_comment_span(body, comment["start"], comment["end"])
        )


def _header_fields(pack: str, fields: dict[str, Any]) -> None:
    """Refuse template fields an edit would refuse: text only, no reserved name, real dates."""
    for name, value in fields.items():
        if not isinstance(value, str):
            raise InvalidPack(
                f"{pack}: the note: field {_shown(name)} is {_type_name(value)}, not text; "
                f"{EXPORT_AGAIN}"
            )
    _as_pack_error(pack, "the note", lambda: check_header_fields(fields))


def _edit(pack: str, index: int, data: Any) -> None:
    where = f"suggested edit #{index + 1}"
    edit = record(pack, where, data, EDIT)
    _as_pack_error(pack, where, lambda: check_edit_status(edit["status"]))
    _as_pack_error(pack, where, lambda: check_edit_change(edit["old_text"], edit["new_text"]))


def _sections(pack: str, where: str, sections: list[Any], shape: Shape) -> dict[str, str]:
    """Check a note's (or version's) sections; return their bodies by key."""
    bodies: dict[str, str] = {}
    for index, data in enumerate(sections):
        section = record(pack, f"{where}, section #{index + 1}", data, shape)
        if section["key"] in bodies:
            raise InvalidPack(
                f"{pack}: {where} has two sections {_shown(section['key'])}; {EXPORT_AGAIN}"
            )
        bodies[section["key"]] = section["body"]
    return bodies


def _tags(pack: str, where: str, tags: list[Any]) -> None:
    for index, data in enumerate(tags):
        record(pack, f"{where}, tag #{index + 1}", data, TAG)


def _list(pack: str, name: str, data: Any) -> list[Any]:
    if not isinstance(data, list):
        raise InvalidPack(f"{pack}: {name} is {_type_name(data)}, not a list; {EXPORT_AGAIN}")
    return data


def _as_pack_error(pack: str, where: str, check: Callable[[], object]) -> None:
    """Run a record's own check; report its refusal as the package's, naming the record."""
    try:
        check()
    except BriefingError as exc:
        raise InvalidPack(f"{pack}: {where}: {exc}; {EXPORT_AGAIN}") from exc


def _type_name(value: Any) -> str:
    return _TYPE_NAMES.get(type(value), type(value).__name__)


def _shown(value: Any) -> str:
    """Return value as a message names it: a plain id or number as it is, else quoted."""
    if isinstance(value, int) or (isinstance(value, str) and value.isalnum()):
        return str(value) if len(str(value)) <= 40 else f"{str(value)[:40]}..."
    return quoted(value)
