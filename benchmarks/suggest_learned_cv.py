"""Would a learned model over the rules carry to unseen pages? Leave-one-batch-out, tunable only.

Usage: python benchmarks/suggest_learned_cv.py [CORPUS_DIR]

Issue 21's remaining route after rule tuning: train a model on the annotated statements and let
it (a) add sentences the rules left alone ("add") and (b) drop rule suggestions it doubts
("drop"). This measures that route honestly before anything of it is built into the suggester:
each tunable batch (development set, tune half, tune2 … tune7; never the check half or the
held-out set, which are not read) is held out in turn, a logistic regression is trained on the
others, and the whole suggester-plus-model is scored on the held-out batch with the same
matching as suggest_quality.py. Pooled over the folds it prints recall / precision / party
against the rules alone, at several probability thresholds.

The model is a plain logistic regression (AdaGrad, L2) over features of one sentence: its
quotation marks, whether a quotation opened earlier in the paragraph is still open, whether the
rules suggested something in the sentences around it, reporting words and phrases of the page's
language outside quotation marks, first-person words, length and position, and (the "words"
variant) every word outside quotation marks. An added sentence takes the party of the nearest
rule suggestion up to three sentences before it (a quotation going on), or none.

Measured 2026-12-06 (265 pages, 2,953 statements, 8 folds; rules alone 0.873 / 0.967 / 0.941):
the best "add" (structure only, p >= 0.5) put in 122 sentences of which 40 matched a statement
(0.33), for 0.887 / 0.939 / 0.930; "drop" took out matched and unmatched suggestions in the
rules' own proportion (p < 0.3: 45 dropped, 40 of them matched). Neither comes near what the
check half lacks (+0.09 recall at >= 0.85 precision), so no model was built into the suggester.
"""

from __future__ import annotations

import argparse
import math
import random
import re
import sys
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from benchmarks.suggest_guard_audit import tunable_articles
from benchmarks.suggest_quality import REPO, _match, _names, _text
from briefing_app.core.errors import InvalidInput
from briefing_app.core.suggest import suggest_claims
from briefing_app.core.suggest.attribution import find_attributions, quote_regions
from briefing_app.core.suggest.languages import Lexicon, lexicon_for
from briefing_app.core.suggest.models import Suggestion
from briefing_app.core.suggest.sentences import split_sentences

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_OPENING = "“«„‘"
_FIRST_PERSON = frozenset(
    ("i", "we", "my", "our", "me", "us", "ich", "wir", "mein", "unser", "je", "nous", "mon")
)
_THRESHOLDS_ADD = (0.5, 0.7, 0.9)
_THRESHOLDS_DROP = (0.1, 0.3, 0.5)
Features = list[str]


@dataclass
class Page:
    """One tunable article with the rules' suggestions and its sentences."""

    batch: str
    language: str
    text: str
    gold: list[dict[str, object]]
    suggestions: list[Suggestion]
    sentences: list[tuple[int, int]]
    covered: list[str] = field(default_factory=list)  # the rule pattern in each sentence, or ""
    free: list[tuple[int, Features, int]] = field(default_factory=list)  # sentence, features, label
    kept: list[tuple[int, Features, int]] = field(
        default_factory=list
    )  # suggestion, features, label


def _bucket(value: float, edges: Iterable[float]) -> str:
    return next((str(e) for e in edges if value <= e), "more")


@cache
def _reporting(language: str) -> tuple[Lexicon, re.Pattern[str], re.Pattern[str] | None]:
    lexicon = lexicon_for(language)

    def alternation(words: Iterable[str]) -> str:
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))

    verbs = re.compile(rf"\b(?:{alternation(lexicon.verb_forms)})\b", re.I)
    phrases = lexicon.source_phrases
    return lexicon, verbs, re.compile(rf"\b(?:{alternation(phrases)})\b", re.I) if phrases else None


