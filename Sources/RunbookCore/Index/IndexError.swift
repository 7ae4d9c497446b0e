/// Why an index could not be used. Each message names where the index came from
/// and what to do.
public struct IndexError: Error, Sendable, CustomStringConvertible {
    public var description: String

    init(_ origin: String, _ message: String) {
        description = "\(origin): \(message)"
    }
}
