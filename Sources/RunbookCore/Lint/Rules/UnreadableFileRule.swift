/// A file that cannot be read as a runbook: binary, not UTF-8, over the size limit, or not a regular file.
struct UnreadableFileRule: Rule {
    static let description = RuleDescription(
        id: "unreadable-file",
        summary: "The file is not Markdown text the tool can read: binary, not UTF-8, a symlink, or larger than max_file_size.",
        defaultSeverity: .error,
        triggering: [
            RuleExample(
                "# Huge\n" + String(repeating: "x", count: 200),
                config: "max_file_size: 100B",
                expected: ["1:1"]),
        ],
        nonTriggering: [
            RuleExample("# Small\n", config: "max_file_size: 100B"),
        ]
    )

    func check(_ runbook: Runbook, in context: LintContext) -> [Finding] {
        guard let reason = runbook.unreadableReason else { return [] }
        return [Finding(line: 1, reason)]
    }
}
