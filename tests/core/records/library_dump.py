"""A full dump of a library's tables, to prove an undo leaves nothing behind."""

from __future__ import annotations

from typing import Any

from briefing_app.core.library import Library


def dump(lib: Library) -> dict[str, list[tuple[Any, ...]]]:
    """Return every row of every table (full-text index internals aside), sorted.

    The commit log is left out: it records the commits themselves (an undo is one more), not
    what the library holds.
    """
    tables = [
        r[0]
        for r in lib.conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'"
            " AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts%' AND name != 'commit_log'"
        )
    ]
    return {
        table: sorted(
            (tuple(row) for row in lib.conn.execute(f'SELECT * FROM "{table}"')),
            key=repr,
        )
        for table in sorted(tables)
    }
