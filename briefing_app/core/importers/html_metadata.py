"""Metadata signals a web page carries (JSON-LD, OpenGraph, meta tags, byline markup).

`collect_signals` reads them from a parsed tree without changing it; `html.py` combines them
with what trafilatura found, by rules measured with benchmarks/import_quality.py.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from lxml.html import HtmlElement, fromstring, tostring

from briefing_app.core.importers.html_furniture import in_furniture, is_credits_line
from briefing_app.core.text.dates import parse_date

# schema.org types whose headline/author/date describe the article itself.
ARTICLE_TYPES = {
    "article",
    "newsarticle",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "backgroundnewsarticle",
    "reviewnewsarticle",
    "blogposting",
    "liveblogposting",
    "socialmediaposting",
    "techarticle",
    "scholarlyarticle",
    "report",
    "posting",
}
_MAX_JSON_LD_CHARS = 2_000_000
# Metadata named for publication, in the order they are trusted.
PUBLISHED_META = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "publishdate",
    "publish-date",
    "pubdate",
    "parsely-pub-date",
    "dc.date.issued",
    "citation_publication_date",
)


@dataclass
class PageSignals:
    """Every candidate value found in a page, by where it came from."""

    ld_headline: str = ""
    ld_authors: list[str] = field(default_factory=list)
    ld_other_authors: list[list[str]] = field(default_factory=list)
    ld_published: str = ""
    ld_publisher: str = ""
    ld_website: str = ""
    ld_url: str = ""
    ld_article_body: str = ""
    meta: dict[str, str] = field(default_factory=dict)
    title_element: str = ""
    h1: list[str] = field(default_factory=list)
    canonical: str = ""
    markup_authors: list[str] = field(default_factory=list)
    byline_texts: list[str] = field(default_factory=list)
    profile_links: list[str] = field(default_factory=list)
    author_class_texts: list[str] = field(default_factory=list)
    by_author_texts: list[str] = field(default_factory=list)
    time_published: str = ""
    shown_published: str = ""
    time_datetimes: list[str] = field(default_factory=list)
    logo_alts: list[str] = field(default_factory=list)
    standfirst: str = ""


def clean_space(value: object) -> str:
    """Return value as one line of text with runs of whitespace collapsed."""
    # Values in JSON-LD and meta attributes are sometimes HTML-escaped twice ("&amp;#8217;").
    return " ".join(html.unescape(str(value)).split()) if value is not None else ""


def collect_signals(tree: HtmlElement) -> PageSignals:
    """Read every metadata signal from tree (read-only)."""
    signals = PageSignals()
    for el in tree.iterfind(".//meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        value = clean_space(el.get("content"))
        if key and value and key not in signals.meta:
            signals.meta[key] = value
    title = tree.find(".//title")
    if title is not None:
        signals.title_element = clean_space(title.text_content())
    signals.h1 = [t for t in (headline_text(h) for h in tree.iterfind(".//h1")) if t]
    for link in tree.iterfind(".//link"):
        if (link.get("rel") or "").lower() == "canonical" and link.get("href"):
            signals.canonical = link.get("href", "").strip()
            break
    # After the page's own address and headline: they tell its article from other stories'.
    _read_json_ld(tree, signals)
    signals.markup_authors = _markup_authors(tree)
    signals.byline_texts = _classed_texts(tree, "byline")
    signals.profile_links = _names_in_first_group(tree, _PROFILE_LINKS, after_by=True)
    signals.author_class_texts = _classed_texts(tree, "author")
    signals.by_author_texts = _classed_texts(tree, "author", after_by=True)
    page = _PageIdentity(signals)
    signals.time_published = _time_published(tree, page)
    named = [signals.ld_published, signals.time_published]
    if not any(parse_date(v) for v in [*named, *(signals.meta.get(k) for k in PUBLISHED_META)]):
        # Only a page without a publication date in its metadata is searched for a printed one.
        signals.shown_published = _shown_published(tree, page)
    signals.time_datetimes = _time_datetimes(tree)
    signals.logo_alts = _logo_alts(tree)
    signals.standfirst = _standfirst(tree)
    return signals


def _logo_alts(tree: HtmlElement) -> list[str]:
    """Return the alt text of the page's logo images (the site's name as the page spells it)."""
    alts = []
    for img in tree.iterfind(".//img"):
        where = " ".join(img.get(a) or "" for a in ("class", "id", "src", "alt")).lower()
        alt = clean_space(img.get("alt"))
        if "logo" in where and alt and len(alt.split()) <= 6:
            alts.append(re.sub(r"\s*\blogo\b\s*", " ", alt, flags=re.IGNORECASE).strip())
        if len(alts) >= 5:
            break
    return [a for a in alts if a]


_STANDFIRST_CLASS = re.compile(
    r"\b(?:standfirst|article-lead|article__lead|lede|dek|deck|intro|summary|teaser|"
    r"sub-?headline|subtitle|strapline|abstract|excerpt)\b",
    re.IGNORECASE,
)


# The lead sits right under the headline: on the dev pages within 21 elements after the <h1>;
# the marked-up "summaries" further away were teasers, captions or widgets.
STANDFIRST_REACH = 40


def _standfirst(tree: HtmlElement) -> str:
    """Return the lead paragraph printed under the headline (the standfirst), if marked up."""
    under_headline: set[HtmlElement] | None = None
    for el in tree.iter("p", "div", "h2"):
        if not _STANDFIRST_CLASS.search(el.get("class") or ""):
            continue
        text = clean_space(el.text_content())
        if not 40 <= len(text) <= 600 or in_furniture(el) or is_credits_line(el):
            # A "summary" in a ribbon of other stories or a side rail is not this article's,
            # nor a "subtitle" holding the author, the date and the share buttons.
            continue
        if under_headline is None:
            under_headline = _after_headlines(tree)
        if under_headline and el not in under_headline:
            continue
        return text
    return ""


def _after_headlines(tree: HtmlElement) -> set[HtmlElement]:
    """Return the elements just after each <h1> (empty when the page has none)."""
    near: set[HtmlElement] = set()
    for h1 in tree.iter("h1"):
        near.update(h1.xpath(f"following::*[position() <= {STANDFIRST_REACH}]"))
    return near


_KICKER_CLASS = re.compile(
    r"kicker|overline|dachzeile|topline|eyebrow|supertitle|super-title|roofline|spitzmarke|"
    r"visually-hidden|sr-only|screen-reader",
    re.IGNORECASE,
)


def headline_text(h1: HtmlElement) -> str:
    """Return a headline element's text without its kicker or section label.

    Pages put "Klimaschutz" or "Interne Unterlagen im Netz" in a span inside the <h1>; read
    whole, it glues onto the headline ("Interne Unterlagen im NetzDaten von …").
    """
    if not any(_is_kicker(node) for node in h1.iterdescendants()):
        return clean_space(h1.text_content())
    copy = fromstring(tostring(h1, encoding="unicode"))
    for node in [n for n in copy.iterdescendants() if _is_kicker(n)]:
        node.drop_tree()  # keeps the text after it
    text = clean_space(copy.text_content()) or clean_space(h1.text_content())
    return re.sub(r"^[\s:|–—·•-]+", "", text)  # the ": " between kicker and headline


def _is_kicker(node: HtmlElement) -> bool:
    return isinstance(node.tag, str) and bool(_KICKER_CLASS.search(node.get("class") or ""))


def _read_json_ld(tree: HtmlElement, signals: PageSignals) -> None:
    articles: list[dict[str, Any]] = []
    for script in tree.iterfind(".//script"):
        if "ld+json" not in (script.get("type") or "").lower():
            continue
        raw = (script.text or "").strip()
        if not raw or len(raw) > _MAX_JSON_LD_CHARS:
            continue
        data = _loads_lenient(raw)
        for obj in _walk(data):
            types = {t.lower() for t in _as_list(obj.get("@type")) if isinstance(t, str)}
            if types & ARTICLE_TYPES:
                articles.append(obj)
            elif "website" in types and not signals.ld_website:
                signals.ld_website = clean_space(obj.get("name") or "")
    # The article at this page's address or under its headline describes this page, else the
    # one with a headline and the most fields; others are teasers of other stories.
    page = _PageIdentity(signals)
    articles.sort(
        key=lambda o: (page.is_this(o), bool(o.get("headline")), bool(o.get("author"))),
        reverse=True,
    )
    # Pages with several article objects (teasers, a duplicate) may name the author on any one.
    signals.ld_other_authors = [_person_names(obj.get("author")) for obj in articles[1:5]]
    for obj in articles[:1]:
        signals.ld_headline = clean_space(obj.get("headline") or obj.get("name") or "")
        signals.ld_authors = _person_names(obj.get("author"))
        signals.ld_published = clean_space(obj.get("datePublished") or obj.get("dateCreated"))
        publisher = obj.get("publisher")
        if isinstance(publisher, list):
            publisher = publisher[0] if publisher else None
        if isinstance(publisher, dict):
            signals.ld_publisher = clean_space(publisher.get("name") or "")
        elif isinstance(publisher, str):
            signals.ld_publisher = clean_space(publisher)
        body = obj.get("articleBody")
        if isinstance(body, str):
            signals.ld_article_body = html.unescape(body).strip()
        url = obj.get("url") or obj.get("mainEntityOfPage")
        if isinstance(url, dict):
            url = url.get("@id") or url.get("url")
        if isinstance(url, str) and url.startswith("http"):
            signals.ld_url = url.strip()


class _PageIdentity:
    """The page's own address and headline, to tell its JSON-LD article from teasers."""

    def __init__(self, signals: PageSignals) -> None:
        self.urls = {_url_key(u) for u in (signals.canonical, signals.meta.get("og:url", ""))}
        self.urls.discard("")
        titles = [*signals.h1[:1], signals.meta.get("og:title", "")]
        self.titles = {_title_key(t) for t in titles}
        self.titles.discard("")

    def is_this(self, obj: dict[str, Any]) -> bool:
        """Return whether obj names this page's address or headline."""
        for value in (obj.get("url"), obj.get("mainEntityOfPage"), obj.get("@id")):
            if isinstance(value, dict):
                value = value.get("@id") or value.get("url")
            if isinstance(value, str) and _url_key(value) in self.urls:
                return True
        headline = obj.get("headline")
        return isinstance(headline, str) and _title_key(headline) in self.titles


