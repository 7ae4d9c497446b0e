/// One thing wrong with a runbook, at a place in a file.
public struct Problem: Sendable, Hashable, Codable, Comparable {
    public var ruleID: String
    public var severity: Severity
    /// Repository-relative path.
    public var path: String
    /// 1-based line and column.
    public var line: Int
    public var column: Int
    public var message: String

    public init(ruleID: String, severity: Severity, path: String, line: Int, column: Int, message: String) {
        self.ruleID = ruleID
        self.severity = severity
        self.path = path
        self.line = max(line, 1)
        self.column = max(column, 1)
        self.message = message
    }

    /// By file, then position, then rule: the order every reporter prints.
    public static func < (lhs: Problem, rhs: Problem) -> Bool {
        (lhs.path, lhs.line, lhs.column, lhs.ruleID, lhs.message) < (rhs.path, rhs.line, rhs.column, rhs.ruleID, rhs.message)
    }

    enum CodingKeys: String, CodingKey {
        case path, line, column, severity, ruleID = "rule", message
    }
}
