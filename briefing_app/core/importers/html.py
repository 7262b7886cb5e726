"""Saved web pages (.html, .htm): article text by trafilatura, metadata from every signal.

The page is parsed once; the metadata signals are read from that tree (html_metadata.py), then
trafilatura runs once on it (it works on its own copy). readability-lxml is a second opinion only
when trafilatura finds no text. The rules that combine the signals were measured on real pages
with benchmarks/import_quality.py.
"""

from __future__ import annotations

import logging
import re
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from lxml.html import HtmlElement

from briefing_app.core.errors import CorruptFile, FileTooLarge
from briefing_app.core.importers.base import ExtractedDocument, register
from briefing_app.core.importers.decoding import decode_html
from briefing_app.core.importers.html_furniture import drop_controls
from briefing_app.core.importers.html_metadata import (
    PUBLISHED_META,
    PageSignals,
    clean_space,
    collect_signals,
)
from briefing_app.core.text.dates import month_names, parse_date, partial_date

# Pages larger than this are not articles (a saved app, a data dump); parsing them would stall.
MAX_HTML_BYTES = 20 * 1024 * 1024
SHORT_TEXT_CHARS = 1000
MAX_MARKUP_AUTHORS = 4
# HTML5's empty elements that libxml2's (HTML 4) parser does not know: written without a closing
# slash, as HTML5 allows, it nests the rest of the parent inside them, and trafilatura then drops
# that text with the element (two of four paragraphs after one `<embed src=…>`).
_VOID_UNKNOWN_TO_LIBXML2 = ("embed", "source", "track", "wbr", "keygen")

logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)
logging.getLogger("readability").setLevel(logging.CRITICAL)


@register(".html", ".htm", ".xhtml", format_name="html")
def extract_html_file(path: Path, data: bytes) -> ExtractedDocument:
    """Extract an article from a saved web page."""
    if len(data) > MAX_HTML_BYTES:
        raise FileTooLarge(
            f"web page is {len(data) // 2**20} MB; the limit is {MAX_HTML_BYTES // 2**20} MB"
        )
    doc = extract_html(decode_html(data))
    doc.title = doc.title or path.stem
    return doc


def parse_html(html: str) -> HtmlElement:
    """Parse HTML text into an lxml tree as trafilatura does; raise CorruptFile if it is not."""
    from trafilatura.utils import load_html

    try:
        tree = load_html(html)
    except (ValueError, TypeError) as exc:
        raise CorruptFile("not a readable web page") from exc
    if tree is None:
        raise CorruptFile("not a readable web page")
    _empty_void_elements(tree)
    return tree


def _empty_void_elements(tree: HtmlElement) -> None:
    """Move what the parser nested inside an empty element back after it, where the page has it."""
    for element in list(tree.iter(*_VOID_UNKNOWN_TO_LIBXML2)):
        children = list(element)
        if not children and not element.text:
            continue
        after = element.tail or ""
        element.tail, element.text = element.text, None
        parent = element.getparent()
        if parent is None:
            continue
        at = parent.index(element)
        for offset, child in enumerate(children, 1):
            parent.insert(at + offset, child)  # moves it out of element
        last = children[-1] if children else element
        last.tail = ((last.tail or "") + after) or None


def extract_html(html: str, *, url: str = "") -> ExtractedDocument:
    """Extract the article text and metadata from HTML text (also used for e-mail and MHTML)."""
    tree = parse_html(html)
    return extract_tree(tree, html, url=url)


def extract_tree(tree: HtmlElement, html: str, *, url: str = "") -> ExtractedDocument:
    """Extract from a parsed page (its controls are dropped); html feeds the fallbacks."""
    import trafilatura

    signals = collect_signals(tree)
    # After the signals (a control may hold a date or a name), before the article text.
    drop_controls(tree)
    result: Any = trafilatura.bare_extraction(
        tree,
        url=url or None,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        # Measured on the dev pages: recall mode loses less of the article (body F1 0.946
        # vs 0.939, no slower) but keeps a little more boilerplate (snippets 0.87 vs 0.92).
        favor_recall=True,
    )
    found = _as_dict(result)
    text = found.get("text") or ""
    if len(text) < SHORT_TEXT_CHARS:
        # Recall mode sometimes settles on a teaser block; on a short result only, ask the
        # balanced mode too and keep the longer text (measured: a few pages in a hundred).
        balanced: Any = trafilatura.bare_extraction(
            tree, include_comments=False, include_tables=True
        )
        other = (getattr(balanced, "text", None) or "") if balanced is not None else ""
        if len(other) > len(text):
            text = other
    body = signals.ld_article_body
    if len(body) >= 500 and len(text) < 0.6 * len(body):
        # The publisher's own articleBody is the article; trafilatura missed a large part of it.
        text = body
    if len(text.strip()) < 200:
        second = _readability_text(html)
        if len(second) > len(text.strip()):
            text = second
    outlet = choose_outlet(signals, found)
    title = choose_title(signals, found, outlet)
    address = choose_url(signals, found, url)
    language = _language(tree, signals.meta, found)
    doc = ExtractedDocument(
        text=arrange_body(text, title, signals.standfirst),
        title=title,
        byline=choose_byline(signals, found, outlet),
        outlet=outlet,
        published=choose_published(signals, found, address, html, language),
        url=address,
        language=language,
    )
    return doc


