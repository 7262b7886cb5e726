"""`briefing question add|assign|unassign` and `briefing questions`: the brief's key questions."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import click

from briefing_app.cli.context import AppContext, pass_app
from briefing_app.cli.output import echo, echo_json, echo_table


@click.command("questions")
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@pass_app
def questions_command(app: AppContext, as_json: bool) -> None:
    """List the key questions with the claims assigned to each.

    Example: briefing questions --json
    """
    questions = app.library().questions.all()
    if as_json:
        echo_json([q.to_json() for q in questions])
        return
    echo_table(
        ["Key", "Question", "Claims"],
        [(q.key, q.text, " ".join(q.claim_keys)) for q in questions],
    )


@click.group("question")
def question_group() -> None:
    """Add a key question, or assign claims to one."""


@question_group.command("add")
@click.argument("text")
@click.option("--note", default="", help="A short note on the question.")
@click.option("--json", "as_json", is_flag=True, help="Print the new question as JSON.")
@pass_app
def question_add_command(app: AppContext, text: str, note: str, as_json: bool) -> None:
    """Add the key question TEXT; print its key.

    Example: briefing question add "Who carried out the Khatlon attack?"
    """
    question = app.library().questions.add(text, note)
    if as_json:
        echo_json(question.to_json())
    else:
        echo(question.key)


F = TypeVar("F", bound=Callable[..., None])


def _question_and_claims(fn: F) -> F:
    """Give a command the arguments QUESTION CLAIMS..., --json and the app (assign, unassign)."""
    fn = pass_app(fn)
    fn = click.option("--json", "as_json", is_flag=True, help="Print the question as JSON.")(fn)
    fn = click.argument("claims", nargs=-1, required=True)(fn)
    return click.argument("key", metavar="QUESTION")(fn)


@question_group.command("assign")
@_question_and_claims
def question_assign_command(
    app: AppContext, key: str, claims: tuple[str, ...], as_json: bool
) -> None:
    """Assign CLAIMS to QUESTION (Q1), after those it has.

    Example: briefing question assign Q1 C6 C7 C9
    """
    _change(app, key, claims, as_json, assign=True)


@question_group.command("unassign")
@_question_and_claims
def question_unassign_command(
    app: AppContext, key: str, claims: tuple[str, ...], as_json: bool
) -> None:
    """Take CLAIMS off QUESTION (Q1).

    Example: briefing question unassign Q1 C7
    """
    _change(app, key, claims, as_json, assign=False)


def _change(
    app: AppContext, key: str, claims: tuple[str, ...], as_json: bool, *, assign: bool
) -> None:
    """Assign claims to (or take them off) question key, then print the question."""
    lib = app.library()
    question = lib.questions.by_key(key)
    change = lib.questions.assign if assign else lib.questions.unassign
    change(question.id, lib.claims.ids_by_key(claims))
    question = lib.questions.get(question.id)
    if as_json:
        echo_json(question.to_json())
    else:
        echo(f"{question.key}: {' '.join(question.claim_keys) or 'no claims'}")


COMMANDS = [questions_command, question_group]
