"""Operations on many claims at once (a selection in the claims table): assign to a key
question, take off, delete, and what a delete would take; each one step with its inverse."""

from __future__ import annotations

import pytest

from briefing_app.core.changes import Changes
from briefing_app.core.errors import NotFound
from briefing_app.core.importers.base import ExtractedDocument
from briefing_app.core.library import Library
from briefing_app.core.records.claim_uses import ClaimUses, uses_of_claims


@pytest.fixture
def claim_ids(lib: Library) -> list[int]:
    """300 claims on one source: 'Item 0 fell.' … 'Item 299 fell.'."""
    text = " ".join(f"Item {n} fell." for n in range(300))
    source = lib.sources.add(ExtractedDocument(title="Wire", text=text))
    with lib.write():
        return [lib.claims.add(source.id, quote=f"Item {n} fell").id for n in range(300)]


def test_assigning_300_claims_is_one_commit_in_their_order(
    lib: Library, claim_ids: list[int]
) -> None:
    q = lib.questions.add("Who fell?")
    heard: list[Changes] = []
    lib.subscribe(heard.append)
    added = lib.questions.assign(q.id, list(reversed(claim_ids)))
    assert len(heard) == 1 and heard[0].claims == set(claim_ids)
    assert added == [(c, n) for n, c in enumerate(reversed(claim_ids))]
    keys = lib.questions.get(q.id).claim_keys
    assert keys[0] == "C300" and keys[-1] == "C1" and len(keys) == 300


def test_assigning_again_adds_only_the_new_ones_after_those_held(
    lib: Library, claim_ids: list[int]
) -> None:
    q = lib.questions.add("Who fell?", claim_ids=claim_ids[:2])
    added = lib.questions.assign(q.id, claim_ids[:5])
    assert added == [(claim_ids[2], 2), (claim_ids[3], 3), (claim_ids[4], 4)]
    assert lib.questions.get(q.id).claim_keys == ["C1", "C2", "C3", "C4", "C5"]
    assert lib.questions.unassigned(q.id, claim_ids[:7]) == claim_ids[5:7]


def test_a_missing_claim_refuses_the_whole_assignment(lib: Library, claim_ids: list[int]) -> None:
    q = lib.questions.add("Who fell?")
    with pytest.raises(NotFound, match="no claim with id 9999"):
        lib.questions.assign(q.id, [*claim_ids[:10], 9999])
    assert lib.questions.get(q.id).claim_keys == []
    with pytest.raises(NotFound, match="no key question with id 77"):
        lib.questions.assign(77, claim_ids[:1])


def test_revert_assign_takes_off_only_what_the_assign_added(
    lib: Library, claim_ids: list[int]
) -> None:
    q = lib.questions.add("Who fell?", claim_ids=claim_ids[:1])
    added = lib.questions.assign(q.id, claim_ids)
    assert lib.questions.revert_assign(q.id, added) == added
    assert lib.questions.get(q.id).claim_keys == ["C1"]
    lib.questions.assign(q.id, [c for c, _ in added])  # redo
    assert len(lib.questions.get(q.id).claim_keys) == 300


def test_unassign_of_many_gives_back_their_places(lib: Library, claim_ids: list[int]) -> None:
    q = lib.questions.add("Who fell?", claim_ids=claim_ids[:6])
    removed = lib.questions.unassign(q.id, [claim_ids[4], claim_ids[1]])
    assert removed == [(claim_ids[4], 4), (claim_ids[1], 1)]
    lib.questions.restore_assignments(q.id, removed)
    assert lib.questions.get(q.id).claim_keys == ["C1", "C2", "C3", "C4", "C5", "C6"]


def test_holding_all_names_the_questions_that_hold_every_claim_given(
    lib: Library, claim_ids: list[int]
) -> None:
    full = lib.questions.add("All", claim_ids=claim_ids)
    part = lib.questions.add("Some", claim_ids=claim_ids[:10])
    lib.questions.add("None")
    assert lib.questions.holding_all(claim_ids[:10]) == {full.id, part.id}
    assert lib.questions.holding_all(claim_ids) == {full.id}
    assert lib.questions.holding_all([]) == set()


def test_keys_and_ids_of_many_claims_in_one_look(lib: Library, claim_ids: list[int]) -> None:
    assert lib.claims.keys_of([claim_ids[2], 9999, claim_ids[0]]) == ["C3", "C1"]
    assert lib.claims.ids_of_keys(["C2", "C400", "C3"]) == {"C2": claim_ids[1], "C3": claim_ids[2]}


def test_uses_of_many_claims_name_citing_notes_ratings_and_links(
    lib: Library, claim_ids: list[int]
) -> None:
    assert uses_of_claims(lib, claim_ids) == ClaimUses()
    note = lib.notes.create("Raid brief", "briefing-note", [("summary", "Summary")])
    lib.notes.set_section(note.id, "summary", "Five fell [@C7; @C9].")
    lib.notes.create("Other", "briefing-note", [("summary", "Summary")])
    lib.relations.link(claim_ids[0], "corroborates", claim_ids[299])
    uses = uses_of_claims(lib, claim_ids[:10])
    assert uses.citing_notes == ("Raid brief",)
    assert uses.links == 1
    assert uses.taken() == ["1 link between claims"]
    assert uses_of_claims(lib, claim_ids[10:20]).citing_notes == ()


def test_titles_list_the_questions_without_reading_their_claims(
    lib: Library, claim_ids: list[int]
) -> None:
    for n in range(11):
        lib.questions.add(f"Question {n + 1}", claim_ids=claim_ids if n == 0 else ())
    titles = lib.questions.titles()
    assert [t.key for t in titles] == [f"Q{n}" for n in range(1, 12)]  # Q10 after Q9
    assert [(t.id, t.uid, t.text) for t in titles] == [
        (q.id, q.uid, q.text) for q in lib.questions.all()
    ]
    assert lib.questions.key_of(titles[0].id) == "Q1"


def test_a_new_question_with_a_missing_claim_is_not_made(
    lib: Library, claim_ids: list[int]
) -> None:
    with pytest.raises(NotFound, match="no claim with id 9999"):
        lib.questions.add("Who fell?", claim_ids=[*claim_ids, 9999])
    assert lib.questions.all() == []
    made = lib.questions.add("Who fell?", claim_ids=claim_ids)
    assert len(made.claim_keys) == 300
