/// Front matter that cannot be read: invalid or hostile YAML, an unclosed block, or a field of the wrong type.
struct BadFrontMatterRule: Rule {
    static let description = RuleDescription(
        id: "bad-front-matter",
        summary: """
            The front matter cannot be read: it is not valid YAML, its '---' block is never closed, it nests too \
            deeply or expands too far through aliases, it is not a mapping, or a known field has the wrong type \
            (title, id, owner, severity, status and autonomy are text; tags, alerts and patterns are lists). \
            Reported where the problem is; none of the front matter is used until it is fixed.
            """,
        defaultSeverity: .error,
        triggering: [
            RuleExample(
                """
                ---
                title: Disk full: /var
                owner: team-storage
                ---
                # Disk full
                """,
                config: "sections: {required: [], commands: {}}",
                expected: ["2:17"]),
            RuleExample(
                """
                ---
                title: Disk full
                tags: {area: storage}
                ---
                # Disk full
                """,
                config: "sections: {required: [], commands: {}}",
                expected: ["3:7"]),
            RuleExample(
                """
                ---
                title: Disk full
                # Disk full
                """,
                config: "sections: {required: [], commands: {}}",
                expected: ["1:1"]),
        ],
        nonTriggering: [
            RuleExample(
                """
                ---
                title: Disk full
                tags: [disk, storage]
                ---
                # Disk full
                """,
                config: "sections: {required: [], commands: {}}"),
        ]
    )

    func check(_ runbook: Runbook, in context: LintContext) -> [Finding] {
        guard let error = runbook.frontMatterError else { return [] }
        return [Finding(
            line: error.line, column: error.column,
            "front matter cannot be read: \(error.message); fix the YAML between the '---' lines (none of it is used until then)")]
    }
}
