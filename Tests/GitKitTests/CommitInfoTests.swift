import GitKit
import Testing

@Suite struct CommitInfoTests {
    @Test func readsWhatGitLogPrints() throws {
        let fixture = try TemporaryGitRepository()
        try fixture.write("a.md", "one\n")
        try fixture.commit("first", date: 1_700_000_000)
        try fixture.write("a.md", "two\n")
        try fixture.git(
            "commit", "--quiet", "-am", "Second change\n\nBody text.\n\nReviewed-by: Grace Hopper <grace@example.com>",
            environment: [
                "GIT_AUTHOR_NAME": "Jöns Jacob", "GIT_AUTHOR_EMAIL": "jj@example.com",
                "GIT_AUTHOR_DATE": "@1700000100 +0130", "GIT_COMMITTER_DATE": "@1700000200 -0700",
            ])
        let repository = try Repository.discover(startingAt: fixture.path)
        let info = try repository.commitInfo(repository.resolveCommit("HEAD"))
        let expected = try fixture.git("log", "-1", "--format=%T%n%P%n%an%n%ae%n%at%n%ct%n%s").split(separator: "\n").map(String.init)
        #expect(info.tree.hex == expected[0])
        #expect(info.parents.map(\.hex) == [expected[1]])
        #expect(info.author.name == expected[2])
        #expect(info.author.email == expected[3])
        #expect(String(info.author.time) == expected[4])
        #expect(info.author.offsetMinutes == 90)
        #expect(String(info.date) == expected[5])
        #expect(info.committer.offsetMinutes == -420)
        #expect(info.subject == expected[6])
        #expect(info.message == "Second change\n\nBody text.\n\nReviewed-by: Grace Hopper <grace@example.com>\n")
        #expect(try Trailer.parse(message: info.message) == [Trailer(key: "Reviewed-by", value: "Grace Hopper <grace@example.com>")])
    }

    @Test func aRootCommitHasNoParents() throws {
        let fixture = try TemporaryGitRepository()
        try fixture.write("a.md", "one\n")
        try fixture.commit("root", date: 1_700_000_000)
        let repository = try Repository.discover(startingAt: fixture.path)
        #expect(try repository.commitInfo(repository.resolveCommit("HEAD")).parents.isEmpty)
    }

    @Test func aTreeIsNotACommit() throws {
        let fixture = try TemporaryGitRepository()
        try fixture.write("a.md", "one\n")
        try fixture.commit("root", date: 1_700_000_000)
        let repository = try Repository.discover(startingAt: fixture.path)
        let tree = try #require(ObjectID(hex: try fixture.git("rev-parse", "HEAD^{tree}")))
        #expect(throws: GitError.self) { try repository.commitInfo(tree) }
    }
}
