"""The desktop app: the only package that imports PySide6, a thin layer over the core."""
