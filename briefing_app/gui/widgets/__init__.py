"""The workspace's panels: library list, reader, claim inspector, source panel, claims table."""
