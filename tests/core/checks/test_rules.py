"""Each analytic check: a note that triggers it and one that does not, with edge cases."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from briefing_app.core.checks import CheckProfile, Finding, run_checks
from briefing_app.core.checks.document import split_sentences
from briefing_app.core.checks.settings import acknowledge_changes, dismiss, set_rule_enabled
from briefing_app.core.errors import InvalidInput, NotFound
from briefing_app.core.importers.base import ExtractedDocument
from briefing_app.core.library import Library
from tests.core.checks.conftest import PROFILE, Check, rules_of

DUSHANBE_TEXT = "Tajik authorities blamed criminal groups. The Taliban denied any role."


def test_citation_of_a_missing_claim_is_an_error(check: Check) -> None:
    findings = check(background="Three workers died [@C999].")
    assert rules_of(findings) == ["citation.missing"]
    assert findings[0].severity == "error" and "C999" in findings[0].message


def test_retracted_is_an_error_and_disputed_a_warning(
    check: Check, lib: Library, evidence: dict[str, str]
) -> None:
    killed = lib.claims.by_key(evidence["killed"])
    police = lib.claims.by_key(evidence["police"])
    assert killed and police
    lib.claims.update(killed.id, status="retracted")
    lib.claims.update(police.id, status="disputed")
    findings = check(background="Officials said three died [@{killed}]. Police agree [@{police}].")
    assert [(f.rule, f.severity) for f in findings if f.rule == "citation.status"] == [
        ("citation.status", "error"),
        ("citation.status", "warning"),
    ]


def test_claim_changed_after_citing_warns_until_acknowledged(
    check: Check, lib: Library, evidence: dict[str, str]
) -> None:
    from briefing_app.core.checks import run_checks

    assert "citation.changed" not in rules_of(
        check(background="Officials said three died [@{killed}].")
    )
    note = lib.notes.all()[0]
    killed = lib.claims.by_key(evidence["killed"])
    assert killed
    lib.claims.update(killed.id, credibility=5)
    assert rules_of(run_checks(lib, note, PROFILE).findings) == ["citation.changed"]
    acknowledge_changes(lib, note.id)
    assert run_checks(lib, lib.notes.get(note.id), PROFILE).findings == []


def test_a_cited_claims_source_regraded_after_citing_warns_until_acknowledged(
    check: Check, lib: Library, evidence: dict[str, str]
) -> None:
    from briefing_app.core.checks import run_checks

    check(background="Officials said three died [@{killed}]. Police agreed [@{police}].")
    note = lib.notes.all()[0]
    killed = lib.claims.by_key(evidence["killed"])
    assert killed
    # The wire service turns out to be unreliable: the claim the note rests on is now E6, not
    # F6, though the claim itself was not touched. The check said nothing.
    lib.sources.update(killed.source_id, reliability="E")
    (finding,) = run_checks(lib, lib.notes.get(note.id), PROFILE).findings
    assert (finding.rule, finding.severity) == ("citation.changed", "warning")
    assert finding.message == (
        f"{evidence['killed']}'s source was regraded since cited (reliability F → E: "
        f"now E{killed.credibility})"
    )
    # Graded back as it was, nothing changed since the note cited it.
    lib.sources.update(killed.source_id, reliability="F")
    assert run_checks(lib, lib.notes.get(note.id), PROFILE).findings == []
    lib.sources.update(killed.source_id, reliability="B")
    acknowledge_changes(lib, note.id, [evidence["killed"]])
    assert run_checks(lib, lib.notes.get(note.id), PROFILE).findings == []


def test_a_note_cited_before_grades_were_kept_takes_them_at_its_next_edit(
    check: Check, lib: Library, evidence: dict[str, str]
) -> None:
    from briefing_app.core.checks import run_checks
    from briefing_app.core.records.note_settings import CITED_GRADES, cited_grades

    check(background="Officials said three died [@{killed}].")
    note = lib.notes.all()[0]
    lib.notes.edit(note.id, {f"settings.{CITED_GRADES}": {}})  # as a note of an older library
    lib.notes.set_section(note.id, "background", "Officials said three died [@{}].".format(
        evidence["killed"]) + " More later.")  # fmt: skip
    assert cited_grades(lib.notes.get(note.id)) == {evidence["killed"]: "F"}
    killed = lib.claims.by_key(evidence["killed"])
    assert killed
    lib.sources.update(killed.source_id, reliability="A")
    assert rules_of(run_checks(lib, lib.notes.get(note.id), PROFILE).findings) == [
        "citation.changed"
    ]


def test_acknowledging_a_claim_the_note_does_not_cite_is_refused(
    check: Check, lib: Library, evidence: dict[str, str]
) -> None:
    check(background="Officials said three died [@{killed}].")
    note = lib.notes.all()[0]
    before = note.settings
    with pytest.raises(NotFound, match=r"^no claim C99$"):
        acknowledge_changes(lib, note.id, ["C99"])
    with pytest.raises(InvalidInput, match=rf"^note {note.id} does not cite {evidence['border']}$"):
        acknowledge_changes(lib, note.id, [evidence["killed"], evidence["border"]])
    assert lib.notes.get(note.id).settings == before
    acknowledge_changes(lib, note.id, [evidence["killed"]])


def test_uncited_factual_sentence_warns_in_paragraphs_lists_and_tables(check: Check) -> None:
    body = (
        "Officials said three workers died [@{killed}]. The camp housed two hundred workers.\n\n"
        "- The border stayed closed [@{border}].\n"
        "- Trade through the crossing has stopped entirely.\n\n"
        "| Place | Event |\n|---|---|\n| Camp | Drone seen over the camp at night |\n"
    )
    findings = check(background=body)
    uncited = [f for f in findings if f.rule == "trace.uncited"]
    assert [f.excerpt for f in uncited] == [
        "The camp housed two hundred workers.",
        "Trade through the crossing has stopped entirely.",
        "Drone seen over the camp at night",
    ]


def test_cited_list_items_and_assessments_do_not_warn(check: Check) -> None:
    findings = check(
        background="- Three died [@{killed}].\n- The border closed [@{border}].",
        assessment="We judge further attacks are likely.",
    )
    assert findings == []


def test_sentences_ending_in_abbreviations_split_correctly() -> None:
    body = "Talks began with Dr. Guo at 10 a.m. in Dushanbe [@C1]. The U.S. was not there [@C2]."
    sentences = split_sentences("s", body)
    assert [s.keys for s in sentences] == [["C1"], ["C2"]]
    body2 = "Officials met U.S. The meeting ended early [@C3]."
    assert len(split_sentences("s", body2)) == 2


def test_misquote_is_an_error_for_any_kind_of_quotation_marks(check: Check) -> None:
    wrong = check(background="Officials said “five workers were killed” [@{killed}].")
    assert rules_of(wrong) == ["trace.misquote"]
    straight = check(background='Officials said "five workers were killed" [@{killed}].')
    assert rules_of(straight) == ["trace.misquote"]
    guillemets = check(background="Officials said « five workers were killed » [@{killed}].")
    assert rules_of(guillemets) == ["trace.misquote"]


def test_exact_quotes_with_ellipsis_or_source_context_pass(check: Check) -> None:
    assert check(background="Officials said “three workers were killed” [@{killed}].") == []
    assert check(background="Officials said ‘three workers … on the camp’ [@{killed}].") == []
    # Words from the cited claim's source, outside the claim's own span, also match.
    assert check(background='The Taliban "denied any responsibility" [@{denial}].') == []


def test_key_judgment_on_one_source_warns(check: Check) -> None:
    findings = check(key_judgments="- Three workers were killed [@{killed}; @{border}].")
    assert rules_of(findings) == ["corroboration.single-source"]
    assert check(key_judgments="- Three workers were killed [@{killed}; @{police}].") == []


KEY_JUDGMENTS_TABLE = """| Key judgment | Confidence | Evidence |
|---|---|---|
| Criminal groups killed three workers [@{killed}]. | Moderate | [@{police}] |
| The border will stay closed. | High | [@{border}] |
"""


def test_a_key_judgments_table_is_judged_row_by_row_its_cells_together(
    check: Check, evidence: dict[str, str]
) -> None:
    findings = check(key_judgments=KEY_JUDGMENTS_TABLE)
    # The first row's judgment and evidence cells cite two sources: corroborated, no warning.
    assert rules_of(findings) == ["corroboration.single-source"]
    (single,) = findings
    assert single.excerpt == "The border will stay closed. | High"
    assert "'Wire report'" in single.message
    body = KEY_JUDGMENTS_TABLE.format(**evidence)
    border = evidence["border"]
    assert body[single.start : single.end] == f"The border will stay closed. | High | [@{border}]"


def test_a_key_judgments_header_row_is_no_judgment() -> None:
    from briefing_app.core.checks.document import SectionText, split_sentences

    body = "| Judgment [@C1] | Evidence |\n|:--|--:|\n| Attacks go on. | [@C2] [@C3] |\n"
    section = SectionText("key_judgments", "Key judgments", body, split_sentences("k", body))
    judged = [[s.text for s in sentences] for _a, _b, sentences in section.judgments()]
    assert judged == [["Attacks go on.", "[@C2] [@C3]"]]


def test_a_key_judgment_paragraph_is_judged_whole_not_sentence_by_sentence(check: Check) -> None:
    # One bullet: the judgment, then the report that corroborates it.
    corroborated = "- Three workers were killed [@{killed}]. Local police say so too [@{police}]."
    assert check(key_judgments=corroborated) == []
    two = "- Three workers were killed [@{killed}].\n- The border stays shut [@{border}]."
    findings = check(key_judgments=two)
    assert [f.excerpt for f in findings] == [
        "Three workers were killed .",
        "The border stays shut .",
    ]
    prose = "Three workers were killed [@{killed}]. The border\nstays shut [@{border}]."
    (whole,) = check(key_judgments=prose)  # a paragraph on one source: one judgment, once
    assert whole.excerpt == "Three workers were killed . The border stays shut ."


def test_same_party_relayed_by_two_outlets_is_circular(check: Check) -> None:
    findings = check(background="Three workers were killed [@{killed}; @{relay}].")
    assert rules_of(findings) == ["corroboration.circular"]
    assert "same party" in findings[0].message
    assert check(background="Three workers were killed [@{killed}; @{police}].") == []


def test_mixed_likelihood_rows_warn_on_the_minority_row(check: Check) -> None:
    findings = check(
        assessment="Further attacks are likely. A ceasefire is unlikely. Talks are probable."
    )
    assert rules_of(findings) == ["estimative.mixed-rows"]
    assert findings[0].excerpt == "probable"
    assert check(assessment="The camp sits in a remote area; attacks are likely.") == []


def test_probably_is_a_likelihood_of_the_second_row(check: Check) -> None:
    # "probably" (row 2's "probable" as an adverb) is the commonest likelihood word; it passed
    # both checks, so a note mixing it with "likely" or with a confidence said nothing.
    findings = check(
        assessment="Further attacks are likely. A ceasefire is unlikely. Talks will probably fail."
    )
    assert [(f.rule, f.excerpt) for f in findings] == [("estimative.mixed-rows", "probably")]
    findings = check(assessment="Russia was probably involved, and we have high confidence in it.")
    assert [(f.rule, f.message) for f in findings] == [
        (
            "estimative.confidence-and-likelihood",
            "'high confidence' and 'probably' in one sentence",
        )
    ]
    assert check(assessment="Russia was probably involved. We have high confidence in it.") == []
    # The Admiralty grade "probably true" is no likelihood.
    assert check(assessment="Attacks are likely; the report is graded B2, probably true.") == []


def test_a_likelihood_term_off_the_icd_203_scale_warns_with_the_term_to_use(
    check: Check,
) -> None:
    # "highly likely" read as row 1's "likely": the note's explainer box tells the reader
    # 55-80%, where the writer meant the 80-95% of "very likely". Nothing said so.
    findings = check(assessment="A second attack is highly likely. Talks are unlikely.")
    assert [(f.rule, f.excerpt, f.message) for f in findings] == [
        (
            "estimative.off-scale",
            "highly likely",
            "'highly likely' is not an ICD 203 likelihood term: readers take it as 'likely' "
            "(55-80%); for 80-95% write 'very likely'",
        )
    ]
    assert check(assessment="A second attack is very likely. Talks are unlikely.") == []


def test_a_confidence_said_as_an_adjective_counts_as_a_confidence_level(check: Check) -> None:
    # "We are highly confident that … likely" passed: only "high confidence" was read.
    findings = check(assessment="We are highly confident that further attacks are likely.")
    assert [f.message for f in findings] == ["'highly confident' and 'likely' in one sentence"]
    assert check(assessment="Further attacks are likely. We are highly confident of it.") == []
    assert check(assessment="Officials are confident. Further attacks are likely.") == []


def test_confidence_and_likelihood_in_one_sentence_warns(check: Check) -> None:
    findings = check(assessment="We assess with high confidence that attacks are likely.")
    assert rules_of(findings) == ["estimative.confidence-and-likelihood"]
    assert check(assessment="Attacks are likely. We have high confidence in this.") == []


def test_vague_hedges_in_assessments_are_info(check: Check) -> None:
    findings = check(
        assessment="The group might strike again.", background="It could rain [@{killed}]."
    )
    assert [(f.rule, f.severity, f.section) for f in findings] == [
        ("estimative.vague-hedge", "info", "assessment")
    ]


def test_allegation_without_its_party_warns(check: Check) -> None:
    findings = check(background="A drone flew over the camp before the attack [@{drone}].")
    assert rules_of(findings) == ["attribution.unnamed-party"]
    assert check(background="Residents said a drone flew over the camp [@{drone}].") == []
    assert check(background="According to the Taliban, it was not involved [@{denial}].") == []


def test_an_allegation_in_a_table_row_is_named_by_the_rows_party_cell(check: Check) -> None:
    # A table of who says what: the party stands in its own cell, the claim in the next.
    table = "| Who | What |\n|---|---|\n| Residents | a drone flew over [@{drone}] |\n"
    assert check(background=table) == []
    unnamed = "| When | What |\n|---|---|\n| Monday | a drone flew over [@{drone}] |\n"
    assert rules_of(check(background=unnamed)) == ["attribution.unnamed-party"]


def test_loaded_attribution_verbs_are_info(check: Check) -> None:
    findings = check(background="The Taliban administration admitted nothing [@{denial}].")
    assert [(f.rule, f.severity) for f in findings] == [("attribution.loaded-verb", "info")]


def test_note_marked_below_its_sources_is_an_error(
    check: Check, lib: Library, evidence: dict[str, str]
) -> None:
    police = lib.claims.by_key(evidence["police"])
    assert police
    lib.sources.update(police.source_id, marking="TLP:AMBER")
    low = check(background="Police confirmed three deaths [@{police}].", marking="TLP:GREEN")
    assert rules_of(low) == ["marking.less-restrictive"]
    assert check(background="Police confirmed three deaths [@{police}].", marking="TLP:RED") == []


def test_length_limits_warn(check: Check) -> None:
    long_sentence = " ".join(["word"] * 30) + "."
    findings = check(bluf=long_sentence)
    assert rules_of(findings) == ["length.limits"]
    assert "30 words" in findings[0].message
    assert check(bluf="Short and to the point.") == []
    many_lines = "\n".join(f"Line {i} is short." for i in range(4))
    assert "lines" in check(bluf=many_lines)[0].message


def test_sentence_counts_over_the_briefing_note_template_limits_warn(lib: Library) -> None:
    from briefing_app.core.checks import run_checks

    # The briefing-note template: the Issue takes 2 sentences, any paragraph 6.
    issue = "One point. A second point. A third point. A fourth point."
    paragraph = " ".join(f"Point number {n} stands." for n in range(1, 10))
    note = lib.notes.create(
        "L",
        "briefing-note",
        [("issue", "Issue"), ("considerations", "Considerations")],
        bodies={"issue": issue, "considerations": f"{paragraph}\n\nShort. Also short.\n"},
    )
    found = [f for f in run_checks(lib, note).findings if f.rule == "length.limits"]
    assert [(f.section, f.message) for f in found] == [
        ("issue", "Issue: 4 sentences, the template allows 2"),
        (
            "considerations",
            "Considerations: a paragraph of 9 sentences; the template allows 6",
        ),
    ]
    assert note.sections[1].body[found[1].start : found[1].end] == paragraph
    within = lib.notes.create(
        "M",
        "briefing-note",
        [("issue", "Issue"), ("considerations", "Considerations")],
        bodies={
            "issue": "One point. A second.",
            "considerations": "Six. " * 6 + "\n\n" + "Six. " * 6,
        },
    )
    assert [f for f in run_checks(lib, within).findings if f.rule == "length.limits"] == []


def test_rules_can_be_switched_off_and_findings_dismissed(check: Check, lib: Library) -> None:
    from briefing_app.core.checks import run_checks

    findings = check(background="Three workers died [@C999]. The camp housed many people.")
    note = lib.notes.all()[0]
    set_rule_enabled(lib, note.id, "citation.missing", False)
    remaining = run_checks(lib, lib.notes.get(note.id), PROFILE)
    assert rules_of(remaining.findings) == ["trace.uncited"]
    dismiss(lib, note.id, remaining.findings[0], "Common knowledge in the unit")
    report = run_checks(lib, lib.notes.get(note.id), PROFILE)
    assert report.findings == []
    assert [reason for _, reason in report.dismissed] == ["Common knowledge in the unit"]
    template_off = CheckProfile(factual=PROFILE.factual, disabled=frozenset({"trace.uncited"}))
    set_rule_enabled(lib, note.id, "citation.missing", True)
    assert rules_of(run_checks(lib, lib.notes.get(note.id), template_off).findings) == [
        "citation.missing"
    ]
    assert len(findings) == 2


def test_the_month_may_is_not_a_hedge(check: Check) -> None:
    assert check(assessment="On 5 May the ministry met. Talks resumed in May 2025.") == []
    findings = check(assessment="Talks may resume in May.")
    assert [f.rule for f in findings] == ["estimative.vague-hedge"]
    assert findings[0].start == findings[0].end - 3  # the lower-case "may", not the month


def test_a_citation_left_without_its_sentence_warns(check: Check) -> None:
    # What accepting the deletion of a cited sentence without its citation leaves behind.
    stray = check(background="Police confirmed three deaths [@{police}]. [@{drone}]. More.")
    assert [(f.rule, f.message) for f in stray if f.rule == "citation.stray"] == [
        (
            "citation.stray",
            "[@C6] stands without a sentence (after “…confirmed three deaths [@C5].”)",
        )
    ]
    no_stop = check(background="Police confirmed three deaths [@{police}]. [@{drone}]")
    assert "citation.stray" in rules_of(no_stop)
    alone = check(background="Three deaths [@{police}].\n\n[@{drone}].")
    assert "citation.stray" in rules_of(alone)


def test_citations_after_the_stop_or_in_tables_are_not_strays(check: Check) -> None:
    for body in (
        "Police confirmed three deaths. [@{police}]",
        "Police confirmed three deaths. [@{police}] [@{killed}] Residents saw a drone. [@{drone}]",
        "Police confirmed three deaths [@{police}]. Residents saw a drone [@{drone}].",
        "Talks with the U.S. [@{police}]. Residents saw a drone [@{drone}].",
        "| Event | Source |\n|---|---|\n| Three deaths | [@{police}] |",
    ):
        assert "citation.stray" not in rules_of(check(background=body)), body


def test_sentences_framing_the_question_are_not_uncited_facts(check: Check) -> None:
    framing = (
        "You need to know whether the attack was launched from Afghanistan. "
        "This note asks what the attack means for Chinese projects. "
        "Will the border stay closed? "
        "The camp housed two hundred workers."
    )
    uncited = [f.excerpt for f in check(background=framing) if f.rule == "trace.uncited"]
    assert uncited == ["The camp housed two hundred workers."]  # the one fact still warns


def _unattributed_checker(lib: Library) -> tuple[str, str, Callable[[str], list[Finding]]]:
    """Add a Tajik allegation and a Taliban denial; return their keys and a function giving
    the unnamed-party findings of a background that says body."""
    source = lib.sources.add(ExtractedDocument(title="R", outlet="Wire", text=DUSHANBE_TEXT))
    tajik, taliban = (
        lib.claims.add(source.id, quote=quote, party=party, kind=kind).key
        for quote, party, kind in (
            ("Tajik authorities blamed criminal groups", "Tajik authorities", "allegation"),
            ("The Taliban denied any role", "Taliban administration", "denial"),
        )
    )
    note = lib.notes.create("N", "briefing-note", [("background", "Background")])

    def unattributed(body: str) -> list[Finding]:
        lib.notes.set_section(note.id, "background", body)
        report = run_checks(lib, lib.notes.get(note.id), PROFILE)
        return [f for f in report.findings if f.rule == "attribution.unnamed-party"]

    return tajik, taliban, unattributed


def test_a_capital_stands_for_its_government_when_attributing(lib: Library) -> None:
    tajik, taliban, unattributed = _unattributed_checker(lib)

    assert unattributed(f"Dushanbe frames the attack as the work of criminals [@{tajik}].") == []
    assert unattributed(f"Kabul rejects any part in the attack [@{taliban}].") == []
    # A capital stands only for its own government; no name at all still warns.
    assert len(unattributed(f"Beijing frames the attack as the work of criminals [@{tajik}].")) == 1
    assert len(unattributed(f"Criminals carried out the attack [@{tajik}].")) == 1


def test_a_library_alias_names_its_party(lib: Library) -> None:
    tajik, _, unattributed = _unattributed_checker(lib)
    body = f"The Committee for National Security blames criminals [@{tajik}]."
    assert len(unattributed(body)) == 1
    lib.parties.merge("Committee for National Security", "Tajik authorities")
    assert unattributed(body) == []


def test_a_summary_or_assessment_on_one_source_warns_in_any_template(lib: Library) -> None:
    from briefing_app.core.checks.profile import profile_from_template
    from briefing_app.core.templates import get_template, load_template_file

    source = lib.sources.add(ExtractedDocument(title="Only report", text=DUSHANBE_TEXT))
    key = lib.claims.add(source.id, quote="Tajik authorities blamed criminal groups").key
    template = get_template("briefing-note")
    bodies = {
        "summary": f"Criminals attacked the camp [@{key}]. More attacks follow [@{key}].",
        "considerations": "We judge further attacks are likely.",  # cites nothing: no finding
    }
    note = lib.notes.create("N", template.name, template.headings(), bodies=bodies)
    findings = run_checks(lib, note).findings
    single = [f for f in findings if f.rule == "corroboration.single-source"]
    assert [(f.section, f.severity) for f in single] == [("summary", "warning")]  # once
    assert "'Only report'" in single[0].message
    # A template switches it off by saying its summary is not a key judgment.
    text = template.path.read_text(encoding="utf-8").replace(  # type: ignore[union-attr]
        "  - key: summary\n", "  - key: summary\n    key_judgments: false\n"
    )
    own = lib.path.parent / "own.yaml" if lib.path else None
    assert own is not None
    own.write_text(text.replace("name: briefing-note", "name: own-note"), encoding="utf-8")
    profile = profile_from_template(load_template_file(own))
    off = run_checks(lib, note, profile).findings
    assert not [f for f in off if f.rule == "corroboration.single-source"]


def test_an_empty_section_is_named_before_export(check: Check) -> None:
    findings = check(background="", discussion="Talks resumed.", outlook=" \n ")
    assert [(f.rule, f.severity, f.section, f.message) for f in findings] == [
        ("section.empty", "warning", "background", "Background is empty"),
        ("section.empty", "warning", "outlook", "Outlook is empty"),
    ]
    assert "export leaves an empty section out" in findings[0].fix
    assert check(background="Talks resumed.") == []
