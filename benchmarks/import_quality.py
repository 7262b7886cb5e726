"""Measure the HTML importer against hand-checked truth, next to bare trafilatura.

Usage:  .venv/bin/python benchmarks/import_quality.py CORPUS_DIR [--show FIELD]

CORPUS_DIR holds `<page>/source.html` + `<page>/truth.json` (see the corpus README). For every
page, in the same run and interleaved page by page so machine load hits both alike:
  - ours: `extract_file` (what `briefing inspect` shows) then `lib.sources.add` into a real
    temporary library file (one transaction, FTS indexing by trigger);
  - bare: `trafilatura.bare_extraction(html_bytes, with_metadata=True)`.

Scoring (as the corpus README describes; a field is scored only on pages whose truth has it):
  title      exact match after collapsing whitespace and case
  byline     equal as a set of names, ignoring case and punctuation (split on , ; & | and "and")
  published  the same calendar day
  outlet     equal to truth `site_name` after collapsing whitespace and case
  body       bag-of-words token F1 against truth `text`
Pages with only snippets (trafilatura-eval: `text_must_contain` / `text_must_not_contain`) are
left out of body F1; they get their own line: the share of snippets that are rightly present or
absent.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import re
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

from briefing_app.core.errors import BriefingError, DuplicateSource
from briefing_app.core.importers.base import extract_file
from briefing_app.core.library import Library
from briefing_app.core.text.dates import parse_date

FIELDS = ("title", "byline", "published", "outlet", "body")
TARGETS = {"title": 0.85, "byline": 0.85, "published": 0.92, "outlet": 0.95, "body": 0.95}


def norm_text(value: str | None) -> str:
    """Collapse whitespace and case."""
    return " ".join((value or "").split()).lower()


def name_set(value: str | None) -> set[str]:
    """Split a byline into a set of names, ignoring case and punctuation."""
    parts = re.split(r"\s*(?:[;,|&/]|\band\b|\n)\s*", value or "", flags=re.IGNORECASE)
    names = set()
    for part in parts:
        cleaned = " ".join(re.sub(r"[^\w\s]", " ", part.lower()).split())
        if cleaned:
            names.add(cleaned)
    return names


def token_f1(got: str, want: str) -> float:
    """Return the bag-of-words token F1 of got against want."""
    a = Counter(re.findall(r"\w+", got.lower()))
    b = Counter(re.findall(r"\w+", want.lower()))
    common = sum((a & b).values())
    if not common:
        return 0.0
    precision, recall = common / sum(a.values()), common / sum(b.values())
    return 2 * precision * recall / (precision + recall)


def score_page(got: dict[str, Any], truth: dict[str, Any]) -> dict[str, float]:
    """Return the scores of one extraction (fields missing from truth are left out)."""
    scores: dict[str, float] = {}
    if truth.get("title"):
        scores["title"] = float(norm_text(got["title"]) == norm_text(truth["title"]))
    if truth.get("byline"):
        scores["byline"] = float(name_set(got["byline"]) == name_set(truth["byline"]))
    if truth.get("published"):
        scores["published"] = float(parse_date(got["published"]) == parse_date(truth["published"]))
    if truth.get("site_name"):
        scores["outlet"] = float(norm_text(got["outlet"]) == norm_text(truth["site_name"]))
    if truth.get("text"):
        scores["body"] = token_f1(got["text"] or "", truth["text"])
    extra = truth.get("extra") or {}
    must, must_not = extra.get("text_must_contain"), extra.get("text_must_not_contain")
    if not truth.get("text") and (must or must_not):
        text = " ".join((got["text"] or "").split())
        right = [" ".join(s.split()) in text for s in must or []]
        right += [" ".join(s.split()) not in text for s in must_not or []]
        scores["snippets"] = sum(right) / len(right)
    return scores


def bare(data: bytes) -> dict[str, Any]:
    """Run bare trafilatura with metadata on the page bytes."""
    import trafilatura

    doc = trafilatura.bare_extraction(data, with_metadata=True)
    if doc is None:
        return {"title": "", "byline": "", "published": None, "outlet": "", "text": ""}
    return {
        "title": doc.title or "",
        "byline": doc.author or "",
        "published": doc.date,
        "outlet": doc.sitename or "",
        "text": doc.text or "",
    }


def main() -> None:
    """Run the benchmark and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--show", choices=[*FIELDS, "snippets"], help="list this field's misses")
    args = parser.parse_args()
    pages = sorted(p for p in args.corpus.glob("*/source.html"))
    if not pages:
        sys.exit(f"no */source.html under {args.corpus}")
    ours: dict[str, list[float]] = {}
    theirs: dict[str, list[float]] = {}
    misses: list[str] = []
    t_ours = t_bare = 0.0
    failed = 0
    unfindable = 0  # published misses whose true day the page never writes
    with tempfile.TemporaryDirectory() as tmp:
        lib = Library.open(Path(tmp) / "bench.sqlite")
        bare(pages[0].read_bytes())  # warm the imports before timing
        for page in pages:
            truth = json.loads((page.parent / "truth.json").read_text(encoding="utf-8"))
            start = time.perf_counter()
            their = bare(page.read_bytes())
            t_bare += time.perf_counter() - start
            start = time.perf_counter()
            try:
                doc = extract_file(page)
                with contextlib.suppress(DuplicateSource):
                    lib.sources.add(doc)
                got = {
                    "title": doc.title,
                    "byline": doc.byline,
                    "published": doc.published,
                    "outlet": doc.outlet,
                    "text": doc.text,
                }
            except BriefingError as exc:
                failed += 1
                print(f"failed {page.parent.name}: {exc}", file=sys.stderr)
                got = {"title": "", "byline": "", "published": None, "outlet": "", "text": ""}
            t_ours += time.perf_counter() - start
            for name, value in score_page(got, truth).items():
                ours.setdefault(name, []).append(value)
                if name == "published" and not value and not _day_in_page(page, truth):
                    unfindable += 1
                if args.show == name and value < (0.9 if name in ("body", "snippets") else 1):
                    want = truth.get("site_name" if name == "outlet" else name)
                    if name == "body":
                        key = "text"
                        want = f"F1 {value:.2f} ({len(got['text'])} vs {len(truth['text'])} chars)"
                    elif name == "snippets":
                        key, want = "text", f"{value:.2f}"
                    else:
                        key = "published" if name == "published" else name
                    shown = got[key] if name not in ("body", "snippets") else ""
                    misses.append(f"{page.parent.name}\n   got  {shown!r}\n   want {want!r}")
            for name, value in score_page(their, truth).items():
                theirs.setdefault(name, []).append(value)
        lib.close()
    print(f"{len(pages)} pages from {args.corpus} ({failed} failed to import)")
    print(f"{'field':10} {'pages':>5} {'ours':>6} {'bare':>6} {'target':>7}  verdict")
    for name in (*FIELDS, "snippets"):
        if name not in ours:
            continue
        mine, base = _mean(ours[name]), _mean(theirs.get(name, []))
        target = TARGETS.get(name)
        verdict = "" if target is None else ("meets" if mine >= target else "MISSES")
        shown = f"{target:.2f}" if target is not None else "-"
        print(f"{name:10} {len(ours[name]):>5} {mine:>6.3f} {base:>6.3f} {shown:>7}  {verdict}")
    if unfindable:
        scored = len(ours.get("published", []))
        print(
            f"published: {unfindable} of the misses are days the page never writes "
            "(ISO or spelled out): the truth disagrees with every date signal on the page;\n"
            f"  so at most {scored - unfindable} of {scored} "
            f"({(scored - unfindable) / scored:.3f}) can match this truth"
        )
    rate_ours, rate_bare = len(pages) / t_ours, len(pages) / t_bare
    ratio = rate_ours / rate_bare
    print(
        f"throughput: ours {rate_ours:.1f} pages/s (extract + store + FTS), "
        f"bare trafilatura {rate_bare:.1f} pages/s; ratio {ratio:.2f} (target 0.80)"
        f"  {'meets' if ratio >= 0.8 else 'MISSES'}"
    )
    if misses:
        print(f"\nmisses for {args.show}:")
        print("\n".join(misses))


def _day_in_page(page: Path, truth: dict[str, Any]) -> bool:
    """Return whether the page writes the true publication day in any common form."""
    from datetime import date

    day = date.fromisoformat(parse_date(truth["published"]) or "1900-01-01")
    html = page.read_bytes().decode("utf-8", "replace")
    forms = {
        day.isoformat(),
        day.strftime("%Y/%m/%d"),
        day.strftime("%d.%m.%Y"),
        f"{day.day}.{day.month}.{day.year}",
        f"{day:%B} {day.day}, {day.year}",
        f"{day:%b} {day.day}, {day.year}",
        f"{day.day} {day:%B} {day.year}",
        f"{day.day} {day:%b} {day.year}",
        f"{day:%Y%m%d}",
    }
    return any(form in html for form in forms)


def _mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else 0.0


if __name__ == "__main__":
    main()
