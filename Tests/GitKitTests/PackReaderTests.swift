import Foundation
import Testing
@testable import GitKit

/// `PackReader` against packs written by git itself: every object it returns
/// must hash back to its id, and whatever it cannot read it must leave to
/// libgit2 (nil), damaged input included, without crashing.
@Suite struct PackReaderTests {
    /// A history whose files and trees git stores as long delta chains, each
    /// delta naming its base by offset (git's default) or by id.
    private func deltifiedRepository(basesByOffset: Bool = true) throws -> TemporaryGitRepository {
        let fixture = try TemporaryGitRepository()
        var text = ""
        for version in 1...40 {
            text += "line \(version): restart the worker and check the queue depth\n"
            try fixture.write("runbooks/a.md", "# A\n\n" + text)
            try fixture.write("runbooks/b.md", "# B\n\n" + String(text.reversed()))
            try fixture.write("notes/\(version % 5).txt", "note \(version)\n" + text)
            try fixture.commit("version \(version)", date: 1_700_000_000 + version)
        }
        try fixture.git(
            "-c", "repack.useDeltaBaseOffset=\(basesByOffset)", "repack", "-a", "-d", "-f", "-q", "--depth=100", "--window=250")
        return fixture
    }

    private func objectDirectory(_ fixture: TemporaryGitRepository) -> String {
        fixture.path + "/.git/objects"
    }

