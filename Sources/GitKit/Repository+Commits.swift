internal import CGit2

extension Repository {
    /// One commit's tree, parents, identities and message, read from the
    /// object database and parsed here (see `CommitInfo.init(id:raw:)`).
    public func commitInfo(_ id: ObjectID) throws -> CommitInfo {
        try withObjectData(id, expecting: GIT_OBJECT_COMMIT) { try CommitInfo(id: id, raw: $0) }
    }
}
