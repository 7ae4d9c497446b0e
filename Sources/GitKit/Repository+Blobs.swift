internal import CGit2

extension Repository {
    /// The blob's bytes, copied once out of libgit2's buffer, or shared with
    /// the pack reader's cache when a history walk has opened one.
    ///
    /// Reading the current version of each file (a lint, a build's parsing)
    /// gains nothing from the pack reader's cache, which would only hold memory.
    public func blob(_ id: ObjectID) throws -> [UInt8] {
        // Anything but a packed blob, including another type, gets libgit2's answer and error.
        if let packed = openPackReader?.object(id), packed.type == GIT_OBJECT_BLOB.rawValue { return packed.bytes }
        var oid = id.oid
        var blob: OpaquePointer?
        try GitError.check(git_blob_lookup(&blob, handle, &oid), "git_blob_lookup", "cannot read blob \(id)")
        defer { git_blob_free(blob) }
        let size = Int(git_blob_rawsize(blob))
        guard size > 0, let content = git_blob_rawcontent(blob) else { return [] }
        return [UInt8](UnsafeRawBufferPointer(start: content, count: size))
    }

    /// The blob's size from the object header alone (`git_odb_read_header`),
    /// without inflating the content, so callers can refuse huge files cheaply.
    public func blobSize(_ id: ObjectID) throws -> Int {
        if let header = openPackReader?.header(of: id), header.type == GIT_OBJECT_BLOB.rawValue { return header.size }
        var oid = id.oid
        var size = 0
        var type = GIT_OBJECT_INVALID
        try GitError.check(
            git_odb_read_header(&size, &type, objectDatabase, &oid), "git_odb_read_header", "cannot read object \(id)")
        guard type == GIT_OBJECT_BLOB else {
            let name = git_object_type2string(type).map { String(cString: $0) } ?? "unknown object"
            throw GitError(
                code: GIT_EINVALID.rawValue, function: "git_odb_read_header",
                message: "object \(id) is a \(name), not a blob", context: "cannot read blob size")
        }
        return size
    }
}
