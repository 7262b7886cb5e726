"""Suggested claims for a whole text: sentences, attributions, parties, kinds and spans."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import replace
from functools import cache

from briefing_app.core.suggest.attribution import (
    GERMAN_AFTER_PARTY,
    INTRO,
    SCENE_WORDS,
    TIME_TAIL,
    Attribution,
    find_attributions,
    lexicon_pattern,
    main_subject,
    quote_regions,
    subject_after_opening,
)
from briefing_app.core.suggest.citation_lines import citation_spans, without_cross_reference
from briefing_app.core.suggest.coreference import (
    NameIndex,
    names_party,
    role_holder,
    strip_title,
)
from briefing_app.core.suggest.languages import Lexicon, lexicon_for
from briefing_app.core.suggest.languages.places import is_place
from briefing_app.core.suggest.mail_quotes import QuotedMessage, quoted_messages, unquoted
from briefing_app.core.suggest.models import Suggestion, fingerprint_for
from briefing_app.core.suggest.nested_speech import after_setting, closes_sentence
from briefing_app.core.suggest.party_names import (
    PartyMemory,
    is_body,
    is_person_like,
    named_body,
    normalise_party,
    party_key,
    speaks_as_they,
)
from briefing_app.core.suggest.sentences import (
    CLOSING_QUOTES,
    OPENING_QUOTES,
    Sentence,
    reopens_quotation,
    split_sentences,
)
from briefing_app.core.suggest.source_lines import source_blocks
from briefing_app.core.suggest.transcripts import transcript_turns

_TRIM = " \t\n,;:.—–-"
_SUBORDINATE = re.compile(r"\s(?:that|which|who|before|after|until|because)\s")
_SPLIT_BEFORE = re.compile(r"(?:;|,?\s+(?:but|while|whereas|and)\s+|,\s+)")


def suggest_claims(
    text: str,
    known_parties: Iterable[str] = (),
    rejected: Collection[str] = (),
    aliases: Mapping[str, str] | None = None,
    language: str = "en",
) -> list[Suggestion]:
    """Return the attributed statements in text as suggested claims, in text order.

    known_parties and aliases (alias -> canonical) name parties as the library does; a
    suggestion whose fingerprint is in rejected is left out.

    >>> [(s.quote, s.party, s.kind) for s in suggest_claims("Police said two men were held.")]
    [('two men were held', 'Police', 'official statement')]
    """
    known = list(known_parties)
    messages = quoted_messages(text)
    citations = citation_spans(text, lexicon_for(language).abbreviations)
    # The rules read prose: a reply's "> " marks and "wrote:" lines, lines that only cite
    # ("1 Reuters, 3 May: …", "See Facebook.") and a credit opening a line ("Source: Reuters.",
    # the story may go on after it) are blanked, offsets kept.
    prose = _blank(unquoted(text), citations) if messages or citations else text
    found = _suggest_in_prose(prose, known, rejected, aliases, language)
    if any(m.writer for m in messages):
        found = _with_writers_own(prose, found, messages, known, rejected, aliases, language)
    kept = []
    for suggestion in found:
        message = _innermost(messages, suggestion.start)
        if message is not None and _asks(suggestion.quote):
            continue  # "> Any news about the dam talks?": a question states nothing
        if prose is not text:
            # (The quote is the source's words, marks and all; the fingerprint stays the one of
            # the words the rules read, so a rejection holds however the reply was wrapped.)
            suggestion = replace(suggestion, quote=text[suggestion.start : suggestion.end])
        party = without_cross_reference(suggestion.party)
        if party != suggestion.party:
            suggestion = replace(
                suggestion,
                party=party,
                normalized_party=normalise_party(party, known, aliases),
                kind=_kind(suggestion.verb, party, lexicon_for(language)),
            )
        kept.append(suggestion)
    return kept


def _with_writers_own(
    prose: str,
    found: list[Suggestion],
    messages: list[QuotedMessage],
    known: list[str],
    rejected: Collection[str],
    aliases: Mapping[str, str] | None,
    language: str,
) -> list[Suggestion]:
    """Return found with what the writers of quoted messages report in the first person
    ("> I told the minister the deal is dead" → the quoted message's writer), in text order.

    A story's "I" is the reporter's and never a party; a quoted message's "I" is its writer,
    whom the "wrote:" line names.
    """
    written = [m for m in messages if m.writer]
    lexicon = lexicon_for(language)
    if not lexicon.first_person:
        return found
    first_person = re.compile(
        r"(?<!\w)(?:" + "|".join(map(re.escape, lexicon.first_person)) + r")(?!\w)", re.I
    )
    # The rules read again only the writers' lines that speak in the first person (the rest,
    # and everything outside the quoted messages, blanked): a reply thread costs little more.
    chars = list(prose)
    for line in re.finditer(r"[^\n]+", prose):
        inside = any(m.start <= line.start() < m.end for m in written)
        if not inside or not first_person.search(line.group()):
            chars[line.start() : line.end()] = " " * (line.end() - line.start())
    own = _suggest_in_prose(
        "".join(chars), known, rejected, aliases, language, _first_person_lexicon(language)
    )
    added = []
    for suggestion in own:
        message = _innermost(written, suggestion.start)
        if (
            message is None
            or not message.writer
            or suggestion.mention.lower() not in lexicon.first_person
            or any(f.start < suggestion.end and suggestion.start < f.end for f in found)
        ):
            continue
        added.append(
            replace(
                suggestion,
                party=message.writer,
                normalized_party=normalise_party(message.writer, known, aliases),
                kind=_kind(suggestion.verb, message.writer, lexicon),
            )
        )
    return sorted([*found, *added], key=lambda s: (s.start, s.end))


@cache
def _first_person_lexicon(language: str) -> Lexicon:
    """Return the language's lexicon with the first person allowed to speak."""
    return replace(lexicon_for(language), first_person=frozenset())


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    """Return text with each span turned to spaces (offsets kept)."""
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def _innermost(messages: list[QuotedMessage], at: int) -> QuotedMessage | None:
    """Return the innermost quoted message holding offset at, or None."""
    holding = [m for m in messages if m.start <= at < m.end]
    return min(holding, key=lambda m: m.end - m.start) if holding else None


def _asks(quote: str) -> bool:
    """Return whether a suggestion's words are a question."""
    return quote.rstrip(CLOSING_QUOTES + " ").endswith("?")


def _suggest_in_prose(
    text: str,
    known_parties: Iterable[str] = (),
    rejected: Collection[str] = (),
    aliases: Mapping[str, str] | None = None,
    language: str = "en",
    lexicon: Lexicon | None = None,
) -> list[Suggestion]:
    """Return the suggested claims of text that holds only prose (see suggest_claims)."""
    lexicon = lexicon or lexicon_for(language)
    known = list(known_parties)
    names = NameIndex(text, lexicon)
    memory = PartyMemory(lexicon, names.sexes(), names.knows, names.with_first_name)
    suggestions: list[Suggestion] = []
    last_index = -2
    last_party = ""
    unnamed_at = -2  # the sentence whose statement's party was left unresolved
    lead_party: str | None = None  # the speaker of a "X said:" lead-in, for the list under it
    lead_paragraph = -1  # the paragraph a lead-in ending its own paragraph introduces
    sentences = split_sentences(text, lexicon.abbreviations)
    quoted_until = _open_guillemets(text, sentences) if lexicon.guillemets else {}
    for index, sentence in enumerate(sentences):
        if index <= last_index:
            continue  # joined to the statement before (a list item's quoted run)
        attributions = find_attributions(sentence.text, lexicon)
        if index in quoted_until:
            # A French quotation opened in a sentence before and closed later: its verbs are
            # the quoted words, not attributions ("«… l’homme d’affaires a fait savoir…»").
            closed = quoted_until[index] - sentence.start
            attributions = [a for a in attributions if a.verb_start >= closed]
        if (
            lead_party is not None
            and index == last_index + 1
            and _ITEM_NUMBER.fullmatch(sentence.text)
        ):
            last_index = index  # "1." cut off before its item: the list goes on
            continue
        if lead_party is not None and index == last_index + 1 and _in_list(text, sentences, index):
            # "Mr Obama said:" then bullet points: each item is that speaker's statement (its
            # sentences inside one quotation are one run).
            last = _quoted_run_end(text, sentences, index, lead_paragraph)
            item = Sentence(
                sentence.start,
                sentences[last].end,
                text[sentence.start : sentences[last].end],
                sentence.paragraph,
            )
            suggestions.append(
                _continued_quote(item, lead_party, known, aliases, lexicon, "list item")
            )
            last_index = last
            continue
        if (
            lead_party is not None
            and index == last_index + 1
            and sentence.paragraph == lead_paragraph
            and not attributions
        ):
            # "Analysts offered a few theories:" then a paragraph: the paragraph is theirs.
            suggestions.append(
                _continued_quote(sentence, lead_party, known, aliases, lexicon, "lead-in")
            )
            last_index = index
            continue
        lead_party = None
        if not attributions and (credited := _list_credit(text, sentences, index, lexicon)):
            # "The details come from Reuters:" then bullet points: the credited source's.
            lead_party, lead_paragraph = credited, sentence.paragraph + 1
            last_index = index
            continue
        if not attributions and (
            giver := _speech_lead_in(sentences, index, names, memory, lexicon)
        ):
            # "Analysts offered a few theories:", "… the following statement:": the paragraph
            # after it is the subject's.
            lead_party, lead_paragraph = giver, sentence.paragraph + 1
            last_index = index
            continue
        trailing = _trailing_speaker(sentence.text, lexicon) if not attributions else None
        if trailing is not None:
            # "“But … there is some risk,” Alito interjected.", "“…,” remembers Shanna
            # Challenger.": whatever the verb, the quotation is the person's who follows it,
            # not the last speaker's.
            mention, at, said = trailing
            if mention.lower() in lexicon.pronouns:
                previous_text = sentences[index - 1].text if index else ""
                before = text[: sentence.start + at]
                # "She later asked Page what… “…,” he replied.": a person the sentence before
                # names, of the pronoun's sex, before the last speaker.
                nearby = (
                    _agreeing(
                        mention,
                        _people_in(sentences[index - 1], len(previous_text), names, lexicon),
                        _person_subject(previous_text, len(previous_text), lexicon, memory, True),
                        memory,
                        lexicon,
                    )
                    if index and lexicon.pronouns[mention.lower()] == "person"
                    else []
                )
                party = _resolve(
                    memory.resolve(mention, nearby), before, previous_text, names, lexicon
                )
            else:
                party = names.fullest(mention, sentence.start + at)
            quotation = Sentence(
                sentence.start, sentence.start + said, sentence.text[:said], sentence.paragraph
            )
            suggestions.append(_continued_quote(quotation, party, known, aliases, lexicon))
            memory.remember(party)
            last_party, last_index = party or last_party, index
            continue
        if not attributions:
            speaker = _colon_speaker(sentence.text, names, sentence.start, lexicon)
            # The sentence before was said by someone the rules could not name ("she said"):
            # its quotation still goes on.
            unnamed = unnamed_at == last_index
            recent = index == last_index + 1 and (last_party or unnamed)
            speaking = last_party  # (the speaker named before, else left open)
            if unnamed and lexicon.nouns_capitalised:
                # "»…«, heißt es. »…«": the unnamed source goes on, not a speaker named before.
                speaking = ""
            if lexicon.title_suffixes and is_person_like(strip_title(speaking, lexicon), lexicon):
                # "Parteienrechtler Martin Morlok" goes on as "Martin Morlok", the name a later
                # "Morlok" gets too.
                speaking = strip_title(speaking, lexicon)
            if (
                recent
                # ("„Was" alone on a line, the quotation broken by the page's line ends: one
                # word that ends no sentence states nothing, unlike "“Please.”"; the
                # speaker's quotation still goes on after it.)
                and (
                    len(sentence.text.split()) >= 2
                    or re.search(r"[.!?…][”\"’»“]?$", sentence.text) is not None
                )
                and (
                    _is_quotation(sentence.text)
                    # « … » opened in the speaker's sentence and still open: their words go on
                    # in the next sentence (not in a line the quotation was only broken across).
                    or (index in quoted_until and _ENDS_SENTENCE.search(sentences[index - 1].text))
                    or _opens_quote(sentence.text)
                    or _reported_mood(sentence.text, lexicon, sentences[index - 1].text)
                )
            ):
                # The speaker's quotation goes on (into the next paragraph) with no new verb.
                suggestions.append(_continued_quote(sentence, speaking, known, aliases, lexicon))
                unnamed_at = index if unnamed and not speaking else unnamed_at
                last_index = index
            elif recent and _holds_quote(sentence.text) and speaker is None:
                # "The price … is “as low as I’ve ever seen.”": the speaker's words go on inside
                # the next sentence, quoted, with no new verb.
                suggestions.append(
                    _continued_quote(sentence, last_party, known, aliases, lexicon, "quoted words")
                )
                last_index = index
            elif (
                lexicon.guillemets
                and index
                and sentence.text.lstrip()[:1] == "«"
                and _is_quotation(sentence.text)
                and (named := _one_person_named(sentences[index - 1], names, lexicon))
            ):
                # "Un constat avec lequel Gabin Formont est d’accord. « Ce ne sont pas … »": a
                # quotation standing alone right after a sentence about one named person.
                suggestions.append(
                    _continued_quote(sentence, named, known, aliases, lexicon, "quoted words")
                )
                memory.remember(named)
                last_party, last_index = named, index
            elif speaker is not None or (recent and _COLON_QUOTE.search(sentence.text)):
                # "Buckley had a similar experience: “It was…”": the quotation is the subject's.
                party = speaker or ("" if unnamed and lexicon.nouns_capitalised else last_party)
                suggestions.append(
                    _continued_quote(sentence, party, known, aliases, lexicon, "colon quote")
                )
                memory.remember(party)
                last_party, last_index = party, index
            elif index == last_index + 1 and not re.search(r"[.!?”\"’:]$", sentence.text):
                last_index = index  # a caption or heading does not end the speaker's quote
            elif _reported_main_clause(sentence.text, lexicon) and (
                party := _reported_speaker(
                    sentences,
                    index,
                    last_party if index - last_index <= 3 else "",
                    names,
                    memory,
                    lexicon,
                )
            ):
                # "Er habe jetzt Zugang bekommen.": a main clause in Konjunktiv I is someone's
                # reported words though no verb says whose: the person the sentence before is
                # about, else the speaker of a few sentences before (else too unsure to say).
                suggestions.append(
                    _continued_quote(sentence, party, known, aliases, lexicon, "reported mood")
                )
                memory.remember(party)
                last_party, last_index = party or last_party, index
            else:
                _remember_subject(text, sentence, memory, names, lexicon)
            continue
        # People the sentence before names, for a "she said" here (only where the text's
        # pronouns say they are a she: the sentence before often names someone else too).
        pronoun = any(lexicon.pronouns.get(a.party.lower()) == "person" for a in attributions)
        previous_people = (
            _people_in(sentences[index - 1], len(sentences[index - 1].text), names, lexicon)
            if index and pronoun
            else []
        )
        # The person the sentence before is about outranks others it names ("Engoron took on a
        # more passive role in policing Trump’s statements. He told Wallace…").
        previous_subject = (
            _person_subject(
                sentences[index - 1].text,
                len(sentences[index - 1].text),
                lexicon,
                memory,
                roles=True,
            )
            if index and pronoun
            else []
        )
        # "Uber has been defending its pricing. It has now promised…": the body the sentence
        # before is about.
        it = any(lexicon.pronouns.get(a.party.lower()) == "organisation" for a in attributions)
        they = any(lexicon.pronouns.get(a.party.lower()) == "group" for a in attributions)
        previous_body = (
            _body_subject(sentences[index - 1].text, lexicon, memory) if index and it else []
        )
        # "The researchers, however, doubt it. They concluded…": the plural subject of the
        # sentence before, though it said nothing the rules took for a statement.
        previous_group = (
            _group_subject(sentences[index - 1].text, lexicon)
            if index
            and they
            and lexicon.language == "en"
            # (A sentence with a speaker of its own: memory has that speaker, named in full.)
            and not find_attributions(sentences[index - 1].text, lexicon)
            else []
        )
        run_end = index  # the last sentence of a quotation an attribution opens here
        for group, found_party in _by_party(
            sentence.text,
            attributions,
            memory,
            lexicon,
            previous_people,
            previous_subject,
            previous_body,
            previous_group,
            bool(index and pronoun and not previous_people)
            and _introduces_someone_unnamed(sentences[index - 1].text, lexicon),
            " ".join(s.text for s in sentences[max(0, index - 2) : index + 1]),
        ):
            mention = group[0].party
            before = text[: sentence.start + group[0].anchor_start]
            previous_text = sentences[index - 1].text if index else ""
            party = _resolve(found_party, before, previous_text, names, lexicon)
            apposed = _APPOSED_NAME.match(sentence.text, group[0].party_end)
            if (
                apposed is not None
                and mention.split()[-1].lower() in lexicon.person_roles | lexicon.speaker_nouns
                and (
                    is_person_like(apposed.group(1), lexicon)
                    # ("India's Home Minister, LK Advani, said": initials, then a surname.)
                    or _INITIALS_NAME.fullmatch(apposed.group(1)) is not None
                )
            ):
                # "his lawyer, Martinez, recalled": the role's holder, named right after it.
                party = names.fullest(apposed.group(1), sentence.start + apposed.start(1))
            named = _quoted_name(mention, sentence.text, group[0].party_end, lexicon)
            if named:
                # "die Zeitung „Der Kurier“": the name beside the description speaks.
                party = named
            if mention.lower() in lexicon.pronouns:
                party = strip_title(party, lexicon)  # "he" is the person, not the title
            if (
                not party
                and lexicon.nouns_capitalised
                and lexicon.document_nouns
                and _POINTS_INTO.match(sentence.text)
            ):
                # "Darin heißt es, er sei dort gewesen.": in the document the sentence before
                # names ("… hatte die kurze Mail von einer Kontaktperson vorgezeigt.").
                party = _document_in(previous_text, lexicon)
            if mention.lower() in lexicon.same_source_subjects:
                # "…», ajoute-t-on de même source": the source quoted just before; "on" alone
                # is no one named.
                same = lexicon.same_source and re.search(lexicon.same_source, sentence.text)
                party = last_party if same else ""
            if all(att.act_only for att in group):
                memory.remember(party)  # "…, when Owens admitted it": whom a later "he" means
                last_party = party or last_party
                continue
            start, end = _span(sentence, group, attributions, lexicon)
            if (
                start < end
                and index
                and group[0].party_start == 0
                and _OPEN_ENDED_QUOTE.search(sentences[index - 1].text)
                and _SETTING_ONLY.match(text[start:end])
            ):
                # "“…the CFPB has …” / Alito asked in one of his queries.": cut after the
                # quotation's dots, the sentence names who asked and where, nothing more.
                start = end
            if start < end and _only_attribution(
                text[start:end], mention, group, sentence, lexicon
            ):
                start = end  # "According to the FBI": who, but nothing said
            if (
                start < end
                and lexicon.language == "en"
                and _REFERS_BACK.match(text, start, end)
                # (Not "When asked if the rumour was true, he confirmed it", nor "rejected
                # this, saying …": there the sentence itself says what.)
                and not sentence.text[: max(group[0].party_start, 0)].strip()
                and not re.search(r"\bsaying\b|[“”\"]", text[start:end])
            ):
                # "She announced this before the debate, hoping…": what she announced
                # is in the sentence before; the rest is the writer's reading of it.
                start = end
            tail = sentence.text[group[-1].anchor_end :]
            if _is_lead_in_colon(tail) or (
                # "Page wrote down his rules for management:" then bullet points.
                _ends_in_colon(tail) and _opens_list(text, sentences, index)
            ):
                lead_party, lead_paragraph = party, sentence.paragraph + 1
                memory.remember(party)
                last_index = index
                continue
            if start >= end:
                # "“…right?” Sanborn said.": the quotation is the sentence before.
                previous = sentences[index - 1] if index else None
                if previous is None or not _is_quotation(previous.text):
                    # "Buchheit disagreed.": nothing said here, but a later "he" may be him,
                    # and a quotation right after is his ("…, Edwards wrote. “Larry…”").
                    memory.remember(party)
                    last_party, last_index = party or last_party, index
                    continue
                if suggestions and suggestions[-1].sentence_start == previous.start:
                    suggestions.pop()
                start, end = _trim(previous, 0, len(previous.text))
            sentence_end = sentence.end
            run_last = _quotation_run_end(text, sentences, index, group[-1].anchor_end)
            if run_last > index and end == _trim(sentence, 0, len(sentence.text))[1]:
                # 'She said: "I enjoyed it. But it came with a price.' : the quotation the
                # attribution opens runs on to where it closes (or its paragraph ends), one
                # statement; a quotation in the next paragraph goes on in the same name.
                end = _trim(sentences[run_last], 0, len(sentences[run_last].text))[1]
                sentence_end, run_end = sentences[run_last].end, run_last
            quote = text[start:end]
            verb = _strongest(group, lexicon)
            suggestions.append(
                Suggestion(
                    start=start,
                    end=end,
                    quote=quote,
                    party=party,
                    normalized_party=normalise_party(party, known, aliases),
                    kind=_kind(verb, party, lexicon),
                    verb=verb,
                    pattern=group[0].pattern,
                    mention=mention,
                    sentence_start=sentence.start,
                    sentence_end=sentence_end,
                    fingerprint=fingerprint_for(quote, mention, verb),
                )
            )
            memory.remember(party)
            last_party = party or last_party
            unnamed_at = index if not party else -2
        last_index = max(index, run_end)
    suggestions = _repeated_quotations(sentences, suggestions, known, aliases, lexicon)
    suggestions = _credited(text, suggestions, known, aliases, lexicon)
    suggestions = _turns(text, suggestions, names, known, aliases, lexicon)
    rejected_set = set(rejected)
    # (A lone opening quotation mark at a text's end goes on no one's words: nothing to suggest.)
    return [s for s in suggestions if s.start < s.end and s.fingerprint not in rejected_set]


# What was said only as a pronoun, then when, where or to whom: "this before the debate",
# "it on Monday", "this to reporters" (not "this is wrong", a clause of its own).
_REFERS_BACK = re.compile(
    r"(?:this|it|these|those)(?=\s*$|\s*[,;.]|\s+(?:ahead|on|to|in|at|after|before|during|"
    r"with|last|yesterday|today|again|publicly|earlier|later|when|while|for|from|by|via)\b)"
)
# How far a guillemet opened and left open in a sentence may run on before it closes: a few
# paragraphs of one quoted excerpt, not a stray mark swallowing the page.
_OPEN_QUOTE_REACH = 2000


def _open_guillemets(text: str, sentences: list[Sentence]) -> dict[int, int]:
    """Return, for each sentence that starts inside a French quotation opened before it, the
    text offset where that quotation closes."""
    inside: dict[int, int] = {}
    close = -1
    for index, sentence in enumerate(sentences):
        if sentence.start < close:
            inside[index] = close
            continue
        opened = sentence.text.rfind("«")
        if opened < 0 or opened < sentence.text.rfind("»"):
            continue
        end = text.find("»", sentence.end, sentence.end + _OPEN_QUOTE_REACH)
        reopened = text.find("«", sentence.end, end) if end >= 0 else -1
        close = end + 1 if end >= 0 and reopened < 0 else -1
    return inside


def _repeated_quotations(
    sentences: list[Sentence],
    suggestions: list[Suggestion],
    known: list[str],
    aliases: Mapping[str, str] | None,
    lexicon: Lexicon,
) -> list[Suggestion]:
    """Return suggestions with each quotation standing alone that repeats words a named party
    is quoted saying elsewhere in the text as that party's statement.

    (A pull quote or a kicker under the headline: '"Our goal was never to upset anyone."', then
    later '"…, I can tell you that our goal was never to upset anyone," says Kramer.' A heading
    without a full stop, "‘We need to listen’", is a heading.)
    """
    said = [(_words_of(s.quote), s) for s in suggestions if s.party]
    if not said:
        return suggestions
    added = []
    for sentence in sentences:
        text = sentence.text.strip()
        if not _is_quotation(text) or not re.search(r"[.!?][”\"’]$", text):
            continue
        if any(s.start < sentence.end and sentence.start < s.end for s in suggestions):
            continue
        words = _words_of(text)
        if len(words.split()) < 6:  # (a slogan, "Meth. We’re on it.", is quoted for itself)
            continue
        source = next((s for w, s in said if words in w and s.start != sentence.start), None)
        if source is not None:
            added.append(
                _continued_quote(
                    sentence, source.party, known, aliases, lexicon, "repeated quotation"
                )
            )
    return sorted([*suggestions, *added], key=lambda s: (s.start, s.end)) if added else suggestions


def _words_of(passage: str) -> str:
    """Return a passage's words in lower case, one space apart (for comparing quotations)."""
    return " ".join(re.findall(r"[\w’'-]+", passage.lower()))


def _credited(
    text: str,
    suggestions: list[Suggestion],
    known: list[str],
    aliases: Mapping[str, str] | None,
    lexicon: Lexicon,
) -> list[Suggestion]:
    """Return suggestions with each block a credit line attributes as one statement of its own.

    What the rules found inside an outlet's excerpt or a tweet ("Google says…") is the excerpt's
    own content: the block's party is the credited outlet or account.
    """
    blocks = source_blocks(text, lexicon)
    if not blocks:
        return suggestions
    kept = [s for s in suggestions if not any(a <= s.start and s.end <= b for a, b, _ in blocks)]
    for a, b, party in blocks:
        kept.append(
            _quote_suggestion(
                text[a:b], (a, b), (a, b), party, party, "credit line", known, aliases, lexicon
            )
        )
    return sorted(kept, key=lambda s: (s.start, s.end))


def _turns(
    text: str,
    suggestions: list[Suggestion],
    names: NameIndex,
    known: list[str],
    aliases: Mapping[str, str] | None,
    lexicon: Lexicon,
) -> list[Suggestion]:
    """Return suggestions with each paragraph of a transcript's speaker as their statement.

    ("JON SIEBEN: It is a shame…": the label is the attribution; a verb inside the turn reports
    the speaker's own story, not a statement of someone else.)
    """
    turns = transcript_turns(text, lexicon)
    if not turns:
        return suggestions
    kept = [
        s
        for s in suggestions
        if not any(a <= s.start < b for a, b, _ in turns) or _reports_another(s, turns, lexicon)
    ]
    for a, b, speaker in turns:
        start, end = _trim(Sentence(a, b, text[a:b], -1), 0, b - a)
        if start >= end:
            continue
        party = names.fullest(speaker, a)
        kept.append(
            _quote_suggestion(
                text[start:end],
                (start, end),
                (a, b),
                party,
                speaker,
                "transcript turn",
                known,
                aliases,
                lexicon,
            )
        )
    return sorted(kept, key=lambda s: (s.start, s.end))


def _reports_another(
    suggestion: Suggestion, turns: list[tuple[int, int, str]], lexicon: Lexicon
) -> bool:
    """Return whether a suggestion inside an interview's answer reports someone else by name
    ("Josef Settele sprach von …"): the interviewee tells what another said, theirs it stays.

    (Only where an interview labels its first answer alone, German magazines: a broadcast
    transcript's verbs are the speaker's own story.)
    """
    if not lexicon.unlabelled_answers or not is_person_like(suggestion.party, lexicon):
        return False
    return all(
        names_party(speaker, lexicon) and suggestion.party.split()[-1] != speaker.split()[-1]
        for a, b, speaker in turns
        if a <= suggestion.start < b
    )


def _quote_suggestion(
    quote: str,
    span: tuple[int, int],
    sentence: tuple[int, int],
    party: str,
    mention: str,
    pattern: str,
    known: list[str],
    aliases: Mapping[str, str] | None,
    lexicon: Lexicon,
) -> Suggestion:
    """Return a statement that no verb reports (credited block, transcript turn, continuation)."""
    start, end = span
    return Suggestion(
        start=start,
        end=end,
        quote=quote,
        party=party,
        normalized_party=normalise_party(party, known, aliases),
        kind=_kind("quote", party, lexicon),
        verb="quote",
        pattern=pattern,
        mention=mention,
        sentence_start=sentence[0],
        sentence_end=sentence[1],
        fingerprint=fingerprint_for(quote, mention or party, "quote"),
    )


def _is_lead_in_colon(tail: str) -> bool:
    """Return whether an attribution ends its sentence with a colon and no content ("said:",
    "said three things:", "told reporters:"): what follows is the party's."""
    tail = tail.strip()
    return tail.endswith(":") and len(tail.split()) <= 4 and not re.search(r"[“”\"«»„]", tail)


def _ends_in_colon(tail: str) -> bool:
    """Return whether an attribution's sentence ends with a colon and holds no quotation after
    it ("wrote down his rules for management:")."""
    return tail.rstrip().endswith(":") and not re.search(r"[“”\"«»„]", tail)


def _opens_list(text: str, sentences: list[Sentence], index: int) -> bool:
    """Return whether the paragraph after a sentence is a bulleted or indented list's item."""
    following = index + 1
    return (
        following < len(sentences)
        and sentences[following].paragraph != sentences[index].paragraph
        and _in_list(text, sentences, following)
    )


# A lead-in crediting what follows to a source: "The details come to us from Reuters:".
_CREDIT_COLON = re.compile(
    r"\b(?:from|via)\s+((?:the\s+)?[A-Z][\w.&’'-]*(?:\s+[A-Z][\w.&’'-]*){0,4})\s*:$"
)


# A document whose content a list gives: "… a memo laying out the key messages, which include:".
_CONTAINING = re.compile(
    r",\s+(?:which|that)\s+(?:include|includes|included|say|says|said|read|reads|state|states)\s*:$"
)
_DETERMINER = re.compile(r"\b(?:a|an|the|its|his|her|their)\s", re.IGNORECASE)


def _list_credit(text: str, sentences: list[Sentence], index: int, lexicon: Lexicon) -> str:
    """Return the source a list's lead-in credits ("… from Reuters:", "a memo …, which
    include:"), or "" when none."""
    if not _opens_list(text, sentences, index):
        return ""
    document = _containing_document(sentences[index].text, lexicon)
    if document:
        return document
    credit = _CREDIT_COLON.search(sentences[index].text)
    if credit is None:
        return ""
    source = credit.group(1)
    bare = re.sub(r"^the\s+", "", source)
    if is_place(bare) or TIME_TAIL.fullmatch(" on " + bare) or not names_party(source, lexicon):
        return ""  # "Pictures from Paris:", "Highlights from Tuesday:"
    return source


def _containing_document(sentence: str, lexicon: Lexicon) -> str:
    """Return the document a lead-in says a list holds ("… a memo laying out the key
    messages, which include:"), or "": the last phrase before the clause that a document
    noun heads."""
    containing = _CONTAINING.search(sentence)
    if containing is None:
        return ""
    before = sentence[: containing.start()]
    for determiner in reversed(list(_DETERMINER.finditer(before))):
        phrase = before[determiner.start() :]
        if re.search(r"[,;:“”\"]", phrase):
            return ""
        if any(w.lower() in lexicon.document_nouns for w in phrase.split()[1:4]):
            return phrase
    return ""


def _speech_lead_in(
    sentences: list[Sentence], index: int, names: NameIndex, memory: PartyMemory, lexicon: Lexicon
) -> str:
    """Return who gives what the next paragraph holds when a sentence ending its paragraph
    announces it as their words ("Analysts had a few theories:"), else ""."""
    sentence = sentences[index]
    if not lexicon.lead_in_nouns or not sentence.text.endswith(":"):
        return ""
    if index + 1 >= len(sentences) or sentences[index + 1].paragraph == sentence.paragraph:
        return ""
    announced = _lead_in_nouns(lexicon).search(sentence.text)
    if announced is None:
        return ""
    span = main_subject(sentence.text, lexicon)
    if span is None or span[1] > announced.start():
        return ""  # "See his full statement:": the words announced are no one who speaks
    subject = sentence.text[span[0] : span[1]]
    if subject.lower() in lexicon.pronouns:
        resolved = memory.resolve(subject)
        return "" if resolved == subject else resolved
    head = re.split(r"\s(?:of|at|from|in|for)\s", subject)[0].split()[-1].lower()
    nouns = lexicon.speaker_nouns | lexicon.official_nouns | lexicon.organisation_nouns
    if not names_party(subject, lexicon) or not (is_person_like(subject, lexicon) or head in nouns):
        return ""  # "See his full remarks:": an imperative, no one's words
    return names.fullest(subject, sentence.start + span[0])


_LEAD_IN_NOUNS: dict[str, re.Pattern[str]] = {}


def _lead_in_nouns(lexicon: Lexicon) -> re.Pattern[str]:
    """Return the pattern of a lead-in's last words: "a few theories:", "the following
    statement:", "his rules for management:" (a count or a determiner, at most one word more,
    a noun for words said, and what they are about)."""
    pattern = _LEAD_IN_NOUNS.get(lexicon.language)
    if pattern is None:
        nouns = "|".join(sorted(lexicon.lead_in_nouns))
        pattern = _LEAD_IN_NOUNS[lexicon.language] = re.compile(
            r"(?i)\b(?:the following|a few|an?|one|two|three|four|five|several|some|these|this|"
            r"his|her|their|its)\s+(?:[\w-]+\s+)?(?:" + nouns + r")"
            r"(?:\s+(?:for|on|to|about|of)\s+(?:[\w’'-]+\s+){0,3}[\w’'-]+)?\s*:$"
        )
    return pattern


def _introduces_someone_unnamed(sentence: str, lexicon: Lexicon) -> bool:
    """Return whether a sentence brings in a person by an indefinite role ("there was an
    farmer", "a young woman who…") whom a "he" or "she" after it may mean."""
    if lexicon.language != "en":
        return False
    return any(
        word in lexicon.person_roles
        for match in _INDEFINITE_PERSON.finditer(sentence)
        for word in match.groups(default="")
    )


# "there was a farmer", "a young woman who": someone the story brings in without a name.
_INDEFINITE_PERSON = re.compile(
    r"\b(?:[Tt]here (?:was|were|is|lived)\s+)(?:an?|one)\s+([a-z-]+)(?:\s+([a-z]+))?\b"
    r"|\b(?:[Aa]n?|[Oo]ne)\s+([a-z-]+)(?:\s+([a-z]+))?(?=\s+who\b)"
)


def _by_party(
    sentence: str,
    attributions: list[Attribution],
    memory: PartyMemory,
    lexicon: Lexicon,
    previous_people: list[str],
    previous_subject: list[str],
    previous_body: list[str],
    previous_group: list[str],
    someone_unnamed_before: bool = False,
    recent_text: str = "",
) -> list[tuple[list[Attribution], str]]:
    """Group a sentence's attributions by the party they resolve to, in order."""
    groups: dict[str, tuple[list[Attribution], str]] = {}
    named: list[str] = []
    for att in attributions:
        party = att.party
        if party.lower() in lexicon.pronouns:
            nearby = list(named)
            if lexicon.pronouns.get(party.lower()) == "person":
                agreeing = _agreeing(party, previous_people, previous_subject, memory, lexicon)
                nearby = agreeing + nearby + _names_before(sentence, att.party_start, lexicon)
                nearby += _person_subject(sentence, att.party_start, lexicon, memory)
                resolved = memory.resolve(party, nearby)
                if (
                    not nearby
                    and someone_unnamed_before
                    and resolved.split()[-1] not in recent_text
                ):
                    # "…there was a farmer in the valley. He concluded…": the farmer, whom
                    # the text never names; not a person last named paragraphs before.
                    groups.setdefault("", ([], ""))[0].append(att)
                    continue
            elif lexicon.pronouns.get(party.lower()) == "organisation":
                nearby = previous_body + nearby
            elif lexicon.pronouns.get(party.lower()) == "group":
                nearby = previous_group + nearby
            party = memory.resolve(party, nearby)
        elif (owned := _OWN_DOCUMENT.fullmatch(party)) is not None:
            # "“…,” their statement said": the statement's authors, named before.
            pronoun = {"his": "he", "her": "she", "its": "it", "their": "they"}[
                owned.group(1).lower()
            ]
            owner = memory.resolve(pronoun, list(named))
            party = owner if owner != pronoun else party
        elif party:
            named.append(party)
            party = memory.resolve(party)
        groups.setdefault(party_key(party), ([], party))[0].append(att)
    return sorted(groups.values(), key=lambda g: g[0][0].anchor_start)


def _agreeing(
    pronoun: str,
    previous_people: list[str],
    previous_subject: list[str],
    memory: PartyMemory,
    lexicon: Lexicon,
) -> list[str]:
    """Return whom a "he" or "she" may mean in the sentence before: the people it names whose
    sex the text gives as the pronoun's, then its subject (whose sex the text may not give)."""
    sex = lexicon.gendered.get(pronoun.lower())
    agreeing = [p for p in previous_people if sex and memory.sex_of(p) == sex]
    return agreeing + [p for p in previous_subject if memory.sex_of(p) in (sex, None)]


def _one_person_named(sentence: Sentence, names: NameIndex, lexicon: Lexicon) -> str:
    """Return the one person a French sentence is about (named in full, the subject of its
    verb: "Gabin Formont est d’accord."), else "" (a title, or a name in passing)."""
    if not _ENDS_SENTENCE.search(sentence.text):
        return ""  # a headline or a caption
    people = {
        names.fullest(n, sentence.start)
        for n in _names_in(sentence.text, lexicon)
        if len(n.split()) >= 2
        and is_person_like(n, lexicon)
        and re.search(re.escape(n) + _FRENCH_SUBJECT_VERB, sentence.text)
    }
    return people.pop() if len(people) == 1 else ""


# A name, then the verb it is the subject of ("X est", "X a", "X se dit", "X n’y croit pas";
# not "en", "y": prepositions too, "depuis X en 2010").
_FRENCH_SUBJECT_VERB = (
    r",?\s+(?:est|était|sera|a|avait|aura|reste|restait|semble|paraît|se|s’|n’|ne|lui)\b"
)


def _person_subject(
    sentence: str,
    end: int,
    lexicon: Lexicon,
    memory: PartyMemory | None = None,
    roles: bool = False,
) -> list[str]:
    """Return the person the sentence is about, if its subject before end names one (or, with
    roles, a role: "The waiter returns with a carafe. He whispers, “…”").

    "Nagel not only served Presidents Bush and Clinton; he was assigned…, he said": Nagel, not
    the last name before the pronoun.
    """
    said = _unquoted(sentence)
    span = main_subject(said.lstrip(), lexicon)
    shift = len(said) - len(said.lstrip())
    held = _ROLE_SUBJECT.match(said) if roles and span is None else None
    if held is not None and held.group(1).lower() in lexicon.person_roles:
        # "The waiter returns with a carafe. He …": one person named by the role they hold
        # (in the sentence before; in the pronoun's own, a name the text gave wins).
        return [held.group(0)]
    if span is None:
        # "A couple of months after the deal closed, however, …, Page called Doerr": the
        # first name after a comma with a verb in the past, past a long opening.
        clause = _CLAUSE_SUBJECT.search(said, 0, max(end, 0))
        if clause is None:
            return []
        span, shift = clause.span(1), 0
    if span[1] + shift > end:
        return []
    subject = said[span[0] + shift : span[1] + shift]
    described = _DESCRIBED_AFTER.match(said, span[1] + shift)
    after = said[described.end(1) :].split()[:1] if described is not None else []
    if (
        described is not None
        and described.end(1) <= end
        and all(w[:1].isupper() for w in subject.split())
        # The name is the subject when its verb or a comma follows (not "Nagel guarded
        # Presidents George Bush and…").
        and (said[described.end(1) :].startswith(",") or (after and after[0] in lexicon.verb_forms))
        and is_person_like(described.group(1), lexicon)
    ):
        # "Nutrition Australia dietitian Rachael Bradford says…", "Chief Palestinian negotiator
        # Saeb Erakat said…": the subject is the person after the role the rules do not list.
        return [described.group(1)]
    words = subject.split()
    if subject.lower() in lexicon.pronouns:
        return []
    if lexicon.nouns_capitalised and words[0].lower() in lexicon.non_party_starts:
        return []  # "Bei Carlines Tweet ging es um …": a fronted phrase, no subject
    if len(words) == 1:
        # One capitalised word opening a sentence ("Very", "Below") is a name only when the
        # text introduced it in full.
        # ("Curie, 21, a student, came second": a name with an age is a person's.)
        aged = re.match(r",\s*\d{1,3},", said[span[1] + shift :])
        return [subject] if aged or (memory is not None and memory.knows(subject)) else []
    return [subject] if is_person_like(subject, lexicon) else []


# A lower-case role, then a name: what goes on after a capitalised subject ("Nutrition
# Australia" + " dietitian Rachael Bradford").
_DESCRIBED_AFTER = re.compile(r"\s+[a-z][a-z-]+\s+((?:[A-Z][\w’'-]*\s+){1,2}[A-Z][\w’'-]+)")
# A role opening a sentence, then a verb in the present: "The waiter returns with…".
_ROLE_SUBJECT = re.compile(r"\s*(?:The|This)\s+(?:[a-z-]+\s+){0,2}?([a-z]+)(?=\s+[a-z]+s\b)")
_CLAUSE_SUBJECT = re.compile(r",\s+((?:[A-Z][\w’'-]+\s+){0,2}[A-Z][\w’'-]+)\s+[a-z]+ed\b")


def _unquoted_subject(sentence: str, lexicon: Lexicon) -> str:
    """Return the subject of a sentence with its quotations left out, or "" when it has none."""
    said = _unquoted(sentence)
    span = main_subject(said.lstrip(), lexicon)
    if span is None:
        return ""
    shift = len(said) - len(said.lstrip())
    return said[span[0] + shift : span[1] + shift]


def _body_subject(sentence: str, lexicon: Lexicon, memory: PartyMemory) -> list[str]:
    """Return the organisation a sentence is about, if its subject (unquoted) names one."""
    subject = _unquoted_subject(sentence, lexicon)
    if not subject or subject.lower() in lexicon.pronouns or memory.knows(subject):
        return []  # "Page said…" after "Larry Page": a person
    if re.fullmatch(r"[A-Z][a-z]{3,}ed", subject):
        return []  # "Powered by SmartAsset.com", "Updated Monday": a page's furniture
    head = subject.split()[-1].lower()
    # "That study didn’t find that… It said…": a document speaks as "it" too (one, not people).
    document = (
        head in lexicon.speaker_nouns
        and head not in lexicon.person_roles
        and not head.endswith("s")
    )
    return [subject] if is_body(subject, lexicon) or document else []


def _group_subject(sentence: str, lexicon: Lexicon) -> list[str]:
    """Return the subject of a sentence (unquoted) when a "they" can mean it."""
    subject = _unquoted_subject(sentence, lexicon)
    if not subject or subject.lower() in lexicon.pronouns or not speaks_as_they(subject, lexicon):
        return []
    return [subject]


# A document of someone's the text named before: "their statement", "its filing".
_OWN_DOCUMENT = re.compile(
    r"(?i)(his|her|its|their)\s+(?:\w+\s+)?(?:statement|letter|filing|lawsuit|complaint|report|"
    r"post|tweet|email|release|announcement|website)"
)


def _resolve(party: str, before: str, previous: str, names: NameIndex, lexicon: Lexicon) -> str:
    """Return the fullest name for a party mention, or "" when it names nobody (unresolved)."""
    if party.lower() in lexicon.pronouns:
        # Still a pronoun: the last person named in the previous sentence, else unresolved.
        if lexicon.pronouns[party.lower()] == "group":
            # "Others who have tracked his career see choppier waters. …, they say.": the
            # plural subject of the sentence before.
            span = main_subject(previous, lexicon)
            subject = previous[span[0] : span[1]] if span else ""
            if (
                lexicon.nouns_capitalised
                and subject.split()[:1]
                and (subject.split()[0].lower() in lexicon.non_party_starts)
            ):
                return ""  # "Bei Carlines Tweet ging es um …": a fronted phrase, no subject
            return subject if subject and speaks_as_they(subject, lexicon) else ""
        if lexicon.pronouns[party.lower()] != "person":
            return ""
        people = [names.fullest(n, len(before)) for n in _names_in(previous, lexicon)]
        person = next(
            (n for n in reversed(people) if len(n.split()) >= 2 and is_person_like(n, lexicon)),
            "",
        )
        if person:
            return person
        # "The mayor was blunt. “…,” she said.": the role the sentence before opens with.
        span = main_subject(previous, lexicon)
        subject = previous[span[0] : span[1]] if span else ""
        words = subject.lower().split()
        if (
            2 <= len(words) <= 5  # "the former New York mayor"
            and words[0] in lexicon.definite_articles
            and words[-1] in lexicon.person_roles
        ):
            return role_holder(subject, before, lexicon) or subject
        # "Always against a reunion, he declared…" in a profile of George Harrison: with no one
        # named nearby, the person the text is about.
        return names.main_person(len(before), lexicon.gendered.get(party.lower())) or ""
    if not names_party(party, lexicon):
        return ""
    if lexicon.title_suffixes:
        party = _german_party(party, lexicon)
    if lexicon.nouns_capitalised and (genitive := _GENITIVE.fullmatch(party)):
        # "Nach Ansicht des Kammergerichts": the court the text named as "das Kammergericht".
        stem = genitive.group(1)
        if re.search(rf"\b{re.escape(stem)}\b", before):
            party = stem
    # "an overwhelming 70 percent of Americans", "an estimated 3,000 people": the count.
    party = re.sub(r"^(?i:an?)\s+[a-z]+\s+(?=\d)", "", party)
    # "A new ABC News poll shows": the named source's poll, not how new it is.
    party = re.sub(r"^(?i:an?)\s+(?:new|recent|latest|fresh)\s+(?=[A-Z])", "", party)
    # "Montoya-Lewis herself said": the person, not the emphasis.
    party = re.sub(r"\s+(?:himself|herself|themselves|itself)$", "", party)
    described = _DESCRIBED_NAME.fullmatch(party)
    if described is not None and " such as " in described.group(1):
        described = None  # "Republicans such as former President Bush": the group, its example
    if described is not None and (
        is_person_like(described.group(2), lexicon)
        # "whale rescue group Project Jonah": a body's name after what it is.
        or described.group(1).split()[-1] in lexicon.organisation_nouns | lexicon.speaker_nouns
    ):
        # "RetailNext global manager of advanced analytics Joe Shasteen": the name, not the job.
        party = described.group(2)
    single = _ROLE_THEN_NAME.fullmatch(party)
    if (
        single is not None
        and single.group(1).lower() in lexicon.person_roles | lexicon.speaker_nouns
    ):
        party = single.group(2)  # "o técnico Tite", "coach Klopp": the one-word name
    placed = _NAME_OF_PLACE.fullmatch(party)
    if placed is not None and is_place(placed.group(2)):
        # "the Argus Leader of Sioux Falls": the paper, not the town; but "the Bank of England",
        # "Prime Minister of Canada", "Archbishop of Canterbury" are names with their place.
        words = [w.lower() for w in placed.group(1).split() if w.lower() != "the"]
        titles = lexicon.person_titles | lexicon.person_roles | lexicon.official_nouns
        if (
            len(words) >= 2
            and words[-1] not in lexicon.organisation_nouns
            and not all(w in titles for w in words)
        ):
            party = placed.group(1)
    body = _DESCRIBED_BODY.fullmatch(party)
    if body is not None and body.group(1) in lexicon.organisation_nouns | _OUTLETS:
        party = body.group(2)  # "the group People for the Ethical Treatment of Animals"
    affiliated = _AFFILIATED_NAME.fullmatch(party)
    if affiliated is not None and is_person_like(affiliated.group(1), lexicon):
        party = affiliated.group(1)  # "Ira Katz of Little Five Points Pharmacy": the person
    holder = role_holder(party, before, lexicon)
    if holder is not None:
        return holder
    if lexicon.language == "en" and (named := named_body(party, before, lexicon)) is not None:
        return named  # "… operator, Austar. The company says…": the body the text named
    return names.fullest(party, len(before))


# A sentence's last words end it: a stop, then closing marks at most.
_ENDS_SENTENCE = re.compile(r"[.!?…][\s»”’\"]*$")

# A German noun in the genitive, one word: "(des) Kammergerichts", "(des) Bundesamtes".
_GENITIVE = re.compile(r"([A-ZÄÖÜ][\wäöüß-]{3,}?)e?s")

# "Darin heißt es", "Dort steht": what a document named just before says.
_POINTS_INTO = re.compile(r"(?:Darin|Dort|Hierin|Darunter)\s+(?:heißt|hieß|steht|stand)\b")


def _document_in(sentence: str, lexicon: Lexicon) -> str:
    """Return the last document a German sentence names with whose it is ("die kurze Mail von
    einer Kontaktperson aus Arizona"), or "" when it names none."""
    found = ""
    for match in _GERMAN_DOCUMENT.finditer(sentence):
        if match.group(1).lower() in lexicon.document_nouns:
            found = match.group(0)
    return found


# An article, up to two adjectives, a noun, then whose or whence ("von einer Kontaktperson aus
# Arizona", "des Ministeriums").
_GERMAN_DOCUMENT = re.compile(
    r"\b(?:der|die|das|den|dem|des|eine|einer|einem|einen|ein|seine|seiner|ihre|ihrer)\s+"
    r"(?:[a-zäöüß-]+\s+){0,2}([A-ZÄÖÜ][\wäöüß-]*)"
    r"(?:\s+(?:von|vom|des|der|eines|einer|aus)\s+(?:(?:der|dem|den|des|einer|einem|eines|ein|eine)\s+)?"
    r"[A-ZÄÖÜ][\wäöüß-]*(?:\s+[A-ZÄÖÜ][\wäöüß.-]*){0,2})*"
)


def _german_party(party: str, lexicon: Lexicon) -> str:
    """Return the party a German mention names: the person, not their affiliation ("Volker
    Tripp vom Verein X"); the body whose aim or view it is ("das Ziel der Initiative")."""
    dative = re.fullmatch(r"(einer|einem)\s+(.+)", party)
    if dative is not None and dative.group(2).split()[0].lower() in lexicon.document_nouns:
        # "wie aus einer Abmahnung hervorgeht": the document as one names it, "eine Abmahnung".
        return ("eine " if dative.group(1) == "einer" else "ein ") + dative.group(2)
    both = re.fullmatch(r"(?i:sowohl)\s+(.+?)\s+als auch\s+(.+)", party)
    if both is not None:
        return f"{both.group(1)} und {both.group(2)}"  # "Sowohl Keith als auch Keuter"
    view = _GERMAN_VIEW_OF.fullmatch(party)
    if view is not None:
        return view.group(1)  # "…, so das Ziel der Initiative": the initiative's
    affiliated = _GERMAN_AFFILIATED.fullmatch(party)
    if affiliated is not None and is_person_like(affiliated.group(1), lexicon):
        party = affiliated.group(1)  # "Joachim Losehand von Creative Commons Österreich"
    return party


# A content noun of someone's, then whose it is: "das Ziel der Initiative", "die Forderung des
# Verbands".
_GERMAN_VIEW_OF = re.compile(
    r"(?i:das|die|der)\s+(?:Ziel|Fazit|Forderung|Tenor|Einschätzung|Ansicht|Auffassung|"
    r"Meinung|Botschaft|Begründung|Argumentation|Position|Kritik)\s+(?:der|des|von)\s+(.+)"
)
# A person's name, then where they belong: "Volker Tripp vom Verein X", "Anna Berg von der SPD".
_GERMAN_AFFILIATED = re.compile(
    r"((?:[A-ZÄÖÜ][\w’'.-]*\s+){1,2}[A-ZÄÖÜ][\w’'.-]+)\s+(?:vom|von|bei|beim|aus)\s+.+"
)
# A description in lower case, then a person's name ("… advanced analytics Joe Shasteen"); not
# a name after "of" ("the Department of Homeland Security").
_DESCRIBED_NAME = re.compile(
    r"(.*(?<![\w’'])(?!(?:of|for|and|und|the|at|in|on|to|with|from|by|de|du|des|von|vom)\b)"
    r"[a-z][\w-]*)"
    r"\s+((?:[A-Z][\w’'.-]+\s+){1,2}[A-Z][\w’'-]+)"
)
# A role in lower case, then a one-word name: "o técnico Tite".
_ROLE_THEN_NAME = re.compile(r"(?:[a-zà-ÿ’'-]+\s+){0,3}([a-zà-ÿ-]+)\s+([A-ZÀ-Ö][\w’'-]+)")
# A capitalised name, then the place it is from: "the Argus Leader of Sioux Falls".
_NAME_OF_PLACE = re.compile(
    r"((?:[Tt]he\s+)?(?:[A-Z][\w’'&.-]*\s+){0,3}[A-Z][\w’'&.-]*)\s+of\s+(.+)"
)
# What a body is, then its name: "the group People for the Ethical Treatment of Animals", "the
# newspaper The Guardian".
_DESCRIBED_BODY = re.compile(r"(?i:the|a|an)\s+(?:[a-z-]+\s+){0,3}?([a-z]+)\s+([A-Z].*)")
_OUTLETS = frozenset(("newspaper", "magazine", "website", "watchdog", "charity", "nonprofit"))
# A person's name, then where they work ("Ira Katz of Little Five Points Pharmacy in Atlanta",
# "James Hall with the police").
_AFFILIATED_NAME = re.compile(
    r"((?:[A-Z][\w’'.-]*\s+){1,3}[A-Z][\w’'-]+)\s+(?:of|at|from|with)\s+.+"
)
# A run of capitalised words: a name with its titles ("Shadow Treasurer Bob McMullan") and
# initials ("George W Bush").
_NAME = re.compile(r"\b[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]*){1,5}")


def _person_in_run(run: str, lexicon: Lexicon) -> str | None:
    """Return the person a run of capitalised words names, titles and all, if it names one."""
    words = run.split()
    if words[0].lower() in lexicon.non_party_starts | lexicon.leading_noise:
        words.pop(0)  # "Now Adam Kramer, …, which he says": Adam Kramer
    name = " ".join(words)
    if len(words) >= 2 and is_person_like(name, lexicon):
        return name
    if words and words[0].lower() in lexicon.determiners | lexicon.possessives:
        return None  # "My Sweet Lord", "The Rolling Stones": a title or a body, no person
    for size in (3, 2):
        # "ambassador to Pakistan Abdul Salam Zaeef": the place before the name is no part
        # of it.
        tail = " ".join(words[-size:])
        if len(words) > size and is_person_like(tail, lexicon):
            return tail
    return None


def _names_before(sentence: str, end: int, lexicon: Lexicon) -> list[str]:
    """Return the people named in sentence before end, outside quotations, in order."""
    said = _unquoted(sentence)
    found = []
    for m in _NAME.finditer(said, 0, max(end, 0)):
        name = _person_in_run(m.group(0), lexicon)
        if name is not None:
            found.append(name)
    return found


_SURNAME = re.compile(r"\b[A-Z][\w’'-]+")


def _people_in(sentence: Sentence, end: int, names: NameIndex, lexicon: Lexicon) -> list[str]:
    """Return the people named in a sentence before end, outside quotations, in order.

    A surname alone counts when the text gave that person's full name before ("Steenburgen").
    """
    said = _unquoted(sentence.text)
    found = [
        (m.start(), m.end(), name)
        for m in _NAME.finditer(said, 0, max(end, 0))
        if (name := _person_in_run(m.group(0), lexicon)) is not None
    ]
    for m in _SURNAME.finditer(said, 0, max(end, 0)):
        if any(a <= m.start() < b for a, b, _ in found):
            continue
        word = re.sub(r"[’']s?$", "", m.group(0))
        if names.knows(word) and names.fullest(word, sentence.start + m.start()) != word:
            found.append((m.start(), m.end(), word))
    return [n for _, _, n in sorted(found)]


_WORD = re.compile(r"(?<!^)(?<![.!?]\s)\b[A-Z][\w’'-]+")


def _names_in(sentence: str, lexicon: Lexicon) -> list[str]:
    """Return the names (full, or a surname alone) in a sentence outside quotations, in order."""
    said = _unquoted(sentence)
    found = [(m.start(), _person_in_run(m.group(0), lexicon) or "") for m in _NAME.finditer(said)]
    found += [(m.start(), re.sub(r"[’']s?$", "", m.group(0))) for m in _WORD.finditer(said)]
    return [n for _, n in sorted(found) if is_person_like(n, lexicon)]


def _unquoted(sentence: str) -> str:
    """Return sentence with its quotations blanked out (same length, same offsets)."""
    for a, b in quote_regions(sentence):
        sentence = sentence[:a] + " " * (b - a) + sentence[b:]
    return sentence


def _span(
    sentence: Sentence, group: list[Attribution], everyone: list[Attribution], lexicon: Lexicon
) -> tuple[int, int]:
    """Return the text offsets of what a group's party said in this sentence."""
    s = sentence.text
    others = [a for a in everyone if all(a is not g for g in group)]
    lo, hi = 0, len(s)
    if others:
        # Two speakers in one sentence: each gets the clause around its own attribution.
        first, last = group[0].anchor_start, group[-1].anchor_end
        before = [a.anchor_end for a in others if a.anchor_end <= first]
        after = [a.anchor_start for a in others if a.anchor_start >= last]
        if before:
            lo = _clause_start(s, max(before), first)
        if after:
            hi = _clause_start(s, last, min(after))
    else:
        first_att, last_att = group[0], group[-1]
        head = s[: first_att.anchor_start]
        dateline = _DATELINE.match(head)
        if dateline is not None:
            # "ATLANTA -- Federal drug officials are warning…": the place the story is filed
            # from is no part of what was said.
            lo = dateline.end()
            head = s[lo : first_att.anchor_start]
        tail = s[last_att.anchor_end :]
        lead = _AUTHOR_LEAD.match(head)
        if lead is not None and not re.search(r"[“”\"«»„]", tail):
            # "The paper did not wait, for the release was not out: “We have it,” the article
            # said.": the writer's sentence up to the colon is no part of the quotation.
            return _trim(sentence, lo + lead.end(), first_att.anchor_start)
        opening = quote_regions(s)[:1]
        if (
            opening
            and opening[0][0] == lo
            and opening[0][1] <= first_att.anchor_start
            and not s[opening[0][1] : first_att.anchor_start].strip(" ,")
            and not re.search(r"[“”\"«»„]", tail)
            and (
                not _TITLE_HEAD.fullmatch(s[opening[0][0] : opening[0][1]])
                or first_att.lemma.startswith(",")  # "„Alles vorbei“, so Müller."
            )
        ):
            # "“This is how epidemics begin,” Dr. Luz Arroyo, a member of the group and
            # signatory to the letter, told NBC News.": the quotation, however long the rest.
            return _trim(sentence, lo, opening[0][1])
        relative = first_att.party_end >= 0 and re.fullmatch(
            r",\s+(?:who|which|that)\s+(?:\w+ly\s+|also\s+|has\s+|had\s+|have\s+)*",
            s[first_att.party_end : first_att.verb_start],
        )
        if relative and len(group) == 1 and len(tail.split()) >= 3:
            # "…his defense minister Kim Yong-hyun, who said he took full responsibility": what
            # the relative clause says the speaker said.
            lo = first_att.verb_end + len(_opener(lexicon).match(s[first_att.verb_end :]).group(0))  # type: ignore[union-attr]
            return _trim(sentence, lo, hi)
        between = s[first_att.anchor_end : last_att.anchor_start]
        if (
            len(group) >= 2
            and last_att.pattern in ("X verb", "verb X")
            and re.search(r"[”\"’],?\s*$", between)
            and _is_lead_in(head, between)
            and _strips_lead(first_att, head, s)
        ):
            # "Phoning in, Harper remembered the worry: “…,” Harper said.": what the first verb
            # opens, up to the quotation's credit.
            lo = first_att.anchor_end + len(_opener(lexicon).match(between).group(0))  # type: ignore[union-attr]
            return _trim(sentence, lo, last_att.anchor_start)
        if first_att.pattern == "fronted participle":
            # "Saying the plan was flawed, the senator voted against it.": what the participle
            # says, up to the comma before its speaker.
            lo = first_att.verb_end + len(_opener(lexicon).match(s[first_att.verb_end :]).group(0))  # type: ignore[union-attr]
            return _trim(sentence, lo, s.rfind(",", 0, first_att.party_start))
        if first_att.pattern == "participle" and len(tail.split()) >= 3:
            # "Yoon apologized in a brief address, saying they stemmed from…": what the
            # participle says, not what the subject did.
            lo = first_att.verb_end + len(_opener(lexicon).match(s[first_att.verb_end :]).group(0))  # type: ignore[union-attr]
            return _trim(sentence, lo, hi)
        if (
            len(group) >= 2
            and first_att.lemma in _ACTS_ON_AN_OBJECT
            and last_att.pattern in ("coordinated", "participle")
            and len(tail.split()) >= 3
            and _is_lead_in(head, tail)
        ):
            # "Josh Earnest condemned the attack and said the government was willing…": what
            # the last verb says.
            lo = last_att.verb_end + len(_opener(lexicon).match(s[last_att.verb_end :]).group(0))  # type: ignore[union-attr]
            return _trim(sentence, lo, hi)
        as_word = _AS_BEFORE.search(head)
        if as_word is not None and first_att.pattern == "X verb":
            # "As one analyst put it, …", "“…,” as Smith said.": "as" belongs to the attribution.
            before_as = head[: as_word.start()].strip(" ,")
            if not before_as or _CONJUNCTION_HEAD.fullmatch(before_as):
                # "As one analyst put it, …", "But, as the committee has pointed out, it…"
                lo = last_att.anchor_end
                return _trim(sentence, lo + len(_opener(lexicon).match(s[lo:]).group(0)), hi)  # type: ignore[union-attr]
            if not tail.strip(_TRIM + '”"’'):
                return _trim(sentence, lo, as_word.start())
        if (
            (
                first_att.pattern in ("X verb", "according to X")
                # "The plan, says Maria Lopez, is dead." (not "“…,” said Smith, who…", nor
                # "…, said the mayor, Ana Reyes, on Monday": the rest must go on with a verb).
                or (
                    first_att.pattern == "verb X"
                    and not re.search(r"[“”\"«»„]", head)
                    and _RESUMED_CLAUSE.match(tail) is not None
                )
            )
            and head.rstrip().endswith(",")
            # ("The suspect, police said on Monday, fled on foot.": when it was said, then the
            # comma that closes the aside.)
            and s[after_setting(s, last_att.anchor_end, lexicon) :].lstrip().startswith(",")
            and head.strip(_TRIM)
            # (", an industry body." after the source describes it: no second half said.)
            and not re.fullmatch(r"\s*,\s*(?:a|an|the)\s+[^,;:]{1,60}[.!?]?\s*", tail)
        ):
            # "The suspect, police said, fled on foot.": an aside inside what was said, which
            # is the whole sentence around it.
            return _trim(sentence, lo, hi)
        if (
            head.lstrip()[:1] != ""
            and head.lstrip()[:1] in OPENING_QUOTES
            and re.match(r"\s*,\s*(?:adding:?,?\s*)?[“\"«„‘]", tail)
            and first_att.pattern in ("X verb", "verb X")
        ):
            # "“We will win. We have the votes,” Smith said, “and they know it.”": the
            # quotation resumes after the attribution, so the statement is the whole sentence.
            return _trim(sentence, lo, hi)
        inverted = bool(lexicon.inversion_leads) and bool(
            lexicon_pattern(lexicon, "lead-in head").fullmatch(head)
        )
        # ("Le 18 décembre, le conseiller lâche « … »", "Dès le 6 décembre, X questionne…":
        # a French phrase setting the scene, then the speaker and what they said.)
        scene = (
            lexicon.language == "fr"
            and first_att.pattern == "X verb"
            and len(tail.split()) >= 2
            and _FRENCH_SCENE_HEAD.fullmatch(head.strip()) is not None
            and head.strip().split()[0].lower() in lexicon.non_party_starts | {"le", "la"}
        )
        # "…, diplomats told Reuters on Monday.": whom and when they told close the sentence,
        # nothing said follows the verb; what was told is the clause before.
        said_after = "" if closes_sentence(s, first_att, lexicon, described=True) else tail
        if (
            (_is_lead_in(head, said_after) and _strips_lead(first_att, head, s))
            or _is_appositive(first_att, head, tail)
            or inverted
            or scene
        ):
            lo = first_att.anchor_end
            lo += len(_opener(lexicon).match(s[lo:]).group(0))  # type: ignore[union-attr]
            contrast = (
                _CONTRAST.search(s, lo, hi) if first_att.lemma in _ACTS_ON_AN_OBJECT else None
            )
            if contrast is not None:
                # "Protesters have called for his ouster, while smaller crowds rallied for him":
                # what was called for ends where the author sets others against it.
                hi = contrast.start()
        elif (
            lexicon.nouns_capitalised
            and first_att.pattern == "verb X"
            and (colon := GERMAN_AFTER_PARTY.match(tail)) is not None
        ):
            # "Laut Unterlagen …, antwortet Keith dem Parteichef am 30. März: „…“": what
            # follows the colon.
            lo = first_att.anchor_end + colon.end()
        elif _is_trailing(first_att, head, tail, lexicon) and not _content_follows(tail, lexicon):
            hi = first_att.anchor_start
            if lexicon.nouns_capitalised and (wie := re.search(r",?\s+wie\s*$", s[:hi])):
                hi = wie.start()  # "Der König schwieg, wie die Presse bemerkte."
            if lexicon.inversion_leads:
                # "Une infodémie massive, comme prévenait l’OMS": "comme" is the attribution's.
                lead = lexicon_pattern(lexicon, "inversion lead").search(s, 0, hi)
                hi = lead.start() if lead is not None else hi
    return _trim(sentence, lo, hi)


# The writer's words, a colon, then one whole quotation right before its attribution.
_AUTHOR_LEAD = re.compile(r"[^“”\"«»„:]{20,}:\s*(?=[“„\"«][^“”\"«»„]{2,}[”“\"»][,.!?]?\s*$)")
# Whom and when after an inverted German subject, then a colon: " dem Parteichef am 30. März:".
_DATELINE = re.compile(
    r"(?:[A-Z][A-Z.’'-]+(?: [A-Z][A-Z.’'-]+)*(?:,\s*[A-Z][\w.]*(?: [A-Z][\w.]*)?)?\s*)?"
    r"(?:\((?:AP|Reuters|AFP|dpa|CNN|UPI|Bloomberg)\)\s*)?(?:—|–|--)\s*"
)
# What was said going on after an inverted attribution set off by commas, with its verb:
# ", is dead." (not ", co-editor of Ballot Access News.", a description of the speaker).
_RESUMED_CLAUSE = re.compile(
    r"\s*,\s*(?:is|are|was|were|has|have|had|will|would|can|could|may|might|must|should|"
    r"does|did|do|remains?|seems?|[a-z]+ed)\b"
)
# A clause the author sets against what came before: ", while others…", ", whereas…".
_CONTRAST = re.compile(r",\s+(?:while|whereas)\s")
# Verbs whose object is what they were about, not what was said ("condemned the attack").
_ACTS_ON_AN_OBJECT = frozenset(
    ("condemn", "praise", "welcome", "criticise", "hail", "slam", "urge", "call on", "call for")
)
_OPENERS: dict[str, re.Pattern[str]] = {}


_AS_BEFORE = re.compile(r"(?:^|(?<=[\s,”\"’]))(?:[Aa]s|AS)\s+$")


def _opener(lexicon: Lexicon) -> re.Pattern[str]:
    """Return the pattern of what opens the content after a lead-in ("that", ":")."""
    pattern = _OPENERS.get(lexicon.language)
    if pattern is None:
        # ("that’s" is no complementiser: "Mumper said that’s not the case".)
        words = "|".join(
            re.escape(w) + (r"\b(?![’'])" if w[-1].isalpha() else "")
            for w in lexicon.complementisers
        )
        # "said Thursday that…", "have argued for years that…": when and how, then the content.
        setting = f"(?:(?:{lexicon.setting_words})\\s+){{0,2}}" if lexicon.setting_words else ""
        # "said in a letter to Abbott last month: “…”": the last of them right before a colon.
        last = f"(?:{lexicon.setting_words})?" if lexicon.setting_words else ""
        pattern = _OPENERS[lexicon.language] = re.compile(
            r"\s*(?:,\s*(?="
            + words
            + r"))?(?:"
            + setting
            + r"(?:"
            + words
            + r")|"
            + setting
            + last
            + r":|"
            + setting
            + r"(?=\S))?"
        )
    return pattern


def _is_appositive(att: Attribution, head: str, tail: str) -> bool:
    """Return whether the words before "X said" describe X ("The mother of…, Jane Doe, said")."""
    return (
        att.pattern == "X verb"
        and head.rstrip().endswith(",")
        and not re.search(r"[“”\"«»„]", head)
        and len(head.split()) <= 12
        and len(tail.split()) >= 3
        # "The mother of…, Jane Doe, said", "Mr. Smith’s lawyer, John Doe, said"
        and bool(_DESCRIPTION_HEAD.match(head))
        # "The road was shut, Smith said in an email.": a clause, and only "when" follows.
        and not _CLAUSE_VERB.search(head)
        and not TIME_TAIL.fullmatch(" " + tail.strip(_TRIM))
        # "The suspect, police said, fled on foot.": an aside inside what was said.
        and not tail.lstrip().startswith(",")
    )


_DESCRIPTION_HEAD = re.compile(
    r"\s*(?:(?i:the|a|an|his|her|their|its|our|one)\s|[A-Z][\w.]*(?:\s+[A-Z][\w.’'-]*)*[’']s?\s)"
)
_CLAUSE_VERB = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|can|could|did|does|do)\b", re.IGNORECASE
)


