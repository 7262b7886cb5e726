"""Edit a .docx the way Word does when a reviewer comments, tracks changes or moves text.

Each helper rewrites the WordprocessingML directly (runs split at the edited words, w:ins and
w:del with author and date, comment ranges and a comments part), like Word's own output.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from docx import Document
from docx.oxml.ns import qn
from docx.text.run import Run

DATE = "2026-11-20T10:00:00Z"


def _split_run_at(paragraph: Any, words: str) -> Any:
    """Split the run holding words into before/words/after runs; return the words' run."""
    for run in paragraph.findall(qn("w:r")):
        t = run.find(qn("w:t"))
        if t is None or not t.text or words not in t.text:
            continue
        before, _, after = t.text.partition(words)
        for piece, where in ((before, "before"), (after, "after")):
            if not piece:
                continue
            clone = copy.deepcopy(run)
            clone.find(qn("w:t")).text = piece
            clone.find(qn("w:t")).set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            (run.addprevious if where == "before" else run.addnext)(clone)
        t.text = words
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        return run
    raise AssertionError(f"{words!r} not found in one run")


def _paragraph_with(doc: Any, words: str) -> Any:
    for p in doc.element.body.iter(qn("w:p")):
        if words in "".join(t.text or "" for t in p.iter(qn("w:t"))):
            return p
    raise AssertionError(f"no paragraph contains {words!r}")


def comment(path: Path, words: str, text: str, author: str = "Supervisor") -> None:
    """Add a Word comment by author on the given words."""
    doc = Document(str(path))
    paragraph = _paragraph_with(doc, words)
    run = _split_run_at(paragraph, words)
    doc.add_comment([Run(run, doc.part)], text=text, author=author, initials=author[:2])
    doc.save(str(path))


def track_replace(path: Path, old: str, new: str, author: str = "Supervisor") -> None:
    """Replace old with new as a tracked change (w:del then w:ins); new may be empty."""
    doc = Document(str(path))
    paragraph = _paragraph_with(doc, old)
    run = _split_run_at(paragraph, old)
    deletion = paragraph.makeelement(
        qn("w:del"), {qn("w:id"): "801", qn("w:author"): author, qn("w:date"): DATE}
    )
    run.addprevious(deletion)
    deletion.append(run)
    t = run.find(qn("w:t"))
    t.tag = qn("w:delText")
    if new:
        insertion = paragraph.makeelement(
            qn("w:ins"), {qn("w:id"): "802", qn("w:author"): author, qn("w:date"): DATE}
        )
        new_run = copy.deepcopy(run)
        new_t = new_run.find(qn("w:delText"))
        new_t.tag = qn("w:t")
        new_t.text = new
        insertion.append(new_run)
        deletion.addnext(insertion)
    doc.save(str(path))


def track_insert(path: Path, after: str, new: str, author: str = "Supervisor") -> None:
    """Insert new right after the words `after` as a tracked insertion."""
    doc = Document(str(path))
    paragraph = _paragraph_with(doc, after)
    run = _split_run_at(paragraph, after)
    insertion = paragraph.makeelement(
        qn("w:ins"), {qn("w:id"): "803", qn("w:author"): author, qn("w:date"): DATE}
    )
    new_run = copy.deepcopy(run)
    new_run.find(qn("w:t")).text = new
    insertion.append(new_run)
    run.addnext(insertion)
    doc.save(str(path))


def edit_text(path: Path, old: str, new: str) -> None:
    """Change words without tracking (a reviewer editing around a comment)."""
    doc = Document(str(path))
    for t in doc.element.body.iter(qn("w:t")):
        if t.text and old in t.text:
            t.text = t.text.replace(old, new)
    doc.save(str(path))


def move_section_to_end(path: Path, heading: str) -> None:
    """Cut a section (its heading to the next heading) and paste it at the end of the body."""
    doc = Document(str(path))
    body = doc.element.body
    blocks = [el for el in body if el.tag in (qn("w:p"), qn("w:tbl"))]
    texts = ["".join(t.text or "" for t in b.iter(qn("w:t"))) for b in blocks]
    start = texts.index(heading)
    end = start + 1
    while end < len(blocks) and not _is_heading(blocks[end]):
        end += 1
    moved = blocks[start:end]
    anchor = blocks[-1]
    for el in moved:
        body.remove(el)
    for el in reversed(moved):
        anchor.addnext(el)
    doc.save(str(path))


def _is_heading(block: Any) -> bool:
    style = block.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    return style is not None and style.get(qn("w:val"), "").lower().startswith("heading")


def track_delete_with_footnote(
    path: Path, words: str, footnote: str = "after", author: str = "Supervisor"
) -> None:
    """Delete words and the footnote reference just after (or before) them as one tracked
    deletion, as Word records selecting a sentence with its footnote number and pressing Delete.
    """
    doc = Document(str(path))
    paragraph = _paragraph_with(doc, words)
    run = _split_run_at(paragraph, words)
    ref = run.getnext() if footnote == "after" else run.getprevious()
    assert ref is not None and ref.find(qn("w:footnoteReference")) is not None, "no footnote"
    deletion = paragraph.makeelement(
        qn("w:del"), {qn("w:id"): "804", qn("w:author"): author, qn("w:date"): DATE}
    )
    (run if footnote == "after" else ref).addprevious(deletion)
    for moved in (run, ref) if footnote == "after" else (ref, run):
        deletion.append(moved)
    run.find(qn("w:t")).tag = qn("w:delText")
    doc.save(str(path))


def track_delete_footnote(path: Path, after: str, author: str = "Supervisor") -> None:
    """Delete only the footnote reference right after the words `after` (tracked)."""
    doc = Document(str(path))
    paragraph = _paragraph_with(doc, after)
    ref = _split_run_at(paragraph, after).getnext()
    assert ref is not None and ref.find(qn("w:footnoteReference")) is not None, "no footnote"
    deletion = paragraph.makeelement(
        qn("w:del"), {qn("w:id"): "805", qn("w:author"): author, qn("w:date"): DATE}
    )
    ref.addprevious(deletion)
    deletion.append(ref)
    doc.save(str(path))
