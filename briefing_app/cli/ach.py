"""`briefing ach ...`: the ACH matrix of a key question; `briefing note judge`: the hypothesis
a note's key judgment favours."""

from __future__ import annotations

from collections.abc import Callable

import click

from briefing_app.cli.context import AppContext, pass_app
from briefing_app.cli.notes import note_group
from briefing_app.cli.output import echo, echo_json, echo_table
from briefing_app.core.ach.model import Matrix
from briefing_app.core.ach.records import MatrixEdit
from briefing_app.core.ach.scoring import LEVELS, RATINGS, joined, lead_phrase
from briefing_app.core.errors import InvalidInput
from briefing_app.core.library import Library

_JSON = click.option("--json", "as_json", is_flag=True, help="Print as JSON.")


@click.group("ach")
def ach_group() -> None:
    """Analysis of Competing Hypotheses: a matrix per key question.

    Hypotheses across (H1, H2...), evidence down: the question's claims (C6), its key
    assumptions (A1) and absences of evidence (X1). Each cell is rated CC, C, N, I, II or NA.
    """


@ach_group.command("hypothesis")
@click.argument("question")
@click.argument("label")
@click.option("--note", default="", help="A note on the hypothesis.")
@_JSON
@pass_app
def hypothesis_command(
    app: AppContext, question: str, label: str, note: str, as_json: bool
) -> None:
    """Add the hypothesis LABEL to QUESTION's matrix; print its key.

    Example: briefing ach hypothesis Q1 "Criminal groups based in Afghanistan"
    """
    lib = app.library()
    q = lib.questions.title_by_key(question)
    edit = lib.ach.add_hypothesis(q.id, label, note)
    if as_json:
        echo_json(lib.ach.hypothesis(q.id, edit.made).to_json())
    else:
        echo(edit.made)


@ach_group.command("evidence")
@click.argument("question")
@click.option("--assumption", default=None, help="Add an assumption (a key assumption) as a row.")
@click.option("--absence", default=None, help="Add an absence of evidence as a row.")
@click.option("--claim", "claims", multiple=True, help="Add a claim as a row (repeatable).")
@_JSON
@pass_app
def evidence_command(
    app: AppContext,
    question: str,
    assumption: str | None,
    absence: str | None,
    claims: tuple[str, ...],
    as_json: bool,
) -> None:
    """Add a row to QUESTION's matrix; print its key.

    The question's claims are rows already; --claim assigns another claim to the question.

    Example: briefing ach evidence Q1 --absence "No group has claimed the attack"
    """
    if sum(x is not None and x != () for x in (assumption, absence, claims or None)) != 1:
        raise InvalidInput("give one of --assumption, --absence or --claim")
    lib = app.library()
    q = lib.questions.title_by_key(question)
    if assumption is not None:
        made = lib.assumptions.add(q.id, assumption).made
    elif absence is not None:
        made = lib.ach.add_absence(q.id, absence).made
    else:
        ids = lib.claims.ids_by_key(claims)
        lib.ach.add_claims(q.id, ids)
        made = " ".join(lib.claims.get(i).key for i in ids)
    if as_json:
        echo_json({"question": q.key, "rows": made.split()})
    else:
        echo(made)


@ach_group.command("rate")
@click.argument("question")
@click.argument("hypothesis")
@click.argument("row")
@click.argument("rating")
@_JSON
@pass_app
def rate_command(
    app: AppContext, question: str, hypothesis: str, row: str, rating: str, as_json: bool
) -> None:
    """Rate ROW against HYPOTHESIS: CC, C, N, I, II, NA, or - to clear the cell.

    ROW is a claim key (C6), an assumption (A1) or an absence (X1).

    Example: briefing ach rate Q1 H1 C6 I
    """
    _change_row(app, question, as_json, lambda lib, q: lib.ach.rate(q, hypothesis, row, rating))


@ach_group.command("weight")
@click.argument("question")
@click.argument("row")
@click.option(
    "--relevance",
    type=click.Choice(LEVELS),
    default=None,
    help="How much the row bears on the question (weights its inconsistency).",
)
@click.option(
    "--credibility",
    type=click.Choice([*LEVELS, "suggested"]),
    default=None,
    help="Override the credibility suggested by the claim's grade ('suggested' gives it back).",
)
@_JSON
@pass_app
def weight_command(
    app: AppContext,
    question: str,
    row: str,
    relevance: str | None,
    credibility: str | None,
    as_json: bool,
) -> None:
    """Set ROW's relevance and credibility weights.

    Example: briefing ach weight Q1 C6 --relevance high --credibility low
    """
    if relevance is None and credibility is None:
        raise InvalidInput("give --relevance or --credibility")
    cred = "" if credibility == "suggested" else credibility
    _change_row(
        app,
        question,
        as_json,
        lambda lib, q: lib.ach.weigh(q, row, relevance=relevance, credibility=cred),
    )