def _strips_lead(att: Attribution, head: str, sentence: str) -> bool:
    """Return whether the attribution opens the sentence, so its content follows it."""
    if att.pattern == "passive":
        return not head.strip()
    if att.pattern not in ("X verb", "according to X", "in a statement, X"):
        return False
    if att.lemma.startswith(","):
        # ("„Wir haben alles versucht“, so Müller.": a phrase opening with its own comma
        # follows what was said, even a quotation short enough to pass for a title.)
        return False
    between = sentence[att.party_end : att.verb_start]
    # "Eric Reeves, one of the leading critics of the regime, said…", "Dr. Joneigh Khaldun of
    # the Michigan Department of Health says…": an affiliation or an aside, however long.
    # (An aside may name a title in quotation marks: 'Gilley, author of "The Case for X," said'.)
    aside = re.fullmatch(
        r"(?:\s+(?:of|at|from|with|for)\s+[^,;:“”\"]+)?"
        r"(?:,(?:[^,;:“”\"]|[“\"][^“”\"]{1,60}[”\"])+){0,2},?\s*",
        between,
    )
    return not (att.pattern == "X verb" and len(between) > 40 and aside is None)


def _is_trailing(att: Attribution, head: str, tail: str, lexicon: Lexicon) -> bool:
    """Return whether the attribution closes the sentence ("…, officials said on Monday.")."""
    if att.pattern not in ("X verb", "verb X", "according to X") or _is_lead_in(head):
        return False
    # The party stands next to its verb, on either side ("…, a déclaré jeudi le ministre").
    gap = (
        att.party_start - att.verb_end
        if att.party_start >= att.verb_end
        else att.verb_start - att.party_end
    )
    if att.party_start >= 0 and gap > 40:
        return False
    rest = tail.strip(_TRIM + '”"’')
    # "…, comme prévenait l’OMS début mars.": only when it was said follows the party.
    when = (
        bool(lexicon.right_stops)
        and len(rest.split()) <= 4
        and bool(lexicon_pattern(lexicon, "right stop").match(" " + rest))
    )
    return not rest or when or bool(re.search(r"[,”\"’]\s*$", head))


