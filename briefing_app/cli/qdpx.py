"""`briefing qdpx export` and `import`: coded work to and from QDA tools as REFI-QDA .qdpx."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from briefing_app.cli.context import RECORD_ID, AppContext, pass_app
from briefing_app.cli.output import OutputFile, echo, echo_json


@click.group("qdpx")
def qdpx_group() -> None:
    """Exchange projects with QDA tools (QualCoder, NVivo, ATLAS.ti, MAXQDA) as REFI-QDA .qdpx."""


@qdpx_group.command("export")
@click.option(
    "-o",
    "--output",
    required=True,
    type=OutputFile(stdout_ok=False, what="a .qdpx project"),
    help="The .qdpx file to write.",
)
@click.option(
    "--note",
    "note_ref",
    metavar="NOTE",
    help="Only this note (id, uid or title), the sources it cites and their claims.",
)
@click.option(
    "--source",
    "source_ids",
    type=RECORD_ID,
    multiple=True,
    metavar="ID",
    help="Only this source and its claims (repeatable).",
)
@click.option("--json", "as_json", is_flag=True, help="Print what was written as JSON.")
@pass_app
def export_command(
    app: AppContext,
    output: Path,
    note_ref: str | None,
    source_ids: tuple[int, ...],
    as_json: bool,
) -> None:
    """Write sources, claims (coded with their tags and attributes) and notes as a .qdpx.

    QualCoder, NVivo, ATLAS.ti and MAXQDA open it with their REFI-QDA project import. Without
    --note or --source the whole library goes out.

    Example: briefing qdpx export -o khatlon.qdpx --note 1
    """
    # Imported here: lxml and the writer load only for this command.
    from briefing_app.core.errors import InvalidInput
    from briefing_app.core.qdpx.writer import export_project

    if note_ref is not None and source_ids:
        raise InvalidInput("give --note or --source, not both")
    lib = app.library()
    note_id = lib.notes.find(note_ref).id if note_ref is not None else None
    report = export_project(lib, output, note_id=note_id, source_ids=source_ids)
    if as_json:
        echo_json(report.to_json())
        return
    echo(f"Wrote {report.path}: {report.counts()}")
    for line in report.left_out:
        echo(f"Not exported: {line}", err=True)


@qdpx_group.command("import")
@click.argument("project", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the import report as JSON.")
@pass_app
def qdpx_import_command(app: AppContext, project: Path, as_json: bool) -> None:
    """Import a REFI-QDA project: text sources, coded selections as claims, codes as tags.

    Prints what was kept, and each element adjusted or discarded with the reason. A hostile
    or damaged project is refused before anything is written.

    Example: briefing qdpx import interviews.qdpx
    """
    # Imported here: lxml and the reader load only for this command.
    from briefing_app.core.qdpx.reader import import_project

    if not project.is_file():
        raise click.ClickException(f"{project}: no such file")
    lib = app.library(create=True)
    if as_json or not sys.stderr.isatty():
        report = import_project(lib, project)
    else:
        with click.progressbar(length=1, label="Importing", file=sys.stderr) as bar:

            def progress(done: int, total: int) -> None:
                bar.length = max(total, 1)
                bar.update(done - bar.pos)

            report = import_project(lib, project, progress=progress)
    if as_json:
        echo_json(report.to_json())
        return
    for line in report.lines():
        echo(line)


COMMANDS = [qdpx_group]
