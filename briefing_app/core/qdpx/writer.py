"""Export coded work as a REFI-QDA project (.qdpx) that QualCoder, NVivo, ATLAS.ti and MAXQDA read.

The .qdpx is a zip holding project.qde (QDA-XML 1.0) and sources/<GUID>.txt, one plain text
per source. Sources become TextSources, claims PlainTextSelections coded with their tags and
attributes, notes Notes, relations Links (mapping.py says how each maps). The same library
exports the same bytes: GUIDs come from our uids and dates from the records.
"""

from __future__ import annotations

import contextlib
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefing_app import __version__
from briefing_app.core.errors import FileTooLarge, InvalidInput, NotFound
from briefing_app.core.models import Claim, Note, Question, Source, Tag
from briefing_app.core.qdpx.codebook import build_codebook
from briefing_app.core.qdpx.guids import stable_guid
from briefing_app.core.qdpx.mapping import PROJECT_FILE, SOURCES_FOLDER
from briefing_app.core.qdpx.plain_text import PlainText
from briefing_app.core.qdpx.project_xml import (
    ProjectHeader,
    Selection,
    project_document,
    record_times,
)
from briefing_app.core.records.claims import ClaimFilter
from briefing_app.core.storage.atomic import atomic_path
from briefing_app.core.text.counts import counted

if TYPE_CHECKING:
    from briefing_app.core.library import Library

SUFFIX = ".qdpx"
# The standard's limit on one internal file (REFI-QDA 1.5, 8.5): 2^31 - 1 bytes.
MAX_INTERNAL_BYTES = 2**31 - 1
# Every zip member carries this time (the earliest a zip can hold), so two exports of the same
# library are the same file, not only the same project.qde.
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
# A project.qde takes well under 2 KB a claim; past this many it may pass the 2 GB of a plain zip.
_ZIP64_CLAIMS = 1_000_000


@dataclass(frozen=True)
class ExportReport:
    """What an export wrote, and what the format had no place for (the standard asks to say)."""

    path: Path
    sources: int
    claims: int
    notes: int
    codes: int
    links: int
    left_out: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        """Return the JSON form shown by the CLI."""
        return {
            "path": str(self.path),
            "sources": self.sources,
            "claims": self.claims,
            "notes": self.notes,
            "codes": self.codes,
            "links": self.links,
            "left_out": list(self.left_out),
        }

    def counts(self) -> str:
        """Return what was written in words: "1 source, 10 claims, 1 note, 47 codes, 2 links"."""
        kinds = ("sources", "claims", "notes", "codes", "links")
        return ", ".join(counted(getattr(self, kind), kind) for kind in kinds)


@dataclass
class _Scope:
    """What one export holds: sources (by id, ascending), their claims, notes and tags."""

    name: str
    sources: list[Source]  # without their text, by id
    claims: dict[int, list[Claim]]  # source id -> its claims, by position
    notes: list[Note]
    tags: list[Tag]
    missing_keys: list[str] = field(default_factory=list)


def export_project(
    lib: Library,
    path: Path | str,
    *,
    note_id: int | None = None,
    source_ids: Iterable[int] | None = None,
) -> ExportReport:
    """Write the library (or one note and the sources it cites, or some sources) as a .qdpx.

    Atomic: the file appears complete or not at all.

    >>> from briefing_app.core.library import Library
    >>> from briefing_app.core.bundled.demo import build_demo
    >>> import tempfile, pathlib
    >>> lib = Library.open(":memory:"); _ = build_demo(lib)
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "demo.qdpx"
    >>> report = export_project(lib, out, note_id=1)
    >>> report.sources, report.claims, report.notes
    (1, 10, 1)
    """
    chosen = list(dict.fromkeys(source_ids or []))
    if note_id is not None and chosen:
        raise InvalidInput("export a note's sources or chosen sources, not both")
    target = Path(path).expanduser()
    if target.suffix.lower() != SUFFIX:
        raise InvalidInput(f"{target}: a REFI-QDA project is a {SUFFIX} file")
    with _snapshot(lib):
        return _export(lib, target, note_id, chosen)


