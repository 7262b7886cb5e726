"""Run a snippet in a child Python and report how long it took and its peak memory.

The peak is the child's own maximum resident set size (`resource.getrusage`), so what the test
process already holds does not count. The child's address space is capped too: a runaway
allocation fails there with MemoryError instead of taking the machine's memory.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_MARKER = "peak-memory-kb: "
_CHILD = """
import json, resource, sys
cap = {cap}
resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
try:
    exec(compile({code!r}, "<measured>", "exec"), {{"__name__": "__measured__"}})
finally:
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print("{marker}" + json.dumps(peak_kb), file=sys.__stderr__, flush=True)
"""


@dataclass(frozen=True)
class Measured:
    """How a child run ended: exit status, output, peak memory in MB and wall time in seconds."""

    returncode: int
    stdout: str
    stderr: str
    peak_mb: float
    seconds: float


def run_measured(code: str, *, cap_mb: int = 1536, timeout: float = 120) -> Measured:
    """Run code (Python source) in a fresh interpreter; return how it ended and what it used."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    child = _CHILD.format(cap=cap_mb * 2**20, code=textwrap.dedent(code), marker=_MARKER)
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-c", child],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
        cwd=ROOT,
        check=False,
    )
    seconds = time.monotonic() - started
    # The peak is printed last, but a traceback from the snippet comes after it.
    lines = done.stderr.splitlines()
    peaks = [json.loads(line[len(_MARKER) :]) for line in lines if line.startswith(_MARKER)]
    rest = "\n".join(line for line in lines if not line.startswith(_MARKER))
    peak_mb = peaks[-1] / 1024 if peaks else float("nan")  # no peak: the child was killed
    return Measured(done.returncode, done.stdout, rest, peak_mb, seconds)
