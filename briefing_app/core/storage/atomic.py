"""Writing a file atomically: into a temporary file beside it, moved into place when complete."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from briefing_app.core.errors import CannotWrite


def _umask() -> int:
    # There is no way to read the umask without setting it; set it back at once.
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextlib.contextmanager
def atomic_path(target: Path | str) -> Iterator[Path]:
    """Yield a temporary path to write; on success it replaces target, on failure it goes.

    The file gets the usual permissions for a new file (0666 less the umask), not the
    owner-only mode of a temporary file, so a memo saved to a shared folder can be opened.
    A missing folder or a failed write is one line naming the target, never the temporary.

    >>> with atomic_path("/tmp/briefing-doctest.txt") as tmp:
    ...     _ = tmp.write_text("done")
    """
    target = Path(target).expanduser()
    if not target.parent.is_dir():
        raise CannotWrite(f"{target.parent}: no such folder")
    if target.is_dir():
        raise CannotWrite(f"{target}: is a folder")
    try:
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise CannotWrite(f"{target}: cannot write there ({exc.strerror or exc})") from exc
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, target)
    except OSError as exc:
        raise CannotWrite(f"{target}: cannot write it ({exc.strerror or exc})") from exc
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
