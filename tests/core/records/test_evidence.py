"""Key questions, relations between claims, independence of sources and event dates."""

from __future__ import annotations

import pytest

from briefing_app.core.changes import Changes
from briefing_app.core.errors import InvalidInput, NotFound
from briefing_app.core.importers.base import ExtractedDocument
from briefing_app.core.library import Library
from briefing_app.core.models import Claim
from briefing_app.core.records.board import build_board
from briefing_app.core.records.claims import ClaimFilter
from briefing_app.core.records.timeline import timeline, timeline_dates, timeline_rows
from briefing_app.core.text.event_dates import check_event_date, precision


def source(lib: Library, text: str, outlet: str = "", title: str = "") -> int:
    doc = ExtractedDocument(title=title or text[:20], text=text, outlet=outlet)
    return lib.sources.add(doc).id


def claim(lib: Library, source_id: int, quote: str, party: str = "", **kw: object) -> Claim:
    return lib.claims.add(source_id, quote=quote, party=party, **kw)  # type: ignore[arg-type]


@pytest.fixture
def wires(lib: Library) -> dict[str, Claim]:
    """Three outlets reporting an attack; Reuters' copy is repeated by a blog."""
    reuters = source(lib, "Police said five died in the raid.", "Reuters")
    afp = source(lib, "Officials said five people died in the raid.", "AFP")
    blog = source(lib, "A blog says five died, citing wire reports.", "Blog")
    reuters2 = source(lib, "Police later said six died.", "Reuters")
    army = source(lib, "The army said nobody died.", "Army press office")
    return {
        "reuters": claim(lib, reuters, "five died", "Police"),
        "afp": claim(lib, afp, "five people died", "Officials"),
        "blog": claim(lib, blog, "five died", "Blog"),
        "reuters2": claim(lib, reuters2, "six died", "Police"),
        "army": claim(lib, army, "nobody died", "Army"),
    }


# Relations ---------------------------------------------------------------------------------


def test_a_claim_cannot_relate_to_itself(lib: Library, wires: dict[str, Claim]) -> None:
    c = wires["reuters"]
    with pytest.raises(InvalidInput, match="C1 cannot be linked to itself"):
        lib.relations.link(c.id, "corroborates", c.id)
    assert lib.relations.all() == []


def test_a_pair_is_linked_once_whichever_way_round(lib: Library, wires: dict[str, Claim]) -> None:
    a, b = wires["reuters"], wires["army"]
    lib.relations.link(a.id, "contradicts", b.id, "death toll")
    for first, second, relation in ((a, b, "contradicts"), (b, a, "corroborates")):
        with pytest.raises(InvalidInput, match=r"already linked \(C1 contradicts C5\)"):
            lib.relations.link(first.id, relation, second.id)
    assert [(r.from_key, r.relation, r.to_key, r.note) for r in lib.relations.all()] == [
        ("C1", "contradicts", "C5", "death toll")
    ]


def test_an_unknown_relation_or_claim_is_refused(lib: Library, wires: dict[str, Claim]) -> None:
    with pytest.raises(InvalidInput, match="relation must be one of"):
        lib.relations.link(wires["reuters"].id, "refutes", wires["army"].id)
    with pytest.raises(NotFound):
        lib.relations.link(wires["reuters"].id, "repeats", 999)
    with pytest.raises(InvalidInput, match="note is at most 500 characters"):
        lib.relations.link(wires["reuters"].id, "repeats", wires["blog"].id, "x" * 501)
    assert lib.relations.all() == []


def test_unlink_removes_the_pair_and_restore_puts_it_back(
    lib: Library, wires: dict[str, Claim]
) -> None:
    a, b = wires["reuters"], wires["army"]
    made = lib.relations.link(a.id, "contradicts", b.id)
    removed = lib.relations.unlink(b.id, a.id)
    assert removed == made and lib.relations.all() == []
    with pytest.raises(InvalidInput, match="C5 and C1 are not linked"):
        lib.relations.unlink(b.id, a.id)
    lib.relations.restore([removed])
    assert lib.relations.all() == [made]