# Readers' comments under the article: each carries its own date (older WordPress themes
# even mark it pubdate). A word at the start of the value or after - _ or a space.
_COMMENT_BLOCK = re.compile(r"(?:^|[\s_-])comments?(?:$|[\s_-])", re.IGNORECASE)


def _not_the_articles(el: HtmlElement, page: _PageIdentity) -> bool:
    """Return whether a dated element belongs to something else: a rail, a teaser, a comment."""
    if in_furniture(el, links=False) or _in_link_elsewhere(el, page):
        return True
    return any(
        _COMMENT_BLOCK.search(f"{a.get('class') or ''} {a.get('id') or ''}")
        for a in el.iterancestors()
    )


def _in_link_elsewhere(el: HtmlElement, page: _PageIdentity) -> bool:
    """Return whether el sits in a link to another page (a teaser card, not a permalink)."""
    for link in el.iterancestors("a"):
        if "bookmark" in (link.get("rel") or "").lower():
            return False  # WordPress wraps the article's own date in its permalink
        return _url_key(link.get("href") or "") not in page.urls
    return False


def _url_key(url: str) -> str:
    """Return an address without scheme, www., query, fragment or trailing slash."""
    url = url.strip().split("#")[0].split("?")[0].rstrip("/").lower()
    return re.sub(r"^(?:https?:)?//(?:www\.)?", "", url)


