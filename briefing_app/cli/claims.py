"""`briefing claims` and `briefing claim add`: listing and tagging claims."""

from __future__ import annotations

from pathlib import Path

import click

from briefing_app.cli.context import RECORD_ID, AppContext, pass_app
from briefing_app.cli.output import (
    OutputFile,
    echo,
    echo_json,
    echo_table,
    is_stdout,
    output_path,
)
from briefing_app.core.models import CLAIM_KINDS, CLAIM_STATUSES
from briefing_app.core.records.claims import ClaimFilter
from briefing_app.core.records.grading import CREDIBILITY
from briefing_app.core.text.counts import counted


@click.command("claims")
@click.option("--source", "source_id", type=RECORD_ID, help="Only claims on this source id.")
@click.option("--tag", help="Only claims with this tag; 'place:Khatlon' only a place tag.")
@click.option("--party", help="Only claims made by this party (any case).")
@click.option(
    "--kind", type=click.Choice(CLAIM_KINDS, case_sensitive=False), help="Only claims of this kind."
)
@click.option(
    "--status",
    type=click.Choice(CLAIM_STATUSES, case_sensitive=False),
    help="Only claims with this status.",
)
@click.option(
    "--json", "as_json", is_flag=True, help="Print as JSON (with -o: the file, format and count)."
)
@click.option(
    "--format",
    "table_format",
    type=click.Choice(["csv", "xlsx"]),
    help="Write the claims as a spreadsheet table (with -o).",
)
@click.option(
    "-o",
    "--output",
    type=OutputFile(stdout_ok=True),
    help="The file to write ('-': standard output, for csv).",
)
@pass_app
def claims_command(
    app: AppContext,
    source_id: int | None,
    tag: str | None,
    party: str | None,
    kind: str | None,
    status: str | None,
    as_json: bool,
    table_format: str | None,
    output: Path | None,
) -> None:
    """List claims, optionally filtered; names and values match in any case.

    Example: briefing claims --tag place:Khatlon --party police --json

    Example: briefing claims --status corroborated --format xlsx -o claims.xlsx

    Example: briefing claims --format csv -o - --source 3
    """
    lib = app.library()
    if source_id is not None:
        lib.sources.get(source_id)  # a clear error for an unknown source, not an empty list
    flt = ClaimFilter(source_id, tag, party, kind, status)
    if table_format is not None or output is not None:
        from briefing_app.core.exporters.claims_table import write_claims_table

        if table_format is None or output is None:
            raise click.UsageError("writing a table needs both --format and -o FILE (- for stdout)")
        with output_path(output, table_format, text=table_format == "csv", as_json=as_json) as to:
            count = write_claims_table(lib, to, table_format, flt)
        if is_stdout(output):
            return
        if as_json:  # a script asked for JSON: what was written, never a sentence
            echo_json({"path": str(output), "format": table_format, "claims": count})
        else:
            echo(f"Wrote {counted(count, 'claims')} to {output} as {table_format}")
        return
    claims = lib.claims.all(flt)
    if as_json:
        echo_json([c.to_json() for c in claims])
        return
    echo_table(
        ["Key", "Source", "Party", "Kind", "Cred.", "Status", "Quote"],
        [(c.key, c.source_id, c.party, c.kind, c.credibility, c.status, c.quote) for c in claims],
    )


@click.group("claim")
def claim_group() -> None:
    """Add or change one claim."""


@claim_group.command("add")
@click.argument("source_id", type=RECORD_ID)
@click.option("--quote", required=True, help="The exact words in the source (first occurrence).")
@click.option("--occurrence", type=click.IntRange(min=1), default=1, help="Which occurrence.")
@click.option("--statement", default="", help="The claim in your words.")
@click.option("--party", default="", help="Who makes the claim.")
@click.option(
    "--kind",
    type=click.Choice(CLAIM_KINDS, case_sensitive=False),
    default="reported fact",
    help="What kind of claim (default: reported fact).",
)
@click.option(
    "--credibility",
    type=click.Choice(CREDIBILITY.codes()),
    default="6",
    help="Information credibility, 1 (confirmed) to 6 (cannot be judged).",
)
@click.option(
    "--status",
    type=click.Choice(CLAIM_STATUSES, case_sensitive=False),
    default="unverified",
    help="How far the claim is verified (default: unverified).",
)
@click.option(
    "--tag", "tags", multiple=True, help="A tag (repeatable); 'place:Khatlon' sets its kind."
)
@click.option("--json", "as_json", is_flag=True, help="Print the new claim as JSON.")
@pass_app
def claim_add_command(
    app: AppContext,
    source_id: int,
    quote: str,
    occurrence: int,
    statement: str,
    party: str,
    kind: str,
    credibility: str,
    status: str,
    tags: tuple[str, ...],
    as_json: bool,
) -> None:
    """Tag the words --quote gives, in source SOURCE_ID, as a claim.

    Example: briefing claim add 1 --quote "killing three Chinese workers" --party police
    """
    lib = app.library()  # a claim needs a source: a new library could only be left empty
    claim = lib.claims.add(
        source_id,
        quote=quote,
        occurrence=occurrence,
        statement=statement,
        party=party,
        kind=kind,
        credibility=int(credibility),
        status=status,
        tags=list(tags),
    )
    # Allowed (two parties may make a claim in the same words), but a tagging script run twice
    # doubles every claim without a word: say which claim already held these words.
    same = [
        other_id
        for other_id, start, end, _kind in lib.claims.spans(source_id)
        if (start, end) == (claim.start, claim.end) and other_id != claim.id
    ]
    if same:
        held = lib.claims.get(same[0]).key
        echo(f"Warning: {held} is already a claim on these words; {claim.key} is another", err=True)
    if as_json:
        echo_json(claim.to_json())
    else:
        echo(f"{claim.key}: {claim.quote!r} at {claim.start}-{claim.end} of source {source_id}")


