import Testing
@testable import SiteBuilder

/// A parted file copies the parts of the previous file that it keeps as few
/// runs as the bytes between them allow, and says where each part lies.
@Suite struct PartedFileTests {
    private static let keys = ["1", "2", "3", "4"].map { PageKey(digest: TestCatalog.commit(Character($0))) }

    /// `[{a},{b},{c},{d}]`: four parts, one comma between each two.
    private static let previous = Array("[{a},{b},{c},{d}]".utf8)
    private static let previousRanges = [1..<4, 5..<8, 9..<12, 13..<16]

    /// The previous file's parts as a build finds them, read `size` bytes at a time.
    private static func parts(of bytes: [UInt8], _ ranges: [Range<Int>], readingBy size: Int) -> FileParts {
        FileParts.checking(
            Dictionary(uniqueKeysWithValues: zip(keys, ranges)), size: bytes.count,
            opening: UInt8(ascii: "{"), closing: UInt8(ascii: "}")
        ) { handle in
            bytes.withUnsafeBytes { buffer in
                for start in stride(from: 0, to: bytes.count, by: size) {
                    handle(UnsafeRawBufferPointer(rebasing: buffer[start..<min(start + size, bytes.count)]), start)
                }
            }
        }
    }

    /// The file a build writes from `pieces`, copying from `previous`.
    private static func bytes(of file: PartedFile) -> [UInt8] {
        file.pieces.flatMap { piece -> [UInt8] in
            switch piece {
            case .rendered(let bytes): Array(bytes)
            case .previous(let range): Array(previous[range])
            }
        }
    }

    @Test(arguments: [1, 2, 3, 5, 64]) func partsThatLookRightAreFoundWhateverThePiecesRead(_ size: Int) {
        let parts = Self.parts(of: Self.previous, Self.previousRanges, readingBy: size)
        #expect(parts.ranges == Dictionary(uniqueKeysWithValues: zip(Self.keys, Self.previousRanges)))
        #expect(parts.joins(1..<4, with: Array(",".utf8)[...], to: 5..<8))
        #expect(!parts.joins(1..<4, with: Array(";".utf8)[...], to: 5..<8))
        #expect(!parts.joins(1..<4, with: Array(",".utf8)[...], to: 9..<12))
    }

    @Test(arguments: [1, 4, 64]) func partsThatDoNotLookRightOrOverlapOrOverrunAreLeftOut(_ size: Int) {
        let ranges = [2..<4, 5..<9, 6..<8, 13..<19]
        let parts = Self.parts(of: Self.previous, ranges, readingBy: size)
        // 2..<4 opens with `a`; 5..<9 closes with `,`; 6..<8 starts inside it; 13..<19 runs past the end.
        #expect(parts.ranges.isEmpty)
    }

    @Test func runsOfCopiedPartsAreCopiedAsOneAndEachPartIsPlaced() throws {
        let parts = Self.parts(of: Self.previous, Self.previousRanges, readingBy: 4)
        // Parts 1, 2 and 4 copied; part 3 rendered anew, longer.
        let rendered = Array("[,,{cc},]".utf8)
        let ranges = [1..<1, 2..<2, 3..<7, 8..<8]
        let file = PartedFile(
            bytes: rendered, ranges: ranges, keys: Self.keys, copied: [0: 1..<4, 1: 5..<8, 3: 13..<16], previous: parts)
        #expect(file.pieces == [
            .rendered(rendered[0..<1]), .previous(1..<8), .rendered(rendered[2..<8]), .previous(13..<16), .rendered(rendered[8...]),
        ])
        let bytes = Self.bytes(of: file)
        #expect(String(decoding: bytes, as: UTF8.self) == "[{a},{b},{cc},{d}]")
        #expect(file.count == bytes.count)
        #expect(file.parts.mapValues { String(decoding: bytes[$0], as: UTF8.self) }
            == Dictionary(uniqueKeysWithValues: zip(Self.keys, ["{a}", "{b}", "{cc}", "{d}"])))
        #expect(file.renderedBytes == nil)
    }

    @Test func partsApartInThePreviousFileAreCopiedApart() throws {
        let parts = Self.parts(of: Self.previous, Self.previousRanges, readingBy: 64)
        // Parts 1 and 3 copied next to each other: the previous file has part 2 between them.
        let rendered = Array("[,]".utf8)
        let file = PartedFile(
            bytes: rendered, ranges: [1..<1, 2..<2], keys: [Self.keys[0], Self.keys[2]], copied: [0: 1..<4, 1: 9..<12],
            previous: parts)
        #expect(file.pieces == [.rendered(rendered[0..<1]), .previous(1..<4), .rendered(rendered[1..<2]), .previous(9..<12), .rendered(rendered[2...])])
        #expect(String(decoding: Self.bytes(of: file), as: UTF8.self) == "[{a},{c}]")
    }

    @Test func aFileRenderedWholeIsOnePieceNotACopy() {
        let bytes = Array("[{a},{b}]".utf8)
        let file = PartedFile(bytes: bytes, ranges: [1..<4, 5..<8], keys: [Self.keys[0], nil])
        #expect(file.renderedBytes.map(Array.init) == bytes)
        #expect(file.parts == [Self.keys[0]: 1..<4])
        #expect(PartedFile(bytes: [], ranges: [], keys: []).renderedBytes?.isEmpty == true)
    }
}
