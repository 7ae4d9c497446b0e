internal import CGit2

/// The one place libgit2's global state is set up.
///
/// libgit2 must be initialised before any other call, and initialising it is
/// not free (it sets up TLS, allocators, and the SSL/hash backends), so it is
/// done exactly once per process through a lazily initialised static, which
/// Swift guarantees to run once even under concurrent first use. It is never
/// shut down: the repositories that need it may live until the process exits.
enum LibGit2 {
    private static let initialization: Result<Void, GitError> = {
        let code = git_libgit2_init()
        // A positive count is success; only a negative value is an error.
        guard code >= 0 else {
            return .failure(GitError(code: code, function: "git_libgit2_init", context: "cannot initialise libgit2"))
        }
        // Read objects as git does, without re-hashing each one (see shim.h).
        let options = runbook_git_disable_hash_verification()
        guard options >= 0 else {
            return .failure(GitError(code: options, function: "git_libgit2_opts", context: "cannot configure libgit2"))
        }
        return .success(())
    }()

    /// Call before the first libgit2 call of every public entry point.
    static func initialize() throws(GitError) {
        try initialization.get()
    }
}
