import GitKit

/// Reads the lineage of many runbooks in one pass over history: for each
/// path, the commits `git log --follow --format=%H -- <path>` lists at the
/// built commit, newest first, with authors (after `.mailmap`), renames and
/// the approval.
///
/// What that list is, as git 2.39 computes it:
/// - commits come in plain `git log` order (`CommitWalk`: commit date, ties
///   first-seen first), every commit reachable from the built one;
/// - a merge never appears and never renames; any other commit appears when
///   its diff against its parent (a root commit's against nothing) touches
///   the followed name;
/// - when that diff creates the name, git looks for an origin in the whole
///   parent tree, copies included (`FollowSourceFinder`), and follows the
///   origin's name from then on — for every commit visited later, whichever
///   branch it is on.
///
/// Facts about each commit are cached by commit id (`LineageCache`, by
/// default in `<git common dir>/runbook/`), so a build after new commits reads
/// and diffs only those. The lineages a whole walk found are kept too
/// (`LineageSnapshot`): a build at a descendant whose walk comes to that walk's
/// first commit with nothing else left to visit (new commits on one line of
/// history) stops there and takes the rest from the snapshot, instead of
/// replaying 50,000 commits. A shallow clone's boundary commits are read as
/// parentless, as git reads them, and lineages reaching them are `truncated`.
///
/// Threads: the reader uses the repository it is given on the calling
/// thread, and walks the history on one more thread of its own with a second
/// handle on the same repository (a libgit2 handle serves one thread), so
/// reading commits and trees overlaps with comparing blobs. Nothing global is
/// touched: run it on any thread, with a `Repository` no other thread uses.
public final class LineageReader {
    private let repository: Repository
    /// The cache file.
    public let cachePath: String
    /// The snapshot file, beside the cache.
    var snapshotPath: String { cachePath.dropLast("cache".count) + "snapshot" }

    /// How many new commits a walk goes through looking for the snapshot's
    /// commit before it gives up (building an older commit, say) and walks the
    /// whole history; and from how many it keeps a new snapshot.
    private static let resumeReach = 1_000
    private static let resumeRefresh = 16

    /// - Parameter cacheDirectory: where to keep the cache; default
    ///   `<common git directory>/runbook`, shared by all worktrees.
    public init(repository: Repository, cacheDirectory: String? = nil) {
        self.repository = repository
        cachePath = (cacheDirectory ?? BuildOptions.defaultCacheDirectory(of: repository)) + "/lineage.cache"
    }

    /// The lineage of each path at `commit` (paths as in the commit's tree;
    /// duplicates are read once).
    /// - Parameters:
    ///   - progress: called on the calling thread now and then with the number
    ///     of commits walked so far.
    ///   - writeCache: runs the write of the updated cache, by default at once.
    public func lineages(
        of paths: [String], at commit: ObjectID, progress: ((Int) -> Void)? = nil,
        writeCache: (@escaping @Sendable () -> Void) -> Void = { $0() }
    ) throws -> LineageReport {
        var seenPaths: Set<String> = []
        let paths = paths.filter { seenPaths.insert($0).inserted }
        let info = try repository.commitInfo(commit)
        guard !paths.isEmpty else {
            return LineageReport(lineages: [:], committer: info.committer, isShallow: repository.isShallow, walkedCommits: 0, readCommits: 0)
        }
        let grafts = try repository.shallowCommits().sorted()
        let built = Built(commit: commit, tree: info.tree, committer: info.committer, paths: paths, grafts: grafts)
        if let snapshot = LineageSnapshot.load(from: snapshotPath, for: repository, grafts: grafts),
           let report = try resume(built, from: snapshot, progress: progress, writeCache: writeCache) {
            return report
        }
        return try walkWhole(built, progress: progress, writeCache: writeCache)
    }

    /// What is being built: the commit, and the paths whose lineage is asked for.
    private struct Built {
        let commit: ObjectID
        let tree: ObjectID
        let committer: Signature
        let paths: [String]
        let grafts: [ObjectID]
    }

