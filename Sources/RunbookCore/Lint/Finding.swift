import MarkdownKit

/// What a rule reports: a message at a place. The linter adds the rule id,
/// severity and path, so rules only say what is wrong and where.
public struct Finding: Sendable, Hashable {
    public var line: Int
    public var column: Int
    public var message: String

    public init(line: Int, column: Int = 1, _ message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    public init(at location: SourceLocation, _ message: String) {
        self.init(line: location.line, column: location.column, message)
    }
}
