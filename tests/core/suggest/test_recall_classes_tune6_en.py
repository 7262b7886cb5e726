"""English statements the sixth tune batch missed, by class, in sentences written here.

Issue 21, sixth pass (English recall: "rejected", "no-verb", "frame" and "span" classes of hard
news): quotations running on over paragraphs in a text that lost its line breaks, and the
short news frames of wire copy.
"""

from __future__ import annotations

from briefing_app.core.suggest.languages import lexicon_for
from briefing_app.core.suggest.sentences import split_sentences
from tests.core.suggest.suggested import found, parties

ABBREVIATIONS = lexicon_for("en").abbreviations


def test_a_quotation_reopened_in_a_text_without_line_breaks_ends_where_the_next_one_opens() -> None:
    # News style leaves a quotation open at its paragraph's end and opens it again in the next
    # paragraph; with the line breaks lost, the reopening mark shows where the paragraph ended.
    text = (
        'Mayor Ann Reid says the bridge will reopen. "Crews are working day and night. '
        '"We expect traffic back by Friday," Ms Reid said. Power is back, the utility says. '
        '"Most homes have light. "A few streets will wait a week," a spokesman said.'
    )
    assert [s.text for s in split_sentences(text, ABBREVIATIONS)] == [
        "Mayor Ann Reid says the bridge will reopen.",
        '"Crews are working day and night.',
        '"We expect traffic back by Friday," Ms Reid said.',
        "Power is back, the utility says.",
        '"Most homes have light.',
        '"A few streets will wait a week," a spokesman said.',
    ]
    assert found(text) == [
        ("Mayor Ann Reid", "the bridge will reopen"),
        ("Mayor Ann Reid", "Crews are working day and night"),
        ("Ann Reid", "We expect traffic back by Friday"),
        ("the utility", "Power is back"),
        ("the utility", "Most homes have light"),
        ("a spokesman", "A few streets will wait a week"),
    ]


def test_statements_after_a_run_of_reopened_quotations_are_still_found() -> None:
    # Before, the marks paired the wrong way round and the sentences after the run were taken
    # as quoted words: "Tom Hale said …" went unseen.
    text = (
        'Tom Hale says the fire is contained. "It burned for three days. '
        '"Nobody was hurt." The crews left at dawn. Tom Hale said the cause was lightning. '
        '"We will stay on alert," he said. "The roads are open. "Schools too," he added.'
    )
    assert found(text) == [
        ("Tom Hale", "the fire is contained"),
        ("Tom Hale", "It burned for three days"),
        ("Tom Hale", "Nobody was hurt"),
        ("Tom Hale", "the cause was lightning"),
        ("Tom Hale", "We will stay on alert"),
        ("Tom Hale", "The roads are open"),
        ("Tom Hale", "Schools too"),
    ]


def test_a_quotation_closed_in_its_own_paragraph_keeps_its_sentences_together() -> None:
    text = '"Go home. Stay safe," the chief said.'
    assert [s.text for s in split_sentences(text, ABBREVIATIONS)] == [text]


def test_blame_in_a_relative_clause_describes_someone_and_reports_nothing() -> None:
    # "the group which is blamed for the attacks" says who the group is, background.
    assert found("Ali Khan leads the group which is blamed for the bombing in May.") == []
    # A sentence of its own still says someone unnamed blamed it.
    assert found("The storm was blamed for scores of accidents on the coast.") != []


def test_a_colon_quotation_reopened_after_it_is_a_statement_of_its_own() -> None:
    # 'X said: "A. "B."' with the line break lost: the first quotation ends where the next
    # opens, and the next goes on in the same name.
    text = (
        'Jo Tan, a nurse, said: "The ward was full all night. '
        '"We turned nobody away. It was hard." Dr Lee Park says beds are short. '
        '"Staff are tired. "They need rest," he said.'
    )
    assert found(text) == [
        ("Jo Tan", "The ward was full all night"),
        ("Jo Tan", "We turned nobody away. It was hard"),
        ("Dr Lee Park", "beds are short"),
        ("Dr Lee Park", "Staff are tired"),
        ("Lee Park", "They need rest"),
    ]


def test_whom_a_party_quotes_set_off_by_commas_stands_between_party_and_verb() -> None:
    assert found("The state news agency, quoting local officials, said six people died.") == [
        ("The state news agency", "six people died")
    ]
    assert found("The ministry, citing police reports, said two men were held.") == [
        ("The ministry", "two men were held")
    ]


def test_a_news_or_press_agency_is_a_party_though_its_modifier_ends_in_s() -> None:
    assert found("The press agency said the talks had failed.") == [
        ("The press agency", "the talks had failed")
    ]


def test_a_short_party_after_a_clause_setting_the_scene_speaks() -> None:
    # "While …, the weather bureau says …": the clause before the comma sets the scene.
    assert found(
        "While the floods are expected to recede slowly this week, the weather bureau says "
        "more rain will fall."
    ) == [("the weather bureau", "more rain will fall")]


def test_a_clause_opened_by_but_before_a_closing_attribution_is_what_was_said() -> None:
    # Short as it is, "But two guards were hurt," is a clause, not a phrase setting the scene.
    assert found("The gate held. But two guards were hurt, police said.") == [
        ("police", "But two guards were hurt")
    ]
    # A scene-setting phrase after "But" still leaves what follows the verb as the statement.
    assert found("But in the end, officials said, the deal fell through.") == [
        ("officials", "the deal fell through")
    ]


def test_as_an_outlet_reports_credits_the_outlet_with_the_rest_of_the_sentence() -> None:
    assert found("As Reuters reports, the talks stalled on Monday.") == [
        ("Reuters", "the talks stalled on Monday")
    ]
    # A speaker's own verb after it takes the statement: no "As Reuters reports" alone.
    assert parties("As Reuters reports, the firm announced that it would cut 200 jobs.") == [
        "the firm"
    ]


