"""Global identifiers: ULIDs, sortable by creation time and unique across libraries."""

from __future__ import annotations

import os
import time

_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def new_uid() -> str:
    """Return a new 26-character ULID (48-bit millisecond time + 80 random bits).

    >>> len(new_uid())
    26
    """
    value = (int(time.time() * 1000) << 80) | int.from_bytes(os.urandom(10), "big")
    chars = []
    for _ in range(26):
        value, digit = divmod(value, 32)
        chars.append(_CROCKFORD[digit])
    return "".join(reversed(chars))
