import Foundation
import Testing
@testable import GitKit

/// `PackReader` against packs written by git itself: every object it returns
/// must hash back to its id, and whatever it cannot read it must leave to
/// libgit2 (nil), damaged input included, without crashing.
@Suite struct PackReaderTests {
    /// A history whose files and trees git stores as long delta chains.
    private func deltifiedRepository() throws -> TemporaryGitRepository {
        let fixture = try TemporaryGitRepository()
        var text = ""
        for version in 1...40 {
            text += "line \(version): restart the worker and check the queue depth\n"
            try fixture.write("runbooks/a.md", "# A\n\n" + text)
            try fixture.write("runbooks/b.md", "# B\n\n" + String(text.reversed()))
            try fixture.write("notes/\(version % 5).txt", "note \(version)\n" + text)
            try fixture.commit("version \(version)", date: 1_700_000_000 + version)
        }
        try fixture.git("repack", "-a", "-d", "-f", "-q", "--depth=100", "--window=250")
        return fixture
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

    @Test func readsEveryObjectOfADeltifiedPackExactly() throws {
        let fixture = try deltifiedRepository()
        let chains = try fixture.git("verify-pack", "-v", fixture.path + "/.git/objects/pack/" + (try packName(fixture)) + ".idx")
        #expect(chains.contains("chain length = 10"), "the fixture should have long delta chains")
        let reader = PackReader(objectDirectory: fixture.path + "/.git/objects")
        let objects = try packedObjects(fixture)
        #expect(objects.count > 150)
        // Oldest first and newest first: the cache must not change what is read.
        for order in [objects, objects.reversed()] {
            for object in order {
                let read = try #require(reader.withObject(object.id) { type, bytes in (type, Array(bytes)) })
                #expect(read.0 == object.type)
                #expect(read.1.count == object.size)
                #expect(try ObjectID(hashing: read.1, type: read.0) == object.id)
                let header = try #require(reader.header(of: object.id))
                #expect(header.type == object.type && header.size == object.size)
            }
        }
    }

    @Test func leavesLooseAndMissingObjectsToLibgit2() throws {
        let fixture = try deltifiedRepository()
        try fixture.write("runbooks/c.md", "# C\n")
        let loose = try #require(ObjectID(hex: fixture.commit("loose", date: 1_800_000_000)))
        let reader = PackReader(objectDirectory: fixture.path + "/.git/objects")
        #expect(reader.withObject(loose) { _, _ in true } == nil)
        #expect(reader.header(of: loose) == nil)
        #expect(reader.withObject(try #require(ObjectID(hex: String(repeating: "0", count: 40)))) { _, _ in true } == nil)
        // Through the repository, libgit2 reads what the pack reader cannot.
        let repository = try Repository.discover(startingAt: fixture.path)
        #expect(try repository.commitInfo(loose).message.hasPrefix("loose"))
    }

    @Test func readsPacksOfAlternates() throws {
        let fixture = try deltifiedRepository()
        let clone = fixture.root + "/shared"
        try fixture.git("clone", "--quiet", "--shared", fixture.path, clone, in: fixture.root)
        #expect(FileManager.default.fileExists(atPath: clone + "/.git/objects/info/alternates"))
        let reader = PackReader(objectDirectory: clone + "/.git/objects")
        let head = try #require(ObjectID(hex: fixture.git("rev-parse", "HEAD")))
        #expect(reader.withObject(head) { type, _ in type } == 1)
    }

    @Test func refusesDamagedPacksWithoutCrashing() throws {
        let fixture = try deltifiedRepository()
        let objects = try packedObjects(fixture)
        let packPath = fixture.path + "/.git/objects/pack/" + (try packName(fixture)) + ".pack"
        let original = try [UInt8](Data(contentsOf: URL(fileURLWithPath: packPath)))
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: packPath)

        // One whole blob's compressed data changed: zlib's checksum refuses it
        // and every delta built on it, and everything else reads exactly.
        let listing = try fixture.git("verify-pack", "-v", packPath.replacingOccurrences(of: ".pack", with: ".idx"))
        let rows: [[Substring]] = listing.split(separator: "\n").map { $0.split(separator: " ") }
        // "id type size size-in-pack offset": a whole object (a delta has two more fields).
        let whole = try #require(rows.first { row in row.count == 5 && row[1] == "blob" && Int(row[3]) ?? 0 > 40 })
        let damagedID = try #require(ObjectID(hex: String(whole[0])))
        let sizeInPack = try #require(Int(whole[3])), offset = try #require(Int(whole[4]))
        let damagedAt = offset + sizeInPack / 2
        var damaged = original
        damaged[damagedAt] ^= 0x5a
        try Data(damaged).write(to: URL(fileURLWithPath: packPath))
        let reader = PackReader(objectDirectory: fixture.path + "/.git/objects")
        #expect(reader.withObject(damagedID) { _, _ in true } == nil)
        for object in objects {
            guard let read = reader.withObject(object.id, { type, bytes in (type, Array(bytes)) }) else { continue }
            #expect(try ObjectID(hashing: read.1, type: read.0) == object.id)
        }

        // Single bytes changed all through the file: reads may fail or, where git
        // itself would not notice (a delta pointed at another base of the same
        // size), differ, but never read out of bounds or crash.
        var refused = 0
        for position in stride(from: 0, to: original.count, by: max(1, original.count / 97)) {
            var damaged = original
            damaged[position] ^= 0x5a
            try Data(damaged).write(to: URL(fileURLWithPath: packPath))
            let reader = PackReader(objectDirectory: fixture.path + "/.git/objects")
            for object in objects where reader.header(of: object.id) == nil || reader.withObject(object.id, { _, _ in true }) == nil {
                refused += 1
            }
        }
        #expect(refused > 0)

        // A pack cut short: what is gone is refused, nothing is read past the end.
        try Data(original.prefix(original.count / 2)).write(to: URL(fileURLWithPath: packPath))
        let truncated = PackReader(objectDirectory: fixture.path + "/.git/objects")
        for object in objects { _ = truncated.withObject(object.id) { _, bytes in bytes.count } }

        // An index that is not one: the pack is not used at all.
        try Data(original).write(to: URL(fileURLWithPath: packPath))
        let indexPath = fixture.path + "/.git/objects/pack/" + (try packName(fixture)) + ".idx"
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: indexPath)
        try Data(repeating: 0xff, count: 2000).write(to: URL(fileURLWithPath: indexPath))
        let unindexed = PackReader(objectDirectory: fixture.path + "/.git/objects")
        #expect(unindexed.withObject(objects[0].id) { _, _ in true } == nil)
    }

    private func packName(_ fixture: TemporaryGitRepository) throws -> String {
        let names = try FileManager.default.contentsOfDirectory(atPath: fixture.path + "/.git/objects/pack")
        return String(try #require(names.first { $0.hasSuffix(".pack") }).dropLast(5))
    }
}

