/// A 64-bit checksum of a cache file's content, to notice a truncated,
/// partly overwritten or bit-flipped file before trusting any of it. Not
/// cryptographic: the caches live inside the repository's own Git folder.
///
/// Taken as the bytes come, so a cache of tens of megabytes can be written
/// in pieces without ever holding all of it.
struct CacheChecksum {
    private var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    private var count: UInt64 = 0
    /// Bytes of a word not yet complete, least significant first.
    private var pending: UInt64 = 0
    private var pendingCount = 0

    static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var checksum = CacheChecksum()
        checksum.add(bytes)
        return checksum.value
    }

    mutating func add(_ bytes: UnsafeRawBufferPointer) {
        count += UInt64(bytes.count)
        var offset = 0
        while pendingCount != 0, offset < bytes.count {
            addPending(bytes[offset])
            offset += 1
        }
        // Eight bytes at a time: a multiply-xorshift mix of each word.
        while offset + 8 <= bytes.count {
            hash = Self.mix(hash ^ UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
            offset += 8
        }
        while offset < bytes.count {
            addPending(bytes[offset])
            offset += 1
        }
    }

    /// The checksum of everything added: the last partial word, then the length.
    var value: UInt64 {
        Self.mix(Self.mix(hash ^ pending) ^ count)
    }

    private mutating func addPending(_ byte: UInt8) {
        pending |= UInt64(byte) << (8 * UInt64(pendingCount))
        pendingCount += 1
        if pendingCount == 8 {
            hash = Self.mix(hash ^ pending)
            pending = 0
            pendingCount = 0
        }
    }

    private static func mix(_ value: UInt64) -> UInt64 {
        var value = value &* 0x9e37_79b9_7f4a_7c15
        value ^= value >> 29
        value = value &* 0xbf58_476d_1ce4_e5b9
        return value ^ (value >> 32)
    }
}
