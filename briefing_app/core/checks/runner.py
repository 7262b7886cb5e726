"""Running every enabled rule over a note, minus dismissed findings."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from briefing_app.core.checks.base import CheckContext, CheckProfile, Finding, all_rules
from briefing_app.core.checks.document import parse_note
from briefing_app.core.checks.profile import profile_for_note

# Re-exported: CheckFailed lives with the other errors, so catching it does not load the checks.
from briefing_app.core.errors import CheckFailed as CheckFailed
from briefing_app.core.records.note_settings import check_settings
from briefing_app.core.records.note_settings import dismissals as note_dismissals

if TYPE_CHECKING:
    from briefing_app.core.library import Library
    from briefing_app.core.models import Note

_SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


@dataclass
class CheckReport:
    """The findings on a note, and those the writer dismissed (with their reasons)."""

    findings: list[Finding] = field(default_factory=list)
    dismissed: list[tuple[Finding, str]] = field(default_factory=list)

    @property
    def errors(self) -> list[Finding]:
        """Return the findings of severity error."""
        return [f for f in self.findings if f.severity == "error"]

    @property
    def warnings(self) -> list[Finding]:
        """Return the findings of severity warning."""
        return [f for f in self.findings if f.severity == "warning"]

    def to_json(self) -> dict[str, Any]:
        """Return the JSON form printed by `briefing check --json`."""
        return {
            "errors": len(self.errors),
            "warnings": len(self.warnings),
            "findings": [f.to_json() for f in self.findings],
            "dismissed": [{**f.to_json(), "reason": reason} for f, reason in self.dismissed],
        }


def disabled_rules(note: Note, profile: CheckProfile) -> set[str]:
    """Return the rule ids switched off for this note (by the note or by its template)."""
    checks = check_settings(note)
    return (set(profile.disabled) | set(checks.disabled)) - set(checks.enabled)


def run_checks(lib: Library, note: Note, profile: CheckProfile | None = None) -> CheckReport:
    """Run every enabled rule over note; return findings sorted by section order and position.

    >>> from briefing_app.core.library import Library
    >>> lib = Library.open(":memory:")
    >>> note = lib.notes.create("N", "briefing-note", [("summary", "Summary")])
    >>> [(f.rule, f.message) for f in run_checks(lib, note).findings]
    [('section.empty', 'Summary is empty')]
    """
    profile = profile or profile_for_note(note)
    text = parse_note(note)
    claims = lib.claims.by_keys(lib.notes.cited_keys(note))
    source_ids = sorted({c.source_id for c in claims.values()})
    sources = {s.id: s for s in lib.sources.all(ids=source_ids)} if source_ids else {}
    ctx = CheckContext(lib, note, profile, text, claims, sources)
    off = disabled_rules(note, profile)
    found = [f for r in all_rules() if r.id not in off for f in r.run(ctx)]
    order = {s.key: i for i, s in enumerate(note.sections)}
    found.sort(key=lambda f: (order.get(f.section, -1), f.start, _SEVERITY_ORDER[f.severity]))
    dismissals = {d.fingerprint: d.reason for d in note_dismissals(note)}
    report = CheckReport()
    for finding in found:
        if finding.fingerprint in dismissals:
            report.dismissed.append((finding, dismissals[finding.fingerprint]))
        else:
            report.findings.append(finding)
    return report


def gate_export(lib: Library, note: Note, force: bool = False) -> CheckReport:
    """Run the checks before an export; raise CheckFailed on errors unless forced.

    Returns the report so the caller can list the warnings it lets through.
    """
    report = run_checks(lib, note)
    # A citation of a missing claim is refused by the exporter itself, forced or not, with a
    # message naming the section and key.
    errors = [f for f in report.errors if f.rule != "citation.missing"]
    if errors and not force:
        first = errors[0]
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        where = next((s.heading for s in note.sections if s.key == first.section), "the note")
        raise CheckFailed(
            f"not exported: {where}: {first.message}{more}; fix it, or export with --force"
        )
    return report
