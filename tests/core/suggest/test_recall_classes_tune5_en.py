"""English statements the fifth tune batch missed, by class, in sentences written here.

Issue 21, fifth pass (English "frame", "no-verb", "span" and "document" classes): a quotation
credited by a verb outside the word list, a quotation running on over several sentences, turns
of phrase of news English that report speech, and passives whose speakers go unnamed.
"""

from __future__ import annotations

import pytest

from tests.core.suggest.suggested import found


@pytest.mark.parametrize(
    ("text", "party", "quote"),
    [
        (
            "Nadia Petrov runs the shelter. “We never turn anyone away,” she beamed at the gate.",
            "Nadia Petrov",
            "We never turn anyone away",
        ),
        (
            "Omar Haddad took the stage. “The budget is a fraud,” he thundered from the podium.",
            "Omar Haddad",
            "The budget is a fraud",
        ),
        (
            "“The rats were clever,” remembers Joan Tully, a ranger on the island, with a grin.",
            "Joan Tully",
            "The rats were clever",
        ),
        (
            "“Nobody expected a flood,” shrugs Paul Marsh.",
            "Paul Marsh",
            "Nobody expected a flood",
        ),
    ],
)
def test_a_verb_outside_the_word_list_after_a_quotation_credits_the_person_there(
    text: str, party: str, quote: str
) -> None:
    assert found(text) == [(party, quote)]


def test_the_quotation_after_such_a_credit_goes_on_in_the_speakers_name() -> None:
    text = (
        "“The rats were clever,” remembers Joan Tully, a ranger on the island.\n"
        "“They learned to avoid every trap we set.”"
    )
    assert found(text) == [
        ("Joan Tully", "The rats were clever"),
        ("Joan Tully", "They learned to avoid every trap we set"),
    ]


def test_a_performed_quotation_or_a_place_after_it_credits_no_one() -> None:
    # Lyrics sung are no statement; a place or a thing after a quotation is no speaker.
    assert found("Mary Okoro wrote the song. “Had to find my own way,” she sings.") == []
    assert found("“The Long Road,” opened Paris Cinema in 1998.") == []


_RUN_ON = (
    "Lena Ortiz, 34, finished the race in second place.\n"
    'She said: "I trained for a year. But the heat was brutal, I nearly stopped twice.\n'
    '"The last mile was the worst. My legs simply gave up."\n'
    "The organisers said the race would move to October."
)


def test_a_quotation_an_attribution_opens_runs_on_to_where_it_closes() -> None:
    # One quotation over several sentences is one statement; the paragraph after it, opening
    # the quotation again, goes on in the same speaker's name.
    assert found(_RUN_ON) == [
        ("Lena Ortiz", "I trained for a year. But the heat was brutal, I nearly stopped twice"),
        ("Lena Ortiz", "The last mile was the worst. My legs simply gave up"),
        ("The organisers", "the race would move to October"),
    ]


def test_a_closed_quotation_does_not_run_on_into_the_authors_sentences() -> None:
    text = (
        'Lena Ortiz said: "I trained for a year." The heat that day reached 38C. '
        "Few runners finished."
    )
    assert found(text) == [("Lena Ortiz", "I trained for a year")]


@pytest.mark.parametrize(
    ("text", "party", "quote"),
    [
        (
            "Helen Brandt raises the question of whether the ban can be enforced at all.",
            "Helen Brandt",
            "whether the ban can be enforced at all",
        ),
        (
            "The researchers also raised questions about the way the grants were awarded.",
            "The researchers",
            "the way the grants were awarded",
        ),
        (
            "Last week, Tomas Novak broke the news that the mill would close in June.",
            "Tomas Novak",
            "the mill would close in June",
        ),
        (
            "Ruth Adler draws our attention to a famine that the world has ignored.",
            "Ruth Adler",
            "a famine that the world has ignored",
        ),
        (
            "The coroner determined that the driver had not been drinking.",
            "The coroner",
            "the driver had not been drinking",
        ),
        (
            "The blogger Sam Ortiz has published rumors that the studio is for sale.",
            "Sam Ortiz",
            "the studio is for sale",
        ),
        (
            "The senator made the claim that the count was rigged.",
            "The senator",
            "the count was rigged",
        ),
    ],
)
def test_turns_of_phrase_that_report_speech(text: str, party: str, quote: str) -> None:
    assert found(text) == [(party, quote)]


