import GitKit

/// The content hash a draft carries in its front matter (`draft_hash: <id>`), so a
/// later `runbook draft` can tell a draft nobody touched (safe to replace with
/// `--force`) from one a human has worked on (kept unless `--force-human`).
///
/// The hash is the Git blob id of the file without its `draft_hash` line.
public enum DraftFingerprint {
    public static let key = "draft_hash"

    /// `text` (which must have front matter) with the hash line added at the end of its front matter.
    static func stamped(_ text: String) -> String {
        guard let id = try? ObjectID(hashingBlob: Array(text.utf8)) else { return text }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first == "---", let closing = lines.dropFirst().firstIndex(of: "---") else { return text }
        lines.insert("\(key): \(id.hex)"[...], at: closing)
        return lines.joined(separator: "\n")
    }

    /// Whether `bytes` is a draft exactly as `runbook draft` wrote it: its recorded hash
    /// matches its content. False for any other file, including one without a hash.
    public static func isUntouchedDraft(_ bytes: [UInt8]) -> Bool {
        guard let text = String(validating: bytes, as: UTF8.self) else { return false }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first == "---", let closing = lines.dropFirst().firstIndex(of: "---") else { return false }
        let prefix = "\(key): "
        guard let hashLine = lines[1..<closing].firstIndex(where: { $0.hasPrefix(prefix) }) else { return false }
        let recorded = lines[hashLine].dropFirst(prefix.count)
        lines.remove(at: hashLine)
        guard let id = try? ObjectID(hashingBlob: Array(lines.joined(separator: "\n").utf8)) else { return false }
        return id.hex == recorded
    }
}
