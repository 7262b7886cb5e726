"""Suggested claims in the reader: the list, the dashed layer, accept, reject, merge parties."""
