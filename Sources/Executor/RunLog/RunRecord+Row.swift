import Foundation
import GRDB

extension RunRecord {
    /// Reads a `run` row; a value this version cannot read is a `RunLogError`
    /// naming the file, never a crash.
    init(row: Row, log: String) throws {
        let id: Int64 = try row.decode(forColumn: "id")
        let variablesText: String = try row.decode(forColumn: "variables")
        guard let variables = try? JSONDecoder().decode([String: String].self, from: Data(variablesText.utf8)) else {
            throw RunLogError.unreadable(path: log, detail: "run \(id) has variables that are not a JSON object of strings")
        }
        let outcomeText: String = try row.decode(forColumn: "outcome")
        guard let outcome = RunOutcome(rawValue: outcomeText) else {
            throw RunLogError.unreadable(path: log, detail: "run \(id) has an unknown outcome '\(outcomeText)'")
        }
        self.init(
            id: id,
            started: RunStart(
                runbookID: try row.decode(forColumn: "runbook_id"),
                title: try row.decode(forColumn: "title"),
                path: try row.decode(forColumn: "path"),
                commit: try row.decode(forColumn: "runbook_commit"),
                blob: try row.decode(forColumn: "blob"),
                source: try row.decode(forColumn: "source"),
                user: try row.decode(forColumn: "user"),
                host: try row.decode(forColumn: "host"),
                stepCount: try row.decode(forColumn: "step_count"),
                variables: variables,
                start: try LogTimestamp.decode(row, "started_at", log: log)),
            end: try LogTimestamp.decodeIfPresent(row, "ended_at", log: log),
            outcome: outcome)
    }
}
