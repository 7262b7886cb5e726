"""Importing many files and folders: duplicates skipped, bad files reported, progress told."""

from __future__ import annotations

import functools
import multiprocessing
import os
import signal
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefing_app.core.changes import Edit
from briefing_app.core.errors import (
    BriefingError,
    DuplicateSource,
    LibraryBusy,
    LibraryReadOnly,
    PartlyRead,
)
from briefing_app.core.importers.base import ExtractedDocument, extract_file, importable_suffixes
from briefing_app.core.importers.references import (
    NO_TEXT,
    Reference,
    broken_json,
    is_reference_file,
    read_references,
    reference_document,
    reference_suffixes,
)

if TYPE_CHECKING:
    from briefing_app.core.library import Library

# progress(done, total, path): return False to cancel the rest of the batch.
ProgressCallback = Callable[[int, int, Path], bool | None]


@dataclass
class FileOutcome:
    """What happened to one file: imported, duplicate or failed, and why."""

    path: Path
    status: str
    reason: str = ""
    source_id: int | None = None
    # One item of a reference file (its title): path is then the reference file.
    item: str = ""
    # What re-importing a reference changed on its source, for undo (lib.sources.revert_refresh).
    edit: Edit | None = None

    def to_json(self) -> dict[str, Any]:
        """Return the JSON form printed by `briefing import --json`."""
        # The same keys for every entry ("item": a reference's label, else ""): a script or a
        # spreadsheet reading the list expects one shape.
        return {
            "path": str(self.path),
            "status": self.status,
            "reason": self.reason,
            "source_id": self.source_id,
            "item": self.item,
        }


@dataclass
class ImportItem:
    """One thing to import: a file, or one reference read from a reference file."""

    path: Path
    reference: Reference | None = None


@dataclass
class ImportSummary:
    """The outcome of a batch: one entry per file, in order, and whether it was cancelled."""

    outcomes: list[FileOutcome] = field(default_factory=list)
    cancelled: bool = False
    # Files inside the folders named that no importer reads (an .odt, a picture): left out.
    skipped: list[Path] = field(default_factory=list)
    # The newest tag before the import: tags with greater ids were made by it (for undo).
    tags_before: int = 0

    def by_status(self, status: str) -> list[FileOutcome]:
        """Return the outcomes with this status."""
        return [o for o in self.outcomes if o.status == status]

    def line(self) -> str:
        """Return a one-line summary such as '3 imported, 1 duplicate, 0 failed'."""
        parts = [
            f"{len(self.by_status('imported'))} imported",
            *(
                f"{len(self.by_status(s))} {s}"
                for s in ("updated", "unchanged")
                if self.by_status(s)
            ),
            f"{len(self.by_status('duplicate'))} duplicate",
            f"{len(self.by_status('failed'))} failed",
        ]
        return ", ".join(parts) + (" (cancelled)" if self.cancelled else "")

    def to_json(self) -> dict[str, Any]:
        """Return the JSON form printed by `briefing import --json`."""
        return {
            "imported": len(self.by_status("imported")),
            "updated": len(self.by_status("updated")),
            "unchanged": len(self.by_status("unchanged")),
            "duplicate": len(self.by_status("duplicate")),
            "failed": len(self.by_status("failed")),
            "cancelled": self.cancelled,
            "files": [o.to_json() for o in self.outcomes],
            "skipped": [str(p) for p in self.skipped],
        }


def expand_paths(paths: Iterable[Path | str], skipped: list[Path] | None = None) -> Iterator[Path]:
    """Yield the files named, and the importable files inside named folders (recursively, sorted).

    Files named directly are yielded whatever their type, so an unsupported one is reported.
    A folder with a reference file at its top is a reference manager's export (Zotero's Export
    Files): only its reference files are yielded, their attachments come with their items;
    so too for such a folder inside a folder named. Files of a named folder that no importer
    reads are added to skipped (hidden files and a reference export's attachments are not).
    """
    suffixes = set(importable_suffixes()) | {".ris", ".bib"}
    for raw in paths:
        path = Path(raw)
        if not path.is_dir():
            yield path
            continue
        found: list[Path] = []
        for top, folders, names in os.walk(path):
            folder = Path(top)
            folders[:] = [f for f in folders if not f.startswith(".")]
            files = [folder / n for n in names if not n.startswith(".")]
            references = [f for f in files if is_reference_file(f)]
            if references:
                found += references
                folders[:] = []  # an export: its attachments come with its items
                continue
            found += [f for f in files if f.suffix.lower() in suffixes and f.is_file()]
            if skipped is not None:
                skipped += sorted(f for f in files if f.suffix.lower() not in suffixes)
        yield from sorted(found)


