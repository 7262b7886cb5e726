"""Wall-clock timing shared by the benchmarks: one call, medians, and ours against a baseline.

Every figure is a median after one warm-up call; ours and the baseline alternate run by run,
so both are measured under the same load (the machine is shared).
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def timed(fn: Callable[[], object]) -> float:
    """Return the wall time of one call of fn, in seconds."""
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def times(runs: int, fn: Callable[[], object]) -> list[float]:
    """Return the wall time of each of runs calls of fn, in seconds, after one warm-up call."""
    fn()
    return [timed(fn) for _ in range(runs)]


def median_of(runs: int, fn: Callable[[], object]) -> float:
    """Return the median wall time of fn over runs calls, in seconds (after one warm-up)."""
    return statistics.median(times(runs, fn))


def paired_medians(
    runs: int, ours: Callable[[], object], baseline: Callable[[], object]
) -> tuple[float, float]:
    """Return the median times of ours and baseline in seconds, runs alternating between them.

    Alternating puts both under the same machine load (the machine is shared).
    """
    return paired_own_medians(runs, lambda: timed(ours), lambda: timed(baseline))


def paired_own_medians(
    runs: int, ours: Callable[[], float], baseline: Callable[[], float]
) -> tuple[float, float]:
    """Return the medians of the seconds ours and baseline each report, runs alternating.

    For a measure that times only part of what it does (a panel hidden and forgotten before
    the clock starts); one warm-up call of each first.
    """
    ours()
    baseline()
    a, b = [], []
    for _ in range(runs):
        a.append(ours())
        b.append(baseline())
    return statistics.median(a), statistics.median(b)
