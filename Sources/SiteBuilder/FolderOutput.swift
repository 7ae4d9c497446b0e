#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RunbookCore
import Synchronization

/// Writes files under a folder being built. A file whose bytes are already
/// there (when the folder is a spare site being brought up to date) is left
/// alone; a file whose bytes match the previous site is hard-linked from it.
/// A keyed page whose key matches the folder's (or the previous site's)
/// `PageManifest` is kept (or linked) without being rendered at all, and a
/// runbook's part of `index.json` or the search data whose key matches the
/// previous site's `PartManifest` is copied from it, file to file.
/// A file is never written in place: new bytes go to a temporary name and are
/// renamed over, because the spare and the live site share unchanged files'
/// inodes through those hard links. (In a new folder, where nothing is there
/// yet, files are created at their names.)
final class FolderOutput: SiteOutput {
    private let root: String
    /// Whether `root` was made empty for this build: then nothing in it is
    /// looked at before a file or folder is made there.
    private let rootIsNew: Bool
    private let previous: String?
    /// What the folder's own keyed pages were rendered from, and the previous site's.
    private let rootPages: PageManifest
    private let previousPages: PageManifest
    /// Where the parts of the previous site's parted files lie.
    private let previousPartFiles: PartManifest
    /// The manifest of the folder as this build leaves it.
    private let pages: Mutex<PageManifest>
    /// Where the parts of this build's parted files lie.
    private let parts = Mutex(PartManifest())
    /// Folders known to exist, so each is created once however many threads write into it.
    private let folders: Mutex<Set<String>>
    /// Every path written this build; with the pages kept (`pages`), what an
    /// updated spare holds of this build: everything else is stale.
    private let produced = Mutex<Set<String>>([])
    private let written = Atomic<Int>(0)
    private let reused = Atomic<Int>(0)
    /// What a spare held when this build began, listed on another thread;
    /// nil in a new folder, where nothing is stale.
    private let listing: BackgroundValue<Result<FolderListing, any Error>>?
    /// `root`, open: a kept page's stamp is looked up from it, not from `/`
    /// (half the path to walk, 30,000 times after a commit); nil when it cannot be opened.
    private let rootFolder: Int32?

    /// - Parameters:
    ///   - root: the folder to write into: new and empty, or a spare site to update.
    ///   - rootIsNew: whether `root` is new and empty (but for `madeFolders`).
    ///   - madeFolders: folders already made in a new `root`.
    ///   - rootPages: what the pages in `root` were rendered from.
    ///   - previous: the live site, whose unchanged files are hard-linked into `root`.
    ///   - previousPages: what the pages in `previous` were rendered from.
    ///   - previousParts: where the parts of the parted files in `previous` lie.
    ///   - listing: `root` listed already, from before anything was written into it.
    init(
        root: String, rootIsNew: Bool, madeFolders: Set<String> = [], rootPages: PageManifest, previous: String?,
        previousPages: PageManifest, previousParts: PartManifest, listing: BackgroundValue<Result<FolderListing, any Error>>? = nil
    ) {
        self.root = root
        folders = Mutex(madeFolders)
        // About as many pages as the folder's or the previous site's record holds.
        pages = Mutex(PageManifest(reservingCapacity: max(rootPages.records.count, previousPages.records.count)))
        self.rootIsNew = rootIsNew
        self.rootPages = rootPages
        self.previous = previous
        self.previousPages = previousPages
        previousPartFiles = previousParts
        self.listing = rootIsNew ? nil : listing ?? BackgroundValue { Result { try FolderListing(of: root) } }
        rootFolder = FileSystem.openFolder(root)
    }

    deinit {
        if let rootFolder { close(rootFolder) }
    }

    /// The stamp of the file at `path` in the folder.
    private func stamp(of path: String) -> String? {
        rootFolder.map { FileSystem.stamp(of: path, in: $0) } ?? FileSystem.stamp(of: root + "/" + path)
    }

    var summary: SiteWriteSummary {
        SiteWriteSummary(written: written.load(ordering: .relaxed), reused: reused.load(ordering: .relaxed))
    }

