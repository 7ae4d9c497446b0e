/// A config file that cannot be used: where, which key, and what is wrong.
public struct ConfigError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var line: Int
    public var column: Int
    /// Dotted key path, e.g. "sections.commands.Diagnosis"; empty for the file as a whole.
    public var key: String
    public var message: String

    public init(path: String, line: Int, column: Int, key: String, message: String) {
        self.path = path
        self.line = line
        self.column = column
        self.key = key
        self.message = message
    }

    public var description: String {
        let subject = key.isEmpty ? "" : "\(key): "
        return "\(path):\(line):\(column): error: \(subject)\(message)"
    }
}
