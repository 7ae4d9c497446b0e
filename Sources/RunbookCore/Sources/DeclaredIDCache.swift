import Foundation
import GitKit
import MarkdownKit

/// The `id:` each runbook blob declares in its front matter, remembered by blob
/// id in the repository's Git folder. A staged lint checks the changed runbooks'
/// ids against every other runbook's; without this it would read every blob of
/// the tree on every commit. Blobs never change, so an entry is never stale; a
/// file that does not read as this format is ignored and rewritten, never trusted.
struct DeclaredIDCache {
    struct Entry: Equatable {
        /// The declared id and where it is, or nil when the front matter declares none.
        var id: String?
        var location: SourceLocation
    }

    let path: String
    private var entries: [ObjectID: Entry] = [:]
    private var changed = false

    init(gitDirectory: String) {
        path = gitDirectory + "/runbook/declared-ids"
        guard let data = FileManager.default.contents(atPath: path) else { return }
        entries = Self.parse(data) ?? [:]
    }

    /// The entry for a blob, reading the blob (through `load`) only when it is not known.
    mutating func entry(for blob: ObjectID, load: () throws -> Entry) rethrows -> Entry {
        if let known = entries[blob] { return known }
        let entry = try load()
        entries[blob] = entry
        changed = true
        return entry
    }

    /// Writes the cache if it learnt something, atomically. Failing to write (a
    /// read-only repository) only costs speed next time, so it is not an error.
    func save() {
        guard changed else { return }
        var bytes = Array(Self.magic.utf8)
        for (blob, entry) in entries.sorted(by: { $0.key < $1.key }) {
            bytes += blob.rawBytes
            guard let id = entry.id else {
                bytes.append(0)
                continue
            }
            bytes.append(1)
            for number in [entry.location.line, entry.location.column, id.utf8.count] {
                withUnsafeBytes(of: UInt32(clamping: number).bigEndian) { bytes += $0 }
            }
            bytes += id.utf8
        }
        let folder = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try? Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    /// Binary, as it is read on every staged lint: after the magic line, per blob its
    /// 20 raw id bytes, then 0 (no declared id) or 1 and three big-endian UInt32s
    /// (line, column, id length) and the id's UTF-8. Anything that does not read
    /// exactly so discards the whole file.
    private static let magic = "runbook declared-ids 2\n"

    private static func parse(_ data: Data) -> [ObjectID: Entry]? {
        data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) -> [ObjectID: Entry]? in
            let magic = Array(Self.magic.utf8)
            guard buffer.count >= magic.count, buffer.prefix(magic.count).elementsEqual(magic) else { return nil }
            var entries: [ObjectID: Entry] = [:]
            entries.reserveCapacity(buffer.count / 21)
            var offset = magic.count
            func read(_ count: Int) -> UnsafeRawBufferPointer? {
                guard count >= 0, buffer.count - offset >= count else { return nil }
                defer { offset += count }
                return UnsafeRawBufferPointer(rebasing: buffer[offset..<(offset + count)])
            }
            func number() -> Int? {
                read(4).map { Int(UInt32(bigEndian: $0.loadUnaligned(as: UInt32.self))) }
            }
            while offset < buffer.count {
                guard let raw = read(20), let blob = ObjectID(rawBytes: raw), let flag = read(1)?.first else { return nil }
                switch flag {
                case 0:
                    entries[blob] = Entry(id: nil, location: SourceLocation(line: 1, column: 1))
                case 1:
                    guard let line = number(), let column = number(), let length = number(), line > 0, column > 0, length > 0,
                          let text = read(length), let id = String(validating: text, as: UTF8.self) else { return nil }
                    entries[blob] = Entry(id: id, location: SourceLocation(line: line, column: column))
                default:
                    return nil
                }
            }
            return entries
        }
    }
}
