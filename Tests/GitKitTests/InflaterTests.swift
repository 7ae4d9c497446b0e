import Testing
@testable import GitKit

/// `Inflater` on zlib streams as a pack holds them: the declared size must be
/// exactly what the stream holds, bytes after the stream (the pack's next
/// object) are left alone, and damage is refused rather than returned.
@Suite struct InflaterTests {
    /// `hello, pack\n`, as zlib (Python's `zlib.compress`) writes it.
    private let hello: [UInt8] = [120, 156, 203, 72, 205, 201, 201, 215, 81, 40, 72, 76, 206, 230, 2, 0, 28, 112, 4, 10]
    private let helloText = Array("hello, pack\n".utf8)
    /// An empty object's stream.
    private let empty: [UInt8] = [120, 156, 3, 0, 0, 0, 0, 1]

    private func inflate(_ input: [UInt8], size: Int, with inflater: Inflater = Inflater()) -> [UInt8]? {
        input.withUnsafeBytes { inflater.inflate($0, size: size) }
    }

    @Test func inflatesAStreamOfTheDeclaredSize() {
        #expect(inflate(hello, size: helloText.count) == helloText)
        #expect(inflate(empty, size: 0) == [])
    }

    @Test func refusesAStreamLongerOrShorterThanDeclared() {
        #expect(inflate(hello, size: helloText.count - 1) == nil)
        #expect(inflate(hello, size: helloText.count + 1) == nil)
        #expect(inflate(empty, size: 1) == nil)
    }

    @Test func stopsAtTheStreamsEndAndCountsWhatItRead() {
        let inflater = Inflater()
        #expect(inflate(hello + empty + [0xff, 0xff], size: helloText.count, with: inflater) == helloText)
        #expect(inflater.consumed == hello.count)
        // The same inflater, reused for the next object.
        #expect(inflate(empty + hello, size: 0, with: inflater) == [])
        #expect(inflater.consumed == empty.count)
    }

    @Test func refusesDamagedAndCutStreams() {
        var wrongChecksum = hello
        wrongChecksum[wrongChecksum.count - 1] ^= 1
        #expect(inflate(wrongChecksum, size: helloText.count) == nil)
        #expect(inflate(Array(hello.dropLast(5)), size: helloText.count) == nil)
        #expect(inflate([], size: 0) == nil)
        #expect(inflate([0x78, 0x9c, 0xff, 0xff, 0xff], size: 4) == nil)
    }

    @Test func readsTheFirstBytesOfAStream() {
        let prefix = hello.withUnsafeBytes { Inflater().inflatePrefix($0, limit: 5) }
        #expect(prefix == Array(helloText.prefix(5)))
    }
}
