"""The values an ACH matrix holds, checked as the user gives them: ratings, weight levels,
texts, and the keys of hypotheses and rows."""

from __future__ import annotations

import re
from typing import Any

from briefing_app.core.ach.scoring import LEVELS, RATINGS
from briefing_app.core.errors import BadRating, InvalidInput

# A hypothesis label is a line; its reasoning goes in the note.
MAX_LABEL_CHARS = 300
MAX_TEXT_CHARS = 2000


def check_rating(rating: str) -> str:
    """Return a rating in its stored form ('' to clear, as '-' does); raise BadRating.

    >>> check_rating(" ii "), check_rating(""), check_rating("-")
    ('II', '', '')
    """
    value = rating.strip().upper()
    if value == "-":  # how a cell left empty is shown, and typed on the command line
        return ""
    if value and value not in RATINGS:
        # Said as `briefing ach rate --help` says it: the message reached only that command.
        raise BadRating(
            f"a rating is one of {', '.join(RATINGS)}, or - to clear the cell (not {rating!r})"
        )
    return value


def check_level(level: str, what: str) -> str:
    """Return a weight level (high, medium, low) in its stored form; raise BadRating."""
    value = level.strip().lower()
    if value not in LEVELS:
        raise BadRating(f"{what} is one of {', '.join(LEVELS)} (not {level!r})")
    return value


def check_text(text: str, what: str, limit: int = MAX_TEXT_CHARS) -> str:
    """Return text stripped; refuse it empty or over limit characters."""
    value = " ".join(text.split())
    if not value:
        raise InvalidInput(f"{what} needs its text")
    if len(value) > limit:
        raise InvalidInput(f"{what} is at most {limit} characters")
    return value


def next_key(conn: Any, table: str, question_id: int, prefix: str, wanted: str = "") -> str:
    """Return the next key of this prefix in a question (after the highest held), or wanted
    when it is a free key of this prefix (a record from a review package keeps its key)."""
    if (
        re.fullmatch(rf"{prefix}[1-9]\d*", wanted)
        and not conn.execute(
            f"SELECT 1 FROM {table} WHERE question_id = ? AND key = ?", (question_id, wanted)
        ).fetchone()
    ):
        return wanted
    row = conn.execute(
        f"SELECT coalesce(max(CAST(substr(key, 2) AS INTEGER)), 0) FROM {table} "
        "WHERE question_id = ? AND key LIKE ?",
        (question_id, f"{prefix}%"),
    ).fetchone()
    return f"{prefix}{int(row[0]) + 1}"
