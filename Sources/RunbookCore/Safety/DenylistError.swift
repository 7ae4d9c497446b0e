/// A denylist that cannot be built from configuration.
public enum DenylistError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A pattern in `executor.deny` that is not a valid regular expression: the pattern and why.
    case invalidPattern(String, String)

    public var description: String {
        switch self {
        case let .invalidPattern(pattern, message):
            return "invalid deny pattern '\(pattern)': \(message)"
        }
    }
}
