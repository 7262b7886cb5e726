"""The Board view: a key question's competing claims side by side (issue 17)."""
