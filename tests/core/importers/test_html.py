"""Saved web pages: article text without boilerplate, metadata from every signal."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing_app.core.errors import CorruptFile, FileTooLarge
from briefing_app.core.importers.base import extract_file
from briefing_app.core.importers.html import strip_site_name
from tests.conftest import write_fixture
from tests.core.importers.samples import (
    ARTICLE_PARAGRAPHS,
    dated_page,
    meta_only_page,
    mhtml_archive,
    news_page_with_json_ld,
)


def test_news_page_gives_article_text_and_json_ld_metadata(tmp_path: Path) -> None:
    doc = extract_file(write_fixture(tmp_path / "page.html", news_page_with_json_ld()))
    assert doc.title == "Embassy urges safety after attack on workers"
    assert doc.byline == "Jane Roe, John Doe"
    assert doc.outlet == "Example Times"
    assert doc.published == "2025-12-03"
    assert doc.url == "https://news.example.org/world/embassy-urges-safety"
    assert doc.format == "html"
    for paragraph in ARTICLE_PARAGRAPHS:
        assert paragraph in doc.text
    for boilerplate in ("Subscribe now", "Cookie recipes", "All rights reserved"):
        assert boilerplate not in doc.text


def test_page_with_only_meta_tags(tmp_path: Path) -> None:
    path = write_fixture(tmp_path / "old.htm", meta_only_page().encode("cp1252"))
    doc = extract_file(path)
    assert doc.title == "Border patrols reinforced"
    assert doc.byline == "Anna Müller"
    assert doc.published == "2024-03-07"
    assert ARTICLE_PARAGRAPHS[1] in doc.text
    assert "Imprint" not in doc.text


_LD_DATES = (
    '<script type="application/ld+json">{"@context": "https://schema.org", '
    '"@type": "NewsArticle", "headline": "Border patrols reinforced", '
    '"datePublished": "2024-02-15T13:20:00-05:00", '
    '"dateModified": "2024-03-01T09:00:00-05:00"}</script>'
    '<meta property="article:modified_time" content="2024-03-01T14:00:00Z">'
)


@pytest.mark.parametrize(
    ("head", "before_text", "expected"),
    [
        # The publisher's datePublished wins over a later update and an older photo caption:
        # neither is the day the article came out.
        (
            _LD_DATES,
            '<p class="updated">Updated March 1, 2024</p><figure><img src="a.jpg" '
            'alt="Oct 30, 2023; patrol boats"><figcaption>Oct 30, 2023; patrol boats on the '
            "river.</figcaption></figure>",
            "2024-02-15",
        ),
        # Without metadata: a <time datetime> in the article, a visible dateline, the address.
        ("", '<time datetime="2023-05-14T08:00:00+02:00">Sunday</time>', "2023-05-14"),
        ("", '<p class="date">Published 14 May 2023</p>', "2023-05-14"),
        (
            '<link rel="canonical" href="https://news.example.org/2023/05/14/border-patrols/">',
            "",
            "2023-05-14",
        ),
    ],
    ids=["json-ld-over-update-and-caption", "time-element", "dateline", "url"],
)
def test_published_day_is_the_one_the_page_gives_for_publication(
    tmp_path: Path, head: str, before_text: str, expected: str
) -> None:
    doc = extract_file(write_fixture(tmp_path / "page.html", dated_page(head, before_text)))
    assert doc.published == expected


@pytest.mark.parametrize(
    ("head", "before_text"),
    [
        ("", '<p class="meta">Updated 20 June 2023</p><p class="meta">Published 14 May 2023</p>'),
        ("", "<p>Last updated: June 20, 2023. First published: May 14, 2023</p>"),
        ("", "<p>Aktualisiert am 20. Juni 2023</p><p>Veröffentlicht am 14. Mai 2023</p>"),
        # Only the update has metadata; the page prints when it came out.
        (
            '<meta property="article:modified_time" content="2023-06-20T10:00:00Z">',
            '<p class="date">Published <time>14 May 2023</time></p>',
        ),
        # hAtom (WordPress themes): class="updated" before class="published".
        (
            "",
            '<time class="updated" datetime="2023-06-20T08:00:00+00:00">20 June 2023</time>'
            '<time class="entry-date published" datetime="2023-05-14T08:00:00+00:00">'
            "14 May 2023</time>",
        ),
    ],
    ids=["labelled-lines", "one-line", "german", "modified-meta-only", "hatom"],
)
def test_an_update_is_not_the_published_day(tmp_path: Path, head: str, before_text: str) -> None:
    doc = extract_file(write_fixture(tmp_path / "page.html", dated_page(head, before_text)))
    assert doc.published == "2023-05-14"


@pytest.mark.parametrize(
    ("head", "before_text", "expected"),
    [
        # A bare "date" meta holding the last update, later than the day in the address.
        (
            '<link rel="canonical" href="https://news.example.org/2023/05/14/border-patrols/">'
            '<meta name="date" content="2023-06-20">',
            "",
            "2023-05-14",
        ),
        # A generic date (sailthru.date: the update) gives way to the marked-up publication.
        (
            '<meta name="sailthru.date" content="2023-06-20T09:49:32Z">',
            '<time itemprop="datePublished" datetime="2023-05-14T12:25:36Z">May 14</time>',
            "2023-05-14",
        ),
        # An address dated the print edition's day does not overrule the publisher's own date.
        (
            '<link rel="canonical" href="https://news.example.org/2023/05/15/border-patrols/">'
            '<script type="application/ld+json">{"@type": "NewsArticle", '
            '"datePublished": "2023-05-14T22:00:00-04:00"}</script>',
            "",
            "2023-05-14",
        ),
    ],
    ids=["url-before-generic-meta", "generic-meta-after-markup", "print-day-in-url"],
)
def test_a_generic_date_holding_an_update_gives_way(
    tmp_path: Path, head: str, before_text: str, expected: str
) -> None:
    doc = extract_file(write_fixture(tmp_path / "page.html", dated_page(head, before_text)))
    assert doc.published == expected


@pytest.mark.parametrize(
    ("before_text", "expected"),
    [
        # The same moment written with New York's offset: its readers saw the 14th.
        ('<time datetime="2024-02-14T21:30:00-05:00">Feb 14, 2024 9:30 PM</time>', "2024-02-14"),
        # A <time> of another moment (a comment, an event) says nothing about the zone.
        ('<time datetime="2024-02-14T18:00:00-05:00">Feb 14, 2024 6 PM</time>', "2024-02-15"),
    ],
    ids=["same-moment-local", "other-moment"],
)
def test_a_utc_time_is_the_day_the_page_shows_in_its_own_zone(
    tmp_path: Path, before_text: str, expected: str
) -> None:
    head = '<meta property="article:published_time" content="2024-02-15T02:30:00Z">'
    doc = extract_file(write_fixture(tmp_path / "page.html", dated_page(head, before_text)))
    assert doc.published == expected


@pytest.mark.parametrize(
    ("before_text", "expected"),
    [
        # Only the footer's "© 2025" and an archive heading: no day is written.
        ("", None),
        ("<h2>Archive: March 2024</h2>", None),
        # The first of a month that the page does write stays.
        ("<p>Posted January 1st, 2025</p>", "2025-01-01"),
        ("<p>Am 1. März 2024 trat das Gesetz in Kraft.</p>", "2024-03-01"),
    ],
    ids=["copyright-year", "month-heading", "written-first", "written-first-german"],
)
def test_a_bare_year_or_month_is_not_made_into_a_day(
    tmp_path: Path, before_text: str, expected: str | None
) -> None:
    doc = extract_file(write_fixture(tmp_path / "page.html", dated_page("", before_text)))
    assert doc.published == expected


@pytest.mark.parametrize(
    ("lang", "expected"), [("en-US", "2023-04-05"), ("en-GB", "2023-05-04"), ("de", "2023-05-04")]
)
@pytest.mark.parametrize("printed", ["04/05/2023", "04/05/2023 at 10:32", "04/05/2023 | 10:32 BST"])
def test_a_slashed_date_is_read_as_the_pages_country_writes_it(
    tmp_path: Path, lang: str, expected: str, printed: str
) -> None:
    # With a time after it too: the day is read the same way as the bare date.
    page = dated_page("", f'<p class="meta">Published {printed}</p>')
    page = page.replace('lang="en"', f'lang="{lang}"')
    assert extract_file(write_fixture(tmp_path / "page.html", page)).published == expected


@pytest.mark.parametrize(
    ("lang", "og_locale", "expected"),
    [("en", "en_US", "2023-04-05"), ("", "en_US", "2023-04-05"), ("en-GB", "en_US", "2023-05-04"),
     ("de", "en_US", "2023-05-04")],
)  # fmt: skip
def test_a_page_saying_its_country_only_in_og_locale_is_read_as_it(
    tmp_path: Path, lang: str, og_locale: str, expected: str
) -> None:
    # <html lang="en"> names no country; og:locale en_US does (WordPress and Yoast write both).
    page = dated_page(
        f'<meta property="og:locale" content="{og_locale}">',
        '<p class="meta">Published 04/05/2023</p>',
    )
    page = page.replace('lang="en"', f'lang="{lang}"')
    assert extract_file(write_fixture(tmp_path / "page.html", page)).published == expected


_TEASER_LD = (
    '<script type="application/ld+json">{"@context": "https://schema.org", "@graph": ['
    '{"@type": "NewsArticle", "headline": "Ferry service resumes", "datePublished": "2021-06-02",'
    ' "url": "https://news.example.org/2021/ferry-service"},'
    '{"@type": "NewsArticle", "headline": "Border patrols reinforced",'
    ' "datePublished": "2024-02-15T13:20:00-05:00",'
    ' "url": "https://news.example.org/world/border-patrols"}]}</script>'
    '<link rel="canonical" href="https://news.example.org/world/border-patrols/">'
)


@pytest.mark.parametrize(
    ("head", "before_text"),
    [
        # JSON-LD listing another story first: the article at this page's address is this one.
        (_TEASER_LD, ""),
        # A "most read" rail or a card linking to another story, before the article's own date.
        (
            "",
            '<aside><time pubdate datetime="2021-06-02">2 June</time> Ferry service resumes'
            '</aside><p>By Anna Roe, <time pubdate datetime="2024-02-15">15 Feb 2024</time></p>',
        ),
        (
            "",
            '<div class="most-read"><span itemprop="datePublished" content="2021-06-02"></span>'
            'Ferry service resumes</div><span itemprop="datePublished" content="2024-02-15">'
            "</span>",
        ),
        (
            "",
            '<a href="/2021/ferry-service"><span itemprop="datePublished" content="2021-06-02">'
            "</span>Ferry service resumes</a>"
            '<a href="/world/border-patrols" rel="bookmark"><time pubdate datetime="2024-02-15">'
            "15 Feb 2024</time></a>",
        ),
        # A reader's comment, marked pubdate by older WordPress themes.
        (
            "",
            '<p class="meta">Published 15 February 2024</p>'
            '<section id="comments"><ol class="comment-list"><li><time pubdate '
            'datetime="2024-03-01T08:00">1 March 2024</time> Great piece!</li></ol></section>',
        ),
    ],
    ids=["json-ld-teaser-first", "aside", "most-read", "teaser-card-then-permalink", "comment"],
)
def test_another_storys_date_is_not_the_published_day(
    tmp_path: Path, head: str, before_text: str
) -> None:
    doc = extract_file(write_fixture(tmp_path / "page.html", dated_page(head, before_text)))
    assert doc.published == "2024-02-15"


def test_mhtml_save_goes_through_the_html_path(tmp_path: Path) -> None:
    url = "https://news.example.org/world/embassy-urges-safety"
    path = write_fixture(tmp_path / "saved.mhtml", mhtml_archive(news_page_with_json_ld(), url))
    doc = extract_file(path)
    assert doc.format == "mhtml"
    assert doc.title == "Embassy urges safety after attack on workers"
    assert doc.url == url
    assert ARTICLE_PARAGRAPHS[2] in doc.text


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Talks resume | Example Times", "Talks resume"),
        ("Talks resume - World - Example Times", "Talks resume - World"),
        ("Example Times: Talks resume", "Talks resume"),
        ("Talks resume: what we know", "Talks resume: what we know"),
    ],
)
def test_site_name_is_stripped_from_titles_only_when_it_is_the_site(
    title: str, expected: str
) -> None:
    assert strip_site_name(title, ["Example Times"]) == expected


@pytest.mark.parametrize(
    ("name", "data", "error", "message"),
    [
        ("junk.html", bytes(range(256)) * 40, CorruptFile, "binary"),
        ("bad-bom.html", b"\xef\xbb\xbf<html>\xff\xfe\xfa</html>", CorruptFile, "utf-8"),
        ("junk.mhtml", b"just some words, no MIME here", CorruptFile, "MHTML"),
        (
            "nothing.html",
            b"<html><body><script>var x = 1;</script></body></html>",
            CorruptFile,
            "no text",
        ),
    ],
)
def test_bad_web_pages_get_a_clear_error(
    tmp_path: Path, name: str, data: bytes, error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        extract_file(write_fixture(tmp_path / name, data))


def test_web_page_over_20_mb_is_refused_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "huge.html"
    with path.open("wb") as out:
        out.write(b"<html><body>")
        out.write(b"<p>filler text</p>" * (21 * 1024 * 1024 // 18))
    with pytest.raises(FileTooLarge, match="limit is 20 MB"):
        extract_file(path)


def test_readability_gives_the_text_when_trafilatura_finds_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import trafilatura

    monkeypatch.setattr(trafilatura, "bare_extraction", lambda *args, **kwargs: None)
    doc = extract_file(write_fixture(tmp_path / "page.html", news_page_with_json_ld()))
    assert ARTICLE_PARAGRAPHS[0] in doc.text
    assert doc.title == "Embassy urges safety after attack on workers"


def _page(extra: str) -> str:
    body = "".join(f"<p>{p}</p>" for p in ARTICLE_PARAGRAPHS)
    return (
        "<html><head><title>Patrols reinforced</title></head><body>"
        f"<article><h1>Patrols reinforced</h1>{extra}{body}</article></body></html>"
    )


def test_byline_from_a_by_line_linking_to_the_authors_page(tmp_path: Path) -> None:
    page = _page('<div>By <a href="/author/anna-roe">Anna Roe</a>, Staff Writer</div>')
    assert extract_file(write_fixture(tmp_path / "a.html", page)).byline == "Anna Roe"


@pytest.mark.parametrize(
    "metas",
    [
        (
            '<meta name="author" content="Jeffrey Gettleman">',
            '<meta name="byl" content="By JEFFREY GETTLEMAN">',
        ),
        (
            '<meta name="byl" content="By JEFFREY GETTLEMAN">',
            '<meta name="author" content="Jeffrey Gettleman">',
        ),
    ],
)
def test_an_author_the_page_names_twice_is_in_the_byline_once(
    tmp_path: Path, metas: tuple[str, str]
) -> None:
    page = _page("").replace("</head>", "".join(metas) + "</head>")
    assert extract_file(write_fixture(tmp_path / "nyt.html", page)).byline == "Jeffrey Gettleman"


def test_a_menu_of_columnists_is_not_a_byline(tmp_path: Path) -> None:
    links = "".join(
        f'<li><a href="/author/{n.lower()}">{n} Smith</a></li>'
        for n in ("Tom", "Mary", "Sean", "Marie", "Andrew")
    )
    page = _page(f"<ul class='columnists'>{links}</ul>")
    assert extract_file(write_fixture(tmp_path / "b.html", page)).byline == ""


@pytest.mark.parametrize(
    "empty", ['<embed src="chart.svg" type="image/svg+xml">', "<source src=a.mp4>"]
)
def test_an_empty_element_without_a_closing_slash_keeps_every_paragraph_after_it(
    tmp_path: Path, empty: str
) -> None:
    paragraphs = [
        "Officials confirmed that the convoy reached the border town after talks on Tuesday.",
        "Witnesses reported gunfire near the crossing late on Tuesday evening, residents said.",
        "The ministry denied that any soldiers had been wounded in the exchange of fire there.",
        "Aid agencies expect more convoys to cross within the week if the ceasefire holds.",
    ]
    body = "".join(
        f"<p>{text}</p>" + (empty if n == 1 else "") for n, text in enumerate(paragraphs)
    )
    page = tmp_path / "page.html"
    page.write_text(
        "<!doctype html><html><head><title>Convoy reaches border town</title></head><body>"
        f"<article><h1>Convoy reaches border town</h1>{body}</article></body></html>",
        encoding="utf-8",
    )
    text = extract_file(page).text
    assert [line for line in text.splitlines() if line in paragraphs] == paragraphs