    /// The pack's path without `.pack`/`.idx`.
    private func packStem(_ fixture: TemporaryGitRepository) throws -> String {
        let folder = objectDirectory(fixture) + "/pack"
        let names = try FileManager.default.contentsOfDirectory(atPath: folder)
        return folder + "/" + String(try #require(names.first { $0.hasSuffix(".pack") }).dropLast(5))
    }

    /// Every object of the repository's packs, with its type and size, as git lists them.
    private func packedObjects(_ fixture: TemporaryGitRepository) throws -> [(id: ObjectID, type: Int32, size: Int)] {
        let codes: [Substring: Int32] = ["commit": 1, "tree": 2, "blob": 3, "tag": 4]
        return try fixture.git("cat-file", "--batch-all-objects", "--batch-check=%(objectname) %(objecttype) %(objectsize)")
            .split(separator: "\n").map { line in
                let fields = line.split(separator: " ")
                return (try #require(ObjectID(hex: String(fields[0]))), try #require(codes[fields[1]]), try #require(Int(fields[2])))
            }
    }

    /// `verify-pack -v` rows: "id type size size-in-pack offset [depth base]".
    private func packRows(_ fixture: TemporaryGitRepository) throws -> [[Substring]] {
        try fixture.git("verify-pack", "-v", packStem(fixture) + ".idx").split(separator: "\n").map { $0.split(separator: " ") }
            .filter { $0.count >= 5 && ["commit", "tree", "blob"].contains($0[1]) }
    }

    /// Headers first, each from a reader that has read nothing (so from the pack,
    /// not the cache), then every object oldest first and newest first, each
    /// order with a reader of its own: every one must be exactly git's.
    private func expectEveryObjectExact(_ fixture: TemporaryGitRepository) throws {
        let objects = try packedObjects(fixture)
        for object in objects {
            let header = try #require(PackReader(objectDirectory: objectDirectory(fixture)).header(of: object.id))
            #expect(header.type == object.type && header.size == object.size, "header of \(object.id)")
        }
        for order in [objects, objects.reversed()] {
            let reader = PackReader(objectDirectory: objectDirectory(fixture))
            for object in order {
                let read = try #require(reader.object(object.id))
                #expect(read.type == object.type)
                #expect(read.bytes.count == object.size)
                #expect(try ObjectID(hashing: read.bytes, type: read.type) == object.id)
            }
        }
    }

    @Test func readsEveryObjectOfADeltifiedPackExactly() throws {
        let fixture = try deltifiedRepository()
        let depths = try packRows(fixture).compactMap { $0.count == 7 ? Int($0[5]) : nil }
        #expect(depths.count > 100 && depths.max() ?? 0 >= 8, "the fixture should have many deltas, in long chains")
        #expect(try packedObjects(fixture).count > 150)
        try expectEveryObjectExact(fixture)
    }

    @Test func readsDeltasAgainstBasesNamedById() throws {
        let fixture = try deltifiedRepository(basesByOffset: false)
        #expect(try packRows(fixture).contains { $0.count == 7 })
        try expectEveryObjectExact(fixture)
    }

    @Test func readsOffsetsFromTheLargeOffsetTable() throws {
        let fixture = try deltifiedRepository()
        // Offsets past the threshold go to the 64-bit table, as in packs over 2 GB.
        let stem = try packStem(fixture)
        try FileManager.default.removeItem(atPath: stem + ".idx")
        try fixture.git("index-pack", "--index-version=2,2000", "-o", stem + ".idx", stem + ".pack")
        try expectEveryObjectExact(fixture)
    }

    @Test func leavesLooseAndMissingObjectsToLibgit2() throws {
        let fixture = try deltifiedRepository()
        try fixture.write("runbooks/c.md", "# C\n")
        let loose = try #require(ObjectID(hex: fixture.commit("loose", date: 1_800_000_000)))
        let reader = PackReader(objectDirectory: objectDirectory(fixture))
        #expect(reader.object(loose) == nil)
        #expect(reader.header(of: loose) == nil)
        #expect(reader.object(try #require(ObjectID(hex: String(repeating: "0", count: 40)))) == nil)
        // Through the repository, libgit2 reads what the pack reader cannot.
        let repository = try Repository.discover(startingAt: fixture.path)
        #expect(try repository.commitInfo(loose).message.hasPrefix("loose"))
    }

    @Test func repositoryReadsThroughItWithLibgit2sAnswersAndErrors() throws {
        let fixture = try deltifiedRepository()
        let repository = try Repository.discover(startingAt: fixture.path)
        let blob = try #require(ObjectID(hex: fixture.git("rev-parse", "HEAD~5:runbooks/a.md")))
        let tree = try #require(ObjectID(hex: fixture.git("rev-parse", "HEAD~5^{tree}")))
        let content = Array(try fixture.git("show", "HEAD~5:runbooks/a.md").utf8) + [10]
        // Reading a blob alone (a lint) does not open the pack reader; a walk's reads do.
        #expect(try repository.blob(blob) == content)
        #expect(repository.openPackReader == nil)
        _ = try repository.commitInfo(try #require(ObjectID(hex: fixture.git("rev-parse", "HEAD"))))
        #expect(repository.openPackReader != nil)
        #expect(try repository.blob(blob) == content)
        #expect(try repository.blobSize(blob) == Int(fixture.git("cat-file", "-s", blob.hex)))
        // A packed object of another type fails as the same call fails through libgit2.
        #expect(throws: GitError.self) { try repository.blob(tree) }
        #expect(throws: GitError.self) { try repository.blobSize(tree) }
        let wrongType = try #require(throws: GitError.self) { try repository.commitInfo(blob) }
        #expect(wrongType.message == "object \(blob) is a blob, not a commit")
    }

    @Test func readsPacksOfAlternates() throws {
        let fixture = try deltifiedRepository()
        let clone = fixture.root + "/shared"
        try fixture.git("clone", "--quiet", "--shared", fixture.path, clone, in: fixture.root)
        #expect(FileManager.default.fileExists(atPath: clone + "/.git/objects/info/alternates"))
        let reader = PackReader(objectDirectory: clone + "/.git/objects")
        let head = try #require(ObjectID(hex: fixture.git("rev-parse", "HEAD")))
        #expect(reader.object(head)?.type == 1)
    }

    @Test func refusesAnIndexWrittenForAnotherPack() throws {
        let fixture = try deltifiedRepository()
        let objects = try packedObjects(fixture)
        let stem = try packStem(fixture)
        let deltified = try Data(contentsOf: URL(fileURLWithPath: stem + ".pack"))
        // The same objects packed without deltas: the same ids, other offsets.
        try fixture.git("repack", "-a", "-d", "-f", "-q", "--window=0")
        let whole = try packStem(fixture)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: whole + ".pack")
        try deltified.write(to: URL(fileURLWithPath: whole + ".pack"))
        let reader = PackReader(objectDirectory: objectDirectory(fixture))
        #expect(objects.allSatisfy { reader.object($0.id) == nil })
    }

    @Test func refusesDamagedPacksWithoutCrashing() throws {
        let fixture = try deltifiedRepository()
        let objects = try packedObjects(fixture)
        let stem = try packStem(fixture)
        let original = try [UInt8](Data(contentsOf: URL(fileURLWithPath: stem + ".pack")))
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: stem + ".pack")
        func damage(_ bytes: [UInt8]) throws -> PackReader {
            try Data(bytes).write(to: URL(fileURLWithPath: stem + ".pack"))
            return PackReader(objectDirectory: objectDirectory(fixture))
        }

        // One whole blob's compressed data changed: zlib's checksum refuses it
        // and every delta built on it, and everything else reads exactly.
        let whole = try #require(try packRows(fixture).first { row in row.count == 5 && row[1] == "blob" && Int(row[3]) ?? 0 > 40 })
        let damagedID = try #require(ObjectID(hex: String(whole[0])))
        let sizeInPack = try #require(Int(whole[3])), offset = try #require(Int(whole[4]))
        var damaged = original
        damaged[offset + sizeInPack / 2] ^= 0x5a
        let reader = try damage(damaged)
        #expect(reader.object(damagedID) == nil)
        for object in objects {
            guard let read = reader.object(object.id) else { continue }
            #expect(try ObjectID(hashing: read.bytes, type: read.type) == object.id)
        }

        // Single bytes changed all through the file: reads may fail or, where git
        // itself would not notice (a delta pointed at another base of the same
        // size), differ, but never read out of bounds or crash.
        var refused = 0
        for position in stride(from: 0, to: original.count, by: max(1, original.count / 97)) {
            var damaged = original
            damaged[position] ^= 0x5a
            let reader = try damage(damaged)
            for object in objects where reader.header(of: object.id) == nil || reader.object(object.id) == nil {
                refused += 1
            }
        }
        #expect(refused > 0)

        // A pack cut short: its trailer no longer matches the index, so it is not read.
        let truncated = try damage(Array(original.prefix(original.count / 2)))
        #expect(objects.allSatisfy { truncated.object($0.id) == nil })
    }

    @Test func refusesDamagedIndexes() throws {
        let fixture = try deltifiedRepository()
        let objects = try packedObjects(fixture)
        let path = try packStem(fixture) + ".idx"
        let original = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
        func readsNothing(_ bytes: [UInt8]) throws -> Bool {
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            let reader = PackReader(objectDirectory: objectDirectory(fixture))
            return objects.allSatisfy { reader.object($0.id) == nil }
        }
        func word(_ value: UInt32) -> [UInt8] { withUnsafeBytes(of: value.bigEndian, Array.init) }

        // Not an index at all.
        #expect(try readsNothing([UInt8](repeating: 0xff, count: 2000)))
        // A fan-out that goes down.
        var fanout = original
        fanout.replaceSubrange(8 + 100 * 4..<8 + 101 * 4, with: word(0xffff))
        #expect(try readsNothing(fanout))
        // More objects than the file holds.
        var count = original
        count.replaceSubrange(8 + 255 * 4..<8 + 256 * 4, with: word(1 << 20))
        #expect(try readsNothing(count))
        // Cut short.
        #expect(try readsNothing(Array(original.prefix(original.count - 7))))

        // An offset pointing into the large-offset table past its end: that object
        // is refused, the others still read.
        var large = original
        let objectCount = objects.count
        let offsets = 8 + 256 * 4 + objectCount * 24
        large.replaceSubrange(offsets..<offsets + 4, with: word(0x8000_0005))
        try Data(large).write(to: URL(fileURLWithPath: path))
        let reader = PackReader(objectDirectory: objectDirectory(fixture))
        let readable = objects.filter { reader.object($0.id) != nil }
        #expect(readable.count == objectCount - 1)
    }
}
