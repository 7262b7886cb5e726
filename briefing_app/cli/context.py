"""What every command shares: the library path option and opening the library once."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import click

from briefing_app.cli.output import echo
from briefing_app.core.errors import LibraryError, ReadOnlyTarget
from briefing_app.core.library import Library, default_library_path, require_library_folder


@dataclass
class AppContext:
    """The state click passes to commands: where the library is, and the open library."""

    library_path: Path
    start_gui: Callable[[Path], int] | None = None
    _library: Library | None = field(default=None, repr=False)

    def library(self, *, create: bool = False) -> Library:
        """Open the library on first use and keep it for the command.

        Only commands that naturally make a library (import, demo, note new...) pass create:
        for any other a mistyped --library must not leave a new empty library behind.
        """
        if self._library is None:
            if create:
                require_library_folder(self.library_path)
            else:
                require_library(self.library_path)
            self._library = Library.open(self.library_path, create=create)
            if self._library.backup_error:
                # The command still runs; the user should know the safety net has a hole.
                echo(f"Warning: no backup made: {self._library.backup_error}", err=True)
        return self._library

    def close(self) -> None:
        """Close the library if a command opened it."""
        if self._library is not None:
            self._library.close()
            self._library = None


pass_app = click.make_pass_decorator(AppContext)


def require_library(path: Path) -> None:
    """Raise LibraryError, without creating anything, if there is no library file at path."""
    if not path.exists():
        raise LibraryError(
            f"{path}: no library at this path (create one with `briefing demo` or by importing)"
        )


def resolve_library_path(option: str | None) -> Path:
    """Return --library if given, else $BRIEFING_LIBRARY, else the per-user default."""
    return Path(option).expanduser() if option else default_library_path()


# SQLite's largest integer: a larger id or count is a usage error, not an internal overflow.
_SQLITE_MAX = 2**63 - 1
RECORD_ID = click.IntRange(1, _SQLITE_MAX)
COUNT = click.IntRange(1, _SQLITE_MAX)


@contextmanager
def force_replaces_read_only() -> Iterator[None]:
    """Add to a refusal to replace a read-only file that --force would replace it."""
    try:
        yield
    except ReadOnlyTarget as exc:
        raise click.ClickException(f"{exc} (--force replaces it)") from exc
