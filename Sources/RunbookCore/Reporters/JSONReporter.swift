import Foundation

/// A JSON array of problems, each `{"path", "line", "column", "severity", "rule", "message"}`,
/// sorted by path and position, keys in that order (stable for diffs and tests).
public struct JSONReporter: Reporter {
    public init() {}

    public func render(_ report: LintReport) -> String {
        let items = report.problems.map { problem in
            "  {\"path\": \(JSONText.quote(problem.path)), \"line\": \(problem.line), \"column\": \(problem.column), "
                + "\"severity\": \"\(problem.severity.rawValue)\", \"rule\": \(JSONText.quote(problem.ruleID)), "
                + "\"message\": \(JSONText.quote(problem.message))}"
        }
        return items.isEmpty ? "[]\n" : "[\n" + items.joined(separator: ",\n") + "\n]\n"
    }
}
