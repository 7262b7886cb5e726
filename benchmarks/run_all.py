"""Every speed target of issue 9 in one table, each against a baseline measured in the same run.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/run_all.py [--library PATH]

Builds a 10,000-source library (100,000 claims) with make_library.py, or reuses a copy of
--library PATH (built there first if the file does not exist; the file itself is never opened
for writing, so no schema upgrade touches it). Every figure is a median of several runs; the
table gives the figure, the baseline, their ratio, the target and met/MISSED:

- start-up: process start to the main window shown and painted with the library list filled
  (benchmarks/startup_probe.py through the real `briefing --library` entry point) against a bare
  PySide6 QMainWindow shown by the same Python, both in fresh processes, runs interleaved; two
  detail rows: a window of the same Qt widget kinds without Briefing (what any PySide6 app
  showing them pays) and the time until every pane is built (some are built after the paint);
- memory: VmRSS of those processes once the window has loaded (claims table counted);
- search: `lib.search.query` (sources and claims, 50 hits each) against the same FTS5 queries
  in raw sqlite3 (bench_search.RAW_SOURCES / RAW_CLAIMS), on the 10k library;
- import: ../shared/corpus/dev pages, extract_file + sources.add against bare trafilatura
  (import_quality.bare), interleaved page by page;
- export: export_speed's 300-claim note to .docx against bare python-docx (detail rows: the same
  note to Markdown, and its preview HTML, against the same baseline), and `briefing export`
  as a process on the ~50-page, ~480-footnote note against `pandoc note.md -o note.docx`;
- timeline: `briefing timeline --json` over the 10k library's 100,000 claims (on a copy whose
  undated claims are dated first, so that no date is suggested: make_library.py dates every
  one, a third of its sources linked by relations) against sqlite3 running the same SELECT and
  printing its rows as the same JSON (benchmarks/timeline_speed.py);
- event dates: the Chronology's suggested event date of a sentence (en/fr/de) against one plain
  dateparser read of it (benchmarks/event_dates_speed.py);
- chronology: the Chronology dock's first screen over the 10k library's 100,000 claims (from
  View ▸ Panels to its list painted, on a copy of the library) against the bare SQL of the
  first screen's rows shown by a plain QTableView over a QStandardItemModel
  (benchmarks/chronology_speed.py);
- qdpx: the whole 10k library exported as a REFI-QDA project (export_project) against a bare
  writer of the same texts, selections and codings (sqlite3, zipfile, lxml; qdpx_speed.py),
  with the export's peak memory in a fresh process;
- qdpx import: an NVivo-style project (200 sources of CRLF text with a BOM, 10,000 coded
  selections, every fifth re-anchored by its name) imported into a fresh library against the
  same sources and claims added directly with sources.add and claims.add in one transaction
  (benchmarks/qdpx_import_speed.py); detail rows: undoing and redoing that import
  (remove_import, restore_import) against the import's own time (benchmarks/qdpx_undo_speed.py);
- pack undo: undoing and redoing a review package's import (a note citing 500 claims of 50
  sources, 250 comments) in a copy of the 10k library (undo_pack_import, redo_pack_import)
  against the import's own time, CPU seconds; a detail row: the import with its row journal
  (what makes the undo possible) against the same import without it (pack_undo_speed.py);
- word notes: importing a report with 400 footnotes against the same report with the notes
  typed in as paragraphs, and a 100,000-note part (100 referenced) against none
  (benchmarks/docx_notes_speed.py);
- review import: importing a Word review copy of export_speed's 300-claim note (comments,
  edits, and a second export of the note to find typing with Track Changes off) on a fresh
  library copy, against exporting that review copy (review_import_speed.py);
- board: the Board view of a question with 500 claims (and 150 relations among them, on a copy
  of the library with ~3,000 relations) chosen in the main window until the dock is painted,
  against 500 plain QLabels in a scroll area of the same size (benchmarks/board_speed.py);
- reader: opening a 1 MB source with 5,000 claims in the main window (reader_speed's builders)
  against a plain QPlainTextEdit showing the same text (a detail row: the same for a page whose
  paragraphs are a newline apart, which the reader draws with space between them); claims
  table filters over the 10k library's 100,000 claims against the raw sqlite3 query selecting
  the same ids;
- spelling: a keystroke in a 5,000-word note (into the middle of a 1,000-word paragraph, and at
  the end) with spelling on against the same section editor with spelling off, keystrokes
  interleaved (benchmarks/spelling_speed.py); detail rows: a hostile word list (200 MB, one
  50 MB line) read against an honest one of the 2 MB read (benchmarks/word_list_speed.py);
- ach: rescoring a 30-hypothesis × 500-row ACH matrix after one rating (scores, ranking,
  diagnosticity, the full sensitivity pass; pure core) against a bare Python loop adding up
  the same 15,000 cells' inconsistency (benchmarks/ach_speed.py);
- matrix: the Matrix view of a 30-hypothesis × 500-row matrix (built through core operations)
  shown and painted, against a plain QTableView over a QStandardItemModel holding the same
  cell texts; a detail row for one rating rescored and repainted (benchmarks/matrix_view_speed.py);
- outside poll: the window's poll for other processes' commits on a copy of the 10k library
  after one commit elsewhere (reading the commit log) against the watcher it replaced (markers
  and fingerprints, benchmarks/marker_poll.py); detail rows: after the window's own task's
  commit, with nothing committed, the starting point, and a write with its log row against the
  same write without it (benchmarks/outside_poll_speed.py);
- list refresh: the sources list, sorted by title and filtered by a search, taking an import's
  announcement of a few sources in place against reloading the whole list, in the window, and
  the announcement of a few of them deleted (rows removed in place) against the same reload;
  selecting a claim near the end of the 100,000-claim table right after a filter against the
  id-to-row dictionary the table built for it (time, and tracemalloc peak of the look-up)
  (benchmarks/list_refresh_speed.py);
- multi-select: the claims table over the 10k library's 100,000 claims in the main window:
  Ctrl+A, the right-click menu built for the selection, Assign to question ▸ chosen (one
  core operation, one undo step, the window refreshed) and its undo, each until the table is
  painted, against a plain QTableView over a trivial model of the same size (Ctrl+A, the menu)
  and raw sqlite3 inserting and deleting the same rows; and the kind filter narrowed with
  every claim selected (those still shown stay selected) against the same change with none
  selected (benchmarks/multiselect_speed.py);
- question pickers: the Matrix's question list and the Chronology's question filter offered
  again (and a question chosen in the filter) in the main window, on a copy of the 10k library
  with five key questions, the first holding all 100,000 claims, against raw sqlite3 reading
  the questions' ids, keys and texts into a plain QComboBox (benchmarks/question_picker_speed.py);
- comment follow: saving a 50,000-character section that holds 40 review comments (each moved
  with the text by a diff of old → new in the save's transaction) against saving the same
  section of a note without comments, saves alternating: a keystroke, a replace across the
  section (~400 places), a rewrite of the whole section (benchmarks/comment_follow_speed.py);
- tab: one Tab press in the window on the 10k library with the Board, Matrix and Chronology
  shown, in the on-screen order (gui/focus_order.py) against Qt's own step along its focus
  chain in the same window (benchmarks/tab_speed.py).
The machine is shared: the load average is printed with the table.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import ach_speed  # noqa: E402
import bench_search  # noqa: E402
import board_speed  # noqa: E402
import chronology_speed  # noqa: E402
import comment_follow_speed  # noqa: E402
import docx_notes_speed  # noqa: E402
import event_dates_speed  # noqa: E402
import export_speed  # noqa: E402
import import_quality  # noqa: E402
import list_refresh_speed  # noqa: E402
import make_library  # noqa: E402
import matrix_view_speed  # noqa: E402
import multiselect_speed  # noqa: E402
import outside_poll_speed  # noqa: E402
import pack_undo_speed  # noqa: E402
import qdpx_import_speed  # noqa: E402
import qdpx_speed  # noqa: E402
import qdpx_undo_speed  # noqa: E402
import question_picker_speed  # noqa: E402
import reader_speed  # noqa: E402
import review_import_speed  # noqa: E402
import spelling_speed  # noqa: E402
import tab_speed  # noqa: E402
import timeline_speed  # noqa: E402
import word_list_speed  # noqa: E402
from timing import median_of, paired_medians  # noqa: E402

from briefing_app.core.errors import BriefingError, DuplicateSource  # noqa: E402
from briefing_app.core.exporters import export_note  # noqa: E402
from briefing_app.core.importers.base import extract_file  # noqa: E402
from briefing_app.core.library import Library  # noqa: E402
from briefing_app.core.records.claims import ClaimFilter, claim_filter_sql  # noqa: E402
from briefing_app.core.records.search import fts_query  # noqa: E402

SOURCES = 10_000
# ../shared/corpus/dev beside the repository (or beside the folder of worktrees).
CORPUS = next(
    (
        p / "shared" / "corpus" / "dev"
        for p in (HERE.parent.parent, HERE.parent.parent.parent)
        if (p / "shared" / "corpus" / "dev").is_dir()
    ),
    HERE.parent.parent / "shared" / "corpus" / "dev",
)
# Realistic searches on the synthetic library. Its small vocabulary puts most single words in
# 85-100 % of articles, so the queries that hit a modest fraction combine a word with a
# figure or a place; two common words show the worst case (ranking ~10,000 sources).
QUERIES = [
    "injured 417",
    "Khorog pipeline 250",
    "report 4217",
    "detained 86",
    "evacuated Murghab",
    "prices rose 12",
    "gold mine",
    "ministry",
    "the",
]
# Filters a user picks in the claims table (each applied, then cleared: both are timed).
TABLE_FILTERS = [
    ("kind_filter", "denial"),
    ("status_filter", "corroborated"),
    ("party_filter", "border guards"),
    ("tag_filter", "energy"),
]


@dataclass
class Row:
    """One line of the table."""

    target: str
    figure: float
    unit: str
    baseline: float
    limit: str
    met: bool
    note: str = ""


def child_env(work: Path) -> dict[str, str]:
    """Environment for timed child processes: compiled bytecode cached as on a user's machine.

    This sandbox sets PYTHONDONTWRITEBYTECODE, which makes every process compile every module
    from source (~80 ms for Briefing's); an installed app runs from cached .pyc files.
    """
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
    return env


# Start-up and memory -------------------------------------------------------------------------
def _probe(mode: str, library: Path, settings: Path) -> tuple[float, float, int, int, int]:
    """Run startup_probe.py; return (seconds to 'shown', to 'complete', shown RSS, settled
    RSS kB, rows)."""
    env = {
        **child_env(settings.parent),
        "BRIEFING_SETTINGS_DIR": str(settings),
        "QT_QPA_PLATFORM": "offscreen",
    }
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, str(HERE / "startup_probe.py"), mode, str(library)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
    )
    assert child.stdout is not None
    shown_line = child.stdout.readline()
    shown_at = time.perf_counter() - started
    complete_line = child.stdout.readline()
    complete_at = time.perf_counter() - started
    settled_line = child.stdout.readline()
    child.wait()
    if (
        not shown_line.startswith("shown")
        or not complete_line.startswith("complete")
        or not settled_line.startswith("settled")
    ):
        raise SystemExit(f"startup probe {mode} failed: {shown_line!r} {settled_line!r}")
    _, shown_rss, rows = shown_line.split()
    _, settled_rss, _ = settled_line.split()
    return shown_at, complete_at, int(shown_rss), int(settled_rss), int(rows)


def startup_and_memory(library: Path, runs: int, work: Path) -> list[Row]:
    """Time the windows from process start to shown, interleaved, and read their memory.

    Besides the bare window (the target's baseline), a window of the same widget kinds without
    Briefing (startup_probe.widgets) shows what part of the time any PySide6 app pays.
    """
    settings = work / "settings"
    for mode in ("app", "bare", "widgets"):  # the first open may make the rolling backup
        _probe(mode, library, settings)
    times: dict[str, list[float]] = {"bare": [], "widgets": [], "app": [], "complete": []}
    bare_m, app_m, rows = [], [], 0
    for _ in range(runs):
        t, _, _, settled, _ = _probe("bare", library, settings)
        times["bare"].append(t)
        bare_m.append(settled)
        times["widgets"].append(_probe("widgets", library, settings)[0])
        t, complete, _, settled, rows = _probe("app", library, settings)
        times["app"].append(t)
        times["complete"].append(complete)
        app_m.append(settled)
    bt, wt, at, ct = (statistics.median(times[k]) for k in ("bare", "widgets", "app", "complete"))
    bm, am = statistics.median(bare_m) / 1024, statistics.median(app_m) / 1024
    spread = f"app runs {min(times['app']) * 1000:.0f}-{max(times['app']) * 1000:.0f} ms"
    return [
        Row(
            "start-up to shown main window",
            at * 1000,
            "ms",
            bt * 1000,
            "<= 1.5x",
            at <= 1.5 * bt and rows > 0,
            f"{spread}; {rows:,} sources listed",
        ),
        Row(
            "  same-widgets window, no Briefing",
            wt * 1000,
            "ms",
            bt * 1000,
            "(detail)",
            True,
            f"Briefing's first paint is {at / wt:.2f}x this window's",
        ),
        Row(
            "  start-up to every pane built",
            ct * 1000,
            "ms",
            bt * 1000,
            "(detail)",
            True,
            "note workspace, review pane, suggestions: built after the first paint",
        ),
        Row("memory (VmRSS), library open", am, "MB", bm, "<= 2x", am <= 2 * bm),
    ]


# Search -----------------------------------------------------------------------------------------
def search(library: Path, runs: int) -> list[Row]:
    """Time lib.search.query against the same FTS5 queries in raw sqlite3, per query."""
    lib = Library.open(library, backup=False)
    raw = sqlite3.connect(library)
    ours, base, notes = [], [], []
    for text in QUERIES:
        match = fts_query(text)
        limit = bench_search.LIMIT
        hits = len(lib.search.query(text, limit=limit))
        sources = raw.execute(
            "SELECT count(*) FROM sources_fts WHERE sources_fts MATCH ?", (match,)
        ).fetchone()[0]
        core_s, raw_s = paired_medians(
            runs,
            lambda text=text, limit=limit: lib.search.query(text, limit=limit),
            lambda match=match, limit=limit: (
                raw.execute(bench_search.RAW_SOURCES, (match, limit)).fetchall(),
                raw.execute(bench_search.RAW_CLAIMS, (match, limit)).fetchall(),
            ),
        )
        ours.append(core_s * 1000)
        base.append(raw_s * 1000)
        notes.append(f"{text!r} {core_s * 1000:.1f}/{raw_s * 1000:.1f} ms ({sources} src, {hits})")
    raw.close()
    lib.close()
    median, baseline = statistics.median(ours), statistics.median(base)
    worst = max(o / b for o, b in zip(ours, base, strict=True))
    rows = [
        Row(
            "search median (sources+claims)",
            median,
            "ms",
            baseline,
            "<= 20 ms, <= 1.5x",
            median <= 20 and median <= 1.5 * baseline,
            f"worst query ratio {worst:.2f}",
        )
    ]
    for text, o, b, note in zip(QUERIES, ours, base, notes, strict=True):
        rows.append(Row(f"  search {text!r}", o, "ms", b, "(detail)", o <= 1.5 * b, note))
    return rows


# Import -----------------------------------------------------------------------------------------
def import_throughput(corpus: Path, work: Path, runs: int) -> list[Row]:
    """Pages per second: extract_file + sources.add against bare trafilatura, interleaved."""
    pages = sorted(corpus.glob("*/source.html"))
    if not pages:
        return [Row("import throughput", 0, "pages/s", 0, ">= 0.8x", False, f"no {corpus}")]
    ours, bare = [], []
    import_quality.bare(pages[0].read_bytes())  # warm the imports before timing
    for n in range(runs):
        lib = Library.open(work / f"import-{n}.sqlite", backup=False)
        t_ours = t_bare = 0.0
        for page in pages:
            started = time.perf_counter()
            import_quality.bare(page.read_bytes())
            t_bare += time.perf_counter() - started
            started = time.perf_counter()
            with contextlib.suppress(DuplicateSource, BriefingError):
                lib.sources.add(extract_file(page))
            t_ours += time.perf_counter() - started
        lib.close()
        ours.append(len(pages) / t_ours)
        bare.append(len(pages) / t_bare)
    o, b = statistics.median(ours), statistics.median(bare)
    return [
        Row(
            "import throughput (corpus/dev)",
            o,
            "pages/s",
            b,
            ">= 0.8x",
            o >= 0.8 * b,
            f"{len(pages)} pages, {runs} run(s)",
        )
    ]


# Export -----------------------------------------------------------------------------------------
def export(work: Path, runs: int) -> list[Row]:
    """The 300-claim note in process, and the ~480-footnote note as a process vs pandoc."""
    lib, note_id = export_speed.build_library(
        work / "export.sqlite", claims=300, paragraphs=50, per_para=6
    )
    ours, bare = paired_medians(
        runs,
        lambda: export_note(lib, note_id, work / "ours.docx", "docx"),
        lambda: export_speed.bare_python_docx(lib, note_id, work / "bare.docx"),
    )
    # The Markdown export and the preview share the document the Word export builds: a change
    # to the Word path must not slow them. The same note, against the same baseline.
    from briefing_app.gui.preview import render_preview

    note = lib.notes.get(note_id)
    typed = [(s.key, s.body) for s in note.sections]
    to_md, to_md_bare = paired_medians(
        runs,
        lambda: export_note(lib, note_id, work / "ours.md", "md"),
        lambda: export_speed.bare_python_docx(lib, note_id, work / "bare.docx"),
    )
    preview, preview_bare = paired_medians(
        runs,
        lambda: render_preview(lib, note, None, typed),
        lambda: export_speed.bare_python_docx(lib, note_id, work / "bare.docx"),
    )
    lib.close()
    rows = [
        Row(
            "export 300-claim note .docx",
            ours * 1000,
            "ms",
            bare * 1000,
            "<= 1.5x",
            ours <= 1.5 * bare,
            "vs bare python-docx",
        ),
        Row(
            "  same note to .md",
            to_md * 1000,
            "ms",
            to_md_bare * 1000,
            "(detail)",
            True,
            "vs bare python-docx (.docx) in the same run",
        ),
        Row(
            "  same note's preview HTML",
            preview * 1000,
            "ms",
            preview_bare * 1000,
            "(detail)",
            True,
            "render_preview (build, HTML, sanitise) vs bare python-docx",
        ),
    ]
    if not shutil.which("pandoc"):
        rows.append(Row("export CLI process vs pandoc", 0, "ms", 0, "<= 2x", False, "no pandoc"))
        return rows
    lib, note_id = export_speed.build_library(
        work / "big.sqlite", claims=480, paragraphs=240, per_para=2
    )
    md = export_note(lib, note_id, work / "big.md", "md")
    lib.close()
    command = [sys.executable, "-m", "briefing_app", "--library", str(work / "big.sqlite")]
    command += ["export", str(note_id), "-o", str(work / "cli.docx")]
    env = child_env(work)
    cli, pandoc = paired_medians(
        runs,
        lambda: subprocess.run(command, check=True, capture_output=True, env=env),
        lambda: subprocess.run(["pandoc", str(md), "-o", str(work / "pandoc.docx")], check=True),
    )
    rows.append(
        Row(
            "export CLI process, 480 notes",
            cli * 1000,
            "ms",
            pandoc * 1000,
            "<= 2x",
            cli <= 2 * pandoc,
            "vs pandoc note.md -o note.docx",
        )
    )
    return rows


# Reader and claims table -------------------------------------------------------------------
def reader_and_table(library: Path, work: Path, runs: int) -> list[Row]:
    """Open a 1 MB source with 5,000 claims in the window; filter the 10k library's claims."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv)
    os.environ["BRIEFING_SETTINGS_DIR"] = str(work / "settings-inproc")
    from briefing_app.core.importers.base import ExtractedDocument
    from briefing_app.gui.main_window import MainWindow

    rng = random.Random(5)
    lib = Library.open(work / "reader.sqlite", backup=False)
    text = reader_speed.article(rng, reader_speed.SOURCE_CHARS)
    big = lib.sources.add(ExtractedDocument(title="Big source", text=text))
    reader_speed.bulk_claims(lib, big.id, text, reader_speed.READER_CLAIMS, rng)
    # A page stored before imports wrote blank lines: the reader draws its paragraphs apart.
    old_text = reader_speed.article(rng, reader_speed.SOURCE_CHARS).replace("\n\n", "\n")
    old = lib.sources.add(ExtractedDocument(title="Big old source", text=old_text))
    reader_speed.bulk_claims(lib, old.id, old_text, reader_speed.READER_CLAIMS, rng)
    small = lib.sources.add(ExtractedDocument(title="Small source", text="Nothing to see."))
    window = MainWindow(lib)
    window.resize(1440, 900)
    window.show()
    app.processEvents()
    reader = window.reader

    def show_plain(shown: str = text) -> None:
        reader_speed.plain_paint(shown, reader.size())

    def open_in_window(source_id: int = big.id) -> None:
        window.sources.open_source(small.id)
        window.sources.open_source(source_id)
        reader.viewport().grab()

    opened, plain = paired_medians(runs, open_in_window, show_plain)
    old_opened, old_plain = paired_medians(
        runs, lambda: open_in_window(old.id), lambda: show_plain(old_text)
    )
    window.close()
    lib.close()
    rows = [
        Row(
            "open 1 MB source, 5,000 claims",
            opened * 1000,
            "ms",
            plain * 1000,
            "<= 300 ms",
            opened <= 0.3,
            "vs plain QPlainTextEdit",
        ),
        Row(
            "  the same, paragraphs a newline apart",
            old_opened * 1000,
            "ms",
            old_plain * 1000,
            "(detail)",
            True,
            "drawn with space between paragraphs; vs plain QPlainTextEdit",
        ),
    ]

    lib = Library.open(library, backup=False)
    window = MainWindow(lib)
    window.resize(1440, 900)
    window.show()
    app.processEvents()
    panel = window.claims_panel
    deadline = time.perf_counter() + 20
    while panel.model.total() == 0 and time.perf_counter() < deadline:
        app.processEvents()  # a big library fills the claims table after the first paint
    raw = sqlite3.connect(library)
    times: list[float] = []
    details = []
    for combo_name, value in TABLE_FILTERS:
        combo = getattr(panel, combo_name)
        flt = ClaimFilter(**{combo_name.removesuffix("_filter"): value})
        where, params = claim_filter_sql(raw, flt)
        sql = f"SELECT c.id FROM claims c {where} ORDER BY c.source_id, c.start, c.id"
        for chosen in (value, None):
            # Each timed change starts from the other state: filtered <-> all.
            mine = []
            for _ in range(runs):
                panel.set_filter_value(combo, None if chosen == value else value)
                started = time.perf_counter()
                panel.set_filter_value(combo, chosen)
                panel.view.viewport().grab()
                mine.append(time.perf_counter() - started)
            raw_sql = sql if chosen is not None else sql.replace(where, "")
            raw_params = params if chosen is not None else []
            expected = raw.execute(raw_sql, raw_params).fetchall()
            if panel.model.ids() != [r[0] for r in expected]:
                raise SystemExit(f"claims table shows other claims than {raw_sql} {raw_params}")
            raw_s = median_of(runs, lambda s=raw_sql, p=raw_params: raw.execute(s, p).fetchall())
            label = f"{combo_name.removesuffix('_filter')}={value}" if chosen else "cleared"
            details.append((label, statistics.median(mine), raw_s, len(expected)))
            times += mine
        panel.set_filter_value(combo, None)
    total = panel.model.total()
    raw.close()
    window.close()
    lib.close()
    median = statistics.median(times)
    baseline = statistics.median(d[2] for d in details)
    rows.append(
        Row(
            f"claims table filter, {total:,} claims",
            median * 1000,
            "ms",
            baseline * 1000,
            "<= 100 ms",
            median <= 0.1,
            f"worst filter median {max(d[1] for d in details) * 1000:.0f} ms; "
            "vs raw sqlite3 id query",
        )
    )
    for label, mine_s, raw_s, count in details:
        rows.append(
            Row(
                f"  filter {label}",
                mine_s * 1000,
                "ms",
                raw_s * 1000,
                "(detail)",
                mine_s <= 0.1,
                f"{count:,} claims shown",
            )
        )
    return rows


def timeline(library: Path, runs: int) -> list[Row]:
    """`briefing timeline --json` against the bare query printing the same rows as JSON."""
    m = timeline_speed.measure(library, runs, paired_medians)
    ours, baseline = m["ours"], m["baseline"]
    return [
        Row(
            f"timeline --json, {m['claims']:,.0f} claims",
            ours * 1000,
            "ms",
            baseline * 1000,
            "<= 1.5x",
            ours <= 1.5 * baseline,
            f"vs sqlite3 running the same SELECT, rows printed as the same JSON "
            f"({m['dated']:,.0f} undated claims dated on the copy first)",
        ),
        Row(
            "  timeline: the bare query alone",
            m["query"] * 1000,
            "ms",
            baseline * 1000,
            "(detail)",
            True,
            "sqlite3 fetchall, nothing printed",
        ),
    ]


def event_dates(runs: int) -> list[Row]:
    """A claim's suggested event date against one plain dateparser read of its sentence."""
    m = event_dates_speed.measure(runs)
    ours, baseline = m["ours"], m["baseline"]
    return [
        Row(
            "suggested event date, a sentence",
            ours * 1000,
            "ms",
            baseline * 1000,
            "<= 4x",
            ours <= 4 * baseline,
            f"vs dateparser's search_dates once over the same {m['sentences']:.0f} sentences "
            "(ours reads from two base days, then the publication day when needed)",
        )
    ]


def spelling() -> list[Row]:
    """A keystroke in a 5,000-word note, spelling on against the same editor with it off."""
    m = spelling_speed.measure()
    rows = []
    for place in ("middle", "end"):
        on, off = m[f"on {place} median"], m[f"off {place} median"]
        p95, off95 = m[f"on {place} p95"], m[f"off {place} p95"]
        rows.append(
            Row(
                f"keystroke, spelling on ({place})",
                on * 1000,
                "ms",
                off * 1000,
                "<=1.5x,p95<=16ms",
                on <= 1.5 * off and p95 <= 0.016,
                f"p95 {p95 * 1000:.1f} ms (off: {off95 * 1000:.1f}); 5,000 words, "
                f"{m['flagged']:.0f} flagged",
            )
        )
    rows.append(
        Row(
            "  spelling: slowest corrections",
            m["suggest"] * 1000,
            "ms",
            0,
            "(detail)",
            True,
            f"a right-click's suggestions; dictionary read in {m['load'] * 1000:.0f} ms "
            "(off the UI thread)",
        )
    )
    lists = word_list_speed.measure()
    base = lists.pop("baseline")
    for name, read in lists.items():
        rows.append(
            Row(
                f"  spelling: word list, {name}",
                float(read["seconds"]) * 1000,
                "ms",
                float(base["seconds"]) * 1000,
                "<=1.5x",
                float(read["seconds"]) <= 1.5 * float(base["seconds"]),
                f"peak {float(read['peak_mb']):.0f} MB (baseline {float(base['peak_mb']):.0f} MB:"
                " a list at the 2 MB read)",
            )
        )
    return rows


def chronology(library: Path, work: Path, runs: int) -> list[Row]:
    """The Chronology's first screen against a plain QTableView of the same rows."""
    m = chronology_speed.measure(library, work, runs)
    return [
        Row(
            f"chronology screen, {m['claims']:,.0f} claims",
            m["ours"] * 1000,
            "ms",
            m["baseline"] * 1000,
            "<= 300 ms",
            m["ours"] <= 0.3,
            f"{m['dated']:,.0f} dated; vs bare SQL of the first {m['rows']} rows in a plain "
            "QTableView",
        )
    ]


# The parts of the run, in the order they run (--only picks some).
PARTS = [
    "startup",
    "search",
    "import",
    "export",
    "reader",
    "timeline",
    "spelling",
    "event dates",
    "chronology",
    "qdpx",
    "qdpx import",
    "pack undo",
    "word notes",
    "review import",
    "ach",
    "matrix",
    "board",
    "outside poll",
    "list refresh",
    "multi-select",
    "question pickers",
    "comment follow",
    "tab",
]


def comment_follow(runs: int) -> list[Row]:
    """Saving a long section whose review comments follow the text, against one with none."""
    m = comment_follow_speed.measure(runs)
    size = f"{m['chars']:,.0f}-char section, {comment_follow_speed.COMMENTS} comments"
    rows = [
        Row(
            "save with comments, keystroke",
            m["keystroke"] * 1000,
            "ms",
            m["keystroke baseline"] * 1000,
            "<= 16 ms",
            m["keystroke"] <= 0.016,
            f"{size}; vs the same save of a note without comments",
        )
    ]
    for name in ("replace all", "rewrite"):
        rows.append(
            Row(
                f"  comment follow: {name}",
                m[name] * 1000,
                "ms",
                m[f"{name} baseline"] * 1000,
                "<= 250 ms",
                m[name] <= 0.25,
                f"{size}" + (f"; {m['changes']:,.0f} places" if name == "replace all" else ""),
            )
        )
    return rows


def ach(runs: int) -> list[Row]:
    """Rescoring an ACH matrix after one rating against a bare loop over its cells."""
    m = ach_speed.measure(max(runs, 11))
    size = f"{ach_speed.HYPOTHESES} x {ach_speed.ROWS}"
    return [
        Row(
            f"ACH rescore, {size}",
            m["ours"] * 1000,
            "ms",
            m["baseline"] * 1000,
            "<= 20 ms",
            m["ours"] <= 0.020,
            "vs a bare loop adding up the cells' inconsistency",
        ),
        Row(
            "  ACH: rate + reread through SQLite",
            m["library"] * 1000,
            "ms",
            m["baseline"] * 1000,
            "(detail)",
            True,
            "lib.ach.rate, then lib.ach.matrix(q).scores",
        ),
    ]


def qdpx(library: Path, runs: int) -> list[Row]:
    """The library out as a .qdpx against a bare writer of the same elements."""
    m = qdpx_speed.measure(library, runs, paired_medians)
    return [
        Row(
            f"qdpx export, {m['claims']:,.0f} claims",
            m["ours"],
            "s",
            m["baseline"],
            "<= 1.5x",
            m["ours"] <= 1.5 * m["baseline"],
            "vs sqlite3 + zipfile + lxml writing the same selections and codings",
        ),
        Row(
            "  qdpx export: peak memory",
            m["peak_mb"],
            "MB",
            m["qde_mb"],
            "(detail)",
            True,
            "baseline column: the size of project.qde (streamed, never held)",
        ),
    ]


def qdpx_import(runs: int) -> list[Row]:
    """A QDA project in, against adding its sources and claims directly."""
    m = qdpx_import_speed.measure(runs, paired_medians)
    u = qdpx_undo_speed.measure(max(runs, 3))
    return [
        Row(
            f"qdpx import, {m['claims']:,.0f} claims",
            m["ours"],
            "s",
            m["baseline"],
            "<= 2x",
            m["ours"] <= 2 * m["baseline"],
            "vs sources.add + claims.add of the same records in one transaction",
        ),
        *(
            Row(
                f"  qdpx import {label}, {u['claims']:,.0f} claims",
                u[label],
                "s",
                u["import"],
                "(detail)",
                True,
                f"{name} against the import that made the records",
            )
            for label, name in (("undo", "remove_import"), ("redo", "restore_import"))
        ),
    ]


def pack_undo(library: Path, runs: int) -> list[Row]:
    """Undoing and redoing a review package's import against the import itself."""
    m = pack_undo_speed.measure(runs, into=library)
    rows = [
        Row(
            f"pack import {label}, {m['rows']:,.0f} rows",
            m[label],
            "s CPU",
            m["import"],
            "<= 1x",
            m[label] <= m["import"],
            f"{name} in the 10k library against the import that made the rows",
        )
        for label, name in (("undo", "undo_pack_import"), ("redo", "redo_pack_import"))
    ]
    rows.append(
        Row(
            "  pack import with its row journal",
            m["journaled"],
            "s CPU",
            m["bare"],
            "(detail)",
            True,
            "into a fresh library, against the same import without the journal",
        )
    )
    return rows


def word_notes(work: Path, runs: int) -> list[Row]:
    """A Word report's footnotes on import against the same words typed as paragraphs."""
    m = docx_notes_speed.measure(work, runs)
    return [
        Row(
            "Word import, 400 footnotes",
            m["ours"] * 1000,
            "ms",
            m["baseline"] * 1000,
            f"<= {docx_notes_speed.TARGET:g}x",
            m["ours"] <= docx_notes_speed.TARGET * m["baseline"],
            "extract_file; vs the same report with its notes typed in as paragraphs",
        ),
        Row(
            "  100,000-note part, 100 cited",
            m["hostile"] * 1000,
            "ms",
            m["bare"] * 1000,
            "(detail)",
            True,
            "hostile notes part streamed; vs the same body without it",
        ),
    ]


def review_import(work: Path, runs: int) -> list[Row]:
    """Importing a Word review copy (which exports the note again) against exporting it."""
    m = review_import_speed.measure(work, runs)
    return [
        Row(
            "review-copy import, 300-claim note",
            m.imported * 1000,
            "ms",
            m.exported * 1000,
            f"<= {review_import_speed.TARGET:g}x",
            m.imported <= review_import_speed.TARGET * m.exported,
            "import_review_copy on a fresh library copy (with its second export to find "
            "untracked typing); vs export_review_copy of the same note",
        )
    ]


def matrix(runs: int) -> list[Row]:
    """The Matrix view of a 30 x 500 ACH matrix against a plain QTableView of its texts."""
    m = matrix_view_speed.measure(max(runs, 5))
    size = f"{matrix_view_speed.HYPOTHESES} x {matrix_view_speed.ROWS}"
    return [
        Row(
            f"Matrix view shown, {size}",
            m["ours"] * 1000,
            "ms",
            m["baseline"] * 1000,
            "<= 200 ms",
            m["ours"] <= 0.200,
            "vs a plain QTableView over a QStandardItemModel of the same texts",
        ),
        Row(
            "  Matrix: one rating, repainted",
            m["rating"] * 1000,
            "ms",
            m["baseline"] * 1000,
            "(detail)",
            True,
            "command, rescore of the changed row, dataChanged only",
        ),
    ]


def board(library: Path, work: Path, runs: int) -> list[Row]:
    """The Board view of a 500-claim question, shown and painted, against 500 plain QLabels."""
    m = board_speed.measure(library, work, runs, paired_medians)
    ours, baseline = m["ours"], m["baseline"]
    return [
        Row(
            f"board, {m['claims']:,.0f} claims",
            ours * 1000,
            "ms",
            baseline * 1000,
            "<= 200 ms",
            ours <= 0.2,
            f"{m['columns']:.0f} columns, {m['relations']:.0f} relations; "
            "vs 500 plain QLabels in a scroll area",
        ),
        Row(
            "  board: build_board alone",
            m["core"] * 1000,
            "ms",
            baseline * 1000,
            "(detail)",
            True,
            "the core's positions, relations, statuses",
        ),
    ]


def outside_poll(library: Path, work: Path, runs: int) -> list[Row]:
    """The poll for other processes' commits against the marker watcher it replaced."""
    m = outside_poll_speed.measure(library, work, max(runs, 11))
    details = (
        ("own", "after the window's own task's commit", "skipped (the old one reported it again)"),
        ("idle", "nothing committed", "one PRAGMA data_version each"),
        ("start", "the starting point", "taken as the window opens the library"),
        ("write", "claims.update with its log row", "baseline: the same write without the row"),
    )
    return [
        Row(
            "outside poll after a commit elsewhere",
            m["other_ours"] * 1000,
            "ms",
            m["other_baseline"] * 1000,
            "<= 1x",
            m["other_ours"] <= m["other_baseline"],
            f"commit log vs markers + fingerprints, {m['claims']:,.0f} claims",
        ),
        *(
            Row(
                f"  outside poll: {label}",
                m[f"{name}_ours"] * 1000,
                "ms",
                m[f"{name}_baseline"] * 1000,
                "(detail)",
                True,
                note,
            )
            for name, label, note in details
        ),
    ]


def tab(library: Path, work: Path, runs: int) -> list[Row]:
    """One Tab press in the whole window, on-screen order, against Qt's own step."""
    m = tab_speed.measure(library, work, runs)
    return [
        Row(
            "Tab press, whole window",
            m["ours"] * 1000,
            "ms",
            m["baseline"] * 1000,
            f"<= {tab_speed.TARGET_MS:g} ms",
            m["ours"] * 1000 <= tab_speed.TARGET_MS,
            f"{m['stops']:.0f} stops in sight; vs Qt's focusNextPrevChild on the same window",
        )
    ]


def list_refresh(library: Path, work: Path, runs: int) -> list[Row]:
    """The sources list taking an import's announcement in place, and a claim's selection."""
    m = list_refresh_speed.measure(library, work, runs, paired_medians)
    ours, baseline = m["list_ours"], m["list_baseline"]
    return [
        Row(
            "sources list: import announcement",
            ours * 1000,
            "ms",
            baseline * 1000,
            "<= 0.5x",
            ours <= 0.5 * baseline,
            f"sorted by title, filtered ({m['list_rows']:,.0f} rows), "
            f"{list_refresh_speed.NEW_PER_ANNOUNCEMENT} new; vs the full reload",
        ),
        Row(
            "sources list: sources deleted",
            m["remove_ours"] * 1000,
            "ms",
            m["remove_baseline"] * 1000,
            "<= 0.5x",
            m["remove_ours"] <= 0.5 * m["remove_baseline"],
            f"the same list, the {list_refresh_speed.NEW_PER_ANNOUNCEMENT} sources just "
            "announced (half of them shown) deleted elsewhere; in place vs the full reload",
        ),
        Row(
            "select a claim after a filter",
            m["select_ours"] * 1000,
            "ms",
            m["select_baseline"] * 1000,
            "<= 1x",
            m["select_ours"] <= m["select_baseline"],
            f"{m['claims']:,.0f} claims; vs the id-to-row dictionary it built",
        ),
        Row(
            "  claim's row look-up: time",
            m["lookup_ours"] * 1000,
            "ms",
            m["lookup_baseline"] * 1000,
            "(detail)",
            True,
            "the row near the end; vs building the dictionary",
        ),
        Row(
            "  claim's row look-up: memory",
            m["select_ours_bytes"] / 1e6,
            "MB",
            m["select_baseline_bytes"] / 1e6,
            "(detail)",
            True,
            "tracemalloc peak; vs building the dictionary",
        ),
    ]


def multiselect(library: Path, work: Path, runs: int) -> list[Row]:
    """Ctrl+A, the right-click menu, assign and undo on 100,000 claims; each under 200 ms."""
    m = multiselect_speed.measure(library, work, runs)
    steps = (
        ("ctrl_a", "multi-select: Ctrl+A", "vs Ctrl+A in a plain QTableView, trivial model"),
        ("menu", "multi-select: right-click menu", "Assign to question ▸ built; vs a plain QMenu"),
        ("assign", "multi-select: assign", "one undo step; vs raw INSERT … SELECT"),
        ("undo", "multi-select: undo the assign", "vs raw DELETE of the same rows"),
        ("filter", "multi-select: filter narrowed", "those shown kept; vs none selected"),
    )
    return [
        Row(
            target,
            m[f"{name}_ours"] * 1000,
            "ms",
            m[f"{name}_baseline"] * 1000,
            "<= 200 ms",
            m[f"{name}_ours"] <= 0.2,
            f"{m['rows']:,.0f} claims selected; {note}",
        )
        for name, target, note in steps
    ]


def question_pickers(library: Path, work: Path, runs: int) -> list[Row]:
    """The Matrix's and the Chronology's question pickers refreshed; each under 50 ms."""
    m = question_picker_speed.measure(library, work, runs)
    note = "a question holding all {:,.0f} claims; vs raw SQL into a plain QComboBox"
    return [
        Row(
            target,
            m[f"{name}_ours"] * 1e6,
            "µs",  # in ms both print 0.0
            m[f"{name}_baseline"] * 1e6,
            "<= 50 ms",
            m[f"{name}_ours"] <= 0.05,
            note.format(m["claims"]),
        )
        for name, target in (
            ("matrix", "question picker: Matrix"),
            ("chronology", "question picker: Chronology"),
        )
    ]


# Table ------------------------------------------------------------------------------------------
def print_table(rows: list[Row], header: str) -> None:
    """Print the results as one table."""
    print(header)
    print(
        f"{'target':34} {'figure':>10} {'baseline':>10} {'unit':>7} {'ratio':>6} "
        f"{'limit':>17}  verdict  note"
    )
    for r in rows:
        ratio = r.figure / r.baseline if r.baseline else float("nan")
        verdict = "met" if r.met else "MISSED"
        if r.limit == "(detail)":
            verdict = ""
        print(
            f"{r.target:34} {r.figure:10.1f} {r.baseline:10.1f} {r.unit:>7} {ratio:6.2f} "
            f"{r.limit:>17}  {verdict:7}  {r.note}"
        )


def main(argv: list[str] | None = None) -> None:
    """Build or reuse the library, run every benchmark, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--library", type=Path, help="10k library to reuse (built if missing)")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--runs", type=int, default=5, help="timed runs per figure")
    parser.add_argument(
        "--only",
        choices=PARTS,
        action="append",
        help="run only these parts (repeatable)",
    )
    args = parser.parse_args(argv)
    parts = set(args.only or PARTS)
    with tempfile.TemporaryDirectory(prefix="briefing-runall-") as tmp:
        work = Path(tmp)
        library = args.library or work / "lib10k.sqlite"
        if not library.exists():
            print(f"building {library} ({SOURCES:,} sources) …", file=sys.stderr, flush=True)
            make_library.build(library, SOURCES)
        if args.library is not None:
            # A copy: opening the shared file would bring it up to this branch's schema, and
            # a branch without the newer migrations could no longer open it.
            library = outside_poll_speed.copy_library(library, work / "lib10k-copy.sqlite")
        check = Library.open(library, backup=False)
        counts = (check.sources.count(), check.claims.count())
        check.close()
        rows: list[Row] = []
        steps: list[tuple[str, Callable[[], list[Row]]]] = [
            ("startup", lambda: startup_and_memory(library, args.runs, work)),
            ("search", lambda: search(library, max(args.runs, 11))),
            ("import", lambda: import_throughput(args.corpus, work, max(2, args.runs // 2))),
            ("export", lambda: export(work, args.runs)),
            ("reader", lambda: reader_and_table(library, work, args.runs)),
            ("timeline", lambda: timeline(library, args.runs)),
            ("spelling", spelling),
            ("event dates", lambda: event_dates(args.runs)),
            ("chronology", lambda: chronology(library, work, args.runs)),
            ("qdpx", lambda: qdpx(library, max(1, args.runs // 2))),
            ("qdpx import", lambda: qdpx_import(max(1, args.runs // 2))),
            ("pack undo", lambda: pack_undo(library, max(args.runs, 3))),
            ("word notes", lambda: word_notes(work, args.runs)),
            ("review import", lambda: review_import(work, args.runs)),
            ("ach", lambda: ach(args.runs)),
            ("matrix", lambda: matrix(args.runs)),
            ("board", lambda: board(library, work, args.runs)),
            ("outside poll", lambda: outside_poll(library, work, args.runs)),
            ("list refresh", lambda: list_refresh(library, work, max(args.runs, 9))),
            ("multi-select", lambda: multiselect(library, work, args.runs)),
            ("question pickers", lambda: question_pickers(library, work, args.runs)),
            ("comment follow", lambda: comment_follow(max(args.runs, 11))),
            ("tab", lambda: tab(library, work, max(args.runs, 21))),
        ]
        for name, step in steps:
            if name in parts:
                print(f"running {name} …", file=sys.stderr, flush=True)
                rows += step()
        load = os.getloadavg()
        header = (
            f"{library}: {counts[0]:,} sources, {counts[1]:,} claims; medians of {args.runs} "
            f"runs; load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} on "
            f"{os.cpu_count()} cores"
        )
        print_table(rows, header)


if __name__ == "__main__":
    main()
