import Foundation

/// A `runbook resume` of a run: who continued it, where and when. A resumed
/// run keeps its id; its attempts continue in the same history.
public struct RunResumption: Sendable, Hashable {
    public var at: Date
    public var user: String
    public var host: String

    public init(at: Date, user: String, host: String) {
        self.at = at
        self.user = user
        self.host = host
    }
}
