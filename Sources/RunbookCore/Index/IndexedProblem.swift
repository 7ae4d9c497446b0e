/// A lint problem of a runbook as the index records it.
public struct IndexedProblem: Sendable, Hashable, Decodable {
    public var line: Int
    public var column: Int
    public var severity: String
    public var rule: String
    public var message: String
}
