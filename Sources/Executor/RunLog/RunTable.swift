/// `runbook runs` as text: one run a line, newest first, in aligned columns
/// ID, STARTED (UTC), RUNBOOK, OUTCOME, STEPS (completed/total), BY (user@host).
public enum RunTable {
    public static func render(_ runs: [RunSummary]) -> String {
        let header = ["ID", "STARTED", "RUNBOOK", "OUTCOME", "STEPS", "BY"]
        let rows = runs.map { summary in
            [
                String(summary.run.id),
                LogTimestamp.short(summary.run.start),
                PrintableText.clean(summary.run.runbookID),
                summary.run.outcome.rawValue,
                "\(summary.completedStepCount)/\(summary.run.stepCount)",
                PrintableText.clean("\(summary.run.user)@\(summary.run.host)"),
            ]
        }
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        return ([header] + rows).map { cells in
            var line = ""
            for (column, cell) in cells.enumerated() {
                let isLast = column == cells.count - 1
                // Numbers align right, text left; the last column is not padded.
                if column == 0 {
                    line += String(repeating: " ", count: widths[column] - cell.count) + cell
                } else {
                    line += cell + (isLast ? "" : String(repeating: " ", count: widths[column] - cell.count))
                }
                if !isLast { line += "  " }
            }
            return line + "\n"
        }.joined()
    }
}
