"""`briefing import`, `inspect` and `sources`: bringing articles in and listing them."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import click

from briefing_app.cli.context import RECORD_ID, AppContext, pass_app
from briefing_app.cli.interrupts import CtrlCStops
from briefing_app.cli.output import (
    OutputFile,
    echo,
    echo_json,
    echo_table,
    is_stdout,
    output_path,
)
from briefing_app.core.importers.base import ExtractedDocument, extract_file
from briefing_app.core.importers.batch import default_workers, import_paths
from briefing_app.core.library import Library
from briefing_app.core.records.grading import RELIABILITY
from briefing_app.core.text.counts import counted

# Files File > Import in the window takes that `briefing import` leaves to another command.
_OWN_COMMANDS = {
    ".qdpx": ("a REFI-QDA project", "briefing qdpx import"),
    ".briefpack": ("a review package", "briefing pack import"),
    ".csv": ("a claims table, perhaps", "briefing claim update-from"),
}


@click.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the outcome of each file as JSON.")
@pass_app
def import_command(app: AppContext, paths: tuple[Path, ...], as_json: bool) -> None:
    """Import files and folders (recursively) as sources; duplicates are skipped.

    Each file is stored on its own: when one cannot be read the others still come in, and
    the command exits with status 1. Ctrl+C stops between two files (status 130), after
    printing what came in.

    Example: briefing import "Exported Items" article.html
    """
    for path in paths:
        # The window's File > Import takes these too; here each has a command of its own.
        elsewhere = _OWN_COMMANDS.get(path.suffix.lower())
        if elsewhere is not None:
            what, command = elsewhere
            raise click.ClickException(f"{path}: {what}; import it with: {command} {path}")
    lib = app.library(create=True)
    workers = default_workers()
    with CtrlCStops() as ctrl_c:
        if as_json or not sys.stderr.isatty():
            summary = import_paths(lib, paths, progress=ctrl_c.progress, workers=workers)
        else:
            with click.progressbar(length=1, label="Importing", file=sys.stderr) as bar:

                def progress(done: int, total: int, path: Path) -> bool:
                    bar.length = max(total, 1)
                    bar.update(done - bar.pos)
                    return ctrl_c.progress(done, total, path)

                summary = import_paths(lib, paths, progress=progress, workers=workers)
    if as_json:
        echo_json(summary.to_json())
    else:
        for outcome in summary.outcomes:
            item = f" [{outcome.item}]" if outcome.item else ""
            if outcome.status in ("imported", "updated", "unchanged"):
                remark = f" ({outcome.reason})" if outcome.reason else ""
                echo(
                    f"{outcome.status:9} {outcome.path}{item}  → source {outcome.source_id}{remark}"
                )
            elif outcome.status == "duplicate":
                echo(f"duplicate {outcome.path}: {outcome.reason}")
            else:
                echo(f"failed    {outcome.path}{item}: {outcome.reason}", err=True)
        echo(summary.line())
    if summary.skipped and not as_json:
        # Else a folder of .odt files reads "0 imported, 0 duplicate, 0 failed", status 0.
        kinds = Counter(p.suffix.lower() or "(no suffix)" for p in summary.skipped)
        listed = ", ".join(f"{n} {kind}" for kind, n in sorted(kinds.items()))
        echo(f"Skipped in the folders: {listed} (types Briefing does not import)", err=True)
    if summary.cancelled:
        # Each file imported is in; the shell hears Ctrl+C's status, as for any command.
        echo("briefing: interrupted", err=True)
        sys.exit(130)
    if summary.by_status("failed"):
        sys.exit(1)  # like cp -r: the files that could be read are in; the status says not all


@click.command("inspect")
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print everything as JSON.")
def inspect_command(path: Path, as_json: bool) -> None:
    """Show what importing PATH would store, without storing it.

    A reference file (RIS, BibTeX, CSL JSON) shows each of its items as the source it would
    make (with --json, a list).

    Example: briefing inspect article.html --json
    """
    if path.is_dir():  # else the importers call it a file type '(none)'
        raise click.ClickException(
            f"{path}: is a folder; inspect takes one file (import takes folders)"
        )
    elsewhere = _OWN_COMMANDS.get(path.suffix.lower())
    if elsewhere is not None and path.is_file():
        what, command = elsewhere
        raise click.ClickException(f"{path}: {what}, not a source; it is read by: {command}")
    try:
        docs = _documents(path)
    except Exception as exc:
        from briefing_app.core.errors import BriefingError

        if isinstance(exc, BriefingError):
            raise click.ClickException(f"{path}: {exc}") from exc
        raise
    if as_json:
        echo_json(
            docs.to_json() if isinstance(docs, ExtractedDocument) else [d.to_json() for d in docs]
        )
        return
    if isinstance(docs, ExtractedDocument):
        _echo_document(docs)
        return
    for number, doc in enumerate(docs, 1):
        echo(f"— item {number} of {len(docs)} —")
        _echo_document(doc)
        echo()


def _documents(path: Path) -> ExtractedDocument | list[ExtractedDocument]:
    """Return what path would be stored as: one document, or one per reference of a file."""
    # A reference file is many sources; `briefing import` takes it, so inspect shows it too.
    from briefing_app.core.importers.references import (
        is_reference_file,
        read_references,
        reference_document,
    )

    if is_reference_file(path):
        return [reference_document(ref) for ref in read_references(path)]
    return extract_file(path)


def _echo_document(doc: ExtractedDocument) -> None:
    for name, value in doc.to_json().items():
        if name not in ("text", "language_guessed"):
            shown = ", ".join(value) if isinstance(value, list) else value
            if name == "language" and doc.language_guessed:
                shown = f"{value} (guessed from the text; the file declares none)"
            echo(f"{name:10} {shown if shown is not None else ''}")
    echo(f"{'text':10} {len(doc.text)} characters")
    echo()
    echo(doc.text[:1500] + ("…" if len(doc.text) > 1500 else ""))


@click.command("sources")
@click.option(
    "--json", "as_json", is_flag=True, help="Print as JSON (with -o: the file, format and count)."
)
@click.option(
    "--format",
    "ref_format",
    type=click.Choice(["csl-json", "ris", "bibtex"]),
    help="Write the sources as references for Zotero (with -o).",
)
@click.option(
    "-o",
    "--output",
    type=OutputFile(stdout_ok=True),
    help="The file to write ('-': standard output).",
)
@click.option(
    "--source", "source_ids", type=RECORD_ID, multiple=True, help="Only this source (repeatable)."
)
@click.option(
    "--note",
    "note_ref",
    metavar="NOTE",
    help="Only the sources this note (id, uid or title) cites.",
)
@pass_app
def sources_command(
    app: AppContext,
    as_json: bool,
    ref_format: str | None,
    output: Path | None,
    source_ids: tuple[int, ...],
    note_ref: str | None,
) -> None:
    """List the sources in the library, or write them for Zotero.

    Example: briefing sources --format ris -o sources.ris --note 3
    """
    if (ref_format is None) != (output is None):
        raise click.UsageError("writing references needs both --format and -o FILE (- for stdout)")
    lib = app.library()
    # A note is named as every command names one (qdpx export --note, check, export).
    note_id = lib.notes.find(note_ref).id if note_ref is not None else None
    if ref_format is not None and output is not None:
        _write_references(lib, ref_format, output, note_id, list(source_ids), as_json)
        return
    # --source and --note choose the sources listed as well as those written.
    chosen = _chosen_ids(lib, list(source_ids), note_id)
    sources = lib.sources.all(with_tags=True) if as_json else lib.sources.all()
    if chosen is not None:
        sources = [s for s in sources if s.id in chosen]
    if as_json:
        echo_json([s.to_json() for s in sources])
        return
    echo_table(
        ["ID", "Title", "Outlet", "Published", "Grade", "Claims"],
        [
            (s.id, s.title, s.outlet, s.published or "", s.reliability, s.claim_count)
            for s in sources
        ],
    )


def _chosen_ids(lib: Library, source_ids: list[int], note_id: int | None) -> list[int] | None:
    """Return the ids --note or --source choose, in their order (None: every source)."""
    if note_id is not None:
        return [s.id for s in lib.sources.cited_in(note_id)]
    if source_ids:
        return [lib.sources.get(i).id for i in source_ids]  # an unknown id is an error
    return None


def _write_references(
    lib: Library,
    ref_format: str,
    output: Path,
    note_id: int | None,
    source_ids: list[int],
    as_json: bool,
) -> None:
    from briefing_app.core.exporters.references import reference_sources, write_references

    sources = reference_sources(lib, note_id, source_ids)
    with output_path(output, ref_format, text=True, as_json=as_json) as to:
        write_references(sources, to, ref_format)
    if is_stdout(output):
        return
    if as_json:  # a script asked for JSON: what was written, never a sentence
        echo_json({"path": str(output), "format": ref_format, "sources": len(sources)})
    else:
        echo(f"Wrote {counted(len(sources), 'sources')} to {output} as {ref_format}")


@click.group("source")
def source_group() -> None:
    """Work on one source."""


@source_group.command("correct")
@click.argument("source_id", type=RECORD_ID)
@click.option(
    "--file",
    "text_file",
    required=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="UTF-8 text file holding the corrected text.",
)
@pass_app
def source_correct_command(app: AppContext, source_id: int, text_file: Path) -> None:
    """Replace a source's extracted text before tagging, as when PDF paragraphs come out of order.

    Example: briefing source correct 6 --file corrected.txt
    """
    from briefing_app.core.errors import BriefingError
    from briefing_app.core.importers.decoding import decode_utf8

    try:
        # Stored like imported text: no leading or trailing blank lines.
        text = decode_utf8(text_file.read_bytes()).strip("\n")
    except BriefingError as exc:
        raise click.ClickException(f"{text_file}: {exc}") from exc
    source = app.library().sources.correct_text(source_id, text)
    echo(f"source {source.id}: text corrected ({len(source.text)} characters)")


@source_group.command("set")
@click.argument("source_id", type=RECORD_ID)
@click.option(
    "--reliability",
    type=click.Choice(RELIABILITY.codes(), case_sensitive=False),
    help="Source reliability, A (completely reliable) to F (cannot be judged).",
)
@click.option("--title", help="The title.")
@click.option("--byline", help="Who wrote it.")
@click.option("--outlet", help="Who published it.")
@click.option("--published", help="Publication date: YYYY-MM-DD, YYYY-MM or YYYY.")
@click.option("--url", help="Where it was published.")
@click.option("--language", help="Language code, e.g. en.")
@click.option("--marking", help="Handling marking of the source, e.g. TLP:AMBER.")
@click.option("--note", "analyst_note", help="Your note on the source.")
@click.option("--json", "as_json", is_flag=True, help="Print the source as JSON.")
@pass_app
def source_set_command(
    app: AppContext, source_id: int, as_json: bool, **values: str | None
) -> None:
    """Grade a source or correct its details; only the options given change.

    Example: briefing source set 1 --reliability b --outlet Asia-Plus --published 2025-11-30
    """
    changes = {k: v for k, v in values.items() if v is not None}
    if not changes:
        raise click.UsageError("give at least one option to change")
    if "reliability" in changes:
        changes["reliability"] = str(changes["reliability"]).upper()
    source = app.library().sources.update(source_id, **changes)
    if as_json:
        echo_json(source.to_json())
    else:
        said = ", ".join(f"{k.replace('_', ' ')} {v!r}" for k, v in changes.items())
        echo(f"source {source.id}: {said}")


COMMANDS = [import_command, inspect_command, sources_command, source_group]
