@testable import GitKit
import Testing

/// The builder's one-word rotation against git's `hash_chars` loop as git
/// writes it, with two 32-bit accumulators.
@Suite struct SpanHashBuilderTests {
    /// git's loop, transcribed; a sorted (hash, count) list.
    private static func gitSpanHashes(_ bytes: [UInt8]) -> [UInt64] {
        let isText = !bytes.prefix(8000).contains(0)
        var counts: [UInt32: UInt32] = [:]
        var accum1: UInt32 = 0, accum2: UInt32 = 0, n: UInt32 = 0
        var index = 0
        while index < bytes.count {
            let c = UInt32(bytes[index])
            index += 1
            if isText, c == 13, index < bytes.count, bytes[index] == 10 { continue }
            let old1 = accum1
            accum1 = (accum1 << 7) ^ (accum2 >> 25)
            accum2 = (accum2 << 7) ^ (old1 >> 25)
            accum1 &+= c
            n += 1
            if n < 64, c != 10 { continue }
            counts[(accum1 &+ accum2 &* 0x61) % SpanHashes.hashBase, default: 0] += n
            n = 0
            accum1 = 0
            accum2 = 0
        }
        return counts.keys.sorted().map { UInt64($0) << 32 | UInt64(counts[$0]!) }
    }

    private static func samples() -> [[UInt8]] {
        var generator = SplitMix(seed: 7)
        var samples: [[UInt8]] = [
            [], Array("no newline at the end".utf8), Array("one\ntwo\r\nthree\r\r\n\n".utf8),
            Array(repeating: UInt8(ascii: "x"), count: 200) + [10],
            Array("binary\0with\r\nCRLF kept\r\n".utf8),
        ]
        for length in [1, 63, 64, 65, 500, 9000] {
            // Bytes of every value, newlines and CRs often, so chunks end both ways.
            samples.append((0..<length).map { _ in
                switch generator.next() % 8 {
                case 0: return 10
                case 1: return 13
                default: return UInt8(truncatingIfNeeded: generator.next())
                }
            })
            samples.append((0..<length).map { _ in generator.next() % 5 == 0 ? 10 : UInt8(ascii: "a") + UInt8(generator.next() % 26) })
        }
        return samples
    }

    @Test func matchesGitsLoop() {
        var builder = SpanHashBuilder()
        for sample in Self.samples() {
            let built = sample.withUnsafeBytes { builder.spanHashes(of: $0) }
            #expect(built.entries == Self.gitSpanHashes(sample), "\(sample.count) bytes")
            #expect(built.size == sample.count)
        }
    }
}
