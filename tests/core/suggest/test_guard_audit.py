"""The guard audit: each refused reporting verb names the guard that refused it."""

from __future__ import annotations

from briefing_app.core.suggest.attribution import find_attributions, guard_audit
from briefing_app.core.suggest.languages import lexicon_for
from tests.core.suggest.suggested import found

EN = lexicon_for("en")


def test_a_refused_verb_names_its_guard() -> None:
    sentence = "The scan revealed a small fracture in the wrist."
    with guard_audit() as refusals:
        assert find_attributions(sentence, EN) == []
    assert refusals == [(9, "action-after:reveal")]


def test_a_waived_guard_lets_the_verb_through_only_inside_the_audit() -> None:
    sentence = "Residents see the river rise every spring."
    with guard_audit(waive=["see-not-forecast"]) as refusals:
        assert [a.party for a in find_attributions(sentence, EN)] == ["Residents"]
    assert refusals == []
    assert find_attributions(sentence, EN) == []


def test_outside_an_audit_nothing_is_recorded_and_suggestions_are_unchanged() -> None:
    with guard_audit() as refusals:
        pass
    assert found("Add sugar and stir.") == []
    assert refusals == []
