"""Finding attributions in one sentence: who said, claimed or denied what, by offsets."""

from __future__ import annotations

import contextlib
import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from briefing_app.core.suggest.languages import Lexicon
from briefing_app.core.suggest.languages.places import is_place
from briefing_app.core.suggest.nested_speech import reported_within
from briefing_app.core.suggest.party_names import is_person_like
from briefing_app.core.suggest.party_tails import trim_party_tail
from briefing_app.core.suggest.sentences import CLOSING_QUOTES, OPENING_QUOTES

# Where a clause starts, looking left from a verb: after a quotation, a colon, a dash, or a
# conjunction. (Commas are handled apart, because they also surround appositives.)
_CLAUSE_BREAK = re.compile(
    # (A plural possessive is no closing quote: "the victims’ relatives told…".)
    r"[”\"]\s*|(?<![sS])’(?=[\s,])\s*|’(?=,)\s*|[;:—–(]\s*|\s--\s|"
    r"\s(?:and|but|while|whereas|although|though|because|since|as|when|"
    r"after|before|that|which|who|whom|if|where|so|until|even)\s",
)
# Where a party written after its verb ends: "…," said Jane Doe, a spokeswoman, on Monday.
_RIGHT_STOP = re.compile(
    r"[,.;:!?”\"(—–]|\s(?:in|on|at|during|after|before|last|this|to|that|who|when|as|while|"
    r"told|adding|according|because|if|from)\s"
)
_WHEN = (
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|weekend|month|year|"
    r"morning|afternoon|evening|night|day|january|february|march|april|may|june|july|august|"
    r"september|october|november|december)"
)
# (?<!\s): a match starts where a run of spaces starts, not at each space of it; tried at every
# space, a long run ("After" and 10,000 spaces) cost the square of its length (30 s).
TIME_TAIL = re.compile(
    r"(?<!\s)(?:\s+(?:on|late|early|last|this|earlier|later)\s+(?:\w+\s+)?" + _WHEN + r"\b\S*"
    # "on Nov. 27", "in Sept. 2019": a date with an abbreviated month.
    r"|\s+(?:on|in)\s+(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.(?:\s+\d{1,2}\b,?)?"
    r"(?:\s+\d{4}\b)?"
    r"|\s+(?:yesterday|today|tonight|monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"(?:\s+(?:night|morning|afternoon|evening))?"
    r"|\s+in\s+(?:a|an|the|his|her|its|their)\s+(?:\w+\s+)?(?:statement|interview|letter|post|"
    r"email|release|speech|tweet|news conference|press conference|report|address))+$",
    re.IGNORECASE,
)
# ("(and yours, according to Joe Ambeault) made it in": a closing bracket ends the source.)
_SOURCE_STOP = re.compile(
    r"[,.;:!?”\"()—–]|\s(?:that|who|which|last|this)\s"
    # "according to police on Monday"; but "a notice on the company’s website" is one source.
    r"|\son\s(?!(?:[\w’'.-]+\s+){1,3}(?:website|site|page|blog|account|feed)\b)"
)
# Words that open a phrase setting the scene before a sentence's subject ("In a statement,").
SCENE_WORDS = (
    *("In", "On", "At", "After", "Before", "During", "Following", "Despite", "With", "For"),
    *("As", "Amid", "Since", "Speaking", "Asked", "Responding", "Writing", "Earlier", "Later"),
)
INTRO = re.compile(
    r"^(?:"
    + "|".join(SCENE_WORDS)
    # ("This week, …" sets the scene; "This was a given, …" is a clause, what was said.)
    + r"|Last|This(?!\s+(?:is|was|has|had|will|would|could|can|may|might|should|must|does|did|"
    r"seems|seemed|means|meant|remains|remained|became|becomes)\b)|"
    r"Meanwhile|However|But|And|Yet|Still|Now|Then|Separately|Instead|Also|"
    r"Today|Yesterday|Shortly|Soon|Moments|Minutes|Hours|"
    r"Days|Weeks|Months|Years|Regardless|Whatever|Whether|Either|Overall|"
    # "Late yesterday afternoon, …", "Early on Monday, …" (not "Late payments rose, …").
    r"(?:Late|Early)(?=\s+(?i:(?:(?:on|in|last|this)\s+)?(?:yesterday|today|tonight|"
    + _WHEN[3:]
    + r")))\b[^,]{0,120},\s*"
)
_STATEMENT_INTRO = re.compile(
    r"^(?:In|Through)\s+(?:a|an|its|his|her|their|the)\s+(?:[\w.-]+\s+){0,3}"
    r"(?:statement|press release|release|interview|post|tweet|letter|speech|report|"
    r"news conference|press conference|email|message|complaint|filing|lawsuit|indictment|"
    r"affidavit)\b[^,]{0,60},\s*"
)
_BE_BEFORE = re.compile(r"\b(?:was|were|been|being|is|are|be|get|got|am)\s+(?:\w+ly\s+|not\s+)?$")
_RELATIVE_BE_BEFORE = re.compile(
    r"\b(?:which|that|who)\s+(?:is|are|was|were|has been|have been)\s+(?:\w+ly\s+)?$"
)
_MODAL_BEFORE = re.compile(
    r"\b(?:will|would|could|might|may|should|must|can|cannot|did not|does not|"
    # ("would have answered": what someone would have said, not what they said.)
    r"do not|didn’t|doesn’t|don’t|not)\s+(?:have\s+)?(?:\w+ly\s+)?$"
)
_PARTICIPLE_LEAD = re.compile(
    r"(?:,|—|–|\bstatement|\band|\bwhile|\bafter|\bbefore|\bwhen|\bheard)\s*(?:\w+ly\s+)?$"
    # "The scientists aren't the only ones calling…": the subject is one of those speaking.
    r"|\bthe only (?:ones?|people|voices)\s+$"
    # "Smith is on record as saying…"
    r"|\bon (?:the )?record (?:as\s+)?$"
    # "Smith was quoted by the BBC as saying…"
    r"|\bquoted\s+(?:by|in)\s+[^,.;:“”\"]{1,40}?\s+as\s+$"
    # "X published articles in March claiming…": a text of the subject's says it.
    # ("is releasing a report Aug. 17 showing that…": any tense of the act.)
    r"|\b(?:publish(?:ed|es|ing)|post(?:ed|s|ing)|releas(?:ed|es|ing)|issu(?:ed|es|ing)|"
    r"shar(?:ed|es|ing)|wrote|writes|writing|sen(?:t|ds|ding)|fil(?:ed|es|ing)|"
    r"put(?:s|ting)? out|sign(?:ed|s|ing)|penn(?:ed|ing)|pens|author(?:ed|s|ing))\s+"
    r"(?:\S+\s+){0,2}"
    r"(?:articles?|posts?|videos?|letters?|statements?|tweets?|messages?|reports?|papers?|"
    r"essays?|columns?|ads?|advertisements?|documents?|emails?|op-eds?|editorials?)\s+"
    r"(?:\S+\s+){0,6}$"
)
_TEXT_BEFORE = re.compile(
    r"\b(?:articles?|posts?|letters?|statements?|essays?|columns?|op-eds?|editorials?)\s+$"
)
_INVERSION_LEAD = re.compile(r"(?:^|[,”\"’:]|[,”\"’]\s*\w+\s*[,”\"’]?)\s*$")
_AFTER_QUOTE = re.compile(r"[”\"’»],?\s+\S+(?:\s+\S+){0,6}\s+$")
# The subject inside an inverted French verb: "« … », a-t-il déclaré", "poursuit-elle".
_EMBEDDED_SUBJECT = re.compile(r"-(?:t-)?(il|elle|ils|elles|on)\b")
# A that-clause right after a verb, or after a short time or place ("showed in 2019 that…").
_THAT_SOON = r"\s+(?:\w+ly\s+|(?:in|on|at|last|this|earlier)\s+[^.,;:“”\"]{1,30}?\s+)?that\b"
_CONTENT_AFTER = re.compile(
    r"(?!\s*(?:[“\"«„:,.;!?]|$)|\s+(?:[^.;“”\"]{0,50}\s)?(?:that|what|how)\b)"
)
# Objects that make a reporting verb an action: "reported for duty", "agreed to pay", "called
# on by tribes" (a passive agent).
_CHARACTERISATION = (
    r"\s+(?:(?:the|his|her|their|its|this|that|these|those)\s+(?:[\w’'-]+\s+){0,3}?|"
    r"(?:him|her|them|it)\s+)(?:a|an)\s+(?!(?:day|week|month|year|few|couple|second|time|"
    r"minute|hour|number|total|lot|bit|while)\b)\w"
)
# An object that is itself something said: "questioned the minister's claim".
_SAID_OBJECT = (
    r"\s+(?:[^.;:,“”\"]{0,40}?\s)?(?:claims?|assertions?|statements?|concerns?|assumptions?|"
    r"conclusions?|findings|figures|account|version|rationale|wisdom|logic|legality|validity|"
    r"need|motives?)\b"
)
# A that-clause without "that": a subject, then a finite verb ("declared his counterpart,
# Dmitri Medvedev, would help"); not past a subordinator ("ruled Syria until he was ousted").
_ZERO_THAT = (
    r"\s+(?:[A-Z][\w.’'-]*|the|his|her|their|its|a|an)\s"
    r"(?:(?!\b(?:that|which|who|when|while|until|before|after|because|since|if|as|for)\b"
    r"|,\s*(?:and|but|or|so|yet)\b)"
    r"[^.;:“”\"]){0,60}?(?<!\band)(?<!\bor)(?<!\bbut)"  # ("ruled the country and was loved")
    r"\s(?:was|were|is|are|had|has|have|would|will|could|should|must|can)\b"
)
_ADJECTIVE_USE = re.compile(
    r"\b(?:[a-z]+ed|provides?|gives?|gave|offers?|includes?|contains?|more|most|less|very|"
    r"highly|extremely|fairly|quite)\s+$"
)
_CHARACTERISED_AS = r"\s+(?:[\w’'-]+\s+){1,4}?as\s+(?:a|an|[“\"])"
_NOT_REPORTING_AFTER = {
    # "Er kommentiert: „…“", "…, kommentierte der Minister"; not a participle ending its
    # clause ("Das wurde oft kommentiert.", "…, wird kommentiert und …").
    "kommentieren": re.compile(
        r"\s*(?:[.;!?]|,(?!\s*(?:[„“\"»«]|dass\b))|$|"
        r"\s+(?:und|oder|werden|worden|wird|wurde|hat|haben)\b)"
    ),
    # "mahnt die Rechteverletzer ab": a legal warning sent, not a warning said; "fordert ihn
    # auf, …": asks someone to act.
    "mahnen": re.compile(r"[^,;:!?]*?\sab\s*(?:[,;:!?]|\.\s|\.?$)"),
    "fordern": re.compile(r"[^,;:!?]*?\sauf\s*(?:[,;:!?]|\.\s|\.?$)"),
    # "sprach mit Relotius über Jaeger": a talk with someone; "sprach von einem Skandal" says.
    "sprechen": re.compile(r"\s+(?:[^\s,;:]+\s+){0,3}?(?:mit|über)\b"),
    "report": re.compile(r"\s+(?:from|for|missing|to work|to duty)\b"),
    # "il le condamne au paiement de…", "a condamné Paul Roux à un an de prison": a sentence
    # a court passes, not words of condemnation (French).
    "condamner": re.compile(r"\s+(?:[A-Z][\w’'-]*\s+){0,3}(?:à|au|aux)\s"),
    # "ont alerté leur direction", "a alerté les secours": who was told, an act (French).
    "alerter": re.compile(r"\s+(?:les|la|le|l[’']|leur|leurs|son|sa|ses|[A-Z])"),
    # "agreed to pay", "agreed on a deal", "agreed with Sullivan." (no that-clause): acts.
    "agree": re.compile(r"\s+(?:to|on)\b|\s+with\s+(?:(?!that\b)[^.;:,“”\"]){1,40}?\s*(?:[.;]|$)"),
    # "argues the government's cases": a lawyer's pleading, not a claim.
    "argue": re.compile(
        r"\s+(?:(?!that\b)[\w’'-]+\s+){0,4}?(?:case|cases|appeal|appeals|motion)\s*(?:[.,;]|$)"
    ),
    # "Google added server space", "added 200 jobs"; not "added that…", "he added.", or
    # "added the plan was dead".
    # ("“…,” Smith added in a statement.": where or when it was added, then the end.)
    "add": re.compile(
        r"(?!\s*(?:[“\"«„:,.;!?)—–]|$)|\s+(?:[^.;“”\"]{0,50}\s)?(?:that|what|how)\b|"
        + _ZERO_THAT
        + r"|\s+(?:in|on|at|during|via|later|afterwards|after|when|while|before)\b[^“”\"]{0,80}?"
        r"[.;!?]?[”\"]?\s*$)"
    ),
    # "wrote a book", "writes songs": writing, not saying (a that-clause or quote would follow).
    "write": re.compile(
        r"\s+down\b"  # "wrote down his rules"
        # ("wrote hundreds of songs", "wrote many heartwarming stories")
        r"|\s+(?:(?:a|an|the|his|her|their|its|several|two|three|many|more|some|numerous|"
        r"(?:hundreds|dozens|thousands|a\s+series|a\s+number)\s+of)\s+)?"
        r"(?:(?!that\b|in\b|on\b|to\b)[\w-]+\s+){0,2}"
        r"(?:book|books|novel|novels|song|songs|script|scripts|memoir|poem|poems|music|code|"
        r"biography|play|plays|story|stories|essay|essays|lyrics|chapters?|screenplays?)\b"
    ),
    # "called X “stunning”" reports speech; "a group called X", "called the police" do not.
    # ("a song called “Glasgow”" names a thing: the quotation must follow an object.)
    # "called the attack a war crime", "branded him a liar": a characterisation (an object, then
    # "a"/"an" and what it was called) is speech too; "called the police a day later" is not.
    # ("called the figures into question": doubted them aloud.)
    # ("a company called Espiamos, or “We Spy”": a name, then nothing said of it.)
    "call": re.compile(
        r"\s+[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,3}\s*(?:[,.;)]|$)(?!\s*[^,.;]{0,30}[“\"])"
        r"|(?!\s+[^\s.“”\"][^.“”\"]{0,60}[“\"]|"
        + _CHARACTERISATION
        + r"|\s+[^.;:“”\"]{1,80}?\s+into\s+question\b)"
    ),
    # ("branded him as a traitor": "as" may stand before what he was called.)
    # ("branding him as a “narcissist”": the characterisation may follow "as".)
    "brand": re.compile(
        r"(?!"
        + _CHARACTERISATION
        + r"|\s+(?:[\w’'-]+\s+){0,3}?as\s+(?:a|an)\s|"
        + _CHARACTERISED_AS
        + ")"
    ),
    "qualifier": re.compile(r"(?!\s+[^.;:«»“”\"]{1,60}?\s+d(?:e\s|’|')\s*)"),
    "bezeichnen": re.compile(r"(?!\s+[^.;:„“”\"]{1,60}?\s+als\s)"),
    "double down": re.compile(
        r"(?!\s+on\s+(?:(?:his|her|their|its|the)\s+)?(?:[\w-]+\s+)?"
        r"(?:claims?|assertions?|remarks?|comments?|position|stance|"
        r"criticism|view|argument|call|threats?|warnings?)\b)"
    ),
    "credit": re.compile(r"(?!\s+[^.;:“”\"]{1,60}?\s+(?:with|for)\s)"),
    # "dubbed it “the worst deal ever”", "termed the plan a gamble"; not "a man dubbed “X”".
    "dub": re.compile(
        r"(?!" + _CHARACTERISATION + r"|\s+(?:it|him|her|them|this|that|(?:the|his|her|their|its)"
        r"\s+[\w-]+(?:\s+[\w-]+)?)\s+[“\"])"
    ),
    "deride": re.compile(r"(?!" + _CHARACTERISED_AS + r"|\s+[^.;:“”\"]{1,60}?[“\"])"),
    # "detailed a plan to…", "as Levy detailed in his book,"; not "a plan Gates detailed this
    # week" (what was detailed stands before it, no statement).
    "detail": re.compile(r"\s*(?:[.,;!?]|$)|\s+(?:this|last|on|yesterday|today|earlier)\b"),
    # "defended her title", "defended the city": a contest or a fight, not a stand taken.
    "defend": re.compile(
        r"\s+(?:(?:his|her|their|its|the|a)\s+)?(?:[\w-]+\s+)?(?:title|titles|crown|belt|"
        r"championship|lead|goal|net|city|town|border|borders|territory|country|homeland|base)\b"
    ),
    "compare": re.compile(r"(?!\s+[^.;:“”\"]{1,60}?\s+(?:to|with)\s+(?:a\s+|an\s+)?[“\"])"),
    "implore": re.compile(r"\s+the\s+question\b"),  # "It begs the question": a turn of phrase
    # "came out against the backdrop of…": when, not a stand taken.
    "come out": re.compile(r"\s+(?:the|a)\s+backdrop\b"),
    "speak of": re.compile(r"(?!\s+[^.;:“”\"]{0,40}?[“\"])"),  # "spoke of a “lost decade”"
    # "brushed off suggestions that…", "scoffed at the idea": what was dismissed was said.
    "brush off": re.compile(
        r"(?!\s+(?:(?:the|those|these|such|any|his|her|their|its)\s+)?(?:[\w-]+\s+)?"
        r"(?:suggestions?|concerns?|claims?|reports?|criticism|fears?|speculation|talk|rumou?rs|"
        r"allegations?|accusations?|questions?|idea|notion|warnings?|comparisons?)\b)"
    ),
    # (Nor "remembered him fondly": a person remembered, nothing told.)
    "remember": re.compile(
        r"\s+(?:to\b|(?:[^.;:“”\"]{1,40}?\s)?as\s+(?!(?:a\s+|an\s+|the\s+)?[“\"])|"
        r"(?:him|her|them|it)\b(?!\s+as\b))"
    ),
    # "made no secret of it": that something was so, nothing said of what.
    "make no secret": re.compile(r"\s+(?:it|this|that|them)\s*(?:[.,;!?]|$)"),
    "consider": re.compile(r"(?!\s+[^.;:“”\"]{1,40}?\s+(?:to\s+be\s+|as\s+)?[“\"])"),
    "contradict": re.compile(
        r"(?!\s+(?:the|this|that|a|his|her|their|its)\s+(?:[\w-]+\s+)?(?:idea|notion|claim|"
        r"claims|assertion|assumption|view|premise|narrative|account|statement|testimony)\b)"
    ),
    "comment": _CONTENT_AFTER,
    # "questioned whether the figures were accurate", "questioned the minister's claim"; not
    # "questioned the suspect".
    "question": re.compile(r"(?!\s+(?:whether|why|how)\b|" + _SAID_OBJECT + ")"),
    # "attributed the fire to faulty wiring", "pointed to the wiring as the cause": a view.
    "attribute": re.compile(r"(?!\s+[^.;:“”\"]{1,60}?\s+to\s)"),
    "point to": re.compile(r"(?!\s+[^.;:“”\"]{1,60}?\s+as\s+(?:a|an|the|evidence|proof)\b)"),
    "refer": re.compile(r"(?!\s+[^.“”\"]{0,60}[“\"])"),
    # "repeated his call for air defences": the call is what was said.
    "repeat": re.compile(
        r"(?!\s+(?:that\b|[^.“”\"]{0,40}[“\"]|(?:his|her|their|its)\s+(?:\w+\s+)?(?:call|calls|"
        r"demand|demands|appeal|warning|warnings|claim|claims|criticism|denial)\b))"
    ),
    "float": re.compile(r"(?!\s+(?:the|an|a)\s+(?:idea|theory|notion|claim)\b)"),
    "request": re.compile(r"(?!\s+that\b)"),
    # "cited technical reasons for the delay", "cited it as proof"; not "cited for speeding".
    "cite": re.compile(
        r"(?!\s+[^.]{0,60}\b(?:as|that)\b|\s+(?:[\w-]+\s+){0,2}(?:reasons?|grounds)\b)"
    ),
    "recount": re.compile(r"\s+to\b"),  # "related to": an adjective
    "tell": re.compile(r"\s+(?:[\w-]+\s+){0,2}?(?:jokes?|anecdotes?|tales?)\b"),  # "told jokes"
    # "the email mentioned above": an adjective.
    "mention": re.compile(r"\s+(?:above|below|earlier|previously|here)\b"),
    # "ruled that…", "ruled Trump and his sons were liable" (a that-clause without "that").
    "rule": re.compile(r"(?!\s+(?:\w+ly\s+)?that\b|" + _ZERO_THAT + ")"),
    # "(The Teamsters disagree.)", "disagreed that…"; not "disagreed and performed a scan".
    "disagree": re.compile(r"(?!\s*(?:[.,;:!?)”\"]|$)|\s+(?:that|with)\b)"),
    "challenge": re.compile(
        r"(?!\s+(?:the|this|that|a)\s+(?:idea|notion|claim|assertion|view|premise|narrative)\b)"
    ),
    # Verbs that report speech only with what was said after them ("revealed that…",
    # "…, she observed."), not with an object ("revealed a scar", "observed the birds").
    **{lemma: _CONTENT_AFTER for lemma in ("observe", "reveal", "indicate", "signal", "share")},
    **{lemma: _CONTENT_AFTER for lemma in ("assure", "inform", "imply", "conclude")},
    # "echoed Mann’s concerns", "echoing the calls for…": what was said again is the object.
    "echo": re.compile(
        r"(?!\s*(?:[“\"«„:,.;!?]|$)|\s+(?:[^.;“”\"]{0,50}\s)?(?:that|what|how)\b"
        r"|\s+(?:[\w.-]+[’']s?\s+|the\s+|their\s+|his\s+|her\s+|its\s+)(?:[\w-]+\s+)?"
        r"(?:concerns?|warnings?|calls?|criticisms?|views?|sentiments?|remarks?|comments?|"
        r"claims?|fears?|doubts?|demands?|complaints?)\b)"
    ),
    # "answered the door", "highlighted the risks", "confessed to the crime", "texted him":
    # speech only with what was said after them.
    **{lemma: _CONTENT_AFTER for lemma in ("answer", "underscore", "confess")},
    # "as one analyst put it," / "…,” Smith put it." — not "put it on the table".
    # "put it bluntly:", "put it this way:"
    "put it": re.compile(r"(?!\s*(?:\w+ly\s*|this way\s*|like this\s*)?(?:[.,;:!?”\"]|$))"),
    "charge": re.compile(r"(?!\s+that\b)"),  # "charged that…"; not "charged with murder"
    # "claim the title", "claimed victory": winning, not saying.
    "claim": re.compile(
        # ("claimed his first and only Roland Garros title")
        r"\s+(?:(?:the|a|an|his|her|their|its|a\s+\w+)\s+)?(?:(?!(?:that|was|were|is|are|had|has|have|"
        r"would|will)\b)[\w’'-]+\s+){0,5}?(?:title|titles|victory|"
        r"win|crown|prize|gold|medal|seat|seats|throne|lives|record|trophy|championship)\b"
    ),
    # "protested COVID-19 countermeasures", "testified before the committee": acts, unless
    # what was said follows.
    "protest": re.compile(r"(?!" + _THAT_SOON + r"|[,:]?\s*[“\"])"),
    "testify": re.compile(r"(?!\s+(?:[^.;“”\"]{0,60}\s)?that\b|[,:]?\s*[“\"]|\s*[.,;]|$)"),
    "propose": re.compile(r"(?!" + _THAT_SOON + ")"),  # not "proposed a bill"
    "prove": re.compile(r"(?!" + _THAT_SOON + ")"),  # not "proved a theorem"
    # "Eine Studie zeigt, dass…"; not "Das Foto zeigt einen Mann".
    "zeigen": re.compile(r"(?!,?\s+(?:[^.;]{0,40}\s)?dass\b)"),
    # "schätzt den Schaden auf 10 Millionen Euro"; not "schätzt seine Kollegen".
    "schätzen": re.compile(r"(?![^.;:]{0,80}?\sauf\s+(?:[a-zäöüß]+\s+){0,2}\d)"),
    # "rechnet mit einem Plus von 60 Prozent"; not "rechnet mit dem Schlimmsten".
    "rechnen mit": re.compile(r"(?![^.;:]{0,40}?\bmit\s[^.;:]{0,80}?\d)"),
    "ergeben": re.compile(r"(?!,?\s+(?:[^.;]{0,40}\s)?dass\b)"),  # not "ergab 10 Punkte"
    "learn": re.compile(r"\s+(?:to|how|from|about|of|a|an|more|lessons?)\b"),  # "learned to cook"
    "make the case": re.compile(r"(?!\s+(?:that|for)\b)"),  # not "have made the case, but"
    # "denied him bail", "is denying vaccines to detainees", "denied the permit": something
    # withheld, an act (not "denied the charges", "denied that…", "denied that permits were
    # issued").
    "deny": re.compile(
        r"\s+(?:(?:him|her|them|us|me|it|[A-Z][\w’'-]+)\s+)?(?:(?:the|a|an|any|his|her|their|"
        r"its|further|(?!that\b)[\w-]+)\s+)?(?:access|entry|bail|parole|permission|permits?|visas?|"
        r"licen[cs]es?|treatment|care|vaccines?|shots?|benefits|services?|funding|admission|"
        r"requests?|applications?|appeals?|asylum|insurance|coverage|tenure)\b"
    ),
}
# Forms that report what a document says only when a document is their subject.
_DOCUMENT_FORMS = frozenset(("reads", "read", "states"))
# Forms that are nouns after a possessive ("the Taliban’s claims"; but "McDonald’s said").
_NOUN_FORMS = frozenset(
    (
        *("claim", "claims", "report", "reports", "estimates", "finds", "shows", "calls"),
        *("remarks", "requests", "promises", "boasts", "jokes", "warning", "warns", "notes"),
        *("comments", "answers", "highlights", "charges", "muses", "vows", "pledges"),
        "post",
    )
)
# Verbs whose subject must be someone who can speak ("the minister revealed that…").
_SPEAKER_VERBS = frozenset(
    ("observe", "reveal", "indicate", "signal", "assure", "inform", "imply", "echo", "share")
) | {"raise concerns", "sound the alarm"}  # "The attack raised concerns that…": no one spoke
# ("The case drew attention to…", "The sun came out against a grey sky": no one spoke.)
_SPEAKER_VERBS |= {"raise questions", "draw attention", "come out", "implore", "push back"}
_SPEAKER_VERBS |= {"remember"}  # ("The museum remembers the victims": a memorial, no one told)
_SPEAKER_VERBS |= {"guarantee"}  # ("The law guarantees that…": a provision, no one spoke)
_DISMISSED_BEFORE = re.compile(
    r"\b(?:brush(?:ed|es|ing) (?:off|aside)|scoff(?:ed|s|ing) at|cold water on)\s+"
    r"(?:(?:the|those|these|such|any)\s+)?$"
)
_PREPOSITION_BEFORE = re.compile(r"\b(?:in|with|after|of|for|during|amid|despite)\s+$", re.I)
# A preposition right before a finite form leaves it no subject: an adjective.
_ADJECTIVE_PREPOSITION = re.compile(r"\b(?:with|into|amid|among|about|under|from)\s+$", re.I)
_DETERMINER_BEFORE = re.compile(
    r"\b(?:the|a|an|its|their|his|(?<!\bto\s)(?<!\bfor\s)(?<!\bwith\s)(?<!\bof\s)her|our|this|"
    r"these|those)\s+$",
    re.I,
)  # ("Those close to her said": after a preposition "her" is no determiner.)
# "a new report", "its latest findings": an adjective between a determiner and a noun form.
_ADJECTIVE_NOUN_BEFORE = re.compile(
    r"(?:\b(?:the|a|an|its|their|his|her|our|this|these|those)|\w[’']s?)\s+(?:new|latest|recent|annual|"
    r"previous|earlier|separate|official|initial|final|first|second|preliminary|independent|"
    r"internal|confidential|leaked|joint|detailed|lengthy|brief|short|long|"
    # ("his persistent claim that…", "their baseless claims": what is said of the claim.)
    r"persistent|repeated|frequent|false|baseless|unfounded|unsubstantiated|dubious|bold|"
    # ("a newly released report", "the widely cited estimates": an adverb and a participle.)
    r"\w+ly\s+\w+(?:ed|en))\s+$",
    re.I,
)
# A finite verb right after a noun form makes it the subject, not a verb: "The government
# report includes…", "if the latest estimates stay close…" (a reporting verb is followed by
# what was said, never by a verb of its own).
_VERB_AFTER_NOUN = re.compile(
    r"\s+(?:\w+ly\s+)?(?:includes?|included|shows?|showed|found|finds|suggests?|suggested|"
    r"indicates?|indicated|stays?|stayed|remains?|remained|covers?|covered|cites?|cited)\b"
)
# A person or group the attribution is about, in an absolute construction: "with Agassi later
# admitting that…", "with the agency announcing…".
# "you'll notice a few people complaining", "heard residents saying": the one heard speaks.
_PERCEIVED_SUBJECT = re.compile(
    r"\b(?:hear|hears|heard|see|sees|saw|seen|notice|notices|noticed|watch|watched)\s+"
    r"([^,;:“”\"]{2,50}?)\s+(?:\w+ly\s+)?$"
)
_WITH_SUBJECT = re.compile(r"\bwith\s+([^,;:“”\"]{2,60}?)\s+(?:\w+ly\s+)?$")
_FINDERS = frozenset(
    (
        *("report", "study", "survey", "investigation", "review", "audit", "analysis"),
        *("inquiry", "researchers", "scientists", "poll", "investigators", "probe"),
        *("records", "documents", "data", "figures", "filings", "polls", "footage"),
        *("respondents", "voters", "readers", "users", "index", "ranking", "rankings"),
        *("studies", "research", "review", "reviews", "analyses", "trial", "trials"),
        *("experiment", "experiments", "findings", "results", "evidence", "simulations"),
        *("calculations", "observations", "measurements"),
        *("article", "articles", "paper", "papers"),  # "a Forbes article found he had…"
        # "The coroner found the death was accidental": a finding those who hold hearings make.
        *("coroner", "inquest", "tribunal", "jury", "commission"),
    )
)
# Who does research, named by the unit ("Smith's lab showed that…").
_RESEARCH_UNITS = frozenset(
    ("lab", "labs", "laboratory", "laboratories", "team", "teams", "group", "groups", "unit")
)
_SHOWING_DOCUMENTS = frozenset(
    (
        *("emails", "messages", "memo", "memos", "letter", "letters", "files", "minutes"),
        *("logs", "transcripts", "recordings", "texts"),
    )
)
_FORECASTERS = frozenset(
    (
        *("forecasters", "forecaster", "analysts", "analyst", "economists", "economist"),
        *("strategists", "strategist", "meteorologists", "meteorologist", "pollsters"),
    )
)
_FORECASTER_BEFORE = re.compile(
    r"(?i)\b(?:" + "|".join(_FORECASTERS) + r")\s+(?:\w+ly\s+|also\s+|now\s+|still\s+)?$"
)
_DATED = re.compile(
    r"(?<!\s)\s+(?:from|in|since)\s+(?:january|february|march|april|may|june|july|august|september|"
    r"october|november|december)(?:\s+\d{4})?$",
    re.IGNORECASE,
)
_HEAD_BEFORE_PHRASE = re.compile(r"\s(?:of|from|in|on|at|by|since|among|with|for)\s")
_AGENT_AFTER = re.compile(r"\s+by\b")
_COPULA_AFTER = re.compile(r"\s+(?:is|was|are|were)\b")
_ADJECTIVE_BEFORE = re.compile(r"\b(?:most|more|less|least|very|a|an|the|its|their|his|her)\s+$")
_INFINITIVE_BEFORE = re.compile(r"\bto\s+$")
_CONTROL_VERB_BEFORE = re.compile(
    r"(?:\w+(?:ed|ly)|voted|agreed|decided|refused|failed|want|wanted|tried|plans|plan|expected|"
    r"likely|able|going|has|have|had|used|need|needs|wants|seeks|seem|seems|appears|"
    # "would love to tell you…", "shouldn't be afraid to say…", "too timid to suggest": a wish,
    # a fear or an inability, nothing said.
    r"love|like|hate|afraid|scared|too\s+\w+)\s+to\s+$"
)
# Reporting verbs whose passive names the speaker after "by" ("were disputed by Smith");
# not verbs of acts ("a meeting called by", "charged by police", "found by hikers").
_AGENT_LEMMAS = frozenset(
    (
        *("describe", "characterise", "brand", "dispute", "divulge", "claim", "allege"),
        *("deny", "criticise", "condemn", "slam", "blame", "accuse", "question", "predict"),
        *("estimate", "suggest", "recommend", "hail", "echo", "praise", "call for", "warn"),
        *("reaffirm", "contend", "assert", "dismiss", "rule out", "lament"),
    )
)
# Verbs of judging whose reduced passive describes a thing rather than reports a statement.
_JUDGING_LEMMAS = frozenset(("criticise", "condemn", "slam", "praise", "hail", "lament"))
# Past participles before their agent: right before "by", or past "as …" ("branded as a
# “hacker” by"); after a form of "be", past what it was called ("labeled terrorists by").
_AGENT_REDUCED = re.compile(r"\s+(?:as\s+[^.;:,()]{1,50}?\s+)?by\s+")
_AGENT_BE = re.compile(r"\s+(?:[^.;:,()“”\"]{1,50}?\s+)?by\s+")
# Where the agent ends: "by Morales and placed under…", "by a former employee in court".
_AGENT_STOP = re.compile(
    r"[,.;:!?”\"(—–]|\s-\s|\s(?:and|in|on|at|during|after|before|to|for|that|who|which|last|"
    r"this|when|while|because|over|as)\s"
)
_NEGATION_BEFORE = re.compile(
    # ("have not ruled out": the perfect, as common in news as "did not".)
    r"\b(?:(?:did|does|do|would|will|could|can|have|has|had)(?:\s+not|n[’']t)|won[’']t|"
    r"can[’']t|cannot|"
    r"(?:refused|refuses|declined|declines)\s+to)\s+(?:\w+ly\s+)?$"
)
# Verbs that name what something is ("what Obama calls a reset").
_NAMING_LEMMAS = frozenset(("call", "describe", "characterise", "brand"))
_ASPECT_BEFORE = re.compile(
    r"\b(?:proceed(?:ed|s)?|went on|goes on|go on|continu(?:ed|es)|began|begins|start(?:ed|s)|"
    r"used)\s+to\s+$"
)
# "…, as the minister noted, …": a clause of comparison naming who said it.
_AS_SAID = re.compile(
    r"(?:^|[,;(—–]\s*)(?:[Jj]ust\s+)?[Aa]s\s+([^,;:“”\"()]{2,60}?)\s+(?:(?:\w+ly|has|have|had)\s+)?$"
)
# What was said, right after a verb: a that-clause, a quotation, an "as" phrase.
_CLAUSE_AFTER = re.compile(r"\s*(?:[,:]\s*[“”\"«]|[“\"«])|\s+(?:\w+ly\s+)?(?:that|as)\b|\s*[.;]?$")
# A verb and its object before an infinitive: someone else is to say it ("pressed Trump to").
_OBJECT_CONTROL_BEFORE = re.compile(
    r"\b(?:press(?:ed|es)?|pressur(?:ed|es)|urg(?:ed|es)|ask(?:ed|s)|forc(?:ed|es)|told|tells|"
    r"invit(?:ed|es)|encourag(?:ed|es)|allow(?:ed|s)|order(?:ed|s)|called on|calls on|"
    r"challeng(?:ed|es)|persuad(?:ed|es)|begged|wants|wanted|expects?|expected)\s+"
    r"(?:[\w’'.-]+\s+){1,4}to\s+$"
)
# Bare forms that report only as an infinitive ("was careful to note that…").
_INFINITIVE_ONLY = frozenset(("add", "note", "stress", "explain", "emphasize", "emphasise"))
# The subject after a German verb: an article, adjectives, a noun and the names after it
# ("der Minister", "die Bundesministerin Nancy Faeser", "Scholz"), not the object after it.
_GERMAN_SUBJECT = re.compile(
    # ("Das bestätigt uns später auch Sebastian K.": a listener and adverbs may come first.)
    r"(?:\s+(?:uns|mir|ihm|ihr|ihnen|später|auch|nun|jetzt|gestern|heute))*"
    r"\s+((?:(?:der|die|das|den|dem|des|ein|eine|einer|eines)\s+(?:[a-zäöüß-]+\s+){0,2})?"
    r"[A-ZÄÖÜ][\wäöüß.-]*(?:\s+[A-ZÄÖÜ][\wäöüß.-]*){0,2})(?=[\s,.;:!?]|$)"
)
# A description's genitive, then the person's name between commas: "der Kassenwart des
# Kreisverbandes Essen, Klaus K., …".
_GERMAN_APPOSED = re.compile(
    r"(?:\s+(?:des|der|eines|einer)\s+[^,;:„“”\"]{1,60}?)?,\s+"
    r"((?:[A-ZÄÖÜ][\wäöüß.-]*\s+){1,2}[A-ZÄÖÜ][\wäöüß.-]*),"
)
# What may follow an inverted German subject when nothing is said: a place, a time, a medium.
_SETTING_AFTER_SUBJECT = re.compile(
    r"(?:\s+(?:selbst|auch|noch|später|heute|in|im|am|an|auf|bei|beim|gegenüber|vor|nach|mit|"
    r"per|während|zum|zur)(?:\s+[^\s,;:„“”\"»«]+){0,5})*\s*[.!?]?\s*"
)
# A listener or a time after an inverted German verb's subject, before a colon that opens what
# was said: "…, antwortet Keith dem Essener Parteichef am 30. März: „…“".
# (The suggester starts what was said after this colon.)
GERMAN_AFTER_PARTY = re.compile(r"\s+(?:dem|den|der|am|im)\s[^:„“”\"»«]{1,120}:(?=\s*[„“\"»])")
# German verbs whose content is a clause or a quotation, never an object ("warnte vor …").
_SAYING_LEMMAS = frozenset(
    (
        *("sagen", "erklären", "antworten", "schreiben", "berichten", "erzählen", "mitteilen"),
        *("betonen", "meinen", "erläutern", "fügen hinzu", "versichern", "erwidern"),
    )
)
# "Das sagt Lutz S. selbst", "Dies bestätigte der Sprecher": the sentence before is what was said.
_POINTING_BACK = re.compile(r"(?i)\s*(?:und\s+)?(?:das|dies)\s+")
_FOR_BEFORE = re.compile(r"\S\s+for\s+$")
_SAID_AFTER = re.compile(_THAT_SOON + r"|[,:]?\s*[“\"]")
# "prompted the judge to quip", "leading analysts to warn": the one made to speak.
_CAUSED_TO = re.compile(
    # (Not "forced them to deny": what someone was made to say is no statement of theirs.)
    r"\b(?:prompted|prompting|prompts|led|leading|leads|caused|causing|spurred|"
    r"spurring|moved|inspired|inspiring)\s+([^,;:“”\"]{2,50}?)\s+to\s+$"
)
# A name after the comma that closes a statement: "…, The New York Times reports, citing…".
_TRAILING_REPORTER = re.compile(r"[,”\"]\s+(?:[Tt]he\s+)?(?:[A-Z][\w.&’'-]*\s+){1,4}$")
_AS_REPORTER = re.compile(r"(?:^|[,;]\s+)[Aa]s\s+(?:[Tt]he\s+)?(?:[A-Z][\w.&’'-]*\s+){1,4}$")
_SPEAKER_VERB_AFTER = re.compile(
    r"\b(?:said|says|told|tells|announced|announces|added|stated|claimed|claims|confirmed)\b"
)
_NOT_REPORTING_BEFORE = re.compile(r"\b(?:worth|without|by|of|for)\s+$", re.IGNORECASE)
# "if they called for…", "unless he says so": a supposition.
# "if they called for…", "si elle estime que…": a supposition.
_CONDITIONAL_BEFORE = re.compile(
    r"(?:\b(?:if|unless|si)\s+(?:[\w’'-]+\s+){1,3}|\bs[’']ils?\s+(?:[\w’'-]+\s+){0,2})$",
    re.IGNORECASE,
)
# "X responded by saying that…": the manner of a clause's subject speaking.
_BY_MANNER = re.compile(r"\S\s+by\s+$")
# Turns of phrase with a reporting verb that report nothing.
_IDIOM = re.compile(
    r"(?i)\bto say the least\b|\bneedless to say\b|\bso to speak\b|\bsuffice it to say\b"
    r"|\bthat is to say\b|\bto put it (?:mildly|lightly)\b|\bgoes without saying\b"
    r"|\b(?:is|was|isn[’']t|wasn[’']t)\s+(?:not\s+)?to\s+say\b"  # "None of this is to say…"
    r"|\b(?:fair|safe|hard|difficult|easy|impossible|early)\s+to\s+say\b"  # "it is fair to say"
)
_TOKEN = re.compile(r"\S+")
_QUESTION_AFTER = re.compile(
    r"\s+(?:[\w’'.-]+\s+){0,4}?(?:whether|if|what|why|how|when|who|where|which|about)\b"
)
# A when- or after-clause after a main clause, its subject just before the verb (see
# _ends_in_time_clause).
_TIME_CONJUNCTIONS = ("when", "after", "once")
_CLAUSE_STOPS = ".;:!?"
_WORD_CHAR = re.compile(r"\w")
# A pronoun object, then only where or how ("admitted it in a recent interview").
_PRONOUN_OBJECT_ONLY = re.compile(
    r"\s+(?:it|this|them)(?:\s+(?:in|on|at|via|during|through|with|by|to)\b[^,;:“”\"]*)?"
    r"\s*[.!?]?\s*$"
)
# The author's guess about what a party did: "It is possible that X agreed…".
_AUTHOR_HEDGE = re.compile(
    r"(?i)\bit(?:[’']s|\s+is|\s+was|\s+seems|\s+seemed|\s+may\s+be|\s+might\s+be)\s+"
    r"(?:quite\s+|very\s+|entirely\s+|also\s+)?(?:possible|likely|unlikely|conceivable|plausible|"
    r"probable|doubtful)\s+that\s+[^,;:“”\"]*$"
)
# The author's reading of an act as an admission: "has effectively admitted", "tacitly conceded".
_JUDGED_ADVERB = re.compile(r"\b(?:effectively|implicitly|tacitly|essentially|in effect)\s+$")
# A copula and an adjective before "and": the form after it is a second adjective.
_ADJECTIVE_FORMS = frozenset(
    ("assured", "guarded", "measured", "reserved", "composed", "concerned", "convinced")
)
_ADJECTIVE_PAIR = re.compile(
    r"\b(?:is|are|was|were|be|been|seemed|seems|looked|looks|sounded|sounds)\s+"
    r"(?:\w+ly\s+)?[a-z]+\s+and\s+$"
)
# A rule and whom it binds, before a bare verb: "requiring voters (to) show…".
_REQUIRED_OF = re.compile(r"\brequir(?:e|es|ed|ing)\s+(?:(?!that\b)[\w’'-]+\s+){1,3}$")
_AUXILIARIES = frozenset(["is", "are", "was", "were", "has", "have", "had", "will", "would"])


