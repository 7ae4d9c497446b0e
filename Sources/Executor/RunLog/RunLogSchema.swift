import GRDB

/// The run log's tables, built by versioned migrations. A new version adds a
/// migration at the end; a shipped migration never changes, so an older log
/// is brought up to date and a newer one is recognised and refused.
///
/// Times are ISO 8601 UTC text (see `LogTimestamp`). `run.ended_at` and
/// `attempt.ended_at` are NULL until written, so a runner killed midway leaves
/// rows that say exactly how far it got.
enum RunLogSchema {
    /// The first migration's identifier: a database that has GRDB migrations but
    /// not this one belongs to some other program.
    static let first = "runlog-v1"

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration(first) { db in
            try db.execute(sql: """
                CREATE TABLE run (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    runbook_id TEXT NOT NULL,
                    title TEXT NOT NULL,
                    path TEXT NOT NULL,
                    runbook_commit TEXT NOT NULL,
                    blob TEXT NOT NULL,
                    source TEXT NOT NULL,
                    user TEXT NOT NULL,
                    host TEXT NOT NULL,
                    step_count INTEGER NOT NULL,
                    variables TEXT NOT NULL,
                    started_at TEXT NOT NULL,
                    ended_at TEXT,
                    outcome TEXT NOT NULL
                );
                CREATE TABLE attempt (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    run_id INTEGER NOT NULL REFERENCES run(id),
                    step TEXT NOT NULL,
                    step_index INTEGER NOT NULL,
                    number INTEGER NOT NULL,
                    kind TEXT NOT NULL,
                    command TEXT NOT NULL,
                    decision TEXT NOT NULL,
                    note TEXT,
                    exit_code INTEGER,
                    signal INTEGER,
                    timed_out INTEGER NOT NULL DEFAULT 0,
                    output BLOB,
                    output_bytes INTEGER,
                    output_cap INTEGER,
                    started_at TEXT NOT NULL,
                    ended_at TEXT,
                    UNIQUE (run_id, step, number)
                );
                CREATE INDEX attempt_by_run ON attempt(run_id, id);
                CREATE TABLE resumption (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    run_id INTEGER NOT NULL REFERENCES run(id),
                    resumed_at TEXT NOT NULL,
                    user TEXT NOT NULL,
                    host TEXT NOT NULL
                );
                CREATE INDEX resumption_by_run ON resumption(run_id, id);
                """)
        }
        return migrator
    }
}
