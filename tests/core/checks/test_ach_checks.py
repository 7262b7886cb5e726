"""Checks that read the ACH matrix behind a note's judgment: a judgment against the leader,
an unsupported assumption under it, a fragile matrix turning on one source, high confidence
on a fragile matrix. Each has a case that warns and one that does not."""

from __future__ import annotations

import pytest

from briefing_app.core.ach.judgments import judge
from briefing_app.core.checks import Finding, run_checks
from briefing_app.core.library import Library
from tests.core.checks.conftest import PROFILE, link, rules_of

ACH_RULES = (
    "ach.judgment-not-leading",
    "ach.unsupported-assumption",
    "ach.fragile-single-source",
    "ach.high-confidence-fragile",
)


@pytest.fixture
def q1(lib: Library, evidence: dict[str, str]) -> int:
    """Q1 with H1 and H2 rated so that H1 leads (1 against 2) and the killed claim is pivotal.

    killed: C, II; denial: N, N; police: I, N.  H1 = 1, H2 = 2.  Without killed: H1 1, H2 0,
    so H2 would lead: the matrix is fragile and killed (one outlet, Wire) is its pivotal row.
    Every claim is graded F6, so its credibility weight is low (1/√2): weighted, H1 = 0.71 and
    H2 = 2/√2 = 1.41.
    """
    q = lib.questions.add("Who carried out the attack?")
    lib.questions.assign(q.id, [_id(lib, evidence[k]) for k in ("killed", "denial", "police")])
    lib.ach.add_hypothesis(q.id, "Criminal groups")
    lib.ach.add_hypothesis(q.id, "A group tied to the Taliban")
    for row, h1, h2 in (("killed", "C", "II"), ("denial", "N", "N"), ("police", "I", "N")):
        lib.ach.rate(q.id, "H1", evidence[row], h1)
        lib.ach.rate(q.id, "H2", evidence[row], h2)
    return q.id


def _id(lib: Library, key: str) -> int:
    claim = lib.claims.by_key(key)
    assert claim is not None
    return claim.id


def judged(
    lib: Library, question_id: int, hypothesis: str | None, confidence: str
) -> list[Finding]:
    note = lib.notes.create("Judged", "test", [("assessment", "Assessment")],
                            bodies={"assessment": "We assess the group acted."})  # fmt: skip
    if hypothesis is not None:
        judge(lib, note.id, question_id, hypothesis, confidence)
    findings = run_checks(lib, lib.notes.get(note.id), PROFILE).findings
    return [f for f in findings if f.rule in ACH_RULES]


def test_a_judgment_against_the_leader_warns_naming_it_and_the_scores(
    lib: Library, q1: int
) -> None:
    (finding,) = [f for f in judged(lib, q1, "H2", "moderate") if f.rule == ACH_RULES[0]]
    assert finding.severity == "warning"
    assert finding.message == (
        "The note favours H2 (A group tied to the Taliban) on Q1, but the matrix ranks "
        "H1 (Criminal groups) first: H1 has weighted inconsistency 0.71, inconsistency 1; "
        "H2 has weighted inconsistency 1.41, inconsistency 2"
    )


def test_a_judgment_for_the_leader_or_no_judgment_does_not_warn(lib: Library, q1: int) -> None:
    assert ACH_RULES[0] not in rules_of(judged(lib, q1, "H1", "moderate"))
    assert judged(lib, q1, None, "") == []


def test_an_unsupported_assumption_under_the_favoured_hypothesis_warns(
    lib: Library, q1: int
) -> None:
    lib.assumptions.add(q1, "The group could cross the border", rating="unsupported",
                        hypotheses=["H1"])  # fmt: skip
    findings = [f for f in judged(lib, q1, "H1", "moderate") if f.rule == ACH_RULES[1]]
    assert [f.message for f in findings] == [
        "The favoured H1 (Criminal groups) depends on key assumption A1 "
        "('The group could cross the border'), rated unsupported"
    ]