    /// Walks the commits since the snapshot's and takes the rest from it; nil
    /// when the walk does not come to that commit alone, or a runbook then
    /// follows a name the snapshot did not.
    private func resume(
        _ built: Built, from snapshot: LineageSnapshot, progress: ((Int) -> Void)?,
        writeCache: (@escaping @Sendable () -> Void) -> Void
    ) throws -> LineageReport? {
        let statuses = StatusBook(known: snapshot.statuses)
        var tracker = FollowTracker(paths: built.paths)
        let walk = WalkChannel.start(
            gitDirectory: repository.gitDirectory, from: built.commit, known: [snapshot.head],
            boundary: (snapshot.head.id, newestAncestor: snapshot.newestAncestor, within: Self.resumeReach))
        defer { walk.cancel() }
        // New entries point past the snapshot's commits.
        let (visited, _, _) = try follow(walk, with: &tracker, statuses: statuses, firstCommit: snapshot.commits.count, progress: progress)
        guard walk.reachedBoundary, tracker.conclude(with: { snapshot.names[$0] }) else { return nil }
        let commits = snapshot.commits + visited.map(LineageCommit.init)
        let (lineages, _) = try assemble(built, commits: commits, tracker: tracker, statuses: statuses)
        let walked = visited.count + snapshot.walkedCommits
        if visited.count >= Self.resumeRefresh {
            let newestAncestor = max(visited.dropFirst().map(\.date).max() ?? 0, snapshot.head.date, snapshot.newestAncestor)
            writeCache(snapshotWrite(
                of: built, head: visited[0], walkedCommits: walked, newestAncestor: newestAncestor, commits: commits,
                tracker: tracker, statuses: statuses))
        }
        return LineageReport(
            lineages: lineages, committer: built.committer, isShallow: repository.isShallow, walkedCommits: walked,
            readCommits: walk.readCount, resumedFrom: snapshot.head.id)
    }

    /// Walks the whole history (replaying cached commits), and keeps a snapshot of it.
    private func walkWhole(
        _ built: Built, progress: ((Int) -> Void)?, writeCache: (@escaping @Sendable () -> Void) -> Void
    ) throws -> LineageReport {
        let cache = LineageCache.load(from: cachePath, for: repository)
        let statuses = StatusBook(known: cache?.statuses ?? [:])
        var tracker = FollowTracker(paths: built.paths)
        let walk = WalkChannel.start(gitDirectory: repository.gitDirectory, from: built.commit, known: cache?.facts ?? [])
        defer { walk.cancel() }
        let (visited, anchors, foundOrigins) = try follow(walk, with: &tracker, statuses: statuses, firstCommit: 0, progress: progress)
        let readCount = walk.readCount
        // The walk starts with the built commit.
        guard let head = visited.first, head.id == built.commit else {
            throw SourceError("cannot read the history of \(built.commit): the walk did not start there")
        }
        let commits = visited.map(LineageCommit.init)
        let (lineages, current) = try assemble(built, commits: commits, tracker: tracker, statuses: statuses)

        let saveSnapshot = snapshotWrite(
            of: built, head: head, walkedCommits: visited.count, newestAncestor: visited.dropFirst().map(\.date).max() ?? 0,
            commits: commits, tracker: tracker, statuses: statuses)
        let cachePath = cachePath
        let renews = !Self.nearlyCurrent(cache, visited: visited.count, read: readCount, foundOrigins: foundOrigins)
        let (approved, entries) = (statuses.approved, tracker.entries)
        // One after the other, for the memory of a first build; the cache is
        // made there too, so that the build need not wait for it.
        writeCache {
            if renews {
                try? Self.cache(facts: visited, anchors: anchors, approved: approved, entries: entries, current: current)
                    .save(to: cachePath)
            }
            saveSnapshot()
        }
        return LineageReport(
            lineages: lineages, committer: built.committer, isShallow: repository.isShallow,
            walkedCommits: visited.count, readCommits: readCount)
    }

    /// Writes a snapshot of the walk from `head` that `tracker` followed. The
    /// snapshot is made where this runs (on the cache-writing thread):
    /// compacting 100,000 entries is no reason to wait.
    private func snapshotWrite(
        of built: Built, head: CommitFacts, walkedCommits: Int, newestAncestor: UInt64, commits: [LineageCommit],
        tracker: FollowTracker, statuses: StatusBook
    ) -> @Sendable () -> Void {
        let (path, entries, truncated, approved) = (snapshotPath, tracker.entries, tracker.truncated, statuses.approved)
        return {
            try? LineageSnapshot(
                head: head, grafts: built.grafts, walkedCommits: walkedCommits, newestAncestor: newestAncestor, commits: commits,
                names: built.paths, entries: entries, truncated: truncated, statuses: approved
            ).save(to: path)
        }
    }

