"""Citation styles: what each footnote or endnote of a memo says, as small validated YAML files.

A style names the claim text a note carries (none, statement or quote), the source fields of
its full form, whether later notes take a short form or Ibid., how the grade is printed (code,
[code], in words, or not at all), whether claim keys show (off by default: they are the
analyst's handles, not the reader's) and whether citations of one source in one sentence merge
into one note. Bundled styles are in resources/citation_styles/; files in the user's config
folder (citation_styles/ beside templates/) add styles or override bundled ones by name.

>>> get_style("intel").grade
'brackets'
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import platformdirs
import yaml

from briefing_app.core.bundled.resources import bundled_dir
from briefing_app.core.errors import CitationStyleError, NotFound

DEFAULT_STYLE = "house"
CLAIM_TEXTS = ("none", "statement", "quote")
SOURCE_FIELDS = ("author", "title", "outlet", "date", "url")
DATE_FORMATS = ("long", "short")
GRADE_FORMS = ("code", "brackets", "words", "none")
_KEYS = {
    "name": str,
    "label": str,
    "claim": str,
    "fields": list,
    "date": str,
    "short_form": bool,
    "ibid": bool,
    "grade": str,
    "keys": bool,
    "merge_sentence": bool,
    "csl": str,
}


@dataclass(frozen=True)
class CitationStyle:
    """What a note says for a citation; see the module docstring for each field."""

    name: str
    label: str = ""
    claim: str = "none"
    fields: tuple[str, ...] = SOURCE_FIELDS
    date: str = "long"
    short_form: bool = True
    ibid: bool = True
    grade: str = "code"
    keys: bool = False
    merge_sentence: bool = True
    csl: str = ""
    path: Path | None = None

    def to_json(self) -> dict[str, Any]:
        """Return the JSON form shown by `briefing styles --json`."""
        return {
            "name": self.name,
            "label": self.label,
            "claim": self.claim,
            "fields": list(self.fields),
            "date": self.date,
            "short_form": self.short_form,
            "ibid": self.ibid,
            "grade": self.grade,
            "keys": self.keys,
            "merge_sentence": self.merge_sentence,
            "csl": self.csl,
            "path": str(self.path) if self.path else None,
        }


def user_styles_dir() -> Path:
    """Return the folder where a user's own citation styles live (config dir / citation_styles)."""
    return Path(platformdirs.user_config_dir("briefing", appauthor=False)) / "citation_styles"


def load_style_file(path: Path) -> CitationStyle:
    """Read and validate one style file; raise CitationStyleError naming the file and reason."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else 0
        raise CitationStyleError(f"{path}:{line}: not valid YAML: {exc.problem}") from exc
    except yaml.YAMLError as exc:
        raise CitationStyleError(f"{path}: not valid YAML") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise CitationStyleError(f"{path}: cannot be read as UTF-8 text") from exc
    if not isinstance(data, dict):
        raise CitationStyleError(f"{path}: a citation style must be a YAML mapping")
    for key, value in data.items():
        kind = _KEYS.get(str(key))
        if kind is None:
            raise CitationStyleError(f"{path}: unknown field {key!r} (known: {', '.join(_KEYS)})")
        if not isinstance(value, kind) or (kind is not bool and isinstance(value, bool)):
            want = {str: "text", bool: "true or false", list: "a list"}[kind]
            raise CitationStyleError(f"{path}: {key} must be {want}")
    name = str(data.get("name", "")).strip()
    if not name or any(c.isspace() for c in name):
        raise CitationStyleError(f"{path}: name must be one word (letters, digits, dashes)")
    choices = {"claim": CLAIM_TEXTS, "date": DATE_FORMATS, "grade": GRADE_FORMS}
    for key, allowed in choices.items():
        if key in data and data[key] not in allowed:
            raise CitationStyleError(
                f"{path}: {key} must be one of {', '.join(allowed)} (not {data[key]!r})"
            )
    fields = tuple(data.get("fields", SOURCE_FIELDS))
    unknown = [f for f in fields if f not in SOURCE_FIELDS]
    if unknown or not fields:
        raise CitationStyleError(
            f"{path}: fields must name some of {', '.join(SOURCE_FIELDS)} (not {unknown!r})"
        )
    values = {k: v for k, v in data.items() if k not in ("name", "fields")}
    return CitationStyle(name=name, fields=fields, path=path, **values)


@functools.lru_cache(maxsize=64)
def _read_style_file(path: Path, mtime_ns: int, size: int) -> CitationStyle:
    """Return load_style_file(path), read again only when the file's time or size changes."""
    # Every export looks its style up: parsing every YAML file each time was ~9 ms of a 300-claim
    # note's export, paid twice by a review-copy import (its comparison exports the note again).
    # A broken file raises and is not kept, so it is read (and refused) again next time.
    del mtime_ns, size  # the cache's key only: an edited file is a new key
    return load_style_file(path)


def load_styles(user_dir: Path | None = None) -> dict[str, CitationStyle]:
    """Return every citation style by name: bundled ones, then the user's (overriding by name)."""
    found: dict[str, CitationStyle] = {}
    for folder in (bundled_dir("resources") / "citation_styles", user_dir or user_styles_dir()):
        if folder.is_dir():
            for path in sorted(folder.glob("*.yaml")):
                stat = path.stat()
                style = _read_style_file(path, stat.st_mtime_ns, stat.st_size)
                found[style.name] = style
    return found


def get_style(name: str | None = None, user_dir: Path | None = None) -> CitationStyle:
    """Return the citation style called name (the house style by default); raise NotFound."""
    styles = load_styles(user_dir)
    wanted = name or DEFAULT_STYLE
    if wanted not in styles:
        raise NotFound(f"no citation style {wanted!r} (known: {', '.join(sorted(styles))})")
    return styles[wanted]
