"""`briefing export` and `briefing templates`: write a note as .docx or .md; list templates."""

from __future__ import annotations

from pathlib import Path

import click

from briefing_app.cli.context import AppContext, force_replaces_read_only, pass_app
from briefing_app.cli.output import (
    OutputFile,
    echo,
    echo_json,
    echo_table,
    echo_template_problems,
    is_stdout,
    output_path,
)


@click.command("export")
@click.argument("note_ref", metavar="NOTE")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["docx", "md"]),
    default=None,
    help="Output format (default: from the file suffix).",
)
@click.option(
    "-o",
    "--output",
    required=True,
    type=OutputFile(stdout_ok=True),
    help="File to write ('-': standard output, with --format md).",
)
@click.option(
    "--citations",
    type=click.Choice(["footnotes", "endnotes", "inline"]),
    default=None,
    help="Citation style (default: the template's).",
)
@click.option(
    "--style",
    "note_style",
    default=None,
    metavar="NAME",
    help="Citation style of the notes: house, intel, academic or one of yours "
    "(default: the template's; `briefing styles` lists them).",
)
@click.option(
    "--keep-citations",
    is_flag=True,
    help="Markdown: keep [@C12] and write a CSL-JSON bibliography beside the file.",
)
@click.option(
    "--keep-empty",
    is_flag=True,
    help="Keep the headings of sections with no text, as prompts in a draft to fill in "
    "(by default an empty section is left out).",
)
@click.option(
    "--force",
    is_flag=True,
    help="Export even when the analytic checks find errors (a citation of a claim the "
    "library does not hold still stops it: there is nothing to cite), and replace a "
    "read-only file (it stays read-only).",
)
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="Print what was written as JSON (the findings stay on stderr).",
)
@pass_app
def export_command(
    app: AppContext,
    note_ref: str,
    fmt: str | None,
    output: Path,
    citations: str | None,
    note_style: str | None,
    keep_citations: bool,
    keep_empty: bool,
    force: bool,
    as_json: bool,
) -> None:
    """Export a note as a Word memo or Markdown.

    The analytic checks run first: errors stop the export unless --force; warnings are listed.
    A section with no text is left out, heading and all, unless --keep-empty.

    Example: briefing export 1 -o memo.docx --style intel

    Example: briefing export 1 -o draft.docx --keep-empty

    Example: briefing export 1 --format md -o -

    Example: briefing export 1 -o memo.docx --json
    """
    # Imported here so `briefing --help` and other commands do not pay for python-docx.
    from briefing_app.core.checks import gate_export
    from briefing_app.core.exporters import export_note, format_of
    from briefing_app.core.exporters.citation_styles import get_style

    if is_stdout(output) and fmt != "md":
        # Word's zip on a terminal is noise; a file's name says its format, '-' does not.
        raise click.UsageError("-o - writes Markdown only: give --format md")
    if is_stdout(output) and keep_citations:
        raise click.UsageError(
            "--keep-citations writes a bibliography beside a file: not with -o -"
        )
    lib = app.library()
    note = lib.notes.find(note_ref)
    if note_style is not None:
        get_style(note_style)  # an unknown style stops before the checks run
    report = gate_export(lib, note, force)
    with (
        force_replaces_read_only(),
        output_path(output, fmt or "", text=fmt == "md", as_json=as_json) as to,
    ):
        path = export_note(
            lib,
            note.id,
            to,
            fmt,
            citations,
            keep_citations=keep_citations,
            replace_read_only=force,
            style=note_style,
            keep_empty=keep_empty,
        )
    # Named by section, as `briefing check` does: two sections' findings may read alike.
    headings = {s.key: s.heading for s in note.sections}
    for finding in report.errors + report.warnings:
        where = headings.get(finding.section, "Note") if finding.section else "Note"
        echo(f"{finding.severity}: {where}: {finding.message}", err=True)
    echo_template_problems()
    if as_json:  # a script asked for JSON: what was written, never a sentence
        echo_json(
            {
                "path": str(path),
                "format": format_of(path, fmt),
                "note": note.id,
                "errors": len(report.errors),
                "warnings": len(report.warnings),
            }
        )
    elif not is_stdout(output):
        echo(f"Wrote {path}")


@click.command("templates")
@click.option("--json", "as_json", is_flag=True, help="Print as JSON (with sections and limits).")
def templates_command(as_json: bool) -> None:
    """List the note templates (bundled and from your config folder).

    Example: briefing templates --json
    """
    from briefing_app.core.templates import load_templates

    templates = load_templates()
    echo_template_problems()
    if as_json:
        echo_json([t.to_json() for t in templates.values()])
        return
    echo_table(
        ["Name", "Label", "Sections", "Citations", "Marking"],
        [
            (
                t.name,
                t.label,
                ", ".join(s.key for s in t.sections),
                t.citations.style,
                t.marking.default,
            )
            for t in templates.values()
        ],
        max_width=70,
    )


@click.command("styles")
@click.option("--json", "as_json", is_flag=True, help="Print as JSON (every field of each style).")
def styles_command(as_json: bool) -> None:
    """List the citation styles (bundled and from your config folder's citation_styles/).

    Example: briefing styles --json
    """
    from briefing_app.core.exporters.citation_styles import load_styles

    styles = load_styles()
    if as_json:
        echo_json([s.to_json() for s in styles.values()])
        return
    echo_table(
        ["Name", "Label", "Grades", "Ibid.", "Keys"],
        [
            (s.name, s.label, s.grade, "yes" if s.ibid else "no", "yes" if s.keys else "no")
            for s in styles.values()
        ],
        max_width=70,
    )


COMMANDS = [export_command, templates_command, styles_command]
