"""Spelling: what is flagged, what never is, the writer's own words, other languages."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from briefing_app.core.errors import CannotWrite, InvalidInput, WordListUnreadable
from briefing_app.core.library import Library
from briefing_app.core.records import note_settings
from briefing_app.core.text import spelling
from briefing_app.core.text.spelling import (
    LANGUAGES,
    MAX_WORD_LIST_BYTES,
    Speller,
    Spellers,
    UserWords,
    WordListEdit,
)


@pytest.fixture(scope="module")
def spellers(tmp_path_factory: pytest.TempPathFactory) -> Spellers:
    """Spellers shared by the module (a dictionary takes a moment to read)."""
    return Spellers(UserWords(tmp_path_factory.mktemp("spelling") / "words.txt"))


@pytest.fixture
def english(spellers: Spellers) -> Speller:
    return spellers.get("en")


def flagged(speller: Speller, text: str) -> list[str]:
    return [text[a:b] for a, b in speller.misspelt_spans(text)]


def test_a_misspelt_word_is_flagged_with_its_offsets(english: Speller) -> None:
    text = "The goverment recieved the report."
    assert english.misspelt_spans(text) == [(4, 13), (14, 22)]
    assert flagged(english, "The government received the report.") == []


@pytest.mark.parametrize(
    "text",
    [
        "As C12 and C4 show",  # claim keys
        "Police said so [@C4] and [@C4; @C15] and [C4] and [see C4, p. 2]",  # citations
        "Read https://exmaple.org/teh-raport?q=wrold and www.exmaple.org/teh",  # URLs
        "Write to analsyt.desk@exmaple.org today",  # e-mail addresses
        "See bbc.co.uk/nws/wrold for it",  # a bare address with a path
        "NATO and UNAMA and ISKP's fighters",  # acronyms, ALL CAPS, a possessive of one
        "Reports from McCrystal and iPhoen users",  # inner capitals: names
        "In 2024 the 3rd brigade of B52s and 2nd-hand A400M",  # words with digits
        "Run `teh_command --wrold` now",  # inline code
        "The [report](https://exmaple.org/raport) says",  # a link's target
    ],
)
def test_what_is_not_prose_is_never_flagged(english: Speller, text: str) -> None:
    assert flagged(english, text) == []


def test_the_words_around_what_is_skipped_are_still_checked(english: Speller) -> None:
    assert flagged(english, "Teh police [@C4] said brigde https://e.org/x wrold") == [
        "Teh",
        "brigde",
        "wrold",
    ]


def test_emphasis_marks_are_not_part_of_a_word_and_snake_case_is_a_name(english: Speller) -> None:
    assert flagged(english, "An _unprecedneted_ and **wrold** move by some_user_name") == [
        "unprecedneted",
        "wrold",
    ]


def test_apostrophes_and_hyphens_are_part_of_words(english: Speller) -> None:
    assert flagged(english, "Don't doubt the Taliban's well-known claims’ source") == []
    # Only the unknown part of a hyphenated word is marked.
    text = "a well-knwon fact"
    assert flagged(english, text) == ["knwon"]


def test_british_spellings_are_english_too(english: Speller) -> None:
    text = (
        "The labourers' organisation analysed the centre's defence programme and travelled "
        "to catalogue favourite honours"
    )
    assert flagged(english, text) == []
    assert flagged(english, "The labuor organisaton") == ["labuor", "organisaton"]


def test_words_of_the_users_list_are_known_in_every_language(tmp_path: Path) -> None:
    path = tmp_path / "config" / "spelling" / "words.txt"
    spellers = Spellers(UserWords(path))
    english, french = spellers.get("en"), spellers.get("fr")
    assert flagged(english, "Rahmonov met Qodiri") == ["Rahmonov", "Qodiri"]
    spellers.add_word("Rahmonov")
    assert flagged(english, "Rahmonov met Qodiri") == ["Qodiri"]
    assert flagged(french, "Rahmonov a rencontré") == []
    assert flagged(english, "rahmonov's aides") == []  # any case, possessive too
    # Saved at once, one word a line, and read back by the next session.
    assert path.read_text(encoding="utf-8") == "Rahmonov\n"
    assert "RAHMONOV" in UserWords(path)
    spellers.remove_word("rahmonov")
    assert flagged(english, "Rahmonov met Qodiri") == ["Rahmonov", "Qodiri"]
    assert path.read_text(encoding="utf-8") == ""


def test_adding_a_word_undoes_and_redoes_and_the_underline_follows(tmp_path: Path) -> None:
    path = tmp_path / "config" / "spelling" / "words.txt"
    path.parent.mkdir(parents=True)
    path.write_text("# my names\nDushanbe\n", encoding="utf-8")
    spellers = Spellers(UserWords(path))
    english = spellers.get("en")
    assert flagged(english, "Qodiri in Dushanbe") == ["Qodiri"]
    added = spellers.add_word("Qodiri")
    assert added == WordListEdit(added=("Qodiri",))
    assert flagged(english, "Qodiri in Dushanbe") == []
    undone = spellers.revert_words(added)
    assert path.read_text(encoding="utf-8") == "# my names\nDushanbe\n"  # exactly as it was
    assert flagged(english, "Qodiri in Dushanbe") == ["Qodiri"]
    redone = spellers.revert_words(undone)
    assert redone == added and "qodiri" in UserWords(path)
    spellers.revert_words(redone)
    assert "qodiri" not in UserWords(path)
    # A word listed already (in another case) changes nothing, so its undo takes nothing out.
    same = spellers.add_word("DUSHANBE")
    assert same == WordListEdit()
    spellers.revert_words(same)
    assert path.read_text(encoding="utf-8") == "# my names\nDushanbe\n"


def test_undoing_an_add_keeps_words_another_window_added_since(tmp_path: Path) -> None:
    path = tmp_path / "words.txt"
    mine, other = Spellers(UserWords(path)), Spellers(UserWords(path))
    added = mine.add_word("Qodiri")
    other.add_word("Rahmonov")  # another window, over the same file
    mine.revert_words(added)
    assert path.read_text(encoding="utf-8") == "Rahmonov\n"


def test_removing_a_word_undoes_with_its_own_spelling(tmp_path: Path) -> None:
    path = tmp_path / "words.txt"
    words = UserWords(path)
    words.add("McQodiri-Khan")
    removed = words.remove("mcqodiri-khan")
    assert removed == WordListEdit(removed=("McQodiri-Khan",))
    words.revert(removed)
    assert path.read_text(encoding="utf-8") == "McQodiri-Khan\n"


def test_words_ignored_in_a_note_are_not_flagged_there_and_the_ignore_undoes(
    lib: Library, spellers: Spellers
) -> None:
    english = spellers.get("en")
    note = lib.notes.create("Brief", "briefing-note", [("bluf", "BLUF")])
    other = lib.notes.create("Other", "briefing-note", [("bluf", "BLUF")])
    edit = note_settings.ignore_words(lib, note.id, ["Qodiri"])
    ignored = note_settings.ignored_words(lib.notes.get(note.id))
    assert ignored == {"qodiri"}
    assert english.misspellings("Qodiri met qodiri and Rahmonov", ignored) == [(22, 30, "Rahmonov")]
    assert note_settings.ignored_words(lib.notes.get(other.id)) == frozenset()  # per note
    lib.notes.revert(edit)
    assert note_settings.ignored_words(lib.notes.get(note.id)) == frozenset()
    # Flagged again all at once ("Recheck"), undoably; a final note takes both.
    lib.notes.set_status(note.id, "final")
    before = lib.notes.get(note.id)
    note_settings.ignore_words(lib, note.id, ["Qodiri", "Rahmonov"])
    cleared = note_settings.clear_ignored_words(lib, note.id)
    assert note_settings.ignored_words(lib.notes.get(note.id)) == frozenset()
    lib.notes.revert(cleared)
    assert note_settings.ignored_words(lib.notes.get(note.id)) == {"qodiri", "rahmonov"}
    assert lib.notes.get(note.id).modified_at == before.modified_at
    with pytest.raises(InvalidInput, match="not one word"):
        note_settings.ignore_words(lib, note.id, ["two words"])


def test_the_user_list_refuses_what_is_not_one_word(tmp_path: Path) -> None:
    words = UserWords(tmp_path / "words.txt")
    with pytest.raises(InvalidInput, match="not one word"):
        words.add("two words")
    assert not (tmp_path / "words.txt").exists()


def test_a_word_list_whose_folder_cannot_be_made_is_one_typed_error(tmp_path: Path) -> None:
    (tmp_path / "a file").write_text("", encoding="utf-8")
    words = UserWords(tmp_path / "a file" / "words.txt")
    assert "qodiri" not in words  # nothing to read: nothing known, nothing raised
    with pytest.raises(CannotWrite, match="cannot make the folder"):
        words.add("Qodiri")
    assert "qodiri" not in words


def folder_in_its_place(path: Path) -> None:
    path.mkdir(parents=True)


def pipe_in_its_place(path: Path) -> None:
    path.parent.mkdir(parents=True)
    os.mkfifo(path)  # opened for reading, it would wait for a writer for ever


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (folder_in_its_place, "is a folder, not a file"),
        pytest.param(
            pipe_in_its_place,
            "is not a plain file",
            marks=pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes"),
        ),
    ],
)
def test_a_word_list_that_cannot_be_read_leaves_spelling_on_and_says_why_in_one_line(
    tmp_path: Path, make: object, reason: str
) -> None:
    path = tmp_path / "config" / "spelling" / "words.txt"
    make(path)  # type: ignore[operator]
    spellers = Spellers(UserWords(path))
    english = spellers.get("en")  # no OSError: the dictionary still checks
    assert flagged(english, "The goverment met Qodiri") == ["goverment", "Qodiri"]
    problem = spellers.user_words.problem
    assert isinstance(problem, WordListUnreadable)
    assert str(problem) == (
        f"spelling word list {path}: {reason}; the words you added that it holds are not known"
    )
    # Adding a word would replace what could not be read: refused in one line, nothing changed.
    with pytest.raises(WordListUnreadable, match="it is left as it is, so nothing in it is lost"):
        spellers.add_word("Qodiri")
    assert flagged(english, "Qodiri") == ["Qodiri"]


def test_lines_that_are_not_utf8_are_skipped_the_others_known_and_the_list_kept(
    tmp_path: Path,
) -> None:
    path = tmp_path / "words.txt"
    original = "Qodiri\nMüller\nRahmonov\nKhujand\n".encode("latin-1")  # ü: not UTF-8
    path.write_bytes(original)
    words = UserWords(path)
    assert "qodiri" in words and "rahmonov" in words and "khujand" in words
    assert str(words.problem) == (
        f"spelling word list {path}: 1 line is not UTF-8 text and skipped; "
        "spelling goes on with the words that were read"
    )
    with pytest.raises(WordListUnreadable, match="1 line is not UTF-8 text"):
        words.add("Dushanbe")
    assert path.read_bytes() == original  # Müller is not lost to a rewrite
    assert "dushanbe" not in words


def test_a_word_list_saved_as_utf16_by_notepad_or_word_is_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "words.txt"
    path.write_bytes("Qodiri\r\nMüller\r\n".encode("utf-16"))  # with its byte-order mark
    words = UserWords(path)
    assert "qodiri" in words and "müller" in words and words.problem is None
    words.add("Dushanbe")  # read whole: it may be rewritten (as UTF-8)
    assert path.read_text(encoding="utf-8") == "Qodiri\nMüller\nDushanbe\n"


def test_a_word_list_with_old_mac_line_ends_is_read_word_by_word(tmp_path: Path) -> None:
    # Lines ended by a lone CR (classic Mac editors) were read before the size limit came in.
    path = tmp_path / "words.txt"
    path.write_bytes("Qodiri\rMüller\r".encode())
    words = UserWords(path)
    assert "qodiri" in words and "müller" in words and words.problem is None
    words.add("Dushanbe")
    assert path.read_text(encoding="utf-8") == "Qodiri\nMüller\nDushanbe\n"


def test_a_huge_word_list_is_read_up_to_the_limit_and_says_so(tmp_path: Path) -> None:
    path = tmp_path / "words.txt"
    line = "Qodiri\n"
    with path.open("w", encoding="utf-8") as file:
        file.write(line * (MAX_WORD_LIST_BYTES // len(line) + 1000))
        file.write("Rahmonov\n")  # past the limit
    words = UserWords(path)
    assert "qodiri" in words and "rahmonov" not in words
    assert str(words.problem) == (
        f"spelling word list {path}: is over 2 MB and only its first 2 MB were read; "
        "spelling goes on with the words that were read"
    )
    size = path.stat().st_size
    with pytest.raises(WordListUnreadable, match="is over 2 MB"):
        words.add("Dushanbe")
    assert path.stat().st_size == size


def test_one_huge_line_is_no_word_and_says_so(tmp_path: Path) -> None:
    path = tmp_path / "words.txt"
    path.write_text("x" * (MAX_WORD_LIST_BYTES + 10), encoding="utf-8")
    words = UserWords(path)
    assert words.words() == set()
    assert "is over 2 MB" in str(words.problem)


def test_a_line_too_long_to_be_a_word_is_not_looked_up_but_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "words.txt"
    long_line = "y" * 500
    path.write_text(f"{long_line}\nQodiri\n", encoding="utf-8")
    words = UserWords(path)
    assert words.words() == {"qodiri"} and words.problem is None
    words.add("Dushanbe")
    assert path.read_text(encoding="utf-8") == f"{long_line}\nQodiri\nDushanbe\n"


def test_a_damaged_shipped_dictionary_turns_its_language_off_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    whole = spelling._dictionary_bytes("en")
    assert whole is not None
    damaged = tmp_path / "en.json.gz"
    damaged.write_bytes(whole[: len(whole) // 2])  # a download or copy cut short
    monkeypatch.setattr(spelling, "_dictionary_bytes", lambda language: damaged.read_bytes())
    spellers = Spellers(UserWords(tmp_path / "words.txt"))
    with pytest.raises(
        WordListUnreadable,
        match=r"^the English spelling dictionary cannot be read \(cut short\); "
        r"spelling in English is off$",
    ):
        spellers.get("en")
    assert spellers.ready("en") is None
    damaged.write_bytes(b"\x1f\x8b not gzip at all")
    with pytest.raises(WordListUnreadable, match="English spelling dictionary cannot be read"):
        spellers.get("en")


def test_french_and_german_prose_is_known_in_its_own_language(spellers: Spellers) -> None:
    french, german = spellers.get("fr"), spellers.get("de")
    french_text = "L'homme qu'il a vu hier était le ministre de l'Intérieur."
    german_text = "Die Bundesregierung hat die Straße gesperrt, sagte der Sprecher."
    assert flagged(french, french_text) == []
    assert flagged(german, german_text) == []
    assert flagged(french, "Le minsitre a parlé") == ["minsitre"]
    assert flagged(german, "Die Regirung hat gesprochen") == ["Regirung"]
    # In English the same prose is mostly flagged.
    english = spellers.get("en")
    assert len(flagged(english, german_text)) >= 4


def test_suggestions_put_the_likeliest_first_and_keep_the_case(english: Speller) -> None:
    assert english.suggestions("goverment")[0] == "government"
    assert english.suggestions("Parliamnet")[0] == "Parliament"
    assert english.suggestions("teh", limit=3)[0] == "the"
    assert len(english.suggestions("teh", limit=3)) == 3
    # A very long word gets no candidate search (it would take seconds).
    assert english.suggestions("internatoinalisatoinsss") == []


def test_every_language_listed_has_a_dictionary(spellers: Spellers) -> None:
    assert {"en", "es", "fr", "it", "pt", "de", "ru", "ar", "eu", "lv", "nl", "fa"} == set(
        LANGUAGES
    )
    assert flagged(spellers.get("ru"), "Министр сказал") == []
    with pytest.raises(InvalidInput, match="no spelling dictionary for 'xx'"):
        spellers.get("xx")


def test_a_notes_language_is_english_until_set_and_the_change_undoes(lib: Library) -> None:
    note = lib.notes.create("Brief", "briefing-note", [("bluf", "BLUF")])
    assert note_settings.spelling_language(note) == "en"
    edit = note_settings.set_spelling_language(lib, note.id, "fr")
    assert note_settings.spelling_language(lib.notes.get(note.id)) == "fr"
    lib.notes.revert(edit)
    assert note_settings.spelling_language(lib.notes.get(note.id)) == "en"
    with pytest.raises(InvalidInput, match="no spelling dictionary"):
        note_settings.set_spelling_language(lib, note.id, "klingon")
    assert note_settings.spelling_language(lib.notes.get(note.id)) == "en"


def test_a_final_note_takes_a_language_and_keeps_its_modified_time(lib: Library) -> None:
    note = lib.notes.create("Brief", "briefing-note", [("bluf", "BLUF")])
    lib.notes.set_status(note.id, "final")
    before = lib.notes.get(note.id)
    note_settings.set_spelling_language(lib, note.id, "de")
    after = lib.notes.get(note.id)
    assert note_settings.spelling_language(after) == "de"
    assert after.modified_at == before.modified_at
