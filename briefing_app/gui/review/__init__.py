"""Review: the review pane dock, versions, Word review copies and review packages."""
