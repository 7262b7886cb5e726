"""What the ACH matrix behind a note's key judgment says of it: a judgment that favours a
hypothesis the matrix does not rank first, one resting on an unsupported assumption, a fragile
matrix whose pivotal row rests on one source, high confidence on a fragile matrix, and
evidence the matrix weighs that the note does not cite."""

from __future__ import annotations

from collections.abc import Iterator

from briefing_app.core.ach.judgments import judgment
from briefing_app.core.ach.model import Judgment, Matrix, MatrixRow
from briefing_app.core.ach.scoring import joined
from briefing_app.core.checks.base import CheckContext, Finding, rule


def _judged(ctx: CheckContext) -> tuple[Judgment, Matrix] | None:
    """Return the note's judgment and its question's matrix, or None (made once per run)."""
    if "ach.judged" not in ctx.memo:
        found = judgment(ctx.lib, ctx.note)
        pair = None
        if found is not None and found.question_id is not None and found.hypothesis_key:
            pair = (found, ctx.lib.ach.matrix(found.question_id))
        ctx.memo["ach.judged"] = pair
    result: tuple[Judgment, Matrix] | None = ctx.memo["ach.judged"]
    return result


def _label(matrix: Matrix, key: str) -> str:
    h = matrix.hypothesis(key)
    return f"{key} ({h.label})" if h is not None else key


def _scores(matrix: Matrix, key: str) -> str:
    s = matrix.scores.hypothesis(key)
    return f"weighted inconsistency {s.weighted:.2f}, inconsistency {s.inconsistency}"


@rule(
    "ach.judgment-not-leading", "The judgment favours a hypothesis the matrix does not rank first"
)
def judgment_not_leading(ctx: CheckContext) -> Iterator[Finding]:
    """The note's judgment favours a hypothesis that its question's ACH matrix does not rank
    first (the least inconsistent evidence favours another, or ties it with another), or one
    no longer in the matrix (removed, or its question deleted)."""
    judged = _judged(ctx)
    if judged is None:
        yield from _judgment_gone(ctx)
        return
    found, matrix = judged
    leaders = matrix.scores.leaders
    favoured = found.hypothesis_key
    if not leaders or leaders == (favoured,):
        return
    q = matrix.question.key
    if favoured in leaders:
        # A tie: the order the hypotheses were typed in ranks one first, the evidence none.
        others = [k for k in leaders if k != favoured]
        yield Finding(
            "ach.judgment-not-leading",
            "warning",
            "",
            0,
            0,
            f"The note favours {_label(matrix, favoured)} on {q}, but the matrix does not "
            f"rank it above {joined([_label(matrix, k) for k in others])}: "
            f"{joined([favoured, *others])} tie with {_scores(matrix, favoured)}",
            f"Rate the evidence that tells them apart (`briefing ach show {q}`), or say in the "
            "note that the evidence does not decide between them.",
            excerpt=f"{q} {favoured}={'='.join(others)}",
        )
        return
    leader = leaders[0]
    ranked = joined([_label(matrix, k) for k in leaders])
    yield Finding(
        "ach.judgment-not-leading",
        "warning",
        "",
        0,
        0,
        f"The note favours {_label(matrix, favoured)} on {q}, but the matrix ranks "
        f"{ranked} first: {joined(leaders)} {'have' if len(leaders) > 1 else 'has'} "
        f"{_scores(matrix, leader)}; {favoured} has {_scores(matrix, favoured)}",
        f"Revisit the ratings (`briefing ach show {q}`) or say in the note why the evidence "
        "the matrix weighs is set aside.",
        excerpt=f"{q} {favoured}<{leader}",
    )


def _judgment_gone(ctx: CheckContext) -> Iterator[Finding]:
    """A judgment whose hypothesis was removed from the matrix, or whose key question was
    deleted, favours something the matrix no longer weighs (the note still argues for it)."""
    found = judgment(ctx.lib, ctx.note)
    if found is None:
        return
    again = "record the judgment again (Judgment of note in the Matrix, or briefing note judge)"
    if found.question_id is None:
        message = f"The note's judgment is on a key question that was deleted: {again}"
        excerpt = "judgment gone"  # no question to open the Matrix on
    else:
        q = found.question_key
        message = f"The note's judgment favours a hypothesis no longer in the {q} matrix: {again}"
        excerpt = f"{q} gone"
    yield Finding(
        "ach.judgment-not-leading",
        "warning",
        "",
        0,
        0,
        message,
        "Judge the note again on the matrix as it is, or clear the judgment.",
        excerpt=excerpt,
    )


