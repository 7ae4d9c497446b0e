import Synchronization

/// Writes files under a folder being built; reuses a previous site's file when its
/// bytes are the same, by hard-linking it.
final class FolderOutput: SiteOutput {
    private let root: String
    private let previous: String?
    /// Folders known to exist, so each is created once however many threads write into it.
    private let folders = Mutex<Set<String>>([])
    private let written = Atomic<Int>(0)
    private let reused = Atomic<Int>(0)

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
        if let previous {
            let old = previous + "/" + path
            if FileSystem.fileHolds(old, bytes), FileSystem.hardLink(old, target) {
                reused.wrappingAdd(1, ordering: .relaxed)
                return
            }
        }
        try FileSystem.createFile(target, bytes)
        written.wrappingAdd(1, ordering: .relaxed)
    }

    private func makeParents(of path: String) throws {
        let parts = path.split(separator: "/").dropLast()
        var folder = ""
        for part in parts {
            folder += folder.isEmpty ? String(part) : "/" + part
            if folders.withLock({ $0.contains(folder) }) { continue }
            try FileSystem.makeDirectory(root + "/" + folder)
            _ = folders.withLock { $0.insert(folder) }
        }
    }
}