@dataclass
class Attribution:
    """One reporting verb (or phrase) in a sentence and its party, by sentence offsets."""

    verb_start: int
    verb_end: int
    lemma: str
    pattern: str
    party_start: int = -1
    party_end: int = -1
    party: str = ""
    needs_subject: bool = False
    # The party acts and says nothing ("…, when Owens admitted it"): no statement, but the
    # party is still the one a later "he" may mean.
    act_only: bool = False

    @property
    def anchor_start(self) -> int:
        """Return where the attribution starts (party or verb, whichever comes first)."""
        return min(self.verb_start, self.party_start) if self.party_start >= 0 else self.verb_start

    @property
    def anchor_end(self) -> int:
        """Return where the attribution ends (party or verb, whichever comes last)."""
        return max(self.verb_end, self.party_end)


def quote_regions(sentence: str) -> list[tuple[int, int]]:
    """Return the (start, end) of each quotation in sentence, marks included."""
    return list(_quote_regions(sentence))


@functools.lru_cache(maxsize=1024)
def _quote_regions(sentence: str) -> tuple[tuple[int, int], ...]:
    # Several rules ask of the same sentence; the walk over its characters is done once.
    regions = []
    open_at: int | None = None
    straight_open: int | None = None
    low_open = False  # German „…“ closes with the mark English opens with
    low_depth = 0  # „…„…“…“: a quotation inside a German quotation
    single_open: int | None = None  # British ‘…’ (’ with a letter after it is an apostrophe)
    for i, ch in enumerate(sentence):
        if ch == "‘" and open_at is None and straight_open is None and single_open is None:
            single_open = i
        elif ch == "’" and single_open is not None and not sentence[i + 1 : i + 2].isalpha():
            regions.append((single_open, i + 1))
            single_open = None
        elif ch == "„" and open_at is None:
            open_at, low_open, low_depth = i, True, 1
        elif ch == "„" and low_open:
            low_depth += 1
        elif ch == "“" and low_open and open_at is not None and low_depth > 1:
            low_depth -= 1
        elif ch == "“" and low_open and open_at is not None:
            regions.append((open_at, i + 1))
            open_at, low_open, low_depth = None, False, 0
        elif ch == "“" and straight_open is not None and open_at is None:
            regions.append((straight_open, i + 1))  # "…“ : mixed marks, one quotation
            straight_open = None
        elif ch == "“" and open_at is None:
            open_at = i
        elif ch == "”" and open_at is not None:
            regions.append((open_at, i + 1))
            open_at = None
        elif ch == '"' and open_at is not None:
            regions.append((open_at, i + 1))  # “…" : mixed marks, one quotation
            open_at = None
        elif ch == '"':
            if straight_open is None:
                straight_open = i
            else:
                regions.append((straight_open, i + 1))
                straight_open = None
    if open_at is not None:
        regions.append((open_at, len(sentence)))
    if straight_open is not None:
        regions.append((straight_open, len(sentence)))
    return tuple(sorted(regions))


