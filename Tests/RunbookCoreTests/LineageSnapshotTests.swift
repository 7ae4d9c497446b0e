import Foundation
import GitKit
import RunbookCore
import Testing

/// A read after new commits stops where the last whole walk began and takes
/// the rest from its snapshot: every lineage must still be git's, and the
/// snapshot must be used when the history allows it and never otherwise.
@Suite struct LineageSnapshotTests {
    static let start = 1_700_000_000
    static let day = 86_400

    /// A repository read with one cache folder throughout, as builds read it.
    private struct Fixture {
        let git: GitFixture
        let cacheDirectory: String
        var snapshotPath: String { cacheDirectory + "/lineage.snapshot" }

        init() throws {
            git = try GitFixture()
            cacheDirectory = git.root + "/cache"
        }

        init(git: GitFixture, cacheDirectory: String) {
            self.git = git
            self.cacheDirectory = cacheDirectory
        }

        /// Reads every Markdown file at `revision` (and `alsoAsked`) and checks each lineage against git's.
        @discardableResult
        func read(at revision: String = "HEAD", alsoAsked: [String] = []) throws -> LineageReport {
            let files = try git.git("ls-tree", "-r", "--name-only", revision).split(separator: "\n").map(String.init)
            let paths = files.filter { $0.hasSuffix(".md") } + alsoAsked
            let repository = try Repository.discover(startingAt: git.path)
            let report = try LineageReader(repository: repository, cacheDirectory: cacheDirectory)
                .lineages(of: paths, at: try repository.resolveCommit(revision))
            for path in paths {
                #expect(report.lineages[path]?.changes.map(\.commit.hex) == (try git.followLog(path, at: revision)), "lineage of \(path) at \(revision)")
            }
            let fresh = try LineageReader(repository: repository, cacheDirectory: git.root + "/fresh-\(UUID().uuidString)")
                .lineages(of: paths, at: try repository.resolveCommit(revision))
            #expect(report.lineages == fresh.lineages, "authors, approvals and renames as a whole walk finds them")
            #expect(report.walkedCommits == fresh.walkedCommits)
            return report
        }

        func head() throws -> ObjectID { try #require(ObjectID(hex: try git.git("rev-parse", "HEAD"))) }
    }

    /// A history through renames, copies, approvals, deletions and additions,
    /// merges and clock skew, read after every commit. The snapshot is the
    /// last whole walk's (`kept`): a few new commits do not renew it.
    @Test func aHistoryReadAfterEveryCommit() throws {
        let fixture = try Fixture()
        let git = fixture.git
        var date = Self.start
        func commit(_ message: String) throws {
            date += Self.day
            try git.commit(message, date: date)
        }
        func text(_ tag: String) -> String { LineageReaderTests.text(tag) }

        try git.write("a.md", text("a"))
        try git.write("b.md", text("b"))
        try commit("Add a and b")
        #expect(try fixture.read().resumedFrom == nil, "nothing to resume from")
        var kept = try fixture.head()
        try git.git("branch", "early")

        try git.write("a.md", "---\nstatus: approved\n---\n" + text("a"))
        try commit("Approve a\n\nApproved-by: Grace Hopper")
        #expect(try fixture.read().resumedFrom == kept)

        try git.git("mv", "a.md", "renamed.md")
        try commit("Rename a")
        let renamed = try fixture.read()
        #expect(renamed.resumedFrom == kept, "renamed.md follows a.md, which the snapshot followed")
        #expect(renamed.lineages["renamed.md"]?.approval?.approvers == ["Grace Hopper"])

        try git.write("new.md", text("new"))
        try commit("Add new")
        #expect(try fixture.read().resumedFrom == nil, "new.md was not followed before: a whole walk")
        kept = try fixture.head()

        try git.remove("b.md")
        try commit("Delete b")
        #expect(try fixture.read().resumedFrom == kept)

        try git.write("b.md", text("b"))
        try commit("Add b again")
        #expect(try fixture.read().resumedFrom == kept, "b.md was followed when the snapshot was kept")

        try git.write("copy.md", "---\nstatus: approved\n---\n" + text("a"))
        try commit("Copy renamed")
        let copied = try fixture.read()
        #expect(copied.resumedFrom == kept)
        #expect(copied.lineages["copy.md"]?.changes.first?.renamedFrom == "renamed.md")

        // A branch that left after the snapshot's commit joins the walk before it.
        try git.git("checkout", "--quiet", "-b", "late")
        try git.write("b.md", text("b") + "late\n")
        try commit("Edit b on a late branch")
        try git.git("checkout", "--quiet", "main")
        try git.write("new.md", text("new") + "main\n")
        try commit("Edit new on main")
        try merge("late")
        #expect(try fixture.read().resumedFrom == kept)

        // One that left before it: the snapshot's commit comes up with the branch's still waiting.
        try git.git("checkout", "--quiet", "early")
        try git.write("early.md", text("early"))
        try commit("Add early on an early branch")
        try git.git("checkout", "--quiet", "main")
        try merge("early")
        #expect(try fixture.read().resumedFrom == nil, "after this merge, the walk is not the snapshot's")
        kept = try fixture.head()

        try git.write("renamed.md", text("a") + "edited\n")
        try commit("Edit renamed")
        #expect(try fixture.read().resumedFrom == kept)
        #expect(try fixture.read(alsoAsked: ["never.md"]).resumedFrom == nil, "never.md was not asked for before")
        kept = try fixture.head()
        #expect(try fixture.read(alsoAsked: ["never.md"]).resumedFrom == kept, "the same commit, resumed where it began")

        // A commit dated before the snapshot's ancestors might be one of them: not resumed.
        try git.write("renamed.md", text("a") + "skewed\n")
        try git.commit("Edit renamed, clock behind", date: Self.start)
        #expect(try fixture.read().resumedFrom == nil)

        // An older commit: the walk never comes to the snapshot's.
        #expect(try fixture.read(at: "HEAD~3").resumedFrom == nil)

        func merge(_ branch: String) throws {
            date += Self.day
            try git.git(
                ["merge", "--quiet", "--no-ff", "-m", "Merge \(branch)", branch],
                environment: ["GIT_AUTHOR_DATE": "@\(date) +0000", "GIT_COMMITTER_DATE": "@\(date) +0000"])
        }
    }

