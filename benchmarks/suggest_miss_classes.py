"""Count missed annotated statements on the fresh pages by class, automatically, per half.

Usage: python benchmarks/suggest_miss_classes.py [CORPUS_DIR] [--show]

The classes are those of issue 21, decided by rules over the text (never by reading a page), so
the check half can be counted without its misses being read: --show prints the misses of the
tune half and of the tune batches (suggest_tune2.json … suggest_tune7.json) only,
with their class, for tuning.

  no-lexicon     the page's language has no word list (Portuguese…)
  document       the annotated party is a document or an outlet ("the filing", "court records")
  no-verb        no reporting word in the statement's sentence and its speaker is not named there:
                 a list item, a quotation going on, a follow-on sentence of a paraphrase
  frame          the speaker is named in the sentence but no reporting word is (a verb or frame
                 outside the word list: "hinted", "in the words of")
  rejected       a reporting word is there but the rules made no attribution of it
  span           an attribution was made, but no suggestion overlaps the statement enough
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

from benchmarks.suggest_quality import (
    BATCHES,
    DATA,
    FRESH,
    HALVES,
    REPO,
    _match,
    _suggested,
    _text,
)
from briefing_app.core.suggest.attribution import find_attributions, quote_regions
from briefing_app.core.suggest.languages import lexicon_for
from briefing_app.core.suggest.sentences import split_sentences

CLASSES = ("no-lexicon", "document", "no-verb", "frame", "rejected", "span")
_DOCUMENTS = frozenset(
    (
        *("filing", "complaint", "records", "record", "documents", "document", "report"),
        *("reports", "study", "studies", "research", "poll", "polls", "survey"),
        *("affidavit", "indictment", "lawsuit"),
        *("letter", "memo", "statement", "transcript", "page", "website", "data", "figures"),
        *("organizations", "outlets", "paper", "journal"),
    )
)


def _unquoted(text: str) -> str:
    for a, b in quote_regions(text):
        text = text[:a] + " " * (b - a) + text[b:]
    return text


def classify(text: str, gold: dict[str, object], language: str) -> str:
    """Return the class of one missed annotated statement."""
    try:
        lexicon = lexicon_for(language)
    except Exception:
        return "no-lexicon"
    parties = [str(p) for p in gold["parties"]]  # type: ignore[attr-defined]
    heads = {p.lower().strip(".").split()[-1] for p in parties if p.split()}
    if heads & _DOCUMENTS:
        return "document"
    a, b = int(gold["start"]), int(gold["end"])  # type: ignore[call-overload]
    sentences = [
        s for s in split_sentences(text, lexicon.abbreviations) if s.start < b and s.end > a
    ]
    own = " ".join(s.text for s in sentences)
    if any(find_attributions(s.text, lexicon) for s in sentences):
        return "span"
    said = _unquoted(own)
    words = "|".join(re.escape(f) for f in lexicon.verb_forms)
    phrases = "|".join(re.escape(p) for p in lexicon.source_phrases)
    if re.search(r"(?<![\w’'-])(?:" + words + "|" + phrases + r")(?![\w-])", said, re.I):
        return "rejected"
    names = {w for p in parties for w in re.findall(r"[\w’'-]{3,}", p) if w[:1].isupper()}
    if any(re.search(r"\b" + re.escape(n) + r"\b", said) for n in names):
        return "frame"
    return "no-verb"


def run(corpus: Path, show: bool) -> None:
    """Print per-class counts of misses per set (and the tunable sets' misses with --show)."""
    fresh = json.loads((DATA / FRESH).read_text(encoding="utf-8"))
    articles = [(str(a["half"]), a) for a in fresh["articles"]]
    batches = tuple(b for b in BATCHES if (DATA / b[2]).exists())
    for name, _, file in batches:
        batch = json.loads((DATA / file).read_text(encoding="utf-8"))
        articles += [(name, a) for a in batch["articles"]]
    names = (*HALVES, *(name for name, _, _ in batches))
    counts = {name: Counter[str]() for name in names}
    for name, article in articles:
        text = _text(article, corpus)
        language = str(article.get("language", "en"))
        gold = article["statements"]
        _, missed, _ = _match(gold, _suggested(text, language))
        for gi in missed:
            g = gold[gi]
            kind = classify(text, g, language)
            counts[name][kind] += 1
            if show and name != "check":
                quote = text[g["start"] : g["end"]][:120]
                print(f"{kind:10s} {article['page'][:30]:30s} {g['parties'][0]!r}: {quote!r}")
    print(f"\n{'class':12s}" + "".join(f"{n:>8s}" for n in names))
    for kind in CLASSES:
        print(f"{kind:12s}" + "".join(f"{counts[n][kind]:8d}" for n in names))
    print(f"{'total':12s}" + "".join(f"{sum(counts[n].values()):8d}" for n in names))


def main() -> None:
    """Parse arguments and print the counts."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(REPO.parent / "shared" / "corpus" / "dev"))
    parser.add_argument(
        "--show", action="store_true", help="List the misses of the tune half and the tune batches."
    )
    args = parser.parse_args()
    corpus = Path(args.corpus)
    if not corpus.is_dir():
        sys.exit(f"{corpus}: no such corpus folder")
    run(corpus, args.show)


if __name__ == "__main__":
    main()