_GUILLEMETS = re.compile(r"«[^«»]*»|»[^«»]*«")


def _guillemets(sentence: str) -> tuple[tuple[int, int], ...]:
    """Return the (start, end) of each «…» (or German »…«) quotation in sentence."""
    if "«" not in sentence and "»" not in sentence:
        return ()
    return tuple(m.span() for m in _GUILLEMETS.finditer(sentence))


# The audit of the guards (benchmarks/suggest_guard_audit.py, tests): which guard refused which
# reporting verb, and guards to waive to see what they cost. Off (None) in use: a refusal then
# costs one global lookup.
_refusals: list[tuple[int, str]] | None = None
_waived: frozenset[str] = frozenset()


def _ends_in_time_clause(sentence: str, end: int) -> bool:
    """Return whether sentence[:end] ends in "when", "after" or "once" after a clause."""
    # From the end only, with string operations: a regex searched from every start rescans
    # the head each time, minutes on one long sentence with no stop.
    head = sentence[:end]
    stripped = head.rstrip()
    if len(stripped) == len(head):
        return False  # the conjunction is followed by a space before the subject
    conjunction = next((c for c in _TIME_CONJUNCTIONS if stripped.endswith(c)), None)
    if conjunction is None:
        return False
    gap = len(stripped) - len(conjunction) - 1  # the comma or space before the conjunction
    if gap < 0 or not (stripped[gap] == "," or stripped[gap].isspace()):
        return False
    # The clause before: a word since the last stop ("It caused a stir when").
    clause_start = max(stripped.rfind(stop, 0, gap) for stop in _CLAUSE_STOPS) + 1
    return _WORD_CHAR.search(stripped, clause_start, gap) is not None


def _refused(guard: str, match: re.Match[str] | int) -> bool:
    """Record a guard's refusal of the verb at match; return False when the audit waives it."""
    if _refusals is None:
        return True
    if guard in _waived:
        return False
    _refusals.append((match if isinstance(match, int) else match.start(), guard))
    return True


def _refuse(guard: str, match: re.Match[str] | int) -> None:
    """Record a refusal no audit can waive (nothing is left to attribute without it)."""
    if _refusals is not None:
        _refusals.append((match if isinstance(match, int) else match.start(), guard))


@contextlib.contextmanager
def guard_audit(waive: Iterable[str] = ()) -> Iterator[list[tuple[int, str]]]:
    """Collect (verb offset, guard) of every refusal made inside, with the named guards waived.

    >>> from briefing_app.core.suggest.languages import lexicon_for
    >>> with guard_audit() as refusals:
    ...     _ = find_attributions("Residents see the river rise.", lexicon_for("en"))
    >>> refusals
    [(10, 'see-not-forecast')]
    """
    global _refusals, _waived
    saved = _refusals, _waived
    _refusals, _waived = [], frozenset(waive)
    try:
        yield _refusals
    finally:
        _refusals, _waived = saved


# The reporting verbs of one sentence read for a party: each rereads the sentence before it, so
# thousands ("…when X admitted it, when X admitted it, …", a hostile or broken file) cost
# minutes; a sentence of prose names a handful of speakers.
MOST_VERBS = 50


# A wire service's note on its own story: "(Corrects paragraph 3 to show…)", "(Adds quote…)".
_EDITORS_NOTE = re.compile(r"\((?:Corrects|Updates|Adds|Recasts|Refiles|Fixes|Clarifies)\s")


def find_attributions(sentence: str, lexicon: Lexicon) -> list[Attribution]:
    """Return the attributions in one sentence, in order, each with its party if found."""
    if lexicon.language == "en" and _EDITORS_NOTE.match(sentence):
        _refuse("editors-note", 0)
        return []  # what the story said is corrected by the newsroom, no party speaks
    # (A verb inside « … » is quoted speech too: "«on dit à quoi…», ajoute-t-on".)
    quoted = [*quote_regions(sentence), *_guillemets(sentence)]
    opened = sentence.rfind("«")
    if lexicon.guillemets and opened > sentence.rfind("»"):
        # "«Bernard Tapie sera-t-il… a fait savoir…" closed in a later paragraph: the rest of
        # the sentence is quoted.
        quoted.append((opened, len(sentence)))

    def inside_quote(pos: int) -> bool:
        return any(a < pos < b for a, b in quoted)

    found: list[Attribution] = []
    # A headline in title case ("…Gamble,' Says Top Central Bank Official"): its verbs are
    # read in lower case, its names as written.
    read = _lowered_verbs(sentence, lexicon) if _is_title_case(sentence, lexicon) else sentence
    for seen, match in enumerate(_verb_pattern(lexicon).finditer(read)):
        if seen == MOST_VERBS:
            break
        if inside_quote(match.start()) and _refused("inside-quote", match):
            continue
        att = _verb_attribution(read, match, lexicon)
        if att is not None:
            found.append(att)
    opening = _opening_phrase(sentence, lexicon)
    if opening is not None:
        found.append(opening)
        found.extend(_parallel_openings(sentence, opening, lexicon, inside_quote))
    fronted = _fronted_participle(sentence, lexicon) if lexicon.language == "en" else None
    if fronted is not None and all(a.verb_start != fronted.verb_start for a in found):
        found.append(fronted)
    if not found:
        found.extend(_viewpoints(sentence, lexicon, inside_quote))
    # ("Laut Unterlagen, die uns vorliegen, antwortet Keith: …": the documents only show
    # what the inverted verb's subject said.)
    inverted = lexicon.nouns_capitalised and any(a.party and a.pattern == "verb X" for a in found)
    for source in _source_phrases(sentence, lexicon, inside_quote):
        # "…, he said according to a transcript": the document only backs the same statement.
        if inverted and source.party_end <= min(a.verb_start for a in found):
            continue
        if not any(0 <= source.verb_start - a.anchor_end <= 3 for a in found):
            found.append(source)
    passives = _passives(sentence, lexicon, inside_quote)
    if any(a.party for a in found):
        # "…is estimated at $16 million, according to Forbes": the named source says it; but
        # "X was arrested for allegedly …, but he denied it": another clause, another party.
        passives = [p for p in passives if p.party or _own_clause(sentence, p, found)]
    found.extend(passives)
    statement = _statement_intro(sentence, lexicon)
    if statement is not None and not any(a.party_start >= 0 for a in found):
        found.append(statement)
    found.sort(key=lambda a: a.verb_start)
    _give_subjects(sentence, found, lexicon)
    for att in found:
        if att.needs_subject:
            _refuse("no-subject", att.verb_start)
    made = [_trimmed(sentence, a, lexicon) for a in found if not a.needs_subject]
    return [a for a in made if not _nested(sentence, a, made, lexicon)]


def _trimmed(sentence: str, att: Attribution, lexicon: Lexicon) -> Attribution:
    """Return att with its party's trailing place, participle or media noun cut off ("The
    Daily Observer newspaper in Monrovia reported": The Daily Observer)."""
    # (Only a party before its verb: after it, the span also bounds what the sentence says.)
    if not att.party or not 0 <= att.party_start < att.party_end <= att.verb_start:
        return att
    party = trim_party_tail(att.party, lexicon)
    if party == att.party or sentence[att.party_start : att.party_end] != att.party:
        return att
    return replace(att, party=party, party_end=att.party_start + len(party))


# Verbs whose participle after a comma often gives the author's inference from an act.
_INFERRING_LEMMAS = frozenset(("suggest", "indicate", "show", "signal", "imply"))
_FINDING_LEMMAS = frozenset(("find", "show", "suggest", "reveal", "indicate", "conclude"))
_THAT_BETWEEN = re.compile(r"\s*(?:\w+ly\s+)?that\s+")


def _nested(sentence: str, att: Attribution, made: list[Attribution], lexicon: Lexicon) -> bool:
    """Return whether an attribution's party opens another party's that-clause (refused so).

    "The study found that patients reported less pain": what the patients reported is part
    of what the study found, one statement, not a second speaker.
    """
    if att.pattern != "X verb" or att.party_start < 0:
        return False
    # "A diplomat said that Beijing had asked…", "Beijing had asked…, a diplomat said.": what
    # Beijing asked is what the diplomat says it asked, the diplomat's statement.
    if any(reported_within(sentence, att, other, lexicon) for other in made):
        return _refused("nested-speech", att.verb_start)
    outer = any(
        other is not att
        and other.party
        # (Only a finding, or a report of what people told researchers: "Reports say that
        # the agency warned banks…" holds the agency's own warning.)
        and (other.lemma in _FINDING_LEMMAS or att.lemma == "report")
        and other.verb_end <= att.party_start
        and _THAT_BETWEEN.fullmatch(sentence, other.verb_end, att.party_start)
        for other in made
    )
    return outer and _refused("nested-report", att.verb_start)


_CLAUSE_JOINT = re.compile(r";\s|,\s+(?:but|while|whereas|although|though|yet)\s")


def _own_clause(sentence: str, passive: Attribution, named: list[Attribution]) -> bool:
    """Return whether a passive stands in a clause of its own, apart from every named party's."""
    for att in named:
        if not att.party:
            continue
        lo, hi = sorted((passive.verb_end, att.anchor_start))
        if att.anchor_end <= passive.verb_start:
            lo, hi = att.anchor_end, passive.verb_start
        if not _CLAUSE_JOINT.search(sentence, lo, hi):
            return False
    return True


_SMALL_WORDS = frozenset(("a", "an", "the", "of", "to", "in", "on", "for", "and", "or", "at", "by"))


def _is_title_case(sentence: str, lexicon: Lexicon) -> bool:
    """Return whether a sentence is an English headline in title case (no end stop)."""
    if lexicon.language != "en" or sentence.rstrip(' ”"’»)')[-1:] in (".", "!", "?"):
        return False
    words = [w for w in re.findall(r"[A-Za-z][\w’'-]*", sentence) if w.lower() not in _SMALL_WORDS]
    capitalised = sum(1 for w in words if w[0].isupper())
    return len(words) >= 4 and capitalised >= 0.8 * len(words)


# Verbs of headlines, never nouns there ("Police Report Shows…" is a report, not a reporting).
_HEADLINE_VERBS = frozenset(
    (
        *("says", "said", "warns", "warned", "urges", "urged", "tells", "told", "vows"),
        *("denies", "denied", "admits", "admitted", "insists", "insisted", "confirms"),
        *("reveals", "predicts", "argues", "accuses", "rejects", "suggests", "announces"),
        *("explains", "hints", "praises", "slams", "blasts", "dismisses", "concedes"),
        *("criticises", "criticizes", "condemns", "pledges", "promises", "threatens"),
    )
)


def _lowered_verbs(sentence: str, lexicon: Lexicon) -> str:
    """Return a headline with its reporting verbs in lower case (same offsets)."""
    return re.sub(
        r"\b[A-Z][a-z]+\b",
        lambda m: m.group(0).lower() if m.group(0).lower() in _HEADLINE_VERBS else m.group(0),
        sentence,
    )


# "…, Page would say, “…”", "Brin would say the idea was naive": a name's habit in a story.
_HABITUAL_WOULD = re.compile(r"(?:^|[\s,;—–])([A-Z][\w’'-]+)\s+would\s+(?:\w+ly\s+)?$")


def _habitual(before: str, lexicon: Lexicon) -> bool:
    """Return whether "would" before a verb follows a person's name (what they used to say)."""
    if lexicon.language != "en":
        return False
    name = _HABITUAL_WOULD.search(before)
    if name is None or name.group(1).lower() in lexicon.first_person:
        return False
    if _verb_pattern(lexicon).search(before) or re.search(
        r"\b(?:that|if)\s+$", before[: name.start(1)]
    ):
        return False  # "He said that Marsh would announce…": a future in reported speech
    # Mid-sentence a capitalised word is a name; at the start it may be "Critics", "Few".
    return bool(before[: name.start(1)].strip()) or is_person_like(name.group(1), lexicon)


def _said_after(after: str) -> bool:
    """Return whether what was said follows a verb: a quotation, a that-clause or one without."""
    return bool(re.match(r"\s*[,:]\s*[“\"]|\s+that\b|" + _ZERO_THAT, after))


def _plural_present(before: str, after: str) -> bool:
    """Return whether a bare "note"/"add" is a plural subject's present tense: "The researchers
    note that…", "…, analysts add." (not "add sugar", "a note", "stress, depression")."""
    if re.match(r"\s+that\b", after):
        return bool(re.search(r"(?:\b(?:they|you)|\b[a-z]{3,}s)\s+(?:\w+ly\s+)?$", before))
    return bool(re.match(r"\s*[,.]", after) and re.search(r",\s+[^,;:“”\"]{2,40}$", before))


def _speech_gerund_after(after: str, lexicon: Lexicon) -> bool:
    """Return whether "by" and a reporting verb's -ing form follow ("…responded by warning")."""
    gerund = re.match(r"\s+by\s+([a-z]{3,})ing\b", after)
    if gerund is None:
        return False
    stem = gerund.group(1)
    lemmas = {
        lexicon.verb_forms[form]
        for form in (stem + "ed", stem + "s", stem + "es")
        if form in lexicon.verb_forms
    }
    # ("responded by calling a strike": a verb that is also an act says nothing here.)
    return bool(lemmas) and not lemmas & _NOT_REPORTING_AFTER.keys()


