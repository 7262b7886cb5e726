"""Coverage of attribution frames: sentences written for this battery, per language.

Usage: python benchmarks/suggest_frames.py [--show]

Each line of benchmarks/data/suggest_frames_<lang>.txt is "sentence || party": the sentence is
one attributed statement written to exercise one frame ("…, teilte die Polizei mit.",
"« … », a-t-il déclaré.", "One study in 48 people found…"); the party is a part of the name the
suggester should give (empty: any party, an unnamed attribution included; "-": no suggestion,
the frame is no statement). The sentences are ours, written from how news reports speech, not
taken from any page; they measure breadth of the word lists and frames, where
suggest_quality.py measures agreement with annotated pages. Mental states the annotation
guide leaves out ("believes", "is skeptical") are listed too and expected to be missed.
"""

from __future__ import annotations

import sys
from pathlib import Path

from briefing_app.core.suggest import suggest_claims

DATA = Path(__file__).resolve().parent / "data"


def _covered(sentence: str, want: str, language: str) -> bool:
    found = suggest_claims(sentence, language=language)
    if want == "-":
        return not found
    return bool(found) and any(want.lower() in s.party.lower() for s in found)


def main() -> None:
    """Print, per language, how many frames the suggester covers; --show lists the misses."""
    show = "--show" in sys.argv
    for language in ("en", "fr", "de"):
        lines = (DATA / f"suggest_frames_{language}.txt").read_text(encoding="utf-8").splitlines()
        cases = [line.split(" || ") for line in lines if line.strip() and not line.startswith("#")]
        missed = [(s, w) for s, w in cases if not _covered(s, w.strip(), language)]
        print(f"{language}: {len(cases) - len(missed)}/{len(cases)} frames covered")
        if show:
            for sentence, want in missed:
                print(f"    MISS {sentence!r} (want {want.strip() or 'any party'!r})")


if __name__ == "__main__":
    main()
