"""The library schema, as registered migrations (version 1 onwards)."""

from __future__ import annotations

import sqlite3

from briefing_app.core.storage.migrations import migration


def _fts_table(conn: sqlite3.Connection, table: str, columns: list[str]) -> None:
    """Create an external-content FTS5 index over table's columns, kept in step by triggers."""
    cols = ", ".join(columns)
    new_vals = ", ".join(f"new.{c}" for c in columns)
    old_vals = ", ".join(f"old.{c}" for c in columns)
    conn.execute(
        f"CREATE VIRTUAL TABLE {table}_fts USING fts5({cols}, content='{table}', "
        "content_rowid='id', tokenize='porter unicode61 remove_diacritics 2')"
    )
    conn.execute(
        f"CREATE TRIGGER {table}_fts_ai AFTER INSERT ON {table} BEGIN "
        f"INSERT INTO {table}_fts (rowid, {cols}) VALUES (new.id, {new_vals}); END"
    )
    conn.execute(
        f"CREATE TRIGGER {table}_fts_ad AFTER DELETE ON {table} BEGIN "
        f"INSERT INTO {table}_fts ({table}_fts, rowid, {cols}) "
        f"VALUES ('delete', old.id, {old_vals}); END"
    )
    # Only when indexed columns change: regrading a source must not re-index a 1 MB text.
    conn.execute(
        f"CREATE TRIGGER {table}_fts_au AFTER UPDATE OF {cols} ON {table} BEGIN "
        f"INSERT INTO {table}_fts ({table}_fts, rowid, {cols}) "
        f"VALUES ('delete', old.id, {old_vals}); "
        f"INSERT INTO {table}_fts (rowid, {cols}) VALUES (new.id, {new_vals}); END"
    )


@migration(1, "initial schema: sources, claims, tags, notes, review comments, FTS")
def initial_schema(conn: sqlite3.Connection) -> None:
    """Create the version-1 tables, indexes, triggers and full-text indexes."""
    statements = [
        """CREATE TABLE sources (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            title TEXT NOT NULL DEFAULT '',
            byline TEXT NOT NULL DEFAULT '',
            outlet TEXT NOT NULL DEFAULT '',
            published TEXT,
            url TEXT NOT NULL DEFAULT '',
            language TEXT NOT NULL DEFAULT '',
            format TEXT NOT NULL DEFAULT '',
            retrieved_at TEXT NOT NULL DEFAULT '',
            sha256 TEXT NOT NULL UNIQUE,
            text TEXT NOT NULL,
            reliability TEXT NOT NULL DEFAULT 'F',
            marking TEXT NOT NULL DEFAULT '',
            analyst_note TEXT NOT NULL DEFAULT '',
            origin_path TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            modified_at TEXT NOT NULL
        )""",
        # Claim keys are never reused, even after a delete: a citation must not silently
        # start pointing at another claim.
        "CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL)",
        "INSERT INTO counters (name, value) VALUES ('claim_key', 0)",
        """CREATE TABLE claims (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            key TEXT NOT NULL UNIQUE,
            source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE RESTRICT,
            start INTEGER NOT NULL CHECK (start >= 0),
            "end" INTEGER NOT NULL CHECK ("end" > start),
            quote TEXT NOT NULL,
            prefix TEXT NOT NULL DEFAULT '',
            suffix TEXT NOT NULL DEFAULT '',
            statement TEXT NOT NULL DEFAULT '',
            party TEXT NOT NULL DEFAULT '',
            kind TEXT NOT NULL DEFAULT 'reported fact',
            credibility INTEGER NOT NULL DEFAULT 6,
            status TEXT NOT NULL DEFAULT 'unverified',
            revision INTEGER NOT NULL DEFAULT 1,
            created_at TEXT NOT NULL,
            modified_at TEXT NOT NULL
        )""",
        "CREATE INDEX claims_source ON claims(source_id, start)",
        "CREATE INDEX claims_party ON claims(party)",
        """CREATE TABLE tags (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            kind TEXT NOT NULL DEFAULT 'topic',
            UNIQUE (name COLLATE NOCASE, kind)
        )""",
        """CREATE TABLE claim_tags (
            claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
            tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
            PRIMARY KEY (claim_id, tag_id)
        )""",
        "CREATE INDEX claim_tags_tag ON claim_tags(tag_id)",
        """CREATE TABLE source_tags (
            source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
            tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
            PRIMARY KEY (source_id, tag_id)
        )""",
        "CREATE INDEX source_tags_tag ON source_tags(tag_id)",
        """CREATE TABLE notes (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            title TEXT NOT NULL,
            template TEXT NOT NULL,
            marking TEXT NOT NULL DEFAULT '',
            memo_to TEXT NOT NULL DEFAULT '',
            memo_from TEXT NOT NULL DEFAULT '',
            subject TEXT NOT NULL DEFAULT '',
            memo_date TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT 'draft',
            settings TEXT NOT NULL DEFAULT '{}',
            created_at TEXT NOT NULL,
            modified_at TEXT NOT NULL
        )""",
        """CREATE TABLE note_sections (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            note_id INTEGER NOT NULL REFERENCES notes(id) ON DELETE CASCADE,
            key TEXT NOT NULL,
            heading TEXT NOT NULL,
            position INTEGER NOT NULL,
            body TEXT NOT NULL DEFAULT '',
            UNIQUE (note_id, key)
        )""",
        """CREATE TABLE review_comments (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            note_id INTEGER NOT NULL REFERENCES notes(id) ON DELETE CASCADE,
            section_key TEXT NOT NULL DEFAULT '',
            anchor_text TEXT NOT NULL DEFAULT '',
            start INTEGER,
            "end" INTEGER,
            author TEXT NOT NULL DEFAULT '',
            body TEXT NOT NULL DEFAULT '',
            resolved INTEGER NOT NULL DEFAULT 0,
            parent_id INTEGER REFERENCES review_comments(id) ON DELETE CASCADE,
            created_at TEXT NOT NULL
        )""",
        # Stored text is immutable once a claim points into it (claim offsets index it).
        """CREATE TRIGGER sources_text_immutable BEFORE UPDATE OF text ON sources
           WHEN old.text IS NOT new.text
            AND EXISTS (SELECT 1 FROM claims WHERE source_id = old.id)
           BEGIN SELECT RAISE(ABORT, 'source text is immutable once claims point into it'); END""",
    ]
    for sql in statements:
        conn.execute(sql)
    _fts_table(conn, "sources", ["title", "text"])
    _fts_table(conn, "claims", ["quote", "statement", "party"])


