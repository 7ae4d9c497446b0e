import GitKit

/// Who approved a runbook: the commit in which its `status` became `approved`.
public struct Approval: Sendable, Hashable {
    public var commit: ObjectID
    /// The approving commit's author (after `.mailmap`) and date.
    public var author: Signature
    /// Names from the commit's `Approved-by:` and `Reviewed-by:` trailers, in
    /// message order; when there are none, the author's name.
    public var approvers: [String]
    /// Whether `approvers` came from trailers rather than the author.
    public var fromTrailers: Bool

    public init(commit: ObjectID, author: Signature, approvers: [String], fromTrailers: Bool) {
        self.commit = commit
        self.author = author
        self.approvers = approvers
        self.fromTrailers = fromTrailers
    }
}