    /// Follows every path through the commits the walk gives, newest first.
    /// - Parameter firstCommit: the index of the walk's first commit among
    ///   those the lineage will be assembled from.
    /// - Returns: the facts of the commits visited, in walk order; the root
    ///   commits among them; whether any origin of an added file was looked for.
    private func follow(
        _ walk: WalkChannel, with tracker: inout FollowTracker, statuses: StatusBook, firstCommit: Int, progress: ((Int) -> Void)?
    ) throws -> (visited: [CommitFacts], anchors: [ObjectID], foundOrigins: Bool) {
        let differ = TreeDiffer(repository: repository)
        let finder = FollowSourceFinder(repository: repository, differ: differ) { statuses.record($0, content: $1) }
        var visited: [CommitFacts] = []
        var anchors: [ObjectID] = []
        var foundOrigins = false
        while let step = try walk.receive() {
            visited.append(step.fact)
            // A shallow boundary is diffed against nothing only while the clone is
            // shallow: kept for the cache, that diff would outlive a deepening fetch.
            if step.grafted { visited[visited.count - 1].changes = nil }
            if step.isRoot { anchors.append(step.fact.id) }
            if visited.count % 1000 == 0 { progress?(visited.count) }
            guard !step.isMerge, let changes = step.fact.changes else { continue }
            finder.stepBack(from: step.fact.tree, to: step.parentTree, undoing: changes)
            let position = visited.count - 1
            try tracker.visit(commit: firstCommit + position, changes: changes, grafted: step.grafted) { path, added in
                guard let parentTree = step.parentTree else { return nil }
                if let known = visited[position].follows[path] { return known }
                let deleted = Set(changes.lazy.filter { $0.new == nil }.map(\.path))
                let origin = try finder.source(of: path, added: added, parentTree: parentTree, deletedPaths: deleted)
                if !step.grafted {
                    visited[position].follows[path] = .some(origin)
                    foundOrigins = true
                }
                return origin
            }
        }
        progress?(visited.count)
        return (visited, anchors, foundOrigins)
    }

    /// Each path's lineage from the tracker's entries, and the blob each path has at the built commit.
    private func assemble(
        _ built: Built, commits: [LineageCommit], tracker: FollowTracker, statuses: StatusBook
    ) throws -> (lineages: [String: Lineage], current: [String: ObjectID]) {
        let requested = Set(built.paths)
        let differ = TreeDiffer(repository: repository)
        let changes = try differ.changes(from: nil, to: built.tree).filter { requested.contains($0.path) }
        let current = Dictionary(changes.compactMap { change in change.new.map { (change.path, $0.id) } }) { first, _ in first }
        var assembler = LineageAssembler(
            commits: commits, mailmap: try Mailmap(repository: repository, commit: built.commit), statuses: statuses,
            repository: repository)
        var lineages: [String: Lineage] = [:]
        for (runbook, path) in built.paths.enumerated() {
            lineages[path] = try assembler.lineage(
                of: tracker.entries[runbook], truncated: tracker.truncated[runbook], currentBlob: current[path])
        }
        return (lineages, current)
    }

    /// Whether the cache is close enough to this walk to be left as it is: a
    /// commit it lacks costs every build until then that commit's walk, while the file
    /// is read and written whole (15 MB for 50,000 commits), so it is written
    /// again only once 1% of what it holds is missing or out of date, or when
    /// the walk found where files came from (which can take reading many blobs).
    private static func nearlyCurrent(_ cache: LineageCache?, visited: Int, read: Int, foundOrigins: Bool) -> Bool {
        guard let cache, !foundOrigins else { return false }
        let gone = cache.facts.count - (visited - read)
        return (read + gone) * 100 < cache.facts.count
    }

    /// What this walk needed: the facts of the commits it visited and the
    /// statuses of the blobs in its lineages, so the cache follows the history
    /// being built rather than growing forever. A failed write of it only
    /// costs time on the next build.
    private static func cache(
        facts: [CommitFacts], anchors: [ObjectID], approved: [ObjectID: Bool], entries: [[LineageEntry]], current: [String: ObjectID]
    ) -> LineageCache {
        var cache = LineageCache()
        cache.facts = facts
        cache.anchors = anchors
        var blobs = Set(current.values)
        for lineage in entries {
            for entry in lineage {
                if let blob = entry.blob { blobs.insert(blob) }
                if let old = entry.oldBlob { blobs.insert(old) }
            }
        }
        for blob in blobs { cache.statuses[blob] = approved[blob] }
        return cache
    }
}
