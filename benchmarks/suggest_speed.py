"""How long finding suggested claims takes on a long source (why the reader uses a worker).

    python benchmarks/suggest_speed.py [SIZE_BYTES]

Baseline: `lib.suggestions.for_source` on the demo article. Compared with it, in the same run,
the same call on a 5,000-word article (target: at most 150 ms) and on a source of SIZE_BYTES
(default 1 MB), both made of the demo text repeated, and on a hostile transcript of the same
size (every line a labelled turn of one of 300 speakers, which the transcript rules must
weigh). The GUI runs the search in a worker thread when this is well above 100 ms.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

from briefing_app.core.bundled.demo import build_demo
from briefing_app.core.importers.base import ExtractedDocument
from briefing_app.core.library import Library

ARTICLE_WORDS = 5_000
ARTICLE_TARGET_MS = 150


def _median_time(lib: Library, source_id: int, runs: int) -> tuple[float, int]:
    times, found = [], 0
    for _ in range(runs):
        start = time.perf_counter()
        found = len(lib.suggestions.for_source(source_id))
        times.append(time.perf_counter() - start)
    return statistics.median(times), found


def main(size: int) -> None:
    """Print the demo's time, the long source's time, and their ratio."""
    with tempfile.TemporaryDirectory() as scratch:
        lib = Library.open(Path(scratch) / "bench.sqlite")
        demo = build_demo(lib)["source_id"]
        text = lib.sources.get(demo).text
        long_text = ((text + "\n\n") * (size // len(text) + 1))[:size]
        article = " ".join(((text + "\n\n") * 20).split(" ")[:ARTICLE_WORDS])
        big = lib.sources.add(ExtractedDocument(title="Long", text=long_text)).id
        chat = lib.sources.add(ExtractedDocument(title="Log", text=_transcript(size))).id
        words = lib.sources.add(ExtractedDocument(title="Article", text=article)).id
        base, n_demo = _median_time(lib, demo, 5)
        mid, n_mid = _median_time(lib, words, 5)
        long, n_long = _median_time(lib, big, 2)
        log, n_log = _median_time(lib, chat, 2)
        lib.close()
    print(f"demo article ({len(text)} chars, {n_demo} suggestions): {base * 1000:8.1f} ms  1.0 x")
    verdict = "meets" if mid * 1000 <= ARTICLE_TARGET_MS else "MISSES"
    print(
        f"{ARTICLE_WORDS:,}-word article ({n_mid} suggestions): {mid * 1000:8.1f} ms  "
        f"{mid / base:.0f} x  (target {ARTICLE_TARGET_MS} ms: {verdict})"
    )
    print(
        f"long source ({size} chars, {n_long} suggestions): {long * 1000:8.1f} ms  "
        f"{long / base:.0f} x"
    )
    print(
        f"long transcript ({size} chars, 300 speakers, {n_log} suggestions): "
        f"{log * 1000:8.1f} ms  {log / base:.0f} x"
    )


def _transcript(size: int) -> str:
    """Return a text of about size characters, every line a turn of one of 300 speakers."""
    speakers = [f"Speaker{i:03d}" for i in range(300)]
    intro = "Guests included " + ", ".join(f"Ann {s}" for s in speakers[:50]) + ".\n"
    lines = [intro]
    while sum(map(len, lines)) < size:
        who = speakers[len(lines) * 7 % len(speakers)]
        lines.append(f"{who}: We talked about the plan for a while, and then we left.\n")
    return "".join(lines)[:size]


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000)
