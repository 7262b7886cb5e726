"""Qt item models over the library: plain tuples from core.listing, sorted in Python."""
