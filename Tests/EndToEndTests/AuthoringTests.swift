import Foundation
import Testing

/// `runbook new`, `runbook draft` and the `bad-pattern` rule, through the binary.
@Suite("Writing runbooks: new and draft")
struct AuthoringTests {
    /// An incident in bash history with timestamps: noise, a repeat, secrets, a file
    /// edited by hand, then a second session after an hour.
    static let history = """
        #1709647200
        cd /etc/nginx
        #1709647205
        ls -la
        #1709647210
        kubectl get pods -n web
        #1709647215
        kubectl get pods -n web
        #1709647220
        curl -sI -H 'Authorization: Bearer s3cr3t-t0ken' https://web.internal/healthz
        #1709647230
        export DATADOG_API_KEY=0123456789abcdef
        #1709647240
        vim nginx.conf
        #1709647250
        sudo nginx -s reload
        #1709647260
        clear
        #1709650800
        df -h
        #1709650810
        sudo systemctl restart nginx

        """

    private func repoWithHistory(_ text: String = history) async throws -> FixtureRepository {
        let repo = try await FixtureRepository()
        try repo.write("bash_history", text)
        return repo
    }

    private func read(_ repo: FixtureRepository, _ path: String) -> String? {
        FileManager.default.contents(atPath: repo.path + "/" + path).map { String(decoding: $0, as: UTF8.self) }
    }

    // MARK: new

    @Test("new writes a runbook that lint rejects until its placeholders are replaced")
    func newThenLint() async throws {
        let repo = try await FixtureRepository()
        let created = try await repo.runbook(
            "new", "Disk full on /var", "--dir", "storage", "--owner", "team-storage", "--severity", "critical",
            "--alert", "NodeDiskFull", "DiskAlmostFull")
        #expect(created.status == 0, "\(created)")
        #expect(created.stdout == "created runbooks/storage/disk-full-on-var.md\n", "\(created)")
        let text = try #require(read(repo, "runbooks/storage/disk-full-on-var.md"))
        #expect(text.contains("owner: team-storage\nseverity: critical\nstatus: draft\ntags: []\nalerts: [NodeDiskFull, DiskAlmostFull]\n"))

        let linted = try await repo.runbook("lint")
        #expect(linted.status == 1, "\(linted)")
        #expect(linted.stdout.contains("runbooks/storage/disk-full-on-var.md:14:1: error: placeholder 'TODO'"), "\(linted)")
        #expect(linted.stdout.contains("[too-few-commands]"), "\(linted)")

        var finished = text.replacingOccurrences(of: "# TODO: the command to run", with: "df -h /var")
        finished = finished.replacingOccurrences(
            of: "TODO: add the commands (this section needs at least 2 commands, sections.commands in runbook.yml), each in its own fenced block:",
            with: "```bash\ndu -xsh /var/* | sort -h | tail\n```")
        finished = finished.replacingOccurrences(of: "TODO: ", with: "")
        finished = finished.replacingOccurrences(of: "TODO", with: "")
        try repo.write("runbooks/storage/disk-full-on-var.md", finished)
        let clean = try await repo.runbook("lint")
        #expect(clean.status == 0, "\(clean)\n\(finished)")
    }

