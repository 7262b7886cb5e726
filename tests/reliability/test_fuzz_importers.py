"""Bad input never crashes an importer: every file ends in a BriefingError or a document.

Hypothesis feeds each registered importer (whatever `importable_suffixes()` lists, so formats
added later are covered without touching this file) random bytes and mutations of small valid
files of every kind: truncated zips (.docx), damaged PDFs, mutated HTML with JSON-LD, broken YAML
front matter, wrong encodings. Each example must end within TIME_LIMIT_S seconds in a
documented error (a `BriefingError` subclass) or an extracted document with text.
"""

from __future__ import annotations

import contextlib
import functools
import io
import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefing_app.core.errors import BriefingError, CorruptFile
from briefing_app.core.importers.base import ExtractedDocument, extract_file, importable_suffixes
from briefing_app.core.importers.markdown import split_front_matter
from tests.time_limit import time_limit as shared_time_limit

TIME_LIMIT_S = 10

ARTICLE = (
    "Officials said three workers were killed in the attack on the mining camp. "
    "The ministry confirmed the camp had been evacuated. «Nous sommes inquiets», a dit l'ambassade."
)
FRONT_MATTER = (
    "---\ntitle: Attack on camp\nauthor: A. Reporter\noutlet: Asia Wire\n"
    "published: 2024-03-02\nurl: https://example.org/a\nreliability: b\nmarking: TLP:GREEN\n"
    "tags: [security, mining]\n---\n"
)
JSON_LD = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    "headline": "Attack on mining camp",
    "datePublished": "2024-03-02T08:00:00Z",
    "author": [{"@type": "Person", "name": "A. Reporter"}],
    "publisher": {"@type": "Organization", "name": "Asia Wire"},
}


def _html() -> bytes:
    paragraphs = "".join(f"<p>{ARTICLE} Paragraph {i}.</p>" for i in range(6))
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        "<title>Attack on mining camp | Asia Wire</title>"
        "<meta property='og:title' content='Attack on mining camp'>"
        "<meta name='author' content='A. Reporter'>"
        f"<script type='application/ld+json'>{json.dumps(JSON_LD)}</script></head>"
        f"<body><nav>Home | World</nav><article><h1>Attack on mining camp</h1>{paragraphs}"
        "</article><footer>© Asia Wire</footer></body></html>"
    ).encode()


def _docx() -> bytes:
    import docx

    document = docx.Document()
    document.core_properties.title = "Attack on mining camp"
    document.add_heading("Attack on mining camp", level=1)
    for _ in range(3):
        document.add_paragraph(ARTICLE)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _pdf() -> bytes:
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    page = canvas.Canvas(out)
    page.setTitle("Attack on mining camp")
    for i, line in enumerate([ARTICLE[:80], ARTICLE[80:160], "Ministry statement."]):
        page.drawString(72, 720 - 16 * i, line)
    page.save()
    return out.getvalue()


def _eml() -> bytes:
    return (
        "From: Desk <desk@example.org>\r\nTo: analyst@example.org\r\n"
        "Subject: Attack on mining camp\r\nDate: Sat, 02 Mar 2024 08:00:00 +0000\r\n"
        "MIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary=XX\r\n\r\n"
        "--XX\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
        f"{ARTICLE}\r\n--XX\r\nContent-Type: text/html; charset=utf-8\r\n"
        "Content-Transfer-Encoding: quoted-printable\r\n\r\n"
        f"<p>{ARTICLE}</p>\r\n--XX--\r\n"
    ).encode()


@functools.cache
def seeds() -> dict[str, list[bytes]]:
    """Small valid files of every kind, by the suffixes they are usually saved with."""
    html = _html()
    text = [
        ARTICLE.encode(),
        ARTICLE.encode("utf-16"),
        ARTICLE.encode("cp1252", "replace"),
        ("Headline\r\n\r\n" + ARTICLE).encode("utf-8-sig"),
    ]
    found = {
        ".txt": text,
        ".md": [(FRONT_MATTER + "# Heading\n\n" + ARTICLE).encode(), ARTICLE.encode()],
        ".html": [html],
        ".eml": [_eml()],
    }
    with contextlib.suppress(ImportError):
        found[".docx"] = [_docx()]
    with contextlib.suppress(ImportError):
        found[".pdf"] = [_pdf()]
    found[".htm"] = found[".xhtml"] = found[".html"]
    found[".text"] = found[".txt"]
    found[".markdown"] = found[".md"]
    return found


def seeds_for(suffix: str) -> list[bytes]:
    """Seeds for a suffix: its own first, then every other kind (a file can lie about its type)."""
    own = seeds().get(suffix, [])
    others = [s for key, values in sorted(seeds().items()) if key != suffix for s in values]
    return own + others


@st.composite
def mutated(draw: st.DrawFn, suffix: str) -> bytes:
    """A corrupted or random file body for suffix."""
    kind = draw(st.sampled_from(["random", "truncate", "flip", "insert", "splice", "structured"]))
    if kind == "random":
        return draw(st.binary(min_size=0, max_size=2048))
    pool = seeds_for(suffix)
    own = seeds().get(suffix) or pool
    data = bytearray(draw(st.sampled_from(own if draw(st.booleans()) else pool)))
    if kind == "truncate":
        return bytes(data[: draw(st.integers(0, max(0, len(data) - 1)))])
    if kind == "flip":
        for _ in range(draw(st.integers(1, 20))):
            if data:
                data[draw(st.integers(0, len(data) - 1))] = draw(st.integers(0, 255))
        return bytes(data)
    if kind == "insert":
        at = draw(st.integers(0, len(data)))
        return bytes(data[:at] + draw(st.binary(min_size=1, max_size=256)) + data[at:])
    if kind == "splice":
        other = draw(st.sampled_from(pool))
        cut_a = draw(st.integers(0, len(data)))
        cut_b = draw(st.integers(0, len(other)))
        return bytes(data[:cut_a] + other[cut_b:])
    return draw(structured_text()).encode(
        draw(st.sampled_from(["utf-8", "utf-16", "latin-1"])), "replace"
    )


