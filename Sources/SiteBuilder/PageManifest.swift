#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
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

    /// Empty, with room for `count` records: one grown a record at a time to
    /// 30,000 hashes every path again each time it doubles.
    init(reservingCapacity count: Int) {
        records.reserveCapacity(count)
    }

    /// The manifest in the file at `path`; empty when it is missing or not one
    /// this version wrote (nothing is trusted from a file that does not parse).
    static func load(from path: String) -> PageManifest {
        guard let bytes = FileSystem.bytes(ofFile: path) else { return PageManifest() }
        var manifest = PageManifest()
        let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        guard lines.first.map({ $0.elementsEqual(header.utf8) }) == true, lines.last?.isEmpty == true else {
            return PageManifest()
        }
        manifest.records.reserveCapacity(lines.count - 2)
        for line in lines.dropFirst().dropLast() {
            let fields = line.split(separator: UInt8(ascii: " "), maxSplits: 2, omittingEmptySubsequences: false)
            guard fields.count == 3, let key = fields[0].withUnsafeBytes(ObjectID.init(hexDigits:)),
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
        // Each line is written once into `lines`, then copied out in order: sorting
        // offsets into one buffer compares paths with `memcmp` and moves no strings.
        var lines: [UInt8] = []
        lines.reserveCapacity(records.count * 120)
        var spans: [(start: Int, path: Int, end: Int)] = []
        spans.reserveCapacity(records.count)
        for (path, record) in records {
            let start = lines.count
            lines += record.key.digest.hex.utf8
            lines.append(UInt8(ascii: " "))
            lines += record.stamp.utf8
            lines.append(UInt8(ascii: " "))
            let pathStart = lines.count
            lines += path.utf8
            // A path with a newline cannot be one line of the file: its page is rendered every time.
            if lines[pathStart...].contains(UInt8(ascii: "\n")) {
                lines.removeSubrange(start...)
                continue
            }
            lines.append(UInt8(ascii: "\n"))
            spans.append((start, pathStart, lines.count))
        }
        lines.withUnsafeBufferPointer { lines in
            // Paths are dictionary keys, never equal bytes: the order is total.
            spans.sort { left, right in
                let leftCount = left.end - 1 - left.path
                let rightCount = right.end - 1 - right.path
                let common = min(leftCount, rightCount)
                let order = common == 0 ? 0 : memcmp(lines.baseAddress! + left.path, lines.baseAddress! + right.path, common)
                return order != 0 ? order < 0 : leftCount < rightCount
            }
        }
        var bytes = Array((Self.header + "\n").utf8)
        bytes.reserveCapacity(bytes.count + lines.count)
        for span in spans { bytes += lines[span.start..<span.end] }
        return bytes
    }
}
