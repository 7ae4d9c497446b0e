/// A `patterns` entry that is not a regular expression `runbook match` can use.
struct BadPatternRule: Rule {
    static let description = RuleDescription(
        id: "bad-pattern",
        summary: """
            An entry of the front matter 'patterns' is not a valid regular expression (ICU syntax, as \
            NSRegularExpression reads it), or is empty and would match everything. One problem per entry, at \
            the entry. runbook match skips such a pattern rather than fail; this rule makes sure it is fixed.
            """,
        defaultSeverity: .error,
        triggering: [
            RuleExample(
                """
                ---
                patterns:
                  - 'etcdserver: no leader'
                  - 'took too long \\(['
                  - ''
                ---
                # etcd has no leader
                """,
                config: "sections: {required: [], commands: {}}",
                expected: ["4:5", "5:5"]),
            RuleExample(
                """
                ---
                patterns: '(disk|volume full'
                ---
                # Disk full
                """,
                config: "sections: {required: [], commands: {}}",
                expected: ["2:11"]),
        ],
        nonTriggering: [
            RuleExample(
                """
                ---
                patterns: ['etcdserver: no leader', '(?i)raft: .* lost leader', '(a+)+$']
                ---
                # etcd has no leader
                """,
                config: "sections: {required: [], commands: {}}"),
        ]
    )

    func check(_ runbook: Runbook, in context: LintContext) -> [Finding] {
        guard runbook.frontMatterError == nil, let value = runbook.metadata.field("patterns")?.value else { return [] }
        let items = value.sequence ?? [value]
        return items.compactMap { item in
            guard let pattern = item.scalar else { return nil }
            do {
                _ = try LogPattern(pattern)
                return nil
            } catch {
                return Finding(
                    line: item.line, column: item.column,
                    "pattern '\(pattern)' cannot be used: \(error); runbook match skips it until it is fixed")
            }
        }
    }
}
