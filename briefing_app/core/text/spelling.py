"""Offline spelling for note sections: which words are misspelt, and what to write instead.

The dictionaries are pyspellchecker's word-frequency lists (one per language, shipped with the
package). What an analyst writes that no dictionary holds is never flagged: claim keys and
citations ([@C12], [C4]), URLs, e-mail addresses, inline code, words with digits, and words in
capitals (acronyms such as NATO, and names with inner capitals such as McCain). Words the
writer added to their own word list are known in every language; each change of that list
returns a `WordListEdit` that `UserWords.revert` undoes. Words ignored in a note (kept in its
settings, `records/note_settings.py`) are passed to `misspelt_spans` as `ignored`.

A `Speller` loads its dictionary when made (0.2–0.6 s): the GUI makes it off the UI thread and
asks `Spellers.ready` while the writer types. A word list that cannot be read whole (a folder in
its place, no permission, not UTF-8, over MAX_WORD_LIST_BYTES) never stops spelling: what can be
read is used, `UserWords.problem` says what was not (a `WordListUnreadable`), and the list is
not rewritten until it reads whole, so nothing in it is lost. A shipped dictionary that cannot
be read is a `WordListUnreadable` when its Speller is made.
"""

from __future__ import annotations

import codecs
import re
import stat
import threading
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from briefing_app.core.errors import CannotWrite, InvalidInput, WordListUnreadable
from briefing_app.core.text.citations import CITATION_GROUP

if TYPE_CHECKING:
    from spellchecker import SpellChecker

# The languages pyspellchecker ships a dictionary for, by their names in the menu.
LANGUAGES: dict[str, str] = {
    "en": "English",  # British spellings are accepted too (see _american_forms)
    "ar": "Arabic",
    "eu": "Basque",
    "nl": "Dutch",
    "fr": "French",
    "de": "German",
    "it": "Italian",
    "lv": "Latvian",
    "fa": "Persian",
    "pt": "Portuguese",
    "ru": "Russian",
    "es": "Spanish",
}
DEFAULT_LANGUAGE = "en"

# A word: letters and digits, joined by apostrophes or hyphens ("don't", "well-known").
_TOKEN = re.compile(r"\w+(?:['’-]\w+)*")
# Text that is not prose: no word inside it is checked. Each pattern runs only on a paragraph
# holding its telltale characters, and addresses are found from a cheap hint, then taken whole
# up to the spaces around them: a keystroke re-checks its paragraph, however long.
_BRACKETED = re.compile(
    CITATION_GROUP.pattern + r"|\[[^\[\]\n]*\bC\d+\b[^\[\]\n]*\]"  # [@C12; @C15], [C4]
)
_CODE = re.compile(r"`[^`\n]+`")
_LINK_TARGET = re.compile(r"\]\([^)\n]*\)")
# An address's telltale: a scheme, www., an @, or a dot before a top-level domain or a path.
_ADDRESS_HINT = re.compile(
    r"://|www\.|mailto:|@|\.(?:[a-z]{2,6}/|(?:com|org|net|gov|edu|int|mil|info|io|uk|eu)\b)"
)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_SPACE = re.compile(r"\s")
# Elided articles and prepositions before an apostrophe: l'homme, dell'anno, qu'il.
_ELISION_MAX = 5
# Candidate searches grow with a word's length (two edits away: 0.05–0.1 s for a 4-letter
# word, 0.2 s for 5, 1 s for 8): words past 4 letters get one edit only, very long ones no
# search, so a right-click opens its menu at once.
MAX_SUGGEST_LENGTH = 15
MAX_DISTANCE_2_LENGTH = 4
# The user's word list is read up to this size: ~200,000 words, far more than anyone adds by
# hand (Word stops a custom dictionary at 64 KB). A mistaken or hostile file (a log, a dump,
# one 50 MB line) costs a fraction of a second and a few tens of MB, never its whole size.
MAX_WORD_LIST_BYTES = 2 * 1024 * 1024
# A line this long is not a word (a pasted paragraph, a minified file): it is not looked up.
MAX_WORD_LENGTH = 100
# A shipped dictionary unpacks to 0.5–7.5 MB; one unpacking to more is not one.
MAX_DICTIONARY_BYTES = 64 * 1024 * 1024


