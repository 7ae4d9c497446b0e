import Foundation

/// Turns untrusted names (runbook ids, tags, alert names) into folder names that
/// cannot leave their parent folder: ASCII letters, digits, `-`, `_` and `.` only,
/// never `.` or `..` or a leading dot, never empty, at most `maximumLength` bytes.
/// Readable names stay as they are (`etcd-no-leader`, `KubePodCrashLooping`).
enum PathSegment {
    static let maximumLength = 100
    /// Most folders one name becomes: an id of 10,000 segments must not make a
    /// path the file system refuses (or a page 10,000 folders deep).
    static let maximumDepth = 8

    /// The folder names for a `/`-separated name: `etcd/no-leader` → `["etcd", "no-leader"]`.
    /// Segments past `maximumDepth` are joined into the last one (and cut to
    /// `maximumLength`); the output registry tells apart names that end up alike.
    static func segments(of name: String) -> [String] {
        var parts = parts(of: name)
        if parts.count > maximumDepth {
            parts = Array(parts.prefix(maximumDepth - 1)) + [parts.dropFirst(maximumDepth - 1).joined(separator: "-")]
        }
        let folders = parts.map(sanitize)
        return folders.isEmpty ? ["_"] : folders
    }

    /// The non-empty parts between `/`s. An ASCII name (nearly every one) is split
    /// by byte, without finding its characters: there a `/` is always a character
    /// of its own, where elsewhere a combining mark after it makes it part of another.
    private static func parts(of name: String) -> [String] {
        guard name.utf8.allSatisfy({ $0 < 0x80 }) else { return name.split(separator: "/").map(String.init) }
        return name.utf8.split(separator: UInt8(ascii: "/")).map { String(decoding: $0, as: UTF8.self) }
    }

    /// One folder name: anything outside the allowed set becomes `-` (a run of them
    /// one `-`); accented letters lose their accent (`Ü` → `U`).
    static func sanitize(_ name: String) -> String {
        // Most names are clean already; they come back as they are.
        if let first = name.utf8.first, first != UInt8(ascii: "."), name.utf8.count <= maximumLength,
           name.utf8.allSatisfy(isAllowed) {
            return name
        }
        var result = ""
        var replacing = false
        for character in name {
            let kept = ascii(for: character)
            if kept.isEmpty {
                if !replacing { result += "-" }
                replacing = true
            } else {
                result += kept
                replacing = false
            }
        }
        // A leading dot would hide the folder, and `.`/`..` would climb out of it.
        if result.hasPrefix(".") { result = "-" + result.drop { $0 == "." } }
        if result.utf8.count > maximumLength { result = String(result.prefix(maximumLength)) }
        return result.isEmpty ? "_" : result
    }

    private static func ascii(for character: Character) -> String {
        if let byte = character.asciiValue {
            return isAllowed(byte) ? String(character) : ""
        }
        // `é` decomposes to `e` and a combining accent: keep the letter.
        let scalars = String(character).decomposedStringWithCanonicalMapping.unicodeScalars
        return String(String.UnicodeScalarView(scalars.filter { $0.isASCII && isAllowed(UInt8($0.value)) }))
    }

    /// Whether every `/`-separated part of `path` is a folder name `sanitize`
    /// leaves as it is (no empty part, no leading dot, allowed bytes only).
    static func isCleanPath(_ path: String) -> Bool {
        var partLength = 0
        for byte in path.utf8 {
            if byte == UInt8(ascii: "/") {
                guard partLength > 0 else { return false }
                partLength = 0
                continue
            }
            guard isAllowed(byte), partLength > 0 || byte != UInt8(ascii: "."), partLength < maximumLength else { return false }
            partLength += 1
        }
        return partLength > 0
    }

    /// On bytes: checking every already clean name must not make a `Character` of each byte.
    private static func isAllowed(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."):
            return true
        default: return false
        }
    }
}