    /// The snapshot's commit dated before its own parent, then a branch from
    /// that parent merged: the walk visits the parent (an ancestor of the
    /// snapshot's commit) before only the snapshot's commit is left. Resuming
    /// there would list the parent twice.
    @Test func aSkewedSnapshotCommitWhoseAncestorComesFirst() throws {
        let fixture = try Fixture()
        let git = fixture.git
        try git.write("a.md", LineageReaderTests.text("a"))
        try git.commit("Root", date: Self.start + 100)
        try git.write("a.md", LineageReaderTests.text("a") + "c\n")
        try git.commit("C", date: Self.start + 200)
        try git.git("branch", "side")
        try git.write("a.md", LineageReaderTests.text("a") + "c\nh0\n")
        try git.commit("H0, clock behind", date: Self.start + 50)
        try fixture.read()
        try git.git("checkout", "--quiet", "side")
        try git.write("x.txt", "not a runbook\n")
        try git.commit("X", date: Self.start + 300)
        try git.git("checkout", "--quiet", "main")
        try git.git(
            ["merge", "--quiet", "--no-ff", "-m", "Merge side", "side"],
            environment: ["GIT_AUTHOR_DATE": "@\(Self.start + 400) +0000", "GIT_COMMITTER_DATE": "@\(Self.start + 400) +0000"])
        let merged = try fixture.read()
        #expect(merged.resumedFrom == nil)
        #expect(merged.lineages["a.md"]?.changes.count == 3)
    }

    /// After many new commits the snapshot is kept again from the new head,
    /// so later builds walk only what came after.
    @Test func manyNewCommitsRenewTheSnapshot() throws {
        let fixture = try Fixture()
        try fixture.git.write("a.md", LineageReaderTests.text("a"))
        try fixture.git.commit("Add a", date: Self.start)
        try fixture.read()
        let first = try fixture.head()
        for index in 1...20 {
            try fixture.git.write(index % 2 == 0 ? "a.md" : "notes.txt", LineageReaderTests.text("a") + "\(index)\n")
            try fixture.git.commit("Change \(index)", date: Self.start + index)
        }
        let resumed = try fixture.read()
        #expect(resumed.resumedFrom == first)
        #expect(resumed.readCommits == 20)
        let again = try fixture.read()
        #expect(again.resumedFrom == (try fixture.head()))
        #expect(again.readCommits == 0)
    }

    enum Damage: CaseIterable, Sendable {
        case flippedPayloadByte, truncated, garbage, foreign
    }

    /// A snapshot that cannot be trusted is not used, and a whole walk writes a good one.
    @Test(arguments: Damage.allCases) func aDamagedOrForeignSnapshotIsNotUsed(_ damage: Damage) throws {
        let fixture = try Fixture()
        try fixture.git.write("a.md", LineageReaderTests.text("a"))
        try fixture.git.commit("Add a", date: Self.start)
        try fixture.git.git("mv", "a.md", "b.md")
        try fixture.git.commit("Rename", date: Self.start + Self.day)
        try fixture.read()
        switch damage {
        case .foreign:
            // Another repository's snapshot: its commit is not here.
            try LineageCacheTests.writeAnotherRepositorysCaches(into: fixture.cacheDirectory)
        default:
            var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: fixture.snapshotPath)))
            switch damage {
            case .flippedPayloadByte: bytes[bytes.count * 2 / 3] ^= 0x40
            case .truncated: bytes.removeLast(bytes.count / 3)
            default: bytes = (0..<bytes.count).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 7) }
            }
            try Data(bytes).write(to: URL(fileURLWithPath: fixture.snapshotPath))
        }
        #expect(try fixture.read().resumedFrom == nil)
        #expect(try fixture.read().resumedFrom == fixture.head(), "a good snapshot was written again")
    }

    /// Deepening a shallow clone moves its boundary: the snapshot's walk is not this one's.
    @Test func aShallowBoundaryThatMovedIsNotResumed() throws {
        let origin = try GitFixture()
        try origin.write("a.md", LineageReaderTests.text("a"))
        try origin.commit("Add a", date: Self.start)
        for index in 1...3 {
            try origin.write("a.md", LineageReaderTests.text("a") + "\(index)\n")
            try origin.commit("Edit a \(index)", date: Self.start + index * Self.day)
        }
        let clonePath = origin.root + "/shallow"
        try origin.git(["clone", "--quiet", "--depth", "2", "file://\(origin.path)", clonePath], in: origin.root)
        let fixture = Fixture(git: GitFixture(existing: clonePath, root: origin.root), cacheDirectory: origin.root + "/cache")
        #expect(try fixture.read().lineages["a.md"]?.truncated == true)
        #expect(try fixture.read().resumedFrom == fixture.head())
        try fixture.git.git("fetch", "--quiet", "--deepen", "1")
        let deeper = try fixture.read()
        #expect(deeper.resumedFrom == nil)
        #expect(deeper.lineages["a.md"]?.changes.count == 3)
    }
}
