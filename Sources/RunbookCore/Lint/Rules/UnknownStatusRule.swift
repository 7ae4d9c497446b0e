/// A `status` that is not one of `metadata.statuses`.
struct UnknownStatusRule: Rule {
    static let description = RuleDescription(
        id: "unknown-status",
        summary: """
            The front matter 'status' is not one of metadata.statuses (by default draft, proposed, approved, \
            deprecated); the comparison is exact, case included. Reported at the value.
            """,
        defaultSeverity: .error,
        triggering: [
            RuleExample(
                """
                ---
                status: aproved
                ---
                # Disk full
                """,
                config: "sections: {required: [], commands: {}}",
                expected: ["2:9"]),
            RuleExample(
                """
                ---
                status: approved
                ---
                # Disk full
                """,
                config: "sections: {required: [], commands: {}}\nmetadata: {statuses: [draft, reviewed, live]}",
                expected: ["2:9"]),
        ],
        nonTriggering: [
            RuleExample(
                """
                ---
                status: approved
                ---
                # Disk full
                """,
                config: "sections: {required: [], commands: {}}"),
        ]
    )

    func check(_ runbook: Runbook, in context: LintContext) -> [Finding] {
        guard let status = runbook.metadata.status else { return [] }
        let allowed = context.config.metadata.statuses
        guard !allowed.contains(status) else { return [] }
        let value = runbook.metadata.field("status")?.value
        let hint = allowed.first { $0.lowercased() == status.lowercased() }.map { " (did you mean '\($0)'?)" } ?? ""
        return [Finding(
            line: value?.line ?? 1, column: value?.column ?? 1,
            "status '\(status)' is not allowed\(hint); use one of: \(allowed.joined(separator: ", ")) (metadata.statuses in runbook.yml)")]
    }
}
