"""Where the app's bundled files are: seeds/, templates/, resources/ and docs/.

One module locates them, so no code depends on the current directory. In a source checkout
they sit beside the package; in an installed wheel they are package data under briefing_app/data.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parents[2]


def bundled_dir(name: str) -> Path:
    """Return the bundled folder called name: 'seeds', 'templates', 'resources' or 'docs'."""
    for candidate in (_PACKAGE_DIR / "data" / name, _PACKAGE_DIR.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"the bundled {name}/ folder is missing from this installation")


def user_guide_path() -> Path:
    """Return the user guide (docs/user-guide.md) shipped with this installation."""
    path = bundled_dir("docs") / "user-guide.md"
    if not path.is_file():
        raise FileNotFoundError(f"{path}: the user guide is missing from this installation")
    return path
