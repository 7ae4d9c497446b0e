/// Two steps of one runbook with the same explicit `name`.
struct DuplicateStepNameRule: Rule {
    static let description = RuleDescription(
        id: "duplicate-step-name",
        summary: """
            Two steps of a runbook have the same explicit name attribute; names identify steps in the run log, \
            in 'depends' and on the site, so each must be unique. Every repeat is reported at its fence, naming \
            the first. (Names derived from commands are made unique by themselves.)
            """,
        defaultSeverity: .error,
        triggering: [
            RuleExample(
                """
                # Disk full
                ## Diagnosis
                ```bash {name=check}
                df -h /var
                ```
                ## Mitigation
                ```bash {name=check}
                journalctl --vacuum-size=500M
                ```
                """,
                config: "sections: {required: [Diagnosis, Mitigation], commands: {}}",
                expected: ["7:1"]),
        ],
        nonTriggering: [
            RuleExample(
                """
                # Disk full
                ## Diagnosis
                ```bash {name=check-disk}
                df -h /var
                ```
                ```bash
                df -h /var
                ```
                """,
                config: "sections: {required: [Diagnosis], commands: {}}"),
        ]
    )

    func check(_ runbook: Runbook, in context: LintContext) -> [Finding] {
        var first: [String: Step] = [:]
        var findings: [Finding] = []
        for step in runbook.steps {
            guard let name = step.attributes["name"] else { continue }
            if let original = first[name] {
                findings.append(Finding(
                    line: step.line, column: step.column,
                    "step name '\(name)' is already used by the step on line \(original.line); give this step a different name"))
            } else {
                first[name] = step
            }
        }
        return findings
    }
}
