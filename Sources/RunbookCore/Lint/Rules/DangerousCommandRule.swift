/// A command the denylist flags, in a step not marked `{dangerous=true}`.
struct DangerousCommandRule: Rule {
    static let description = RuleDescription(
        id: "dangerous-command",
        summary: """
            A command of a shell step matches the denylist (the built-in entries plus executor.deny in \
            runbook.yml). Only commands are checked: prose, comments, console output lines and blocks marked \
            {ignore=true} are not. A step marked {dangerous=true} is acknowledged and not reported; the executor \
            still asks for an explicit override before running it. Reported at the command's line.
            """,
        defaultSeverity: .error,
        triggering: [
            RuleExample(
                """
                # Disk full
                ## Mitigation
                ```bash
                journalctl --vacuum-size=500M
                rm -rf / var/log/old
                ```
                """,
                config: "sections: {required: [Mitigation], commands: {}}",
                expected: ["5:1"]),
            RuleExample(
                """
                # etcd has no leader
                ## Mitigation
                ```console
                $ systemctl stop etcd
                $ etcdctl defrag
                Finished defragmenting etcd member[127.0.0.1:2379]
                ```
                """,
                config: "sections: {required: [Mitigation], commands: {}}\nexecutor: {deny: ['systemctl (stop|disable) etcd']}",
                expected: ["4:1"]),
        ],
        nonTriggering: [
            RuleExample(
                """
                # Disk full
                ## Mitigation
                Never run `rm -rf /` here.
                ```bash {name=format-scratch dangerous=true}
                mkfs.ext4 /dev/nvme1n1
                ```
                ```console
                $ grep -c 'rm -rf /' /var/log/sudo.log
                rm -rf / was denied 3 times
                ```
                """,
                config: "sections: {required: [Mitigation], commands: {}}"),
        ]
    )

    func check(_ runbook: Runbook, in context: LintContext) -> [Finding] {
        runbook.steps.filter { $0.kind == .command && !Self.isAcknowledged($0) }.flatMap { step in
            step.commands.compactMap { command -> Finding? in
                guard let match = context.denylist.match(command.text) else { return nil }
                let firstLine = command.text.split(separator: "\n", omittingEmptySubsequences: false).first ?? ""
                return Finding(
                    line: command.line, column: step.column,
                    "\(match.reason): `\(firstLine)`; mark the step with {dangerous=true} if it must stay")
            }
        }
    }

    private static func isAcknowledged(_ step: Step) -> Bool {
        Step.flag("dangerous", in: step.attributes)
    }
}
