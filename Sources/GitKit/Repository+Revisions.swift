internal import CGit2

extension Repository {
    /// Resolves any revision (branch, tag incl. annotated, full or short id,
    /// `HEAD~2`, `main^{commit}`) to a commit id, peeling tags.
    ///
    /// Errors name the revision; a revision that only fails because HEAD's
    /// branch has no commits yet says so, since libgit2's own "reference
    /// 'refs/heads/main' not found" puzzles people in a fresh repository.
    public func resolveCommit(_ revision: String) throws -> ObjectID {
        var object: OpaquePointer?
        let code = git_revparse_single(&object, handle, Self.expandingAtSign(revision))
        guard code >= 0 else {
            // Read libgit2's message now, before other calls replace it.
            let failure = GitError(code: code, function: "git_revparse_single", context: "cannot resolve revision '\(revision)'")
            if let branch = unbornBranch(), Self.revision(revision, startsAtHeadOr: branch) {
                throw GitError(
                    code: failure.code, function: failure.function, message: failure.message,
                    context: "cannot resolve revision '\(revision)': HEAD has no commits yet (branch '\(branch)' is unborn)")
            }
            throw failure
        }
        defer { git_object_free(object) }
        var commit: OpaquePointer?
        try GitError.check(
            git_object_peel(&commit, object, GIT_OBJECT_COMMIT), "git_object_peel",
            "revision '\(revision)' does not name a commit")
        defer { git_object_free(commit) }
        return ObjectID(git_object_id(commit))
    }

    /// git reads a lone "@" (also as in "@~2" or "@^") as HEAD; libgit2 1.5
    /// only knows "@{...}", so the shorthand is expanded first.
    private static func expandingAtSign(_ revision: String) -> String {
        guard revision.hasPrefix("@") else { return revision }
        let rest = revision.dropFirst()
        guard rest.isEmpty || rest.hasPrefix("~") || rest.hasPrefix("^") else { return revision }
        return "HEAD" + rest
    }

    /// Whether HEAD names a branch with no commits yet (a new repository).
    public var headIsUnborn: Bool {
        defer { git_error_clear() }
        return git_repository_head_unborn(handle) == 1
    }

    /// The short name of HEAD's branch if HEAD is unborn, else nil. Errors
    /// here only decide how to word another error, so they are not thrown.
    private func unbornBranch() -> String? {
        defer { git_error_clear() }
        guard git_repository_head_unborn(handle) == 1 else { return nil }
        var head: OpaquePointer?
        guard git_reference_lookup(&head, handle, "HEAD") >= 0 else { return "HEAD" }
        defer { git_reference_free(head) }
        guard let target = git_reference_symbolic_target(head) else { return "HEAD" }
        let name = String(cString: target)
        let branchPrefix = "refs/heads/"
        return name.hasPrefix(branchPrefix) ? String(name.dropFirst(branchPrefix.count)) : name
    }

    /// Whether the revision's starting point (before any `~`, `^` or `:`) is
    /// HEAD or the given branch.
    private static func revision(_ revision: String, startsAtHeadOr branch: String) -> Bool {
        let base = revision.prefix { !"~^:".contains($0) }
        return ["HEAD", "@", branch, "heads/" + branch, "refs/heads/" + branch].contains(String(base))
    }
}
