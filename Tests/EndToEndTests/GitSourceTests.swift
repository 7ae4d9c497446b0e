import Foundation
import Testing

@Suite("lint: the index (--staged) and commits (--rev)")
struct GitSourceTests {
    // MARK: --staged

    @Test("--staged: index clean but the file on disk broken → 0 (the disk is not read)")
    func stagedCleanDiskBroken() async throws {
        let repo = try await FixtureRepository()
        try repo.write("runbooks/dns.md", Fixtures.valid())
        try await repo.commitAll("Add the DNS runbook")
        try repo.write("runbooks/dns.md", Fixtures.valid(summary: "Names in the cluster stop resolving."))
        try await repo.add("runbooks/dns.md")
        try repo.write("runbooks/dns.md", Fixtures.broken)

        let staged = try await repo.runbook("lint", "--staged")
        #expect(staged.status == 0, "\(staged)")
        #expect(staged.stdout.isEmpty, "\(staged)")
        #expect(staged.stderrLines == [Fixtures.summary(runbooks: 1)], "the staged change is linted: \(staged)")

        let disk = try await repo.runbook("lint")
        #expect(disk.status == 1, "\(disk)")
        #expect(disk.stdoutLines == Fixtures.brokenLines("runbooks/dns.md"), "\(disk)")
    }

    @Test("--staged: index broken but the file on disk fixed → 1 (what would be committed is broken)")
    func stagedBrokenDiskFixed() async throws {
        let repo = try await FixtureRepository()
        try repo.write("runbooks/other.md", Fixtures.valid())
        try await repo.commitAll("Initial runbook")
        try repo.write("runbooks/dns.md", Fixtures.broken)
        try await repo.add("runbooks/dns.md")
        try repo.write("runbooks/dns.md", Fixtures.valid())

        let staged = try await repo.runbook("lint", "--staged")
        #expect(staged.status == 1, "\(staged)")
        #expect(staged.stdoutLines == Fixtures.brokenLines("runbooks/dns.md"), "\(staged)")
        #expect(staged.stderrLines == [Fixtures.summary(runbooks: 1, errors: 2)], "\(staged)")

        let disk = try await repo.runbook("lint")
        #expect(disk.status == 0, "\(disk)")
    }

    @Test("--staged before the first commit lints every staged runbook")
    func stagedWithoutCommits() async throws {
        let repo = try await FixtureRepository()
        try repo.write("runbooks/dns.md", Fixtures.valid())
        try repo.write("runbooks/broken.md", Fixtures.broken)
        try repo.write("runbooks/untracked.md", Fixtures.broken)
        try await repo.add("runbooks/dns.md", "runbooks/broken.md")
        let result = try await repo.runbook("lint", "--staged")
        #expect(result.status == 1, "\(result)")
        #expect(result.stdoutLines == Fixtures.brokenLines("runbooks/broken.md"), "\(result)")
        #expect(result.stderrLines == [Fixtures.summary(runbooks: 2, errors: 2)], "\(result)")
    }

    @Test("--staged lints only runbooks that differ from HEAD, and all of them when runbook.yml changes")
    func stagedOnlyChanged() async throws {
        let repo = try await FixtureRepository()
        // A broken runbook already committed (with hooks skipped) is not this commit's business...
        try repo.write("runbooks/legacy.md", Fixtures.broken)
        try repo.write("runbooks/dns.md", Fixtures.valid())
        try await repo.commitAll("Import old runbooks")
        try repo.write("runbooks/new.md", Fixtures.valid(summary: "A new one."))
        try await repo.add("runbooks/new.md")
        let onlyNew = try await repo.runbook("lint", "--staged")
        #expect(onlyNew.status == 0, "\(onlyNew)")
        #expect(onlyNew.stderrLines == [Fixtures.summary(runbooks: 1)], "\(onlyNew)")

        // ...until the config changes, which changes what every runbook must be.
        try repo.write("runbook.yml", "rules: {placeholder: warning}\n")
        try await repo.add("runbook.yml")
        let all = try await repo.runbook("lint", "--staged")
        #expect(all.status == 1, "\(all)")
        #expect(all.stdoutLines == Fixtures.brokenLines("runbooks/legacy.md"), "\(all)")
        #expect(all.stderrLines == [Fixtures.summary(runbooks: 3, errors: 2)], "\(all)")
    }

