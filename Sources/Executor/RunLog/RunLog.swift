import Foundation
import GRDB
import RunbookCore

/// The durable record of every run: a SQLite file (WAL mode) holding one row
/// per run, one per step attempt or decision, and one per resume.
///
/// Each write is its own transaction, committed before the method returns, so
/// a runner killed at any moment (even with `kill -9`) loses nothing already
/// recorded; an attempt it was in the middle of keeps a NULL end. Several
/// processes may use one file: readers never wait, writers wait for each other
/// up to `busyTimeout`. Dry runs are not logged: the executor does not call
/// this for them.
///
/// The caller supplies every time (`Date()` in production), so tests fix them.
public final class RunLog: Sendable {
    /// How long a write waits for another process's write to finish.
    static let busyTimeout: TimeInterval = 10

    /// The file, as given.
    public let path: String
    private let pool: DatabasePool

    /// Opens the log at `path`, creating it (and missing parent folders, mode
    /// 0700; the file 0600, as it holds variable values) when it does not exist,
    /// and bringing an older schema up to date. Throws `RunLogError` for a file
    /// that is not a run log or comes from a newer version; never resets one.
    public init(path: String) throws {
        self.path = path
        try Self.prepareFile(path)
        var configuration = Configuration()
        configuration.busyMode = .timeout(Self.busyTimeout)
        do {
            pool = try Self.openPool(path, configuration)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
            throw RunLogError.notADatabase(path: path)
        } catch let error as DatabaseError {
            throw RunLogError.database(path: path, message: error.message ?? "\(error.resultCode)")
        }
        try migrate()
    }

