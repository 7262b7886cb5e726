"""The BibTeX citation key Briefing writes for a source, so an import can tell it back."""

from __future__ import annotations

import re

from briefing_app.core.models import Source

# A key BibTeX and biber read without quoting: a source's own key (from a .bib) is kept if so.
_PLAIN_KEY = re.compile(r"[A-Za-z0-9_:.\-]+")


def bibtex_key(source: Source) -> str:
    """Return the citation key for source: its reference id when one can be, else word_id.

    >>> bibtex_key(Source(id=7, uid="u7", title="China urges calm", text="", sha256=""))
    'china_7'
    """
    if _PLAIN_KEY.fullmatch(source.ref_id or ""):
        return source.ref_id
    word = re.sub(r"[^a-z0-9]", "", (source.title.split() or ["source"])[0].lower())
    return f"{word or 'source'}_{source.id}"


def is_written_key(key: str, source: Source) -> bool:
    """Say whether key is the one Briefing's export made up for a source with no id of its own.

    An export lengthens a key another item already took with "x"s, so those count too.
    """
    if source.ref_id:
        return False
    return re.fullmatch(re.escape(bibtex_key(source)) + "x*", key) is not None
