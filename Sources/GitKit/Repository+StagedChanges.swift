internal import CGit2

extension Repository {
    /// Paths whose staged content differs from `commit`'s tree: added, modified,
    /// changed in kind, or deleted. `staged` is the index as `indexEntries(under: "")`
    /// gives it.
    ///
    /// This is the pre-commit lint's hot path, and reading every tree of a large
    /// commit costs more than the rest of a staged lint together (trees are stored
    /// as deltas of one another). So, as git does, it leans on the index's cache
    /// tree: the staged tree is assembled in memory, taking the cached id of every
    /// directory no staged change touched, and only the directories whose ids
    /// differ from the commit's are read. Without a cache tree (an index with
    /// conflicts has none), the commit's whole tree is compared entry by entry.
    public func paths(of staged: [TreeEntry], differingFrom commit: ObjectID) throws -> Set<String> {
        // The index is in byte order unless core.ignorecase sorted it by folded
        // case; sorting an already sorted list is a linear check.
        let staged = staged.sorted { $0.path.precedesInByteOrder($1.path) }
        guard let cache = try indexTreeCache() else { return try paths(of: staged, differingFromEntriesOf: commit) }
        let stagedTree = try StagedTreeWriter(entries: staged, cachedTrees: cache.trees).write(into: self)
        let root = try tree(of: commit)
        defer { git_tree_free(root) }
        let committedTree = ObjectID(git_tree_id(root))
        return Set(try TreeDiffer(repository: self, cacheCapacity: 64).changes(from: committedTree, to: stagedTree).map(\.path))
    }

    /// The index's cache tree; nil when the index has conflicts (it then has no
    /// tree), lives only in memory, or its cache tree cannot be read.
    func indexTreeCache() throws -> IndexTreeCache? {
        var index: OpaquePointer?
        try GitError.check(git_repository_index(&index, handle), "git_repository_index", "cannot open the index")
        defer { git_index_free(index) }
        try GitError.check(git_index_read(index, 0), "git_index_read", "cannot read the index")
        guard git_index_has_conflicts(index) == 0, let path = git_index_path(index), let checksum = git_index_checksum(index),
              let file = try? FileContents.contents(of: String(cString: path))
        else { return nil }
        return file.withUnsafeBytes { IndexTreeCache(file: $0, checksum: ObjectID(checksum)) }
    }

    /// The slow path: the commit's whole tree, merged with the index in path order.
    private func paths(of staged: [TreeEntry], differingFromEntriesOf commit: ObjectID) throws -> Set<String> {
        let committed = try treeEntries(commit: commit, under: "")
        var changed: Set<String> = []
        var old = committed.startIndex
        var new = staged.startIndex
        while old < committed.endIndex || new < staged.endIndex {
            let order = old == committed.endIndex ? 1
                : new == staged.endIndex ? -1
                : committed[old].path.precedesInByteOrder(staged[new].path) ? -1
                : staged[new].path.precedesInByteOrder(committed[old].path) ? 1 : 0
            switch order {
            case -1:
                changed.insert(committed[old].path)
                old += 1
            case 1:
                changed.insert(staged[new].path)
                new += 1
            default:
                if committed[old].id != staged[new].id || committed[old].kind != staged[new].kind { changed.insert(staged[new].path) }
                old += 1
                new += 1
            }
        }
        return changed
    }

    /// Stores a tree object in the in-memory store only, and returns its id.
    func storeTreeInMemory(_ content: [UInt8]) throws -> ObjectID {
        var id = git_oid()
        try content.withUnsafeBytes { raw in
            try GitError.check(git_odb_hash(&id, raw.baseAddress, raw.count, GIT_OBJECT_TREE), "git_odb_hash", "cannot hash a tree")
            guard let write = memoryStore.pointee.write else {
                throw GitError(code: -1, function: "git_mempack_new", message: "the in-memory store cannot be written")
            }
            try GitError.check(write(memoryStore, &id, raw.baseAddress, raw.count, GIT_OBJECT_TREE), "git_odb_backend.write",
                               "cannot keep a tree in memory")
        }
        return withUnsafePointer(to: &id) { ObjectID($0) }
    }
}
