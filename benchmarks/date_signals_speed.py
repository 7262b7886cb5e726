"""What reading a page's dates costs on hostile pages, against bare trafilatura on the same page.

Usage:  .venv/bin/python benchmarks/date_signals_speed.py

For each made-up page (a thousand dated comments, 30,000 paragraphs, 30,000 "Published"
lines and class="published" blocks in a side rail, and a dateline of hostile strings), times
in the same run, best of three:
  - dates: collect_signals (every metadata signal, the date ones among them) + choose_published;
  - bare:  trafilatura.bare_extraction(page, with_metadata=True), the work an import does anyway.
Then parse_date alone on hostile strings (its free-form reading stops at 80 characters).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from lxml.html import fromstring

from briefing_app.core.importers.html import choose_published
from briefing_app.core.importers.html_metadata import collect_signals
from briefing_app.core.text.dates import parse_date


def _page(body: str) -> str:
    return f"<html><head><title>Border patrols</title></head><body><h1>Border patrols</h1>{body}"


PAGES = {
    "1,000 dated comments": _page(
        "".join(
            f'<div class="comment"><p>Posted on {n % 28 + 1} May 2023</p>'
            f'<time datetime="2023-05-{n % 28 + 1:02d}T10:00:00Z">x</time></div>'
            for n in range(1000)
        )
    ),
    "30,000 paragraphs": _page("<p>Words about 2023 and 1.1.2020 on Tuesday.</p>" * 30_000),
    "30,000 Published lines in a rail": _page(
        "<aside>" + "<p>Published 3 hours ago</p>" * 30_000 + "</aside>"
    ),
    "30,000 class=published in a rail": _page(
        '<div class="related">' + '<span class="published">x</span>' * 30_000 + "</div>"
    ),
    "hostile datelines": _page(
        "".join(f"<p>Published {'1 de ' * 200} 2020 {'31.' * 50}</p>" for _ in range(1000))
    ),
}
STRINGS = {
    "80 digits": "1" * 76 + "2020",
    "many words": "2020 " + "de " * 25,
    "1 MB": "x" * 1_000_000 + "2020-01-01",
    "dotted": "31." * 26 + "2020",
}


def best_of(runs: int, work: Callable[[], object]) -> float:
    """Return the best wall time of runs calls of work, in seconds."""
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    """Print the table."""
    import trafilatura

    trafilatura.bare_extraction(_page("<p>warm up</p>"), with_metadata=True)
    print(f"{'page':36} {'MB':>5} {'dates ms':>9} {'bare ms':>9} {'ratio':>6}")
    for name, page in PAGES.items():
        tree = fromstring(page)

        def dates(tree: object = tree, page: str = page) -> object:
            return choose_published(collect_signals(tree), {}, "", page)  # type: ignore[arg-type]

        mine = best_of(3, dates)
        bare = best_of(3, lambda page=page: trafilatura.bare_extraction(page, with_metadata=True))
        print(
            f"{name:36} {len(page) / 1e6:5.1f} {mine * 1000:9.1f} {bare * 1000:9.1f} "
            f"{mine / bare:6.2f}"
        )
    print(f"\n{'parse_date on':36} {'ms':>9}")
    for name, text in STRINGS.items():
        print(f"{name:36} {best_of(3, lambda text=text: parse_date(text)) * 1000:9.2f}")


if __name__ == "__main__":
    main()
