internal import CGit2

extension Repository {
    /// Resolves a revision that names a blob (`HEAD:.mailmap`, a blob id).
    func resolveBlob(_ revision: String) throws -> ObjectID {
        var object: OpaquePointer?
        try GitError.check(git_revparse_single(&object, handle, revision), "git_revparse_single", "cannot resolve '\(revision)'")
        defer { git_object_free(object) }
        var blob: OpaquePointer?
        try GitError.check(git_object_peel(&blob, object, GIT_OBJECT_BLOB), "git_object_peel", "'\(revision)' does not name a blob")
        defer { git_object_free(blob) }
        return ObjectID(git_object_id(blob))
    }
}
