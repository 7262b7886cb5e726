"""Importing a REFI-QDA project (.qdpx) from QualCoder, NVivo, ATLAS.ti, MAXQDA or Briefing.

Everything is read and checked first (reader_safety refuses a hostile file in one line); then
text sources become sources, text selections claims, codes tags or claim attributes
(reader_codes), memos notes, all in one transaction through the records' own operations, so a
failure or a cancel leaves the library as it was. The import ends with a report of what was
kept, adjusted and discarded (report.py). Importing the same project again adds nothing twice:
a source already held (by its text, or by the GUID our own export gave it) is reused, and a
selection already a claim on it is not added again.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from briefing_app.core.errors import (
    BriefingError,
    CorruptFile,
    DuplicateSource,
    ImportCancelled,
    InvalidInput,
)
from briefing_app.core.importers.base import ExtractedDocument, settle_language
from briefing_app.core.importers.references import Reference
from briefing_app.core.library import Library
from briefing_app.core.models import RELATIONS
from briefing_app.core.qdpx.guids import stable_guid
from briefing_app.core.qdpx.mapping import (
    CLAIM_KEY_LINE_PREFIX,
    LANGUAGE_GUESSED_VALUE,
    LANGUAGE_GUESSED_VARIABLE,
    SOURCE_VARIABLES,
)
from briefing_app.core.qdpx.reader_anchor import Placed, names_are_labels, place_selection
from briefing_app.core.qdpx.reader_codes import CodeMeaning, code_meaning
from briefing_app.core.qdpx.reader_load import Loaded, load_project
from briefing_app.core.qdpx.reader_notes import NOTE_TEMPLATE, read_memo
from briefing_app.core.qdpx.reader_positions import STANDARD, TextForms, choose_convention
from briefing_app.core.qdpx.reader_project import Selection, TextSource
from briefing_app.core.qdpx.report import ImportReport
from briefing_app.core.records.grading import RELIABILITY
from briefing_app.core.records.sources import check_url
from briefing_app.core.templates import load_templates
from briefing_app.core.text.citations import cited_keys, rekey_citations
from briefing_app.core.text.dates import check_partial_date

# progress(done, total): how many sources and notes are written; cancel() -> True stops it all.
Progress = Callable[[int, int], object]
Cancel = Callable[[], bool]

SOURCE_FORMAT = "qdpx"
CANCEL_EVERY = 200
_KEY_LINE = re.compile(rf"^{re.escape(CLAIM_KEY_LINE_PREFIX)}(C[1-9][0-9]*)\s*$")
_VARIABLES = {name.lower(): attribute for name, attribute in SOURCE_VARIABLES.items()}


@dataclass
class _PlannedClaim:
    selection: Selection
    placed: Placed
    statement: str
    key: str | None
    attributes: dict[str, str]
    tags: list[str]
    guids: list[str] = field(default_factory=list)

    def merge(self, other: _PlannedClaim) -> None:
        """Take in another selection of the same text: its codes, statement and GUID."""
        self.tags = list(dict.fromkeys([*self.tags, *other.tags]))
        for name, value in other.attributes.items():
            self.attributes.setdefault(name, value)
        if other.statement and other.statement not in self.statement:
            self.statement = "\n\n".join(p for p in (self.statement, other.statement) if p)
        self.key = self.key or other.key
        self.guids += other.guids


def import_project(
    lib: Library,
    path: Path | str,
    *,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> ImportReport:
    """Import a .qdpx project into lib in one transaction and return the report.

    Raises UnsafeProject (a hostile file), InvalidProject or FileTooLarge before writing
    anything, and ImportCancelled (nothing written) when cancel() says so.

    >>> import zipfile
    >>> from briefing_app.core.library import Library
    >>> qde = (
    ...     '<Project xmlns="urn:QDA-XML:project:1.0" name="p"><Sources>'
    ...     '<TextSource guid="6F1D7D1E-3B7A-5C55-9A43-2B1E2F8C0A51" name="Memo">'
    ...     "<PlainTextContent>Three workers died.</PlainTextContent>"
    ...     '<PlainTextSelection guid="6F1D7D1E-3B7A-5C55-9A43-2B1E2F8C0A52" name="Three"'
    ...     ' startPosition="0" endPosition="5"/></TextSource></Sources></Project>'
    ... )
    >>> with zipfile.ZipFile("p.qdpx", "w") as zf:
    ...     zf.writestr("project.qde", qde)
    >>> import_project(Library.open(":memory:"), "p.qdpx").line()
    'Imported p.qdpx: 1 source, 1 claim; 0 adjusted, 0 discarded'
    """
    path = Path(path)
    if not path.is_file():
        raise CorruptFile(f"{path.name}: not a readable file")
    report = ImportReport(project=path.name)
    loaded = load_project(path, report)
    _Writer(lib, loaded, report, progress, cancel).write()
    return report


class _Writer:
    """Writes a loaded project into a library, recording each decision in the report."""

    def __init__(
        self,
        lib: Library,
        loaded: Loaded,
        report: ImportReport,
        progress: Progress | None,
        cancel: Cancel | None,
    ) -> None:
        self.lib = lib
        self.project = loaded.project
        self.loaded = loaded
        self.report = report
        self.progress = progress
        self.cancel = cancel
        self.meanings: dict[str, CodeMeaning] = {}
        # Selection GUID → the claim it is (added now, or found already here).
        self.claim_ids: dict[str, int] = {}
        # Claims planned on every source, added together once all sources are in (_add_claims),
        # when the project's claims bring keys (Briefing's export); else each source's at once.
        self.planned: list[tuple[int, _PlannedClaim]] = []
        self.keyed = any(
            _statement_and_key(sel.description)[1]
            for source in self.project.sources
            for sel in source.selections
        )
        # The project's claim key → the key its claim has here, where the two differ: the
        # project's notes cite the project's keys (_note rewrites them).
        self.rekeyed: dict[str, str] = {}
        self.own_notes: set[object] = set()
        self.templates: set[str] = set()
        self.attached = self._attached_notes()

    def write(self) -> None:
        """Write the whole project in one transaction (rolled back on error or cancel)."""
        for other in self.project.others:
            self.report.discard("source", other.name, f"a {other.what}: Briefing reads text only")
        for what, name, why in self.project.dropped:
            self.report.discard(what, name, why)
        for part, count in self.project.unread.items():
            self.report.discard("part", f"{count} × {part}", "Briefing has no such records")
        sources = [s for s in self.project.sources if s.guid in self.loaded.texts]
        attached = {note for notes in self.attached.values() for note in notes}
        free_notes = [g for g in self.loaded.note_texts if g not in attached]
        total = len(sources) + len(free_notes)
        tags_before = {t.id for t in self.lib.tags.all()}
        with self.lib.write():
            done = 0
            own = self._own_source_guids()
            for source in sources:
                self._check_cancel()
                self._source(source, own)
                done += 1
                self._tell(done, total)
            self._add_claims()
            self._relations()
            self.own_notes = self._own_notes()
            self.templates = set(load_templates())
            for guid in free_notes:
                self._check_cancel()
                self._note(guid)
                done += 1
                self._tell(done, total)
            self._codebook()
            new_tags = sorted({t.id for t in self.lib.tags.all()} - tags_before)
            self.report.created.tag_ids = new_tags
            self.report.count("tags", len(new_tags))

    def _check_cancel(self) -> None:
        if self.cancel is not None and self.cancel():
            raise ImportCancelled(f"import of {self.report.project} cancelled; nothing was added")

    def _tell(self, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress(done, total)

    # -- notes attached to sources and selections (NoteRef, or NVivo's Link) -------------------

    def _attached_notes(self) -> dict[str, list[str]]:
        """Return object GUID → the GUIDs of the notes attached to it."""
        notes = self.loaded.note_texts
        attached: dict[str, list[str]] = {}
        for source in self.project.sources:
            for holder, refs in [(source.guid, source.notes)] + [
                (sel.guid, sel.notes) for sel in source.selections
            ]:
                for ref in refs:
                    if ref in notes:
                        attached.setdefault(holder, []).append(ref)
        for link in self.project.links:
            for note, other in ((link.origin, link.target), (link.target, link.origin)):
                if note in notes and other not in notes:
                    attached.setdefault(other, []).append(note)
        return attached

    def _notes_on(self, guid: str) -> list[str]:
        return [
            self.loaded.note_texts[n].strip() for n in dict.fromkeys(self.attached.get(guid, []))
        ]

    # -- sources ------------------------------------------------------------------------------

    def _own_source_guids(self) -> dict[str, int]:
        """Return the GUID our export gives each source here → its id (to find them again)."""
        return {stable_guid("source", s.uid): s.id for s in self.lib.sources.all()}

    def _source(self, source: TextSource, own: dict[str, int]) -> None:
        forms = self.loaded.texts[source.guid]
        name = source.name.strip() or f"Untitled source {source.guid[:8]}"
        source_id = own.get(source.guid)
        if source_id is None:
            try:
                source_id = self.lib.sources.add(self._document(source, forms, name)).id
                self.report.created.source_ids.append(source_id)
            except DuplicateSource as dup:
                source_id = dup.existing.id
            except BriefingError as exc:
                self.report.discard("source", name, str(exc))
                return
            else:
                self.report.count("sources")
                self._source_tags(source, source_id, name)
                self._claims(source, source_id, forms)
                return
        self.report.count("sources already here")
        if self.lib.sources.get(source_id).text != forms.stored:
            self.report.discard(
                "source", name, f"it matches source {source_id} here, whose text differs"
            )
            return
        self._source_tags(source, source_id, name)
        self._claims(source, source_id, forms)

    def _document(self, source: TextSource, forms: TextForms, name: str) -> ExtractedDocument:
        doc = ExtractedDocument(
            title=name,
            text=forms.stored,
            format=SOURCE_FORMAT,
            # Where in which project: one path per source (a source's path finds its duplicates
            # with other texts, so a shared one would compare every source of the project).
            origin_path=f"{self.report.project}#{source.guid}",
        )
        said_guessed = False
        for variable, value in source.variables.items():
            if variable.strip().lower() == LANGUAGE_GUESSED_VARIABLE.lower():
                said_guessed = value.strip().lower() == LANGUAGE_GUESSED_VALUE
                continue
            attribute = _VARIABLES.get(variable.strip().lower())
            if attribute is None:
                self.report.discard("variable", f"{name}: {variable}", "no source field holds it")
                continue
            problem = _variable_problem(attribute, value)
            if problem:
                self.report.discard("variable", f"{name}: {variable}", problem)
                continue
            if attribute == "language":  # a tool may name it ("German"): the code is stored
                value = Reference(language=value).language_code()
            setattr(doc, attribute, value)
        # REFI-QDA has no language of its own: a Language variable is the project's word on
        # it and wins; a source without one gets a guess from its text, as a file import does.
        settle_language(doc)
        if said_guessed and doc.language and not doc.language_guessed:
            # Another Briefing guessed it: it stays a guess here, the one it made.
            doc.language_guessed = True
        doc.analyst_note = "\n\n".join(
            part for part in [source.description.strip(), *self._notes_on(source.guid)] if part
        )
        return doc

    def _source_tags(self, source: TextSource, source_id: int, name: str) -> None:
        refs = []
        for code in source.codes:
            meaning = self._meaning(code)
            if meaning.problem or meaning.attribute:
                why = meaning.problem or "a claim attribute cannot apply to a whole source"
                self.report.discard("coding", f"{name}: {meaning.name}", why)
            else:
                refs.append(meaning.tag_ref)
        have = [f"{t.kind}:{t.name}" for t in self.lib.tags.on_source(source_id)]
        wanted = list(dict.fromkeys([*have, *refs]))
        if wanted != have:
            self.lib.sources.set_tags(source_id, wanted)
            if source_id not in self.report.created.source_ids:
                self.report.created.retagged.append((source_id, have, wanted))

    # -- claims -------------------------------------------------------------------------------

    def _claims(self, source: TextSource, source_id: int, forms: TextForms) -> None:
        named = [
            (s.start, s.end, s.name)
            for s in source.selections
            if s.start is not None and s.end is not None
        ]
        convention = choose_convention(forms, named)
        if convention != STANDARD:
            self.report.adjust("source", source.name, f"selections read as {convention.describe()}")
        selections = source.selections
        if names_are_labels(forms, convention, selections):
            # A tool naming selections "Reference 1": nothing to check them by but positions.
            selections = [replace(s, name="") for s in selections]
            self.report.adjust(
                "source", source.name, "selection names are labels, not quotes: positions trusted"
            )
        taken = {(start, end): cid for cid, start, end, _ in self.lib.claims.spans(source_id)}
        planned: list[_PlannedClaim] = []
        by_span: dict[tuple[int, int], _PlannedClaim] = {}
        for sel, original in zip(selections, source.selections, strict=True):
            label = original.name or f"selection {sel.guid[:8]}"
            placed = place_selection(forms, convention, sel)
            if isinstance(placed, str):
                self.report.discard("selection", label, placed)
                continue
            where = (placed.start, placed.end)
            if where in taken:
                self.claim_ids[sel.guid] = taken[where]
                self.report.count("claims already here")
                self._follow_key(_statement_and_key(sel.description)[1], taken[where])
                continue
            if placed.moved:
                self.report.adjust("selection", label, placed.moved)
            plan = self._plan_claim(sel, placed, label)
            if where in by_span:
                # Two coders' selections of the same text: one claim with both codings.
                by_span[where].merge(plan)
                self.report.adjust("selection", label, "merged with a selection of the same text")
                continue
            by_span[where] = plan
            planned.append(plan)
        self.planned += [(source_id, plan) for plan in planned]
        if not self.keyed:
            # Nothing to keep in order: added while the source's pages are still in SQLite's
            # cache (the transaction is the whole project: evicted pages would be spilled).
            self._add_claims()

    def _add_claims(self) -> None:
        """Add the claims planned on every source, those bringing their own key lowest first.

        Keys are handed out in order and never reused, so a key is kept only if no higher one
        went first: sorted across all sources, a project exported from one library keeps every
        key in an empty one (its notes then cite the same claims), and claims without a key get
        new keys after.
        """
        planned, self.planned = self.planned, []
        planned.sort(key=lambda item: int(item[1].key[1:]) if item[1].key else 1 << 62)
        for n, (source_id, plan) in enumerate(planned, 1):
            if n % CANCEL_EVERY == 0:
                self._check_cancel()  # a project may hold thousands of selections
            self._add_claim(source_id, plan)

    def _follow_key(self, project_key: str | None, claim_id: int) -> None:
        """Remember the key the project's claim project_key has here, if it is another."""
        if project_key is None:
            return
        here = self.lib.claims.get(claim_id).key
        if here != project_key:
            self.rekeyed[project_key] = here

    def _plan_claim(self, sel: Selection, placed: Placed, label: str) -> _PlannedClaim:
        statement, key = _statement_and_key(sel.description)
        notes = self._notes_on(sel.guid)
        statement = "\n\n".join(part for part in [statement, *notes] if part)
        attributes: dict[str, str] = {}
        tags: list[str] = []
        for code in sel.codes:
            meaning = self._meaning(code)
            if meaning.problem:
                self.report.discard("coding", f"{label}: {meaning.name}", meaning.problem)
            elif meaning.attribute:
                held = attributes.get(meaning.attribute)
                if held is not None and held != meaning.value:
                    why = f"the claim's {meaning.attribute} is already {held!r}"
                    self.report.discard("coding", f"{label}: {meaning.name}", why)
                else:
                    attributes[meaning.attribute] = meaning.value
            else:
                tags.append(meaning.tag_ref)
        tags = list(dict.fromkeys(tags))
        return _PlannedClaim(sel, placed, statement, key, attributes, tags, [sel.guid])

    def _add_claim(self, source_id: int, plan: _PlannedClaim) -> None:
        key = plan.key if plan.key and self.lib.claims.free_keys([plan.key]) else None
        values = plan.attributes
        try:
            claim = self.lib.claims.add(
                source_id,
                start=plan.placed.start,
                end=plan.placed.end,
                statement=plan.statement,
                party=values.get("party", ""),
                kind=values.get("kind", "reported fact"),
                credibility=int(values.get("credibility", "6")),
                status=values.get("status", "unverified"),
                tags=plan.tags,
                key=key,
            )
        except BriefingError as exc:
            self.report.discard("selection", plan.selection.name, str(exc))
            return
        self.report.count("claims")
        self.report.created.claim_ids.append(claim.id)
        self.claim_ids.update(dict.fromkeys(plan.guids, claim.id))
        if plan.key and key is None:
            self.rekeyed[plan.key] = claim.key
            self.report.adjust(
                "selection", plan.selection.name, f"key {plan.key} is taken here: {claim.key}"
            )

    def _meaning(self, code: str) -> CodeMeaning:
        if code not in self.meanings:
            self.meanings[code] = code_meaning(self.project.codes, code)
        return self.meanings[code]

    def _codebook(self) -> None:
        """Keep the codebook's tags that no selection uses: an analyst's vocabulary is data."""
        parents = {c.parent for c in self.project.codes.values()}
        for guid, code in self.project.codes.items():
            if guid in self.meanings or guid in parents:
                continue
            meaning = self._meaning(guid)
            if meaning.attribute:
                continue  # the attribute's vocabulary: Briefing has it already
            if meaning.problem:
                self.report.discard("code", code.name, meaning.problem)
            elif code.codable:
                self.lib.tags.ensure(meaning.tag_name, meaning.tag_kind)
            else:
                self.report.discard("code", code.name, "a grouping code with nothing under it")

    # -- links: relations between claims -------------------------------------------------------

    def _relations(self) -> None:
        """Link claims whose selections the project links by a relation's name."""
        notes = self.loaded.note_texts
        for link in self.project.links:
            if link.origin in notes or link.target in notes:
                continue  # an annotation, attached above
            name = link.name.strip().lower()
            ends = (self.claim_ids.get(link.origin), self.claim_ids.get(link.target))
            label = link.name or f"link {link.guid[:8]}"
            if name not in RELATIONS or ends[0] is None or ends[1] is None:
                self.report.discard(
                    "link",
                    label,
                    f"Briefing keeps only links between claims named {', '.join(RELATIONS)}",
                )
                continue
            if self.lib.relations.between(ends[0], ends[1]) is not None:
                self.report.count("relations already here")
                continue
            try:
                relation = self.lib.relations.link(ends[0], name, ends[1])
            except BriefingError as exc:
                self.report.discard("link", label, str(exc))
                continue
            self.report.count("relations")
            self.report.created.relation_ids.append(relation.id)

    # -- notes --------------------------------------------------------------------------------

    def _own_notes(self) -> set[object]:
        """Return what finds a note imported before: our export's GUID, or title and bodies."""
        found: set[object] = set()
        for note in self.lib.notes.all():
            found.add(stable_guid("note", note.uid))
            found.add((note.title, tuple(s.body for s in note.sections)))
        return found

    def _note(self, guid: str) -> None:
        note = self.project.notes[guid]
        text = self.loaded.note_texts[guid]
        if not text.strip():
            self.report.discard("note", note.name, "it is empty")
            return
        memo = read_memo(note.name.strip() or "Imported memo", text)
        bodies = tuple(body for _, _, body in memo.sections)
        # The memo cites the project's keys; a claim given another key here keeps its citations.
        rekeyed = tuple(rekey_citations(body, self.rekeyed) for body in bodies)
        if guid in self.own_notes or {(memo.title, bodies), (memo.title, rekeyed)} & self.own_notes:
            self.report.count("notes already here")
            return
        if rekeyed != bodies:
            moved = sorted(
                {k for body in bodies for k in cited_keys(body) if k in self.rekeyed},
                key=lambda k: int(k[1:]),
            )
            self.report.adjust(
                "note",
                memo.title,
                "citations follow their claims' keys here: "
                + ", ".join(f"{k} → {self.rekeyed[k]}" for k in moved),
            )
            bodies = rekeyed
        header = dict(memo.fields)
        template = header.pop("template", NOTE_TEMPLATE)
        status = header.pop("status", "")
        if template not in self.templates:
            self.report.adjust(
                "note", memo.title, f"template {template!r} is not here: {NOTE_TEMPLATE}"
            )
            template = NOTE_TEMPLATE
        try:
            with self.lib.write():  # the note and its status, or neither
                created = self.lib.notes.create(
                    memo.title,
                    template,
                    [(key, heading) for key, heading, _ in memo.sections],
                    bodies=dict(zip((key for key, _, _ in memo.sections), bodies, strict=True)),
                    marking=header.get("marking", ""),
                    memo_to=header.get("memo_to", ""),
                    memo_from=header.get("memo_from", ""),
                    subject=header.get("subject", ""),
                    memo_date=header.get("memo_date", ""),
                )
                if status and status != created.status:
                    self.lib.notes.update(created.id, status=status)
        except BriefingError as exc:
            self.report.discard("note", memo.title, str(exc))
            return
        self.report.count("notes")
        self.report.created.note_ids.append(created.id)


def _statement_and_key(description: str) -> tuple[str, str | None]:
    """Split our export's "<statement>\\n\\nClaim C12" description into statement and key."""
    text = description.strip()
    lines = text.split("\n")
    match = _KEY_LINE.match(lines[-1].strip()) if lines else None
    if match is None:
        return text, None
    return "\n".join(lines[:-1]).strip(), match[1]


def _variable_problem(attribute: str, value: str) -> str:
    """Return why a variable's value cannot be a source field, or ''."""
    try:
        if attribute == "published":
            check_partial_date(value, "published date")
        elif attribute == "url":
            check_url(value)
        elif attribute == "reliability" and value not in RELIABILITY.codes():
            return f"{value!r} is not a reliability grade ({', '.join(RELIABILITY.codes())})"
    except InvalidInput as exc:
        return str(exc)
    return ""
