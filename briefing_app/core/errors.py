"""Typed errors raised by the core and turned into one-line messages at the edges."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from briefing_app.core.models import Source


def quoted(value: object, limit: int = 40) -> str:
    """Return value as a message quotes it: its repr, cut after limit characters.

    A value from a file may be megabytes long; the message about it stays one short line.

    >>> quoted("abc"), quoted("x" * 50, limit=5)
    ("'abc'", "'xxxxx'...")
    """
    if isinstance(value, str) and len(value) > limit:
        return f"{value[:limit]!r}..."
    text = repr(value)
    return text if len(text) <= limit else f"{text[:limit]}..."


class BriefingError(Exception):
    """Base of every error the core raises on purpose; its message is one line for the user."""


class NotFound(BriefingError):
    """A record named by id, uid or key does not exist."""


class InvalidInput(BriefingError):
    """A value given by the user is not acceptable (bad grade, empty quote, unknown kind...)."""


class TemplateError(InvalidInput):
    """A template file (or its reference document) is not valid; the message names the file."""


class UnsupportedFormat(BriefingError):
    """A file's type is not one the importers read."""


class CorruptFile(BriefingError):
    """A file claims a format but cannot be read as it (truncated, damaged, no text)."""


class PartlyRead(CorruptFile):
    """A reference file some of whose items could not be read: the message says how many and
    where the first is; the items that could be read are in `readable`."""

    def __init__(self, message: str, readable: list[Any]) -> None:
        super().__init__(message)
        self.readable = readable


class InvalidPack(CorruptFile):
    """A review package is damaged, forged, or not a Briefing package; the message names the
    package, and the record and field at fault."""


class FileTooLarge(BriefingError):
    """A file, or what it would decompress to, is over the safe limit."""


class QuoteNotFound(BriefingError):
    """The quote given for a new claim does not occur in the source text."""


class ImmutableText(BriefingError):
    """A source's text cannot change once a claim points into it."""


class MissingClaim(BriefingError):
    """A note cites a claim key that does not exist in the library."""


class CannotWrite(BriefingError):
    """An output file cannot be written (no such folder, no permission, disk full)."""


class ReadOnlyTarget(CannotWrite):
    """An output file exists and is write-protected: it is replaced only when asked to."""


class WordListUnreadable(BriefingError):
    """A spelling word list (the user's own, or a dictionary shipped with the app) cannot be
    read whole: not a file, no permission, not UTF-8 text, or over the size read; the message
    names the list and says what spelling does without it."""


class NoteIsFinal(BriefingError):
    """A final note is read-only until it is reopened."""

    def __init__(self, note_id: int) -> None:
        super().__init__(f"note {note_id} is final: reopen it to edit")
        # Each edge says how to reopen it in its own terms (the CLI: `briefing status N draft`).
        self.note_id = note_id

    def __reduce__(self) -> tuple[type[NoteIsFinal], tuple[int]]:
        """Pickle by the note's id (the default would pass the message as the id)."""
        return (NoteIsFinal, (self.note_id,))


class LibraryError(BriefingError):
    """The library file cannot be opened or is not a Briefing library."""


class LibraryDamaged(LibraryError):
    """The library file's pages are damaged (SQLite reports a malformed database image)."""


class LibraryBusy(LibraryError):
    """Another process holds the library's write lock for longer than the busy timeout."""


class LibraryReadOnly(LibraryError):
    """The library file or its folder is not writable: it opens for reading only."""


class DiskFull(LibraryError):
    """The disk has no room for a write to the library; nothing of that write was kept."""


class BackupError(BriefingError):
    """A backup cannot be made, or a backup file does not open as a sound library."""


class CheckFailed(BriefingError):
    """An export was refused because the analytic checks found errors."""


class EditDoesNotApply(BriefingError):
    """The text a suggested edit was made on is no longer in the note."""


class DuplicateSource(BriefingError):
    """The library already holds a source with exactly this text."""

    def __init__(self, existing: Source) -> None:
        super().__init__(f"already in the library as source {existing.id} ({existing.title!r})")
        self.existing = existing


class CitationStyleError(InvalidInput):
    """A citation style file is not valid; the message names the file and the reason."""


class ConflictingEdit(BriefingError):
    """A field was changed elsewhere (another window, the CLI) since the editor loaded it.

    `field` names it as the edit did ("section.summary", "statement"), `stored` is the value
    the library now holds, so the edge can keep both texts instead of overwriting one.
    """

    def __init__(self, what: str, field: str, stored: Any) -> None:
        name = field.removeprefix("section.")
        super().__init__(f"{what}: {name} was changed elsewhere since it was loaded")
        self.field = field
        self.stored = stored


class NotAReviewCopy(CorruptFile):
    """A .docx that is not a review copy of a note in this library."""


class UnknownHypothesis(NotFound):
    """A key question's matrix has no hypothesis of this key."""


class UnknownKeys(NotFound):
    """Keys that name no claim or hypothesis: every one of them, named in one line.

    Named one at a time, the analyst corrected one key only to be told of the next.
    """

    def __init__(self, problems: list[str], keys: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.keys = tuple(keys)


class UnknownRow(NotFound):
    """A key question's matrix has no row of this key (claim, assumption or absence)."""


class BadRating(InvalidInput):
    """A matrix rating, weight or assumption rating that is not one of the allowed values."""


class InvalidProject(CorruptFile):
    """A REFI-QDA project (.qdpx) is damaged or not a project; the message names the file and
    the part at fault."""


class UnsafeProject(InvalidProject):
    """A .qdpx project is hostile (a path out of its folder, an absolute path, a DTD or entity,
    a zip bomb) and was refused before anything was written."""


class ImportCancelled(BriefingError):
    """The user cancelled an import that runs as one transaction: nothing was written."""


class ChangedSinceImport(BriefingError):
    """An import cannot be undone or redone as one step: something it made or changed was
    changed since, or something made since rests on it; nothing was changed."""