def _content_follows(tail: str, lexicon: Lexicon) -> bool:
    """Return whether what was said follows the attribution ("…, Jane Doe, noted that …")."""
    opener = _opener(lexicon).match(tail)
    said = opener.group(0).strip() if opener is not None else ""
    # A complementiser or a colon must open it ("…, Thursday, that…"), not a time alone.
    opens = said.endswith(":") or said.split()[-1:] in ([w] for w in lexicon.complementisers)
    return opens and len(tail.split()) >= 4


def _is_lead_in(head: str, tail: str = "") -> bool:
    """Return whether what precedes an attribution is empty or only an opening phrase."""
    stripped = head.strip()
    if not stripped or _CONJUNCTION_HEAD.fullmatch(stripped):
        return True  # "But indigenous elders say they…"
    if _TITLE_HEAD.fullmatch(stripped):
        return True  # "“Parasite” director Bong Joon Ho said…": a title, then the speaker
    if not stripped.endswith(",") or "“" in stripped or '"' in stripped:
        return False
    words = len(stripped.split())
    if words >= 3 and not tail.strip(_TRIM) and _CONJUNCTION_CLAUSE.match(stripped):
        return False  # "But two men were hurt, officials said.": the clause is what was said
    if words == 1 or (words <= 6 and bool(INTRO.fullmatch(stripped + " "))):
        return True
    # "In his September 2013 address to the United Nations, Obama hailed…", "When that
    # doesn't work, Zuckerberg said…": a longer fronted phrase or clause sets the scene, when
    # what was said follows the verb (else the words before are what was said: "But the end of
    # Davos is not near, Goodman said.").
    if _ASKED_HEAD.fullmatch(stripped) and tail.strip(_TRIM):
        # "When asked about the delay, Smith blamed the weather.": the question is the scene,
        # however short the answer.
        return True
    return len(tail.split()) >= 3 and (
        (words <= 14 and bool(_PHRASE_HEAD.fullmatch(stripped)))
        or (words <= 20 and bool(_CLAUSE_HEAD.fullmatch(stripped)))
    )


