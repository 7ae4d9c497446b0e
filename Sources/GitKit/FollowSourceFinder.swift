/// Called with every blob the finder reads, so a caller can learn something
/// from content that was read anyway (the lineage reader takes front-matter
/// statuses from it). The bytes are only valid during the call.
public typealias BlobObserver = (ObjectID, UnsafeRawBufferPointer) -> Void

/// Where `git log --follow` continues when the file it follows is created.
///
/// git 2.39 (`try_to_follow_renames` in tree-diff.c) then diffs the whole
/// commit with copy detection (`find_copies_harder`), so the origin may be
/// any file of the parent tree, not only one the commit deletes:
/// - an identical blob first (a deleted source before a kept one, then the
///   same file name, then path order; symlinks and submodules only match
///   their own kind);
/// - else the most similar regular file at 50% or more, where among git's
///   best four a deleted source (a rename) beats a kept one (a copy).
/// Empty files count as identical to each other, as in git.
///
/// The finder keeps the file list of one tree — stepped back commit by
/// commit as a walk goes (`stepBack`), or diffed to the tree a question is
/// about — and fingerprints each blob once, so the questions of one walk
/// cost little more than reading the blobs involved.
///
/// Not thread-safe, like the repository it reads from.
public final class FollowSourceFinder {
    /// The origin found: its path in the parent tree and that version's blob.
    public struct Source: Sendable, Hashable {
        public let path: String
        public let old: TreeChange.Side

        public init(path: String, old: TreeChange.Side) {
            self.path = path
            self.old = old
        }
    }

    private let repository: Repository
    private let differ: TreeDiffer
    private let observer: BlobObserver?
    /// The tree the file list below describes (nil: the empty tree).
    private var tree: ObjectID?
    private var files: [String: TreeChange.Side] = [:]
    private var pathsByBlob: [ObjectID: [String]] = [:]
    private var index = SimilarityIndex()

    /// `differ` reads the trees the finder moves between when it cannot step back.
    public init(repository: Repository, differ: TreeDiffer, observer: BlobObserver? = nil) {
        self.repository = repository
        self.differ = differ
        self.observer = observer
    }

    /// The origin of `added` (a file the commit creates at `path`), or nil
    /// when git would report it as newly added.
    /// - Parameters:
    ///   - parentTree: the tree the commit is diffed against (nil for a root commit).
    ///   - deletedPaths: the paths the commit deletes (its changes without a new side).
    public func source(
        of path: String, added: TreeChange.Side, parentTree: ObjectID?, deletedPaths: Set<String>
    ) throws -> Source? {
        try move(to: parentTree)
        if let exact = identicalSource(of: path, added: added, deletedPaths: deletedPaths) { return exact }
        guard added.isRegularFile else { return nil }
        let destination = try index.fingerprint(of: added.id, in: repository, observer: observer)
        guard destination.size > 0 else { return nil }
        let similar = try index.similarBlobs(to: destination, in: repository, observer: observer)
        var candidates: [RenameCandidate] = []
        for (blob, score) in similar {
            for sourcePath in pathsByBlob[blob] ?? [] where files[sourcePath]?.isRegularFile == true {
                candidates.append(RenameCandidate(
                    path: sourcePath, score: score, nameScore: RenameSimilarity.sameBasename(sourcePath, path) ? 1 : 0,
                    isDeleted: deletedPaths.contains(sourcePath)))
            }
        }
        candidates.sort { $0.path.precedesInByteOrder($1.path) }
        // Which candidates git keeps, and in what order it sorts them, does
        // not depend on the sources below the threshold — unless two
        // candidates score alike: then where each sat in git's four slots
        // decides, and that depends on every source, so all are scored.
        var keys = Set<Int>()
        let tied = candidates.contains { !keys.insert($0.score * 2 + $0.nameScore).inserted }
        let chosen = tied
            ? try scoringEverySource(against: destination, path: path, deletedPaths: deletedPaths)
            : RenameSelection.choose(from: RenameSelection.keptSlots(candidates))
        guard let chosen, let old = files[chosen.path] else { return nil }
        return Source(path: chosen.path, old: old)
    }

