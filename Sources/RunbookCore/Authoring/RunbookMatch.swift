/// A runbook found for an alert or a text, and why.
public struct RunbookMatch: Sendable, Hashable {
    public enum Reason: Sendable, Hashable {
        /// The runbook's `alerts` names it.
        case alert(String)
        /// One of the runbook's `patterns` matches it.
        case pattern(String)
    }

    public var runbook: MatchCandidate
    public var reason: Reason

    public init(runbook: MatchCandidate, reason: Reason) {
        self.runbook = runbook
        self.reason = reason
    }
}
