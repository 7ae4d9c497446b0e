import RunbookCore

/// What each folder of a site held when a build left it, with the folder's
/// stamp, kept beside the site (`.NAME.tree`) and moved with it when it
/// becomes the spare (`.NAME.spare.tree`). The build that brings that spare
/// up to date takes a folder's entries from here when the folder's stamp is
/// still the one recorded, instead of listing it: looking at 30,000 folders'
/// stamps takes a fraction of the time listing them does.
///
/// Only settled stamps are recorded (`FolderStamp.isSettled(before:)`), so a
/// folder whose stamp matches holds what was recorded, whatever changed
/// since elsewhere, and a record needs no vouching for: a spare left
/// half-updated by a failed build has new stamps where it changed. The root
/// is never recorded (it is renamed with every build); it is always listed.
struct SiteTreeRecord: Sendable {
    private static let file = CacheFile(magic: Array("runbook tree\n".utf8), version: 1)

    struct Entry: Sendable, Equatable {
        let name: String
        let isFolder: Bool
    }

    struct Folder: Sendable, Equatable {
        let stamp: FolderStamp
        let entries: [Entry]
    }

    /// By path relative to the site, `/`-separated.
    let folders: [String: Folder]

    init(folders: [String: Folder] = [:]) {
        self.folders = folders
    }

    /// The record at `path`; empty when there is none or it cannot be trusted
    /// (damaged, or naming anything but plain entries below the site).
    static func load(from path: String) -> SiteTreeRecord {
        guard let payload = file.payload(at: path) else { return SiteTreeRecord() }
        return payload.withUnsafeBytes { buffer in
            var reader = BinaryReader(buffer)
            return (try? decode(&reader)) ?? SiteTreeRecord()
        }
    }

    /// Writes the record to `path` atomically; a failure is for the caller to
    /// ignore (the next build lists the folders instead).
    func write(to path: String) throws {
        var writer = BinaryWriter()
        writer.write(count: folders.count)
        for (folder, recorded) in folders {
            writer.write(folder)
            writer.write(recorded.stamp.inode)
            writer.write(recorded.stamp.modified)
            writer.write(recorded.stamp.changed)
            writer.write(count: recorded.entries.count)
            for entry in recorded.entries {
                writer.write(entry.name)
                writer.write(entry.isFolder)
            }
        }
        try Self.file.write(writer.bytes, to: path)
    }

    private static func decode(_ reader: inout BinaryReader) throws -> SiteTreeRecord? {
        let count = try reader.count(ofRecordsAtLeast: 32)
        var folders: [String: Folder] = [:]
        folders.reserveCapacity(count)
        for _ in 0..<count {
            let path = try reader.string()
            let stamp = FolderStamp(inode: try reader.uint64(), modified: try reader.int64(), changed: try reader.int64())
            let entryCount = try reader.count(ofRecordsAtLeast: 6)
            var entries: [Entry] = []
            entries.reserveCapacity(entryCount)
            for _ in 0..<entryCount {
                let entry = Entry(name: try reader.string(), isFolder: try reader.bool())
                // The sweep deletes entries by these names: each must name
                // something in this folder, and nothing above it.
                guard isPath(entry.name, ofParts: 1) else { return nil }
                entries.append(entry)
            }
            guard isPath(path), folders[path] == nil else { return nil }
            folders[path] = Folder(stamp: stamp, entries: entries)
        }
        return reader.isAtEnd ? SiteTreeRecord(folders: folders) : nil
    }

    /// Whether `path` is names of entries joined by `/` (as many as
    /// `ofParts` at most): none empty, `.` or `..`, or holding NUL. One
    /// pass over the bytes: a record has 100,000 of them to check.
    private static func isPath(_ path: String, ofParts limit: Int = .max) -> Bool {
        var parts = 1
        var length = 0
        var dots = 0
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "/"):
                guard length > dots || length > 2, parts < limit else { return false }
                parts += 1
                length = 0
                dots = 0
                continue
            case UInt8(ascii: "."): dots += 1
            case 0: return false
            default: break
            }
            length += 1
        }
        return length > dots || length > 2
    }
}
