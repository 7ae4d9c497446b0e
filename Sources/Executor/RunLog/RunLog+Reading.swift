import GRDB

extension RunLog {
    /// The newest `limit` runs, newest first (ids grow in the order runs begin;
    /// a resumed run keeps its place).
    public func runs(limit: Int) throws -> [RunSummary] {
        try read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT run.*, (SELECT COUNT(*) FROM resumption WHERE run_id = run.id) AS resume_count
                    FROM run ORDER BY id DESC LIMIT ?
                    """,
                arguments: [max(limit, 0)])
            let runs = try rows.map { try RunRecord(row: $0, log: path) }
            let attempts = try Dictionary(grouping: attemptOutcomes(db, runs: runs.map(\.id)), by: \.runID)
            return try zip(runs, rows).map { run, row in
                RunSummary(
                    run: run,
                    completedStepCount: AttemptRecord.completedSteps(in: attempts[run.id] ?? []).count,
                    resumeCount: try row.decode(forColumn: "resume_count"))
            }
        }
    }

    /// How many runs the log holds.
    public func runCount() throws -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM run") ?? 0 }
    }

    /// One run with every attempt and resume, or nil when the log has no such run.
    public func run(id: Int64) throws -> RunDetail? {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM run WHERE id = ?", arguments: [id]) else {
                return nil
            }
            let attempts = try Row.fetchAll(db, sql: "SELECT * FROM attempt WHERE run_id = ? ORDER BY id", arguments: [id])
            let resumptions = try Row.fetchAll(
                db, sql: "SELECT * FROM resumption WHERE run_id = ? ORDER BY id", arguments: [id])
            return RunDetail(
                run: try RunRecord(row: row, log: path),
                attempts: try attempts.map { try AttemptRecord(row: $0, log: path) },
                resumptions: try resumptions.map { try RunResumption(row: $0, log: path) })
        }
    }

    /// The names of the steps `resume` passes by: those whose latest attempt
    /// succeeded, or that the operator confirmed done or skipped (see
    /// `AttemptRecord.completesStep`). Throws for a run the log does not hold.
    public func completedSteps(run: Int64) throws -> Set<String> {
        try read { db in
            guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM run WHERE id = ?)", arguments: [run]) == true
            else { throw RunLogError.unknownRow(path: path, detail: "run \(run)") }
            return AttemptRecord.completedSteps(in: try attemptOutcomes(db, runs: [run]))
        }
    }

    /// The attempts of some runs without their output, which is all that
    /// deciding completion needs and may be megabytes each.
    private func attemptOutcomes(_ db: Database, runs: [Int64]) throws -> [AttemptRecord] {
        let rows = try Row.fetchAll(
            db,
            SQLRequest<Row>(literal: """
                SELECT id, run_id, step, step_index, number, kind, command, decision, note, exit_code, signal,
                       timed_out, NULL AS output, NULL AS output_bytes, NULL AS output_cap, started_at, ended_at
                FROM attempt WHERE run_id IN \(runs) ORDER BY id
                """))
        return try rows.map { try AttemptRecord(row: $0, log: path) }
    }
}
