import Foundation
import GitKit
import MarkdownKit
import RunbookCore

/// Links into the repository's web front end (`site.repo_url`), GitHub and GitLab
/// style: `<repo>/commit/<id>`, `<repo>/blob/<branch>/<path>`, `<repo>/edit/…`,
/// `<repo>/raw/…`. All nil when no repository URL is set, or when it is not an
/// `http(s)` URL (it is put into `href`s).
struct RepositoryLinks: Sendable {
    private let base: String?
    private let branch: String

    init(settings: SiteSettings) {
        var url = settings.repoURL.trimmingCharacters(in: .whitespaces)
        while url.hasSuffix("/") { url.removeLast() }
        if url.hasSuffix(".git") { url.removeLast(4) }
        let scheme = URLSafety.scheme(of: url)
        base = !url.isEmpty && (scheme == "https" || scheme == "http") ? url : nil
        branch = settings.branch.isEmpty ? "main" : settings.branch
    }

    func commit(_ id: ObjectID) -> String? {
        base.map { "\($0)/commit/\(id.hex)" }
    }

    /// The file as shown by the front end, at a line when given.
    func blob(_ path: String, line: Int? = nil) -> String? {
        base.map { "\($0)/blob/\(Self.encode(branch))/\(Self.encode(path))" + (line.map { "#L\($0)" } ?? "") }
    }

    func edit(_ path: String) -> String? {
        base.map { "\($0)/edit/\(Self.encode(branch))/\(Self.encode(path))" }
    }

    /// The file's bytes (for images a runbook shows from the repository).
    func raw(_ path: String) -> String? {
        base.map { "\($0)/raw/\(Self.encode(branch))/\(Self.encode(path))" }
    }

    /// Percent-encodes a path for a URL, keeping `/` and the unreserved characters.
    static func encode(_ path: String) -> String {
        guard !path.utf8.allSatisfy(isKept) else { return path }
        var result = ""
        for byte in path.utf8 {
            if isKept(byte) {
                result.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                result += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
            }
        }
        return result
    }

    private static func isKept(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"), UInt8(ascii: "/"):
            return true
        default:
            return false
        }
    }
}
