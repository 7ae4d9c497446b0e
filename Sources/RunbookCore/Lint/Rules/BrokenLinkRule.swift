import Foundation

/// A relative link or image whose target is not in the repository.
struct BrokenLinkRule: Rule {
    static let readsTreePaths = true
    static let description = RuleDescription(
        id: "broken-link",
        summary: """
            A relative link or image points at nothing in the tree being linted. Targets resolve from the \
            runbook's folder ('/' starts at the repository root), percent-decoded, without '#fragment' or \
            '?query'; a folder counts when any file is under it; a link that climbs out of the repository is \
            broken. Links with a scheme (https:, mailto:, ...) and '#anchor' links are not checked.
            """,
        defaultSeverity: .error,
        triggering: [
            RuleExample(
                """
                # Disk full
                Follow the [storage guide](../docs/storage.md) and [clean up](cleanup.md#logs).

                ![Disk usage](img/disk-usage.png)
                """,
                path: "runbooks/disk-full.md",
                config: "sections: {required: [], commands: {}}",
                otherFiles: ["docs/storage.md": "# Storage\n"],
                expected: ["2:52", "4:1"]),
            RuleExample(
                """
                # Disk full
                See [the host inventory](../../inventory/hosts.md).
                """,
                path: "runbooks/disk-full.md",
                config: "sections: {required: [], commands: {}}",
                otherFiles: ["inventory/hosts.md": "# Hosts\n"],
                expected: ["2:5"]),
        ],
        nonTriggering: [
            RuleExample(
                """
                # Disk full
                Follow the [storage guide](../docs/storage.md#quotas), the [on-call notes](on-call%20notes.md)
                and the [dashboards](dashboards/). Background: [ext4](https://ext4.wiki.kernel.org),
                [mail us](mailto:storage@example.com), [jump to the fix](#mitigation).

                ![Disk usage](/docs/img/disk-usage.png "last week")
                """,
                path: "runbooks/disk-full.md",
                config: "sections: {required: [], commands: {}}",
                otherFiles: [
                    "docs/storage.md": "# Storage\n",
                    "docs/img/disk-usage.png": "",
                    "runbooks/on-call notes.md": "# On-call notes\n",
                    "runbooks/dashboards/disk.json": "{}\n",
                ]),
        ]
    )

    func check(_ runbook: Runbook, in context: LintContext) -> [Finding] {
        // Without a tree there is nothing to check against (and everything would look broken).
        guard !context.treePaths.isEmpty else { return [] }
        guard !runbook.links.isEmpty else { return [] }
        let folder = runbook.path.split(separator: "/").dropLast().map(String.init)
        return runbook.links.compactMap { link in
            guard let target = Self.target(of: link.destination, from: folder) else { return nil }
            let kind = link.isImage ? "image" : "link"
            switch target {
            case .outside:
                return Finding(
                    at: link.location,
                    "\(kind) target '\(link.destination)' points outside the repository; link to a file in the repository or use a full https:// URL")
            case .path(let path):
                if path.isEmpty || context.treePaths.contains(path) { return nil }
                let prefix = path + "/"
                if context.treePaths.contains(where: { $0.hasPrefix(prefix) }) { return nil }
                return Finding(
                    at: link.location,
                    "\(kind) target '\(link.destination)' does not exist (no '\(path)' in the repository); fix the path or add the file")
            }
        }
    }

    enum Target: Equatable {
        /// Repository-relative, "/"-separated; "" is the repository root.
        case path(String)
        case outside
    }

    /// Where a link destination leads, or nil when it is not a relative link to check.
    static func target(of destination: String, from folder: [String]) -> Target? {
        // cmark trims destinations already, except inside <...>; only spaces are left to drop.
        let trimmed = destination.first == " " || destination.last == " "
            ? String(destination.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed()) : destination
        if trimmed.isEmpty || trimmed.hasPrefix("#") || trimmed.hasPrefix("//") || hasScheme(trimmed) { return nil }
        let pathPart = trimmed.prefix { $0 != "#" && $0 != "?" }
        let decoded = pathPart.removingPercentEncoding ?? String(pathPart)
        var components = decoded.hasPrefix("/") ? [] : folder
        for component in decoded.split(separator: "/", omittingEmptySubsequences: true) {
            switch component {
            case ".": continue
            case "..":
                guard !components.isEmpty else { return .outside }
                components.removeLast()
            default: components.append(String(component))
            }
        }
        return .path(components.joined(separator: "/"))
    }

    /// `https:`, `mailto:`, `tel:`... (RFC 3986: a letter, then letters, digits, '+', '-' or '.', then ':').
    private static func hasScheme(_ text: String) -> Bool {
        guard let colon = text.firstIndex(of: ":") else { return false }
        let scheme = text[..<colon]
        guard let first = scheme.first, first.isASCII, first.isLetter else { return false }
        return scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") }
    }
}
