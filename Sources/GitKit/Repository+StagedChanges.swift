internal import CGit2

extension Repository {
    /// Paths whose staged content differs from `commit`'s tree: added, modified,
    /// changed in type, or deleted.
    /// libgit2 compares the tree and the index directly, skipping identical
    /// subtrees, so a commit touching five files of a 10,000-file tree costs
    /// little — this is what keeps a pre-commit lint fast.
    public func pathsStagedSince(commit: ObjectID) throws -> Set<String> {
        let tree = try tree(of: commit)
        defer { git_tree_free(tree) }
        var index: OpaquePointer?
        try GitError.check(git_repository_index(&index, handle), "git_repository_index", "cannot open the index")
        defer { git_index_free(index) }
        try GitError.check(git_index_read(index, 0), "git_index_read", "cannot read the index")
        var options = git_diff_options()
        try GitError.check(
            git_diff_options_init(&options, UInt32(GIT_DIFF_OPTIONS_VERSION)), "git_diff_options_init", "cannot set up a diff")
        // Only which paths differ is wanted: no content, no submodule status.
        options.flags = GIT_DIFF_SKIP_BINARY_CHECK.rawValue | GIT_DIFF_IGNORE_SUBMODULES.rawValue
        var diff: OpaquePointer?
        try GitError.check(
            git_diff_tree_to_index(&diff, handle, tree, index, &options), "git_diff_tree_to_index",
            "cannot compare the index with commit \(commit)")
        defer { git_diff_free(diff) }
        var paths: Set<String> = []
        for position in 0..<git_diff_num_deltas(diff) {
            guard let delta = git_diff_get_delta(diff, position) else { continue }
            let file = delta.pointee.status == GIT_DELTA_DELETED ? delta.pointee.old_file : delta.pointee.new_file
            guard let path = file.path else { continue }
            paths.insert(String(cString: path))
        }
        return paths
    }
}