def _title_key(title: str) -> str:
    return " ".join(re.findall(r"\w+", html.unescape(title).lower()))


def _loads_lenient(raw: str) -> Any:
    raw = re.sub(r"^\s*(?://\s*)?<!\[CDATA\[|(?://\s*)?\]\]>\s*$", "", raw)
    for candidate in (raw, re.sub(r"[\x00-\x1f]+", " ", raw)):
        try:
            return json.loads(candidate)
        except ValueError:
            continue
    return None


def _walk(data: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    if depth > 6:
        return
    if isinstance(data, list):
        for item in data:
            yield from _walk(item, depth + 1)
    elif isinstance(data, dict):
        yield data
        graph = data.get("@graph")
        if graph is not None:
            yield from _walk(graph, depth + 1)
        main = data.get("mainEntity")
        if isinstance(main, dict | list):
            yield from _walk(main, depth + 1)


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _person_names(value: Any) -> list[str]:
    names: list[str] = []
    for item in _as_list(value):
        if isinstance(item, dict):
            types = {t.lower() for t in _as_list(item.get("@type")) if isinstance(t, str)}
            if types & {"organization", "newsmediaorganization", "corporation"}:
                continue
            name = item.get("name")
            if isinstance(name, list):
                names.extend(clean_space(n) for n in name if isinstance(n, str))
            elif isinstance(name, str):
                names.append(clean_space(name))
        elif isinstance(item, str):
            names.append(clean_space(item))
    return [n for n in names if n]


_BYLINE_CLASS = re.compile(r"byline|author", re.IGNORECASE)


_MARKUP_AUTHORS = (
    '//*[@itemprop="author"]//*[@itemprop="name"] | //a[@rel="author"] | '
    '//*[@itemprop="author"][not(.//*[@itemprop="name"])]'
)
# Links to an author's page ("/author/jane-roe") name the author in most CMSs.
_PROFILE_LINKS = " | ".join(
    f'//a[contains(@href, "/{part}/")]'
    for part in ("author", "authors", "autor", "auteur", "writer", "writers", "journalist")
)


def _markup_authors(tree: HtmlElement) -> list[str]:
    """Return the names marked up as the author (itemprop / rel=author) in the first byline."""
    return _names_in_first_group(tree, _MARKUP_AUTHORS)


def _names_in_first_group(tree: HtmlElement, xpath: str, after_by: bool = False) -> list[str]:
    """Return the texts of matches near the first match (later ones belong to teasers).

    With after_by, only matches in a line that starts with "By" (the article's byline) count.
    """
    found: list[str] = []
    scope: HtmlElement | None = None
    matches = tree.xpath(xpath)
    if after_by:
        # Links to author pages also fill menus of columnists: only a "By ..." line counts.
        matches = [el for el in matches if _BY_LINE.match(_parent_text(el))]
    for el in matches:
        if scope is None:
            scope = _ancestor(el, 3)
        elif not _is_inside(el, scope):
            continue
        text = clean_space(el.get("content") or el.text_content())
        if text and len(text) < 80 and text not in found:
            found.append(text)
    return found


_BY_LINE = re.compile(r"^(?:by|von|par|por|di|door)\b", re.IGNORECASE)


def _parent_text(el: HtmlElement) -> str:
    parent = el.getparent()
    return clean_space(parent.text_content())[:200] if parent is not None else ""


def _ancestor(el: HtmlElement, levels: int) -> HtmlElement:
    for _ in range(levels):
        parent = el.getparent()
        if parent is None:
            break
        el = parent
    return el


def _is_inside(el: HtmlElement, scope: HtmlElement) -> bool:
    return any(a is scope for a in el.iterancestors())


def _classed_texts(tree: HtmlElement, word: str, after_by: bool = False) -> list[str]:
    """Return the first short text of an element whose class names word ('byline', 'author').

    With after_by, only a text that starts with "By" counts (it is a byline, not a teaser).
    """
    upper = word.upper()
    for el in tree.xpath(
        f'//*[contains(translate(@class, "{upper}", "{word}"), "{word}")]'
        "[not(self::script or self::style or self::img)]"
    ):
        text = clean_space(el.text_content())
        if text and len(text.split()) <= 6 and (not after_by or _BY_LINE.match(text)):
            return [text]
    return []


_MAX_TIMES = 50  # a page listing a thousand comments with times is read no further


def _time_datetimes(tree: HtmlElement) -> list[str]:
    """Return the datetime attributes of the page's first <time> elements (local offsets)."""
    values: list[str] = []
    for el in tree.iter("time"):
        value = (el.get("datetime") or "").strip()
        if value and len(value) <= 40:
            values.append(value)
            if len(values) >= _MAX_TIMES:
                break
    return values


def _time_published(tree: HtmlElement, page: _PageIdentity) -> str:
    for el in tree.xpath('//*[@itemprop="datePublished"] | //time[@pubdate]')[:_MAX_TIMES]:
        if _not_the_articles(el, page):
            continue  # a side rail, a "most read" list, a card, a reader's comment
        value = el.get("content") or el.get("datetime") or clean_space(el.text_content())
        if value:
            return clean_space(value)
    return ""


# The date a page prints as its publication: hAtom's class="published" (WordPress's
# "entry-date published"), else a line labelled "Published …" in one of the page languages;
# an "Updated …" part of the same line is cut off.
_HATOM_PUBLISHED = '//*[contains(@class, "published")]'  # the whole word is checked after
_PUBLISHED_LABEL = re.compile(
    r"(?:^|[.|·•;]\s*)(?:first\s+|originally\s+)?(?:published|posted|veröffentlicht|erschienen|"
    r"publié|publicado|pubblicato|gepubliceerd|julkaistu|opublikowano|publicerad|publiceret)"
    r"(?:\s+(?:on|am|le|el|em|il|op))?\s*:?\s*",
    re.IGNORECASE,
)
_UPDATED_LABEL = re.compile(
    r"\b(?:last\s+)?(?:updated|modified|edited|aktualisiert|editiert|mis à jour|actualizado|"
    r"atualizado|aggiornato|bijgewerkt|päivitetty|zaktualizowano|uppdaterad|opdateret)\b",
    re.IGNORECASE,
)
_MAX_LABEL_HITS = 20  # a page of a thousand "Posted" comments costs no more than this
# Text nodes holding a label's stem, found by libxml2 before any Python regex runs.
_LABEL_STEMS = ("ubli", "UBLI", "ubbli", "osted", "OSTED", "ffentlicht", "rschienen", "ulkaist")
_LABEL_TEXTS = "//text()[string-length(.) <= 300][{}]".format(
    " or ".join(f'contains(., "{s}")' for s in _LABEL_STEMS)
)


def _shown_published(tree: HtmlElement, page: _PageIdentity) -> str:
    """Return the publication date the page prints (hAtom or a labelled line), or ''."""
    hatom = [el for el in tree.xpath(_HATOM_PUBLISHED) if "published" in el.get("class").split()]
    for el in hatom[:_MAX_LABEL_HITS]:
        if _not_the_articles(el, page):
            continue
        value = el.get("datetime") or el.get("content") or clean_space(el.text_content()[:300])
        if parse_date(value[:80]):
            return clean_space(value[:80])
    hits = 0
    for text in tree.xpath(_LABEL_TEXTS):
        el = text.getparent()
        if not text.is_text or el.tag in ("script", "style", "title"):
            continue
        match = _PUBLISHED_LABEL.search(text)
        if not match:
            continue
        hits += 1
        if hits > _MAX_LABEL_HITS:
            break
        if _not_the_articles(el, page):
            continue
        rest = text[match.end() :]
        if len(rest.strip()) < 6:
            # "Published <time>14 May 2023</time>": the date is in the next element.
            whole = clean_space(el.text_content()[:600])[:300]
            found = _PUBLISHED_LABEL.search(whole)
            rest = whole[found.end() :] if found else ""
        date_text = _UPDATED_LABEL.split(rest, maxsplit=1)[0].strip(" |·•;,-")[:80]
        if parse_date(date_text):
            return date_text  # else "Posted in Politics": look on
    return ""
