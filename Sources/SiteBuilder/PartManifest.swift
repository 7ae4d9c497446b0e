import GitKit
import RunbookCore

/// Where the keyed parts of a site's parted files lie (`FileParts`), with each
/// file's stamp when it was written: kept beside the site (`.NAME.parts`) so
/// the next build can copy a runbook's line of `index.json` instead of
/// rendering it. A file whose stamp has changed since is not trusted at all.
///
/// Lines of text in the envelope of the build's caches: a copied part is
/// never checked against a rendering, so a damaged record must be noticed
/// (its checksum) rather than copy a cut line into every later build.
struct PartManifest: Sendable {
    private static let file = CacheFile(magic: Array("runbook parts\n".utf8), version: 2)

    struct File: Sendable, Equatable {
        var stamp: String
        var ranges: [PageKey: Range<Int>]
    }

    var files: [String: File] = [:]

    /// The manifest in the file at `path`; empty when it is missing or not one
    /// this version wrote (nothing is trusted from a file that does not parse).
    static func load(from path: String) -> PartManifest {
        guard let bytes = file.payload(at: path) else { return PartManifest() }
        let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        guard lines.last?.isEmpty == true else { return PartManifest() }
        var manifest = PartManifest()
        var current: String?
        for line in lines.dropLast() {
            let fields = line.split(separator: UInt8(ascii: " "), maxSplits: 2, omittingEmptySubsequences: false)
            guard fields.count == 3 else { return PartManifest() }
            if fields[0].elementsEqual("file".utf8) {
                guard let path = String(validating: fields[2], as: UTF8.self), !path.isEmpty, manifest.files[path] == nil else {
                    return PartManifest()
                }
                manifest.files[path] = File(stamp: String(decoding: fields[1], as: UTF8.self), ranges: [:])
                current = path
            } else {
                guard let current, let key = fields[0].withUnsafeBytes(ObjectID.init(hexDigits:)),
                      let start = number(fields[1]), let end = number(fields[2]), start <= end
                else { return PartManifest() }
                manifest.files[current]?.ranges[PageKey(digest: key)] = start..<end
            }
        }
        return manifest
    }

    /// Writes the manifest to `path` atomically; a failure is for the caller to
    /// ignore (the next build renders every part).
    func write(to path: String) throws {
        try Self.file.write(encoded, to: path)
    }

    /// A decimal number of at most 15 digits (no sign): offsets in a file.
    private static func number(_ digits: ArraySlice<UInt8>) -> Int? {
        guard !digits.isEmpty, digits.count <= 15 else { return nil }
        var value = 0
        for digit in digits {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(digit) else { return nil }
            value = value * 10 + Int(digit - UInt8(ascii: "0"))
        }
        return value
    }

    /// The records' text, files and parts in a fixed order so equal manifests are equal bytes.
    private var encoded: [UInt8] {
        var text = ""
        for (path, file) in files.sorted(by: { $0.key.precedesInByteOrder($1.key) }) where !path.contains("\n") {
            text += "file \(file.stamp) \(path)\n"
            for (key, range) in file.ranges.sorted(by: { $0.value.lowerBound < $1.value.lowerBound }) {
                text += "\(key.digest.hex) \(range.lowerBound) \(range.upperBound)\n"
            }
        }
        return Array(text.utf8)
    }
}
