/// One non-tree entry that differs between two trees: added (no `old`),
/// deleted (no `new`), or changed in content or mode (both).
public struct TreeChange: Sendable, Hashable {
    /// One side of the change: the entry's object id and its Git file mode
    /// (0o100644 file, 0o100755 executable, 0o120000 symlink, 0o160000 gitlink).
    public struct Side: Sendable, Hashable {
        public let id: ObjectID
        public let mode: UInt32

        public init(id: ObjectID, mode: UInt32) {
            self.id = id
            self.mode = mode
        }

        /// A regular file, executable or not: the only kind git compares by
        /// content when looking for renames.
        public var isRegularFile: Bool { mode & 0o170000 == 0o100000 }
    }

    /// Repository-relative, "/"-separated.
    public let path: String
    public let old: Side?
    public let new: Side?

    public init(path: String, old: Side?, new: Side?) {
        self.path = path
        self.old = old
        self.new = new
    }
}
