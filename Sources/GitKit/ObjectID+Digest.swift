internal import CCrypto

extension ObjectID {
    /// A digest of `bytes` the size of an object id: SHA-256, its first 160
    /// bits. For keys that are not Git object ids (which are SHA-1 of the
    /// object, `init(hashingBlob:)`): what a page or a check was made from.
    public init(digesting bytes: [UInt8]) {
        var digest = (UInt64(0), UInt64(0), UInt64(0), UInt64(0))
        withUnsafeMutableBytes(of: &digest) { digest in
            bytes.withUnsafeBytes { bytes in
                _ = SHA256(bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), bytes.count, digest.baseAddress!.assumingMemoryBound(to: UInt8.self))
            }
        }
        self = withUnsafeBytes(of: digest) { ObjectID(raw: $0) }
    }
}
