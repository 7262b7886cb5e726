"""Web pages whose headline, outlet or lead come wrapped in page furniture (issue 21)."""

from __future__ import annotations

from pathlib import Path

from briefing_app.core.importers.base import extract_file
from tests.conftest import write_fixture

PARAGRAPHS = [
    "The ministry published the internal documents on Tuesday after a week of questions.",
    "Officials said the files had been reachable by anyone with the address for months.",
    "A spokesman said the server was taken offline as soon as the ministry was told.",
    "Opposition members called for an inquiry into how the data was stored and shared.",
]


def page(*, h1: str, head: str = "", before_body: str = "", logo: str = "") -> str:
    """Return a news page with the given headline markup, head tags and lead."""
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (
        f"<html><head>{head}</head><body><header>{logo}<nav><a href='/'>Home</a></nav>"
        f"</header><article>{h1}{before_body}{body}</article><footer>© 2025</footer>"
        "</body></html>"
    )


def test_a_kicker_inside_the_headline_is_not_glued_to_it(tmp_path: Path) -> None:
    html = page(
        h1="<h1><span class='article-kicker'>Interne Unterlagen im Netz</span>"
        "<span>Daten von Tausenden Bürgern offen einsehbar</span></h1>",
        head="<title>Interne Unterlagen im Netz: Daten von Tausenden Bürgern offen einsehbar"
        "</title>",
    )
    doc = extract_file(write_fixture(tmp_path / "kicker.html", html))
    assert doc.title == "Daten von Tausenden Bürgern offen einsehbar"


def test_a_section_label_and_its_colon_are_left_out_of_the_headline(tmp_path: Path) -> None:
    html = page(
        h1="<h1><span class='ts-overline'>Covid-19 </span><span class='ts-colon'>: </span>"
        "<span>Wie Firmen ihre Beschäftigten schützen</span></h1>",
        head="<meta property='og:title' content='Wie Firmen ihre Beschäftigten schützen'>",
    )
    doc = extract_file(write_fixture(tmp_path / "label.html", html))
    assert doc.title == "Wie Firmen ihre Beschäftigten schützen"


def test_an_outlet_guessed_from_the_domain_takes_the_pages_own_spelling(tmp_path: Path) -> None:
    html = page(
        h1="<h1>Ministry documents left open online</h1>",
        head="<title>Ministry documents left open online - Daily News Egypt</title>"
        "<link rel='canonical' href='https://www.dailynewsegypt.com/2025/ministry-documents/'>",
        logo="<img class='site-logo' src='/logo.png' alt='Daily News Egypt'>",
    )
    doc = extract_file(write_fixture(tmp_path / "outlet.html", html))
    assert doc.outlet == "Daily News Egypt"
    assert doc.title == "Ministry documents left open online"


def test_the_lead_under_the_headline_opens_the_body_and_the_headline_is_not_repeated(
    tmp_path: Path,
) -> None:
    lead = "Thousands of records were open to anyone for months, the ministry now admits."
    html = page(
        h1="<h1>Ministry documents left open online</h1>",
        head="<title>Ministry documents left open online</title>",
        before_body=f"<p class='standfirst'>{lead}</p><p>Ministry documents left open online</p>",
    )
    doc = extract_file(write_fixture(tmp_path / "lead.html", html))
    paragraphs = doc.text.split("\n\n")
    assert paragraphs[0] == lead
    assert "Ministry documents left open online" not in paragraphs
    assert paragraphs[1:] == PARAGRAPHS


def test_web_page_paragraphs_are_separated_by_blank_lines(tmp_path: Path) -> None:
    html = page(h1="<h1>Ministry documents left open online</h1>")
    doc = extract_file(write_fixture(tmp_path / "paragraphs.html", html))
    assert doc.text == "\n\n".join(PARAGRAPHS)


# A "subtitle" under the headline that holds the credits line: the author (linked to their
# page), the date and the share buttons, whose labels only screen readers see.
CREDITS_LINE = (
    "<div class='w-full subtitle-2 mt-8'><div>By <a href='/author/jane-doe'>Jane Doe</a>"
    " on <time datetime='2025-03-04T10:00:00Z'>March 4, 2025</time></div>"
    "<div class='flex'>"
    "<a href='https://www.facebook.com/sharer.php?u=x'><span class='sr-only'>Share on Facebook"
    "</span></a><a href='https://twitter.com/intent/tweet?url=x'><span class='sr-only'>"
    "Share on Twitter</span></a><a href='https://share.flipboard.com/x'>"
    "<span class='sr-only'>Share on Flipboard</span></a></div></div>"
)


def test_a_subtitle_holding_the_byline_date_and_share_links_is_not_the_lead(
    tmp_path: Path,
) -> None:
    html = page(
        h1="<h1>Ministry documents left open online</h1>",
        head="<title>Ministry documents left open online</title>"
        "<meta name='author' content='Jane Doe'>",
        before_body=CREDITS_LINE,
    )
    doc = extract_file(write_fixture(tmp_path / "credits.html", html))
    assert doc.text == "\n\n".join(PARAGRAPHS)  # the article opens with its own first line
    assert "Share on" not in doc.text
    assert doc.byline == "Jane Doe"  # the credits still give the byline


def test_a_lead_with_a_link_in_it_is_still_the_lead(tmp_path: Path) -> None:
    lead = (
        "Thousands of records were open to anyone for months, the ministry now admits, a week "
        "after <a href='/2025/first-report'>our first report</a>."
    )
    html = page(
        h1="<h1>Ministry documents left open online</h1>",
        head="<title>Ministry documents left open online</title>",
        before_body=f"<div class='subtitle'>{lead}</div>",
    )
    doc = extract_file(write_fixture(tmp_path / "linked-lead.html", html))
    assert doc.text.split("\n\n")[0] == (
        "Thousands of records were open to anyone for months, the ministry now admits, a week "
        "after our first report."
    )
