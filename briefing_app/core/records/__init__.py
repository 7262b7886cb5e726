"""Records: sources, claims, tags, notes, search and the listings views read."""
