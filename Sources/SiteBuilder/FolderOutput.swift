import Synchronization

/// Writes files under a folder being built. A file whose bytes are already
/// there (when the folder is a spare site being brought up to date) is left
/// alone; a file whose bytes match the previous site is hard-linked from it.
/// A file is never written in place: new bytes go to a temporary name and are
/// renamed over, because the spare and the live site share unchanged files'
/// inodes through those hard links.
final class FolderOutput: SiteOutput {
    private let root: String
    private let previous: String?
    /// Folders known to exist, so each is created once however many threads write into it.
    private let folders = Mutex<Set<String>>([])
    /// Every path written this build: in an updated spare, everything else is stale.
    private let produced = Mutex<Set<String>>([])
    private let written = Atomic<Int>(0)
    private let reused = Atomic<Int>(0)

    /// - Parameters:
    ///   - root: the folder to write into: new and empty, or a spare site to update.
    ///   - previous: the live site, whose unchanged files are hard-linked into a new folder.
    init(root: String, previous: String?) {
        self.root = root
        self.previous = previous
    }

    var summary: SiteWriteSummary {
        SiteWriteSummary(written: written.load(ordering: .relaxed), reused: reused.load(ordering: .relaxed))
    }

    func write(_ bytes: [UInt8], to path: String) throws {
        let target = root + "/" + path
        try makeParents(of: path)
        produced.withLock { _ = $0.insert(path) }
        if FileSystem.fileHolds(target, bytes) {
            reused.wrappingAdd(1, ordering: .relaxed)
            return
        }
        if let previous, FileSystem.kind(of: target) == .missing {
            let old = previous + "/" + path
            if FileSystem.fileHolds(old, bytes), FileSystem.hardLink(old, target) {
                reused.wrappingAdd(1, ordering: .relaxed)
                return
            }
        }
        try FileSystem.replaceFile(target, bytes)
        written.wrappingAdd(1, ordering: .relaxed)
    }

    /// Deletes whatever this build did not write (pages of runbooks that are gone,
    /// in a spare site), except the names in `keep`.
    func removeUnproduced(keeping keep: Set<String>) throws {
        let produced = produced.withLock { $0 }
        var pending = [""]
        while let folder = pending.popLast() {
            let absolute = folder.isEmpty ? root : root + "/" + folder
            for name in try FileSystem.contents(of: absolute) {
                let relative = folder.isEmpty ? name : folder + "/" + name
                if keep.contains(relative) || produced.contains(relative) { continue }
                if FileSystem.kind(of: root + "/" + relative) == .directory, folders.withLock({ $0.contains(relative) }) {
                    pending.append(relative)
                } else {
                    try FileSystem.removeTree(root + "/" + relative)
                }
            }
        }
    }

    private func makeParents(of path: String) throws {
        let parts = path.split(separator: "/").dropLast()
        var folder = ""
        for part in parts {
            folder += folder.isEmpty ? String(part) : "/" + part
            if folders.withLock({ $0.contains(folder) }) { continue }
            let absolute = root + "/" + folder
            // A spare site may hold a file where this build wants a folder.
            if FileSystem.kind(of: absolute) != .directory && FileSystem.kind(of: absolute) != .missing {
                try FileSystem.removeTree(absolute)
            }
            try FileSystem.makeDirectory(absolute)
            _ = folders.withLock { $0.insert(folder) }
        }
    }
}
