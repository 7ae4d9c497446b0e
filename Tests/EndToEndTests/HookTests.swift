import Foundation
import Testing

@Suite("runbook hook install, with real Git commits and pushes")
struct HookTests {
    // MARK: pre-commit

    private func installPreCommit(in repo: FixtureRepository) async throws {
        let install = try await repo.runbook("hook", "install", "--pre-commit")
        #expect(install.status == 0, "\(install)")
    }

    @Test("pre-commit: a commit of a broken runbook is refused, a good one accepted")
    func preCommit() async throws {
        let repo = try await FixtureRepository()
        try repo.write("README.md", "# Runbooks\n")
        try await repo.commitAll("Initial commit")
        let before = try await repo.revParse("HEAD")

        let install = try await repo.runbook("hook", "install", "--pre-commit")
        #expect(install.status == 0, "\(install)")
        #expect(install.stdoutLines == ["installed pre-commit hook: \(repo.path)/.git/hooks/pre-commit"], "\(install)")
        #expect(FileManager.default.isExecutableFile(atPath: repo.path + "/.git/hooks/pre-commit"))

        try repo.write("runbooks/dns.md", Fixtures.broken)
        try await repo.add("runbooks/dns.md")
        let refused = try await repo.commitStaged("Add a broken runbook", verify: true)
        #expect(refused.status != 0, "\(refused)")
        let output = refused.stdout + refused.stderr
        for line in Fixtures.brokenLines("runbooks/dns.md") {
            #expect(output.contains(line), "\(refused)")
        }
        #expect(try await repo.revParse("HEAD") == before, "nothing was committed")

        try repo.write("runbooks/dns.md", Fixtures.valid())
        try await repo.add("runbooks/dns.md")
        let accepted = try await repo.commitStaged("Add the DNS runbook", verify: true)
        #expect(accepted.status == 0, "\(accepted)")
        #expect(try await repo.revParse("HEAD") != before)
        let committed = try await repo.git(["show", "HEAD:runbooks/dns.md"]).stdout
        #expect(committed == Fixtures.valid())
    }

    @Test("pre-commit judges what is staged, not what is on disk")
    func preCommitUsesIndex() async throws {
        let repo = try await FixtureRepository()
        try await installPreCommit(in: repo)
        try repo.write("runbooks/dns.md", Fixtures.valid())
        try await repo.add("runbooks/dns.md")
        try repo.write("runbooks/dns.md", Fixtures.broken)
        let accepted = try await repo.commitStaged("Add the good version", verify: true)
        #expect(accepted.status == 0, "\(accepted)")
    }

    @Test("pre-commit in the first commit of a repository, and with a broken runbook among good ones")
    func preCommitFirstCommit() async throws {
        let repo = try await FixtureRepository()
        try await installPreCommit(in: repo)
        try repo.write("runbooks/dns.md", Fixtures.valid())
        try repo.write("runbooks/storage/disk-full.md", Fixtures.broken)
        try await repo.git(["add", "-A"])
        let refused = try await repo.commitStaged("Initial runbooks", verify: true)
        #expect(refused.status != 0, "\(refused)")
        #expect((refused.stdout + refused.stderr).contains(Fixtures.brokenLines("runbooks/storage/disk-full.md")[0]), "\(refused)")
        let head = try await repo.gitAllowingFailure(["rev-parse", "--verify", "-q", "HEAD"])
        #expect(head.status != 0, "no commit was made: \(head)")
    }

    @Test("the hook works with a minimal PATH: it calls the binary by its absolute path")
    func preCommitMinimalPath() async throws {
        let repo = try await FixtureRepository()
        try await installPreCommit(in: repo)
        let script = try String(contentsOfFile: repo.path + "/.git/hooks/pre-commit", encoding: .utf8)
        #expect(script.contains(RunbookProcess.binary), "\(script)")
        try repo.write("runbooks/dns.md", Fixtures.broken)
        try await repo.add("runbooks/dns.md")
        let which = try await RunbookProcess.run("/bin/sh", ["-c", "command -v git"], in: repo.path, environment: repo.environment)
        let gitExecutable = which.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        // Only what git and sh need: no runbook on this PATH.
        var environment = repo.environment
        environment["PATH"] = "/usr/bin:/bin"
        let refused = try await RunbookProcess.run(
            gitExecutable, ["commit", "-q", "-m", "Broken"], in: repo.path, environment: environment)
        #expect(refused.status != 0, "\(refused)")
        #expect((refused.stdout + refused.stderr).contains(Fixtures.brokenLines("runbooks/dns.md")[0]), "\(refused)")
    }

