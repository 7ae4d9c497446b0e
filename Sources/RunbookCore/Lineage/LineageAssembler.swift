import GitKit

/// Turns a runbook's lineage entries into `Lineage` values: authors after
/// `.mailmap`, subjects, and the approval.
struct LineageAssembler {
    /// The commits entries point into.
    let commits: [LineageCommit]
    let mailmap: Mailmap
    let statuses: StatusBook
    let repository: Repository
    /// Resolved once per distinct identity: mailmap lookups go through C strings.
    private var authors: [Signature: Signature] = [:]

    init(commits: [LineageCommit], mailmap: Mailmap, statuses: StatusBook, repository: Repository) {
        self.commits = commits
        self.mailmap = mailmap
        self.statuses = statuses
        self.repository = repository
    }

    /// - Parameter currentBlob: the runbook's blob at the built commit, whose
    ///   status decides whether an approval is looked for at all.
    mutating func lineage(of entries: [LineageEntry], truncated: Bool, currentBlob: ObjectID?) throws -> Lineage {
        let changes = entries.map { entry in
            let commit = commits[entry.commit]
            return LineageChange(
                commit: commit.id, author: author(commit.author), subject: commit.subject,
                kind: entry.kind, path: entry.path, renamedFrom: entry.renamedFrom, blob: entry.blob)
        }
        return Lineage(changes: changes, approval: try approval(in: entries, currentBlob: currentBlob), truncated: truncated)
    }

    /// The newest change whose version says `status: approved` while the
    /// version before it (the origin's, for a rename) did not — only when the
    /// current version is approved. Names come from `Approved-by:` /
    /// `Reviewed-by:` trailers, else the author.
    private mutating func approval(in entries: [LineageEntry], currentBlob: ObjectID?) throws -> Approval? {
        guard let currentBlob, try statuses.isApproved(currentBlob, in: repository) else { return nil }
        for entry in entries {
            guard let blob = entry.blob, try statuses.isApproved(blob, in: repository) else { continue }
            if let old = entry.oldBlob, try statuses.isApproved(old, in: repository) { continue }
            let commit = commits[entry.commit]
            let author = author(commit.author)
            let approvers = commit.approvers
            return Approval(
                commit: commit.id, author: author, approvers: approvers.isEmpty ? [author.name] : approvers,
                fromTrailers: !approvers.isEmpty)
        }
        return nil
    }

    private mutating func author(_ recorded: Signature) -> Signature {
        let identity = Signature(name: recorded.name, email: recorded.email, time: 0, offsetMinutes: 0)
        let canonical: Signature
        if let known = authors[identity] {
            canonical = known
        } else {
            canonical = mailmap.resolve(identity)
            authors[identity] = canonical
        }
        return Signature(name: canonical.name, email: canonical.email, time: recorded.time, offsetMinutes: recorded.offsetMinutes)
    }
}