def test_repeats_chains_join_claims_into_one_origin(lib: Library, wires: dict[str, Claim]) -> None:
    reuters, afp, blog = wires["reuters"], wires["afp"], wires["blog"]
    assert lib.relations.independent(reuters.id, blog.id)
    lib.relations.link(blog.id, "repeats", afp.id)
    lib.relations.link(afp.id, "repeats", reuters.id)
    # The blog reached Reuters' report through AFP: no longer independent of it.
    assert lib.relations.same_origin(blog.id, reuters.id)
    assert not lib.relations.independent(blog.id, reuters.id)
    assert lib.relations.independent_sources([reuters.id, afp.id, blog.id]) == 1


def test_claims_of_one_outlet_are_not_independent(lib: Library, wires: dict[str, Claim]) -> None:
    assert not lib.relations.independent(wires["reuters"].id, wires["reuters2"].id)
    assert lib.relations.independent(wires["reuters"].id, wires["afp"].id)
    ids = [wires[k].id for k in ("reuters", "reuters2", "afp", "army")]
    assert lib.relations.independent_sources(ids) == 3


def test_sources_without_an_outlet_count_each_as_their_own(lib: Library) -> None:
    a = claim(lib, source(lib, "One said rain fell."), "rain fell", "A")
    b = claim(lib, source(lib, "Two said rain fell too."), "rain fell", "B")
    assert lib.relations.independent(a.id, b.id)


def test_corroboration_by_two_independent_sources_suggests_corroborated(
    lib: Library, wires: dict[str, Claim]
) -> None:
    target, afp, blog = wires["reuters"], wires["afp"], wires["blog"]
    lib.relations.link(afp.id, "corroborates", target.id)
    assert lib.relations.suggested_status(target.id) is None  # one source is not enough
    lib.relations.link(blog.id, "corroborates", target.id)
    assert lib.relations.suggested_status(target.id) == (
        "corroborated",
        "corroborated by 2 independent sources",
    )
    # The blog only relays AFP: its corroboration is AFP's again, one source.
    lib.relations.link(blog.id, "repeats", afp.id)
    assert lib.relations.suggested_status(target.id) is None
    assert lib.claims.get(target.id).status == "unverified"  # suggested, never applied


def test_a_contradiction_suggests_disputed(lib: Library, wires: dict[str, Claim]) -> None:
    lib.relations.link(wires["army"].id, "contradicts", wires["reuters"].id)
    assert lib.relations.suggested_status(wires["reuters"].id) == (
        "disputed",
        "contradicted by C5",
    )
    assert lib.relations.suggested_status(wires["army"].id) == ("disputed", "contradicted by C1")


def test_deleting_a_claim_takes_its_links_and_restore_brings_them_back(
    lib: Library, wires: dict[str, Claim]
) -> None:
    a, b = wires["reuters"], wires["army"]
    lib.relations.link(a.id, "contradicts", b.id)
    q = lib.questions.add("How many died?")
    lib.questions.assign(q.id, [b.id, a.id])
    removed = lib.claims.delete(a.id)
    assert lib.relations.all() == [] and lib.questions.get(q.id).claim_keys == ["C5"]
    lib.claims.restore(removed)
    assert [r.relation for r in lib.relations.all()] == ["contradicts"]
    assert lib.questions.get(q.id).claim_keys == ["C5", "C1"]


def test_relations_touching_or_among_claims_and_claims_read_in_the_order_asked(
    lib: Library, wires: dict[str, Claim]
) -> None:
    reuters, afp, blog, army = (wires[k].id for k in ("reuters", "afp", "blog", "army"))
    lib.relations.link(blog, "repeats", reuters)
    lib.relations.link(army, "contradicts", afp)
    assert [r.from_key for r in lib.relations.touching([reuters, army])] == ["C3", "C5"]
    assert [r.from_key for r in lib.relations.among([reuters, blog, afp])] == ["C3"]
    assert [c.key for c in lib.claims.get_many([army, 999, reuters])] == ["C5", "C1"]


# Questions ---------------------------------------------------------------------------------