    @Test("an existing hook is not overwritten without --force, and is with it")
    func noOverwriteWithoutForce() async throws {
        let repo = try await FixtureRepository()
        let hook = repo.path + "/.git/hooks/pre-commit"
        let theirs = "#!/bin/sh\n# The team's own hook\nexit 0\n"
        try theirs.write(toFile: hook, atomically: true, encoding: .utf8)

        let refused = try await repo.runbook("hook", "install", "--pre-commit")
        #expect(refused.status == 2, "\(refused)")
        #expect(refused.stderr.contains("already exists"), "\(refused)")
        #expect(refused.stderr.contains("--force"), "\(refused)")
        #expect(refused.stderr.contains(hook), "\(refused)")
        #expect(try String(contentsOfFile: hook, encoding: .utf8) == theirs, "the hook is untouched")

        let forced = try await repo.runbook("hook", "install", "--pre-commit", "--force")
        #expect(forced.status == 0, "\(forced)")
        #expect(forced.stdoutLines == ["replaced pre-commit hook: \(hook)"], "\(forced)")
        let script = try String(contentsOfFile: hook, encoding: .utf8)
        #expect(script.contains("lint --staged"), "\(script)")
        #expect(FileManager.default.isExecutableFile(atPath: hook))

        // Installing the same hook again is harmless.
        let again = try await repo.runbook("hook", "install", "--pre-commit")
        #expect(again.status == 0, "\(again)")
        #expect(try String(contentsOfFile: hook, encoding: .utf8) == script)

        // And the forced hook works.
        try repo.write("runbooks/dns.md", Fixtures.broken)
        try await repo.add("runbooks/dns.md")
        let commit = try await repo.commitStaged("Broken", verify: true)
        #expect(commit.status != 0, "\(commit)")
    }

