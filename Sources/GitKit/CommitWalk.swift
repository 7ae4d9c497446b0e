/// The order plain `git log` visits commits in.
///
/// git keeps a list sorted by commit date, newest first; it pops the head and
/// inserts each parent seen for the first time after every commit with the
/// same or a newer date (`commit_list_insert_by_date`), so equal dates leave
/// in insertion order and parents in parent order. Under clock skew (a child
/// dated before its parent) this is not a topological order, and `--follow`'s
/// renames depend on it, so it is reproduced here rather than taken from
/// libgit2's revwalk, whose time sort is a different queue.
///
/// The caller drives it: `next()` gives a commit, the caller reads that
/// commit's parents and `enqueue`s them in order with their dates.
public struct CommitWalk: Sendable {
    /// The pending commits, the next one last, so popping is O(1).
    private var pending: [(id: ObjectID, date: UInt64)] = []
    private var seen: Set<ObjectID> = []

    public init() {}

    /// Queues a commit unless it was queued before (a commit reached through
    /// two children is visited once, where it was first seen).
    public mutating func enqueue(_ id: ObjectID, date: UInt64) {
        guard seen.insert(id).inserted else { return }
        var position = pending.count
        while position > 0, pending[position - 1].date >= date { position -= 1 }
        pending.insert((id, date), at: position)
    }

    /// The next commit to visit, or nil when the history is exhausted.
    public mutating func next() -> ObjectID? {
        pending.popLast()?.id
    }

    /// Whether `id` is the only commit waiting: then the rest of the walk is
    /// exactly a walk started from it (commits seen so far and not reachable
    /// from it never come again).
    public func holdsOnly(_ id: ObjectID) -> Bool {
        pending.count == 1 && pending[0].id == id
    }
}
