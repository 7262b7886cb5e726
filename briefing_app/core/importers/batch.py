"""Importing many files and folders: duplicates skipped, bad files reported, progress told."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefing_app.core.errors import BriefingError, DuplicateSource, LibraryBusy
from briefing_app.core.importers.base import extract_file, importable_suffixes

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

    def to_json(self) -> dict[str, Any]:
        """Return the JSON form printed by `briefing import --json`."""
        return {
            "path": str(self.path),
            "status": self.status,
            "reason": self.reason,
            "source_id": self.source_id,
        }


@dataclass
class ImportSummary:
    """The outcome of a batch: one entry per file, in order, and whether it was cancelled."""

    outcomes: list[FileOutcome] = field(default_factory=list)
    cancelled: bool = False

    def by_status(self, status: str) -> list[FileOutcome]:
        """Return the outcomes with this status."""
        return [o for o in self.outcomes if o.status == status]

    def line(self) -> str:
        """Return a one-line summary such as '3 imported, 1 duplicate, 0 failed'."""
        parts = [
            f"{len(self.by_status('imported'))} imported",
            f"{len(self.by_status('duplicate'))} duplicate",
            f"{len(self.by_status('failed'))} failed",
        ]
        return ", ".join(parts) + (" (cancelled)" if self.cancelled else "")

    def to_json(self) -> dict[str, Any]:
        """Return the JSON form printed by `briefing import --json`."""
        return {
            "imported": len(self.by_status("imported")),
            "duplicate": len(self.by_status("duplicate")),
            "failed": len(self.by_status("failed")),
            "cancelled": self.cancelled,
            "files": [o.to_json() for o in self.outcomes],
        }


def expand_paths(paths: Iterable[Path | str]) -> Iterator[Path]:
    """Yield the files named, and the importable files inside named folders (recursively, sorted).

    Files named directly are yielded whatever their type, so an unsupported one is reported.
    """
    suffixes = set(importable_suffixes())
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                hidden = any(part.startswith(".") for part in child.relative_to(path).parts)
                if child.is_file() and not hidden and child.suffix.lower() in suffixes:
                    yield child
        else:
            yield path


def import_paths(
    lib: Library,
    paths: Iterable[Path | str],
    progress: ProgressCallback | None = None,
) -> ImportSummary:
    """Import files and folders into lib, each file in its own transaction; return the summary.

    A file that fails is reported and skipped; the others still import.
    """
    files = list(expand_paths(paths))
    summary = ImportSummary()
    for done, path in enumerate(files):
        if progress is not None and progress(done, len(files), path) is False:
            summary.cancelled = True
            break
        summary.outcomes.append(import_one(lib, path))
    if progress is not None and not summary.cancelled:
        progress(len(files), len(files), files[-1] if files else Path())
    return summary


def import_one(lib: Library, path: Path) -> FileOutcome:
    """Import one file; never raise for a bad file, report it in the outcome instead."""
    if not path.exists():
        return FileOutcome(path, "failed", "no such file or folder")
    try:
        doc = extract_file(path)
        source = lib.sources.add(doc)
    except DuplicateSource as dup:
        return FileOutcome(path, "duplicate", str(dup), dup.existing.id)
    except LibraryBusy:
        raise  # not this file's fault: every other file would wait out the timeout too
    except BriefingError as exc:
        return FileOutcome(path, "failed", str(exc))
    except (OSError, ValueError, RecursionError, MemoryError) as exc:
        # Third-party parsers raise these on damaged input; the user needs the file named.
        return FileOutcome(path, "failed", f"cannot read the file ({type(exc).__name__}: {exc})")
    return FileOutcome(path, "imported", "", source.id)
