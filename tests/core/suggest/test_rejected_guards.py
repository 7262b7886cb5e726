"""Reporting verbs the guards refused although a speaker was there to find (issue 21, tune4).

The sentences are written for these tests: subjects the party search could not read (a
hyphenated role, a description before a name, a relative clause with auxiliaries), clauses of
comparison ("as X said"), passives naming their speaker after "by".
"""

from __future__ import annotations

import pytest

from tests.core.suggest.suggested import found, parties


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ('"We were never paid," the ex-employee recalled.', "the ex-employee"),
        ("The co-founder noted that the shop had never made a profit.", "The co-founder"),
    ],
)
def test_a_hyphenated_role_is_a_party(text: str, party: str) -> None:
    assert parties(text) == [party]


@pytest.mark.parametrize(
    ("text", "party"),
    [
        (
            "In the hills above the town, olive grower Maria Santos said half the crop was lost.",
            "Maria Santos",
        ),
        ("The vote may slip, according to analyst Tom Reyes, because of the strike.", "Tom Reyes"),
        ("Retired rowing champions like Anna Berg say the cuts will hurt.", "Anna Berg"),
    ],
)
def test_a_lower_case_description_before_a_name_leaves_the_name(text: str, party: str) -> None:
    assert parties(text) == [party]


def test_a_function_word_before_a_name_makes_no_party() -> None:
    # "added to Portrait Mode": a feature list, not a statement of "Portrait Mode".
    assert found('"Soft light" effect added to Night Mode') == []


@pytest.mark.parametrize(
    ("text", "party"),
    [
        (
            "The deal pleased investors like Sara Holt, who had long argued that the firm was "
            "cheap.",
            "Sara Holt",
        ),
        (
            "The memo was read out in front of Garcia, who proceeded to tell the staff that the "
            "plant would close.",
            "Garcia",
        ),
        ("Maria Lopez went on to say that the talks had collapsed.", "Maria Lopez"),
    ],
)
def test_a_relative_clause_with_auxiliaries_or_an_aspect_verb_speaks(text: str, party: str) -> None:
    assert parties(text) == [party]


@pytest.mark.parametrize(
    ("text", "party"),
    [
        (
            "Or perhaps, as one commenter in Leeds suggested, the rules were never meant to work.",
            "one commenter in Leeds",
        ),
        ("The plan, as critics have repeatedly argued, had failed.", "critics"),
    ],
)
def test_an_as_clause_names_who_said_it(text: str, party: str) -> None:
    assert parties(text) == [party]


def test_a_role_holder_right_before_the_verb_speaks_after_a_question() -> None:
    text = 'When asked what came next the club president said, "We will rebuild."'
    assert parties(text) == ["the club president"]


def test_a_role_holder_before_a_verb_with_an_object_is_not_taken() -> None:
    # "how the study emphasized these mutations…": no that-clause or quotation follows.
    text = "He ignored how the study emphasized these mutations were rare."
    assert found(text) == []


def test_a_plural_of_a_speaker_noun_names_speakers() -> None:
    text = '"It was chaos," one of the site managers present said later.'
    assert parties(text) == ["one of the site managers present"]


def test_a_counterfactual_would_have_reports_nothing() -> None:
    text = "It is no surprise that their managers would have answered that the rules were clear."
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("Those figures are disputed by Jane Okafor, an economist at the bank.", "Jane Okafor"),
        (
            "Several charities were wrongly labeled extremist groups by the interior ministry.",
            "the interior ministry",
        ),
        ("The scheme matched a plan divulged by Ana Ruiz in court.", "Ana Ruiz"),
        (
            'Tom Baker - the engineer branded as a "saboteur" by Kessler - was dismissed.',
            "Kessler",
        ),
    ],
)
def test_the_agent_of_a_passive_reporting_verb_is_the_party(text: str, party: str) -> None:
    assert parties(text) == [party]


@pytest.mark.parametrize(
    "text",
    [
        "The plan was criticised by the end of the week.",
        "A meeting called by the mayor was cancelled.",
    ],
)
def test_a_by_phrase_that_names_no_speaker_or_an_act_is_no_passive_attribution(
    text: str,
) -> None:
    assert found(text) == []


def test_whom_opens_a_clause_whose_subject_speaks() -> None:
    text = "He was replaced by Ruiz, a former aide whom Smith branded as a traitor to the party."
    assert parties(text) == ["Smith"]


def test_a_who_clause_with_a_negated_infinitive_leaves_the_role() -> None:
    text = "A nurse who didn't want to be named for fear of losing her job said the ward was full."
    assert parties(text) == ["A nurse who didn't want to be named for fear of losing her job"]


