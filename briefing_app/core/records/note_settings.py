"""Typed access to a note's settings: the claim revisions it rests on, its check settings,
dismissed findings, template header fields and review-package history.

The settings are one JSON object per note; only this module knows its keys. Each setter
returns the NoteEdit it made, so its undo is one call: `lib.notes.revert(edit)`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from briefing_app.core.errors import InvalidInput
from briefing_app.core.text.dates import check_day
from briefing_app.core.text.spelling import (
    DEFAULT_LANGUAGE,
    LANGUAGES,
    check_language,
    check_word,
)

if TYPE_CHECKING:
    from briefing_app.core.library import Library
    from briefing_app.core.models import Note
    from briefing_app.core.records.notes import NoteEdit
    from briefing_app.core.templates import NoteTemplate

CITED_REVISIONS = "cited_revisions"
# The reliability of each cited claim's source when cited (or re-read): a regrade is flagged.
CITED_GRADES = "cited_grades"
CHECKS = "checks"
DISMISSED = "dismissed"
REVIEW_BASE = "pack_base"
SPELLING_LANGUAGE = "spelling_language"
# Words the spell check leaves alone in this note ("Ignore"), case-folded.
SPELLING_IGNORED = "spelling_ignored"
# The hypothesis of a key question the note's key judgment favours (uids) and its confidence.
JUDGMENT = "judgment"
# A copy of a note rests on the claims as they are now and has never been exchanged.
NOT_COPIED = frozenset({CITED_REVISIONS, CITED_GRADES, REVIEW_BASE})
# Keys the template's header fields ("settings.NAME") may not use: they hold the above.
RESERVED = frozenset(
    {
        CITED_REVISIONS,
        CITED_GRADES,
        CHECKS,
        DISMISSED,
        REVIEW_BASE,
        SPELLING_LANGUAGE,
        SPELLING_IGNORED,
        JUDGMENT,
    }
)


@dataclass(frozen=True)
class CheckSettings:
    """Rules a note switches off, and rules it switches on against its template."""

    disabled: tuple[str, ...] = ()
    enabled: tuple[str, ...] = ()


@dataclass(frozen=True)
class Dismissal:
    """A finding dismissed on a note: its fingerprint, the reason and when."""

    fingerprint: str
    reason: str
    at: str
    rule: str = ""
    message: str = ""

    def to_json(self) -> dict[str, str]:
        """Return the stored form (rule and message only when known)."""
        data = {"fingerprint": self.fingerprint, "reason": self.reason, "at": self.at}
        if self.rule or self.message:
            data |= {"rule": self.rule, "message": self.message}
        return data


def cited_revisions(note: Note) -> dict[str, int]:
    """Return the revision of each cited claim the note was written (or re-read) against."""
    return dict(note.settings.get(CITED_REVISIONS) or {})


def cited_grades(note: Note) -> dict[str, str]:
    """Return the reliability of each cited claim's source when the note cited (or re-read) it;
    claims cited before this was kept are missing."""
    return dict(note.settings.get(CITED_GRADES) or {})


def set_cited_revisions(
    lib: Library,
    note_id: int,
    revisions: Mapping[str, int],
    grades: Mapping[str, str] | None = None,
) -> NoteEdit:
    """Store the revisions (and sources' grades) a note rests on; return the edit (its undo:
    `lib.notes.revert`)."""
    values: dict[str, Any] = {f"settings.{CITED_REVISIONS}": dict(revisions)}
    if grades is not None:
        values[f"settings.{CITED_GRADES}"] = dict(grades)
    return lib.notes.edit(note_id, values)


def check_settings(note: Note) -> CheckSettings:
    """Return the rules the note switches off and on."""
    data = note.settings.get(CHECKS) or {}
    return CheckSettings(tuple(data.get("disabled", ())), tuple(data.get("enabled", ())))


def set_check_settings(lib: Library, note_id: int, value: CheckSettings) -> NoteEdit:
    """Store which rules the note switches off and on; return the edit."""
    data = {"disabled": sorted(value.disabled), "enabled": sorted(value.enabled)}
    return lib.notes.edit(note_id, {f"settings.{CHECKS}": data})


def dismissals(note: Note) -> tuple[Dismissal, ...]:
    """Return the findings dismissed on the note, oldest first."""
    return tuple(
        Dismissal(
            d["fingerprint"],
            d.get("reason", ""),
            d.get("at", ""),
            d.get("rule", ""),
            d.get("message", ""),
        )
        for d in note.settings.get(DISMISSED) or ()
    )


def set_dismissals(lib: Library, note_id: int, value: tuple[Dismissal, ...]) -> NoteEdit:
    """Store the findings dismissed on the note; return the edit."""
    return lib.notes.edit(note_id, {f"settings.{DISMISSED}": [d.to_json() for d in value]})


# A clearance line keeps its name under its key and its date under key + DATE_SUFFIX.
DATE_SUFFIX = "_date"


def header_field(note: Note, name: str) -> str:
    """Return a template header field kept in the settings ("settings.NAME"), or ""."""
    return str(note.settings.get(name, "")) if name not in RESERVED else ""


def header_fields(note: Note) -> dict[str, str]:
    """Return every template header field the note holds (clearance lines, a report number)."""
    return {
        k: v for k, v in note.settings.items() if k not in RESERVED and isinstance(v, str) and v
    }


def set_header_fields(lib: Library, note_id: int, values: Mapping[str, str]) -> NoteEdit:
    """Store template header fields (a blank value removes one); return the edit."""
    check_header_fields(values)
    stored = {f"settings.{k}": (v.strip() or None) for k, v in values.items()}
    return lib.notes.edit(note_id, stored)


def check_header_fields(values: Mapping[str, str]) -> None:
    """Refuse a header field named as another setting, or a clearance date that is no day."""
    reserved = sorted(set(values) & RESERVED)
    if reserved:
        raise InvalidInput(f"{', '.join(reserved)} is not a header field")
    _check_dates(values)


def _check_dates(values: Mapping[str, str]) -> None:
    """Refuse a clearance date (a field named *_date) that is not a day written YYYY-MM-DD."""
    for key, value in values.items():
        if key.endswith(DATE_SUFFIX) and value.strip():
            check_day(value.strip(), key.replace("_", " "))


def set_note_fields(
    lib: Library, note: Note, template: NoteTemplate, values: Mapping[str, str]
) -> NoteEdit:
    """Set header fields (memo_to, subject…) and the template's own fields (a sitrep's
    report_number, clearance lines such as approved_by and approved_by_date) in one edit.

    Raise InvalidInput naming a field neither the note nor its template has.
    """
    from briefing_app.core.records.notes import HEADER_FIELDS

    check_field_names(template, values)
    own = template.setting_fields()
    _check_dates({k: v for k, v in values.items() if k in own})
    edit: dict[str, str | None] = {k: v.strip() for k, v in values.items() if k in HEADER_FIELDS}
    edit |= {f"settings.{k}": (v.strip() or None) for k, v in values.items() if k in own}
    return lib.notes.edit(note.id, edit)


def check_field_names(template: NoteTemplate, names: Iterable[str]) -> None:
    """Raise InvalidInput naming the first of names that is no field of a note of template."""
    from briefing_app.core.records.notes import HEADER_FIELDS

    own = template.setting_fields()
    unknown = sorted(set(names) - set(HEADER_FIELDS) - set(own))
    if unknown:
        raise InvalidInput(
            f"template {template.name} has no field {unknown[0]!r} "
            f"(fields: {', '.join([*HEADER_FIELDS, *own])})"
        )


def spelling_language(note: Note) -> str:
    """Return the language the note's spelling is checked in (English unless set)."""
    value = note.settings.get(SPELLING_LANGUAGE)
    # A value this version has no dictionary for (a package from a newer one) reads as the default.
    return value if isinstance(value, str) and value in LANGUAGES else DEFAULT_LANGUAGE


