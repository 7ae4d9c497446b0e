/// Why a run does not start: the message says what is wrong and which flag,
/// if any, overrides it.
public struct RunRefusal: Error, Sendable, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