def arrange_body(text: str, title: str, standfirst: str = "") -> str:
    r"""Return the body as paragraphs separated by blank lines, without a repeated headline.

    The standfirst (the lead under the headline) opens the body when the extractor dropped it.

    >>> arrange_body("Big News\nFirst line.\nSecond line.", "Big News")
    'First line.\n\nSecond line.'
    """
    paragraphs = [" ".join(line.split()) for line in text.splitlines()]
    paragraphs = [p for p in paragraphs if p]
    if title:
        # The headline again as an opening paragraph (before or after the lead).
        head = [p for p in paragraphs[:3] if _key(p) != _key(title)]
        paragraphs = head + paragraphs[3:]
    if standfirst and _key(standfirst[:80]) not in _key(" ".join(paragraphs[:3])):
        paragraphs.insert(0, standfirst)
    return "\n\n".join(paragraphs)


def _as_dict(result: Any) -> dict[str, Any]:
    if result is None:
        return {}
    if isinstance(result, dict):
        return result
    return {
        name: getattr(result, name, None)
        for name in ("title", "author", "date", "sitename", "url", "text", "language")
    }


def _readability_text(html: str) -> str:
    """Return readability-lxml's article text, or '' when it finds none."""
    try:
        from lxml.html import fromstring
        from readability import Document

        summary = Document(html).summary(html_partial=True)
        root = fromstring(summary)
    except Exception:  # readability raises bare Exceptions on odd pages; it is only a fallback
        return ""
    blocks = []
    for el in root.iter("p", "h1", "h2", "h3", "h4", "li", "blockquote", "pre", "td"):
        line = clean_space(el.text_content())
        if line:
            blocks.append(line)
    return "\n\n".join(blocks) if blocks else clean_space(root.text_content())


# ---- combining the signals ---------------------------------------------------------------

_SEPARATORS = r"\s*:\s+|\s+[|\-–—:·•»/]\s+|\s+[|–—·•»]\s*|\s*[|–—·•»]\s+"


def choose_title(signals: PageSignals, found: dict[str, Any], outlet: str) -> str:
    """Return the headline: an <h1> like a meta title, else JSON-LD, og, Twitter, <title>."""
    meta_titles = [
        signals.ld_headline,
        signals.meta.get("og:title", ""),
        signals.meta.get("twitter:title", ""),
        signals.title_element,
    ]
    # trafilatura's own title comes last: without meta titles it is just the first <h1>.
    candidates = [*meta_titles, clean_space(found.get("title"))]
    site_names = _site_names(signals, found, outlet)
    title = next((c for c in candidates if c), "")
    # The headline a reader sees is the page's <h1>; meta titles are often rewritten for search
    # engines or social media. Trust an <h1> only when it resembles a meta title, because pages
    # also use <h1> for the site logo or section names.
    site_keys = {_key(n) for n in site_names}
    best, best_score = "", 0.0
    for h1 in signals.h1:
        if _key(h1) in site_keys:
            continue
        score = max((_dice(h1, c) for c in meta_titles if c), default=0.0)
        if score > best_score:
            best, best_score = h1, score
    if best_score >= 0.5:
        return strip_site_name(best, site_names)
    return strip_site_name(title, site_names)


def _dice(a: str, b: str) -> float:
    """Return the Dice overlap of the word sets of a and b (0..1)."""
    wa, wb = set(re.findall(r"\w+", a.lower())), set(re.findall(r"\w+", b.lower()))
    if not wa or not wb:
        return 0.0
    return 2 * len(wa & wb) / (len(wa) + len(wb))


