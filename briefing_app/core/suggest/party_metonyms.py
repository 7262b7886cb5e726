"""Names that stand for a party: its aliases, and metonyms such as a capital for its government.

"Dushanbe frames the attack as…" names the Tajik authorities as surely as their own title does.
The lists are data: resources/party_names/<language>.yaml (one file per language), the user's
party_names/*.yaml in the config folder, and the library's own party aliases.

>>> groups = load_party_groups()
>>> "Dushanbe" in names_for("Tajik authorities", groups)
True
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

import platformdirs
import yaml

from briefing_app.core.bundled.resources import bundled_dir
from briefing_app.core.errors import InvalidInput
from briefing_app.core.suggest.party_names import party_key

PartyGroups = tuple[tuple[str, ...], ...]


def user_party_names_dir() -> Path:
    """Return the folder of the user's own party name lists (config dir / party_names)."""
    return Path(platformdirs.user_config_dir("briefing", appauthor=False)) / "party_names"


def read_party_names(path: Path) -> PartyGroups:
    """Read one party names file; raise InvalidInput naming the file and what is wrong."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, OSError, UnicodeDecodeError) as exc:
        raise InvalidInput(f"{path}: not a readable YAML file ({type(exc).__name__})") from exc
    groups = data.get("parties") if isinstance(data, dict) else None
    if not isinstance(groups, list) or not all(
        isinstance(g, list) and g and all(isinstance(n, str) and n.strip() for n in g)
        for g in groups
    ):
        raise InvalidInput(f"{path}: 'parties' must be a list of lists of names")
    return tuple(tuple(n.strip() for n in g) for g in groups)


def load_party_groups(user_dir: Path | None = None) -> PartyGroups:
    """Return every list of names standing for one party: bundled languages, then the user's."""
    return _load(user_dir or user_party_names_dir())


@lru_cache(maxsize=4)
def _load(user_dir: Path) -> PartyGroups:
    # Cached: the checks run on every pause in typing; a changed user file needs a restart.
    groups: list[tuple[str, ...]] = []
    for folder in (bundled_dir("resources") / "party_names", user_dir):
        if folder.is_dir():
            for path in sorted(folder.glob("*.yaml")):
                groups.extend(read_party_names(path))
    return tuple(groups)


def names_for(
    party: str, groups: PartyGroups, aliases: Mapping[str, str] | None = None
) -> set[str]:
    """Return the names that stand for party: itself, its library aliases and its group's.

    aliases maps an alias's comparison key to its canonical name (`lib.parties.aliases()`).
    """
    aliases = aliases or {}
    key = party_key(party)
    canonical = party_key(aliases.get(key, party))
    names = {party, aliases.get(key, party)}
    names |= {a for a, c in aliases.items() if party_key(c) == canonical}
    keys = {party_key(n) for n in names}
    for group in groups:
        if keys & {party_key(n) for n in group}:
            names.update(group)
    return {n for n in names if n.strip()}


def mentions(text: str, name: str) -> bool:
    """Return whether text names name as whole words, ignoring case ('Kabul' not 'Kabulov')."""
    pattern = r"(?<!\w)" + r"\s+".join(re.escape(w) for w in name.split()) + r"(?!\w)"
    return re.search(pattern, text, re.IGNORECASE) is not None
