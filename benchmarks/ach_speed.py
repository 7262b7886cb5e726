"""Rescoring an ACH matrix of 30 hypotheses × 500 rows after one rating, against a bare loop.

    python benchmarks/ach_speed.py [--runs 21]

Ours: `MatrixScorer.rate` (one cell changed) then `scores()`: both scores of every hypothesis,
the ranking, every row's diagnosticity and the full sensitivity pass (each scored row with
diagnosticity > 0 taken out, each possibly deceptive row flipped) — pure core, in memory.
Baseline: a bare Python loop over the same 15,000 cells adding up each hypothesis's
inconsistency (`total[h] += S.get(rating, 0)`), the least any rescoring must do.
A detail figure gives the same through the library: `lib.ach.rate` (one SQLite transaction)
then `lib.ach.matrix(q).scores` reading the whole matrix back, as the Matrix view does.
"""

from __future__ import annotations

import argparse
import random
import tempfile
from pathlib import Path

from timing import median_of, paired_medians

from briefing_app.core.ach.scoring import LEVELS, RATINGS, MatrixInput, MatrixScorer
from briefing_app.core.importers.base import ExtractedDocument
from briefing_app.core.library import Library

HYPOTHESES = 30
ROWS = 500
# Ratings as analysts give them: mostly consistent or neutral, some inconsistent, a few blank.
_WEIGHTED = ["C"] * 6 + ["CC"] * 2 + ["N"] * 5 + ["I"] * 4 + ["II"] * 2 + ["NA", ""]


def make_rows(seed: int = 7) -> list[MatrixInput]:
    """Return ROWS random rows rating HYPOTHESES hypotheses (deterministic)."""
    rnd = random.Random(seed)
    return [
        MatrixInput(
            f"R{i + 1}",
            tuple(rnd.choice(_WEIGHTED) for _ in range(HYPOTHESES)),
            scored=rnd.random() > 0.05,
            deceptive=rnd.random() < 0.1,
            relevance=rnd.choice(LEVELS),
            credibility=rnd.choice(LEVELS),
        )
        for i in range(ROWS)
    ]


def bare_loop(rows: list[MatrixInput]) -> list[int]:
    """Add up each hypothesis's inconsistency over every cell: the baseline."""
    s = {"I": 1, "II": 2}
    total = [0] * HYPOTHESES
    for row in rows:
        for h, rating in enumerate(row.ratings):
            total[h] += s.get(rating, 0)
    return total


def measure(runs: int) -> dict[str, float]:
    """Return median seconds: ours (pure core), the baseline, and the library round trip."""
    rows = make_rows()
    keys = [f"H{i + 1}" for i in range(HYPOTHESES)]
    scorer = MatrixScorer(keys, rows)
    rnd = random.Random(11)

    def ours() -> None:
        scorer.rate(rnd.randrange(ROWS), rnd.randrange(HYPOTHESES), rnd.choice(RATINGS))
        scorer.scores()

    a, b = paired_medians(runs, ours, lambda: bare_loop(rows))
    with tempfile.TemporaryDirectory(prefix="briefing-ach-") as tmp:
        lib, question_id = _library(Path(tmp) / "ach.sqlite", rows)
        try:
            row_keys = [r.key for r in lib.ach.matrix(question_id).rows]

            def through_library() -> None:
                lib.ach.rate(
                    question_id, rnd.choice(keys), rnd.choice(row_keys), rnd.choice(RATINGS)
                )
                lib.ach.matrix(question_id).scores  # noqa: B018

            c = median_of(max(3, runs // 3), through_library)
        finally:
            lib.close()
    return {"ours": a, "baseline": b, "library": c}


def _library(path: Path, rows: list[MatrixInput]) -> tuple[Library, int]:
    """Make a library holding the matrix: ROWS absences rated against HYPOTHESES hypotheses."""
    lib = Library.open(path)
    lib.sources.add(ExtractedDocument(title="Bench", text="A matrix for the benchmark."))
    q = lib.questions.add("Who carried out the attack?")
    with lib.write():
        for i in range(HYPOTHESES):
            lib.ach.add_hypothesis(q.id, f"Hypothesis {i + 1}")
        hyp_ids = [h.id for h in lib.ach.hypotheses(q.id)]
        for row in rows:
            edit = lib.ach.add_absence(q.id, f"Absence {row.key}")
            row_id = lib.ach.row(q.id, edit.made).id
            lib.conn.executemany(
                "INSERT INTO ach_ratings (row_id, hypothesis_id, rating) VALUES (?, ?, ?)",
                [(row_id, h, r) for h, r in zip(hyp_ids, row.ratings, strict=True) if r],
            )
    return lib, q.id


def main() -> None:
    """Print the three figures in milliseconds."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()
    m = measure(args.runs)
    print(
        f"rescore after one rating, {HYPOTHESES} × {ROWS}: {m['ours'] * 1000:.2f} ms "
        f"(bare loop over the cells {m['baseline'] * 1000:.2f} ms, "
        f"ratio {m['ours'] / m['baseline']:.2f}; target <= 20 ms)"
    )
    print(f"through the library (rate + matrix + scores): {m['library'] * 1000:.1f} ms")


if __name__ == "__main__":
    main()
