"""An optional trace of the start-up: `BRIEFING_STARTUP_TRACE=1 briefing` prints each stage.

Each line on stderr says how long after this module was loaded (the first thing the desktop
app loads, before Qt) a stage ended, so a slow first paint can be put down to its stage
without a profiler, whose overhead distorts exactly the Python-heavy parts of a start.
Nothing is printed, and nothing measured, without the variable.
"""

from __future__ import annotations

import os
import sys
import time

ENV = "BRIEFING_STARTUP_TRACE"
_ENABLED = bool(os.environ.get(ENV))
_ZERO = time.perf_counter()


def enabled() -> bool:
    """Return whether the start-up is being traced."""
    return _ENABLED


def mark(stage: str) -> None:
    """Print (when tracing) how long after the start of the app the stage ended."""
    if _ENABLED:
        elapsed = (time.perf_counter() - _ZERO) * 1000
        print(f"startup {elapsed:7.1f} ms  {stage}", file=sys.stderr, flush=True)


def _process_age_ms() -> float | None:
    """Return how long this process has run (Linux), to place the trace's zero."""
    try:
        with open("/proc/self/stat", encoding="ascii") as stat:
            started = int(stat.read().rsplit(")", 1)[1].split()[19])
        with open("/proc/uptime", encoding="ascii") as uptime:
            now = float(uptime.read().split()[0])
    except (OSError, ValueError, IndexError):
        return None
    return (now - started / os.sysconf("SC_CLK_TCK")) * 1000


if _ENABLED:
    _age = _process_age_ms()
    mark("trace starts" + (f" (process started ~{_age:.0f} ms before)" if _age else ""))
