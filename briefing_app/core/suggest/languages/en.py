"""English reporting verbs, attribution phrases and party nouns."""

from __future__ import annotations

from briefing_app.core.suggest.languages import Lexicon


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# lemma -> inflected forms. Bare forms that are mostly nouns ("state", "warning") are left out.
_VERBS: dict[str, tuple[str, ...]] = {
    "say": ("say", "says", "said", "saying"),
    "tell": ("tell", "tells", "told", "telling"),
    # (The bare forms "add", "note", "stress", "explain" only after "to": "was quick to add".)
    "add": ("added", "adds", "adding", "add"),
    "state": ("stated", "stating", "states"),
    "note": ("noted", "notes", "noting", "note"),
    "explain": ("explained", "explains", "explaining", "explain"),
    "write": ("wrote", "writes", "writing"),
    "argue": ("argue", "argued", "argues", "arguing"),
    "insist": (
        *("insist", "insisted", "insists", "insisting"),
        *("is adamant", "was adamant", "are adamant", "were adamant"),
    ),
    "warn": ("warn", "warned", "warns", "warning"),
    # "sounded the alarm over…", "issued a warning that…": the idioms of warning (by someone
    # who can speak: not "the fire raised the alarm").
    "sound the alarm": (
        *(
            f"{did} {what}"
            for did in ("sounded", "sounds", "sounding", "raised", "raises", "raising")
            for what in ("the alarm", "an alarm", "a warning", "a note of caution")
        ),
        *("issued a warning", "issues a warning", "issued warnings", "issues warnings"),
    ),
    "announce": ("announce", "announced", "announces", "announcing"),
    "declare": ("declared",),
    "confirm": ("confirm", "confirmed", "confirms", "confirming"),
    "acknowledge": ("acknowledge", "acknowledged", "acknowledges", "acknowledging"),
    "admit": ("admit", "admitted", "admits", "admitting"),
    "deny": ("deny", "denied", "denies", "denying"),
    "reject": ("reject", "rejected", "rejects", "rejecting"),
    "dismiss": ("dismissed", "dismisses", "dismissing"),
    "refute": ("refuted", "refutes"),
    "rule out": ("ruled out", "rules out", "ruling out", "rule out"),
    "claim": ("claim", "claimed", "claims", "claiming"),
    "allege": ("allege", "alleged", "alleges", "alleging"),
    "accuse": ("accuse", "accused", "accuses", "accusing"),
    "condemn": (
        *("condemn", "condemned", "condemns", "condemning", "denounced", "denounces"),
        *("denouncing", "deplored", "deplores"),
    ),
    "urge": ("urge", "urged", "urges", "urging"),
    "call on": ("called on", "calls on", "call on", "calling on"),
    "call for": ("called for", "calls for", "call for", "calling for"),
    "demand": ("demanded", "demanding"),
    "ask": ("asked", "asks"),
    "promise": ("promised", "promises"),
    "pledge": ("pledged", "pledges", "pledging"),
    "vow": ("vowed", "vows", "vowing"),
    "threaten": ("threatened", "threatens"),
    # (A bare "reports" only closes a sentence: "…, the Times reports.")
    "report": ("report", "reported", "reports that", "reporting", "reports"),
    "suggest": ("suggest", "suggested", "suggests", "suggesting"),
    "predict": ("predict", "predicted", "predicts", "predicting"),
    "estimate": ("estimated", "estimates", "estimate"),
    "find": ("found", "finds"),
    # Only a finder ranks as a statement ("survey respondents ranked X last"; not "he ranked").
    "rank": ("ranked", "ranks"),
    "recommend": ("recommended", "recommends"),
    "protest": ("protested",),
    "concede": ("conceded", "concedes", "conceding"),
    "show": ("showed", "shows", "show"),
    "express": ("expressed", "expresses", "express", "expressing"),
    "issue a statement": ("issued a statement", "released a statement", "put out a statement"),
    "reply": ("replied", "replies", "responded", "responds"),
    "answer": ("answered", "answers"),
    "elaborate": ("elaborated", "elaborates"),
    "clarify": ("clarified", "clarifies"),
    "lament": ("lamented", "laments", "lamenting", "bemoaned", "bemoans"),
    "confide": ("confided", "confides"),
    "retort": ("retorted", "retorts"),
    "underscore": ("underscored", "underscores", "highlighted", "highlights"),
    "affirm": ("affirmed", "affirms", "proclaimed", "proclaims"),
    "confess": ("confessed", "confesses"),
    "muse": (
        *("mused", "muses", "wondered aloud", "mused aloud", "asked aloud", "opined", "opines"),
        *("surmised", "posited", "hypothesized"),
    ),
    "gush": ("gushed", "gushes", "enthused", "bragged", "brags"),
    "charge": ("charged", "charges"),
    "message": ("texted", "emailed", "messaged"),
    "exclaim loudly": (
        *("shouted", "yelled", "screamed", "whispered", "cried", "sighed"),
        # A feature's present tense: "He sets it down and whispers, “…”" (beside a quotation).
        *("shouts", "yells", "screams", "whispers", "sighs"),
    ),
    "describe": ("described", "describes", "describing"),
    "emphasise": (
        *("emphasized", "emphasised", "emphasizing", "emphasising"),
        *("stressed", "stressing", "underlined", "stress", "emphasize", "emphasise"),
    ),
    "exclaim": ("exclaimed", "exclaims", "exclaim"),
    "put it": ("put it", "puts it"),
    "rave": ("raved", "raves"),
    "disagree": ("disagree", "disagreed", "disagrees"),
    "project": ("projects that", "projected that", "forecast that", "forecasts that"),
    # Only with the conclusion after them ("reasoned that…", "objected that…").
    "reason": ("reasoned that", "reasons that", "objected that", "objects that"),
    # Only with what was decided after it ("the court ruled that…"), not "ruled the country".
    "rule": ("ruled", "rules"),
    # Only a claim as object ("challenged the idea that…"), not "challenged the ruling".
    "challenge": ("challenged", "challenges", "challenging"),
    "point out": ("pointed out", "points out", "pointing out", "point out"),
    "testify": ("testified", "testifies"),
    "tweet": ("tweeted",),
    "recall": ("recalled", "recalls", "recalling"),
    # "gave assurances that…", "offered a guarantee that…"
    "give assurances": tuple(
        f"{gave} {what} that"
        for gave in ("gave", "gives", "giving", "given", "offered", "offers", "offering")
        for what in ("assurances", "an assurance", "a guarantee", "guarantees", "an undertaking")
    ),
    "let slip": ("let slip that", "lets slip that", "letting slip that"),
    # Only with what was dismissed ("brushed off suggestions that…", "scoffed at the idea").
    "brush off": tuple(
        f"{did} {how}"
        for did, how in (
            *(("brushed", "off"), ("brushes", "off"), ("brushing", "off")),
            *(("brushed", "aside"), ("brushes", "aside"), ("brushing", "aside")),
            *(("scoffed", "at"), ("scoffs", "at"), ("scoffing", "at")),
            *(("poured", "cold water on"), ("pours", "cold water on")),
            ("pouring", "cold water on"),
        )
    ),
    # A recollection told ("remembered relaxed encounters with…", "remembers once spotting…",
    # "remembered Minor as a “two-sport standout”"), not "remembered to lock the door" or a
    # description of their own ("remembers it as a trying time").
    "remember": ("remembered", "remembers"),
    "recount": ("recounted", "recounts", "related"),
    "agree": ("agreed", "agrees", "agree"),
    "criticise": (
        *("criticized", "criticised", "criticizes", "criticises", "castigated"),
        # ("Unions are criticising the handling…": the progressive of news English.)
        *("criticising", "criticizing"),
        *("excoriated", "assailed", "rebuked", "chided", "scolded", "admonished", "berated"),
    ),
    "praise": (
        *("praised", "praises", "lauded", "lauds", "commended", "commends"),
        # "Conservationists have applauded the sentence": praise voiced (an audience's clapping
        # has no object, so nothing said).
        *("applauded", "applauds"),
    ),
    # "Unions have come out against the proposal": a stance taken in public.
    "come out against": tuple(
        f"{came} out {side}"
        for came in ("came", "come", "comes", "coming")
        for side in ("against", "in favor of", "in favour of", "in support of")
    ),
    # "Israel has objected to the deal": an objection voiced.
    "object to": ("objected to", "objects to", "objecting to"),
    "welcome": ("welcomed", "welcomes"),
    "blame": ("blamed", "blames", "blaming"),
    "mention": ("mentioned", "mentions"),
    "reaffirm": ("reaffirmed", "reaffirms", "reiterated", "reiterates"),
    "divulge": ("divulged", "disclosed"),
    "hail": ("hailed", "hails"),
    "maintain": ("maintained", "maintains"),
    "expect": ("expect", "expects"),
    # Only forecasters' seeing is a forecast ("Forecasters see smooth sailing into Thanksgiving").
    "see": ("see", "sees"),
    "post": ("posted",),
    "continue": ("continued",),
    "hint": ("hinted", "hints", "hinting"),
    "complain": ("complained", "complains", "complaining"),
    "request": ("requested", "requests"),
    "cite": ("cited", "cites", "citing", "invoked", "invokes", "invoking"),
    "play down": ("played down", "plays down", "playing down", "downplayed", "downplays"),
    "decline to say": ("declined to say", "declines to say", "would not say"),
    "joke": ("joked", "jokes", "quipped", "quip", "quips"),
    "boast": ("boasted", "boasts"),
    "caption": ("captioned",),
    "float": ("floated",),
    "repeat": ("repeated", "repeats"),
    "call": ("called", "calls", "calling"),
    "brand": ("branded", "brands"),
    "question": ("questioned", "questions"),
    "attribute": ("attributed", "attributes"),
    "point to": ("pointed to", "points to", "point to", "pointing to"),
    "refer": ("referred to", "refers to"),
    "read": ("reads", "read"),
    "quote": ("quoted as saying",),
    "reiterate": ("reiterating",),
    "remark": ("remarked", "remarks"),
    "laugh": ("laughed",),
    "sum up": ("summed up", "sums up", "summed it up", "sums it up"),
    "counter": ("countered", "counters", "shot back", "fired back", "hit back"),
    "observe": ("observed", "observes"),
    "reveal": ("revealed", "reveals"),
    "indicate": ("indicated", "indicates", "indicate", "indicating"),
    "signal": ("signaled", "signalled", "signals"),
    "assure": ("assured", "assures", "reassured", "reassures"),
    "inform": ("informed", "informs", "reminded", "reminds", "advised", "advises", "notified"),
    "share": ("shared",),
    "caution": ("cautioned", "cautions"),
    "contend": ("contend", "contends", "contended"),
    "assert": ("asserted", "asserts", "asserting"),
    "imply": ("implied", "implies"),
    "speculate": ("speculated", "speculates", "theorized", "theorised"),
    "echo": ("echoed", "echoes", "echo", "echoing"),
    "dispute": ("disputed", "disputes", "rebutted", "rebuts"),
    "make clear": ("made clear", "made it clear", "makes clear", "makes it clear"),
    "conclude": ("concluded", "concludes", "conclude"),
    # Only with what was put forward after it ("proposed that…"), not "proposed a bill".
    "propose": ("proposed", "proposes", "proposing", "propose"),
    # Only with a that-clause ("proved that the conjecture holds"), not "proved a theorem".
    "prove": ("proved", "proves", "has proven", "have proven"),
    # An outlet's own reporting in British style: "The BBC understands that the minister will
    # resign." (only an outlet or a body: a person understanding is a state of mind).
    "understand": ("understands that", "understood that"),
    # An outlet's own reporting: "TMZ has learned the singer was not arrested."
    "learn": ("has learned", "have learned", "has learnt", "have learnt"),
    "appeal": ("appealed for", "appeals for", "appealing for", "pleaded for", "pleads for"),
    "make the case": (
        *("made the case", "makes the case", "making the case"),
        *("made the argument", "makes the argument", "making the argument"),
        *("made the point", "makes the point", "making the point"),
        # "makes a convincing case for…": the usual words of weight only.
        *(
            f"{made} a {weight}case"
            for made in ("made", "makes", "making")
            for weight in ("", "strong ", "convincing ", "compelling ", "persuasive ", "powerful ")
        ),
    ),
    "raise concerns": tuple(
        f"{raised} {what}"
        for raised in ("raised", "raises", "raising")
        for what in (*("concerns", "the concern", "the possibility", "the prospect", "doubts"),)
    ),
    # "raises the question of whether…", "raised questions about the figures" (by someone who
    # speaks: not "the incident raised questions").
    "raise questions": tuple(
        f"{raised} {what} {about}"
        for raised in ("raised", "raises", "raising", "raise")
        for what in ("questions", "new questions", "serious questions", "the question")
        for about in ("about", "over", "of", "as to", "whether")
    ),
    # "broke the news that the deal was off" (not "deputized Rosing to break the news.").
    "break the news": tuple(
        f"{broke} the news that" for broke in ("broke", "breaks", "breaking", "break")
    ),
    # "draws our attention to a disaster": pointing to it aloud (by someone who speaks).
    "draw attention": tuple(
        f"{drew} {whose}attention to"
        for drew in ("drew", "draws", "drawing")
        for whose in ("", "our ", "public ", "particular ", "fresh ", "renewed ")
    ),
    # "have come out against the proposal": a stand taken in public.
    "come out": tuple(
        f"{came} out {side}"
        for came in ("came", "comes", "come", "coming")
        for side in ("against", "in favor of", "in favour of", "in support of")
    ),
    # Only with what was said after it ("commented that…", "…, she commented."), not
    # "commented on the allegations" or "has not commented".
    "comment": ("commented",),
    "swear": ("swore that", "swears that", "has sworn that", "have sworn that"),
    "guarantee": ("guaranteed that", "guarantees that", "guaranteeing that"),
    # Pleas to someone (by someone who can speak: not "the dog begged").
    "implore": ("implored", "implores", "imploring", "begged", "begs", "beseeched"),
    "plead with": ("pleaded with", "pleads with", "pled with", "pleading with"),
    "make no secret": ("made no secret of", "makes no secret of", "making no secret of"),
    # Disagreement voiced: "took issue with the claim that…", "pushed back on the idea…".
    "take issue": ("took issue with", "takes issue with", "taking issue with", "take issue with"),
    "push back": tuple(
        f"{pushed} back {on}"
        for pushed in ("pushed", "pushes", "pushing", "push")
        for on in ("on", "against")
    ),
    # Only against something said ("contradicts the assumption that…"), not "the data
    # contradicts itself".
    "contradict": ("contradicted", "contradicts", "contradicting"),
    # Only with words quoted: "consider the decision to be “incomprehensible”" (a judgment
    # voiced), not "considered the offer".
    "consider": ("considered", "considers", "consider"),
    # Only with words quoted ("spoke of a “lost decade”"), not "Speaking of the regulators".
    "speak of": ("spoke of", "speaks of", "speaking of", "spoken of"),
    # A finding with what was found after it: "investigators determined that…" (not
    # "determined to win").
    "determine": ("determined that", "determines that", "determine that"),
    # "has published rumors that Apple…", "made the claim that…", "spread allegations that…".
    "make claims": tuple(
        f"{made} {what} that"
        for made in (
            *("made", "makes", "making", "published", "publishes", "publishing", "spread"),
            *("spreads", "spreading", "circulated", "circulates", "leveled", "levelled"),
            *("levels", "aired", "airs"),
        )
        for what in (
            *("rumors", "rumours", "claims", "allegations", "accusations", "the claim"),
            *("the allegation", "the accusation", "the rumor", "the rumour"),
        )
    ),
    "characterise": ("characterized", "characterised", "labeled", "labelled"),
    "slam": (
        *("slammed", "slams", "blasted", "lambasted", "decried", "ranted", "rants"),
        *("lashed out at", "lashes out at", "hit out at", "hits out at"),
    ),
    # Only after a quotation ("“No,” she snapped."), or before one or a that-clause.
    "snap": (
        *("snapped", "scoffed", "sneered", "muttered", "murmured", "grumbled", "griped"),
        *("fumed", "chuckled", "sobbed", "stammered", "huffed", "growled", "piped up"),
    ),
    # Only with what was credited or thanked for ("credited firefighters with saving it").
    "credit": ("credited", "credits", "thanked", "thanks"),
    # "had harsh words for the plan": criticism (or praise) spoken.
    "have words for": tuple(
        f"{had} {which} words for"
        for had in ("had", "has", "have")
        for which in ("harsh", "strong", "sharp", "kind", "choice", "tough", "warm")
    ),
    # Only on a statement: "doubled down on his claim that…".
    "double down": ("doubled down", "doubles down", "doubling down"),
    # Only with what the target was called ("dubbed it “the worst deal ever”").
    "dub": ("dubbed", "dubs", "termed", "terms"),
    # Only with what the target was called ("derided the plan as a gimmick", "likened
    # agents to “pimps”"), not "mocked the players" or "compared prices".
    "deride": (
        *("derided", "derides", "deriding", "denigrated", "denigrates", "disparaged"),
        *("disparages", "ridiculed", "ridicules", "mocked", "mocks"),
    ),
    "compare": ("compared", "compares", "comparing", "likened", "likens", "likening"),
    "detail": ("detailed",),
    "defend": ("defended", "defends", "defending"),
    "interject": ("interjected", "interjects", "chimed in"),
    "voice": ("voiced",),
    # Only as an aside (parenthetical_forms): "Climate change is to blame, scientists think."
    "think": ("think", "thinks"),
    "believe": ("believe", "believes"),
    "suspect": ("suspect", "suspects"),
    "reckon": ("reckon", "reckons"),
    "take to": tuple(
        f"{took} to {where}"
        for took in ("took", "takes", "taking")
        for where in ("Twitter", "X", "Instagram", "Facebook", "TikTok", "social media", "Threads")
    ),
}

