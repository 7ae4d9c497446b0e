/// `path:line:col: severity: message [rule-id]`, one problem per line, then a summary line.
public struct TextReporter: Reporter {
    public init() {}

    public func render(_ report: LintReport) -> String {
        var output = ""
        for problem in report.problems {
            output += "\(problem.path):\(problem.line):\(problem.column): \(problem.severity.rawValue): \(problem.message) [\(problem.ruleID)]\n"
        }
        return output
    }

    /// The closing line, for standard error: counts, so a clean run is visibly clean.
    public static func summary(_ report: LintReport) -> String {
        let runbooks = CountPhrase.of(report.runbookCount, "runbook")
        if report.problems.isEmpty { return "\(runbooks) checked, no problems" }
        return "\(runbooks) checked: \(CountPhrase.of(report.errorCount, "error")), \(CountPhrase.of(report.warningCount, "warning"))"
    }
}