    /// Opens the pool, which switches a new file to WAL mode. The switch needs
    /// the file to itself, and SQLite reports "locked" at once instead of
    /// waiting: two runners starting on one new log retry until the busy timeout.
    private static func openPool(_ path: String, _ configuration: Configuration) throws -> DatabasePool {
        let deadline = Date() + busyTimeout
        while true {
            do {
                return try DatabasePool(path: path, configuration: configuration)
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY && Date() < deadline {
                usleep(20_000)
            }
        }
    }

    /// Records a run's start, with outcome `running`; returns the run's id.
    public func beginRun(_ start: RunStart) throws -> Int64 {
        let variables = try Self.variablesText(start.variables)
        return try write { db in
            try db.execute(
                sql: """
                    INSERT INTO run (runbook_id, title, path, runbook_commit, blob, source, user, host,
                                     step_count, variables, started_at, outcome)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    start.runbookID, start.title, start.path, start.commit, start.blob, start.source, start.user,
                    start.host, start.stepCount, variables, LogTimestamp.text(start.start), RunOutcome.running.rawValue,
                ])
            return db.lastInsertedRowID
        }
    }

    /// Records that a step's command is starting (decision `run`, no end yet);
    /// returns the attempt's id for `finishAttempt`. Its number is one more than
    /// the step's last row in this run, so retries and resumes count on.
    public func beginAttempt(run: Int64, step: LoggedStep, at start: Date) throws -> Int64 {
        try insertAttempt(run: run, step: step, decision: .run, note: nil, start: start, end: nil)
    }

    /// Records how a started attempt ended, with its capped output.
    public func finishAttempt(_ attempt: Int64, _ end: AttemptEnd) throws {
        try write { db in
            try db.execute(
                sql: """
                    UPDATE attempt SET exit_code = ?, signal = ?, timed_out = ?, output = ?, output_bytes = ?,
                                       output_cap = ?, note = ?, ended_at = ?
                    WHERE id = ? AND decision = 'run' AND ended_at IS NULL
                    """,
                arguments: [
                    end.exitCode, end.signal, end.timedOut, end.output.bytes, end.output.totalBytes, end.output.cap,
                    end.note, LogTimestamp.text(end.end), attempt,
                ])
            if db.changesCount == 0 {
                throw RunLogError.unknownRow(path: path, detail: "unfinished attempt \(attempt)")
            }
        }
    }

    /// Records a step settled without running it: skipped, aborted at, refused,
    /// or a manual step confirmed done or not done, with the operator's note.
    /// `decision` must not be `.run` (use `beginAttempt`). Returns the row's id.
    @discardableResult
    public func recordDecision(
        _ decision: StepDecision, run: Int64, step: LoggedStep, note: String? = nil, at time: Date
    ) throws -> Int64 {
        precondition(decision != .run, "a step that runs is recorded with beginAttempt and finishAttempt")
        return try insertAttempt(run: run, step: step, decision: decision, note: note, start: time, end: time)
    }

    /// Records how a run ended. `outcome` must not be `.running`.
    public func finishRun(_ run: Int64, outcome: RunOutcome, at end: Date) throws {
        precondition(outcome != .running, "a run that ends needs an outcome other than running")
        try write { db in
            try db.execute(
                sql: "UPDATE run SET outcome = ?, ended_at = ? WHERE id = ?",
                arguments: [outcome.rawValue, LogTimestamp.text(end), run])
            if db.changesCount == 0 { throw RunLogError.unknownRow(path: path, detail: "run \(run)") }
        }
    }

    /// Records that `runbook resume` continues the run: the same id, outcome
    /// back to `running` and no end, and a resumption row saying who and when.
    public func markResumed(_ run: Int64, _ resumption: RunResumption) throws {
        try write { db in
            try db.execute(
                sql: "UPDATE run SET outcome = ?, ended_at = NULL WHERE id = ?",
                arguments: [RunOutcome.running.rawValue, run])
            if db.changesCount == 0 { throw RunLogError.unknownRow(path: path, detail: "run \(run)") }
            try db.execute(
                sql: "INSERT INTO resumption (run_id, resumed_at, user, host) VALUES (?, ?, ?, ?)",
                arguments: [run, LogTimestamp.text(resumption.at), resumption.user, resumption.host])
        }
    }

    private func insertAttempt(
        run: Int64, step: LoggedStep, decision: StepDecision, note: String?, start: Date, end: Date?
    ) throws -> Int64 {
        try write { db in
            guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM run WHERE id = ?)", arguments: [run]) == true
            else { throw RunLogError.unknownRow(path: path, detail: "run \(run)") }
            try db.execute(
                sql: """
                    INSERT INTO attempt (run_id, step, step_index, number, kind, command, decision, note,
                                         started_at, ended_at)
                    VALUES (?, ?, ?, (SELECT COALESCE(MAX(number), 0) + 1 FROM attempt WHERE run_id = ? AND step = ?),
                            ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    run, step.name, step.index, run, step.name, step.kind.rawValue, step.command, decision.rawValue,
                    note, LogTimestamp.text(start), end.map(LogTimestamp.text),
                ])
            return db.lastInsertedRowID
        }
    }

    /// One transaction, committed on return; SQLite's errors become `RunLogError`s naming the file.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        try mappingErrors { try pool.write(body) }
    }

    func read<T>(_ body: (Database) throws -> T) throws -> T {
        try mappingErrors { try pool.read(body) }
    }

    private func mappingErrors<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as RunLogError {
            throw error
        } catch let error as DatabaseError {
            throw RunLogError.database(path: path, message: error.message ?? "\(error.resultCode)")
        } catch let error as RowDecodingError {
            throw RunLogError.unreadable(path: path, detail: "\(error)")
        }
    }

    /// Refuses files that are not run logs or are newer than this version, then
    /// applies the migrations this log lacks.
    private func migrate() throws {
        let migrator = RunLogSchema.migrator
        try read { db in
            let applied = try migrator.appliedIdentifiers(db)
            let hasTables = try Bool.fetchOne(db, sql: """
                SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND name != 'grdb_migrations')
                """) == true
            if applied.isEmpty ? hasTables : !applied.contains(RunLogSchema.first) {
                throw RunLogError.notARunLog(path: path)
            }
            let unknown = applied.subtracting(migrator.migrations)
            if !unknown.isEmpty { throw RunLogError.newerSchema(path: path, unknownMigrations: unknown.sorted()) }
        }
        do {
            try mappingErrors { try migrator.migrate(pool) }
        } catch {
            // Another process creating the same new log may have won the race; its tables are as good as ours.
            if try read(migrator.hasCompletedMigrations) { return }
            throw error
        }
    }

    private static func variablesText(_ variables: [String: String]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(variables), as: UTF8.self)
    }
}
