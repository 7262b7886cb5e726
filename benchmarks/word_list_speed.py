"""What a hostile spelling word list costs: a 200 MB list and one 50 MB line.

Run by hand:  .venv/bin/python benchmarks/word_list_speed.py
(also detail rows of benchmarks/run_all.py, `--only spelling`).

Each list is read by `UserWords` in a fresh process, as the app reads it when spelling starts:
the time to read it and the process's peak memory (VmHWM, the interpreter included). The
baseline, measured in the same run with the reads interleaved, is an ordinary list of exactly
MAX_WORD_LIST_BYTES, the size read: the most an honest list costs. Only that much of a larger
file is read, so a hostile list costs about what the baseline does, whatever its size.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

RUNS = 3
HOSTILE_MB = 200
LINE_MB = 50

_CHILD = """
import json, sys, time
from pathlib import Path
from briefing_app.core.text.spelling import UserWords
start = time.perf_counter()
words = UserWords(Path(sys.argv[1]))
count = len(words.words())
seconds = time.perf_counter() - start
peak = next(
    int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM")
)
print(json.dumps({"seconds": seconds, "words": count, "peak_mb": peak / 1024,
                  "problem": str(words.problem or "")}))
"""


def write_lists(folder: Path) -> dict[str, Path]:
    """Write the baseline list (at the size read), a 200 MB list and one 50 MB line."""
    from briefing_app.core.text.spelling import MAX_WORD_LIST_BYTES

    lists = {
        "baseline": folder / "honest.txt",
        f"{HOSTILE_MB} MB list": folder / "huge.txt",
        f"one {LINE_MB} MB line": folder / "line.txt",
    }
    with lists["baseline"].open("w", encoding="utf-8") as file:
        written, n = 0, 0
        while written < MAX_WORD_LIST_BYTES - 20:
            line = f"Name{n:07d}\n"
            file.write(line)
            written, n = written + len(line), n + 1
    block = "".join(f"Word{n:07d}\n" for n in range(100_000)).encode()
    with lists[f"{HOSTILE_MB} MB list"].open("wb") as file:
        for _ in range(HOSTILE_MB * 1024 * 1024 // len(block) + 1):
            file.write(block)
    with lists[f"one {LINE_MB} MB line"].open("wb") as file:
        for _ in range(LINE_MB):
            file.write(b"x" * (1024 * 1024))
    return lists


def read_in_child(path: Path) -> dict[str, float | str]:
    """Read a word list in a fresh process; return its time, words, peak memory, problem."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(path)],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    result: dict[str, float | str] = json.loads(done.stdout)
    return result


def measure(runs: int = RUNS) -> dict[str, dict[str, float | str]]:
    """Return, per list, the median read time and peak memory over runs (interleaved)."""
    with tempfile.TemporaryDirectory() as folder:
        lists = write_lists(Path(folder))
        seen: dict[str, list[dict[str, float | str]]] = {name: [] for name in lists}
        for _ in range(runs):
            for name, path in lists.items():
                seen[name].append(read_in_child(path))
    return {
        name: {
            "seconds": statistics.median(float(r["seconds"]) for r in results),
            "peak_mb": statistics.median(float(r["peak_mb"]) for r in results),
            "words": float(results[0]["words"]),
            "problem": str(results[0]["problem"]),
        }
        for name, results in seen.items()
    }


def main() -> None:
    """Print each list's read time and peak memory against the baseline."""
    found = measure()
    base = found["baseline"]
    print(f"{'list':<22}{'read':>10}{'peak':>10}{'words':>10}")
    for name, m in found.items():
        print(
            f"{name:<22}{float(m['seconds']) * 1000:>8.0f}ms{float(m['peak_mb']):>8.0f}MB"
            f"{float(m['words']):>10,.0f}"
        )
    for name, m in found.items():
        if name != "baseline":
            ratio = float(m["seconds"]) / float(base["seconds"])
            print(f"{name}: {ratio:.2f}x the baseline's time; says: {m['problem']}")


if __name__ == "__main__":
    main()
