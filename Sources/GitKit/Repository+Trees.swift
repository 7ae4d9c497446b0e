#if canImport(Glibc)
internal import Glibc
#elseif canImport(Musl)
internal import Musl
#elseif canImport(Darwin)
internal import Darwin
#endif
internal import CGit2

extension Repository {
    /// The root tree of a commit, for the caller to free with `git_tree_free`.
    func tree(of commit: ObjectID) throws -> OpaquePointer? {
        var oid = commit.oid
        var commitObject: OpaquePointer?
        try GitError.check(git_commit_lookup(&commitObject, handle, &oid), "git_commit_lookup", "cannot read commit \(commit)")
        defer { git_commit_free(commitObject) }
        var root: OpaquePointer?
        try GitError.check(git_commit_tree(&root, commitObject), "git_commit_tree", "cannot read the tree of commit \(commit)")
        return root
    }

    /// Every non-tree entry of the commit's tree whose path is under `prefix`
    /// ("" = whole tree; "runbooks" matches "runbooks/..." only, not
    /// "runbooksX/..."), recursively, sorted by path in byte order. Submodules
    /// (gitlinks) are reported with kind `.submodule`, not descended into.
    /// A prefix that is missing or is not a directory gives no entries.
    ///
    /// One `git_tree_walk` over the prefix's subtree: no per-path lookups,
    /// which matters for 10,000-file trees.
    public func treeEntries(commit: ObjectID, under prefix: String) throws -> [TreeEntry] {
        let filter = PathPrefix(prefix)
        guard !filter.matchesNothing else { return [] }
        let root = try tree(of: commit)
        defer { git_tree_free(root) }

        var subtree: OpaquePointer?
        defer { git_tree_free(subtree) }  // NULL-safe when the whole tree is walked
        if !filter.path.isEmpty {
            guard let found = try lookUpSubtree(of: root, at: filter.path, commit: commit) else { return [] }
            subtree = found
        }

        var state = TreeWalkState(pathPrefix: filter.path.isEmpty ? "" : filter.path + "/")
        let code = withUnsafeMutablePointer(to: &state) { statePointer in
            git_tree_walk(subtree ?? root, GIT_TREEWALK_PRE, { root, entry, payload in
                // Cannot capture in a C callback: the state travels in `payload`.
                guard let root, let entry, let payload else { return -1 }
                payload.assumingMemoryBound(to: TreeWalkState.self).pointee.add(entry, root: root)
                return 0
            }, statePointer)
        }
        try GitError.check(code, "git_tree_walk", "cannot read the tree of commit \(commit)")
        // Pre-order tree walks already yield byte order (git sorts a
        // directory as if named "dir/"), so this sort is a linear check.
        state.entries.sort { $0.path.precedesInByteOrder($1.path) }
        return state.entries
    }

    /// The tree at `path` in `root`, or nil when there is no such entry or it
    /// is not a directory. The caller frees the result.
    private func lookUpSubtree(of root: OpaquePointer?, at path: String, commit: ObjectID) throws -> OpaquePointer? {
        var entry: OpaquePointer?
        let code = git_tree_entry_bypath(&entry, root, path)
        if code == GIT_ENOTFOUND.rawValue {
            git_error_clear()
            return nil
        }
        try GitError.check(code, "git_tree_entry_bypath", "cannot look up '\(path)' in commit \(commit)")
        defer { git_tree_entry_free(entry) }
        guard git_tree_entry_type(entry) == GIT_OBJECT_TREE else { return nil }
        var tree: OpaquePointer?
        try GitError.check(
            git_tree_lookup(&tree, handle, git_tree_entry_id(entry)), "git_tree_lookup",
            "cannot read directory '\(path)' of commit \(commit)")
        return tree
    }

    /// What the tree walk callback accumulates.
    private struct TreeWalkState {
        private let prefixLength: Int
        /// Reused for every path so each entry costs one String allocation.
        private var pathBytes: [UInt8]
        var entries: [TreeEntry] = []

        init(pathPrefix: String) {
            pathBytes = Array(pathPrefix.utf8)
            pathBytes.reserveCapacity(256)
            prefixLength = pathBytes.count
        }

        /// `root` is the entry's directory relative to the walked tree, with a
        /// trailing "/" (or "" at the top).
        mutating func add(_ entry: OpaquePointer, root: UnsafePointer<CChar>) {
            // Trees (and unknown modes) map to nil; libgit2 descends into trees itself.
            guard let kind = TreeEntry.Kind(mode: git_tree_entry_filemode(entry).rawValue),
                  let name = git_tree_entry_name(entry)
            else { return }
            pathBytes.removeSubrange(prefixLength...)
            pathBytes.append(contentsOf: UnsafeRawBufferPointer(start: root, count: strlen(root)))
            pathBytes.append(contentsOf: UnsafeRawBufferPointer(start: name, count: strlen(name)))
            // Invalid UTF-8 in a path (legal in Git) is repaired with U+FFFD.
            let path = String(decoding: pathBytes, as: UTF8.self)
            entries.append(TreeEntry(path: path, id: ObjectID(git_tree_entry_id(entry)), kind: kind))
        }
    }
}
