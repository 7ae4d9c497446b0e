import Foundation
import Testing
@testable import GitKit

/// `paths(of:differingFrom:)`, checked against what git itself reports as staged
/// (`git diff --cached --name-only`), through the index's cache tree and without it.
@Suite struct StagedChangesTests {
    /// A tree with the orderings git is particular about (`a.b` < `a/` < `a0`),
    /// non-ASCII and spaced names, a path longer than the index's 12-bit length
    /// field, an executable and a symlink.
    private func committedRepository(longPath: Bool = true) throws -> TemporaryGitRepository {
        let fixture = try TemporaryGitRepository()
        try fixture.write("a/b/c/x.md", "x\n")
        try fixture.write("a/b/y.md", "y\n")
        try fixture.write("a/z.md", "z\n")
        try fixture.write("a.b", "dot\n")
        try fixture.write("a0/q.md", "q\n")
        try fixture.write("top.md", "top\n")
        try fixture.write("é/ü and space.md", "accents\n")
        try fixture.write("tools/run.sh", "#!/bin/sh\n", executable: true)
        try fixture.symlink("link.md", to: "top.md")
        for service in 0..<20 { try fixture.write("services/s\(service)/runbook.md", "\(service)\n") }
        try fixture.git("add", "--all")
        if longPath { try stageLongPath("long\n", in: fixture) }
        try fixture.git("commit", "--quiet", "-m", "first")
        return fixture
    }

    /// Too long for a file system (over PATH_MAX with the folder it is in), so
    /// it lives in the index only.
    private func stageLongPath(_ content: String, in fixture: TemporaryGitRepository) throws {
        let blob = try fixture.blobID(of: content, write: true)
        try fixture.git("update-index", "--add", "--cacheinfo", "100644,\(blob),\(Self.longPath)")
    }

    /// 21 folders of 200 letters: over 4,095 bytes.
    private static let longPath = (0..<21).map { String(repeating: Character(UnicodeScalar(UInt8(97 + $0))), count: 200) }
        .joined(separator: "/") + "/deep.md"

    /// Stages one change of every kind, path by path as `git add <file>` does, which
    /// keeps the cache tree of every other directory.
    private func stageChanges(in fixture: TemporaryGitRepository, longPath: Bool = true) throws {
        let edits = [
            ("a/b/c/x.md", "x changed\n"), ("a/b/new.md", "new\n"), ("a.b", "dot changed\n"),
            ("services/s7/runbook.md", "seven changed\n"), ("new/dir/f.md", "f\n"),
            // The same content again: not a change.
            ("services/s3/runbook.md", "3\n"),
        ]
        for (path, content) in edits {
            try fixture.write(path, content)
            try fixture.git("add", path)
        }
        if longPath { try stageLongPath("long changed\n", in: fixture) }
        try fixture.git("rm", "--quiet", "--cached", "a/z.md")
        try fixture.git("update-index", "--chmod=+x", "top.md")
    }

    private func gitStaged(_ fixture: TemporaryGitRepository) throws -> Set<String> {
        Set(try fixture.git("-c", "core.quotePath=false", "diff", "--cached", "--no-renames", "--name-only")
            .split(separator: "\n").map(String.init))
    }

    private func staged(_ fixture: TemporaryGitRepository) throws -> Set<String> {
        let repository = try Repository.discover(startingAt: fixture.path)
        return try repository.paths(of: repository.indexEntries(under: ""), differingFrom: repository.resolveCommit("HEAD"))
    }

    /// libgit2 1.5 cannot read a version 4 index holding a path of 4,096 bytes or
    /// more, so that one is left out there.
    @Test("the same paths as git, for each index format version", arguments: [2, 3, 4])
    func sameAsGit(version: Int) throws {
        let fixture = try committedRepository(longPath: version < 4)
        try fixture.git("update-index", "--index-version", String(version))
        try stageChanges(in: fixture, longPath: version < 4)
        let expected = try gitStaged(fixture)
        #expect(expected.count == (version < 4 ? 8 : 7), "\(expected)")
        #expect(try staged(fixture) == expected)
    }

