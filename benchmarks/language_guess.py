"""Measure the guessed language of imported pages against the language the corpus gives them.

Usage:  .venv/bin/python benchmarks/language_guess.py [CORPUS_DIR] [--show]

CORPUS_DIR (default ../shared/corpus/dev) holds `<page>/source.html` + `<page>/truth.json`.
For every page the text is what import stores (`extract_file(...).text`), and the guess is
`guess_language` on it, as import does for a file that declares no language. The expected
language is truth.json's `lang`, else the page's `<html lang>` (region dropped: 'en-US' -> 'en');
pages with neither are counted apart. Per expected language: pages, right, unsure (""),
wrong; right for a language Briefing has no word lists for (es, it, ru...) is unsure, since a
guess may only name en, fr, de or pt. Then the guess's time per page (the least of three
runs; median and max over pages, ms).
--show lists every page not guessed right.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

import lxml.html

from briefing_app.core.importers.base import extract_file
from briefing_app.core.text.language import GUESSED_LANGUAGES, guess_language

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev"


def expected_language(page: Path) -> tuple[str, str]:
    """Return the page's language ('' if none is given) and where it came from."""
    truth = json.loads((page / "truth.json").read_text(encoding="utf-8"))
    if truth.get("lang"):
        return str(truth["lang"]).split("-")[0].lower(), "truth"
    tree = lxml.html.fromstring((page / "source.html").read_bytes())
    lang = (tree.get("lang") or "").strip()
    return (lang.replace("_", "-").split("-")[0].lower(), "html") if lang else ("", "")


def _timed(text: str) -> float:
    start = time.perf_counter()
    guess_language(text)
    return time.perf_counter() - start


def main() -> int:
    """Print the accuracy table; return the exit status."""
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--show", action="store_true", help="list the pages not guessed right")
    args = parser.parse_args()
    pages = sorted(p for p in args.corpus.iterdir() if (p / "truth.json").is_file())
    tally: dict[str, Counter[str]] = defaultdict(Counter)
    misses: list[str] = []
    seconds: list[float] = []
    for page in pages:
        want, origin = expected_language(page)
        text = extract_file(page / "source.html").text
        got = guess_language(text)
        seconds.append(min(_timed(text) for _ in range(3)))  # the least disturbed of three
        row = want or "(none given)"
        tally[row]["pages"] += 1
        if not want:
            tally[row][f"guessed {got or 'unsure'}"] += 1
            outcome = "given none"
        elif got == (want if want in GUESSED_LANGUAGES else ""):
            # A language Briefing has no word lists for is rightly left unsure.
            tally[row]["right"] += 1
            tally[row]["unsure"] += not got
            continue
        elif not got:
            tally[row]["unsure"] += 1
            outcome = "unsure"
        else:
            tally[row]["wrong"] += 1
            outcome = "WRONG"
        misses.append(
            f"  {page.name}: expected {want or '-'} ({origin or '-'}), got {got!r} "
            f"[{outcome}; {len(text)} chars]"
        )
    print(f"{'language':<14}{'pages':>6}{'right':>7}{'unsure':>8}{'wrong':>7}{'accuracy':>10}")
    for lang in sorted(tally, key=lambda k: (k.startswith("("), k)):
        counts = tally[lang]
        if lang.startswith("("):
            rest = ", ".join(f"{k} {v}" for k, v in sorted(counts.items()) if k != "pages")
            print(f"{lang:<14}{counts['pages']:>6}   {rest}")
            continue
        accuracy = counts["right"] / counts["pages"]
        print(
            f"{lang:<14}{counts['pages']:>6}{counts['right']:>7}{counts['unsure']:>8}"
            f"{counts['wrong']:>7}{accuracy:>10.2f}"
        )
    labelled = [c for k, c in tally.items() if not k.startswith("(")]
    total = sum(c["pages"] for c in labelled)
    right = sum(c["right"] for c in labelled)
    unsure = sum(c["unsure"] for c in labelled)
    wrong = sum(c["wrong"] for c in labelled)
    print(f"{'all labelled':<14}{total:>6}{right:>7}{unsure:>8}{wrong:>7}{right / total:>10.2f}")
    print(
        f"guess time per page: median {statistics.median(seconds) * 1000:.2f} ms, "
        f"max {max(seconds) * 1000:.2f} ms"
    )
    if args.show:
        print("\n".join(misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
