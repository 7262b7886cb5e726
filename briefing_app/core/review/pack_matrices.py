"""ACH matrices, key assumptions and the note's judgment in a review package: what is sent and
how it is checked (`merge_matrices.py` merges them).

A package carries the matrix of each key question the note's cited claims are assigned to and of
the question the note's judgment names, whole: the hypotheses, every row with its ratings (the
claims its rows and assumptions stand on travel with the cited ones, `matrix_claims`, so the
matrix scores alike at both ends) and the key assumptions. Each rating carries the values its
cell has had in the sender's exchanges (its "history", as a claim carries its fingerprints), so
the merge can tell a rating only one side changed from one changed on both; packages made
before that carry none, and still merge.

A cell the sender cleared after an exchange rated it is carried too, in the matrix's optional
"cleared" list with its history, so the merge can take the clearing back like a change of
rating. A blank is "" in these histories; a rating's own history never holds it (Briefing
before cleared cells refuses a blank rating), only its optional "seen_blank" flag says so.
Older Briefing ignores both fields; packages without them clear nothing.

Each row carries the same for its weights and switches, and each key assumption for its text,
rating and reasons: an optional "history" of fingerprints of the values they have had in the
sender's exchanges (`row_fingerprint`, `assumption_fingerprint`), so a supervisor's correction
of a row's relevance or of an assumption's wording is taken when the analyst left it alone. Older
Briefing ignores it; a package without it changes neither here: a difference is reported
(unless the package's value is one this library has exchanged before), this library's kept.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Collection, Iterable, Iterator
from functools import partial
from typing import TYPE_CHECKING, Any

from briefing_app.core.ach.assumptions import check_assumption_rating
from briefing_app.core.ach.judgments import check_confidence, judgment
from briefing_app.core.ach.values import MAX_LABEL_CHARS, check_level, check_rating, check_text
from briefing_app.core.errors import BadRating, BriefingError, InvalidPack
from briefing_app.core.models import Claim, Note

if TYPE_CHECKING:
    from briefing_app.core.library import Library

MATRICES_MEMBER = "matrices.json"
JUDGMENT_MEMBER = "judgment.json"
_TEXT: tuple[type, ...] = (str,)
_LIST: tuple[type, ...] = (list,)
_FLAG: tuple[type, ...] = (bool,)
_TEXT_OR_NULL: tuple[type, ...] = (str, type(None))
MATRIX = {
    "question_uid": _TEXT,
    "hypotheses": _LIST,
    "rows": _LIST,
    "ratings": _LIST,
    "assumptions": _LIST,
}
MATRIX_OPTIONAL = {"cleared": _LIST}
HYPOTHESIS = dict.fromkeys(("uid", "key", "label", "note"), _TEXT)
ROW = {
    **dict.fromkeys(("uid", "kind", "key", "text", "relevance"), _TEXT),
    "claim_uid": _TEXT_OR_NULL,
    "assumption_uid": _TEXT_OR_NULL,
    "credibility": _TEXT_OR_NULL,
    "switched_off": _FLAG,
    "deceptive": _FLAG,
}
# The fingerprints of the values a row's weights and switches (or an assumption's text and
# rating) have had in the sender's exchanges; packages made before they merged three-way lack it.
ROW_OPTIONAL = {"history": _LIST}
RATING = dict.fromkeys(("row_uid", "hypothesis_uid", "rating"), _TEXT)
RATING_OPTIONAL = {"history": _LIST, "seen_blank": _FLAG}
CLEARED = {**dict.fromkeys(("row_uid", "hypothesis_uid"), _TEXT), "history": _LIST}
# A blank cell in an exchange history (a rating is never blank).
BLANK = ""
ASSUMPTION = {
    **dict.fromkeys(("uid", "key", "text", "rating", "why", "wrong_if"), _TEXT),
    "claims": _LIST,
    "hypotheses": _LIST,
}
ASSUMPTION_OPTIONAL = {"history": _LIST}
JUDGMENT = dict.fromkeys(("question_uid", "hypothesis_uid", "confidence"), _TEXT)


def matrix_questions(lib: Library, note: Note, cited: Iterable[Claim]) -> list[int]:
    """Return the ids of the questions whose matrices a package of this note carries whole:
    those the cited claims are assigned to, and the one the note's judgment names."""
    ids = {c.id for c in cited}
    found = [q.id for q in lib.questions.all() if ids & {c.id for c in lib.questions.claims(q.id)}]
    judged = judgment(lib, note)
    judged_id = judged.question_id if judged is not None and judged.hypothesis_key else None
    if judged_id is not None and judged_id not in found:
        found.append(judged_id)
    return found