@pytest.mark.parametrize(
    "text",
    [
        # A thing raises questions or draws attention without anyone speaking.
        "The outage raised questions about the safety of the plant.",
        "The flood drew attention to the plight of seasonal workers.",
        "The sun came out against a grey sky.",
        # Breaking news with nothing said, being determined, facing a claim: no statement.
        "The coach chose Rosa to break the news to the team.",
        "She was determined to finish the race.",
        "The mayor faced allegations that he had lied.",
    ],
)
def test_the_same_words_without_a_speaker_or_a_statement_suggest_nothing(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "party", "quote"),
    [
        (
            "There were rumors last month that the club would move to Leeds.",
            "",
            "the club would move to Leeds",
        ),
        (
            "There have been suggestions that the ballots were tampered with.",
            "",
            "the ballots were tampered with",
        ),
        (
            "For decades, the lake was assumed to be lifeless.",
            "",
            "For decades, the lake was assumed to be lifeless",
        ),
        (
            "As the story goes, the founder sold his car to pay the first rent.",
            "",
            "the founder sold his car to pay the first rent",
        ),
        (
            "Few share the view, as argued in the new study, that the tax will pay for itself.",
            "the new study",
            "Few share the view, as argued in the new study, that the tax will pay for itself",
        ),
    ],
)
def test_statements_whose_speakers_go_unnamed_or_are_a_document(
    text: str, party: str, quote: str
) -> None:
    assert found(text) == [(party, quote)]


@pytest.mark.parametrize(
    "text",
    [
        # States of mind, an assumption of one's own, a duty taken over: no statement.
        "There are fears that the dam will break.",
        "He assumed that the door was locked.",
        "The role was assumed by his deputy.",
    ],
)
def test_fears_and_assumptions_of_ones_own_are_no_statements(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("Closing the rink has drawn sharp criticism from hockey greats.", "hockey greats"),
        ("The new night rota has drawn complaints from nurses.", "nurses"),
        ("The auditors also raised questions about how the grants were awarded.", "The auditors"),
    ],
)
def test_people_named_by_a_common_noun_can_speak(text: str, party: str) -> None:
    # Greats, nurses, auditors: nouns for people, so what they are said to say is theirs.
    assert [p for p, _ in found(text)] == [party]


def test_a_features_present_tense_whisper_is_the_role_the_sentence_before_names() -> None:
    # "He" is the waiter the sentence before is about, not the winemaker named earlier.
    text = (
        "Tomas Weber has made wine here since 1981, he says.\n"
        "I order a glass in the tavern. The waiter returns with a carafe. "
        'He sets it on the table and whispers, "So you found our little secret?"'
    )
    assert found(text)[-1] == (
        "The waiter",
        'He sets it on the table and whispers, "So you found our little secret?"',
    )


def test_a_present_tense_shout_after_a_quotation_credits_the_speaker_after_it() -> None:
    assert found("“Get off the bridge,” shouts the guard.") == [("the guard", "Get off the bridge")]
    # A whisper with no quotation beside it reports nothing.
    assert found("She whispers to her son and they leave.") == []


