internal import CGit2

extension Repository {
    /// Lends an object's raw bytes to `body`, from the pack reader's cache or
    /// straight from libgit2's buffer, so nothing is copied.
    ///
    /// The history walk reads every commit and changed tree of a repository
    /// (hundreds of thousands of objects); going through the object database
    /// rather than `git_commit_lookup`/`git_tree_lookup` skips libgit2's parsed
    /// object cache and its allocations, and we parse the few fields we need.
    func withObjectData<Result>(
        _ id: ObjectID, expecting expected: git_object_t, _ body: (UnsafeRawBufferPointer) throws -> Result
    ) throws -> Result {
        if let packed = packReader.object(id) {
            guard packed.type == expected.rawValue else { throw Self.wrongType(id, git_object_t(rawValue: packed.type), expected) }
            return try packed.bytes.withUnsafeBytes(body)
        }
        var oid = id.oid
        var object: OpaquePointer?
        try GitError.check(git_odb_read(&object, objectDatabase, &oid), "git_odb_read", "cannot read object \(id)")
        defer { git_odb_object_free(object) }
        let type = git_odb_object_type(object)
        guard type == expected else { throw Self.wrongType(id, type, expected) }
        let size = git_odb_object_size(object)
        guard size > 0, let data = git_odb_object_data(object) else { return try body(UnsafeRawBufferPointer(start: nil, count: 0)) }
        return try body(UnsafeRawBufferPointer(start: data, count: size))
    }

    /// The object's size and whether it is a blob, from its header alone.
    func objectHeader(_ id: ObjectID) throws -> (size: Int, isBlob: Bool) {
        if let header = packReader.header(of: id) { return (header.size, header.type == GIT_OBJECT_BLOB.rawValue) }
        var oid = id.oid
        var size = 0
        var type = GIT_OBJECT_INVALID
        try GitError.check(
            git_odb_read_header(&size, &type, objectDatabase, &oid), "git_odb_read_header", "cannot read object \(id)")
        return (size, type == GIT_OBJECT_BLOB)
    }

    /// Whether the object database has the object (loose, packed or in an alternate).
    public func containsObject(_ id: ObjectID) -> Bool {
        var oid = id.oid
        return git_odb_exists(objectDatabase, &oid) == 1
    }

    private static func wrongType(_ id: ObjectID, _ type: git_object_t, _ expected: git_object_t) -> GitError {
        GitError(
            code: GIT_EINVALID.rawValue, function: "git_odb_read",
            message: "object \(id) is a \(typeName(type)), not a \(typeName(expected))")
    }

    static func typeName(_ type: git_object_t) -> String {
        git_object_type2string(type).map { String(cString: $0) } ?? "unknown object"
    }
}
