"""A child process that imports one package and reports how it ended and its peak memory.

    python pack_child.py LIBRARY PACKAGE

Prints one JSON line: the error's type and message (or none), whether the library changed,
the seconds the import took and the process's peak resident memory in MB. A process of its
own, so the peak is the import's and not what earlier tests left in the parent.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path

from briefing_app.core.errors import BriefingError
from briefing_app.core.library import Library
from briefing_app.core.review.packs import import_pack


def main(library: Path, pack: Path) -> None:
    """Import pack into library and print what happened as one JSON line."""
    lib = Library.open(library, backup=False)
    before = list(lib.conn.iterdump())
    report: dict[str, object] = {"error": None, "message": ""}
    started = time.monotonic()
    try:
        import_pack(lib, pack)
    except BriefingError as exc:
        report.update(error=type(exc).__name__, message=str(exc))
    report["seconds"] = round(time.monotonic() - started, 2)
    report["changed"] = list(lib.conn.iterdump()) != before
    # Linux gives kilobytes, macOS bytes.
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    report["peak_mb"] = round(peak / (1 << 20 if sys.platform == "darwin" else 1 << 10))
    lib.close()
    print(json.dumps(report))


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