@Suite struct PackDeltaTests {
    /// A delta: base size, result size, then instructions.
    private func delta(base: Int, result: Int, _ instructions: [UInt8]) -> [UInt8] {
        [UInt8(base), UInt8(result)] + instructions
    }

    private func apply(_ delta: [UInt8], to base: [UInt8], limit: Int = 1 << 20) -> [UInt8]? {
        delta.withUnsafeBytes { delta in base.withUnsafeBytes { PackDelta.apply(delta, to: $0, limit: limit) } }
    }

    @Test func copiesAndInserts() {
        let base = Array("hello world".utf8)
        // Copy 5 bytes from offset 6 ("world"), insert ", ", copy 5 from offset 0 ("hello").
        let instructions: [UInt8] = [0x91, 6, 5, 2, UInt8(ascii: ","), UInt8(ascii: " "), 0x90, 5]
        #expect(apply(delta(base: 11, result: 12, instructions), to: base) == Array("world, hello".utf8))
        #expect(delta(base: 11, result: 12, instructions).withUnsafeBytes(PackDelta.resultSize) == 12)
    }

    @Test func refusesDeltasThatDoNotFit() {
        let base = Array("hello world".utf8)
        // The base is not the size the delta was made for.
        #expect(apply(delta(base: 10, result: 5, [0x90, 5]), to: base) == nil)
        // A copy past the end of the base.
        #expect(apply(delta(base: 11, result: 5, [0x91, 9, 5]), to: base) == nil)
        // More bytes than the result's size, and fewer.
        #expect(apply(delta(base: 11, result: 4, [0x90, 5]), to: base) == nil)
        #expect(apply(delta(base: 11, result: 6, [0x90, 5]), to: base) == nil)
        // An insert running past the delta's end.
        #expect(apply(delta(base: 11, result: 3, [3, 1]), to: base) == nil)
        // git's reserved instruction.
        #expect(apply(delta(base: 11, result: 0, [0]), to: base) == nil)
        // A result over the limit is not even allocated.
        #expect(apply(delta(base: 11, result: 5, [0x90, 5]), to: base, limit: 4) == nil)
        // A size that never ends.
        #expect(apply([0x80, 0x80, 0x80], to: base) == nil)
    }
}
