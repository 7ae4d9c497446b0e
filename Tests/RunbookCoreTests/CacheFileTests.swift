import Foundation
@testable import RunbookCore
import Testing

/// The envelope of the build's cache files, written in pieces.
@Suite struct CacheFileTests {
    /// Three megabytes and a few bytes, not a multiple of eight.
    private static let payload = (0..<(3 << 20) + 13).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 11) }

    @Test(arguments: [1, 7, 8, 31, 32, 33, 4_099, 1 << 20])
    func aChecksumTakenInPiecesIsTheChecksumOfTheWhole(_ piece: Int) {
        var checksum = CacheChecksum()
        Self.payload.withUnsafeBytes { bytes in
            for start in stride(from: 0, to: bytes.count, by: piece) {
                checksum.add(UnsafeRawBufferPointer(rebasing: bytes[start..<min(start + piece, bytes.count)]))
            }
        }
        #expect(checksum.value == Self.payload.withUnsafeBytes(CacheChecksum.of))
    }

    @Test func aFlippedBitMovedBlocksOrAnAddedZeroChangeTheChecksum() {
        let original = Array(Self.payload.prefix(1_000))
        let checksum = original.withUnsafeBytes(CacheChecksum.of)
        var changed: [[UInt8]] = [0, 7, 8, 31, 32, 500, 998, 999].map { position in
            var bytes = original
            bytes[position] ^= 0x10
            return bytes
        }
        changed.append(original + [0])
        changed.append(Array(original[32..<64] + original[0..<32] + original[64...]))
        changed.append(Array(original[8..<16] + original[0..<8] + original[16...]))
        for bytes in changed {
            #expect(bytes.withUnsafeBytes(CacheChecksum.of) != checksum)
        }
    }

    @Test func aPayloadWrittenInPiecesReadsBackWhole() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cache-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/nested/test.cache"
        let file = CacheFile(magic: Array("runbook testing\n".utf8), version: 3)
        try file.write(to: path) { payload in
            Self.payload.withUnsafeBytes { bytes in
                for start in stride(from: 0, to: bytes.count, by: 65_537) {
                    payload.append(UnsafeRawBufferPointer(rebasing: bytes[start..<min(start + 65_537, bytes.count)]))
                }
            }
        }
        #expect(file.payload(at: path).map(Array.init) == Self.payload)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/nested") == ["test.cache"], "no temporary file left")
        #expect(CacheFile(magic: Array("runbook testing\n".utf8), version: 4).payload(at: path) == nil, "another version")
        #expect(CacheFile(magic: Array("runbook lineage\n".utf8), version: 3).payload(at: path) == nil, "another cache")
    }

    @Test func aWriteThatFailsLeavesTheOldFileAndNoTemporaryOne() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cache-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/test.cache"
        let file = CacheFile(magic: Array("runbook testing\n".utf8), version: 1)
        try file.write(Array("old".utf8), to: path)
        struct Stop: Error {}
        #expect(throws: Stop.self) {
            try file.write(to: path) { payload in
                Array("new".utf8).withUnsafeBytes { payload.append($0) }
                throw Stop()
            }
        }
        #expect(file.payload(at: path).map(Array.init) == Array("old".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["test.cache"])
    }

    /// A pipe where a cache should be is not read from (it would wait for a writer forever).
    @Test func aPipeInPlaceOfTheFileIsNoCache() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cache-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(mkfifo(folder + "/test.cache", 0o644) == 0)
        #expect(CacheFile(magic: Array("runbook testing\n".utf8), version: 1).payload(at: folder + "/test.cache") == nil)
    }
}
