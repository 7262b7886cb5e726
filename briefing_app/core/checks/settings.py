"""Per-note check settings: rules switched off, findings dismissed with a reason, and cited
claims' revisions the writer has acknowledged."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from briefing_app.core.changes import now_iso
from briefing_app.core.checks.base import Finding, all_rules
from briefing_app.core.errors import InvalidInput, NotFound

if TYPE_CHECKING:
    from briefing_app.core.library import Library
    from briefing_app.core.models import Note


def _settings(note: Note) -> dict[str, Any]:
    return dict(note.settings)


def set_rule_enabled(lib: Library, note_id: int, rule_id: str, enabled: bool) -> Note:
    """Switch one rule on or off for one note."""
    if rule_id not in {r.id for r in all_rules()}:
        known = ", ".join(r.id for r in all_rules())
        raise InvalidInput(f"no check rule {rule_id!r} (rules: {known})")
    note = lib.notes.get(note_id)
    settings = _settings(note)
    checks = dict(settings.get("checks", {}))
    disabled = set(checks.get("disabled", []))
    enabled_set = set(checks.get("enabled", []))
    if enabled:
        disabled.discard(rule_id)
        enabled_set.add(rule_id)  # overrides a template that switches it off
    else:
        disabled.add(rule_id)
        enabled_set.discard(rule_id)
    checks["disabled"], checks["enabled"] = sorted(disabled), sorted(enabled_set)
    settings["checks"] = checks
    return lib.notes.update(note_id, settings=settings)


def dismiss(lib: Library, note_id: int, finding: Finding | str, reason: str) -> Note:
    """Dismiss a finding (or its fingerprint) on a note, keeping the reason given."""
    if not reason.strip():
        raise InvalidInput("say why the finding is dismissed (--reason)")
    fingerprint = finding.fingerprint if isinstance(finding, Finding) else finding
    note = lib.notes.get(note_id)
    settings = _settings(note)
    kept = [d for d in settings.get("dismissed", []) if d["fingerprint"] != fingerprint]
    entry = {"fingerprint": fingerprint, "reason": reason.strip(), "at": now_iso()}
    if isinstance(finding, Finding):
        entry |= {"rule": finding.rule, "message": finding.message}
    settings["dismissed"] = [*kept, entry]
    return lib.notes.update(note_id, settings=settings)


def undismiss(lib: Library, note_id: int, fingerprint: str) -> Note:
    """Bring back a dismissed finding."""
    note = lib.notes.get(note_id)
    settings = _settings(note)
    settings["dismissed"] = [
        d for d in settings.get("dismissed", []) if d["fingerprint"] != fingerprint
    ]
    return lib.notes.update(note_id, settings=settings)


def acknowledge_changes(lib: Library, note_id: int, keys: list[str] | None = None) -> Note:
    """Mark cited claims (all, or these keys) as re-read at their current revision.

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
    settings = _settings(note)
    revisions = dict(settings.get("cited_revisions", {}))
    for key, claim in claims.items():
        revisions[key] = claim.revision
    settings["cited_revisions"] = revisions
    return lib.notes.update(note_id, settings=settings)