def strip_site_name(title: str, site_names: list[str]) -> str:
    """Remove a leading or trailing site name joined by a separator (' | Site', 'Site: ')."""
    parts = re.split(f"({_SEPARATORS})", title)
    if len(parts) < 3:
        return title
    keys = {_key(n) for n in site_names if n}
    # Trailing site name: "Headline | Site" (possibly "Headline | Section | Site").
    while len(parts) >= 3 and _key(parts[-1]) in keys:
        parts = parts[:-2]
    while len(parts) >= 3 and _key(parts[0]) in keys:
        parts = parts[2:]
    return "".join(parts).strip()


def _key(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.lower())


def _site_names(signals: PageSignals, found: dict[str, Any], outlet: str) -> list[str]:
    names = [
        outlet,
        signals.meta.get("og:site_name", ""),
        signals.ld_publisher,
        signals.ld_website,
        signals.meta.get("application-name", ""),
        clean_space(found.get("sitename")),
    ]
    host = urlparse(choose_url(signals, found, "")).hostname or ""
    if host:
        bare = host.removeprefix("www.")
        names += [bare, bare.split(".")[0]]
    return [n for n in names if n]


_BY = re.compile(r"^(?:by|von|par|por|di|door|from)\s*:?\s+", re.IGNORECASE)
# Degrees and credentials printed after a name ("Jane Roe MS, RDN") are not part of it.
_CREDENTIAL = re.compile(
    r"^(?:MS|MA|MSc|BSc|BA|MD|PhD|Ph\.D\.|RD|RDN|LD|LDN|CDN|CDE|MPH|RN|DO|JD|MBA|CPT|CSCS|"
    r"Jr\.?|Sr\.?|MFA|LCSW|FACP|DVM|PharmD|NP|PA-C|CFP|CPA)$"
)
_TRAILING_WORDS = re.compile(r"\s+(?:published|updated|posted|last updated)\b.*$", re.IGNORECASE)
# Placeholders that CMSs put where an author should be.
_NOT_NAMES = {"username", "noauthor", "admin", "unknown", "anonymous", "staff", "editor"}
_AUTHOR_META = ("author", "article:author", "dc.creator", "dcterms.creator", "byl")


def choose_byline(signals: PageSignals, found: dict[str, Any], outlet: str) -> str:
    """Return the author names: JSON-LD persons, then meta author, trafilatura, then markup."""
    site_keys = {k for k in (_key(n) for n in _site_names(signals, found, outlet)) if len(k) >= 3}
    meta_names = [v for k, v in signals.meta.items() if k in _AUTHOR_META or _vendor_author(k)]
    sources = [
        signals.ld_authors,
        [n for v in meta_names for n in _split_names(v)],
        *signals.ld_other_authors,
        signals.markup_authors,
        signals.byline_texts,
        signals.by_author_texts,
        signals.profile_links,
        _split_names(clean_space(found.get("author"))),
        signals.author_class_texts,
    ]
    for position, names in enumerate(sources):
        kept = [clean_name(n) for n in names]
        kept = [n for n in kept if n and _is_name(n) and not _is_site(n, site_keys)]
        if position > 0 and len(set(kept)) > MAX_MARKUP_AUTHORS:
            # Past the structured data, a long list of names is a menu of columnists.
            continue
        # "Jane Roe, The Associated Press": drop organisations when a person is named.
        people = [n for n in kept if not n.lower().startswith("the ")]
        if people:
            return ", ".join(_distinct_names(people))
        if kept:
            return ", ".join(_distinct_names(kept))
    return ""


def _distinct_names(names: list[str]) -> list[str]:
    """Return each name once, whatever its case, in its mixed-case spelling when there is one.

    A page can give one author twice ("Jeffrey Gettleman" in `author`, "By JEFFREY
    GETTLEMAN" in `byl`); the byline and every note's source line named him twice.

    >>> _distinct_names(["JEFFREY GETTLEMAN", "Jeffrey Gettleman", "Anna Roe"])
    ['Jeffrey Gettleman', 'Anna Roe']
    """
    spelling: dict[str, str] = {}
    for name in names:
        key = name.casefold()
        if key not in spelling or (spelling[key].isupper() and not name.isupper()):
            spelling[key] = name
    return list(spelling.values())


def _vendor_author(key: str) -> bool:
    # Analytics and CMS vendors publish the author under their own prefix ("parsely-author").
    return key.endswith(("-author", ":author", ".author")) and not key.startswith("twitter")


def _is_site(name: str, site_keys: set[str]) -> bool:
    key = _key(name)
    return any(key == k or (len(k) >= 5 and k in key) for k in site_keys)