@pytest.mark.parametrize(
    ("text", "party"),
    [
        (
            "The March 3 letter from Okafor also called for an inquiry.",
            "The March 3 letter from Okafor",
        ),
        ('Ward 7 councillor Jane Doe called the plan "a disgrace."', "Jane Doe"),
    ],
)
def test_a_day_or_a_number_before_a_name_keeps_the_party(text: str, party: str) -> None:
    assert parties(text) == [party]


def test_an_abbreviated_date_after_a_party_is_no_part_of_it() -> None:
    text = "Reports say that the agency on Nov. 3 warned banks that the rule had changed."
    assert "the agency" in parties(text)


def test_with_a_count_of_speakers_and_a_participle_speaks() -> None:
    text = "The scheme is contested, with many economists warning that it will raise prices."
    assert parties(text) == ["many economists"]


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("Veterans questioned the minister's claim about the budget.", "Veterans"),
        ("The ministry has cited security reasons for the closure.", "The ministry"),
        ("Smith did not rule out a second vote.", "Smith"),
        ("The governor refused to rule out new taxes.", "The governor"),
    ],
)
def test_objects_and_negations_that_are_statements(text: str, party: str) -> None:
    assert parties(text) == [party]


@pytest.mark.parametrize(
    "text",
    [
        "Police questioned the suspect for several hours.",
        "The driver was cited for speeding.",
        "The council proposed a new budget.",
    ],
)
def test_objects_that_are_acts_stay_unattributed(text: str) -> None:
    assert found(text) == []


def test_a_negated_rule_out_is_no_denial() -> None:
    from briefing_app.core.suggest import suggest_claims

    (suggestion,) = suggest_claims("The bank would not rule out further cuts.")
    assert suggestion.kind != "denial"


def test_a_source_in_brackets_ends_at_the_bracket() -> None:
    text = "Most of the requests (and yours, according to designer Ana Ruiz) made it in."
    assert parties(text) == ["Ana Ruiz"]


def test_what_a_speaker_calls_something_is_theirs() -> None:
    text = 'The deal revives doubts about what Chancellor Weber calls a "new era" of trade.'
    assert parties(text) == ["Chancellor Weber"]


def test_an_article_reports_a_finding() -> None:
    text = "The shares fell after a Bloomberg article found the firm had overstated its sales."
    assert parties(text) == ["a Bloomberg article"]


def test_calling_something_into_question_is_a_statement() -> None:
    text = "But a new study released on Monday calls that account into question."
    assert parties(text) == ["a new study released"]


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("Friends close to him said he had been tired for weeks.", "Friends close to him"),
        ("People close to her said she would not run again.", "People close to her"),
    ],
)
def test_her_or_him_after_a_preposition_is_no_determiner(text: str, party: str) -> None:
    assert parties(text) == [party]


def test_a_party_may_hold_its_own_participle_or_start_with_a_noun_form() -> None:
    text = "Comments posted on the forum suggest the update broke the app."
    assert parties(text) == ["Comments posted on the forum"]
    text = "Reports from the border suggest the crossing has reopened."
    assert parties(text) == ["Reports from the border"]


def test_a_count_of_signatories_speaks_through_their_letter() -> None:
    text = "More than 300 doctors signed a letter saying the ban was unsafe."
    assert parties(text) == ["More than 300 doctors"]


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("Okafor is among those who say the reform came too late.", "Okafor"),
        ("Lindqvist was one of the few analysts who argued that prices would fall.", "Lindqvist"),
    ],
)
def test_among_those_who_say(text: str, party: str) -> None:
    assert parties(text) == [party]


def test_plural_employees_of_someone_are_a_party() -> None:
    text = "Last spring, former staffers of the mayor revealed that the audit had been buried."
    assert parties(text) == ["former staffers of the mayor"]


def test_an_elided_article_opens_a_french_party_after_its_verb() -> None:
    text = "La réforme est nécessaire, plaide l’entourage de la ministre."
    assert parties(text, "fr") == ["l’entourage de la ministre"]


def test_a_time_phrase_without_a_comma_opens_no_party() -> None:
    text = "Last week the minister toured the plant and said it would reopen in May."
    assert parties(text) == ["the minister"]
    text = "This spring Deutsche Bank analyst Jan Kowalski toured the plant and said it was idle."
    assert parties(text) == ["Jan Kowalski"]


def test_a_relative_clause_antecedent_after_a_preposition() -> None:
    text = (
        "The rules drew fire from the Green Party, which tried to win votes by saying that "
        "the plan was unfair."
    )
    assert "the Green Party" in parties(text)


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("The mayor toured the site and later said the road would reopen.", "The mayor"),
        ("Jane Doe, a spokeswoman, would only say that talks continue.", "Jane Doe"),
        ("Kim and Park both said the vote was fair.", "Kim and Park"),
        ("The dam is unsafe, engineers have warned for years.", "engineers"),
    ],
)
def test_adverbs_and_auxiliaries_around_the_verb(text: str, party: str) -> None:
    assert parties(text) == [party]