    @Test("new never replaces a file, even one it wrote itself")
    func newNeverOverwrites() async throws {
        let repo = try await FixtureRepository()
        try repo.write("runbooks/dns.md", "mine\n")
        let result = try await repo.runbook("new", "DNS")
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("runbooks/dns.md' already exists"), "\(result)")
        #expect(read(repo, "runbooks/dns.md") == "mine\n")
    }

    @Test("new: usage errors exit 2", arguments: [
        ["new", " "], ["new", "DNS", "--dir", "../outside"], ["new", "DNS", "--name", "a/b"], ["new", "ディスク"],
    ])
    func newUsage(arguments: [String]) async throws {
        let repo = try await FixtureRepository()
        let result = try await repo.runbook(arguments)
        #expect(result.status == 2, "\(result)")
        #expect(!result.stderr.isEmpty)
    }

    // MARK: draft

    @Test("draft writes the last session by default, and every session with --session all")
    func draftSessions() async throws {
        let repo = try await repoWithHistory()
        let last = try await repo.runbook("draft", "--history", "bash_history")
        #expect(last.status == 0, "\(last)")
        #expect(last.stdout == "wrote runbooks/drafts/2024-03-05-1500.md: session 2 of 2, 2 commands seen, 2 kept, 0 dropped\n", "\(last)")
        let all = try await repo.runbook("draft", "--history", "bash_history", "--session", "all", "--out", "incidents")
        #expect(all.status == 0, "\(all)")
        #expect(all.stdoutLines == [
            "wrote incidents/2024-03-05-1400.md: session 1 of 2, 9 commands seen, 4 kept, 4 dropped, 1 file edited, 2 secrets redacted",
            "wrote incidents/2024-03-05-1500.md: session 2 of 2, 2 commands seen, 2 kept, 0 dropped",
        ], "\(all)")
        let first = try #require(read(repo, "incidents/2024-03-05-1400.md"))
        #expect(!first.contains("s3cr3t-t0ken") && !first.contains("0123456789abcdef"))
        #expect(first.contains("curl -sI -H 'Authorization: Bearer [REDACTED]' https://web.internal/healthz"))
        #expect(first.contains("- `/etc/nginx/nginx.conf` (vim)"))
        #expect(first.contains("## Mitigation\n\nCommands from the session that changed something, in the order they were typed."))
        #expect(first.contains("```bash\n# in /etc/nginx\nsudo nginx -s reload\n```"))
        #expect(first.contains("status: draft\n"))
        #expect(first.contains("draft_hash: "))
    }

    @Test("a draft fails lint until a human has finished it")
    func draftThenLint() async throws {
        let repo = try await repoWithHistory()
        #expect(try await repo.runbook("draft", "--history", "bash_history").status == 0)
        let linted = try await repo.runbook("lint")
        #expect(linted.status == 1, "\(linted)")
        #expect(linted.stdout.contains("runbooks/drafts/2024-03-05-1500.md"), "\(linted)")
        #expect(linted.stdout.contains("[placeholder]"), "\(linted)")
    }

    @Test("zsh and fish histories are detected and drafted")
    func otherShells() async throws {
        let repo = try await FixtureRepository()
        // A continuation the engineer typed (`\` Enter) is stored as `\\` at the line's end.
        try repo.write("zsh_history", ": 1709647200:0;kubectl get nodes\n: 1709647210:0;kubectl drain node-3 \\\\\n  --ignore-daemonsets\n")
        try repo.write("fish_history", "- cmd: systemctl status etcd\n  when: 1709647200\n- cmd: systemctl restart etcd\n  when: 1709647210\n")
        let zsh = try await repo.runbook("draft", "--history", "zsh_history", "--out", "z")
        #expect(zsh.status == 0, "\(zsh)")
        #expect(read(repo, "z/2024-03-05-1400.md")?.contains("(zsh), session 1 of 1") == true)
        #expect(read(repo, "z/2024-03-05-1400.md")?.contains("```bash\nkubectl drain node-3 \\\n  --ignore-daemonsets\n```") == true)
        let fish = try await repo.runbook("draft", "--history", "fish_history", "--out", "f", "--title", "etcd down", "--host", "etcd-1")
        #expect(fish.status == 0, "\(fish)")
        let text = try #require(read(repo, "f/etcd-down.md"))
        #expect(text.contains("(fish), session 1 of 1: 2024-03-05 14:00 UTC, on etcd-1."))
        #expect(text.contains("```bash\nsystemctl restart etcd\n```"))
    }

    // MARK: overwrite protections

    @Test("draft never replaces a file without --force, nor a human's edits without --force-human")
    func overwriteProtections() async throws {
        let repo = try await repoWithHistory()
        let path = "runbooks/drafts/2024-03-05-1500.md"
        #expect(try await repo.runbook("draft", "--history", "bash_history").status == 0)
        let written = try #require(read(repo, path))

        // The same draft again: nothing to do.
        let same = try await repo.runbook("draft", "--history", "bash_history")
        #expect(same.status == 0 && same.stdout.hasPrefix("unchanged \(path)"), "\(same)")

        // A different draft for the same file: refused without --force, replaced with it.
        let refused = try await repo.runbook("draft", "--history", "bash_history", "--host", "web-1")
        #expect(refused.status == 2, "\(refused)")
        #expect(refused.stderr.contains("'\(path)' already exists; it is left alone"), "\(refused)")
        #expect(refused.stderr.contains("--force replaces drafts nobody has edited"), "\(refused)")
        #expect(read(repo, path) == written)
        let forced = try await repo.runbook("draft", "--history", "bash_history", "--host", "web-1", "--force")
        #expect(forced.status == 0 && forced.stdout.hasPrefix("replaced \(path)"), "\(forced)")

        // A human edits it: --force no longer replaces it; --force-human does.
        let edited = try #require(read(repo, path)).replacingOccurrences(of: "TODO: what is broken", with: "Nginx stopped serving")
        try repo.write(path, edited)
        let kept = try await repo.runbook("draft", "--history", "bash_history", "--force")
        #expect(kept.status == 2, "\(kept)")
        #expect(kept.stderr.contains("was edited since it was drafted"), "\(kept)")
        #expect(read(repo, path) == edited)
        let replaced = try await repo.runbook("draft", "--history", "bash_history", "--force-human")
        #expect(replaced.status == 0, "\(replaced)")
        #expect(read(repo, path) == written)
    }

    @Test("when one draft is refused, none is written")
    func allOrNothing() async throws {
        let repo = try await repoWithHistory()
        try repo.write("runbooks/drafts/2024-03-05-1500.md", "my notes\n")
        let result = try await repo.runbook("draft", "--history", "bash_history", "--session", "all", "--force")
        #expect(result.status == 2, "\(result)")
        #expect(read(repo, "runbooks/drafts/2024-03-05-1400.md") == nil)
        #expect(read(repo, "runbooks/drafts/2024-03-05-1500.md") == "my notes\n")
    }

    // MARK: redaction, one case at a time

    @Test("each kind of secret is redacted before anything is written", arguments: [
        ("mysql -u root -pS3cretPw app", "S3cretPw", "mysql -u root -p[REDACTED] app"),
        ("psql --password=S3cretPw -h db-1", "S3cretPw", "psql --password=[REDACTED] -h db-1"),
        ("export GITLAB_TOKEN=glpat-abcdefghij0123456789", "glpat-abcdefghij0123456789", "export GITLAB_TOKEN=[REDACTED]"),
        ("VAULT_TOKEN=hvs.s3cretvalue vault status", "hvs.s3cretvalue", "VAULT_TOKEN=[REDACTED] vault status"),
        ("curl -H 'Authorization: Basic YWRtaW46cGFzcw==' https://x.internal", "YWRtaW46cGFzcw==", "'Authorization: Basic [REDACTED]'"),
        ("curl https://admin:S3cretPw@x.internal/api", "S3cretPw", "https://admin:[REDACTED]@x.internal/api"),
        ("aws s3 ls --profile ops # AKIAIOSFODNN7EXAMPLE", "AKIAIOSFODNN7EXAMPLE", "aws s3 ls --profile ops # [REDACTED]"),
        ("echo xoxb-123456789012-abcdefghijkl | slack-notify", "xoxb-123456789012-abcdefghijkl", "echo [REDACTED] | slack-notify"),
    ])
    func redaction(command: String, secret: String, written: String) async throws {
        let repo = try await repoWithHistory("#1709647200\n\(command)\n")
        let result = try await repo.runbook("draft", "--history", "bash_history")
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.hasSuffix(", 1 secret redacted\n"), "\(result)")
        let text = try #require(read(repo, "runbooks/drafts/2024-03-05-1400.md"))
        #expect(!text.contains(secret), "\(text)")
        #expect(text.contains(written), "\(text)")
        #expect(text.contains("1 secret value was redacted and shows as `[REDACTED]`"), "\(text)")
    }

    // MARK: errors

    @Test("draft: bad input and usage errors exit 2 and say why", arguments: [
        (["draft"], "--history"),
        (["draft", "--history", "nowhere"], "history file 'nowhere' does not exist"),
        (["draft", "--history", "bash_history", "--gap", "5"], "--gap"),
        (["draft", "--history", "bash_history", "--session", "0"], "--session"),
        (["draft", "--history", "bash_history", "--session", "7"], "there is no session 7"),
        (["draft", "--history", "bash_history", "--since", "tomorrow"], "--since"),
        (["draft", "--history", "bash_history", "--shell", "csh"], "csh"),
        (["draft", "--history", "empty"], "holds no commands"),
    ])
    func draftErrors(arguments: [String], message: String) async throws {
        let repo = try await repoWithHistory()
        try repo.write("empty", "\n")
        let result = try await repo.runbook(arguments)
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains(message), "\(result)")
        #expect(!FileManager.default.fileExists(atPath: repo.path + "/runbooks/drafts"))
    }

    @Test("a bad drafts or noise setting is a config error naming the line and key")
    func configErrors() async throws {
        let repo = try await repoWithHistory()
        try repo.write("runbook.yml", "root: runbooks\ndrafts: ../elsewhere\n")
        let result = try await repo.runbook("draft", "--history", "bash_history")
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.hasPrefix("runbook.yml:2:9: error: drafts: expected a folder relative to root"), "\(result)")
    }

    // MARK: bad-pattern

    @Test("an invalid pattern in front matter is a lint error at its line")
    func badPattern() async throws {
        let repo = try await FixtureRepository()
        let runbook = Fixtures.valid().replacingOccurrences(
            of: "status: approved\n", with: "status: approved\npatterns:\n  - 'SERVFAIL'\n  - 'lookup (.* timed out'\n")
        try repo.write("runbooks/dns.md", runbook)
        let result = try await repo.runbook("lint")
        #expect(result.status == 1, "\(result)")
        #expect(result.stdoutLines.count == 1, "\(result)")
        #expect(result.stdout.hasPrefix("runbooks/dns.md:8:5: error: pattern 'lookup (.* timed out' cannot be used: "), "\(result)")
        #expect(result.stdout.hasSuffix("[bad-pattern]\n"), "\(result)")
    }
}
