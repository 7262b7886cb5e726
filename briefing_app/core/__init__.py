"""The product without a screen: domain, storage, importers, exporters, checks and search.

Nothing in this package imports Qt (enforced by import-linter contracts in pyproject.toml).
"""
