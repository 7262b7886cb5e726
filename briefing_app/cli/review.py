"""`briefing pack` and `briefing comments`: offline review between libraries."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from briefing_app.cli.context import RECORD_ID, AppContext, force_replaces_read_only, pass_app
from briefing_app.cli.output import OutputFile, echo, echo_json, echo_table
from briefing_app.core.text.control_chars import manual_breaks_as

if TYPE_CHECKING:
    from briefing_app.core.models import ReviewComment


@click.group("pack")
def pack_group() -> None:
    """Move a note with its evidence between libraries (.briefpack files)."""


@pack_group.command("export")
@click.argument("note_ref", metavar="NOTE")
@click.option(
    "-o",
    "--output",
    type=OutputFile(stdout_ok=False, what="a .briefpack package"),
    required=True,
    help="The .briefpack file to write.",
)
@click.option("--json", "as_json", is_flag=True, help="Print what was written as JSON.")
@pass_app
def pack_export_command(app: AppContext, note_ref: str, output: Path, as_json: bool) -> None:
    """Write NOTE, the claims it cites, their sources and review comments to a package.

    Example: briefing pack export 1 -o khatlon.briefpack
    """
    from briefing_app.core.review.packs import export_pack

    lib = app.library()
    note = lib.notes.find(note_ref)
    path = export_pack(lib, note.id, output)
    if as_json:
        echo_json({"path": str(path), "format": "briefpack", "note": note.id})
    else:
        echo(f"Wrote {path}")


@pack_group.command("import")
@click.argument("package", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the outcome as JSON.")
@pass_app
def pack_import_command(app: AppContext, package: Path, as_json: bool) -> None:
    """Merge a package into the library: nothing duplicated, conflicts kept as both.

    Example: briefing pack import khatlon.briefpack --json
    """
    from briefing_app.core.review.packs import import_pack

    if not package.is_file():
        raise click.ClickException(f"{package}: no such file")
    result = import_pack(app.library(create=True), package)
    if as_json:
        echo_json(result.to_json())
        return
    echo(result.line())
    for conflict in result.conflicts:
        echo(f"conflict: {conflict}")


@click.command("comments")
@click.argument("note_ref", metavar="NOTE")
@click.option("--open", "only_open", is_flag=True, help="Only unresolved comments.")
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@pass_app
def comments_command(app: AppContext, note_ref: str, only_open: bool, as_json: bool) -> None:
    """List the review comments on NOTE.

    Example: briefing comments 1 --open
    """
    lib = app.library()
    note = lib.notes.find(note_ref)
    comments = lib.comments.all(note.id, resolved=False if only_open else None)
    # Comments whose words were deleted from their section since: on the section as a whole.
    gone = {c.id for c in lib.comments.unanchored(note.id)}
    if as_json:
        echo_json([{**c.to_json(), "unanchored": c.id in gone} for c in comments])
        return

    def on(c: ReviewComment) -> str:
        return f"{c.anchor_text} (no longer in the section)" if c.id in gone else c.anchor_text

    # A reply read like a comment of its own: it names the comment it answers.
    echo_table(
        ["ID", "Reply to", "Section", "Author", "On", "Comment", "Resolved"],
        [
            (
                c.id,
                c.parent_id or "",
                c.section_key,
                c.author,
                on(c),
                c.body,
                "yes" if c.resolved else "",
            )
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
@click.option("--json", "as_json", is_flag=True, help="Print the new comment as JSON.")
@pass_app
def comment_add_command(
    app: AppContext,
    note_ref: str,
    section: str,
    text: str,
    author: str,
    anchor: str,
    as_json: bool,
) -> None:
    """Comment on SECTION of NOTE (optionally on some of its words).

    Example: briefing comment add 1 summary "Which source?" --on "three Chinese workers"
    """
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
    if as_json:
        echo_json(comment.to_json())
    else:
        echo(f"Comment {comment.id} added")


@comment_group.command("reply")
@click.argument("comment_id", type=RECORD_ID)
@click.argument("text")
@click.option("--author", default="", help="Who replies.")
@click.option("--json", "as_json", is_flag=True, help="Print the reply as JSON.")
@pass_app
def comment_reply_command(
    app: AppContext, comment_id: int, text: str, author: str, as_json: bool
) -> None:
    """Reply to comment COMMENT_ID.

    Example: briefing comment reply 4 "The ministry's statement." --author Analyst
    """
    reply = app.library().comments.reply(comment_id, text, author)
    if as_json:
        echo_json(reply.to_json())
    else:
        echo(f"Reply {reply.id} added")


@comment_group.command("resolve")
@click.argument("comment_id", type=RECORD_ID)
@click.option("--reopen", is_flag=True, help="Mark it open again.")
@pass_app
def comment_resolve_command(app: AppContext, comment_id: int, reopen: bool) -> None:
    """Mark comment COMMENT_ID resolved.

    Example: briefing comment resolve 4
    """
    comment = app.library().comments.resolve(comment_id, not reopen)
    echo(f"Comment {comment.id} {'resolved' if comment.resolved else 'reopened'}")


class _NoteStatus(click.Choice):
    """draft, in-review or final; also "in review", as `notes --json` and `note show` print it."""

    def __init__(self) -> None:
        super().__init__(["draft", "in-review", "final"])

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        """Return the status as the command names it, from either spelling."""
        if isinstance(value, str):
            value = "-".join(value.split())  # a script passes back what the JSON said
        return super().convert(value, param, ctx)


@click.command("status")
@click.argument("note_ref", metavar="NOTE")
@click.argument("status", type=_NoteStatus(), metavar="STATUS")  # errors name STATUS
@click.option("--reason", default="", help="Why (kept with the version snapshot).")
@click.option("--author", default="", help="Who.")
@pass_app
def status_command(app: AppContext, note_ref: str, status: str, reason: str, author: str) -> None:
    """Move NOTE to draft, in-review or final (final notes are read-only until reopened).

    Example: briefing status 1 in-review --reason "Sent to the director"
    """
    lib = app.library()
    note = lib.notes.find(note_ref)
    note = lib.notes.set_status(note.id, status.replace("-", " "), reason, author)
    echo(f"Note {note.id} is now {note.status}")


@click.command("versions")
@click.argument("note_ref", metavar="NOTE")
@click.option("--json", "as_json", is_flag=True, help="Print as JSON (with section bodies).")
@pass_app
def versions_command(app: AppContext, note_ref: str, as_json: bool) -> None:
    """List the versions of NOTE kept at each review round.

    Example: briefing versions 1
    """
    lib = app.library()
    versions = lib.versions.all(lib.notes.find(note_ref).id)
    if as_json:
        echo_json([v.to_json() for v in versions])
        return
    echo_table(
        ["Version", "When", "Status", "Author", "Why"],
        [(v.number, v.created_at, v.status, v.author, v.reason) for v in versions],
    )


@click.command("diff")
@click.argument("note_ref", metavar="NOTE")
@click.argument("old", type=RECORD_ID)
@click.argument("new", type=RECORD_ID, required=False)
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@pass_app
def diff_command(app: AppContext, note_ref: str, old: int, new: int | None, as_json: bool) -> None:
    """Show what changed in NOTE from version OLD to NEW (default: the note as it is now).

    Example: briefing diff 1 1 2
    """
    lib = app.library()
    diffs = lib.versions.diff(lib.notes.find(note_ref).id, old, new)
    if as_json:
        echo_json([d.to_json() for d in diffs])
        return
    if all(d.status == "unchanged" for d in diffs):
        # Silence would read as a failure, or as output lost in a pipe.
        echo(f"No changes from version {old} to {f'version {new}' if new else 'the note now'}.")
        return
    for d in diffs:
        if d.status == "unchanged":
            continue
        echo(f"## {d.heading} ({d.status})")
        text = "".join(
            c.new if c.op == "equal" else
            (f"[-{c.old}-]" if c.old else "") + (f"{{+{c.new}+}}" if c.new else "")
            for c in d.changes
        )  # fmt: skip
        # A manual line break (Shift+Enter) prints as one, not as an escaped control character.
        echo(manual_breaks_as(text))
        echo()


@click.group("review")
def review_group() -> None:
    """Round trips through Word: export a review copy, read the reviewer's copy back."""


