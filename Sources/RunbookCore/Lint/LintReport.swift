/// The outcome of a lint: every problem, sorted, and how many runbooks were read.
public struct LintReport: Sendable {
    public var problems: [Problem]
    public var runbookCount: Int

    public init(problems: [Problem], runbookCount: Int) {
        self.problems = problems.sorted()
        self.runbookCount = runbookCount
    }

    public var errorCount: Int { problems.count { $0.severity == .error } }
    public var warningCount: Int { problems.count { $0.severity == .warning } }
}
