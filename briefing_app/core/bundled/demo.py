"""Building the worked example library from seeds/ (the sample article, its claims, a note)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from briefing_app.core.bundled.resources import bundled_dir
from briefing_app.core.errors import DuplicateSource, InvalidInput
from briefing_app.core.importers.base import extract_file
from briefing_app.core.library import Library
from briefing_app.core.models import Note
from briefing_app.core.templates import get_template

_REF = re.compile(r"@([A-Za-z_][\w-]*)")


def build_demo(lib: Library, seeds_dir: Path | None = None) -> dict[str, Any]:
    """Import the sample article, tag its claims and write the example note, in one transaction.

    Running it on a library that already holds the demo adds nothing and says so.
    """
    seeds_dir = seeds_dir or bundled_dir("seeds")
    spec = yaml.safe_load((seeds_dir / "demo.yaml").read_text(encoding="utf-8"))
    doc = extract_file(seeds_dir / spec["source"])
    with lib.write():
        try:
            source = lib.sources.add(doc)
        except DuplicateSource as dup:
            return {
                "created": False,
                "source_id": dup.existing.id,
                "claims": 0,
                "notes": 0,
                "questions": 0,
                "question_keys": [],
            }
        lib.sources.set_tags(source.id, spec.get("source_tags", []))
        keys: dict[str, str] = {}
        ids: dict[str, int] = {}
        for item in spec["claims"]:
            claim = lib.claims.add(
                source.id,
                quote=item["quote"],
                statement=item.get("statement", ""),
                party=item.get("party", ""),
                kind=item.get("kind", "reported fact"),
                credibility=int(item.get("credibility", 6)),
                status=item.get("status", "unverified"),
                tags=item.get("tags", []),
                event_date=str(item.get("event_date", "")),
            )
            keys[item["ref"]] = claim.key
            ids[item["ref"]] = claim.id
        question_keys = _build_evidence(lib, spec, ids)
        notes = [_build_note(lib, item, keys) for item in spec.get("notes", [])]
    return {
        "created": True,
        "source_id": source.id,
        "claims": len(keys),
        "notes": len(notes),
        "questions": len(question_keys),
        # A library holding questions already gives the demo's the next keys (Q3, not Q1).
        "question_keys": question_keys,
    }


def _build_evidence(lib: Library, spec: dict[str, Any], ids: dict[str, int]) -> list[str]:
    """Add the demo's key questions with their claims, and the relations between claims;
    return the questions' keys."""

    def claim_id(ref: str) -> int:
        if ref not in ids:
            raise InvalidInput(f"demo names unknown claim ref {ref!r}")
        return ids[ref]

    keys = []
    for item in spec.get("questions", []):
        question = lib.questions.add(item["text"], item.get("note", ""))
        keys.append(question.key)
        lib.questions.assign(question.id, [claim_id(r) for r in item.get("claims", [])])
        _build_matrix(lib, question.id, item, {r: lib.claims.get(i).key for r, i in ids.items()})
    for first, relation, second, *note in spec.get("relations", []):
        lib.relations.link(claim_id(first), relation, claim_id(second), note[0] if note else "")
    return keys


def _build_matrix(
    lib: Library, question_id: int, item: dict[str, Any], keys: dict[str, str]
) -> None:
    """Add a question's hypotheses, absences and key assumptions, and rate and weigh its rows."""
    for label in item.get("hypotheses", []):
        lib.ach.add_hypothesis(question_id, label)
    rows = dict(keys)
    for absence in item.get("absences", []):
        rows[absence["ref"]] = lib.ach.add_absence(question_id, absence["text"]).made
    for a in item.get("assumptions", []):
        rows[a["ref"]] = lib.assumptions.add(
            question_id,
            a["text"],
            rating=a.get("rating", ""),
            why=a.get("why", ""),
            wrong_if=a.get("wrong_if", ""),
            supports=[keys[r] for r in a.get("supports", [])],
            hypotheses=a.get("hypotheses", []),
        ).made
    hypotheses = [h.key for h in lib.ach.hypotheses(question_id)]
    for ref, ratings in item.get("ratings", {}).items():
        if ref not in rows:
            raise InvalidInput(f"demo rates unknown row {ref!r}")
        for key, rating in zip(hypotheses, ratings, strict=True):
            lib.ach.rate(question_id, key, rows[ref], str(rating))
    for ref, weights in item.get("weights", {}).items():
        lib.ach.weigh(
            question_id,
            rows[ref],
            relevance=weights.get("relevance"),
            credibility=weights.get("credibility"),
        )
        if weights.get("deceptive"):
            lib.ach.mark_deceptive(question_id, rows[ref], True)
        if weights.get("off"):
            lib.ach.switch(question_id, rows[ref], False)


def _build_note(lib: Library, item: dict[str, Any], keys: dict[str, str]) -> Note:
    def cite(match: re.Match[str]) -> str:
        ref = match[1]
        if ref not in keys:
            raise InvalidInput(f"demo note cites unknown claim ref {ref!r}")
        return "@" + keys[ref]

    bodies = {k: _REF.sub(cite, v).strip() for k, v in item["sections"].items()}
    # Headings come from the note's template; a key the template lacks keeps a readable title.
    headings = dict(get_template(item["template"]).headings())
    sections = [(k, headings.get(k, k.replace("_", " ").title())) for k in item["sections"]]
    header = {k: item[k] for k in ("memo_to", "memo_from", "subject", "memo_date") if k in item}
    return lib.notes.create(
        item["title"],
        item["template"],
        sections,
        marking=item.get("marking", ""),
        bodies=bodies,
        **header,
    )
