import Foundation
import Testing

@Suite("lint: the working tree and explicit paths")
struct WorkingTreeAndPathTests {
    @Test("no arguments lints every runbook under runbooks/ on disk, committed or not")
    func workingTree() async throws {
        let repo = try await FixtureRepository()
        try repo.write("runbooks/dns.md", Fixtures.valid())
        try await repo.commitAll("Add the DNS runbook")
        try repo.write("runbooks/storage/disk-full.md", Fixtures.broken)
        try repo.write("runbooks/README.md", "# How to write runbooks\n")
        try repo.write("docs/notes.md", "# Not a runbook\n")

        let result = try await repo.runbook("lint")
        #expect(result.status == 1, "\(result)")
        #expect(result.stdoutLines == Fixtures.brokenLines("runbooks/storage/disk-full.md"), "\(result)")
        #expect(result.stderrLines == [Fixtures.summary(runbooks: 2, errors: 2)], "\(result)")
    }

    @Test("a clean working tree exits 0 with no output on stdout")
    func cleanWorkingTree() async throws {
        let repo = try await FixtureRepository()
        try repo.write("runbooks/dns.md", Fixtures.valid())
        try repo.write("runbooks/network/bgp.md", Fixtures.valid(summary: "BGP sessions flap."))
        let result = try await repo.runbook("lint")
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.isEmpty, "\(result)")
        #expect(result.stderrLines == [Fixtures.summary(runbooks: 2)], "\(result)")
    }

    @Test("no runbooks at all is clean, with a note saying why")
    func noRunbooks() async throws {
        let repo = try await FixtureRepository()
        try repo.write("README.md", "# Nothing here\n")
        let result = try await repo.runbook("lint")
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.isEmpty, "\(result)")
        #expect(result.stderr.contains("no runbooks found under 'runbooks/'"), "\(result)")
    }

    @Test("run from a subfolder, the working tree is still the repository's")
    func fromSubfolder() async throws {
        let repo = try await FixtureRepository()
        try repo.write("runbooks/team/broken.md", Fixtures.broken)
        let result = try await repo.runbook(["lint"], in: repo.path + "/runbooks/team")
        #expect(result.status == 1, "\(result)")
        #expect(result.stdoutLines == Fixtures.brokenLines("runbooks/team/broken.md"), "\(result)")
    }

    @Test("explicit files: only those are linted; a README and files outside runbooks/ are skipped")
    func explicitFiles() async throws {
        let repo = try await FixtureRepository()
        try repo.write("runbooks/dns.md", Fixtures.valid())
        try repo.write("runbooks/broken.md", Fixtures.broken)
        try repo.write("runbooks/other-broken.md", Fixtures.broken)
        try repo.write("runbooks/README.md", "not a runbook at all\n")
        try repo.write("docs/broken.md", Fixtures.broken)
        try repo.write("README.md", "# Project\n")

        let result = try await repo.runbook("lint", "runbooks/broken.md", "runbooks/README.md", "docs/broken.md", "README.md", "runbooks/dns.md")
        #expect(result.status == 1, "\(result)")
        #expect(result.stdoutLines == Fixtures.brokenLines("runbooks/broken.md"), "\(result)")
        #expect(result.stderrLines == [Fixtures.summary(runbooks: 2, errors: 2)], "\(result)")
    }

    @Test("only skipped files given: nothing to lint, exit 0")
    func onlySkippedFiles() async throws {
        let repo = try await FixtureRepository()
        try repo.write("runbooks/README.md", Fixtures.broken)
        try repo.write("docs/broken.md", Fixtures.broken)
        let result = try await repo.runbook("lint", "runbooks/README.md", "docs/broken.md")
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.isEmpty, "\(result)")
        #expect(result.stderrLines == [Fixtures.summary(runbooks: 0)], "\(result)")
    }

    @Test("paths are relative to the current directory and reported relative to the repository")
    func relativeToCurrentDirectory() async throws {
        let repo = try await FixtureRepository()
        try repo.write("runbooks/storage/broken.md", Fixtures.broken)
        let result = try await repo.runbook(["lint", "broken.md"], in: repo.path + "/runbooks/storage")
        #expect(result.status == 1, "\(result)")
        #expect(result.stdoutLines == Fixtures.brokenLines("runbooks/storage/broken.md"), "\(result)")

        let withRepo = try await repo.runbook(["lint", repo.path + "/runbooks/storage/broken.md", "--repo", repo.path], in: repo.sandbox)
        #expect(withRepo.status == 1, "\(withRepo)")
        #expect(withRepo.stdoutLines == Fixtures.brokenLines("runbooks/storage/broken.md"), "\(withRepo)")
    }

    @Test("a folder argument lints the runbooks under it, and only those")
    func folderArgument() async throws {
        let repo = try await FixtureRepository()
        try repo.write("runbooks/storage/disk-full.md", Fixtures.broken)
        try repo.write("runbooks/storage/deep/inode.md", Fixtures.withTODO)
        try repo.write("runbooks/storage/README.md", "# Storage runbooks\n")
        try repo.write("runbooks/network/broken.md", Fixtures.broken)

        let result = try await repo.runbook("lint", "runbooks/storage")
        #expect(result.status == 1, "\(result)")
        #expect(result.stdoutLines == [Fixtures.placeholderLine("runbooks/storage/deep/inode.md")] + Fixtures.brokenLines("runbooks/storage/disk-full.md"), "\(result)")
        #expect(result.stderrLines == [Fixtures.summary(runbooks: 2, errors: 3)], "\(result)")

        let trailingSlash = try await repo.runbook("lint", "runbooks/network/")
        #expect(trailingSlash.status == 1, "\(trailingSlash)")
        #expect(trailingSlash.stdoutLines == Fixtures.brokenLines("runbooks/network/broken.md"), "\(trailingSlash)")
    }

    @Test("the same file given twice is linted once")
    func duplicateArguments() async throws {
        let repo = try await FixtureRepository()
        try repo.write("runbooks/broken.md", Fixtures.broken)
        let result = try await repo.runbook("lint", "runbooks/broken.md", "./runbooks/broken.md", "runbooks")
        #expect(result.status == 1, "\(result)")
        #expect(result.stdoutLines == Fixtures.brokenLines("runbooks/broken.md"), "\(result)")
    }

    @Test("a missing file exits 2 and names it")
    func missingFile() async throws {
        let repo = try await FixtureRepository()
        try repo.write("runbooks/dns.md", Fixtures.valid())
        let result = try await repo.runbook("lint", "runbooks/dns.md", "runbooks/no-such-runbook.md")
        #expect(result.status == 2, "\(result)")
        #expect(result.stdout.isEmpty, "\(result)")
        #expect(result.stderr.contains("runbooks/no-such-runbook.md"), "\(result)")
        #expect(result.stderr.contains("no such file"), "\(result)")
    }

    @Test("a file outside the repository exits 2")
    func outsideRepository() async throws {
        let repo = try await FixtureRepository()
        try repo.write("runbooks/dns.md", Fixtures.valid())
        try Fixtures.broken.write(toFile: repo.sandbox + "/elsewhere.md", atomically: true, encoding: .utf8)
        let result = try await repo.runbook("lint", "../elsewhere.md")
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("elsewhere.md"), "\(result)")
    }

    @Test("outside any Git repository, files on disk under runbooks/ are still linted")
    func outsideGit() async throws {
        let repo = try await FixtureRepository()
        let plain = repo.sandbox + "/plain"
        try FileManager.default.createDirectory(atPath: plain + "/runbooks", withIntermediateDirectories: true)
        try Fixtures.broken.write(toFile: plain + "/runbooks/broken.md", atomically: true, encoding: .utf8)
        let result = try await repo.runbook(["lint"], in: plain)
        #expect(result.status == 1, "\(result)")
        #expect(result.stdoutLines == Fixtures.brokenLines("runbooks/broken.md"), "\(result)")
    }
}
