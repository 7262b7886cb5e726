"""Classes the suggester missed on the third tune batch and on a battery of attribution forms.

The sentences are written for these tests (issue 21, third pass): research findings as
speakers, unnamed findings and judgments, and speech verbs outside the earlier word list.
"""

from __future__ import annotations

import pytest

from tests.core.suggest.suggested import found


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("One study in 48 people found that the diet reduced snacking.", "One study in 48 people"),
        # (The whole phrase, its adjectives set off by a comma, as the annotators name it.)
        (
            "Another small, 6-week trial showed that the drug cut relapses.",
            "Another small, 6-week trial",
        ),
        ("A review of 15 studies found that the diet reduced snacking.", "A review of 15 studies"),
        ("Other studies indicate that walking lowers blood pressure.", "Other studies"),
        ("Research shows the habit forms within weeks.", "Research"),
        ("Plus, other research suggests that sleep improves recall.", "other research"),
    ],
)
def test_a_study_or_research_is_the_party_of_its_finding(text: str, party: str) -> None:
    assert [p for p, _ in found(text)] == [party]


@pytest.mark.parametrize(
    "text",
    [
        "Poor sleep has been shown to raise the levels of hunger hormones.",
        "Talking therapy is considered an effective treatment for the condition.",
        "Fasting was shown to improve focus in another trial.",
    ],
)
def test_unnamed_findings_and_judgments_are_passive_attributions(text: str) -> None:
    assert [p for p, _ in found(text)] == [""]


@pytest.mark.parametrize(
    "text",
    [
        "His X-ray, which was considered to be normal, was filed.",
        "The film is considered by many.",
    ],
)
def test_a_past_judgment_or_a_bare_considered_is_no_attribution(text: str) -> None:
    assert found(text) == []


def test_a_product_claim_according_to_the_brand_is_the_brands() -> None:
    text = "The lamp is bright and cheap to run, according to the brand."
    assert found(text) == [("the brand", "The lamp is bright and cheap to run")]


def test_a_verb_of_manner_followed_by_a_quotation_reports_it() -> None:
    text = 'A customer raved, "This is the best blender I have ever owned."'
    assert [p for p, _ in found(text)] == ["A customer"]
    # Without a quotation after (or before) it, "raved" reports nothing.
    assert found("The crowd raved all night.") == []


def test_an_age_noun_names_a_person() -> None:
    text = "The 34-year-old said she had not been paid for three months."
    assert found(text) == [("The 34-year-old", "she had not been paid for three months")]


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("Smith proposed that the theory is wrong.", "Smith"),
        ("The authors conclude that the drug cut deaths.", "The authors"),
        ("Zelensky appealed for more air defences.", "Zelensky"),
        ("Nadella made the case that the figures were misleading.", "Nadella"),
        ("Nadella raised concerns that the figures were misleading.", "Nadella"),
    ],
)
def test_speech_verbs_outside_the_first_word_list(text: str, party: str) -> None:
    assert [p for p, _ in found(text)] == [party]


@pytest.mark.parametrize(
    "text",
    [
        "The senator proposed a bill on Monday.",
        "The attack raised concerns that the government would be pressured.",
        "Clemson and others have made the case, but Alford has been the most vocal.",
    ],
)
def test_the_same_verbs_as_actions_or_without_a_speaker_report_nothing(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("A rep for the singer tells us she is resting at home.", "A rep for the singer"),
        ("The singer's camp says she is fine.", "The singer's camp"),
        ("TMZ has learned the singer was not arrested.", "TMZ"),
        ("Experts agree the risk is small.", "Experts"),
        ("Doe and her colleagues proved that the conjecture holds.", "Doe and her colleagues"),
        ("The simulations indicate that the universe is flat.", "The simulations"),
    ],
)
def test_outlet_and_science_writing_speakers(text: str, party: str) -> None:
    assert [p for p, _ in found(text)] == [party]


@pytest.mark.parametrize(
    "text",
    ["She proved her point on the court.", "He has learned to cook.", "They agree to differ."],
)
def test_proved_learned_and_agree_without_a_statement_report_nothing(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("In Brown's view, the town will rebuild within a year.", "Brown"),
        ("The town will rebuild, in Brown's telling.", "Brown"),
        ("Brown's argument is that the town will rebuild.", "Brown"),
        ("Brown's message was simple: the town would rebuild.", "Brown"),
        ("Smith’s conclusion: the theory is wrong.", "Smith"),
        ("Smith showed in 2019 that the theory is wrong.", "Smith"),
        ("Smith and Jones proposed in 2019 that the theory is wrong.", "Smith and Jones"),
        ("Peskov posted on Telegram that the reports were propaganda.", "Peskov"),
        ("Brown put it bluntly: the town would rebuild.", "Brown"),
    ],
)
def test_views_and_later_that_clauses_name_their_holder(text: str, party: str) -> None:
    assert [p for p, _ in found(text)] == [party]


@pytest.mark.parametrize(
    "text",
    [
        "In the long run, prices will fall.",
        "Trump's argument that the vote was rigged was rejected by the court.",
        "He posted the letter on Monday.",
    ],
)
def test_view_lookalikes_report_nothing(text: str) -> None:
    assert found(text) == []


