"""Backups from the window: the on-open backup in a worker, File ▸ Restore from backup."""
