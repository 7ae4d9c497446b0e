import GitKit

/// The key each keyed page of a site folder was rendered from, with the
/// file's stamp (size, inode, change time) when it was written, so the next
/// build that updates the folder, or hard-links from it, can leave those
/// pages as they are. Kept beside the folder (`.NAME.pages`), not in it: the
/// site itself stays the same bytes from one build of a commit to the next.
///
/// A record counts only while its file still has the recorded stamp: a page
/// changed or replaced by anything else is rendered again. Since a page is
/// never written in place, a record describes one file wherever it is linked.
struct PageManifest: Sendable {
    private static let header = "runbook pages 1"

    struct Record: Sendable, Hashable {
        let key: PageKey
        let stamp: String
    }

    private(set) var records: [String: Record] = [:]

    init() {}

    /// The manifest in the file at `path`; empty when it is missing or not one
    /// this version wrote (nothing is trusted from a file that does not parse).
    static func load(from path: String) -> PageManifest {
        guard let bytes = FileSystem.bytes(ofFile: path) else { return PageManifest() }
        var manifest = PageManifest()
        let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        guard lines.first.map({ Array($0) == Array(header.utf8) }) == true, lines.last?.isEmpty == true else {
            return PageManifest()
        }
        for line in lines.dropFirst().dropLast() {
            let fields = line.split(separator: UInt8(ascii: " "), maxSplits: 2, omittingEmptySubsequences: false)
            guard fields.count == 3, let key = ObjectID(hex: String(decoding: fields[0], as: UTF8.self)),
                  let path = String(validating: fields[2], as: UTF8.self), !path.isEmpty
            else { return PageManifest() }
            manifest.records[path] = Record(key: PageKey(digest: key), stamp: String(decoding: fields[1], as: UTF8.self))
        }
        return manifest
    }

    subscript(path: String) -> Record? {
        get { records[path] }
        set { records[path] = newValue }
    }

    /// The file's text, records in path order (by bytes) so equal manifests are equal bytes.
    var encoded: [UInt8] {
        var bytes = Array((Self.header + "\n").utf8)
        bytes.reserveCapacity(records.count * 120)
        // A path with a newline cannot be one line of the file: its page is rendered every time.
        let sorted = records.sorted { $0.key.precedesInByteOrder($1.key) }
        for (path, record) in sorted where !path.utf8.contains(UInt8(ascii: "\n")) {
            bytes += record.key.digest.hex.utf8
            bytes.append(UInt8(ascii: " "))
            bytes += record.stamp.utf8
            bytes.append(UInt8(ascii: " "))
            bytes += path.utf8
            bytes.append(UInt8(ascii: "\n"))
        }
        return bytes
    }
}
