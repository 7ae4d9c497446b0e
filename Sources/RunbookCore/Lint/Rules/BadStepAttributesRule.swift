/// A shell fence whose `{...}` attributes cannot be read.
struct BadStepAttributesRule: Rule {
    static let description = RuleDescription(
        id: "bad-step-attributes",
        summary: """
            The attributes after a shell fence's language cannot be read. They take one of Runme's two forms, \
            {name=check-disk timeout=30s} or {"name":"check-disk","timeout":"30s"}; the step still runs, but \
            without them. Reported at the fence.
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
        ],
        nonTriggering: [
            RuleExample(
                """
                # Disk full
                ## Diagnosis
                ```bash {name=check-disk timeout=30s}
                df -h /var
                ```
                ```bash {"name":"largest-files","timeout":"1m"}
                du -sh /var/* | sort -h | tail
                ```
                """,
                config: "sections: {required: [Diagnosis], commands: {}}"),
        ]
    )

    func check(_ runbook: Runbook, in context: LintContext) -> [Finding] {
        runbook.attributeErrors.map { error in
            Finding(
                line: error.line, column: error.column,
                "\(error.message); write them as {name=x timeout=30s} or {\"name\":\"x\",\"timeout\":\"30s\"}")
        }
    }
}
