internal import CGit2

/// A Git object id (SHA-1): its 20 raw bytes, held inline.
///
/// Stored raw rather than as hex text so that listing a 10,000-file tree or
/// index allocates nothing per id; `hex` is made when something prints it.
public struct ObjectID: Hashable, Sendable, CustomStringConvertible, Comparable {
    /// The bytes in order, packed big-endian, so comparing the fields compares the ids.
    private let high: UInt64
    private let middle: UInt64
    private let low: UInt32

    /// Accepts a full 40-character hex id (either case).
    /// Abbreviated ids are revisions, not ids: use `Repository.resolveCommit`.
    public init?(hex: String) {
        self.init(digits: hex.utf8)
    }

    /// Accepts a full 40-character hex id (either case) as its UTF-8 bytes, as
    /// it stands in a file: 30,000 page records parse without a `String` each.
    public init?(hexDigits: UnsafeRawBufferPointer) {
        self.init(digits: hexDigits)
    }

    private init?(digits hexDigits: some Collection<UInt8>) {
        guard hexDigits.count == Self.rawLength * 2 else { return nil }
        var high: UInt64 = 0
        var middle: UInt64 = 0
        var low: UInt32 = 0
        for (position, digit) in hexDigits.enumerated() {
            guard let value = Self.hexValue(digit) else { return nil }
            switch position {
            case ..<16: high = high << 4 | UInt64(value)
            case ..<32: middle = middle << 4 | UInt64(value)
            default: low = low << 4 | UInt32(value)
            }
        }
        self.high = high
        self.middle = middle
        self.low = low
    }

    init(_ oid: UnsafePointer<git_oid>) {
        self = withUnsafeBytes(of: oid.pointee.id) { ObjectID(raw: $0) }
    }

    /// The id from its 20 raw bytes; nil for any other length.
    public init?(rawBytes: UnsafeRawBufferPointer) {
        guard rawBytes.count == Self.rawLength else { return nil }
        self.init(raw: rawBytes)
    }

    /// The id from the first 20 bytes of `raw`.
    init(raw: UnsafeRawBufferPointer) {
        high = UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self))
        middle = UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
        low = UInt32(bigEndian: raw.loadUnaligned(fromByteOffset: 16, as: UInt32.self))
    }

    /// The 20 raw bytes.
    public var rawBytes: [UInt8] { withRawBytes(Array.init) }

    /// Calls `body` with the 20 raw bytes, without making an array of them:
    /// caches write hundreds of thousands of ids.
    public func withRawBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try withUnsafeBytes(of: (high.bigEndian, middle.bigEndian, low.bigEndian)) { words in
            try body(UnsafeRawBufferPointer(rebasing: words.prefix(Self.rawLength)))
        }
    }

    /// The first raw byte, which picks a pack index's fan-out slot.
    var firstByte: UInt8 { UInt8(truncatingIfNeeded: high >> 56) }
    /// The first eight raw bytes, big-endian: comparing them orders most ids.
    var leadingWord: UInt64 { high }

    /// 40 lowercase hexadecimal characters.
    /// Written straight from the three words: a build spells hundreds of
    /// thousands of ids (pages, index.json, page records).
    public var hex: String {
        String(unsafeUninitializedCapacity: Self.rawLength * 2) { out in
            spellHex(into: out)
            return Self.rawLength * 2
        }
    }

    /// Appends the 40 characters of `hex` to `bytes`, without a string between.
    public func appendHex(to bytes: inout [UInt8]) {
        let start = bytes.count
        bytes.append(contentsOf: repeatElement(0, count: Self.rawLength * 2))
        bytes.withUnsafeMutableBufferPointer { spellHex(into: UnsafeMutableBufferPointer(rebasing: $0[start...])) }
    }

    /// Writes the 40 hex characters into `out`, which has room for them.
    private func spellHex(into out: UnsafeMutableBufferPointer<UInt8>) {
        var position = 0
        func spell(_ word: UInt64, bits: Int) {
            for shift in stride(from: bits - 4, through: 0, by: -4) {
                let nibble = UInt8(truncatingIfNeeded: word >> UInt64(shift)) & 0x0f
                out[position] = nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") - 10 + nibble
                position += 1
            }
        }
        spell(high, bits: 64)
        spell(middle, bits: 64)
        spell(UInt64(low), bits: 32)
    }

    /// The first seven characters, as `git log --oneline` shows by default.
    public var short: String { String(hex.prefix(7)) }

    public var description: String { hex }

    public static func < (lhs: ObjectID, rhs: ObjectID) -> Bool {
        (lhs.high, lhs.middle, lhs.low) < (rhs.high, rhs.middle, rhs.low)
    }

    private static let rawLength = 20

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    /// The id as libgit2 wants it.
    var oid: git_oid {
        var oid = git_oid()
        withUnsafeMutableBytes(of: &oid.id) { buffer in
            for (index, byte) in rawBytes.enumerated() { buffer[index] = byte }
        }
        return oid
    }
}
