import GitKit

/// Replays `git log --follow` for many paths at once over one walk.
///
/// Each runbook has a tracked name, as each `git log --follow` run has one
/// pathspec: a commit whose diff touches the name joins that runbook's
/// lineage, and when the diff creates the name from an origin (a rename or
/// copy), the name becomes the origin's for every commit visited afterwards —
/// in walk order, even on another branch, which is git's behaviour too.
struct FollowTracker {
    /// Per runbook, newest first.
    private(set) var entries: [[LineageEntry]]
    /// Per runbook: its lineage reached a commit a shallow clone cut off.
    private(set) var truncated: [Bool]
    private var runbooksByName: [String: [Int]] = [:]

    init(paths: [String]) {
        entries = Array(repeating: [], count: paths.count)
        truncated = Array(repeating: false, count: paths.count)
        for (runbook, path) in paths.enumerated() { runbooksByName[path, default: []].append(runbook) }
    }

    /// Adds the commit to the lineage of every runbook whose name it touches.
    /// - Parameters:
    ///   - grafted: the commit is a shallow clone's boundary, diffed against nothing.
    ///   - origin: where an added name came from, or nil (asked only for
    ///     names being tracked, since answering may mean comparing contents).
    mutating func visit(
        commit: Int, changes: [TreeChange], grafted: Bool,
        origin: (String, TreeChange.Side) throws -> FollowSourceFinder.Source?
    ) rethrows {
        var renames: [(from: String, to: String)] = []
        for change in changes {
            guard let runbooks = runbooksByName[change.path] else { continue }
            let entry: LineageEntry
            if let new = change.new, let old = change.old {
                entry = LineageEntry(commit: commit, kind: .modified, path: change.path, renamedFrom: nil, blob: new.id, oldBlob: old.id)
            } else if let new = change.new {
                if let source = try origin(change.path, new) {
                    entry = LineageEntry(
                        commit: commit, kind: .renamed, path: change.path, renamedFrom: source.path, blob: new.id,
                        oldBlob: source.old.id)
                    renames.append((change.path, source.path))
                } else {
                    entry = LineageEntry(commit: commit, kind: .added, path: change.path, renamedFrom: nil, blob: new.id, oldBlob: nil)
                }
            } else {
                entry = LineageEntry(
                    commit: commit, kind: .deleted, path: change.path, renamedFrom: nil, blob: nil, oldBlob: change.old?.id)
            }
            for runbook in runbooks {
                entries[runbook].append(entry)
                if grafted { truncated[runbook] = true }
            }
        }
        // Names change after the whole commit is seen: git diffed it with the old name.
        for (from, to) in renames {
            guard let runbooks = runbooksByName.removeValue(forKey: from) else { continue }
            runbooksByName[to, default: []].append(contentsOf: runbooks)
        }
    }

    /// Ends the walk where the rest of it is known (`LineageSnapshot`): each
    /// runbook's lineage goes on as `rest`'s lineage of the name it follows
    /// now (nil when `rest` did not follow that name).
    /// - Returns: false, changing nothing, when `rest` lacks a name.
    mutating func conclude(with rest: (String) -> LineageSnapshot.Followed?) -> Bool {
        var known: [(runbooks: [Int], followed: LineageSnapshot.Followed)] = []
        for (name, runbooks) in runbooksByName {
            guard let followed = rest(name) else { return false }
            known.append((runbooks, followed))
        }
        for (runbooks, followed) in known {
            for runbook in runbooks {
                entries[runbook] += followed.entries
                if followed.truncated { truncated[runbook] = true }
            }
        }
        runbooksByName = [:]
        return true
    }
}
