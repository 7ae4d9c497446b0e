import Foundation
import MarkdownKit

/// Rewrites the relative links of a runbook's Markdown for the site: a link to
/// another runbook (`../db/failover.md#promote`) goes to that runbook's page, and a
/// link or image to any other file of the repository goes to the file on the
/// repository's web front end when `site.repo_url` is set. Everything else is left
/// as written.
struct LinkResolver: Sendable {
    /// Page folder of each runbook, by repository path.
    let pages: [String: String]
    let links: RepositoryLinks
    let layout: SiteLayout

    /// - Parameters:
    ///   - source: repository path of the runbook the link is in.
    ///   - page: folder of the page being rendered.
    func resolve(_ destination: String, isImage: Bool, source: String, page: String) -> String? {
        guard !destination.isEmpty, !destination.hasPrefix("#"), !destination.hasPrefix("//"),
              URLSafety.scheme(of: destination) == nil else { return nil }
        var rest = Substring(destination)
        var fragment = ""
        if let hash = rest.firstIndex(of: "#") {
            fragment = String(rest[hash...])
            rest = rest[..<hash]
        }
        var query = ""
        if let mark = rest.firstIndex(of: "?") {
            query = String(rest[mark...])
            rest = rest[..<mark]
        }
        let written = String(rest).removingPercentEncoding ?? String(rest)
        let base = written.hasPrefix("/") ? "" : source.split(separator: "/").dropLast().joined(separator: "/")
        guard let path = Self.normalize(base + "/" + written) else { return nil }
        if !isImage, let folder = pages[path] {
            return layout.link(from: page, to: folder) + fragment
        }
        if isImage { return links.raw(path).map { $0 + query } }
        return links.blob(path).map { $0 + query + fragment }
    }

    /// Resolves `.` and `..`; nil when the path climbs above the repository root.
    static func normalize(_ path: String) -> String? {
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            switch part {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(part)
            }
        }
        return parts.isEmpty ? nil : parts.joined(separator: "/")
    }
}
