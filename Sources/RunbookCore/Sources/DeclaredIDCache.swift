import Foundation
import GitKit
import MarkdownKit

/// The `id:` each runbook blob declares in its front matter, remembered by blob
/// id in the repository's Git folder. A staged lint checks the changed runbooks'
/// ids against every other runbook's; without this it would read every blob of
/// the tree on every commit. Blobs never change, so an entry is never stale; a
/// file that does not read as this format is ignored and rewritten, never trusted.
struct DeclaredIDCache {
    private static let header = "runbook declared-ids 1"

    struct Entry: Equatable {
        /// The declared id and where it is, or nil when the front matter declares none.
        var id: String?
        var location: SourceLocation
    }

    let path: String
    private var entries: [String: Entry] = [:]
    private var changed = false

    init(gitDirectory: String) {
        path = gitDirectory + "/runbook/declared-ids"
        guard let data = FileManager.default.contents(atPath: path) else { return }
        entries = Self.parse(String(decoding: data, as: UTF8.self)) ?? [:]
    }

    /// The entry for a blob, reading the blob (through `load`) only when it is not known.
    mutating func entry(for blob: ObjectID, load: () throws -> Entry) rethrows -> Entry {
        if let known = entries[blob.hex] { return known }
        let entry = try load()
        // An id with a line break would break the line format; such a blob is simply read each time.
        if entry.id?.contains(where: \.isNewline) != true {
            entries[blob.hex] = entry
            changed = true
        }
        return entry
    }

    /// Writes the cache if it learnt something, atomically. Failing to write (a
    /// read-only repository) only costs speed next time, so it is not an error.
    func save() {
        guard changed else { return }
        var text = Self.header + "\n"
        for (blob, entry) in entries.sorted(by: { $0.key < $1.key }) {
            if let id = entry.id {
                text += "\(blob) \(entry.location.line) \(entry.location.column) \(id)\n"
            } else {
                text += "\(blob) -\n"
            }
        }
        let folder = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try? Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    /// Every line must parse, or the whole file is discarded. Reads bytes: the
    /// file has a line per runbook and is read on every staged lint.
    private static func parse(_ text: String) -> [String: Entry]? {
        var lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        guard let first = lines.first, first.elementsEqual(header.utf8), lines.last?.isEmpty == true else { return nil }
        lines.removeFirst()
        lines.removeLast()
        var entries: [String: Entry] = [:]
        entries.reserveCapacity(lines.count)
        let space = UInt8(ascii: " ")
        for line in lines {
            guard line.count >= 42, line[line.index(line.startIndex, offsetBy: 40)] == space else { return nil }
            let blobEnd = line.index(line.startIndex, offsetBy: 40)
            let blob = line[..<blobEnd]
            guard blob.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains($0) }),
                  let key = String(blob) else { return nil }
            let rest = line[line.index(after: blobEnd)...]
            if rest.elementsEqual("-".utf8) {
                entries[key] = Entry(id: nil, location: SourceLocation(line: 1, column: 1))
                continue
            }
            let fields = rest.split(separator: space, maxSplits: 2, omittingEmptySubsequences: false)
            guard fields.count == 3, let row = String(fields[0]).flatMap({ Int($0) }), let column = String(fields[1]).flatMap({ Int($0) }),
                  row > 0, column > 0, !fields[2].isEmpty, let id = String(fields[2]) else { return nil }
            entries[key] = Entry(id: id, location: SourceLocation(line: row, column: column))
        }
        return entries
    }
}
