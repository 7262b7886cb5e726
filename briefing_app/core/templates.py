"""Note templates: YAML files in templates/ (and the user's config folder) as validated records.

>>> tpl = get_template("briefing-note")
>>> [s.key for s in tpl.sections][:2]
['summary', 'issue']
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import platformdirs
import yaml

from briefing_app.core.bundled.resources import bundled_dir
from briefing_app.core.errors import InvalidInput, NotFound, TemplateError
from briefing_app.core.records.grading import TLP_ORDER
from briefing_app.core.records.note_settings import DATE_SUFFIX, RESERVED
from briefing_app.core.records.notes import HEADER_FIELDS

if TYPE_CHECKING:
    from briefing_app.core.models import Note

SECTION_KINDS = ("factual", "assessment", "recommendation", "mixed")
CITATION_STYLES = ("footnotes", "endnotes", "inline")
MARKING_PLACEMENTS = ("banner", "tlp")
CLEARANCE_PLACEMENTS = ("end", "header")
LIMIT_NAMES = (
    "max_words",
    "max_sentences",
    "max_sentence_words",
    "max_paragraph_sentences",
    "max_lines",
    "pages",
)
# A template is a page of settings: these bounds are far above any real one, and keep a
# hostile file (a YAML alias bomb, 20,000 sections, a 10 MB heading) from costing minutes,
# gigabytes or an export Word cannot open.
MAX_TEMPLATE_BYTES = 256 * 1024
MAX_YAML_VALUES = 50_000  # counted with every alias expanded
MAX_SECTIONS = 100
MAX_HEADING_CHARS = 200  # headings, labels, names: one line each
MAX_TEXT_CHARS = 10_000  # guidance, descriptions, box texts


@dataclass(frozen=True)
class Limits:
    """Length limits checked against a section (or the whole note); None means no limit."""

    max_words: int | None = None
    max_sentences: int | None = None
    max_sentence_words: int | None = None
    max_paragraph_sentences: int | None = None
    max_lines: int | None = None
    pages: int | None = None

    def merged(self, override: Limits) -> Limits:
        """Return these limits with every limit set in override replacing ours."""
        values = {n: getattr(override, n) or getattr(self, n) for n in LIMIT_NAMES}
        return Limits(**values)


@dataclass(frozen=True)
class SectionSpec:
    """One section a template asks for: key, heading, guidance, kind and limits."""

    key: str
    heading: str
    kind: str = "mixed"
    guidance: str = ""
    limits: Limits = field(default_factory=Limits)
    decision: bool = False  # print "Approve ___ Disapprove ___" after the section (action memos)
    # Statements here must not rest on a single source (checks). None: not said, so judged
    # by kind (an assessment or summary section, when no section is marked; `checks.profile`).
    key_judgments: bool | None = None

    @property
    def factual(self) -> bool:
        """Whether every sentence of this section should trace to a cited claim."""
        return self.kind == "factual"

    @property
    def assessment(self) -> bool:
        """Whether this section holds judgments (where hedges and estimative terms are checked)."""
        return self.kind in ("assessment", "mixed")


@dataclass(frozen=True)
class HeaderField:
    """One line of the memo header block: a note field (or settings.NAME) and its label."""

    field: str
    label: str


@dataclass(frozen=True)
class MarkingSpec:
    """The handling marking: default, placement, and the scheme ordering markings."""

    default: str = ""
    placement: str = "banner"
    scheme: tuple[str, ...] = ()
    portion_marks: bool = False

    def rank(self, marking: str) -> int | None:
        """Return how restrictive marking is in the scheme (0 = least), or None if unknown."""
        wanted = marking.strip().upper()
        for n, name in enumerate(self.scheme):
            if name.upper() == wanted:
                return n
        return None


@dataclass(frozen=True)
class CitationSpec:
    """How citations are printed: footnotes, endnotes or inline attribution."""

    style: str = "footnotes"
    show_grades: bool = False
    sources_list: bool = True
    note_style: str = "house"  # the citation style: what each note says (citation_styles.py)


@dataclass(frozen=True)
class ClearanceLine:
    """A drafting or clearance line (Prepared by, Approved by): its settings key and label.

    The note keeps the name under key and the date under key_date (`note_settings`).
    """

    field: str
    label: str


@dataclass(frozen=True)
class ClearanceSpec:
    """The drafting and clearance block: its lines and where it prints (end or header)."""

    lines: tuple[ClearanceLine, ...] = ()
    placement: str = "end"


@dataclass(frozen=True)
class BoxSpec:
    """A shaded explainer box (Markdown text) printed after a section."""

    after: str
    title: str
    text: str


@dataclass(frozen=True)
class NoteTemplate:
    """A validated note template."""

    name: str
    label: str
    description: str
    sections: tuple[SectionSpec, ...]
    header: tuple[HeaderField, ...] = ()
    marking: MarkingSpec = field(default_factory=MarkingSpec)
    citations: CitationSpec = field(default_factory=CitationSpec)
    claims_annex: bool = False
    # The cited claims by event date, and per key question its positions and their sources.
    chronology_annex: bool = False
    competing_claims_annex: bool = False
    # The ACH matrix (with its scores) and the key assumptions of the questions the note
    # answers or judges.
    ach_annex: bool = False
    assumptions_annex: bool = False
    limits: Limits = field(default_factory=Limits)
    boxes: tuple[BoxSpec, ...] = ()
    reference_docx: Path | None = None
    path: Path | None = None
    checks_off: tuple[str, ...] = ()  # analytic check rule ids switched off for this template
    clearance: ClearanceSpec = field(default_factory=ClearanceSpec)

    def section(self, key: str) -> SectionSpec | None:
        """Return the section spec with this key, or None."""
        return next((s for s in self.sections if s.key == key), None)

    def section_limits(self, key: str) -> Limits:
        """Return the note-wide limits overridden by this section's own."""
        spec = self.section(key)
        return self.limits if spec is None else self.limits.merged(spec.limits)

    def setting_fields(self) -> list[str]:
        """Return the fields this template keeps in a note's settings: header lines of the
        form settings.NAME, then each clearance line's name and date (NAME, NAME_date)."""
        fields = [h.field.removeprefix("settings.") for h in self.header]
        fields = [f for f, h in zip(fields, self.header, strict=True) if h.field != f]
        for line in self.clearance.lines:
            fields += [line.field, line.field + DATE_SUFFIX]
        return fields

    def headings(self) -> list[tuple[str, str]]:
        """Return (key, heading) pairs in order, as lib.notes.create takes them."""
        return [(s.key, s.heading) for s in self.sections]

    def to_json(self) -> dict[str, Any]:
        """Return the JSON form shown by `briefing templates --json`."""
        return {
            "name": self.name,
            "label": self.label,
            "description": self.description,
            "path": str(self.path) if self.path else None,
            "reference_docx": str(self.reference_docx) if self.reference_docx else None,
            "header": [{"field": h.field, "label": h.label} for h in self.header],
            "marking": {
                "default": self.marking.default,
                "placement": self.marking.placement,
                "scheme": list(self.marking.scheme),
                "portion_marks": self.marking.portion_marks,
            },
            "citations": {
                "style": self.citations.style,
                "show_grades": self.citations.show_grades,
                "sources_list": self.citations.sources_list,
                "note_style": self.citations.note_style,
            },
            "claims_annex": self.claims_annex,
            "chronology_annex": self.chronology_annex,
            "competing_claims_annex": self.competing_claims_annex,
            "ach_annex": self.ach_annex,
            "assumptions_annex": self.assumptions_annex,
            "limits": _limits_json(self.limits),
            "sections": [
                {
                    "key": s.key,
                    "heading": s.heading,
                    "kind": s.kind,
                    "guidance": s.guidance,
                    "limits": _limits_json(s.limits),
                    "decision": s.decision,
                }
                for s in self.sections
            ],
            "boxes": [{"after": b.after, "title": b.title, "text": b.text} for b in self.boxes],
            "checks_off": list(self.checks_off),
            "clearance": {
                "placement": self.clearance.placement,
                "lines": [{"field": c.field, "label": c.label} for c in self.clearance.lines],
            },
        }


