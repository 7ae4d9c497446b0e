import GitKit

/// What lineage needs to know about one commit, kept in the lineage cache so
/// that a later build replays the history without reading it again.
struct CommitFacts {
    let id: ObjectID
    let tree: ObjectID
    /// As recorded in the commit; the walk drops them for shallow-clone grafts.
    let parents: [ObjectID]
    /// The date `git log` orders by.
    let date: UInt64
    /// As recorded: `.mailmap` is applied when lineage is assembled, because
    /// it can change between builds while the commit cannot.
    let author: Signature
    let subject: String
    /// Names from `Approved-by:` / `Reviewed-by:` trailers, in message order.
    let approvers: [String]
    /// The diff against the only parent (or the empty tree for a root commit);
    /// nil until needed, and never for merges, which lineage skips.
    var changes: [TreeChange]?
    /// For each added path `--follow` asked about: where it came from, or nil
    /// when it was newly created.
    var follows: [String: FollowSourceFinder.Source?] = [:]

    init(_ info: CommitInfo) throws {
        id = info.id
        tree = info.tree
        parents = info.parents
        date = info.date
        author = info.author
        subject = info.subject
        approvers = try ApproverTrailers.names(in: info.message)
    }

    init(
        id: ObjectID, tree: ObjectID, parents: [ObjectID], date: UInt64, author: Signature, subject: String,
        approvers: [String], changes: [TreeChange]?, follows: [String: FollowSourceFinder.Source?]
    ) {
        self.id = id
        self.tree = tree
        self.parents = parents
        self.date = date
        self.author = author
        self.subject = subject
        self.approvers = approvers
        self.changes = changes
        self.follows = follows
    }
}
