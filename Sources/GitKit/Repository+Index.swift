internal import CGit2

extension Repository {
    /// The entries of the index (the staging area, i.e. what the next commit
    /// will contain) under `prefix`, filtered like `treeEntries`, in the index's
    /// own order: by path (case-insensitively when `core.ignorecase` is set).
    ///
    /// - Uses the index named by `GIT_INDEX_FILE` when the repository was
    ///   discovered with it set (as in `pre-commit` during `git commit -a`).
    /// - Re-reads the index file if it changed on disk since last read.
    /// - A conflicted path (stages 1–3, during a merge) is reported once:
    ///   with the stage-2 ("ours") entry if present, else stage 3 ("theirs",
    ///   which is what git leaves in the working tree when ours deleted the
    ///   file), else stage 1 (the common ancestor).
    /// - A bare repository has no index unless `GIT_INDEX_FILE` names one;
    ///   libgit2 then reads a missing file as empty, so the result is `[]`.
    /// - Intent-to-add entries (`git add -N`) are skipped: they hold no
    ///   content and are not committed.
    public func indexEntries(under prefix: String) throws -> [TreeEntry] {
        let filter = PathPrefix(prefix)
        guard !filter.matchesNothing else { return [] }
        var index: OpaquePointer?
        try GitError.check(git_repository_index(&index, handle), "git_repository_index", "cannot open the index")
        defer { git_index_free(index) }
        // force = 0: reload only if the file changed since libgit2 last read it.
        try GitError.check(git_index_read(index, 0), "git_index_read", "cannot read the index")

        let count = git_index_entrycount(index)
        var entries: [TreeEntry] = []
        entries.reserveCapacity(count)
        var conflicts: [String: (rank: Int, entry: TreeEntry)] = [:]
        let intentToAdd = UInt16(GIT_INDEX_ENTRY_INTENT_TO_ADD.rawValue)
        for position in 0..<count {
            guard let entry = git_index_get_byindex(index, position), let cPath = entry.pointee.path,
                  filter.contains(cPath),
                  entry.pointee.flags_extended & intentToAdd == 0,
                  let kind = TreeEntry.Kind(mode: entry.pointee.mode)
            else { continue }
            let item = withUnsafePointer(to: entry.pointee.id) { id in
                TreeEntry(path: String(cString: cPath), id: ObjectID(id), kind: kind)
            }
            let stage = git_index_entry_stage(entry)
            if stage == 0 {
                entries.append(item)
            } else {
                let rank = [2: 0, 3: 1, 1: 2][stage] ?? 3
                if let existing = conflicts[item.path], existing.rank <= rank { continue }
                conflicts[item.path] = (rank, item)
            }
        }
        // libgit2 keeps the index in path order; only conflicts, gathered aside, need placing.
        if !conflicts.isEmpty {
            entries.append(contentsOf: conflicts.values.map(\.entry))
            entries.sort { $0.path.precedesInByteOrder($1.path) }
        }
        return entries
    }
}