    func write(_ bytes: [UInt8], to path: String) throws {
        _ = try put(bytes[...], at: path)
    }

    func write(_ bytes: [UInt8], to path: String, key: PageKey) throws {
        if let stamp = try put(bytes[...], at: path) ?? stamp(of: path) {
            pages.withLock { $0[path] = PageManifest.Record(key: key, stamp: stamp) }
        }
    }

    /// Puts the file in place: left as it is, linked from the previous site, or
    /// written. Returns its stamp when it was written into a new folder, where
    /// it is known without looking again.
    private func put(_ bytes: ArraySlice<UInt8>, at path: String) throws -> String? {
        let target = root + "/" + path
        try makeParents(of: path)
        produced.withLock { _ = $0.insert(path) }
        if !rootIsNew, FileSystem.fileHolds(target, bytes) {
            reused.wrappingAdd(1, ordering: .relaxed)
            return nil
        }
        if let previous {
            let old = previous + "/" + path
            if FileSystem.fileHolds(old, bytes), try FileSystem.replaceWithLink(target, to: old) {
                reused.wrappingAdd(1, ordering: .relaxed)
                return nil
            }
        }
        written.wrappingAdd(1, ordering: .relaxed)
        guard rootIsNew else {
            try FileSystem.replaceFile(target, bytes)
            return nil
        }
        return try FileSystem.createFile(target, bytes)
    }

    func write(_ file: PartedFile, to path: String) throws {
        let known: String?
        if let bytes = file.renderedBytes {
            known = try put(bytes, at: path)
        } else {
            known = try putCopying(file, at: path)
        }
        if let stamp = known ?? stamp(of: path) {
            parts.withLock { $0.files[path] = PartManifest.File(stamp: stamp, ranges: file.parts) }
        }
    }

    /// Puts in place a file that copies parts of the previous site's: linked
    /// from there when it is that file, else written. Returns its stamp when written.
    private func putCopying(_ file: PartedFile, at path: String) throws -> String? {
        let target = root + "/" + path
        guard let previous, let stamp = previousPartFiles.files[path]?.stamp else {
            throw SiteWriteError("\(target): no previous site to copy parts from")
        }
        try makeParents(of: path)
        produced.withLock { _ = $0.insert(path) }
        let old = previous + "/" + path
        if FileSystem.file(old, stamp: stamp, is: file.pieces), try FileSystem.replaceWithLink(target, to: old) {
            reused.wrappingAdd(1, ordering: .relaxed)
            return nil
        }
        written.wrappingAdd(1, ordering: .relaxed)
        let create = { (path: String) in try FileSystem.createFile(path, pieces: file.pieces, copyingFrom: old, stamp: stamp) }
        guard rootIsNew else {
            try FileSystem.replaceFile(target, create: create)
            return nil
        }
        return try create(target)
    }

    /// The parts of the previous site's file that look as recorded, when the
    /// file is still the one recorded (the same stamp before and after reading it).
    func previousParts(of path: String, opening: UInt8, closing: UInt8) -> FileParts? {
        guard let previous, let record = previousPartFiles.files[path] else { return nil }
        return FileSystem.look(through: previous + "/" + path, stamp: record.stamp) { size, chunks in
            FileParts.checking(record.ranges, size: size, opening: opening, closing: closing, chunks: chunks)
        }
    }

    /// Where the parts of the parted files this build wrote lie.
    var partManifest: PartManifest { parts.withLock { $0 } }

    func keep(_ path: String, key: PageKey) throws -> Bool {
        if let record = rootPages[path], record.key == key, stamp(of: path) == record.stamp {
            kept(path, record)
            return true
        }
        // The live site has it (a spare is two builds behind): link it from there.
        if let previous, let record = previousPages[path], record.key == key {
            let old = previous + "/" + path
            try makeParents(of: path)
            if FileSystem.stamp(of: old) == record.stamp, try FileSystem.replaceWithLink(root + "/" + path, to: old) {
                kept(path, record)
                return true
            }
        }
        return false
    }

    /// One lock per kept page, of 30,000: the threads rendering take turns here.
    private func kept(_ path: String, _ record: PageManifest.Record) {
        pages.withLock { $0[path] = record }
        reused.wrappingAdd(1, ordering: .relaxed)
    }

