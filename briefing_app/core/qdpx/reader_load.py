"""Reading a .qdpx project before anything is written: the .qde, then each text it needs.

Every check of reader_safety runs here, so a hostile project is refused before the library
is touched; what cannot be read (a missing file, bytes that are not text) is reported and left
out, and the rest is handed to the writer.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field
from pathlib import Path

from briefing_app.core.errors import CorruptFile
from briefing_app.core.importers.decoding import decode_text
from briefing_app.core.qdpx.reader_positions import TextForms
from briefing_app.core.qdpx.reader_project import Project, TextSource, read_project
from briefing_app.core.qdpx.reader_safety import (
    MAX_QDE_BYTES,
    MAX_TEXT_BYTES,
    ProjectArchive,
    SourcePath,
    parse_xml,
    source_path,
)
from briefing_app.core.qdpx.report import ImportReport

_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


@dataclass
class Loaded:
    """What was read of a project before anything is written."""

    project: Project
    texts: dict[str, TextForms] = field(default_factory=dict)
    note_texts: dict[str, str] = field(default_factory=dict)


def load_project(path: Path, report: ImportReport) -> Loaded:
    """Read and check everything the import needs; refuse a hostile project before any write."""
    with ProjectArchive(path) as archive:
        qde = archive.qde_name()
        root = parse_xml(archive.name, qde, archive.read(qde, MAX_QDE_BYTES))
        project = read_project(archive.name, root)
        loaded = Loaded(project)
        # Every path is checked before any file is read: one hostile path refuses the project.
        paths = {s.guid: source_path(archive.name, s.path) for s in project.sources if s.path}
        note_paths = {
            n.guid: source_path(archive.name, n.path)
            for n in project.notes.values()
            if n.content is None and n.path
        }
        for source in project.sources:
            text = _source_text(archive, source.content, paths.get(source.guid), report, source)
            if text is not None:
                loaded.texts[source.guid] = text
        for note in project.notes.values():
            if note.content is not None:
                loaded.note_texts[note.guid] = note.content
            elif note.guid in note_paths:
                where = note_paths[note.guid]
                info = archive.find_source(where.member) if where.member else None
                if info is None:
                    report.discard("note", note.name, "its text file is not in the project")
                    continue
                try:
                    loaded.note_texts[note.guid] = decode_text(archive.read(info, MAX_TEXT_BYTES))
                except CorruptFile as exc:
                    report.discard("note", note.name, str(exc))
    return loaded


def _source_text(
    archive: ProjectArchive,
    content: str | None,
    where: SourcePath | None,
    report: ImportReport,
    source: TextSource,
) -> TextForms | None:
    """Return a text source's text as the tool counted it, or None (reported) without one."""
    if content is not None and content.strip():
        return TextForms(content.removeprefix("\ufeff"), had_bom=content.startswith("\ufeff"))
    if where is None:
        _drop(report, source, "it has neither inline text nor a text file")
        return None
    if where.member is None:
        _drop(report, source, f"its text is outside the project ({where.external})")
        return None
    info = archive.find_source(where.member)
    if info is None:
        _drop(report, source, f"its text file {where.member} is not in the project")
        return None
    data = archive.read(info, MAX_TEXT_BYTES)
    try:
        raw = decode_text(data)
    except CorruptFile as exc:
        _drop(report, source, f"its text file is not text ({exc})")
        return None
    return TextForms(raw, had_bom=data.startswith(_BOMS))


def _drop(report: ImportReport, source: TextSource, reason: str) -> None:
    """Report a source left out, and how many selections go with it."""
    if source.selections:
        reason += f"; its {len(source.selections)} selection(s) go with it"
    report.discard("source", source.name, reason)
