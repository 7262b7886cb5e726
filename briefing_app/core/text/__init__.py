"""Text: anchors and re-anchoring, citations, the Markdown dialect helpers and dates."""