@migration(2, "suggestions: rejected suggestions per source, party aliases")
def suggestion_tables(conn: sqlite3.Connection) -> None:
    """Create the tables that remember rejected suggestions and party aliases."""
    conn.execute(
        """CREATE TABLE rejected_suggestions (
            id INTEGER PRIMARY KEY,
            source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
            fingerprint TEXT NOT NULL,
            created_at TEXT NOT NULL,
            UNIQUE (source_id, fingerprint)
        )"""
    )
    conn.execute(
        """CREATE TABLE party_aliases (
            id INTEGER PRIMARY KEY,
            alias TEXT NOT NULL UNIQUE COLLATE NOCASE,
            canonical TEXT NOT NULL,
            created_at TEXT NOT NULL
        )"""
    )


@migration(3, "note versions: snapshots of a note's sections at each review round")
def note_versions(conn: sqlite3.Connection) -> None:
    """Create the table of note snapshots (what a reviewer saw, and why it changed)."""
    conn.execute(
        """CREATE TABLE note_versions (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            note_id INTEGER NOT NULL REFERENCES notes(id) ON DELETE CASCADE,
            number INTEGER NOT NULL,
            created_at TEXT NOT NULL,
            reason TEXT NOT NULL DEFAULT '',
            author TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT '',
            title TEXT NOT NULL DEFAULT '',
            sections TEXT NOT NULL,
            UNIQUE (note_id, number)
        )"""
    )


@migration(4, "suggested edits: tracked changes read back from a reviewer's Word copy")
def suggested_edits(conn: sqlite3.Connection) -> None:
    """Create the table of suggested edits the analyst accepts or rejects one by one."""
    conn.execute(
        """CREATE TABLE suggested_edits (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            note_id INTEGER NOT NULL REFERENCES notes(id) ON DELETE CASCADE,
            section_key TEXT NOT NULL,
            old_text TEXT NOT NULL DEFAULT '',
            new_text TEXT NOT NULL DEFAULT '',
            prefix TEXT NOT NULL DEFAULT '',
            suffix TEXT NOT NULL DEFAULT '',
            author TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT 'pending'
                CHECK (status IN ('pending', 'accepted', 'rejected'))
        )"""
    )
    conn.execute("CREATE INDEX suggested_edits_note ON suggested_edits(note_id, status)")