def test_questions_get_keys_and_ordered_claims(lib: Library, wires: dict[str, Claim]) -> None:
    q1 = lib.questions.add("  How many died?  ", note="toll")
    q2 = lib.questions.add("Who raided?")
    assert (q1.key, q1.text, q1.note, q2.key) == ("Q1", "How many died?", "toll", "Q2")
    ids = [wires[k].id for k in ("army", "reuters", "afp")]
    assert lib.questions.assign(q1.id, ids) == [(ids[0], 0), (ids[1], 1), (ids[2], 2)]
    # Assigning again keeps the places; a claim can serve several questions.
    assert lib.questions.assign(q1.id, [ids[1], wires["blog"].id]) == [(wires["blog"].id, 3)]
    lib.questions.assign(q2.id, [ids[1]])
    assert lib.questions.by_key("q1").claim_keys == ["C5", "C1", "C2", "C3"]
    assert [q.key for q in lib.questions.of_claim(ids[1])] == ["Q1", "Q2"]
    assert lib.questions.unassign(q1.id, [ids[1]]) == [(ids[1], 1)]
    assert lib.questions.get(q1.id).claim_keys == ["C5", "C2", "C3"]
    with pytest.raises(InvalidInput, match="C1 is not assigned to Q1"):
        lib.questions.unassign(q1.id, [ids[1]])
    lib.questions.restore_assignments(q1.id, [(ids[1], 1)])
    assert lib.questions.get(q1.id).claim_keys == ["C5", "C1", "C2", "C3"]


def test_a_question_needs_text_and_an_unknown_key_is_refused(lib: Library) -> None:
    with pytest.raises(InvalidInput, match="needs its text"):
        lib.questions.add("  ")
    with pytest.raises(NotFound, match="no key question Q4"):
        lib.questions.by_key("Q4")
    with pytest.raises(NotFound, match="no key question Q4"):
        lib.questions.title_by_key(" Q4 ")


def test_a_question_s_title_is_read_without_its_claims(
    lib: Library, wires: dict[str, Claim]
) -> None:
    q1 = lib.questions.add("How many died?", claim_ids=[c.id for c in wires.values()])
    q2 = lib.questions.add("Who raided?", claim_ids=[wires["afp"].id])
    # What a picker, a menu or the CLI's --question needs: id, uid, key and text only.
    title = lib.questions.title_by_key(" q2 ")
    assert (title.id, title.uid, title.key, title.text) == (q2.id, q2.uid, "Q2", "Who raided?")
    assert [(q.key, q.text) for q in lib.questions.of_claim(wires["afp"].id)] == [
        ("Q1", "How many died?"),
        ("Q2", "Who raided?"),
    ]
    assert [q.key for q in lib.questions.of_claim(wires["army"].id)] == [q1.key]


def test_question_keys_are_never_reused(lib: Library) -> None:
    q1 = lib.questions.add("First?")
    lib.questions.delete(q1.id)
    assert lib.questions.add("Second?").key == "Q2"


def test_a_question_made_with_claims_is_one_step_and_refuses_an_unknown_claim(
    lib: Library, wires: dict[str, Claim]
) -> None:
    heard: list[Changes] = []
    lib.subscribe(heard.append)
    ids = [wires["army"].id, wires["reuters"].id]
    q1 = lib.questions.add("How many died?", claim_ids=ids)
    assert q1.claim_keys == ["C5", "C1"]
    assert len(heard) == 1  # one write: one undo step, one refresh
    assert heard[0].questions == {q1.id} and heard[0].claims == set(ids)
    with pytest.raises(NotFound):
        lib.questions.add("Who raided?", claim_ids=[ids[0], 999])
    assert [q.key for q in lib.questions.all()] == ["Q1"]  # nothing half made


def test_every_question_write_names_the_question_changed(
    lib: Library, wires: dict[str, Claim]
) -> None:
    q1 = lib.questions.add("How many died?")
    heard: list[Changes] = []
    lib.subscribe(heard.append)
    before = lib.questions.update(q1.id, text="How many were killed?")
    lib.questions.revert(q1)
    lib.questions.assign(q1.id, [wires["afp"].id])
    lib.questions.unassign(q1.id, [wires["afp"].id])
    removed = lib.questions.delete(q1.id)
    lib.questions.restore(removed)
    assert before.text == "How many were killed?"
    assert [c.questions for c in heard] == [{q1.id}] * 6


# Event dates -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected", "kind"),
    [
        ("2025", "2025", "year"),
        ("2025-11", "2025-11", "month"),
        (" 2025-11-30 ", "2025-11-30", "day"),
        ("2025-11-30T14:00", "2025-11-30T14:00", "minute"),
        ("", "", ""),
    ],
)
def test_event_dates_keep_their_precision(value: str, expected: str, kind: str) -> None:
    assert check_event_date(value) == expected
    assert precision(expected) == kind