def test_an_assumption_rated_better_or_under_another_hypothesis_does_not_warn(
    lib: Library, q1: int
) -> None:
    lib.assumptions.add(q1, "The border is porous", rating="caveated", hypotheses=["H1"])
    lib.assumptions.add(q1, "The Taliban control the area", rating="unsupported",
                        hypotheses=["H2"])  # fmt: skip
    assert ACH_RULES[1] not in rules_of(judged(lib, q1, "H1", "moderate"))


def test_a_fragile_matrix_whose_pivotal_row_has_one_source_warns(
    lib: Library, q1: int, evidence: dict[str, str]
) -> None:
    findings = [f for f in judged(lib, q1, "H1", "moderate") if f.rule == ACH_RULES[2]]
    killed = evidence["killed"]
    assert [f.message for f in findings] == [
        f"The Q1 matrix is fragile: {killed} decides whether H1 leads, and it rests on a "
        "single source"
    ]


def test_a_pivotal_row_corroborated_by_an_independent_source_does_not_warn(
    lib: Library, q1: int, evidence: dict[str, str]
) -> None:
    # The police report comes from another outlet: two independent sources.
    link(lib, evidence["police"], "corroborates", evidence["killed"])
    assert ACH_RULES[2] not in rules_of(judged(lib, q1, "H1", "moderate"))


def test_a_pivotal_row_repeating_the_same_outlet_still_warns(
    lib: Library, q1: int, evidence: dict[str, str]
) -> None:
    link(lib, evidence["denial"], "corroborates", evidence["killed"])  # same outlet (Wire)
    assert ACH_RULES[2] in rules_of(judged(lib, q1, "H1", "moderate"))


def test_high_confidence_on_a_fragile_matrix_warns(
    lib: Library, q1: int, evidence: dict[str, str]
) -> None:
    findings = [f for f in judged(lib, q1, "H1", "high") if f.rule == ACH_RULES[3]]
    assert [f.message for f in findings] == [
        "The judgment on Q1 is held with high confidence, but the matrix is fragile "
        f"(pivotal: {evidence['killed']})"
    ]


def test_moderate_confidence_or_a_sturdy_matrix_does_not_warn(
    lib: Library, q1: int, evidence: dict[str, str]
) -> None:
    assert ACH_RULES[3] not in rules_of(judged(lib, q1, "H1", "moderate"))
    # denial now counts strongly against H2 as well: without killed, H1 1 and H2 2, so H1
    # still leads. (Rated I, without killed the two would tie at 1: still fragile.)
    lib.ach.rate(q1, "H2", evidence["denial"], "II")
    assert not lib.ach.scores(q1).fragile
    assert rules_of(judged(lib, q1, "H1", "high")) == []


def test_a_judgment_between_hypotheses_the_matrix_ties_warns_whichever_is_favoured(
    lib: Library, evidence: dict[str, str]
) -> None:
    # Rated alike by every row: neither leads, whatever order they were typed in. The check
    # said the matrix "ranks H1 first" of a judgment for H2 (0 against 0), and nothing of one
    # for H1.
    q = lib.questions.add("What caused the blast?")
    lib.questions.assign(q.id, [_id(lib, evidence["killed"])])
    lib.ach.add_hypothesis(q.id, "Sabotage")
    lib.ach.add_hypothesis(q.id, "Technical failure")
    for h in ("H1", "H2"):
        lib.ach.rate(q.id, h, evidence["killed"], "C")
    for favoured, other in (("H1", "H2 (Technical failure)"), ("H2", "H1 (Sabotage)")):
        (finding,) = [f for f in judged(lib, q.id, favoured, "low") if f.rule == ACH_RULES[0]]
        label = "H1 (Sabotage)" if favoured == "H1" else "H2 (Technical failure)"
        pair = "H1 and H2" if favoured == "H1" else "H2 and H1"
        assert finding.message == (
            f"The note favours {label} on Q1, but the matrix does not rank it above {other}: "
            f"{pair} tie with weighted inconsistency 0.00, inconsistency 0"
        )