_CONJUNCTION_CLAUSE = re.compile(r"(?:But|And|Yet)\s")
# A French opening phrase (a date, "Dès le 6 décembre", "Ainsi,") before its subject.
_FRENCH_SCENE_HEAD = re.compile(
    r"(?:(?:[Ll]e|[Ll]a)\s+\d{1,2}(?:er)?\s+\w+(?:\s+\d{4})?|[^\s,]+(?:\s+[^\s,;:«»]+){0,8}),"
    r"\s*(?:[^,;:«»“”\"]{1,60})?"
)


_ASKED_HEAD = re.compile(
    r"(?:When |If |Once )?(?:asked|pressed|questioned|interrogée?s?|questionnée?s?|sollicitée?s?"
    r"|gefragt|auf (?:nachfrage|anfrage))\b[^,]{0,100},",
    re.I,
)
_CONJUNCTION_HEAD = re.compile(
    r"(?:But|And|Yet|So|Or|Still|Now|Also|Meanwhile|However|Instead|Indeed|Then|Plus|Even|Mais|Et"
    r"|Aber|Und|Doch)\s*,?"
)
# A short quoted name with no punctuation of a sentence in it: a title, not a quotation.
_TITLE_HEAD = re.compile(r"[“\"«„](?:[^\s“”\"«»„,.;:!?]+ ?){1,4}[”\"»“]")
# ("Phoning in from London, Harper remembered…": a participle's phrase sets the scene too.)
_PHRASE_HEAD = re.compile(
    r"(?:" + "|".join(SCENE_WORDS) + r"|(?![A-Z][a-z]*thing\b)[A-Z][a-z]{2,}ing)\b[^,]{0,100},"
)
_CLAUSE_HEAD = re.compile(
    r"(?:When|While|Whilst|If|Although|Though|Because|Once|Until|Unless|Over|Under|Within|"
    r"Throughout|Across|Among|Given|Like|Unlike|By|Through|From|Against|Beyond|Around|Dans|En|"
    r"Après|Avant|Lors|Depuis|Malgré|Face|Nach|Vor|Bei|Trotz|Seit|Im|Am)\b[^,]{0,140},"
    # "Alors que le budget dépend, en théorie, des députés, la pétition critique …": a French
    # subordinate clause, asides and all.
    r"|(?:Alors que|Bien que|Tandis que|Lorsque|Lorsqu’|Quand|Puisque|Même si|Quoique)\b"
    r"[^;:«»“”]{0,200},"
)