@migration(5, "views for reading the library with sqlite-utils; suggested edits need a time")
def readable_views(conn: sqlite3.Connection) -> None:
    """Add views naming claims with their sources, and sources with their counts; make a
    suggested edit's created_at required with no default, like every other table's."""
    from briefing_app.core.storage.reshape import reshape_table

    # Version 4 gave created_at a default of '' (a row with no time); ALTER cannot drop it.
    reshape_table(conn, "suggested_edits", defaults={"created_at": None})
    # For someone who opens the file with `sqlite-utils` or `sqlite3`: what the app shows, by name.
    conn.execute(
        """CREATE VIEW claims_with_sources AS
        SELECT c.key, c.quote, c.statement, c.party, c.kind,
               s.reliability || c.credibility AS grade,
               c.status, c.revision,
               (SELECT group_concat(t.name, ', ') FROM claim_tags ct
                  JOIN tags t ON t.id = ct.tag_id WHERE ct.claim_id = c.id) AS tags,
               s.id AS source_id, s.title AS source_title, s.outlet AS source_outlet,
               s.published AS source_published, s.url AS source_url,
               c.id AS claim_id, c.uid AS claim_uid, c.created_at, c.modified_at
        FROM claims c JOIN sources s ON s.id = c.source_id"""
    )
    conn.execute(
        """CREATE VIEW sources_with_counts AS
        SELECT s.id, s.title, s.byline, s.outlet, s.published, s.url, s.language, s.format,
               s.reliability, s.marking,
               (SELECT count(*) FROM claims c WHERE c.source_id = s.id) AS claims,
               (SELECT group_concat(t.name, ', ') FROM source_tags st
                  JOIN tags t ON t.id = st.tag_id WHERE st.source_id = s.id) AS tags,
               length(s.text) AS characters, s.retrieved_at, s.uid
        FROM sources s"""
    )


@migration(6, "evidence: key questions, claim relations, event dates on claims")
def evidence_tables(conn: sqlite3.Connection) -> None:
    """Add a claim's event date, key questions with their assigned claims, and the relations
    between claims (corroborates, contradicts, repeats, updates)."""
    # Reduced-precision ISO ('2025', '2025-11', '2025-11-30', '2025-11-30T14:00'), '' for none:
    # sorted as text, so the timeline is one indexed ORDER BY.
    conn.execute("ALTER TABLE claims ADD COLUMN event_date TEXT NOT NULL DEFAULT ''")
    conn.execute("CREATE INDEX claims_event_date ON claims(event_date)")
    # Question keys, like claim keys, are never reused: a note may name Q1.
    conn.execute("INSERT INTO counters (name, value) VALUES ('question_key', 0)")
    conn.execute(
        """CREATE TABLE questions (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            key TEXT NOT NULL UNIQUE,
            text TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            modified_at TEXT NOT NULL
        )"""
    )
    conn.execute(
        """CREATE TABLE question_claims (
            question_id INTEGER NOT NULL REFERENCES questions(id) ON DELETE CASCADE,
            claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            PRIMARY KEY (question_id, claim_id)
        )"""
    )
    conn.execute("CREATE INDEX question_claims_claim ON question_claims(claim_id)")
    conn.execute(
        """CREATE TABLE claim_relations (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            from_claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
            to_claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
            relation TEXT NOT NULL
                CHECK (relation IN ('corroborates', 'contradicts', 'repeats', 'updates')),
            note TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            CHECK (from_claim_id != to_claim_id)
        )"""
    )
    # One relation per pair of claims, whichever way round it was written.
    conn.execute(
        "CREATE UNIQUE INDEX claim_relations_pair ON claim_relations("
        "min(from_claim_id, to_claim_id), max(from_claim_id, to_claim_id))"
    )
    conn.execute("CREATE INDEX claim_relations_to ON claim_relations(to_claim_id)")


