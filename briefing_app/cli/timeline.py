"""`briefing timeline`: claims in the order of the events they report."""

from __future__ import annotations

import click

from briefing_app.cli.context import AppContext, pass_app
from briefing_app.cli.output import echo, echo_json, echo_table
from briefing_app.core.records.claims import ClaimFilter
from briefing_app.core.records.timeline import TimelineRow, suggested_dates, timeline


@click.command("timeline")
@click.option("--question", "question_key", help="Only the claims of this key question (Q1).")
@click.option("--party", help="Only claims made by this party (any case).")
@click.option("--tag", help="Only claims with this tag; 'place:Khatlon' only a place tag.")
@click.option(
    "--no-suggest",
    is_flag=True,
    help="Do not read undated claims' sentences for a suggested date (faster on many).",
)
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@pass_app
def timeline_command(
    app: AppContext,
    question_key: str | None,
    party: str | None,
    tag: str | None,
    no_suggest: bool,
    as_json: bool,
) -> None:
    """List claims by event date, undated ones after (each with the date its sentence
    suggests, if any), with each source's publication date.

    Accept a suggestion with `briefing claim edit KEY --event-date DATE`.

    Example: briefing timeline --question Q1 --json
    """
    lib = app.library()
    question_id = lib.questions.title_by_key(question_key).id if question_key else None
    rows = timeline(lib, question_id, ClaimFilter(party=party, tag=tag))
    suggested = {} if no_suggest else suggested_dates(lib, rows)
    if as_json:
        echo_json(
            [r.to_json(s.to_json() if (s := suggested.get(r.claim_id)) else None) for r in rows]
        )
        return

    def when(row: TimelineRow) -> str:
        found = suggested.get(row.claim_id)
        if row.event_date or found is None or found.date is None:
            return row.event_date or "—"
        return f"{found.date}? (suggested)"

    echo_table(
        ["Event date", "Published", "Key", "Party", "Statement"],
        [(when(r), r.published, r.key, r.party, r.statement) for r in rows],
    )
    # The window's grey line says why nothing was suggested; --json has it per row. Here, one
    # line per reason: a source with no language leaves every claim of it undated unseen.
    unexplained: dict[str, list[str]] = {}
    for row in rows:
        found = suggested.get(row.claim_id)
        if not row.event_date and found is not None and found.date is None and found.reason:
            unexplained.setdefault(found.reason, []).append(row.key)
    if unexplained:
        echo("")
    for reason, keys in unexplained.items():
        echo(f"Nothing suggested for {_listed(keys)}: {reason}")


def _listed(keys: list[str], most: int = 8) -> str:
    """Return claim keys as a short list: the first few, then how many more."""
    shown = ", ".join(keys[:most])
    return shown if len(keys) <= most else f"{shown} and {len(keys) - most} more"


COMMANDS = [timeline_command]
