extension Repository {
    /// The commits a shallow clone cut the history at (git's grafts: their
    /// parents are not in the repository), read from `<commondir>/shallow`.
    ///
    /// libgit2 1.5 does not apply these grafts itself, so a walk that follows
    /// their parents would fail on missing objects; callers treat these
    /// commits as having no parents, as git does. Empty when not shallow.
    /// Lines that are not object ids are ignored.
    public func shallowCommits() throws -> Set<ObjectID> {
        guard let content = try FileContents.contents(of: commonDirectory + "/shallow") else { return [] }
        var commits: Set<ObjectID> = []
        for line in content.split(separator: UInt8(ascii: "\n")) where line.count == 40 {
            if let id = ObjectID(hex: String(decoding: line, as: UTF8.self)) { commits.insert(id) }
        }
        return commits
    }
}
