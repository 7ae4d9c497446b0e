internal import CGit2

/// A Git object id (SHA-1), kept as its 40-character lowercase hex form.
///
/// Hex is what every caller prints, stores in JSON and compares with `git`
/// output, so it is the stored form; the raw `git_oid` is rebuilt only when
/// handing the id back to libgit2.
public struct ObjectID: Hashable, Sendable, CustomStringConvertible, Comparable {
    /// 40 lowercase hexadecimal characters.
    public let hex: String

    /// Accepts a full 40-character hex id (either case; stored lowercase).
    /// Abbreviated ids are revisions, not ids: use `Repository.resolveCommit`.
    public init?(hex: String) {
        let utf8 = hex.utf8
        guard utf8.count == Self.hexLength, utf8.allSatisfy(Self.isHexDigit) else { return nil }
        self.hex = hex.lowercased()
    }

    /// The first seven characters, as `git log --oneline` shows by default.
    public var short: String { String(hex.prefix(7)) }

    public var description: String { hex }

    public static func < (lhs: ObjectID, rhs: ObjectID) -> Bool {
        // Plain byte order of the hex text, which is also the order of the raw ids.
        lhs.hex.utf8.lexicographicallyPrecedes(rhs.hex.utf8)
    }

    private static let hexLength = 40
    private static let rawLength = 20

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "f"),
             UInt8(ascii: "A")...UInt8(ascii: "F"):
            return true
        default:
            return false
        }
    }

    /// Encodes the 20 raw bytes straight into one string allocation: this runs
    /// once per entry of 10,000-file trees, so it avoids `git_oid_tostr`'s
    /// intermediate C buffer and a second copy.
    init(_ oid: UnsafePointer<git_oid>) {
        let digits: StaticString = "0123456789abcdef"
        hex = withUnsafeBytes(of: oid.pointee.id) { raw in
            String(unsafeUninitializedCapacity: Self.hexLength) { out in
                digits.withUTF8Buffer { digit in
                    for index in 0..<Self.rawLength {
                        out[2 * index] = digit[Int(raw[index] >> 4)]
                        out[2 * index + 1] = digit[Int(raw[index] & 0x0f)]
                    }
                }
                return Self.hexLength
            }
        }
    }

    /// The id as libgit2 wants it. `hex` was validated on the way in, so the
    /// parse cannot fail; the return code is still checked rather than assumed.
    var oid: git_oid {
        var oid = git_oid()
        let code = git_oid_fromstrn(&oid, hex, hex.utf8.count)
        precondition(code == 0, "ObjectID holds an invalid hex id: \(hex)")
        return oid
    }
}
