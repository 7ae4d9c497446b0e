/// Lists the files that differ between two trees, descending only into
/// subtrees whose ids differ.
///
/// A commit usually touches a handful of files, so this reads a few trees per
/// commit where `git_diff_tree_to_tree` would visit every entry; together with
/// the parsed-tree cache it is what makes one pass over 50,000 commits cheap.
/// Keep one differ for a whole walk: consecutive commits share trees.
///
/// Not thread-safe, like the repository it reads from.
public final class TreeDiffer {
    private let repository: Repository
    private var cache: TreeCache

    /// `cacheCapacity` parsed trees are kept; a few thousand covers the
    /// directories a run of commits touches in a large repository.
    public init(repository: Repository, cacheCapacity: Int = 8192) {
        self.repository = repository
        cache = TreeCache(capacity: cacheCapacity)
    }

    /// The changes from `old` to `new` (nil is the empty tree), in git's path
    /// order (byte order of the full paths). A path that turns from a file
    /// into a directory is a deletion plus additions, as in git.
    public func changes(from old: ObjectID?, to new: ObjectID?) throws -> [TreeChange] {
        guard old != new else { return [] }
        var changes: [TreeChange] = []
        var path = PathBuffer()
        // An explicit stack, not recursion: trees can nest deeper than the call stack allows.
        var current = Frame(old: try parsed(old), new: try parsed(new), prefixLength: 0)
        var parents: [Frame] = []
        while true {
            let hasOld = current.oldIndex < current.old.entries.count
            let hasNew = current.newIndex < current.new.entries.count
            guard hasOld || hasNew else {
                guard let parent = parents.popLast() else { return changes }
                current = parent
                path.truncate(to: current.prefixLength)
                continue
            }
            let order = hasOld && hasNew
                ? ParsedTree.order(current.old.entries[current.oldIndex], in: current.old, current.new.entries[current.newIndex], in: current.new)
                : (hasOld ? -1 : 1)
            let oldEntry = order <= 0 ? current.old.entries[current.oldIndex] : nil
            let newEntry = order >= 0 ? current.new.entries[current.newIndex] : nil
            if oldEntry != nil { current.oldIndex += 1 }
            if newEntry != nil { current.newIndex += 1 }
            if let oldEntry, let newEntry, oldEntry.id == newEntry.id, oldEntry.mode == newEntry.mode { continue }
            let name = oldEntry.map { current.old.name(of: $0) } ?? newEntry.map { current.new.name(of: $0) } ?? []
            // Equal order means both are directories or both are not (a file
            // sorts as "name", a directory as "name/").
            if oldEntry?.isDirectory == true || newEntry?.isDirectory == true {
                let child = Frame(
                    old: try oldEntry.map { try cache.tree($0.id, in: repository) } ?? .empty,
                    new: try newEntry.map { try cache.tree($0.id, in: repository) } ?? .empty,
                    prefixLength: path.count + name.count + 1)
                parents.append(current)
                current = child
                path.append(name, slash: true)
            } else {
                changes.append(TreeChange(
                    path: path.string(appending: name),
                    old: oldEntry.map { TreeChange.Side(id: $0.id, mode: $0.mode) },
                    new: newEntry.map { TreeChange.Side(id: $0.id, mode: $0.mode) }))
            }
        }
    }

    /// A directory being compared; the stack of them replaces recursion.
    private struct Frame {
        let old: ParsedTree
        let new: ParsedTree
        /// Length of the directory's path (with its "/") in the path buffer.
        let prefixLength: Int
        var oldIndex = 0
        var newIndex = 0
    }

    /// The current directory's path, grown and cut as the walk descends and
    /// returns, so building each changed path costs one string.
    private struct PathBuffer {
        private var bytes: [UInt8] = []

        var count: Int { bytes.count }

        mutating func append(_ name: ArraySlice<UInt8>, slash: Bool) {
            bytes.append(contentsOf: name)
            if slash { bytes.append(UInt8(ascii: "/")) }
        }

        mutating func truncate(to length: Int) {
            bytes.removeSubrange(length...)
        }

        /// Invalid UTF-8 in a path (legal in Git) is repaired with U+FFFD.
        mutating func string(appending name: ArraySlice<UInt8>) -> String {
            let length = bytes.count
            bytes.append(contentsOf: name)
            defer { bytes.removeSubrange(length...) }
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    private func parsed(_ id: ObjectID?) throws -> ParsedTree {
        guard let id else { return .empty }
        return try cache.tree(id, in: repository)
    }
}