def _verb_attribution(sentence: str, match: re.Match[str], lexicon: Lexicon) -> Attribution | None:
    """Return the attribution a reporting-verb match makes, or None when it makes none."""
    form = verb_form(match.group(0), lexicon)
    # "pointing out", "calling for": a participle however many words follow it.
    participle = form.split()[0].endswith("ing")
    att = Attribution(match.start(), match.end(), lexicon.verb_forms[form], "X verb")
    before = sentence[: match.start()]
    after = sentence[match.end() :]
    if participle and _BY_MANNER.search(before) and lexicon.language == "en":
        att.pattern = "participle"
        relative = re.search(r",\s+(?:which|who)\s+[^,]*$", before)
        if relative is None:
            att.needs_subject = True  # the subject of the sentence's clause speaks
            return att
        span = None
        for extra in range(3, -1, -1):
            # ("rhetoric from Netanyahu’s Likud party, which…": the longest phrase that names.)
            phrase = re.search(
                r"(?<![\w’'.-])(?:[\w’'.-]+\s+){" + str(extra) + r"}[\w’'.-]+$",
                sentence[: relative.start()],
            )
            span = phrase and _clean_party(sentence, phrase.start(), relative.start(), lexicon)
            if span:
                break
        if not span:
            _refuse("relative-antecedent", match)
            return None  # the relative's antecedent is no party we can name
        # "…Likud party, which tried to rally support by saying that…": the party before.
        att.party_start, att.party_end = span
        att.party = sentence[span[0] : span[1]]
        return att
    if (
        participle
        and att.lemma in _INFERRING_LEMMAS
        and re.search(r",\s*$", before)
        and not re.match(_THAT_SOON, after)
        # ("…, suggesting “considerable” risks": quoted words were said.)
        and not re.match(r"\s+(?:[^.;:,“”\"]{0,30}\s)?[“\"]", after)
        and _refused("inference-participle", match)
    ):
        # "The Fed will buy more bonds, suggesting a bit more support for housing": what the
        # act suggests to the author, not what anyone said.
        return None
    if participle and _FOR_BEFORE.search(before) and _SAID_AFTER.match(after):
        # "Boehner is under fire for indicating in June that…", "apologized for saying
        # that…": what the sentence's subject said.
        att.needs_subject = True
        att.pattern = "participle"
        return att
    if (
        att.lemma == "see"
        and not _FORECASTER_BEFORE.search(before)
        and _refused("see-not-forecast", match)
    ):
        return None  # "Residents see the river rise", "to see": seeing, not forecasting
    if (
        form in _INFINITIVE_ONLY
        and lexicon.language == "en"  # (French "il note que…" is a finite verb)
        and not _INFINITIVE_BEFORE.search(before)
        and not _plural_present(before, after)
        and _refused("infinitive-only", match)
    ):
        return None  # "add sugar", "a note", "under stress": only "was quick to add that…"
    # "did not rule out a rate rise", "refused to rule out": saying it may happen.
    negation = (
        _NEGATION_BEFORE.search(before)
        if att.lemma == "rule out" and lexicon.language == "en"
        else None
    )
    if (
        negation is None
        and _NOT_REPORTING_BEFORE.search(before)
        and _refused("preposition-before", match)
    ):
        return None
    if (
        negation is None
        and _MODAL_BEFORE.search(before)
        # ("would only say that talks continue": all they said.)
        and not re.search(r"\bwould only\s+$", before)
        and not (_habitual(before, lexicon) and _said_after(after))
        and _refused("modal-before", match)
    ):
        return None
    if _IDIOM.search(sentence, max(0, match.start() - 12), match.end() + 12) and _refused(
        "idiom", match
    ):
        return None  # "to say the least", "needless to say": a turn of phrase
    if (
        not participle
        and _DETERMINER_BEFORE.search(before)
        and _refused("determiner-before", match)
    ):
        return None  # "its threatened vegetation", "the alleged attacker": an adjective
    if _noun_after_determiner(form, before, lexicon) and _refused("noun-after-determiner", match):
        return None  # "a new report", "la critique de": a noun
    if _noun_before_verb(form, after) and _refused("noun-before-verb", match):
        return None  # "The government report includes…": the noun is the subject
    if (
        form == "reports"
        and not re.match(r"\s*(?:[.!?]|$)", after)
        # "…, The New York Times reports, quoting family members.": a name set off by commas
        # reports what went before.
        and not (re.match(r"\s*,", after) and _TRAILING_REPORTER.search(before))
        # "As the BBC reports, talks …": the outlet's report, the sentence's content after it
        # (unless a speaker's own verb follows: "As X reports, the firm announced that…").
        and not (
            re.match(r"\s*,", after)
            and _AS_REPORTER.search(before)
            and not _SPEAKER_VERB_AFTER.search(after)
        )
        and _refused("reports-noun", match)
    ):
        return None  # "police reports show…", "reports of shelling": a noun
    if (
        form in _NOUN_FORMS
        and _PREPOSITION_BEFORE.search(before)
        and _refused("noun-after-preposition", match)
    ):
        return None  # "In remarks to reporters", "after reports of": a noun
    if (
        form in _NOUN_FORMS
        and _DISMISSED_BEFORE.search(before)
        and _refused("noun-after-dismissal", match)
    ):
        return None  # "scoffed at claims that…": what was dismissed, a noun
    if (
        not participle and lexicon.language == "en" and _ADJECTIVE_PREPOSITION.search(before)
    ) and _refused("adjective-preposition", match):
        return None  # "comes with added costs", "under stated rules": an adjective
    if (
        att.lemma == "lauten"
        and not re.search(r"[“”\"»«],?\s*$", before)
        and _refused("de-lauten-not-after-quote", match)
    ):
        return None  # "»…«, lautet eine Weisheit"; not "Die Frage lautet, wer zahlt"
    action = _NOT_REPORTING_AFTER.get(att.lemma)
    if action is not None and action.match(after) and _refused(f"action-after:{att.lemma}", match):
        return None
    agent = _passive_agent(sentence, match, att.lemma, lexicon)
    if agent is not None:
        # "The figures were disputed by the union", "a plan divulged by a former employee":
        # the agent of a passive reporting verb is who said it.
        att.party_start, att.party_end = agent
        att.party = sentence[agent[0] : agent[1]]
        att.pattern = "passive"
        return att
    if (
        _AGENT_AFTER.match(after)
        # "The judge responded by threatening to…": by speaking in that way, not an agent.
        and not _speech_gerund_after(after, lexicon)
        and _refused("agent-after", match)
    ):
        return None
    if (
        _COPULA_AFTER.match(after) and not form.endswith(("ed", "said", "told", "wrote"))
    ) and _refused("copula-after", match):
        return None  # "Florida State's claim is": a noun
    if att.lemma == "ask" and _QUESTION_AFTER.match(after) and _refused("question-after", match):
        return None  # "asked him whether…": a question, not a statement
    if (
        att.lemma == "defend"
        and (
            # ("penned an essay defending…": a text of the subject's takes a stand.)
            (participle and not _BE_BEFORE.search(before) and not _TEXT_BEFORE.search(before))
            or re.search(r"\b[Aa]s\s+\w+\s+$", before)
        )
        and _refused("defend", match)
    ):
        # "…, defending a law that…", "as she defended the bureau": a lawyer's or a
        # soldier's work; "X defended the pick, saying…" is what X said of it.
        return None
    if (
        att.lemma == "detail"
        and _ADJECTIVE_USE.search(before)
        and _refused("detail-adjective", match)
    ):
        return None  # "contained detailed information", "a highly detailed map"
    if (
        att.lemma == "maintain"
        and re.match(r"\s+(?:a|an)\b", after)
        and _refused("maintain-action", match)
    ):
        return None  # "maintained an image": an action
    if (
        form in lexicon.after_quote_forms
        and not (
            _AFTER_QUOTE.search(before)
            # "Obama declared his counterpart would help": a that-clause without "that".
            or (att.lemma == "declare" and re.match(_ZERO_THAT, after))
            # "Peskov posted on Telegram that…": what was posted follows (unless another verb
            # before it reports the statement: "said in a statement emailed to NBC that").
            or (
                re.match(r"\s+(?:(?:on|in|to)\s+[^.,;:“”\"]{1,30}?\s+)?that\b", after)
                and not _verb_pattern(lexicon).search(before)
            )
            # "A customer raved, “…”": the quotation follows the verb ("X lâche « … »": French
            # needs no comma before its guillemet).
            or re.match(r"\s*[,:]\s*[“\"«„]", after)
            or (lexicon.guillemets and re.match(r"\s*«", after))
            # "“…,” raved Steve Tignor.": right after the quotation, its party after the verb.
            or (form in lexicon.inverting_forms and re.search(r"[,”\"’»]\s*$", before))
            # "“…night shift?” Judge Ortiz interjected.": the quotation is the sentence before
            # (the suggester takes it only if that sentence is a quotation).
            or (re.fullmatch(r"[\s.!]*", after) and re.fullmatch(r"[^,;:“”\"«»]{2,60}", before))
        )
    ) and _refused("after-quote-form", match):
        return None
    if (
        form in lexicon.parenthetical_forms
        and not (re.search(r",\s+[^,;:“”\"]{1,40}$", before) and re.match(r"\s*[,.;]", after))
        # German inverts the aside: "…, glaubt Stenger.", "Eine Sucht, glauben Kritiker, …".
        and not (
            lexicon.nouns_capitalised
            and re.search(r",\s*$", before)
            and re.match(r"\s+[^,;:.“”„\"]{1,40}[,.;]", after)
        )
    ) and _refused("parenthetical", match):
        return None  # "I think we should go": a thought, not a report
    unsaying = lexicon.unsaying_particles.get(form)
    if unsaying is not None:
        # "Der Sänger sagte das Konzert ab": cancelled, nothing said.
        clause = re.split(r"[,.;:!?]", after, maxsplit=1)[0]
        if re.search(r"\s(?:" + unsaying + r")\s*$", clause) and _refused("unsaying", match):
            return None
    particle = lexicon.separable.get(form)
    if particle is not None:
        # "…, teilte die Polizei mit": the verb needs its particle at the end of its clause.
        clause = re.split(r"[,.;:!?]", after, maxsplit=1)[0]
        ending = re.search(r"\s(?:" + particle + r")\s*$", clause)
        if ending is None:
            _refuse("separable-particle", match)
            return None
        after = after[: ending.start()]
        sentence = (
            sentence[: match.end() + ending.start()]
            + " " * len(ending.group(0))
            + (sentence[match.end() + ending.end() :])
        )
        if after_particle := sentence[match.end() + ending.end() :].strip(" .!?"):
            # "Die Polizei teilte am Montag mit, dass…": what was said follows the particle
            # (in "Scholz wies die Vorwürfe zurück" it stands before it).
            att.verb_end = match.end() + ending.end() if len(after_particle) > 1 else att.verb_end
    embedded = _EMBEDDED_SUBJECT.search(form)
    if embedded is not None:
        att.party_start = match.start() + embedded.start(1)
        att.party_end = match.start() + embedded.end(1)
        att.party = embedded.group(1)
        att.pattern = "verb X"
        return att
    if (
        lexicon.object_clitics
        and _FRENCH_NEGATION.search(before, max(0, len(before) - 30))
        and _refused("french-negation", match)
    ):
        return None  # "Il ne dit rien", "Personne ne dément": nothing said
    if (
        att.lemma == "témoigner"
        and re.search(r"(?i)(?<![\w’'-])en\s+$", before)
        and _refused("en-temoigne", match)
    ):
        return None  # "…, comme en témoigne la hausse des prix": evidence, not testimony
    if _CONDITIONAL_BEFORE.search(before) and _refused("conditional", match):
        return None  # "if they called for…": a supposition, not a statement
    if (
        lexicon.language == "en"
        and form == att.lemma
        and _REQUIRED_OF.search(before, max(0, len(before) - 80))
        and _refused("mandated-act", match)
    ):
        return None  # "a law requiring voters show an ID": what a rule makes people do
    if (
        lexicon.language == "en"
        and (_AUTHOR_HEDGE.search(before) or _JUDGED_ADVERB.search(before))
        and _refused("author-judgment", match)
    ):
        # "It is possible that Page had agreed…", "The government has effectively admitted
        # as much": the author's guess or reading, not what the party said.
        return None
    progressive = participle and _BE_BEFORE.search(before)
    if (
        not progressive
        and _BE_BEFORE.search(before)
        and att.lemma == "blame"
        and re.match(r"\s+(?:\w+ly\s+)?(?:for|on)\b", after)
    ):
        # "The storm was blamed for scores of accidents": someone unnamed blamed it.
        if _RELATIVE_BE_BEFORE.search(before) and _refused("relative-blame", match):
            return None  # "the network which is blamed for the attacks": who it is, background
        att.pattern = "passive"
        return att
    if (
        not progressive
        and _BE_BEFORE.search(before)
        and att.lemma != "quote"
        and _refused("be-before", match)
    ):
        return None  # passive: "he was told", "it was reported" (passives are matched apart)
    if participle and not progressive:
        with_subject = _WITH_SUBJECT.search(before) or (
            _PERCEIVED_SUBJECT.search(before, max(0, len(before) - 80))
            if lexicon.language == "en"
            else None
        )
        if with_subject is not None:
            span = _clean_party(sentence, with_subject.start(1), with_subject.end(1), lexicon)
            words = sentence[span[0] : span[1]].split() if span is not None else [""]
            first = words[0]
            named = (
                first[:1].isupper()
                or first.lower() in lexicon.determiners
                # "with many researchers warning of…": a count of speakers.
                or (
                    first.lower() in lexicon.quantifiers
                    and _head_noun(" ".join(words[1:]), lexicon)
                )
            )
            if (
                span is not None
                and named
                and not _inanimate(sentence[span[0] : span[1]], span[0], lexicon)
            ):
                att.party_start, att.party_end = span
                att.party = sentence[span[0] : span[1]]
                return att
        if (_ADJECTIVE_BEFORE.search(before) or not _PARTICIPLE_LEAD.search(before)) and _refused(
            "participle-no-lead", match
        ):
            return None
        att.needs_subject = True
        att.pattern = "participle"
        if att.lemma in _LISTENER_VERBS:
            # "…, telling reporters after the address that…": past the listener.
            listener = _LISTENER.match(sentence, att.verb_end)
            att.verb_end = listener.end() if listener is not None else att.verb_end
        return att
    causer = _CAUSED_TO.search(before)
    if causer is not None:
        # "…an attack that prompted Engoron to quip the questioning…": the one prompted speaks.
        span = _clean_party(sentence, causer.start(1), causer.end(1), lexicon)
        if span is not None:
            att.party_start, att.party_end = span
            att.party = sentence[span[0] : span[1]]
            return att
    # (Patterns anchored at the verb look only at the words just before it: a search over the
    # whole clause would try every position.)
    near = max(0, len(before) - 100)
    # "…, who proceeded to tell his staff": whoever proceeded speaks.
    aspect = _ASPECT_BEFORE.search(before, near) if lexicon.language == "en" else None
    party_at = match.start()
    if aspect is not None:
        party_at = aspect.start()
    if negation is not None:
        party_at = negation.start()
        att.lemma = "not rule out"  # no denial: the speaker keeps it open
    as_clause = (
        _AS_SAID.search(before, near)
        if lexicon.language == "en" and "s " in before[near:]
        else None
    )
    if as_clause is not None and re.match(r"\s*(?:[,.;:!?)—–]|$)", after):
        # "…, as one tweeter in Sydney suggested, …": the as-clause names who said it.
        span = _clean_party(sentence, as_clause.start(1), as_clause.end(1), lexicon, loose=True)
        if span is not None and not _inanimate(sentence[span[0] : span[1]], -1, lexicon):
            att.party_start, att.party_end = span
            att.party = sentence[span[0] : span[1]]
            return att
    if aspect is None and negation is None and _INFINITIVE_BEFORE.search(before):
        if (
            _CONTROL_VERB_BEFORE.search(before)
            or form in _DOCUMENT_FORMS
            # "pressed Trump to acknowledge…": what someone else was asked to say.
            or _OBJECT_CONTROL_BEFORE.search(before, max(0, len(before) - 80))
        ) and _refused("control-infinitive", match):
            return None  # "voted to reject": the infinitive is not a statement of the subject
        att.needs_subject = True
        att.pattern = "participle"
        return att
    span = None
    # ("Der Minister, der …, sagte, das Gesetz werde…", "Le ministre, qui …, a déclaré que…":
    # what was said follows the verb, so no party does.)
    content_next = _content_next(after, lexicon)
    if (
        form in lexicon.inverting_forms
        and re.search(r"(?:[,”\"»]|,[’'])\s*$|(?<=[.!?])“\s*$", before)
        and not content_next
        # "President Chirac, meanwhile, said Mr Arafat…": an adverb set off after the subject,
        # which comes before the verb (what follows is what was said).
        and not (lexicon.language == "en" and _ADVERB_ASIDE.search(before))
    ):
        # "…, explained Megan Byrd, a dietitian": the party follows its verb.
        span = right_party(sentence, match.end(), lexicon)
        rest = sentence[span[1] :] if span is not None else ""
        # ("…, kritisierte Lucke weiter.", "…, schrieb der AStA auf Twitter.": only when and
        # where follow the party.)
        when = bool(lexicon.right_stops) and bool(
            lexicon_pattern(lexicon, "right stop").match(rest)
            and re.fullmatch(r"(?:\s+[^\s,;:]+){1,5}\s*[.!?]?[”\"»]?\s*", rest)
        )
        if lexicon.nouns_capitalised and not when:
            # "…, sagt er nervös.", "…, warnt er - zumal …", "…, sagt Stenger und greift …
            # an", "…, antwortet Keith dem Parteichef am 30. März: …": an adverb, a dash, a
            # clause of the speaker's own, whom and when (every German noun is capitalised, so
            # a lower-case word here is no part of a name).
            when = bool(GERMAN_AFTER_PARTY.match(rest)) or bool(
                re.match(r"\s+[a-zäöüß]+\s*[.!?]?[”\"“»]?\s*$|\s+[-–—]\s|\s+und\s+[a-zäöüß]", rest)
            )
        # ("…» confirme Ivan Leroy « … »", "…», ajoutera X devant la presse, « … »": the
        # quotation goes on after the party.)
        goes_on = lexicon.guillemets and bool(
            re.match(r"\s*«", rest)
            or (
                lexicon_pattern(lexicon, "right stop").match(rest)
                and (
                    re.match(r"(?:\s+[^\s,;:«»]+){1,6}\s*,\s*«", rest)
                    # "« … » analyse X dans un article paru sur son blog.": right after the
                    # quotation, where and when it was said may run on.
                    or (re.search(r"»\s*,?\s*$", before) and not re.search(r"[«»“”\"]", rest))
                )
            )
        )
        # "‘…’, says Professor Hanna Berg from the University of Bonn about the project.": after
        # a quotation, where the speaker is from follows the name.
        affiliated = (
            lexicon.language == "en"
            and re.search(r"[’”\"],?\s*$", before) is not None
            and re.match(r"\s+(?:from|of|at|with)\s+(?:the\s+)?[A-Z]", rest) is not None
        )
        if (
            span is not None
            and not re.match(r"\s*(?:[,.;!?]|$)", rest)
            and not (when or goes_on or affiliated)
        ):
            span = None  # "Lee, the leader, said Yoon’s order had…": the content, not a party
        apposed = re.search(r"(?:^|,)\s*([^,“”\"«»]{2,40}),\s*$", before)
        if span is not None and apposed is not None and is_person_like(apposed.group(1), lexicon):
            span = None  # "The mother of the victim, Jane Doe, said the police came late."
        att.pattern = "verb X" if span is not None else att.pattern
    if span is None and lexicon.fronted and lexicon_pattern(lexicon, "fronted").fullmatch(before):
        # "Am Montag sagte der Minister, …": after a fronted phrase, the subject follows.
        subject = _GERMAN_SUBJECT.match(sentence, _past_fillers(sentence, match.end(), lexicon))
        if (
            subject is not None
            and att.lemma in _SAYING_LEMMAS
            and _SETTING_AFTER_SUBJECT.fullmatch(sentence, subject.end(1))
            and not _POINTING_BACK.match(before)
            and _refused("de-nothing-said", match)
        ):
            # "Am Dienstag antwortete Relotius in einer langen Mail.": when and where, but
            # nothing said (unlike "Das sagt X", which points back at the sentence before).
            return None
        apposed = _GERMAN_APPOSED.match(sentence, subject.end(1)) if subject is not None else None
        if apposed is not None and is_person_like(apposed.group(1), lexicon):
            # "Dies erklärte der damalige Kassenwart des Kreisverbandes, Klaus K., in …": the
            # person the description names.
            span = apposed.span(1)
            att.pattern = "fronted, verb X"
        elif subject is not None:
            span = _clean_party(sentence, subject.start(1), subject.end(1), lexicon)
            att.pattern = "fronted, verb X" if span is not None else att.pattern
    if span is None and att.lemma in _NAMING_LEMMAS and lexicon.language == "en":
        # "…raises questions about what President Obama calls the “better-than-ever” ties":
        # what the clause's subject calls it.
        what = re.search(r"\b[Ww]hat\s+([^,;:“”\"]{2,60}?)\s*$", before)
        span = what and _clean_party(sentence, what.start(1), what.end(1), lexicon)
    if span is None and lexicon.language == "en" and _SAID_AFTER_COLON.match(after):
        # "Here's what the ministry said about the closure: the border…": the party inside
        # the lead-in, what was said after its colon (a lead-in ending the sentence announces
        # blocks the credit lines name).
        here = _HERE_IS_WHAT.search(before)
        span = here and _clean_party(sentence, here.start(1), here.end(1), lexicon)
    as_clause_de = (
        _GERMAN_AS_CLAUSE.search(before)
        if span is None and lexicon.nouns_capitalised and re.match(r"\s*(?:[,.;!?]|$)", after)
        else None
    )
    if as_clause_de is not None:
        # "…, wie die ausländische Presse nach der Spende lobend bemerkte.": the party opens
        # the clause and ends at the first word no noun phrase explains.
        end = _german_phrase_end(sentence, as_clause_de.start(1), as_clause_de.end(1), lexicon)
        span = _clean_party(sentence, as_clause_de.start(1), end, lexicon)
    if span is None:
        span = left_party(sentence, party_at, lexicon)
    if (
        span is None
        and form in lexicon.inverting_forms
        and _INVERSION_LEAD.search(before)
        # ("ce qu’évoquent les noms de…": an elided "que" is no closing quotation mark.)
        and not re.search(r"(?i)\bqu[’']$", before)
        and not content_next
        # "la droite, qui condamne…": a relative pronoun is the verb's subject, nothing inverts.
        and not (lexicon.relatives and lexicon_pattern(lexicon, "relative").search(before))
    ):
        span = right_party(sentence, match.end(), lexicon)
        att.pattern = "verb X"
    if (
        span is None
        and lexicon.inversion_leads
        and lexicon_pattern(lexicon, "inversion lead").search(before)
    ):
        span = right_party(sentence, match.end(), lexicon)  # "comme l’a souligné l’Arcep"
        if span is not None and not _speaking_head(sentence[span[0] : span[1]], lexicon):
            span = None  # "ce qu’évoquent les noms de…": what the names call to mind
        att.pattern = "verb X"
    if span is None and lexicon.language == "en" and _CLAUSE_AFTER.match(after):
        span = _subject_before(sentence, party_at, lexicon)
    if span is None:
        if form == "say" and re.search(r",\s*$", before) and _refused("say-for-instance", match):
            return None  # "by the standards of, say, Europe": "for instance"
        if (
            lexicon.language == "en"
            and form in _ADJECTIVE_FORMS
            and _ADJECTIVE_PAIR.search(before)
            # (Nothing after it: "was calm and assured the crowd that…" still speaks.)
            and re.match(r"\s*(?:[.,;!?]|$)", after)
            and _refused("adjective-pair", match)
        ):
            return None  # "a tone that was aggrieved and assured": an adjective, not a verb
        if re.search(
            # ("…spoke to reporters and later said…": a time adverb after the conjunction;
            # "…a dénoncé la réforme et a réclamé…", "… und forderte…": French and German.)
            r"(?:\band|\bbut|\bet|\bmais|\bund|\baber|,)\s+"
            r"(?:(?:\w+ly|also|then|later|again|since|soon|still|even)\s+){0,2}$",
            before,
        ) and not (
            # "…une manière de voir, critique et indépendante": after a bare comma, a French
            # one-word form in a list of adjectives is no verb.
            lexicon.language == "fr"
            and re.search(r",\s*$", before)
            and " " not in form
            and re.match(r"\s+(?:et|ou)\s|\s*[,.;]", after)
            and _refused("french-adjective-list", match)
        ):
            att.needs_subject = True
            att.pattern = "coordinated"
            return att
        _refuse("no-party", match)
        return None
    if lexicon.nouns_capitalised and span[1] <= match.start():
        # "wie die ausländische Presse lobend bemerkte": the party ends before the adverb.
        cut = _german_phrase_end(sentence, span[0], span[1], lexicon)
        span = (span[0], len(sentence[: max(cut, span[0])].rstrip())) if cut > span[0] else span
    party = sentence[span[0] : span[1]]
    if re.match(r"(?:no|none|nobody|neither)\b", party, re.IGNORECASE) and _refused(
        "negative-party", match
    ):
        return None
    if party.lower() in lexicon.first_person and _refused("first-person", match):
        return None  # "I always say, “…”": the author's own voice, not a party's
    if (
        lexicon.nouns_capitalised
        and re.search(r",\s+(?:dessen|deren)\s+\S+\s+$", before)
        and _refused("de-whose-relative", match)
    ):
        return None  # "…, ein Apparat, dessen Chef sagt": whose chief, the rules cannot name
    if (
        lexicon.nouns_capitalised
        and form.endswith("n")
        and _GERMAN_MODAL.search(before)
        and _refused("de-infinitive-after-modal", match)
    ):
        return None  # "…, kann der Schöpfer Schadenersatz fordern": an infinitive, no report
    if (
        lexicon.nouns_capitalised
        and _AS_WELL_AS.search(before)
        and _refused("de-comparison", match)
    ):
        return None  # "Er betrügt genauso gut, wie er schreibt": a comparison
    if (
        lexicon.nouns_capitalised
        and _ONE_COULD_SAY.search(before)
        and _refused("de-one-could-say", match)
    ):
        return None  # "Man könnte zynisch sagen, dass …": the author's own turn of phrase
    # "police found a body" is an action; "the report found …" a finding.
    finding = att.lemma in ("find", "show", "rank")
    head_noun = _HEAD_BEFORE_PHRASE.split(party)[0].split()[-1].lower() if finding else ""
    if (
        finding
        and not re.match(_THAT_SOON, after)
        # ("A poll from June showed how…": the head noun, before what it is from or about.)
        and head_noun not in _FINDERS
        # "Emails obtained by the Times show…", "a ministry memo shows": a document shows
        # (though "emails found on the phone" are found, not finding).
        and not (att.lemma == "show" and head_noun in _SHOWING_DOCUMENTS)
        # "the research team found a decrease": researchers, whatever their group is called
        and not re.search(r"(?i)\b(?:research|study|scientific|science)\s+(?:team|group)\b", party)
    ) and _refused("find-action", match):
        return None
    if (
        att.lemma == "show"
        and head_noun not in _FINDERS | _SHOWING_DOCUMENTS | _RESEARCH_UNITS
        and _inanimate(party, span[0], lexicon)
        and _refused("show-no-source", match)
    ):
        # "Breathing tests showed that his lungs…", "the scans show…": a result, no one who
        # reports it ("a study showed that…", "emails show…" still do).
        return None
    if (
        att.lemma == "expect"
        and re.match(r"\s+(?:to|that)\b", after)
        and party.split()[-1].lower() not in _FORECASTERS
        and _refused("expect-own-plan", match)
    ):
        # "The company expects to cut its emissions", "He expects that the move will help":
        # its own plan or hope, a state of mind ("Analysts expect the market to grow",
        # "Economists expect to see growth slow" forecast).
        return None
    possessive = re.search(r"[’']s?$", party) or re.search(r"\w[’']s?\s+$", before)
    if possessive and form in _NOUN_FORMS and _refused("possessive-noun", match):
        return None  # "the Taliban’s claims are false": a noun, the author's judgment
    if (
        form in _DOCUMENT_FORMS and party.split()[-1].lower() not in lexicon.speaker_nouns
    ) and _refused("document-form", match):
        return None  # "he reads books": "reads" reports only a document ("the filing reads")
    if (
        att.lemma in _SPEAKER_VERBS
        and _inanimate(party, span[0], lexicon)
        and _refused("inanimate", match)
    ):
        return None  # "Blood tests revealed that…", "The attack signalled…": no one spoke
    if (
        att.lemma == "understand"
        and (is_person_like(party, lexicon) or not _OUTLET_NAME.match(party))
        and _refused("understand-not-outlet", match)
    ):
        return None  # "Smith understands that…": a state of mind, not an outlet's reporting
    if (
        lexicon.language == "en"
        and span[1] <= match.start()
        and _ends_in_time_clause(sentence, span[0])
        and _PRONOUN_OBJECT_ONLY.match(after)
        and _refused("time-clause-act", match)
    ):
        # "It caused a stir when Owens admitted it in an interview.", "…since July, when
        # researchers found it": a when-clause dates the author's sentence by the party's
        # act on something named before; nothing is said here.
        att.act_only = True
    att.party_start, att.party_end = span
    att.party = party
    if att.lemma in _LISTENER_VERBS and span[1] <= att.verb_start:
        # "told reporters the reports were…": the listener is not what was said.
        listener = _LISTENER.match(sentence, att.verb_end)
        if listener is not None:
            att.verb_end = listener.end()
    return att


