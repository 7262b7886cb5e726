"""What moving review comments with their section's text costs a save of a 50,000-character section.

Run by hand:  .venv/bin/python benchmarks/comment_follow_speed.py
(also rows of benchmarks/run_all.py, `--only comment follow`).

Two notes in one library file hold the same 50,000-character section (paragraphs of the demo
article's kind); one has 40 review comments on words spread through it, the other none: the
baseline, saved in the same run with saves alternating. Each save is `lib.notes.set_section`
(what the editor's autosave calls), timed as a whole: the transaction, the commit log, the
diff of old → new text and the comments written back. Three kinds of save:

- a keystroke: one character typed (or taken away again) in the middle of the section;
- replace all: `lib.notes.replace_all` of a word found ~400 times across the section;
- a rewrite: the whole section replaced by a different text of the same size (a paste).
"""

from __future__ import annotations

import random
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from timing import paired_medians  # noqa: E402

from briefing_app.core.library import Library  # noqa: E402

SECTION_CHARS = 50_000
COMMENTS = 40
_PROSE = (
    "the police said three workers were killed near the border on Tuesday when gunmen opened "
    "fire on a bus carrying them to a construction site officials blamed an armed group that "
    "denied any role in the attack while the ministry promised an investigation"
)
_WORDS = _PROSE.split()


def section_text(rng: random.Random, chars: int = SECTION_CHARS) -> str:
    """Return about chars characters of prose: sentences of 12-25 words, 5-6 to a paragraph."""
    paragraphs: list[str] = []
    size = 0
    while size < chars:
        sentences = []
        for _ in range(rng.randint(5, 6)):
            words = [rng.choice(_WORDS) for _ in range(rng.randint(12, 25))]
            sentences.append(" ".join(words).capitalize() + ".")
        paragraphs.append(" ".join(sentences))
        size += len(paragraphs[-1]) + 2
    return "\n\n".join(paragraphs)[:chars]


def _note(lib: Library, body: str, comments: int) -> int:
    note = lib.notes.create("Long", "briefing-note", [("summary", "Summary")])
    lib.notes.set_section(note.id, "summary", body)
    for n in range(comments):
        at = body.index(" ", (n * len(body)) // max(comments, 1)) + 1
        end = body.index(" ", at + 20)
        lib.comments.add(
            note.id, "summary", f"Comment {n}", anchor_text=body[at:end], start=at, end=end
        )
    return note.id


def _toggling(lib: Library, note_id: int, bodies: tuple[str, str]) -> Callable[[], None]:
    """Return a save that writes the other of two bodies each call."""
    state = {"n": 0}

    def save() -> None:
        state["n"] += 1
        lib.notes.set_section(note_id, "summary", bodies[state["n"] % 2])

    return save


def measure(runs: int = 21) -> dict[str, float]:
    """Return median seconds of each kind of save, with comments and without (the baseline)."""
    rng = random.Random(7)
    body = section_text(rng)
    middle = len(body) // 2
    typed = body[:middle] + "x" + body[middle:]
    replaced = body.replace(" the ", " THE ")
    rewrite = section_text(random.Random(8))
    figures: dict[str, float] = {"chars": len(body), "changes": body.count(" the ")}
    with tempfile.TemporaryDirectory(prefix="briefing-comment-follow-") as tmp:
        lib = Library.open(Path(tmp) / "lib.sqlite", backup=False)
        commented, bare = _note(lib, body, COMMENTS), _note(lib, body, 0)
        for name, other in (("keystroke", typed), ("replace all", replaced), ("rewrite", rewrite)):
            ours, base = paired_medians(
                runs,
                _toggling(lib, commented, (body, other)),
                _toggling(lib, bare, (body, other)),
            )
            figures[name], figures[f"{name} baseline"] = ours, base
        placed = [c for c in lib.comments.all(commented) if c.start != c.end]
        figures["placed"] = len(placed)
        lib.close()
    return figures


def main() -> None:
    """Print the figures."""
    m = measure()
    print(f"{m['chars']:,.0f}-character section, {COMMENTS} comments (baseline: none)")
    for name in ("keystroke", "replace all", "rewrite"):
        ours, base = m[name], m[f"{name} baseline"]
        print(
            f"{name:12} {ours * 1000:8.2f} ms  baseline {base * 1000:8.2f} ms  {ours / base:5.2f}x"
        )


if __name__ == "__main__":
    main()
