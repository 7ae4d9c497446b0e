@testable import RunbookCore
import Testing

/// Text in the caches: read back as written, and damage never read as text.
@Suite struct BinaryReaderTests {
    @Test(arguments: ["", "a", "kubectl -n billing rollout undo deploy/api", "Ünïcödé", "café au lait", "日本語", "🚨 page", "\u{7F}\u{80}"])
    func textReadsBackAsWritten(_ text: String) throws {
        var writer = BinaryWriter()
        writer.write(text)
        writer.write("after")
        #expect(try Self.strings(in: writer.bytes) == [text, "after"])
    }

    /// Every string in `bytes`, read to the end.
    private static func strings(in bytes: [UInt8]) throws -> [String] {
        try bytes.withUnsafeBytes { buffer in
            var reader = BinaryReader(buffer)
            var strings: [String] = []
            while !reader.isAtEnd { strings.append(try reader.string()) }
            return strings
        }
    }

    /// Invalid UTF-8 alone and after ASCII: a stray byte, a sequence cut short
    /// (one whose replacement would be as long as itself), an overlong form,
    /// a surrogate, and a code point past U+10FFFF.
    @Test(arguments: [[0xFF], [0x80], [0xC3], [0xF0, 0x9F, 0x98], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80]] as [[UInt8]])
    func invalidUTF8IsDamage(_ invalid: [UInt8]) {
        for text in [invalid, Array("runbooks/".utf8) + invalid, invalid + Array(" tail".utf8)] {
            var bytes: [UInt8] = []
            withUnsafeBytes(of: UInt32(text.count).littleEndian) { bytes.append(contentsOf: $0) }
            bytes += text
            #expect(throws: BinaryReader.Damaged.self) { try Self.strings(in: bytes) }
        }
    }
}
