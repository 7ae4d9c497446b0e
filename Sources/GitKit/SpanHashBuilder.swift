#if canImport(Glibc)
internal import Glibc
#elseif canImport(Musl)
internal import Musl
#elseif canImport(Darwin)
internal import Darwin
#endif

/// Computes `SpanHashes`, reusing one buffer across blobs.
///
/// git adds each chunk's length into a hash table sized for the blob; here
/// each chunk's (hash, length) is listed, and the list sorted and merged.
/// Either way the work stays in cache: a table indexed by hash directly
/// (107,927 slots) would miss the cache on nearly every chunk.
struct SpanHashBuilder {
    /// (hash << 32 | length) of each chunk of the blob being hashed.
    private var chunks: [UInt64] = []
    /// Where the radix sort puts the chunks between its passes.
    private var scratch: [UInt64] = []

    /// git's `hash_chars`. Text (no NUL in the first 8000 bytes, git's
    /// `buffer_is_binary`) ignores the CR of each CRLF. A last chunk without
    /// a newline is not counted, exactly as git's loop leaves it.
    mutating func spanHashes(of content: UnsafeRawBufferPointer) -> SpanHashes {
        guard let base = content.baseAddress, !content.isEmpty else { return SpanHashes(entries: [], size: 0) }
        let count = content.count
        let isText = memchr(base, 0, min(count, 8000)) == nil
        // Every blob of a history goes through here: a blob with no CR at all
        // (nearly all) takes the loop without the CRLF test.
        let bytes = base.assumingMemoryBound(to: UInt8.self)
        if isText, memchr(base, 13, count) != nil {
            listChunks(of: bytes, count: count, skippingCRLF: true)
        } else {
            listChunks(of: bytes, count: count, skippingCRLF: false)
        }
        sortChunks()
        var entries: [UInt64] = []
        entries.reserveCapacity(chunks.count)
        for chunk in chunks {
            // Same hash as the last entry: add the length (32-bit, as git's count).
            if let last = entries.last, last >> 32 == chunk >> 32 {
                let sum = UInt32(truncatingIfNeeded: last) &+ UInt32(truncatingIfNeeded: chunk)
                entries[entries.count - 1] = last & 0xffff_ffff_0000_0000 | UInt64(sum)
            } else {
                entries.append(chunk)
            }
        }
        chunks.removeAll(keepingCapacity: true)
        return SpanHashes(entries: entries, size: count)
    }

    /// Sorts the chunks by hash (the order of equal hashes does not matter:
    /// their lengths are summed). A radix sort in two passes over the 17-bit
    /// hash, through a buffer kept from blob to blob: the standard library's
    /// sort (a merge sort) takes a buffer for each of a history's hundred
    /// thousand blobs and mispredicts a branch at every other comparison.
    private mutating func sortChunks() {
        if scratch.count < chunks.count { scratch = [UInt64](repeating: 0, count: chunks.count) }
        Self.scatter(chunks.count, of: chunks, into: &scratch, shift: 32, bits: 9)
        Self.scatter(chunks.count, of: scratch, into: &chunks, shift: 41, bits: 8)
    }

    /// One stable pass of the radix sort: the first `count` values of `source`
    /// into `destination`, by `bits` bits from `shift` up.
    private static func scatter(
        _ count: Int, of source: [UInt64], into destination: inout [UInt64], shift: UInt64, bits: Int
    ) {
        let mask = UInt64(1 << bits - 1)
        source.withUnsafeBufferPointer { source in
            destination.withUnsafeMutableBufferPointer { destination in
                // Where each bucket's values go next; on the stack.
                withUnsafeTemporaryAllocation(of: Int.self, capacity: (1 << bits) + 1) { starts in
                    starts.initialize(repeating: 0)
                    for value in source[..<count] { starts[Int(value >> shift & mask) + 1] += 1 }
                    for bucket in 1..<starts.count { starts[bucket] += starts[bucket - 1] }
                    for value in source[..<count] {
                        let bucket = Int(value >> shift & mask)
                        destination[starts[bucket]] = value
                        starts[bucket] += 1
                    }
                }
            }
        }
    }

    /// Lists each chunk's hash and length.
    ///
    /// git keeps two 32-bit accumulators and shifts each left by 7, taking
    /// the other's top 7 bits; read as one 64-bit word (`accum1` high,
    /// `accum2` low) that is a rotation by 7, and adding a byte to `accum1`
    /// adds it to the high half (the carry out of bit 63 is dropped, as
    /// `accum1`'s 32-bit sum drops it). One rotate and one add per byte.
    @inline(__always)
    private mutating func listChunks(of bytes: UnsafePointer<UInt8>, count: Int, skippingCRLF: Bool) {
        var accumulator: UInt64 = 0
        var length: UInt64 = 0
        var index = 0
        while index < count {
            let c = bytes[index]
            index += 1
            if skippingCRLF, c == 13, index < count, bytes[index] == 10 { continue }
            accumulator = (accumulator << 7 | accumulator >> 57) &+ UInt64(c) << 32
            length += 1
            if length < 64, c != 10 { continue }
            let accum1 = UInt32(truncatingIfNeeded: accumulator >> 32)
            let accum2 = UInt32(truncatingIfNeeded: accumulator)
            let hash = (accum1 &+ accum2 &* 0x61) % SpanHashes.hashBase
            chunks.append(UInt64(hash) << 32 | length)
            length = 0
            accumulator = 0
        }
    }
}
