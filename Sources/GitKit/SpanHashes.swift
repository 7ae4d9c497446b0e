/// A blob's content fingerprint as git's rename detection computes it
/// (`hash_chars` in diffcore-delta.c): the content cut into chunks that end
/// at a newline or after 64 bytes, each chunk hashed, and the bytes per hash
/// summed.
///
/// Two fingerprints give "how many bytes of one were copied from the other",
/// from which `RenameSimilarity` derives git's similarity score.
struct SpanHashes {
    /// (hash << 32 | byte count), sorted by hash: merging two lists compares them.
    let entries: [UInt64]
    /// The blob's size in bytes (not the counted bytes, which skip CRs).
    let size: Int

    /// git's modulus: a prime between 2^16 and 2^17.
    static let hashBase: UInt32 = 107_927

    /// The bytes both fingerprints share: the sum over common hashes of the
    /// smaller count (`diffcore_count_changes`' `src_copied`).
    func copied(into other: SpanHashes) -> UInt64 {
        var copied: UInt64 = 0
        var i = 0, j = 0
        let a = entries, b = other.entries
        while i < a.count, j < b.count {
            let left = a[i] >> 32, right = b[j] >> 32
            if left < right {
                i += 1
            } else if left > right {
                j += 1
            } else {
                copied += min(a[i] & 0xffff_ffff, b[j] & 0xffff_ffff)
                i += 1
                j += 1
            }
        }
        return copied
    }
}