def _export(lib: Library, target: Path, note_id: int | None, chosen: list[int]) -> ExportReport:
    """Export what note_id or chosen name (else everything) to target; see export_project."""
    if note_id is not None:
        scope = _note_scope(lib, note_id)
    elif chosen:
        scope = _sources_scope(lib, chosen)
    else:
        scope = _library_scope(lib)
    all_claims = [c for claims in scope.claims.values() for c in claims]
    codebook = build_codebook(scope.tags, all_claims)
    records: list[Source | Claim | Note] = [*scope.sources, *all_claims, *scope.notes]
    created, modified = record_times(t for r in records for t in (r.created_at, r.modified_at))
    header = ProjectHeader(scope.name, f"Briefing {__version__}", created, modified)
    with atomic_path(target) as tmp, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zf:
        # The texts first, one at a time; the project then streams without holding any.
        placed = _write_texts(lib, zf, scope)
        # Past 2 GB a zip member needs ZIP64 fields, which must be asked for before writing.
        large = len(all_claims) > _ZIP64_CLAIMS
        with (
            zf.open(_member(PROJECT_FILE), "w", force_zip64=large) as out,
            project_document(out, header, codebook) as project,
        ):
            for source in scope.sources:
                selections = [
                    placed[c.id] for c in scope.claims.get(source.id, []) if c.id in placed
                ]
                project.add_source(source, selections, lib.tags.on_source(source.id))
            for note in scope.notes:
                project.add_note(note)
            uids = {claim_id: s.claim.uid for claim_id, s in placed.items()}
            links = 0
            for relation in lib.relations.among(uids):
                project.add_link(relation, uids[relation.from_claim_id], uids[relation.to_claim_id])
                links += 1
    unplaced = len(all_claims) - len(placed)
    return ExportReport(
        path=target,
        sources=len(scope.sources),
        claims=len(placed),
        notes=len(scope.notes),
        codes=codebook.count(),
        links=links,
        left_out=tuple(_left_out(lib, scope, all_claims, unplaced, project.replaced)),
    )


@contextlib.contextmanager
def _snapshot(lib: Library) -> Iterator[None]:
    """Read everything from one state of the library, whatever another window writes meanwhile.

    A deferred transaction takes no lock: in WAL mode writers go on, this reader keeps its view.
    """
    if lib.conn.in_transaction:  # inside a caller's transaction: that is the snapshot
        yield
        return
    lib.conn.execute("BEGIN")
    try:
        yield
    finally:
        lib.conn.execute("ROLLBACK")  # nothing was written


def _write_texts(lib: Library, zf: zipfile.ZipFile, scope: _Scope) -> dict[int, Selection]:
    """Write each source's text as sources/<GUID>.txt; return where each claim lies in it.

    A claim whose span lies outside its source's text (a damaged library) is left out.
    """
    placed: dict[int, Selection] = {}
    for meta in scope.sources:
        source = lib.sources.get(meta.id)
        plain = PlainText.of(source.text)
        data = plain.text.encode("utf-8")
        if len(data) > MAX_INTERNAL_BYTES:
            raise FileTooLarge(
                f"source {source.id}: its text is over the 2 GB a .qdpx may hold per file"
            )
        zf.writestr(_member(f"{SOURCES_FOLDER}/{stable_guid('source', source.uid)}.txt"), data)
        for claim in scope.claims.get(source.id, []):
            start, end = plain.span(claim.start, claim.end)
            if 0 <= start < end <= len(plain.text):
                placed[claim.id] = Selection(claim, start, end, plain.text[start:end])
    return placed


def _library_scope(lib: Library) -> _Scope:
    """Every source, claim, tag and note of the library."""
    claims: dict[int, list[Claim]] = {}
    for claim in lib.claims.all():
        claims.setdefault(claim.source_id, []).append(claim)
    notes = sorted(lib.notes.all(), key=lambda n: n.id)
    name = lib.path.stem if lib.path is not None else "Briefing library"
    sources = sorted(lib.sources.all(), key=lambda s: s.id)
    return _Scope(name, sources, claims, notes, lib.tags.all())


