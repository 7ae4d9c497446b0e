import Foundation
import GitKit
import Testing

/// Each scenario commits a file whose origin git has to find, then asks both
/// git (`log --follow --name-status`) and `FollowSourceFinder`.
@Suite struct FollowSourceFinderTests {
    private struct Scenario {
        let fixture: TemporaryGitRepository
        init() throws { fixture = try TemporaryGitRepository() }

        /// Where git's `--follow` of `path` goes at HEAD's commit: the origin
        /// path of an `R`/`C` status, nil for `A`.
        func gitOrigin(of path: String) throws -> String? {
            let log = try fixture.git("log", "-1", "--follow", "--name-status", "--format=", "HEAD", "--", path)
            let fields = log.split(separator: "\t").map(String.init)
            guard let status = fields.first else { return nil }
            return status.hasPrefix("R") || status.hasPrefix("C") ? fields[1] : nil
        }

        func finderOrigin(of path: String) throws -> String? {
            let repository = try Repository.discover(startingAt: fixture.path)
            let head = try repository.commitInfo(repository.resolveCommit("HEAD"))
            let parent = try repository.commitInfo(try #require(head.parents.first))
            let differ = TreeDiffer(repository: repository)
            let changes = try differ.changes(from: parent.tree, to: head.tree)
            let added = try #require(changes.first { $0.path == path }?.new)
            let finder = FollowSourceFinder(repository: repository, differ: differ)
            let deleted = Set(changes.filter { $0.new == nil }.map(\.path))
            return try finder.source(of: path, added: added, parentTree: parent.tree, deletedPaths: deleted)?.path
        }

        /// Asserts both agree and returns git's answer.
        @discardableResult
        func origin(of path: String) throws -> String? {
            let git = try gitOrigin(of: path)
            #expect(try finderOrigin(of: path) == git, "origin of \(path)")
            return git
        }
    }

    private static let text = TemporaryGitRepository.lines(1...40)

    /// `text` with lines `changed` replaced.
    private static func edited(_ changed: some Sequence<Int>, tag: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for line in changed { lines[line - 1] = "\(tag) replaced line \(line)" }
        return lines.joined(separator: "\n")
    }

    @Test func anIdenticalFileThatStaysIsFollowedAsACopy() throws {
        let scenario = try Scenario()
        try scenario.fixture.write("a.md", Self.text)
        try scenario.fixture.commit("base", date: 1_700_000_000)
        try scenario.fixture.write("b.md", Self.text)
        try scenario.fixture.commit("copy", date: 1_700_000_100)
        #expect(try scenario.origin(of: "b.md") == "a.md")
    }

    @Test func anIdenticalDeletedFileBeatsOneThatStays() throws {
        let scenario = try Scenario()
        try scenario.fixture.write("a.md", Self.text)
        try scenario.fixture.write("b.md", Self.text)
        try scenario.fixture.commit("base", date: 1_700_000_000)
        try scenario.fixture.git("rm", "--quiet", "b.md")
        try scenario.fixture.write("c.md", Self.text)
        try scenario.fixture.commit("move", date: 1_700_000_100)
        #expect(try scenario.origin(of: "c.md") == "b.md")
    }

    @Test func twoIdenticalDeletedFilesResolveBySameNameThenPathOrder() throws {
        let scenario = try Scenario()
        try scenario.fixture.write("x/a.md", Self.text)
        try scenario.fixture.write("y/b.md", Self.text)
        try scenario.fixture.write("y/n.md", Self.text + "n\n")
        try scenario.fixture.write("z/n.md", Self.text + "n\n")
        try scenario.fixture.commit("base", date: 1_700_000_000)
        try scenario.fixture.git("rm", "--quiet", "-r", "x", "y", "z")
        try scenario.fixture.write("w/c.md", Self.text)
        try scenario.fixture.write("w/n.md", Self.text + "n\n")
        try scenario.fixture.commit("move", date: 1_700_000_100)
        #expect(try scenario.origin(of: "w/c.md") == "x/a.md")
        #expect(try scenario.origin(of: "w/n.md") != nil)
    }