    /// git's exact-rename pass (`find_identical_files`): sources with the
    /// same blob in path order, a deleted one scoring 1 and the same file
    /// name 1 more; the first best wins, after at most 100 candidates.
    private func identicalSource(of path: String, added: TreeChange.Side, deletedPaths: Set<String>) -> Source? {
        guard let paths = pathsByBlob[added.id] else { return nil }
        var best: (path: String, old: TreeChange.Side, score: Int)?
        var remaining = 100
        for sourcePath in paths.sorted(by: { $0.precedesInByteOrder($1) }) {
            guard let old = files[sourcePath] else { continue }
            if !(old.isRegularFile && added.isRegularFile), old.mode != added.mode { continue }
            let score = (deletedPaths.contains(sourcePath) ? 1 : 0) + (RenameSimilarity.sameBasename(sourcePath, path) ? 1 : 0)
            if score > best?.score ?? -1 {
                best = (sourcePath, old, score)
                if score == 2 { break }
            }
            remaining -= 1
            if remaining == 0 { break }
        }
        return best.map { Source(path: $0.path, old: $0.old) }
    }

    /// git's comparison as it runs: every source of the tree scored in path
    /// order. Only needed to break exact ties between candidates.
    private func scoringEverySource(
        against destination: SpanHashes, path: String, deletedPaths: Set<String>
    ) throws -> RenameCandidate? {
        let sources = files.keys.sorted { $0.precedesInByteOrder($1) }
        var scored: [RenameCandidate] = []
        scored.reserveCapacity(sources.count)
        for sourcePath in sources {
            guard let side = files[sourcePath] else { continue }
            let score = try side.isRegularFile
                ? index.score(of: side.id, against: destination, in: repository, observer: observer) : 0
            scored.append(RenameCandidate(
                path: sourcePath, score: score, nameScore: RenameSimilarity.sameBasename(sourcePath, path) ? 1 : 0,
                isDeleted: deletedPaths.contains(sourcePath)))
        }
        return RenameSelection.choose(from: RenameSelection.keptSlots(scored))
    }

    /// Steps the file list back over one commit by undoing its changes, when
    /// the list is at that commit's tree: walking history newest first, this
    /// keeps it at the tree the next question will be about without diffing
    /// trees again. A commit whose tree the list is not at is ignored; the
    /// next question then diffs its way there.
    /// - Parameters:
    ///   - tree: the commit's tree.
    ///   - parentTree: the tree its `changes` were diffed against (nil: the empty tree).
    public func stepBack(from tree: ObjectID, to parentTree: ObjectID?, undoing changes: [TreeChange]) {
        guard self.tree == tree else { return }
        for change in changes {
            if let new = change.new { remove(change.path, new) }
            if let old = change.old { add(change.path, old) }
        }
        self.tree = parentTree
    }

    /// Brings the file list to `target` by applying the diff from the current tree.
    private func move(to target: ObjectID?) throws {
        guard target != tree else { return }
        for change in try differ.changes(from: tree, to: target) {
            if let old = change.old { remove(change.path, old) }
            if let new = change.new { add(change.path, new) }
        }
        tree = target
    }

    private func add(_ path: String, _ side: TreeChange.Side) {
        files[path] = side
        pathsByBlob[side.id, default: []].append(path)
        if side.isRegularFile { index.addLive(side.id) }
    }

    private func remove(_ path: String, _ side: TreeChange.Side) {
        files[path] = nil
        if var paths = pathsByBlob[side.id] {
            paths.removeAll { $0 == path }
            pathsByBlob[side.id] = paths.isEmpty ? nil : paths
        }
        if side.isRegularFile { index.removeLive(side.id) }
    }
}
