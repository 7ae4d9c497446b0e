#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Everything in a folder tree as it was listed, never through a link:
/// what a spare site held before a build brought it up to date, so the
/// build can delete afterwards whatever it did not produce.
///
/// A folder whose stamp is the one in the tree record the previous build
/// left (`SiteTreeRecord`) is not listed: its entries are the record's.
/// Listing 30,000 folders takes a fifth of a second, looking at their
/// stamps a fraction of that; a build starts it on another thread as it
/// begins (`SpareListing`), while a core is often free.
struct FolderListing: Sendable {
    struct Entry: Sendable {
        /// Relative to the listed root, `/`-separated.
        let path: String
        /// The entry's folder, as an index into `entries`; nil at the root.
        let parent: Int?
        let isFolder: Bool
    }

    /// Each folder before what it holds.
    let entries: [Entry]
    /// The folders (but the root) whose entries are known with a settled
    /// stamp, taken from the record or before they were listed: what the
    /// record of the tree is made from once the build is over.
    let known: [String: SiteTreeRecord.Folder]
    /// How many folders were listed rather than taken from the record.
    let listedCount: Int

    /// - Parameters:
    ///   - recorded: what the tree held by the previous build's record.
    ///   - now: the file system's clock before anything is looked at
    ///     (`FileSystem.now(in:)`); without it, no stamp counts as settled.
    /// - Throws: `SiteWriteError` when a folder cannot be listed.
    init(of root: String, recorded: consuming SiteTreeRecord = SiteTreeRecord(), now: Int64? = nil) throws {
        // Folders are opened from the root, not from `/`: half the path to walk, 30,000 times.
        guard let rootFolder = FileSystem.openFolder(root) else { throw FileSystem.error("cannot list", root) }
        defer { close(rootFolder) }
        var entries: [Entry] = []
        // The record's folders, as they are found: most are, and the
        // dictionary is updated in place rather than made again.
        var known = (consume recorded).folders
        var confirmed = 0
        var listedCount = 0
        // Folders still to list, as (relative path, index): a stack, not
        // recursion, so a deep tree put there by hand cannot overflow it.
        var pending: [(path: String, index: Int?)] = [("", nil)]
        while let folder = pending.popLast() {
            let prefix = folder.path.isEmpty ? "" : folder.path + "/"
            // Taken before listing: a change while it is listed gives the folder a later stamp.
            let stamp = folder.path.isEmpty ? nil : FolderStamp(of: folder.path, in: rootFolder)
            let found: [SiteTreeRecord.Entry]
            if let stamp, let record = known[folder.path], record.stamp == stamp {
                found = record.entries
                confirmed += 1
            } else {
                do {
                    found = try FileSystem.entries(of: folder.path.isEmpty ? "." : folder.path, in: rootFolder).map { name, kind in
                        SiteTreeRecord.Entry(name: name, isFolder: kind == .directory)
                    }
                } catch where !folder.path.isEmpty && FileSystem.kind(of: root + "/" + folder.path) != .directory {
                    // The build replaced it with a file since it was seen: nothing
                    // stale is left in it, and the build's file is its own.
                    known[folder.path] = nil
                    continue
                }
                listedCount += 1
                if let stamp, let now, stamp.isSettled(before: now) {
                    known[folder.path] = SiteTreeRecord.Folder(stamp: stamp, entries: found)
                    confirmed += 1
                } else if !folder.path.isEmpty {
                    known[folder.path] = nil
                }
            }
            for entry in found {
                entries.append(Entry(path: prefix + entry.name, parent: folder.index, isFolder: entry.isFolder))
                if entry.isFolder { pending.append((prefix + entry.name, entries.count - 1)) }
            }
        }
        if confirmed < known.count {
            // Recorded folders that are gone: only those found are known.
            let found = Set(entries.lazy.filter(\.isFolder).map(\.path))
            known = known.filter { found.contains($0.key) }
        }
        self.entries = entries
        self.known = known
        self.listedCount = listedCount
    }
}