# Verbs with a listener before what was said, and that listener: a pronoun, a name, a plural
# noun or a short noun phrase ("told reporters", "told the Associated Press", "warned him").
# "ne" before a French verb (object pronouns may stand between): "ne dit rien", "n’a pas dit",
# "ne le confirme pas".
_FRENCH_NEGATION = re.compile(
    r"(?i)(?<![\w’'-])(?:ne\s+|n[’'])(?:(?:me|m[’']|te|t[’']|nous|vous|lui|leur|le|la|les|l[’']|y|en)"
    r"(?:\s+|(?<=[’'])))*$"
)
_LISTENER_VERBS = frozenset(("tell", "inform", "assure", "remind"))
_LISTENER = re.compile(
    r"\s+(?:me|him|her|us|them|you|"
    # ("told ABC radio", "told the ABC's AM program": an outlet and its medium.)
    r"(?:the\s+|a\s+)?(?:[A-Z][\w.&’'-]*\s+){0,3}[A-Z][\w.&’'-]*"
    r"(?:\s+(?:radio|television|newspaper|program|programme|news\s+agency))?|"
    r"(?:the|a|an|his|her|their|its)\s+(?:[a-z-]+\s+)?[a-z-]+|[a-z-]+s)"
    r"(?:\s+(?:on|last|this|earlier)\s+\w+)?(?:\s+that\b|:|(?=\s+(?:the|a|an|he|she|they|it|"
    r"there)\b|\s+[A-Z“\"]))"
    # "told the PA news agency that", "told the U.N. General Assembly 18 months ago that"
    r"|\s+(?:the\s+|a\s+|an\s+|[A-Z][\w.&’'-]*\s+|[a-z-]+s\s+|him\s+|her\s+|them\s+)"
    r"(?:[\w.&’'-]+\s+){0,6}?that\b"
)


_VERB_PATTERNS: dict[str, re.Pattern[str]] = {}
_LEXICON_PATTERNS: dict[tuple[str, str], re.Pattern[str]] = {}


def lexicon_pattern(lexicon: Lexicon, name: str) -> re.Pattern[str]:
    """Return a pattern built from a lexicon's word lists, compiled once per language."""
    key = (lexicon.language, name)
    pattern = _LEXICON_PATTERNS.get(key)
    if pattern is None:
        if name == "relative":
            words = "|".join(re.escape(w) for w in lexicon.relatives)
            # "…, who has long argued", "…, who had been claiming": auxiliaries and adverbs.
            noise = "|".join(re.escape(w) for w in sorted(lexicon.trailing_noise))
            # ("…, which during the day said": a short time phrase may stand between too.)
            when = (
                r"(?:(?:during|on|earlier|later|last|this)\s+(?:the\s+)?[\w-]+\s+)?"
                if lexicon.language == "en"
                else ""
            )
            source = r",\s+(?:" + words + r")\s+" + when + r"(?:(?:\w+ly|" + noise + r")\s+){0,3}$"
        elif name == "inversion lead":
            words = "|".join(re.escape(w) for w in lexicon.inversion_leads)
            source = r"(?i)\b(?:" + words + r")(?:\s+|(?<=[’']))$"  # ("ce qu’affirme X")
        elif name == "opening":  # "Pour la ministre, …"
            words = "|".join(re.escape(w) for w in lexicon.opening_phrases)
            source = r"(?i)(?:" + words + r")\s+([^,;:“”\"«»]{2,60}),\s"
        elif name == "parallel opening":  # "…, pour Y, c’était…"
            words = "|".join(re.escape(w) for w in lexicon.opening_phrases)
            source = r"[,;]\s+(?:" + words + r")\s+([^,;:“”\"«»]{2,60}),\s"
        elif name == "postposition":  # "Dem Minister zufolge"
            words = "|".join(re.escape(w) for w in lexicon.postpositions)
            source = r"(?:^|[,;:(—–]\s*)([^,;:“”\"«»„]{2,60}?)\s+(" + words + r")\b"
        elif name == "fronted":
            source = r"(?i)\s*(?:" + lexicon.fronted + r")\s+"
        elif name == "verb subject fillers":
            source = r"(?:\s+(?:" + lexicon.verb_subject_fillers + r")(?=\s))+"
        elif name == "party stop":
            source = r"\s(?:" + lexicon.party_stops + r")(?=[\s.,;:!?]|$)"
        elif name == "clause word":
            words = "|".join(re.escape(w) for w in lexicon.clause_words)
            source = r"(?i)(?<![\w’'-])(?:" + words + r")(?:\s+|(?<=[’']))"
        elif name == "object clitics":
            words = "|".join(re.escape(w) for w in sorted(lexicon.object_clitics, key=len)[::-1])
            source = r"(?i)(?<![\w’'-])(?:(?:" + words + r")(?:\s+|(?<=[’'])))+$"
        elif name == "verb aside":
            source = r"\s+(?:" + lexicon.verb_asides + r")(?=[\s,])"
        elif name == "right stop":
            source = r"\s(?:" + lexicon.right_stops + r")(?=[\s.,;:!?]|$)"
        elif name == "content next":  # ", das Gesetz…", " que le texte…"
            words = "|".join(re.escape(w) for w in lexicon.complementisers)
            source = r"\s*,\s|\s+(?:" + words + r")(?![\w-])"
        elif name == "determiner phrase":  # "the Facebook founder" ending a clause
            words = "|".join(re.escape(w) for w in sorted(lexicon.determiners))
            source = r"(?i)(?<![\w’'-])(?:" + words + r")\s+(?:[\w’'-]+\s+){0,3}?[\w’'-]+$"
        elif name == "noun determiner":
            words = "|".join(re.escape(w) for w in lexicon.noun_determiners)
            # ("d’une demande": an article after an elided "de" is an article too.)
            elided = r"|(?<=\bd’)|(?<=\bd')" if lexicon.language == "fr" else ""
            source = r"(?i)(?:(?<![\w’'])" + elided + r")(?:" + words + r")\s+$"
        else:  # "lead-in head": "Cependant, comme " before "l’a souligné X"
            words = "|".join(re.escape(w) for w in lexicon.inversion_leads)
            source = r"(?i)(?:\w+,\s*)?(?:" + words + r")\s*"
        pattern = _LEXICON_PATTERNS[key] = re.compile(source)
    return pattern


# Adverbs French sets between the auxiliary and the participle: "a lui-même reconnu",
# "ont par ailleurs dénoncé", "a notamment souligné".
_INSERTED_ADVERBS = {
    "fr": r"(?:lui-même|elle-même|eux-mêmes|elles-mêmes|aussi|également|déjà|pourtant|ainsi|bien|"
    r"tous|toutes|"
    r"encore|toujours|d[’']ailleurs|par ailleurs|notamment|enfin|alors|[a-zé]+ment)"
}
_AUXILIARY_STARTS = frozenset(("a", "ont", "avait", "avaient", "aurait", "auraient"))


def _form_alternative(form: str, lexicon: Lexicon) -> str:
    """Return the pattern of one verb form, with room for an adverb after its auxiliary."""
    adverbs = _INSERTED_ADVERBS.get(lexicon.language)
    aux, _, rest = form.partition(" ")
    if adverbs is None or not rest or aux not in _AUXILIARY_STARTS:
        return re.escape(form)
    return re.escape(aux) + r"\s+(?:" + adverbs + r"\s+)?" + re.escape(rest)


def verb_form(matched: str, lexicon: Lexicon) -> str:
    """Return the lexicon's form of a matched verb, without an adverb set inside it."""
    adverbs = _INSERTED_ADVERBS.get(lexicon.language)
    if matched in lexicon.verb_forms or adverbs is None:
        return matched
    return re.sub(r"^(\S+)\s+" + adverbs + r"\s+", r"\1 ", matched)


def _verb_pattern(lexicon: Lexicon) -> re.Pattern[str]:
    pattern = _VERB_PATTERNS.get(lexicon.language)
    if pattern is None:
        # Forms with room for an adverb ("a lui-même reconnu") stay alternatives of their own,
        # longest first; the rest share their prefixes in one trie, which tries the longest
        # form first too (a flat list of some 700 forms is tried one by one at every position).
        spaced = sorted(
            (f for f in lexicon.verb_forms if _form_alternative(f, lexicon) != re.escape(f)),
            key=len,
            reverse=True,
        )
        plain = [f for f in lexicon.verb_forms if f not in set(spaced)]
        alternatives = [_form_alternative(f, lexicon) for f in spaced] + [word_trie(plain)]
        # ("C’est ce qu’affirme le ministre", "Elle m’a assuré que…": a French verb may
        # follow an elided "que" or object pronoun.)
        # (One cheap look at the apostrophe first: the pattern is tried at every position.)
        elided = (
            r"|(?<=[’'])(?:(?<=qu[’'])|(?<=\b[mt][’']))" if "qu’" in lexicon.complementisers else ""
        )
        pattern = re.compile(
            r"(?:(?<![\w’'-])" + elided + r")(?:" + "|".join(alternatives) + r")(?![\w-])"
        )
        _VERB_PATTERNS[lexicon.language] = pattern
    return pattern


_Trie = dict[str, "_Trie"]


def word_trie(words: list[str]) -> str:
    """Return a pattern matching any of words, their shared prefixes written once, longest first."""
    root: _Trie = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: _Trie) -> str:
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:
            # A form ends here, and longer ones go on: the longer is tried first (greedy "?").
            return "(?:" + body + ")?"
        return body

    return emit(root)


_SEEN_BY = re.compile(
    r"(?:^|[,;:]\s+)([^,;:“”\"]{2,60}?)\s+(?:seen|obtained|reviewed|viewed|signed)\s+by\s+"
    r"[^,;:“”\"]{1,60}$"
)
# A capitalised name, after "the" or not: "The BBC", "Sky News" (not "The minister").
_OUTLET_NAME = re.compile(r"[Tt]he\s+[A-Z]|(?![Tt]he\b)[A-Z]")
_SAID_AFTER_COLON = re.compile(r"[^:.;]{0,60}:\s*\S+(?:\s+\S+){2,}")
# "Here's what Smith said:", "This is what the ministry told reporters:".
_HERE_IS_WHAT = re.compile(
    r"^(?:Here[’']s|Here is|This is|That[’']s|That is) what\s+([^,;:“”\"]{2,60}?)\s*$"
)


# A subject, then a sentence adverb set off by commas: "President Chirac, meanwhile, said".
_ADVERB_ASIDE = re.compile(
    r"^[A-Z][^,“”\"]{1,60},\s*(?:meanwhile|however|though|too|also|instead|in turn|"
    r"for (?:his|her|its|their) part)\s*,\s*$"
)


def left_party(sentence: str, verb_start: int, lexicon: Lexicon) -> tuple[int, int] | None:
    """Return the span of the party written before a verb ("Tajik officials have said")."""
    asides = _asides(sentence[:verb_start])
    if asides != sentence[:verb_start]:
        # "Andy Beshear — whose father … — promised": the party stands before the aside.
        span = left_party(asides + sentence[verb_start:], verb_start, lexicon)
        acronym = _ACRONYM_AFTER.match(sentence, span[1]) if span is not None else None
        if span is not None and acronym is not None and lexicon.language == "en":
            # "a spokesperson for the Universities and Colleges Employers’ Association (UCEA)
            # said": the body's short name is part of how the party is named.
            return span[0], acronym.end()
        if span is not None:
            return span
    clitics = (
        # (Only the words just before the verb: a search from every position costs.)
        lexicon_pattern(lexicon, "object clitics").search(
            sentence, max(0, verb_start - 30), verb_start
        )
        if lexicon.object_clitics
        else None
    )
    if clitics is not None and sentence[: clitics.start()].strip():
        verb_start = clitics.start()  # "Le ministre nous a expliqué": the party before "nous"
    left = sentence[:verb_start]
    pronoun = re.search(r"(?<![\w’'-])([\w]+)\s+$", left)
    if (
        lexicon.language == "fr"
        and pronoun is not None
        and pronoun.group(1).lower() in lexicon.pronouns
    ):
        # "… quand il dénonce": a French subject pronoun right before its verb is the party.
        return pronoun.start(1), pronoun.end(1)
    seen = _SEEN_BY.search(left) if lexicon.language == "en" else None
    if seen:
        # "A memo seen by Reuters said…": the document speaks, not who saw it.
        span = _clean_party(sentence, seen.start(1), seen.end(1), lexicon, ends_sentence=True)
        if span is not None:
            return span
    relative = lexicon_pattern(lexicon, "relative").search(left) if lexicon.relatives else None
    if relative:
        # "…ZeniMax Media, which accuses…": the party is the name just before the comma.
        return _trailing_name(sentence, relative.start(), lexicon)
    quoted = re.search(r"[”\"],?\s*([^,”\"]+),[^”\"]*$", left)
    if quoted:
        # "“…,” Kelly Jones MS, RD, a dietitian, told Health": the name after the quote.
        span = _clean_party(sentence, quoted.start(1), quoted.end(1), lexicon)
        if span is not None and is_person_like(sentence[span[0] : span[1]], lexicon):
            return span
    parts = _comma_parts(left)
    last_start, last_end = parts[-1]
    start = _after_break(sentence, last_start, last_end)
    if lexicon.clause_words:
        # "Des chiffres que le quotidien estime…": the party opens the last clause.
        openers = lexicon_pattern(lexicon, "clause word").finditer(sentence, start, last_end)
        start = max((m.end() for m in openers), default=start)
    if lexicon.guillemets and (close := sentence.rfind("»", start, last_end)) >= 0:
        start = close + 1  # "« … ? » Laura Frémy analyse…": the party after the quotation
    among = (
        _AMONG_THOSE.search(sentence, last_start, last_end)
        if lexicon.language == "en" and " who" in sentence[last_start:last_end]
        else None
    )
    if among is not None:
        # "Brown is among those who say…", "Smith was one of the critics who argued…".
        span = _clean_party(sentence, among.start(1), among.end(1), lexicon, ends_sentence=True)
        if span is not None:
            return span
    who = re.search(r"\b(\w+(?:\s+\w+){0,3})\s+who\s", sentence[last_start:last_end])
    if who and start > last_start + who.start():
        # "A witness who only wanted to be called Alex told…": the whole phrase is the party.
        span = _clean_party(sentence, last_start + who.start(), last_end, lexicon, loose=True)
        if span is not None:
            return span
    if (
        start > last_start
        and re.search(r"\s(?:of|at|from|in)\s", sentence[last_start:start])
        # (Only an "and" inside the affiliation: "Speaking of the regulators -- … -- Hoenig said"
        # breaks at the dash.)
        and sentence[:start].endswith(" and ")
    ):
        # "Dr. Joneigh Khaldun of the Department of Health and Human Services says": the "and"
        # is inside the affiliation; the person heads the phrase.
        whole = _clean_party(sentence, last_start, last_end, lexicon)
        if (
            whole is not None
            and (
                (whole[1] < start and is_person_like(sentence[whole[0] : whole[1]], lexicon))
                # "prosecutors in San Francisco and Los Angeles say": a speaker noun heads it.
                or _head_noun(sentence[whole[0] : whole[1]], lexicon)
            )
        ):
            return whole
    # A short "the airline" is a party when it opens the sentence or closes it.
    opens = (
        not sentence[:start].strip()
        or bool(INTRO.fullmatch(sentence[:start]))
        # "While the winds ease, the weather bureau says…": a clause setting the scene.
        or (lexicon.language == "en" and bool(_SCENE_CLAUSE.fullmatch(sentence[:start])))
    )
    after_quote = bool(re.search(r"[”\"’],?\s*$", sentence[:start]))
    ends = opens or after_quote or _ends(sentence, verb_start)
    span = _clean_party(sentence, start, last_end, lexicon, ends_sentence=ends)
    if lexicon.language == "fr":
        span = _french_apposition(sentence, parts, start, span, lexicon)
    if span is not None and len(parts) >= 2 and start == last_start:
        adjectives = _COORDINATE_ADJECTIVES.fullmatch(sentence[parts[-2][0] : parts[-2][1]])
        phrase = sentence[span[0] : span[1]]
        if (
            adjectives is not None
            # The phrase after the comma goes on with its noun ("2-month study"), not a name,
            # a pronoun or a noun of its own ("The suspect, police said,").
            and len(phrase.split()) >= 2
            and not phrase[:1].isupper()
            and adjectives.group(1).split()[-1].lower()
            not in lexicon.person_roles | lexicon.speaker_nouns | lexicon.official_nouns
            # ("One after another, they told…": a phrase of its own.)
            and not any(w in lexicon.non_party_starts for w in adjectives.group(1).split()[1:])
            # ("This week, the minister said…": a time that sets the scene.)
            and not INTRO.fullmatch(sentence[parts[-2][0] : parts[-1][0]])
        ):
            # "One small, 2-month study showed": adjectives set off by a comma, one phrase.
            return parts[-2][0] + adjectives.start(1), span[1]
    if span is not None:
        span = _join_and(sentence, last_start, span, lexicon)
        return _name_list(sentence, parts, span, lexicon)
    only_noise = all(
        w.lower() in lexicon.trailing_noise or (w.endswith("ly") and w.lower() not in _NOT_ADVERBS)
        for w in sentence[last_start:last_end].split()
    ) or (
        # "Acme Inc., the largest retailer, last year pledged": when, between the commas and
        # the verb.
        lexicon.language == "en"
        and bool(TIME_TAIL.fullmatch(" " + sentence[last_start:last_end].strip()))
    )
    if only_noise and len(parts) >= 3:
        # "Guo Xijun, China's ambassador, said": the party is one of the comma-set phrases;
        # a person's name wins over a title.
        options = []
        for a, b in reversed(parts[max(0, len(parts) - 4) : -1]):
            # "The bartender, who asked not to be named, said": a phrase opening the sentence.
            opening = not sentence[:a].strip()
            found = _clean_party(
                sentence, _after_break(sentence, a, b), b, lexicon, ends_sentence=opening
            )
            # "And the union, for its part, says": a conjunction opens no time phrase.
            phrase = re.sub(r"^(?:And|But|Yet|So|Or)\s+", "", sentence[a:b].strip())
            # ("Pour la répression, l’avocat…, demande": a French scene-setting phrase.)
            scene = lexicon.language == "fr" and (
                phrase.split()[:1] and phrase.split()[0].lower() in lexicon.non_party_starts
            )
            if found is not None and not INTRO.match(phrase + ", ") and not scene:
                options.append(_join_and(sentence, a, found, lexicon))
        names = [
            o
            for o in options
            if is_person_like(sentence[o[0] : o[1]], lexicon)
            and len(sentence[o[0] : o[1]].split()) >= 2
        ]
        if names:
            return names[0]
        written = sentence[options[0][0] : options[0][1]] if options else ""
        apposed = re.sub(r"^(?:the|The)\s+", "", written)
        if len(options) >= 2 and _proper_name(apposed):
            # "The UN refugee agency, UNHCR, says", "A radical offshoot of the party, the
            # Al-Aqsa Brigades, said": the body's own name after its description. (Only a
            # body's description: "The man, who gave his first name, John, said" keeps "The
            # man".)
            description = sentence[options[1][0] : options[1][1]].lower()
            described = description.split()
            head = re.split(r"\s(?:of|in|for)\s", description)[0].split()[-1]
            bodies = lexicon.organisation_nouns | lexicon.official_nouns
            if described[0] in lexicon.determiners and bodies & {described[-1], head}:
                return options[0]
            if (
                lexicon.language == "en"
                and head in lexicon.person_roles | lexicon.person_titles
                and len(apposed.split()) >= 2
                and apposed == written
            ):
                # "India's Home Minister, LK Advani, said": the holder of the role, named after
                # it (initials the name rules do not take for a person's).
                return options[0]
        if len(options) >= 2:
            return options[1]
        return options[0] if options else None
    return None


_SCENE_CLAUSE = re.compile(
    r"(?:While|Although|Though|Because|When|Whereas|Once|Unless|Until)\b[^,;:“”\"]{3,100},\s*"
)
_AMONG_THOSE = re.compile(
    r"(?:^|(?<=[,;:]\s))\s*((?:[\w.’'-]+\s+){0,5}?[\w.’'-]+)\s+(?:is|are|was|were)\s+"
    r"(?:(?:also|not)\s+)?(?:among|one of)\s+(?:those|the\s+(?:[\w-]+\s+)?\w+)\s+who\s+"
    r"(?:(?:\w+ly|also|have|has|had)\s+)?$"
)
_ASIDE = re.compile(
    r"\s(?:[—–]|--)\s[^—–“”\"]{3,200}?\s(?:[—–]|--)\s*$|\s\([^()“”\"]{1,120}\),?\s*$"
    # "The agency, quoting informed sources, said": whom the party quotes, set off by commas.
    r"|,\s(?:quoting|citing)\s[^,;:“”\"]{2,80},\s*$"
)


