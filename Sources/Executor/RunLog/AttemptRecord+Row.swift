import Foundation
import GRDB
import RunbookCore

extension AttemptRecord {
    /// Reads an `attempt` row; a value this version cannot read is a
    /// `RunLogError` naming the file, never a crash.
    init(row: Row, log: String) throws {
        let id: Int64 = try row.decode(forColumn: "id")
        let kindText: String = try row.decode(forColumn: "kind")
        let decisionText: String = try row.decode(forColumn: "decision")
        guard let kind = Step.Kind(rawValue: kindText) else {
            throw RunLogError.unreadable(path: log, detail: "attempt \(id) has an unknown kind '\(kindText)'")
        }
        guard let decision = StepDecision(rawValue: decisionText) else {
            throw RunLogError.unreadable(path: log, detail: "attempt \(id) has an unknown decision '\(decisionText)'")
        }
        let output: StepOutput? =
            if let cap: Int = try row.decode(forColumn: "output_cap") {
                StepOutput(
                    kept: try row.decode(Data?.self, forColumn: "output") ?? Data(),
                    totalBytes: try row.decode(Int?.self, forColumn: "output_bytes") ?? 0, cap: cap)
            } else { nil }
        self.init(
            id: id,
            runID: try row.decode(forColumn: "run_id"),
            step: LoggedStep(
                name: try row.decode(forColumn: "step"), index: try row.decode(forColumn: "step_index"), kind: kind,
                command: try row.decode(forColumn: "command")),
            number: try row.decode(forColumn: "number"),
            decision: decision,
            note: try row.decode(forColumn: "note"),
            exitCode: try row.decode(forColumn: "exit_code"),
            signal: try row.decode(forColumn: "signal"),
            timedOut: try row.decode(forColumn: "timed_out"),
            output: output,
            start: try LogTimestamp.decode(row, "started_at", log: log),
            end: try LogTimestamp.decodeIfPresent(row, "ended_at", log: log))
    }
}
