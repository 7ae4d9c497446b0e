/// A shell fence whose `{...}` attributes cannot be read, or whose `timeout` or
/// `retries` the executor could not apply.
struct BadStepAttributesRule: Rule {
    static let description = RuleDescription(
        id: "bad-step-attributes",
        summary: """
            The attributes after a shell fence's language cannot be read. They take one of Runme's two forms, \
            {name=check-disk timeout=30s} or {"name":"check-disk","timeout":"30s"}; the step still runs, but \
            without them. A timeout must be a duration (30s, 5m, 1h30m, 500ms) and retries a whole number from \
            0 to 100, or `runbook run` refuses the runbook. Reported at the fence.
            """,
        defaultSeverity: .error,
        triggering: [
            RuleExample(
                """
                # Disk full
                ## Diagnosis
                ```bash {name=check-disk timeout="30s}
                df -h /var
                ```
                ```bash {"name": "largest-files", "timeout": }
                du -sh /var/* | sort -h | tail
                ```
                """,
                config: "sections: {required: [Diagnosis], commands: {}}",
                expected: ["3:1", "6:1"]),
            RuleExample(
                """
                # Disk full
                ## Diagnosis
                ```bash {name=check-disk timeout=soon}
                df -h /var
                ```
                ```bash {name=largest-files retries=-1}
                du -sh /var/* | sort -h | tail
                ```
                """,
                config: "sections: {required: [Diagnosis], commands: {}}",
                expected: ["3:1", "6:1"]),
        ],
        nonTriggering: [
            RuleExample(
                """
                # Disk full
                ## Diagnosis
                ```bash {name=check-disk timeout=30s}
                df -h /var
                ```
                ```bash {"name":"largest-files","timeout":"1m30s","retries":"2"}
                du -sh /var/* | sort -h | tail
                ```
                """,
                config: "sections: {required: [Diagnosis], commands: {}}"),
        ]
    )

    func check(_ runbook: Runbook, in context: LintContext) -> [Finding] {
        let syntax = runbook.attributeErrors.map { error in
            Finding(
                line: error.line, column: error.column,
                "\(error.message); write them as {name=x timeout=30s} or {\"name\":\"x\",\"timeout\":\"30s\"}")
        }
        // Values the executor could not apply: caught here, not in the middle of an incident.
        let limits = runbook.steps.compactMap { step -> Finding? in
            do throws(StepLimitsError) {
                _ = try StepLimits(attributes: step.attributes)
                return nil
            } catch {
                return Finding(line: step.line, column: step.column, "step '\(step.name)': \(error.message)")
            }
        }
        return syntax + limits
    }
}
