"""`briefing pack` and `briefing comments`: offline review between libraries."""

from __future__ import annotations

from pathlib import Path

import click

from briefing_app.cli.context import AppContext, pass_app
from briefing_app.cli.output import echo_json, echo_table


@click.group("pack")
def pack_group() -> None:
    """Move a note with its evidence between libraries (.briefpack files)."""


@pack_group.command("export")
@click.argument("note_ref", metavar="NOTE")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True)
@pass_app
def pack_export_command(app: AppContext, note_ref: str, output: Path) -> None:
    """Write NOTE, the claims it cites, their sources and review comments to a package."""
    from briefing_app.core.packs import export_pack

    lib = app.library()
    note = lib.notes.find(note_ref)
    export_pack(lib, note.id, output)
    click.echo(f"Wrote {output}")


@pack_group.command("import")
@click.argument("package", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the outcome as JSON.")
@pass_app
def pack_import_command(app: AppContext, package: Path, as_json: bool) -> None:
    """Merge a package into the library: nothing duplicated, conflicts kept as both."""
    from briefing_app.core.packs import import_pack

    if not package.is_file():
        raise click.ClickException(f"{package}: no such file")
    result = import_pack(app.library(), package)
    if as_json:
        echo_json(result.to_json())
        return
    click.echo(result.line())
    for conflict in result.conflicts:
        click.echo(f"conflict: {conflict}")


@click.command("comments")
@click.argument("note_ref", metavar="NOTE")
@click.option("--open", "only_open", is_flag=True, help="Only unresolved comments.")
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@pass_app
def comments_command(app: AppContext, note_ref: str, only_open: bool, as_json: bool) -> None:
    """List the review comments on NOTE."""
    lib = app.library()
    note = lib.notes.find(note_ref)
    comments = lib.comments.all(note.id, resolved=False if only_open else None)
    if as_json:
        echo_json([c.to_json() for c in comments])
        return
    echo_table(
        ["ID", "Section", "Author", "On", "Comment", "Resolved"],
        [
            (c.id, c.section_key, c.author, c.anchor_text, c.body, "yes" if c.resolved else "")
            for c in comments
        ],
    )


@click.group("comment")
def comment_group() -> None:
    """Add, answer or resolve one review comment."""


@comment_group.command("add")
@click.argument("note_ref", metavar="NOTE")
@click.argument("section")
@click.argument("text")
@click.option("--author", default="", help="Who comments.")
@click.option("--on", "anchor", default="", help="The words of the section commented on.")
@pass_app
def comment_add_command(
    app: AppContext, note_ref: str, section: str, text: str, author: str, anchor: str
) -> None:
    """Comment on SECTION of NOTE (optionally on some of its words)."""
    lib = app.library()
    note = lib.notes.find(note_ref)
    start = end = None
    if anchor:
        sec = note.section(section)
        pos = sec.body.find(anchor) if sec else -1
        if pos < 0:
            raise click.ClickException(f"the words {anchor!r} are not in section {section!r}")
        start, end = pos, pos + len(anchor)
    comment = lib.comments.add(
        note.id, section, text, author=author, anchor_text=anchor, start=start, end=end
    )
    click.echo(f"Comment {comment.id} added")


@comment_group.command("reply")
@click.argument("comment_id", type=int)
@click.argument("text")
@click.option("--author", default="")
@pass_app
def comment_reply_command(app: AppContext, comment_id: int, text: str, author: str) -> None:
    """Reply to comment COMMENT_ID."""
    reply = app.library().comments.reply(comment_id, text, author)
    click.echo(f"Reply {reply.id} added")


@comment_group.command("resolve")
@click.argument("comment_id", type=int)
@click.option("--reopen", is_flag=True, help="Mark it open again.")
@pass_app
def comment_resolve_command(app: AppContext, comment_id: int, reopen: bool) -> None:
    """Mark comment COMMENT_ID resolved."""
    comment = app.library().comments.resolve(comment_id, not reopen)
    click.echo(f"Comment {comment.id} {'resolved' if comment.resolved else 'reopened'}")


COMMANDS = [pack_group, comments_command, comment_group]
