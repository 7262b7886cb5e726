"""How fast the reader shows a big highlighted source, and the claims table loads 100,000 rows.

Run by hand:  QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/reader_speed.py
Every time is the median of several runs and is printed with its ratio to a bare baseline
measured in the same run (a plain QPlainTextEdit without highlighting; the core query alone).
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QApplication, QPlainTextEdit

from briefing_app.core.importers.base import ExtractedDocument
from briefing_app.core.library import Library
from briefing_app.core.models import CLAIM_KINDS, Claim
from briefing_app.core.records.claims import ClaimFilter
from briefing_app.core.records.listing import claim_rows

WORDS = [
    "officials",
    "said",
    "the",
    "attack",
    "on",
    "the",
    "border",
    "post",
    "killed",
    "three",
    "workers",
    "and",
    "the",
    "embassy",
    "demanded",
    "guarantees",
    "while",
    "the",
    "ministry",
    "denied",
    "any",
    "involvement",
    "according",
    "to",
    "reports",
]
SOURCE_CHARS = 1_000_000
READER_CLAIMS = 5_000
TABLE_CLAIMS = 100_000
TABLE_SOURCES = 100
REPEATS = 5


def article(rng: random.Random, chars: int) -> str:
    """Return paragraphs of pseudo-news text of about chars characters."""
    parts: list[str] = []
    size = 0
    while size < chars:
        paragraph = " ".join(rng.choice(WORDS) for _ in range(rng.randint(40, 120))) + "."
        parts.append(paragraph.capitalize())
        size += len(paragraph) + 2
    return "\n\n".join(parts)[:chars].rstrip() + "."


def bulk_claims(lib: Library, source_id: int, text: str, count: int, rng: random.Random) -> None:
    """Add count claims at random spans (some overlapping) through core's restore().

    restore() takes a finished record, so setup skips add()'s per-claim re-read of the source.
    """
    first_id = lib.claims.count() + 1
    with lib.write():
        for n in range(count):
            start = rng.randrange(0, len(text) - 400)
            end = start + rng.randint(20, 300)
            while not text[start:end].strip():
                start += 1
            key = f"B{source_id}-{n}"
            lib.claims.restore(
                Claim(
                    id=first_id + n,
                    uid=key,
                    key=key,
                    source_id=source_id,
                    start=start,
                    end=end,
                    quote=text[start:end],
                    party=f"Party {rng.randrange(200)}",
                    kind=rng.choice(CLAIM_KINDS),
                    credibility=rng.randint(1, 6),
                    statement=" ".join(rng.choice(WORDS) for _ in range(12)),
                    tags=[f"topic:Theme {rng.randrange(20)}"] if n % 10 == 0 else [],
                )
            )


def median_ms(action: Callable[[], object], repeats: int = REPEATS) -> float:
    """Return the median wall time of action in milliseconds."""
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def plain_paint(text: str, size: QSize) -> None:
    """The baseline: a bare read-only QPlainTextEdit shows and paints the same text."""
    bare = QPlainTextEdit()
    bare.resize(size)
    bare.setReadOnly(True)
    bare.show()
    bare.setPlainText(text)
    bare.viewport().grab()
    bare.close()


def main() -> int:
    """Build the libraries, time the reader and the table, print the results."""
    app = QApplication.instance() or QApplication(sys.argv)
    rng = random.Random(5)
    folder = Path(tempfile.mkdtemp(prefix="briefing-bench-"))
    os.environ["BRIEFING_SETTINGS_DIR"] = str(folder / "settings")
    from briefing_app.gui.main_window import MainWindow

    print("building a 1 MB source with 5,000 claims …", flush=True)
    lib = Library.open(folder / "reader.sqlite")
    text = article(rng, SOURCE_CHARS)
    big = lib.sources.add(ExtractedDocument(title="Big source", text=text))
    bulk_claims(lib, big.id, text, READER_CLAIMS, rng)
    small = lib.sources.add(ExtractedDocument(title="Small source", text="Nothing to see."))
    spans = lib.claims.spans(big.id)

    window = MainWindow(lib)
    window.resize(1440, 900)
    window.show()
    app.processEvents()
    reader = window.reader

    def show_plain() -> None:
        plain_paint(text, reader.size())

    def show_reader() -> None:
        reader.show_source(big.id, text, spans)
        reader.viewport().grab()

    def open_in_window() -> None:
        window.sources.open_source(small.id)
        window.sources.open_source(big.id)
        reader.viewport().grab()

    base = median_ms(show_plain)
    highlighted = median_ms(show_reader)
    in_window = median_ms(open_in_window)
    print(f"text: {len(text):,} characters, {text.count(chr(10)) // 2 + 1:,} paragraphs")
    print(f"baseline  plain QPlainTextEdit.setPlainText + paint : {base:8.1f} ms")
    print(
        f"reader    highlighted, {len(spans):,} claims          : {highlighted:8.1f} ms"
        f"  ({highlighted / base:.2f}× baseline; target ≤ 300 ms)"
    )
    print(
        f"window    open_source (fetch text + spans + show)   : {in_window:8.1f} ms"
        f"  ({in_window / base:.2f}× baseline)"
    )
    window.close()
    lib.close()

    print(f"building {TABLE_CLAIMS:,} claims over {TABLE_SOURCES} sources …", flush=True)
    lib = Library.open(folder / "table.sqlite")
    per_source = TABLE_CLAIMS // TABLE_SOURCES
    for n in range(TABLE_SOURCES):
        body = article(rng, 20_000) + f" Source {n}."
        source = lib.sources.add(ExtractedDocument(title=f"Source {n}", text=body))
        bulk_claims(lib, source.id, body, per_source, rng)
    window = MainWindow(lib)
    window.show()
    app.processEvents()
    table = window.claims_panel

    def query_only() -> None:
        claim_rows(lib, ClaimFilter())

    def load_table() -> None:
        window.sources.reload_claims()
        table.view.viewport().grab()

    def sort_table() -> None:
        table.view.sortByColumn(2, Qt.SortOrder.AscendingOrder)
        table.view.viewport().grab()
        table.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)

    def filter_table() -> None:
        table.set_filter_value(table.kind_filter, "denial")
        table.view.viewport().grab()
        table.set_filter_value(table.kind_filter, None)

    from briefing_app.gui.commands import EditClaimCommand

    toggle = iter(range(1_000_000))

    def edit_claim() -> None:
        # One undoable edit, then every view refreshes from the Changes it reports.
        window.execute(EditClaimCommand(lib, 500, party=f"Edited party {next(toggle)}"))
        table.view.viewport().grab()

    query = median_ms(query_only, 3)
    edited = median_ms(edit_claim, 5)
    loaded = median_ms(load_table, 3)
    sorted_ms = median_ms(sort_table, 3)
    filtered = median_ms(filter_table, 3)
    rows = table.model.rowCount()
    print(f"baseline  core claim_rows() query, {rows:,} rows       : {query:8.1f} ms")
    print(
        f"table     reload claims table + paint               : {loaded:8.1f} ms"
        f"  ({loaded / query:.2f}× the query alone)"
    )
    print(
        f"table     sort by party and back + paint            : {sorted_ms:8.1f} ms"
        f"  ({sorted_ms / query:.2f}× the query)"
    )
    print(
        f"table     filter by kind and back (id queries)     : {filtered:8.1f} ms"
        f"  ({filtered / query:.2f}× the query)"
    )
    print(
        f"edit      one claim via the inspector's command     : {edited:8.1f} ms"
        f"  ({edited / query:.2f}× the query)"
    )
    window.close()
    lib.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
