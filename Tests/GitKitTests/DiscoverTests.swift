import Testing
import GitKit

@Suite struct DiscoverTests {
    @Test func findsTheRepositoryFromASubdirectory() throws {
        let fixture = try TemporaryGitRepository()
        try fixture.write("runbooks/deep/a.md", "# A\n")
        try fixture.commitAll("first")

        let repository = try Repository.discover(startingAt: fixture.path + "/runbooks/deep")
        #expect(!repository.isBare)
        #expect(repository.workingDirectory == fixture.path)
        #expect(repository.gitDirectory == fixture.path + "/.git")
        #expect(repository.commonDirectory == fixture.path + "/.git")
        #expect(repository.hooksDirectory == fixture.path + "/.git/hooks")
        #expect(!repository.isShallow)
    }

    @Test func opensABareRepositoryFromItsOwnDirectoryAndBelow() throws {
        let fixture = try TemporaryGitRepository(bare: true)
        for start in [fixture.path, fixture.path + "/refs/heads"] {
            let repository = try Repository.discover(startingAt: start)
            #expect(repository.isBare)
            #expect(repository.workingDirectory == nil)
            #expect(repository.gitDirectory == fixture.path)
            #expect(repository.commonDirectory == fixture.path)
            #expect(repository.hooksDirectory == fixture.path + "/hooks")
        }
    }

    @Test func opensALinkedWorktree() throws {
        let fixture = try TemporaryGitRepository()
        try fixture.write("runbooks/a.md", "# A\n")
        let mainCommit = try fixture.commitAll("first")
        try fixture.git("worktree", "add", "--quiet", "-b", "feature", fixture.root + "/wt")
        try fixture.git("commit", "--quiet", "--allow-empty", "-m", "on feature", in: fixture.root + "/wt")
        let featureCommit = try fixture.git("rev-parse", "feature")

        let repository = try Repository.discover(startingAt: fixture.root + "/wt/runbooks")
        #expect(!repository.isBare)
        #expect(repository.workingDirectory == fixture.root + "/wt")
        #expect(repository.gitDirectory == fixture.path + "/.git/worktrees/wt")
        #expect(repository.commonDirectory == fixture.path + "/.git")
        #expect(repository.hooksDirectory == fixture.path + "/.git/hooks")
        // HEAD is the worktree's own; branches are shared.
        #expect(try repository.resolveCommit("HEAD").hex == featureCommit)
        #expect(try repository.resolveCommit("main").hex == mainCommit)
        #expect(featureCommit != mainCommit)
    }

    @Test func honoursARelativeHooksPathAgainstTheWorkingTree() throws {
        let fixture = try TemporaryGitRepository()
        try fixture.git("config", "core.hooksPath", ".githooks/")
        let repository = try Repository.discover(startingAt: fixture.path)
        #expect(repository.hooksDirectory == fixture.path + "/.githooks")
    }

    @Test func honoursARelativeHooksPathAgainstABareGitDirectory() throws {
        let fixture = try TemporaryGitRepository(bare: true)
        try fixture.git("config", "core.hooksPath", "server-hooks")
        let repository = try Repository.discover(startingAt: fixture.path)
        #expect(repository.hooksDirectory == fixture.path + "/server-hooks")
    }

    @Test func honoursAnAbsoluteHooksPath() throws {
        let fixture = try TemporaryGitRepository()
        try fixture.git("config", "core.hooksPath", "/srv/git-hooks/")
        let repository = try Repository.discover(startingAt: fixture.path)
        #expect(repository.hooksDirectory == "/srv/git-hooks")
    }

    @Test func reportsAMissingRepository() throws {
        let fixture = try TemporaryGitRepository()
        let nowhere = fixture.root + "/does-not-exist"
        let error = try #require(throws: GitError.self) { try Repository.discover(startingAt: nowhere) }
        #expect(error.function == "git_repository_open_ext")
        #expect(error.code == -3)  // GIT_ENOTFOUND
        #expect(error.description.hasPrefix("no Git repository found at or above '\(nowhere)': "))
        #expect(error.description.hasSuffix(" (git_repository_open_ext)"))
    }

    @Test func detectsAShallowCloneAndItsWorktrees() throws {
        let fixture = try TemporaryGitRepository()
        try fixture.write("a.md", "one\n")
        try fixture.commitAll("first")
        try fixture.write("a.md", "two\n")
        try fixture.commitAll("second")
        let clone = fixture.root + "/shallow"
        try fixture.git("clone", "--quiet", "--depth", "1", "file://" + fixture.path, clone, in: fixture.root)

        #expect(try Repository.discover(startingAt: clone).isShallow)
        #expect(try !Repository.discover(startingAt: fixture.path).isShallow)

        // git keeps "shallow" in the common directory; a worktree shares it.
        try fixture.git("worktree", "add", "--quiet", "-b", "other", fixture.root + "/shallow-wt", in: clone)
        #expect(try Repository.discover(startingAt: fixture.root + "/shallow-wt").isShallow)
    }
}