def _note_scope(lib: Library, note_id: int) -> _Scope:
    """One note, the sources its citations point into, and all their claims."""
    note = lib.notes.get(note_id)
    keys = lib.notes.cited_keys(note)
    cited = lib.claims.by_keys(keys)
    source_ids = sorted({c.source_id for c in cited.values()})
    scope = _chosen_scope(lib, note.title, source_ids)
    scope.notes = [note]
    scope.missing_keys = [k for k in keys if k not in cited]
    return scope


def _sources_scope(lib: Library, source_ids: list[int]) -> _Scope:
    """Some sources and their claims; no note (a note cites what it cites, perhaps elsewhere)."""
    found = {s.id for s in lib.sources.all(ids=source_ids)}
    for source_id in source_ids:
        if source_id not in found:
            raise NotFound(f"no source with id {source_id}")
    name = lib.path.stem if lib.path is not None else "Briefing sources"
    return _chosen_scope(lib, name, sorted(found))


def _chosen_scope(lib: Library, name: str, source_ids: list[int]) -> _Scope:
    """Sources by id with their claims, and the tags those claims and sources carry."""
    sources = sorted(lib.sources.all(ids=source_ids), key=lambda s: s.id)
    claims = {sid: lib.claims.all(ClaimFilter(source_id=sid)) for sid in source_ids}
    used = {ref for cs in claims.values() for c in cs for ref in c.tag_refs}
    source_tags = {t.id for sid in source_ids for t in lib.tags.on_source(sid)}
    tags = [t for t in lib.tags.all() if f"{t.kind}:{t.name}" in used or t.id in source_tags]
    return _Scope(name, sources, claims, [], tags)


def _left_out(
    lib: Library, scope: _Scope, claims: list[Claim], unplaced: int, replaced: int
) -> list[str]:
    """Return one line per kind of thing the export could not carry."""
    lines = []
    if scope.missing_keys:
        lines.append(
            f"the note cites {', '.join(scope.missing_keys)}, which the library does not hold"
        )
    if unplaced:
        lines.append(f"{unplaced} claim(s) whose span lies outside their source's text")
    dated = sum(1 for c in claims if c.event_date)
    if dated:
        lines.append(f"{dated} claim event date(s): a REFI-QDA selection has no date")
    ids = {c.id for c in claims}
    dangling = sum(
        1
        for r in lib.relations.all()
        if (r.from_claim_id in ids) != (r.to_claim_id in ids)  # one end in, one out
    )
    if dangling:
        lines.append(f"{dangling} relation(s) to claims outside the export")
    keys = {c.key for c in claims}
    questions = [q for q in lib.questions.all() if keys.intersection(q.claim_keys)]
    if questions:
        lines.append(_questions_left_out(lib, questions))
    if replaced:
        lines.append(
            f"{replaced} character(s) XML cannot hold (control characters), written as "
            "U+FFFD in names and descriptions; the source texts keep them"
        )
    return lines


def _questions_left_out(lib: Library, questions: list[Question]) -> str:
    """Say which key questions stay behind, with what was weighed on them (ACH matrices and
    key assumptions), which the analyst would otherwise look for in the tool."""
    hypotheses = ratings = assumptions = 0
    for question in questions:
        matrix = lib.ach.matrix(question.id)
        hypotheses += len(matrix.hypotheses)
        ratings += sum(len(row.ratings) for row in matrix.rows)
        assumptions += len(lib.assumptions.all(question.id))
    one = len(questions) == 1
    what = f"{len(questions)} key question{'' if one else 's'}"
    joined = ", with "
    if hypotheses:
        matrices = "its ACH matrix" if one else "their ACH matrices"
        what += f"{joined}{matrices} ({counted(hypotheses, 'hypotheses')}, "
        what += f"{counted(ratings, 'ratings')})"
        joined = " and "
    if assumptions:
        what += f"{joined}{assumptions} key assumption{'' if assumptions == 1 else 's'}"
    return f"{what}: REFI-QDA has no place for them"


def _member(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16  # a plain readable file when unzipped
    return info
