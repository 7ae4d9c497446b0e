/// The site could not be written to its folder; the previous site, if any, is untouched.
public struct SiteWriteError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
