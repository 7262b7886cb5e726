"""How our records map onto REFI-QDA project elements (shared by the writer and the reader)."""

from __future__ import annotations

import uuid

# The project namespace of the QDA-XML 1.0 schema (Project.xsd).
NAMESPACE = "urn:QDA-XML:project:1.0"

# GUIDs are derived from our uids (uuid5 in a namespace of our own) so that exporting the same
# library twice gives the same GUIDs, and a tool that merges by GUID sees the same objects.
GUID_NAMESPACE = uuid.UUID("6f1d7d1e-3b7a-5c55-9a43-2b1e2f8c0a51")

# Non-codable parent codes that carry claim attributes rather than tags. On import, a code
# under one of these parents sets the attribute instead of becoming a tag. The children are
# named by the attribute's value (kind and status as in core.models, credibility "1".."6",
# party as written on the claim).
CLAIM_KIND_PARENT = "Claim kind"
CLAIM_STATUS_PARENT = "Claim status"
CREDIBILITY_PARENT = "Credibility"
PARTY_PARENT = "Party"
ATTRIBUTE_PARENTS = (CLAIM_KIND_PARENT, CLAIM_STATUS_PARENT, CREDIBILITY_PARENT, PARTY_PARENT)

# Tags hang under one non-codable parent per tag kind, named "Tags: <kind>" so that the kind
# survives the round trip and never collides with the attribute parents above.
TAG_KIND_PREFIX = "Tags: "

# TextSource variables (name → Source field). Published keeps its reduced precision as text.
SOURCE_VARIABLES = {
    "Outlet": "outlet",
    "Byline": "byline",
    "Published": "published",
    "URL": "url",
    "Reliability": "reliability",
    "Marking": "marking",
    # The language picks the word lists for suggestions, spelling and dates; the DOI finds
    # the source again when a Zotero export of it is imported later.
    "Language": "language",
    "DOI": "doi",
}
# A source whose language was guessed from its text (the file declared none) says so in one
# more Text variable, so another Briefing keeps it a guess; other tools show it as written.
LANGUAGE_GUESSED_VARIABLE = "Language guessed"
LANGUAGE_GUESSED_VALUE = "yes"

# A claim's selection description is "<statement>\n\nClaim <key>"; the reader takes the key back
# from the last line when it has this shape.
CLAIM_KEY_LINE_PREFIX = "Claim "


def guid_for(kind: str, uid: str) -> str:
    """Return the stable upper-case GUID for one of our records (kind = 'source', 'claim', ...)."""
    return str(uuid.uuid5(GUID_NAMESPACE, f"{kind}:{uid}")).upper()


# --- Added with the writer (constants only; nothing above changes) ---

# The one user of an exported project: the analyst. Briefing has no user records, so every
# export names the same user with the same GUID (guid_for(USER_KIND, ANALYST_USER_UID)).
USER_KIND = "user"
ANALYST_USER_UID = "analyst"
ANALYST_USER_NAME = "Analyst"

# The file a TextSource's plain text is stored in: sources/<source GUID>.txt, referred to as
# plainTextPath="internal://<source GUID>.txt". Lower case, as the standard names the folder.
SOURCES_FOLDER = "sources"
PROJECT_FILE = "project.qde"
INTERNAL_SCHEME = "internal://"

# XML 1.0 cannot hold most C0 control characters (a form feed from a PDF, a vertical tab).
# In names and descriptions each is written as U+FFFD; the .txt files keep them, so a
# reader comparing a selection's name with the text takes U+FFFD as any one character there.
# (A manual line break in a description, which is free text, is written as a line feed.)
XML_REPLACEMENT = "\ufffd"

# Claim relations (corroborates, contradicts, repeats, updates) go out as project Links from
# one selection to another, named by the relation; symmetric relations are Bidirectional.
LINK_DIRECTION_SYMMETRIC = "Bidirectional"
LINK_DIRECTION_ONE_WAY = "OneWay"

# A note's PlainTextContent: YAML front matter between "---" lines (NOTE_FIELDS, then
# "sections": a list of {key, heading}), a blank line, "# <title>", a blank line, then per
# section "## <heading>", a blank line and its Markdown body exactly as stored (citations
# [@C12] kept), sections apart by a blank line, the text ending with a line end.
# core/qdpx/note_text.py writes it; the importer finds the sections by their listed headings.
NOTE_FIELDS = (
    "title",
    "template",
    "status",
    "marking",
    "memo_to",
    "memo_from",
    "subject",
    "memo_date",
)
NOTE_SECTION_HEADING = "## "