def set_spelling_language(lib: Library, note_id: int, language: str) -> NoteEdit:
    """Check the note's spelling in another language; return the edit (undo: `revert`).

    Bookkeeping, not writing: the note's modified time is kept, and a final note takes it.
    """
    check_language(language)
    return lib.notes.edit(note_id, {f"settings.{SPELLING_LANGUAGE}": language}, touch=False)


def ignored_words(note: Note) -> frozenset[str]:
    """Return the words (case-folded) the spell check leaves alone in the note."""
    value = note.settings.get(SPELLING_IGNORED)
    return (
        frozenset(w for w in value if isinstance(w, str))
        if isinstance(value, list)
        else frozenset()
    )


def ignore_words(lib: Library, note_id: int, words: Iterable[str]) -> NoteEdit:
    """Stop flagging these words in the note ("Ignore"); return the edit (undo: `revert`).

    Per note, as a word processor's "Ignore All" is per document: the same spelling may be a
    mistake in another note. Bookkeeping, not writing: a final note takes it too.

    >>> from briefing_app.core.library import Library
    >>> lib = Library.open(":memory:")
    >>> note = lib.notes.create("Brief", "briefing-note", [("bluf", "BLUF")])
    >>> edit = ignore_words(lib, note.id, ["Qodiri"])
    >>> sorted(ignored_words(lib.notes.get(note.id)))
    ['qodiri']
    >>> _ = lib.notes.revert(edit); ignored_words(lib.notes.get(note.id))
    frozenset()
    """
    words = {check_word(w).casefold() for w in words}
    held = ignored_words(lib.notes.get(note_id))
    return lib.notes.edit(
        note_id, {f"settings.{SPELLING_IGNORED}": sorted(held | words)}, touch=False
    )


def clear_ignored_words(lib: Library, note_id: int) -> NoteEdit:
    """Flag the note's ignored words again ("Recheck"); return the edit (undo: `revert`)."""
    return lib.notes.edit(note_id, {f"settings.{SPELLING_IGNORED}": None}, touch=False)


def review_base(note: Note) -> dict[str, Any]:
    """Return the note's review-package history (what was last exchanged), or {}."""
    return dict(note.settings.get(REVIEW_BASE) or {})


def set_review_base(lib: Library, note_id: int, history: Mapping[str, Any]) -> NoteEdit:
    """Store the review-package history; bookkeeping, so the note's modified time is kept."""
    return lib.notes.edit(note_id, {f"settings.{REVIEW_BASE}": dict(history)}, touch=False)


def judgment_setting(note: Note) -> dict[str, str] | None:
    """Return the stored judgment: {"question": uid, "hypothesis": uid, "confidence": ...}."""
    data = note.settings.get(JUDGMENT)
    if not isinstance(data, dict):
        return None
    return {k: str(data.get(k, "")) for k in ("question", "hypothesis", "confidence")}


def set_judgment_setting(
    lib: Library, note_id: int, value: Mapping[str, str] | None, *, touch: bool = True
) -> NoteEdit:
    """Store (or with None, remove) the note's judgment; return the edit.

    touch=False: bookkeeping (a review package bringing the sender's judgment), not an edit.
    """
    stored = None if value is None else dict(value)
    return lib.notes.edit(note_id, {f"settings.{JUDGMENT}": stored}, touch=touch)
