"""How long the analytic checks take on a 20-page note with 300 citations.

Run by hand: `.venv/bin/python benchmarks/check_speed.py`. Prints the median time of all checks
and, as a baseline from the same run, the time Python-Markdown takes to render the same note
once to HTML (the live preview parses the note with it on every pause in typing, as it builds
the export's document). Target: checks ≤ 200 ms.
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import markdown

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from briefing_app.core.checks import run_checks
from briefing_app.core.checks.profile import profile_for_note
from briefing_app.core.importers.base import ExtractedDocument
from briefing_app.core.library import Library

WORDS = [
    "officials",
    "said",
    "the",
    "border",
    "crossing",
    "remained",
    "closed",
    "after",
    "the",
    "attack",
    "on",
    "the",
    "camp",
    "while",
    "investigators",
    "examined",
    "the",
    "drone",
    "and",
    "residents",
    "reported",
    "gunfire",
    "near",
    "the",
    "river",
    "police",
    "confirmed",
    "that",
    "workers",
    "were",
    "evacuated",
    "and",
    "the",
    "ministry",
    "announced",
    "new",
    "security",
    "measures",
]
SECTIONS = ["summary", "issue", "background", "considerations", "recommendation"]


def sentence(rng: random.Random, n: int) -> str:
    """Return a plausible sentence of n words."""
    words = [rng.choice(WORDS) for _ in range(n)]
    return " ".join(words).capitalize()


def build(lib: Library, rng: random.Random) -> int:
    """Create 30 sources with 10 claims each and a ~20-page note citing all 300; return its id."""
    keys: list[str] = []
    with lib.write():
        for s in range(30):
            text = " ".join(sentence(rng, 18) + "." for _ in range(40)) + f" Report {s}."
            source = lib.sources.add(ExtractedDocument(title=f"Report {s}", text=text))
            for c in range(10):
                start = c * 200
                claim = lib.claims.add(
                    source.id,
                    start=start,
                    end=start + 60,
                    party=rng.choice(["Officials", "Police", "Residents", ""]),
                    kind=rng.choice(["reported fact", "allegation", "official statement"]),
                )
                keys.append(claim.key)
    rng.shuffle(keys)
    bodies: dict[str, list[str]] = {k: [] for k in SECTIONS}
    # ~20 pages at ~500 words a page: ~10,800 words in 600 sentences, 300 of them citing.
    for i in range(600):
        section = SECTIONS[i * len(SECTIONS) // 600]
        text = sentence(rng, 18)
        if i % 2 == 0 and keys:
            text += f" [@{keys.pop()}]"
        if i % 37 == 0:
            text += ", which is likely"
        bodies[section].append(text + ".")
    note = lib.notes.create(
        "Benchmark note",
        "briefing-note",
        [(k, k.title()) for k in SECTIONS],
        bodies={
            k: "\n\n".join(" ".join(v[j : j + 5]) for j in range(0, len(v), 5))
            for k, v in bodies.items()
        },
    )
    return note.id


def main() -> None:
    """Build the note, time the checks and the baseline, print the table."""
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as tmp:
        lib = Library.open(Path(tmp) / "bench.sqlite")
        note = lib.notes.get(build(lib, rng))
        profile = profile_for_note(note)
        words = sum(len(s.body.split()) for s in note.sections)
        cites = len(lib.notes.cited_keys(note))
        full_text = "\n\n".join(f"# {s.heading}\n\n{s.body}" for s in note.sections)
        check_times, render_times = [], []
        findings = 0
        for _ in range(15):
            t0 = time.perf_counter()
            report = run_checks(lib, lib.notes.get(note.id), profile)
            check_times.append(time.perf_counter() - t0)
            findings = len(report.findings)
            t0 = time.perf_counter()
            markdown.markdown(full_text, extensions=["footnotes", "tables"])
            render_times.append(time.perf_counter() - t0)
        lib.close()
    checks_ms = statistics.median(check_times) * 1000
    render_ms = statistics.median(render_times) * 1000
    print(f"note: {words} words (~{words // 500} pages), {cites} cited claims, {findings} findings")
    print(f"{'measure':44} {'median ms':>10}")
    print(f"{'all checks (load note, claims, run rules)':44} {checks_ms:10.1f}")
    print(f"{'baseline: Python-Markdown render of note':44} {render_ms:10.1f}")
    print(f"ratio checks / markdown render: {checks_ms / render_ms:.2f}")
    print(f"target ≤ 200 ms: {'met' if checks_ms <= 200 else 'MISSED'}")


if __name__ == "__main__":
    main()