def _limits_json(limits: Limits) -> dict[str, int]:
    return {n: v for n in LIMIT_NAMES if (v := getattr(limits, n)) is not None}


def user_templates_dir() -> Path:
    """Return the folder where a user's own templates live (config dir / templates)."""
    return Path(platformdirs.user_config_dir("briefing", appauthor=False)) / "templates"


def load_templates(user_dir: Path | None = None) -> dict[str, NoteTemplate]:
    """Return every template by name: bundled ones, then the user's (which override by name).

    A user file that is not a valid template is left out: template_problems() says why.
    """
    return {**_bundled_templates(), **_read_user_templates(user_dir or user_templates_dir())[0]}


def template_problems(user_dir: Path | None = None) -> list[TemplateError]:
    """Return why each user template file that load_templates leaves out is not valid."""
    return list(_read_user_templates(user_dir or user_templates_dir())[1].values())


def get_template(name: str, user_dir: Path | None = None) -> NoteTemplate:
    """Return the template called name; raise NotFound listing the known ones."""
    # Fast path: with no user templates (which may override any name), a bundled template is
    # NAME.yaml, so an export reads one file rather than every template.
    user = user_dir or user_templates_dir()
    if not _template_files(user):
        path = bundled_dir("templates") / f"{name}.yaml"
        if path.is_file():
            template = load_template_file(path)
            if template.name == name:
                return template
    user_templates, problems = _read_user_templates(user)
    for path, problem in problems.items():
        # A broken NAME.yaml was meant to be (or to override) this template: say what is wrong
        # with it rather than answer with another template or "no template".
        if path.stem == name:
            raise problem
    templates = {**_bundled_templates(), **user_templates}
    if name not in templates:
        unread = f"; not read: {', '.join(p.name for p in problems)}" if problems else ""
        raise NotFound(f"no template {name!r} (known: {', '.join(sorted(templates))}{unread})")
    return templates[name]