    @Test func anEmptyFileFollowsAnotherEmptyFile() throws {
        let scenario = try Scenario()
        try scenario.fixture.write("a.md", Self.text)
        try scenario.fixture.write("empty.md", "")
        try scenario.fixture.commit("base", date: 1_700_000_000)
        try scenario.fixture.write("new.md", "")
        try scenario.fixture.commit("add empty", date: 1_700_000_100)
        #expect(try scenario.origin(of: "new.md") == "empty.md")
    }

    @Test func aSimilarDeletedFileBeatsAMoreSimilarOneThatStays() throws {
        let scenario = try Scenario()
        try scenario.fixture.write("kept.md", Self.text)
        try scenario.fixture.write("gone.md", Self.edited(1...10, tag: "old"))
        try scenario.fixture.commit("base", date: 1_700_000_000)
        try scenario.fixture.git("rm", "--quiet", "gone.md")
        try scenario.fixture.write("new.md", Self.edited([1], tag: "new"))
        try scenario.fixture.commit("rename with edits", date: 1_700_000_100)
        #expect(try scenario.origin(of: "new.md") == "gone.md")
    }

    @Test func theMostSimilarFileThatStaysIsACopySource() throws {
        let scenario = try Scenario()
        try scenario.fixture.write("close.md", Self.edited([3], tag: "close"))
        try scenario.fixture.write("far.md", Self.edited(1...15, tag: "far"))
        try scenario.fixture.commit("base", date: 1_700_000_000)
        try scenario.fixture.write("new.md", Self.edited([5], tag: "new"))
        try scenario.fixture.commit("copy with edits", date: 1_700_000_100)
        #expect(try scenario.origin(of: "new.md") == "close.md")
    }

    @Test func lessThanHalfAlikeIsANewFile() throws {
        let scenario = try Scenario()
        try scenario.fixture.write("a.md", Self.text)
        try scenario.fixture.commit("base", date: 1_700_000_000)
        try scenario.fixture.git("rm", "--quiet", "a.md")
        try scenario.fixture.write("b.md", Self.edited(1...25, tag: "new"))
        try scenario.fixture.commit("rewrite", date: 1_700_000_100)
        #expect(try scenario.origin(of: "b.md") == nil)
    }

    /// git keeps only the four best candidates: four kept near-copies push a
    /// less similar deleted file out, and the best copy wins instead.
    @Test(arguments: [3, 4, 5]) func onlyTheBestFourCandidatesCount(nearCopies: Int) throws {
        let scenario = try Scenario()
        try scenario.fixture.write("gone.md", Self.edited(1...12, tag: "gone"))
        for copy in 1...nearCopies { try scenario.fixture.write("copy\(copy).md", Self.edited([20 + copy], tag: "copy")) }
        try scenario.fixture.commit("base", date: 1_700_000_000)
        try scenario.fixture.git("rm", "--quiet", "gone.md")
        try scenario.fixture.write("new.md", Self.edited([1], tag: "new"))
        try scenario.fixture.commit("rename with edits", date: 1_700_000_100)
        let origin = try scenario.origin(of: "new.md")
        #expect((origin == "gone.md") == (nearCopies < 4))
    }

    /// Equal scores: git's answer depends on where each candidate landed in
    /// its four slots, which the finder reproduces by scoring every source.
    @Test func equalScoresAreBrokenAsGitBreaksThem() throws {
        let scenario = try Scenario()
        try scenario.fixture.write("a1.md", Self.edited(1...30, tag: "noise1"))
        try scenario.fixture.write("b-twin.md", Self.edited([7], tag: "twin"))
        try scenario.fixture.write("c2.md", Self.edited(1...28, tag: "noise2"))
        try scenario.fixture.write("d-twin.md", Self.edited([7], tag: "twin"))
        try scenario.fixture.write("e3.md", Self.edited(1...35, tag: "noise3"))
        try scenario.fixture.write("f4.md", Self.edited(1...26, tag: "noise4"))
        try scenario.fixture.commit("base", date: 1_700_000_000)
        try scenario.fixture.write("new.md", Self.edited([9], tag: "new"))
        try scenario.fixture.commit("copy", date: 1_700_000_100)
        #expect(try scenario.origin(of: "new.md") != nil)
    }

