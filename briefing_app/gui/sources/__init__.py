"""Sources and claims: the library list, reader, inspector and claims table; imports and drops."""
