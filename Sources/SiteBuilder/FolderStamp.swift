#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A folder's inode with its modification and change times, in nanoseconds.
/// Adding, removing or renaming anything in a folder sets both times to the
/// file system's clock, so a folder whose stamp is the one recorded holds the
/// entries recorded with it, provided the stamp was settled then
/// (`isSettled(before:)`).
struct FolderStamp: Hashable, Sendable {
    let inode: UInt64
    let modified: Int64
    let changed: Int64

    init(inode: UInt64, modified: Int64, changed: Int64) {
        self.inode = inode
        self.modified = modified
        self.changed = changed
    }

    /// The stamp of the folder at `path` inside the open folder `folder`
    /// (never through a link); nil when it is not a folder.
    init?(of path: String, in folder: Int32) {
        var info = stat()
        guard fstatat(folder, path, &info, AT_SYMLINK_NOFOLLOW) == 0, info.st_mode & S_IFMT == S_IFDIR else { return nil }
        self.init(
            inode: UInt64(info.st_ino), modified: Self.nanoseconds(FileSystem.modificationTime(of: info)),
            changed: Self.nanoseconds(FileSystem.changeTime(of: info)))
    }

    /// Whether the folder was last changed before `now`, a time the file
    /// system's clock gave (`FileSystem.now(in:)`) before the stamp was
    /// taken. The clock ticks in steps of a few milliseconds: a change in
    /// the tick the stamp was taken in could leave the stamp as it is, but a
    /// change after `now` always gives a later time than a settled stamp's.
    func isSettled(before now: Int64) -> Bool {
        modified < now
    }

    static func nanoseconds(_ time: timespec) -> Int64 {
        Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }
}
