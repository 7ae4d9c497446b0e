/// Two or more runbooks with the same id (declared or derived from the path).
struct DuplicateIDRule: CorpusRule {
    static let description = RuleDescription(
        id: "duplicate-id",
        summary: """
            Two or more runbooks share an id, whether declared with 'id:' or derived from the path. Ids that \
            differ only in case count as the same (they collide on case-insensitive file systems and in site \
            URLs). Each runbook gets a problem naming the others, at its 'id:' value, or at 1:1 when derived.
            """,
        defaultSeverity: .error,
        triggering: [
            RuleExample(
                """
                ---
                id: etcd/no-leader
                ---
                # etcd has no leader
                """,
                path: "runbooks/etcd/no-leader.md",
                config: "sections: {required: [], commands: {}}",
                otherFiles: ["runbooks/etcd/leader-lost.md": "---\nid: etcd/no-leader\n---\n# etcd lost its leader\n"],
                expected: ["2:5"]),
            RuleExample(
                """
                # Disk full
                """,
                path: "runbooks/disk-full.md",
                config: "sections: {required: [], commands: {}}",
                otherFiles: ["runbooks/storage/full-disk.md": "---\nid: Disk-Full\n---\n# Full disk\n"],
                expected: ["1:1"]),
        ],
        nonTriggering: [
            RuleExample(
                """
                ---
                id: etcd/no-leader
                ---
                # etcd has no leader
                """,
                path: "runbooks/etcd/no-leader.md",
                config: "sections: {required: [], commands: {}}",
                otherFiles: ["runbooks/etcd/leader-lost.md": "# etcd lost its leader\n"]),
        ]
    )

    func check(_ runbooks: [RunbookSummary], in context: LintContext) -> [String: [Finding]] {
        // Counted first: groups are built only for the rare ids that repeat,
        // since a staged lint passes every runbook of the tree.
        let keys = runbooks.map { Self.key(for: $0.id) }
        var counts: [String: Int] = [:]
        counts.reserveCapacity(keys.count)
        for key in keys { counts[key, default: 0] += 1 }
        let repeated = zip(keys, runbooks).filter { counts[$0.0, default: 0] > 1 }
        let groups = Dictionary(grouping: repeated, by: \.0).mapValues { $0.map(\.1) }
        var findings: [String: [Finding]] = [:]
        for group in groups.values where Set(group.map(\.path)).count > 1 {
            for runbook in group {
                let others = Set(group.map(\.path)).subtracting([runbook.path]).sorted()
                // A declared id sits in the front matter, which starts on line 2 at the earliest.
                let how = runbook.idLocation.line == 1 ? "derived from its path" : "declared here"
                findings[runbook.path, default: []].append(Finding(
                    at: runbook.idLocation,
                    "id '\(runbook.id)' (\(how)) is also the id of \(others.joined(separator: ", ")); give each runbook a unique 'id:' in its front matter"))
            }
        }
        return findings
    }

    /// The id in lower case; without a copy when it already is plain lower-case
    /// ASCII, as nearly every id is.
    private static func key(for id: String) -> String {
        let isLowerASCII = id.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.allSatisfy { $0 < 0x80 && !(UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) }
        }
        return isLowerASCII == true ? id : id.lowercased()
    }
}
