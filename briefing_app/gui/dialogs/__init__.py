"""Dialogs, each with a typed classmethod so tests and scripts can drive it."""
