import Foundation
import GitKit
import RunbookCore
import Testing

/// Lineage read by `LineageReader` against `git log --follow` on the same
/// repository: every scenario checks every path's commit list against git.
@Suite struct LineageReaderTests {
    static let day = 86_400
    static let start = 1_700_000_000

    /// Reads the lineage of `paths` at HEAD with a fresh cache and checks each
    /// list against `git log --follow --format=%H -- path`; then reads it again.
    @discardableResult
    static func readAndCompare(_ fixture: GitFixture, _ paths: [String], cacheDirectory: String? = nil) throws -> LineageReport {
        let repository = try Repository.discover(startingAt: fixture.path)
        let reader = LineageReader(repository: repository, cacheDirectory: cacheDirectory ?? fixture.root + "/cache-\(UUID().uuidString)")
        let head = try repository.resolveCommit("HEAD")
        let report = try reader.lineages(of: paths, at: head)
        for path in paths {
            #expect(report.lineages[path]?.changes.map(\.commit.hex) == (try fixture.followLog(path)), "lineage of \(path)")
        }
        // Read again, the walk stops at once and takes everything from the snapshot the first read kept.
        let again = try reader.lineages(of: paths, at: head)
        #expect(again.resumedFrom == head)
        #expect(again.lineages == report.lineages)
        return report
    }

    static func text(_ tag: String, lines: ClosedRange<Int> = 1...30) -> String {
        lines.map { "\(tag == "" ? "" : tag + " ")line \($0) with enough words to be a chunk\n" }.joined()
    }