def _template_files(folder: Path) -> list[Path]:
    """Return the folder's template files (regular files only: a FIFO would block a read)."""
    if not folder.is_dir():
        return []
    return [p for p in sorted(folder.glob("*.yaml")) if p.is_file()]


def _bundled_templates() -> dict[str, NoteTemplate]:
    """Return the templates shipped with Briefing by name (an invalid one is our bug: raise)."""
    return {t.name: t for t in map(load_template_file, _template_files(bundled_dir("templates")))}


def _read_user_templates(
    folder: Path,
) -> tuple[dict[str, NoteTemplate], dict[Path, TemplateError]]:
    """Return the user's valid templates by name and the error of each invalid file."""
    templates: dict[str, NoteTemplate] = {}
    problems: dict[Path, TemplateError] = {}
    # One broken file of the user's must not take every template (and so every export) with it.
    for path in _template_files(folder):
        try:
            template = load_template_file(path)
        except TemplateError as exc:
            problems[path] = exc
        else:
            templates[template.name] = template
    return templates, problems


def printed_marking(note: Note, template: NoteTemplate | None = None) -> str:
    """Return the marking an export prints on note: its own, else its template's default."""
    # Every exported page carries a marking, so a blank one stands for the template's default;
    # listings, `note show` and the checks show this same marking.
    if note.marking.strip():
        return note.marking.strip()
    if template is None:
        try:
            template = get_template(note.template)
        except InvalidInput:  # NotFound and TemplateError: nothing to fall back to
            return ""
    return template.marking.default


# --- parsing with line numbers -------------------------------------------------------------


class _Map(dict[str, Any]):
    """A YAML mapping that remembers the line it starts on and the line of each key."""

    line: int = 0
    key_lines: dict[str, int]


