/// A 64-bit checksum of the lineage cache's content, to notice a truncated,
/// partly overwritten or bit-flipped file before trusting any of it. Not
/// cryptographic: the cache lives inside the repository's own Git folder.
enum CacheChecksum {
    static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(bytes.count)
        var offset = 0
        // Eight bytes at a time: a multiply-xorshift mix of each word.
        while offset + 8 <= bytes.count {
            hash = mix(hash ^ bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            offset += 8
        }
        var tail: UInt64 = 0
        for (shift, byte) in bytes[offset...].enumerated() { tail |= UInt64(byte) << (8 * UInt64(shift)) }
        return mix(hash ^ tail)
    }

    private static func mix(_ value: UInt64) -> UInt64 {
        var value = value &* 0x9e37_79b9_7f4a_7c15
        value ^= value >> 29
        value = value &* 0xbf58_476d_1ce4_e5b9
        return value ^ (value >> 32)
    }
}
