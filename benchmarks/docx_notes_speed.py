"""What a Word source's footnotes cost its import: a report with notes against it without.

    python benchmarks/docx_notes_speed.py [--runs N]

A think-tank style report (300 paragraphs, 400 footnotes, one in four with a web link) is
imported with `extract_file`; the baseline, in the same run, is the same report with the notes
typed in after the body as ordinary paragraphs (the same words read, no notes part, no
references). Target: at most 1.5x. A detail
row: a hostile notes part (100,000 notes, 17 MB of XML) of which the body references 100,
against the same body's import without the part.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from timing import paired_medians

from briefing_app.core.importers.base import extract_file
from tests.core.importers.word_notes import (
    docx_with_notes,
    hyperlink,
    note,
    notes_part_xml,
    para,
    reference,
    run,
)

TARGET = 1.5
SENTENCE = (
    "Officials in the provincial administration said the convoy had been stopped twice at "
    "the crossing, and that the ministry would publish its findings after the inquiry. "
)


def report(with_notes: bool, paragraphs: int = 300, notes: int = 400) -> bytes:
    """Return the report .docx: with its notes, or with the same words typed in as paragraphs.

    Without notes, the body has no references and ends with a "Notes" paragraph and one
    paragraph per note holding what its import would read, so both read the same words.
    """
    per_paragraph = -(-notes // paragraphs)
    blocks, number = [], 1
    for _ in range(paragraphs):
        content = []
        for _ in range(per_paragraph):
            content.append(run(SENTENCE))
            if with_notes and number <= notes:
                content.append(reference(number))
            number += 1
        blocks.append(para(*content))
    links = {f"rId{i}": f"https://example.org/reports/{i}" for i in range(1, notes + 1, 4)}
    texts = [
        run("See ") + hyperlink(f"rId{i}", "the ministry's report") + run(", p. 4.")
        if f"rId{i}" in links
        else run(f"Interview with a provincial official, {i % 28 + 1} May 2025.")
        for i in range(1, notes + 1)
    ]
    if with_notes:
        footnotes = "".join(note(i, text) for i, text in enumerate(texts, start=1))
        return docx_with_notes(*blocks, footnotes=footnotes, links=links)
    typed = [
        para(run(f"[{i}] "), text.replace(f'<w:hyperlink r:id="rId{i}">', "<w:hyperlink>"))
        for i, text in enumerate(texts, start=1)
    ]
    return docx_with_notes(*blocks, para(run("Notes")), *typed)


def hostile(with_part: bool) -> bytes:
    """Return a body referencing 100 notes, with a 100,000-note part or with no part."""
    blocks = [para(run(SENTENCE), reference(i * 1000)) for i in range(1, 101)]
    if not with_part:
        return docx_with_notes(*blocks)
    notes = "".join(note(i, f"Source {i}.") for i in range(1, 100_001))
    return docx_with_notes(*blocks, footnotes_xml=notes_part_xml("footnote", notes))


def measure(work: Path, runs: int) -> dict[str, float]:
    """Return median seconds: the report with and without notes, the hostile part and none."""
    paths = {}
    for name, data in (
        ("report", report(True)),
        ("plain", report(False)),
        ("hostile", hostile(True)),
        ("bare", hostile(False)),
    ):
        paths[name] = work / f"{name}.docx"
        paths[name].write_bytes(data)
    ours, baseline = paired_medians(
        runs, lambda: extract_file(paths["report"]), lambda: extract_file(paths["plain"])
    )
    many, bare = paired_medians(
        max(1, runs // 2),
        lambda: extract_file(paths["hostile"]),
        lambda: extract_file(paths["bare"]),
    )
    return {"ours": ours, "baseline": baseline, "hostile": many, "bare": bare}


def main() -> None:
    """Print the medians and the ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="briefing-notes-bench-") as tmp:
        m = measure(Path(tmp), args.runs)
    ratio = m["ours"] / m["baseline"]
    print(f"report without notes (baseline): {m['baseline'] * 1000:.0f} ms")
    print(f"report with 400 footnotes:       {m['ours'] * 1000:.0f} ms")
    print(f"ratio {ratio:.2f}x (target <= {TARGET}x): {'met' if ratio <= TARGET else 'NOT met'}")
    print(
        f"100 notes referenced of a 100,000-note part: {m['hostile'] * 1000:.0f} ms "
        f"(the same body without the part: {m['bare'] * 1000:.0f} ms)"
    )


if __name__ == "__main__":
    main()
