import Foundation

/// Which `runbook` binary is running: its file's size, inode and change time.
/// Caches of what this binary computed (parsed runbooks, rendered pages) name
/// it, so a rebuilt `runbook` starts afresh even when its version string is
/// the same — a parser fixed during development must not be shadowed by
/// results the old one cached.
public enum ExecutableIdentity {
    /// Nil when the executable's file cannot be found: then nothing is cached.
    /// Never looked for by the name it was run under, which is relative to
    /// wherever the user happens to be.
    public static let current: String? = {
        #if os(Linux)
        return stamp(of: "/proc/self/exe")
        #else
        return Bundle.main.executablePath.flatMap { $0.hasPrefix("/") ? stamp(of: $0) : nil }
        #endif
    }()

    private static func stamp(of path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        #if canImport(Darwin)
        let changed = info.st_ctimespec
        #else
        let changed = info.st_ctim
        #endif
        return "\(info.st_size):\(info.st_ino):\(changed.tv_sec).\(changed.tv_nsec)"
    }
}
