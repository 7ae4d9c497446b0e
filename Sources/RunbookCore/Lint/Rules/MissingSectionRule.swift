/// Every required section must be present: one finding per missing section, all of them.
struct MissingSectionRule: Rule {
    static let description = RuleDescription(
        id: "missing-section",
        summary: "A required section (a level-2 heading, or one of its aliases) is missing.",
        defaultSeverity: .error,
        triggering: [
            RuleExample(
                """
                # Disk full
                ## Summary
                The disk is full.
                ## Diagnosis
                ```bash
                df -h
                du -sh /var/log
                ```
                """,
                config: "sections: {required: [Summary, Diagnosis, Mitigation, Escalation], commands: {}}",
                expected: ["1:1", "1:1"]),
            RuleExample(
                """
                # Disk full
                # Summary
                Written as a level-1 heading, so not a section.
                """,
                config: "sections: {required: [Summary], commands: {}}",
                expected: ["2:1"]),
        ],
        nonTriggering: [
            RuleExample(
                """
                # Disk full
                ## Summary
                The disk is full.
                ## Remediation
                Free space.
                """,
                config: "sections: {required: [Summary, Mitigation], aliases: {Mitigation: [Remediation]}, commands: {}}"),
        ]
    )

    func check(_ runbook: Runbook, in context: LintContext) -> [Finding] {
        let requirements = context.config.sections
        if let pattern = requirements.headings {
            return HeadingPatternMatcher(pattern: pattern, aliases: requirements.aliases).missing(in: runbook)
        }
        let present = Set(runbook.sections.compactMap(\.name))
        return requirements.required.filter { !present.contains($0) }.map { name in
            // A heading with the right text at the wrong level is the likeliest cause: point at it.
            if let misplaced = runbook.headings.first(where: { requirements.canonicalName(for: $0.text) == name }) {
                return Finding(
                    at: misplaced.location,
                    "required section '\(name)' is missing: '\(misplaced.text)' here is a level-\(misplaced.level) heading; sections are level-2 headings (## \(name))")
            }
            let aliases = requirements.aliases[name] ?? []
            let accepted = aliases.isEmpty ? "" : " (or one of: \(aliases.joined(separator: ", ")))"
            return Finding(line: 1, "required section '\(name)' is missing; add a '## \(name)' heading\(accepted)")
        }
    }
}
