"""Build a synthetic library for the benchmarks: N sources with 10 claims each, tags and notes.

    python benchmarks/make_library.py 10000 --out /tmp/bench.sqlite

Articles are 3-8 KB of varied, news-like English made up from word lists by a small random
grammar (no corpus is copied); each source gets topic/place tags and 10 claims anchored on whole
sentences, with parties, kinds, grades and an event date near the source's publication day;
relations between claims (one source in three links a claim to one of an earlier source:
repeats, corroborates, contradicts or updates); one note per 100 sources cites 20 claims. Everything
goes through the core operations (sources.add, claims.add, notes.create), batched as one
transaction per 100 sources by nesting them in `lib.write()`. Prints the time taken.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

from briefing_app.core.importers.base import ExtractedDocument
from briefing_app.core.library import Library
from briefing_app.core.models import CLAIM_KINDS, CLAIM_STATUSES

BATCH = 100
CLAIMS_PER_SOURCE = 10

PLACES = [
    "Dushanbe",
    "Khatlon",
    "Kabul",
    "Tashkent",
    "Bishkek",
    "Almaty",
    "Urumqi",
    "Kashgar",
    "Gorno-Badakhshan",
    "Khorog",
    "Termez",
    "Herat",
    "Mazar-i-Sharif",
    "Osh",
    "Fergana",
    "Samarkand",
    "Islamabad",
    "Peshawar",
    "Gilgit",
    "Murghab",
]
GROUPS = [
    "the interior ministry",
    "the foreign ministry",
    "border guards",
    "the state news agency",
    "local officials",
    "the regional governor",
    "a company spokesman",
    "the embassy",
    "the defence ministry",
    "police investigators",
    "an opposition party",
    "human rights monitors",
    "a United Nations agency",
    "the central bank",
    "a local journalist",
    "residents",
    "the prosecutor's office",
    "the customs service",
    "aid workers",
    "a security analyst",
]
SUBJECTS = [
    "a convoy of trucks",
    "the mining company",
    "armed men",
    "the new road",
    "the hydropower project",
    "the security forces",
    "a delegation from Beijing",
    "the cross-border trade",
    "the gold mine",
    "the local council",
    "the talks",
    "the election commission",
    "the water dispute",
    "the pipeline",
    "the fuel shortage",
    "the bridge",
    "the refugee camp",
    "the border crossing",
    "the power plant",
]
VERBS = [
    "was attacked near",
    "was closed at",
    "was reopened in",
    "arrived in",
    "withdrew from",
    "was delayed in",
    "was suspended in",
    "expanded operations in",
    "was inspected in",
    "came under fire near",
    "was evacuated from",
    "resumed work in",
    "was blocked outside",
    "reported losses in",
    "was seen near",
]
TIMES = [
    "on Monday",
    "on Tuesday",
    "late on Wednesday",
    "early on Thursday",
    "on Friday",
    "at the weekend",
    "last month",
    "overnight",
    "in the early hours",
    "two days ago",
    "earlier this week",
    "in March",
    "after nightfall",
    "before dawn",
    "during the holiday",
]
SAY = [
    "said",
    "told reporters",
    "confirmed",
    "claimed",
    "denied",
    "stated",
    "reported",
    "insisted",
    "warned",
    "added",
]
DETAILS = [
    "at least {n} people were injured",
    "{n} workers were detained for questioning",
    "damage was estimated at {n} million dollars",
    "{n} vehicles were destroyed",
    "the site employed about {n} people",
    "{n} families had left the area",
    "the operation involved {n} officers",
    "the talks would resume within {n} days",
    "prices rose by {n} per cent",
    "{n} kilometres of road were closed",
]
CONNECTORS = [
    "However,",
    "Meanwhile,",
    "In a separate statement,",
    "According to earlier reports,",
    "By contrast,",
    "At the same time,",
    "It was not immediately clear whether",
    "Separately,",
    "Later,",
    "Earlier,",
]
TOPICS = [
    "security",
    "energy",
    "trade",
    "mining",
    "infrastructure",
    "migration",
    "diplomacy",
    "water",
    "elections",
]


def sentence(rng: random.Random) -> str:
    """Return one news-like sentence."""
    form = rng.random()
    place = rng.choice(PLACES)
    if form < 0.35:
        s = f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {place} {rng.choice(TIMES)}"
    elif form < 0.7:
        detail = rng.choice(DETAILS).format(n=rng.randint(2, 900))
        s = f"{rng.choice(GROUPS)} {rng.choice(SAY)} that {detail} in {place}"
    elif form < 0.85:
        s = (
            f"{rng.choice(CONNECTORS)} {rng.choice(SUBJECTS)} {rng.choice(VERBS)} {place}, "
            f"{rng.choice(GROUPS)} {rng.choice(SAY)}"
        )
    else:
        detail = rng.choice(DETAILS).format(n=rng.randint(2, 900))
        s = f"according to {rng.choice(GROUPS)}, {detail} {rng.choice(TIMES)}"
    return s[0].upper() + s[1:] + "."


def article(rng: random.Random, number: int) -> tuple[str, str, list[tuple[int, int]]]:
    """Return (title, text of 3-8 KB, sentence spans) for article number."""
    target = rng.randint(3000, 8000)
    title = f"{rng.choice(SUBJECTS).capitalize()} {rng.choice(VERBS)} {rng.choice(PLACES)}"
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    length = 0
    first = f"{rng.choice(PLACES).upper()}, report {number}."
    parts.append(first)
    length = len(first)
    while length < target:
        paragraph_start = True
        for _ in range(rng.randint(2, 6)):
            s = sentence(rng)
            sep = "\n\n" if paragraph_start else " "
            paragraph_start = False
            parts.append(sep + s)
            start = length + len(sep)
            spans.append((start, start + len(s)))
            length = start + len(s)
    return title, "".join(parts), spans


def build(path: Path, n: int, seed: int = 1) -> dict[str, int]:
    """Build the library at path with n sources; return what it holds."""
    rng = random.Random(seed)
    # Its own stream: the dates and relations added for issue 17 leave the rest as it was.
    evidence_rng = random.Random(seed + 1)
    lib = Library.open(path, backup=False)
    keys: list[str] = []
    try:
        for batch_start in range(0, n, BATCH):
            with lib.write():
                for number in range(batch_start, min(n, batch_start + BATCH)):
                    title, text, spans = article(rng, number)
                    source = lib.sources.add(
                        ExtractedDocument(
                            title=title,
                            text=text,
                            outlet=rng.choice(["Asia Wire", "Daily Monitor", "Radio East"]),
                            published=f"20{rng.randint(18, 25)}-0{rng.randint(1, 9)}-1{n % 9}",
                            url=f"https://news.example/{number}",
                            language="en",
                            format="html",
                        ),
                        reliability=rng.choice("ABCDEF"),
                    )
                    lib.sources.set_tags(
                        source.id, [rng.choice(TOPICS), f"place:{rng.choice(PLACES)}"]
                    )
                    published = source.published or "2025-01-01"
                    made: list[int] = []
                    for start, end in rng.sample(spans, min(CLAIMS_PER_SOURCE, len(spans))):
                        claim = lib.claims.add(
                            source.id,
                            start=start,
                            end=end,
                            statement=text[start:end][:80],
                            party=rng.choice(GROUPS),
                            kind=rng.choice(CLAIM_KINDS),
                            credibility=rng.randint(1, 6),
                            status=rng.choice(CLAIM_STATUSES),
                            tags=[rng.choice(TOPICS)],
                            event_date=_event_date(evidence_rng, published),
                        )
                        keys.append(claim.key)
                        made.append(claim.id)
                    _relate(lib, evidence_rng, made)
                _note(lib, rng, keys, batch_start // BATCH)
            done = min(n, batch_start + BATCH)
            if done % (BATCH * 10) == 0 or done == n:
                print(f"  {done} sources", file=sys.stderr, flush=True)
        counts = {
            "sources": lib.sources.count(),
            "claims": lib.claims.count(),
            "notes": len(lib.conn.execute("SELECT id FROM notes").fetchall()),
        }
    finally:
        lib.close()
    return counts


def _event_date(rng: random.Random, published: str) -> str:
    """Return an event date up to a month before published, at the precision reports give."""
    year, month, day = (int(p) for p in published.split("-"))
    day = max(1, min(28, day) - rng.randint(0, 9))
    form = rng.random()
    if form < 0.1:
        return f"{year}"
    if form < 0.3:
        return f"{year}-{month:02d}"
    if form < 0.9:
        return f"{year}-{month:02d}-{day:02d}"
    return f"{year}-{month:02d}-{day:02d}T{rng.randint(0, 23):02d}:{rng.choice((0, 30)):02d}"


def _relate(lib: Library, rng: random.Random, claims: list[int]) -> None:
    """Link a claim of one source in three to a claim of an earlier source."""
    first = min(claims)
    if first <= CLAIMS_PER_SOURCE or rng.random() > 1 / 3:
        return
    earlier, claim = rng.randint(1, first - 1), rng.choice(claims)
    relation = rng.choice(("repeats", "corroborates", "contradicts", "updates"))
    if lib.relations.between(claim, earlier) is None:
        lib.relations.link(claim, relation, earlier)


def _note(lib: Library, rng: random.Random, keys: list[str], number: int) -> None:
    """Create a briefing note citing 20 claims from the library."""
    cited = rng.sample(keys, min(20, len(keys)))
    sections = [
        ("summary", "Summary"),
        ("issue", "Issue"),
        ("background", "Background"),
        ("considerations", "Considerations"),
        ("recommendation", "Recommendation"),
    ]
    bodies = {}
    for i, (key, _) in enumerate(sections):
        chunk = cited[i * 4 : i * 4 + 4]
        bodies[key] = " ".join(f"{sentence(rng)} [@{k}]" for k in chunk)
    lib.notes.create(f"Situation note {number + 1}", "briefing-note", sections, bodies=bodies)


def main(argv: list[str] | None = None) -> None:
    """Parse arguments, build the library and print the time taken."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help="number of sources")
    parser.add_argument("--out", type=Path, default=None, help="library file to create")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    out = args.out or Path(f"bench-{args.n}.sqlite")
    if out.exists():
        parser.error(f"{out} exists; choose another --out or delete it")
    started = time.perf_counter()
    counts = build(out, args.n, args.seed)
    elapsed = time.perf_counter() - started
    size = out.stat().st_size / 2**20
    print(
        f"{out}: {counts['sources']} sources, {counts['claims']} claims, {counts['notes']} notes, "
        f"{size:.0f} MB in {elapsed:.1f} s ({counts['sources'] / elapsed:.0f} sources/s)"
    )


if __name__ == "__main__":
    main()