@review_group.command("export")
@click.argument("note_ref", metavar="NOTE")
@click.option(
    "-o",
    "--output",
    type=OutputFile(stdout_ok=False, what="a Word review copy"),
    required=True,
    help="The Word file (.docx) to write.",
)
@click.option("--comments/--no-comments", default=True, help="Include open review comments.")
@click.option(
    "--force",
    is_flag=True,
    help="Export even when the analytic checks find errors, and replace a read-only file.",
)
@click.option("--json", "as_json", is_flag=True, help="Print what was written as JSON.")
@pass_app
def review_export_command(
    app: AppContext, note_ref: str, output: Path, comments: bool, force: bool, as_json: bool
) -> None:
    """Write a Word review copy of NOTE whose comments and changes can be read back.

    Example: briefing review export 1 -o review.docx
    """
    from briefing_app.core.review.word_copy import export_review_copy

    lib = app.library()
    note = lib.notes.find(note_ref)
    with force_replaces_read_only():
        path = export_review_copy(lib, note.id, output, with_comments=comments, force=force)
    if as_json:
        echo_json({"path": str(path), "format": "docx", "note": note.id})
    else:
        echo(f"Wrote review copy {path}")


@review_group.command("import")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the outcome as JSON.")
@pass_app
def review_import_command(app: AppContext, path: Path, as_json: bool) -> None:
    """Read a reviewer's comments and tracked changes from a review copy (.docx).

    Example: briefing review import review-returned.docx
    """
    from briefing_app.core.review.word_copy import import_review_copy

    if not path.is_file():
        raise click.ClickException(f"{path}: no such file")
    result = import_review_copy(app.library(), path)
    if as_json:
        echo_json(result.to_json())
        return
    echo(result.line())
    for problem in result.unplaced:
        echo(f"not placed: {problem}")
    for problem in result.untracked:
        echo(f"not imported: {problem}")