def test_a_judgment_for_a_hypothesis_that_breaks_the_tie_does_not_warn(
    lib: Library, evidence: dict[str, str]
) -> None:
    q = lib.questions.add("What caused the blast?")
    lib.questions.assign(q.id, [_id(lib, evidence["killed"])])
    lib.ach.add_hypothesis(q.id, "Sabotage")
    lib.ach.add_hypothesis(q.id, "Technical failure")
    lib.ach.rate(q.id, "H1", evidence["killed"], "I")
    lib.ach.rate(q.id, "H2", evidence["killed"], "C")
    assert ACH_RULES[0] not in rules_of(judged(lib, q.id, "H2", "low"))


def test_a_judgment_whose_hypothesis_or_question_was_deleted_warns(lib: Library, q1: int) -> None:
    # Removing H1 from the matrix left the note "favouring" nothing, and no check said so:
    # the text still argues for H1 while the matrix now ranks H2 alone.
    note = lib.notes.create("Judged", "test", [("assessment", "Assessment")])
    judge(lib, note.id, q1, "H1", "moderate")
    assert ACH_RULES[0] not in rules_of(run_checks(lib, lib.notes.get(note.id), PROFILE).findings)
    lib.ach.delete_hypothesis(q1, "H1")
    gone = [f for f in run_checks(lib, lib.notes.get(note.id), PROFILE).findings
            if f.rule == ACH_RULES[0]]  # fmt: skip
    assert [f.message for f in gone] == [
        "The note's judgment favours a hypothesis no longer in the Q1 matrix: record the "
        "judgment again (Judgment of note in the Matrix, or briefing note judge)"
    ]
    lib.questions.delete(q1)
    (finding,) = [f for f in run_checks(lib, lib.notes.get(note.id), PROFILE).findings
                  if f.rule == ACH_RULES[0]]  # fmt: skip
    assert finding.message.startswith("The note's judgment is on a key question that was deleted")


def _uncited(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.rule == "ach.uncited-evidence"]


def test_rated_rows_the_note_does_not_cite_are_named(
    lib: Library, q1: int, evidence: dict[str, str]
) -> None:
    # The walk: the note cited C2 and C11, the Q2 matrix behind its judgment rated C1, C3 and
    # C12 too; the supervisor's package came without those rows and ranked H2 by 0.00, not 1.00.
    body = f"We assess the group acted [@{evidence['killed']}]."
    note = lib.notes.create("Judged", "test", [("assessment", "Assessment")],
                            bodies={"assessment": body})  # fmt: skip
    judge(lib, note.id, q1, "H1", "moderate")
    findings = _uncited(run_checks(lib, lib.notes.get(note.id), PROFILE).findings)
    denial, police = evidence["denial"], evidence["police"]
    assert [(f.severity, f.message, f.excerpt) for f in findings] == [
        (
            "info",
            f"The Q1 matrix behind the judgment rates {denial} and {police}, which the note "
            "does not cite: its reader cannot trace the judgment to them",
            f"Q1 {denial}",
        )
    ]


def test_rows_cited_switched_off_or_unrated_are_not_named(
    lib: Library, q1: int, evidence: dict[str, str]
) -> None:
    killed, denial, police = (evidence[k] for k in ("killed", "denial", "police"))
    lib.ach.switch(q1, police, False)  # off: not scored, not the judgment's
    lib.ach.rate(q1, "H1", denial, "")
    lib.ach.rate(q1, "H2", denial, "")  # unrated: weighs nothing
    body = f"We assess the group acted [@{killed}]."
    note = lib.notes.create("Judged", "test", [("assessment", "Assessment")],
                            bodies={"assessment": body})  # fmt: skip
    judge(lib, note.id, q1, "H1", "moderate")
    assert _uncited(run_checks(lib, lib.notes.get(note.id), PROFILE).findings) == []
    # No judgment: no matrix behind the note.
    assert _uncited(judged(lib, q1, None, "")) == []
