"""Metadata that a tool, not a person, wrote into a document: left out of the source's fields.

A file made from python-docx's template says its author is "python-docx" and that it was
written on 23 December 2013; Word on a fresh Mac signs "Microsoft Office User". Printed in a
note's source list they read as the author and date of the report.
"""

from __future__ import annotations

from datetime import datetime

_PLACEHOLDER_AUTHORS = frozenset(
    name.casefold()
    for name in (
        "python-docx",
        "Microsoft Office User",
        "Windows User",
        "Administrator",
        "Admin",
        "User",
        "Author",
        "Owner",
        "Unknown",
    )
)
# python-docx's default.docx keeps the core properties it was saved with.
_TEMPLATE_STAMPS = frozenset({(2013, 12, 23, 23, 15)})


def document_author(value: str | None) -> str:
    """Return the author a document names, or '' when it is a tool's or an account's placeholder.

    >>> document_author("Microsoft Office User")
    ''
    >>> document_author(" Desk Officer ")
    'Desk Officer'
    """
    name = " ".join((value or "").split())
    return "" if name.casefold() in _PLACEHOLDER_AUTHORS else name


def template_stamp(value: datetime | None) -> bool:
    """Return whether a document date is its authoring template's, not the document's own.

    >>> template_stamp(datetime(2013, 12, 23, 23, 15))
    True
    """
    if value is None:
        return False
    return (value.year, value.month, value.day, value.hour, value.minute) in _TEMPLATE_STAMPS
