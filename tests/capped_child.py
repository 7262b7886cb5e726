"""Run Python code in a child process under memory and time caps; report its peak memory.

A hostile file that costs gigabytes must not take the test machine down with it: the child
caps its own address space, so the bug shows as a failed child, and the parent reads the
child's own peak resident memory from os.wait4 (RUSAGE_CHILDREN would mix in every earlier
child of the test process).
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Far above what the code under test may use (300 MB), far below what a bomb would take.
ADDRESS_SPACE_CAP = 1024**3
CPU_SECONDS_CAP = 120
WALL_SECONDS_CAP = 180

_PRELUDE = f"""\
import resource
resource.setrlimit(resource.RLIMIT_AS, ({ADDRESS_SPACE_CAP}, {ADDRESS_SPACE_CAP}))
resource.setrlimit(resource.RLIMIT_CPU, ({CPU_SECONDS_CAP}, {CPU_SECONDS_CAP}))
"""


@dataclass(frozen=True)
class ChildRun:
    """How a capped child ended: status, output, peak resident memory (MB) and wall time."""

    returncode: int
    stdout: str
    stderr: str
    peak_mb: float
    seconds: float


def run_capped(code: str, *args: str) -> ChildRun:
    """Run code (with args in sys.argv[1:]) in a capped child Python and return how it went."""
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
    }
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.monotonic()
        child = subprocess.Popen(
            [sys.executable, "-c", _PRELUDE + code, *args], stdout=out, stderr=err, env=env
        )
        # A child stuck without using CPU is killed too, so the test ends either way.
        timer = threading.Timer(WALL_SECONDS_CAP, child.kill)
        timer.start()
        try:
            _, status, usage = os.wait4(child.pid, 0)
        finally:
            timer.cancel()
        seconds = time.monotonic() - start
        child.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
        out.seek(0)
        err.seek(0)
        return ChildRun(
            returncode=child.returncode,
            stdout=out.read().decode(errors="replace"),
            stderr=err.read().decode(errors="replace"),
            peak_mb=_maxrss_mb(usage),
            seconds=seconds,
        )


def _maxrss_mb(usage: resource.struct_rusage) -> float:
    # Linux reports ru_maxrss in kilobytes, macOS in bytes.
    scale = 1 if sys.platform == "darwin" else 1024
    return usage.ru_maxrss * scale / 1024**2
