"""Undo puts things back exactly: each core write returns what its inverse needs, and
do → undo → redo leaves every table as it was (revisions, tag kinds, note history, aliases).

These are the pairs the GUI's undo commands run (`gui/commands.py`), tested without Qt.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from briefing_app.core.checks import run_checks
from briefing_app.core.checks.settings import (
    acknowledge_changes,
    dismiss,
    set_rule_enabled,
    set_rules_enabled,
)
from briefing_app.core.errors import InvalidInput, NoteIsFinal, NotFound
from briefing_app.core.library import Library
from briefing_app.core.models import Note
from briefing_app.core.records import note_settings
from briefing_app.core.records.notes import NoteEdit
from tests.core.records.library_dump import dump


def demo_note(lib: Library) -> Note:
    return lib.notes.all()[0]


def round_trip(
    lib: Library,
    do: Callable[[], Any],
    undo: Callable[[Any], Any],
    redo: Callable[[Any], Any],
) -> None:
    """Do, undo, redo and undo again: each undo gives the dump before, each redo the one after."""
    before = dump(lib)
    done = do()
    after = dump(lib)
    assert after != before  # the operation changed something
    undone = undo(done)
    assert dump(lib) == before
    done = redo(undone)
    assert dump(lib) == after
    undo(done)
    assert dump(lib) == before


# Notes -------------------------------------------------------------------------------------


def test_a_note_delete_round_trips_with_its_history(demo_lib: Library) -> None:
    note = demo_note(demo_lib)
    demo_lib.notes.set_status(note.id, "in review", "Round 1")
    demo_lib.edits.add(note.id, "issue", "tests", "strains", author="Supervisor")
    first = demo_lib.comments.add(note.id, "issue", "Clearer?", author="Supervisor")
    demo_lib.comments.reply(first.id, "Reworded.", author="Analyst")
    round_trip(
        demo_lib,
        lambda: demo_lib.notes.delete(note.id),
        demo_lib.notes.restore,
        lambda back: demo_lib.notes.delete(back.id),
    )


def test_undoing_a_note_delete_brings_back_its_history(demo_lib: Library) -> None:
    note = demo_note(demo_lib)
    demo_lib.notes.set_status(note.id, "in review", "Round 1")
    demo_lib.edits.add(note.id, "issue", "tests", "strains", author="Supervisor")
    demo_lib.comments.add(note.id, "issue", "Clearer?", author="Supervisor")
    removed = demo_lib.notes.delete(note.id)
    demo_lib.notes.restore(removed)
    assert [v.reason for v in demo_lib.versions.all(note.id)] == ["Round 1"]
    assert [(e.old_text, e.status) for e in demo_lib.edits.all(note.id)] == [("tests", "pending")]
    assert [c.body for c in demo_lib.comments.all(note.id)] == ["Clearer?"]


def test_a_new_note_round_trips(demo_lib: Library) -> None:
    round_trip(
        demo_lib,
        lambda: demo_lib.notes.create("Sitrep", "sitrep", [("summary", "Summary")]),
        lambda made: demo_lib.notes.delete(made.id),
        demo_lib.notes.restore,
    )


def test_a_duplicate_carries_every_header_field_the_date_included(demo_lib: Library) -> None:
    note = demo_note(demo_lib)
    demo_lib.notes.update(
        note.id, marking="TLP:AMBER", memo_to="The Director", memo_from="Desk",
        subject="Workers killed", memo_date="2025-03-04",
    )  # fmt: skip
    note_settings.set_header_fields(demo_lib, note.id, {"report_number": "7"})
    demo_lib.notes.set_status(note.id, "final")
    original = demo_lib.notes.get(note.id)

    copy = demo_lib.notes.duplicate(note.id)
    assert copy.id != note.id and copy.uid != original.uid
    assert copy.title == f"{original.title} (copy)"
    assert copy.memo_date == "2025-03-04"
    fields = ("template", "marking", "memo_to", "memo_from", "subject", "memo_date")
    assert [getattr(copy, f) for f in fields] == [getattr(original, f) for f in fields]
    assert copy.status == "draft"  # a copy is a new memo to work on
    assert [(s.key, s.heading, s.body) for s in copy.sections] == [
        (s.key, s.heading, s.body) for s in original.sections
    ]
    assert note_settings.header_field(copy, "report_number") == "7"


def test_a_duplicate_does_not_carry_what_only_the_original_holds(demo_lib: Library) -> None:
    note = demo_note(demo_lib)
    claim = demo_lib.claims.by_key("C1")
    assert claim is not None
    demo_lib.claims.update(claim.id, statement="Reworded.")  # changed since the note cited it
    note_settings.set_review_base(demo_lib, note.id, {"note": ["abc"], "claims": {}})
    copy = demo_lib.notes.duplicate(note.id)
    assert note_settings.review_base(copy) == {}  # the copy was never exchanged
    # The copy rests on the claims as they are now.
    assert note_settings.cited_revisions(copy)["C1"] == claim.revision + 1


def test_a_duplicate_round_trips(demo_lib: Library) -> None:
    note = demo_note(demo_lib)
    round_trip(
        demo_lib,
        lambda: demo_lib.notes.duplicate(note.id),
        lambda copy: demo_lib.notes.delete(copy.id),
        demo_lib.notes.restore,
    )


# Each returns a NoteEdit, which notes.revert undoes (and the revert's result redoes).
NOTE_EDITS: dict[str, Callable[[Library, int], NoteEdit]] = {
    "header fields": lambda lib, note_id: lib.notes.edit(
        note_id, {"title": "Renamed", "memo_date": "2025-01-02"}
    ),
    "section text citing a claim": lambda lib, note_id: lib.notes.edit(
        note_id, {"section.issue": "Workers were killed [@C3]."}
    ),
    "dismissal": lambda lib, note_id: dismiss(lib, note_id, "abc123", "Known"),
    "rule switched off": lambda lib, note_id: set_rule_enabled(
        lib, note_id, "citation.missing", False
    ),
    "rules switched on and off together": lambda lib, note_id: set_rules_enabled(
        lib, note_id, on=["length.limits"], off=["citation.missing", "trace.uncited"]
    ),
    "template header field": lambda lib, note_id: note_settings.set_header_fields(
        lib, note_id, {"report_number": "3"}
    ),
    "spelling language": lambda lib, note_id: note_settings.set_spelling_language(
        lib, note_id, "fr"
    ),
    "ignored spelling": lambda lib, note_id: note_settings.ignore_words(lib, note_id, ["Qodiri"]),
}


@pytest.mark.parametrize("name", sorted(NOTE_EDITS))
def test_a_note_edit_round_trips_with_its_modified_time(demo_lib: Library, name: str) -> None:
    note = demo_note(demo_lib)
    round_trip(
        demo_lib,
        lambda: NOTE_EDITS[name](demo_lib, note.id),
        demo_lib.notes.revert,
        demo_lib.notes.revert,
    )


@pytest.mark.parametrize(
    "typed",
    [lambda body: "Update: " + body, lambda body: body.replace("security", "")],
    ids=["typed before", "words deleted"],
)
def test_a_section_edit_round_trips_with_the_comments_on_its_words(
    demo_lib: Library, typed: Callable[[str], str]
) -> None:
    note = demo_note(demo_lib)
    body = note.section("issue").body  # type: ignore[union-attr]
    at = body.index("security")
    demo_lib.comments.add(
        note.id, "issue", "Which?", anchor_text="security", start=at, end=at + len("security")
    )
    round_trip(
        demo_lib,
        lambda: demo_lib.notes.edit(note.id, {"section.issue": typed(body)}),
        demo_lib.notes.revert,
        demo_lib.notes.revert,
    )


def test_a_change_of_status_round_trips_without_leaving_a_version(demo_lib: Library) -> None:
    note = demo_note(demo_lib)
    round_trip(
        demo_lib,
        lambda: demo_lib.notes.change_status(note.id, "final", "Sent"),
        demo_lib.notes.revert_status,
        demo_lib.notes.revert_status,
    )
    assert demo_lib.versions.all(note.id) == []


def test_undoing_a_change_of_status_on_a_final_note_reopens_it(demo_lib: Library) -> None:
    note = demo_note(demo_lib)
    change = demo_lib.notes.change_status(note.id, "final")
    with pytest.raises(NoteIsFinal):
        demo_lib.notes.set_section(note.id, "issue", "Typed.")
    demo_lib.notes.revert_status(change)
    assert demo_lib.notes.set_section(note.id, "issue", "Typed.").status == "draft"


def test_a_section_typed_in_since_an_edit_is_not_overwritten_by_its_undo(
    demo_lib: Library,
) -> None:
    note = demo_note(demo_lib)
    edit = demo_lib.notes.edit(note.id, {"section.issue": "First."})
    demo_lib.notes.set_section(note.id, "issue", "Typed later.")
    with pytest.raises(InvalidInput, match="by hand"):
        demo_lib.notes.revert(edit)
    assert demo_lib.notes.get(note.id).section("issue").body == "Typed later."


# Note settings ----------------------------------------------------------------------------


def test_only_template_header_fields_are_set_as_header_fields(demo_lib: Library) -> None:
    note = demo_note(demo_lib)
    with pytest.raises(InvalidInput, match="not a header field"):
        note_settings.set_header_fields(demo_lib, note.id, {"cited_revisions": "x"})


def test_undoing_an_acknowledgement_flags_the_changed_claim_again(demo_lib: Library) -> None:
    note = demo_note(demo_lib)
    claim = demo_lib.claims.by_key("C1")
    assert claim is not None
    demo_lib.claims.update(claim.id, credibility=5)
    assert "citation.changed" in {f.rule for f in run_checks(demo_lib, note).findings}
    round_trip(
        demo_lib,
        lambda: acknowledge_changes(demo_lib, note.id, ["C1"]),
        demo_lib.notes.revert,
        demo_lib.notes.revert,
    )
    assert note_settings.cited_revisions(demo_lib.notes.get(note.id))["C1"] == claim.revision
    assert "citation.changed" in {
        f.rule for f in run_checks(demo_lib, demo_lib.notes.get(note.id)).findings
    }


# Review: comments and suggested edits -----------------------------------------------------


def test_a_comment_round_trips(demo_lib: Library) -> None:
    note = demo_note(demo_lib)
    round_trip(
        demo_lib,
        lambda: demo_lib.comments.add(note.id, "issue", "Source?", author="Sup"),
        lambda comment: demo_lib.comments.delete(comment.id),
        lambda removed: demo_lib.comments.restore(removed)[0],
    )


def test_deleting_a_comment_returns_its_replies_and_restore_puts_the_thread_back(
    demo_lib: Library,
) -> None:
    note = demo_note(demo_lib)
    first = demo_lib.comments.add(note.id, "issue", "Source?", author="Sup")
    reply = demo_lib.comments.reply(first.id, "Added C2.", author="Analyst")
    demo_lib.comments.reply(reply.id, "Thanks.", author="Sup")
    thread = demo_lib.comments.all(note.id)
    round_trip(
        demo_lib,
        lambda: demo_lib.comments.delete(first.id),
        demo_lib.comments.restore,
        lambda restored: demo_lib.comments.delete(restored[0].id),
    )
    removed = demo_lib.comments.delete(first.id)
    assert list(removed) == thread
    assert list(demo_lib.comments.restore(removed)) == thread


def test_a_reply_whose_comment_is_gone_is_not_restored(demo_lib: Library) -> None:
    note = demo_note(demo_lib)
    first = demo_lib.comments.add(note.id, "issue", "Source?")
    reply = demo_lib.comments.delete(demo_lib.comments.reply(first.id, "Added C2.").id)
    demo_lib.comments.delete(first.id)
    with pytest.raises(InvalidInput, match="cannot be restored"):
        demo_lib.comments.restore(reply)


def test_resolving_a_comment_round_trips(demo_lib: Library) -> None:
    note = demo_note(demo_lib)
    comment = demo_lib.comments.add(note.id, "issue", "Source?")
    round_trip(
        demo_lib,
        lambda: demo_lib.comments.resolve(comment.id, True),
        lambda _: demo_lib.comments.resolve(comment.id, False),
        lambda _: demo_lib.comments.resolve(comment.id, True),
    )


@pytest.mark.parametrize("accept", [True, False])
def test_deciding_a_suggested_edit_round_trips(demo_lib: Library, accept: bool) -> None:
    note = demo_note(demo_lib)
    key = note.sections[0].key
    edit = demo_lib.edits.add(note.id, key, "Three Chinese workers", "Three workers [@C2]")
    round_trip(
        demo_lib,
        lambda: demo_lib.edits.decide(edit.id, accept),
        demo_lib.edits.revert,
        demo_lib.edits.revert,
    )


def test_undoing_an_accepted_edit_will_not_overwrite_typing_done_since(
    demo_lib: Library,
) -> None:
    note = demo_note(demo_lib)
    key = note.sections[0].key
    edit = demo_lib.edits.add(note.id, key, "Three Chinese workers", "Three workers")
    decision = demo_lib.edits.decide(edit.id, accept=True)
    typed = "Typed later. " + demo_lib.notes.get(note.id).sections[0].body
    demo_lib.notes.set_section(note.id, key, typed)
    with pytest.raises(InvalidInput, match="by hand"):
        demo_lib.edits.revert(decision)
    assert demo_lib.notes.get(note.id).sections[0].body == typed
    assert demo_lib.edits.get(edit.id).status == "accepted"


# Claims, tags, sources, parties -----------------------------------------------------------


def test_undoing_a_claim_edit_does_not_flag_citing_notes(demo_lib: Library) -> None:
    note = demo_note(demo_lib)
    # The demo rests on one source and its check says so; that finding is not the claim's.
    before = run_checks(demo_lib, note).findings
    assert {f.rule for f in before} <= {"corroboration.single-source"}
    claim = demo_lib.claims.by_key("C1")
    assert claim is not None
    demo_lib.claims.update(claim.id, statement="Reworded.")
    assert "citation.changed" in {f.rule for f in run_checks(demo_lib, note).findings}
    demo_lib.claims.revert(claim)
    after = demo_lib.claims.get(claim.id)
    assert (after.statement, after.revision) == (claim.statement, claim.revision)
    assert run_checks(demo_lib, demo_lib.notes.get(note.id)).findings == before


@pytest.mark.parametrize(
    "values",
    [{"statement": "Reworded.", "credibility": 2}, {"event_date": "2025-11-28"}],
    ids=["restated", "dated"],
)
def test_a_claim_edit_round_trips(demo_lib: Library, values: dict[str, Any]) -> None:
    claim = demo_lib.claims.by_key("C1")
    assert claim is not None

    def undo(after: Any) -> Any:
        demo_lib.claims.revert(claim)
        return after

    round_trip(
        demo_lib,
        lambda: demo_lib.claims.update(claim.id, **values),
        undo,
        demo_lib.claims.revert,
    )


def test_a_claim_delete_round_trips_with_its_key(demo_lib: Library) -> None:
    claim = demo_lib.claims.by_key("C2")
    assert claim is not None
    round_trip(
        demo_lib,
        lambda: demo_lib.claims.delete(claim.id),
        demo_lib.claims.restore,
        lambda back: demo_lib.claims.delete(back.id),
    )
    assert demo_lib.claims.get(claim.id).key == "C2"


def test_deleting_many_claims_round_trips_with_relations_questions_and_ratings(
    demo_lib: Library,
) -> None:
    # C9 is on Q1, rated in its matrix, and linked to two claims deleted with it.
    q1 = demo_lib.questions.by_key("Q1")
    demo_lib.ach.rate(q1.id, "H1", "C9", "C")
    demo_lib.ach.rate(q1.id, "H2", "C6", "I")
    linked = {r.from_claim_id for r in demo_lib.relations.all()} | {
        r.to_claim_id for r in demo_lib.relations.all()
    }
    ids = sorted(linked | set(demo_lib.claims.ids_by_key(["C6", "C7", "C9", "C2"])))
    round_trip(
        demo_lib,
        lambda: demo_lib.claims.delete_many(ids),
        demo_lib.claims.restore_many,
        lambda _: demo_lib.claims.delete_many(ids),
    )
    assert demo_lib.questions.by_key("Q1").claim_keys == ["C9", "C6", "C7"]
    assert len(demo_lib.relations.all()) == 2


def test_deleting_many_claims_returns_what_deleting_each_returns(demo_lib: Library) -> None:
    q1 = demo_lib.questions.by_key("Q1")
    demo_lib.ach.rate(q1.id, "H1", "C9", "C")
    c9, c2 = demo_lib.claims.ids_by_key(["C9", "C2"])
    together = demo_lib.claims.delete_many([c9, c2])
    demo_lib.claims.restore_many(together)
    one_by_one = [demo_lib.claims.delete(c9), demo_lib.claims.delete(c2)]
    assert together == one_by_one and together[0].links and together[0].links.matrix_records


def test_deleting_many_claims_refuses_a_missing_one_and_deletes_none(demo_lib: Library) -> None:
    before = dump(demo_lib)
    with pytest.raises(NotFound, match="no claim with id 9999"):
        demo_lib.claims.delete_many([*demo_lib.claims.ids_by_key(["C2"]), 9999])
    assert dump(demo_lib) == before


def test_undo_keeps_the_kind_of_each_tag(demo_lib: Library) -> None:
    demo_lib.tags.ensure("Zeta", "topic")
    claim = demo_lib.claims.by_key("C2")
    assert claim is not None
    edited = demo_lib.claims.update(claim.id, tags=[*claim.tags, "place:Zeta"])
    gone = demo_lib.claims.delete(claim.id)
    demo_lib.claims.restore(gone)
    assert "place:Zeta" in demo_lib.claims.get(claim.id).tag_refs
    demo_lib.claims.revert(claim)
    assert edited.tag_refs != claim.tag_refs
    assert demo_lib.claims.get(claim.id).tag_refs == claim.tag_refs


def test_undoing_a_tag_delete_joins_a_tag_made_since(demo_lib: Library) -> None:
    tag = demo_lib.tags.by_name("Taliban")
    assert tag is not None
    tagged = {c.key for c in demo_lib.claims.all() if "Taliban" in c.tags}
    saved = demo_lib.tags.delete(tag.id)
    demo_lib.tags.ensure("actor:Taliban")  # made again before the undo
    demo_lib.tags.restore(*saved)
    assert {c.key for c in demo_lib.claims.all() if "Taliban" in c.tags} == tagged
    assert [t.name for t in demo_lib.tags.all()].count("Taliban") == 1


def test_a_tag_delete_round_trips(demo_lib: Library) -> None:
    tag = demo_lib.tags.by_name("Taliban")
    assert tag is not None
    round_trip(
        demo_lib,
        lambda: demo_lib.tags.delete(tag.id),
        lambda saved: demo_lib.tags.restore(*saved),
        lambda back: demo_lib.tags.delete(back.id),
    )


def test_undoing_a_party_merge_restores_aliases_it_repointed(demo_lib: Library) -> None:
    demo_lib.parties.merge("Taliban administration", "Taliban")
    before = demo_lib.parties.alias_rows()
    undo = demo_lib.parties.merge("Taliban", "Islamic Emirate")
    assert undo == before
    assert demo_lib.parties.normalise("Taliban administration") == "Islamic Emirate"
    demo_lib.parties.restore_alias_rows(undo)
    assert demo_lib.parties.alias_rows() == before
    assert demo_lib.parties.normalise("Taliban administration") == "Taliban"


def test_a_party_merge_round_trips(demo_lib: Library) -> None:
    demo_lib.parties.merge("Taliban administration", "Taliban")
    round_trip(
        demo_lib,
        lambda: demo_lib.parties.merge("Taliban", "Islamic Emirate"),
        demo_lib.parties.restore_alias_rows,
        demo_lib.parties.restore_alias_rows,
    )


def test_a_rejected_suggestion_round_trips(demo_lib: Library) -> None:
    source_id = demo_lib.sources.all()[0].id
    suggestion = demo_lib.suggestions.for_source(source_id)[0]
    round_trip(
        demo_lib,
        lambda: demo_lib.suggestions.reject(source_id, suggestion),
        lambda rejection: demo_lib.suggestions.unreject(source_id, rejection.fingerprint),
        demo_lib.suggestions.restore_rejection,
    )


def test_a_source_edit_round_trips_with_its_modified_time(demo_lib: Library) -> None:
    source_id = demo_lib.sources.all()[0].id
    round_trip(
        demo_lib,
        lambda: demo_lib.sources.edit(source_id, reliability="B", marking="TLP:GREEN"),
        demo_lib.sources.revert,
        demo_lib.sources.revert,
    )


def test_undoing_an_import_removes_its_sources_and_redo_puts_them_back(
    demo_lib: Library,
) -> None:
    from briefing_app.core.importers.base import ExtractedDocument

    with demo_lib.write():
        ids = [
            demo_lib.sources.add(ExtractedDocument(text=f"Report {n}.", title=f"R{n}")).id
            for n in range(2)
        ]
    # The import ran in a worker: its undo is the first operation here.
    round_trip(
        demo_lib,
        lambda: demo_lib.sources.delete_many(ids),
        demo_lib.sources.restore_many,
        lambda _sources: demo_lib.sources.delete_many(ids),
    )


def test_undoing_an_import_keeps_the_zotero_highlights_and_rejections_of_its_sources(
    demo_lib: Library,
) -> None:
    from briefing_app.core.importers.base import Annotation, ExtractedDocument

    text = "The ministry said the border post was attacked. Residents heard shots at dawn."
    source = demo_lib.sources.add(ExtractedDocument(text=text, title="Wire"))
    demo_lib.suggestions.add_highlights(source.id, [Annotation("Residents heard shots", "3")])
    demo_lib.suggestions.reject(source.id, demo_lib.suggestions.for_source(source.id)[-1])
    round_trip(
        demo_lib,
        lambda: demo_lib.sources.delete_many([source.id]),
        demo_lib.sources.restore_many,
        lambda _sources: demo_lib.sources.delete_many([source.id]),
    )
    assert demo_lib.suggestions.highlights(source.id) == [Annotation("Residents heard shots", "3")]


def test_a_party_merge_that_renames_claims_round_trips(demo_lib: Library) -> None:
    merged = demo_lib.parties.merge_claims("Taliban administration", "Taliban")
    assert len(merged.renamed) == 2  # the demo's two Taliban claims, C6 and C7
    taliban = [c for c in demo_lib.claims.all() if c.party.startswith("Taliban")]
    assert {c.key: c.party for c in taliban} == {"C6": "Taliban", "C7": "Taliban"}
    assert all(c.revision == 1 for c in taliban)  # the same party: no new revision
    demo_lib.parties.undo_merge(merged)
    round_trip(
        demo_lib,
        lambda: demo_lib.parties.merge_claims("Taliban administration", "Taliban"),
        demo_lib.parties.undo_merge,
        demo_lib.parties.undo_merge,  # the redo puts back the merge as it stood, times and all
    )


# Key questions and relations between claims --------------------------------------------------


def test_a_relation_link_round_trips(demo_lib: Library) -> None:
    c1, c2 = (demo_lib.claims.by_key(k) for k in ("C1", "C2"))
    assert c1 is not None and c2 is not None
    round_trip(
        demo_lib,
        lambda: demo_lib.relations.link(c1.id, "corroborates", c2.id, "same call"),
        lambda made: demo_lib.relations.unlink(made.from_claim_id, made.to_claim_id),
        lambda removed: (demo_lib.relations.restore([removed]), removed)[1],
    )


def test_a_relation_unlink_round_trips(demo_lib: Library) -> None:
    (first, *_) = demo_lib.relations.all()
    round_trip(
        demo_lib,
        lambda: demo_lib.relations.unlink(first.to_claim_id, first.from_claim_id),
        lambda removed: (demo_lib.relations.restore([removed]), removed)[1],
        lambda back: demo_lib.relations.unlink(back.from_claim_id, back.to_claim_id),
    )


@pytest.mark.parametrize("noun", ["claims", "questions"])
def test_a_delete_round_trips_with_the_questions_and_relations_it_touches(
    demo_lib: Library, noun: str
) -> None:
    # C9 is on Q1 and in two contradicts links; Q1 holds C9, C6 and C7 in that order.
    record = demo_lib.claims.by_key("C9") if noun == "claims" else demo_lib.questions.by_key("Q1")
    assert record is not None
    manager = getattr(demo_lib, noun)
    round_trip(demo_lib, lambda: manager.delete(record.id), manager.restore,
               lambda back: manager.delete(back.id))  # fmt: skip
    assert demo_lib.questions.by_key("Q1").claim_keys == ["C9", "C6", "C7"]
    assert len(demo_lib.relations.all()) == 2


def test_assigning_and_unassigning_claims_round_trip(demo_lib: Library) -> None:
    q1 = demo_lib.questions.by_key("Q1")
    c4, c6 = (demo_lib.claims.by_key(k) for k in ("C4", "C6"))
    assert c4 is not None and c6 is not None
    round_trip(
        demo_lib,
        lambda: demo_lib.questions.assign(q1.id, [c4.id]),
        lambda added: (demo_lib.questions.unassign(q1.id, [c for c, _ in added]), added)[1],
        lambda added: demo_lib.questions.assign(q1.id, [c for c, _ in added]),
    )
    round_trip(
        demo_lib,
        lambda: demo_lib.questions.unassign(q1.id, [c6.id]),
        lambda removed: (demo_lib.questions.restore_assignments(q1.id, removed), removed)[1],
        lambda removed: demo_lib.questions.unassign(q1.id, [c for c, _ in removed]),
    )
    assert demo_lib.questions.by_key("Q1").claim_keys == ["C9", "C6", "C7"]


def test_a_question_edit_round_trips(demo_lib: Library) -> None:
    before = demo_lib.questions.by_key("Q1")
    round_trip(
        demo_lib,
        lambda: demo_lib.questions.update(before.id, text="Who attacked?", note="open"),
        lambda after: (demo_lib.questions.revert(before), after)[1],
        demo_lib.questions.revert,
    )


def test_a_question_made_with_claims_round_trips_with_its_key(demo_lib: Library) -> None:
    c4, c5 = (demo_lib.claims.by_key(k) for k in ("C4", "C5"))
    assert c4 is not None and c5 is not None
    # Keys are never reused, so the key counter stays past Q2 after an undo, and only there
    # may the library differ from before.
    counter = "SELECT value FROM counters WHERE name = 'question_key'"
    before = dump(demo_lib)
    made = demo_lib.questions.add("How many died?", "toll", claim_ids=[c5.id, c4.id])
    after = dump(demo_lib)
    removed = demo_lib.questions.delete(made.id)
    assert demo_lib.conn.execute(counter).fetchone()[0] == 2
    demo_lib.conn.execute("UPDATE counters SET value = 1 WHERE name = 'question_key'")
    assert dump(demo_lib) == before
    demo_lib.conn.execute("UPDATE counters SET value = 2 WHERE name = 'question_key'")
    back = demo_lib.questions.restore(removed)
    assert dump(demo_lib) == after
    assert (back.key, back.claim_keys) == ("Q2", ["C5", "C4"])
