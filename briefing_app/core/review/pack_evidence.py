"""Key questions and claim relations in a review package: what is sent, how it is checked, and
how it merges by uid like the rest (`merge.py` merges sources, claims, notes and comments).

A package carries the questions its claims are assigned to (with only those claims) and the
relations among its claims. On import, a question or relation already here (same uid) is kept,
its missing assignments added; a pair of claims linked differently here keeps this library's
link and the difference is reported.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from briefing_app.core.errors import InvalidPack
from briefing_app.core.models import RELATIONS, Claim
from briefing_app.core.records.relations import MAX_NOTE_CHARS

if TYPE_CHECKING:
    from briefing_app.core.library import Library

QUESTIONS_MEMBER = "questions.json"
RELATIONS_MEMBER = "relations.json"
# The fields of each record, all text but a question's list of claim uids.
QUESTION = {"uid": (str,), "key": (str,), "text": (str,), "note": (str,), "claims": (list,)}
RELATION = dict.fromkeys(("uid", "from_uid", "relation", "to_uid", "note", "created_at"), (str,))


def evidence_members(lib: Library, claims: Iterable[Claim]) -> dict[str, Any]:
    """Return the package members holding the questions and relations of these claims."""
    by_id = {c.id: c for c in claims}
    questions = []
    for question in lib.questions.all():
        members = [c.uid for c in lib.questions.claims(question.id) if c.id in by_id]
        if members:
            questions.append(
                {
                    "uid": question.uid,
                    "key": question.key,
                    "text": question.text,
                    "note": question.note,
                    "claims": members,
                }
            )
    relations = [
        {
            "uid": r.uid,
            "from_uid": by_id[r.from_claim_id].uid,
            "relation": r.relation,
            "to_uid": by_id[r.to_claim_id].uid,
            "note": r.note,
            "created_at": r.created_at,
        }
        for r in lib.relations.among(by_id)
    ]
    return {QUESTIONS_MEMBER: questions, RELATIONS_MEMBER: relations}


def check_evidence(pack: str, members: dict[str, Any]) -> None:
    """Check a package's questions and relations name its own claims; raise InvalidPack.

    Packages made before questions and relations carry neither member: nothing to check.
    """
    # Here, not at the top: pack_contents imports merge, which imports this module.
    from briefing_app.core.review.pack_contents import EXPORT_AGAIN, record

    def refuse(where: str, why: str) -> InvalidPack:
        return InvalidPack(f"{pack}: {where} {why}; {EXPORT_AGAIN}")

    claim_uids = {c["uid"] for c in members["claims.json"]}
    for index, data in enumerate(_list(pack, QUESTIONS_MEMBER, members)):
        where = f"key question #{index + 1}"
        question = record(pack, where, data, QUESTION)
        if not question["text"].strip():
            raise refuse(where, "has no text")
        if not all(isinstance(u, str) and u in claim_uids for u in question["claims"]):
            raise refuse(where, "names a claim not in the package")
    for index, data in enumerate(_list(pack, RELATIONS_MEMBER, members)):
        where = f"claim relation #{index + 1}"
        relation = record(pack, where, data, RELATION)
        if relation["relation"] not in RELATIONS:
            raise refuse(where, f"is of no known kind ({relation['relation'][:40]!r})")
        if relation["from_uid"] not in claim_uids or relation["to_uid"] not in claim_uids:
            raise refuse(where, "names a claim not in the package")
        if relation["from_uid"] == relation["to_uid"]:
            raise refuse(where, "links a claim to itself")
        if len(relation["note"].strip()) > MAX_NOTE_CHARS:
            raise refuse(where, f"has a note over {MAX_NOTE_CHARS} characters")


def _list(pack: str, name: str, members: dict[str, Any]) -> list[Any]:
    data = members.get(name, [])
    if not isinstance(data, list):
        from briefing_app.core.review.pack_contents import EXPORT_AGAIN

        raise InvalidPack(f"{pack}: {name} is not a list; {EXPORT_AGAIN}")
    return data


def merge_evidence(
    lib: Library,
    members: dict[str, Any],
    claim_ids: dict[str, int],
    added: dict[str, int],
    reused: dict[str, int],
    conflicts: list[str],
) -> None:
    """Merge the package's questions and relations (claim_ids: package claim uid -> id here)."""
    for data in members.get(QUESTIONS_MEMBER, []):
        ids = [claim_ids[u] for u in data.get("claims", []) if u in claim_ids]
        local = lib.questions.by_uid(data["uid"])
        if local is None:
            local = lib.questions.add(data["text"], data.get("note", ""), uid=data["uid"])
            added["questions"] += 1
        else:
            reused["questions"] += 1
            if local.text != data["text"].strip():
                conflicts.append(f"key question {local.key}: text differs; this library's kept")
        lib.questions.assign(local.id, ids)
    for data in members.get(RELATIONS_MEMBER, []):
        a, b = claim_ids.get(data["from_uid"]), claim_ids.get(data["to_uid"])
        if a is None or b is None or a == b:
            continue
        here = lib.relations.between(a, b)
        if here is None and lib.relations.by_uid(data["uid"]) is not None:
            reused["relations"] += 1  # the same link, between claims kept here under others
            continue
        if here is None:
            lib.relations.link(
                a,
                data["relation"],
                b,
                data.get("note", ""),
                uid=data["uid"],
                created_at=_timestamp(data.get("created_at", "")),
            )
            added["relations"] += 1
            continue
        reused["relations"] += 1
        same = here.relation == data["relation"] and (
            here.from_claim_id == a or data["relation"] in ("corroborates", "contradicts")
        )
        if not same:
            conflicts.append(
                f"claims {here.from_key} and {here.to_key}: linked as {here.relation} here, "
                f"{data['relation']} in the package; this library's link kept"
            )


def _timestamp(value: str) -> str:
    """Return a package's creation time if it is one, else "" (the link is then stamped now)."""
    try:
        datetime.fromisoformat(value)
    except (TypeError, ValueError):
        return ""
    return value
