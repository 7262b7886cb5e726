"""Per-note check settings: rules switched off, findings dismissed with a reason, and cited
claims' revisions the writer has acknowledged.

Each returns the NoteEdit it made: `lib.notes.revert(edit)` undoes it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from briefing_app.core.changes import now_iso
from briefing_app.core.checks.base import Finding, all_rules
from briefing_app.core.errors import InvalidInput, NotFound
from briefing_app.core.records import note_settings
from briefing_app.core.records.note_settings import CheckSettings, Dismissal

if TYPE_CHECKING:
    from briefing_app.core.library import Library
    from briefing_app.core.records.notes import NoteEdit


def set_rule_enabled(lib: Library, note_id: int, rule_id: str, enabled: bool) -> NoteEdit:
    """Switch one rule on or off for one note."""
    return set_rules_enabled(
        lib, note_id, on=[rule_id] if enabled else [], off=[] if enabled else [rule_id]
    )


def set_rules_enabled(
    lib: Library, note_id: int, *, on: Iterable[str] = (), off: Iterable[str] = ()
) -> NoteEdit:
    """Switch rules on and off for one note in one edit; an unknown rule changes nothing.

    A rule named in both ends up on (the later switch, as in the window's list).
    """
    on, off = list(on), list(off)
    known = [r.id for r in all_rules()]
    for rule_id in [*off, *on]:
        if rule_id not in known:
            raise InvalidInput(f"no check rule {rule_id!r} (rules: {', '.join(known)})")
    held = note_settings.check_settings(lib.notes.get(note_id))
    disabled, enabled_set = set(held.disabled), set(held.enabled)
    for rule_id in off:
        disabled.add(rule_id)
        enabled_set.discard(rule_id)
    for rule_id in on:
        disabled.discard(rule_id)
        enabled_set.add(rule_id)  # overrides a template that switches it off
    value = CheckSettings(tuple(sorted(disabled)), tuple(sorted(enabled_set)))
    return note_settings.set_check_settings(lib, note_id, value)


def dismiss(lib: Library, note_id: int, finding: Finding | str, reason: str) -> NoteEdit:
    """Dismiss a finding (or its fingerprint) on a note, keeping the reason given."""
    if not reason.strip():
        raise InvalidInput("say why the finding is dismissed (--reason)")
    fingerprint = finding.fingerprint if isinstance(finding, Finding) else finding
    held = note_settings.dismissals(lib.notes.get(note_id))
    kept = tuple(d for d in held if d.fingerprint != fingerprint)
    entry = Dismissal(fingerprint, reason.strip(), now_iso())
    if isinstance(finding, Finding):
        entry = Dismissal(fingerprint, entry.reason, entry.at, finding.rule, finding.message)
    return note_settings.set_dismissals(lib, note_id, (*kept, entry))


def undismiss(lib: Library, note_id: int, fingerprint: str) -> NoteEdit:
    """Bring back a dismissed finding."""
    held = note_settings.dismissals(lib.notes.get(note_id))
    kept = tuple(d for d in held if d.fingerprint != fingerprint)
    return note_settings.set_dismissals(lib, note_id, kept)


def acknowledge_changes(lib: Library, note_id: int, keys: list[str] | None = None) -> NoteEdit:
    """Mark cited claims (all, or these keys) as re-read at their current revision and their
    sources' current grade.

    Raises NotFound for a key with no claim and InvalidInput for one the note does not cite.
    """
    note = lib.notes.get(note_id)
    cited = lib.notes.cited_keys(note)
    named = keys is not None
    keys = cited if keys is None else keys
    claims = lib.claims.by_keys(keys)
    for key in keys if named else []:
        # Saying "Acknowledged C99" for a claim the note never cites would hide a typo.
        if key not in claims:
            raise NotFound(f"no claim {key}")
        if key not in cited:
            raise InvalidInput(f"note {note.id} does not cite {key}")
    revisions = note_settings.cited_revisions(note)
    grades = note_settings.cited_grades(note)
    ids = sorted({c.source_id for c in claims.values()})
    reliability = {s.id: s.reliability for s in lib.sources.all(ids=ids)}
    for key, claim in claims.items():
        revisions[key] = claim.revision
        grades[key] = reliability.get(claim.source_id, "")
    return note_settings.set_cited_revisions(lib, note_id, revisions, grades)
