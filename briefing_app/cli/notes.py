"""`briefing notes`: the notes in the library."""

from __future__ import annotations

from typing import BinaryIO

import click

from briefing_app.cli.context import AppContext, pass_app
from briefing_app.cli.output import echo, echo_json, echo_table, echo_template_problems
from briefing_app.core.errors import BriefingError
from briefing_app.core.text.control_chars import manual_breaks_as


@click.command("notes")
@click.option("--json", "as_json", is_flag=True, help="Print as JSON (with section bodies).")
@pass_app
def notes_command(app: AppContext, as_json: bool) -> None:
    """List the notes in the library.

    Example: briefing notes --json
    """
    from briefing_app.core.templates import printed_marking

    lib = app.library()
    notes = lib.notes.all()
    if as_json:
        echo_json([{**n.to_json(), "cited": lib.notes.cited_keys(n)} for n in notes])
        return
    echo_table(
        ["ID", "Title", "Template", "Status", "Marking", "Cites"],
        [
            (n.id, n.title, n.template, n.status, printed_marking(n), len(lib.notes.cited_keys(n)))
            for n in notes
        ],
    )


@click.group("note")
def note_group() -> None:
    """Create, show and edit one note."""


@note_group.command("new")
@click.option("--template", "template_name", required=True, help="Template name (see `templates`).")
@click.option("--title", required=True, help="The note's title.")
@click.option("--marking", default=None, help="Handling marking (default: the template's).")
@click.option("--to", "memo_to", default="", help="Addressee (MEMO FOR / To).")
@click.option("--from", "memo_from", default="", help="Author or originating unit.")
@click.option("--subject", default="", help="Subject line.")
@click.option("--date", "memo_date", default="", help="Date printed on the memo, YYYY-MM-DD.")
@click.option(
    "--setting",
    "settings",
    multiple=True,
    metavar="NAME=VALUE",
    help="A template header field kept in the note's settings (e.g. report_number=3).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the new note as JSON.")
@pass_app
def note_new(
    app: AppContext,
    template_name: str,
    title: str,
    marking: str | None,
    memo_to: str,
    memo_from: str,
    subject: str,
    memo_date: str,
    settings: tuple[str, ...],
    as_json: bool,
) -> None:
    """Create an empty note with the sections of a template.

    Example: briefing note new --template sitrep --title "Khatlon attack" --setting report_number=3
    """
    from briefing_app.core.records.note_settings import check_field_names, set_note_fields
    from briefing_app.core.templates import get_template
    from briefing_app.core.text.dates import check_day

    # Refuse a bad date before the library file is created (core checks it again).
    memo_date = check_day(memo_date, "memo date") or ""

    values = _name_values(settings, "--setting")
    template = get_template(template_name)
    echo_template_problems()  # the others: this one would have raised
    # A mistyped name would be kept unseen (nothing prints it): refused, as by `note set --field`,
    # before a library is made.
    check_field_names(template, values)
    lib = app.library(create=True)
    with lib.write():  # the note and its settings, or nothing
        note = lib.notes.create(
            title,
            template.name,
            template.headings(),
            # Blank means the template's: an export always prints a marking.
            marking=(marking or "").strip() or template.marking.default,
            memo_to=memo_to,
            memo_from=memo_from,
            subject=subject,
            memo_date=memo_date,
        )
        if values:
            set_note_fields(lib, note, template, values)
            note = lib.notes.get(note.id)
    if as_json:
        echo_json(note.to_json())
    else:
        echo(f"Created note {note.id}: {note.title} ({template.name})")


@note_group.command("show")
@click.argument("note_ref", metavar="NOTE")
@click.option("--json", "as_json", is_flag=True, help="Print as JSON (with cited claim keys).")
@pass_app
def note_show(app: AppContext, note_ref: str, as_json: bool) -> None:
    """Show a note (by id, uid or title): header and section bodies.

    Example: briefing note show 1 --json
    """
    from briefing_app.core.templates import printed_marking

    lib = app.library()
    note = lib.notes.find(note_ref)
    if as_json:
        echo_json({**note.to_json(), "cited": lib.notes.cited_keys(note)})
        return
    echo(f"# {note.title}")
    marking = printed_marking(note)
    echo(f"Note {note.id} · template {note.template} · {note.status} · {marking}")
    for label, value in (
        ("To", note.memo_to),
        ("From", note.memo_from),
        ("Subject", note.subject),
        ("Date", note.memo_date),
    ):
        if value:
            echo(f"{label}: {value}")
    for section in note.sections:
        echo(f"\n## {section.heading} [{section.key}]\n")
        # A manual line break (Shift+Enter) prints as one, not as an escaped control character.
        echo(manual_breaks_as(section.body) or "(empty)")