def _clause_start(s: str, lo: int, hi: int) -> int:
    last = None
    for match in _SPLIT_BEFORE.finditer(s, lo, hi):
        last = match
    if last is None:
        # No punctuation between two speakers' verbs: "X said they were “very good” before
        # launching into an attack that prompted Y to quip…" — the clause of the second
        # opens at the last subordinating word after some of the first's words.
        joints = [
            m.start() + 1
            for m in _SUBORDINATE.finditer(s, lo, hi)
            if s[lo : m.start()].strip(' ,“”"')
        ]
        return joints[-1] if joints else lo
    return last.start() if s[last.start()] not in ",;" else last.start() + 1


def _trim(sentence: Sentence, lo: int, hi: int) -> tuple[int, int]:
    s = sentence.text
    while lo < hi and (s[lo] in _TRIM or (s[lo] in OPENING_QUOTES and _balanced_to(s, lo, hi))):
        lo += 1
    while hi > lo and (s[hi - 1] in _TRIM + "?!" and hi - 1 > lo):
        hi -= 1
        if hi > lo and s[hi - 1] in CLOSING_QUOTES and not _opened(s, lo, hi - 1):
            hi -= 1
    while hi > lo and s[hi - 1] in CLOSING_QUOTES and not _opened(s, lo, hi - 1):
        hi -= 1
    while hi > lo and s[hi - 1] in _TRIM:
        hi -= 1
    return sentence.start + lo, sentence.start + hi