    @Test("--staged uses the staged runbook.yml, not the one on disk")
    func stagedConfig() async throws {
        let repo = try await FixtureRepository()
        try repo.write("runbook.yml", "rules: {placeholder: warning}\n")
        try repo.write("runbooks/dns.md", Fixtures.withTODO)
        try await repo.add("runbook.yml", "runbooks/dns.md")
        try repo.write("runbook.yml", "rules: {placeholder: error}\n")

        let staged = try await repo.runbook("lint", "--staged")
        #expect(staged.status == 0, "\(staged)")
        #expect(staged.stdoutLines == [Fixtures.placeholderLine("runbooks/dns.md", severity: "warning")], "\(staged)")

        let disk = try await repo.runbook("lint")
        #expect(disk.status == 1, "\(disk)")
        #expect(disk.stdoutLines == [Fixtures.placeholderLine("runbooks/dns.md")], "\(disk)")
    }

    @Test("--staged: a staged deletion is not linted")
    func stagedDeletion() async throws {
        let repo = try await FixtureRepository()
        try repo.write("runbooks/broken.md", Fixtures.broken)
        try repo.write("runbooks/dns.md", Fixtures.valid())
        try await repo.commitAll("Initial")
        try await repo.git(["rm", "-q", "runbooks/broken.md"])
        let result = try await repo.runbook("lint", "--staged")
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.isEmpty, "\(result)")
    }

    // MARK: --rev

    @Test("--rev on a branch lints that branch's tree, not the working tree")
    func revBranch() async throws {
        let repo = try await FixtureRepository()
        try repo.write("runbooks/dns.md", Fixtures.valid())
        try await repo.commitAll("Add the DNS runbook")
        try await repo.git(["checkout", "-q", "-b", "feature"])
        try repo.write("runbooks/storage/disk-full.md", Fixtures.broken)
        try await repo.commitAll("Draft the disk runbook")
        try await repo.git(["checkout", "-q", "main"])

        let feature = try await repo.runbook("lint", "--rev", "feature")
        #expect(feature.status == 1, "\(feature)")
        #expect(feature.stdoutLines == Fixtures.brokenLines("runbooks/storage/disk-full.md"), "\(feature)")
        #expect(feature.stderrLines == [Fixtures.summary(runbooks: 2, errors: 2)], "\(feature)")

        let main = try await repo.runbook("lint", "--rev", "main")
        #expect(main.status == 0, "\(main)")
        #expect(main.stdout.isEmpty, "\(main)")

        let full = try await repo.runbook("lint", "--rev", "refs/heads/feature")
        #expect(full.status == 1, "\(full)")
    }

    @Test("--rev on a tag (lightweight and annotated), HEAD and HEAD~1")
    func revTagAndAncestors() async throws {
        let repo = try await FixtureRepository()
        try repo.write("runbooks/dns.md", Fixtures.valid())
        try await repo.commitAll("Add the DNS runbook")
        try await repo.git(["tag", "v1"])
        try await repo.git(["tag", "-a", "v1-annotated", "-m", "Release 1"])
        try repo.write("runbooks/dns.md", Fixtures.broken)
        try await repo.commitAll("Break the DNS runbook")
        // The working tree is fixed again: --rev must not look at it.
        try repo.write("runbooks/dns.md", Fixtures.valid())

        for revision in ["v1", "v1-annotated", "HEAD~1", "HEAD^", "main~1"] {
            let result = try await repo.runbook("lint", "--rev", revision)
            #expect(result.status == 0, "\(revision): \(result)")
            #expect(result.stdout.isEmpty, "\(revision): \(result)")
            #expect(result.stderrLines == [Fixtures.summary(runbooks: 1)], "\(revision): \(result)")
        }
        let headID = try await repo.revParse("HEAD")
        for revision in ["HEAD", "main", headID, String(headID.prefix(10))] {
            let result = try await repo.runbook("lint", "--rev", revision)
            #expect(result.status == 1, "\(revision): \(result)")
            #expect(result.stdoutLines == Fixtures.brokenLines("runbooks/dns.md"), "\(revision): \(result)")
        }
    }

    @Test("--rev uses the runbook.yml of that commit")
    func revConfig() async throws {
        let repo = try await FixtureRepository()
        try repo.write("runbook.yml", "rules: {placeholder: warning}\n")
        try repo.write("runbooks/dns.md", Fixtures.withTODO)
        try await repo.commitAll("Warn on placeholders")
        try repo.write("runbook.yml", "rules: {placeholder: off}\n")

        let result = try await repo.runbook("lint", "--rev", "HEAD")
        #expect(result.status == 0, "\(result)")
        #expect(result.stdoutLines == [Fixtures.placeholderLine("runbooks/dns.md", severity: "warning")], "\(result)")
        #expect(result.stderrLines == [Fixtures.summary(runbooks: 1, warnings: 1)], "\(result)")
    }

    @Test("--rev in a bare repository with --repo, from outside it")
    func revInBareRepository() async throws {
        let repo = try await FixtureRepository()
        try repo.write("runbooks/dns.md", Fixtures.valid())
        try repo.write("runbooks/storage/disk-full.md", Fixtures.broken)
        try await repo.commitAll("Add runbooks")
        try await repo.git(["tag", "v1"])
        let server = try await repo.cloneBare()

        let result = try await server.runbook(["lint", "--rev", "main", "--repo", server.path], in: repo.sandbox)
        #expect(result.status == 1, "\(result)")
        #expect(result.stdoutLines == Fixtures.brokenLines("runbooks/storage/disk-full.md"), "\(result)")
        #expect(result.stderrLines == [Fixtures.summary(runbooks: 2, errors: 2)], "\(result)")

        let tag = try await server.runbook(["lint", "--rev", "v1", "--repo", server.path, "--format", "json"], in: repo.sandbox)
        #expect(tag.status == 1, "\(tag)")

        // Inside the bare repository, no --repo is needed.
        let inside = try await server.runbook(["lint", "--rev", "HEAD"], in: server.path)
        #expect(inside.status == 1, "\(inside)")
        #expect(inside.stdoutLines == Fixtures.brokenLines("runbooks/storage/disk-full.md"), "\(inside)")
    }

    @Test("a bare repository without --rev exits 2: there are no files on disk")
    func bareWithoutRevision() async throws {
        let repo = try await FixtureRepository()
        try repo.write("runbooks/dns.md", Fixtures.valid())
        try await repo.commitAll("Add the DNS runbook")
        let server = try await repo.cloneBare()
        let result = try await server.runbook(["lint", "--repo", server.path], in: repo.sandbox)
        #expect(result.status == 2, "\(result)")
        #expect(result.stdout.isEmpty, "\(result)")
        #expect(result.stderr.contains("bare repository"), "\(result)")
        #expect(result.stderr.contains("--rev"), "\(result)")
    }

    @Test("--staged in a bare repository exits 2: it has no index, so nothing would be checked")
    func bareStaged() async throws {
        let repo = try await FixtureRepository()
        try repo.write("runbooks/storage/disk-full.md", Fixtures.broken)
        try await repo.commitAll("Add a broken runbook")
        let server = try await repo.cloneBare()
        // A gate misconfigured this way must fail loudly, not pass having checked nothing.
        let result = try await server.runbook(["lint", "--staged", "--repo", server.path], in: repo.sandbox)
        #expect(result.status == 2, "\(result)")
        #expect(result.stdout.isEmpty, "\(result)")
        #expect(result.stderr.contains("bare"), "\(result)")
    }

    @Test("a bad revision exits 2 with a message naming it", arguments: ["no-such-branch", "HEAD~5", "v9.9.9", "0123456789abcdef0123456789abcdef01234567"])
    func badRevision(revision: String) async throws {
        let repo = try await FixtureRepository()
        try repo.write("runbooks/dns.md", Fixtures.valid())
        try await repo.commitAll("Add the DNS runbook")
        let result = try await repo.runbook("lint", "--rev", revision)
        #expect(result.status == 2, "\(result)")
        #expect(result.stdout.isEmpty, "\(result)")
        #expect(result.stderr.contains(revision), "\(result)")
    }

    @Test("--rev in a repository without commits exits 2")
    func revWithoutCommits() async throws {
        let repo = try await FixtureRepository()
        try repo.write("runbooks/dns.md", Fixtures.valid())
        let result = try await repo.runbook("lint", "--rev", "HEAD")
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("HEAD"), "\(result)")
    }

    @Test("--rev of a commit whose tree is a blob id or not a commit exits 2")
    func revNotACommit() async throws {
        let repo = try await FixtureRepository()
        try repo.write("runbooks/dns.md", Fixtures.valid())
        try await repo.commitAll("Add the DNS runbook")
        let blob = try await repo.revParse("HEAD:runbooks/dns.md")
        let result = try await repo.runbook("lint", "--rev", blob)
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains(blob), "\(result)")
    }
}