def user_words_path() -> Path:
    """Return the user's word list: one word a line, in the config folder (spelling/words.txt)."""
    import platformdirs  # only when spelling starts: it costs start-up time otherwise

    folder = Path(platformdirs.user_config_dir("briefing", appauthor=False))
    return folder / "spelling" / "words.txt"


def check_word(word: str) -> str:
    """Return word without surrounding spaces; raise InvalidInput unless it is one word."""
    word = word.strip()
    if not word or any(c.isspace() for c in word):
        raise InvalidInput(f"{word!r} is not one word")
    return word


def check_language(language: str) -> str:
    """Return language if a dictionary ships for it; raise InvalidInput naming the choices."""
    if language not in LANGUAGES:
        choices = ", ".join(sorted(LANGUAGES))
        raise InvalidInput(f"no spelling dictionary for {language!r} (choose one of {choices})")
    return language


@dataclass(frozen=True)
class WordListEdit:
    """What one change of the user's word list did: the lines it added and took out."""

    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()


@dataclass
class UserWords:
    """The writer's own words ("Add to dictionary"): a text file, one word a line.

    Per user, as word processors keep it, not per library: the names an analyst writes
    (people, places, groups) recur in every library and language they work in. Each change
    returns a WordListEdit; `revert` undoes it and returns the edit that redoes it.

    >>> import tempfile, pathlib
    >>> words = UserWords(pathlib.Path(tempfile.mkdtemp()) / "words.txt")
    >>> edit = words.add("Dushanbe"); "dushanbe" in words
    True
    >>> redo = words.revert(edit); "dushanbe" in words
    False
    """

    path: Path
    _words: set[str] | None = field(default=None, repr=False)
    _problem: WordListUnreadable | None = field(default=None, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def words(self) -> set[str]:
        """Return the words (case-folded), read from the file on first use.

        Never raises: a list that cannot be read whole gives the words that could be read,
        and `problem` says why the others are missing.
        """
        with self._lock:
            if self._words is None:
                read = _read_list(self.path)
                self._words = {
                    line.casefold()
                    for line in read.lines
                    if not line.startswith("#") and len(line) <= MAX_WORD_LENGTH
                }
                self._problem = read.error(self.path, _WHEN_READING) if read.problem else None
            return self._words

    @property
    def problem(self) -> WordListUnreadable | None:
        """Return why the list was not read whole (None if it was, or is not read yet)."""
        return self._problem

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and word.casefold() in self.words()

    def add(self, word: str) -> WordListEdit:
        """Add a word and save the list at once (CannotWrite if the folder cannot take it).

        A word already listed (in any case) changes nothing: the edit returned is empty.
        """
        return self._change(add=(check_word(word),))

    def remove(self, word: str) -> WordListEdit:
        """Take a word (in any case) out of the list, so it is flagged again; save the list."""
        return self._change(remove=(word,))

    def revert(self, edit: WordListEdit) -> WordListEdit:
        """Undo an edit (take out what it added, put back what it took out); return the
        edit that redoes it."""
        return self._change(add=edit.removed, remove=edit.added)

    def _change(self, add: tuple[str, ...] = (), remove: tuple[str, ...] = ()) -> WordListEdit:
        words = self.words()
        # Read afresh: another window (or process) may have added words since.
        read = _read_list(self.path)
        if read.problem:
            # Rewriting a list read in part would lose the rest of it.
            raise read.error(self.path, _WHEN_CHANGING)
        lines = read.lines
        gone = {w.casefold() for w in remove}
        removed = tuple(line for line in lines if line.casefold() in gone)
        kept = [line for line in lines if line.casefold() not in gone]
        held = {line.casefold() for line in kept}
        added: list[str] = []
        for word in add:
            if word.casefold() not in held:
                added.append(word)
                held.add(word.casefold())
        if not added and not removed:
            return WordListEdit()
        _write_lines(self.path, [*kept, *added])
        with self._lock:
            words.difference_update(w.casefold() for w in removed)
            words.update(w.casefold() for w in added)
        return WordListEdit(tuple(added), removed)


def _write_lines(path: Path, lines: list[str]) -> None:
    from briefing_app.core.storage.atomic import atomic_path  # tempfile: not at start-up

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CannotWrite(f"{path.parent}: cannot make the folder ({exc.strerror or exc})") from exc
    with atomic_path(path) as tmp:
        tmp.write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")


_WHEN_READING = "the words you added that it holds are not known"
_WHEN_CHANGING = "it is left as it is, so nothing in it is lost"


@dataclass(frozen=True)
class _ListRead:
    """The lines of a word list that could be read, and why the others could not ("")."""

    lines: list[str]
    problem: str = ""
    some_read: bool = False

    def error(self, path: Path, consequence: str) -> WordListUnreadable:
        """Return the error saying what was not read and what follows from it."""
        if self.some_read and consequence == _WHEN_READING:
            consequence = "spelling goes on with the words that were read"
        return WordListUnreadable(f"spelling word list {path}: {self.problem}; {consequence}")


def _read_list(path: Path) -> _ListRead:
    """Read a word list's non-empty lines (stripped), at most MAX_WORD_LIST_BYTES of them."""
    try:
        mode = path.stat().st_mode
    except (FileNotFoundError, NotADirectoryError):
        return _ListRead([])  # no list yet (writing one says why it cannot be, if it cannot)
    except OSError as exc:
        return _ListRead([], f"cannot be read ({exc.strerror or exc})")
    if stat.S_ISDIR(mode):
        return _ListRead([], "is a folder, not a file")
    if not stat.S_ISREG(mode):
        return _ListRead([], "is not a plain file")  # a pipe would block the reader for ever
    try:
        with path.open("rb") as file:
            data = file.read(MAX_WORD_LIST_BYTES + 1)
    except OSError as exc:
        return _ListRead([], f"cannot be read ({exc.strerror or exc})")
    cut = len(data) > MAX_WORD_LIST_BYTES
    lines, undecodable = _decode_lines(data[:MAX_WORD_LIST_BYTES], cut)
    lines = [line.strip() for line in lines if line.strip()]
    problems = []
    if cut:
        megabytes = MAX_WORD_LIST_BYTES // (1024 * 1024)
        problems.append(f"is over {megabytes} MB and only its first {megabytes} MB were read")
    if undecodable:
        plural = "s are" if undecodable > 1 else " is"
        problems.append(f"{undecodable} line{plural} not UTF-8 text and skipped")
    return _ListRead(lines, ", ".join(problems), some_read=bool(lines))


def _decode_lines(data: bytes, cut: bool) -> tuple[list[str], int]:
    """Return the lines of data and how many could not be decoded.

    UTF-8 (with or without a byte-order mark), or UTF-16 with its mark (as Notepad's
    "Unicode" and Word's custom dictionaries save). Data cut at the size limit loses its last
    line, which is cut short.
    """
    encoding = "utf-16" if data[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE) else "utf-8-sig"
    try:
        # Incremental: a character cut in two at the limit is not an error, only left out.
        text = codecs.getincrementaldecoder(encoding)().decode(data, final=not cut)
    except UnicodeDecodeError:
        return _decode_line_by_line(data.removeprefix(codecs.BOM_UTF8), cut)
    # Any line end (a lone CR too, as old Mac editors save), as the list was read before.
    lines = text.splitlines()
    if cut and lines and text[-1] not in "\r\n":
        lines.pop()
    return lines, 0


def _decode_line_by_line(data: bytes, cut: bool) -> tuple[list[str], int]:
    """Return the UTF-8 lines of data and how many others there were."""
    raw_lines = data.splitlines()
    if cut and raw_lines and data[-1:] not in (b"\r", b"\n"):
        raw_lines.pop()
    lines, undecodable = [], 0
    for raw in raw_lines:
        try:
            lines.append(raw.decode("utf-8"))
        except UnicodeDecodeError:
            undecodable += 1
    return lines, undecodable


class Speller:
    """One language's dictionary, with the skip rules and the writer's own words.

    >>> speller = Speller("en", UserWords(Path("/nonexistent/words.txt")))
    >>> speller.misspelt_spans("NATO said teh talks [@C12] went well.")
    [(10, 13)]
    >>> speller.suggestions("teh")[:2]
    ['the', 'ten']
    """

    def __init__(self, language: str, user_words: UserWords) -> None:
        from spellchecker import SpellChecker

        self.language = check_language(language)
        self.user_words = user_words
        self._checker: SpellChecker = SpellChecker(language=None, distance=1)
        self._checker.word_frequency.load_json(_read_dictionary(language))
        self._dictionary = self._checker.word_frequency.dictionary
        # Per word, whether it is misspelt: a paragraph is re-checked on every keystroke.
        self._verdicts: dict[str, bool] = {}

    def forget(self) -> None:
        """Drop remembered verdicts (the user's word list changed)."""
        self._verdicts.clear()

    def misspelt_spans(
        self, text: str, ignored: AbstractSet[str] = frozenset()
    ) -> list[tuple[int, int]]:
        """Return the [start, end) offsets of the misspelt words of a paragraph, in order.

        ignored: words (case-folded) not to flag here, as a note's "Ignore" keeps them.
        """
        prose = _blank(text, _not_prose(text))
        verdicts, spans = self._verdicts, []
        for match in _TOKEN.finditer(prose):
            word, start = match.group(), match.start()
            if "_" in word:
                # _emphasis_ is a word between its marks; snake_case is a name, never flagged.
                inner = word.strip("_")
                if not inner or "_" in inner:
                    continue
                start, word = start + word.index(inner), inner
            verdict = verdicts.get(word)
            if verdict is None:
                verdict = self.is_misspelt(word)
            if verdict:
                spans.extend(self._misspelt_parts(word, start))
        if ignored:
            spans = [(a, b) for a, b in spans if text[a:b].casefold() not in ignored]
        return spans

    def misspellings(
        self, body: str, ignored: AbstractSet[str] = frozenset()
    ) -> list[tuple[int, int, str]]:
        """Return (start, end, word) of each misspelt word of a whole section body.

        >>> Speller("en", UserWords(Path("/nonexistent/words.txt"))).misspellings("Fine.\\nTeh end")
        [(6, 9, 'Teh')]
        """
        found, offset = [], 0
        for line in body.split("\n"):
            spans = self.misspelt_spans(line, ignored)
            found += [(offset + a, offset + b, line[a:b]) for a, b in spans]
            offset += len(line) + 1
        return found

    def _misspelt_parts(self, token: str, start: int) -> list[tuple[int, int]]:
        """Check a hyphenated token whole, else part by part (only unknown parts are marked)."""
        if not self.is_misspelt(token):
            return []
        if "-" not in token:
            return [(start, start + len(token))]
        spans, offset = [], start
        for part in token.split("-"):
            if self.is_misspelt(part):
                spans.append((offset, offset + len(part)))
            offset += len(part) + 1
        return spans

    def is_misspelt(self, word: str) -> bool:
        """Return whether a word is flagged (the skip rules, the user's words, the dictionary)."""
        verdict = self._verdicts.get(word)
        if verdict is None:
            verdict = self._verdicts[word] = self._judge(word)
        return verdict

    def _judge(self, word: str) -> bool:
        if _never_flagged(word):
            return False
        plain = word.replace("’", "'")
        if self._known(plain):
            return False
        if "-" in plain:
            return any(self.is_misspelt(part) for part in plain.split("-"))
        if "'" in plain:
            return not self._known_with_apostrophe(plain)
        return True

    def _known(self, word: str) -> bool:
        """In the dictionary (any case), the user's words, or (English) spelt the British way."""
        if word.casefold() in self._dictionary or word.lower() in self._dictionary:
            return True
        if word in self.user_words:
            return True
        return self.language == "en" and any(
            us.lower() in self._dictionary for us in _american_forms(word)
        )

    def _known_with_apostrophe(self, word: str) -> bool:
        """Possessives (Taliban's, Taliban') and elisions (l'homme, dell'anno, qu'il)."""
        for suffix in ("'s", "'"):
            stem = word.removesuffix(suffix)
            if stem != word and self._known(stem):
                return True
        head, _, rest = word.partition("'")
        return len(head) <= _ELISION_MAX and self._known(rest)

    def suggestions(self, word: str, limit: int = 6) -> list[str]:
        """Return up to limit known words close to word, the most common first, cased as it."""
        if len(word) > MAX_SUGGEST_LENGTH or not word.strip():
            return []
        lowered = word.lower()
        found = self._checker.known(self._checker.edit_distance_1(lowered))
        if not found and len(word) <= MAX_DISTANCE_2_LENGTH:
            # pyspellchecker's edit_distance_2 lists every string first: 2.5x slower than this.
            one_edit, dictionary = self._checker.edit_distance_1, self._dictionary
            found = {w for near in one_edit(lowered) for w in one_edit(near) if w in dictionary}
        found.discard(lowered)
        ranked = sorted(found, key=lambda w: (-self._dictionary[w], w))[:limit]
        return [_cased_as(word, w) for w in ranked]


def _dictionary_bytes(language: str) -> bytes | None:
    """Return a language's shipped dictionary as stored: pyspellchecker's gzipped JSON."""
    import pkgutil

    return pkgutil.get_data("spellchecker", f"resources/{language}.json.gz")


def _read_dictionary(language: str) -> dict[str, int]:
    """Return a shipped dictionary's word frequencies (~0.2–0.6 s); raise WordListUnreadable
    if it is missing or damaged, so spelling in its language is off with that reason."""
    import json
    import zlib

    name = LANGUAGES[language]
    try:
        packed = _dictionary_bytes(language) or b""
        inflate = zlib.decompressobj(wbits=31)  # gzip
        text = inflate.decompress(packed, MAX_DICTIONARY_BYTES)
        if inflate.unconsumed_tail:
            raise ValueError(f"over {MAX_DICTIONARY_BYTES // (1024 * 1024)} MB unpacked")
        if not inflate.eof:
            raise ValueError("cut short" if packed else "missing or empty")
        frequencies = json.loads(text)
        if not isinstance(frequencies, dict) or not all(
            isinstance(n, int) for n in frequencies.values()
        ):
            raise ValueError("not a table of words and their frequencies")
    except (OSError, ValueError, zlib.error) as exc:
        reason = " ".join(str(exc).split())[:120]
        raise WordListUnreadable(
            f"the {name} spelling dictionary cannot be read ({reason}); spelling in {name} is off"
        ) from exc
    return frequencies


def _not_prose(text: str) -> list[tuple[int, int]]:
    """Return the spans of citations, code, link targets and addresses in a paragraph."""
    spans: list[tuple[int, int]] = []
    if "[" in text:
        spans += [m.span() for m in _BRACKETED.finditer(text)]
    if "`" in text:
        spans += [m.span() for m in _CODE.finditer(text)]
    if "](" in text:
        spans += [m.span() for m in _LINK_TARGET.finditer(text)]
    reached = -1
    for hint in _ADDRESS_HINT.finditer(text):
        if hint.start() < reached:
            continue  # inside the address just taken
        start = max(text.rfind(c, 0, hint.start()) for c in " \t\n") + 1
        found = _SPACE.search(text, hint.end())
        end = found.start() if found else len(text)
        if hint.group() == "@" and not _EMAIL.search(text, start, end):
            continue  # the @ of a citation, or of a handle: words around it are prose
        spans.append((start, end))
        reached = end
    return spans


# The English dictionary spells the American way; analysts often write British English.
_BRITISH = (
    (re.compile(r"is(e|es|ed|ing|ation|ations|er|ers)$", re.I), r"iz\1"),  # organise
    (re.compile(r"ys(e|es|ed|ing)$", re.I), r"yz\1"),  # analyse
    (
        re.compile(r"our(s|ed|ing|er|ers|ful|ite|ites|able|ist|ists)?$", re.I),
        r"or\1",
    ),  # labour, favourite
    # centre, theatre, metre…: named, since "-tre" → "-ter" would pass French (ministre).
    (
        re.compile(r"(cent|theat|met|lit|fib|calib|spect|somb|lust|meag|sab)re(s|d)?$", re.I),
        r"\1er\2",
    ),
    (re.compile(r"([^l])ll(ed|ing|er|ers)$", re.I), r"\1l\2"),  # travelled
    (re.compile(r"ence(s)?$", re.I), r"ense\1"),  # defence, licence
    (re.compile(r"ogue(s)?$", re.I), r"og\1"),  # catalogue
    (re.compile(r"ae", re.I), "e"),  # paediatric
    (re.compile(r"mme(s)?$", re.I), r"m\1"),  # programme
)


def _american_forms(word: str) -> list[str]:
    """Return the American spellings a British word may have (labour → labor)."""
    return [f for pattern, us in _BRITISH if (f := pattern.sub(us, word)) != word]


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    """Return text with the spans replaced by spaces (same length, so offsets hold)."""
    if not spans:
        return text
    chars = list(text)
    for a, b in spans:
        chars[a:b] = " " * (b - a)
    return "".join(chars)


def _never_flagged(word: str) -> bool:
    """Single letters, words with digits or underscores, and words in capitals."""
    if len(word) < 2 or any(c.isdigit() or c == "_" for c in word):
        return True
    for part in re.split(r"['’-]", word):
        # NATO, NATO's; McCain, iPhone, al-Qaeda: names and acronyms, not prose.
        if len(part) > 1 and (part.isupper() or any(c.isupper() for c in part[1:])):
            return True
    return False


def _cased_as(original: str, suggestion: str) -> str:
    if original[:1].isupper():
        return suggestion[:1].upper() + suggestion[1:]
    return suggestion


class Spellers:
    """The spellers made so far, one per language, shared by every editor (thread-safe).

    `get` makes a language's speller (slow, the first time); `ready` never waits.
    """

    def __init__(self, user_words: UserWords | None = None) -> None:
        self.user_words = user_words or UserWords(user_words_path())
        self._spellers: dict[str, Speller] = {}
        self._lock = threading.Lock()

    def get(self, language: str) -> Speller:
        """Return the speller of a language, reading its dictionary if not read yet."""
        check_language(language)
        self.user_words.words()  # read here, off the UI thread, not on the first keystroke
        with self._lock:
            speller = self._spellers.get(language)
            if speller is None:
                speller = self._spellers[language] = Speller(language, self.user_words)
            return speller

    def ready(self, language: str) -> Speller | None:
        """Return the speller of a language if its dictionary is read, else None."""
        return self._spellers.get(language)

    def add_word(self, word: str) -> WordListEdit:
        """Add a word to the user's list (every language knows it from now on); return the
        edit, which `revert_words` undoes."""
        return self._forgetting(self.user_words.add(word))

    def remove_word(self, word: str) -> WordListEdit:
        """Take a word out of the user's list; return the edit, which `revert_words` undoes."""
        return self._forgetting(self.user_words.remove(word))

    def revert_words(self, edit: WordListEdit) -> WordListEdit:
        """Undo a change of the user's list; return the edit that redoes it."""
        return self._forgetting(self.user_words.revert(edit))

    def _forgetting(self, edit: WordListEdit) -> WordListEdit:
        # Every speller remembers its verdicts per word: the changed words are judged anew.
        for speller in list(self._spellers.values()):
            speller.forget()
        return edit