    /// What the keyed pages of the folder, as this build leaves it, were rendered from.
    var manifest: PageManifest { pages.withLock { $0 } }

    /// Returns once the spare is listed: tests write after it, to see a listing
    /// that the build's own writes then contradict.
    func waitForListing() {
        _ = listing?.value
    }

    /// Deletes whatever this build did not write (pages of runbooks that are
    /// gone, in a spare site), except the names in `keep`: of what the spare
    /// held when the build began, each entry before its folder. A folder goes
    /// once nothing is left in it; one the build wrote into since it was
    /// listed is never empty, and stays.
    func removeUnproduced(keeping keep: Set<String>) throws {
        guard let listing else { return }
        let entries = try listing.value.get().entries
        // Taken once: the build is over.
        let produced = produced.withLock { $0 }
        let pages = pages.withLock { $0 }
        var holdsSomething = [Bool](repeating: false, count: entries.count)
        for index in entries.indices.reversed() {
            let entry = entries[index]
            // A folder listed may be a file the build wrote since, and the reverse.
            let stays = keep.contains(entry.path) || produced.contains(entry.path) || pages[entry.path] != nil
                || entry.isFolder && holdsSomething[index]
            if try stays || !FileSystem.removeStale(root + "/" + entry.path, isFolder: entry.isFolder) {
                if let parent = entry.parent { holdsSomething[parent] = true }
            }
        }
    }

    /// What the folder holds now that the build is over (but the root, which
    /// is always listed), for the next build to update it.
    ///
    /// In a spare, that is the folders as the listing found them, with the
    /// stamps they had then: where the build changed one since, its stamp
    /// changed too, so the next build lists it. In a new folder, it is
    /// every folder the build made, with the entries it put there and the
    /// stamp it has now that the build is over.
    ///
    /// - Parameter now: the file system's clock (`FileSystem.now(in:)`),
    ///   taken once nothing more is written; nil records nothing.
    func treeRecord(now: Int64?) throws -> SiteTreeRecord {
        guard let now else { return SiteTreeRecord() }
        if let listing {
            return SiteTreeRecord(folders: try listing.value.get().known)
        }
        guard let rootFolder else { return SiteTreeRecord() }
        let folders = folders.withLock { $0 }
        var files = produced.withLock { $0 }
        for path in pages.withLock({ Array($0.records.keys) }) { files.insert(path) }
        var entries: [String: [SiteTreeRecord.Entry]] = [:]
        entries.reserveCapacity(folders.count)
        for (paths, isFolder) in [(files, false), (folders, true)] {
            for path in paths {
                // The root's own entries are not recorded.
                guard let slash = path.lastIndex(of: "/") else { continue }
                let name = String(path[path.index(after: slash)...])
                entries[String(path[..<slash]), default: []].append(SiteTreeRecord.Entry(name: name, isFolder: isFolder))
            }
        }
        var recorded: [String: SiteTreeRecord.Folder] = [:]
        recorded.reserveCapacity(folders.count)
        for folder in folders {
            guard let stamp = FolderStamp(of: folder, in: rootFolder), stamp.isSettled(before: now) else { continue }
            recorded[folder] = SiteTreeRecord.Folder(stamp: stamp, entries: entries[folder] ?? [])
        }
        return SiteTreeRecord(folders: recorded)
    }

    private func makeParents(of path: String) throws {
        let parts = path.split(separator: "/").dropLast()
        var folder = ""
        for part in parts {
            folder += folder.isEmpty ? String(part) : "/" + part
            if folders.withLock({ $0.contains(folder) }) { continue }
            let absolute = root + "/" + folder
            // A spare site may hold a file where this build wants a folder. One
            // look only: another thread may create the folder at any moment,
            // and a second look could see it and delete it.
            if !rootIsNew {
                let kind = FileSystem.kind(of: absolute)
                if kind != .directory && kind != .missing { try FileSystem.removeTree(absolute) }
            }
            try FileSystem.makeDirectory(absolute)
            _ = folders.withLock { $0.insert(folder) }
        }
    }
}