def expand_items(
    paths: Iterable[Path | str],
    failures: list[FileOutcome] | None = None,
    skipped: list[Path] | None = None,
) -> list[ImportItem]:
    """Return what to import from files and folders: each reference of a reference file is
    one item; a reference file that cannot be read is added to failures."""
    items: list[ImportItem] = []
    for path in expand_paths(paths, skipped):
        if path.suffix.lower() not in reference_suffixes() or not path.is_file():
            items.append(ImportItem(path))
            continue
        if path.suffix.lower() == ".json" and not is_reference_file(path):
            problem = broken_json(path)
            if problem is not None and failures is not None:
                failures.append(FileOutcome(path, "failed", problem))
            else:
                items.append(ImportItem(path))  # reported as an unsupported type
            continue
        try:
            items.extend(ImportItem(path, ref) for ref in read_references(path))
        except PartlyRead as partly:
            # What was read imports; what was not is named, so nothing is lost unseen.
            if failures is not None:
                failures.append(FileOutcome(path, "failed", str(partly)))
            items.extend(ImportItem(path, ref) for ref in partly.readable)
        except BriefingError as exc:
            if failures is not None:
                failures.append(FileOutcome(path, "failed", str(exc)))
    return items


# Fewer files than this import in this process: starting a worker (and its importers) costs
# about a second, more than extracting a few pages.
PARALLEL_FROM = 8


def default_workers() -> int:
    """Return how many processes a big import extracts in: one per core."""
    return max(1, os.cpu_count() or 1)


@dataclass
class Extracted:
    """What a worker sends back for one item: the document, or why it could not be read."""

    doc: ExtractedDocument | None = None
    status: str = "failed"
    reason: str = ""


def extract_item(item: ImportItem) -> Extracted:
    """Read one item (in a worker process or here); never raise for a bad file."""
    path = item.path
    if item.reference is None and not path.exists():
        return Extracted(reason="no such file or folder")
    try:
        if item.reference is None:
            doc = extract_file(path)
        else:
            doc = reference_document(item.reference)
            doc.origin_path = doc.origin_path or str(path)
    except BriefingError as exc:
        return Extracted(reason=str(exc))
    except (OSError, ValueError, RecursionError, MemoryError) as exc:
        # Third-party parsers raise these on damaged input; the user needs the file named.
        return Extracted(reason=f"cannot read the file ({type(exc).__name__}: {exc})")
    return Extracted(doc=doc, status="read")


def store_item(
    lib: Library, item: ImportItem, extracted: Extracted, stored: set[int] | None = None
) -> FileOutcome:
    """Store what was read from one item in one transaction; report a refusal in the outcome.

    `stored` holds the sources references of the same batch were stored as (see
    `store_reference`).
    """
    label = item.reference.label if item.reference is not None else ""
    if extracted.doc is None:
        return FileOutcome(item.path, "failed", extracted.reason, item=label)
    try:
        if item.reference is not None:
            return store_reference(lib, item.path, extracted.doc, label, stored)
        source = lib.sources.add(extracted.doc)
    except DuplicateSource as dup:
        return FileOutcome(item.path, "duplicate", str(dup), dup.existing.id)
    except (LibraryBusy, LibraryReadOnly):
        # Not this file's fault: every other file would wait out the timeout too, or be refused
        # in the same words, one line per file.
        raise
    except BriefingError as exc:
        return FileOutcome(item.path, "failed", str(exc), item=label)
    return FileOutcome(item.path, "imported", "", source.id)


def import_paths(
    lib: Library,
    paths: Iterable[Path | str],
    progress: ProgressCallback | None = None,
    workers: int = 1,
    responsive: bool = False,
) -> ImportSummary:
    """Import files and folders into lib, each file in its own transaction; return the summary.

    A file that fails is reported and skipped; the others still import. A reference file's
    items import one by one (progress counts items); importing it again updates them. With
    workers > 1 a big import reads its files in that many processes (this one among them);
    only this process writes the library, in the files' order, so the outcome is the same.
    responsive=True is for a caller whose process must keep answering its user meanwhile
    (the window): this process then only writes, and `workers` other processes read at a
    lower CPU priority. A batch too small for workers is read here either way.
    """
    summary = ImportSummary(tags_before=lib.tags.newest_id())
    items = expand_items(paths, summary.outcomes, summary.skipped)
    parallel = workers > 1 and len(items) >= PARALLEL_FROM
    stored: set[int] = set()  # sources stored from references by this batch
    with _extractions(items, workers if parallel else 1, responsive) as results:
        for done, (item, extracted) in enumerate(zip(items, results, strict=False)):
            if progress is not None and progress(done, len(items), item.path) is False:
                summary.cancelled = True
                break
            summary.outcomes.append(store_item(lib, item, extracted(), stored))
    if progress is not None and not summary.cancelled:
        progress(len(items), len(items), items[-1].path if items else Path())
    return summary


