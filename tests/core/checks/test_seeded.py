"""The demo evidence in an intelligence assessment: clean as written, and a copy seeded with one
defect per rule yields exactly one finding per rule."""

from __future__ import annotations

from collections import Counter

from briefing_app.core.ach.judgments import judge
from briefing_app.core.checks import all_rules, run_checks
from briefing_app.core.importers.base import ExtractedDocument
from briefing_app.core.library import Library
from briefing_app.core.templates import get_template
from tests.core.checks.conftest import link

POLICE_REPORT = (
    "Khatlon police said three Chinese workers died in the attack on the camp. "
    "Police described the attackers as well armed. Tajik authorities said the gunmen came "
    "from Afghanistan. Police said the toll was later revised to five."
)

CLEAN = {
    "key_judgments": (
        "- Three Chinese workers were killed in an attack on a company camp in Khatlon "
        "[@C5; @{police}].\n"
        "- We judge further attacks on Chinese projects near the border are likely."
    ),
    "background": (
        "Armed attackers used firearms and a drone against the camp [@C4]. Tajik officials said "
        "the attack targeted employees of Shahin SM Company [@C8]. The Taliban administration "
        "denied direct responsibility [@C6]."
    ),
    "discussion": (
        "Tajik authorities blame criminal groups based in Afghanistan [@C9]. Beijing has pressed "
        "Dushanbe to protect its nationals [@C1]."
    ),
    "outlook": "Attacks on Chinese projects are likely to continue.",
    "indicators": "A second attack on a Chinese site would strengthen this judgment.",
}

DEFECTS = {
    "key_judgments": "\n- The Taliban denies any role in the attack [@C6].",  # single source
    "background": (
        " The camp reopened [@C999]."  # missing claim
        " The camp housed two hundred workers."  # uncited factual sentence
        " Officials said the attackers came in “five armed groups” [@C4]."  # misquote
        " A group intent on destabilising the region was involved [@C7]."  # unnamed party
    ),
    "discussion": (
        " Police later revised the toll [@{retracted}]."  # retracted claim
        " Police described the attackers as well armed [@{changed}]."  # changed since cited
        " Tajik authorities say the gunmen came from Afghanistan [@C9; @{relayed}]."  # circular
        " The group might strike again."  # vague hedge
        " Beijing admitted it had not warned its workers."  # loaded verb
    ),
    "outlook": (
        " A negotiated settlement is improbable."  # mixed likelihood rows
        " A ceasefire is highly unlikely."  # a likelihood term off the ICD 203 scale
        " We have high confidence that attacks are likely."  # confidence + likelihood
    ),
    "indicators": (
        " Long " + " ".join(["word"] * 30) + "."  # a 31-word sentence
        " [@C4]."  # a citation whose sentence was deleted
    ),
}


def _setup(lib: Library) -> dict[str, str]:
    police = lib.sources.add(
        ExtractedDocument(title="Police report", outlet="Khatlon police", text=POLICE_REPORT),
        marking="TLP:GREEN",
    )
    c = lib.claims
    return {
        "police": c.add(police.id, quote="three Chinese workers died in the attack",
                        party="Khatlon police", kind="official statement").key,
        "retracted": c.add(police.id, quote="the toll was later revised to five",
                           party="Police", status="retracted").key,
        "changed": c.add(police.id, quote="Police described the attackers as well armed",
                         party="Police").key,
        "relayed": c.add(police.id, quote="the gunmen came from Afghanistan",
                         party="Tajik authorities", kind="official statement").key,
    }  # fmt: skip


def _note(
    lib: Library, title: str, bodies: dict[str, str], marking: str, left_empty: str = ""
) -> int:
    """Create an assessment with bodies; left_empty names one more section, with no text."""
    template = get_template("intelligence-assessment")
    headings = [*template.headings(), *([(left_empty, left_empty.title())] if left_empty else [])]
    return lib.notes.create(title, template.name, headings, bodies=bodies,
                            marking=marking).id  # fmt: skip


def test_clean_assessment_has_no_findings(demo_lib: Library) -> None:
    keys = _setup(demo_lib)
    note_id = _note(demo_lib, "Clean", {k: v.format(**keys) for k, v in CLEAN.items()}, "TLP:AMBER")
    assert run_checks(demo_lib, demo_lib.notes.get(note_id)).findings == []


def test_demo_note_has_no_errors(demo_lib: Library) -> None:
    report = run_checks(demo_lib, demo_lib.notes.all()[0])
    assert report.errors == []


def test_one_defect_per_rule_gives_exactly_one_finding_per_rule(demo_lib: Library) -> None:
    keys = _setup(demo_lib)
    bodies = {k: (CLEAN[k] + DEFECTS[k]).format(**keys) for k in CLEAN}
    # Below its TLP:GREEN source, and with a section left empty.
    note_id = _note(demo_lib, "Seeded", bodies, "TLP:CLEAR", left_empty="annex")
    changed = demo_lib.claims.by_key(keys["changed"])
    assert changed is not None
    demo_lib.claims.update(changed.id, credibility=5)  # regraded after it was cited
    # C8 is cited, the claim contradicting it is not, nor its party named.
    link(demo_lib, "C10", "contradicts", "C8")
    link(demo_lib, "C2", "updates", "C1")  # C1 is cited, the claim superseding it is not
    _seed_judgment(demo_lib, note_id, keys["police"])
    findings = run_checks(demo_lib, demo_lib.notes.get(note_id)).findings
    assert Counter(f.rule for f in findings) == Counter(r.id for r in all_rules())
    (too_long,) = [f for f in findings if f.rule == "length.limits"]
    assert too_long.excerpt.startswith("Long word") and "31 words" in too_long.message


def _seed_judgment(lib: Library, note_id: int, police: str) -> None:
    """Judge, with high confidence, the hypothesis an ACH matrix ranks second, which rests on
    an unsupported assumption, in a matrix turning on one single-source row.

    police: N, II; C4: I, N. H1 = 1 leads H2 = 2; without police H2 leads (pivotal, one outlet).
    C3, rated N, N, moves nothing, and the note does not cite it.
    """
    q = lib.questions.add("Who armed the attackers?")
    lib.ach.add_hypothesis(q.id, "Smugglers")
    lib.ach.add_hypothesis(q.id, "A state")
    lib.ach.add_claims(q.id, [_claim_id(lib, k) for k in (police, "C4", "C3")])
    for row, h1, h2 in ((police, "N", "II"), ("C4", "I", "N"), ("C3", "N", "N")):
        lib.ach.rate(q.id, "H1", row, h1)
        lib.ach.rate(q.id, "H2", row, h2)
    lib.assumptions.add(q.id, "Drones need a state supplier", rating="unsupported",
                        hypotheses=["H2"])  # fmt: skip
    judge(lib, note_id, q.id, "H2", "high")


def _claim_id(lib: Library, key: str) -> int:
    claim = lib.claims.by_key(key)
    assert claim is not None
    return claim.id
