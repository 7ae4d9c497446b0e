/// A 64-bit checksum of a cache file's content, to notice a truncated,
/// partly overwritten or bit-flipped file before trusting any of it. Not
/// cryptographic: the caches live inside the repository's own Git folder.
///
/// Taken as the bytes come, so a cache of tens of megabytes can be written
/// in pieces without ever holding all of it.
///
/// Every cache file carries it: a change here is a new version of each
/// (`CheckedRunbookCache`, `LineageCache`, `PartManifest`), so that files
/// written before are rebuilt rather than refused as damaged.
struct CacheChecksum {
    /// Four independent lanes, one per word of each 32-byte block: the mixes of
    /// neighbouring words overlap in the processor instead of each waiting for
    /// the last, which makes checking a cache four times as fast.
    private var lanes: (UInt64, UInt64, UInt64, UInt64) = (
        0xcbf2_9ce4_8422_2325, 0x8422_2325_cbf2_9ce4, 0x9ce4_cbf2_2325_8422, 0x2325_8422_9ce4_cbf2
    )
    private var count: UInt64 = 0
    /// The start of a block not yet complete, in file order.
    private var pending: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    private var pendingCount = 0

    static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var checksum = CacheChecksum()
        checksum.add(bytes)
        return checksum.value
    }

    mutating func add(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        count += UInt64(bytes.count)
        var offset = 0
        if pendingCount > 0 {
            offset = min(32 - pendingCount, bytes.count)
            let start = pendingCount
            withUnsafeMutableBytes(of: &pending) { $0.baseAddress!.advanced(by: start).copyMemory(from: base, byteCount: offset) }
            pendingCount += offset
            guard pendingCount == 32 else { return }
            mix(pending)
            pending = (0, 0, 0, 0)
            pendingCount = 0
        }
        while offset + 32 <= bytes.count {
            mix((
                bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self),
                bytes.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self),
                bytes.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self),
                bytes.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self)))
            offset += 32
        }
        let rest = bytes.count - offset
        if rest > 0 {
            withUnsafeMutableBytes(of: &pending) { $0.baseAddress!.copyMemory(from: base + offset, byteCount: rest) }
            pendingCount = rest
        }
    }

    /// The checksum of everything added: the last partial block (padded with
    /// zeros), then the lanes folded together with the length.
    var value: UInt64 {
        var checksum = self
        if pendingCount > 0 { checksum.mix(pending) }
        let lanes = checksum.lanes
        return Self.mix(Self.mix(Self.mix(Self.mix(lanes.0 ^ count) ^ lanes.1) ^ lanes.2) ^ lanes.3)
    }

    /// Mixes a block, read in memory order, as four little-endian words.
    private mutating func mix(_ block: (UInt64, UInt64, UInt64, UInt64)) {
        lanes.0 = Self.mix(lanes.0 ^ UInt64(littleEndian: block.0))
        lanes.1 = Self.mix(lanes.1 ^ UInt64(littleEndian: block.1))
        lanes.2 = Self.mix(lanes.2 ^ UInt64(littleEndian: block.2))
        lanes.3 = Self.mix(lanes.3 ^ UInt64(littleEndian: block.3))
    }

    private static func mix(_ value: UInt64) -> UInt64 {
        var value = value &* 0x9e37_79b9_7f4a_7c15
        value ^= value >> 29
        value = value &* 0xbf58_476d_1ce4_e5b9
        return value ^ (value >> 32)
    }
}
