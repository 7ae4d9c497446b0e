internal import CGit2

/// One non-tree entry of a tree or of the index, with its full path.
///
/// Directories are not reported: runbook sources are files, and a flat,
/// path-sorted list is what callers filter and diff.
public struct TreeEntry: Sendable, Hashable {
    /// What the entry's Git file mode says it is.
    public enum Kind: Sendable, Hashable {
        /// A regular file (mode 100644, or the legacy 100664).
        case file
        /// A regular file with the executable bit (mode 100755).
        case executable
        /// A symbolic link (mode 120000); the blob holds the link target.
        case symlink
        /// A submodule (gitlink, mode 160000); `id` is a commit in another repository.
        case submodule
    }

    /// Repository-relative, "/"-separated, no leading "/".
    public let path: String
    public let id: ObjectID
    public let kind: Kind

    public init(path: String, id: ObjectID, kind: Kind) {
        self.path = path
        self.id = id
        self.kind = kind
    }
}

extension TreeEntry.Kind {
    /// Maps a Git file mode; nil for trees (and anything unknown), which
    /// callers skip rather than misreport as a file.
    init?(mode: UInt32) {
        switch mode {
        // 100664 was written by very old git; libgit2 normalises it in trees
        // but not necessarily in an index, so it is accepted here as a file.
        case GIT_FILEMODE_BLOB.rawValue, 0o100664:
            self = .file
        case GIT_FILEMODE_BLOB_EXECUTABLE.rawValue:
            self = .executable
        case GIT_FILEMODE_LINK.rawValue:
            self = .symlink
        case GIT_FILEMODE_COMMIT.rawValue:
            self = .submodule
        default:
            return nil
        }
    }

    /// The mode git writes in a tree for this kind of entry.
    var treeMode: UInt32 {
        switch self {
        case .file: GIT_FILEMODE_BLOB.rawValue
        case .executable: GIT_FILEMODE_BLOB_EXECUTABLE.rawValue
        case .symlink: GIT_FILEMODE_LINK.rawValue
        case .submodule: GIT_FILEMODE_COMMIT.rawValue
        }
    }
}