@ach_group.command("toggle")
@click.argument("question")
@click.argument("row")
@_JSON
@pass_app
def toggle_command(app: AppContext, question: str, row: str, as_json: bool) -> None:
    """Switch ROW off (kept, not scored) or back on.

    Example: briefing ach toggle Q1 C6
    """
    _change_row(app, question, as_json, lambda lib, q: lib.ach.switch(q, row))


@ach_group.command("deceptive")
@click.argument("question")
@click.argument("row")
@_JSON
@pass_app
def deceptive_command(app: AppContext, question: str, row: str, as_json: bool) -> None:
    """Mark ROW possibly deceptive, or take the mark off.

    Example: briefing ach deceptive Q1 C6
    """
    _change_row(app, question, as_json, lambda lib, q: lib.ach.mark_deceptive(q, row))


@ach_group.command("remove")
@click.argument("question")
@click.argument("key")
@_JSON
@pass_app
def remove_command(app: AppContext, question: str, key: str, as_json: bool) -> None:
    """Remove a hypothesis (H2) or a row (C6, A1, X1) from QUESTION's matrix, with its ratings.

    A claim taken out stays in the library; it is only taken off the question.

    Example: briefing ach remove Q1 X1
    """
    lib = app.library()
    q = lib.questions.title_by_key(question)
    if key.strip().upper().startswith("H"):
        edit = lib.ach.delete_hypothesis(q.id, key)
    else:
        edit = lib.ach.remove_row(q.id, key)
    if as_json:
        echo_json({"question": q.key, "removed": edit.made})
    else:
        echo(f"Removed {edit.made} from {q.key}")


@ach_group.command("show")
@click.argument("question")
@_JSON
@pass_app
def show_command(app: AppContext, question: str, as_json: bool) -> None:
    """Show QUESTION's matrix: hypotheses with both scores and rank, rows with ratings,
    weights and diagnosticity, the pivotal rows and whether the matrix is fragile.

    Example: briefing ach show Q1 --json
    """
    lib = app.library()
    matrix = lib.ach.matrix(lib.questions.title_by_key(question).id)
    if as_json:
        echo_json(matrix.to_json())
        return
    _print_matrix(matrix)


def _change_row(
    app: AppContext, question: str, as_json: bool, change: Callable[[Library, int], MatrixEdit]
) -> None:
    """Make one change to a row of QUESTION's matrix, then print that row as it is now."""
    lib = app.library()
    question_id = lib.questions.title_by_key(question).id
    _print_row(lib, question_id, change(lib, question_id).made, as_json)


def _print_row(lib: Library, question_id: int, key: str, as_json: bool) -> None:
    """Print a row after a change: its ratings and weights, and the leader now."""
    matrix = lib.ach.matrix(question_id)
    row = matrix.row(key)
    assert row is not None
    if as_json:
        scores = matrix.scores
        echo_json(
            {
                "question": matrix.question.key,
                "row": row.to_json(),
                "leader": scores.leader,
                "leaders": list(scores.leaders),
            }
        )
        return
    ratings = " ".join(f"{h.key}={row.ratings.get(h.key, '-')}" for h in matrix.hypotheses)
    flags = [
        f
        for f, on in (("switched off", row.switched_off), ("possibly deceptive", row.deceptive))
        if on
    ]
    weights = f"relevance {row.relevance}, credibility {row.credibility}"
    marks = f"; {', '.join(flags)}" if flags else ""
    echo(f"{matrix.question.key} {row.key}: {ratings or 'no hypotheses'}; {weights}{marks}")
    if matrix.scores.leaders:
        echo(_leading(matrix.scores.leaders))


def _leading(leaders: tuple[str, ...]) -> str:
    """Return the verdict's first line: the leader, or those tied for the lead."""
    if len(leaders) > 1:
        return f"Tied for the lead: {joined(leaders)} (the evidence favours none of them)"
    return f"Leading: {leaders[0]}"


