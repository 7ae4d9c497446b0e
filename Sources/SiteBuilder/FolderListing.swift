#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Everything in a folder tree as it was listed, never through a link:
/// what a spare site held before a build brought it up to date, so the
/// build can delete afterwards whatever it did not produce.
///
/// Listing 30,000 folders takes a fifth of a second; a build starts it on
/// another thread as it begins (`SpareListing`), while a core is often free.
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

    /// - Throws: `SiteWriteError` when a folder cannot be listed.
    init(of root: String) throws {
        // Folders are opened from the root, not from `/`: half the path to walk, 30,000 times.
        guard let rootFolder = FileSystem.openFolder(root) else { throw FileSystem.error("cannot list", root) }
        defer { close(rootFolder) }
        var entries: [Entry] = []
        // Folders still to list, as (relative path, index): a stack, not
        // recursion, so a deep tree put there by hand cannot overflow it.
        var pending: [(path: String, index: Int?)] = [("", nil)]
        while let folder = pending.popLast() {
            let prefix = folder.path.isEmpty ? "" : folder.path + "/"
            let found: [(name: String, kind: FileSystem.Kind)]
            do {
                found = try FileSystem.entries(of: folder.path.isEmpty ? "." : folder.path, in: rootFolder)
            } catch where !folder.path.isEmpty && FileSystem.kind(of: root + "/" + folder.path) != .directory {
                // The build replaced it with a file since it was seen: nothing
                // stale is left in it, and the build's file is its own.
                continue
            }
            for (name, kind) in found {
                entries.append(Entry(path: prefix + name, parent: folder.index, isFolder: kind == .directory))
                if kind == .directory { pending.append((prefix + name, entries.count - 1)) }
            }
        }
        self.entries = entries
    }
}