@note_group.command("set")
@click.argument("note_ref", metavar="NOTE")
@click.argument("section", required=False)
@click.argument("text", required=False)
@click.option(
    "--file",
    "body_file",
    type=click.File("rb"),
    help="Markdown file with the new body of SECTION ('-' for standard input), instead of TEXT.",
)
@click.option(
    "--field",
    "fields",
    multiple=True,
    metavar="NAME=VALUE",
    help="Set a header field (subject, memo_to…) or one of the template's own, such as a "
    "clearance line (prepared_by=NAME, prepared_by_date=YYYY-MM-DD); a blank value clears it.",
)
@pass_app
def note_set(
    app: AppContext,
    note_ref: str,
    section: str | None,
    text: str | None,
    body_file: BinaryIO | None,
    fields: tuple[str, ...],
) -> None:
    """Replace the body of SECTION of a note with TEXT (Markdown), or set its fields.

    TEXT '-' reads the body from standard input; --file reads it from a file.

    Example: briefing note set 1 summary "Talks resumed in Geneva [@C1]."

    Example: briefing note set 1 background --file background.md

    Example: briefing note set 1 --field approved_by="J. Tremblay"
    """
    body = _section_body(section, text, body_file, fields)
    values = _name_values(fields, "--field")
    lib = app.library()
    note = lib.notes.find(note_ref)
    if values:
        from briefing_app.core.records.note_settings import set_note_fields
        from briefing_app.core.templates import get_template

        set_note_fields(lib, note, get_template(note.template), values)
        echo(f"Set {', '.join(values)} of note {note.id}.")
    if section is not None and body is not None:
        lib.notes.set_section(note.id, section, body)
        echo(f"Updated section {section!r} of note {note.id}.")


def _section_body(
    section: str | None, text: str | None, body_file: BinaryIO | None, fields: tuple[str, ...]
) -> str | None:
    """Return the new section body `note set` was given (None for none); usage errors say how."""
    from briefing_app.core.importers.decoding import decode_utf8
    from briefing_app.core.text.anchors import normalise_text

    if text is not None and body_file is not None:
        raise click.UsageError("give the new body as TEXT or with --file, not both")
    if section is None:
        if body_file is not None:
            raise click.UsageError("--file needs the SECTION it replaces: note set NOTE SECTION")
        if not fields:
            raise click.UsageError(
                'nothing to set: give SECTION "TEXT" (or SECTION --file FILE), '
                "or --field NAME=VALUE"
            )
        return None
    if text is None and body_file is None:
        raise click.UsageError(
            f'give the new body of {section!r}: note set NOTE {section} "TEXT", '
            "TEXT '-' for standard input, or --file FILE"
        )
    if text is not None and text != "-":
        return normalise_text(text)
    # '-' as TEXT is standard input, as `--file -` is (click's own convention for files).
    source = body_file if body_file is not None else click.get_binary_stream("stdin")
    data = source.read()
    if not data and (body_file is None or getattr(body_file, "name", "-") in ("-", "<stdin>")):
        # A pipe whose writer failed sends nothing: that must not wipe the section.
        raise click.ClickException(
            f'nothing on standard input: {section!r} left as it was (TEXT "" empties it)'
        )
    try:
        return normalise_text(decode_utf8(data))
    except BriefingError as exc:
        raise click.ClickException(f"{getattr(source, 'name', '-')}: {exc}") from exc


@note_group.command("spelling")
@click.argument("note_ref", metavar="NOTE")
@click.option(
    "--language",
    default=None,
    metavar="CODE",
    help="First set the note's spelling language: en, ar, de, es, eu, fa, fr, it, lv, nl, pt, "
    "ru (undo it by setting the old one back).",
)
@click.option(
    "--ignore",
    "ignore",
    multiple=True,
    metavar="WORD",
    help="First stop flagging WORD in this note, as Ignore in the app (repeatable).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the misspelt words as JSON.")
@pass_app
def note_spelling(
    app: AppContext, note_ref: str, language: str | None, ignore: tuple[str, ...], as_json: bool
) -> None:
    """List a note's misspelt words with corrections, in the note's language (or set it).

    Claim keys, citations, addresses and words in capitals are never listed; neither are the
    words of your own list (Add to dictionary in the app) nor those ignored in the note.

    Example: briefing note spelling 1 --language fr --ignore Qodiri
    """
    from briefing_app.core.records import note_settings
    from briefing_app.core.text.spelling import LANGUAGES, Spellers

    lib = app.library()
    note = lib.notes.find(note_ref)
    if language is not None or ignore:
        with lib.write():  # both or neither: a bad --ignore must not leave the language set
            if language is not None:
                note_settings.set_spelling_language(lib, note.id, language)
            if ignore:
                note_settings.ignore_words(lib, note.id, ignore)
        note = lib.notes.get(note.id)
    language = note_settings.spelling_language(note)
    spellers = Spellers()
    speller = spellers.get(language)
    if spellers.user_words.problem is not None:
        echo(f"Warning: {spellers.user_words.problem}", err=True)
    ignored = note_settings.ignored_words(note)
    found = [
        {"section": s.key, "start": a, "end": b, "word": w, "suggestions": speller.suggestions(w)}
        for s in note.sections
        for a, b, w in speller.misspellings(s.body, ignored)
    ]
    if as_json:
        echo_json({"note": note.id, "language": language, "misspelt": found})
        return
    echo(f"Note {note.id} in {LANGUAGES[language]}: {len(found)} misspelt")
    echo_table(
        ["Section", "At", "Word", "Suggestions"],
        [(f["section"], f["start"], f["word"], ", ".join(f["suggestions"])) for f in found],
    )


def _name_values(items: tuple[str, ...], option: str) -> dict[str, str]:
    """Return NAME=VALUE items as a dict; raise BadParameter naming a malformed one."""
    values = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise click.BadParameter(f"{item!r} is not NAME=VALUE", param_hint=option)
        values[name.strip()] = value.strip()
    return values


COMMANDS = [notes_command, note_group]
