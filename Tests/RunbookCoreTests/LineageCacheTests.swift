import Foundation
import GitKit
import RunbookCore
import Testing

@Suite struct LineageCacheTests {
    static let start = 1_700_000_000

    /// A small history with a rename and a copy, and a cache folder beside it.
    private struct Fixture {
        let git: GitFixture
        let cacheDirectory: String
        var cachePath: String { cacheDirectory + "/lineage.cache" }
        let paths = ["b.md", "c.md", "copy.md"]

        init() throws {
            git = try GitFixture()
            cacheDirectory = git.root + "/cache"
            try git.write("a.md", LineageReaderTests.text("a"))
            try git.write("c.md", LineageReaderTests.text("c"))
            try git.commit("Add a and c", date: LineageCacheTests.start)
            try git.git("mv", "a.md", "b.md")
            try git.commit("Rename a to b", date: LineageCacheTests.start + 100)
            try git.write("copy.md", LineageReaderTests.text("c"))
            try git.commit("Copy c", date: LineageCacheTests.start + 200)
            try git.write("c.md", LineageReaderTests.text("c") + "edit\n")
            try git.commit("Edit c", date: LineageCacheTests.start + 300)
        }

        /// Reads with the cache alone: the snapshot the last read kept is
        /// removed first, so the whole history is walked (`LineageSnapshotTests`).
        func read(cacheDirectory: String? = nil) throws -> LineageReport {
            try? FileManager.default.removeItem(atPath: (cacheDirectory ?? self.cacheDirectory) + "/lineage.snapshot")
            let repository = try Repository.discover(startingAt: git.path)
            let reader = LineageReader(repository: repository, cacheDirectory: cacheDirectory ?? self.cacheDirectory)
            return try reader.lineages(of: paths, at: try repository.resolveCommit("HEAD"))
        }

        func expectMatchesGit(_ report: LineageReport) throws {
            for path in paths {
                #expect(report.lineages[path]?.changes.map(\.commit.hex) == (try git.followLog(path)), "lineage of \(path)")
            }
        }
    }

    @Test func aReadAfterOneNewCommitReadsOnlyThatCommit() throws {
        let fixture = try Fixture()
        let cold = try fixture.read()
        #expect(cold.readCommits == 4)
        try fixture.expectMatchesGit(cold)

        let warm = try fixture.read()
        #expect(warm.readCommits == 0)
        #expect(warm.walkedCommits == 4)
        #expect(warm.lineages == cold.lineages)

        try fixture.git.write("b.md", LineageReaderTests.text("a") + "new line\n")
        try fixture.git.commit("Edit b", date: Self.start + 400)
        let next = try fixture.read()
        #expect(next.readCommits == 1)
        #expect(next.walkedCommits == 5)
        try fixture.expectMatchesGit(next)
        #expect(next.lineages == (try fixture.read(cacheDirectory: fixture.git.root + "/fresh")).lineages)
        #expect(next.lineages["c.md"] == cold.lineages["c.md"])
    }

    /// Rewriting the whole file after every commit would cost more than the
    /// walk it saves: a cache under 1% behind is left as it is.
    @Test func aCacheOneCommitBehindALongHistoryIsLeftAsItIs() throws {
        let fixture = try Fixture()
        try Self.importCommits(150, into: fixture.git)
        #expect(try fixture.read().readCommits == 154)
        let written = try FileManager.default.attributesOfItem(atPath: fixture.cachePath)

        try fixture.git.write("b.md", LineageReaderTests.text("a") + "new line\n")
        try fixture.git.commit("Edit b", date: Self.start + 10_000)
        let behind = try fixture.read()
        #expect(behind.readCommits == 1)
        try fixture.expectMatchesGit(behind)
        let after = try FileManager.default.attributesOfItem(atPath: fixture.cachePath)
        #expect(after[.systemFileNumber] as? Int == written[.systemFileNumber] as? Int, "the cache was written again")
        #expect(try fixture.read().readCommits == 1, "the commit the cache lacks is read again")

        try fixture.git.write("c.md", LineageReaderTests.text("c") + "second edit\n")
        try fixture.git.commit("Edit c again", date: Self.start + 10_100)
        let twoBehind = try fixture.read()
        #expect(twoBehind.readCommits == 2)
        try fixture.expectMatchesGit(twoBehind)
        #expect(try fixture.read().readCommits == 0, "two commits behind 154 is over 1%: the cache was written")
    }

