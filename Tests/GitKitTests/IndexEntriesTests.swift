import Testing
import GitKit

@Suite struct IndexEntriesTests {
    @Test func reportsTheStagedContentNotHEADOrTheWorkingTree() throws {
        let fixture = try TemporaryGitRepository()
        try fixture.write("runbooks/a.md", "one\n")
        try fixture.write("runbooks/old.md", "# Old\n")
        try fixture.write("runbooksX/b.md", "# B\n")
        try fixture.commitAll("first")
        try fixture.write("runbooks/a.md", "two\n")
        try fixture.git("add", "runbooks/a.md")
        try fixture.write("runbooks/a.md", "three\n")  // unstaged edit
        try fixture.git("rm", "--quiet", "--cached", "runbooks/old.md")
        try fixture.write("runbooks/new.md", "# New\n")
        try fixture.git("add", "runbooks/new.md")
        try fixture.write("runbooks/untracked.md", "# Untracked\n")
        try fixture.write("runbooks/ita.md", "# ITA\n")
        try fixture.git("add", "--intent-to-add", "runbooks/ita.md")

        let repository = try Repository.discover(startingAt: fixture.path)
        #expect(try repository.indexEntries(under: "runbooks") == [
            entry("runbooks/a.md", "f719efd430d52bcfc8566a43b2eb655688d38871"),  // "two\n"
            entry("runbooks/new.md", "e65f941eafc191b1242e9ef5170ab3426ef3c42b"),
        ])
        #expect(try repository.treeEntries(commit: repository.resolveCommit("HEAD"), under: "runbooks") == [
            entry("runbooks/a.md", "5626abf0f72e58d7a153368ba57db4c673c0e171"),  // "one\n"
            entry("runbooks/old.md", "eda07c542dd37a99d7e508ebc49c625eda91ab11"),
        ])
        #expect(try repository.indexEntries(under: "").map(\.path) == [
            "runbooks/a.md", "runbooks/new.md", "runbooksX/b.md",
        ])
    }

    @Test func keepsKindsInTheIndex() throws {
        let fixture = try TemporaryGitRepository()
        try fixture.write("runbooks/run.sh", "#!/bin/sh\necho hi\n", executable: true)
        try fixture.symlink("runbooks/link.md", to: "a.md")
        try fixture.git("add", "--all")
        try fixture.git(
            "update-index", "--add", "--cacheinfo", "160000,4b825dc642cb6eb9a060e54bf8d69288fbee4904,runbooks/vendor")
        let repository = try Repository.discover(startingAt: fixture.path)
        #expect(try repository.indexEntries(under: "runbooks") == [
            entry("runbooks/link.md", "e77de8562fa61286381cc40e34a75024c20e17eb", .symlink),
            entry("runbooks/run.sh", "4163036efa65bd4a469e752267498f01ea36a55c", .executable),
            entry("runbooks/vendor", "4b825dc642cb6eb9a060e54bf8d69288fbee4904", .submodule),
        ])
    }

    @Test func seesChangesStagedAfterTheRepositoryWasOpened() throws {
        let fixture = try TemporaryGitRepository()
        try fixture.write("runbooks/a.md", "one\n")
        try fixture.commitAll("first")
        let repository = try Repository.discover(startingAt: fixture.path)
        #expect(try repository.indexEntries(under: "runbooks").map(\.id.hex) == [
            "5626abf0f72e58d7a153368ba57db4c673c0e171",
        ])
        try fixture.write("runbooks/a.md", "two\n")
        try fixture.git("add", "runbooks/a.md")
        #expect(try repository.indexEntries(under: "runbooks").map(\.id.hex) == [
            "f719efd430d52bcfc8566a43b2eb655688d38871",
        ])
    }

    /// a.md: both sides changed it (stages 1, 2, 3) → ours.
    /// d.md: we deleted it, they changed it (stages 1, 3) → theirs.
    @Test func reportsEachConflictedPathOnce() throws {
        let fixture = try TemporaryGitRepository()
        for name in ["a.md", "d.md", "e.md"] {
            try fixture.write("runbooks/\(name)", "base\n")
        }
        try fixture.commitAll("base")
        try fixture.git("checkout", "--quiet", "-b", "other")
        try fixture.write("runbooks/a.md", "theirs\n")
        try fixture.write("runbooks/d.md", "theirs-d\n")
        try fixture.commitAll("theirs")
        try fixture.git("checkout", "--quiet", "main")
        try fixture.write("runbooks/a.md", "ours\n")
        try fixture.git("rm", "--quiet", "runbooks/d.md")
        try fixture.commitAll("ours")
        try fixture.git("merge", "--quiet", "other", allowFailure: true)
        #expect(try fixture.git("ls-files", "--unmerged").split(separator: "\n").count == 5)

        let repository = try Repository.discover(startingAt: fixture.path)
        #expect(try repository.indexEntries(under: "runbooks") == [
            entry("runbooks/a.md", "b19a1e93bec1317dc6097229e12afaffbfa74dc2"),  // "ours\n"
            entry("runbooks/d.md", "0c21bd329e39a1055f8a983f0d0819758bda689f"),  // "theirs-d\n"
            entry("runbooks/e.md", "df967b96a579e45a18b8251732d16804b2e56a55"),  // "base\n"
        ])
    }

    @Test func aBareRepositoryWithoutAnIndexHasNoEntries() throws {
        let fixture = try TemporaryGitRepository(bare: true)
        let repository = try Repository.discover(startingAt: fixture.path)
        #expect(try repository.indexEntries(under: "") == [])
    }
}