@pytest.mark.parametrize(
    ("text", "party", "quote"),
    [
        (
            "Saying the tender was rigged, the councillor voted against the contract.",
            "the councillor",
            "the tender was rigged",
        ),
        (
            "Warning that fares would rise, the rail company cut its timetable.",
            "the rail company",
            "fares would rise",
        ),
        (
            "LEEDS (May 2) -- Declaring “the future of the club” is at stake, chairman Ian Cole "
            "has ordered a review of the academy.",
            "Ian Cole",
            "the future of the club” is at stake",
        ),
        (
            "But insisting that she had done nothing wrong, Ms Varga refused to resign.",
            "Ms Varga",
            "she had done nothing wrong",
        ),
    ],
)
def test_a_sentence_opening_on_what_its_subject_says_is_the_subjects_statement(
    text: str, party: str, quote: str
) -> None:
    assert found(text) == [(party, quote)]


@pytest.mark.parametrize(
    "text",
    [
        # An object after the participle, a greeting, or no one after the comma: nothing said.
        "Warning the public, the mayor closed the park.",
        "Saying goodbye, the singer left the stage.",
        "Stating that the data is old, it is clear that the model fails.",
    ],
)
def test_a_fronted_participle_without_a_clause_or_a_speaker_reports_nothing(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("Ana Reyes commented that the budget was far too small.", "the budget was far too small"),
        ("“It is far too small,” Ana Reyes commented.", "It is far too small"),
        ("Ana Reyes swore that she had never seen the letter.", "she had never seen the letter"),
        (
            "Ana Reyes guaranteed that the bridge would open by June.",
            "the bridge would open by June",
        ),
        (
            "Ana Reyes implored lawmakers to act before the recess.",
            "lawmakers to act before the recess",
        ),
        ("Ana Reyes pleaded with the judge to spare her son.", "the judge to spare her son"),
        (
            "Ana Reyes made no secret of her view that the merger would fail.",
            "her view that the merger would fail",
        ),
        (
            "Ana Reyes took issue with the claim that the merger would save jobs.",
            "the claim that the merger would save jobs",
        ),
        (
            "Ana Reyes pushed back on the idea that the merger would save jobs.",
            "the idea that the merger would save jobs",
        ),
        ("Ana Reyes spoke of a “lost decade” for the valley.", "a “lost decade” for the valley"),
    ],
)
def test_more_verbs_of_saying(text: str, quote: str) -> None:
    assert found(text) == [("Ana Reyes", quote)]


@pytest.mark.parametrize(
    "text",
    [
        # Nothing said after "commented", a topic spoken of, a plea by no one who speaks.
        "Her office has not commented on the allegations.",
        "The clip went viral, and even the singer’s daughter, Ana Reyes, commented.",
        "The ministry commented on the report.",
        "Speaking of the regulators, Reyes was blunt about their record.",
        "The dog begged for food at the table.",
    ],
)
def test_the_same_verbs_with_nothing_said_report_nothing(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        # The attribution set off inside the sentence: all of it is what was said.
        ("The tender, says Ana Reyes, was rigged.", "The tender, says Ana Reyes, was rigged"),
        (
            "Asked about the tender, Ana Reyes was blunt: “It was rigged.”",
            "Asked about the tender, Ana Reyes was blunt: “It was rigged.”",
        ),
        (
            "Ana Reyes has a simple message for voters: the tender was rigged.",
            "Ana Reyes has a simple message for voters: the tender was rigged",
        ),
        (
            "The tender was rigged, as far as Ana Reyes is concerned.",
            "The tender was rigged, as far as Ana Reyes is concerned",
        ),
    ],
)
def test_whose_view_a_sentence_gives(text: str, quote: str) -> None:
    assert found(text) == [("Ana Reyes", quote)]


def test_as_far_as_a_thing_or_the_author_is_concerned_is_no_one_elses_view() -> None:
    assert found("As far as the weather is concerned, the forecast is good.") == []
    assert found("As far as I am concerned, the matter is closed.") == []


