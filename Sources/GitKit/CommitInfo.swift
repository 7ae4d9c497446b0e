/// What the history walk needs from one commit, parsed from its raw object.
public struct CommitInfo: Sendable, Hashable {
    public let id: ObjectID
    /// The commit's root tree.
    public let tree: ObjectID
    /// In the order the commit lists them (the first parent first). A commit
    /// cut off by a shallow clone is read as it is stored; `HistoryWalk` users
    /// decide whether to honour the shallow boundary.
    public let parents: [ObjectID]
    public let author: Signature
    public let committer: Signature
    /// The date `git log` orders its walk by: read from the committer line as
    /// git's `parse_commit_date` does (after the first `>`, unsigned, 0 when
    /// the lines are not where git expects them). Equal to `committer.time`
    /// for every well-formed commit.
    public let date: UInt64
    /// The full message (after the header's blank line), decoded as UTF-8
    /// with invalid bytes repaired.
    public let message: String

    public init(
        id: ObjectID, tree: ObjectID, parents: [ObjectID], author: Signature, committer: Signature, date: UInt64,
        message: String
    ) {
        self.id = id
        self.tree = tree
        self.parents = parents
        self.author = author
        self.committer = committer
        self.date = date
        self.message = message
    }

    /// The first line of the message, as `git log --oneline` shows it.
    public var subject: String {
        let line = message.prefix { $0 != "\n" && $0 != "\r\n" }
        return String(line.hasSuffix("\r") ? line.dropLast() : line)
    }
}