def _sentence_features(page: Page, i: int, words: bool) -> Features:
    """Return the features of sentence i of page (see the module docstring)."""
    a, b = page.sentences[i]
    text = page.text
    sentence = text[a:b]
    stripped = sentence.strip()
    lexicon, verbs, phrases = _reporting(page.language)
    out = ["bias", "lang=" + page.language]
    regions = quote_regions(sentence)
    chars = list(sentence)
    for x, y in regions:
        chars[x:y] = " " * (y - x)
    outside = "".join(chars)
    quoted = sum(y - x for x, y in regions) / max(1, len(stripped))
    out.append("quoted=" + _bucket(quoted, (0.0, 0.3, 0.7, 0.95)))
    if stripped[:1] in _OPENING + '"':
        out.append("starts_quote")
    if stripped.rstrip(".!?,")[-1:] in '”»"’':
        out.append("ends_quote")
    paragraph = text[text.rfind("\n", 0, a) + 1 : a]
    opened = sum(paragraph.count(c) for c in "“«„") - sum(paragraph.count(c) for c in "”»")
    if opened > 0 or paragraph.count('"') % 2:
        out.append("open_quote")
    if not paragraph.strip():
        out.append("paragraph_first")
    inside = [w.lower() for w in _WORD.findall(outside)]
    every = {w.lower() for w in _WORD.findall(sentence)}
    if words:
        out += ["w:" + w for w in set(inside)]
    out += ["first:" + w for w in every & _FIRST_PERSON]
    out.append("length=" + _bucket(len(every), (3, 6, 10, 20, 35, 60)))
    verb = verbs.search(outside)
    if verb:
        out += ["verb", "verb:" + verb.group().lower()]
    elif verbs.search(sentence):
        out.append("verb_quoted")
    if phrases and phrases.search(outside):
        out.append("source_phrase")
    out.append("capitals=" + _bucket(len(re.findall(r"\b[A-Z][a-z]+", outside[1:])), (0, 1, 2, 4)))
    if inside:
        out.append("first_word:" + inside[0])
    if stripped.rstrip('”"»’').endswith("?"):
        out.append("question")
    if stripped.endswith(":"):
        out.append("ends_colon")
    if find_attributions(sentence, lexicon):
        out.append("attribution")
    for back in (1, 2):
        j = i - back
        if j < 0:
            out.append(f"start-{back}")
        elif page.covered[j]:
            out += [f"suggested-{back}", f"pattern-{back}:{page.covered[j]}"]
    if i and "\n" in text[page.sentences[i - 1][1] : a]:
        out.append("new_paragraph")
    if i + 1 < len(page.sentences) and page.covered[i + 1]:
        out.append("suggested+1")
    if "open_quote" in out and "suggested-1" in out:
        out.append("open_quote&suggested-1")
    if "starts_quote" in out and "suggested-1" in out:
        out.append("starts_quote&suggested-1")
    return out


def _suggestion_features(page: Page, s: Suggestion) -> Features:
    """Return the features of one rule suggestion: its sentence's own, and the rule's."""
    i = next((j for j, (a, b) in enumerate(page.sentences) if a <= s.start < b), 0)
    own = [
        f
        for f in _sentence_features(page, i, words=True)
        if not f.startswith(("suggested", "pattern", "start-", "open_quote&", "starts_quote&"))
    ]
    party = s.party.split()
    own += ["rule:" + s.pattern, "kind:" + s.kind, "rule_verb:" + s.verb.lower()]
    own.append("party_words=" + _bucket(len(party), (0, 1, 2, 3)))
    own += ["party_head:" + w.lower() for w in party[-1:]]
    if s.party[:1].islower():
        own.append("party_lowercase")
    if s.mention and s.mention != s.party:
        own.append("party_resolved")
    own.append("quote_words=" + _bucket(len(s.quote.split()), (2, 4, 8, 15, 30, 60)))
    return own


def _overlaps(ga: int, gb: int, a: int, b: int) -> bool:
    shorter = min(gb - ga, b - a)
    return shorter > 0 and (min(gb, b) - max(ga, a)) * 2 >= shorter


def _load(corpus: Path) -> list[Page]:
    pages = []
    for batch, article in tunable_articles():
        language = str(article.get("language", "en"))
        try:
            lexicon = lexicon_for(language)
        except InvalidInput:
            continue  # no word list: the suggester suggests nothing, nor would a model here
        text = _text(article, corpus)
        page = Page(
            batch,
            language,
            text,
            article["statements"],  # type: ignore[arg-type]
            suggest_claims(text, language=language),
            [(s.start, s.end) for s in split_sentences(text, lexicon.abbreviations)],
        )
        page.covered = [
            next((s.pattern for s in page.suggestions if s.start < b and a < s.end), "")
            for a, b in page.sentences
        ]
        _, missed, extra = _match(page.gold, _spans(page.suggestions))
        unmatched = [page.gold[g] for g in missed]
        for i, (a, b) in enumerate(page.sentences):
            if not page.covered[i]:
                label = any(
                    _overlaps(int(g["start"]), int(g["end"]), a, b)  # type: ignore[call-overload]
                    for g in unmatched
                )
                page.free.append((i, _sentence_features(page, i, words=True), int(label)))
        for k, s in enumerate(page.suggestions):
            page.kept.append((k, _suggestion_features(page, s), int(k not in extra)))
        pages.append(page)
    return pages


