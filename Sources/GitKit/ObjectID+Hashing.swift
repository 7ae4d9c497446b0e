internal import CGit2

extension ObjectID {
    /// The id Git would give `bytes` stored as a blob (`git hash-object`), for
    /// files on disk that are not in the object database.
    public init(hashingBlob bytes: [UInt8]) throws(GitError) {
        try self.init(hashing: bytes, type: GIT_OBJECT_BLOB.rawValue)
    }

    /// The id Git gives `bytes` stored as an object of `type` (libgit2's
    /// numbering, which pack files share).
    init(hashing bytes: [UInt8], type: Int32) throws(GitError) {
        try LibGit2.initialize()
        var oid = git_oid()
        let code = bytes.withUnsafeBytes { git_odb_hash(&oid, $0.baseAddress, $0.count, git_object_t(rawValue: type)) }
        guard code >= 0 else { throw GitError(code: code, function: "git_odb_hash", context: "cannot hash an object") }
        self = withUnsafePointer(to: &oid) { ObjectID($0) }
    }
}
