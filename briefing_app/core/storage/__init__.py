"""SQLite storage: connections, transactions and registered migrations."""
