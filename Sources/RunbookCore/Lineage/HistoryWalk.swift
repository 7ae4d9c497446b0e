import GitKit

/// Visits the history from a commit in `git log` order, giving each commit's
/// facts and its diff — from the cache where known, else read and diffed.
///
/// Given a `boundary`, the walk stops before it when it is the only commit
/// left to visit: from there on it would be a walk from the boundary. It
/// stops too, without reaching it, once the boundary comes with other commits
/// still waiting, after `within` commits, or at a commit dated no later than
/// `newestAncestor` (the newest date among the boundary's ancestors): that
/// commit could be one of them, and a walk from the boundary would visit it
/// again.
struct HistoryWalk {
    private let repository: Repository
    private let grafts: Set<ObjectID>
    private let differ: TreeDiffer
    private var store: FactStore
    private var walk = CommitWalk()
    private let boundary: Boundary?
    typealias Boundary = (id: ObjectID, newestAncestor: UInt64, within: Int)
    private var visited = 0
    /// The walk stopped at `boundary`.
    private(set) var reachedBoundary = false

    init(repository: Repository, start: ObjectID, known: [CommitFacts], boundary: Boundary? = nil) throws {
        self.repository = repository
        self.boundary = boundary
        grafts = try repository.shallowCommits()
        differ = TreeDiffer(repository: repository)
        store = FactStore(facts: known)
        let position = try store.position(of: start, in: repository)
        walk.enqueue(start, date: store[position].date)
    }

    /// Commits read from the repository rather than the cache so far.
    var readCount: Int { store.readCount }

    mutating func next() throws -> WalkStep? {
        if let boundary {
            if walk.holdsOnly(boundary.id) {
                reachedBoundary = true
                return nil
            }
            guard visited < boundary.within else { return nil }
            visited += 1
        }
        guard let id = walk.next(), id != boundary?.id else { return nil }
        let position = try store.position(of: id, in: repository)
        if let boundary, store[position].date <= boundary.newestAncestor { return nil }
        let grafted = grafts.contains(id)
        var parentTrees: [ObjectID] = []
        for parent in grafted ? [] : store[position].parents {
            let parentPosition = try store.position(of: parent, in: repository)
            parentTrees.append(store[parentPosition].tree)
            walk.enqueue(parent, date: store[parentPosition].date)
        }
        let isMerge = parentTrees.count > 1
        if !isMerge {
            _ = try store.changes(at: position, parentTree: parentTrees.first, remember: !grafted, differ: differ)
        }
        var fact = store[position]
        if grafted, !isMerge {
            // A boundary's diff is against nothing only while the clone is shallow: never cached.
            fact.changes = try differ.changes(from: nil, to: fact.tree)
        }
        return WalkStep(
            fact: fact, grafted: grafted, parentTree: parentTrees.first, isMerge: isMerge, isRoot: parentTrees.isEmpty)
    }
}