@st.composite
def structured_text(draw: st.DrawFn) -> str:
    """Text that is almost HTML, JSON-LD or YAML front matter, broken in a plausible way."""
    junk = st.text(max_size=200)
    choice = draw(st.sampled_from(["html", "jsonld", "yaml"]))
    if choice == "html":
        tags = draw(
            st.lists(
                st.sampled_from(
                    [
                        "<p>",
                        "</p>",
                        "<div>",
                        "<script>",
                        "<!--",
                        "<article>",
                        "</html>",
                        "<br/>",
                        "&amp;",
                        "&#0;",
                        "&#xD800;",
                        "<title>",
                        "<meta charset='x'>",
                    ]
                ),
                max_size=30,
            )
        )
        return "".join(t + draw(junk) for t in tags)
    if choice == "jsonld":
        value = draw(
            st.recursive(
                st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
                lambda inner: (
                    st.lists(inner, max_size=4)
                    | st.dictionaries(
                        st.sampled_from([*JSON_LD, "@graph", "name"]), inner, max_size=4
                    )
                ),
                max_leaves=20,
            )
        )
        body = json.dumps(value)
        body = body[: draw(st.integers(0, len(body)))]
        return (
            "<html><head><script type='application/ld+json'>"
            f"{body}</script></head><body><p>{ARTICLE}</p></body></html>"
        )
    return f"---\n{draw(yaml_like())}\n---\n{ARTICLE}"


@st.composite
def yaml_like(draw: st.DrawFn) -> str:
    """YAML-ish front matter: real keys with odd values, anchors, tags, bad indentation."""
    keys = st.sampled_from(
        [
            "title",
            "author",
            "outlet",
            "published",
            "date",
            "url",
            "reliability",
            "marking",
            "language",
            "byline",
            "tags",
            "? ",
            "- ",
            "&a",
            "*a",
            "!!python/object:os.system",
            "!!binary",
            "<<",
        ]
    )
    values = st.one_of(
        st.text(max_size=40),
        st.sampled_from(
            [
                "[1, 2",
                "{a: b}",
                "|",
                ">",
                "*anchor",
                "&x [*x, *x]",
                "!!int x",
                "2024-13-45",
                "1e400",
                "~",
                "'unterminated",
                '"\\xZZ"',
                "- a\n- b",
            ]
        ),
    )
    lines = draw(st.lists(st.tuples(keys, values, st.integers(0, 4)), max_size=10))
    return "\n".join(" " * indent + f"{k}: {v}" for k, v, indent in lines)


def time_limit(seconds: int) -> contextlib.AbstractContextManager[None]:
    """Fail the example if it runs longer than seconds (a hang is a bug too)."""
    return shared_time_limit(seconds, "the importer")


def check_extract(suffix: str, data: bytes) -> None:
    """Extract data saved with suffix: a document with text, or a BriefingError; nothing else."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        with time_limit(TIME_LIMIT_S):
            try:
                doc = extract_file(path)
            except BriefingError as exc:
                message = str(exc)
                assert message and "\n" not in message, f"not one line: {message!r}"
                return
        assert isinstance(doc, ExtractedDocument)
        assert doc.text.strip()
        assert isinstance(doc.title, str)


@pytest.mark.parametrize("suffix", importable_suffixes())
@given(data=st.data())
def test_every_importer_survives_corrupted_and_random_files(
    suffix: str, data: st.DataObject
) -> None:
    check_extract(suffix, data.draw(mutated(suffix)))


@pytest.mark.parametrize("suffix", importable_suffixes())
def test_every_importer_reads_its_own_valid_seed_or_refuses_it_cleanly(suffix: str) -> None:
    for seed in seeds().get(suffix, []):
        check_extract(suffix, seed)


@given(text=st.one_of(st.text(max_size=500), yaml_like().map(lambda y: f"---\n{y}\n---\nbody")))
def test_front_matter_loader_returns_a_mapping_or_a_corrupt_file_error(text: str) -> None:
    with time_limit(TIME_LIMIT_S):
        try:
            meta, body = split_front_matter(text)
        except CorruptFile as exc:
            assert "\n" not in str(exc)
            return
    assert isinstance(meta, dict)
    assert isinstance(body, str)


@pytest.mark.parametrize("field", ["title", "author", "published"])
def test_a_yaml_alias_bomb_in_front_matter_is_refused_not_expanded(field: str) -> None:
    # 10 bytes of YAML per level, 8x more items per level: 19 million items as text if expanded.
    levels = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 8)}]\n" for i in range(7)
    )
    data = f"---\n{levels}{field}: *h\n---\n{ARTICLE}\n".encode()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bomb.md"
        path.write_bytes(data)
        with time_limit(TIME_LIMIT_S):
            try:
                doc = extract_file(path)
            except CorruptFile as exc:
                assert field in str(exc)
                return
        assert len(doc.title) < 1000 and len(doc.byline) < 1000