def _passive_agent(
    sentence: str, match: re.Match[str], lemma: str, lexicon: Lexicon
) -> tuple[int, int] | None:
    """Return the span of the speaker after "by" when a reporting verb is a passive, else None."""
    form = match.group(0)
    if lexicon.language != "en" or lemma not in _AGENT_LEMMAS or not form.endswith(("ed", "ied")):
        return None
    be = _BE_BEFORE.search(sentence, max(0, match.start() - 40), match.start())
    if be is None and lemma in _JUDGING_LEMMAS:
        return None  # "an appearance … criticized by the administration": a description
    agent = (_AGENT_BE if be is not None else _AGENT_REDUCED).match(sentence, match.end())
    if agent is None:
        return None
    end = _stop(sentence, agent.end(), _AGENT_STOP, lexicon)
    span = _clean_party(sentence, agent.end(), end, lexicon, ends_sentence=True)
    if span is None:
        return None
    party = sentence[span[0] : span[1]]
    if _inanimate(party, -1, lexicon) or party.split()[0].lower() in lexicon.pronouns:
        return None
    return span


def _content_next(after: str, lexicon: Lexicon) -> bool:
    """Return whether what was said starts right after a verb (a comma or a complementiser)."""
    return bool(lexicon_pattern(lexicon, "content next").match(after))


def _subject_before(sentence: str, verb_start: int, lexicon: Lexicon) -> tuple[int, int] | None:
    """Return a role-holder's noun phrase right before its verb in a longer clause, else None.

    "when asked what was next the Facebook founder said, “…”": the phrase just before the
    verb is its subject, however the clause before it reads.
    """
    left = sentence[:verb_start]
    end = len(left.rstrip())
    # Step back over auxiliaries and adverbs: "they had long claimed", "he simply described".
    while (word := re.search(r"(?<![\w’'-])([\w’'-]+)\s*$", left[:end])) is not None and (
        word.group(1).lower() in lexicon.trailing_noise
        or (word.group(1).endswith("ly") and word.group(1).islower())
    ):
        end = len(left[: word.start()].rstrip())
    phrase = lexicon_pattern(lexicon, "determiner phrase").search(left, 0, end)
    if phrase is None:
        return None
    head = phrase.group(0).split()[-1].lower()
    if head in lexicon.speaker_nouns | lexicon.official_nouns | lexicon.person_roles:
        return _clean_party(sentence, phrase.start(), end, lexicon, ends_sentence=True)
    return None


def _speaking_head(party: str, lexicon: Lexicon) -> bool:
    """Return whether a phrase's head, before its complement, is a name or a speaker's noun
    ("les grands patrons français", "l’Arcep"; not "les noms de Bernard Tapie")."""
    nouns = lexicon.speaker_nouns | lexicon.official_nouns | lexicon.person_roles
    for word in party.split():
        if re.match(r"(?i)(?:of|de|du|des|d[’']|à|au|aux)\b", word):
            return False
        bare = _ELIDED.sub("", word)
        if bare[:1].isupper() or bare.lower() in nouns or bare.lower().removesuffix("s") in nouns:
            return True
    return False


# Where a long French party's description starts: a participle or a relative after its head.
_DESCRIBED_AFTER = re.compile(
    r"\s(?:[a-zà-ÿ]+(?:é|ée|és|ées)|qui|dont|que|qu[’']|en la personne)\s"
)
# A person's name, then a role in lower case with no comma between: "Barrêt Koivogui chef
# d’antenne du massif déclare".
_NAME_THEN_ROLE = re.compile(r"((?:[A-ZÀ-ÖØ-Þ][\w’'.-]*\s+){1,3}?)([a-zà-ÿ][\w-]*)\b")


def _french_apposition(
    sentence: str,
    parts: list[tuple[int, int]],
    start: int,
    span: tuple[int, int] | None,
    lexicon: Lexicon,
) -> tuple[int, int] | None:
    """Return the person a French apposition without its commas describes, else span.

    "X chef d’antenne du massif déclare" and "X, fondatrice de l’ONG affirme" (the closing
    comma left out) name X.
    """
    described = sentence[span[0] : span[1]].split() if span is not None else []
    if span is not None and len(parts) >= 2 and described[0] in lexicon.person_roles:
        # "X, fondatrice de l’ONG affirme": a role without its article is X's apposition.
        before = _clean_party(sentence, *parts[-2], lexicon)
        if before is not None and is_person_like(sentence[before[0] : before[1]], lexicon):
            return before
    if span is not None:
        role = _NAME_THEN_ROLE.match(sentence, span[0], span[1])
        name = role.group(1).rstrip() if role is not None else ""
        if (
            role is not None
            and role.group(2) in lexicon.person_roles
            and is_person_like(name, lexicon)
        ):
            return span[0], span[0] + len(name)
        return span
    words = sentence[start : parts[-1][1]].split()
    if len(parts) < 2 or not words or words[0] not in lexicon.person_roles:
        return None
    before = _clean_party(sentence, *parts[-2], lexicon)
    if before is not None and is_person_like(sentence[before[0] : before[1]], lexicon):
        return before
    return None


def _proper_name(phrase: str) -> bool:
    """Return whether a phrase is a name of capitalised words only ("UNHCR", "Amnesty")."""
    words = phrase.split()
    return (
        1 <= len(words) <= 4
        and all(w[:1].isupper() for w in words)
        and not is_place(phrase)  # "…in Davos, Switzerland, said": a place, not a body
    )


# A determiner and an adjective or two before a comma: "One small, 2-month study".
_COORDINATE_ADJECTIVES = re.compile(
    r"\s*((?i:one|a|an|another|this|that|the|some|two|three)\s+[a-z-]+(?:\s+[a-z-]+)?)\s*"
)
# A title set between a document and its verb: "the biography, “Prodigal Genius,” concludes".
_TITLE_ASIDE = re.compile(r",\s*[“\"]([^“”\"]{2,80}?),?[”\"],?\s*$")


def _asides(left: str) -> str:
    """Return left with an aside just before the verb blanked ("X — whose … —", "X (CNIL),",
    "the biography, “Prodigal Genius,”")."""
    match = _ASIDE.search(left)
    title = _TITLE_ASIDE.search(left) if match is None else None
    if title is not None:
        words = re.findall(r"[\w’'-]+", title.group(1))
        capitalised = sum(w[:1].isupper() or w.lower() in _TITLE_SMALL_WORDS for w in words)
        match = title if words and capitalised == len(words) else None
    if match is None:
        return left
    return left[: match.start()] + " " * (match.end() - match.start())


# A body's short name in brackets right after its name: " (UCEA)".
_ACRONYM_AFTER = re.compile(r"(?<=[A-Za-z’'])\s+\([A-Z][A-Z&]{1,9}\)")
_TITLE_SMALL_WORDS = frozenset(("a", "an", "the", "of", "in", "on", "and", "for", "to", "at"))


def _head_noun(party: str, lexicon: Lexicon) -> bool:
    """Return whether a lower-case speaker noun heads a phrase ("prosecutors in Ohio")."""
    words = party.split()
    if words and words[0].lower() in lexicon.determiners:
        words = words[1:]
    head = re.split(r"\s(?:of|at|from|in)\s", " ".join(words))[0].split()
    nouns = lexicon.speaker_nouns | lexicon.official_nouns | lexicon.person_roles
    return len(head) == 1 and head[0] in nouns  # "prosecutors in Ohio", "a nurse from Leeds"


def _noun_after_determiner(form: str, before: str, lexicon: Lexicon) -> bool:
    """Return whether a verb form is a noun here ("a new report", "la critique de Libération")."""
    determiner = (
        lexicon_pattern(lexicon, "noun determiner").search(before)
        if lexicon.noun_determiners
        else None
    )
    if determiner is not None and not _object_clitic(before, determiner.start(), lexicon):
        return True
    return form in _NOUN_FORMS | {"report"} and bool(_ADJECTIVE_NOUN_BEFORE.search(before))


def _noun_before_verb(form: str, after: str) -> bool:
    """Return whether a noun form is the subject of the verb after it ("the report shows")."""
    return form in _NOUN_FORMS | {"report"} and bool(_VERB_AFTER_NOUN.match(after))


def _object_clitic(before: str, at: int, lexicon: Lexicon) -> bool:
    """Return whether the "le", "la" or "les" at offset at is an object pronoun before its
    verb ("Le maire le confirme", "ils nous le disent"), not an article before a noun."""
    if not lexicon.object_clitics:
        return False
    word = re.search(r"([\w’'-]+)\s*$", before[:at])
    if word is None:
        return False
    previous = word.group(1)
    lowered = previous.lower()
    nouns = lexicon.speaker_nouns | lexicon.official_nouns | lexicon.person_roles
    return (
        lowered in lexicon.pronouns
        or lowered in lexicon.object_clitics
        or lowered in nouns
        or lowered.removesuffix("s") in nouns
        or (
            previous[:1].isupper()
            and lowered not in lexicon.non_party_starts | lexicon.determiners
            and word.start() > 0  # (a capital opening the sentence may be any word)
        )
    )


def _inanimate(party: str, start: int, lexicon: Lexicon) -> bool:
    """Return whether a party is a common noun phrase that names no speaker ("Blood tests")."""
    words = party.split()
    names = words[1:] if start == 0 or words[0].lower() in lexicon.determiners else words
    if any(w[:1].isupper() for w in names) or (len(words) == 1 and words[0][:1].isupper()):
        return False
    head = words[-1].lower().removesuffix("’s").removesuffix("'s")
    nouns = lexicon.speaker_nouns | lexicon.official_nouns | lexicon.person_roles
    return head not in nouns and head not in lexicon.pronouns


def _ends(sentence: str, verb_start: int) -> bool:
    """Return whether only the verb and a time phrase follow (", the board said.")."""
    rest = sentence[verb_start:]
    return bool(re.fullmatch(r"\S+(?:\s+\w+){0,3}?[\s.!?”\"]*", rest))


def _name_list(
    sentence: str, parts: list[tuple[int, int]], span: tuple[int, int], lexicon: Lexicon
) -> tuple[int, int]:
    """Extend "Meyer and other coaches" over the names listed before it ("Saban, Meyer and…")."""
    if not re.search(r"\s(?:and|&)\s", sentence[span[0] : span[1]]) or len(parts) < 2:
        return span
    start = None
    for a, b in reversed(parts[:-1]):
        item = sentence[a:b].strip()
        first = item.split()[0].lower() if item else ""
        if (
            not _LISTED_NAME.fullmatch(item)
            or first in lexicon.non_party_starts | lexicon.leading_noise
        ):
            return span  # the list must open the sentence ("Yesterday, Smith and Jones said")
        start = a + len(sentence[a:b]) - len(sentence[a:b].lstrip())
    return (start, span[1]) if start is not None else span


_LISTED_NAME = re.compile(r"(?:[A-Z][\w’'.-]*\s){0,2}[A-Z][\w’'.-]*")


def _join_and(
    sentence: str, clause_start: int, span: tuple[int, int], lexicon: Lexicon
) -> tuple[int, int]:
    """Extend a party over "X and" before it when X is a name too ("officers and officials")."""
    before = sentence[clause_start : span[0]]
    if not re.search(r"\s+and\s+$", before):
        return span
    words = list(re.finditer(r"\S+", before))[:-1]  # the words before "and"
    for first in words[-6:]:
        a = clause_start + first.start()
        if a < _after_break(sentence, clause_start, a):
            continue
        joined = _clean_party(sentence, a, span[1], lexicon)
        if joined is not None and joined[0] < span[0]:
            head = sentence[joined[0] : span[0]].split()
            opens = not sentence[clause_start : joined[0]].strip()
            if head and (
                head[0][:1].isupper()
                or head[0].lower() in lexicon.determiners
                # "…, witnesses and Palestinian security officials said": speakers opening the
                # clause (not "The army killed militants and officials said…").
                or (opens and lexicon.language == "en" and head[0].lower() in lexicon.speaker_nouns)
            ):
                return joined
    return span


def _trailing_name(sentence: str, end: int, lexicon: Lexicon) -> tuple[int, int] | None:
    """Return the capitalised name (with its article) that ends just before end."""
    aside = re.search(r"\s*\([^()]{1,80}\)\s*$", sentence[:end])
    if aside is not None:
        end = aside.start()  # "La Commission … (CNIL), qui critique": the name before
        lo = sentence.rfind(",", 0, end) + 1
        span = _clean_party(sentence, _after_break(sentence, lo, end), end, lexicon)
        if span is not None:
            return span
    match = re.search(
        # ("the presence of Morales, who…": a connector only inside a name, never before it.)
        r"(?<![\w’'-])((?:the\s+)?(?:(?:[A-Z][\w.&’'-]*\s+)+(?:of|for|and)\s+)?"
        r"(?:[A-Z][\w.&’'-]*\s+)*[A-Z][\w.&’'-]*)$",
        sentence[:end],
    )
    if match is None:
        # "…la cible de la droite, qui condamne…": a common noun phrase, from its last article.
        lo = sentence.rfind(",", 0, end - 1) + 1
        articles = [
            m.start()
            for m in re.finditer(r"(?<!\w)[\w’']+", sentence[lo:end])
            if m.group(0).lower() in lexicon.determiners - lexicon.possessives
        ]
        start = lo + articles[-1] if articles else _after_break(sentence, lo, end)
        return _clean_party(sentence, start, end, lexicon)
    return _clean_party(sentence, match.start(1), end, lexicon)


def right_party(sentence: str, verb_end: int, lexicon: Lexicon) -> tuple[int, int] | None:
    """Return the span of the party written after its verb ("…," said the ministry)."""
    aside = lexicon_pattern(lexicon, "verb aside").match(sentence, verb_end)
    if lexicon.verb_asides and aside is not None:
        verb_end = aside.end()  # "…» insiste quant à lui Ivan Leroy": past the aside
    verb_end = _past_fillers(sentence, verb_end, lexicon)
    end = _stop(sentence, verb_end + 1, _RIGHT_STOP, lexicon)
    if lexicon.guillemets and (quote := sentence.find("«", verb_end, end)) >= 0:
        end = quote  # "…» confirme Ivan Leroy « … »": the quotation goes on after the party
    if lexicon.right_stops:
        # "…, sagte Lucke am Samstag der Deutschen Presse-Agentur": the name ends at "am".
        own = lexicon_pattern(lexicon, "right stop").search(sentence, verb_end + 1, end)
        if (
            own is not None
            and lexicon.nouns_capitalised
            and own.group(0).strip() in ("der", "des", "dem")
            and (
                sentence[verb_end:].split()[:1] in [[d] for d in ("ein", "eine", "der", "die")]
                or sentence[: own.start()].endswith(" von")
            )
        ):
            # "…, schreibt ein Anwalt der Kanzlei Höcker": after a common noun, "der" is its
            # genitive (after a name, "sagte Lucke der dpa", the listener).
            own = lexicon_pattern(lexicon, "right stop").search(sentence, own.end(), end)
        end = own.start() if own is not None else end
    if lexicon.nouns_capitalised:
        end = _german_phrase_end(sentence, verb_end, end, lexicon)
    span = _clean_party(sentence, verb_end, end, lexicon)
    if span is None:
        return None
    words = sentence[span[0] : span[1]].split()
    first = words[0]
    allowed = lexicon.determiners | lexicon.speaker_nouns | set(lexicon.pronouns)
    # ("…, plaide l’entourage du Premier ministre": an elided article is a determiner.)
    if not (
        _ELIDED.sub("", first)[:1].isupper()
        or first.lower() in allowed
        or (lexicon.language == "fr" and re.match(r"[lL][’']\w", first))
        # ("…, berichtet de Decker": a name's particle in lower case; "…, sagen uns mehrere
        # Anwälte": a count.)
        or (lexicon.nouns_capitalised and first in _NAME_PARTICLES and words[1:2] != [])
        or (lexicon.nouns_capitalised and first in lexicon.quantifiers and words[1:2] != [])
    ):
        return None
    origin = _ORIGIN.match(sentence, span[1])
    if origin is not None and _head_noun(sentence[span[0] : span[1]], lexicon):
        # "…," says a doctor from Hebron: where they are from
        return span[0], origin.start(1) + len(origin.group(1).rstrip(" ."))
    return span


def _german_phrase_end(sentence: str, start: int, end: int, lexicon: Lexicon) -> int:
    """Return where a German noun phrase from start ends before end: at a dash or at a word in
    lower case that no article, particle or adjective after an article explains ("Peter Maier
    nervös", "Peter Maier und greift …"; not "der damalige Kassenwart", "de Decker")."""
    after_article = False
    for number, token in enumerate(re.finditer(r"\S+", sentence[start:end])):
        word = token.group(0).strip(",.;:!?")
        bare = word.lower()
        if word in ("-", "–", "—"):
            return start + token.start()
        following = sentence[start + token.end() :].lstrip()
        if bare in ("und", "oder", "sowie", "als", "auch") and (
            following[:1].isupper() or (bare == "als" and following.startswith("auch "))
        ):
            continue  # "Sowohl Keith als auch Keuter", "Anna und Peter Berg"
        if bare in lexicon.pronouns and not number:
            continue  # "…, sagt er"
        if bare in ("allem", "voran") and number == 1:
            continue  # "Vor allem die Opposition", "Allen voran die Grünen": a focus particle
        if (
            bare in lexicon.determiners | lexicon.quantifiers
            or bare in _NAME_PARTICLES
            or bare == "vom"
        ):
            after_article = bare in lexicon.determiners | lexicon.quantifiers
            continue
        if word[:1].isupper() or word[:1].isdigit():
            after_article = False
            continue
        if not after_article:
            return start + token.start()
    return end


def _past_fillers(sentence: str, verb_end: int, lexicon: Lexicon) -> int:
    """Return where an inverted verb's subject may start: past the listener and adverbs a
    language sets between them ("…, sagt uns die Quelle")."""
    if not lexicon.verb_subject_fillers:
        return verb_end
    fillers = lexicon_pattern(lexicon, "verb subject fillers").match(sentence, verb_end)
    return fillers.end() if fillers is not None else verb_end


# Lower-case particles that open a surname: "de Decker", "von Storch", "van Gaal".
# "…, wie die Presse … bemerkte": the clause the verb ends.
_GERMAN_AS_CLAUSE = re.compile(r"(?:^|,\s+)[Ww]ie\s+([^,;:„“”\"»«]+?)\s+$")
# A modal or future auxiliary earlier in the clause: the verb after it is an infinitive.
_GERMAN_MODAL = re.compile(
    r"\b(?:kann|können|konnte|konnten|muss|müssen|musste|soll|sollen|sollte|sollten|will|"
    r"wollen|wollte|wollten|darf|dürfen|möchte|möchten|könnte|könnten|würde|würden|wird|"
    r"werden|zu)\b[^,;:„“”\"»«]*$"
)
# "so gut, wie er schreibt": how well, not what was written.
_AS_WELL_AS = re.compile(r"(?i)\b(?:so|genauso|ebenso)\s+\w+,\s+wie\s+\w+\s+$")
# "Man könnte sagen", "man kann sagen": a way of putting it, no one's statement.
_ONE_COULD_SAY = re.compile(
    r"(?i)\bman\s+(?:kann|könnte|muss|müsste|darf|dürfte|sollte|würde)\b[^,;:„“”\"]{0,40}$"
)
_NAME_PARTICLES = frozenset(("de", "di", "da", "van", "von", "zu", "ten", "ter"))


# Where a speaker described by their role comes from: "a doctor from Hebron", to a comma or the
# end of the sentence.
_ORIGIN = re.compile(
    r"\s+(?:from|in|at|of)\s+((?:the\s+)?(?:[A-Z][\w’'.-]*\s?){1,4})(?=\s*[,.;!?]|$)"
)


def _stop(sentence: str, start: int, pattern: re.Pattern[str], lexicon: Lexicon) -> int:
    """Return where a party written after a phrase ends, stepping over "Mr." and "U.S."."""
    pos = start
    while True:
        stop = pattern.search(sentence, pos)
        if stop is None:
            return len(sentence)
        if stop.group().startswith("."):
            word = re.search(r"([\w.]+)$", sentence[: stop.start()])
            token = word.group(1).lower() if word else ""
            if token in lexicon.abbreviations or re.fullmatch(r"[a-z](?:\.[a-z])*\.?", token):
                pos = stop.end()
                continue
        return stop.start()


# A participle or adjective with its complement opening a sentence, before the subject: "Upset
# by the assignment, the staffer…", "Consistent with the easing, the statement…".
_OPENER = re.compile(
    r"[A-Z][a-z]+(?:ed|ing|en|ent|ant|ful|ive|ous|ible|able|set)\s+"
    r"(?:by|with|of|to|about|from|for|at|in|on|after)\s[^,“”\"]{1,100},\s+"
)


# A span of time opening a sentence: "Five months later, Kennedy…", "Two days after the vote, …".
_TIME_OPENER = re.compile(
    r"(?:[A-Z][a-z]+|\d+|A few|A couple of)\s+(?:days?|weeks?|months?|years?|hours?|decades?)\s+"
    r"(?:later|earlier|ago|after|before|on)\b[^,]{0,60},\s+"
)


_FRENCH_OPENING = re.compile(r"(\w+)(?:\s+[^\s,;:«»“”\"]+){0,8},\s+")


def subject_after_opening(sentence: str, lexicon: Lexicon) -> tuple[int, int] | None:
    """Return the subject of a French sentence past a phrase setting its scene ("Ainsi dans
    les cortèges, le journaliste Rémy Buisine passe…"), else main_subject's."""
    opening = _FRENCH_OPENING.match(sentence) if lexicon.language == "fr" else None
    if opening is None or opening.group(1).lower() not in lexicon.non_party_starts:
        return main_subject(sentence, lexicon)
    span = main_subject(sentence[opening.end() :], lexicon)
    return (span[0] + opening.end(), span[1] + opening.end()) if span is not None else None