def test_a_verb_after_another_report_does_not_make_a_second_speaker() -> None:
    text = (
        "A spokesperson who did not wish to be named said in a statement emailed to the paper "
        "that the agency would review the case."
    )
    assert len(found(text)) == 1


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("Peskov told reporters the reports were propaganda.", "the reports were propaganda"),
        ("Smith told the Associated Press that the plan failed.", "the plan failed"),
        ("Smith told CNN on Monday that the plan failed.", "the plan failed"),
        ("The minister told the court the man was innocent.", "the man was innocent"),
        ("Smith told him the plan had failed.", "the plan had failed"),
        ("Smith told the BBC: “We are fine.”", "We are fine"),
    ],
)
def test_the_listener_is_not_part_of_what_was_said(text: str, quote: str) -> None:
    assert [q for _, q in found(text)] == [quote]


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("The driver of the truck told officers he had fallen asleep.", "The driver of the truck"),
        (
            "Many of the 2,000 residents say the water tastes of metal.",
            "Many of the 2,000 residents",
        ),
        (
            "Those familiar with the plan say it will be announced soon.",
            "Those familiar with the plan",
        ),
        ("Her husband said the car had been stolen.", "Her husband"),
    ],
)
def test_more_party_shapes(text: str, party: str) -> None:
    assert [p for p, _ in found(text)] == [party]


def test_a_possessive_and_a_plural_still_names_no_one() -> None:
    # "its residents": whose residents the sentence does not say (issue 21's "not a party").
    assert [p for p, _ in found("Its residents said the water tastes of metal.")] == [""]


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("Climate change is to blame too, scientists think, with warmer seas.", "scientists"),
        ("The plan will fail, Smith believes.", "Smith"),
    ],
)
def test_a_thought_as_an_aside_reports_its_holder(text: str, party: str) -> None:
    assert [p for p, _ in found(text)] == [party]


@pytest.mark.parametrize(
    "text",
    [
        "I think we should go.",
        "Smith thinks the plan will fail.",  # a thought, not a report (the guide leaves it out)
        "The suspects fled on foot.",
        "The report by the German Marshall Fund think tank was cited.",
    ],
)
def test_thoughts_outside_an_aside_report_nothing(text: str) -> None:
    assert found(text) == []


def test_a_think_tank_is_still_a_source() -> None:
    text = "Prices rose by 5 percent, according to a report by the Fiscal Policy think tank."
    assert [p for p, _ in found(text)] == ["the Fiscal Policy think tank"]


@pytest.mark.parametrize(
    ("text", "party", "quote"),
    [
        (
            "The suspect, police said, fled on foot.",
            "police",
            "The suspect, police said, fled on foot",
        ),
        (
            "The mother of the victim, Jane Doe, said the police came late.",
            "Jane Doe",
            "the police came late",
        ),
        (
            "The plan is dead, said Maria Lopez, a senior adviser.",
            "Maria Lopez",
            "The plan is dead",
        ),
    ],
)
def test_asides_and_appositives_keep_what_was_said_whole(text: str, party: str, quote: str) -> None:
    # An aside inside the statement keeps both halves (a quote is one stretch of text); a name
    # between commas before "said" is the speaker, not the start of an inverted report.
    assert found(text) == [(party, quote)]


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("Acme global manager of advanced analytics Joe Shasteen said sales fell.", "Joe Shasteen"),
        ("Harvard physicist Jane Smith said the theory is wrong.", "Jane Smith"),
        (
            "The Department of Homeland Security said the rule stands.",
            "The Department of Homeland Security",
        ),
    ],
)
def test_a_job_description_before_a_name_is_not_the_party(text: str, party: str) -> None:
    assert [p for p, _ in found(text)] == [party]


@pytest.mark.parametrize(
    "text",
    [
        "As I’ve mentioned a couple of times, there are tons of forums about it.",
        "Aren’t those the kinds of things libertarians say they hate about government?",
    ],
)
def test_the_authors_voice_and_a_negated_question_name_no_party(text: str) -> None:
    assert all(
        p not in ("I’ve", "Aren’t those the kinds of things libertarians") for p, _ in found(text)
    )


def test_we_are_told_in_a_contraction_is_an_unnamed_report() -> None:
    assert [p for p, _ in found("We're told the split was amicable.")] == [""]


def test_a_relative_clause_party_may_hold_because() -> None:
    text = (
        "A spokesperson who did not wish to be named because of agency policy said the case "
        "would be reviewed."
    )
    assert [p for p, _ in found(text)] == [
        "A spokesperson who did not wish to be named because of agency policy"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "It sparked a little controversy, to say the least, among the fans.",
        "Needless to say, the fans were upset.",
        "She was the first woman to claim the title in a decade.",
        "The team claimed victory on Sunday.",
        "Kennedy protested the new rules alongside two activists.",
        "The ambassador testified before the committee on Friday.",
        "Looking back, I didn't want to admit it to myself.",
    ],
)
def test_turns_of_phrase_and_acts_report_nothing(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("Kennedy protested that the rules were unlawful.", "Kennedy"),
        ("The ambassador testified that she had been told to stop.", "The ambassador"),
        ("The group claimed responsibility for the attack.", "The group"),
    ],
)
def test_the_same_verbs_with_what_was_said_report_it(text: str, party: str) -> None:
    assert [p for p, _ in found(text)] == [party]


def test_it_never_resolves_to_a_person() -> None:
    text = "John Bel Edwards won the race. To start, it confirms recent polling on the race."
    assert all(p != "John Bel Edwards" for p, q in found(text) if "polling" in q)


def test_a_quoted_title_on_its_own_line_does_not_go_on_with_the_speaker() -> None:
    text = "“We wrote it in a week,” Harper said.\n“Wild Rose”\nThe film opens on Friday."
    assert [q for _, q in found(text)] == ["We wrote it in a week"]
