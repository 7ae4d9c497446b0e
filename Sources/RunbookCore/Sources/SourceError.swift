/// Why runbooks could not be loaded at all: the tool cannot do its job (exit 2).
public struct SourceError: Error, Sendable, CustomStringConvertible {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}