@pytest.mark.parametrize(
    ("text", "party", "quote"),
    [
        (
            "Lena Fischer contradicts the assumption that older drivers cause more crashes.",
            "Lena Fischer",
            "the assumption that older drivers cause more crashes",
        ),
        (
            "On her blog, Lena Fischer considers the ruling to be “absurd”: no law bans it.",
            "Lena Fischer",
            "the ruling to be “absurd”: no law bans it",
        ),
    ],
)
def test_a_claim_contradicted_or_a_judgment_quoted(text: str, party: str, quote: str) -> None:
    assert found(text) == [(party, quote)]


@pytest.mark.parametrize(
    "text",
    [
        "The new figures contradict each other.",
        "The board considered the offer on Monday.",
        "Consider the case of a nurse in Leeds.",
    ],
)
def test_contradicting_or_considering_without_a_claim_or_a_quote_reports_nothing(
    text: str,
) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The valley has long been seen as a testing ground for new drones.",
        "While the bridge is often thought of as the work of one man — Ivo Lang — the truth is "
        "that it was designed by a team, helped along by Mara Hess.",
    ],
)
def test_a_view_held_now_by_people_unnamed(text: str) -> None:
    # (The "by" after a dash is another clause's: not the one who holds the view.)
    assert [p for p, _ in found(text)] == [""]


def test_a_view_held_in_the_storys_past_is_the_storys_own() -> None:
    assert found("The bridge was seen as a symbol of the city.") == []


def test_a_reports_findings_listed_after_a_colon_are_the_reports() -> None:
    text = (
        "A new report from the Leeds Institute says rents are out of reach in ten cities.\n"
        "The report compared wages and rents over twenty years.\n"
        "Powered by RentWatch.com\n"
        "Among its key findings: rents rose twice as fast as wages in every city."
    )
    # ("Powered by …" under the paragraph is the page's furniture, not what "its" means.)
    assert found(text)[-1] == (
        "A new report from the Leeds Institute",
        "Among its key findings: rents rose twice as fast as wages in every city",
    )
    assert found("Among the survey’s main findings: most tenants pay too much.") == [
        ("the survey", "Among the survey’s main findings: most tenants pay too much")
    ]
    assert found("Among the findings: most tenants pay too much.") == []


def test_a_bare_count_of_speakers_names_them() -> None:
    assert found("2,000 protesters said the count was rigged.") == [
        ("2,000 protesters", "the count was rigged")
    ]
    # A number before a thing is no count of speakers.
    assert found("Some 2,000 pages were released on Friday.") == []


@pytest.mark.parametrize(
    ("text", "party", "quote"),
    [
        (
            "Former coach Rita Vance remembers once finding the whole team asleep on the bus.",
            "Rita Vance",
            "once finding the whole team asleep on the bus",
        ),
        (
            "Club officials remembered Novak as a “gentle giant” of the league.",
            "Club officials",
            "Novak as a “gentle giant” of the league",
        ),
    ],
)
def test_a_recollection_told_is_a_statement(text: str, party: str, quote: str) -> None:
    assert found(text) == [(party, quote)]


@pytest.mark.parametrize(
    "text",
    [
        "He remembered to lock the door.",
        "Fans remembered him fondly.",
        "The museum remembers the victims with a plaque.",
        "He made no secret of it.",
        "Her brother also remembers it as a difficult time.",
        "I remember it very vividly.",
        "People would remember that the offer was made.",
    ],
)
def test_remembering_to_do_something_or_ones_own_description_is_no_statement(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        (
            "Ana Reyes was quoted by the Gazette as saying the mill would close.",
            "the mill would close",
        ),
        ("Ana Reyes has gone on record saying the mill would close.", "the mill would close"),
        ("Ana Reyes gave assurances that the mill would stay open.", "the mill would stay open"),
        ("Ana Reyes let slip that the mill would close in May.", "the mill would close in May"),
        (
            "Ana Reyes brushed off suggestions that the mill would close.",
            "suggestions that the mill would close",
        ),
        (
            "Ana Reyes poured cold water on talk of a merger with the rival mill.",
            "talk of a merger with the rival mill",
        ),
        (
            "Ana Reyes struck a defiant note: the mill would stay open.",
            "Ana Reyes struck a defiant note: the mill would stay open",
        ),
    ],
)
def test_idioms_of_news_english_that_report_speech(text: str, quote: str) -> None:
    assert found(text) == [("Ana Reyes", quote)]


