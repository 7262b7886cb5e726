"""The module sources PySide6 leaves in memory, dropped once the window no longer needs them."""

from __future__ import annotations

import linecache


def forget_module_sources() -> None:
    """Drop the source lines of imported modules kept in linecache (~3 MB at the first paint).

    PySide6 reads the source of every module imported after it, to see whether the module
    uses its `__feature__` switches (`inspect.getsource`), and that leaves each file's lines
    in linecache. Only tracebacks and warnings read them, and they read a file again once it
    is dropped; memory freed here is what the window's later parts are then built in.
    """
    linecache.clearcache()