_KINDS = {
    "deny": "denial",
    "brush off": "denial",
    "reject": "denial",
    "dismiss": "denial",
    "dispute": "denial",
    "refute": "denial",
    "rule out": "denial",
    "claim": "allegation",
    "allege": "allegation",
    "accuse": "allegation",
    "blame": "allegation",
}

LEXICON = Lexicon(
    language="en",
    verb_forms={form: lemma for lemma, forms in _VERBS.items() for form in forms},
    verb_kinds=_KINDS,
    inverting_forms=_words(
        "said says added adds wrote writes explained noted asked continued insisted replied"
        " warned argued stated tweeted declared posted say warn argue note joked quipped"
        " reads remarked exclaimed exclaim exclaims raved raves replied replies"
        " answered elaborated clarified lamented confided retorted mused opined surmised gushed"
        " enthused bragged texted emailed messaged shouted yelled screamed whispered cried sighed"
        " shouts yells screams whispers sighs"
        " interjected interjects snapped scoffed sneered muttered murmured grumbled griped fumed"
        " chuckled sobbed stammered huffed growled reported"
    ),
    after_quote_forms=_words(
        "commented shouts yells screams whispers sighs"
        " continued declared posted laughed raved raves shouted yelled screamed whispered cried"
        " sighed texted emailed messaged interjected interjects snapped scoffed sneered muttered"
        " murmured grumbled griped fumed chuckled sobbed stammered huffed growled"
    ),
    source_phrases=(
        *("according to", "per", "in the words of", "in the view of", "in the opinion of"),
        *("in the estimation of", "in the judgment of", "in the judgement of"),
        *("as reported by", "as first reported by", "as noted by"),
        # "Few hold the position, as argued in the new paper, that…": the paper's argument.
        *("as argued in", "as argued by", "as stated in", "as stated by", "as claimed in"),
        *("as claimed by", "as alleged in", "as alleged by", "as reported in"),
    ),
    passive_patterns=(
        r"\bit (?:is|was|has been|had been|is being) (?:widely )?(?:reported|alleged|claimed|"
        r"said|understood|believed|thought|rumou?red|feared|suspected|estimated|revealed|"
        r"disclosed) that\b",
        # "The inquiry was told staff are owed $9 million": a hearing's audience, the speaker
        # unnamed (a clause follows at once, or after when: "was told this morning the…").
        r"\b(?:was|were) told(?: (?:this|last) (?:morning|afternoon|week)| yesterday| today)?,? "
        r"(?=(?:[\w$’'-]+ ){1,3}(?:is|are|was|were|had|has|have|would|will|could|did)\b)",
        # "It is understood the minister will resign": news English often drops the "that".
        r"\bit (?:is|was|has been|had been) (?:widely |now |also )?(?:understood|believed|"
        r"thought|rumou?red|feared|suspected) (?=(?:the|a|an|his|her|their|its|he|she|they|"
        r"some|two|three|several|(?-i:[A-Z][a-z]+)) )",
        # "…for rebels, believed to be fleeing": a reduced passive set off by a comma.
        r"(?<=,) (?:widely |now |also )?(?:believed|thought|understood|reported|feared|said) "
        r"to (?:be|have)\b",
        r"\b(?:is|are|was|were) (?:widely )?(?:said|alleged|reported|believed|thought|"
        r"understood|rumou?red|suspected|projected|forecast|predicted|estimated) to\b",
        # "we are told that…": someone unnamed told the readers.
        r"\b(?:we|you)(?: are| were| have been|[’']re|[’']ve been) "
        r"(?:often |repeatedly |now )?told\b",
        r"\b(?:is|are|was|were|has been|have been|had been) (?:widely )?(?:suspected|accused) of\b",
        r"\b(?:is|are|was|were|has been|have been|had been) (?:widely )?(?:described|"
        r"characteri[sz]ed|critici[sz]ed|denounced|branded) as\b",
        r"\b(?:reportedly|allegedly|purportedly|supposedly)\b",
        # "There were rumors last year that…", "There have been reports that…": who said it
        # goes unnamed. (Not "fears" or "hopes": states of mind.)
        r"\bthere (?:are|were|have been|had been|is|was) (?:\w+ ){0,2}?(?:rumou?rs|reports|"
        r"claims|allegations|accusations|suggestions|indications)"
        r"(?: (?:last|this|earlier|in|on) \w+(?: \w+)?)? that\b",
        # "For a long time, the island was assumed to be lost", "it was once assumed you
        # might wait for weeks": an assumption whose holders go unnamed.
        r"\b(?:is|are|was|were|has been|have been|had been) (?:once |long |\w+ly )?"
        r"assumed (?:to|that)\b",
        r"\bit (?:is|was|has been|had been) (?:once |long |\w+ly )?assumed\b",
        # "As we reported, …": the outlet's own reporting, in its first person.
        r"\bas we (?:have |previously |first |earlier )?reported\b",
        # "As the story goes, …": a story told, no teller named.
        r"\b(?:as|so) the (?:story|legend|tale|thinking|argument) goes\b",
        # "Reuters was told that…", "Rumor has it that…": someone unnamed said it.
        r"\b(?:(?:was|were|had been|has been|have been) (?:also |later )?told|rumou?r has it|"
        r"(?:the )?word is|the talk is) that\b",
        # "has been shown to…", "is considered the most common…": a finding or a judgment
        # whose holders go unnamed.
        r"\b(?:is|are|was|were|has been|have been|had been) (?:\w+ly |also )?"
        r"(?:shown|proven|proved) to\b",
        # "has long been seen as a testing ground", "is often thought of as the invention of…":
        # a view held now, its holders unnamed (not "was seen as", the story's past).
        r"\b(?:is|are|(?:has|have) (?:long |\w+ly |also )?been) (?:\w+ly |often |long |also |"
        r"still |now )?(?:seen|viewed|perceived|thought of|regarded) as\b",
        # (Not "was considered to be normal": a past judgment is the story's, not a claim.)
        r"\b(?:is|are) (?:\w+ly |also )?(?:considered|regarded as) (?:to be )?(?:a|an|the|one)\b",
        # "The layoffs were confirmed by Microsoft", "…is forecast by Forrester Research to reach
        # $84 billion": the agent is the party (not "by the end of June", "by 2030").
        r"\b(?:is|are|was|were|has been|have been|had been) (?:first |also |later |\w+ly )?"
        r"(?:reported|confirmed|announced|disclosed|revealed|forecast|projected|predicted|"
        r"estimated) (?=by\s+(?!the end\b|then\b|(?:19|20)\d\d\b)\S)",
    ),
    official_nouns=_words(
        """officials official ministry ministries minister ministers embassy embassies ambassador
        government governments police administration authorities authority spokesperson
        spokesman spokeswoman spokespeople department agency office military army navy
        president presidency prime chancellor secretary governor mayor court courts prosecutor
        prosecutors council commission committee parliament senate congress kremlin pentagon
        cabinet regime state officer officers commander commanders forces consulate diplomat
        diplomats envoy commissioner sheriff legislators lawmakers senator senators judge
        regulators treasury board"""
    ),
    organisation_nouns=_words(
        """association company corporation inc council party group agency office foundation
        institute university union bank fund times post journal news network department ministry
        commission committee court police board service services administration government
        embassy army forces media reuters press organisation organization center centre
        conference legislature assembly club league federation alliance taliban project
        holdings inc. corp corp. ltd ltd. plc llc co. partners capital ventures technologies
        systems labs airlines airways motors pharmaceuticals energy industries enterprises
        hospital clinic hotel school college academy museum accord treaty airport stadium
        movement faction offshoot coalition brigade brigades"""
    ),
    speaker_nouns=_words(
        """officials official spokesperson spokesman spokeswoman police authorities residents
        witnesses experts analysts researchers scientists critics sources source lawyers lawyer
        attorney attorneys officers officer people activists leaders leader doctors observers
        investigators prosecutors statement report study survey media diplomats reports
        administration government ministry embassy agency company companies group groups
        organisation organization campaigners protesters opponents supporters members member
        executives executive director manager chairman chief head president minister
        ambassador team staff workers authors author economists locals villagers
        representatives representative owner owners family families friends neighbours
        neighbors commentators reporters journalists spokespeople affidavit complaint filing
        indictment opposition rebels militants insurgents troops soldiers protesters students
        survivors victims relatives parents teachers farmers traders airline firm elders
        lawsuit suit paper documents filings letter providers records memo sign signs
        caption tweet post message email transcript website page data figures poll polls ruling
        someone somebody others another notes person men women resident witness neighbor
        neighbour expert analyst critic activist protester voter worker student defenders
        fans users commenters commenter site outlet brand brands manufacturer maker makers
        retailer seller customer customers reviewer reviewers shopper shoppers buyers
        studies research review reviews analysis analyses trial trials experiment experiments
        findings results evidence simulations calculations observations measurements
        rep reps publicist publicists insider insiders camp description article articles
        physicians physician adults staffers advocates advocate employees plaintiffs plaintiff
        organizers organisers organizer organiser coaches drivers politicians politician
        specialists specialist engineers engineer colleagues colleague collaborators greats
        veterans veteran athletes athlete players swimmers consumers patients nurses scholars
        scholar academics academic historians historian auditors auditor inspectors inspector
        consultants consultant advisers advisors developers founders investors investor
        landlords tenants homeowners volunteers volunteer environmentalists conservationists
        teammates candidates candidate delegates delegate citizens photographers"""
    ),
    leading_noise=_words(
        """and but while though although as when where since because so then also however
        meanwhile that which who whom yet instead still now both either after before until
        unless later earlier previously recently eventually initially subsequently"""
    ),
    trailing_noise=_words(
        """have has had was were is are will would could should may might can also not never
        repeatedly publicly again later previously already initially earlier recently once
        did does do been being just even still further too then often always consistently now
        subsequently quickly immediately long since sometimes both first overall"""
    ),
    pronouns={"he": "person", "she": "person", "they": "group", "it": "organisation"},
    determiners=_words("the a an this that these those its his her their our"),
    abbreviations=_words(
        """mr mrs ms dr prof sen rep gov gen col lt sgt capt cmdr adm st jr sr inc co corp ltd
        no vs etc e.g i.e u.s u.k u.n u.s.a jan feb mar apr jun jul aug sep sept oct nov dec
        a.m p.m fig al approx dept est mt ft rev hon"""
    ),
    document_words=(
        "a statement from",
        "a statement by",
        "a statement issued by",
        "a statement released by",
        "the statement from",
        "a report by",
        "a report from",
        "a report in",
        "reports from",
        "reports by",
        "reports in",
        "figures from",
        "figures released by",
        "data from",
        "data released by",
        "documents from",
        "a letter from",
        "a post by",
        "a tweet from",
        "an interview with",
    ),
    person_titles=_words(
        """mr mrs ms miss dr prof sen senator rep gov gen col lt sgt capt cmdr adm rev hon sir
        dame lord lady president vice prime minister chancellor secretary governor mayor
        chairman chairwoman chair chief ceo cfo coo founder co-founder director manager coach
        leader judge justice attorney general officer detective inspector superintendent
        commissioner spokesman spokeswoman spokesperson ambassador deputy assistant head
        opposition former late skipper professor rabbi imam pastor reverend bishop cardinal
        sheikh pope father sister brother executive treasurer premier shadow republican
        democrat"""
    ),
    person_roles=_words(
        """president minister chancellor secretary governor mayor senator ambassador chairman
        chairwoman ceo founder director manager coach judge prosecutor spokesman spokeswoman
        spokesperson driver pilot captain skipper officer detective doctor nurse teacher
        witness victim suspect defendant owner actor actress singer star player striker
        quarterback pitcher author researcher professor scientist economist analyst lawyer
        attorney editor reporter chef farmer fisherman councillor councilman commissioner
        sheriff woman man patient buyer mother father son daughter wife husband brother
        sister grandmother grandfather uncle aunt cousin widow fiancé fiancée partner deputy
        employee staffer aide adviser advisor waiter waitress bartender guide guard clerk cashier
        vendor shopkeeper receptionist ranger winemaker baker butcher landlord tenant neighbor
        neighbour treasurer premier negotiator businessman businesswoman executive"""
    ),
    non_party_starts=_words(
        """there here on in at for from by during after before since until with without into
        onto over under about across through when while where if once then now today
        yesterday tomorrow meanwhile however also still yet thus so take returning despite
        cases it’s it's that’s that's what how why i we you me us first second third fourth
        fifth finally lastly next to not like unlike against among between toward towards upon"""
    ),
    quantifiers=_words(
        """one two three four five six seven eight nine ten eleven twelve dozens hundreds
        thousands millions some many several most few all each every both either neither none
        another"""
    ),
    possessives=_words("its his her their our my your"),
    collective_nouns=_words("police staff media management military"),
    gendered={
        **dict.fromkeys(("he", "him", "his", "himself"), "m"),
        **dict.fromkeys(("she", "her", "hers", "herself"), "f"),
    },
    first_person=_words("i we"),
    parenthetical_forms=_words("think thinks believe believes suspect suspects reckon reckons"),
    setting_words=(
        r"(?i:(?:on |last |this |late |early )?(?:monday|tuesday|wednesday|thursday|friday|"
        r"saturday|sunday|week|month|year|night|morning|afternoon|evening))|today|yesterday|tonight|"
        r"backstage|again|also|earlier|later|for (?:\w+ )?(?:years|months|weeks|decades)|"
        r"this way|like this|"
        # "said in a statement emailed to NBC News that…", "during the board meeting"
        r"in (?:a|an|the|his|her|their|its) (?:[\w-]+ ){0,3}?(?:statement|interview|letter|post|"
        r"email|speech|tweet|filing|memo|video|message|release|note|address|conference|briefing|"
        r"call)(?: (?:emailed|sent|posted|released|issued|given|published) (?:to|on|by) "
        r"(?:[\w.&’'-]+ ){0,3}?[\w.&’'-]+| to (?:[A-Z][\w.&’'-]* ?){1,3})?|"
        r"during (?:a|an|the|his|her|their|its) "
        r"(?:[\w-]+ ){0,4}?(?:meeting|address|speech|hearing|interview|conference|call|debate|"
        r"session|briefing|visit|rally)|"
        r"(?!family|ally|italy|assembly|rally|supply|reply|early|only|daily|weekly|monthly)"
        r"[a-z]{3,}ly"
    ),
    viewpoint_patterns=(
        # "To Hoenig, the Fed's policies are…": whose view the sentence gives.
        # (Not "To Page’s company, Brin brought…": to whom something came; nor "To reach
        # their findings, …": an infinitive of purpose, a verb and its object.)
        r"^To (?![a-z]+ (?:the|a|an|their|his|her|its|our|this|that|these|those|it|them)\b)"
        r"(?P<party>(?:(?![’']s\b)[^,;:“”\"]){2,50}?), ",
        # "Brown had a simple answer: …", "“We rebuild,” was Brown’s answer.": a statement
        # named by its noun. (Not "Trump’s argument that … was rejected": the author's report
        # of its fate.)
        # ("Smith has a simple message for voters: …": whom it is for, then the colon.)
        r"^(?P<party>[^,;:“”\"]{2,50}?) (?:had|has|gave|offered) (?:a|an|one|this|his|her|their|"
        r"its) (?:[\w-]+ )?(?:answer|response|reply|message|warning|explanation|verdict|retort)"
        r"(?: (?:for|to) [^,;:“”\"]{2,40}?)?:",
        # "Smith was blunt: the plan was doomed.": the manner of speaking, then what was said.
        # ("Asked about the plan, Smith was blunt: …": after a phrase setting the scene too.)
        r"^(?:(?:Asked|Pressed|Questioned|When asked|In|On|At|During|After)\b[^,;:“”\"]{2,80}, )?"
        r"(?P<party>[^,;:“”\"]{2,50}?) (?:was|were|is|are) (?:\w+ly |more |even )?(?:blunt|"
        r"unequivocal|emphatic|categorical|clear|direct|frank|candid|defiant|firm|scathing|"
        r"dismissive|succinct|forthright|adamant|unapologetic|unrepentant):",
        # "Smith struck a defiant note: the plan would go ahead."
        r"^(?P<party>[^,;:“”\"]{2,50}?) (?:struck|strikes|sounded|sounds) (?:a|an) (?:[\w-]+ )?"
        r"(?:note|tone):",
        # "“Close the border” was the message from Smith."
        r"(?<=[”\"]),? (?:was|is) the (?:[\w-]+ )?(?:message|verdict|response|reply|answer|"
        r"warning) (?:from|of) (?P<party>[^,;:“”\"]{2,50}?)(?=[.,;]|$)",
        # "“We will win,” came the reply from Smith."
        r"(?<=[”\"]),? came (?:the|a|an|his|her|their|its) (?:[\w-]+ )?(?:reply|response|"
        r"answer|retort) from (?P<party>[^,;:“”\"]{2,50}?)(?=[.,;]|$)",
        r"(?<=[”\"]),? (?:was|is) (?P<party>[^,;:“”\"]{2,50}?)[’']s? (?:[\w-]+ )?"
        r"(?:answer|response|reply|verdict|explanation|message|warning|retort)\b",
        # "The cut has drawn criticism from swimming greats": who criticised it.
        r"\b(?:drew|draws|drawn|drawing) (?:[\w-]+ ){0,2}?(?:criticism|comments?|praise|"
        r"condemnation|rebukes?|fire|objections?|complaints?|warnings?) from "
        r"(?P<party>[^,;:“”\"]{2,60}?)(?=[.,;:!?]?$|,)",
        # "In his view, …" opening a sentence or a clause (not "…, and in their words bivouacked").
        r"(?:^|[;:]\s+|^(?:But|And|Yet|Still),?\s+)[Ii]n (?P<party>his|her|their) (?:own )?"
        r"(?:view|opinion|words|telling|estimation|account|assessment|judge?ment),",
        # "Among its key findings: the class you are born into matters more…": a report's (or
        # anyone's) findings listed after the colon.
        r"^Among (?P<party>its|their|his|her) (?:[\w-]+ )?(?:findings|conclusions|"
        r"recommendations):",
        r"^Among (?P<party>[^,;:“”\"]{2,50}?)[’']s? (?:[\w-]+ )?(?:findings|conclusions|"
        r"recommendations):",
        # "In one study in 48 people, those on the diet binged less.": the study's finding.
        r"^(?:But |And |However, )?In (?P<party>(?:one|a|an|another|a new|a recent|the latest)"
        r"(?: [\w-]+){0,2}? (?:study|trial|survey|poll|experiment|analysis)"
        r"(?: (?:of|in|among|involving) [^,;:“”\"]{1,40})?), ",
        # "The plan is dead, as far as Smith is concerned."
        r"\b[Aa]s far as (?P<party>[^,;:“”\"]{2,50}?) (?:is|are|was|were) concerned\b",
        r"\b[Ii]n (?P<party>[^,;:“”\"]{2,50}?)[’']s? (?:view|opinion|words|telling|estimation|"
        r"account|assessment|judge?ment)\b",
        r"^(?P<party>[^,;:“”\"]{2,50}?)[’']s? (?:argument|view|position|message|point|"
        r"conclusion|answer|response|explanation|contention|assessment|verdict|reasoning|take|"
        r"advice|warning|stance|demand|complaint|objection)"
        r"(?:(?: is| was| has been| had been| remains)(?: \w+)?(?: that\b|:)|:)",
        # "Her view is that…", "Their argument is simple: …" (the owner named before).
        r"^(?P<party>His|Her|Their|Its) (?:[\w-]+ )?(?:argument|view|position|message|point|"
        r"conclusion|explanation|contention|assessment|verdict|reasoning|stance|demand|"
        r"complaint|objection)(?: is| was| has been| remains)(?: \w+)?(?: that\b|:)",
        # "The view of Smith is that…", "The explanation from officials was that…"
        r"^The (?:[\w-]+ )?(?:argument|view|position|message|conclusion|explanation|contention|"
        r"assessment|verdict|reasoning|stance|demand|complaint|objection) (?:of|from) "
        r"(?P<party>[^,;:“”\"]{2,50}?) (?:is|was|has been|remains)(?: \w+)?(?: that\b|:)",
    ),
    lead_in_nouns=_words(
        """statement message theories theory explanation explanations warning warnings advice
        suggestion suggestions prediction predictions argument arguments answer answers reply
        response remarks comment comments words rules demands recommendations proposals
        promises priorities"""
    ),
    document_nouns=_words(
        """paper papers study studies report reports findings results research analysis survey
        data statement letter filing complaint lawsuit testimony testimonies memo website"""
    ),
    media_nouns=_words(
        """newspaper paper daily weekly tabloid magazine journal broadcaster channel network
        station radio agency outlet site website blog programme program show"""
    ),
)