def test_a_quotation_named_as_someones_message_is_theirs() -> None:
    assert [p for p, _ in found("“Keep the mill open” was the message from Ana Reyes.")] == [
        "Ana Reyes"
    ]


def test_brushing_off_a_claim_is_a_denial_and_brushing_off_dust_is_nothing() -> None:
    from briefing_app.core.suggest import suggest_claims

    (denial,) = suggest_claims("Ana Reyes scoffed at claims that the mill was sold.")
    assert denial.kind == "denial"
    assert found("He brushed off the dust and scoffed at the waiter.") == []
    assert found("The rain poured cold water on the parade.") == []


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("Ana Reyes's position has been that the mill should close.", "Ana Reyes"),
        ("The company's stance is that the product is safe.", "The company"),
        ("The view of Ana Reyes is that the mill should close.", "Ana Reyes"),
        ("The explanation from officials was that the mill was shut for repairs.", "officials"),
        ("Ana Reyes spoke first. Her view is that the mill should close.", "Ana Reyes"),
    ],
)
def test_a_view_named_by_its_noun_is_its_holders(text: str, party: str) -> None:
    assert [p for p, _ in found(text)] == [party]


def test_a_fear_or_a_hope_named_by_its_noun_is_no_statement() -> None:
    assert found("Ana Reyes's fear is that the mill will close.") == []
    assert found("Her hope is that the mill will reopen.") == []


def test_what_was_called_for_ends_where_the_author_sets_others_against_it() -> None:
    assert found(
        "Thousands of farmers have called for the minister’s resignation, while a smaller "
        "crowd rallied in support of him."
    ) == [("Thousands of farmers", "the minister’s resignation")]
    # What was said keeps its own "while": the officials said both.
    assert found("Officials said ten people died, while twenty were injured.") == [
        ("Officials", "ten people died, while twenty were injured")
    ]


def test_a_quotation_after_said_and_a_comma_is_the_statement_not_the_attribution() -> None:
    assert found("Ana Reyes said, “The mill is closed.”") == [("Ana Reyes", "The mill is closed")]


def test_the_name_set_off_after_an_inverted_role_is_the_speaker() -> None:
    assert found("“We have lost the mill,” said the mayor, Ana Reyes.") == [
        ("Ana Reyes", "We have lost the mill")
    ]
    assert found("The mill is lost, said the mayor, Ana Reyes, on Monday.") == [
        ("Ana Reyes", "The mill is lost")
    ]


def test_a_description_after_an_inverted_speaker_is_no_part_of_what_was_said() -> None:
    assert found(
        "The toughest states are these five, said Ira Vogel, co-editor of the digest."
    ) == [("Ira Vogel", "The toughest states are these five")]


def test_a_participle_phrase_setting_the_scene_is_no_part_of_what_was_said() -> None:
    text = (
        "Phoning in from Leeds, Reyes remembered the worry of the last week: “We had no "
        "song at all,” Reyes said."
    )
    assert found(text) == [("Reyes", "the worry of the last week: “We had no song at all,”")]
    assert found("Citing new data, the agency noted that the fires were fewer this year.") == [
        ("the agency", "the fires were fewer this year")
    ]


