"""Sources back out as references for Zotero: CSL-JSON, RIS or BibTeX.

A source's grade and marking go out as Zotero "Extra" lines (`Reliability: B`), which the
reference import reads back, so a round trip through Zotero keeps them.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefing_app.core.errors import InvalidInput
from briefing_app.core.models import Source
from briefing_app.core.records.reference_keys import bibtex_key
from briefing_app.core.storage.atomic import atomic_path

if TYPE_CHECKING:
    from briefing_app.core.library import Library

REFERENCE_FORMATS = ("csl-json", "ris", "bibtex")


def reference_sources(
    lib: Library, note_id: int | None = None, source_ids: Sequence[int] = ()
) -> list[Source]:
    """Return the sources to write for a reference manager: those a note cites, those asked
    for, or (neither given) every source of the library, oldest first."""
    if note_id is not None:
        return lib.sources.cited_in(note_id)
    if source_ids:
        return [lib.sources.get(i) for i in source_ids]
    return [lib.sources.get(s.id) for s in reversed(lib.sources.all())]


def write_references(sources: list[Source], path: Path | str, format: str) -> Path:
    """Write sources to path as references in format (csl-json, ris, bibtex); return the path.

    >>> from briefing_app.core.models import Source
    >>> s = Source(id=1, uid="u1", title="A page", text="", sha256="", published="2025-11")
    >>> print(references_text([s], "ris").splitlines()[:4])
    ['TY  - GEN', 'TI  - A page', 'ID  - u1', 'DA  - 2025/11//']
    """
    target = Path(path)
    named = _SUFFIX_FORMATS.get(target.suffix.lower())
    if named is not None and named != format and format in _SUFFIX_FORMATS.values():
        # Zotero picks its reader by the name: RIS in a .bib file would not import.
        raise InvalidInput(f"{target}: the name says {named} but the format asked for is {format}")
    text = references_text(sources, format)
    with atomic_path(target) as tmp:
        tmp.write_text(text, encoding="utf-8")
    return target


# What each reference file's usual name says it holds.
_SUFFIX_FORMATS = {".json": "csl-json", ".ris": "ris", ".bib": "bibtex", ".bibtex": "bibtex"}


def references_text(sources: list[Source], format: str) -> str:
    """Return sources as the text of a reference file in format."""
    writers: dict[str, Callable[[list[Source]], str]] = {
        "csl-json": _csl_json,
        "ris": _ris,
        "bibtex": _bibtex,
    }
    if format not in writers:
        raise InvalidInput(f"unknown reference format {format!r} (known: csl-json, ris, bibtex)")
    return writers[format](sources)


def _authors(source: Source) -> list[str]:
    return [a.strip() for a in source.byline.split(";") if a.strip()]


def _date_parts(iso: str | None) -> list[int]:
    return [int(p) for p in (iso or "")[:10].split("-") if p.isdigit()]


def _extra(source: Source) -> list[str]:
    lines = [f"Reliability: {source.reliability}"]
    if source.marking:
        lines.append(f"Marking: {source.marking}")
    if source.language_guessed and source.language:
        # Read back, the language stays a guess and never replaces one a person set.
        lines.append("Language guessed: yes")
    return lines


def _accessed(source: Source) -> str:
    return source.accessed or source.retrieved_at[:10]


def _csl_json(sources: list[Source]) -> str:
    items = []
    for source in sources:
        item: dict[str, Any] = {
            "id": source.ref_id or source.uid,
            "type": "article-newspaper"
            if source.outlet
            else "webpage"
            if source.url
            else "document",
            "title": source.title,
        }
        if source.outlet:
            item["container-title"] = source.outlet
        if source.byline:
            item["author"] = [_csl_name(a) for a in _authors(source)]
        if source.published:
            item["issued"] = {"date-parts": [_date_parts(source.published)]}
        if _accessed(source):
            item["accessed"] = {"date-parts": [_date_parts(_accessed(source))]}
        for key, value in (("URL", source.url), ("DOI", source.doi), ("language", source.language)):
            if value:
                item[key] = value
        if source.tags:
            item["keyword"] = ", ".join(source.tags)
        item["note"] = "\n".join(_extra(source))
        items.append(item)
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"


def _csl_name(name: str) -> dict[str, str]:
    family, sep, given = name.partition(",")
    if sep and given.strip():
        return {"family": family.strip(), "given": given.strip()}
    return {"literal": name}


def _ris(sources: list[Source]) -> str:
    import rispy

    class _Writer(rispy.RisWriter):  # type: ignore[misc]
        def set_header(self, count: int) -> str:  # Zotero needs no "1." before each item
            return ""

    entries = []
    for source in sources:
        entry: dict[str, Any] = {
            "type_of_reference": "NEWS" if source.outlet else "ELEC" if source.url else "GEN",
            "title": source.title,
            # Read back as the reference id: the item finds its source again (as CSL's id).
            "id": source.ref_id or source.uid,
        }
        if source.byline:
            entry["authors"] = _authors(source)
        if source.outlet:
            entry["secondary_title"] = source.outlet
        if source.published:
            parts = [
                f"{p:02d}" if i else f"{p:04d}" for i, p in enumerate(_date_parts(source.published))
            ]
            # Zotero's DA keeps the precision: "2025/11//" is November 2025.
            entry["date"] = "/".join([*parts, "", "", ""][:3]) + "/"
            entry["year"] = parts[0]
        for key, value in (("urls", [source.url] if source.url else []), ("doi", source.doi)):
            if value:
                entry[key] = value
        if source.language:
            entry["language"] = source.language
        if _accessed(source):
            entry["access_date"] = _accessed(source)
        if source.tags:
            entry["keywords"] = list(source.tags)
        entry["notes"] = _extra(source)
        entries.append(entry)
    text: str = rispy.dumps(entries, implementation=_Writer)
    return text


def _bibtex(sources: list[Source]) -> str:
    import bibtexparser
    from bibtexparser.library import Library as BibLibrary
    from bibtexparser.model import Block, Entry, Field

    from briefing_app.core.importers.references.base import biblatex_language

    entries: list[Block] = []
    used: set[str] = set()
    for source in sources:
        fields = {"title": source.title}
        if source.byline:
            fields["author"] = " and ".join(_authors(source))
        if source.outlet:
            fields["journal"] = source.outlet
        parts = _date_parts(source.published)
        if parts:
            fields["year"] = str(parts[0])
        if len(parts) > 1:
            fields["month"] = str(parts[1])
        if len(parts) > 2:
            fields["date"] = source.published or ""  # BibTeX has no day; BibLaTeX's date does
        for key, value in (
            ("url", source.url),
            ("doi", source.doi),
            # biblatex wants a babel/polyglossia name ("english"), not our ISO code ("en").
            ("langid", biblatex_language(source.language)),
            ("urldate", _accessed(source)),
            ("keywords", ", ".join(source.tags)),
            ("note", "\n".join(_extra(source))),
        ):
            if value:
                fields[key] = value
        kind = "article" if source.outlet else "online" if source.url else "misc"
        key = _bibtex_key(source, used)
        braced = [Field(k, _no_braces(v)) for k, v in fields.items()]
        entries.append(Entry(kind, key, braced))
    library = BibLibrary(entries)
    text: str = bibtexparser.write_string(library)  # type: ignore[attr-defined]
    return text


def _bibtex_key(source: Source, used: set[str]) -> str:
    # A key read from a BibTeX file is kept, so Zotero and the library speak of the same item.
    key = bibtex_key(source)
    while key in used:
        key += "x"
    used.add(key)
    return key


def _no_braces(value: str) -> str:
    # An unbalanced brace in a title would end the field early; BibTeX keeps the rest as text.
    return value.replace("{", "(").replace("}", ")")
