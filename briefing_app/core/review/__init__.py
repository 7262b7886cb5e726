"""Review: comments, suggested edits, versions, the Word review copy and packs."""