@pytest.mark.parametrize(
    ("text", "party", "quote"),
    [
        (
            "Here's what the ministry said about the closure: the mill will not reopen.",
            "the ministry",
            "Here's what the ministry said about the closure: the mill will not reopen",
        ),
        (
            "Emails obtained by the Gazette show the company hid the defects.",
            "Emails",
            "the company hid the defects",
        ),
        ("The mill will close, a ministry memo shows.", "a ministry memo", "The mill will close"),
        (
            "A petition signed by 40 doctors calls for free flu vaccines.",
            "A petition",
            "free flu vaccines",
        ),
    ],
)
def test_documents_and_lead_ins_that_speak(text: str, party: str, quote: str) -> None:
    assert found(text) == [(party, quote)]


def test_a_lead_in_ending_its_sentence_or_messages_found_report_nothing_here() -> None:
    # (What follows "Here is what the early reviews say:" is credited block by block.)
    assert found("Here is what the early reviews say:") == []
    assert found("Text messages found on the phone show he planned the attack.") == []


_PULL_QUOTE = (
    "The last days of the town library\n"
    '"We never wanted to close the library for good."\n'
    "The council shut the building in May.\n"
    '"The roof was failing, but we never wanted to close the library for good," says Ana Reyes.\n'
)


def test_a_pull_quote_repeating_a_speakers_words_is_theirs() -> None:
    assert found(_PULL_QUOTE)[0] == ("Ana Reyes", "We never wanted to close the library for good")


def test_a_heading_or_a_slogan_in_quotation_marks_is_no_pull_quote() -> None:
    # A heading has no full stop; a slogan is too short to be anyone's statement.
    text = (
        "‘We must keep the library open’\n"
        "“Read. We’re on it.”\n"
        '"We must keep the library open. We’re on it," says Ana Reyes.\n'
    )
    assert [q for _, q in found(text)] == [
        "We must keep the library open. We’re on it",
    ]


def test_the_word_every_passive_match_holds_is_a_plain_word_outside_groups() -> None:
    from briefing_app.core.suggest.attribution import _required_word

    # (The passives look for it before trying the pattern, so it must be in every match.)
    assert _required_word(r"\bthere (?:are|were) (?:rumou?rs|reports) that\b") == "there"
    assert _required_word(r"\b(?:is|are) (?:once )?assumed (?:to|that)\b") == "assumed"
    assert _required_word(r"\brumou?r has it\b") == ""
    assert _required_word(r"\b(?:reportedly|allegedly)\b") == ""


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("In one study, the diet cut snacking by a third.", "one study"),
        (
            "In a recent trial of 60 nurses, the night rota raised error rates.",
            "a recent trial of 60 nurses",
        ),
    ],
)
def test_a_sentence_opening_on_a_study_gives_its_finding(text: str, party: str) -> None:
    assert [p for p, _ in found(text)] == [party]


def test_an_experiment_of_the_authors_own_is_no_study_speaking() -> None:
    assert found("In a recent experiment I conducted, two opt-out links failed.") == []


def test_an_outlet_that_understands_reports_and_a_person_who_understands_does_not() -> None:
    assert found("Sky News understands that the talks have collapsed.") == [
        ("Sky News", "the talks have collapsed")
    ]
    assert found("The minister understands that the risk is high.") == []
    assert found("Ana Reyes understands that the risk is high.") == []


def test_an_outlets_own_earlier_report_is_a_statement_with_no_one_named() -> None:
    assert found("As we reported, the singer was taken to hospital on Tuesday.") == [
        ("", "the singer was taken to hospital on Tuesday")
    ]
    assert found("We reported the theft to the police.") == []


def test_coming_out_against_a_backdrop_is_no_stand_taken() -> None:
    assert found("The report came out against the backdrop of rising prices.") == []
    assert [p for p, _ in found("Nurses have come out against the new rota.")] == ["Nurses"]


def test_begging_the_question_is_a_turn_of_phrase() -> None:
    assert found("It begs the question: who pays for the new bridge?") == []


def test_a_provision_guarantees_nothing_said() -> None:
    assert found("The law guarantees that every child has a school place.") == []
    assert [p for p, _ in found("The ministry guaranteed that the bridge would open.")] == [
        "The ministry"
    ]