@click.command("edits")
@click.argument("note_ref", metavar="NOTE")
@click.option("--pending", is_flag=True, help="Only edits not yet accepted or rejected.")
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@pass_app
def edits_command(app: AppContext, note_ref: str, pending: bool, as_json: bool) -> None:
    """List the suggested edits (a reviewer's tracked changes) on NOTE.

    Example: briefing edits 1 --pending
    """
    lib = app.library()
    edits = lib.edits.all(lib.notes.find(note_ref).id, "pending" if pending else None)
    if as_json:
        echo_json([e.to_json() for e in edits])
        return
    echo_table(
        ["ID", "Section", "Author", "Change", "Status"],
        [
            (e.id, e.section_key, e.author, f"{e.old_text!r} → {e.new_text!r}", e.status)
            for e in edits
        ],
    )


@click.group("edit")
def edit_group() -> None:
    """Suggest, accept or reject one suggested edit."""


@edit_group.command("suggest")
@click.argument("note_ref", metavar="NOTE")
@click.argument("section")
@click.argument("words")
@click.argument("new_text", metavar="NEW")
@click.option("--author", default="", help="Who suggests it.")
@click.option("--json", "as_json", is_flag=True, help="Print the suggested edit as JSON.")
@pass_app
def edit_suggest_command(
    app: AppContext,
    note_ref: str,
    section: str,
    words: str,
    new_text: str,
    author: str,
    as_json: bool,
) -> None:
    """Suggest NEW instead of WORDS in SECTION of NOTE ("" deletes them); the author accepts
    or rejects it, here or after a review package took it back.

    Example: briefing edit suggest 1 issue "security" "safety" --author "J. Tremblay"
    """
    lib = app.library()
    note = lib.notes.find(note_ref)
    sec = note.section(section)
    start = sec.body.find(words) if sec is not None and words else -1
    if start < 0:
        raise click.ClickException(f"the words {words!r} are not in section {section!r}")
    edit = lib.edits.propose(note.id, section, start, start + len(words), new_text, author)
    if as_json:
        echo_json(edit.to_json())
        return
    echo(f"Suggested edit {edit.id} in {edit.section_key}: {edit.old_text!r} → {edit.new_text!r}")


@edit_group.command("accept")
@click.argument("edit_id", type=RECORD_ID)
@pass_app
def edit_accept_command(app: AppContext, edit_id: int) -> None:
    """Apply suggested edit EDIT_ID to its note.

    Example: briefing edit accept 3
    """
    edit = app.library().edits.accept(edit_id)
    echo(f"Accepted edit {edit.id} in {edit.section_key}")


@edit_group.command("reject")
@click.argument("edit_id", type=RECORD_ID)
@pass_app
def edit_reject_command(app: AppContext, edit_id: int) -> None:
    """Reject suggested edit EDIT_ID, leaving the note as it is.

    Example: briefing edit reject 3
    """
    edit = app.library().edits.reject(edit_id)
    echo(f"Rejected edit {edit.id}")


COMMANDS = [
    review_group,
    edits_command,
    edit_group,
    pack_group,
    comments_command,
    comment_group,
    status_command,
    versions_command,
    diff_command,
]