@contextmanager
def _extractions(
    items: list[ImportItem], workers: int, responsive: bool = False
) -> Iterator[Iterator[Callable[[], Extracted]]]:
    """Yield, per item in order, a call returning what was read from it: read on demand here,
    or ahead in worker processes (spawned: no fork of a process holding SQLite and Qt)."""
    if workers <= 1:
        yield (functools.partial(extract_item, item) for item in items)
        return
    # Unless this process must stay responsive it reads too (see _SharedQueue), and one
    # process fewer is started: each costs a cold start (importers loaded, caches filled).
    # A responsive caller must not: parsing a page holds the GIL for tens of milliseconds
    # at a time (lxml, trafilatura), and its UI thread would wait for every one of them.
    pool = ProcessPoolExecutor(
        max_workers=workers if responsive else max(1, workers - 1),
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_start_worker,
        initargs=(responsive,),
    )
    try:
        futures = [pool.submit(extract_item, item) for item in items]
        if responsive:
            yield (functools.partial(_worker_result, future) for future in futures)
        else:
            queue = _SharedQueue(items, futures)
            yield (functools.partial(queue.result, i) for i in range(len(items)))
    finally:
        # Cancel stops what has not started; what is running finishes, unwritten. A window
        # need not wait for the workers to exit (a tenth of a second); a command's process
        # waits for them when it exits anyway.
        pool.shutdown(wait=not responsive, cancel_futures=True)


# How much less CPU a responsive import's workers claim: with every core reading, the UI
# thread waking for an event still gets a core at once (nice 10 weighs a tenth of nice 0).
WORKER_NICENESS = 10


def _start_worker(responsive: bool) -> None:
    """Leave Ctrl+C to the importing process; yield the CPU to a responsive caller."""
    # Ctrl+C in a terminal reaches every process of the command: a worker would print its own
    # KeyboardInterrupt traceback. The importing process stops the import and the pool.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if responsive:
        _yield_to_the_caller()


def _yield_to_the_caller() -> None:
    """Lower this worker process's CPU priority (where the system has niceness)."""
    if hasattr(os, "nice"):  # POSIX; Windows workers run at the normal priority
        os.nice(WORKER_NICENESS)


class _SharedQueue:
    """Items handed to worker processes, which this process helps with while it waits.

    Workers take about a second to start, and the writing process would otherwise sit out
    that second and every wait after it: while the item it must write next is still being
    read, it reads items from the END of the queue itself (those no worker has taken yet),
    so the library is still written in the items' order.
    """

    def __init__(self, items: list[ImportItem], futures: list[Future[Extracted]]) -> None:
        self._items = items
        self._futures = futures
        self._stolen: dict[int, Extracted] = {}
        self._back = len(items) - 1

    def result(self, index: int) -> Extracted:
        """Return what was read from item index, helping the workers until it is there."""
        future = self._futures[index]
        while not future.done() and self._back > index:
            if self._futures[self._back].cancel():  # not yet handed to a worker: ours
                self._stolen[self._back] = extract_item(self._items[self._back])
            self._back -= 1
        if index in self._stolen:
            return self._stolen.pop(index)
        return _worker_result(future)


def _worker_result(future: Future[Extracted]) -> Extracted:
    try:
        return future.result()
    except BrokenProcessPool as exc:
        # A worker killed (out of memory, a crash in a parser's C code) fails its files only.
        return Extracted(reason=f"the process reading the file stopped ({exc})")


def import_reference(lib: Library, path: Path, ref: Reference) -> FileOutcome:
    """Import one reference (or update the source it became before); never raise for a bad
    item, report it in the outcome instead."""
    item = ImportItem(path, ref)
    return store_item(lib, item, extract_item(item))


def store_reference(
    lib: Library, path: Path, doc: ExtractedDocument, label: str, stored: set[int] | None = None
) -> FileOutcome:
    """Store (or update) a reference's source and its highlights in one transaction.

    A reference found to be one already stored by the same batch (`stored`: Zotero keeps
    duplicate items apart until they are merged) is reported as a duplicate and changes
    nothing: the later item would otherwise overwrite the first, and the next import of the
    same export undo it again.
    """
    if not doc.text.strip():
        # Sources sent to Zotero come back without their text: each updates its source.
        existing = lib.sources.same_reference(doc, by_title=True)
        if existing is None:
            return FileOutcome(path, "failed", NO_TEXT, item=label)
        doc = replace(doc, text=existing.text, format=existing.format)
    with lib.write():
        source, status, edit = lib.sources.add_or_update(doc, keep=stored or ())
        if status == "kept":
            reason = (
                f"the same item as an earlier one of this import: source {source.id} "
                f"('{source.title}')"
            )
            return FileOutcome(path, "duplicate", reason, source.id, item=label)
        added, missing = lib.suggestions.add_highlights(source.id, doc.annotations)
    if stored is not None:
        stored.add(source.id)
    if added and status == "unchanged":
        status = "updated"
    reason = ""
    if missing:
        # Listed, not dropped: the analyst finds these passages by hand.
        quotes = "; ".join(
            f"“{m.quote[:60]}”" + (f" (p. {m.page})" if m.page else "") for m in missing
        )
        reason = f"{len(missing)} highlight(s) not found in the text: {quotes}"
    return FileOutcome(path, status, reason, source.id, item=label, edit=edit)


def import_one(lib: Library, path: Path) -> FileOutcome:
    """Import one file; never raise for a bad file, report it in the outcome instead."""
    item = ImportItem(path)
    return store_item(lib, item, extract_item(item))