@pytest.mark.parametrize(
    "value", ["2025-13", "2025-02-30", "30/11/2025", "2025-11-30 14:00", "2025-11-30T25:00", "25"]
)
def test_invalid_event_dates_are_refused(value: str) -> None:
    with pytest.raises(InvalidInput, match="is not a real date"):
        check_event_date(value)


def test_a_claim_event_date_is_set_cleared_and_refused(lib: Library) -> None:
    c = claim(lib, source(lib, "It rained on Sunday."), quote="rained")
    assert lib.claims.update(c.id, event_date="2025-11-30").event_date == "2025-11-30"
    with pytest.raises(InvalidInput):
        lib.claims.update(c.id, event_date="2025-11-31")
    assert lib.claims.get(c.id).event_date == "2025-11-30"
    assert lib.claims.update(c.id, event_date="").event_date == ""


# Board and timeline ------------------------------------------------------------------------


def test_the_board_groups_a_question_by_party(lib: Library, wires: dict[str, Claim]) -> None:
    q = lib.questions.add("How many died?")
    keys = ("reuters", "army", "reuters2", "afp")
    lib.questions.assign(q.id, [wires[k].id for k in keys])
    lib.relations.link(wires["army"].id, "contradicts", wires["reuters"].id)
    lib.relations.link(wires["reuters2"].id, "updates", wires["reuters"].id)
    lib.relations.link(wires["blog"].id, "repeats", wires["afp"].id)  # blog is not on the board
    board = build_board(lib, q.id)
    assert [(p.party, [c.claim.key for c in p.claims], p.independent_sources)
            for p in board.positions] == [
        ("Police", ["C1", "C4"], 1),  # both Reuters: one source
        ("Army", ["C5"], 1),
        ("Officials", ["C2"], 1),
    ]  # fmt: skip
    assert [(r.from_key, r.relation, r.to_key) for r in board.relations] == [
        ("C5", "contradicts", "C1"),
        ("C4", "updates", "C1"),
    ]
    police = board.to_json()["positions"][0]["claims"][0]
    assert (police["source_grade"], police["suggested_status"]) == ("F6", "disputed")


def test_the_timeline_orders_by_event_date_and_filters(
    lib: Library, wires: dict[str, Claim]
) -> None:
    for key, when in (("reuters2", "2025-11-30T14:00"), ("reuters", "2025-11-29"),
                      ("army", "2025"), ("afp", "2025-11")):  # fmt: skip
        lib.claims.update(wires[key].id, event_date=when)
    assert [(r.key, r.event_date) for r in timeline(lib)] == [
        ("C5", "2025"),
        ("C2", "2025-11"),
        ("C1", "2025-11-29"),
        ("C4", "2025-11-30T14:00"),
        ("C3", ""),
    ]
    q = lib.questions.add("Toll?")
    lib.questions.assign(q.id, [wires["blog"].id, wires["reuters"].id])
    assert [r.key for r in timeline(lib, q.id)] == ["C1", "C3"]
    assert [r.key for r in timeline(lib, flt=ClaimFilter(party="police"))] == ["C1", "C4"]


def test_the_lazy_timeline_holds_the_same_claims_in_the_same_order(
    lib: Library, wires: dict[str, Claim]
) -> None:
    # What the Chronology holds (ids and dates) and fetches (rows) is what `timeline` lists.
    for key, when in (("reuters2", "2025-11-30T14:00"), ("army", "2025"), ("afp", "2025-11")):
        lib.claims.update(wires[key].id, event_date=when)
    q = lib.questions.add("Toll?")
    lib.questions.assign(q.id, [wires["blog"].id, wires["afp"].id, wires["reuters"].id])
    for question_id, flt in ((None, None), (q.id, None), (None, ClaimFilter(party="police"))):
        full = timeline(lib, question_id, flt)
        assert timeline_dates(lib, question_id, flt) == [(r.claim_id, r.event_date) for r in full]
    ids = [i for i, _ in timeline_dates(lib)]
    assert timeline_rows(lib, list(reversed(ids))) == timeline(lib)  # in timeline order
    assert [r.id for r in timeline_rows(lib, [ids[0], 999])] == [ids[0]]  # a gone id: no row