def _balanced_to(s: str, lo: int, hi: int) -> bool:
    """Return whether dropping the opening quote at lo leaves the span's quotes balanced."""
    inner = s[lo + 1 : hi]
    return inner.count("“") < inner.count("”") or inner.count("“") == inner.count("”") == 0


def _opened(s: str, lo: int, pos: int) -> bool:
    inner = s[lo:pos]
    return inner.count("“") > inner.count("”") or inner.count('"') % 2 == 1


def _strongest(group: list[Attribution], lexicon: Lexicon) -> str:
    for kind in ("denial", "allegation"):
        for att in group:
            if lexicon.verb_kinds.get(att.lemma) == kind:
                return att.lemma
    if any("alleged" in att.lemma for att in group):
        return next(att.lemma for att in group if "alleged" in att.lemma)
    return group[0].lemma


def _kind(verb: str, party: str, lexicon: Lexicon) -> str:
    kind = lexicon.verb_kinds.get(verb)
    if kind:
        return kind
    if "alleged" in verb:
        return "allegation"
    words = {w.lower().strip(".,’'s") for w in party.split()} | {w.lower() for w in party.split()}
    if words & lexicon.official_nouns:
        return "official statement"
    return "reported fact"


def _reported_mood(sentence: str, lexicon: Lexicon, previous: str = "") -> bool:
    """Return whether a sentence is in the mood of reported speech ("Ein Gespräch sei nicht
    sinnvoll."): in German, the speaker of the sentence before goes on.

    A stand-in form ("An Verbindungen hätten die Staaten kein Interesse.") counts only after
    a sentence in that mood itself.
    """
    if not lexicon.reported_forms:
        return False
    said = _unquoted(sentence)
    if said.rstrip().endswith("?"):
        return False  # "Ob er der Vorsitzende sei?": the reporter's question, put indirectly
    words = [w.lower() for w in re.findall(r"[\w’']+", said)]
    if any(w in lexicon.first_person for w in words):
        return False
    if any(w in lexicon.reported_forms for w in words):
        return True
    if not any(w in lexicon.standin_forms for w in words):
        return False
    before = {w.lower() for w in re.findall(r"[\w’']+", _unquoted(previous))}
    return bool(before & (lexicon.reported_forms | lexicon.standin_forms))