def matrix_claims(
    lib: Library, question_ids: Iterable[int], carried: Iterable[Claim]
) -> list[Claim]:
    """Return the claims these questions' matrix rows and key assumptions stand on that carried
    lacks.

    A matrix sent without some of its rows is scored on less evidence at the other end, and may
    rank the hypotheses differently from the sender's: the package carries those claims too.
    """
    have = {c.key for c in carried}
    wanted: list[str] = []
    for question_id in question_ids:
        keys = [r.key for r in lib.ach.matrix(question_id).rows if r.claim_id is not None]
        keys += [k for a in lib.assumptions.all(question_id) for k in a.claim_keys]
        for key in keys:
            if key not in have:
                have.add(key)
                wanted.append(key)
    found = lib.claims.by_keys(wanted)
    return [found[k] for k in wanted if k in found]


def matrix_members(
    lib: Library,
    note: Note,
    claims: Iterable[Claim],
    questions: list[dict[str, Any]],
    whole: Collection[int],
) -> dict[str, Any]:
    """Return the members holding the matrices of the questions in whole (`matrix_questions`)
    and the judgment; questions (the package's questions member) gains the judged question if
    it is not there yet."""
    by_id = {c.id: c.uid for c in claims}
    found = judgment(lib, note)
    carried = [q["uid"] for q in questions]
    judged_id = found.question_id if found is not None and found.hypothesis_key else None
    if found is not None and judged_id is not None and found.question_uid not in carried:
        q = lib.questions.get(judged_id)
        questions.append({"uid": q.uid, "key": q.key, "text": q.text, "note": q.note, "claims": []})
        carried.append(q.uid)
    matrices = []
    for uid in carried:
        question = lib.questions.by_uid(uid)
        # A question reached only through a matrix's own claims goes without its matrix: that
        # would travel with some of its rows only.
        if question is not None and question.id in whole:
            matrix = _matrix_json(lib, question.id, by_id)
            if matrix["hypotheses"] or matrix["assumptions"]:
                matrices.append(matrix)
    judged = None
    if found is not None and judged_id is not None:
        judged = {
            "question_uid": found.question_uid,
            "hypothesis_uid": found.hypothesis_uid,
            "confidence": found.confidence,
        }
    return {MATRICES_MEMBER: matrices, JUDGMENT_MEMBER: judged}


def _matrix_json(lib: Library, question_id: int, claim_uids: dict[int, str]) -> dict[str, Any]:
    """Return one question's matrix as a package carries it (rows of its own claims only)."""
    matrix = lib.ach.matrix(question_id)
    hypotheses = {h.key: h.uid for h in matrix.hypotheses}
    assumptions = lib.assumptions.all(question_id)
    assumption_uids = {a.key: a.uid for a in assumptions}
    rows, ratings = [], []
    for row in matrix.rows:
        if row.id is None or (row.claim_id is not None and row.claim_id not in claim_uids):
            continue
        rows.append(
            {
                "uid": row.uid,
                "kind": row.kind,
                "key": row.key if row.kind == "absence" else "",
                "text": row.text if row.kind == "absence" else "",
                "claim_uid": None if row.claim_id is None else claim_uids[row.claim_id],
                "assumption_uid": assumption_uids.get(row.key)
                if row.kind == "assumption"
                else None,
                "switched_off": row.switched_off,
                "deceptive": row.deceptive,
                "relevance": row.relevance,
                "credibility": row.credibility_override,
            }
        )
        ratings += [
            {"row_uid": row.uid, "hypothesis_uid": hypotheses[k], "rating": v}
            for k, v in row.ratings.items()
        ]
    keys_to_uid = {c: u for c, u in ((lib.claims.get(i).key, u) for i, u in claim_uids.items())}
    return {
        "question_uid": matrix.question.uid,
        "hypotheses": [
            {"uid": h.uid, "key": h.key, "label": h.label, "note": h.note}
            for h in matrix.hypotheses
        ],
        "rows": rows,
        "ratings": ratings,
        "assumptions": [
            {
                "uid": a.uid,
                "key": a.key,
                "text": a.text,
                "rating": a.rating,
                "why": a.why,
                "wrong_if": a.wrong_if,
                "claims": [keys_to_uid[k] for k in a.claim_keys if k in keys_to_uid],
                "hypotheses": [hypotheses[k] for k in a.hypothesis_keys],
            }
            for a in assumptions
        ],
    }


