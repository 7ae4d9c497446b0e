import GitKit

/// One commit in a runbook's lineage.
public struct LineageChange: Sendable, Hashable {
    /// How the commit changed the runbook's file.
    ///
    /// `renamed` is also a copy: `git log --follow` continues into the file a
    /// new one was copied from (the original kept) exactly as into one it
    /// was renamed from, and so does the lineage.
    public enum Kind: String, Sendable, Hashable {
        case added, modified, renamed, deleted
    }

    public var commit: ObjectID
    /// The commit's author, after `.mailmap`.
    public var author: Signature
    /// The first line of the commit message.
    public var subject: String
    public var kind: Kind
    /// The runbook's path after this commit (for a deletion, the path it was deleted from).
    public var path: String
    /// For a rename (or copy): the path the history continues at, before this commit.
    public var renamedFrom: String?
    /// The runbook's blob after this commit; nil for a deletion.
    public var blob: ObjectID?

    public init(
        commit: ObjectID, author: Signature, subject: String, kind: Kind, path: String,
        renamedFrom: String? = nil, blob: ObjectID?
    ) {
        self.commit = commit
        self.author = author
        self.subject = subject
        self.kind = kind
        self.path = path
        self.renamedFrom = renamedFrom
        self.blob = blob
    }
}