def _print_matrix(matrix: Matrix) -> None:
    """Print a matrix as two tables and a verdict."""
    scores = matrix.scores
    echo(f"{matrix.question.key}  {matrix.question.text}")
    if not matrix.hypotheses:
        echo(f"No hypotheses yet: add one with `briefing ach hypothesis {matrix.question.key} ...`")
        return
    echo("")
    ranked = sorted(matrix.hypotheses, key=lambda h: scores.hypothesis(h.key).rank)
    echo_table(
        ["Rank", "Key", "Hypothesis", "Inconsistency", "Weighted"],
        [
            (scores.rank_label(h.key), h.key, h.label, s.inconsistency, f"{s.weighted:.2f}")
            for h in ranked
            for s in [scores.hypothesis(h.key)]
        ],
    )
    echo("")
    by_row = {r.key: r for r in scores.rows}
    keys = [h.key for h in matrix.hypotheses]
    table = []
    for row in matrix.rows:
        s = by_row[row.key]
        marks = []
        if row.switched_off:
            marks.append("off")
        if row.deceptive:
            marks.append("deceptive")
        if s.pivotal:
            marks.append("PIVOTAL")
        diag = f"{s.diagnosticity:.2f}" if s.diagnosticity else "0 (helps none)"
        table.append(
            (
                row.key,
                row.text,
                row.grade,
                row.relevance,
                row.credibility,
                *(row.ratings.get(k, "") for k in keys),
                diag,
                " ".join(marks),
            )
        )
    headers = ["Row", "Evidence", "Grade", "Relevance", "Credibility", *keys, "Diag.", "Marks"]
    echo_table(headers, table, max_width=48)
    echo("")
    echo(_leading(scores.leaders))
    if scores.fragile:
        reasons = []
        for r in scores.rows:
            why = [f"without it {lead_phrase(r.leaders_without)}"] if r.pivotal_removed else []
            why += [f"if deceptive, {lead_phrase(r.leaders_flipped)}"] if r.pivotal_flipped else []
            if why:
                reasons.append(f"{r.key} ({'; '.join(why)})")
        echo(f"Fragile: pivotal rows {', '.join(reasons)}")
    elif not scores.tied:
        echo("Not fragile: no single row changes the leader")
    echo(f"Ratings: {', '.join(RATINGS)}; switched-off rows are kept but not scored.")


@note_group.command("judge")
@click.argument("note_ref", metavar="NOTE")
@click.argument("question", required=False)
@click.argument("hypothesis", required=False)
@click.option(
    "--confidence", type=click.Choice(["low", "moderate", "high"]), default=None, help="Required."
)
@click.option("--clear", is_flag=True, help="Remove the note's judgment (give only NOTE with it).")
@_JSON
@pass_app
def note_judge_command(
    app: AppContext,
    note_ref: str,
    question: str | None,
    hypothesis: str | None,
    confidence: str | None,
    clear: bool,
    as_json: bool,
) -> None:
    """Record which hypothesis of QUESTION the note's key judgment favours, with its confidence.

    With only NOTE, print the judgment recorded; with --clear, remove it.

    Example: briefing note judge 1 Q1 H2 --confidence moderate
    """
    from briefing_app.core.ach.judgments import clear_judgment, judge, judgment

    lib = app.library()
    note = lib.notes.find(note_ref)
    if clear:
        if question is not None or confidence is not None:
            # A note holds one judgment: --clear removes it whatever question it answers.
            raise InvalidInput(
                f"--clear removes the note's one judgment: give only the note "
                f"(briefing note judge {note_ref} --clear)"
            )
        clear_judgment(lib, note.id)
    elif question is not None:
        if hypothesis is None or confidence is None:
            # Name what is missing: the line used to list all three, whichever one was left out.
            missing = " and ".join(
                name
                for name, value in (("the hypothesis", hypothesis), ("--confidence", confidence))
                if value is None
            )
            raise InvalidInput(
                f"missing {missing}: give the question, the hypothesis and --confidence "
                f"(briefing note judge {note_ref} {question} H1 --confidence moderate)"
            )
        judge(lib, note.id, lib.questions.title_by_key(question).id, hypothesis, confidence)
    found = judgment(lib, lib.notes.get(note.id))
    if as_json:
        echo_json(None if found is None else found.to_json())
    elif found is None:
        echo(f"Note {note.id} records no judgment")
    else:
        echo(
            f"Note {note.id} favours {found.question_key or '(question gone)'} "
            f"{found.hypothesis_key or '(hypothesis gone)'}, {found.confidence} confidence"
        )


COMMANDS = [ach_group]
