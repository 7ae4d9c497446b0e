/// Steps whose `depends` attributes cannot be satisfied: a ring of steps that
/// wait for each other, or a dependency on a step that does not exist. The
/// executor refuses such a runbook, so lint says so first.
struct StepCycleRule: Rule {
    static let description = RuleDescription(
        id: "step-cycle",
        summary: """
            A step's depends attribute names steps that must run before it. Steps that depend on each other in a \
            ring can never run, and neither can a step that depends on a name no step has; `runbook run` refuses \
            the runbook. Reported at the first step of the ring, or at the step naming the missing one.
            """,
        defaultSeverity: .error,
        triggering: [
            RuleExample(
                """
                # Disk full
                ## Mitigation
                ```bash {name=rotate depends=vacuum}
                logrotate -f /etc/logrotate.conf
                ```
                ```bash {name=vacuum depends=rotate}
                journalctl --vacuum-size=500M
                ```
                """,
                config: "sections: {required: [Mitigation], commands: {}}",
                expected: ["3:1"]),
            RuleExample(
                """
                # Disk full
                ## Mitigation
                ```bash {name=vacuum depends=check-disk}
                journalctl --vacuum-size=500M
                ```
                """,
                config: "sections: {required: [Mitigation], commands: {}}",
                expected: ["3:1"]),
        ],
        nonTriggering: [
            RuleExample(
                """
                # Disk full
                ## Mitigation
                ```bash {name=vacuum depends=check-disk}
                journalctl --vacuum-size=500M
                ```
                ```bash {name=check-disk}
                df -h /var
                ```
                """,
                config: "sections: {required: [Mitigation], commands: {}}"),
        ]
    )

    func check(_ runbook: Runbook, in context: LintContext) -> [Finding] {
        let steps = runbook.steps
        switch StepOrder.resolve(names: steps.map(\.name), dependencies: steps.map { StepOrder.dependencies(in: $0.attributes) }) {
        case .success:
            return []
        case .failure(.unknownDependency(let index, let name)):
            let step = steps[index]
            return [Finding(
                line: step.line, column: step.column,
                "step '\(step.name)' depends on '\(name)', but no step has that name; fix the name in depends or name the step")]
        case .failure(.cycle(let ring)):
            guard let first = ring.first else { return [] }
            let names = (ring + [first]).map { "'\(steps[$0].name)'" }.joined(separator: " → ")
            return [Finding(
                line: steps[first].line, column: steps[first].column,
                "steps depend on each other in a ring (\(names)), so none of them can run; remove one of the depends")]
        }
    }
}
