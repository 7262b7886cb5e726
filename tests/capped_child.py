"""Run Python code in a child process under memory and time caps; report its peak memory.

A hostile file that costs gigabytes must not take the test machine down with it: the child
caps its own address space, so the bug shows as a failed child. Its peak resident memory is
its own VmHWM, written as it exits: Linux counts the parent's high-water mark into an exec'd
child's ru_maxrss (os.wait4's figure, still the fallback where there is no /proc), so a test
process that once held 400 MB would see every child peak at 400 MB.
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
# Appended with the path of the file the peak (in kB) is written to.
_PEAK_REPORT = """\
import atexit

def _report_peak(path={path!r}):
    try:
        with open("/proc/self/status") as status:
            peak = next(line.split()[1] for line in status if line.startswith("VmHWM:"))
        with open(path, "w") as out:
            out.write(peak)
    except (OSError, StopIteration):
        pass  # no /proc: the parent takes os.wait4's figure

atexit.register(_report_peak)
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
    with (
        tempfile.TemporaryFile() as out,
        tempfile.TemporaryFile() as err,
        tempfile.TemporaryDirectory() as scratch,
    ):
        peak_file = Path(scratch) / "peak"
        prelude = _PRELUDE + _PEAK_REPORT.format(path=str(peak_file))
        start = time.monotonic()
        child = subprocess.Popen(
            [sys.executable, "-c", prelude + code, *args], stdout=out, stderr=err, env=env
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
            peak_mb=_peak_mb(peak_file, usage),
            seconds=seconds,
        )


def _peak_mb(peak_file: Path, usage: resource.struct_rusage) -> float:
    """Return the child's own peak (VmHWM) in MB, or wait4's maxrss when it wrote none."""
    try:
        return int(peak_file.read_text()) / 1024
    except (OSError, ValueError):  # killed before it could write, or no /proc
        return _maxrss_mb(usage)


def _maxrss_mb(usage: resource.struct_rusage) -> float:
    # Linux reports ru_maxrss in kilobytes, macOS in bytes.
    scale = 1 if sys.platform == "darwin" else 1024
    return usage.ru_maxrss * scale / 1024**2
