/// A section with fewer commands than `sections.commands` asks for.
struct TooFewCommandsRule: Rule {
    static let description = RuleDescription(
        id: "too-few-commands",
        summary: """
            A section has fewer commands than its minimum in sections.commands. Commands are counted, not blocks: \
            each shell line (with its continuations) of a shell fence, or each prompted line of a console \
            transcript; output lines, comments and blocks marked {ignore=true} do not count. Subsections count \
            toward their section. A section that is missing altogether is left to missing-section.
            """,
        defaultSeverity: .error,
        triggering: [
            RuleExample(
                """
                # Disk full
                ## Diagnosis
                ```console
                $ df -h /var
                Filesystem      Size  Used Avail Use% Mounted on
                /dev/sda2        50G   50G     0 100% /var
                ```
                """,
                config: "sections: {required: [Diagnosis], commands: {Diagnosis: 2}}",
                expected: ["2:1"]),
        ],
        nonTriggering: [
            RuleExample(
                """
                # Disk full
                ## Diagnosis
                ```bash
                df -h /var
                du -sh /var/log/* | sort -h | tail
                ```
                """,
                config: "sections: {required: [Diagnosis], commands: {Diagnosis: 2}}"),
            RuleExample(
                """
                # Disk full
                ## Summary
                The disk is full.
                """,
                config: "sections: {required: [Summary, Diagnosis], commands: {Diagnosis: 2}}"),
        ]
    )

    func check(_ runbook: Runbook, in context: LintContext) -> [Finding] {
        let requirements = context.config.sections
        return requirements.commands.sorted { $0.key < $1.key }.compactMap { name, minimum in
            guard minimum > 0 else { return nil }
            let sections = runbook.sections.filter { $0.name == name }
            guard let first = sections.first else { return nil }
            let found = sections.reduce(0) { $0 + $1.commandCount }
            guard found < minimum else { return nil }
            return Finding(
                at: first.location,
                "section '\(first.title)' has \(Self.count(found)); at least \(minimum) required (sections.commands in runbook.yml): add them as fenced ```bash blocks, one command per line")
        }.sorted { ($0.line, $0.column) < ($1.line, $1.column) }
    }

    private static func count(_ number: Int) -> String {
        switch number {
        case 0: return "no commands"
        case 1: return "1 command"
        default: return "\(number) commands"
        }
    }
}