def _split_names(value: str) -> list[str]:
    parts = re.split(r"\s*[;|]\s*|\s*,\s*(?:and\s+)?|\s+(?:and|und|et|e|y)\s+", value)
    # "Jane Roe & John Doe" are two people; "Telegram & Gazette" is one outlet.
    parts = [q for p in parts for q in _split_ampersand(p)]
    if len(parts) > 1:
        # In a list of names a lone word is an agency or the tail of an outlet's name.
        parts = [p for p in parts if len(p.split()) > 1] or parts
    return [p for p in parts if p and not _CREDENTIAL.match(p.strip())]


def _split_ampersand(part: str) -> list[str]:
    pieces = [p.strip() for p in part.split("&")]
    if len(pieces) > 1 and all(len(p.split()) >= 2 for p in pieces):
        return pieces
    return [part]


def clean_name(name: str) -> str:
    """Strip 'By', credentials, trailing 'Published ...' and stray punctuation from a name."""
    name = _BY.sub("", clean_space(name)).strip(" ,;:|-–—·")
    name = _TRAILING_WORDS.sub("", name)
    words = name.split()
    while len(words) > 1 and _CREDENTIAL.match(words[-1].strip(",")):
        words.pop()
    return " ".join(words).strip(" ,;:|-–—·")


def _is_name(name: str) -> bool:
    if name.startswith(("http://", "https://", "@")) or "/" in name or "www." in name.lower():
        return False
    if re.search(r"\w\.(?:com|org|net|co|de|fr|uk|it|es|jp)\b", name.lower()):
        return False
    if any(ch.isdigit() for ch in name) or _key(name) in _NOT_NAMES:
        return False
    if re.search(r"\b(?:staff|reporters?|editors?|team|desk|newsroom)\b", name, re.IGNORECASE):
        return False
    words = name.split()
    return 1 <= len(words) <= 5 and any(ch.isalpha() for ch in name)


# Metadata that only says "date": on some pages it is the last update (Reuters' sailthru.date).
_GENERIC_DATE_META = ("sailthru.date", "dc.date", "dcterms.date", "date")
# A day in the page's address ("/2023/05/14/"): the address is made when the story first runs.
_URL_DAY = re.compile(r"/((?:19|20)\d\d)[/-](\d{1,2})[/-](\d{1,2})(?=[/.-]|$)")


def choose_published(
    signals: PageSignals,
    found: dict[str, Any],
    url: str = "",
    html: str = "",
    language: str = "",
) -> str | None:
    """Return the publication day: JSON-LD, then article/meta dates, then markup, then the date
    the page prints as published, then generic date metadata and htmldate (which may settle on
    an update, so a day in the page's address before theirs wins)."""
    named = [signals.ld_published]
    named += [signals.meta.get(k, "") for k in PUBLISHED_META]
    named += [signals.time_published, signals.shown_published]
    generic = [signals.meta.get(k, "") for k in _GENERIC_DATE_META]
    hints = [*named, *generic, *signals.time_datetimes]
    us = _locale(language, signals.meta.get("og:locale", "")).startswith("en-us")
    for value in named:
        day = _local_day(value, hints) or parse_date(value, month_first=us)
        if day:
            return day
    url_day = _url_day(url)
    guessed = parse_date(found.get("date"))
    if guessed and guessed.endswith("-01") and not _writes_first_of_month(html, guessed):
        # htmldate turns a bare year or month ("© 2025", "March 2024") into its first day.
        guessed = None
    for value in [*generic, guessed or ""]:
        weak = _local_day(value, hints) or parse_date(value, month_first=us)
        if weak:
            return url_day if url_day and url_day < weak else weak
    return url_day


def _locale(language: str, og_locale: str) -> str:
    """Return the page's locale ("en-us"): its language, with og:locale's country when the
    language names none (<html lang="en"> beside og:locale en_US, as WordPress writes)."""
    lang = language.strip().lower().replace("_", "-")
    og = og_locale.strip().lower().replace("_", "-")
    if "-" not in lang and og.split("-")[0] == (lang or og.split("-")[0]):
        return og
    return lang


