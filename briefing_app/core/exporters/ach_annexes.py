"""The ACH annex (each matrix as a table, its score rows and a legend) and the Key assumptions
annex, built as blocks of the intermediate document so Word, Markdown and the preview print
them alike. They cover the question the note's judgment names and every key question whose
claims the note cites, when it has hypotheses (ACH) or assumptions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing_app.core.ach.judgments import judgment
from briefing_app.core.ach.model import ASSUMPTION_RATING_LABELS, Matrix
from briefing_app.core.ach.scoring import joined
from briefing_app.core.exporters.document import Block, DocAnnex, Heading, Inline, Paragraph, Table
from briefing_app.core.exporters.document import Text as T
from briefing_app.core.models import Claim, Note, Question

if TYPE_CHECKING:
    from briefing_app.core.library import Library

ACH_HEADING = "Annex: Analysis of competing hypotheses"
ASSUMPTIONS_HEADING = "Annex: Key assumptions"
ASSUMPTION_COLUMNS = ("Assumption", "Rating", "Why", "Would be wrong if", "Support", "Hypotheses")
RATING_WORDS = (
    "CC very consistent, C consistent, N neutral, I inconsistent, II very inconsistent, "
    "NA not applicable"
)
LEGEND = (
    f"Ratings: {RATING_WORDS}. Inconsistency counts I as 1 and II as 2; consistent ratings "
    "never offset inconsistent ones. Weighted inconsistency multiplies each by the row's "
    "credibility and relevance weights (Cred./Rel.: H high √2, M medium 1, L low 1/√2). "
    "The hypothesis with the least weighted inconsistency ranks first (ties: less "
    "inconsistency, then hypothesis order); hypotheses equal on both tie for the lead. "
    "Diagnosticity (Diag.) is the spread of a row's ratings; 0 helps no hypothesis. "
    "Rank 1= marks hypotheses tied for the lead. "
    "Rows marked (off) are shown but not scored; † marks a pivotal row, whose removal (or, "
    "for a possibly deceptive row, whose reversal) changes the leading hypothesis or leaves "
    "it tied."
)


def _questions(lib: Library, note: Note, claims: dict[str, Claim]) -> list[Question]:
    """Return the question the note's judgment names, then those whose claims it cites."""
    ids: list[int] = []
    found = judgment(lib, note)
    if found is not None and found.question_id is not None:
        ids.append(found.question_id)
    ids += [q.id for q in lib.questions.all() if not set(q.claim_keys).isdisjoint(claims)]
    return [lib.questions.get(i) for i in dict.fromkeys(ids)]


def _cell(text: str, *, bold: bool = False) -> list[Inline]:
    return [T(text, bold=bold)] if text else []


def _matrix_table(matrix: Matrix) -> Table:
    """Return a matrix as a table: a row per evidence row, then the score rows."""
    scores = matrix.scores
    keys = [h.key for h in matrix.hypotheses]
    by_row = {r.key: r for r in scores.rows}
    header = [_cell(t, bold=True) for t in ("Evidence", "Grade", "Cred./Rel.", *keys, "Diag.")]
    rows: list[list[list[Inline]]] = []
    for row in matrix.rows:
        s = by_row[row.key]
        marks = (" (off)" if row.switched_off else "") + (
            " (possibly deceptive)" if row.deceptive else ""
        )
        marks += " †" if s.pivotal else ""
        rows.append(
            [
                [T(row.key, bold=True), T(f" {row.text}{marks}")],
                _cell(row.grade),
                _cell(f"{row.credibility[0].upper()}/{row.relevance[0].upper()}"),
                *(_cell(row.ratings.get(k, "")) for k in keys),
                _cell(f"{s.diagnosticity:.2f}"),
            ]
        )
    ranked = [scores.hypothesis(k) for k in keys]
    for label, values in (
        ("Inconsistency", [str(h.inconsistency) for h in ranked]),
        ("Weighted inconsistency", [f"{h.weighted:.2f}" for h in ranked]),
        ("Rank", [scores.rank_label(h.key) for h in ranked]),
    ):
        rows.append([_cell(label, bold=True), [], [], *(_cell(v, bold=True) for v in values), []])
    return Table(header, rows)


def ach_annex(lib: Library, note: Note, claims: dict[str, Claim]) -> DocAnnex | None:
    """Return the ACH matrices of the note's questions with their scores and a legend (None
    when no question it touches has hypotheses)."""
    blocks: list[Block] = []
    for question in _questions(lib, note, claims):
        matrix = lib.ach.matrix(question.id)
        if not matrix.hypotheses:
            continue
        scores = matrix.scores
        blocks.append(Heading(1, [T(f"{question.key}. {question.text}")]))
        named = "; ".join(f"{h.key} {h.label}" for h in matrix.hypotheses)
        blocks.append(Paragraph([T("Hypotheses:", italic=True), T(f" {named}.")]))
        blocks.append(_matrix_table(matrix))
        verdict = _least_inconsistent(matrix)
        if scores.fragile:
            verdict += f"The matrix is fragile: it turns on {joined(scores.pivotal)}."
        elif not scores.tied:
            verdict += "No single row changes the leading hypothesis."
        blocks.append(Paragraph([T(verdict.strip())]))
    if not blocks:
        return None
    blocks.append(Paragraph([T(LEGEND, italic=True)]))
    return DocAnnex(ACH_HEADING, blocks)


def assumptions_annex(lib: Library, note: Note, claims: dict[str, Claim]) -> DocAnnex | None:
    """Return the key assumptions of the note's questions (None when they have none)."""
    blocks: list[Block] = []
    for question in _questions(lib, note, claims):
        found = lib.assumptions.all(question.id)
        if not found:
            continue
        blocks.append(Heading(1, [T(f"{question.key}. {question.text}")]))
        rows: list[list[list[Inline]]] = [
            [
                [T(a.key, bold=True), T(f" {a.text}")],
                _cell(ASSUMPTION_RATING_LABELS[a.rating]),
                _cell(a.why),
                _cell(a.wrong_if),
                _cell(", ".join(a.claim_keys)),
                _cell(", ".join(a.hypothesis_keys)),
            ]
            for a in found
        ]
        blocks.append(Table([_cell(h, bold=True) for h in ASSUMPTION_COLUMNS], rows))
    return DocAnnex(ASSUMPTIONS_HEADING, blocks) if blocks else None


def _least_inconsistent(matrix: Matrix) -> str:
    """Return the verdict's first sentence: the leader, or the hypotheses tied for the lead."""
    named = [f"{h.key} {h.label}" for k in matrix.scores.leaders if (h := matrix.hypothesis(k))]
    if not named:
        return ""
    if len(named) == 1:
        return f"Least inconsistent: {named[0]}. "
    return f"Tied as least inconsistent: {joined(named)}; the evidence favours none of them. "
