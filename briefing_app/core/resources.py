"""Where the app's bundled files are: seeds/, templates/ and resources/.

One module locates them, so no code depends on the current directory. In a source checkout
they sit beside the package; in an installed wheel they are package data under briefing_app/data.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent.parent


def bundled_dir(name: str) -> Path:
    """Return the folder of bundled files called name ('seeds', 'templates' or 'resources')."""
    for candidate in (_PACKAGE_DIR / "data" / name, _PACKAGE_DIR.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"the bundled {name}/ folder is missing from this installation")