    @Test("--pre-commit in a bare repository exits 2")
    func preCommitInBare() async throws {
        let server = try await FixtureRepository(name: "server.git", bare: true)
        let result = try await server.runbook(["hook", "install", "--pre-commit", "--repo", server.path], in: server.sandbox)
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("bare"), "\(result)")
        #expect(!FileManager.default.fileExists(atPath: server.path + "/hooks/pre-commit"))
    }

    @Test("hook install outside a repository exits 2")
    func installOutsideRepository() async throws {
        let repo = try await FixtureRepository()
        let result = try await repo.runbook(["hook", "install", "--pre-commit"], in: repo.home)
        #expect(result.status == 2, "\(result)")
    }

    // MARK: pre-receive

    /// A working repository with one good commit, pushed to a bare "server" with the pre-receive hook.
    private func serverWithHook() async throws -> (client: FixtureRepository, server: FixtureRepository) {
        let client = try await FixtureRepository(name: "client")
        try client.write("runbooks/dns.md", Fixtures.valid())
        try await client.commitAll("Add the DNS runbook")
        let server = try await client.cloneBare()
        try await client.git(["remote", "add", "origin", server.path])
        try await client.git(["fetch", "-q", "origin"])
        let install = try await server.runbook(["hook", "install", "--pre-receive", "--repo", server.path], in: server.sandbox)
        #expect(install.status == 0, "\(install)")
        #expect(install.stdoutLines == ["installed pre-receive hook: \(server.path)/hooks/pre-receive"], "\(install)")
        return (client, server)
    }

    @Test("pre-receive: a push of a broken runbook is refused with the problems, a good push accepted")
    func preReceive() async throws {
        let (client, server) = try await serverWithHook()
        let before = try await server.revParse("main")

        try client.write("runbooks/storage/disk-full.md", Fixtures.broken)
        try await client.commitAll("Draft the disk runbook")
        let refused = try await client.gitAllowingFailure(["push", "origin", "main"])
        #expect(refused.status != 0, "\(refused)")
        for line in Fixtures.brokenLines("runbooks/storage/disk-full.md") {
            #expect(refused.remoteLines.contains(line), "\(line)\n\(refused)")
        }
        #expect(refused.remoteLines.contains { $0.hasPrefix("runbook: rejected refs/heads/main") }, "\(refused)")
        #expect(try await server.revParse("main") == before, "the server's branch did not move")

        try client.write("runbooks/storage/disk-full.md", Fixtures.valid(summary: "The disk is full."))
        try await client.commitAll("Finish the disk runbook")
        let accepted = try await client.gitAllowingFailure(["push", "origin", "main"])
        #expect(accepted.status == 0, "\(accepted)")
        #expect(try await server.revParse("main") == client.revParse("main"))
    }

    @Test("pre-receive: a new branch is checked too; one bad ref of several rejects the push")
    func preReceiveNewBranches() async throws {
        let (client, server) = try await serverWithHook()
        try await client.git(["checkout", "-q", "-b", "good"])
        try client.write("runbooks/good.md", Fixtures.valid(summary: "Good."))
        try await client.commitAll("Good branch")
        try await client.git(["checkout", "-q", "-b", "bad", "main"])
        try client.write("runbooks/bad.md", Fixtures.broken)
        try await client.commitAll("Bad branch")

        let refused = try await client.gitAllowingFailure(["push", "origin", "good", "bad"])
        #expect(refused.status != 0, "\(refused)")
        #expect(refused.remoteLines.contains(Fixtures.brokenLines("runbooks/bad.md")[0]), "\(refused)")
        #expect(refused.remoteLines.contains { $0.hasPrefix("runbook: rejected refs/heads/bad:") }, "\(refused)")
        #expect(!refused.remoteLines.contains { $0.hasPrefix("runbook: rejected refs/heads/good:") }, "\(refused)")
        let branches = try await server.git(["for-each-ref", "--format=%(refname)", "refs/heads"]).stdoutLines
        #expect(branches == ["refs/heads/main"], "pre-receive is all or nothing")

        let accepted = try await client.gitAllowingFailure(["push", "origin", "good"])
        #expect(accepted.status == 0, "\(accepted)")
    }

    @Test("pre-receive: deleting a branch is accepted, even one whose tree is broken")
    func preReceiveDeletion() async throws {
        let client = try await FixtureRepository(name: "client")
        try client.write("runbooks/dns.md", Fixtures.valid())
        try await client.commitAll("Add the DNS runbook")
        let server = try await client.cloneBare()
        try await client.git(["remote", "add", "origin", server.path])
        // A broken branch pushed before the hook existed.
        try await client.git(["checkout", "-q", "-b", "old-draft"])
        try client.write("runbooks/draft.md", Fixtures.broken)
        try await client.commitAll("Old draft")
        try await client.git(["push", "-q", "origin", "old-draft"])
        try await client.git(["checkout", "-q", "main"])

        let install = try await server.runbook(["hook", "install", "--pre-receive", "--repo", server.path], in: server.sandbox)
        #expect(install.status == 0, "\(install)")

        let deleted = try await client.gitAllowingFailure(["push", "origin", "--delete", "old-draft"])
        #expect(deleted.status == 0, "\(deleted)")
        let branches = try await server.git(["for-each-ref", "--format=%(refname)", "refs/heads"]).stdoutLines
        #expect(branches == ["refs/heads/main"], "\(deleted)")
    }

    @Test("pre-receive: a push that only adds a tag to a good commit is accepted")
    func preReceiveTag() async throws {
        let (client, _) = try await serverWithHook()
        try await client.git(["tag", "-a", "v1", "-m", "Release 1"])
        let pushed = try await client.gitAllowingFailure(["push", "origin", "v1"])
        #expect(pushed.status == 0, "\(pushed)")
    }

    @Test("pre-receive: a pushed runbook.yml with a mistake rejects the push")
    func preReceiveBadConfig() async throws {
        let (client, server) = try await serverWithHook()
        let before = try await server.revParse("main")
        try client.write("runbook.yml", "root: runbooks\nsectons: {}\n")
        try await client.commitAll("Add a config with a typo")
        let refused = try await client.gitAllowingFailure(["push", "origin", "main"])
        #expect(refused.status != 0, "\(refused)")
        #expect(refused.remoteLines.contains { $0.hasPrefix("runbook.yml:2:1: error: sectons: unknown key") }, "\(refused)")
        #expect(try await server.revParse("main") == before)
    }
}

extension ProcessResult {
    /// What a server-side hook printed, as git relays it: the lines of stderr
    /// after "remote: ", without the padding git adds to clear the terminal line.
    var remoteLines: [String] {
        stderrLines.compactMap { line in
            guard line.hasPrefix("remote: ") else { return nil }
            var text = String(line.dropFirst("remote: ".count))
            if text.hasSuffix("\u{1B}[K") { text.removeLast(3) }
            while text.last == " " { text.removeLast() }
            return String(text)
        }
    }
}
