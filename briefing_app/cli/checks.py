"""`briefing check` and friends: analytic checks on a note."""

from __future__ import annotations

import sys

import click

from briefing_app.cli.context import AppContext, pass_app
from briefing_app.cli.output import echo, echo_json, echo_table
from briefing_app.core.checks import all_rules, run_checks
from briefing_app.core.checks.settings import acknowledge_changes, dismiss, set_rules_enabled


@click.command("check")
@click.argument("note_ref", metavar="NOTE")
@click.option("--json", "as_json", is_flag=True, help="Print findings as JSON.")
@pass_app
def check_command(app: AppContext, note_ref: str, as_json: bool) -> None:
    """Check NOTE (id, uid or title) against the evidence and tradecraft rules.

    Exits with status 1 when any error is found.

    Example: briefing check 1 --json
    """
    lib = app.library()
    note = lib.notes.find(note_ref)
    report = run_checks(lib, note)
    if as_json:
        echo_json(report.to_json())
    else:
        headings = {s.key: s.heading for s in note.sections}
        for f in report.findings:
            where = headings.get(f.section, "Note") if f.section else "Note"
            echo(f"{f.severity:7} {where}: {f.message}  [{f.rule} {f.fingerprint}]")
            if f.fix:
                echo(f"        → {f.fix}")
        echo(
            f"{len(report.errors)} error(s), {len(report.warnings)} warning(s), "
            f"{len(report.findings) - len(report.errors) - len(report.warnings)} note(s)"
            + (f"; {len(report.dismissed)} dismissed" if report.dismissed else "")
        )
    if report.errors:
        sys.exit(1)


@click.command("dismiss")
@click.argument("note_ref", metavar="NOTE")
@click.argument("fingerprint")
@click.option("--reason", required=True, help="Why the finding does not apply (kept).")
@pass_app
def dismiss_command(app: AppContext, note_ref: str, fingerprint: str, reason: str) -> None:
    """Dismiss the finding FINGERPRINT on NOTE, keeping the reason.

    Example: briefing dismiss 1 63d60a708514 --reason "Corroborated in the annex"
    """
    lib = app.library()
    note = lib.notes.find(note_ref)
    report = run_checks(lib, note)
    match = next((f for f in report.findings if f.fingerprint == fingerprint), None)
    if match is None:
        raise click.ClickException(f"no current finding {fingerprint} on note {note.id}")
    dismiss(lib, note.id, match, reason)
    echo(f"Dismissed: {match.message}")


@click.command("acknowledge")
@click.argument("note_ref", metavar="NOTE")
@click.argument("keys", nargs=-1)
@pass_app
def acknowledge_command(app: AppContext, note_ref: str, keys: tuple[str, ...]) -> None:
    """Acknowledge changes to cited claims (KEYS, or all the note cites).

    Example: briefing acknowledge 1 C5 C9
    """
    lib = app.library()
    note = lib.notes.find(note_ref)
    acknowledge_changes(lib, note.id, list(keys) or None)
    echo("Acknowledged " + (", ".join(keys) if keys else "all cited claims"))


@click.command("rules")
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@click.option("--note", "note_ref", help="Show which rules are on for this note.")
@click.option("--off", "off", multiple=True, help="Switch this rule off for --note.")
@click.option("--on", "on", multiple=True, help="Switch this rule on for --note.")
@pass_app
def rules_command(
    app: AppContext, as_json: bool, note_ref: str | None, off: tuple[str, ...], on: tuple[str, ...]
) -> None:
    """List the check rules; with --note, switch rules on or off for that note.

    Example: briefing rules --note 1 --off estimative.vague-hedge
    """
    rules = all_rules()
    disabled: set[str] = set()
    if (off or on) and not note_ref:
        raise click.UsageError("--on/--off need --note")
    if note_ref:
        from briefing_app.core.checks.profile import profile_for_note
        from briefing_app.core.checks.runner import disabled_rules

        lib = app.library()
        note = lib.notes.find(note_ref)
        if off or on:
            set_rules_enabled(lib, note.id, on=on, off=off)  # all or none: one edit
        note = lib.notes.get(note.id)
        disabled = disabled_rules(note, profile_for_note(note))
    if as_json:
        echo_json(
            [
                {
                    "id": r.id,
                    "title": r.title,
                    "description": r.description,
                    "on": r.id not in disabled,
                }
                for r in rules
            ]
        )
        return
    echo_table(
        ["Rule", "On", "What it checks"],
        [(r.id, "no" if r.id in disabled else "yes", r.description) for r in rules],
        max_width=90,
    )


COMMANDS = [check_command, dismiss_command, acknowledge_command, rules_command]