def test_a_time_phrase_inside_a_relative_clause_keeps_the_name_before_it_the_party() -> None:
    # "…, which on Monday said …": the body named before the comma said it.
    assert parties("The union, which on Monday said talks had failed, called a strike.") == [
        "The union"
    ]


def test_news_frames_outside_the_word_list_credit_their_subject() -> None:
    # An objection, praise voiced, an assurance given in the perfect, a possibility kept open.
    assert found("Norway and the European Union have objected to the quota.") == [
        ("Norway and the European Union", "the quota")
    ]
    assert parties("Farmers have applauded the new water rules.") == ["Farmers"]
    assert found("Acme has given assurances that laid-off staff will be paid in full.") == [
        ("Acme", "laid-off staff will be paid in full")
    ]
    assert found("The pilots' union has not ruled out strikes over the holidays.") == [
        ("The pilots' union", "strikes over the holidays")
    ]
    # An audience's clapping says nothing.
    assert found("The audience applauded.") == []


def test_it_never_stands_for_two_parties_named_together() -> None:
    text = (
        "Spain said the treaty was fair. Norway and the European Union have objected to the "
        "quota. A founding member of the pact, it has criticised the delay."
    )
    assert parties(text) == ["Spain", "Norway and the European Union", "Spain"]


def test_a_quotation_left_open_before_the_story_goes_on_does_not_swallow_the_story() -> None:
    # 'Mr Cole said. "A. The crowd … . Aid groups say … . "B," …': the sentences between
    # speak of no I, we or you: the story's own, each found on its own.
    text = (
        '"The storm is over," Mr Cole said. "We will rebuild the harbour wall. '
        "Rescue teams searched the coast at dawn. Aid groups say food is running short. "
        '"The worst is behind us," the mayor said.'
    )
    assert found(text) == [
        ("Mr Cole", "The storm is over"),
        ("Mr Cole", "We will rebuild the harbour wall"),
        ("Aid groups", "food is running short"),
        ("the mayor", "The worst is behind us"),
    ]


def test_a_quotation_left_open_over_several_spoken_sentences_stays_one() -> None:
    text = (
        '"The storm is over," Mr Cole said. "We will rebuild the wall. It will take us a year. '
        '"The worst is behind us," he said. "Aid is coming."'
    )
    assert found(text)[1] == ("Mr Cole", "We will rebuild the wall. It will take us a year")


def test_it_is_understood_without_that_is_an_unnamed_source() -> None:
    assert found("It is understood the coach will quit after the final.") == [
        ("", "the coach will quit after the final")
    ]
    assert found("It was feared Smith had drowned.") == [("", "Smith had drowned")]
    # "It is believed to be …" is the other passive, still one statement.
    assert len(found("It is believed to be the oldest bridge in the county.")) == 1


def test_a_reduced_passive_of_belief_after_a_comma_is_an_unnamed_source() -> None:
    assert parties("Soldiers are searching the valley for the gunmen, believed to be armed.") == [
        ""
    ]


def test_the_progressive_of_criticise_reports_criticism() -> None:
    assert found("Teachers are criticising the new exam timetable.") == [
        ("Teachers", "the new exam timetable")
    ]


def test_a_time_phrase_after_an_appositive_leaves_the_name_before_it_the_party() -> None:
    assert found("Acme Inc., the largest grocer in the state, last year pledged to cut waste.") == [
        ("Acme Inc.", "to cut waste")
    ]


def test_an_appositive_naming_a_quoted_title_leaves_the_name_before_it_the_party() -> None:
    # The comma inside the title's closing mark ends the title, not the appositive.
    assert found(
        'Mira Stone, author of the 2019 essay "Against the Tide," argued that ports were failing.'
    ) == [("Mira Stone", "ports were failing")]
    # A quotation before "said X" still splits where it closes.
    assert found("“We lost the lists, and the data is gone,” said Ana Ruiz of Acme.") == [
        ("Ana Ruiz", "We lost the lists, and the data is gone")
    ]


def test_coming_out_against_or_for_something_is_a_stance_voiced() -> None:
    assert found("Teachers have come out against the plan.") == [("Teachers", "the plan")]
    assert parties("The senator came out in favour of the bill.") == ["The senator"]
    # "against all odds" is no stance taken.
    assert found("The twins came out against all odds.") == []


def test_an_outlet_and_its_medium_told_are_the_listener_not_what_was_said() -> None:
    assert found("The premier has told ABC radio the dam is safe.") == [
        ("The premier", "the dam is safe")
    ]
    assert found("Ms Price told the BBC's Today programme the plan had failed.") == [
        ("Ms Price", "the plan had failed")
    ]


def test_a_coroner_or_a_jury_finding_reports_a_finding() -> None:
    assert found("The coroner has found the fire was lit on purpose.") == [
        ("The coroner", "the fire was lit on purpose")
    ]
    assert parties("The jury found the driver was not to blame.") == ["The jury"]


def test_what_a_hearing_was_told_or_what_has_been_revealed_is_an_unnamed_source() -> None:
    assert parties("The inquiry was told this morning two pilots had resigned.") == [""]
    assert parties("The court was told, the driver had been drinking.") == [""]
    assert found("It has been revealed that the audit was never finished.") == [
        ("", "the audit was never finished")
    ]
    # Told to do something, or told the news: no statement.
    assert found("He was told to leave the building.") == []
    assert found("She was told the news by the police.") == []


def test_a_plural_party_joined_by_and_before_a_progressive_speaks() -> None:
    assert parties("The Nurses Federation and unions are criticising the new rosters.") == [
        "The Nurses Federation and unions"
    ]