def _tokens_with_next(sentence: str, start: int) -> Iterator[tuple[re.Match[str], list[str]]]:
    """Yield each word from start with the word after it ([] at the end)."""
    # The next word from the same scan: splitting the rest of the sentence at every word
    # took minutes on a long run of capitalised words.
    tokens = _TOKEN.finditer(sentence, start)
    token = next(tokens, None)
    while token is not None:
        following = next(tokens, None)
        yield token, [following.group()] if following is not None else []
        token = following


def main_subject(sentence: str, lexicon: Lexicon) -> tuple[int, int] | None:
    """Return the span of the sentence's leading noun phrase (the subject of its first clause)."""
    if lexicon.nouns_capitalised and lexicon.fronted:
        inverted = _verb_second_subject(sentence, lexicon)
        if inverted is not None:
            return inverted
    intro = (
        INTRO.match(sentence)
        or _STATEMENT_INTRO.match(sentence)
        or _TIME_OPENING.match(sentence)
        # "Finally, Nagel pushed…", "Second, the Fed will…": a sentence adverb.
        or _ADVERB_OPENING.match(sentence)
        or _OPENER.match(sentence)
        or _TIME_OPENER.match(sentence)
    )
    start = intro.end() if intro else 0
    end = start
    nouns = lexicon.speaker_nouns | lexicon.official_nouns
    for token, following in _tokens_with_next(sentence, start):
        word = token.group().strip('“”"‘’()')
        bare = word.rstrip(",;:").lower()
        # "Local councillor Gordon Mackenzie": a role before a name is part of the phrase.
        titled = bare in lexicon.person_roles and following and following[0][:1].isupper()
        ahead = [t.lower().strip(",;:") for t in following]
        ok = (
            word[:1].isupper()
            or bare in lexicon.determiners
            or bare in nouns
            or titled
            or bare.endswith(("’s", "'s"))
            or (bare in ("of", "for", "and", "than") and end > start)
            or (bare.replace(",", "").isdigit() and end > start)
            or (word.isalpha() and not bare.endswith("ed") and any(a in nouns for a in ahead))
        )
        if not ok and end > start and word.isalpha() and word.islower() and following:
            # "Three of the staffers amended": a common noun heads the phrase when a verb
            # follows it.
            after = following[0].lower()
            previous = sentence[start:end].split()[-1].lower()
            if (previous in lexicon.determiners or previous[:1] != previous[:1].lower()) and (
                after.endswith("ed") or after in lexicon.verb_forms
            ):
                end = token.end()
            break
        if not ok:
            break
        if bare not in ("of", "for", "and"):
            # "Facebook and other tech companies": a phrase never ends on its connector.
            end = token.start() + len(token.group().rstrip(",;:"))
        if word.endswith(",") and word[:1].isupper() and _LIST_AHEAD.match(sentence, token.end()):
            continue  # "Saban, Meyer and Ohio State’s Jim Tressel": one list of names
        if word.endswith((",", ";", ":")):
            break
    if end <= start:
        return None
    return _clean_party(sentence, start, end, lexicon)


def _verb_second_subject(sentence: str, lexicon: Lexicon) -> tuple[int, int] | None:
    """Return the subject after the finite verb of a German sentence that opens with an adverb
    or a prepositional phrase ("Nun zieht auch die Busbranche nach", "Am Ende steht die
    Empfehlung: …"), or None when the sentence opens otherwise."""
    first = sentence.split(maxsplit=1)[:1]
    if not first or first[0].strip(",").lower() not in lexicon.non_party_starts:
        return None
    fronted = _GERMAN_FRONTED_VERB.match(sentence)
    if fronted is None or not lexicon_pattern(lexicon, "fronted").fullmatch(
        sentence[: fronted.start(1)]
    ):
        return None
    subject = _GERMAN_SUBJECT.match(sentence, _past_fillers(sentence, fronted.end(1), lexicon))
    if subject is None:
        return None
    return _clean_party(sentence, subject.start(1), subject.end(1), lexicon)


# A fronted phrase of up to eight words, then the finite verb in lower case (no comma between:
# "Bei Fahrten in die Heimat sitze er" is no main clause's opening but a whole clause).
_GERMAN_FRONTED_VERB = re.compile(r"(?:[^\s,;:„“”\"]+\s+){1,8}?([a-zäöüß]+)(?=\s)")


# A time phrase opening a sentence without a comma: "This summer Piper Jaffray analyst…".
_TIME_OPENING = re.compile(
    r"(?:(?:This|Last|Next|Earlier|Later)\s+(?:week|month|year|spring|summer|autumn|fall|winter|"
    r"morning|afternoon|evening|weekend)|(?:On|Last)\s+(?:Monday|Tuesday|Wednesday|Thursday|"
    r"Friday|Saturday|Sunday))\s+(?=[A-Z]|(?:the|a|an)\s)"
)


_ADVERB_OPENING = re.compile(
    r"(?:[A-Z][a-z]+ly|First|Second|Third|Fourth|Next|Lastly|Still|Again|Further|Plus|Indeed|"
    r"Thus|Hence|Instead|Otherwise|Besides|Anyway|Now|Then|Yet)\s*,\s+"
)


# More names after a comma, then "and" and another name: the list goes on.
_LIST_AHEAD = re.compile(r"\s+(?:[A-Z][\w’'.-]*,?\s+){1,4}?and\s+[A-Z]")


def _comma_parts(left: str) -> list[tuple[int, int]]:
    parts = []
    start = 0
    for match in re.finditer(r"(?<!\d),|,(?!\d{3}\b)", left):  # not "2,000"
        parts.append((start, match.start()))
        start = match.end()
        part = left[parts[-1][0] : parts[-1][1]]
        if left[start : start + 1] in '”"' and (part.count("“") + part.count('"')) % 2 == 1:
            # 'author of the essay "The Case for X," argued': the comma inside the closing
            # mark of a title the phrase opened ends the title, not the phrase.
            start += 1
    parts.append((start, len(left)))
    return parts


_ADVERB_BREAKS = frozenset((" since ", " so ", " even "))


def _after_break(sentence: str, start: int, end: int) -> int:
    last = previous = start
    for match in _CLAUSE_BREAK.finditer(sentence, start, end):
        if match.group(0) == " as " and sentence[: match.start()].endswith("such"):
            continue  # "Republicans such as former President Bush have called": one phrase
        previous, last = last, match.end()
        if match.group(0) in _ADVERB_BREAKS and not sentence[last:end].strip():
            # "The hotel bosses have since said": an adverb before the verb, no new clause.
            last = previous
    return last


def _clean_party(
    sentence: str,
    start: int,
    end: int,
    lexicon: Lexicon,
    *,
    loose: bool = False,
    ends_sentence: bool = False,
) -> tuple[int, int] | None:
    """Trim noise words around a candidate party and return its span if it names a speaker."""
    if lexicon.party_stops:
        # "Der AStA hatte bereits am Freitag moniert": the party ends at the auxiliary.
        stop = lexicon_pattern(lexicon, "party stop").search(sentence, start, end)
        end = stop.start() if stop is not None else end
    segment = sentence[start:end]
    # "A poll from June", "a survey in March 2019": when it was made is no part of its name.
    timeless = _DATED.sub("", TIME_TAIL.sub("", segment.rstrip()))
    tokens = [(m.start() + start, m.end() + start) for m in _TOKEN.finditer(timeless)]

    def word(i: int) -> str:
        a, b = tokens[i]
        return sentence[a:b].strip('“”"‘’(),;:').lower()

    nouns = lexicon.speaker_nouns | lexicon.official_nouns
    while tokens and (word(0) in lexicon.leading_noise or not word(0)):
        if word(0) in lexicon.determiners and len(tokens) > 1 and word(1) in nouns:
            break  # "That report found": a determiner here, not a conjunction
        tokens.pop(0)
    if len(tokens) > 2 and tokens[0][0] == 0 and sentence.startswith("According to "):
        # "According to the EDS estimates, …": the source, not the phrase.
        del tokens[:2]

    def lower_noise(i: int) -> bool:
        # "Guillaume Long", "Jeffrey Still": a capitalised word is a name, not an adverb.
        a, b = tokens[i]
        return (
            word(i) in lexicon.trailing_noise
            and not sentence[a:b].strip('“”"‘’(),;:')[:1].isupper()
        )

    while tokens and (lower_noise(-1) or _adverb(sentence, tokens[-1], lexicon) or not word(-1)):
        tokens.pop()
    if not loose and len(tokens) > 10:
        # "Dr. Joneigh Khaldun of the Michigan Department of Health and Human Services says":
        # too long for a party, but the person's name heads it.
        head = re.match(r"\s*(.+?)\s+(?:of|at|from|with)\s", sentence[tokens[0][0] : tokens[-1][1]])
        if head is not None and is_person_like(head.group(1), lexicon):
            return _clean_party(sentence, tokens[0][0], tokens[0][0] + head.end(1), lexicon)
    described = (
        _DESCRIBED_AFTER.search(sentence, tokens[1][1], tokens[-1][1])
        if lexicon.language == "fr" and not loose and len(tokens) >= 5
        else None
    )
    if described is not None:
        # "l’avocat de la partie civile contracté par WARA pour défendre…": the speaker before
        # what describes them.
        return _clean_party(sentence, tokens[0][0], described.start(), lexicon)
    if not tokens or len(tokens) > (16 if loose else 10):
        return None
    a, b = tokens[0][0], tokens[-1][1]
    while a < b and sentence[a] in OPENING_QUOTES + CLOSING_QUOTES + "(,-–—•* ":
        a += 1  # (and a list item's bullet: "- The CEO of Vail Resorts says")
    while b > a and sentence[b - 1] in OPENING_QUOTES + CLOSING_QUOTES + "),;:":
        b -= 1
    text = sentence[a:b]
    words = text.split()
    if not words:
        return None
    lowered = [w.lower().strip(".,’'") for w in words]
    if len(words) == 1 and lowered[0] in lexicon.pronouns:
        return a, b
    if len(words) == 1 and lowered[0] in lexicon.determiners and lexicon.language == "fr":
        return None  # "les" cut from its noun names no one
    contracted = re.fullmatch(r"(\w+)[’']s", words[0])
    if len(words) == 1 and contracted and contracted.group(1).lower() in lexicon.pronouns:
        return a, a + len(contracted.group(1))  # "He's disappointed … and says": he
    # ("A resident who didn't want to be named": a who-clause may hold a negated infinitive.)
    unclaused = re.split(r"\swho\s", text, maxsplit=1)[0] if loose else text
    if (
        lowered[-1]
        in ("or", "and", "to", "of", "that", "who", "et", "ou", "und", "oder", "qui", "que", "dont")
        # ("Vous expliquerez en quoi l’expression «fonds qataris": a quotation cut open.)
        or text.count("«") > text.count("»")
        or text.count("“") > text.count("”")
        # "Voici ce que demandent…", "celui qui montre…": a clause, not a name.
        or words[-1].lower() in (*lexicon.complementisers, *lexicon.relatives)
        or any(w in ("what", "how", "why", "whether", "it's", "it’s") for w in lowered)
        or re.search(r"\b(?:mean|want|need|try|have|has|had|used)\s+to\b", unclaused)
        # "Aren’t those…", "…whenever the data": a negation or a subordinate clause.
        or any(w.endswith(("n’t", "n't")) for w in unclaused.lower().split())
        # ("A spokesperson who … because of agency policy": a relative clause may hold one.)
        or (not loose and any(w in _SUBORDINATORS for w in lowered))
        # "I’ve mentioned", "We’re told": the author's own voice.
        or any(re.match(r"(?:i|we)[’'](?:ve|m|re|d|ll)$", w) for w in lowered)
    ):
        return None  # a clause or an infinitive, not a name
    if loose:
        return (a, b) if len(words) <= 16 else None
    name = re.search(r"\s((?:[A-Z][\w’'-]+\s?){1,3})$", text)
    if (
        words[0].lower() in ("a", "an")
        and name
        and all(w.islower() for w in words[1:-1])
        # "A nurse from Leeds said": the place is where the speaker is from.
        and not (len(words) > 2 and lowered[-2] in ("from", "of", "at", "in", "with"))
    ):
        # "a process Persoons said": a relative clause; the name is the party.
        a = b - len(name.group(1).rstrip())
        text = sentence[a:b]
        words = text.split()
        lowered = [w.lower().strip(".,’'") for w in words]
    counted = re.search(r"\d\s*(?:%|percent|per cent)\s+of\s", text) or re.fullmatch(
        r"(?:[A-Z][\w&.-]*\s+)+\d{1,3}", text
    )  # "70 percent of voters", a station: "Fox 6"
    # "33 prominent European lawyers from Germany", "2,000 protesters": a count of speakers.
    counted_head = _HEAD_BEFORE_PHRASE.split(text)[0].split()[-1].lower()
    counted_speakers = re.match(r"[\d,]+\s", text) is not None and counted_head in (
        lexicon.speaker_nouns | lexicon.official_nouns
    )
    # An age or a year describes the party ("the 45-year-old nurse", "a 2020 study").
    # So does a count of its subjects or its length ("a study in 48 people", "a 2-month trial").
    undated = re.sub(
        r"\b\d{1,3}-year-old\b|\b(?:19|20)\d\d\b|\bof (?:the )?[\d,]+ "
        # "the 2,000-member union", "a 27-nation bloc": a number inside an adjective.
        r"|\b[\d,.]+-(?!year-old\b)[a-z]+\b"
        r"|\b(?:in|of|among|involving|with)\s+(?:more than |over |nearly |about |almost )?"
        r"[\d,]+\s|\b\d+-(?:day|week|month|year)\b"
        # A count of speakers: "More than 100 scientists", "nearly 2,000 residents".
        r"|^(?i:more|fewer|less) than [\d,]+\s|^(?i:nearly|almost|about|some|over) [\d,]+\s"
        # A day: "the December 12 email from Morales".
        r"|\b(?:January|February|March|April|May|June|July|August|September|October|November|"
        r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?\s+\d{1,2}\b",
        "",
        text,
    )
    if any(w in lexicon.pronouns for w in lowered):
        return None
    if any(ch.isdigit() for ch in undated) and not counted and not counted_speakers:
        # "District 12 District Attorney Janice Steidley": the person's name after a number.
        name = _PERSON_AT_END.search(text)
        if (
            name is not None
            and not any(ch.isdigit() for ch in name.group(1))
            and is_person_like(name.group(1), lexicon)
        ):
            return b - len(name.group(1)), b
        return None
    if any(
        w in lexicon.verb_forms
        and w not in lexicon.speaker_nouns
        and w not in lexicon.parenthetical_forms  # "the German Marshall Fund think tank"
        # "Answers posted on Quora", "Documents released by the court": a participle of the
        # party's own, not a verb of the clause.
        and not (w.endswith("ed") and next_word in _PARTICIPLE_PREPOSITIONS)
        # "Answers posted on Quora", "Reports from the scene": a noun heading the party.
        and not (w in _NOUN_FORMS and (i == 0 or (i == 1 and lowered[0] in lexicon.determiners)))
        # "the defending champion", "a highly detailed report": a participle before its noun.
        and not _attributive(lowered, i, lexicon)
        # "The Holy See", "Amazon's Echo team": a name's word, not a verb.
        and not (i and words[i][:1].isupper())
        # "A note from the minister": a document (the bare form reports only after "to").
        and w not in _INFINITIVE_ONLY
        # "Head of financial reporting Richard Martin": a job's -ing noun before a name.
        and not (w.endswith("ing") and i + 1 < len(words) and words[i + 1][:1].isupper())
        for i, (w, next_word) in enumerate(zip(lowered, [*lowered[1:], ""], strict=True))
    ):
        return None
    # An auxiliary inside, or a verb-like last word, means a clause rather than a name.
    if (
        len(lowered) >= 3
        # (French has no relative clause without "que": "les grands médias" is one phrase.)
        and lexicon.language != "fr"
        and lowered[0] in lexicon.determiners
        and lowered[-1] in lexicon.speaker_nouns
        and re.fullmatch(r"[a-z]{3,}s", words[-2])
        # ("the news agency", "the press office": a noun ending in s, no plural subject.)
        and not re.search(r"(?:ss|us|is|news)$", words[-2])
        and lowered[-2] not in lexicon.speaker_nouns | lexicon.official_nouns
    ):
        return None  # "the positive things people say about…": a relative clause's subject
    if any(w in _AUXILIARIES for w in lowered[1:]) or (
        lowered[-1].endswith("ing")
        and words[-1].islower()
        and lowered[-1] not in lexicon.speaker_nouns  # "the filing", "the ruling"
        # "Residents of the building": after a determiner, an -ing word is a noun.
        and not (len(lowered) >= 2 and lowered[-2] in lexicon.determiners)
    ):
        return None
    if (
        len(words) <= 2
        and all(re.fullmatch(r"[a-z]{3,}", w) for w in words)
        and words[-1].endswith("s")
        # ("…, engineers have long warned": auxiliaries and adverbs may stand between.)
        # ("…and unions are criticising": the progressive's auxiliary too.)
        and re.fullmatch(
            r"(?:\s+(?:have|had|are|were|also|now|long|all|\w+ly))*\s*", sentence[b:end]
        )
    ):
        return a, b  # "…, but rebels claimed", "indigenous elders say": plurals before the verb
    if (
        ends_sentence
        and lowered[0] in ("the", "a", "an", "his", "her", "its", "their")
        and 2 <= len(words) <= 4
        # "the ex-associate recalled": a hyphenated role is one word.
        and all(w.replace("-", "").isalpha() for w in lowered)
    ):
        return a, b
    content_words = words[1:] if lowered[0] in lexicon.determiners else words
    # An elided article is part of the word: "l’Arcep" is a name.
    capitalised = any(_ELIDED.sub("", w)[:1].isupper() for w in content_words)
    # A role one person holds names a speaker too: "the man", "the award-winning actor".
    nouns = lexicon.speaker_nouns | lexicon.official_nouns
    # ("l’avocat de la partie civile": French elides its article onto the noun.)
    bare = [_ELIDED.sub("", w) for w in lowered] if lexicon.language == "fr" else lowered
    # "the driver of the truck": the role heads the phrase its affiliation follows.
    affiliation = r"of|at|from|in|for|with" + ("|de|du|des" if lexicon.language == "fr" else "")
    role = re.split(r"\s(?:" + affiliation + r")\s", " ".join(bare))[0].split() or bare
    # ("one of the project managers": a plural of a speaker's noun names speakers too.)
    # ("le cinéaste et les acteurs": a French role anywhere in the phrase names speakers.)
    speakers = nouns | lexicon.person_roles if lexicon.language == "fr" else nouns
    named = (
        any(
            w.removesuffix("’s").removesuffix("'s") in speakers
            or (w[-1:] == "s" and w[:-1] in speakers)
            for w in bare
        )
        or (
            len(role) <= 4
            # "the 34-year-old" is a person as much as "the driver" is.
            and (
                # "the ex-partner", "a co-founder": the role after its prefix.
                role[-1].rsplit("-", 1)[-1] in lexicon.person_roles
                or (role[-1][-1:] == "s" and role[-1][:-1] in lexicon.person_roles)  # "employees"
                or bool(re.fullmatch(r"\d{1,3}-year-old", role[-1]))
            )
        )
        # "the union", "the bank": an organisation's common noun after an article.
        or (len(lowered) <= 4 and lowered[0] == "the" and lowered[-1] in lexicon.organisation_nouns)
    )
    if lowered[0] == "those" and re.match(
        r"\S+\s+(?:close to|familiar with|with knowledge of|briefed on|involved in|who)\b",
        text,
    ):
        named = True  # "Those close to her", "those familiar with the plan": unnamed sources
    if not (capitalised or named):
        return None
    # "de Miranda", "van Gogh": a surname's particle is written in lower case.
    particle = lowered[0] in _PARTICLES and len(words) >= 2 and words[1][:1].isupper()
    if not (capitalised and _ELIDED.sub("", words[0])[:1].isupper()) and not (
        words[0][:1].isupper() or lowered[0] in lexicon.determiners or named or particle
    ):
        # "tomato farmer Lana Boatwright", "swimming greats like Jon Sieben": a lower-case
        # description before a person's name; the name is the party.
        name = _PERSON_AT_END.search(text)
        description = text[: name.start()].split() if name is not None else []
        if (
            name is not None
            and all(w.isalpha() or "-" in w for w in description)
            and not any(w in _FUNCTION_WORDS for w in description)
            and is_person_like(name.group(1), lexicon)
        ):
            return b - len(name.group(1)), b
        return None
    return a, b


def _attributive(words: list[str], i: int, lexicon: Lexicon) -> bool:
    """Return whether words[i] is a participle before its noun ("the defending champion",
    "a highly detailed report"), not a clause's verb ("Lahav routinely told")."""
    if not words[i].endswith(("ing", "ed")) or i + 1 >= len(words):
        return False
    before = words[i - 1] if i else ""
    if before.endswith("ly") and before not in _NOT_ADVERBS and i >= 2:
        before = words[i - 2]
    return before in lexicon.determiners


# Two or three capitalised words closing a phrase: a person's name after a description.
_PERSON_AT_END = re.compile(r"(?<!\S)((?:[A-Z][\w’'.-]*\s+){1,2}[A-Z][\w’'-]+)$")
# Words that make a phrase something else than a description ("added to Portrait Mode").
_FUNCTION_WORDS = frozenset(
    (
        *("to", "of", "in", "on", "at", "for", "from", "by", "with", "into", "onto", "over"),
        *("under", "about", "after", "before", "than", "and", "or", "but", "as", "that"),
        *("which", "who", "when", "while", "if", "since", "until", "last", "this", "next"),
    )
)


