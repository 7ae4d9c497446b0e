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
/// and diffs only those. A shallow clone's boundary commits are read as
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
        let committer = try repository.commitInfo(commit).committer
        guard !paths.isEmpty else {
            return LineageReport(lineages: [:], committer: committer, isShallow: repository.isShallow, walkedCommits: 0, readCommits: 0)
        }
        let cache = LineageCache.load(from: cachePath, for: repository)
        let statuses = StatusBook(known: cache?.statuses ?? [:])
        let differ = TreeDiffer(repository: repository)
        let finder = FollowSourceFinder(repository: repository, differ: differ) { statuses.record($0, content: $1) }
        var tracker = FollowTracker(paths: paths)
        let walk = WalkChannel.start(gitDirectory: repository.gitDirectory, from: commit, known: cache?.facts ?? [])
        defer { walk.cancel() }

        // The facts of the visited commits, in walk order; lineage entries point into it.
        var visited: [CommitFacts] = []
        var anchors: [ObjectID] = []
        var foundOrigins = false
        while let step = try walk.receive() {
            visited.append(step.fact)
            if step.isRoot { anchors.append(step.fact.id) }
            if visited.count % 1000 == 0 { progress?(visited.count) }
            guard !step.isMerge, let changes = step.fact.changes else { continue }
            finder.stepBack(from: step.fact.tree, to: step.parentTree, undoing: changes)
            let position = visited.count - 1
            try tracker.visit(commit: position, changes: changes, grafted: step.grafted) { path, added in
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
        let readCount = walk.readCount

        // The walk starts with the built commit: its tree has the current versions.
        guard let built = visited.first, built.id == commit else {
            throw SourceError("cannot read the history of \(commit): the walk did not start there")
        }
        let requested = Set(paths)
        let current = try differ.changes(from: nil, to: built.tree).filter { requested.contains($0.path) }
        let currentBlobs = Dictionary(current.compactMap { change in change.new.map { (change.path, $0.id) } }) { first, _ in first }
        var assembler = LineageAssembler(
            facts: visited, mailmap: try Mailmap(repository: repository, commit: commit), statuses: statuses, repository: repository)
        var lineages: [String: Lineage] = [:]
        for (runbook, path) in paths.enumerated() {
            lineages[path] = try assembler.lineage(
                of: tracker.entries[runbook], truncated: tracker.truncated[runbook], currentBlob: currentBlobs[path])
        }

        if !Self.nearlyCurrent(cache, visited: visited.count, read: readCount, foundOrigins: foundOrigins) {
            let (path, approved, entries) = (cachePath, statuses.approved, tracker.entries)
            writeCache { [visited, anchors, currentBlobs] in
                try? Self.cache(facts: visited, anchors: anchors, approved: approved, entries: entries, current: currentBlobs)
                    .save(to: path)
            }
        }
        return LineageReport(
            lineages: lineages, committer: committer, isShallow: repository.isShallow,
            walkedCommits: visited.count, readCommits: readCount)
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