@migration(
    7,
    "reference metadata: DOI, reference id, accessed day, highlights; published may be partial",
)
def reference_metadata(conn: sqlite3.Connection) -> None:
    """Give sources the identifiers a reference manager keeps (DOI, Zotero item URI or key) and
    the day the analyst accessed the page; a published date may now be a year or a year-month."""
    # A re-imported Zotero item is found by these, so it updates its source instead of adding one.
    conn.execute("ALTER TABLE sources ADD COLUMN doi TEXT NOT NULL DEFAULT ''")
    conn.execute("ALTER TABLE sources ADD COLUMN ref_id TEXT NOT NULL DEFAULT ''")
    conn.execute("ALTER TABLE sources ADD COLUMN accessed TEXT NOT NULL DEFAULT ''")
    conn.execute("CREATE INDEX sources_doi ON sources(doi) WHERE doi != ''")
    conn.execute("CREATE INDEX sources_ref_id ON sources(ref_id) WHERE ref_id != ''")
    # Passages highlighted in Zotero (annotation notes): suggested claims, anchored by quote
    # whenever the suggestions are listed, so they follow the text as suggestions do.
    conn.execute(
        """CREATE TABLE highlight_suggestions (
            id INTEGER PRIMARY KEY,
            source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
            quote TEXT NOT NULL,
            page TEXT NOT NULL DEFAULT '',
            comment TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            UNIQUE (source_id, quote, page)
        )"""
    )


@migration(8, "competing hypotheses: ACH matrices per key question, key assumptions")
def competing_hypotheses(conn: sqlite3.Connection) -> None:
    """Add the hypotheses, evidence rows and ratings of each key question's ACH matrix, and
    the question's key assumptions (each one also a row of the matrix)."""
    conn.execute(
        """CREATE TABLE ach_hypotheses (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            question_id INTEGER NOT NULL REFERENCES questions(id) ON DELETE CASCADE,
            key TEXT NOT NULL,
            label TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT '',
            position INTEGER NOT NULL,
            created_at TEXT NOT NULL,
            modified_at TEXT NOT NULL,
            UNIQUE (question_id, key)
        )"""
    )
    conn.execute(
        """CREATE TABLE key_assumptions (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            question_id INTEGER NOT NULL REFERENCES questions(id) ON DELETE CASCADE,
            key TEXT NOT NULL,
            text TEXT NOT NULL,
            rating TEXT NOT NULL DEFAULT ''
                CHECK (rating IN ('', 'solid', 'caveated', 'unsupported')),
            why TEXT NOT NULL DEFAULT '',
            wrong_if TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            modified_at TEXT NOT NULL,
            UNIQUE (question_id, key)
        )"""
    )
    conn.execute(
        """CREATE TABLE assumption_claims (
            assumption_id INTEGER NOT NULL REFERENCES key_assumptions(id) ON DELETE CASCADE,
            claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            PRIMARY KEY (assumption_id, claim_id)
        )"""
    )
    conn.execute("CREATE INDEX assumption_claims_claim ON assumption_claims(claim_id)")
    conn.execute(
        """CREATE TABLE assumption_hypotheses (
            assumption_id INTEGER NOT NULL REFERENCES key_assumptions(id) ON DELETE CASCADE,
            hypothesis_id INTEGER NOT NULL REFERENCES ach_hypotheses(id) ON DELETE CASCADE,
            PRIMARY KEY (assumption_id, hypothesis_id)
        )"""
    )
    conn.execute(
        "CREATE INDEX assumption_hypotheses_hypothesis ON assumption_hypotheses(hypothesis_id)"
    )
    # A row is one of the question's claims (made when first rated or weighed), a key
    # assumption, or an absence of evidence ("No group has claimed the attack", key X1...).
    conn.execute(
        """CREATE TABLE ach_rows (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            question_id INTEGER NOT NULL REFERENCES questions(id) ON DELETE CASCADE,
            kind TEXT NOT NULL CHECK (kind IN ('claim', 'assumption', 'absence')),
            claim_id INTEGER REFERENCES claims(id) ON DELETE CASCADE,
            assumption_id INTEGER UNIQUE REFERENCES key_assumptions(id) ON DELETE CASCADE,
            key TEXT NOT NULL DEFAULT '',
            text TEXT NOT NULL DEFAULT '',
            position INTEGER NOT NULL DEFAULT 0,
            switched_off INTEGER NOT NULL DEFAULT 0 CHECK (switched_off IN (0, 1)),
            deceptive INTEGER NOT NULL DEFAULT 0 CHECK (deceptive IN (0, 1)),
            relevance TEXT NOT NULL DEFAULT 'medium'
                CHECK (relevance IN ('high', 'medium', 'low')),
            credibility TEXT
                CHECK (credibility IS NULL OR credibility IN ('high', 'medium', 'low')),
            created_at TEXT NOT NULL,
            CHECK ((kind = 'claim') = (claim_id IS NOT NULL)),
            CHECK ((kind = 'assumption') = (assumption_id IS NOT NULL)),
            CHECK ((kind = 'absence') = (key != '')),
            UNIQUE (question_id, claim_id)
        )"""
    )
    conn.execute("CREATE UNIQUE INDEX ach_rows_key ON ach_rows(question_id, key) WHERE key != ''")
    conn.execute("CREATE INDEX ach_rows_claim ON ach_rows(claim_id)")
    conn.execute(
        """CREATE TABLE ach_ratings (
            row_id INTEGER NOT NULL REFERENCES ach_rows(id) ON DELETE CASCADE,
            hypothesis_id INTEGER NOT NULL REFERENCES ach_hypotheses(id) ON DELETE CASCADE,
            rating TEXT NOT NULL CHECK (rating IN ('CC', 'C', 'N', 'I', 'II', 'NA')),
            PRIMARY KEY (row_id, hypothesis_id)
        )"""
    )
    conn.execute("CREATE INDEX ach_ratings_hypothesis ON ach_ratings(hypothesis_id)")


