/// The bytes of one file to lint, from wherever they came (disk, index, a commit).
public struct SourceFile: Sendable {
    /// Repository-relative, "/"-separated.
    public var path: String
    public var bytes: [UInt8]
    /// Set when the file could not be read as a regular file (a symlink, say); it is then reported, not parsed.
    public var unreadableReason: String?

    public init(path: String, bytes: [UInt8], unreadableReason: String? = nil) {
        self.path = path
        self.bytes = bytes
        self.unreadableReason = unreadableReason
    }
}