def _spans(suggestions: Iterable[Suggestion]) -> list[tuple[int, int, str, str]]:
    return [(s.start, s.end, s.party, s.mention) for s in suggestions]


def _sigmoid(z: float) -> float:
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))


def train(rows: list[tuple[Features, int]], epochs: int = 15, l2: float = 1e-4) -> dict[str, float]:
    """Return logistic-regression weights fitted by AdaGrad (fixed seed, so runs repeat)."""
    weights: dict[str, float] = {}
    squares: dict[str, float] = {}
    order = list(range(len(rows)))
    shuffle = random.Random(0).shuffle
    for _ in range(epochs):
        shuffle(order)
        for k in order:
            features, label = rows[k]
            error = _sigmoid(sum(weights.get(f, 0.0) for f in features)) - label
            for f in features:
                w = weights.get(f, 0.0)
                gradient = error + l2 * w
                squares[f] = squares.get(f, 1e-8) + gradient * gradient
                weights[f] = w - 0.3 * gradient / math.sqrt(squares[f])
    return weights


def _probability(weights: dict[str, float], features: Features) -> float:
    return _sigmoid(sum(weights.get(f, 0.0) for f in features))


def _party_before(page: Page, i: int) -> tuple[str, str]:
    """Return the party of the nearest rule suggestion up to three sentences before sentence i."""
    start = page.sentences[i][0]
    earlier = [s for s in page.suggestions if s.end <= start + 1]
    if earlier and earlier[-1].sentence_end >= page.sentences[max(0, i - 3)][0]:
        return earlier[-1].party, earlier[-1].mention
    return "", ""


def _score(page: Page, found: list[tuple[int, int, str, str]]) -> list[int]:
    pairs, _, _ = _match(page.gold, found)
    right = sum(1 for g, s in pairs if _names(found[s], page.gold[g]["parties"]))  # type: ignore[arg-type]
    return [len(page.gold), len(found), len(pairs), right]


Variant = Callable[[Features], Features]


def cross_validate(
    pages: list[Page], mode: str, variant: Variant, thresholds: Iterable[float]
) -> dict[float, list[int]]:
    """Return pooled (gold, suggested, matched, party right) per threshold; one fold per batch."""
    totals: dict[float, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for held in sorted({p.batch for p in pages}):
        rows = [
            (variant(features), label)
            for p in pages
            if p.batch != held
            for _, features, label in (p.free if mode == "add" else p.kept)
        ]
        weights = train(rows)
        for threshold in thresholds:
            for page in (p for p in pages if p.batch == held):
                found = _spans(page.suggestions)
                if mode == "add":
                    for i, features, _ in page.free:
                        if _probability(weights, variant(features)) >= threshold:
                            found.append((*page.sentences[i], *_party_before(page, i)))
                else:
                    doubted = {
                        k
                        for k, features, _ in page.kept
                        if _probability(weights, variant(features)) < threshold
                    }
                    found = [f for k, f in enumerate(found) if k not in doubted]
                for k, count in enumerate(_score(page, found)):
                    totals[threshold][k] += count
    return totals


def _row(label: str, c: list[int]) -> str:
    gold, suggested, matched, right = c
    return (
        f"{label:38s} {suggested:5d} {matched:5d}  {matched / gold:6.3f}  "
        f"{matched / suggested:6.3f}  {right / max(1, matched):6.3f}"
    )


def main() -> None:
    """Load the tunable sets, cross-validate each variant and print pooled scores."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(REPO.parent / "shared" / "corpus" / "dev"))
    corpus = Path(parser.parse_args().corpus)
    if not corpus.is_dir():
        sys.exit(f"{corpus}: no such corpus folder")
    pages = _load(corpus)
    rules = [sum(c) for c in zip(*(_score(p, _spans(p.suggestions)) for p in pages), strict=True)]
    batches = len({p.batch for p in pages})
    print(f"{len(pages)} tunable pages, {rules[0]} annotated statements, {batches} batches (folds)")
    print(f"{'':38s} {'sugg':>5s} {'match':>5s}  recall  precis   party")
    print(_row("rules alone", rules))
    variants: dict[str, Variant] = {
        "words": lambda f: f,
        "structure only": lambda f: [x for x in f if not x.startswith("w:")],
    }
    for name, variant in variants.items():
        for threshold, counts in cross_validate(pages, "add", variant, _THRESHOLDS_ADD).items():
            print(_row(f"add ({name}), p >= {threshold}", counts))
    for threshold, counts in cross_validate(
        pages, "drop", variants["words"], _THRESHOLDS_DROP
    ).items():
        print(_row(f"drop (words), p < {threshold}", counts))


if __name__ == "__main__":
    main()
