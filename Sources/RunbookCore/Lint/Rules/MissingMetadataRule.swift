import Foundation

/// A front matter field that `metadata.required` asks for, absent or empty.
struct MissingMetadataRule: Rule {
    /// For OWNERS files.
    static let readsTreePaths = true
    static let description = RuleDescription(
        id: "missing-metadata",
        summary: """
            A field listed in metadata.required is absent from the front matter, or empty (null, blank text, an \
            empty list or mapping): one problem per field, at the field when it is there and empty, else at line 1. \
            'owner' also counts as set when an OWNERS file sits in the runbook's folder or a folder above it (the \
            owner then comes from its approvers). Nothing is reported while the front matter cannot be read \
            (bad-front-matter covers it).
            """,
        defaultSeverity: .error,
        triggering: [
            RuleExample(
                """
                ---
                title: Disk full
                severity:
                ---
                # Disk full
                """,
                config: "sections: {required: [], commands: {}}\nmetadata: {required: [owner, severity]}",
                expected: ["1:1", "3:1"]),
            RuleExample(
                """
                # Disk full
                """,
                config: "sections: {required: [], commands: {}}\nmetadata: {required: [severity]}",
                expected: ["1:1"]),
        ],
        nonTriggering: [
            RuleExample(
                """
                ---
                owner: team-storage
                severity: critical
                ---
                # Disk full
                """,
                config: "sections: {required: [], commands: {}}\nmetadata: {required: [owner, severity]}"),
            RuleExample(
                """
                ---
                severity: critical
                ---
                # Disk full
                """,
                path: "runbooks/storage/disk-full.md",
                config: "sections: {required: [], commands: {}}\nmetadata: {required: [owner, severity]}",
                otherFiles: ["runbooks/storage/OWNERS": "approvers: [alice, bob]\n"]),
        ]
    )

    func check(_ runbook: Runbook, in context: LintContext) -> [Finding] {
        guard runbook.frontMatterError == nil else { return [] }
        return context.config.metadata.required.compactMap { key in
            guard let entry = runbook.metadata.field(key) else {
                if key == "owner", Self.hasOwnersFile(above: runbook.path, in: context.treePaths) { return nil }
                return Finding(line: 1, "required front matter field '\(key)' is missing; add '\(key): ...' to the front matter (metadata.required in runbook.yml)")
            }
            guard Self.isEmpty(entry.value) else { return nil }
            return Finding(
                line: entry.keyLine, column: entry.keyColumn,
                "required front matter field '\(key)' is empty; give it a value (metadata.required in runbook.yml)")
        }
    }

    static func isEmpty(_ value: YAMLValue) -> Bool {
        switch value.kind {
        case .null: return true
        case .scalar(let text): return text.allSatisfy(\.isWhitespace)
        case .sequence(let items): return items.isEmpty
        case .mapping(let entries): return entries.isEmpty
        }
    }

    /// An `OWNERS` file in the runbook's folder or any folder above it, up to the repository root.
    static func hasOwnersFile(above path: String, in treePaths: Set<String>) -> Bool {
        var folders = path.split(separator: "/").dropLast()
        while true {
            let candidate = (folders + ["OWNERS"]).joined(separator: "/")
            if treePaths.contains(candidate) { return true }
            guard !folders.isEmpty else { return false }
            folders = folders.dropLast()
        }
    }
}