    /// The shared body with `changed` lines replaced: for files a chosen share alike.
    static func edited(_ changed: some Sequence<Int>, tag: String) -> String {
        var lines = text("").split(separator: "\n").map(String.init)
        for line in changed { lines[line - 1] = "\(tag) rewrote line \(line)" }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func simpleEditsNewestFirst() throws {
        let fixture = try GitFixture()
        try fixture.write("runbooks/a.md", "one\n")
        let first = try fixture.commit("Add a", date: Self.start)
        try fixture.write("runbooks/other.md", "other\n")
        try fixture.commit("Add other", date: Self.start + Self.day)
        try fixture.write("runbooks/a.md", "two\n")
        let second = try fixture.commit("Edit a\n\nWith a body.", date: Self.start + 2 * Self.day, author: ("Grace Hopper", "grace@example.com"))
        let report = try Self.readAndCompare(fixture, ["runbooks/a.md", "runbooks/other.md"])
        let lineage = try #require(report.lineages["runbooks/a.md"])
        #expect(lineage.changes.map(\.kind) == [.modified, .added])
        #expect(lineage.updated?.commit.hex == second)
        #expect(lineage.created?.commit.hex == first)
        #expect(lineage.updated?.subject == "Edit a")
        #expect(lineage.updated?.author.name == "Grace Hopper")
        #expect(lineage.updated?.author.time == Int64(Self.start + 2 * Self.day))
        #expect(lineage.updated?.blob?.hex == (try fixture.git("rev-parse", "HEAD:runbooks/a.md")))
        #expect(lineage.authors.map(\.name) == ["Grace Hopper", "Ada Lovelace"])
        #expect(!lineage.truncated)
        #expect(report.walkedCommits == 3)
        #expect(!report.isShallow)
        #expect(report.committer.time == Int64(Self.start + 2 * Self.day))
    }

    @Test func renamesAreFollowed() throws {
        let fixture = try GitFixture()
        try fixture.write("a.md", Self.text("a"))
        try fixture.commit("Add a", date: Self.start)
        try fixture.git("mv", "a.md", "b.md")
        let rename = try fixture.commit("Rename a to b", date: Self.start + Self.day)
        try fixture.write("b.md", Self.text("a") + "more\n")
        try fixture.commit("Edit b", date: Self.start + 2 * Self.day)
        let lineage = try #require(try Self.readAndCompare(fixture, ["b.md"]).lineages["b.md"])
        #expect(lineage.changes.map(\.kind) == [.modified, .renamed, .added])
        #expect(lineage.changes[1].commit.hex == rename)
        #expect(lineage.changes[1].renamedFrom == "a.md")
        #expect(lineage.changes[1].path == "b.md")
        #expect(lineage.changes[2].path == "a.md")
        #expect(lineage.earlierPaths == ["a.md"])
    }

    @Test func aRenameWithEditsAboutSeventyPercentAlike() throws {
        let fixture = try GitFixture()
        try fixture.write("old.md", Self.edited([], tag: ""))
        try fixture.commit("Add old", date: Self.start)
        try fixture.remove("old.md")
        try fixture.write("new.md", Self.edited(1...9, tag: "new"))
        try fixture.commit("Rename and rewrite a third", date: Self.start + Self.day)
        let lineage = try #require(try Self.readAndCompare(fixture, ["new.md"]).lineages["new.md"])
        #expect(lineage.changes.map(\.kind) == [.renamed, .added])
    }

    @Test func aRenameChain() throws {
        let fixture = try GitFixture()
        try fixture.write("a.md", Self.text("chain"))
        try fixture.commit("Add a", date: Self.start)
        try fixture.git("mv", "a.md", "b.md")
        try fixture.commit("a to b", date: Self.start + Self.day)
        try fixture.write("b.md", Self.text("chain") + "edit\n")
        try fixture.commit("Edit b", date: Self.start + 2 * Self.day)
        try FileManager.default.createDirectory(atPath: fixture.path + "/dir", withIntermediateDirectories: true)
        try fixture.git("mv", "b.md", "dir/c.md")
        try fixture.commit("b to c", date: Self.start + 3 * Self.day)
        let lineage = try #require(try Self.readAndCompare(fixture, ["dir/c.md"]).lineages["dir/c.md"])
        #expect(lineage.changes.map(\.kind) == [.renamed, .modified, .renamed, .added])
        #expect(lineage.earlierPaths == ["b.md", "a.md"])
    }

    @Test func deletedThenAddedAgain() throws {
        let fixture = try GitFixture()
        try fixture.write("a.md", Self.text("first life"))
        try fixture.commit("Add a", date: Self.start)
        try fixture.remove("a.md")
        try fixture.commit("Delete a", date: Self.start + Self.day)
        try fixture.write("a.md", Self.text("second life", lines: 1...5))
        try fixture.commit("Add a again", date: Self.start + 2 * Self.day)
        let lineage = try #require(try Self.readAndCompare(fixture, ["a.md"]).lineages["a.md"])
        #expect(lineage.changes.map(\.kind) == [.added, .deleted, .added])
        #expect(lineage.changes[1].blob == nil)
    }

    /// Both branches change the runbook and the merge resolves it: the merge
    /// itself never appears, both sides' commits do, in date order.
    @Test func aMergeThatChangedTheRunbookOnBothSides() throws {
        let fixture = try GitFixture()
        try fixture.write("a.md", Self.text("base"))
        try fixture.commit("Base", date: Self.start)
        try fixture.git("checkout", "--quiet", "-b", "side")
        try fixture.write("a.md", "side\n" + Self.text("base"))
        try fixture.commit("Side edit", date: Self.start + 2 * Self.day)
        try fixture.git("checkout", "--quiet", "main")
        try fixture.write("a.md", Self.text("base") + "main\n")
        try fixture.commit("Main edit", date: Self.start + Self.day)
        try fixture.git(
            ["merge", "--quiet", "--no-ff", "-m", "Merge side", "side"],
            environment: ["GIT_AUTHOR_DATE": "@\(Self.start + 3 * Self.day) +0000", "GIT_COMMITTER_DATE": "@\(Self.start + 3 * Self.day) +0000"])
        let report = try Self.readAndCompare(fixture, ["a.md"])
        #expect(report.lineages["a.md"]?.changes.map(\.subject) == ["Side edit", "Main edit", "Base"])
        #expect(report.walkedCommits == 4)
    }

    /// git's quirk: the followed name is one for the whole walk, so a rename
    /// met on one branch renames the file for commits later visited on the
    /// other — with the dates skewed so the visiting order is not topological.
    @Test func clockSkewedBranchesAndTheGlobalFollowedName() throws {
        let fixture = try GitFixture()
        try fixture.write("a.md", Self.text("base"))
        try fixture.commit("Base", date: Self.start + 10 * Self.day)
        try fixture.git("checkout", "--quiet", "-b", "renamer")
        try fixture.git("mv", "a.md", "b.md")
        try fixture.commit("Rename on a branch", date: Self.start + 12 * Self.day)
        try fixture.git("checkout", "--quiet", "main")
        try fixture.write("a.md", Self.text("base") + "main edit\n")
        try fixture.commit("Edit on main, clock behind", date: Self.start + 5 * Self.day)
        try fixture.write("a.md", Self.text("base") + "main edit 2\n")
        try fixture.commit("Edit on main again", date: Self.start + 11 * Self.day)
        try fixture.git(
            ["merge", "--quiet", "--no-ff", "-m", "Merge", "renamer"],
            environment: ["GIT_AUTHOR_DATE": "@\(Self.start + 13 * Self.day) +0000", "GIT_COMMITTER_DATE": "@\(Self.start + 13 * Self.day) +0000"])
        try Self.readAndCompare(fixture, ["b.md", "a.md"])
    }

    /// A copy (the original kept) is followed by git too: the copy's lineage
    /// continues into the original's history.
    @Test func aCopyIsFollowedIntoItsOriginal() throws {
        let fixture = try GitFixture()
        try fixture.write("original.md", Self.text("shared"))
        try fixture.commit("Add original", date: Self.start)
        try fixture.write("original.md", Self.text("shared") + "edit\n")
        try fixture.commit("Edit original", date: Self.start + Self.day)
        try fixture.write("copy.md", Self.text("shared") + "edit\n")
        try fixture.commit("Copy it", date: Self.start + 2 * Self.day)
        let report = try Self.readAndCompare(fixture, ["copy.md", "original.md"])
        #expect(report.lineages["copy.md"]?.changes.first?.renamedFrom == "original.md")
        #expect(report.lineages["copy.md"]?.changes.count == 3)
    }

    @Test func twoIdenticalDeletionCandidates() throws {
        let fixture = try GitFixture()
        try fixture.write("x/first.md", Self.text("twin"))
        try fixture.write("y/second.md", Self.text("twin"))
        try fixture.commit("Add twins", date: Self.start)
        try fixture.write("y/second.md", Self.text("twin") + "only the second\n")
        try fixture.commit("Edit the second", date: Self.start + Self.day)
        try fixture.write("y/second.md", Self.text("twin"))
        try fixture.commit("Revert the second", date: Self.start + 2 * Self.day)
        try fixture.remove("x")
        try fixture.remove("y")
        try fixture.write("z/merged.md", Self.text("twin"))
        try fixture.commit("Merge both into one", date: Self.start + 3 * Self.day)
        let report = try Self.readAndCompare(fixture, ["z/merged.md"])
        #expect(report.lineages["z/merged.md"]?.changes.first?.renamedFrom == "x/first.md")
    }

    @Test func aShallowCloneIsTruncated() throws {
        let fixture = try GitFixture()
        try fixture.write("old.md", Self.text("old"))
        try fixture.commit("Add old", date: Self.start)
        for index in 1...3 {
            try fixture.write("old.md", Self.text("old") + "\(index)\n")
            try fixture.commit("Edit old \(index)", date: Self.start + index * Self.day)
        }
        try fixture.write("new.md", Self.text("new"))
        try fixture.commit("Add new", date: Self.start + 5 * Self.day)
        let clonePath = fixture.root + "/shallow"
        try fixture.git(["clone", "--quiet", "--depth", "2", "file://\(fixture.path)", clonePath], in: fixture.root)
        let clone = GitFixture(existing: clonePath, root: fixture.root)
        let report = try Self.readAndCompare(clone, ["old.md", "new.md"])
        #expect(report.isShallow)
        #expect(report.walkedCommits == 2)
        #expect(report.lineages["old.md"]?.truncated == true)
        #expect(report.lineages["old.md"]?.changes.map(\.kind) == [.added])
        #expect(report.lineages["new.md"]?.truncated == false)
    }

    @Test func mailmapNamesTheAuthors() throws {
        let fixture = try GitFixture()
        try fixture.write(".mailmap", "Grace Hopper <grace@example.com> <gh@old.example>\n")
        try fixture.write("a.md", "one\n")
        try fixture.commit("Add a", date: Self.start, author: ("grace", "gh@old.example"))
        try fixture.write("a.md", "two\n")
        try fixture.commit("Edit a", date: Self.start + Self.day, author: ("Grace Hopper", "grace@example.com"))
        let lineage = try #require(try Self.readAndCompare(fixture, ["a.md"]).lineages["a.md"])
        let expected = try fixture.git("log", "--format=%aN <%aE>", "--", "a.md").split(separator: "\n").map(String.init)
        #expect(lineage.changes.map { "\($0.author.name) <\($0.author.email)>" } == expected)
        #expect(lineage.authors.count == 1)
    }

    @Test func worksInABareRepository() throws {
        let fixture = try GitFixture()
        try fixture.write("a.md", Self.text("a"))
        try fixture.commit("Add a", date: Self.start)
        try fixture.git("mv", "a.md", "b.md")
        try fixture.commit("Rename", date: Self.start + Self.day)
        let barePath = fixture.root + "/bare.git"
        try fixture.git(["clone", "--quiet", "--bare", fixture.path, barePath], in: fixture.root)
        let bare = GitFixture(existing: barePath, root: fixture.root)
        let report = try Self.readAndCompare(bare, ["b.md"])
        #expect(report.lineages["b.md"]?.changes.count == 2)
    }

    @Test func aPathThatNeverExistedHasNoChanges() throws {
        let fixture = try GitFixture()
        try fixture.write("a.md", "a\n")
        try fixture.commit("Add a", date: Self.start)
        let report = try Self.readAndCompare(fixture, ["missing.md", "a.md", "a.md"])
        #expect(report.lineages["missing.md"]?.changes == [])
        #expect(report.lineages.count == 2)
    }

    @Test func theCacheLivesInTheCommonGitDirectoryByDefault() throws {
        let fixture = try GitFixture()
        try fixture.write("a.md", "a\n")
        try fixture.commit("Add a", date: Self.start)
        let repository = try Repository.discover(startingAt: fixture.path)
        let reader = LineageReader(repository: repository)
        #expect(reader.cachePath == fixture.path + "/.git/runbook/lineage.cache")
        _ = try reader.lineages(of: ["a.md"], at: try repository.resolveCommit("HEAD"))
        #expect(FileManager.default.fileExists(atPath: reader.cachePath))
    }
}
