import Foundation

extension RunLog {
    /// Where the log lives without `--log`: `$XDG_STATE_HOME/runbook/runs.sqlite`,
    /// else `~/.local/state/runbook/runs.sqlite`. A relative `XDG_STATE_HOME` is
    /// ignored, as the XDG Base Directory spec says.
    public static func defaultPath(environment: [String: String]) -> String {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return state + "/runbook/runs.sqlite"
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? FileManager.default.homeDirectoryForCurrentUser.path
        return home + "/.local/state/runbook/runs.sqlite"
    }

    /// Creates the missing parent folders (0700) and the file itself (0600), so
    /// the log is private from its first byte; an existing file is left as it is.
    /// An existing file that does not start as SQLite files do is refused here:
    /// SQLite itself takes a short file for an empty database and overwrites it.
    static func prepareFile(_ path: String) throws {
        let file = URL(fileURLWithPath: path)
        var missing: [URL] = []
        var folder = file.deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: folder.path) && folder.path != "/" {
            missing.append(folder)
            folder = folder.deletingLastPathComponent()
        }
        for folder in missing.reversed() where mkdir(folder.path, 0o700) != 0 && errno != EEXIST {
            throw RunLogError.cannotCreate(path: path, reason: "cannot create \(folder.path): \(String(cString: strerror(errno)))")
        }
        let descriptor = open(path, O_RDONLY | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw RunLogError.cannotCreate(path: path, reason: String(cString: strerror(errno)))
        }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        let header = (try? handle.read(upToCount: sqliteHeader.count)) ?? Data()
        guard header.isEmpty || header == sqliteHeader else {
            throw RunLogError.notADatabase(path: path)
        }
    }

    /// The first bytes of every SQLite 3 database file.
    private static let sqliteHeader = Data("SQLite format 3\u{0}".utf8)
}