_PARTICIPLE_PREPOSITIONS = frozenset(("on", "in", "online", "by", "at", "from", "last", "this"))
_SUBORDINATORS = frozenset(("whenever", "because", "although", "unless", "whereas", "wherever"))
_ELIDED = re.compile(r"^[lLdD][’']")
_PARTICLES = frozenset(
    ("de", "van", "von", "der", "den", "da", "di", "del", "della", "du", "le", "ter")
)


_NOT_ADVERBS = frozenset(("family", "ally", "italy", "assembly", "rally", "supply", "reply"))


def _adverb(sentence: str, token: tuple[int, int], lexicon: Lexicon) -> bool:
    """Return whether a token is an adverb ("repeatedly"), not "family", "Kelly" or "Italy"."""
    word = sentence[token[0] : token[1]].strip('“”"‘’(),;:')
    return (
        word.endswith("ly")
        and word.islower()
        and word not in _NOT_ADVERBS
        and word not in lexicon.speaker_nouns | lexicon.person_roles
    )


_SOURCE_PATTERNS: dict[str, tuple[re.Pattern[str], re.Pattern[str] | None, re.Pattern[str]]] = {}


def _source_patterns(
    lexicon: Lexicon,
) -> tuple[re.Pattern[str], re.Pattern[str] | None, re.Pattern[str]]:
    """Return the patterns of a language's "according to" phrases, compiled once.

    (Built per call they filled the regex cache and pushed the fixed patterns out of it.)
    """
    patterns = _SOURCE_PATTERNS.get(lexicon.language)
    if patterns is None:
        phrases = "|".join(re.escape(p) for p in lexicon.source_phrases)
        documents = "|".join(re.escape(w) for w in lexicon.document_words)
        patterns = _SOURCE_PATTERNS[lexicon.language] = (
            # (A phrase opening with a comma, German ", so", needs no word before it:
            # "„Wir sind enttäuscht“, so der Sprecher.")
            re.compile(r"(?:(?<![\w’'-])|(?=,))(?:" + phrases + r")\b", re.IGNORECASE),
            re.compile(r"\s+(?:" + documents + r")\b", re.IGNORECASE) if documents else None,
            re.compile(r"\s(?!(?:" + "|".join(lexicon.determiners) + r")\b)[a-zäöüß]"),
        )
    return patterns


# („Bild“, or with its article and straight quotes: "laut dem "Kurier"", "laut der "Daily Star"".)
_QUOTED_OUTLET = re.compile(
    r"\s*(?:(?:der|die|das|dem|des|den)\s+)?(?:„|\")([A-ZÄÖÜ][^„“”\"]{0,40})(?:“|\")"
)
_NEXT_PHRASE = re.compile(r"\w\s(?:die|das|den|dem|ein|eine|einen|einem)\s")


# A number or an amount just before "per": "$95 per adult", "up to 1TB eSATA per DVR".
# (Not past a comma: "in the 14th century, per the dictionary".)
_RATE_BEFORE = re.compile(r"(?:\d|[$€£¥])[^\s,;]*(?:\s+[^\s,;]+)?\s+$")


def _source_phrases(sentence: str, lexicon: Lexicon, inside_quote: object) -> list[Attribution]:
    found = []
    phrases, documents, lower_word = _source_patterns(lexicon)
    for match in phrases.finditer(sentence):
        if callable(inside_quote) and inside_quote(match.start()):
            continue
        phrase = next(p for p in lexicon.source_phrases if p.lower() == match.group(0).lower())
        if phrase == "per" and _RATE_BEFORE.search(
            sentence, max(0, match.start() - 40), match.start()
        ):
            continue  # "$95 per adult", "1TB per DVR": a rate, not a source
        start = match.end()
        if lexicon.language == "fr" and phrase == "de source":
            start = match.start() + 3  # "de source policière": the source is the party
        document = documents.match(sentence, start) if documents is not None else None
        if document is not None:
            start = document.end()
        quoted = _QUOTED_OUTLET.match(sentence, start) if lexicon.nouns_capitalised else None
        if quoted is not None:
            # "Nach Informationen des „Spiegel“ plant …", "laut „Bild“": the outlet's name.
            att = Attribution(match.start(), match.end(), phrase, "according to X")
            att.party_start, att.party_end = quoted.span(1)
            att.party = quoted.group(1)
            found.append(att)
            continue
        end = _stop(sentence, start + 1, _SOURCE_STOP, lexicon)
        pronoun = re.match(r"\s+(\w+)\b", sentence[start:end])
        if (
            lexicon.language == "fr"
            and pronoun is not None
            and pronoun.group(1).lower() in lexicon.pronouns
        ):
            end = start + pronoun.end(1)  # "illustrerait selon lui l’expression…": lui alone
        if lexicon.guillemets and (quote := sentence.find("«", start, end)) >= 0:
            end = quote  # "Selon le chercheur « … »": the quotation is what was said
        if lexicon.nouns_capitalised:
            # "Laut Polizei wurden drei Menschen verletzt": the name ends at the verb.
            verb = lower_word.search(sentence[start + 1 : end])
            end = start + 1 + verb.start() if verb else end
            # "laut der Mitteilung die Initiative", "laut dem Rechnungshof den Bau": an article
            # of no genitive after a noun opens the clause's next phrase.
            article = _NEXT_PHRASE.search(sentence, start + 1, end)
            end = article.start() + 1 if article else end
        span = _clean_party(sentence, start, end, lexicon)
        if span is None:
            # "According to court documents and testimony by …, it was…": the documents say
            # it; what was said follows the whole phrase ("…between Biden, Trump and Kennedy,").
            head = _document_head(sentence, start, end, lexicon)
            if head is None:
                continue
            listed = _LIST_GOES_ON.match(sentence, end)
            span = (head[0], listed.end() if listed else len(sentence[:end].rstrip()))
        else:
            head = span
        att = Attribution(match.start(), match.end(), phrase, "according to X")
        att.party_start, att.party_end = span
        att.party = sentence[head[0] : head[1]]
        found.append(att)
    if not lexicon.postpositions:
        return found
    # "Dem Minister zufolge kommt…", "…, Experten zufolge, …": the party before the word.
    for match in lexicon_pattern(lexicon, "postposition").finditer(sentence):
        if callable(inside_quote) and inside_quote(match.start(1)):
            continue
        span = _clean_party(sentence, match.start(1), match.end(1), lexicon)
        # ("Berichten zufolge" is a passive: reports, unnamed.)
        if span is None or sentence[span[0] : span[1]].lower() == "berichten":
            continue
        att = Attribution(match.end(1) + 1, match.end(), match.group(2), "X according to")
        att.party_start, att.party_end = span
        att.party = sentence[span[0] : span[1]]
        found.append(att)
    return found


# The first words of a long source, up to a preposition or a conjunction ("court documents").
_DOCUMENT_HEAD = re.compile(
    r"\s*((?:[\w’'-]+\s+){0,3}?[\w’'-]+)\s+(?:since|of|from|by|and|on|in|at|with|about|"
    r"between)\s"
)


_LIST_GOES_ON = re.compile(
    r",\s+(?:[\w’'-]+\s+){0,3}(?:and|or)\s+[\w’'-]+(?:\s+[\w’'-]+){0,2}(?=,)"
)


def _document_head(sentence: str, start: int, end: int, lexicon: Lexicon) -> tuple[int, int] | None:
    """Return the span of the document or speakers heading a source too long to be a party
    ("polls since November of a three-way race between…"), or None."""
    if len(sentence[start:end].split()) <= 10:
        return None
    head = _DOCUMENT_HEAD.match(sentence, start, end)
    if head is None or head.group(1).split()[-1].lower() not in lexicon.speaker_nouns:
        return None
    return _clean_party(sentence, start, head.end(1), lexicon)


# A sentence opening on what its subject said: "Saying the plan was flawed, the senator…",
# "Declaring “the soul of the corps” is at stake, Gates has ordered…" (a that-clause, a
# quotation or a clause without "that" after the participle, not "Warning the public, …").
_FRONTED_PARTICIPLE = re.compile(
    # (After a dateline: "WASHINGTON (Aug. 13) -- Declaring …".)
    r"(?:[A-Z][A-Z.’' -]*(?:\([^()]{1,30}\)\s*)?(?:--|—|–)\s*)?"
    r"(?:(?:But|And|Yet|Still|Now|Then),?\s+)?(?P<verb>(?i:saying|declaring|warning|arguing|"
    r"insisting|claiming|stating|alleging|asserting|acknowledging|admitting|"
    r"conceding|stressing|emphasi[sz]ing|maintaining|contending|predicting|complaining))"
    r"(?=\s+(?:that\b|[“\"])|" + _ZERO_THAT + ")"
)
_FRONTED_LEMMAS = {"emphasising": "emphasise", "emphasizing": "emphasise", "declaring": "declare"}


def _fronted_participle(sentence: str, lexicon: Lexicon) -> Attribution | None:
    """Return the attribution of a sentence opening on a participle of saying, whose party is
    the subject of the clause after it ("Saying the plan was flawed, the senator voted no")."""
    match = _FRONTED_PARTICIPLE.match(sentence)
    if match is None:
        return None
    quoted = quote_regions(sentence)
    comma = next(
        (
            m.start()
            for m in re.finditer(r",\s", sentence[: match.end() + 200])
            if m.start() > match.end() and not any(a < m.start() < b for a, b in quoted)
        ),
        None,
    )
    if comma is None:
        return None
    rest = sentence[comma + 1 :]
    shift = comma + 1 + len(rest) - len(rest.lstrip())
    span = main_subject(rest.lstrip(), lexicon)
    if span is None:
        return None
    party = sentence[shift + span[0] : shift + span[1]]
    head = party.split()[-1].lower()
    if (
        _no_subject(party, lexicon)
        or party.lower() == "it"
        or (_inanimate(party, 0, lexicon) and head not in lexicon.organisation_nouns)
    ):
        return None  # "…, it is clear that…", "…, the rule applies": no one speaks
    verb = match.group("verb").lower()
    lemma = lexicon.verb_forms.get(verb) or _FRONTED_LEMMAS.get(verb, verb)
    att = Attribution(match.start("verb"), match.end("verb"), lemma, "fronted participle")
    att.party_start, att.party_end = shift + span[0], shift + span[1]
    att.party = party
    return att


def _opening_phrase(sentence: str, lexicon: Lexicon) -> Attribution | None:
    """Return the attribution of "Pour la ministre, cette innovation va…" (whose view it is)."""
    if not lexicon.opening_phrases:
        return None
    match = lexicon_pattern(lexicon, "opening").match(sentence)
    if match is None:
        return None
    span = _view_holder(sentence, match.start(1), match.end(1), lexicon)
    if span is None:
        return None
    att = Attribution(0, match.start(1), "opening", "for X,")
    att.party_start, att.party_end = span
    att.party = sentence[span[0] : span[1]]
    return att


def _parallel_openings(
    sentence: str, first: Attribution, lexicon: Lexicon, inside_quote: object
) -> list[Attribution]:
    """Return the views a sentence opened by "Pour X, …" goes on to give in the same frame
    ("Pour X, c’est le musulman, pour Y, c’était le Juif")."""
    found = []
    for match in lexicon_pattern(lexicon, "parallel opening").finditer(sentence, first.party_end):
        if callable(inside_quote) and inside_quote(match.start()):
            continue
        span = _view_holder(sentence, match.start(1), match.end(1), lexicon)
        if span is None:
            continue
        lead = match.group(0)[1:].lstrip()  # "pour Y, ": the word that opens the view
        att = Attribution(match.end() - len(lead), match.start(1), "opening", "for X,")
        att.party_start, att.party_end = span
        att.party = sentence[span[0] : span[1]]
        found.append(att)
    return found


def _view_holder(sentence: str, start: int, end: int, lexicon: Lexicon) -> tuple[int, int] | None:
    """Return the span of a person or speaking body whose view a phrase gives, else None."""
    span = _clean_party(sentence, start, end, lexicon)
    if span is None:
        return None
    party = sentence[span[0] : span[1]]
    head = party.split()[-1].lower()
    if lexicon.nouns_capitalised:
        # "einem Bericht des Ministeriums": the noun after the article heads the phrase.
        # ("ein Projekt an der Universität Mainz": the project.)
        head = re.split(r"\s(?:(?:an|bei) (?:der|dem)|am|beim|des|der|von|vom)\s", party)[0]
        head = head.split()[-1].lower()
    nouns = lexicon.speaker_nouns | lexicon.official_nouns | lexicon.person_roles
    # "Pour la première fois," names no one: only a person or a speaking body holds a view
    # ("Pour lui, …": a person named before).
    # ("Pour l’ONG", "Pour la CGT": an acronym names a body.)
    acronym = re.fullmatch(r"(?:\S+\s+)?(?:[lLdD][’'])?[A-Z]{2,6}", party) is not None
    pronoun = party.lower() in lexicon.pronouns
    holder = is_person_like(party, lexicon) or head in nouns or acronym or pronoun
    return span if holder else None


_VIEWPOINT_PATTERNS: dict[str, list[re.Pattern[str]]] = {}


def _viewpoints(sentence: str, lexicon: Lexicon, inside_quote: object) -> list[Attribution]:
    """Return the attributions of "In Brown’s view, …", "Brown’s argument is that …"."""
    patterns = _VIEWPOINT_PATTERNS.get(lexicon.language)
    if patterns is None:
        patterns = _VIEWPOINT_PATTERNS[lexicon.language] = [
            re.compile(p) for p in lexicon.viewpoint_patterns
        ]
    found = []
    for pattern in patterns:
        for match in pattern.finditer(sentence):
            if callable(inside_quote) and inside_quote(match.start()):
                continue
            owners = {"en": _OWNERS, "fr": _FRENCH_OWNERS}.get(lexicon.language, {})
            owner = owners.get(match.group("party").lower().strip())
            if owner is not None:
                # "In his view, …": he, named before.
                att = Attribution(match.start(), match.end(), "view", "X's view")
                att.party_start, att.party_end = match.start("party"), match.end("party")
                att.party = owner
                found.append(att)
                continue
            span = _view_holder(sentence, match.start("party"), match.end("party"), lexicon)
            if span is None:
                continue
            att = Attribution(match.start(), match.end(), "view", "X's view")
            att.party_start, att.party_end = span
            att.party = sentence[span[0] : span[1]]
            found.append(att)
    return found


_OWNERS = {"his": "he", "her": "she", "their": "they", "its": "it"}
# "À l’en croire, …", "À les en croire, …": the person or people named before.
_FRENCH_OWNERS = {"l’": "lui", "l'": "lui", "les": "eux"}


_PASSIVE_PATTERNS: dict[str, list[tuple[re.Pattern[str], str]]] = {}
_BY_AGENT = re.compile(r"\bby\s+")


def _required_word(pattern: str) -> str:
    """Return a word of four letters or more that every match of pattern holds (lower case), or
    "": a run of plain letters outside any group, class, escape or quantifier."""
    runs, run, depth, i = [], "", 0, 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            runs.append(run)
            run, i = "", i + 2
            continue
        if ch == "[":
            runs.append(run)
            run, i = "", pattern.index("]", i + 1) + 1
            continue
        if ch in "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        if depth == 0 and ch.isascii() and ch.isalpha():
            quantified = i + 1 < len(pattern) and pattern[i + 1] in "?*{"
            run = "" if quantified else run + ch
            if quantified:
                runs.append("")
        else:
            runs.append(run)
            run = ""
        i += 1
    runs.append(run)
    return max((r.lower() for r in runs if len(r) >= 4), key=len, default="")


def _passives(sentence: str, lexicon: Lexicon, inside_quote: object) -> list[Attribution]:
    found = []
    patterns = _PASSIVE_PATTERNS.get(lexicon.language)
    if patterns is None:
        # (A word every match must hold is looked for first: a plain "in" is far cheaper than
        # a pattern tried at every word of every sentence.)
        patterns = _PASSIVE_PATTERNS[lexicon.language] = [
            (re.compile(p, re.IGNORECASE), _required_word(p)) for p in lexicon.passive_patterns
        ]
    lowered = sentence.lower()
    for pattern, word in patterns:
        if word and word not in lowered:
            continue
        for match in pattern.finditer(sentence):
            if callable(inside_quote) and inside_quote(match.start()):
                continue
            if _CONDITIONAL_BEFORE.search(sentence, 0, match.start()) and _refused(
                "conditional", match
            ):
                continue  # "…detain people if they are suspected of…": a supposition
            lemma = " ".join(match.group(0).lower().split())
            att = Attribution(match.start(), match.end(), lemma, "passive")
            source = _document_opening(sentence, match.start(), lexicon)
            if source is not None:
                # "Dans le rapport de l’IGGN, on apprenait que…": the document says it.
                att.party_start, att.party_end = source
                att.party = sentence[source[0] : source[1]]
                found.append(att)
                continue
            agent = _BY_AGENT.search(sentence[match.end() :])
            if agent is not None and re.search(
                r"[;:—–]", sentence[match.end() : match.end() + agent.start()]
            ):
                # "…thought of as X — A and B — the truth is…, helped along by Brin": a "by"
                # past a dash or a colon is another clause's.
                agent = None
            if agent is not None:
                # "has been described as “heartbreaking” by the conservation department"
                start = match.end() + agent.end()
                end = _stop(sentence, start, _SOURCE_STOP, lexicon)
                # "forecast by Forrester Research to reach…": the agent ends at the infinitive.
                infinitive = re.search(r"\s+to\s", sentence[start:end])
                end = start + infinitive.start() if infinitive is not None else end
                span = _clean_party(sentence, start, end, lexicon, ends_sentence=True)
                if span is not None:
                    att.party_start, att.party_end = span
                    att.party = sentence[span[0] : span[1]]
            found.append(att)
    return found


def _document_opening(sentence: str, end: int, lexicon: Lexicon) -> tuple[int, int] | None:
    """Return the span of a document opening a French sentence before end ("Dans le rapport
    de l’IGGN, on apprend…"), else None."""
    if not lexicon.document_nouns or lexicon.language != "fr":
        return None
    opening = re.match(r"(?:Dans|D[’']après)\s+([^,;:«»“”\"]{3,80}),\s*", sentence[:end])
    if opening is None or opening.end() != end:
        return None
    words = re.findall(r"[\w’'-]+", opening.group(1).lower())
    if len(words) > 1 and words[0] in lexicon.determiners:
        words = words[1:]
    head = _ELIDED.sub("", words[0]) if words else ""
    return opening.span(1) if head in lexicon.document_nouns else None


def _statement_intro(sentence: str, lexicon: Lexicon) -> Attribution | None:
    """Return the attribution of "In a statement, the ministry apologised …", if present."""
    intro = _STATEMENT_INTRO.match(sentence)
    if intro is None:
        return None
    span = main_subject(sentence, lexicon)
    if span is None:
        return None
    verb = _TOKEN.search(sentence, span[1])
    verb_end = verb.end() if verb else span[1]
    att = Attribution(0, intro.end(), "statement", "in a statement, X")
    att.party_start, att.party_end = span
    att.party = sentence[span[0] : span[1]]
    att.verb_end = max(verb_end, intro.end())
    return att


_NO_SUBJECT = frozenset(("there", "here", "if", "it’s", "it's", "that’s", "that's", "what", "how"))


def _no_subject(subject: str, lexicon: Lexicon) -> bool:
    """Return whether a sentence's leading phrase is no speaker ("We", "There", "If this")."""
    first = subject.split()[0].lower().strip("“”\"'‘’(")
    return first in lexicon.first_person or (lexicon.language == "en" and first in _NO_SUBJECT)


# A new clause with a named subject: ", and Schmidt would…".
_LATER_SUBJECT = re.compile(
    r"[,;]\s+(?:and|but|while)\s+((?:[A-Z][\w’'-]+\s+){0,2}[A-Z][\w’'-]+)\s+"
    r"(?:would|will|had|has|was|then|\w+ed)\b"
)


_COMMA = re.compile(r",\s+")


def _clause_subject(sentence: str, verb_start: int, lexicon: Lexicon) -> tuple[int, int] | None:
    """Return the subject of the clause a verb stands in, when a long opening hides the
    sentence's ("In 1991, prompted by …, Provost Lind penned an essay defending…")."""
    commas = [m.end() for m in _COMMA.finditer(sentence, 0, verb_start)]
    for start in reversed(commas[-3:]):
        span = main_subject(sentence[start:verb_start], lexicon)
        if span is not None and "," not in sentence[start + span[1] : verb_start]:
            return start + span[0], start + span[1]
    return None


def _give_subjects(sentence: str, found: list[Attribution], lexicon: Lexicon) -> None:
    """Give participles ("…, stating that") and coordinated verbs the subject before them."""
    if not any(att.needs_subject for att in found):
        return
    subject = main_subject(sentence, lexicon)
    for i, att in enumerate(found):
        if not att.needs_subject:
            continue
        previous = next((p for p in reversed(found[:i]) if not p.needs_subject and p.party), None)
        if previous is not None:
            att.party_start, att.party_end, att.party = (
                previous.party_start,
                previous.party_end,
                previous.party,
            )
        elif (
            (own := subject or _clause_subject(sentence, att.verb_start, lexicon))
            and (
                own[1] <= att.verb_start
                and not re.match(r"It (?:is|was)\b", sentence)
                # "We don't need accountants to tell us…", "There are…, so it is fair to say…":
                # the author's voice, no party.
                and not _no_subject(sentence[own[0] : own[1]], lexicon)
            )
        ):
            att.party_start, att.party_end = own
            later = [
                m
                for m in _LATER_SUBJECT.finditer(sentence, own[1], att.verb_start)
                if is_person_like(m.group(1), lexicon)
            ]
            if later and att.pattern == "participle":
                # "Page would grow animated, and Schmidt would shut him down, saying…": the
                # subject of the clause the participle hangs on.
                att.party_start, att.party_end = later[-1].span(1)
            att.party = sentence[att.party_start : att.party_end]
        else:
            continue
        att.needs_subject = False
