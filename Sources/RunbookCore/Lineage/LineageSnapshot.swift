import GitKit

/// The lineages one walk found, by the name each was followed under from the
/// walk's first commit (its head), kept so that a build at a later commit
/// walks only the commits since and goes on from here (`LineageReader`).
///
/// Why that is exact: when a walk from a newer commit comes to the head with
/// no other commit left to visit, the rest of it is the walk this snapshot
/// records, commit for commit (`CommitWalk.holdsOnly`). A runbook that by then
/// follows a name goes on as that name's lineage here: following a name
/// depends on the name and the commits visited, nothing else. Only the shallow
/// boundary could change the walk, so the snapshot keeps the one it was read
/// with and is used with that one only.
///
/// Trusted like the lineage cache: only whole (`CacheFile`), and only when its
/// head is in this repository; otherwise it is discarded and the build walks
/// the whole history.
struct LineageSnapshot {
    /// The walk's first commit, without its diff: a walk stopping there needs
    /// its date and tree without reading it.
    let head: CommitFacts
    /// The shallow clone's boundary commits when it was read, sorted.
    let grafts: [ObjectID]
    /// Commits the walk visited, merges included.
    let walkedCommits: Int
    /// The newest commit date among the head's ancestors (0 for none): a
    /// later walk that visits a commit dated no later than this may have
    /// visited one of them, and does not resume (`HistoryWalk`).
    let newestAncestor: UInt64
    /// The commits entries point into.
    let commits: [LineageCommit]
    /// Per name followed from the head.
    let names: [String: Followed]
    /// Whether each blob of the entries says `status: approved`.
    let statuses: [ObjectID: Bool]

    struct Followed {
        /// Newest first.
        let entries: [LineageEntry]
        /// The entries reached a commit a shallow clone cut off.
        let truncated: Bool
    }

    private static let file = CacheFile(magic: Array("runbook lineage snapshot\n".utf8), version: 2)

    /// - Parameters:
    ///   - commits: what `entries` point into; only the commits they name are kept.
    ///   - entries: per name in `names`, with `truncated`.
    init(
        head: CommitFacts, grafts: [ObjectID], walkedCommits: Int, newestAncestor: UInt64, commits: [LineageCommit],
        names: [String], entries: [[LineageEntry]], truncated: [Bool], statuses: [ObjectID: Bool]
    ) {
        self.head = CommitFacts(
            id: head.id, tree: head.tree, parents: head.parents, date: head.date, author: head.author, subject: head.subject,
            approvers: head.approvers, changes: nil, follows: [:])
        self.grafts = grafts
        self.walkedCommits = walkedCommits
        self.newestAncestor = newestAncestor
        var kept: [LineageCommit] = []
        var keptIndex: [Int: Int] = [:]
        var followed: [String: Followed] = [:]
        var blobs: [ObjectID: Bool] = [:]
        for (name, (lineage, truncated)) in zip(names, zip(entries, truncated)) {
            let renumbered = lineage.map { entry in
                let index = keptIndex[entry.commit] ?? {
                    kept.append(commits[entry.commit])
                    keptIndex[entry.commit] = kept.count - 1
                    return kept.count - 1
                }()
                for case let blob? in [entry.blob, entry.oldBlob] {
                    if let approved = statuses[blob] { blobs[blob] = approved }
                }
                return LineageEntry(
                    commit: index, kind: entry.kind, path: entry.path, renamedFrom: entry.renamedFrom, blob: entry.blob,
                    oldBlob: entry.oldBlob)
            }
            followed[name] = Followed(entries: renumbered, truncated: truncated)
        }
        self.commits = kept
        self.names = followed
        self.statuses = blobs
    }

    private init(
        head: CommitFacts, grafts: [ObjectID], walkedCommits: Int, newestAncestor: UInt64, commits: [LineageCommit],
        names: [String: Followed], statuses: [ObjectID: Bool]
    ) {
        self.head = head
        self.grafts = grafts
        self.walkedCommits = walkedCommits
        self.newestAncestor = newestAncestor
        self.commits = commits
        self.names = names
        self.statuses = statuses
    }

    /// The snapshot at `path`, or nil when there is none, it cannot be
    /// trusted, or it was read with another shallow boundary (`grafts`, sorted).
    static func load(from path: String, for repository: Repository, grafts: [ObjectID]) -> LineageSnapshot? {
        guard let payload = file.payload(at: path) else { return nil }
        let snapshot: LineageSnapshot? = payload.withUnsafeBytes { buffer in
            var reader = BinaryReader(buffer)
            return try? decode(&reader)
        }
        // Its head as this repository has it: its date places it in the walk, and its tree is diffed against.
        guard let snapshot, snapshot.grafts == grafts, let head = try? repository.commitInfo(snapshot.head.id),
              head.tree == snapshot.head.tree, head.date == snapshot.head.date, head.parents == snapshot.head.parents
        else { return nil }
        return snapshot
    }

    /// Writes the snapshot; a failure only costs time next build.
    func save(to path: String) throws {
        var writer = BinaryWriter()
        encode(into: &writer)
        try Self.file.write(writer.bytes, to: path)
    }

    // MARK: - Format
    //
    // head:     id, tree, date, parent count + ids, author (name, email, time, offset), subject, approver count + names
    // grafts:   count, ids
    // walked:   count, newest ancestor date
    // strings:  count, (length, UTF-8)…          names, paths and authors, by index
    // commits:  count, per commit: id, author (name, email indices, time, offset), subject, approver count + indices
    // names:    count, per name: name index, truncated flag, entry count, per entry:
    //   commit index, kind, path index, renamed-from flag [index], blob flag [id], old blob flag [id]
    // statuses: count, (id, approved flag)…