# Words opening a subordinate clause or a question: "Ob er der Vorsitzende sei?", "als habe er".
_SUBORDINATORS = frozenset(
    (
        *("ob", "als", "wenn", "was", "dass", "weil", "da", "damit", "wer", "wie", "wo"),
        *("falls", "obwohl", "welche", "welcher", "welches", "warum", "bevor", "nachdem"),
    )
)
# Interjections and conjunctions before a main clause: "Ja, das sei er.", "Aber das heiße …".
_MAIN_CLAUSE_LEAD = re.compile(r"(?:[-–•]\s*)?(?:(?:Ja|Nein|Doch|Und|Aber|Auch|Denn|Oder)\b,?\s*)*")


def _reported_main_clause(sentence: str, lexicon: Lexicon) -> bool:
    """Return whether a sentence's main clause is in the mood of reported speech (German
    Konjunktiv I within its first words: "Er habe jetzt Zugang.", "Ja, das sei er."), not a
    question nor a subordinate clause ("Ob er der Vorsitzende sei?", "als habe er …")."""
    if not lexicon.reported_forms or sentence.rstrip(' ”“"»«').endswith("?"):
        return False
    said = _unquoted(sentence)
    said = said[_MAIN_CLAUSE_LEAD.match(said).end() :]  # type: ignore[union-attr]
    words = re.findall(r"[\w’']+|,", said)[:6]
    for word in words:
        lower = word.lower()
        if (lower in _SUBORDINATORS and word is not words[0]) or lower in lexicon.first_person:
            return False
        if word == ",":
            return False
        if lower in lexicon.reported_forms:
            return words[0].lower() not in _SUBORDINATORS
    return False


def _reported_speaker(
    sentences: list[Sentence],
    index: int,
    last_party: str,
    names: NameIndex,
    memory: PartyMemory,
    lexicon: Lexicon,
) -> str:
    """Return whose reported words a sentence with no verb of saying gives: the subject of the
    sentence before when it is a person ("Er hält es für möglich, …"), else the
    recent speaker, else "" (a name elsewhere in the sentence before is as often whom the
    words are about)."""
    reported = lexicon.reported_forms | lexicon.standin_forms
    before = (
        {w.lower() for w in re.findall(r"[\w’']+", sentences[index - 1].text)} if index else {""}
    )
    if index and not before & reported:
        # (After reported words, their subject is what was said about: "Kunden könnten …".)
        previous = sentences[index - 1]
        span = main_subject(_unquoted(previous.text), lexicon)
        subject = previous.text[span[0] : span[1]] if span else ""
        if subject.lower() in lexicon.pronouns:
            resolved = memory.resolve(subject)
            # ("Sie ist sehr freundlich.": one person, whatever body "sie" could be.)
            one = re.match(
                r"\S+\s+(?:ist|war|hat|hatte|wird|wurde)\b",
                previous.text[span[1] - len(subject) if span else 0 :],
            )
            if resolved.lower() not in lexicon.pronouns and (
                not one or is_person_like(resolved, lexicon)
            ):
                return resolved
        elif subject and names_party(subject, lexicon) and is_person_like(subject, lexicon):
            return names.fullest(strip_title(subject, lexicon), previous.start)
        elif (
            subject.split()[:1]
            and subject.split()[0].lower() in _ACCUSATIVE
            and (body := _official_after_verb(previous.text, lexicon))
        ):
            # "Auch diesen Post stufte das Gericht als werblich ein. Es fehle …": an object
            # fronted, the authority its subject after the verb (by the name the text gave
            # it before: "das Gericht" after "das Kammergericht Berlin").
            earlier = " ".join(s.text for s in sentences[max(0, index - 40) : index - 1])
            return names.fullest(_named_body(body, earlier) or body, previous.start)
        elif subject and _official_body(subject, lexicon):
            # "Das Gericht wies die Klage ab. Der Kläger habe …": a court's or an authority's
            # reasons, given in reported speech after what it decided.
            # (By the fullest name the text gives it: "Kammergericht Berlin".)
            return names.fullest(subject.split(" ", 1)[1], previous.start)
    return last_party or ""


# Determiners of a German accusative object: a phrase they open is fronted, not the subject.
_ACCUSATIVE = frozenset(("den", "diesen", "jeden", "einen", "keinen"))
_ARTICLE_NOUN = re.compile(r"\b(?:der|die|das)\s+[A-ZÄÖÜ][\wäöüß-]+")


def _named_body(noun: str, earlier: str) -> str:
    """Return the last name of a body in earlier text that ends in a noun ("Kammergericht
    Berlin" for "Gericht"), else ""."""
    pattern = rf"\b[A-ZÄÖÜ][\wäöüß-]*{re.escape(noun.lower())}(?:\s+[A-ZÄÖÜ][\wäöüß-]+)?"
    found = re.findall(pattern, earlier)
    return found[-1] if found else ""


def _official_after_verb(sentence: str, lexicon: Lexicon) -> str:
    """Return the one authority a German sentence names with an article ("das Gericht"),
    without it, else ""."""
    bodies = {
        m.group(0).split(" ", 1)[1]
        for m in _ARTICLE_NOUN.finditer(_unquoted(sentence))
        if _official_body(m.group(0), lexicon)
    }
    return bodies.pop() if len(bodies) == 1 else ""


def _official_body(subject: str, lexicon: Lexicon) -> bool:
    """Return whether a subject names an authority that gives reasons ("Das Landgericht
    München", "die Staatsanwaltschaft"): a body one of whose words ends in an official noun."""
    words = subject.split()
    if len(words) < 2 or words[0].lower() not in lexicon.determiners:
        return False
    if not is_body(subject, lexicon):
        return False
    return any(
        w.lower().endswith(noun)
        for w in words[1:]
        for noun in lexicon.official_nouns
        if len(noun) > 3
    )


def _is_quotation(sentence: str) -> bool:
    """Return whether a sentence is all quotation (closed, or left open to the next paragraph)."""
    s = sentence.strip()
    # (German opens „…“ and »…«.)
    german = s[:1] in "„»"
    if not s or (s[0] not in OPENING_QUOTES and not german):
        return False
    body = s.rstrip(".!?")
    closing = "“«" if german else CLOSING_QUOTES
    if body[-1:] in closing or s[-1:] in closing:
        # "“Wild Rose”" on a line of its own is a title, not the speaker going on.
        return len(s.split()) >= 4 or bool(re.search(r"[.!?,]", s))
    # News style leaves a quote open at a paragraph's end when the next paragraph goes on.
    return s.count("“") > s.count("”") or (s[0] == '"' and s.count('"') % 2 == 1)


# A quotation, then a person and a verb in the past that the lexicon does not know ("…,” Alito
# interjected.", "…,” he rumbled from the podium."), or such a verb and then the person ("…,”
# remembers Shanna Challenger, a volunteer, with a laugh.").
_NAME_WORDS = r"(?:[A-Z][\w’'-]+\s+){0,2}[A-Z][\w’'-]+"
_TRAILING_SPEAKER = re.compile(
    r"[,?!…—–-]\s*[”\"]\s+(?:"
    r"(?P<name>" + _NAME_WORDS + r"|[Hh]e|[Ss]he)\s+(?P<verb>[a-z]+ed)"
    # Where or how it was said, a short phrase: "from the podium", "with a shrug".
    r"(?:\s+(?:from|with|at|to|in|on|during|after|before|over|across)\s+[^,.;:!?“”\"]{1,40})?"
    r"|(?P<inverted>[a-z]+(?:ed|s))\s+(?P<after>" + _NAME_WORDS + r")(?:,\s+[^“”\"]{1,120}?)?"
    r")\s*[.!?]?$"
)
# Verbs after a quotation that perform it rather than say it: "“…,” she sings." (lyrics).
_PERFORMING = frozenset(("sings", "sang", "singed", "chants", "chanted", "hums", "hummed", "raps"))


def _trailing_speaker(sentence: str, lexicon: Lexicon) -> tuple[str, int, int] | None:
    """Return the person whom a verb outside the word list credits with the quotation before it
    ("“…,” Alito interjected."), their offset and where the quotation ends; or None."""
    trailing = _TRAILING_SPEAKER.search(sentence)
    if trailing is None:
        return None
    group = "name" if trailing.group("name") else "after"
    verb = trailing.group("verb") or trailing.group("inverted")
    mention = trailing.group(group)
    if verb in _PERFORMING:
        return None
    if group == "after" and mention.lower() in lexicon.pronouns:
        return None
    if mention.lower() in lexicon.pronouns or is_person_like(mention, lexicon):
        said = re.search(r"[”\"]", sentence[trailing.start() :])
        return mention, trailing.start(group), trailing.start() + said.end()  # type: ignore[union-attr]
    return None


