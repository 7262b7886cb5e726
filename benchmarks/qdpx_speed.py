"""`export_project` (a whole library to .qdpx) against a bare writer of the same elements.

    python benchmarks/qdpx_speed.py LIBRARY [--runs 3]

Ours: `briefing_app.core.qdpx.writer.export_project` on the library, as `briefing qdpx export`
runs it (library opened, scope read, texts zipped, project.qde streamed, atomic rename).
Baseline: what any .qdpx writer must do at least, written plainly: sqlite3 reads the texts and
claims, zipfile deflates the texts, lxml's xmlfile streams one TextSource per source and one
PlainTextSelection per claim with its Description and one Coding per tag and attribute (uuid5
GUIDs), with no codebook, variables, notes, checks or atomic write. The figure printed is the
ratio; the peak memory of ours is printed too (VmHWM of a fresh process, Linux).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sqlite3
import subprocess
import sys
import tempfile
import uuid
import zipfile
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

from lxml import etree

from briefing_app.core.library import Library
from briefing_app.core.qdpx.writer import export_project

_NS = "urn:QDA-XML:project:1.0"
_GUIDS = uuid.UUID("12345678-1234-5678-1234-567812345678")


def ours(library: Path, out: Path) -> None:
    """Export the whole library to out."""
    lib = Library.open(library, backup=False)
    try:
        export_project(lib, out)
    finally:
        lib.close()


def bare(library: Path, out: Path) -> None:
    """Write the same texts, selections and codings with sqlite3, zipfile and lxml alone."""

    def q(tag: str) -> str:
        return f"{{{_NS}}}{tag}"

    def guid(text: str) -> str:
        return str(uuid.uuid5(_GUIDS, text)).upper()

    conn = sqlite3.connect(library)
    tags: dict[int, list[int]] = defaultdict(list)
    for claim_id, tag_id in conn.execute("SELECT claim_id, tag_id FROM claim_tags"):
        tags[claim_id].append(tag_id)
    claims = conn.execute(
        'SELECT c.id, c.uid, c.source_id, c.start, c."end", c.quote, c.statement, c.key, '
        "c.kind, c.status, c.credibility, c.party, s.uid, s.title "
        "FROM claims c JOIN sources s ON s.id = c.source_id ORDER BY c.source_id, c.start"
    )
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for uid, text in conn.execute("SELECT uid, text FROM sources ORDER BY id"):
            zf.writestr(f"sources/{guid(uid)}.txt", text.encode("utf-8"))
        with (
            zf.open("project.qde", "w") as f,
            etree.xmlfile(f, encoding="UTF-8") as xf,
            xf.element(q("Project"), {"name": "bare"}, nsmap={None: _NS}),
            xf.element(q("Sources")),
            contextlib.ExitStack() as source,
        ):
            current = None
            for cid, uid, sid, start, end, quote, statement, key, *codes, s_uid, title in claims:
                if sid != current:
                    source.close()
                    current = sid
                    attrib = {"guid": guid(s_uid), "name": title}
                    source.enter_context(xf.element(q("TextSource"), attrib))
                attrib = {
                    "guid": guid(uid),
                    "name": quote,
                    "startPosition": str(start),
                    "endPosition": str(end),
                }
                with xf.element(q("PlainTextSelection"), attrib):
                    with xf.element(q("Description")):
                        xf.write(f"{statement}\n\nClaim {key}")
                    refs = [str(t) for t in tags[cid]] + [str(c) for c in codes if c != ""]
                    for ref in refs:
                        with (
                            xf.element(q("Coding"), {"guid": guid(f"{uid}:{ref}")}),
                            xf.element(q("CodeRef"), {"targetGUID": guid(ref)}),
                        ):
                            pass
    conn.close()


def peak_memory_mb(library: Path, out: Path) -> float:
    """Return the peak resident memory of a fresh process running ours, in MB."""
    # VmHWM, not ru_maxrss: Linux keeps ru_maxrss across exec, so a child would report ours.
    code = (
        "import sys; sys.path.insert(0, sys.argv[3]); import qdpx_speed; "
        "from pathlib import Path; qdpx_speed.ours(Path(sys.argv[1]), Path(sys.argv[2])); "
        "print(next(l for l in open('/proc/self/status') if l.startswith('VmHWM')).split()[1])"
    )
    here = str(Path(__file__).resolve().parent)
    done = subprocess.run(
        [sys.executable, "-c", code, str(library), str(out), here],
        capture_output=True,
        text=True,
        check=True,
    )
    return int(done.stdout.split()[-1]) / 1024


Paired = Callable[[int, Callable[[], object], Callable[[], object]], tuple[float, float]]


def measure(library: Path, runs: int, paired: Paired) -> dict[str, float]:
    """Return the medians (seconds) of ours and the bare writer, counts and peak memory."""
    with tempfile.TemporaryDirectory(prefix="briefing-qdpx-") as tmp:
        mine_out, bare_out = Path(tmp) / "ours.qdpx", Path(tmp) / "bare.qdpx"
        mine, baseline = paired(
            runs, lambda: ours(library, mine_out), lambda: bare(library, bare_out)
        )
        with zipfile.ZipFile(mine_out) as zf:
            size = zf.getinfo("project.qde").file_size
        memory = peak_memory_mb(library, Path(tmp) / "memory.qdpx")
    conn = sqlite3.connect(library)
    sources, claims = conn.execute(
        "SELECT (SELECT count(*) FROM sources), (SELECT count(*) FROM claims)"
    ).fetchone()
    conn.close()
    return {
        "ours": mine,
        "baseline": baseline,
        "sources": sources,
        "claims": claims,
        "qde_mb": size / 1e6,
        "peak_mb": memory,
    }


def main(argv: list[str] | None = None) -> None:
    """Measure and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("library", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    from run_all import paired_medians  # run_all imports this module: not at the top

    m = measure(args.library, args.runs, paired_medians)
    print(json.dumps({k: round(v, 2) for k, v in m.items()}))
    print(
        f"{m['sources']:,.0f} sources, {m['claims']:,.0f} claims: export_project "
        f"{m['ours']:.1f} s, bare writer {m['baseline']:.1f} s "
        f"(ratio {m['ours'] / m['baseline']:.2f}); project.qde {m['qde_mb']:.0f} MB; "
        f"peak memory of an export {m['peak_mb']:.0f} MB"
    )


if __name__ == "__main__":
    main()
