"""Bundled files: where they are, the demo library built from them, licences."""