@migration(9, "sources keep the hash of their words: a new source's duplicate check")
def source_words_hash(conn: sqlite3.Connection) -> None:
    """Keep each source's words hash (its text with spacing made single), indexed.

    Adding a source looks for one with the same title, URL or file whose text differs only in
    spacing. Without the hash that meant reading and splitting the text of every candidate,
    and every item of one reference file or REFI-QDA project shares its file: importing a
    project of 10,000 sources in one transaction was quadratic (minutes, not seconds).
    """
    from briefing_app.core.text.anchors import words_sha256

    conn.execute("ALTER TABLE sources ADD COLUMN words_sha256 TEXT NOT NULL DEFAULT ''")
    rows = conn.execute("SELECT id, text FROM sources").fetchall()
    conn.executemany(
        "UPDATE sources SET words_sha256 = ? WHERE id = ?",
        [(words_sha256(text), source_id) for source_id, text in rows],
    )
    conn.execute("CREATE INDEX sources_words ON sources(words_sha256) WHERE words_sha256 != ''")


@migration(10, "commit log: who committed what, so a window tells its own writes from others'")
def commit_log(conn: sqlite3.Connection) -> None:
    """Keep a row per committed write: its writer and the ids it changed (storage.commit_log).

    A window polls for what other processes (the CLI, another window) committed; SQLite's
    `data_version` says that someone did, not who, so the window's own background tasks were
    announced twice and a commit before the window's first paint reloaded every view.
    The first row is the upgrade itself (mark 0): a log is never empty, so a reader can tell
    the row it saw last is still there.
    """
    conn.execute(
        """CREATE TABLE commit_log (
            seq INTEGER PRIMARY KEY,
            mark INTEGER NOT NULL,
            writer TEXT NOT NULL,
            changes TEXT
        )"""
    )
    conn.execute(
        "INSERT INTO commit_log (mark, writer, changes) VALUES (0, 'schema upgrade', NULL)"
    )


@migration(11, "review comments indexed by note and section, and by the comment they reply to")
def review_comment_indexes(conn: sqlite3.Connection) -> None:
    """Index review comments by (note, section) and by parent.

    Every save of a section moves the ranges of the comments on it (notes._write), the review
    pane lists a note's comments, and deleting a note or a comment cascades to its replies:
    without these indexes each of those read the whole table (about 19 ms a save in a library
    of 100,000 comments).
    """
    conn.execute("CREATE INDEX review_comments_note ON review_comments(note_id, section_key)")
    conn.execute(
        "CREATE INDEX review_comments_parent ON review_comments(parent_id)"
        " WHERE parent_id IS NOT NULL"
    )


@migration(12, "sources say whether their language was guessed from the text at import")
def source_language_guessed(conn: sqlite3.Connection) -> None:
    """Keep whether a source's language was guessed (1) or declared or typed in (0).

    A file that declares no language gets one guessed from its text (text/language.py); the
    source panel and `briefing source show` say so until a person sets it. Sources stored
    before keep 0: they were never guessed.
    """
    conn.execute("ALTER TABLE sources ADD COLUMN language_guessed INTEGER NOT NULL DEFAULT 0")
