import Testing
@testable import RunbookCore

@Suite("Drafting runbooks from the history of an incident")
struct HistoryDrafterTests {
    private func drafts(
        _ bytes: [UInt8], config: String = "", _ configure: (inout DraftOptions) -> Void = { _ in }
    ) throws -> [DraftFile] {
        var options = DraftOptions(source: "history")
        configure(&options)
        return try HistoryDrafter(config: ConfigParser(path: "runbook.yml").parse(config)).drafts(from: bytes, options: options)
    }

    /// The command steps of a section of a draft, as the runbook parser reads them (comments left out).
    private func commands(in text: String, section: String) -> [String] {
        let parsed = RunbookParser(config: Config()).parse(path: "runbooks/drafts/x.md", text: text)
        return parsed.steps.filter { $0.section == section && !$0.commands.isEmpty }.map(\.script)
    }

    @Test("bash: the last session by default; noise, repeats and secrets gone; commands sorted in the order typed")
    func bashFirstSession() throws {
        let files = try drafts(Array(HistoryFixtures.bash.utf8)) { $0.session = .number(1) }
        #expect(files.count == 1)
        let file = try #require(files.first)
        #expect(file.name == "2024-03-05-1400.md")
        let draft = file.draft
        #expect((draft.seen, draft.noise, draft.repeats, draft.editorSessions, draft.kept) == (17, 6, 1, 1, 9))
        #expect(draft.redactions == 3)
        #expect(draft.edits == [EditedFile(path: "/etc/payments/api.yaml", tool: "vim")])
        #expect(commands(in: file.text, section: "Diagnosis") == [
            "kubectl config use-context prod-eu",
            "kubectl get pods -n payments",
            "kubectl logs deploy/payments-api -n payments --since=15m | grep -c ' 503 '",
            "export PAGERDUTY_TOKEN=[REDACTED]",
            "curl -sS -H \"Authorization: Bearer [REDACTED]\" https://api.internal/healthz",
            "PGPASSWORD=[REDACTED] psql -h db-1 -U app -c 'select count(*) from pg_stat_activity'",
            "kubectl rollout status deploy/payments-api -n payments",
        ])
        #expect(commands(in: file.text, section: "Mitigation") == [
            "kubectl apply -f api.yaml",
            "kubectl rollout restart deploy/payments-api -n payments",
        ])
        for secret in HistoryFixtures.bashSecrets { #expect(!file.text.contains(secret)) }
        // Where a command ran is a comment, given when it changes.
        #expect(file.text.contains("```bash\n# in ~/ops\nkubectl config use-context prod-eu\n```"))
        #expect(file.text.contains("```bash\nkubectl get pods -n payments\n```"))
        #expect(file.text.contains("```bash\n# in /etc/payments\nkubectl apply -f api.yaml\n```"))
        #expect(file.text.contains("- `/etc/payments/api.yaml` (vim)"))
        #expect(file.text.contains("`history` (bash), session 1 of 2: 2024-03-05 14:00–14:04 UTC."))
        #expect(file.text.contains("17 commands seen: 9 kept, 1 opened an editor, 7 dropped (6 noise, 1 repeat)."))
        #expect(file.text.contains("3 secret values were redacted"))
    }

    @Test("bash: every session with --session all, each in its own file")
    func bashAllSessions() throws {
        let files = try drafts(Array(HistoryFixtures.bash.utf8)) { $0.session = .all }
        #expect(files.map(\.name) == ["2024-03-05-1400.md", "2024-03-05-1600.md"])
        let last = try drafts(Array(HistoryFixtures.bash.utf8))
        #expect(last.map(\.name) == ["2024-03-05-1600.md"])
        #expect(commands(in: last[0].text, section: "Mitigation") == ["sudo rm /var/log/payments/api.log.1", "sudo systemctl restart rsyslog"])
        #expect(commands(in: last[0].text, section: "Diagnosis") == ["df -h /var", "sudo du -sh /var/log/* | sort -h | tail"])
    }

    @Test("zsh: multi-line loop kept whole, sed -i named as an edit, redis password redacted")
    func zsh() throws {
        let file = try #require(try drafts(HistoryFixtures.zsh) { $0.session = .number(1) }.first)
        #expect(file.name == "2024-03-05-1400.md")
        #expect(commands(in: file.text, section: "Mitigation") == [
            "for c in worker-1 worker-2; do\n  docker restart $c\ndone",
            "sed -i 's/timeout: 5s/timeout: 30s/' config/worker.yml",
            "git commit -am 'worker: timeout 30s\u{2014} incident 4711'",
        ])
        #expect(file.draft.edits == [EditedFile(path: "/srv/app/config/worker.yml", tool: "sed -i")])
        #expect(file.text.contains("redis-cli -h cache-1 -a [REDACTED] info memory"))
        for secret in HistoryFixtures.zshSecrets { #expect(!file.text.contains(secret)) }
    }

    @Test("fish: set -gx secret and URL password redacted, nano edit named, multi-line command kept")
    func fish() throws {
        let file = try #require(try drafts(Array(HistoryFixtures.fish.utf8)) { $0.session = .number(1) }.first)
        #expect(commands(in: file.text, section: "Mitigation") == [
            "psql \"postgresql://admin:[REDACTED]@db-1:5432/app\" -c \"select pg_terminate_backend(pid) from pg_stat_activity where state = 'idle in transaction'\"",
            "begin\n  pg_ctlcluster 16 main reload\nend",
            "sudo systemctl restart postgresql",
        ])
        #expect(file.draft.edits == [EditedFile(path: "/etc/postgresql/16/main/postgresql.conf", tool: "nano")])
        #expect(file.draft.redactions == 2)
        for secret in HistoryFixtures.fishSecrets { #expect(!file.text.contains(secret)) }
    }

    @Test("without timestamps: one session, named after the history file")
    func untimed() throws {
        var options = DraftOptions(source: "/home/ada/.bash_history")
        options.session = .all
        let files = try HistoryDrafter(config: Config()).drafts(from: Array(HistoryFixtures.bashPlain.utf8), options: options)
        #expect(files.map(\.name) == ["bash-history-session-1.md"])
        #expect(files[0].text.contains("session 1 of 1, which has no timestamps."))
        #expect(commands(in: files[0].text, section: "Mitigation") == [
            "curl -XPOST 'localhost:9200/_cluster/reroute?retry_failed=true'", "sudo systemctl restart elasticsearch",
        ])
    }

    @Test("when no command survives, the draft says so and asks whether the fix was made elsewhere")
    func nothingSurvives() throws {
        let file = try #require(try drafts(Array("#1709647200\nls\n#1709647210\ncd /tmp\n#1709647220\nls\n".utf8)).first)
        #expect(file.draft.kept == 0)
        #expect(file.text.contains("No command survived: all 3 commands of the session were noise or repeats."))
        #expect(file.text.contains("Was the fix made outside the shell"))
    }

    @Test("--since keeps later commands only; --title names the draft")
    func sinceAndTitle() throws {
        let files = try drafts(Array(HistoryFixtures.bash.utf8)) {
            $0.since = UTCTime.parse("2024-03-05T14:06")
            $0.session = .all
            $0.title = "Payments API returns 503"
        }
        #expect(files.map(\.name) == ["payments-api-returns-503.md"])
        #expect(files[0].text.contains("title: Payments API returns 503\n"))
        #expect(files[0].draft.sessionCount == 1)
    }

    @Test("the drafted runbook uses the configured sections")
    func configuredSections() throws {
        let config = "sections: {required: [Overview, Investigation, Remediation], commands: {Remediation: 1}}"
        let file = try #require(try drafts(Array(HistoryFixtures.bash.utf8), config: config).first)
        #expect(file.text.contains("## Overview\n\nTODO: write the Overview section."))
        let parsed = RunbookParser(config: try ConfigParser(path: "runbook.yml").parse(config)).parse(path: "runbooks/x.md", text: file.text)
        #expect(parsed.sections.map(\.name) == ["Overview", "Investigation", "Remediation"])
        #expect(parsed.steps.filter { $0.section == "Remediation" }.count == 2)
    }

    @Test("an empty history is an error that says so")
    func emptyHistory() {
        #expect {
            try drafts(Array("\n\n".utf8))
        } throws: { error in
            "\(error)".contains("'history' holds no commands")
        }
    }

    @Test("a session number past the last, or --since on a history without times, is an error")
    func badChoices() {
        #expect(throws: AuthoringError.self) { try drafts(Array(HistoryFixtures.bash.utf8)) { $0.session = .number(3) } }
        #expect(throws: AuthoringError.self) {
            try drafts(Array(HistoryFixtures.bashPlain.utf8)) { $0.since = 1_709_647_200 }
        }
        #expect(throws: AuthoringError.self) { try drafts(Array(HistoryFixtures.bash.utf8)) { $0.since = 1_809_647_200 } }
    }
}