def test_would_without_only_stays_a_supposition() -> None:
    assert found("Critics would say that the plan is too costly.") == []


@pytest.mark.parametrize(
    ("text", "language", "party"),
    [
        (
            "La ministre, qui a longtemps défendu le projet, a déclaré que le texte serait retiré.",
            "fr",
            "La ministre",
        ),
        (
            "Die Ministerin, die das Projekt lange verteidigt hatte, sagte, das Gesetz werde "
            "zurückgezogen.",
            "de",
            "Die Ministerin",
        ),
    ],
)
def test_what_was_said_after_the_verb_is_no_party_after_an_aside(
    text: str, language: str, party: str
) -> None:
    # The comma closing the aside is no quotation before an inverted verb.
    assert parties(text, language) == [party]


@pytest.mark.parametrize(
    ("text", "language", "party"),
    [
        ("Le syndicat a dénoncé la réforme et a réclamé son retrait.", "fr", "Le syndicat"),
        (
            "Die Gewerkschaft kritisierte die Reform und forderte ihre Rücknahme.",
            "de",
            "Die Gewerkschaft",
        ),
    ],
)
def test_a_verb_coordinated_in_french_or_german_keeps_the_subject(
    text: str, language: str, party: str
) -> None:
    assert set(parties(text, language)) == {party}


@pytest.mark.parametrize(
    ("text", "language", "party"),
    [
        ("« On dit que c’est faux », a déclaré la ministre.", "fr", "la ministre"),
        ("»Wir sagen nein«, sagte die Kanzlerin.", "de", "die Kanzlerin"),
    ],
)
def test_a_verb_inside_guillemets_is_quoted_speech(text: str, language: str, party: str) -> None:
    # ("On dit" inside the quotation made a party "On" before.)
    assert parties(text, language) == [party]


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("The 5,000-member union said the strike would go ahead.", "The 5,000-member union"),
        (
            "Both the airline and the union said the strike would go ahead.",
            "the airline and the union",
        ),
        ("Shares rose after the central bank said rates would stay.", "the central bank"),
    ],
)
def test_an_organisation_named_by_its_common_noun(text: str, party: str) -> None:
    assert parties(text) == [party]


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("The judge has already ruled the bank and its owners were liable.", "The judge"),
        (
            "Merkel declared her French counterpart, Emmanuel Macron, would join the talks.",
            "Merkel",
        ),
    ],
)
def test_a_that_clause_without_that_after_ruled_or_declared(text: str, party: str) -> None:
    assert parties(text) == [party]


@pytest.mark.parametrize(
    "text",
    [
        "Assad ruled Syria for decades until he was ousted.",
        "The king ruled the country and was loved.",
        "The king ruled the country, and his son would later inherit it.",
        "He declared a state of emergency that was lifted in May.",
    ],
)
def test_ruling_a_country_or_declaring_an_emergency_reports_nothing(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The scheme comes with added fees borne by the tenants.", "en"),
        ("A reporter joined a firm called Acme, or, in short, “the shop.”", "en"),
        ("The fee is $40 per adult or 2% of income, whichever is larger.", "en"),
        ("The box stores up to 2TB per DVR and skips adverts.", "en"),
        ("The nice things customers say about a shop are shared widely.", "en"),
        ("None of this is to say the plan ever worked.", "en"),
        ("Les bras levés, il fait celui qui montre sa force.", "fr"),
        ("Vous direz en quoi l’expression «fonds privés» révèle un idéal.", "fr"),
    ],
)
def test_phrases_that_look_like_a_party_and_a_verb_but_are_not(text: str, language: str) -> None:
    assert found(text, language) == []


@pytest.mark.parametrize(
    ("text", "party"),
    [
        (
            "The word’s first known use was in the 14th century, per the Oxford dictionary.",
            "the Oxford dictionary",
        ),
        ('The senator called the report "deeply flawed."', "The senator"),
    ],
)
def test_a_source_after_a_number_or_a_name_with_a_quotation_still_speaks(
    text: str, party: str
) -> None:
    assert parties(text) == [party]


@pytest.mark.parametrize(
    "text",
    [
        "She wrote hundreds of songs that summer.",
        "The club wrote many touching stories about its fans.",
    ],
)
def test_writing_works_is_no_statement(text: str) -> None:
    assert found(text) == []


