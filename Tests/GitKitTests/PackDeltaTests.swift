import Testing
@testable import GitKit

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

    @Test func readsMultiByteOffsetsAndSizesAndTheSizeZeroCopy() {
        let base = (0..<0x10200).map { UInt8(truncatingIfNeeded: $0 * 7) }
        // Base and result sizes as base-128 numbers.
        let header: [UInt8] = [0x80, 0x84, 0x04, 0x83, 0x02]  // 0x10200, 0x103
        // Copy offset 0x10001 (bytes 0 and 2 of the offset), size 0x0102 (bytes 0 and 1 of the size).
        let copy: [UInt8] = [0x80 | 0x01 | 0x04 | 0x10 | 0x20, 0x01, 0x01, 0x02, 0x01]
        let delta = header + copy + [1, 0xaa]
        let result = apply(delta, to: base)
        #expect(result == Array(base[0x10001..<0x10001 + 0x102]) + [0xaa])
        // A copy whose size bits are all clear copies 0x10000 bytes.
        let whole: [UInt8] = [0x80, 0x84, 0x04, 0x80, 0x80, 0x04, 0x80]
        #expect(apply(whole, to: base) == Array(base[0..<0x10000]))
    }
}