try:  # libyaml's parser when present: templates load several times faster
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]


class _LineLoader(_BaseLoader):
    """A safe loader whose mappings know their line numbers (for error messages)."""


def _construct_map(loader: _LineLoader, node: yaml.MappingNode) -> _Map:
    loader.flatten_mapping(node)
    result = _Map()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        result[str(key)] = loader.construct_object(value_node, deep=True)
        result.key_lines[str(key)] = key_node.start_mark.line + 1
    return result


_LineLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG,
    _construct_map,
)


def _load_yaml(path: Path) -> Any:
    """Parse a template file, refusing one far bigger than any template or a YAML alias bomb."""
    try:
        with path.open("rb") as f:
            size = os.fstat(f.fileno()).st_size
            raw = f.read(MAX_TEMPLATE_BYTES + 1) if size <= MAX_TEMPLATE_BYTES else b""
    except OSError as exc:
        raise TemplateError(f"{path}: cannot be read ({exc.strerror or exc})") from exc
    size = max(size, len(raw))
    if size > MAX_TEMPLATE_BYTES:
        raise TemplateError(
            f"{path}: the file is {size // 1024:,} KB; "
            f"the limit is {MAX_TEMPLATE_BYTES // 1024} KB for a template"
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise TemplateError(f"{path}: not UTF-8 text") from exc
    loader = _LineLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        _check_expanded_size(node, path)
        return loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else 0
        raise TemplateError(f"{path}:{line}: not valid YAML: {exc.problem}") from exc
    finally:
        loader.dispose()


def _check_expanded_size(root: yaml.Node, path: Path) -> None:
    """Refuse YAML whose aliases expand to more values than any template holds."""
    # An alias shares its anchor's node, so a 500-byte file can stand for billions of values
    # (an alias bomb); whatever walks them (str() of a mapping key, a merge key) would then
    # take minutes and gigabytes. Count the values as that walk would see them, up to the cap.
    count = 0
    stack = [root]
    while stack:
        node = stack.pop()
        count += 1
        if count > MAX_YAML_VALUES:
            raise TemplateError(
                f"{path}:{node.start_mark.line + 1}: the YAML expands to over "
                f"{MAX_YAML_VALUES:,} values through its aliases; the limit is {MAX_YAML_VALUES:,}"
            )
        if isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            stack.extend(item for pair in node.value for item in pair)


class _Reader:
    """Reads typed values out of one template file, raising TemplateError with file:line."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def fail(self, where: _Map | None, key: str | None, message: str) -> TemplateError:
        line = 0
        if where is not None:
            line = where.key_lines.get(key or "", where.line) if key else where.line
        prefix = f"{self.path}:{line}" if line else str(self.path)
        return TemplateError(f"{prefix}: {message}")

    def mapping(self, data: Any, where: _Map, key: str) -> _Map:
        if not isinstance(data, _Map):
            raise self.fail(where, key, f"{key} must be a mapping")
        return data

    def text(
        self,
        m: _Map,
        key: str,
        *,
        required: bool = False,
        default: str = "",
        max_chars: int = MAX_TEXT_CHARS,
    ) -> str:
        if key not in m or m[key] is None:
            if required:
                raise self.fail(m, None, f"missing required field {key!r}")
            return default
        value = m[key]
        if not isinstance(value, str | int | float) or isinstance(value, bool):
            raise self.fail(m, key, f"{key} must be text")
        text = str(value).strip()
        if len(text) > max_chars:
            raise self.fail(m, key, f"{key} is {len(text)} characters; the limit is {max_chars}")
        return text

    def flag(self, m: _Map, key: str, default: bool) -> bool:
        value = m.get(key, default)
        if not isinstance(value, bool):
            raise self.fail(m, key, f"{key} must be true or false")
        return value

    def choice(self, m: _Map, key: str, choices: tuple[str, ...], default: str) -> str:
        value = self.text(m, key, default=default)
        if value not in choices:
            raise self.fail(m, key, f"{key} must be one of {', '.join(choices)} (not {value!r})")
        return value

    def limits(self, m: _Map, key: str) -> Limits:
        if key not in m:
            return Limits()
        data = self.mapping(m[key], m, key)
        values: dict[str, int] = {}
        for name, value in data.items():
            if name not in LIMIT_NAMES:
                raise self.fail(
                    data, name, f"unknown limit {name!r} (known: {', '.join(LIMIT_NAMES)})"
                )
            if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
                raise self.fail(data, name, f"limit {name} must be a positive whole number")
            values[name] = value
        return Limits(**values)

    def items(self, m: _Map, key: str, *, required: bool = False) -> list[_Map]:
        value = m.get(key)
        if value is None:
            if required:
                raise self.fail(m, None, f"missing required field {key!r}")
            return []
        if not isinstance(value, list) or not all(isinstance(v, _Map) for v in value):
            raise self.fail(m, key, f"{key} must be a list of mappings")
        return value


_SECTION_KEYS = {"key", "heading", "kind", "guidance", "limits", "decision", "key_judgments"}
_TOP_KEYS = {
    "name",
    "label",
    "description",
    "reference_docx",
    "header",
    "marking",
    "citations",
    "claims_annex",
    "chronology_annex",
    "competing_claims_annex",
    "ach_annex",
    "assumptions_annex",
    "limits",
    "sections",
    "boxes",
    "checks_off",
    "clearance",
}


def load_template_file(path: Path) -> NoteTemplate:
    """Read and validate one template file; raise TemplateError naming the file and line."""
    data = _load_yaml(path)
    r = _Reader(path)
    if not isinstance(data, _Map):
        raise TemplateError(f"{path}: a template must be a YAML mapping")
    for key in data:
        if key not in _TOP_KEYS:
            raise r.fail(data, key, f"unknown field {key!r}")
    name = r.text(data, "name", required=True, max_chars=MAX_HEADING_CHARS)
    if not name or any(c.isspace() for c in name):
        raise r.fail(data, "name", "name must be one word (letters, digits, dashes)")

    sections: list[SectionSpec] = []
    items = r.items(data, "sections", required=True)
    if len(items) > MAX_SECTIONS:
        raise r.fail(
            data, "sections", f"the template has {len(items)} sections; the limit is {MAX_SECTIONS}"
        )
    for item in items:
        for field_name in item:
            if field_name not in _SECTION_KEYS:
                raise r.fail(item, field_name, f"unknown section field {field_name!r}")
        key = r.text(item, "key", required=True, max_chars=MAX_HEADING_CHARS)
        if not key.isidentifier():
            raise r.fail(item, "key", f"section key {key!r} must be a word like 'key_judgments'")
        if any(s.key == key for s in sections):
            raise r.fail(item, "key", f"section key {key!r} is used twice")
        sections.append(
            SectionSpec(
                key=key,
                heading=r.text(item, "heading", required=True, max_chars=MAX_HEADING_CHARS),
                kind=r.choice(item, "kind", SECTION_KINDS, "mixed"),
                guidance=r.text(item, "guidance"),
                limits=r.limits(item, "limits"),
                decision=r.flag(item, "decision", False),
                key_judgments=(
                    r.flag(item, "key_judgments", False) if "key_judgments" in item else None
                ),
            )
        )
    if not sections:
        raise r.fail(data, "sections", "a template needs at least one section")

    header: list[HeaderField] = []
    for item in r.items(data, "header"):
        fld = r.text(item, "field", required=True)
        if fld not in HEADER_FIELDS and not fld.startswith("settings."):
            raise r.fail(
                item,
                "field",
                f"header field {fld!r} is not a note field "
                f"({', '.join(HEADER_FIELDS)} or settings.NAME)",
            )
        header.append(HeaderField(fld, r.text(item, "label", required=True)))

    marking = MarkingSpec()
    if "marking" in data:
        m = r.mapping(data["marking"], data, "marking")
        raw_scheme = m.get("scheme", [])
        scheme: tuple[str, ...]
        if raw_scheme == "tlp":
            scheme = TLP_ORDER
        elif isinstance(raw_scheme, list) and all(isinstance(s, str) for s in raw_scheme):
            scheme = tuple(raw_scheme)
        else:
            raise r.fail(m, "scheme", "scheme must be 'tlp' or a list of markings, least first")
        marking = MarkingSpec(
            default=r.text(m, "default"),
            placement=r.choice(m, "placement", MARKING_PLACEMENTS, "banner"),
            scheme=scheme,
            portion_marks=r.flag(m, "portion_marks", False),
        )
        if marking.default and scheme and marking.rank(marking.default) is None:
            raise r.fail(m, "default", f"default marking {marking.default!r} is not in the scheme")

    citations = CitationSpec()
    if "citations" in data:
        c = r.mapping(data["citations"], data, "citations")
        citations = CitationSpec(
            style=r.choice(c, "style", CITATION_STYLES, "footnotes"),
            show_grades=r.flag(c, "show_grades", False),
            sources_list=r.flag(c, "sources_list", True),
            note_style=r.text(c, "note_style", default="house"),
        )

    boxes: list[BoxSpec] = []
    for item in r.items(data, "boxes"):
        after = r.text(item, "after", required=True)
        if not any(s.key == after for s in sections):
            raise r.fail(item, "after", f"box placed after unknown section {after!r}")
        boxes.append(BoxSpec(after, r.text(item, "title"), r.text(item, "text", required=True)))

    reference = None
    ref_name = r.text(data, "reference_docx")
    if ref_name:
        reference = _find_reference(path, ref_name)
        if reference is None:
            raise r.fail(data, "reference_docx", f"reference document {ref_name!r} not found")

    checks_off = data.get("checks_off", [])
    if not isinstance(checks_off, list) or not all(isinstance(c, str) for c in checks_off):
        raise r.fail(data, "checks_off", "checks_off must be a list of check rule ids")

    clearance = _clearance(r, data)

    return NoteTemplate(
        name=name,
        label=r.text(data, "label", default=name, max_chars=MAX_HEADING_CHARS),
        description=r.text(data, "description"),
        sections=tuple(sections),
        header=tuple(header),
        marking=marking,
        citations=citations,
        claims_annex=r.flag(data, "claims_annex", False),
        chronology_annex=r.flag(data, "chronology_annex", False),
        competing_claims_annex=r.flag(data, "competing_claims_annex", False),
        ach_annex=r.flag(data, "ach_annex", False),
        assumptions_annex=r.flag(data, "assumptions_annex", False),
        limits=r.limits(data, "limits"),
        boxes=tuple(boxes),
        reference_docx=reference,
        path=path,
        checks_off=tuple(checks_off),
        clearance=clearance,
    )


def _clearance(r: _Reader, data: _Map) -> ClearanceSpec:
    """Read the drafting and clearance block: lines of {field, label} and a placement."""
    if "clearance" not in data:
        return ClearanceSpec()
    m = r.mapping(data["clearance"], data, "clearance")
    lines: list[ClearanceLine] = []
    for item in r.items(m, "lines", required=True):
        key = r.text(item, "field", required=True)
        if not key.isidentifier() or key in HEADER_FIELDS or key in RESERVED:
            raise r.fail(
                item, "field", f"clearance field {key!r} must be a new word like 'approved_by'"
            )
        lines.append(ClearanceLine(key, r.text(item, "label", required=True)))
    return ClearanceSpec(tuple(lines), r.choice(m, "placement", CLEARANCE_PLACEMENTS, "end"))


def _find_reference(template_path: Path, name: str) -> Path | None:
    # A user template may name a bundled look ("briefing-note.docx") or ship its own beside it.
    for folder in (template_path.parent, bundled_dir("templates")):
        candidate = folder / os.path.basename(name)
        if candidate.is_file():
            return candidate
    return None