# A person's name set off by commas right after a role: "his lawyer, Martinez, recalled".
# ("…,” said the mayor, Ana Reyes.": or closing the sentence.)
def _quoted_name(mention: str, sentence: str, party_end: int, lexicon: Lexicon) -> str:
    """Return the quoted name a newspaper's or broadcaster's description carries ("the paper
    “The Courier”", "der Zeitung „Der Kurier“"), else ""."""
    inside = _OPENED_NAME.search(mention)
    if inside is not None and _describes_medium(mention[: inside.start()], lexicon):
        return inside.group(1)  # the party stops at the closing quote: the name is inside
    after = _QUOTED_AFTER.match(sentence, max(party_end, 0))
    if after is not None and party_end > 0 and _describes_medium(mention, lexicon):
        return after.group(1)
    return ""


def _describes_medium(description: str, lexicon: Lexicon) -> bool:
    words = description.split()
    return bool(_DESCRIPTION.match(description)) and words[-1].lower() in lexicon.media_nouns


# A description before a name: an article, maybe adjectives, a noun ("die britische Zeitung").
_DESCRIPTION = re.compile(
    r"(?i)\s*(?:the|der|die|das|dem|den|des|le|la|les|du)\s+[\w’'-]+(?:\s+[\w’'-]+){0,2}\s*$"
)
# A short quoted name with a capital: „Der Kurier“, “The Courier”, « Le Courrier ».
_QUOTED_NAME = r"[„“\"«]\s*([A-ZÀ-ÖØ-Þ][^„“”\"«»,.;:]{0,40}?)\s*"
_QUOTED_AFTER = re.compile(r"\s*" + _QUOTED_NAME + r"[“”\"»]")
_OPENED_NAME = re.compile(_QUOTED_NAME + r"[“”\"»]?\s*$")
_APPOSED_NAME = re.compile(
    r",\s+((?:[A-Z][\w’'.-]+\s+){0,2}[A-Z][\w’'-]+)(?:,|\s*[.!?]?[”\"]?\s*$)"
)
# Two initials written as one word, then a surname: "LK Advani".
_INITIALS_NAME = re.compile(r"[A-Z]{2}\s+[A-Z][a-z][\w’'-]+")
# A quotation that ends on a question, an exclamation or dots: its speaker follows.
_OPEN_ENDED_QUOTE = re.compile(r"^[“\"][^“”\"]*[?!…][”\"]$")
# What follows a verb when nothing is said: where or when ("in one of his queries").
_SETTING_ONLY = re.compile(r"(?:in|on|at|during|after|before|as|from|with)\b[^“”\"]{0,60}$")
# (German quotes »…« too: "…: »Es ist schlimmer als jeder Albtraum.«")
_COLON_QUOTE = re.compile(r":\s*[“\"«„»][^“”\"«»„]{12,}[”\"»“«]?[.!?]?[”\"»“«]?\s*$")


def _holds_quote(sentence: str) -> bool:
    """Return whether a sentence quotes someone's words: three words or more ending a clause.

    A title or a name in quotation marks ("the “Starts with one” campaign", “The One I Love”)
    is not anyone's words: it goes on into the sentence, or every word of it is capitalised.
    """
    for a, b in quote_regions(sentence):
        words = re.findall(r"[\w’'-]+", sentence[a:b])
        ends_clause = re.match(r"\s*(?:[.,;:!?)—–]|$)", sentence[b:]) or re.search(
            r"[.,;:!?]\W?$", sentence[a:b]
        )
        titled = sum(w[:1].isupper() for w in words) >= 0.6 * len(words)
        if len(words) >= 3 and ends_clause and not titled:
            return True
    return False


def _opens_quote(sentence: str) -> bool:
    """Return whether a sentence opens with a quotation of a few words or more ("“So I…,” a…")."""
    regions = quote_regions(sentence)
    return bool(regions) and regions[0][0] == 0 and regions[0][1] - regions[0][0] > 20


def _colon_speaker(sentence: str, names: NameIndex, offset: int, lexicon: Lexicon) -> str | None:
    """Return the person whose quotation follows a colon after them ("X had one worry: “…”")."""
    if not _COLON_QUOTE.search(sentence):
        return None
    span = main_subject(sentence, lexicon)
    if span is None or span[1] > sentence.index(":"):
        return None
    subject = sentence[span[0] : span[1]]
    if subject.lower() in lexicon.pronouns or not is_person_like(subject, lexicon):
        return None  # "She apologizes: “…”" in a review is the character, not a speaker
    if lexicon.nouns_capitalised and " " not in subject and not names.knows(subject):
        return None  # "Kurzes Aufwachen: »…«": every German noun is capitalised
    if not names_party(subject, lexicon):
        return None
    return names.fullest(subject, offset + span[0])


def _only_attribution(
    quote: str, mention: str, group: list[Attribution], sentence: Sentence, lexicon: Lexicon
) -> bool:
    """Return whether a span holds only who said it and when ("Yahoo Finance reported")."""
    rest = quote
    for att in group:
        rest = rest.replace(sentence.text[att.verb_start : att.verb_end], " ")
    if mention:
        rest = rest.replace(mention, " ")
    rest = TIME_TAIL.sub("", " " + rest.strip(" ,.;:"))
    # "As Steven Levy reported", "According to a blog post for InfoAmazonia": what is left is
    # "as" or the document the source said it in, still no content (but "The ministry denied
    # the reports": the object of a verb is what was said).
    if not re.search(r"\w", rest):
        return True
    aside = quote.lstrip().lower().startswith("as ")
    if not aside and all(att.pattern != "according to X" for att in group):
        return False
    words = re.findall(r"[\w’'-]+", rest.lower())
    return all(w in _ATTRIBUTION_WORDS or w in lexicon.document_nouns for w in words)


# Words an attribution holds besides its party and verb: "as", the document, its article
# (not "in": "X stated in their testimony," is a lead-in to a quotation that follows).
_ATTRIBUTION_WORDS = frozenset(
    (
        *("as", "a", "an", "the", "his", "her", "their", "its", "for", "by", "of"),
        *("from", "blog", "post", "posts", "article", "interview", "book", "essay", "column"),
    )
)


_ITEM_PREFIX = re.compile(r"[ \t]{2,}|[ \t]*(?:[-•*–]|\d{1,2}[.)])[ \t]+")
# A bullet or an item number opening a sentence's own text ("- the dam held", "• …").
_BULLET = re.compile(r"(?:[-•*–]|\d{1,2}[.)])[ \t]+")
# An item number the sentence splitter cut off on its own ("1." before "The dam held.").
_ITEM_NUMBER = re.compile(r"\d{1,2}[.)]")


def _quoted_run_end(text: str, sentences: list[Sentence], index: int, first_paragraph: int) -> int:
    """Return the last sentence of a list item's run starting at index: the sentences of the
    item's paragraph up to where the quotation open after index closes (else index alone)."""
    start = next(s.start for s in sentences if s.paragraph >= first_paragraph)
    last = index
    while (
        last + 1 < len(sentences)
        and sentences[last + 1].paragraph == sentences[index].paragraph
        and _open_quote(text[start : sentences[last].end])
    ):
        last += 1
    return last


def _quotation_run_end(text: str, sentences: list[Sentence], index: int, after: int) -> int:
    """Return the last sentence of the quotation left open after offset `after` of sentence
    index: the sentences of its paragraph up to the one where it closes (else index)."""
    sentence = sentences[index]
    if not _left_open(sentence.text[after:]):
        return index
    last = index
    while (
        last + 1 < len(sentences)
        and sentences[last + 1].paragraph == sentence.paragraph
        # (A quotation opening the next sentence shows where a paragraph ended in a text that
        # lost its line breaks: 'She said: "…. "…," …'.)
        and not reopens_quotation(text, sentences[last + 1].start)
        and _left_open(text[sentence.start + after : sentences[last].end])
    ):
        last += 1
    return last


def _left_open(passage: str) -> bool:
    """Return whether a passage ends inside a quotation it opened (German „…“ read as pairs)."""
    regions = quote_regions(passage)
    return bool(regions) and regions[-1][1] == len(passage) and passage[-1] not in '”“"'


def _open_quote(passage: str) -> bool:
    """Return whether a quotation is still open at the end of a passage of paragraphs.

    News style opens a quotation again at each paragraph (or list item) it runs on into: a
    quotation mark opening a paragraph while one is open is no closing one.
    """
    inside = False
    for line in passage.split("\n"):
        body = line.lstrip(" \t-•*–")
        if inside and body[:1] in '“«"':
            body = body[1:]
        for mark in re.findall(r"[“”«»\"]", body):
            inside = mark in "“«" or (mark == '"' and not inside)
    return inside


def _in_list(text: str, sentences: list[Sentence], index: int) -> bool:
    """Return whether a sentence is (part of) an indented or bulleted item of a list."""
    # The second sentence of an item stays in it while the paragraph goes on.
    first = index
    while first > 0 and sentences[first - 1].paragraph == sentences[index].paragraph:
        first -= 1
    opening = sentences[first]
    line_start = text.rfind("\n", 0, opening.start) + 1
    return bool(
        _ITEM_PREFIX.fullmatch(text[line_start : opening.start]) or _BULLET.match(opening.text)
    )


def _continued_quote(
    sentence: Sentence,
    party: str,
    known: list[str],
    aliases: Mapping[str, str] | None,
    lexicon: Lexicon,
    pattern: str = "quote continues",
) -> Suggestion:
    # "X had one worry: “…”": the statement is the quotation after the colon.
    lo = sentence.text.rindex(":") + 1 if pattern == "colon quote" else 0
    if pattern in ("list item", "lead-in"):
        bullet = _BULLET.match(sentence.text)
        lo = bullet.end() if bullet is not None else lo  # "- the dam held": not the dash
    start, end = _trim(sentence, lo, len(sentence.text))
    quote = sentence.text[start - sentence.start : end - sentence.start]
    return _quote_suggestion(
        quote,
        (start, end),
        (sentence.start, sentence.end),
        party,
        "",
        pattern,
        known,
        aliases,
        lexicon,
    )


def _remember_subject(
    text: str, sentence: Sentence, memory: PartyMemory, names: NameIndex, lexicon: Lexicon
) -> None:
    """Remember a sentence's subject when it is a person, for a later 'he' or 'she'.

    A lone surname counts only when the text named that person in full before ("Chad Morris").
    """
    described = _DESCRIBED_SUBJECT.match(sentence.text)
    if described is not None and is_person_like(described.group(1), lexicon):
        memory.remember(described.group(1))  # "Finally, one of the engineers, Ron Dolin, said"
        return
    span = subject_after_opening(sentence.text, lexicon)
    if span is None:
        return
    subject = sentence.text[span[0] : span[1]]
    words = subject.split()
    if len(words) > 1 and words[0].lower() in lexicon.leading_noise:
        subject = " ".join(words[1:])  # "So Page gave one.": Page
    if lexicon.nouns_capitalised and words[0].lower() in lexicon.non_party_starts:
        # "Bei Carlines Tweet ging es um …": a fronted phrase (a preposition), no subject.
        return
    role = _ARTICLE_ROLE_NAME.fullmatch(subject) if lexicon.language == "fr" else None
    if (
        role is not None
        and role.group(1).lower() in lexicon.definite_articles
        and role.group(2).lower() in lexicon.person_roles
    ):
        subject = role.group(3)  # "le journaliste Rémy Buisine": the person, by name
    if (
        " " not in subject
        and names.knows(subject)
        and _named_in_full(subject, text, sentence.start)
    ):
        memory.remember(subject)  # "Page" after "Larry Page", though "page" is a common noun
        return
    if not is_person_like(subject, lexicon):
        return
    if len(subject.split()) >= 2 or _named_in_full(subject, text, sentence.start):
        memory.remember(subject)


# An article, a role and a name: "le journaliste Rémy Buisine", "la ministre Léa Roux".
_ARTICLE_ROLE_NAME = re.compile(r"(\S+)\s+([\w-]+)\s+((?:[A-Z][\w’'-]+\s+){0,2}[A-Z][\w’'-]+)")


# A description, then the person's name between commas, then the verb ("Finally, one of the
# engineers in the room, Ron Dolin, started yelling").
_DESCRIBED_SUBJECT = re.compile(
    r"(?:[A-Z]\w+ly,\s+)?[^,“”\"]{1,60},\s+((?:[A-Z][\w’'.-]+\s+){1,2}[A-Z][\w’'-]+),\s+[a-z]"
)
# (Not an article: "The Israeli Government" names no one called Israeli.)
_FIRST_NAME_BEFORE = re.compile(r"(?!(?:The|A|An|This|That|These|Those)\s)[A-Z][\w’'-]+\s+$")


def _named_in_full(surname: str, text: str, end: int) -> bool:
    """Return whether text before end writes surname after a capitalised word ("Chad Morris").

    (Plain string search: a pattern per surname would push the fixed patterns out of the cache.)
    """
    at = text.find(surname, 0, end)
    while at >= 0:
        after = at + len(surname)
        bounded = after >= len(text) or not (text[after].isalnum() or text[after] == "_")
        if bounded and _FIRST_NAME_BEFORE.search(text, max(0, at - 40), at):
            return True
        at = text.find(surname, at + 1, end)
    return False
