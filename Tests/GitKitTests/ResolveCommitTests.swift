import Testing
import GitKit

@Suite struct ResolveCommitTests {
    /// Two commits on main, a lightweight tag on the first, an annotated tag
    /// on the second, a branch on the first.
    private struct History {
        let fixture: TemporaryGitRepository
        let repository: Repository
        let first: String
        let second: String

        init() throws {
            fixture = try TemporaryGitRepository()
            try fixture.write("README.md", "# Readme\n")
            first = try fixture.commitAll("first")
            try fixture.write("runbooks/a.md", "# A\n")
            second = try fixture.commitAll("second")
            try fixture.git("tag", "v1", first)
            try fixture.git("tag", "-a", "v2", "-m", "release two")
            try fixture.git("branch", "feature", first)
            repository = try Repository.discover(startingAt: fixture.path)
        }
    }

    @Test func fixedDatesGiveTheSameCommitIdsEverywhere() throws {
        let history = try History()
        #expect(history.first == "8212216e4aa3879c082dcb56dccffe2a9c02bb9d")
        #expect(history.second == "046807a25e1074f88262009358defcdf92b48d02")
    }

    enum Expected: Sendable { case first, second }

    @Test(arguments: [
        ("main", .second), ("HEAD", .second), ("HEAD~1", .first), ("main^{commit}", .second),
        ("feature", .first), ("refs/heads/feature", .first), ("v1", .first), ("v2", .second),
        ("v2^{}", .second), ("tags/v2", .second), ("@", .second), ("@~1", .first), ("@^", .first),
        ("main@{0}", .second),
    ] as [(String, Expected)])
    func resolvesNamedRevisions(_ revision: String, _ expected: Expected) throws {
        let history = try History()
        let commit = try history.repository.resolveCommit(revision)
        #expect(commit.hex == (expected == .first ? history.first : history.second))
    }

    @Test func peelsAnAnnotatedTagToItsCommitNotTheTagObject() throws {
        let history = try History()
        let tagObject = try history.fixture.git("rev-parse", "v2")
        #expect(tagObject != history.second)
        #expect(try history.repository.resolveCommit("v2").hex == history.second)
        #expect(try history.repository.resolveCommit(tagObject).hex == history.second)
    }

    @Test func resolvesFullAndShortIds() throws {
        let history = try History()
        #expect(try history.repository.resolveCommit(history.first).hex == history.first)
        #expect(try history.repository.resolveCommit(String(history.first.prefix(7))).hex == history.first)
        #expect(try history.repository.resolveCommit(history.first.uppercased()).hex == history.first)
    }

    @Test func namesAnUnknownRevisionAndKeepsLibgit2sMessage() throws {
        let history = try History()
        let error = try #require(throws: GitError.self) { try history.repository.resolveCommit("nope") }
        #expect(error.code == -3)
        #expect(error.function == "git_revparse_single")
        #expect(error.message == "revspec 'nope' not found")
        #expect(error.description == "cannot resolve revision 'nope': revspec 'nope' not found (git_revparse_single)")
    }

    @Test func refusesARevisionThatIsNotACommit() throws {
        let history = try History()
        let error = try #require(throws: GitError.self) { try history.repository.resolveCommit("HEAD:README.md") }
        #expect(error.function == "git_object_peel")
        #expect(error.description.hasPrefix("revision 'HEAD:README.md' does not name a commit: "))
    }

    @Test(arguments: ["HEAD", "HEAD~1", "main", "@"])
    func explainsAnUnbornHead(_ revision: String) throws {
        let fixture = try TemporaryGitRepository()
        let repository = try Repository.discover(startingAt: fixture.path)
        let error = try #require(throws: GitError.self) { try repository.resolveCommit(revision) }
        #expect(error.function == "git_revparse_single")
        #expect(error.description.hasPrefix(
            "cannot resolve revision '\(revision)': HEAD has no commits yet (branch 'main' is unborn)"))
        #expect(!error.message.isEmpty)
        #expect(error.description.contains(error.message))
    }

    @Test func doesNotBlameAnUnbornHeadForAnUnrelatedRevision() throws {
        let fixture = try TemporaryGitRepository()
        let repository = try Repository.discover(startingAt: fixture.path)
        let error = try #require(throws: GitError.self) { try repository.resolveCommit("v9") }
        #expect(error.description == "cannot resolve revision 'v9': revspec 'v9' not found (git_revparse_single)")
    }
}
