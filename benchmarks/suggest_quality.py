"""Measure claim suggestions against hand annotations: span recall, precision, party accuracy.

Usage: python benchmarks/suggest_quality.py [CORPUS_DIR] [--show-misses]

--show-misses lists misses of the development set only: the held-out set is not to tune on.

CORPUS_DIR holds <page>/truth.json (default ../shared/corpus/dev beside the repository). The
annotations (benchmarks/data/suggest_dev.json, suggest_holdout.json) are offsets into each page's
truth.json text, so no article text lives in the repository. A suggestion matches an annotated
statement when they overlap by at least half of the shorter span (one-to-one, largest overlaps
first); party accuracy counts matched pairs whose party equals one of the annotated names,
ignoring case and a leading "the". The baseline, measured in the same run, proposes every
sentence holding a reporting verb, with no party.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from briefing_app.core.importers.base import extract_file
from briefing_app.core.suggest import suggest_claims
from briefing_app.core.suggest.languages import lexicon_for
from briefing_app.core.suggest.sentences import split_sentences

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "benchmarks" / "data"
SETS = (("development set", "suggest_dev.json"), ("held-out set", "suggest_holdout.json"))
Span = tuple[int, int, str]


@dataclass
class Score:
    """Counts for one article or a total."""

    annotated: int = 0
    suggested: int = 0
    matched: int = 0
    party_right: int = 0

    def add(self, other: Score) -> None:
        """Add other's counts to these."""
        self.annotated += other.annotated
        self.suggested += other.suggested
        self.matched += other.matched
        self.party_right += other.party_right

    def row(self) -> str:
        """Return recall, precision and party accuracy as a table row."""
        return (
            f"{self.annotated:5d} {self.suggested:5d} {self.matched:5d}  "
            f"{_ratio(self.matched, self.annotated)}  {_ratio(self.matched, self.suggested)}  "
            f"{_ratio(self.party_right, self.matched)}"
        )


def _ratio(a: int, b: int) -> str:
    return f"{a / b:6.3f}" if b else "   n/a"


def _party(name: str) -> str:
    return re.sub(r"^the\s+", "", " ".join(name.split()).lower())


def _match(
    gold: list[dict[str, object]], found: list[Span]
) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    """Pair annotations with suggestions one-to-one; return pairs and unmatched indexes."""
    candidates = []
    for gi, g in enumerate(gold):
        ga, gb = int(g["start"]), int(g["end"])  # type: ignore[call-overload]
        for si, (sa, sb, _) in enumerate(found):
            overlap = min(gb, sb) - max(ga, sa)
            shorter = min(gb - ga, sb - sa)
            if shorter > 0 and overlap * 2 >= shorter:
                candidates.append((overlap, gi, si))
    pairs, used_g, used_s = [], set(), set()
    for _, gi, si in sorted(candidates, reverse=True):
        if gi not in used_g and si not in used_s:
            pairs.append((gi, si))
            used_g.add(gi)
            used_s.add(si)
    missed = [i for i in range(len(gold)) if i not in used_g]
    extra = [i for i in range(len(found)) if i not in used_s]
    return pairs, missed, extra


def _score(gold: list[dict[str, object]], found: list[Span]) -> tuple[Score, list[int], list[int]]:
    pairs, missed, extra = _match(gold, found)
    right = sum(
        1
        for gi, si in pairs
        if _party(found[si][2]) in {_party(p) for p in gold[gi]["parties"]}  # type: ignore[attr-defined]
    )
    return Score(len(gold), len(found), len(pairs), right), missed, extra


def _baseline(text: str) -> list[Span]:
    lexicon = lexicon_for("en")
    verbs = re.compile(
        r"\b(?:" + "|".join(re.escape(f) for f in lexicon.verb_forms) + r"|according to)\b"
    )
    return [
        (s.start, s.end, "")
        for s in split_sentences(text, lexicon.abbreviations)
        if verbs.search(s.text)
    ]


def _text(article: dict[str, object], corpus: Path) -> str:
    page = str(article["page"])
    if article["source"] == "seeds":
        return extract_file(REPO / "seeds" / page).text
    truth = json.loads((corpus / page / "truth.json").read_text(encoding="utf-8"))
    return str(truth["text"])


def run(corpus: Path, show_misses: bool) -> None:
    """Print the scores of every annotated article, per set, with the baseline's totals."""
    header = f"{'article':44s} {'gold':>5s} {'sugg':>5s} {'match':>5s}  recall  precis  party"
    for title, name in SETS:
        data = json.loads((DATA / name).read_text(encoding="utf-8"))
        total, base_total = Score(), Score()
        print(f"\n== {title} ({name})\n{header}")
        for article in data["articles"]:
            text = _text(article, corpus)
            if hashlib.sha256(text.encode("utf-8")).hexdigest() != article["text_sha256"]:
                sys.exit(f"{article['page']}: text differs from the annotated one")
            gold = article["statements"]
            found = [(s.start, s.end, s.party) for s in suggest_claims(text)]
            score, missed, extra = _score(gold, found)
            base, _, _ = _score(gold, _baseline(text))
            total.add(score)
            base_total.add(base)
            print(f"{article['page'][:44]:44s} {score.row()}")
            if show_misses and name == SETS[0][1]:
                for gi in missed:
                    g = gold[gi]
                    print(f"    MISS  {g['parties'][0]!r}: {text[g['start'] : g['end']][:110]!r}")
                for si in extra:
                    a, b, party = found[si]
                    print(f"    EXTRA {party!r}: {text[a:b][:110]!r}")
                pairs, _, _ = _match(gold, found)
                for gi, si in pairs:
                    want = {_party(p) for p in gold[gi]["parties"]}
                    if _party(found[si][2]) not in want:
                        print(f"    PARTY {found[si][2]!r} (want {gold[gi]['parties']!r})")
        print(f"{'TOTAL':44s} {total.row()}")
        print(f"{'baseline (reporting-verb sentences, no party)':44s} {base_total.row()}")


def main() -> None:
    """Parse arguments and print the scores."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(REPO.parent / "shared" / "corpus" / "dev"))
    parser.add_argument(
        "--show-misses", action="store_true", help="List misses and extras (development set only)."
    )
    args = parser.parse_args()
    corpus = Path(args.corpus)
    if not corpus.is_dir():
        sys.exit(f"{corpus}: no such corpus folder")
    run(corpus, args.show_misses)


if __name__ == "__main__":
    main()