    private static let kinds: [LineageChange.Kind] = [.added, .modified, .renamed, .deleted]

    private func encode(into writer: inout BinaryWriter) {
        var table = StringTable()
        var body = BinaryWriter()
        body.write(count: commits.count)
        for commit in commits {
            body.write(commit.id)
            body.write(count: table.index(commit.author.name))
            body.write(count: table.index(commit.author.email))
            body.write(timeOf: commit.author)
            body.write(commit.subject)
            body.write(count: commit.approvers.count)
            for approver in commit.approvers { body.write(count: table.index(approver)) }
        }
        body.write(count: names.count)
        for (name, followed) in names.sorted(by: { $0.key < $1.key }) {
            body.write(count: table.index(name))
            body.write(followed.truncated)
            body.write(count: followed.entries.count)
            for entry in followed.entries {
                body.write(count: entry.commit)
                body.write(UInt8(Self.kinds.firstIndex(of: entry.kind)!))
                body.write(count: table.index(entry.path))
                body.write(entry.renamedFrom != nil)
                if let renamedFrom = entry.renamedFrom { body.write(count: table.index(renamedFrom)) }
                for blob in [entry.blob, entry.oldBlob] {
                    body.write(blob != nil)
                    if let blob { body.write(blob) }
                }
            }
        }
        writer.write(head.id)
        writer.write(head.tree)
        writer.write(head.date)
        writer.write(count: head.parents.count)
        for parent in head.parents { writer.write(parent) }
        for text in [head.author.name, head.author.email] { writer.write(text) }
        writer.write(timeOf: head.author)
        writer.write(head.subject)
        writer.write(count: head.approvers.count)
        for approver in head.approvers { writer.write(approver) }
        writer.write(count: grafts.count)
        for graft in grafts { writer.write(graft) }
        writer.write(walkedCommits)
        writer.write(newestAncestor)
        writer.write(strings: table.strings)
        writer.write(raw: body.bytes)
        writer.write(flags: statuses)
    }

    private static func decode(_ reader: inout BinaryReader) throws(BinaryReader.Damaged) -> LineageSnapshot {
        let id = try reader.objectID(), tree = try reader.objectID(), date = try reader.uint64()
        var parents: [ObjectID] = []
        for _ in 0..<(try reader.count(ofRecordsAtLeast: 20)) { parents.append(try reader.objectID()) }
        let author = try reader.signature(name: try reader.string(), email: try reader.string())
        let subject = try reader.string()
        var approvers: [String] = []
        for _ in 0..<(try reader.count(ofRecordsAtLeast: 4)) { approvers.append(try reader.string()) }
        let head = CommitFacts(
            id: id, tree: tree, parents: parents, date: date, author: author, subject: subject, approvers: approvers,
            changes: nil, follows: [:])
        var grafts: [ObjectID] = []
        for _ in 0..<(try reader.count(ofRecordsAtLeast: 20)) { grafts.append(try reader.objectID()) }
        let walkedCommits = try reader.int()
        guard walkedCommits >= 0 else { throw BinaryReader.Damaged() }
        let newestAncestor = try reader.uint64()

        let strings = try reader.strings()
        func interned() throws(BinaryReader.Damaged) -> String { strings[try reader.index(below: strings.count)] }

        let commitCount = try reader.count(ofRecordsAtLeast: 48)
        var commits: [LineageCommit] = []
        commits.reserveCapacity(commitCount)
        for _ in 0..<commitCount {
            let id = try reader.objectID()
            let author = try reader.signature(name: try interned(), email: try interned())
            let subject = try reader.string()
            var approvers: [String] = []
            for _ in 0..<(try reader.count(ofRecordsAtLeast: 4)) { approvers.append(try interned()) }
            commits.append(LineageCommit(id: id, author: author, subject: subject, approvers: approvers))
        }
        var names: [String: Followed] = [:]
        for _ in 0..<(try reader.count(ofRecordsAtLeast: 9)) {
            let name = try interned()
            let truncated = try reader.bool()
            var entries: [LineageEntry] = []
            for _ in 0..<(try reader.count(ofRecordsAtLeast: 12)) {
                let commit = try reader.index(below: commits.count)
                let kindIndex = Int(try reader.uint8())
                guard kindIndex < kinds.count else { throw BinaryReader.Damaged() }
                let kind = kinds[kindIndex]
                let path = try interned()
                let renamedFrom = try reader.bool() ? try interned() : nil
                let blob = try reader.bool() ? try reader.objectID() : nil
                let oldBlob = try reader.bool() ? try reader.objectID() : nil
                entries.append(LineageEntry(commit: commit, kind: kind, path: path, renamedFrom: renamedFrom, blob: blob, oldBlob: oldBlob))
            }
            guard names.updateValue(Followed(entries: entries, truncated: truncated), forKey: name) == nil else {
                throw BinaryReader.Damaged()
            }
        }
        let statuses = try reader.flags()
        guard reader.isAtEnd else { throw BinaryReader.Damaged() }
        return LineageSnapshot(
            head: head, grafts: grafts, walkedCommits: walkedCommits, newestAncestor: newestAncestor, commits: commits,
            names: names, statuses: statuses)
    }
}