    @Test func symlinksMatchOnlyExactly() throws {
        let scenario = try Scenario()
        try scenario.fixture.write("target-one.md", Self.text)
        try scenario.fixture.symlink("link.md", to: "target-one.md")
        try scenario.fixture.commit("base", date: 1_700_000_000)
        try scenario.fixture.symlink("same-link.md", to: "target-one.md")
        try scenario.fixture.symlink("similar-link.md", to: "target-one.mdx")
        try scenario.fixture.commit("links", date: 1_700_000_100)
        #expect(try scenario.origin(of: "same-link.md") == "link.md")
        #expect(try scenario.origin(of: "similar-link.md") == nil)
    }

    /// Stepping back over commits (as a walk does) lands on the same file
    /// list as diffing to the tree directly.
    @Test func steppingBackMatchesDiffing() throws {
        let scenario = try Scenario()
        try scenario.fixture.write("gone.md", Self.edited(1...3, tag: "gone"))
        try scenario.fixture.write("stays.md", Self.text)
        try scenario.fixture.commit("base", date: 1_700_000_000)
        try scenario.fixture.git("rm", "--quiet", "gone.md")
        try scenario.fixture.write("renamed.md", Self.edited(1...4, tag: "gone"))
        try scenario.fixture.commit("rename with edits", date: 1_700_000_100)
        for index in 1...3 {
            try scenario.fixture.write("stays.md", Self.text + "\(index)\n")
            try scenario.fixture.write("dir\(index)/new.md", Self.edited([index], tag: "new"))
            try scenario.fixture.commit("later \(index)", date: 1_700_000_100 + index)
        }
        let repository = try Repository.discover(startingAt: scenario.fixture.path)
        let differ = TreeDiffer(repository: repository)
        let stepped = FollowSourceFinder(repository: repository, differ: differ)
        var commit = try repository.commitInfo(repository.resolveCommit("HEAD"))
        var parent = try repository.commitInfo(try #require(commit.parents.first))
        // Start the list at HEAD's parent (asking about a symlink, which reads
        // no content), then step back three commits.
        let anyBlob = try #require(ObjectID(hex: try scenario.fixture.git("rev-parse", "HEAD:stays.md")))
        _ = try stepped.source(of: "link", added: TreeChange.Side(id: anyBlob, mode: 0o120000), parentTree: parent.tree, deletedPaths: [])
        for _ in 1...3 {
            commit = parent
            parent = try repository.commitInfo(try #require(commit.parents.first))
            stepped.stepBack(from: commit.tree, to: parent.tree, undoing: try differ.changes(from: parent.tree, to: commit.tree))
        }
        let changes = try differ.changes(from: parent.tree, to: commit.tree)
        let added = try #require(changes.first { $0.path == "renamed.md" }?.new)
        let fresh = FollowSourceFinder(repository: repository, differ: TreeDiffer(repository: repository))
        let expected = try fresh.source(of: "renamed.md", added: added, parentTree: parent.tree, deletedPaths: ["gone.md"])
        #expect(expected?.path == "gone.md")
        #expect(try stepped.source(of: "renamed.md", added: added, parentTree: parent.tree, deletedPaths: ["gone.md"]) == expected)
    }

    @Test func aCRLFCopyOfAFileIsAlike() throws {
        let scenario = try Scenario()
        try scenario.fixture.write("unix.md", Self.text)
        try scenario.fixture.commit("base", date: 1_700_000_000)
        try scenario.fixture.write("windows.md", Self.text.replacingOccurrences(of: "\n", with: "\r\n"))
        try scenario.fixture.commit("crlf copy", date: 1_700_000_100)
        #expect(try scenario.origin(of: "windows.md") == "unix.md")
    }
}