@claim_group.command("edit")
@click.argument("key")
@click.option("--statement", help="The claim in your words.")
@click.option("--party", help="Who makes the claim.")
@click.option(
    "--kind", type=click.Choice(CLAIM_KINDS, case_sensitive=False), help="What kind of claim."
)
@click.option(
    "--credibility",
    type=click.Choice(CREDIBILITY.codes()),
    help="Information credibility, 1 (confirmed) to 6 (cannot be judged).",
)
@click.option(
    "--status",
    type=click.Choice(CLAIM_STATUSES, case_sensitive=False),
    help="How far the claim is verified; retracted takes it back.",
)
@click.option(
    "--tag", "tags", multiple=True, help="Replace the tags with these (repeatable; 'place:X')."
)
@click.option("--clear-tags", is_flag=True, help="Remove every tag from the claim.")
@click.option(
    "--event-date",
    help="When the event happened: 2025, 2025-11, 2025-11-30 or 2025-11-30T14:00 ('' clears).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the claim as JSON.")
@pass_app
def claim_edit_command(
    app: AppContext,
    key: str,
    tags: tuple[str, ...],
    clear_tags: bool,
    as_json: bool,
    **values: str | None,
) -> None:
    """Change claim KEY, such as C5: regrade, restate, retract; only the options given change.

    Example: briefing claim edit C5 --credibility 2 --status corroborated
    """
    lib = app.library()
    claim = lib.claims.by_key(key.strip().upper())
    if claim is None:
        raise click.ClickException(f"no claim {key}")
    changes: dict[str, object] = {k: v for k, v in values.items() if v is not None}
    if "credibility" in changes:
        changes["credibility"] = int(str(changes["credibility"]))
    if tags and clear_tags:
        raise click.UsageError("--tag and --clear-tags do not go together")
    if tags or clear_tags:
        changes["tags"] = list(tags)
    if not changes:
        raise click.UsageError("give at least one option to change")
    claim = lib.claims.update(claim.id, **changes)
    if as_json:
        echo_json(claim.to_json())
    else:
        said = ", ".join(
            f"tags {', '.join(claim.tags) or 'none'}" if k == "tags" else f"{k} {v!r}"
            for k, v in changes.items()
        )
        echo(f"{claim.key}: {said}")


@claim_group.command("update-from")
@click.argument("table", type=click.Path(path_type=Path, dir_okay=False, allow_dash=True))
@click.option("--json", "as_json", is_flag=True, help="Print the keys updated as JSON.")
@pass_app
def claim_update_from_command(app: AppContext, table: Path, as_json: bool) -> None:
    """Set claims' statement, party, kind, credibility, status and event date from a claims
    table edited in a spreadsheet and saved as CSV (rows found by Key; other columns ignored).

    The table comes from `briefing claims --format csv -o claims.csv`; TABLE '-' reads it from
    standard input. Commas, semicolons or tabs may separate its columns.

    Example: briefing claim update-from claims.csv

    Example: briefing claim update-from - --json
    """
    from briefing_app.core.importers.base import MAX_FILE_BYTES
    from briefing_app.core.records.claims_table import (
        update_claims_from_csv,
        update_claims_from_table,
    )

    lib = app.library()
    if str(table) == "-":  # standard input, as TEXT '-' is for `note set`
        data = click.get_binary_stream("stdin").read(MAX_FILE_BYTES + 1)
        update = update_claims_from_csv(lib, "<stdin>", data)
    else:
        update = update_claims_from_table(lib, table)
    if as_json:
        echo_json(update.to_json())
    else:
        echo(update.line())


COMMANDS = [claims_command, claim_group]
