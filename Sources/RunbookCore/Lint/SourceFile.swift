import GitKit

/// The bytes of one file to lint, from wherever they came (disk, index, a commit).
public struct SourceFile: Sendable {
    /// Repository-relative, "/"-separated.
    public var path: String
    public var bytes: [UInt8]
    /// Set when the file could not be read as a regular file (a symlink, say); it is then reported, not parsed.
    public var unreadableReason: String?
    /// The Git blob id, when the bytes came from Git (nil for files on disk).
    public var blob: ObjectID?

    /// Why a symbolic link is not read: it could point anywhere on the machine.
    public static let symlinkReason = "file is a symbolic link; runbooks must be regular files"

    /// Why a file over `max_file_size` is not read.
    public static func tooLargeReason(size: Int, limit: Int) -> String {
        "file is \(size) bytes, over the limit of \(limit) (max_file_size in runbook.yml)"
    }

    public init(path: String, bytes: [UInt8], unreadableReason: String? = nil, blob: ObjectID? = nil) {
        self.path = path
        self.bytes = bytes
        self.unreadableReason = unreadableReason
        self.blob = blob
    }
}