@rule("ach.unsupported-assumption", "The favoured hypothesis depends on an unsupported assumption")
def unsupported_assumption(ctx: CheckContext) -> Iterator[Finding]:
    """The hypothesis the note's judgment favours depends on a key assumption rated
    unsupported."""
    judged = _judged(ctx)
    if judged is None:
        return
    found, matrix = judged
    for assumption in ctx.lib.assumptions.of_hypothesis(matrix.question.id, found.hypothesis_key):
        if assumption.rating != "unsupported":
            continue
        yield Finding(
            "ach.unsupported-assumption",
            "warning",
            "",
            0,
            0,
            f"The favoured {_label(matrix, found.hypothesis_key)} depends on key assumption "
            f"{assumption.key} ({assumption.text!r}), rated unsupported",
            "Find evidence for the assumption, lower the judgment's confidence, or say in the "
            "note what the judgment assumes.",
            excerpt=f"{matrix.question.key} {found.hypothesis_key} {assumption.key}",
        )


def _single_source(ctx: CheckContext, row: MatrixRow) -> bool:
    """Return whether a row's evidence comes from one independent source: a claim with the
    claims corroborating it, or the claims supporting an assumption."""
    lib = ctx.lib
    if row.claim_id is not None:
        backing = [
            r.other(row.claim_id)
            for r in lib.relations.all(row.claim_id)
            if r.relation == "corroborates"
        ]
        return lib.relations.independent_sources([row.claim_id, *backing]) == 1
    if row.assumption_id is not None:
        ids = lib.assumptions.supporting_claims(row.assumption_id)
        return bool(ids) and lib.relations.independent_sources(ids) == 1
    return False


@rule("ach.fragile-single-source", "A fragile matrix turns on a single-source row")
def fragile_single_source(ctx: CheckContext) -> Iterator[Finding]:
    """The ACH matrix behind the note's judgment is fragile, and a pivotal row (one whose
    removal or flipping changes the leading hypothesis) rests on a single source: a claim not
    corroborated by an independent one, or an assumption whose supporting claims share one."""
    judged = _judged(ctx)
    if judged is None:
        return
    matrix = judged[1]
    scores = matrix.scores
    for key in scores.pivotal:
        row = matrix.row(key)
        if row is None or not _single_source(ctx, row):
            continue
        yield Finding(
            "ach.fragile-single-source",
            "warning",
            "",
            0,
            0,
            f"The {matrix.question.key} matrix is fragile: {key} decides whether "
            f"{joined(scores.leaders)} {'lead' if scores.tied else 'leads'}, and it rests on "
            "a single source",
            f"Look for a second, independent source for {key}, or state the judgment with "
            "less confidence.",
            excerpt=f"{matrix.question.key} {key}",
        )


@rule("ach.high-confidence-fragile", "High confidence on a fragile matrix")
def high_confidence_fragile(ctx: CheckContext) -> Iterator[Finding]:
    """The note's judgment is held with high confidence, but its question's ACH matrix is
    fragile: one row decides which hypothesis leads."""
    judged = _judged(ctx)
    if judged is None:
        return
    found, matrix = judged
    if found.confidence != "high" or not matrix.scores.fragile:
        return
    q = matrix.question.key
    yield Finding(
        "ach.high-confidence-fragile",
        "warning",
        "",
        0,
        0,
        f"The judgment on {q} is held with high confidence, but the matrix is fragile "
        f"(pivotal: {', '.join(matrix.scores.pivotal)})",
        "Lower the confidence to moderate, or find evidence that does not turn on one row.",
        excerpt=f"{q} high",
    )


@rule("ach.uncited-evidence", "The judgment rests on matrix rows the note does not cite")
def uncited_evidence(ctx: CheckContext) -> Iterator[Finding]:
    """The ACH matrix behind the note's judgment rates claims the note does not cite: its
    reader cannot trace the judgment to them (ICD 206). (A review package carries them with the
    matrix, so the reviewer weighs the same rows.)"""
    judged = _judged(ctx)
    if judged is None:
        return
    matrix = judged[1]
    uncited = [
        row.key
        for row in matrix.rows
        if row.claim_id is not None
        and not row.switched_off
        and row.ratings
        and row.key not in ctx.claims
    ]
    if not uncited:
        return
    q = matrix.question.key
    yield Finding(
        "ach.uncited-evidence",
        "info",
        "",
        0,
        0,
        f"The {q} matrix behind the judgment rates {joined(uncited)}, which the note does not "
        "cite: its reader cannot trace the judgment to them",
        "Cite the claims the judgment rests on, or switch off the rows that do not bear on it "
        "(Space in the Matrix).",
        excerpt=f"{q} {uncited[0]}",
    )