def _writes_first_of_month(html: str, day: str) -> bool:
    """Return whether the page writes day (the 1st of a month) in any common form.

    Every such form names the year, so only a few characters around each mention of the year
    are searched: a large page full of digits costs no more than finding the year in it.
    """
    year, month = day[:4], int(day[5:7])
    names = "|".join(re.escape(n) for n in month_names(month))
    form = re.compile(
        rf"{year}[-/.]0?{month}[-/.]0?1\b|\b0?1[-/.]0?{month}[-/.]{year}|{year}{month:02d}01|"
        rf"\b(?:{names})\.?\s+0?1(?:st)?\b|\b0?1(?:st|er|º)?\.?\s+(?:de\s+)?(?:{names})\b",
        re.IGNORECASE,
    )
    at = html.find(year)
    for _ in range(_MAX_YEAR_MENTIONS):
        if at < 0:
            return False
        if form.search(html, max(0, at - 30), at + 30):
            return True
        at = html.find(year, at + 4)
    return False


_MAX_YEAR_MENTIONS = 2000


def _local_day(value: str, hints: list[str]) -> str | None:
    """Return the page's local day for a UTC time that the page also writes with its offset.

    "2024-02-15T02:30:00Z" in the metadata is 21:30 on the 14th in New York; when the page's
    <time> says "2024-02-14T21:30:00-05:00", the 14th is the day its readers saw printed.
    """
    moment = _aware(value)
    if moment is None or moment.utcoffset() != timedelta(0):
        return None
    for hint in hints:
        local = _aware(hint)
        if local is not None and local.utcoffset() and abs(local - moment) < timedelta(minutes=1):
            return local.date().isoformat()
    return None


def _aware(value: str) -> datetime | None:
    """Return an ISO date-time with an explicit offset ("Z", "+01:00"), else None."""
    text = value.strip()
    if not 16 <= len(text) <= 40 or text[10:11] not in ("T", " "):
        return None
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


def _url_day(url: str) -> str | None:
    match = _URL_DAY.search(url)
    return partial_date(match[1], match[2], match[3]) if match else None


def choose_outlet(signals: PageSignals, found: dict[str, Any]) -> str:
    """Return the outlet: the JSON-LD publisher, then og:site_name, then trafilatura's site name.

    The publisher names the organisation; og:site_name is sometimes a section ("U.S.").
    """
    for value in (
        signals.ld_publisher,
        signals.meta.get("og:site_name", ""),
        signals.ld_website,
    ):
        if value:
            return value
    guessed = clean_space(found.get("sitename"))
    return _spelled_out(guessed, signals) or guessed


def _spelled_out(guessed: str, signals: PageSignals) -> str:
    """Return the page's own spelling of a site name guessed from its domain, if it has one.

    trafilatura names "dailynewsegypt.com" "Dailynewsegypt"; the <title> suffix, the
    application name or the logo's alt text spell it "Daily News Egypt".
    """
    if not guessed or " " in guessed:
        return ""
    domain = guessed.removeprefix("www.").split(".")[0]
    title_parts = re.split(_SEPARATORS, signals.title_element)
    options = [
        signals.meta.get("application-name", ""),
        *signals.logo_alts,
        *(title_parts[-1:] + title_parts[:1] if len(title_parts) > 1 else []),
    ]
    return next((o for o in options if o and _key(o) == _key(domain)), "")


def choose_url(signals: PageSignals, found: dict[str, Any], given: str) -> str:
    """Return the page's own address: canonical link, og:url, JSON-LD url, then trafilatura's."""
    for value in (
        given,
        signals.canonical,
        signals.meta.get("og:url", ""),
        signals.ld_url,
        clean_space(found.get("url")),
    ):
        if value and value.startswith(("http://", "https://")):
            return value
    return ""


# Meta tags that declare a page's language, after <html lang>: Dublin Core, the old
# name="language", and OpenGraph's locale ("fr_FR", which WordPress writes from its settings).
_LANGUAGE_META = ("dc.language", "language", "content-language", "og:locale")


def _language(tree: HtmlElement, meta: dict[str, str], found: dict[str, Any]) -> str:
    """Return the language the page declares ('' if none): import guesses one only then."""
    # lxml's HTML parser keeps xml:lang (XHTML) as a plain attribute name.
    declared = [tree.get("lang"), tree.get("xml:lang")]
    declared += [
        el.get("content")
        for el in tree.iterfind(".//meta[@http-equiv]")
        if el.get("http-equiv", "").strip().lower() == "content-language"
    ]
    declared += [meta.get(key) for key in _LANGUAGE_META]
    declared.append(found.get("language"))
    for value in declared:
        # "en, fr" (a page in two languages) names its first; "x-default" no language at all.
        first = str(value or "").split(",")[0].strip()
        if first and not first.lower().startswith(("x-", "und")):
            return first
    return ""