    @Test("the cache tree is read: valid directories are taken by id, unread")
    func cacheTreeIsRead() throws {
        let fixture = try committedRepository()
        try stageChanges(in: fixture)
        let repository = try Repository.discover(startingAt: fixture.path)
        let cache = try #require(try repository.indexTreeCache())
        let unchanged = try fixture.git("rev-parse", "HEAD:services/s1")
        #expect(cache.trees[Array("services/s1".utf8)]?.hex == unchanged)
        #expect(cache.trees[Array("services".utf8)] == nil, "services holds staged changes")
        #expect(cache.trees[[]] == nil)
    }

    @Test("nothing staged: nothing differs")
    func nothingStaged() throws {
        let fixture = try committedRepository()
        #expect(try staged(fixture).isEmpty)
    }

    @Test("a file that becomes a folder, and an intent-to-add file")
    func fileToFolder() throws {
        let fixture = try committedRepository()
        try fixture.git("rm", "--quiet", "--cached", "top.md")
        try FileManager.default.removeItem(atPath: fixture.path + "/top.md")
        try fixture.write("top.md/inner.md", "inner\n")
        try fixture.write("later.md", "later\n")
        try fixture.git("add", "top.md/inner.md")
        try fixture.git("add", "--intent-to-add", "later.md")
        #expect(try staged(fixture) == ["top.md", "top.md/inner.md"])
    }

    @Test("an index with conflicts is compared entry by entry")
    func conflicts() throws {
        let fixture = try committedRepository()
        try fixture.git("checkout", "--quiet", "-b", "other")
        try fixture.write("a/z.md", "theirs\n")
        try fixture.commitAll("theirs")
        try fixture.git("checkout", "--quiet", "main")
        try fixture.write("a/z.md", "ours\n")
        try fixture.write("a/b/y.md", "y changed\n")
        try fixture.commitAll("ours")
        try fixture.git("merge", "--quiet", "other", allowFailure: true)
        let repository = try Repository.discover(startingAt: fixture.path)
        #expect(try repository.indexTreeCache()?.trees == nil)
        // The conflicted path is reported (with git's "ours" side, which equals HEAD's, it
        // is not a change); nothing else was staged by the merge.
        #expect(try staged(fixture) == [])
        try fixture.write("a.b", "resolved elsewhere\n")
        try fixture.git("add", "a.b")
        #expect(try staged(fixture) == ["a.b"])
    }

    @Test("a damaged or foreign cache tree is not used", arguments: [
        "TREE", "DIRC-bad-version", "checksum",
    ])
    func damaged(kind: String) throws {
        let fixture = try committedRepository()
        try stageChanges(in: fixture)
        var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: fixture.path + "/.git/index")))
        let checksum = try #require(bytes.withUnsafeBytes { ObjectID(rawBytes: UnsafeRawBufferPointer(rebasing: $0[($0.count - 20)...])) })
        #expect(bytes.withUnsafeBytes { IndexTreeCache(file: $0, checksum: checksum) } != nil, "the undamaged index reads")
        switch kind {
        case "TREE":
            // The root's subtree count, not a number.
            let tree = try #require(Self.range(of: Array("TREE".utf8), in: bytes))
            let newline = try #require(bytes[tree.upperBound...].firstIndex(of: UInt8(ascii: "\n")))
            bytes[newline - 1] = UInt8(ascii: "x")
        case "DIRC-bad-version":
            bytes[7] = 9
        default:
            bytes[bytes.count - 1] ^= 0xFF
        }
        let parsed = bytes.withUnsafeBytes { IndexTreeCache(file: $0, checksum: checksum) }
        #expect(parsed == nil)
    }

    private static func range(of needle: [UInt8], in haystack: [UInt8]) -> Range<Int>? {
        guard haystack.count >= needle.count else { return nil }
        for start in 0...(haystack.count - needle.count) where haystack[start..<(start + needle.count)].elementsEqual(needle) {
            return start..<(start + needle.count)
        }
        return nil
    }
}