    /// `count` commits that each change a file no lineage follows, made at once with `git fast-import`.
    private static func importCommits(_ count: Int, into git: GitFixture) throws {
        var stream = ""
        for index in 1...count {
            let message = "Note \(index)\n", content = "note \(index)\n"
            stream += "commit refs/heads/main\ncommitter Ada <ada@example.com> \(start + 1_000 + index) +0000\n"
            // The first continues the branch as it was; the others each the one before.
            stream += "data \(message.utf8.count)\n\(message)" + (index == 1 ? "from refs/heads/main^0\n" : "")
            stream += "M 100644 inline notes.txt\ndata \(content.utf8.count)\n\(content)\n"
        }
        try git.git(["fast-import", "--quiet"], input: stream)
        try git.git(["reset", "--quiet", "--hard"])
    }

    enum Damage: CaseIterable, Sendable {
        case truncatedToHalf, truncatedToTheHeader, emptied, flippedPayloadByte, flippedVersion, garbage, replacedByADirectory
    }

    @Test(arguments: Damage.allCases) func aDamagedCacheIsRebuilt(_ damage: Damage) throws {
        let fixture = try Fixture()
        let cold = try fixture.read()
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: fixture.cachePath)))
        switch damage {
        case .truncatedToHalf: bytes.removeLast(bytes.count / 2)
        case .truncatedToTheHeader: bytes = Array(bytes.prefix(20))
        case .emptied: bytes = []
        case .flippedPayloadByte: bytes[bytes.count * 2 / 3] ^= 0x40
        case .flippedVersion: bytes[16] ^= 0x01
        case .garbage: bytes = (0..<bytes.count).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 7) }
        case .replacedByADirectory: break
        }
        if damage == .replacedByADirectory {
            try FileManager.default.removeItem(atPath: fixture.cachePath)
            try FileManager.default.createDirectory(atPath: fixture.cachePath, withIntermediateDirectories: false)
        } else {
            try Data(bytes).write(to: URL(fileURLWithPath: fixture.cachePath))
        }

        let rebuilt = try fixture.read()
        #expect(rebuilt.readCommits == 4, "the damaged cache was not trusted")
        #expect(rebuilt.lineages == cold.lineages)
        if damage != .replacedByADirectory {
            #expect(try fixture.read().readCommits == 0, "a good cache was written again")
        }
    }

    /// Has another repository's history read with `cacheDirectory`, as a
    /// cache folder copied from elsewhere would be: its lineage cache and snapshot.
    static func writeAnotherRepositorysCaches(into cacheDirectory: String) throws {
        let other = try GitFixture()
        try other.write("b.md", "another repository\n")
        try other.commit("Unrelated", date: start)
        let repository = try Repository.discover(startingAt: other.path)
        _ = try LineageReader(repository: repository, cacheDirectory: cacheDirectory)
            .lineages(of: ["b.md"], at: try repository.resolveCommit("HEAD"))
    }

    /// A cache written for another repository (a copied cache folder) is not
    /// this repository's: it is discarded, not extended.
    @Test func aForeignCacheIsDiscarded() throws {
        let fixture = try Fixture()
        try Self.writeAnotherRepositorysCaches(into: fixture.cacheDirectory)

        let report = try fixture.read()
        #expect(report.readCommits == 4)
        try fixture.expectMatchesGit(report)
        #expect(try fixture.read().readCommits == 0)
    }

    @Test func anUnwritableCacheFolderOnlyCostsTime() throws {
        let fixture = try Fixture()
        let blocked = fixture.git.root + "/not-a-folder"
        try Data("file".utf8).write(to: URL(fileURLWithPath: blocked))
        let report = try fixture.read(cacheDirectory: blocked + "/cache")
        try fixture.expectMatchesGit(report)
        #expect(try fixture.read(cacheDirectory: blocked + "/cache").readCommits == 4)
    }
}