def rated_cells(matrix: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """Yield each rating of a package's matrix with its cell's name in exchange histories.

    The name is the same in every library: a claim's row goes by the claim's global id, as
    each library gives the row its own; other rows and hypotheses keep theirs when merged.
    """
    rows = {r["uid"]: r["claim_uid"] or r["uid"] for r in matrix["rows"]}
    for rating in matrix["ratings"]:
        yield f"{rows[rating['row_uid']]} {rating['hypothesis_uid']}", rating


def cleared_cells(matrix: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """Yield each cell a package's matrix carries as cleared, named as rated_cells names it."""
    rows = {r["uid"]: r["claim_uid"] or r["uid"] for r in matrix["rows"]}
    for cleared in matrix.get("cleared", []):
        yield f"{rows[cleared['row_uid']]} {cleared['hypothesis_uid']}", cleared


def row_name(matrix: dict[str, Any], row: dict[str, Any]) -> str:
    """Return a package row's name in exchange histories, the same in every library: its
    question's global id and the row's (a claim's row: the claim's, as rated_cells names it)."""
    return f"{matrix['question_uid']} {row['claim_uid'] or row['uid']}"


def row_fingerprint(
    switched_off: bool, deceptive: bool, relevance: str, credibility: str | None
) -> str:
    """Fingerprint a row's weights and switches (credibility None: the suggested one applies).

    >>> row_fingerprint(False, True, "high", None) == row_fingerprint(False, True, "high", "")
    True
    """
    return _fingerprint([switched_off, deceptive, relevance, credibility or None])


def sent_row_fingerprint(row: dict[str, Any]) -> str:
    """Fingerprint the weights and switches of a package's row."""
    return row_fingerprint(
        row["switched_off"], row["deceptive"], row["relevance"], row["credibility"]
    )


def assumption_fingerprint(text: str, rating: str, why: str, wrong_if: str) -> str:
    """Fingerprint a key assumption's text, rating and reasons (why; what would show it
    wrong), as they are stored (the text's spaces collapsed, the reasons stripped).

    >>> assumption_fingerprint(" The border  is porous", "Solid", "", "") == (
    ...     assumption_fingerprint("The border is porous", "solid", " ", "")
    ... )
    True
    """
    return _fingerprint(
        [" ".join(text.split()), rating.strip().lower(), why.strip(), wrong_if.strip()]
    )


def _fingerprint(values: list[Any]) -> str:
    return hashlib.sha256(json.dumps(values, ensure_ascii=False).encode("utf-8")).hexdigest()


def unrated_cells(matrix: dict[str, Any]) -> Iterator[tuple[str, dict[str, str]]]:
    """Yield each cell of a package's matrix it rates not, with its row and hypothesis uids."""
    rated = {(r["row_uid"], r["hypothesis_uid"]) for r in matrix["ratings"]}
    for row in matrix["rows"]:
        for h in matrix["hypotheses"]:
            if (row["uid"], h["uid"]) not in rated:
                cell = f"{row['claim_uid'] or row['uid']} {h['uid']}"
                yield cell, {"row_uid": row["uid"], "hypothesis_uid": h["uid"]}


def check_matrices(pack: str, members: dict[str, Any]) -> None:
    """Check a package's matrices and judgment name its own records; raise InvalidPack.

    Packages made before matrices carry neither member: nothing to check.
    """
    from briefing_app.core.review.pack_contents import EXPORT_AGAIN, record

    def refuse(where: str, why: str) -> InvalidPack:
        return InvalidPack(f"{pack}: {where} {why}; {EXPORT_AGAIN}")

    claim_uids = {c["uid"] for c in members["claims.json"]}
    question_uids = {q.get("uid") for q in members.get("questions.json", [])}
    data = members.get(MATRICES_MEMBER, [])
    if not isinstance(data, list):
        raise InvalidPack(f"{pack}: {MATRICES_MEMBER} is not a list; {EXPORT_AGAIN}")
    matrices: dict[str, set[str]] = {}
    seen: set[str] = set()

    def fresh(where: str, uid: str) -> None:
        if uid in seen:
            raise refuse(where, "repeats a global id")
        seen.add(uid)

    for index, item in enumerate(data):
        where = f"ACH matrix #{index + 1}"
        matrix = record(pack, where, item, MATRIX, MATRIX_OPTIONAL)
        if matrix["question_uid"] not in question_uids or matrix["question_uid"] in matrices:
            raise refuse(where, "names a key question not in the package (or twice)")
        hypotheses: set[str] = set()
        for n, h in enumerate(matrix["hypotheses"]):
            at = f"{where}, hypothesis #{n + 1}"
            h = record(pack, at, h, HYPOTHESIS)
            _key(refuse, at, h["key"], "H")
            as_pack_error(
                pack, at, partial(check_text, h["label"], "a hypothesis", MAX_LABEL_CHARS)
            )
            fresh(at, h["uid"])
            hypotheses.add(h["uid"])
        assumptions: set[str] = set()
        for n, a in enumerate(matrix["assumptions"]):
            at = f"{where}, assumption #{n + 1}"
            a = record(pack, at, a, ASSUMPTION, ASSUMPTION_OPTIONAL)
            _history(refuse, at, a)
            _key(refuse, at, a["key"], "A")
            as_pack_error(pack, at, partial(check_text, a["text"], "a key assumption"))
            as_pack_error(pack, at, partial(check_assumption_rating, a["rating"]))
            named = [*a["claims"], *a["hypotheses"]]
            if not all(isinstance(u, str) for u in named) or not (
                set(a["claims"]) <= claim_uids and set(a["hypotheses"]) <= hypotheses
            ):
                raise refuse(at, "names a claim or hypothesis not in the package")
            fresh(at, a["uid"])
            assumptions.add(a["uid"])
        rows: set[str] = set()
        for n, r in enumerate(matrix["rows"]):
            at = f"{where}, row #{n + 1}"
            r = record(pack, at, r, ROW, ROW_OPTIONAL)
            _history(refuse, at, r)
            _row(pack, refuse, at, r, claim_uids, assumptions)
            fresh(at, r["uid"])
            rows.add(r["uid"])
        cells: set[tuple[str, str]] = set()
        for n, rating in enumerate(matrix["ratings"]):
            at = f"{where}, rating #{n + 1}"
            rating = record(pack, at, rating, RATING, RATING_OPTIONAL)
            if rating["row_uid"] not in rows or rating["hypothesis_uid"] not in hypotheses:
                raise refuse(at, "names a row or hypothesis not in the matrix")
            for value in [rating["rating"], *rating.get("history", [])]:
                as_pack_error(pack, at, partial(_stored_rating, value))
            cells.add((rating["row_uid"], rating["hypothesis_uid"]))
        for n, cleared in enumerate(matrix.get("cleared", [])):
            at = f"{where}, cleared cell #{n + 1}"
            cleared = record(pack, at, cleared, CLEARED)
            cell = (cleared["row_uid"], cleared["hypothesis_uid"])
            if cell[0] not in rows or cell[1] not in hypotheses:
                raise refuse(at, "names a row or hypothesis not in the matrix")
            if cell in cells:
                raise refuse(at, "is rated as well, or cleared twice")
            cells.add(cell)
            for value in cleared["history"]:
                if value != BLANK:
                    as_pack_error(pack, at, partial(_stored_rating, value))
        matrices[matrix["question_uid"]] = hypotheses
    judged = members.get(JUDGMENT_MEMBER)
    if judged is not None:
        judged = record(pack, "the judgment", judged, JUDGMENT)
        if judged["hypothesis_uid"] not in matrices.get(judged["question_uid"], set()):
            raise refuse("the judgment", "names a hypothesis not in the package")
        as_pack_error(pack, "the judgment", lambda: check_confidence(judged["confidence"]))


def as_pack_error(pack: str, where: str, check: Callable[[], object]) -> None:
    """Run a record's own check; report its refusal as the package's, naming the record."""
    from briefing_app.core.review.pack_contents import EXPORT_AGAIN

    try:
        check()
    except BriefingError as exc:
        raise InvalidPack(f"{pack}: {where}: {exc}; {EXPORT_AGAIN}") from exc


def _stored_rating(value: object) -> None:
    """Refuse a rating a matrix cannot hold (a blank cell travels as cleared, never rated)."""
    if not isinstance(value, str) or not check_rating(value):
        raise BadRating(f"a rating is one of CC, C, N, I, II, NA (not {value!r})")


def _history(refuse: Any, where: str, data: dict[str, Any]) -> None:
    """Refuse a row's or assumption's history that holds anything but fingerprints."""
    if not all(isinstance(v, str) for v in data.get("history", [])):
        raise refuse(where, "has a history that is not a list of fingerprints")


def _key(refuse: Any, where: str, key: str, prefix: str) -> None:
    if not re.fullmatch(rf"{prefix}[1-9]\d{{0,8}}", key):
        raise refuse(where, f"has a key that is not {prefix}1, {prefix}2...")


def _row(
    pack: str,
    refuse: Any,
    where: str,
    row: dict[str, Any],
    claim_uids: set[str],
    assumptions: set[str],
) -> None:
    kind = row["kind"]
    if kind == "claim" and row["claim_uid"] not in claim_uids:
        raise refuse(where, "names a claim not in the package")
    if kind == "assumption" and row["assumption_uid"] not in assumptions:
        raise refuse(where, "names an assumption not in the matrix")
    if kind == "absence":
        _key(refuse, where, row["key"], "X")
        as_pack_error(pack, where, lambda: check_text(row["text"], "an absence of evidence"))
    if kind not in ("claim", "assumption", "absence"):
        raise refuse(where, "is of no known kind")
    as_pack_error(pack, where, lambda: check_level(row["relevance"], "relevance"))
    if row["credibility"] is not None:
        as_pack_error(pack, where, lambda: check_level(row["credibility"], "credibility"))
