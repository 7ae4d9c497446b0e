/// Computes `SpanHashes`, reusing one counting table across blobs.
///
/// git hashes into an open-addressing table and sorts it; since hashes are
/// below 107,927, a flat array of counts plus the list of hashes touched
/// gives the same sums with no probing.
struct SpanHashBuilder {
    private var counts = [UInt32](repeating: 0, count: Int(SpanHashes.hashBase))
    private var touched: [UInt32] = []

    /// git's `hash_chars`. Text (no NUL in the first 8000 bytes, git's
    /// `buffer_is_binary`) ignores the CR of each CRLF. A last chunk without
    /// a newline is not counted, exactly as git's loop leaves it.
    mutating func spanHashes(of content: UnsafeRawBufferPointer) -> SpanHashes {
        let bytes = content.bindMemory(to: UInt8.self)
        let isText = !bytes.prefix(8000).contains(0)
        let count = bytes.count
        // Every blob of a history goes through here: unchecked access matters.
        counts.withUnsafeMutableBufferPointer { counts in
            var accum1: UInt32 = 0, accum2: UInt32 = 0
            var length: UInt32 = 0
            var index = 0
            while index < count {
                let c = UInt32(bytes[index])
                index += 1
                if isText, c == 13, index < count, bytes[index] == 10 { continue }
                let old1 = accum1
                accum1 = (accum1 << 7) ^ (accum2 >> 25)
                accum2 = (accum2 << 7) ^ (old1 >> 25)
                accum1 &+= c
                length += 1
                if length < 64, c != 10 { continue }
                let hash = (accum1 &+ accum2 &* 0x61) % SpanHashes.hashBase
                if counts[Int(hash)] == 0 { touched.append(hash) }
                counts[Int(hash)] &+= length
                length = 0
                accum1 = 0
                accum2 = 0
            }
        }
        touched.sort()
        var entries: [UInt64] = []
        entries.reserveCapacity(touched.count)
        counts.withUnsafeMutableBufferPointer { counts in
            for hash in touched {
                entries.append(UInt64(hash) << 32 | UInt64(counts[Int(hash)]))
                counts[Int(hash)] = 0
            }
        }
        touched.removeAll(keepingCapacity: true)
        return SpanHashes(entries: entries, size: count)
    }
}
