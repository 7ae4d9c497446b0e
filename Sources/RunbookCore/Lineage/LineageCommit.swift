import GitKit

/// What a lineage shows of one commit. Entries point at these: the facts of
/// the commits a walk visited, or those a `LineageSnapshot` kept.
struct LineageCommit {
    let id: ObjectID
    /// As recorded: `.mailmap` is applied when lineage is assembled.
    let author: Signature
    let subject: String
    /// Names from `Approved-by:` / `Reviewed-by:` trailers, in message order.
    let approvers: [String]

    init(id: ObjectID, author: Signature, subject: String, approvers: [String]) {
        self.id = id
        self.author = author
        self.subject = subject
        self.approvers = approvers
    }

    init(_ facts: CommitFacts) {
        self.init(id: facts.id, author: facts.author, subject: facts.subject, approvers: facts.approvers)
    }
}
