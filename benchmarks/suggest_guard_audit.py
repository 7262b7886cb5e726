"""Audit the guards that refuse reporting verbs: what each loses and what each prevents.

Usage: python benchmarks/suggest_guard_audit.py [CORPUS_DIR] [--waive] [--show GUARD]

Over the tunable sets only (the development set, the tune half of the fresh pages, the tune
batches tune2, tune3…; never the check half, never the held-out set), every sentence where the
attribution finder made nothing although a reporting verb was there is put down to the guards
that refused its verbs (core/suggest/attribution.py, guard_audit):

  lost       annotated statements missed, each sentence of which was refused so
  prevented  sentences overlapping no annotated statement, refused so (false suggestions kept
             away, or at least their verbs)

--waive adds, for each guard that lost something, the whole suggester run again with only that
guard waived: how many more annotated statements would match (+match), how many more
suggestions would match nothing (+extra), and the change in right parties (+party).
--show GUARD lists that guard's lost statements and prevented sentences (tunable sets only).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.suggest_quality import (
    BATCHES,
    DATA,
    FRESH,
    REPO,
    SETS,
    _score,
    _suggested,
    _text,
)
from briefing_app.core.suggest.attribution import find_attributions, guard_audit
from briefing_app.core.suggest.languages import lexicon_for
from briefing_app.core.suggest.sentences import split_sentences

Article = dict[str, object]


def tunable_articles() -> Iterator[tuple[str, Article]]:
    """Yield (set name, article) of every set rules may be tuned on, and of no other."""
    # The check half is filtered out before anything reads an article of it.
    fresh = json.loads((DATA / FRESH).read_text(encoding="utf-8"))
    tune_half = [a for a in fresh["articles"] if a["half"] == "tune"]
    development = SETS[0][1]
    assert development == "suggest_dev.json"
    for article in json.loads((DATA / development).read_text(encoding="utf-8"))["articles"]:
        yield "dev", article
    for article in tune_half:
        yield "tune", article
    for name, _, file in BATCHES:
        for article in json.loads((DATA / file).read_text(encoding="utf-8"))["articles"]:
            yield name, article


@dataclass
class Tally:
    """Per guard: annotated statements lost, unannotated sentences refused, with examples."""

    lost: Counter[str] = field(default_factory=Counter)
    prevented: Counter[str] = field(default_factory=Counter)
    examples: dict[str, list[str]] = field(default_factory=dict)

    def note(self, kind: str, guards: set[str], example: str) -> None:
        """Count one refused statement or sentence for each guard that refused it."""
        for guard in guards:
            (self.lost if kind == "lost" else self.prevented)[guard] += 1
            self.examples.setdefault(guard, []).append(f"{kind:9s} {example}")


def _refused_sentences(text: str, language: str) -> list[tuple[int, int, set[str], str]]:
    """Return (start, end, guards, text) of each sentence whose every reporting verb was refused."""
    lexicon = lexicon_for(language)
    refused = []
    for sentence in split_sentences(text, lexicon.abbreviations):
        with guard_audit() as refusals:
            made = find_attributions(sentence.text, lexicon)
        if refusals and not made:
            guards = {guard for _, guard in refusals}
            refused.append((sentence.start, sentence.end, guards, sentence.text))
    return refused


def tally(articles: list[tuple[str, Article]], corpus: Path) -> Tally:
    """Count, per guard, the statements it lost and the sentences it kept from suggestions."""
    result = Tally()
    for name, article in articles:
        language = str(article.get("language", "en"))
        try:
            lexicon_for(language)
        except Exception:
            continue  # no word list: nothing is refused, nothing suggested
        text = _text(article, corpus)
        gold: list[dict[str, object]] = article["statements"]  # type: ignore[assignment]
        _, missed, _ = _score(gold, _suggested(text, language))
        refused = _refused_sentences(text, language)
        spans = [(int(g["start"]), int(g["end"])) for g in gold]  # type: ignore[call-overload]
        for gi in missed:
            a, b = spans[gi]
            own = [r for r in refused if r[0] < b and r[1] > a]
            if own:
                guards = set.union(*(r[2] for r in own))
                result.note("lost", guards, f"{name:5s} {gold[gi]['parties']}: {own[0][3]!r}")
        for start, end, guards, sentence in refused:
            if not any(start < b and end > a for a, b in spans):
                result.note("prevented", guards, f"{name:5s} {sentence!r}")
    return result


def scores(articles: list[tuple[str, Article]], corpus: Path, waive: str = "") -> tuple[int, ...]:
    """Return (matched, suggested, right parties) over the articles, with one guard waived."""
    matched = suggested = right = 0
    with guard_audit(waive=(waive,) if waive else ()):
        for _, article in articles:
            text = _text(article, corpus)
            gold: list[dict[str, object]] = article["statements"]  # type: ignore[assignment]
            score, _, _ = _score(gold, _suggested(text, str(article.get("language", "en"))))
            matched += score.matched
            suggested += score.suggested
            right += score.party_right
    return matched, suggested, right


def run(corpus: Path, waive: bool, show: str) -> None:
    """Print the audit table (and one guard's examples)."""
    articles = list(tunable_articles())
    counts = Counter(name for name, _ in articles)
    print("tunable sets: " + ", ".join(f"{n} {c} pages" for n, c in counts.items()))
    result = tally(articles, corpus)
    guards = sorted(
        set(result.lost) | set(result.prevented),
        key=lambda g: (result.prevented[g] - result.lost[g], g),
    )
    base = scores(articles, corpus) if waive else (0, 0, 0)
    header = f"{'guard':28s} {'lost':>5s} {'prevented':>9s}"
    print(header + ("   +match  +extra  +party" if waive else ""))
    for guard in guards:
        row = f"{guard:28s} {result.lost[guard]:5d} {result.prevented[guard]:9d}"
        if waive and result.lost[guard]:
            matched, suggested, right = scores(articles, corpus, guard)
            extra = (suggested - matched) - (base[1] - base[0])
            row += f"   {matched - base[0]:+6d}  {extra:+6d}  {right - base[2]:+6d}"
        print(row)
    print(f"{'total':28s} {sum(result.lost.values()):5d} {sum(result.prevented.values()):9d}")
    if show:
        print(f"\n== {show}")
        for line in result.examples.get(show, []):
            print(line[:300])


def main() -> None:
    """Parse arguments and print the audit."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(REPO.parent / "shared" / "corpus" / "dev"))
    parser.add_argument("--waive", action="store_true", help="Measure each losing guard waived.")
    parser.add_argument("--show", default="", help="List one guard's refusals (tunable sets).")
    args = parser.parse_args()
    corpus = Path(args.corpus)
    if not corpus.is_dir():
        sys.exit(f"{corpus}: no such corpus folder")
    run(corpus, args.waive, args.show)


if __name__ == "__main__":
    main()
