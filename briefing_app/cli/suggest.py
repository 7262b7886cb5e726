"""`briefing suggest`, `briefing party` and `briefing parties`: suggested claims and party names."""

from __future__ import annotations

from typing import Any

import click

from briefing_app.cli.context import RECORD_ID, AppContext, pass_app
from briefing_app.cli.output import echo, echo_json, echo_table
from briefing_app.core.models import CLAIM_KINDS


class _DefaultShowGroup(click.Group):
    """A group where `suggest 12` means `suggest show 12`."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        """Insert the `show` subcommand when the first argument is not a subcommand."""
        # `suggest --json 12` too: options before the source id are show's, not the group's.
        help_asked = bool(args) and args[0] in ctx.help_option_names
        if args and args[0] not in self.commands and not help_asked:
            args = ["show", *args]
        return super().parse_args(ctx, args)


@click.group("suggest", cls=_DefaultShowGroup)
def suggest_group() -> None:
    """Suggested claims: `briefing suggest SOURCE_ID` lists them (nothing is stored).

    Accept one with `briefing suggest accept SOURCE_ID FINGERPRINT` (or `briefing claim add`);
    reject one with `briefing suggest reject SOURCE_ID FINGERPRINT` so it is not proposed again.
    """


@suggest_group.command("show")
@click.argument("source_id", type=RECORD_ID)
@click.option(
    "--all",
    "show_all",
    is_flag=True,
    help="Also those already claimed or rejected, with a Status column.",
)
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@pass_app
def suggest_show_command(app: AppContext, source_id: int, show_all: bool, as_json: bool) -> None:
    """List the suggested claims of source SOURCE_ID.

    Example: briefing suggest show 1 --all
    """
    manager = app.library().suggestions
    suggestions = manager.for_source(source_id, include_claimed=show_all, include_rejected=show_all)
    statuses = manager.statuses(source_id, suggestions)
    if as_json:
        echo_json([{**s.to_json(), "status": statuses[s.fingerprint]} for s in suggestions])
        return
    # The status only tells something when claimed and rejected ones are listed too.
    status: list[str] = ["Status"] if show_all else []
    rows: list[list[Any]] = [
        [
            s.fingerprint,
            *([statuses[s.fingerprint]] if show_all else []),
            f"{s.start}-{s.end}",
            s.kind,
            _party_cell(s.party, s.normalized_party),
            s.verb,
            s.quote,
        ]
        for s in suggestions
    ]
    echo_table(["Fingerprint", *status, "Span", "Kind", "Party", "Verb", "Quote"], rows)


def _party_cell(party: str, normalized: str) -> str:
    """Return a suggestion's party as listed: "(unresolved)" when the rules could name no one."""
    if not party:
        return "(unresolved)"
    return party if party == normalized else f"{party} → {normalized}"


@suggest_group.command("accept")
@click.argument("source_id", type=RECORD_ID)
@click.argument("fingerprint")
@click.option("--statement", default="", help="The claim in your words.")
@click.option("--party", default=None, help="Who makes the claim (default: as suggested).")
@click.option(
    "--kind",
    type=click.Choice(CLAIM_KINDS, case_sensitive=False),
    default=None,
    help="Default: as suggested.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the new claim as JSON.")
@pass_app
def suggest_accept_command(
    app: AppContext,
    source_id: int,
    fingerprint: str,
    statement: str,
    party: str | None,
    kind: str | None,
    as_json: bool,
) -> None:
    """Tag suggestion FINGERPRINT of SOURCE_ID as a claim.

    Example: briefing suggest accept 1 44c3d5bbb6aa6d5f --party Taliban
    """
    claim = app.library().suggestions.accept(
        source_id, fingerprint, statement=statement, party=party, kind=kind
    )
    if as_json:
        echo_json(claim.to_json())
    else:
        echo(f"{claim.key}: {claim.party or '(no party)'}, {claim.kind}: {claim.quote!r}")


@suggest_group.command("reject")
@click.argument("source_id", type=RECORD_ID)
@click.argument("fingerprint")
@pass_app
def suggest_reject_command(app: AppContext, source_id: int, fingerprint: str) -> None:
    """Reject suggestion FINGERPRINT of SOURCE_ID: it will not be proposed again.

    Example: briefing suggest reject 1 44c3d5bbb6aa6d5f
    """
    app.library().suggestions.reject(source_id, fingerprint)
    echo(f"rejected {fingerprint} on source {source_id}")


@suggest_group.command("restore")
@click.argument("source_id", type=RECORD_ID)
@click.argument("fingerprint")
@pass_app
def suggest_restore_command(app: AppContext, source_id: int, fingerprint: str) -> None:
    """Propose a rejected suggestion of SOURCE_ID again.

    Example: briefing suggest restore 1 44c3d5bbb6aa6d5f
    """
    app.library().suggestions.unreject(source_id, fingerprint)
    echo(f"restored {fingerprint} on source {source_id}")


@click.group("party")
def party_group() -> None:
    """Merge the names a party goes by."""


@party_group.command("alias")
@click.argument("alias")
@click.argument("canonical")
@pass_app
def party_alias_command(app: AppContext, alias: str, canonical: str) -> None:
    """Record that ALIAS names the party CANONICAL, as "Taliban administration" names "Taliban".

    Example: briefing party alias "Taliban administration" Taliban
    """
    app.library().parties.merge(alias, canonical)
    echo(f"{alias} → {app.library().parties.normalise(alias)}")


@party_group.command("unalias")
@click.argument("alias")
@pass_app
def party_unalias_command(app: AppContext, alias: str) -> None:
    """Forget that ALIAS is another name of a party.

    Example: briefing party unalias "Taliban administration"
    """
    app.library().parties.unmerge(alias)
    echo(f"{alias} is no longer an alias")


@click.command("parties")
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@pass_app
def parties_command(app: AppContext, as_json: bool) -> None:
    """List the parties named on claims, with their aliases.

    Example: briefing parties --json
    """
    parties = app.library().parties.all()
    if as_json:
        echo_json([p.to_json() for p in parties])
        return
    echo_table(
        ["Party", "Claims", "Aliases"],
        [(p.name, p.claim_count, "; ".join(p.aliases)) for p in parties],
    )


COMMANDS = [suggest_group, party_group, parties_command]