def test_writing_that_or_writing_on_a_platform_that_is_a_statement() -> None:
    assert parties("Okafor wrote on Facebook that her books were stolen.") == ["Okafor"]


@pytest.mark.parametrize(
    "text",
    [
        "By then, firms such as Acme and Globex added server space every month.",
        "The factory added 200 jobs.",
        "The move only added to the confusion.",
        "Kowalski eventually wrote down his rules for the team:",
        "Schmidt agreed with Sullivan.",
        "The cabinet agreed on another round of cuts today.",
        "Okafor, 43, argues the government’s most important cases.",
    ],
)
def test_acts_with_a_reporting_verb_report_nothing(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ('"We need more," Okafor added in a statement.', "Okafor"),
        ("Okafor added the plan was dead.", "Okafor"),
        ("Schmidt agreed with Sullivan that the plan had failed.", "Schmidt"),
        ("The mayor spoke for an hour, adding that the road would reopen.", "The mayor"),
    ],
)
def test_adding_or_agreeing_with_what_was_said_after_it(text: str, party: str) -> None:
    assert parties(text) == [party]


@pytest.mark.parametrize(
    "text",
    [
        "Prices look low by the standards of, say, Norway.",
        "We don’t need consultants from abroad to tell us what to do!",
        "There are many arguments against it, so it is fair to say that the rule should stay.",
        "If Acme combined that data with the cookie from the email mentioned above, no guess "
        "would be needed.",
    ],
)
def test_the_authors_voice_and_turns_of_phrase_have_no_party(text: str) -> None:
    assert found(text) == []


def test_a_sentence_adverb_is_no_subject() -> None:
    text = "Finally, Okafor fought the ruling, insisting before the judge that it was unlawful."
    assert parties(text) == ["Okafor"]


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("The UN children's agency, UNICEF, says 2 million children are out of school.", "UNICEF"),
        ("The rights group, Human Rights Watch, said the trial was unfair.", "Human Rights Watch"),
        ("The man, who gave only his first name, Tom, said he saw the crash.", "The man"),
        (
            "The summit in Davos, Switzerland, said in a report that growth would slow.",
            "The summit in Davos",
        ),
    ],
)
def test_a_body_named_after_its_description_between_commas(text: str, party: str) -> None:
    assert parties(text) == [party]


@pytest.mark.parametrize(
    "text",
    ["The storm was blamed for dozens of crashes.", "The fire was widely blamed on faulty wiring."],
)
def test_a_passive_blame_is_an_unnamed_attribution(text: str) -> None:
    assert parties(text) == [""]


def test_a_passive_blame_by_someone_is_theirs() -> None:
    assert parties("The crash was blamed by police on the icy road.") == ["police"]


def test_a_text_being_released_speaks_through_its_participle() -> None:
    text = "Oxfam is releasing a report on Monday saying that the drug works."
    assert parties(text) == ["Oxfam"]


def test_claiming_a_title_many_words_later_is_winning() -> None:
    assert found("Federer claimed his first and only Roland Garros title in 2009.") == []
    text = "Smith claimed the vote was rigged and the victory stolen."
    assert parties(text) == ["Smith"]


@pytest.mark.parametrize(
    "text",
    [
        "Wallace pressed the witness to acknowledge the gaps in his statements.",
        "The coach forced his players to deny everything.",
        "At the bar he told racially charged jokes.",
    ],
)
def test_what_someone_else_is_pressed_to_say_or_jokes_are_no_statement(text: str) -> None:
    assert found(text) == []


def test_an_infinitive_of_the_subjects_own_still_speaks() -> None:
    assert parties("Okafor rose to say that the plan had failed.") == ["Okafor"]


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("Le président a lui-même reconnu que la réforme était impopulaire.", "Le président"),
        ("Plusieurs élus ont par ailleurs dénoncé une réforme injuste.", "Plusieurs élus"),
        ("La ministre a notamment fait savoir qu’elle démissionnerait.", "La ministre"),
        ("Pour la CGT, la réforme est injuste.", "la CGT"),
    ],
)
def test_french_adverbs_inside_a_compound_verb_and_an_acronym_holding_a_view(
    text: str, party: str
) -> None:
    assert parties(text, "fr") == [party]


def test_pour_before_a_time_names_no_one() -> None:
    assert found("Pour le moment, rien ne change.", "fr") == []


def test_a_reduced_passive_of_judging_describes_a_thing() -> None:
    text = (
        "Smith warned against a bad deal in a speech arranged by party leaders and criticized "
        "by the White House for its timing."
    )
    assert parties(text) == ["Smith"]
    # With "was", the judging is reported: the White House criticised it.
    assert parties("The speech was criticized by the White House for its timing.") == [
        "the White House"
    ]
